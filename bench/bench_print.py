"""Benchmark printing through CUPS: the size of a 4-page job and how long queuing it takes.

``python bench/bench_print.py [--printer NAME]`` builds the therapist's protocol of a
realistic 4-page session, sends it to the queue as the window and ``planner print``
do (the PDF itself, through ``lp``), and measures:

- the job's size: the bytes handed to the queue (target: under 1 MB);
- queuing it: ``lp`` taking the job, median of 5 (target: under 1 s);
- ``planner print PLAN.json --protocol`` as a whole process, median of 3 (for
  information: it also starts Python and builds the PDF).

Before this, the window and ``planner print`` sent the pages as 300-1200 dpi
images: 31.5 MB for these 4 pages (``lpstat -W completed -o``), and ``planner
print`` took 21-38 s on the 2-core test machine. Needs a CUPS queue (``.ci/run``
sets up ``PlannerPDF``); exits 1 when a target is missed, 2 when there is no queue.
"""

from __future__ import annotations

import argparse
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

from planner.core.library import builtin_library  # noqa: E402
from planner.core.planfile import parse_plan  # noqa: E402
from planner.export import build_protocol, cups  # noqa: E402

# A realistic session whose protocol takes 4 pages (Letter).
PLAN = {
    "format": "session-plan",
    "version": 1,
    "title": "Neuropathy foot care, week 1",
    "date": "2026-11-21",
    "client": {"name": "Margaret Olsen", "conditions": ["neuropathy", "diabetes"]},
    "avoid": [{"region": "heel", "side": "left", "reason": "open-wound", "note": "blister"}],
    "symptoms": [{"region": "sole", "side": "both", "kind": "numbness", "intensity": 6}],
    "steps": [
        {"technique": technique, "region": region, "minutes": minutes}
        for technique, region, minutes in (
            ("effleurage", "foot", 5),
            ("toe-work", "toes", 8),
            ("circular-friction", "sole", 6),
            ("gentle-stroking", "hand", 4),
            ("petrissage", "calf", 6),
        )
    ],
    "home_care": [
        {"exercise": exercise, "minutes": 5, "frequency": "daily"}
        for exercise in ("toe-alphabet", "ball-roll", "toe-squeeze", "hand-massage", "calf-massage")
    ],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--printer", default="PlannerPDF")
    args = parser.parse_args()
    if not cups.available() or args.printer not in cups.destinations():
        print(f"no CUPS queue {args.printer!r} here: nothing measured")
        return 2
    plan = parse_plan(PLAN, builtin_library())
    data = build_protocol(plan, builtin_library())
    pages = cups.page_count(data)
    job = cups.PrintJob(cups.job_title("protocol", plan.client.name, plan.title), args.printer)
    times = []
    for _ in range(5):
        began = time.perf_counter()
        cups.submit(data, job)
        times.append(time.perf_counter() - began)
    queued = statistics.median(times)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        path.write_text(json.dumps(PLAN), encoding="utf-8")
        command = [sys.executable, "-m", "planner", "print", str(path), "--protocol"]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        runs = []
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run(
                command + ["--printer", args.printer], env=env, check=True, capture_output=True
            )
            runs.append(time.perf_counter() - began)
    whole = statistics.median(runs)
    rows = [
        (
            f"job size, protocol of {pages} pages",
            f"{len(data) / 1024:.0f} KB",
            "< 1 MB",
            len(data) < 1024 * 1024,
        ),
        ("queued by lp (median of 5)", f"{queued * 1000:.0f} ms", "< 1 s", queued < 1),
        ("planner print, whole process (median of 3)", f"{whole:.2f} s", "(info)", None),
    ]
    failed = False
    for label, shown, target, ok in rows:
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        failed |= ok is False
        print(f"{label:<44}{shown:>10}   {target:<8}{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
