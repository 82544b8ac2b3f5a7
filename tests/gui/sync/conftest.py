"""The sync tests' server for the window's sync tests (see tests/sync/couch_server.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sync"))

from couch_server import Server, pouchdb_for_tests  # noqa: E402


@pytest.fixture(scope="module")
def couch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from pouchdb_for_tests(tmp_path_factory)
