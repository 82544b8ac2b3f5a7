"""The course documents read back: the protocol's notes and signature, the progress report."""

from __future__ import annotations

import dataclasses
import datetime
import sys
from pathlib import Path

from pdf_readback import (  # type: ignore[import-not-found]
    flat_text,
    median_text_size,
    text_sizes,
)

from planner.core.measures import make_measures
from planner.core.plan import Client, SessionPlan, Step
from planner.core.planfile import plan_to_json
from planner.core.progress import Visit
from planner.core.signing import make_addendum, make_signature
from planner.core.soap import Soap
from planner.export import build_protocol
from planner.export.coursedocs import build_progress_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))

WHEN = datetime.datetime(2026, 10, 3, 15, 0, tzinfo=datetime.UTC)


def plan() -> SessionPlan:
    return SessionPlan(
        title="Week 1",
        date=datetime.date(2026, 10, 3),
        client=Client("Margaret Olsen", ("neuropathy",)),
        steps=[Step("effleurage", "foot", "both", 5, "light")],
        measures=make_measures(7, 4, {1: True, 2: True, 7: False}, {"left-hallux": False}),
        soap=Soap("Numb soles, 6/10.", "Worked both feet.", "Baseline.", "Weekly for 6 weeks."),
    )


def test_protocol_prints_measures_notes_signature_and_addenda() -> None:
    signed = plan()
    signature = make_signature(plan_to_json(signed), "Sam Rivera, LMT", WHEN)
    later = WHEN + datetime.timedelta(days=2)
    addendum = make_addendum(
        signature, (), "Sam Rivera, LMT", "Client phoned: slept better.", later
    )
    signed = dataclasses.replace(signed, signature=signature, addenda=(addendum,))
    text = flat_text(build_protocol(signed, invariant=True))
    assert "Pain before 7 / 10" in text and "Pain after 4 / 10" in text
    assert "MNSI questionnaire 3 of 13 (3 of 15 items answered)" in text
    assert "not felt at left big toe (1 sites tested)" in text or "not felt at left big toe" in text
    for part in (
        "Subjective Numb soles, 6/10.",
        "Assessment Baseline.",
        "Plan Weekly for 6 weeks.",
    ):
        assert part in text
    assert "Signed by Sam Rivera, LMT Signed at 2026-10-03 15:00 UTC" in text
    assert signature.sha256 in text
    assert "Addendum 1, 2026-10-05 15:00 UTC, Sam Rivera, LMT Client phoned: slept better." in text


def test_protocol_without_notes_says_nothing_of_them() -> None:
    bare = SessionPlan(steps=[Step("effleurage", "foot", "both", 5, "light")])
    text = flat_text(build_protocol(bare, invariant=True))
    assert "Session notes" not in text and "Signed by" not in text and "Measures" not in text


def test_unsigned_notes_say_so() -> None:
    text = flat_text(build_protocol(plan(), invariant=True))
    assert "Session notes" in text and "Not signed yet." in text


def visits(count: int) -> list[Visit]:
    start = datetime.date(2025, 1, 1)
    return [
        Visit(
            f"c-{i}",
            (start + datetime.timedelta(days=3 * i)).isoformat(),
            f"Visit {i + 1}",
            measures=make_measures(pain_before=7 - (i * 4) // max(count - 1, 1)),
        )
        for i in range(count)
    ]


def test_progress_report_in_large_print() -> None:
    data = build_progress_report({"name": "Margaret Olsen"}, visits(6), large_print=True)
    text = flat_text(data)
    assert "Much better: Pain before the session (0-10), 7 to 3 (-4) over 6 visits." in text
    sizes = text_sizes(data)
    assert min(sizes) >= 12  # the running header and footer
    assert median_text_size(data) >= 16


def test_progress_report_in_normal_print_is_readable() -> None:
    data = build_progress_report({"name": "Margaret Olsen"}, visits(6))
    assert min(text_sizes(data)) >= 8.5  # the running header and footer
    assert median_text_size(data) >= 9.3


def test_a_long_course_lists_a_summary_and_the_latest_visits() -> None:
    text = flat_text(build_progress_report({"name": "Margaret Olsen"}, visits(120)))
    assert "120 values; first 7" in text
    assert "The latest 20 of 120 visits." in text
    assert "Visit 120" in text and "Visit 100" not in text


def test_a_client_without_visits() -> None:
    text = flat_text(build_progress_report({"name": "New Client"}, []))
    assert "No visits are stored for this client yet." in text


def test_body_map_legend_names_the_monofilament_sites() -> None:
    text = flat_text(build_protocol(plan(), invariant=True))
    assert "Monofilament (10 g) not felt: left big toe" in text


def test_site_marks_only_on_the_soles() -> None:
    from planner.core.bodymap import load_body_map
    from planner.export.sitemarks import site_marks

    body = load_body_map()
    measures = make_measures(monofilament={"left-hallux": False, "right-met5": True})
    soles = site_marks(body, body.view("soles"), measures, 1.0, 0.0)
    assert [felt for _, _, felt in soles] == [False, True]
    assert site_marks(body, body.view("front"), measures, 1.0, 0.0) == []


def test_a_long_line_keeps_every_rise_and_fall_with_fewer_points() -> None:
    from planner.export.charts import _thinned

    points = [(i * 0.8, float((i * 7) % 11)) for i in range(500)]
    thinned = _thinned(points)
    assert len(thinned) < len(points) // 1.5
    assert thinned[0] == points[0] and thinned[-1] == points[-1]
    assert [x for x, _ in thinned] == sorted(x for x, _ in thinned)
    assert set(thinned) <= set(points)
    # The course's lowest and highest values stay on the line.
    values = [y for _, y in thinned]
    assert min(values) == min(y for _, y in points) and max(values) == max(y for _, y in points)
