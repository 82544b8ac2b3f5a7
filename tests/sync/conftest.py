"""Fixtures of the sync tests: a server (pouchdb-server, and Apache CouchDB where named)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from couch_server import Server, external_couchdb, pouchdb_for_tests

SERVERS = ["pouchdb-server"] + (["couchdb"] if os.environ.get("PLANNER_TEST_COUCHDB") else [])


@pytest.fixture(scope="session")
def pouchdb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from pouchdb_for_tests(tmp_path_factory)


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
