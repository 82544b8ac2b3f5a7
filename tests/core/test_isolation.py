"""planner.core stays plain Python: no Qt, no reportlab, no tinydb, ever."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import planner.core

HEAVY = ("PySide6", "shiboken6", "reportlab", "tinydb")
ROOT = Path(__file__).resolve().parents[2]


def core_modules() -> list[str]:
    """Every module under planner/core, found on disk so new ones are covered too."""
    return sorted(
        info.name for info in pkgutil.walk_packages(planner.core.__path__, prefix="planner.core.")
    )


def heavy_modules_after(code: str) -> list[str]:
    probe = (
        f"{code}\n"
        "import json, sys\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_core_modules_are_found() -> None:
    modules = core_modules()
    for expected in ("regions", "library", "plan", "safety", "homecare", "planfile"):
        assert f"planner.core.{expected}" in modules


def test_core_imports_nothing_heavy() -> None:
    imports = "\n".join(f"import {name}" for name in core_modules())
    assert heavy_modules_after(imports) == []


def test_the_probe_would_notice() -> None:
    # The check itself must be able to fail.
    assert heavy_modules_after("import tinydb") != []


def test_cli_check_imports_nothing_heavy(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(
        '{"format": "session-plan", "version": 1, "client": {"conditions": ["neuropathy"]},'
        ' "steps": [{"technique": "effleurage", "region": "foot"}]}',
        encoding="utf-8",
    )
    code = (
        "import contextlib, io\n"
        "from planner.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main(['check', {str(plan)!r}])\n"
        "assert status == 0, status\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['techniques', '--json']); main(['exercises'])\n"
    )
    assert heavy_modules_after(code) == []
