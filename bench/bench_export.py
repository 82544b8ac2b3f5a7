"""Benchmark of the PDF export (issue 3).

Targets:

(a) ``planner export`` of both documents for a 7-step plan, as a whole process, takes at
    most 2.5 times a whole-process reportlab build of a one-paragraph document, measured
    in the same run (interleaved, median of several runs each);
(b) a 400-step protocol builds in under 3 s, and the build time grows linearly from 100
    to 400 steps (t400 / t100 at most 5);
(c) big plans (issue 14): the format allows 10,000 steps. Each size is built in a fresh
    process (a plan with a note on every step and a finding on every seventh, the worst
    common case): 4,000 steps take at most 8 times 500 steps, and 10,000 steps take
    under 30 s with a peak resident memory under 200 MB (the whole process: Python,
    reportlab, fonts and the plan);
(d) the client's papers in another language (issue 17): the home-care sheet in Spanish
    builds within 10% of the English one's time (median of interleaved in-process builds,
    normal and large print, after one warm-up build of each).

Run: ``python bench/bench_export.py [--runs N] [--big-only] [--languages-only]``. Prints
the figures and PASS/FAIL for each target; the exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RATIO_TARGET = 2.5
LONG_TARGET_SECONDS = 3.0
GROWTH_TARGET = 5.0
BIG_RATIO_TARGET = 8.0
BIG_SECONDS_TARGET = 30.0
BIG_MEMORY_TARGET_MB = 200.0
LANGUAGE_TARGET = 1.10

BIG_CHILD = """
import copy, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from bench_export import PLAN
from planner.core.planfile import parse_plan
from planner.export import build_protocol

