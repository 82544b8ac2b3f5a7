"""``planner import``, ``store``, ``templates``, ``--data-dir`` and the user's own techniques."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import cli
from planner.core.library import Exercise, Technique
from planner.storage import Store

ROOT = Path(__file__).resolve().parents[2]
PLAN = {
    "format": "session-plan",
    "version": 1,
    "client": {"name": "Alex Doe", "conditions": ["neuropathy"]},
    "steps": [{"technique": "effleurage", "region": "foot", "minutes": 5}],
}
OWN_PLAN = {
    **PLAN,
    "steps": [{"technique": "my-foot-opener", "region": "foot", "minutes": 5}],
}


def write(folder: Path, data: Any, name: str = "plan.json") -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def add_own_technique(folder: Path) -> None:
    with Store.open(folder) as store:
        store.save_exercise(Exercise("my-toe-spread", "Toe spread", ("Spread the toes.",), 3))
        store.save_technique(
            Technique("my-foot-opener", "Foot opener", "stroking", "", "light", 6, False)
        )


def test_import_creates_then_matches_the_client(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    plan = write(tmp_path, PLAN)
    status, first, err = run(["--data-dir", str(data), "import", str(plan)], capsys)
    assert (status, err) == (0, "")
    status, second, err = run(["import", str(plan), "--again", "--data-dir", str(data)], capsys)
    assert (status, err) == (0, "")
    with Store.open(data, read_only=True) as store:
        (client,) = store.clients()
        assert client.name == "Alex Doe" and client.conditions == ("neuropathy",)
        ids = {s.id for s in store.sessions_for(client.id)}
    assert ids == {first.strip(), second.strip()}


def test_data_dir_defaults_to_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "env"))
    assert run(["import", str(write(tmp_path, PLAN))], capsys)[0] == 0
    assert (tmp_path / "env" / "store.json").is_file()


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ({**PLAN, "steps": [{"technique": "nope", "region": "foot"}]}, "steps[0].technique"),
        ({k: v for k, v in PLAN.items() if k != "client"}, "client.name"),
        ("{", "not valid JSON"),
    ],
)
def test_bad_plan_is_not_imported(tmp_path: Path, capsys, plan: Any, message: str) -> None:
    data = tmp_path / "data"
    status, out, err = run(["--data-dir", str(data), "import", str(write(tmp_path, plan))], capsys)
    assert (status, out) == (2, "")
    assert message in err and err.count("\n") == 1 and err.startswith("planner import: ")
    assert not data.exists()


def test_store_info(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    run(["--data-dir", str(data), "import", str(write(tmp_path, PLAN))], capsys)
    status, out, err = run(["--data-dir", str(data), "store", "info", "--json"], capsys)
    info = json.loads(out)
    assert (status, err) == (0, "")
    assert {"path", "schema_version", "size_bytes"} <= set(info)
    assert (info["clients"], info["sessions"], info["templates"]) == (1, 1, 0)
    assert (info["techniques"], info["exercises"]) == (0, 0)
    status, out, _ = run(["--data-dir", str(data), "store", "info"], capsys)
    assert status == 0 and "Sessions:" in out and str(data) in out


def test_store_info_of_a_damaged_store(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "store.json").write_text("{broken", encoding="utf-8")
    status, out, err = run(["--data-dir", str(data), "store", "info"], capsys)
    assert status != 0 and out == ""
    assert "cannot be read" in err and err.count("\n") == 1 and "Traceback" not in err
    assert (data / "store.json").read_text(encoding="utf-8") == "{broken"


def test_store_backup(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    run(["--data-dir", str(data), "import", str(write(tmp_path, PLAN))], capsys)
    copy = tmp_path / "copy"
    assert run(["--data-dir", str(data), "store", "backup", str(copy)], capsys)[0] == 0
    with Store.open(copy, read_only=True) as store:
        assert store.info()["sessions"] == 1
    status, _, err = run(["--data-dir", str(data), "store", "backup", str(copy)], capsys)
    assert status == 2 and "already exists" in err
    zipped = tmp_path / "copy.zip"
    assert run(["--data-dir", str(data), "store", "backup", str(zipped)], capsys)[0] == 0
    assert zipped.stat().st_size > 0


def test_templates_export_and_import(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.save_template(
            "Feet", cli.common.load_plan(str(write(tmp_path, PLAN)), store.library())
        )
    out_file = tmp_path / "t.json"
    status, out, _ = run(["--data-dir", str(data), "templates", "export", str(out_file)], capsys)
    assert status == 0 and out == f"1 template written to {out_file}\n"
    status, out, _ = run(["--data-dir", str(data), "templates", "import", str(out_file)], capsys)
    assert status == 0 and out == "imported Feet (2)\n"
    status, _, err = run(
        ["--data-dir", str(data), "templates", "export", str(out_file), "Hands"], capsys
    )
    assert status == 2 and "Hands" in err
    bad = write(tmp_path, {"format": "session-templates", "version": 1, "templates": [{}]})
    status, _, err = run(["--data-dir", str(data), "templates", "import", str(bad)], capsys)
    assert status == 2 and "templates[0].name: is missing" in err


def test_own_techniques_listed_and_accepted_by_check(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    plan = write(tmp_path, OWN_PLAN)
    status, _, err = run(["--data-dir", str(data), "check", str(plan)], capsys)
    assert status == 2 and "my-foot-opener" in err
    assert not data.exists()  # looking for own techniques creates nothing
    add_own_technique(data)
    with Store.open(data):  # the window has the store open: check still works
        assert run(["--data-dir", str(data), "check", str(plan)], capsys)[0] == 0
        status, out, _ = run(["techniques", "--json", "--data-dir", str(data)], capsys)
    own = [t for t in json.loads(out) if t["own"]]
    assert status == 0 and [t["id"] for t in own] == ["my-foot-opener"]
    status, out, _ = run(["--data-dir", str(data), "exercises"], capsys)
    assert "my-toe-spread" in out and "[own]" in out


def test_damaged_own_library_when_listing(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    add_own_technique(data)
    (data / "own.json").write_text('{"format": ', encoding="utf-8")
    status, out, err = run(["--data-dir", str(data), "techniques"], capsys)
    assert status != 0 and out == "" and err.count("\n") == 1 and "own.json" in err


def test_check_with_own_techniques_does_not_load_tinydb(tmp_path: Path) -> None:
    data = tmp_path / "data"
    add_own_technique(data)
    plan = write(tmp_path, OWN_PLAN)
    probe = (
        "import sys\n"
        "from planner import cli\n"
        f"status = cli.main(['--data-dir', {str(data)!r}, 'check', {str(plan)!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('tinydb', 'filelock'))\n"
        "print(status, heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_only_the_storage_package_imports_tinydb() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "planner").rglob("*.py")
        if "storage" not in path.relative_to(ROOT / "planner").parts
        and any(
            line.strip().startswith(("import tinydb", "from tinydb"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_check_reads_the_store_only_for_a_technique_the_plan_does_not_carry(
    tmp_path: Path, capsys
) -> None:
    data = tmp_path / "data"
    own_step = {"technique": "my-foot-opener", "region": "foot", "side": "both", "minutes": 5}
    bare = write(tmp_path, {**PLAN, "steps": [own_step]}, name="bare.json")
    # Not carried and no store: the plan cannot be read, in one line, exit 2.
    status, out, err = run(["--data-dir", str(data), "check", str(bare)], capsys)
    assert status == 2 and out == "" and "my-foot-opener" in err and err.count("\n") == 1
    add_own_technique(data)
    status, out, err = run(["--data-dir", str(data), "check", str(bare)], capsys)
    assert status in (0, 1) and err == "" and out.startswith(str(bare))
    # A self-contained plan is checked without the store: a damaged own library there
    # stops it no more.
    (data / "own.json").write_text('{"format": ', encoding="utf-8")
    status, out, err = run(["--data-dir", str(data), "check", str(write(tmp_path, PLAN))], capsys)
    assert status in (0, 1) and err == ""
    status, out, err = run(["--data-dir", str(data), "check", str(bare)], capsys)
    assert status == 2 and "own.json" in err
