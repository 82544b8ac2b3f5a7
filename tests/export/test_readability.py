"""Readability of the whole client's sheet for three realistic plans (textstat, offline).

Grade 6 or below by Flesch-Kincaid and SMOG, Dale-Chall under 7.0, no sentence over
20 words. ``python bench/bench_readability.py`` prints the scores.
"""

from __future__ import annotations

import pytest
from export_samples import REALISTIC_PLANS, make_plan
from readability import scores, sentences, words

from planner.core.library import builtin_library
from planner.export.common import full_library
from planner.export.homecare_sheet import client_sheet_text


def sheet_blocks(name: str) -> list[str]:
    plan = make_plan(REALISTIC_PLANS[name])
    text = client_sheet_text(plan, full_library(plan, builtin_library()), emergency_number="911")
    return text.sentences()


@pytest.mark.parametrize("name", list(REALISTIC_PLANS))
def test_sheet_reads_at_grade_six(name: str) -> None:
    measured = scores(sheet_blocks(name))
    assert measured.flesch_kincaid <= 6, measured
    assert measured.smog <= 6, measured
    assert measured.dale_chall < 7.0, measured
    assert measured.sentences >= 30, "SMOG needs 30 sentences to mean anything"


@pytest.mark.parametrize("name", list(REALISTIC_PLANS))
def test_no_sentence_over_twenty_words(name: str) -> None:
    long = [s for s in sentences(sheet_blocks(name)) if words(s) > 20]
    assert long == []


def test_the_measure_can_fail() -> None:
    hard = [
        "Notwithstanding considerable interindividual variability, peripheral neuropathy "
        "frequently necessitates comprehensive multidisciplinary intervention."
    ] * 30
    measured = scores(hard)
    assert measured.smog > 6 and measured.dale_chall >= 7.0 and measured.flesch_kincaid > 6
