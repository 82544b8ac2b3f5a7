"""The two documents, read back with pypdf: content, pages, fonts, sizes, metadata."""

from __future__ import annotations

import re

import pytest
from export_samples import long_plan_json, make_plan, plan_json
from pdf_readback import (
    flat_text,
    fonts,
    median_text_size,
    page_texts,
    reader,
    unembedded_fonts,
)
from reportlab.lib.pagesizes import A4, LETTER

from planner.core.library import Exercise, Technique, builtin_library
from planner.core.plan import HomeCareItem, Step
from planner.export import PAPER_SIZES, ExportError, build_home_care, build_protocol

PAGE_OF = re.compile(r"page (\d+) of (\d+)")


def test_protocol_holds_who_what_and_when(protocol_pdf: bytes) -> None:
    text = flat_text(protocol_pdf)
    for expected in (
        "SESSION PROTOCOL",
        "Neuropathy foot care, week 3",
        "Alex Doe",
        "Sam Rivera, LMT",
        "Northside Bodywork",
        "21 November 2026",
        "60 minutes (the steps take 45)",
        "Peripheral neuropathy, Diabetes",
        "Prefers feet first.",
    ):
        assert expected in text


def test_protocol_lists_findings_by_severity(protocol_pdf: bytes) -> None:
    text = flat_text(protocol_pdf)
    assert "Safety findings" in text
    assert "Caution (" in text
    assert "make sure their doctor agrees to massage" in text


def test_contraindications_come_first_and_stand_out() -> None:
    data = plan_json()
    data["client"]["conditions"] = ["neuropathy", "blood-thinners"]
    data["steps"].append(
        {"technique": "deep-tissue", "region": "upper-back", "side": "midline", "minutes": 5}
    )
    text = flat_text(build_protocol(make_plan(data)))
    assert "Contraindicated (1)" in text
    assert text.index("Contraindicated (1)") < text.index("Caution (")
    assert "Step 8" in text


def test_protocol_has_the_steps_table(protocol_pdf: bytes) -> None:
    text = flat_text(protocol_pdf)
    for header in ("Technique", "Area", "Min", "Pressure", "Elapsed", "Notes"):
        assert header in text
    for expected in (
        "Effleurage",
        "Both lower legs",
        "Client's left sole",
        "Ball of the foot only; keep well away from the heel.",
        "Trace the alphabet together, slowly.",
        "Moderate",
        "Total",
        "Of 60 planned, 15 to spare",
    ):
        assert expected in text


def test_protocol_describes_each_technique_used(protocol_pdf: bytes, plan) -> None:
    text = flat_text(protocol_pdf)
    assert "Techniques used" in text
    assert "Range of motion" in text or "range of motion" in text.lower()
    # The first words of each used technique's own description appear.
    library = builtin_library()
    for step in plan.steps:
        words = " ".join(library.technique(step.technique).description.split()[:6])
        assert words in text


def test_protocol_body_map_and_legend(protocol_pdf: bytes) -> None:
    text = flat_text(protocol_pdf)
    assert "Body map" in text
    for expected in (
        "client's left",
        "client's right",
        "Areas to avoid",
        "Client's left heel: open or healing wound (healing blister)",
        "Client's right shin: bruise",
        "Numbness: both soles, 6/10",
        "Tingling: both toes, 4/10",
        "Burning: client's left top of the foot, 3/10",
        "Worked in this session",
    ):
        assert expected in text


def test_home_care_sheet_in_plain_words(home_care_pdf: bytes) -> None:
    text = flat_text(home_care_pdf)
    for expected in (
        "Your home-care plan",
        "For Alex Doe",
        "Given on 21 November 2026 by Sam Rivera, LMT, Northside Bodywork",
        "Your routine: about 18 minutes a day",
        "1. Check your feet",
        "Dark: look here.",
        "Rub between your toes",
        "Write the alphabet with your foot",
        "3 minutes, twice a day, every day",
        "Leave these places alone",
        "Your left heel. A wound there is healing. Touch can slow it down.",
        "Your right shin. There is a bruise.",
        "1. Check your feet",
        "Your feet may not feel heat.",
        "Stop if you feel a sharp pain",
        "Get help",
        "Call 911 now if:",
        "Call your doctor today if:",
        "Your week",
        "0 = none, 10 = worst",
        "your left",
        "your right",
    ):
        assert expected in text
    assert "client's left" not in text.replace("Client's", "")


