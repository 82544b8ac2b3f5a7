"""planner.cli.terminal: what a terminal would obey is shown, never passed on."""

from __future__ import annotations

import errno
import io
import json

from planner.cli.terminal import InertStream, inert, one_line, os_error_line


def test_controls_and_escape_sequences_are_shown_escaped() -> None:
    assert inert("a\x1b[2Kb\rc\x07d\x9be") == "a\\u001b[2Kb\\u000dc\\u0007d\\u009be"
    assert inert("right\u202eto left") == "right\\u202eto left"
    assert inert("line one\nline two\ttab") == "line one\nline two\ttab"


def test_plain_text_in_any_script_passes_unchanged() -> None:
    text = "Ελληνικά 王小明 अनीता 🙂 «quotes» — dash"
    assert inert(text) == text and one_line(text) == text


def test_undecodable_file_name_bytes_show_as_bytes() -> None:
    assert inert("plan_\udcff.json") == "plan_\\xff.json"


def test_one_line_escapes_line_breaks_and_is_bounded() -> None:
    assert one_line("a\nb\u2028c") == "a\\u000ab\\u2028c"
    assert len(one_line("x" * 5000)) == 1000


def test_json_stays_json_through_the_stream() -> None:
    target = io.StringIO()
    stream = InertStream(target)  # type: ignore[arg-type]
    text = json.dumps({"note": "a\x9bb\x1bc"}, ensure_ascii=False)
    stream.write(text)
    assert json.loads(target.getvalue()) == {"note": "a\x9bb\x1bc"}


def test_os_errors_name_the_path() -> None:
    loop = OSError(errno.ELOOP, "Too many levels of symbolic links", "/s/store.json")
    assert os_error_line(loop).startswith("/s/store.json: too many levels of symbolic links")
    moved = OSError(errno.EXDEV, "Invalid cross-device link", "a\nb", None, "c")
    assert os_error_line(moved) == "a\\u000ab -> c: Invalid cross-device link"
    assert os_error_line(OSError(errno.EBADF, "Bad file descriptor", 12)).startswith("12: ")
