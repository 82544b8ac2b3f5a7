"""reportlab lives in planner/export only, and is loaded only when a document is built."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMPORTS_REPORTLAB = re.compile(r"^\s*(?:import|from)\s+reportlab\b", re.MULTILINE)


def _loaded_after(code: str) -> bool:
    probe = f"{code}\nimport json, sys\nprint(json.dumps('reportlab' in sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_only_planner_export_imports_reportlab() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "planner").rglob("*.py"))
        if "export" not in path.relative_to(ROOT / "planner").parts
        and IMPORTS_REPORTLAB.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_importing_the_export_api_does_not_load_reportlab() -> None:
    assert not _loaded_after("import planner.export, planner.cli.export")
    assert not _loaded_after("from planner.cli import build_parser; build_parser()")


def test_the_probe_would_notice() -> None:
    assert _loaded_after("import planner.export.fonts")