def test_home_care_numbers_each_exercise_step(home_care_pdf: bytes) -> None:
    exercise = builtin_library().exercise("toe-alphabet")
    text = flat_text(home_care_pdf)
    for number, line in enumerate(exercise.steps, start=1):
        assert f"{number}. {' '.join(line.split())}" in text
    assert "twice a day, every day" in text


def test_page_n_of_m_on_every_page_of_a_400_step_plan() -> None:
    texts = page_texts(build_protocol(make_plan(long_plan_json(400))))
    assert len(texts) > 8
    for number, text in enumerate(texts, start=1):
        found = PAGE_OF.findall(text)
        assert found == [(str(number), str(len(texts)))], f"page {number}: {found}"


def test_steps_table_header_repeats_on_every_page_it_spans() -> None:
    texts = page_texts(build_protocol(make_plan(long_plan_json(120))))
    # "Both lower legs" (capitalised) is only ever an Area cell of the table.
    table_pages = [text for text in texts if "Both lower legs" in text]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Technique" in text and "Elapsed" in text


@pytest.mark.parametrize("build", [build_protocol, build_home_care], ids=["protocol", "home"])
def test_every_font_is_embedded(build) -> None:
    data = build(make_plan())
    assert unembedded_fonts(data) == []
    names = " ".join(str(font.get("/BaseFont")) for font in fonts(data))
    assert "Helvetica" not in names and "Times" not in names and "Courier" not in names


def test_large_print_fonts_are_embedded_too(large_print_pdf: bytes) -> None:
    assert unembedded_fonts(large_print_pdf) == []


def test_large_print_body_is_at_least_16_pt(large_print_pdf: bytes, home_care_pdf) -> None:
    assert median_text_size(large_print_pdf) >= 16
    assert median_text_size(home_care_pdf) < 16


def test_large_print_has_the_same_content(large_print_pdf: bytes, home_care_pdf) -> None:
    normal = flat_text(home_care_pdf)
    large = flat_text(large_print_pdf)
    for expected in ("Rub between your toes", "Leave these places alone", "Get help"):
        assert expected in normal and expected in large
    assert len(reader(large_print_pdf).pages) > len(reader(home_care_pdf).pages)


@pytest.mark.parametrize("paper,size", [("letter", LETTER), ("a4", A4)])
def test_paper_sizes(paper: str, size: tuple[float, float]) -> None:
    for data in (
        build_protocol(make_plan(), paper=paper),
        build_home_care(make_plan(), paper=paper),
    ):
        for page in reader(data).pages:
            box = page.mediabox
            assert float(box.width) == pytest.approx(size[0], abs=0.5)
            assert float(box.height) == pytest.approx(size[1], abs=0.5)


def test_unknown_paper_is_refused() -> None:
    assert PAPER_SIZES == ("letter", "a4")
    with pytest.raises(ExportError, match="paper"):
        build_protocol(make_plan(), paper="legal")


def test_metadata(protocol_pdf: bytes, home_care_pdf: bytes) -> None:
    meta = reader(protocol_pdf).metadata
    assert meta.title == "Session protocol: Neuropathy foot care, week 3 for Alex Doe"
    assert meta.author == "Northside Bodywork"
    assert "21 November 2026" in meta.subject
    home = reader(home_care_pdf).metadata
    assert home.title == "Home-care sheet for Alex Doe"
    assert home.author == "Northside Bodywork"


