"""The client's sheet read back from the PDF, for three realistic plans in both prints.

Sizes and colours of every character (pdfplumber), pages, exercises whole on one
page, the tick grid's boxes, and pictures that match the words.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from export_samples import REALISTIC_PLANS, make_plan
from pdf_readback import client_chars, page_texts

from planner.core.library import builtin_library
from planner.core.plan import HomeCareItem
from planner.export import build_home_care
from planner.export.common import full_library
from planner.export.homecare_sheet import _picture_with_key, client_sheet_text
from planner.export.layout import LETTER, MARGIN_LEFT, MARGIN_RIGHT, make_styles
from planner.export.sheet_parts import TICK_BOX, tick_grid

PLANS = list(REALISTIC_PLANS)
PRINTS = {"normal": False, "large": True}


@cache
def sheet(name: str, print_: str) -> bytes:
    return build_home_care(make_plan(REALISTIC_PLANS[name]), large_print=PRINTS[print_])


@cache
def words(name: str) -> object:
    plan = make_plan(REALISTIC_PLANS[name])
    return client_sheet_text(plan, full_library(plan, builtin_library()), emergency_number="911")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PLANS)
def test_normal_print_body_is_12_pt_and_nothing_under_10(name: str) -> None:
    chars = client_chars(sheet(name, "normal"))
    sizes = [c["size"] for c in chars]
    body = max(set(sizes), key=sizes.count)
    assert body >= 12
    assert min(sizes) >= 10


@pytest.mark.parametrize("name", PLANS)
def test_large_print_every_text_16_pt_header_and_footer_14(name: str) -> None:
    chars = client_chars(sheet(name, "large"))
    assert min(c["size"] for c in chars if not c["running"]) >= 16
    assert min(c["size"] for c in chars if c["running"]) >= 14


@pytest.mark.parametrize("print_", PRINTS)
@pytest.mark.parametrize("name", PLANS)
def test_no_grey_text(name: str, print_: str) -> None:
    for char in client_chars(sheet(name, print_)):
        colour = char["colour"]
        if isinstance(colour, (list, tuple)) and len(colour) == 3:
            grey = max(colour) - min(colour) < 0.08 and max(colour) > 0.3
            assert not grey, char


# The routine's pages, and the whole sheet's (the routine, "Take care", "Get help" and
# "Leave these places alone", then the week's page): the routine in 2 pages of normal
# print and the whole sheet in 3; the routine in 3 pages of large print and the whole
# sheet in 5 (the issue: 2 and 4, plus the tick grid's page).
PAGES = {"normal": (2, {name: 3 for name in PLANS}), "large": (3, {name: 5 for name in PLANS})}


@pytest.mark.parametrize("print_", PRINTS)
@pytest.mark.parametrize("name", PLANS)
def test_pages(name: str, print_: str) -> None:
    routine_pages, all_pages = PAGES[print_][0], PAGES[print_][1][name]
    texts = [_flat(t) for t in page_texts(sheet(name, print_))]
    last_title = f"{len(words(name).routine)}. {words(name).routine[-1].title}"
    routine_end = min(i for i, t in enumerate(texts, 1) if last_title in t)
    assert routine_end <= routine_pages
    assert len(texts) <= all_pages
    # The week's grid starts the last page; what shares that page comes after the grid.
    week = [i for i, t in enumerate(texts, 1) if "Your week" in t]
    assert week == [len(texts)]
    assert "Take care" not in texts[-1].split("Your week")[0]
    assert "Ask your therapist at your next visit." in texts[-1]


@pytest.mark.parametrize("print_", PRINTS)
@pytest.mark.parametrize("name", PLANS)
def test_each_exercise_is_whole_on_one_page(name: str, print_: str) -> None:
    texts = [_flat(t) for t in page_texts(sheet(name, print_))]
    for position, entry in enumerate(words(name).routine, start=1):
        title = f"{position}. {entry.title}"
        page = next(t for t in texts if title in t)
        after = page.split(title, 1)[1]
        for line in (*entry.steps, *entry.cautions, "Take care"):
            assert _flat(line) in after, (title, line)


@pytest.mark.parametrize("name", PLANS)
def test_every_sentence_measured_is_printed(name: str) -> None:
    text = _flat(" ".join(page_texts(sheet(name, "normal"))))
    for block in words(name).sentences():
        assert _flat(block) in text, block


@pytest.mark.parametrize("large", [False, True])
def test_tick_grid_is_page_wide_with_boxes_of_a_centimetre(large: bool) -> None:
    styles = make_styles(16 if large else 12, for_client=True)
    width = LETTER[0] - MARGIN_LEFT - MARGIN_RIGHT
    grid = tick_grid(words(PLANS[0]), styles, width, large)
    grid.wrap(width, 10_000)
    assert abs(sum(grid._colWidths) - width) < 0.5
    assert min(grid._colWidths[1:]) >= TICK_BOX
    assert min(grid._rowHeights[1:]) >= TICK_BOX


def test_large_pictures_are_at_least_as_large_and_labels_alike() -> None:
    entry = words(PLANS[0]).routine[1]
    normal = _picture_with_key(entry, make_styles(12, for_client=True), False)[0]
    large = _picture_with_key(entry, make_styles(16, for_client=True), True)[0]
    assert large.size >= normal.size and large.width >= normal.width
    assert normal.labels == large.labels == ("your left", "your right")


@pytest.mark.parametrize("print_", PRINTS)
def test_left_and_right_labelled_on_every_picture(print_: str) -> None:
    text = " ".join(page_texts(sheet(PLANS[0], print_)))
    pictures = len(re.findall(r"Dark: (?:work|look) here\.", text))
    assert pictures == len(words(PLANS[0]).routine)
    assert len(re.findall(r"your left\s+your right", text)) == pictures


def test_a_left_out_area_is_striped_not_shaded() -> None:
    plan = make_plan(REALISTIC_PLANS[PLANS[0]])
    plan.home_care = [HomeCareItem("foot-check", 2), HomeCareItem("ball-roll", 3)]
    text = client_sheet_text(plan, builtin_library())
    routine = {entry.exercise_id: entry for entry in text.routine}
    ball = routine["ball-roll"]
    assert [(a.region, a.side) for a in ball.left_out] == [("heel", "left")]
    picture = _picture_with_key(ball, make_styles(12, for_client=True), False)
    assert picture[0].left_out, "the left heel is drawn striped"
    keys = [p.text for p in picture[1:] if hasattr(p, "text")]
    assert "Striped: leave out." in keys
    # Near miss: the foot check only looks, so nothing on its picture is striped.
    check = routine["foot-check"]
    assert not check.left_out


@pytest.mark.parametrize("therapist", [{}, {"name": "Sam Rivera, LMT"}])
def test_large_print_header_names_client_and_date_whole(therapist: dict[str, str]) -> None:
    # The client and the date take the room a short or missing clinic line leaves free:
    # "Margaret Olsen · 30 Novemb…" was cut at 45% of the line.
    data = dict(REALISTIC_PLANS[PLANS[0]])
    data["therapist"] = therapist
    data["client"] = {**data["client"], "name": "Margaret Olsen"}
    data["date"] = "2026-11-30"
    pdf = build_home_care(make_plan(data), large_print=True)
    for text in page_texts(pdf):
        assert "Margaret Olsen · 30 November 2026" in _flat(text)
        assert "…" not in text.splitlines()[0]


def test_get_help_may_part_by_urgency_round_the_week() -> None:
    """The plan with the most precautions, in large print: what needs a call now or today
    comes before the week's page, what to tell at the next visit under its grid."""
    texts = [_flat(t) for t in page_texts(sheet("hands after chemotherapy, proposed", "large"))]
    week = texts[-1].split("Your week", 1)[1]
    assert "at your next visit if:" in week and "now if:" not in week
    before = " ".join(texts[:-1])
    assert "Call 911 now if:" in before and "Call your doctor today if:" in before
    assert "at your next visit if:" not in before
