"""The parser imports only the running command's module, and prints the same help."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from planner import cli

ROOT = Path(__file__).resolve().parents[2]


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_table_names_every_command_of_every_group_in_help_order() -> None:
    full = _commands(cli.build_parser())
    assert list(full) == [name for names in cli._GROUPS.values() for name in names]


@pytest.mark.parametrize("name", sorted(cli._GROUP_OF))
def test_one_command_parser_prints_what_the_full_one_does(name: str) -> None:
    full = _commands(cli.build_parser())[name]
    alone = _commands(cli.build_parser([name, "x"]))
    assert name in alone and len(alone) == len(cli._GROUPS[cli._GROUP_OF[name]])
    assert alone[name].format_help() == full.format_help()


@pytest.mark.parametrize(
    ("argv", "one"),
    [
        (["check", "p.json"], True),
        (["--data-dir", "D", "check", "p.json"], True),
        (["--data-dir=D", "check", "p.json"], True),
        (["--help"], False),
        (["-h", "check"], False),
        (["--he", "check"], False),  # an abbreviated --help still lists every command
        (["--dat", "D", "check"], False),
        (["chek", "p.json"], False),  # a mistyped command is told every choice
        ([], False),
    ],
)
def test_only_a_plain_command_gets_the_small_parser(argv: list[str], one: bool) -> None:
    assert (len(_commands(cli.build_parser(argv))) == 2) is one


def test_planner_check_imports_no_other_command(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text('{"title": "x"}', encoding="utf-8")
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        f"main(['check', {str(plan)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('planner.cli.', 'planner.start'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (
        done.stdout.splitlines()[-1]
        == "['planner.cli.check', 'planner.cli.common', 'planner.cli.terminal']"
    )


def test_building_the_parser_imports_no_shutil_and_help_still_fits_the_terminal() -> None:
    code = (
        "import sys\nfrom planner.cli import build_parser\n"
        "build_parser(['check', 'p.json'])\nprint('shutil' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"
    for columns in (50, 100):
        shown = subprocess.run(
            [sys.executable, "-m", "planner", "check", "--help"],
            capture_output=True,
            text=True,
            env={**env, "COLUMNS": str(columns)},
            cwd=ROOT,
            check=True,
        ).stdout
        assert max(len(line) for line in shown.splitlines()) <= columns - 2
    assert cli._Formatter("p", width=70)._width == 70  # a width given is kept
