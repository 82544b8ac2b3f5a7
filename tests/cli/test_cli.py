"""The command line: ``planner check``, ``techniques`` and ``exercises`` as PLAN_FORMAT.md says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import cli

ROOT = Path(__file__).resolve().parents[2]

CLEAN = {
    "format": "session-plan",
    "version": 1,
    "steps": [{"technique": "effleurage", "region": "foot", "side": "both"}],
}
RISKY = {
    "format": "session-plan",
    "version": 1,
    "length_minutes": 10,
    "client": {"name": "Alex", "conditions": ["diabetes", "lubricant-allergy"]},
    "avoid": [{"region": "heel", "side": "left", "reason": "open-wound"}],
    "steps": [
        {"technique": "effleurage", "region": "foot", "side": "right", "minutes": 5},
        {"technique": "toe-work", "region": "heel", "side": "left", "minutes": 5},
        {"technique": "effleurage", "region": "foot", "side": "both", "minutes": 5},
    ],
}
CAUTIOUS = {**RISKY, "steps": RISKY["steps"][:1] + RISKY["steps"][2:]}


def write_plan(folder: Path, data: Any, name: str = "plan.json") -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# -- check ----------------------------------------------------------------------------


def test_check_clean_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_plan(tmp_path, CLEAN)
    assert run(["check", str(path)], capsys) == (0, f"{path}: no safety findings\n", "")


def test_check_human_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_plan(tmp_path, RISKY)
    status, out, err = run(["check", str(path)], capsys)
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == f"{path}: 1 contraindicated, 3 cautions, 1 note"
    headings = [line for line in lines[1:] if not line.startswith("    ")]
    assert headings == [
        "CONTRAINDICATED avoided-area (step 2, client's left heel)",
        "CAUTION         diabetes (whole plan)",
        "CAUTION         over-time (whole plan)",
        "CAUTION         contains-avoided-area (step 3, both feet)",
        "NOTE            lubricant (whole plan)",
    ]
    messages = [line.strip() for line in lines[1:] if line.startswith("    ")]
    assert len(messages) == len(headings)
    assert messages[0].startswith("Step 2 (Toe work on the client's left heel, light)")


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_plan(tmp_path, RISKY)
    status, out, err = run(["check", str(path), "--json"], capsys)
    assert (status, err) == (1, "")
    findings = json.loads(out)
    assert all(
        set(f) == {"severity", "rule", "message", "step", "home_care", "region", "side"}
        for f in findings
    )
    assert [(f["severity"], f["rule"], f["step"], f["region"], f["side"]) for f in findings] == [
        ("contraindicated", "avoided-area", 1, "heel", "left"),
        ("caution", "diabetes", None, None, None),
        ("caution", "over-time", None, None, None),
        ("caution", "contains-avoided-area", 2, "foot", "both"),
        ("info", "lubricant", None, None, None),
    ]


HOME_RISK = {
    "format": "session-plan",
    "version": 1,
    "client": {"name": "Alex", "conditions": ["diabetes"]},
    "avoid": [{"region": "heel", "side": "left", "reason": "open-wound"}],
    "steps": [{"technique": "effleurage", "region": "hand", "side": "both", "minutes": 5}],
    "home_care": [{"exercise": "toe-alphabet"}, {"exercise": "marble-bath"}],
}


def test_check_json_names_home_care_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_plan(tmp_path, HOME_RISK)
    status, out, err = run(["check", str(path), "--json"], capsys)
    assert (status, err) == (1, "")
    rows = [(f["severity"], f["rule"], f["step"], f["home_care"]) for f in json.loads(out)]
    assert rows == [
        ("contraindicated", "soak-over-wound", None, 1),
        ("caution", "diabetes", None, None),
        ("caution", "contains-avoided-area", None, 1),
        ("caution", "warm-water", None, 1),
        ("caution", "soak-diabetes", None, 1),
    ]
    status, out, _ = run(["check", str(path)], capsys)
    assert "soak-over-wound (home care 2)" in out
    assert 'Home-care exercise 2 ("Foot bath with marbles")' in out


def test_rules_lists_every_rule_and_red_flag(capsys: pytest.CaptureFixture[str]) -> None:
    from planner.core.rules import RULEBOOK
    from planner.core.rules.redflags import RED_FLAGS

    status, out, err = run(["rules"], capsys)
    assert (status, err) == (0, "")
    for rule in RULEBOOK:
        assert f"{rule.id} (" in out and rule.checks in out
    for flag in RED_FLAGS:
        assert f"{flag.id}: {flag.sign}" in out
    assert out.index("CONTRAINDICATED") < out.index("CAUTION") < out.index("NOTE")
    assert "EMERGENCY: Call the emergency number now (911, 999 or 112)." in out


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["rules", "--json"], capsys)
    data = json.loads(out)
    assert status == 0 and set(data) == {"rules", "red_flags"}
    blood_clot = next(rule for rule in data["rules"] if rule["id"] == "blood-clot-limb")
    assert blood_clot["severity"] == "contraindicated"
    assert blood_clot["applies_to"] == "work"
    assert "limb table" in blood_clot["reads"]
    assert {flag["urgency"] for flag in data["red_flags"]} == {"emergency", "today", "soon"}


def test_check_json_of_a_clean_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_plan(tmp_path, CLEAN)
    assert run(["check", "--json", str(path)], capsys) == (0, "[]\n", "")


def test_cautions_alone_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_plan(tmp_path, CAUTIOUS)
    status, out, _ = run(["check", str(path), "--json"], capsys)
    assert status == 0
    assert {f["severity"] for f in json.loads(out)} == {"caution", "info"}


# -- listings -------------------------------------------------------------------------


def test_techniques(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["techniques"], capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) >= 18
    assert any(line.startswith("tapotement ") and "vigorous" in line for line in lines)
    assert any(line.startswith("effleurage ") and "vigorous" not in line for line in lines)


def test_techniques_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["techniques", "--json"], capsys)
    assert status == 0
    techniques = json.loads(out)
    assert len(techniques) >= 18
    for technique in techniques:
        keys = {"id", "name", "family", "default_pressure", "default_minutes", "vigorous"}
        assert keys <= set(technique)
        assert isinstance(technique["vigorous"], bool)
    by_id = {t["id"]: t for t in techniques}
    assert by_id["deep-tissue"]["vigorous"] is True
    assert by_id["reflexology"]["family"] == "pressure"


def test_exercises(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["exercises"], capsys)
    assert status == 0
    assert len(out.splitlines()) >= 10
    assert out.splitlines()[0].startswith("foot-massage ")


def test_exercises_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["exercises", "--json"], capsys)
    assert status == 0
    exercises = json.loads(out)
    assert len(exercises) >= 10
    for exercise in exercises:
        assert {"id", "title", "steps", "minutes", "times_a_day", "days_a_week"} <= set(exercise)
        assert isinstance(exercise["steps"], list) and 3 <= len(exercise["steps"]) <= 7


# -- bad input ------------------------------------------------------------------------

BAD_FILES: list[tuple[str, Any, str]] = [
    ("empty", "", "the file is empty"),
    ("whitespace", "  \n ", "the file is empty"),
    ("garbage", b"\x00\x01\x02\xff" * 50, "binary data"),
    ("not utf-8", b'{"title": "\xe9"}', "is not UTF-8 text"),
    ("broken json", '{"format": "session-plan", "version": 1, "steps": [', "not valid JSON"),
    ("a list", "[1, 2]", "must be an object, not a list"),
    ("wrong type", {**CLEAN, "steps": "effleurage"}, "steps: must be a list, not text"),
    ("bool minutes", {**CLEAN, "steps": [{**CLEAN["steps"][0], "minutes": True}]},
     "steps[0].minutes: must be a number, not true"),
    ("unknown technique", {**CLEAN, "steps": [{"technique": "reiki", "region": "foot"}]},
     "steps[0].technique: 'reiki' is not a known technique"),
    ("unknown region", {**CLEAN, "avoid": [{"region": "wing", "reason": "bruise"}]},
     "avoid[0].region: 'wing' is not a known body region"),
    ("unknown key", {**CLEAN, "steps": [{**CLEAN["steps"][0], "presure": "light"}]},
     "steps[0].presure: unknown key"),
    ("future version", {**CLEAN, "version": 7}, "version: this file is version 7"),
    ("newline in key", {**CLEAN, "a\nb": 1}, "['a\\nb']: unknown key"),
    ("lone surrogate", '{"format": "session-plan", "version": 1, "steps": [], "title": "\\udc00"}',
     "title: holds an invalid character"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "expected"), [pytest.param(c, e, id=name) for name, c, e in BAD_FILES]
)
def test_bad_plan_gives_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: Any, expected: str
) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        write_plan(tmp_path, content, "bad.json")
    for argv in (["check", str(path)], ["check", str(path), "--json"]):
        status, out, err = run(argv, capsys)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1 and err.endswith("\n")
        assert err.startswith(f"planner check: {path}: ")
        assert expected in err


@pytest.mark.parametrize(
    ("name", "expected"), [("missing.json", "no such file"), (".", "is a folder")]
)
def test_unreadable_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    path = tmp_path / name
    status, out, err = run(["check", str(path)], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("planner check: ") and err.count("\n") == 1
    assert expected in err


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["check"], ["check", "a.json", "b.json"], ["techniques", "--yaml"], ["-x"]],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("planner")


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    assert caught.value.code == 0
    assert "check" in capsys.readouterr().out


# -- as a whole process ------------------------------------------------------------------


def planner(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_process_check_json(tmp_path: Path) -> None:
    result = planner("check", str(write_plan(tmp_path, RISKY)), "--json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)[0]["rule"] == "avoided-area"


def test_process_check_clean(tmp_path: Path) -> None:
    result = planner("check", str(write_plan(tmp_path, CLEAN)))
    assert (result.returncode, result.stderr) == (0, "")
    assert "no safety findings" in result.stdout


@pytest.mark.parametrize(
    "args",
    [("check", "{folder}/missing.json"), ("check", "{folder}/garbage.json"), ("frobnicate",)],
)
def test_process_bad_input(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "garbage.json").write_bytes(bytes(range(256)))
    result = planner(*(arg.format(folder=tmp_path) for arg in args))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