count = int(sys.argv[2])
data = copy.deepcopy(PLAN)
data["steps"] = [
    dict(PLAN["steps"][i % 7], minutes=1, notes=f"Step {i + 1}: slow, light; ask about pressure.")
    for i in range(count)
]
data["length_minutes"] = min(count, 1440)
plan = parse_plan(data)
start = time.perf_counter()
pdf = build_protocol(plan)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "bytes": len(pdf)}))
"""

PLAN = {
    "format": "session-plan",
    "version": 1,
    "title": "Neuropathy foot care, week 3",
    "date": "2026-11-21",
    "length_minutes": 60,
    "therapist": {"name": "Sam Rivera, LMT", "clinic": "Northside Bodywork"},
    "client": {"name": "Alex Doe", "conditions": ["neuropathy", "diabetes"], "notes": ""},
    "avoid": [
        {"region": "heel", "side": "left", "reason": "open-wound", "note": "healing blister"},
        {"region": "shin", "side": "right", "reason": "bruise", "note": ""},
    ],
    "symptoms": [
        {"region": "sole", "side": "both", "kind": "numbness", "intensity": 6},
        {"region": "toes", "side": "both", "kind": "tingling", "intensity": 4},
    ],
    "steps": [
        {"technique": "effleurage", "region": "lower-leg", "side": "both", "minutes": 5},
        {"technique": "gentle-stroking", "region": "foot", "side": "both", "minutes": 6},
        {"technique": "circular-friction", "region": "sole", "side": "left", "minutes": 5},
        {"technique": "circular-friction", "region": "sole", "side": "right", "minutes": 5},
        {"technique": "toe-work", "region": "toes", "side": "both", "minutes": 8},
        {"technique": "range-of-motion", "region": "ankle", "side": "both", "minutes": 6},
        {"technique": "petrissage", "region": "calf", "side": "both", "minutes": 10},
    ],
}

ONE_PARAGRAPH = """
import sys
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate
SimpleDocTemplate(sys.argv[1]).build(
    [Paragraph("A one-paragraph document, for comparison.", getSampleStyleSheet()["Normal"])]
)
"""


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def whole_process(runs: int) -> tuple[float, float]:
    """Median seconds of (planner export of both documents, one-paragraph reportlab build)."""
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.json"
        plan.write_text(json.dumps(PLAN), encoding="utf-8")
        export = [
            sys.executable, "-m", "planner", "export", str(plan),
            "--protocol", str(Path(folder) / "protocol.pdf"),
            "--home-care", str(Path(folder) / "home.pdf"),
        ]  # fmt: skip
        baseline = [sys.executable, "-c", ONE_PARAGRAPH, str(Path(folder) / "one.pdf")]
        _timed(export), _timed(baseline)  # warm the disk cache
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(_timed(export))
            theirs.append(_timed(baseline))
    return statistics.median(ours), statistics.median(theirs)


def protocol_times(counts: tuple[int, ...], runs: int) -> dict[int, float]:
    """Median in-process seconds to build the protocol of a plan with each step count."""
    from planner.core.planfile import parse_plan
    from planner.export import build_protocol

    build_protocol(parse_plan(PLAN))  # fonts and body map loaded once, as in a real process
    times = {}
    for count in counts:
        data = copy.deepcopy(PLAN)
        data["steps"] = [dict(PLAN["steps"][i % 7], minutes=1) for i in range(count)]
        data["length_minutes"] = count
        plan = parse_plan(data)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            build_protocol(plan)
            samples.append(time.perf_counter() - start)
        times[count] = statistics.median(samples)
    return times


def big_plan(count: int) -> dict[str, float]:
    """Seconds to build the protocol of ``count`` steps, and the process's peak memory (MB)."""
    result = subprocess.run(
        [sys.executable, "-c", BIG_CHILD, str(ROOT / "bench"), str(count)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(result.stdout)


def big_plans(runs: int) -> bool:
    """Target (c): linear growth, 10,000 steps under 30 s and 200 MB."""
    small = statistics.median(big_plan(500)["seconds"] for _ in range(runs))
    large = statistics.median(big_plan(4000)["seconds"] for _ in range(runs))
    biggest = big_plan(10_000)
    ratio = large / small
    linear = ratio <= BIG_RATIO_TARGET
    fast = biggest["seconds"] < BIG_SECONDS_TARGET
    small_memory = biggest["peak_mb"] < BIG_MEMORY_TARGET_MB
    print(
        f"(c) big plans: 500 steps {small:.2f} s, 4,000 steps {large:.2f} s "
        f"(median of {runs} each): ratio {ratio:.2f} (target <= {BIG_RATIO_TARGET:g}) "
        f"{'PASS' if linear else 'FAIL'}"
    )
    print(
        f"    10,000 steps {biggest['seconds']:.1f} s (target < {BIG_SECONDS_TARGET:g} s) "
        f"{'PASS' if fast else 'FAIL'}; peak memory {biggest['peak_mb']:.0f} MB "
        f"(target < {BIG_MEMORY_TARGET_MB:g} MB) {'PASS' if small_memory else 'FAIL'}; "
        f"{biggest['bytes'] / 1e6:.1f} MB of PDF"
    )
    return linear and fast and small_memory


def language_times(runs: int) -> dict[str, float]:
    """Median in-process build time of the home-care sheet, by language (both prints)."""
    from planner.core.planfile import parse_plan
    from planner.export import build_home_care

    plan = parse_plan(PLAN)
    times: dict[str, list[float]] = {"en": [], "es": []}
    for round_ in range(runs + 1):
        for language in times:
            start = time.perf_counter()
            for large in (False, True):
                build_home_care(plan, large_print=large, language=language)
            if round_:  # the first round warms up fonts, catalogs and caches
                times[language].append(time.perf_counter() - start)
    return {language: statistics.median(values) for language, values in times.items()}


def languages(runs: int) -> bool:
    times = language_times(runs)
    ratio = times["es"] / times["en"]
    passed = ratio <= LANGUAGE_TARGET
    print(
        f"(d) home-care sheet, both prints: English {times['en'] * 1000:.0f} ms, Spanish "
        f"{times['es'] * 1000:.0f} ms; ratio {ratio:.3f} (target <= {LANGUAGE_TARGET:g}) "
        f"{'PASS' if passed else 'FAIL'}"
    )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default 7)")
    parser.add_argument("--big-only", action="store_true", help="only target (c), big plans")
    parser.add_argument("--languages-only", action="store_true", help="only target (d)")
    args = parser.parse_args()
    if args.big_only:
        return 0 if big_plans(3) else 1
    if args.languages_only:
        return 0 if languages(args.runs) else 1
    ok = True

    ours, theirs = whole_process(args.runs)
    ratio = ours / theirs
    passed = ratio <= RATIO_TARGET
    ok &= passed
    print(
        f"(a) planner export, both documents, 7 steps: {ours * 1000:.0f} ms; "
        f"one-paragraph reportlab build: {theirs * 1000:.0f} ms; ratio {ratio:.2f} "
        f"(target <= {RATIO_TARGET}) {'PASS' if passed else 'FAIL'}"
    )

    times = protocol_times((100, 200, 400), max(3, args.runs // 2))
    growth = times[400] / times[100]
    fast = times[400] < LONG_TARGET_SECONDS
    linear = growth <= GROWTH_TARGET
    ok &= fast and linear
    print(
        "(b) protocol build: "
        + ", ".join(f"{count} steps {seconds * 1000:.0f} ms" for count, seconds in times.items())
    )
    print(
        f"    400 steps in {times[400]:.2f} s (target < {LONG_TARGET_SECONDS:g} s) "
        f"{'PASS' if fast else 'FAIL'}; t400/t100 = {growth:.2f} "
        f"(target <= {GROWTH_TARGET:g}) {'PASS' if linear else 'FAIL'}"
    )
    ok &= big_plans(3)
    ok &= languages(args.runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
