"""Long plans: the steps and findings tables go over many pages, every row once, in order."""

from __future__ import annotations

import re

from export_samples import plan_json
from pdf_readback import page_texts

from planner.core.planfile import parse_plan
from planner.export import build_protocol


def _long_plan(count: int):
    data = plan_json()
    steps = data["steps"]
    data["steps"] = [
        dict(steps[index % len(steps)], minutes=1, notes=f"note-{index + 1}-end")
        for index in range(count)
    ]
    data["length_minutes"] = count
    return parse_plan(data)


def test_every_step_is_in_the_table_once_and_in_order() -> None:
    pages = page_texts(build_protocol(_long_plan(300)))
    notes = [int(number) for number in re.findall(r"note-(\d+)-end", " ".join(pages))]
    assert notes == list(range(1, 301))


def test_the_steps_header_is_on_every_page_of_the_table() -> None:
    pages = page_texts(build_protocol(_long_plan(300)))
    with_steps = [page for page in pages if re.search(r"note-\d+-end", page)]
    assert len(with_steps) >= 5
    assert all("Technique" in page and "Pressure" in page for page in with_steps)


def test_every_finding_is_listed_once() -> None:
    plan = _long_plan(200)
    text = " ".join(" ".join(page_texts(build_protocol(plan))).split())
    # The second sample step (gentle stroking of both feet) reaches the avoided left heel.
    heel_steps = [index + 1 for index in range(1, 200, 7)]
    for number in heel_steps:
        assert text.count(f"Step {number} (Gentle stroking") == 1, number
