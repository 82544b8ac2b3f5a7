"""Fixtures of the store tests: a fresh store folder, an open store, a client."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.plan import AvoidedArea, SymptomArea
from planner.storage import ClientRecord, Store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(folder: Path):
    with Store.open(folder) as opened:
        yield opened


@pytest.fixture
def alex(store: Store) -> ClientRecord:
    return store.save_client(
        ClientRecord(
            id="",
            name="Alex Doe",
            contact="555-0101",
            conditions=("neuropathy", "diabetes"),
            avoid=(AvoidedArea("heel", "left", "open-wound", "healing blister"),),
            symptoms=(SymptomArea("sole", "both", "tingling", 4),),
            notes="Prefers feet first.",
        )
    )
