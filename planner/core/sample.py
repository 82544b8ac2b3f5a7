"""The sample session (Help › Open a sample session): a worked example to look around in.

A client with neuropathy and diabetes, a healing blister on the left heel to
work around, numb soles, burning toes and tingling fingers, and eight gentle
steps from the hands to the lower legs, as ``resources/sample_session.json``.
"""

from __future__ import annotations

from planner._resources import resources_dir
from planner.core.library import Library
from planner.core.plan import SessionPlan
from planner.core.planfile import load_plan


def sample_session(library: Library | None = None) -> SessionPlan:
    """The sample plan (:class:`planner.core.planfile.PlanFileError` if the file is damaged)."""
    return load_plan(resources_dir() / "sample_session.json", library)
