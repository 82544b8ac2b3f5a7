"""Regions, sides, containment and the names a therapist reads."""

from __future__ import annotations

import pytest

from planner.core.regions import (
    MIDLINE_REGIONS,
    PAIRED_REGIONS,
    REGIONS,
    Area,
    area_name,
    area_phrase,
    default_side,
    region_contains,
    side_problem,
)


def test_vocabulary_is_domain_md() -> None:
    assert set(PAIRED_REGIONS) == {
        "shoulder", "upper-arm", "elbow", "forearm", "wrist", "hand", "palm", "back-of-hand",
        "fingers", "hip", "buttock", "thigh", "knee", "lower-leg", "calf", "shin", "ankle",
        "foot", "sole", "heel", "top-of-foot", "toes", "arm", "leg",
    }  # fmt: skip
    assert set(MIDLINE_REGIONS) == {
        "head", "face", "neck", "upper-back", "lower-back", "chest", "abdomen",
    }  # fmt: skip
    assert len(set(REGIONS)) == len(REGIONS) == 31


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        ("foot", "heel"),
        ("foot", "sole"),
        ("foot", "top-of-foot"),
        ("foot", "toes"),
        ("leg", "toes"),
        ("leg", "calf"),
        ("leg", "knee"),
        ("lower-leg", "shin"),
        ("arm", "fingers"),
        ("arm", "elbow"),
        ("hand", "back-of-hand"),
        ("head", "face"),
        ("heel", "heel"),
    ],
)
def test_region_contains(outer: str, inner: str) -> None:
    assert region_contains(outer, inner)
    if outer != inner:
        assert not region_contains(inner, outer)


@pytest.mark.parametrize(
    ("outer", "inner"),
    [("foot", "calf"), ("hand", "wrist"), ("arm", "shoulder"), ("leg", "hip"), ("sole", "heel"),
     ("lower-leg", "ankle"), ("neck", "head"), ("foot", "fingers")],
)  # fmt: skip
def test_region_does_not_contain(outer: str, inner: str) -> None:
    assert not region_contains(outer, inner)


@pytest.mark.parametrize(
    ("outer", "inner", "covers"),
    [
        (Area("foot", "left"), Area("heel", "left"), True),
        (Area("foot", "both"), Area("heel", "left"), True),
        (Area("foot", "both"), Area("heel", "right"), True),
        (Area("foot", "both"), Area("heel", "both"), True),
        (Area("foot", "left"), Area("heel", "right"), False),
        (Area("foot", "left"), Area("heel", "both"), False),
        (Area("heel", "both"), Area("foot", "both"), False),
        (Area("leg", "right"), Area("toes", "right"), True),
        (Area("head", "midline"), Area("face", "midline"), True),
        (Area("face", "midline"), Area("head", "midline"), False),
        (Area("neck", "midline"), Area("neck", "midline"), True),
        (Area("hand", "both"), Area("fingers", "left"), True),
    ],
)
def test_area_covers(outer: Area, inner: Area, covers: bool) -> None:
    assert outer.covers(inner) is covers


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Area("heel", "left"), Area("foot", "left"), True),
        (Area("heel", "left"), Area("foot", "both"), True),
        (Area("heel", "left"), Area("heel", "both"), True),
        (Area("heel", "left"), Area("heel", "right"), False),
        (Area("heel", "left"), Area("foot", "right"), False),
        (Area("heel", "left"), Area("sole", "left"), False),
        (Area("toes", "right"), Area("leg", "both"), True),
        (Area("calf", "both"), Area("shin", "both"), False),
        (Area("face", "midline"), Area("head", "midline"), True),
        (Area("neck", "midline"), Area("head", "midline"), False),
    ],
)
def test_area_overlaps_is_symmetric(a: Area, b: Area, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


@pytest.mark.parametrize(
    ("region", "side", "name", "phrase"),
    [
        ("heel", "left", "client's left heel", "the client's left heel"),
        ("heel", "right", "client's right heel", "the client's right heel"),
        ("foot", "both", "both feet", "both feet"),
        ("heel", "both", "both heels", "both heels"),
        ("calf", "both", "both calves", "both calves"),
        ("toes", "both", "both toes", "both toes"),
        (
            "top-of-foot",
            "left",
            "client's left top of the foot",
            "the client's left top of the foot",
        ),
        ("top-of-foot", "both", "both tops of the feet", "both tops of the feet"),
        ("back-of-hand", "both", "both backs of the hands", "both backs of the hands"),
        ("lower-back", "midline", "lower back", "the lower back"),
        ("neck", "midline", "neck", "the neck"),
    ],
)
def test_display_names(region: str, side: str, name: str, phrase: str) -> None:
    assert area_name(region, side) == name
    assert Area(region, side).name == name
    assert area_phrase(region, side) == phrase


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_has_a_readable_name(region: str) -> None:
    for side in ("left", "right", "both") if region in PAIRED_REGIONS else ("midline",):
        name = area_name(region, side)
        assert "-" not in name.replace("client's", "")
        assert name == name.strip() and name


@pytest.mark.parametrize(
    ("region", "side"),
    [("foot", "left"), ("foot", "right"), ("foot", "both"), ("neck", "midline"),
     ("face", "midline"), ("arm", "both")],
)  # fmt: skip
def test_side_fits(region: str, side: str) -> None:
    assert side_problem(region, side) is None


@pytest.mark.parametrize(
    ("region", "side", "words"),
    [
        ("foot", "midline", "'left', 'right' or 'both'"),
        ("foot", "up", "foot"),
        ("foot", None, "foot"),
        ("neck", "left", "'midline'"),
        ("neck", "both", "not paired"),
        ("lower-back", "", "lower back"),
    ],
)
def test_side_problem(region: str, side: object, words: str) -> None:
    problem = side_problem(region, side)
    assert problem is not None
    assert words in problem


def test_default_side() -> None:
    assert default_side("foot") == "both"
    assert default_side("toes") == "both"
    assert default_side("neck") == "midline"
    assert default_side("face") == "midline"
