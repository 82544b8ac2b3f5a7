"""Benchmark the planner's core where speed matters to the therapist.

``python bench/bench_core.py`` measures:

- the safety check of a 200-step plan with 20 avoided areas, 10 symptom areas and a
  5-item home-care routine, which the window runs after every keystroke: median of 7
  repeats, each the mean of many calls (target: at most 5 ms);
- ``planner check PLAN.json`` as a whole process against ``python -c pass``,
  started alternately so that both see the same machine load: median of 15 runs
  each (target: at most 6 times ``python -c pass``).

Prints the figures and PASS/FAIL for each target; exits 1 if any target fails.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.core.library import builtin_library  # noqa: E402
from planner.core.plan import (  # noqa: E402
    AvoidedArea,
    Client,
    HomeCareItem,
    SessionPlan,
    Step,
    SymptomArea,
)
from planner.core.planfile import save_plan  # noqa: E402
from planner.core.regions import PAIRED_REGIONS, REGIONS  # noqa: E402
from planner.core.safety import check_plan  # noqa: E402
from planner.core.vocab import AVOID_REASONS  # noqa: E402

CHECK_TARGET_MS = 5.0
PROCESS_TARGET_RATIO = 6.0


def big_plan() -> SessionPlan:
    """200 steps over the whole body, 20 avoided areas (every kind of reason), 10 symptom
    areas, a 5-item home-care routine and many conditions."""
    techniques = list(builtin_library().techniques)
    pressures = ("light", "moderate", "firm", "deep")
    areas = [
        (region, side)
        for region in REGIONS
        for side in (("left", "right", "both") if region in PAIRED_REGIONS else ("midline",))
    ]
    steps = [
        Step(techniques[i % len(techniques)], *areas[(i * 7) % len(areas)], 1.5, pressures[i % 4])
        for i in range(200)
    ]
    reasons = itertools.cycle(AVOID_REASONS)
    avoided = [
        AvoidedArea(*area, reason=next(reasons), note="a note")
        for area in itertools.islice(areas[3::3], 20)
    ]
    symptoms = [
        SymptomArea(*area, kind=kind, intensity=5)
        for area, kind in zip(
            areas[1::7][:10],
            itertools.cycle(("numbness", "burning", "hypersensitivity", "sharp-pain")),
            strict=False,
        )
    ]
    plan = SessionPlan(
        title="Benchmark",
        length_minutes=120,
        client=Client(
            "Bench",
            ("neuropathy", "diabetes", "blood-thinners", "osteoporosis", "cancer", "pregnancy"),
        ),
        avoid=avoided,
        symptoms=symptoms,
        steps=steps,
        home_care=[
            HomeCareItem(exercise, 5)
            for exercise in (
                "foot-massage",
                "toe-alphabet",
                "marble-bath",
                "ball-roll",
                "calf-massage",
            )
        ],
    )
    assert len(plan.steps) == 200 and len(plan.avoid) == 20 and len(plan.symptoms) == 10
    assert plan.home_care is not None and len(plan.home_care) == 5
    return plan


def bench_check(repeats: int) -> tuple[float, int]:
    """Median milliseconds per safety check, and the number of findings."""
    plan = big_plan()
    library = builtin_library()
    findings = len(check_plan(plan, library))
    timer = timeit.Timer(lambda: check_plan(plan, library))
    number, _ = timer.autorange()
    times = timer.repeat(repeat=repeats, number=number)
    return statistics.median(times) / number * 1000, findings


def bench_check_cpu(repeats: int) -> float:
    """Median CPU milliseconds per safety check (for information: on a busy machine the
    wall-clock figure also counts the time other processes had the processor)."""
    plan = big_plan()
    library = builtin_library()
    timer = timeit.Timer(lambda: check_plan(plan, library), timer=time.process_time)
    times = timer.repeat(repeat=repeats, number=20)
    return statistics.median(times) / 20 * 1000


def bench_process(runs: int, *, cached: bool = True) -> tuple[float, float]:
    """Median seconds of ``planner check`` and of ``python -c pass``, run alternately.

    With ``cached`` the programs run as an installed program does, with their
    bytecode compiled once (into a private folder, so the checkout stays clean);
    without it every run compiles the planner's modules again
    (``PYTHONDONTWRITEBYTECODE``, as some test environments set).
    """
    small = SessionPlan(
        title="Small",
        client=Client("Alex", ("neuropathy", "diabetes")),
        avoid=[AvoidedArea("heel", "left", "open-wound")],
        symptoms=[SymptomArea("sole", "both", "numbness", 6)],
        steps=[
            Step("effleurage", "foot", "both", 5, "light"),
            Step("toe-work", "toes", "both", 10, "light"),
            Step("petrissage", "calf", "left", 5, "moderate"),
        ],
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        save_plan(small, path)
        env = dict(os.environ)
        if cached:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        commands = {
            "check": [sys.executable, "-m", "planner", "check", str(path)],
            "pass": [sys.executable, "-c", "pass"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for name in commands:  # warm the disk cache once, unmeasured
            subprocess.run(commands[name], cwd=ROOT, env=env, capture_output=True, check=False)
        for _ in range(runs):
            for name, command in commands.items():
                began = time.perf_counter()
                result = subprocess.run(
                    command, cwd=ROOT, env=env, capture_output=True, check=False
                )
                times[name].append(time.perf_counter() - began)
                if name == "check" and result.returncode not in (0, 1):
                    raise SystemExit(f"planner check failed: {result.stderr.decode()}")
    return statistics.median(times["check"]), statistics.median(times["pass"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="repeats of the check timing")
    parser.add_argument("--runs", type=int, default=15, help="process runs of each kind")
    args = parser.parse_args()

    check_ms, findings = bench_check(args.repeats)
    check_s, pass_s = bench_process(args.runs)
    ratio = check_s / pass_s
    cold_check_s, cold_pass_s = bench_process(max(3, args.runs // 3), cached=False)
    rows = [
        (
            f"safety check, 200 steps, 5 home care ({findings} findings)",
            f"{check_ms:.2f} ms",
            f"<= {CHECK_TARGET_MS:g} ms",
            check_ms <= CHECK_TARGET_MS,
        ),
        (
            "planner check process / python -c pass",
            f"{check_s * 1000:.0f} / {pass_s * 1000:.0f} ms = {ratio:.1f}x",
            f"<= {PROCESS_TARGET_RATIO:g}x",
            ratio <= PROCESS_TARGET_RATIO,
        ),
    ]
    cold = (
        f"{cold_check_s * 1000:.0f} / {cold_pass_s * 1000:.0f} ms"
        f" = {cold_check_s / cold_pass_s:.1f}x"
    )
    width = max(len(row[0]) for row in rows)
    print(f"{'benchmark':<{width}}  {'median':<24}  {'target':<9}  result")
    for name, figure, target, ok in rows:
        print(f"{name:<{width}}  {figure:<24}  {target:<9}  {'PASS' if ok else 'FAIL'}")
    print(f"(for information: without cached bytecode, {cold})")
    print(
        f"(for information: the safety check's CPU time, median {bench_check_cpu(args.repeats):.2f}"
        f" ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors)"
    )
    return 0 if all(row[3] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
