"""``planner languages`` and ``--language``: the client's papers in another language."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from course_helpers import make_course  # type: ignore[import-not-found]
from pypdf import PdfReader

from planner import cli
from planner.storage import Store

PLAN = {
    "format": "session-plan",
    "version": 2,
    "title": "Foot care",
    "date": "2026-11-30",
    "client": {"name": "Rosa Díaz", "conditions": ["neuropathy"], "language": "es"},
    "steps": [{"technique": "effleurage", "region": "foot", "side": "both", "minutes": 10}],
    "home_care": [],
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def text_of(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(PLAN, ensure_ascii=False), encoding="utf-8")
    return path


def test_languages_lists_the_codes_and_names(capsys) -> None:  # type: ignore[no-untyped-def]
    status, out, _ = run(["languages"], capsys)
    assert status == 0
    assert out.splitlines()[0].startswith("en    English")
    assert "es    Español" in out
    status, out, _ = run(["languages", "--json"], capsys)
    assert json.loads(out)[:2] == [
        {"code": "en", "name": "English"},
        {"code": "es", "name": "Español"},
    ]


def test_the_sheet_is_in_the_plans_language(plan_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "sheet.pdf"
    status, _, err = run(["export", str(plan_file), "--home-care", str(sheet)], capsys)
    assert status == 0, err
    assert "página 1 de" in text_of(sheet)


def test_language_overrides_the_plans(plan_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    sheet, protocol = tmp_path / "sheet.pdf", tmp_path / "protocol.pdf"
    argv = ["export", str(plan_file), "--home-care", str(sheet), "--protocol", str(protocol)]
    status, _, err = run([*argv, "--language", "en"], capsys)
    assert status == 0, err
    assert "page 1 of" in text_of(sheet) and "página" not in text_of(sheet)
    status, _, err = run([*argv, "--language", "ES"], capsys)
    assert status == 0, err
    assert "página 1 de" in text_of(sheet)
    # The protocol is the therapist's: it stays in English.
    assert "page 1 of" in text_of(protocol) and "página" not in text_of(protocol)


@pytest.mark.parametrize("command", ["export", "print"])
def test_an_unknown_language_is_one_line_naming_the_known(  # type: ignore[no-untyped-def]
    command, plan_file, tmp_path, capsys
) -> None:
    sheet = tmp_path / "sheet.pdf"
    output = ["--home-care", str(sheet)] if command == "export" else ["--home-care"]
    status, out, err = run([command, str(plan_file), *output, "--language", "fr"], capsys)
    assert status == 2 and out == ""
    assert err == (
        f"planner {command}: --language: unknown language 'fr': "
        "the planner has en (English), es (Español)\n"
    )
    assert not sheet.exists()


def test_language_is_for_the_clients_sheet(plan_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    protocol = tmp_path / "protocol.pdf"
    argv = ["export", str(plan_file), "--protocol", str(protocol), "--language", "es"]
    status, _, err = run(argv, capsys)
    assert status == 2 and "--home-care" in err and err.count("\n") == 1
    assert not protocol.exists()


def test_a_plan_in_an_unknown_language_is_bad_input(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.json"
    data = json.loads(json.dumps(PLAN))
    data["client"]["language"] = "xx"
    plan.write_text(json.dumps(data), encoding="utf-8")
    status, _, err = run(["check", str(plan)], capsys)
    assert status == 2
    assert "client.language: unknown language 'xx'" in err and "es (Español)" in err


def test_progress_and_intake_in_the_clients_language(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "store"
    client_id, _ = make_course(folder)
    with Store.open(folder) as store:
        store.save_client(dataclasses.replace(store.client(client_id), language="es"))
    report, form = tmp_path / "report.pdf", tmp_path / "form.pdf"
    base = ["--data-dir", str(folder)]
    status, _, err = run([*base, "progress", "Margaret Olsen", "--pdf", str(report)], capsys)
    assert status == 0, err
    assert "INFORME DE AVANCE" in text_of(report) and "Cómo va" in text_of(report)
    status, _, err = run([*base, "intake", "Margaret Olsen", "--pdf", str(form)], capsys)
    assert status == 0, err
    assert "Su salud" in text_of(form) and "Consentimiento" in text_of(form)
    argv = [*base, "intake", "Margaret Olsen", "--pdf", str(form), "--language", "en"]
    status, _, err = run(argv, capsys)
    assert status == 0, err
    assert "Your health" in text_of(form)
