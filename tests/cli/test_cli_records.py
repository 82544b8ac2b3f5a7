"""``planner clients``, ``sessions``, ``client|session delete`` and import that knows clients."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from planner import cli
from planner.storage import Store

PLAN: dict[str, Any] = {
    "format": "session-plan",
    "version": 1,
    "title": "Feet, week 1",
    "date": "2026-03-02",
    "client": {"name": "Margaret Olsen", "conditions": ["neuropathy", "diabetes"]},
    "avoid": [{"region": "heel", "side": "left", "reason": "open-wound"}],
    "symptoms": [{"region": "sole", "side": "both", "kind": "numbness", "intensity": 6}],
    "steps": [{"technique": "effleurage", "region": "foot", "minutes": 5}],
}


def write(folder: Path, data: Any, name: str = "plan.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _import(data: Path, plan: Path, capsys, *extra: str) -> tuple[int, str, str]:
    return run(["--data-dir", data, "import", plan, *extra], capsys)


def _client(data: Path) -> Any:
    with Store.open(data, read_only=True) as store:
        (client,) = store.clients()
        return client


# -- import ---------------------------------------------------------------------------


def test_import_gives_a_new_client_the_standing_areas(tmp_path, data, capsys):
    status, out, err = _import(data, write(tmp_path, PLAN), capsys)
    assert (status, err) == (0, "") and out.strip().startswith(_client(data).id)
    client = _client(data)
    assert [(a.region, a.side) for a in client.avoid] == [("heel", "left")]
    assert [s.kind for s in client.symptoms] == ["numbness"]


def test_import_matches_the_client_case_and_space_insensitive(tmp_path, data, capsys):
    _import(data, write(tmp_path, PLAN), capsys)
    other = {**PLAN, "title": "Feet, week 2", "client": {"name": "  margaret   OLSEN"}}
    status, out, err = _import(data, write(tmp_path, other, "two.json"), capsys)
    assert (status, err) == (0, "") and out.strip().startswith(_client(data).id)
    assert _client(data).conditions == ("neuropathy", "diabetes")


def test_update_client_takes_the_plans_areas(tmp_path, data, capsys):
    _import(data, write(tmp_path, PLAN), capsys)
    changed = {**PLAN, "title": "Week 2", "avoid": [], "client": {"name": "Margaret Olsen"}}
    path = write(tmp_path, changed, "two.json")
    assert _import(data, path, capsys)[0] == 0
    assert _client(data).avoid  # not asked: the standing record stays
    status, _, err = _import(data, path, capsys, "--update-client", "--again")
    assert (status, err) == (0, "")
    assert _client(data).avoid == () and _client(data).conditions == ()


def test_the_same_file_twice_is_refused_naming_the_session(tmp_path, data, capsys):
    plan = write(tmp_path, PLAN)
    first = _import(data, plan, capsys)[1].strip()
    status, out, err = _import(data, plan, capsys)
    assert (status, out) == (2, "")
    assert f"already stored as session {first} of Margaret Olsen" in err
    assert "--again" in err and err.count("\n") == 1
    assert _import(data, plan, capsys, "--again")[0] == 0
    with Store.open(data, read_only=True) as store:
        assert len(store.session_summaries(_client(data).id)) == 2


def test_session_replaces_that_plan_and_refuses_another_clients(tmp_path, data, capsys):
    first = _import(data, write(tmp_path, PLAN), capsys)[1].strip()
    edited = write(tmp_path, {**PLAN, "title": "Feet, edited"}, "edited.json")
    status, out, err = _import(data, edited, capsys, "--session", first)
    assert (status, out.strip(), err) == (0, first, "")
    with Store.open(data, read_only=True) as store:
        assert store.session(first).plan.title == "Feet, edited"
    other = write(tmp_path, {**PLAN, "client": {"name": "Bea Smith"}}, "bea.json")
    status, out, err = _import(data, other, capsys, "--session", first)
    assert status == 2 and "belongs to 'Margaret Olsen'" in err
    status, _, err = _import(data, edited, capsys, "--session", first, "--again")
    assert status == 2 and "not both" in err


# -- listings ---------------------------------------------------------------------------


def _two_clients(tmp_path: Path, data: Path, capsys) -> None:
    _import(data, write(tmp_path, PLAN), capsys)
    later = {**PLAN, "title": "Week 3", "date": "2026-03-16"}
    _import(data, write(tmp_path, later, "later.json"), capsys)
    bea = {**PLAN, "client": {"name": "Bea Smith"}, "date": "2026-01-05"}
    _import(data, write(tmp_path, bea, "bea.json"), capsys)


def test_clients_lists_counts_and_last_dates(tmp_path, data, capsys):
    _two_clients(tmp_path, data, capsys)
    status, out, err = run(["--data-dir", data, "clients", "--json"], capsys)
    rows = json.loads(out)
    assert (status, err) == (0, "")
    assert [(r["name"], r["sessions"], r["last_session"]) for r in rows] == [
        ("Bea Smith", 1, "2026-01-05"),
        ("Margaret Olsen", 2, "2026-03-16"),
    ]
    status, out, _ = run(["--data-dir", data, "clients"], capsys)
    assert "Margaret Olsen  (2 sessions, last 2026-03-16)" in out


def test_clients_of_an_empty_or_missing_store(data, capsys):
    assert run(["--data-dir", data, "clients"], capsys)[:2] == (0, "no clients yet\n")
    assert run(["--data-dir", data, "clients", "--json"], capsys)[:2] == (0, "[]\n")
    assert not data.exists()


def test_sessions_by_name_or_id_newest_first(tmp_path, data, capsys):
    _two_clients(tmp_path, data, capsys)
    status, out, err = run(["--data-dir", data, "sessions", "Margaret Olsen", "--json"], capsys)
    rows = json.loads(out)
    assert (status, err) == (0, "")
    assert [(r["date"], r["title"], r["status"], r["minutes"]) for r in rows] == [
        ("2026-03-16", "Week 3", "draft", 5),
        ("2026-03-02", "Feet, week 1", "draft", 5),
    ]
    client_id = rows[0]["id"].split("-")[0]
    status, out, _ = run(["--data-dir", data, "sessions", client_id], capsys)
    assert status == 0 and out.splitlines()[0].endswith("Week 3")


@pytest.mark.parametrize("who", ["Nobody", "margaret olsen"])
def test_sessions_of_an_unknown_client(tmp_path, data, capsys, who):
    _two_clients(tmp_path, data, capsys)
    status, out, err = run(["--data-dir", data, "sessions", who], capsys)
    assert (status, out) == (2, "")
    assert f"no client with the id or name '{who}'" in err


# -- deleting ---------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch):
    """A terminal on stdin that answers with ``answer.text``."""

    class Answer(io.StringIO):
        text = "y\n"

        def isatty(self) -> bool:
            return True

        def readline(self, *args: Any) -> str:
            return self.text

    answer = Answer()
    monkeypatch.setattr("sys.stdin", answer)
    return answer


def _ids(tmp_path, data, capsys) -> tuple[str, str]:
    _two_clients(tmp_path, data, capsys)
    with Store.open(data, read_only=True) as store:
        margaret = next(c for c in store.clients() if c.name == "Margaret Olsen")
        return margaret.id, store.session_summaries(margaret.id)[0].id


def test_client_delete_asks_on_a_terminal(tmp_path, data, capsys, terminal):
    client_id, _ = _ids(tmp_path, data, capsys)
    terminal.text = "n\n"
    status, out, err = run(["--data-dir", data, "client", "delete", client_id], capsys)
    assert status == 2 and "Margaret Olsen" in out and "2 sessions" in out
    assert f"client Margaret Olsen ({client_id}): not deleted" in err
    terminal.text = "y\n"
    status, out, err = run(["--data-dir", data, "client", "delete", client_id], capsys)
    assert status == 0 and "deleted client Margaret Olsen" in out and "backups" in out
    with Store.open(data, read_only=True) as store:
        assert [c.name for c in store.clients()] == ["Bea Smith"]


def test_no_terminal_and_no_yes_deletes_nothing(tmp_path, data, capsys, monkeypatch):
    client_id, session_id = _ids(tmp_path, data, capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal
    for argv in (["client", "delete", client_id], ["session", "delete", session_id]):
        status, out, err = run(["--data-dir", data, *argv], capsys)
        assert (status, out) == (2, "")
        assert "not deleted: there is no terminal to ask on (add --yes" in err
    with Store.open(data, read_only=True) as store:
        assert len(store.clients()) == 2 and store.session(session_id)


def test_yes_deletes_a_session_without_asking(tmp_path, data, capsys, monkeypatch):
    client_id, session_id = _ids(tmp_path, data, capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status, out, err = run(["--data-dir", data, "session", "delete", session_id, "--yes"], capsys)
    assert (status, err) == (0, "")
    assert out.startswith(f"deleted session {session_id} (Week 3, 2026-03-16, of Margaret Olsen)")
    with Store.open(data, read_only=True) as store:
        assert [s.title for s in store.session_summaries(client_id)] == ["Feet, week 1"]


@pytest.mark.parametrize("kind", ["client", "session"])
def test_deleting_what_is_not_there(data, capsys, kind):
    status, out, err = run(["--data-dir", data, kind, "delete", "c0000-0000", "--yes"], capsys)
    assert (status, out) == (2, "")
    assert f"no {kind} 'c0000-0000'" in err and err.count("\n") == 1


# -- documents of a stored session ------------------------------------------------------


def test_export_of_a_stored_session(tmp_path, data, capsys):
    pypdf = pytest.importorskip("pypdf")
    _, session_id = _ids(tmp_path, data, capsys)
    out_pdf = tmp_path / "protocol.pdf"
    argv = ["--data-dir", data, "export", "--session", session_id, "--protocol", out_pdf]
    status, out, err = run(argv, capsys)
    assert (status, err) == (0, "")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out_pdf).pages)
    assert "Margaret Olsen" in text and "Week 3" in text


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", "--protocol", "x.pdf"], "give a plan file or --session ID"),
        (["export", "p.json", "--session", "c1-s1", "--protocol", "x.pdf"], "one of the two"),
        (["export", "--session", "c1-s1", "--protocol", "x.pdf"], "no session 'c1-s1'"),
    ],
)
def test_export_needs_one_plan_source(tmp_path, data, capsys, argv, expected):
    _ids(tmp_path, data, capsys)
    status, out, err = run(["--data-dir", data, *argv], capsys)
    assert (status, out) == (2, "")
    assert expected in err and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()
