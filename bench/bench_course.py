"""Benchmark of a course of care (issue 16): a client with 500 sessions.

Targets:

(a) the client's history window opens with its charts drawn in under 100 ms (the visits
    read from the store, the window built, shown and painted; median of 7);
(b) ``planner progress CLIENT --json`` as a whole process takes at most 6 times
    ``python -c pass`` (interleaved, median of 15 each);
(c) ``planner progress CLIENT --pdf OUT.pdf`` as a whole process takes at most 2.5 times a
    whole-process reportlab build of a one-paragraph document (interleaved, median of 7).

Run: ``python bench/bench_course.py [--runs N]``. Prints the figures and PASS/FAIL for each
target; the exit status is 1 when a target is missed. The store is made once and kept in
the temporary folder (``planner-bench-course-v<schema>``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SESSIONS = 500
HISTORY_TARGET = 0.100
JSON_RATIO_TARGET = 6.0
PDF_RATIO_TARGET = 2.5
CLIENT = "Margaret Olsen"
ONE_PARAGRAPH = """
import sys
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate
SimpleDocTemplate(sys.argv[1]).build(
    [Paragraph("A one-paragraph document, for comparison.", getSampleStyleSheet()["Normal"])]
)
"""


def _plan(index: int) -> dict:
    day = datetime.date(2022, 1, 3) + datetime.timedelta(days=3 * index)
    wave = (index * 7) % 11
    return {
        "format": "session-plan",
        "version": 2,
        "title": f"Neuropathy foot care, visit {index + 1}",
        "date": day.isoformat(),
        "therapist": {"name": "Sam Rivera, LMT", "clinic": "Northside Bodywork"},
        "client": {"name": CLIENT, "conditions": ["neuropathy", "diabetes"], "notes": ""},
        "avoid": [{"region": "heel", "side": "left", "reason": "open-wound", "note": ""}],
        "symptoms": [
            {"region": "sole", "side": "both", "kind": "numbness", "intensity": 3 + wave % 5},
            {"region": "toes", "side": "left", "kind": "tingling", "intensity": wave % 7},
        ],
        "steps": [
            {"technique": "effleurage", "region": "foot", "side": "both", "minutes": 5,
             "pressure": "light", "notes": ""},
            {"technique": "toe-work", "region": "toes", "side": "both", "minutes": 10,
             "pressure": "light", "notes": ""},
        ],
        "measures": {
            "pain_before": 8 - index * 5 // SESSIONS,
            "pain_after": max(0, 6 - index * 5 // SESSIONS),
            "mnsi_a": {str(i): (i + index) % 3 == 0 for i in range(1, 16)},
            "monofilament": {"left-hallux": "not-felt" if wave > 5 else "felt",
                             "right-hallux": "felt", "left-met1": "felt"},
        },
        "soap": {"subjective": "", "objective": "", "assessment": "Steady.", "plan": ""},
    }  # fmt: skip


def make_store() -> Path:
    """A store with one client of 500 sessions (made once, then reused)."""
    from planner.storage.paths import SCHEMA_VERSION

    # One store per schema version: a store of an older layout is not opened read-only.
    folder = Path(tempfile.gettempdir()) / f"planner-bench-course-v{SCHEMA_VERSION}"
    marker = folder / "ready"
    if marker.exists():
        return folder
    from planner.core.planfile import loads_plan
    from planner.storage import ClientRecord, SessionRecord, Store

    with Store.open(folder) as store:
        client = store.save_client(ClientRecord(id="", name=CLIENT))
        first = store.save_session(
            SessionRecord(id="", client_id=client.id, plan=loads_plan(json.dumps(_plan(0))))
        )
    # The other 499 written at once into the client's session file (a save per session
    # would rewrite the growing file 500 times).
    path = folder / "sessions" / f"{client.id}.json"
    data = json.loads(path.read_text())
    table = data["sessions"]
    template = next(iter(table.values()))
    for index in range(1, SESSIONS):
        doc = dict(template, id=f"{client.id}-{index:012x}", plan=_plan(index))
        doc["saved_at"] = f"2026-01-01T00:00:{index % 60:02d}.{index:06d}+00:00"
        table[str(index + 1)] = doc
    path.write_text(json.dumps(data))
    with Store.open(folder, read_only=True) as store:
        assert len(store.visits(client.id)) == SESSIONS, first.id
    marker.write_text("ok")
    return folder


def history_times(folder: Path, runs: int) -> list[float]:
    """Seconds from asking for the history to every chart in view painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from planner.gui.course.history import HistoryWindow
    from planner.storage import Store

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen: set[int] = set()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.seen.add(id(watched))
            return False

    app = QApplication.instance() or QApplication([])
    times = []
    with Store.open(folder, read_only=True) as store:
        client = store.clients()[0]
        for _ in range(runs + 1):  # the first warms Qt's fonts and styles up
            painted = Painted()
            start = time.perf_counter()
            window = HistoryWindow(client.name, store.visits(client.id))
            for chart in window.charts:
                chart.installEventFilter(painted)
            window.resize(980, 680)
            window.show()
            while True:
                app.processEvents()
                in_view = [c for c in window.charts if not c.visibleRegion().isEmpty()]
                if in_view and all(id(c) in painted.seen for c in in_view):
                    break
            times.append(time.perf_counter() - start)
            window.close()
            window.deleteLater()
            app.processEvents()
    return times[1:]


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def interleaved(ours: list[str], theirs: list[str], runs: int) -> tuple[float, float]:
    _timed(ours), _timed(theirs)  # warm the file cache and the bytecode
    mine, base = [], []
    for _ in range(runs):
        mine.append(_timed(ours))
        base.append(_timed(theirs))
    return statistics.median(mine), statistics.median(base)


def report(name: str, value: float, target: float, unit: str = "x") -> bool:
    ok = value <= target
    shown = f"{value * 1000:.0f} ms" if unit == "s" else f"{value:.2f}x"
    goal = f"{target * 1000:.0f} ms" if unit == "s" else f"{target:g}x"
    print(f"{name}: {shown} (target at most {goal}) {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default: each's own)")
    args = parser.parse_args()
    folder = make_store()
    planner = [sys.executable, "-m", "planner", "--data-dir", str(folder), "progress", CLIENT]
    ok = True
    history = statistics.median(history_times(folder, args.runs or 7))
    ok &= report(
        f"history of {SESSIONS} sessions, opened and painted", history, HISTORY_TARGET, "s"
    )
    mine, base = interleaved([*planner, "--json"], [sys.executable, "-c", "pass"], args.runs or 15)
    print(f"  planner progress --json {mine * 1000:.0f} ms; python -c pass {base * 1000:.0f} ms")
    ok &= report("planner progress --json / python -c pass", mine / base, JSON_RATIO_TARGET)
    with tempfile.TemporaryDirectory() as out:
        mine, base = interleaved(
            [*planner, "--pdf", str(Path(out) / "progress.pdf")],
            [sys.executable, "-c", ONE_PARAGRAPH, str(Path(out) / "one.pdf")],
            args.runs or 7,
        )
    print(f"  planner progress --pdf {mine * 1000:.0f} ms; one paragraph {base * 1000:.0f} ms")
    ok &= report("planner progress --pdf / one-paragraph reportlab", mine / base, PDF_RATIO_TARGET)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
