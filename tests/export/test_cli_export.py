"""``planner export``: exit statuses, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from export_samples import plan_json
from pdf_readback import flat_text, reader

import planner.export
from planner.cli import main
from planner.export import ExportError, write_pdf

OLD = b"the old file, which must survive"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan_json()), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["export", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def _one_line_error(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert "Traceback" not in err
    return err


def test_writes_both_documents(plan_file: Path, tmp_path: Path, capsys) -> None:
    protocol, home = tmp_path / "protocol.pdf", tmp_path / "home.pdf"
    status, out, err = _run(capsys, plan_file, "--protocol", protocol, "--home-care", home)
    assert status == 0, err
    assert "Session steps" in flat_text(protocol.read_bytes())
    assert "Your routine" in flat_text(home.read_bytes())
    assert str(protocol) in out and str(home) in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_large_print_and_a4(plan_file: Path, tmp_path: Path, capsys) -> None:
    home = tmp_path / "home.pdf"
    status, _, err = _run(capsys, plan_file, "--home-care", home, "--large-print", "--paper", "a4")
    assert status == 0, err
    page = reader(home.read_bytes()).pages[0]
    assert float(page.mediabox.width) == pytest.approx(595.3, abs=0.5)


def test_needs_at_least_one_output(plan_file: Path, capsys) -> None:
    status, out, err = _run(capsys, plan_file)
    assert status == 2
    assert "--protocol" in _one_line_error(err) and out == ""


def test_same_file_twice_is_refused(plan_file: Path, tmp_path: Path, capsys) -> None:
    out_file = tmp_path / "both.pdf"
    status, _, err = _run(capsys, plan_file, "--protocol", out_file, "--home-care", out_file)
    assert status == 2 and str(out_file) in _one_line_error(err)
    assert not out_file.exists()


def test_bad_plan_names_the_file_and_leaves_the_old_output(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    data = plan_json()
    data["steps"][2]["minutes"] = -1
    bad.write_text(json.dumps(data), encoding="utf-8")
    existing = tmp_path / "protocol.pdf"
    existing.write_bytes(OLD)
    status, _, err = _run(capsys, bad, "--protocol", existing)
    assert status == 2
    line = _one_line_error(err)
    assert str(bad) in line and "steps[2].minutes" in line
    assert existing.read_bytes() == OLD


def test_missing_plan_file(tmp_path: Path, capsys) -> None:
    status, _, err = _run(capsys, tmp_path / "nope.json", "--protocol", tmp_path / "p.pdf")
    assert status == 2 and "nope.json" in _one_line_error(err)
    assert not (tmp_path / "p.pdf").exists()


def test_missing_folder(plan_file: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no-such-folder" / "p.pdf"
    status, _, err = _run(capsys, plan_file, "--protocol", target)
    assert status == 2 and str(target) in _one_line_error(err)
    assert not target.parent.exists()


def test_folder_that_is_a_file(plan_file: Path, tmp_path: Path, capsys) -> None:
    # Works as root too, where a read-only folder would not stop the write.
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    target = blocker / "p.pdf"
    status, _, err = _run(capsys, plan_file, "--protocol", target)
    assert status == 2 and str(target) in _one_line_error(err)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="a read-only folder does not stop root (or this platform) from writing",
)
def test_read_only_folder(plan_file: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    existing = folder / "p.pdf"
    existing.write_bytes(OLD)
    folder.chmod(0o500)
    try:
        status, _, err = _run(capsys, plan_file, "--protocol", existing)
    finally:
        folder.chmod(0o700)
    assert status == 2 and str(existing) in _one_line_error(err)
    assert existing.read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == ["p.pdf"]


def test_second_output_unwritable_writes_nothing(plan_file: Path, tmp_path: Path, capsys) -> None:
    protocol = tmp_path / "protocol.pdf"
    status, _, err = _run(
        capsys, plan_file, "--protocol", protocol, "--home-care", tmp_path / "gone" / "h.pdf"
    )
    assert status == 2 and "h.pdf" in _one_line_error(err)
    assert not protocol.exists()


def test_failed_second_build_writes_nothing(
    plan_file: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    def broken(*args, **kwargs):
        raise ExportError("the home-care sheet cannot be laid out: test")

    monkeypatch.setattr(planner.export, "build_home_care", broken)
    protocol = tmp_path / "protocol.pdf"
    protocol.write_bytes(OLD)
    status, _, err = _run(capsys, plan_file, "--protocol", protocol, "--home-care", tmp_path / "h")
    assert status == 2 and str(plan_file) in _one_line_error(err)
    assert protocol.read_bytes() == OLD
    assert not (tmp_path / "h").exists()


def test_write_pdf_failure_leaves_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "p.pdf"
    target.write_bytes(OLD)

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="No space left on device") as caught:
        write_pdf(target, b"%PDF-new")
    assert str(target) in str(caught.value) and "\n" not in str(caught.value)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.pdf"]


def test_write_pdf_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "p.pdf"
    target.write_bytes(OLD)
    write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"


def test_write_pdf_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder"):
        write_pdf(tmp_path, b"%PDF")


def test_large_print_without_a_home_care_sheet_is_refused(tmp_path, capsys):
    from planner.cli import main

    plan = tmp_path / "plan.json"
    plan.write_text('{"format": "session-plan", "version": 1, "steps": []}', encoding="utf-8")
    status = main(["export", str(plan), "--protocol", str(tmp_path / "p.pdf"), "--large-print"])
    assert status == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "--large-print is for the home-care sheet" in lines[0]
    assert not (tmp_path / "p.pdf").exists()
