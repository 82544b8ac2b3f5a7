"""Modules under 400 lines and functions under 60 lines in planner/ (the developers' guide).

A few known offenders wait for the issue that takes them apart; each is listed with
that issue. The list only shrinks: an entry that no longer offends fails the test too,
so that it is struck off once fixed.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Offender -> the issue whose work removes it.
WAITING: dict[str, str] = {}


def offenders(root: Path = ROOT) -> dict[str, int]:
    """Every module over the module limit and every function over the function limit."""
    found: dict[str, int] = {}
    for path in sorted((root / "planner").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root).as_posix()
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            found[name] = lines
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    # Methods by their own name: the test names the place, not the class.
                    found[f"{name}::{node.name}"] = length
    return found


def test_no_module_or_function_over_its_limit() -> None:
    over = offenders()
    new = {name: lines for name, lines in over.items() if name not in WAITING}
    assert new == {}, f"over {MAX_MODULE_LINES} lines a module or {MAX_FUNCTION_LINES} a function"


def test_the_waiting_list_only_names_offenders() -> None:
    fixed = sorted(set(WAITING) - set(offenders()))
    assert fixed == [], "fixed: strike these off WAITING"


def test_the_check_would_notice(tmp_path: Path) -> None:
    package = tmp_path / "planner"
    package.mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    (package / "long.py").write_text(f"def short():\n    pass\n\n\ndef long():\n{body}\n")
    (package / "big.py").write_text("\n".join(f"X{i} = {i}" for i in range(401)) + "\n")
    assert offenders(tmp_path) == {"planner/big.py": 401, "planner/long.py::long": 61}
