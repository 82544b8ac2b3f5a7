"""Benchmark the client records: one client's 500 sessions, and 2,000 clients listed.

``python bench/bench_clients.py`` measures:

- opening a client with 500 sessions: their summaries read from a freshly
  opened store and shown in the client panel's session list, laid out and
  painted (offscreen), newest first, in process (median of 15; target: at most
  50 ms);
- ``planner clients`` on a store of 2,000 clients and 20,000 sessions as a whole
  process against ``python -c pass``, interleaved, median of 15 each, bytecode
  cached as when installed, with the session index already made by an earlier
  listing (target: at most 6x); the very first listing, which makes that index
  by reading every session file once, is shown for information.

Prints the figures and PASS/FAIL; exits 1 if a target is missed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from make_store import make_store  # noqa: E402

from planner.storage import Store  # noqa: E402
from planner.storage.overview import INDEX_FILE  # noqa: E402

RUNS = 15


def bench_summaries(scratch: Path) -> float:
    """Median seconds to list the sessions of a client who has 500."""
    folder = scratch / "one-client"
    make_store(folder, 1, 500)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import planner.gui  # noqa: F401 - the PySide6 guard, as the window has it
    from planner.gui.client.sessions import SessionList

    app = QApplication.instance() or QApplication([])
    listing = SessionList()
    listing.resize(360, 200)
    listing.show()
    app.processEvents()
    times = []
    for _ in range(RUNS):  # each time from a freshly opened store: nothing parsed yet
        with Store.open(folder, read_only=True) as store:
            (client,) = store.clients()
            began = time.perf_counter()
            rows = store.session_summaries(client.id)
            listing.show_sessions(rows)
            app.processEvents()  # laid out and painted, as the panel shows it
            times.append(time.perf_counter() - began)
        assert len(rows) == 500 and listing.model().rowCount() == 500
    return statistics.median(times)


def bench_clients_process(scratch: Path) -> tuple[float, float, float]:
    """(first listing, median listing, median python -c pass), in seconds."""
    folder = scratch / "many"
    make_store(folder, 2000, 20000)
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(scratch / "pycache"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {
        "clients": [sys.executable, "-m", "planner", "clients", "--data-dir", str(folder)],
        "pass": [sys.executable, "-c", "pass"],
    }
    subprocess.run(commands["pass"], env=env, capture_output=True, check=True)
    began = time.perf_counter()
    first = subprocess.run(commands["clients"], env=env, capture_output=True, check=False)
    first_time = time.perf_counter() - began
    if first.returncode != 0 or not (folder / INDEX_FILE).is_file():
        raise SystemExit(f"planner clients failed: {first.stderr.decode()}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            began = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            times[name].append(time.perf_counter() - began)
    return first_time, statistics.median(times["clients"]), statistics.median(times["pass"])


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="planner-bench-clients-") as name:
        scratch = Path(name)
        listing = bench_summaries(scratch)
        first, clients, bare = bench_clients_process(scratch)
        shutil.rmtree(scratch / "many", ignore_errors=True)
    ratio = clients / bare
    rows = [
        (
            "one client's 500 sessions listed (median)",
            f"{listing * 1000:.1f} ms",
            "<= 50 ms",
            listing <= 0.05,
        ),
        ("planner clients, 2,000 clients, first ever", f"{first * 1000:.0f} ms", "(info)", None),
        (
            "planner clients / python -c pass",
            f"{clients * 1000:.0f} / {bare * 1000:.0f} ms = {ratio:.1f}x",
            "<= 6x",
            ratio <= 6,
        ),
    ]
    failed = False
    for label, shown, target, ok in rows:
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        failed |= ok is False
        print(f"{label:<46}{shown:>26}   {target:<9}{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
