"""Fixtures of the sync tests: a server (pouchdb-server, and Apache CouchDB where named)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from couch_server import NoServer, Server, external_couchdb, start_pouchdb

SERVERS = ["pouchdb-server"] + (["couchdb"] if os.environ.get("PLANNER_TEST_COUCHDB") else [])


@pytest.fixture(scope="session")
def pouchdb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        server = start_pouchdb(tmp_path_factory.mktemp("pouchdb-server"))
    except NoServer as why:
        if os.environ.get("PLANNER_REQUIRE_COUCH"):
            pytest.fail(f"the sync tests need their server: {why}")
        pytest.skip(f"sync tests skipped: {why}")
    yield server
    server.stop()


@pytest.fixture(params=SERVERS)
def server(request: pytest.FixtureRequest) -> Server:
    if request.param == "couchdb":
        found = external_couchdb()
        assert found is not None
        return found
    return request.getfixturevalue("pouchdb")


@pytest.fixture
def database(server: Server) -> str:
    return server.new_database()


@pytest.fixture
def desks(tmp_path: Path) -> dict[str, Path]:
    return {name: tmp_path / f"desk-{name}" for name in ("a", "b", "c")}
