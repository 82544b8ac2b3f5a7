"""The home-care sheet in Spanish for three realistic plans, read back from the PDF.

No English word outside names and the therapist's own text, Fernández-Huerta
readability of 80 or more (textstat's Spanish formula, offline), each exercise whole
on one page in both prints, and the same routine, pictures and pages as in English.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from export_samples import REALISTIC_PLANS, make_plan
from pdf_readback import page_texts

from planner.core.i18n import speaking
from planner.core.library import builtin_library
from planner.core.plan import SessionPlan
from planner.export import build_home_care
from planner.export.common import full_library
from planner.export.homecare_sheet import client_sheet_text

PLANS = list(REALISTIC_PLANS)
PRINTS = {"normal": False, "large": True}
# Common English words that are not also Spanish words ("a", "no", "son", "pie", "once",
# "sea", "use", "red", "solo" and the like are left out: the Spanish sheet uses them).
_ENGLISH_TEXT = (
    "the and you your yours with for not this that these those are is was were be been "
    "on of to in it its at by or as do does did if then than when what where which who "
    "why how will would should could can may might must have has had they them their "
    "there here from into onto over under about after before again also always never "
    "only some any more most other same such too very just each every day days week "
    "weeks minute minutes time times twice left right foot feet hand hands toe toes "
    "leg legs calf calves heel heels sole soles take care help call doctor stop sit rub "
    "squeeze look check between ball floor shoes socks water warm skin sore pain hurt "
    "gently light lightly touch press leave alone out up down off keep put hold move "
    "draw letters roll towel gentle date tick today now next visit questions therapist "
    "given home routine shaded striped work"
)
ENGLISH = frozenset(_ENGLISH_TEXT.split())
FH_TARGET = 80


@cache
def plan(name: str) -> SessionPlan:
    return make_plan(REALISTIC_PLANS[name])


@cache
def sheet(name: str, print_: str, language: str) -> bytes:
    return build_home_care(plan(name), large_print=PRINTS[print_], language=language)


@cache
def words(name: str, language: str) -> object:
    with speaking(language):
        return client_sheet_text(
            plan(name), full_library(plan(name), builtin_library()), emergency_number="911"
        )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _tokens(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


def _own_words(session: SessionPlan) -> set[str]:
    """Names, notes and the therapist's own exercises: their words, in any language."""
    texts = [session.client.name, session.therapist.name, session.therapist.clinic, session.title]
    texts += [area.note for area in session.avoid]
    texts += [item.note for item in session.home_care or []]
    for exercise in session.custom_exercises:
        texts += [exercise.title, *exercise.steps, *exercise.cautions]
    return _tokens(" ".join(texts))


@pytest.mark.parametrize("print_", PRINTS)
@pytest.mark.parametrize("name", PLANS)
def test_no_english_word_outside_names_and_the_therapists_text(name: str, print_: str) -> None:
    text = " ".join(page_texts(sheet(name, print_, "es")))
    english = (_tokens(text) & ENGLISH) - _own_words(plan(name))
    assert not english, sorted(english)


def test_the_english_check_can_fail() -> None:
    text = " ".join(page_texts(sheet(PLANS[0], "normal", "en")))
    assert {"your", "take", "care", "week"} <= _tokens(text) & ENGLISH


def _fernandez_huerta(blocks: list[str]) -> float:
    import textstat

    prose = " ".join(b.strip() if b.strip()[-1:] in ".!?:" else b.strip() + "." for b in blocks)
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(prose))
    finally:
        textstat.set_lang("en_US")  # the English readability tests share textstat


@pytest.mark.parametrize("name", PLANS)
def test_spanish_reads_easily(name: str) -> None:
    score = _fernandez_huerta(words(name, "es").sentences())
    assert score >= FH_TARGET, f"{name}: Fernández-Huerta {score:.1f}"


def test_the_readability_measure_can_fail() -> None:
    hard = [
        "La administración farmacológica concomitante de anticoagulantes orales "
        "incrementa considerablemente la probabilidad de complicaciones hemorrágicas."
    ]
    assert _fernandez_huerta(hard) < FH_TARGET


@pytest.mark.parametrize("print_", PRINTS)
@pytest.mark.parametrize("name", PLANS)
def test_each_exercise_is_whole_on_one_page(name: str, print_: str) -> None:
    texts = [_flat(t) for t in page_texts(sheet(name, print_, "es"))]
    for position, entry in enumerate(words(name, "es").routine, start=1):
        title = f"{position}. {entry.title}"
        page = next(t for t in texts if title in t)
        after = page.split(title, 1)[1]
        for line in (*entry.steps, *entry.cautions):
            assert _flat(line) in after, (title, line)
        if entry.cautions:
            assert "Tenga cuidado" in after


@pytest.mark.parametrize("name", PLANS)
def test_every_sentence_measured_is_printed(name: str) -> None:
    text = _flat(" ".join(page_texts(sheet(name, "normal", "es"))))
    for block in words(name, "es").sentences():
        assert _flat(block) in text, block


@pytest.mark.parametrize("name", PLANS)
def test_switching_language_keeps_the_routine_and_the_pictures(name: str) -> None:
    english, spanish = words(name, "en"), words(name, "es")
    assert [e.exercise_id for e in spanish.routine] == [e.exercise_id for e in english.routine]
    assert [e.left_out for e in spanish.routine] == [e.left_out for e in english.routine]
    assert [len(e.steps) for e in spanish.routine] == [len(e.steps) for e in english.routine]
    for print_ in PRINTS:
        text_en = " ".join(page_texts(sheet(name, print_, "en")))
        text_es = " ".join(page_texts(sheet(name, print_, "es")))
        pictures = len(re.findall(r"your left\s+your right", text_en))
        assert len(re.findall(r"su izquierda\s+su derecha", text_es)) == pictures > 0


@pytest.mark.parametrize("name", PLANS)
def test_normal_print_runs_at_most_a_page_longer(name: str) -> None:
    """The English fills its 3 pages; the Spanish, about a fifth longer, may take a fourth.
    Either way the week's grid starts the last page."""
    english = page_texts(sheet(name, "normal", "en"))
    spanish = page_texts(sheet(name, "normal", "es"))
    assert len(english) <= len(spanish) <= len(english) + 1
    assert "Your week" in english[-1] and "Su semana" in spanish[-1]


@pytest.mark.parametrize("name", PLANS)
def test_large_print_runs_at_most_a_page_longer(name: str) -> None:
    """Spanish runs longer than English; in large print an exercise may take the page that
    the English shares with the one before it (the gap the report names)."""
    english = page_texts(sheet(name, "large", "en"))
    spanish = page_texts(sheet(name, "large", "es"))
    assert len(english) <= len(spanish) <= len(english) + 1


def test_dates_and_how_often_in_spanish() -> None:
    text = _flat(" ".join(page_texts(sheet(PLANS[0], "normal", "es"))))
    assert re.search(r"Entregado el \d+ de [a-z]+ de 20\d\d", text)
    assert "veces al día" in text or "una vez al día" in text
    assert re.search(r"página 1 de \d", text)
