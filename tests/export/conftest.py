"""Fixtures of the export tests: a realistic plan and its two documents, built once."""

from __future__ import annotations

import pytest
from export_samples import make_plan

from planner.core.plan import SessionPlan
from planner.export import build_home_care, build_protocol


@pytest.fixture
def plan() -> SessionPlan:
    return make_plan()


@pytest.fixture(scope="module")
def protocol_pdf() -> bytes:
    return build_protocol(make_plan())


@pytest.fixture(scope="module")
def home_care_pdf() -> bytes:
    return build_home_care(make_plan())


@pytest.fixture(scope="module")
def large_print_pdf() -> bytes:
    return build_home_care(make_plan(), large_print=True)
