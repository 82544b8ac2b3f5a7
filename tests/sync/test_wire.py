"""What goes over the wire: only the records' JSON and the protocol; a server lost mid-sync."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from couch_server import NoServer, Server, start_pouchdb
from sync_helpers import everything, fill, sync_desk
from test_cli_sync import data

from planner.storage import Store
from planner.sync.couch import Couch, SyncError
from planner.sync.engine import sync

PROTOCOL_KEYS = {"_id", "_rev", "_revisions", "kind", "record", "_deleted", "removed"}


class Recording(httpx.HTTPTransport):
    """Passes requests on, keeping each; ``before(n)`` runs ahead of the n-th (from 1)."""

    def __init__(self, before=None) -> None:
        super().__init__()
        self.requests: list[httpx.Request] = []
        self.before = before

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.before is not None:
            self.before(len(self.requests))
        return super().handle_request(request)


def test_only_the_records_json_leaves_the_machine(desks, database: str, server: Server):
    a = desks["a"]
    fill(a, clients=2, sessions=2)
    records = everything(a)
    wire = Recording()
    with Store.open(a) as store, Couch(database, server.user, server.password, transport=wire) as c:
        sync(store, c)
    names = ["Client 0", "Client 1", "Alex Doe", "healing blister", "Prefers feet first"]
    pushed = []
    for request in wire.requests:
        url = str(request.url)
        assert not any(name.replace(" ", "%20") in url or name in url for name in names)
        body = request.content.decode("utf-8")
        if not body:
            continue
        sent = json.loads(body)
        if url.endswith("_bulk_docs"):
            assert sent["new_edits"] is False and set(sent) == {"docs", "new_edits"}
            for doc in sent["docs"]:
                assert set(doc) <= PROTOCOL_KEYS
                assert doc["record"] == records[doc["_id"]]  # the record, exactly
                pushed.append(doc["_id"])
        else:  # _revs_diff, _bulk_get and the checkpoint carry ids and revisions only
            assert not any(name in body for name in names), url
    assert sorted(pushed) == sorted(records)
    assert not any(name in server.log() for name in names)  # nothing of it in the server's log


@pytest.fixture
def own_server(tmp_path: Path):
    try:
        server = start_pouchdb(tmp_path / "server")
    except NoServer as why:
        pytest.skip(str(why))
    yield server
    server.stop()


def test_server_stopped_mid_sync_is_one_line_and_nothing_lost(desks, own_server: Server):
    a = desks["a"]
    fill(a, clients=3, sessions=3)
    url = own_server.new_database()
    before, records = data(a), everything(a)

    def stop_at_third(number: int) -> None:
        if number == 3:  # after the check and _revs_diff: before the documents go
            own_server.stop()

    wire = Recording(stop_at_third)
    with (
        Store.open(a) as store,
        Couch(url, own_server.user, own_server.password, transport=wire) as c,
        pytest.raises(SyncError) as failure,
    ):
        sync(store, c)
    assert "cannot be reached" in str(failure.value) and "\n" not in str(failure.value)
    after = data(a)
    assert {k: v for k, v in after.items() if k != "sync.db"} == {
        k: v for k, v in before.items() if k != "sync.db"
    }
    assert everything(a) == records


def test_an_emptied_database_gets_everything_again(desks, database: str, server: Server):
    """The database was emptied (deleted and made again): its checkpoint is gone with it,
    and the desk offers all it has, instead of trusting that it was sent before."""
    a = desks["a"]
    fill(a, clients=1, sessions=2)
    sync_desk(a, database, server)
    auth = (server.user, server.password)
    httpx.delete(database, auth=auth, timeout=30).raise_for_status()
    httpx.put(database, auth=auth, timeout=30).raise_for_status()
    assert sync_desk(a, database, server).sent == len(everything(a))
    assert sync_desk(desks["b"], database, server).received == len(everything(a))
