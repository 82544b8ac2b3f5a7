"""User text is text: markup, quotes, line breaks and any script come out literally."""

from __future__ import annotations

import dataclasses
import warnings

import pytest
from export_samples import make_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_readback import flat_text, reader, unembedded_fonts

from planner.core.plan import AvoidedArea, Client, HomeCareItem, SessionPlan, Step, Therapist
from planner.export import MissingGlyphsWarning, build_home_care, build_protocol
from planner.export.fonts import clean, markup, one_line, plain_line, replacement_mark

MARKUP = '<b>&amp; "x" </para>'
SCRIPTS = ("Ελληνικά", "Русский", "Tiếng Việt")


def _with_text(name: str, note: str, *, clinic: str | None = None) -> SessionPlan:
    plan = make_plan()
    plan.client = dataclasses.replace(plan.client, name=name, notes=note)
    plan.therapist = Therapist(name=name, clinic=clinic if clinic is not None else note)
    plan.title = name
    plan.steps[0] = dataclasses.replace(plan.steps[0], notes=note)
    plan.avoid[0] = dataclasses.replace(plan.avoid[0], note=note)
    plan.home_care = [HomeCareItem("toe-squeeze", 5, note=note)]
    return plan


def test_markup_in_user_text_comes_out_literally() -> None:
    plan = _with_text(MARKUP, f"line one {MARKUP}\nline two & <i>three</i>")
    for build in (build_protocol, build_home_care):
        text = flat_text(build(plan))
        assert MARKUP in text
        assert "line one" in text and "line two & <i>three</i>" in text


@pytest.mark.parametrize("script", SCRIPTS)
def test_scripts_the_font_covers_come_out_literally(script: str) -> None:
    plan = _with_text(f"{script} Name", f"{script} note")
    for build in (build_protocol, build_home_care):
        data = build(plan)
        text = flat_text(data)
        assert f"{script} Name" in text
        assert f"{script} note" in text
        assert unembedded_fonts(data) == []


def test_metadata_keeps_user_text_literally() -> None:
    plan = _with_text(f"Ελληνικά {MARKUP}", "note")
    meta = reader(build_protocol(plan)).metadata
    assert f"Ελληνικά {MARKUP}" in meta.title


def test_clean_keeps_line_breaks_and_replaces_controls() -> None:
    mark = replacement_mark()
    assert clean("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert clean("tab\there") == "tab here"
    assert clean("bell\x07") == f"bell{mark}"
    assert clean("\ud800") == mark
    assert clean("Tiếng Việt") == "Tiếng Việt"


def test_markup_escapes_and_breaks_lines() -> None:
    assert markup('<b>&"x"\nnext') == '&lt;b&gt;&amp;"x"<br/>next'
    assert one_line(" two\n  lines ") == "two lines"
    assert plain_line("a\x1b[2K\n b 中") == "a[2K b 中"


def test_very_long_words_and_notes_do_not_break_the_layout() -> None:
    plan = _with_text("N" * 300, "x" * 5000 + " " + "word " * 2000)
    for build in (build_protocol, build_home_care):
        assert flat_text(build(plan))


_ANY_TEXT = st.text(alphabet=st.characters(), max_size=60)
_WITH_MARKUP = st.lists(
    st.one_of(
        _ANY_TEXT, st.sampled_from(["<", ">", "&", '"', "'", "\n", "<br/>", "</para>", "&amp;"])
    ),
    max_size=6,
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_WITH_MARKUP, note=_WITH_MARKUP, clinic=_ANY_TEXT)
def test_any_names_and_notes_never_make_the_build_raise(name: str, note: str, clinic: str) -> None:
    plan = SessionPlan(
        title=note,
        therapist=Therapist(name=name, clinic=clinic),
        client=Client(name=name, conditions=("neuropathy",), notes=note),
        avoid=[AvoidedArea("heel", "left", "other", note)],
        steps=[Step("effleurage", "foot", "both", 5, "light", note)],
        home_care=[HomeCareItem("foot-massage", 10, note=note)],
    )
    # Random characters include unassigned and private ones no font has: warned, never raised.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingGlyphsWarning)
        protocol = build_protocol(plan)
        home = build_home_care(plan, large_print=True)
    assert protocol.startswith(b"%PDF") and home.startswith(b"%PDF")
