"""The plan file's keys for a course of care: ``measures``, ``soap``, ``signature``, ``addenda``.

They are part of format version 2 (a version 1 file cannot hold them). Each is
written only when it holds something, so a plan without them reads as before.
"""

from __future__ import annotations

from typing import Any

from planner.core import validate as v
from planner.core.measures import measures_to_json, parse_measures
from planner.core.plan import SessionPlan
from planner.core.signing import addendum_to_json, parse_addenda, parse_signature, signature_to_json
from planner.core.soap import parse_soap, soap_to_json

KEYS = ("measures", "soap", "signature", "addenda")


def read_course_keys(data: Any, version: int, plan: SessionPlan) -> None:
    """Set the plan's measures, notes, signature and addenda from a plan file object."""
    for key in KEYS:
        if key in data and version < 2:
            raise v.FormatError(key, "needs a plan file of version 2")
    if "measures" in data:
        plan.measures = parse_measures(data["measures"], "measures")
    if "soap" in data:
        plan.soap = parse_soap(data["soap"], "soap")
    if "signature" in data:
        plan.signature = parse_signature(data["signature"], "signature")
    if "addenda" in data:
        plan.addenda = parse_addenda(data["addenda"], "addenda")
        if plan.addenda and plan.signature is None:
            raise v.FormatError("addenda", "only a signed session has addenda")


def course_keys_to_json(plan: SessionPlan) -> dict[str, Any]:
    """The keys to add to the plan file object (only those that hold something)."""
    data: dict[str, Any] = {}
    if not plan.measures.empty:
        data["measures"] = measures_to_json(plan.measures)
    if not plan.soap.empty:
        data["soap"] = soap_to_json(plan.soap)
    if plan.signature is not None:
        data["signature"] = signature_to_json(plan.signature)
    if plan.addenda:
        data["addenda"] = [addendum_to_json(a) for a in plan.addenda]
    return data
