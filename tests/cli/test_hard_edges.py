"""Hard edges of the command line, each through a whole ``planner`` process.

Every case checks the exit status, that a failure is exactly one line on stderr
with no traceback, and that nothing was left behind or changed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from edge_helpers import (
    one_error_line,
    plan_json,
    planner,
    small_files_only,
    snapshot,
    write_plan,
)

INJECTION = "\x1b[2K\r\x1b[A plan.json: no safety findings\x1b]0;pwned\x07\u202e"
_CONTROLS = ("\x1b", "\r", "\x07", "\u202e")


def _no_controls(data: bytes) -> str:
    text = data.decode("utf-8")
    assert not any(char in text for char in _CONTROLS), repr(text)
    return text


# -- 1. terminal escapes are shown, never obeyed -----------------------------------------


def _plan_with_injection(folder: Path) -> Path:
    data = plan_json()
    data["avoid"][0]["note"] = INJECTION
    data["client"]["name"] = f"Alex{INJECTION}"
    data["steps"][0]["notes"] = INJECTION
    path = folder / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_check_shows_escape_sequences_inert(tmp_path: Path) -> None:
    result = planner("check", _plan_with_injection(tmp_path))
    out = _no_controls(result.stdout)
    assert result.returncode in (0, 1) and result.stderr == b""
    assert "\\u001b[2K\\u000d\\u001b[A" in out and "\\u001b]0;pwned\\u0007" in out


def test_check_json_is_left_as_json(tmp_path: Path) -> None:
    result = planner("check", _plan_with_injection(tmp_path), "--json")
    findings = json.loads(result.stdout)
    assert any(INJECTION in finding["message"] for finding in findings)
    _no_controls(result.stdout)  # JSON escapes them itself


def test_an_error_quoting_plan_text_is_inert_and_one_line(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, **{f"bad\x1b]0;title\x07\nkey{INJECTION}": 1})
    before = snapshot(tmp_path)
    err = one_error_line(planner("check", plan))
    assert "bad\\x1b]0;title\\x07\\nkey" in err
    assert snapshot(tmp_path) == before


def test_import_and_store_info_show_stored_text_inert(tmp_path: Path) -> None:
    store = tmp_path / "store"
    imported = planner("--data-dir", store, "import", _plan_with_injection(tmp_path))
    assert imported.returncode == 0, imported.stderr
    _no_controls(imported.stdout)
    info = planner("--data-dir", store, "store", "info")
    assert info.returncode == 0, info.stderr
    _no_controls(info.stdout)


def test_a_bad_argument_is_inert(tmp_path: Path) -> None:
    err = one_error_line(planner("export", tmp_path / "p.json", "--paper", "a4\x1b]0;x\x07"))
    assert "a4\\x1b]0;x\\x07" in err


# -- 2. an output over the input, two outputs the same file ------------------------------


@pytest.mark.parametrize("how", ["same path", "through a link", "another spelling"])
def test_export_refuses_to_write_over_the_plan(tmp_path: Path, how: str) -> None:
    plan = write_plan(tmp_path)
    output: Path | str = plan
    if how == "through a link":
        output = tmp_path / "link.pdf"
        output.symlink_to(plan)
    elif how == "another spelling":
        output = f"{tmp_path}/./sub/../plan.json"
        (tmp_path / "sub").mkdir()
    before = snapshot(tmp_path)
    err = one_error_line(planner("export", plan, "--protocol", output))
    assert "is the plan file itself" in err
    assert snapshot(tmp_path) == before


def test_export_refuses_two_outputs_in_one_file(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "a.pdf").write_bytes(b"old")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    before = snapshot(tmp_path)
    result = planner(
        "export", plan, "--protocol", tmp_path / "a.pdf", "--home-care", "b.pdf", cwd=tmp_path
    )
    assert "need different files" in one_error_line(result)
    assert snapshot(tmp_path) == before


# -- 3. special files ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [("check",), ("export", "--protocol", "out.pdf"), ("import",)])
def test_a_fifo_as_the_plan_is_refused_at_once(tmp_path: Path, command: tuple[str, ...]) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    before = snapshot(tmp_path)
    result = planner(
        command[0], fifo, *command[1:], "--data-dir", tmp_path / "store", cwd=tmp_path, timeout=30
    )
    assert "not a regular file" in one_error_line(result)
    assert snapshot(tmp_path) == before


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path) -> None:
    # A store file that is a FIFO blocks its reader until someone writes: Ctrl-C then.
    store = tmp_path / "store"
    store.mkdir(mode=0o700)
    os.mkfifo(store / "own.json")
    process = subprocess.Popen(
        [os.sys.executable, "-m", "planner", "--data-dir", str(store), "techniques"],
        cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Wait until the command has the FIFO open for reading (a writer can open it only then)
    # and keep the writing end open, so that it stays blocked in its read: Ctrl-C then.
    # A fixed sleep raced a slow start on a loaded machine.
    writer = None
    deadline = time.monotonic() + 60
    while writer is None and process.poll() is None and time.monotonic() < deadline:
        try:
            writer = os.open(store / "own.json", os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.02)
    assert writer is not None, "the command never opened its store's own.json"
    try:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        os.close(writer)
    result = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    assert one_error_line(result, status=130) == "planner techniques: interrupted\n"


def test_an_export_into_a_fifo_is_refused(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    os.mkfifo(tmp_path / "out.pdf")
    before = snapshot(tmp_path)
    err = one_error_line(planner("export", plan, "--protocol", tmp_path / "out.pdf", timeout=30))
    assert "not a regular file" in err
    assert snapshot(tmp_path) == before


def test_an_export_through_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "real.pdf").write_bytes(b"old")
    (tmp_path / "link.pdf").symlink_to(tmp_path / "real.pdf")
    result = planner("export", plan, "--protocol", tmp_path / "link.pdf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.pdf").is_symlink()
    assert (tmp_path / "real.pdf").read_bytes().startswith(b"%PDF")


def test_an_export_through_a_link_to_nothing_is_refused(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "link.pdf").symlink_to(tmp_path / "gone" / "x.pdf")
    before = snapshot(tmp_path)
    err = one_error_line(planner("export", plan, "--protocol", tmp_path / "link.pdf"))
    assert "link to nothing" in err
    assert snapshot(tmp_path) == before


# -- 4. every OSError is one line naming the path -------------------------------------------


def test_sessions_folder_that_is_a_file(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path, "p.json")).returncode == 0
    sessions = store / "sessions"
    shutil.rmtree(sessions, ignore_errors=True)
    sessions.write_text("not a folder")
    plan = write_plan(tmp_path, "p.json")
    before = snapshot(tmp_path)
    err = one_error_line(planner("--data-dir", store, "import", plan))
    assert "sessions" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "command", [("store", "info"), ("import", "PLAN"), ("store", "backup", "DEST")]
)
def test_a_store_file_in_a_link_loop(tmp_path: Path, command: tuple[str, ...]) -> None:
    store = tmp_path / "store"
    store.mkdir(mode=0o700)
    (store / "store.json").symlink_to(store / "loop")
    (store / "loop").symlink_to(store / "store.json")
    plan = write_plan(tmp_path)
    args = [
        str(plan) if word == "PLAN" else str(tmp_path / "dest") if word == "DEST" else word
        for word in command
    ]
    before = snapshot(tmp_path)
    err = one_error_line(planner("--data-dir", store, *args))
    assert "store.json" in err or "loop" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("data_dir", ["a regular file", "/dev/null"])
@pytest.mark.parametrize("command", [("store", "info"), ("import", "PLAN"), ("techniques",)])
def test_a_data_dir_that_is_no_folder(
    tmp_path: Path, data_dir: str, command: tuple[str, ...]
) -> None:
    folder = tmp_path / "file"
    folder.write_text("x")
    given = str(folder) if data_dir == "a regular file" else data_dir
    plan = write_plan(tmp_path)
    args = [str(plan) if word == "PLAN" else word for word in command]
    before = snapshot(tmp_path)
    err = one_error_line(planner("--data-dir", given, *args))
    assert given in err
    assert snapshot(tmp_path) == before


# -- 5. file names that are not UTF-8 -------------------------------------------------------


def test_check_a_plan_whose_name_is_not_utf8(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, b"plan_\xff.json")
    result = planner("check", plan)
    assert result.returncode == 0 and result.stderr == b""
    assert "plan_\\xff.json" in result.stdout.decode("utf-8")


def test_export_to_and_from_names_that_are_not_utf8(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, b"plan_\xff.json")
    output = os.path.join(os.fsencode(tmp_path), b"out_\xfe.pdf")
    result = planner("export", plan, "--protocol", output)
    assert result.returncode == 0 and result.stderr == b""
    assert "out_\\xfe.pdf" in result.stdout.decode("utf-8")
    with open(output, "rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_a_store_whose_folder_name_is_not_utf8(tmp_path: Path) -> None:
    store = os.path.join(os.fsencode(tmp_path), b"store_\xfd")
    imported = planner("--data-dir", store, "import", write_plan(tmp_path))
    assert imported.returncode == 0 and imported.stderr == b""
    info = planner("--data-dir", store, "store", "info")
    assert info.returncode == 0 and "store_\\xfd" in info.stdout.decode("utf-8")


def test_an_error_about_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    missing = os.path.join(os.fsencode(tmp_path), b"gone_\xff.json")
    assert "gone_\\xff.json" in one_error_line(planner("check", missing))


# -- 7. all outputs of one command or none ---------------------------------------------------


def test_export_writes_both_documents_or_neither(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    ok = planner(
        "export", plan, "--protocol", tmp_path / "p.pdf", "--home-care", tmp_path / "h.pdf"
    )
    assert ok.returncode == 0, ok.stderr
    sizes = sorted(((tmp_path / name).stat().st_size, name) for name in ("p.pdf", "h.pdf"))
    for name in ("p.pdf", "h.pdf"):
        (tmp_path / name).unlink()
    # Room for the smaller document but not the larger, as on a disk that fills up.
    limit = (sizes[0][0] + sizes[1][0]) // 2
    before = snapshot(tmp_path)
    result = planner(
        "export",
        plan,
        "--protocol",
        tmp_path / "p.pdf",
        "--home-care",
        tmp_path / "h.pdf",
        preexec_fn=small_files_only(limit),
    )
    assert sizes[1][1] in one_error_line(result)
    assert snapshot(tmp_path) == before


# -- 8. every error names its place -------------------------------------------------------


def _raw_plan(folder: Path, text: str, name: str = "plan.json") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _plan_text_with_step(step: str) -> str:
    text = json.dumps(plan_json())
    # The fourth step written by hand, as a person (or a broken program) might write it.
    data = plan_json()
    fourth = json.dumps(data["steps"][3])
    return text.replace(fourth, step, 1)


@pytest.mark.parametrize(
    ("step", "place", "words"),
    [
        (
            '{"technique": "effleurage", "region": "sole", "minutes": NaN}',
            "steps[3].minutes",
            "NaN",
        ),
        (
            '{"technique": "effleurage", "region": "sole", "minutes": -Infinity}',
            "steps[3].minutes",
            "-Infinity",
        ),
        (
            '{"technique": "effleurage", "region": "sole", "minutes": 5, "minutes": 6}',
            "steps[3]",
            "'minutes' appears twice",
        ),
        (
            '{"technique": "effleurage", "region": "sole", "minutes": 1e999}',
            "steps[3].minutes",
            "",
        ),
    ],
)
def test_bad_numbers_and_twice_written_keys_name_their_place(
    tmp_path: Path, step: str, place: str, words: str
) -> None:
    plan = _raw_plan(tmp_path, _plan_text_with_step(step))
    err = one_error_line(planner("check", plan))
    assert f"{plan}: {place}: " in err and words in err


def test_a_number_of_5000_digits_names_its_place(tmp_path: Path) -> None:
    text = json.dumps(plan_json()).replace('"version": 1', '"version": ' + "9" * 5000)
    err = one_error_line(planner("check", _raw_plan(tmp_path, text)))
    assert "version: " in err and "set_int_max_str_digits" not in err and len(err) < 300


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    text = json.dumps(plan_json(), indent=2).replace('"title"', '"title" "x"', 1)
    err = one_error_line(planner("check", _raw_plan(tmp_path, text)))
    assert "line 4, column" in err


# -- 9. an error quotes at most about 60 characters ----------------------------------------


@pytest.mark.parametrize("where", ["unknown key", "region value", "technique value"])
def test_a_megabyte_value_is_quoted_short(tmp_path: Path, where: str) -> None:
    data = plan_json()
    huge = "z" * 1_000_000
    if where == "unknown key":
        data[huge] = 1
    elif where == "region value":
        data["steps"][0]["region"] = huge
    else:
        data["steps"][0]["technique"] = huge
    err = one_error_line(planner("check", write_plan(tmp_path, **{k: data[k] for k in data})))
    assert len(err) < 300 and "z" * 61 not in err


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    plan = _raw_plan(tmp_path, "{", name="two\nlines.json")
    err = one_error_line(planner("check", plan))
    assert "two\\u000alines.json" in err


# -- 6. a store its owner made read-only -----------------------------------------------------


def test_a_read_only_store_opens_read_only_and_says_so(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path)).returncode == 0
    store.chmod(0o500)
    try:
        other = write_plan(tmp_path, "other.json", title="Another session")
        before = snapshot(store)
        err = one_error_line(planner("--data-dir", store, "import", other))
        assert "read-only (mode 0500)" in err
        info = planner("--data-dir", store, "store", "info")
        assert info.returncode == 0 and b"Read-only:" in info.stdout
        assert snapshot(store) == before and (store.stat().st_mode & 0o777) == 0o500
    finally:
        store.chmod(0o700)


def test_a_read_only_store_file_is_not_replaced(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path)).returncode == 0
    (store / "store.json").chmod(0o400)
    other = write_plan(tmp_path, "other.json", title="Another session")
    before = snapshot(store)
    err = one_error_line(planner("--data-dir", store, "import", other))
    assert "store.json is read-only (mode 0400)" in err
    assert snapshot(store) == before


def test_only_a_wider_store_folder_is_narrowed(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path)).returncode == 0
    store.chmod(0o755)
    result = planner("--data-dir", store, "import", write_plan(tmp_path, "b.json", title="B"))
    assert result.returncode == 0, result.stderr
    assert (store.stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize("dest_name", ["copy", "copy.zip"])
def test_a_failed_backup_leaves_nothing_and_the_retry_works(tmp_path: Path, dest_name: str) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path)).returncode == 0
    dest = tmp_path / "out" / dest_name
    dest.parent.mkdir()
    before = snapshot(tmp_path)
    # No file over 200 bytes can be written, as on a disk that is full.
    failed = planner("--data-dir", store, "store", "backup", dest, preexec_fn=small_files_only(200))
    assert str(dest) in one_error_line(failed)
    assert snapshot(tmp_path) == before
    retry = planner("--data-dir", store, "store", "backup", dest)
    assert retry.returncode == 0, retry.stderr
    assert dest.exists()


# -- 10. records that parse but are wrong ------------------------------------------------------


def _break_a_session(store: Path) -> str:
    path = next((store / "sessions").glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = next(iter(data["sessions"].values()))
    doc["plan"]["steps"][2]["minutes"] = -4
    doc["status"] = "finished?"
    path.write_text(json.dumps(data), encoding="utf-8")
    return doc["id"]


def test_store_check_names_each_bad_record(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path)).returncode == 0
    good = planner("--data-dir", store, "store", "check")
    assert good.returncode == 0 and b"all are right" in good.stdout
    session_id = _break_a_session(store)
    before = snapshot(tmp_path)
    result = planner("--data-dir", store, "store", "check")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 1 and result.stderr == b""
    assert f"session {session_id}: status 'finished?'" in out
    info = planner("--data-dir", store, "store", "info")
    assert info.returncode == 1 and f"session {session_id}: " in info.stdout.decode("utf-8")
    assert snapshot(tmp_path) == before
    again = planner("--data-dir", store, "import", write_plan(tmp_path, "b.json", title="B"))
    assert again.returncode == 0 and again.stderr.decode("utf-8").count("\n") == 1
    assert b"1 other session of this client is wrong" in again.stderr
    backup = planner("--data-dir", store, "store", "backup", tmp_path / "copy")
    assert backup.returncode == 0 and backup.stderr.decode("utf-8").count("\n") == 1
    assert b"1 record is wrong in the store" in backup.stderr


def test_store_check_names_a_bad_plan_inside_a_session(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert planner("--data-dir", store, "import", write_plan(tmp_path)).returncode == 0
    path = next((store / "sessions").glob("*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    next(iter(data["sessions"].values()))["plan"]["steps"][2]["minutes"] = -4
    path.write_text(json.dumps(data), encoding="utf-8")
    result = planner("--data-dir", store, "store", "check")
    assert result.returncode == 1 and b"steps[2].minutes" in result.stdout


def test_an_own_technique_named_with_a_title_sequence_is_listed_inert(tmp_path: Path) -> None:
    import dataclasses

    from planner.core.library import builtin_library
    from planner.storage import Store

    store = tmp_path / "store"
    base = builtin_library().techniques["effleurage"]
    own = dataclasses.replace(base, id="my-stroke", name="Mine\x1b]0;pwned\x07\x1b[2J")
    with Store.open(store) as opened:
        opened.save_technique(own)
    result = planner("--data-dir", store, "techniques")
    out = _no_controls(result.stdout)
    assert result.returncode == 0 and "Mine\\u001b]0;pwned\\u0007\\u001b[2J" in out


def test_a_failed_migration_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(Path(__file__).parents[1] / "storage" / "fixtures" / "store-v1", store)
    data = json.loads((store / "store.json").read_text(encoding="utf-8"))
    first = sorted(data["sessions"], key=int)[0]
    del data["sessions"][first]["client"]
    (store / "store.json").write_text(json.dumps(data), encoding="utf-8")
    plan = write_plan(tmp_path)
    before = snapshot(store)
    for _attempt in range(2):
        err = one_error_line(planner("--data-dir", store, "import", plan))
        assert f"sessions record {first}: no 'client'" in err
        after = {name: entry for name, entry in snapshot(store).items() if name != "store.lock"}
        assert after == {name: entry for name, entry in before.items() if name != "store.lock"}


# -- 11. any script, through the command line ---------------------------------------------------


def test_export_prints_names_in_any_script_and_they_copy_out(tmp_path: Path) -> None:
    from pdf_readback import flat_text

    from planner.export import fallback, fonts

    name = "王小明 田中さくら 김민수 अनीता 🙂"
    if any(
        not char.isspace()
        and ord(char) not in fonts.register_fonts()
        and fallback.face_for(ord(char), fallback.language_hint(name)) is None
        for char in name
    ):
        pytest.skip("this system lacks a font for one of the scripts (see .ci/run)")
    data = plan_json()
    data["client"]["name"] = name
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(data), encoding="utf-8")
    result = planner(
        "export", plan, "--protocol", tmp_path / "p.pdf", "--home-care", tmp_path / "h.pdf"
    )
    assert result.returncode == 0 and result.stderr == b""
    for pdf in ("p.pdf", "h.pdf"):
        assert name in flat_text((tmp_path / pdf).read_bytes())
