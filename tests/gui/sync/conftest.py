"""The sync tests' server for the window's sync tests (see tests/sync/couch_server.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sync"))

from couch_server import NoServer, Server, start_pouchdb  # noqa: E402


@pytest.fixture(scope="module")
def couch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        server = start_pouchdb(tmp_path_factory.mktemp("pouchdb-server"))
    except NoServer as why:
        if os.environ.get("PLANNER_REQUIRE_COUCH"):
            pytest.fail(f"the sync tests need their server: {why}")
        pytest.skip(f"sync tests skipped: {why}")
    yield server
    server.stop()
