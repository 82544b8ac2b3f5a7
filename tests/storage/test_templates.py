"""Templates travel as files: round trips, strict validation, all or nothing, visible renames."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import OWN_EXERCISE, OWN_TECHNIQUE, make_plan

from planner.core.planfile import plan_to_json
from planner.storage import Store, StoreError
from planner.storage.templates import FORMAT, unique_name


def _file(tmp_path: Path, data: object, name: str = "templates.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _good(n: int = 3) -> dict:
    return {
        "format": FORMAT,
        "version": 1,
        "templates": [{"name": f"T{i}", "plan": plan_to_json(make_plan())} for i in range(n)],
    }


def test_export_and_import_round_trip_with_own_definitions(tmp_path: Path, folder: Path):
    with Store.open(folder) as store:
        store.save_exercise(OWN_EXERCISE)
        store.save_technique(OWN_TECHNIQUE)
        plan = make_plan()
        plan.steps.append(make_plan(own=True).steps[-1])  # uses the own technique, no definition
        store.save_template("Feet", plan)
        store.save_template("Hands", make_plan())
        path = tmp_path / "out.json"
        assert store.export_templates(path, ["Feet"]) == 1
        assert store.export_templates(tmp_path / "all.json") == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and [t["name"] for t in data["templates"]] == ["Feet"]
    assert data["templates"][0]["plan"]["custom_techniques"][0]["id"] == OWN_TECHNIQUE.id

    with Store.open(tmp_path / "elsewhere") as other:  # a machine without the own technique
        imported = other.import_templates(path)
        assert [t.name for t in imported] == ["Feet"]
        assert imported[0].plan.steps[-1].technique == OWN_TECHNIQUE.id
        again = other.import_templates(tmp_path / "all.json")
        assert [t.name for t in again] == ["Feet (2)", "Hands"]
        assert [t.name for t in other.templates()] == ["Feet", "Feet (2)", "Hands"]


def test_export_of_an_unknown_name_is_refused(tmp_path: Path, store: Store):
    store.save_template("Feet", make_plan())
    with pytest.raises(StoreError, match="no template named 'Hands'"):
        store.export_templates(tmp_path / "x.json", ["Hands"])
    assert not (tmp_path / "x.json").exists()


def test_client_specifics_are_dropped_on_import(tmp_path: Path, store: Store):
    (template,) = store.import_templates(_file(tmp_path, _good(1)))
    assert template.plan.client.name == "" and template.plan.avoid == []


BAD = [
    ("[1, 2", "line 1, column"),
    ("", "empty"),
    ({"format": "session-plan", "version": 1, "templates": []}, "session plan file, not a"),
    (
        {"format": "session-plan", "version": 1, "title": "Feet", "steps": []},
        "format: this is a session plan file, not a templates file",
    ),
    ({"format": "session-plans", "version": 1, "templates": []}, "format: must be"),
    ({"format": FORMAT, "version": 2, "templates": []}, "version: this file is version 2"),
    ({"format": FORMAT, "version": 1}, "templates: is missing"),
    ({"format": FORMAT, "version": 1, "templates": [], "extra": 1}, "extra: unknown key"),
    ({"format": FORMAT, "version": 1, "templates": [{"name": "", "plan": {}}]}, "name: must not"),
    (
        {"format": FORMAT, "version": 1, "templates": [{"name": "x"}]},
        "templates[0].plan: is missing",
    ),
    ('{"format": "session-templates", "format": "x"}', "appears twice"),
    ('{"format": "session-templates", "version": NaN}', "NaN"),
]


@pytest.mark.parametrize(("content", "expected"), BAD)
def test_malformed_files_are_refused_naming_file_and_place(
    tmp_path: Path, store: Store, content: object, expected: str
):
    store.save_template("Kept", make_plan())
    before = (store.folder / "store.json").read_bytes()
    with pytest.raises(StoreError, match="templates.json: ") as caught:
        store.import_templates(_file(tmp_path, content))
    assert expected in str(caught.value)
    assert (store.folder / "store.json").read_bytes() == before


def test_one_bad_plan_among_many_imports_nothing(tmp_path: Path, store: Store):
    data = _good(3)
    data["templates"][2]["plan"]["steps"][0]["minutes"] = 0
    with pytest.raises(StoreError) as caught:
        store.import_templates(_file(tmp_path, data))
    assert str(caught.value) == (
        f"{tmp_path / 'templates.json'}: templates[2].plan.steps[0].minutes: must be greater than 0"
    )
    assert store.templates() == []


def test_missing_or_binary_file(tmp_path: Path, store: Store):
    with pytest.raises(StoreError, match="no such file"):
        store.import_templates(tmp_path / "none.json")
    (tmp_path / "bin.json").write_bytes(b"\x00\x01")
    with pytest.raises(StoreError, match="binary"):
        store.import_templates(tmp_path / "bin.json")


def test_unique_names():
    assert unique_name("Feet", []) == "Feet"
    assert unique_name("Feet", ["feet"]) == "Feet (2)"
    assert unique_name("Feet", ["Feet", "Feet (2)"]) == "Feet (3)"
    assert unique_name("Feet (2)", ["Feet", "Feet (2)"]) == "Feet (3)"
