"""``planner progress``, ``planner intake`` and ``planner store check`` on a stored course."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from course_helpers import make_course  # type: ignore[import-not-found]
from pypdf import PdfReader

from planner import cli
from planner.storage import Store

ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


@pytest.fixture
def course(tmp_path: Path) -> tuple[Path, str, list[str]]:
    folder = tmp_path / "store"
    client_id, ids = make_course(folder)
    return folder, client_id, ids


def test_progress_json_has_the_issue_shape(course, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, client_id, ids = course
    status, out, err = run(
        ["--data-dir", str(folder), "progress", "margaret  OLSEN", "--json"], capsys
    )
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["client"] == {"id": client_id, "name": "Margaret Olsen"}
    assert [s["id"] for s in data["sessions"]] == ids
    assert set(data["sessions"][0]) == {"id", "date", "title"}
    by = {(s["measure"], s["kind"]): s for s in data["series"]}
    assert set(by) == {
        ("pain_before", None),
        ("pain_after", None),
        ("mnsi_a", None),
        ("symptom", "numbness"),
        ("monofilament_not_felt", None),
    }
    for series in data["series"]:
        assert set(series) == {"measure", "region", "side", "kind", "points", "change", "flag"}
    pain = by[("pain_before", None)]
    assert pain["points"] == [
        {"date": "2026-10-03", "value": 7},
        {"date": "2026-10-10", "value": 6},
        {"date": "2026-10-24", "value": 5},
        {"date": "2026-10-31", "value": 4},
    ]
    assert (pain["change"], pain["flag"], pain["region"]) == (-3, "much-better", None)
    numb = by[("symptom", "numbness")]
    assert (numb["region"], numb["side"], numb["change"], numb["flag"]) == (
        "sole",
        "both",
        3,
        "worse",
    )
    assert by[("mnsi_a", None)]["flag"] is None


def test_progress_by_id_in_words(course, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, client_id, _ = course
    status, out, _ = run(["--data-dir", str(folder), "progress", client_id], capsys)
    assert status == 0
    assert out.splitlines()[0] == "Margaret Olsen: 5 visits, 2026-10-03 to 2026-10-31"
    assert "Numbness, both soles: 4 > 5 > 6 > 7  change +3  WORSE" in out
    assert "Pain before the session (0-10): 7 > 6 > 5 > 4  change -3  much better" in out


def test_progress_of_nobody_is_one_line(course, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = course
    status, out, err = run(["--data-dir", str(folder), "progress", "Nobody"], capsys)
    assert (status, out) == (2, "")
    assert (
        err
        == "planner progress: There is no client 'Nobody' in the store (give a name or an id).\n"
    )


def test_progress_pdf_reads_back(course, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = course
    out_pdf = tmp_path / "progress.pdf"
    status, out, err = run(
        ["--data-dir", str(folder), "progress", "Margaret Olsen", "--pdf", str(out_pdf)], capsys
    )
    assert (status, out, err) == (0, f"wrote {out_pdf}\n", "")
    text = text_of(out_pdf)
    assert "Course of care: Margaret Olsen" in text
    assert "3 Oct 2026 to 31 Oct 2026, 5 visits" in text
    assert "Much better: Pain before the session (0-10), 7 to 4 (-3) over 4 visits." in text
    assert "Worse: Numbness, both soles, 4 to 7 (+3) over 4 visits." in text
    assert "Visit of 31 Oct: pain easing, numbness rising." in text  # the therapist's summary
    assert "Values: 7 (3 Oct 2026), 6 (10 Oct 2026), 5 (24 Oct 2026), 4 (31 Oct 2026)." in text
    assert "Monofilament sites not felt (of 6)" in text


def test_progress_large_print_needs_a_pdf(course, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = course
    status, _, err = run(
        ["--data-dir", str(folder), "progress", "Margaret Olsen", "--large-print"], capsys
    )
    assert status == 2 and "add --pdf" in err


def test_intake_form(course, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = course
    out_pdf = tmp_path / "intake.pdf"
    status, out, err = run(
        ["--data-dir", str(folder), "intake", "Margaret Olsen", "--pdf", str(out_pdf)], capsys
    )
    assert (status, err) == (0, "")
    text = text_of(out_pdf)
    assert "Client intake and consent: Margaret Olsen" in text
    assert "21 Mar 1948" in text and "555-0101" in text
    assert "Peripheral neuropathy Yes (on record)" in text
    assert "Takes blood thinners \u2610 Yes \u2610 No" in text  # asked, not answered for them
    assert "Your left heel (open or healing wound: healing blister)." in text
    assert "Both calves, both feet, both toes." in text
    assert "Effleurage:" in text and "Petrissage:" in text
    assert "withdraw my consent at any time" in text
    assert "Client's signature" in text and "Therapist's signature" in text


def test_intake_leaves_lines_for_what_is_unknown(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from planner.storage import ClientRecord

    folder = tmp_path / "store"
    with Store.open(folder) as store:
        store.save_client(ClientRecord(id="", name="New Client"))
    out_pdf = tmp_path / "intake.pdf"
    status, _, _ = run(
        ["--data-dir", str(folder), "intake", "New Client", "--pdf", str(out_pdf)], capsys
    )
    assert status == 0
    text = text_of(out_pdf)
    assert "Date of birth Phone or e-mail Emergency contact" in text  # all left blank
    assert "To be agreed at the first session." in text
    assert "None on record." in text


def test_store_check_names_a_tampered_session(course, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, client_id, ids = course
    with Store.open(folder) as store:
        store.sign_session(ids[0], "Sam Rivera, LMT")
        store.sign_session(ids[1], "Sam Rivera, LMT")
    status, out, _ = run(["--data-dir", str(folder), "store", "check"], capsys)
    assert status == 0
    assert out.endswith("records read; all are right\n2 signed sessions checked; all match\n")
    path = folder / "sessions" / f"{client_id}.json"
    data = json.loads(path.read_text())
    for doc in data["sessions"].values():
        if doc["id"] == ids[1]:
            doc["plan"]["measures"]["pain_before"] = 2
    path.write_text(json.dumps(data))
    status, out, _ = run(["--data-dir", str(folder), "store", "check"], capsys)
    assert status == 1
    first, _, last = out.splitlines()
    assert first.startswith(f"session {ids[1]} (Margaret Olsen, 2026-10-10): its content no longer")
    assert last == "2 signed sessions checked; 1 no longer matches"


def test_progress_runs_as_a_process(course) -> None:  # type: ignore[no-untyped-def]
    folder, _, _ = course
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "--data-dir",
            str(folder),
            "progress",
            "Margaret Olsen",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["client"]["name"] == "Margaret Olsen"


def test_progress_of_a_damaged_session_file_is_one_line(course, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, client_id, _ = course
    (folder / "sessions" / f"{client_id}.json").write_text("{not json")
    status, out, err = run(["--data-dir", str(folder), "progress", "Margaret Olsen"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("planner progress: The sessions file ") and "damaged" in err
    assert err.count("\n") == 1


def test_progress_without_a_store(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    status, _, err = run(["--data-dir", str(tmp_path / "none"), "progress", "Anyone"], capsys)
    assert status == 2 and "There is no client 'Anyone'" in err


def test_import_session_refuses_a_signed_session(course, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from planner.core.planfile import save_plan

    folder, _, ids = course
    with Store.open(folder) as store:
        store.sign_session(ids[0], "Sam Rivera, LMT")
        plan = store.session(ids[0]).plan.copy()
    plan.signature = None
    plan.title = "Edited afterwards"
    path = tmp_path / "edited.json"
    save_plan(plan, path)
    status, out, err = run(
        ["--data-dir", str(folder), "import", str(path), "--session", ids[0]], capsys
    )
    assert (status, out) == (2, "")
    assert "signed by Sam Rivera, LMT" in err and "add an addendum" in err
    assert err.count("\n") == 1
    with Store.open(folder, read_only=True) as store:
        assert store.session(ids[0]).plan.title.startswith("Neuropathy foot care")
        assert store.check_signatures() == (1, [])