def test_author_falls_back_to_the_therapist() -> None:
    data = plan_json(therapist={"name": "Sam Rivera", "clinic": ""})
    assert reader(build_protocol(make_plan(data))).metadata.author == "Sam Rivera"


def test_invariant_mode_gives_identical_bytes() -> None:
    for build in (build_protocol, build_home_care):
        first = build(make_plan(), invariant=True)
        second = build(make_plan(), invariant=True)
        assert first == second


def test_empty_plan_builds() -> None:
    data = {"format": "session-plan", "version": 1, "steps": [], "date": "2026-01-02"}
    protocol = flat_text(build_protocol(make_plan(data)))
    assert "This plan has no steps yet." in protocol
    assert "No safety findings for this plan." in protocol
    home = flat_text(build_home_care(make_plan(data)))
    assert "did not give you any moves this time" in home


def test_plan_own_techniques_and_exercises_are_used() -> None:
    plan = make_plan()
    own_technique = Technique(
        id="warm-towel",
        name="Warm towel wrap",
        family="stroking",
        description="Wrap the foot in a warm towel and hold it gently.",
        default_pressure="light",
        default_minutes=4,
        vigorous=False,
        regions=("foot",),
    )
    own_exercise = Exercise(
        id="sock-check",
        title="Check your socks for seams",
        steps=("Turn each sock inside out.", "Feel for seams or lumps."),
        minutes=2,
        regions=("toes",),
    )
    plan.custom_techniques = (own_technique,)
    plan.custom_exercises = (own_exercise,)
    plan.add_step(Step("warm-towel", "foot", "both", 4, "light"))
    plan.set_home_care([HomeCareItem("sock-check", 2, note="every morning")])
    protocol = flat_text(build_protocol(plan))
    assert "Warm towel wrap" in protocol
    assert "Wrap the foot in a warm towel" in protocol
    home = flat_text(build_home_care(plan))
    assert "Check your socks for seams" in home
    assert "1. Turn each sock inside out." in home


def test_over_length_plan_says_so() -> None:
    text = flat_text(build_protocol(make_plan(plan_json(length_minutes=30))))
    assert "15 over the 30 planned" in text


def test_long_notes_are_given_in_full_after_the_table() -> None:
    data = plan_json()
    note = "Very long note. " * 80
    data["steps"][0]["notes"] = note
    text = flat_text(build_protocol(make_plan(data)))
    assert "continued below the table" in text
    assert "Step notes in full" in text
    # The note may run over a page break, so count its sentences: all 80 are there
    # in full, besides the shortened start in the table.
    assert text.count("Very long") >= 80 + 300 // len("Very long note. ")


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("large_print", [False, True])
def test_the_week_grid_stays_on_one_page_with_its_heading(paper, large_print):
    pages = page_texts(build_home_care(make_plan(), large_print=large_print, paper=paper))
    with_heading = [i for i, text in enumerate(pages) if "Your week" in text]
    with_last_row = [i for i, text in enumerate(pages) if "How bad were your" in text]
    assert len(with_heading) == 1
    assert with_heading == with_last_row


def test_protocol_prints_the_red_flags_that_apply(protocol_pdf: bytes) -> None:
    text = flat_text(protocol_pdf)
    assert "Red flags: stop and get medical help" in text
    assert "Call the emergency number now (911, 999 or 112)." in text
    # The sample client is diabetic: the foot flags are there, the bleeding one is not.
    assert "possible Charcot foot or infection" in text
    assert "bleeding that is hard to stop" not in text
    assert text.index("Call the emergency number") < text.index("See a doctor or the foot clinic")


def test_protocol_names_the_home_care_row_of_a_finding() -> None:
    data = plan_json()
    data["home_care"] = [{"exercise": "toe-alphabet"}, {"exercise": "marble-bath"}]
    text = flat_text(build_protocol(make_plan(data)))
    assert "Home care 2" in text
    assert "soaks" in text and "37 °C / 98 °F" in text
