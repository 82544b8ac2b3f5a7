"""httpx lives in planner/sync only, and the command line and window load it only to sync."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMPORTS_HTTPX = re.compile(r"^\s*(?:import|from)\s+httpx\b", re.MULTILINE)


def test_only_planner_sync_imports_httpx() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "planner").rglob("*.py"))
        if "sync" not in path.relative_to(ROOT / "planner").parts[:1]
        and IMPORTS_HTTPX.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_building_the_parser_does_not_load_httpx_or_sqlite() -> None:
    probe = (
        "from planner.cli import build_parser; build_parser()\n"
        "import json, sys\n"
        "print(json.dumps(['httpx' in sys.modules, 'sqlite3' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [False, False]
