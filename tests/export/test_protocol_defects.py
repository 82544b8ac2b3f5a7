"""Small defects of the protocol: plural of a severity, a lonely closing line, the legend."""

from __future__ import annotations

from export_samples import long_plan_json, make_plan, plan_json
from pdf_readback import flat_text, page_texts

from planner.export import build_protocol


def test_two_contraindicated_findings_are_not_contraindicateds() -> None:
    data = plan_json()
    data["client"]["conditions"] = ["neuropathy", "blood-thinners"]
    data["steps"] += [
        {"technique": "deep-tissue", "region": "upper-back", "side": "midline", "minutes": 5},
        {"technique": "deep-tissue", "region": "lower-back", "side": "midline", "minutes": 5},
    ]
    text = flat_text(build_protocol(make_plan(data)))
    assert "contraindicateds" not in text.lower()
    assert "2 contraindicated" in text or "3 contraindicated" in text
    assert "cautions" in text  # a noun still takes its plural


def test_left_and_right_are_said_on_the_first_page_and_no_page_holds_only_that() -> None:
    for data in (plan_json(), long_plan_json(40)):
        pages = page_texts(build_protocol(make_plan(data)))
        assert "Left and right are always the client's own left and right." in pages[0]
        last_lines = [line for line in pages[-1].splitlines() if line.strip()]
        # header, footer and more than one line of content
        assert len(last_lines) > 4


def test_worked_areas_have_their_own_heading_in_the_legend() -> None:
    text = flat_text(build_protocol(make_plan()))
    feels = text.index("What the client feels")
    session = text.index("This session")
    worked = text.index("Worked in this session")
    assert feels < session < worked


def test_protocol_lists_the_routine_the_sheet_carries_under_the_limit() -> None:
    from planner.export import build_home_care

    plan = make_plan()
    protocol = flat_text(build_protocol(plan, daily_minutes=5))
    sheet = flat_text(build_home_care(plan, daily_minutes=5))
    assert "1. Check your feet: 2 min each time" in protocol
    assert "2. Rub between your toes: 3 min each time" in protocol
    assert "3. " not in protocol.split("Home care given to the client", 1)[1].split("Red flags")[0]
    assert "Your routine: about 5 minutes a day" in sheet
