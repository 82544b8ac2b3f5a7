"""The copy of what progress reads: used while it matches, made again when not, deleted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from planner.storage import Store
from planner.storage.course import course_visits, session_docs
from planner.storage.coursecache import cache_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from course_helpers import make_course  # type: ignore[import-not-found]  # noqa: E402


def test_the_copy_gives_the_same_visits_and_follows_every_save(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    client_id, ids = make_course(folder)
    fresh = course_visits(folder, client_id, "Margaret Olsen")
    copy = cache_path(folder, client_id)
    assert copy.is_file() and oct(copy.stat().st_mode & 0o777) == "0o600"
    assert course_visits(folder, client_id, "Margaret Olsen") == fresh  # from the copy
    # A save replaces the session file: the copy no longer matches and is made again.
    with Store.open(folder) as store:
        record = store.session(ids[0])
        plan = record.plan.copy()
        plan.title = "Renamed"
        store.save_session(record.__class__(**{**record.__dict__, "plan": plan}))
    again = course_visits(folder, client_id, "Margaret Olsen")
    assert again[0].title == "Renamed"
    assert len(session_docs(folder, client_id)) == len(again) == 5


def test_a_damaged_copy_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    client_id, _ = make_course(folder)
    fresh = course_visits(folder, client_id, "x")
    cache_path(folder, client_id).write_text("{not json")
    assert course_visits(folder, client_id, "x") == fresh
    data = json.loads(cache_path(folder, client_id).read_text())
    data["visits"] = [["only", "a", "row"]]
    cache_path(folder, client_id).write_text(json.dumps(data))
    assert course_visits(folder, client_id, "x") == fresh


def test_the_copy_goes_with_the_client_and_stays_out_of_backups(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    client_id, _ = make_course(folder)
    course_visits(folder, client_id, "x")
    with Store.open(folder) as store:
        store.backup(tmp_path / "copy")
        assert not cache_path(tmp_path / "copy", client_id).exists()
        store.delete_client(client_id)
    assert not cache_path(folder, client_id).exists()
