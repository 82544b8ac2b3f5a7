"""Every command that writes a file named on the command line treats that path alike.

``templates export FILE``, ``progress --pdf``, ``intake --pdf``, ``store backup DEST``
and ``export --session``: an output that is one of the command's inputs (a store
file, also through a link) is refused; so is a FIFO, a device or a link to
nothing; a link to a regular file is followed on purpose; and a write that fails
leaves the old file as it was. Each refusal is one line on stderr, exit 2.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from course_helpers import make_course
from edge_helpers import one_error_line, planner, small_files_only, snapshot

from planner.storage import Store

# Each writing command, with {out} where its output path goes.
COMMANDS = {
    "templates export": ("templates", "export", "{out}"),
    "progress --pdf": ("progress", "Margaret Olsen", "--pdf", "{out}"),
    "intake --pdf": ("intake", "Margaret Olsen", "--pdf", "{out}"),
    "store backup .zip": ("store", "backup", "{out}"),
    "export --session": ("export", "--session", "{session}", "--protocol", "{out}"),
}


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, str]:
    """A store with Margaret Olsen's visits and one template; (folder, a session id)."""
    folder = tmp_path / "store"
    _, sessions = make_course(folder)
    with Store.open(folder) as opened:
        opened.save_template("Foot care", opened.session(sessions[0]).plan)
    return folder, sessions[0]


def _run(store: tuple[Path, str], command: str, out: Path | str, **options):  # type: ignore[no-untyped-def]
    folder, session = store
    argv = [part.format(out=out, session=session) for part in COMMANDS[command]]
    return planner("--data-dir", folder, *argv, **options)


def _out(tmp_path: Path, command: str, name: str = "out") -> Path:
    return tmp_path / (f"{name}.zip" if "backup" in command else f"{name}.pdf")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_output_that_is_a_store_file_through_a_link_is_refused(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    link = _out(tmp_path, command)
    link.symlink_to(store[0] / "store.json")
    before = snapshot(tmp_path)
    err = one_error_line(_run(store, command, link))
    assert "is the store's file store.json itself" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["templates export", "progress --pdf", "intake --pdf"])
def test_an_output_that_is_a_session_file_is_refused(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    (session_file,) = (store[0] / "sessions").glob("*.json")
    before = snapshot(tmp_path)
    err = one_error_line(_run(store, command, session_file))
    assert f"is the store's file sessions{os.sep}{session_file.name} itself" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", [*COMMANDS, "store backup folder"])
def test_a_fifo_as_the_output_is_refused_and_kept(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    if command == "store backup folder":
        fifo, command = tmp_path / "copy", "store backup .zip"
    else:
        fifo = _out(tmp_path, command)
    os.mkfifo(fifo)
    before = snapshot(tmp_path)
    err = one_error_line(_run(store, command, fifo, timeout=30))
    assert "a FIFO or a device" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_device_as_the_output_is_refused(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    # Through a link in tmp_path: a program that wrongly replaced its output would
    # replace the link, not the system's null device (the tests may run as root).
    link = _out(tmp_path, command)
    link.symlink_to(os.devnull)
    before = snapshot(tmp_path)
    err = one_error_line(_run(store, command, link, timeout=30))
    assert "a FIFO or a device" in err
    assert snapshot(tmp_path) == before
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("command", [*COMMANDS, "store backup folder"])
def test_a_link_to_nothing_as_the_output_is_refused(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    if command == "store backup folder":
        link, command = tmp_path / "copy", "store backup .zip"
    else:
        link = _out(tmp_path, command)
    link.symlink_to(tmp_path / "gone" / "nothing")
    before = snapshot(tmp_path)
    err = one_error_line(_run(store, command, link))
    assert "link to nothing" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_link_to_a_regular_file_is_followed(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    real = _out(tmp_path, command, "real")
    real.write_bytes(b"old")
    link = _out(tmp_path, command, "link")
    link.symlink_to(real)
    result = _run(store, command, link)
    assert result.returncode == 0 and result.stderr == b"", result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != b"old" and real.stat().st_size > 100


def test_a_backup_through_a_link_to_an_empty_folder_fills_that_folder(
    store: tuple[Path, str], tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "copy").symlink_to(tmp_path / "empty")
    result = _run(store, "store backup .zip", tmp_path / "copy")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "copy").is_symlink()
    assert (tmp_path / "empty" / "store.json").is_file()


def test_a_backup_over_a_file_is_refused(store: tuple[Path, str], tmp_path: Path) -> None:
    (tmp_path / "copy").write_bytes(b"mine")
    before = snapshot(tmp_path)
    err = one_error_line(_run(store, "store backup .zip", tmp_path / "copy"))
    assert "already exists and is not an empty folder" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_failed_write_leaves_the_old_output_whole(
    store: tuple[Path, str], tmp_path: Path, command: str
) -> None:
    out = _out(tmp_path, command)
    first = _run(store, command, out)  # also makes any cache the command keeps
    assert first.returncode == 0, first.stderr
    out.write_bytes(b"the old file")
    before = snapshot(tmp_path)
    # No file over 40 bytes can be written, as on a disk that is full.
    err = one_error_line(_run(store, command, out, preexec_fn=small_files_only(40)))
    assert str(out) in err
    assert snapshot(tmp_path) == before
