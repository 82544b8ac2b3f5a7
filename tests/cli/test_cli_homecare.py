"""``planner home-care``: the routine the sheet carries and its daily total; exit 0, or 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner import cli
from planner.core.homecare import MAX_EXERCISES
from planner.storage import Settings, Store

FEET = {
    "format": "session-plan",
    "version": 2,
    "client": {"name": "Alex", "conditions": ["neuropathy"]},
    "steps": [
        {"technique": "effleurage", "region": "foot", "side": "both", "minutes": 10},
        {"technique": "petrissage", "region": "calf", "side": "both", "minutes": 10},
        {"technique": "toe-work", "region": "toes", "side": "both", "minutes": 10},
    ],
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def write(folder: Path, data: object) -> Path:
    path = folder / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_json_gives_the_proposed_routine_and_its_daily_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["home-care", str(write(tmp_path, FEET)), "--json"], capsys)
    assert (status, err) == (0, "")
    routine = json.loads(out)
    assert set(routine) == {"proposed", "daily_minutes", "items"}
    assert routine["proposed"] is True
    items = routine["items"]
    assert 0 < len(items) <= MAX_EXERCISES and items[0]["exercise"] == "foot-check"
    assert all(
        set(i) == {"exercise", "minutes", "times_a_day", "days_a_week", "note"} for i in items
    )
    assert routine["daily_minutes"] == sum(i["minutes"] * i["times_a_day"] for i in items) <= 30


def test_written_routine_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = {**FEET, "home_care": [{"exercise": "toe-alphabet", "minutes": 4, "times_a_day": 3,
                                    "days_a_week": 5, "note": "after your shower"}]}  # fmt: skip
    status, out, _ = run(["home-care", str(write(tmp_path, plan)), "--json"], capsys)
    assert status == 0
    assert json.loads(out) == {
        "proposed": False,
        "daily_minutes": 12,
        "items": [{"exercise": "toe-alphabet", "minutes": 4, "times_a_day": 3,
                   "days_a_week": 5, "note": "after your shower"}],
    }  # fmt: skip
    status, out, _ = run(["home-care", str(write(tmp_path, plan))], capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("1 exercise, about 12 minutes a day (as written in the plan)")
    assert lines[1] == (
        "1. Write the alphabet with your foot [toe-alphabet]: 4 min each time, "
        "3 times a day, 5 days a week"
    )
    assert lines[2] == "   after your shower"


def test_the_settings_limit_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_folder = tmp_path / "store"
    with Store.open(store_folder) as store:
        store.save_settings(Settings(daily_minutes=5))
    argv = ["--data-dir", str(store_folder), "home-care", str(write(tmp_path, FEET)), "--json"]
    status, out, _ = run(argv, capsys)
    assert status == 0 and json.loads(out)["daily_minutes"] <= 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "session-plan", "version": 2, "steps": [], "home_care": [{"exercise": '
         '"toe-alphabet", "times_a_day": 9}]}', "home_care[0].times_a_day: must be at most 6"),
        ("not json", "plan.json"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(content, encoding="utf-8")
    status, out, err = run(["home-care", str(path)], capsys)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and message in err
    status, _, err = run(["home-care", str(tmp_path / "missing.json")], capsys)
    assert status == 2 and "no such file" in err
