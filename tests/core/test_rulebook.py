"""The rulebook, rule by rule: for every rule a plan that fires it and near misses that
must not (the same work on the other side, on the next limb, at a lighter pressure).

Also: each seed contraindication is named in a test, the registry is well formed, and
every rule text can be found by a gettext extractor.
"""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path
from typing import Any

import pytest
import rule_plans
from rule_plans import Row, rows, step

from planner.core.homecare import propose_routine
from planner.core.library import Exercise, Technique
from planner.core.plan import Client, HomeCareItem, SessionPlan, Step
from planner.core.planfile import loads_plan
from planner.core.rules import RULEBOOK, SCOPES
from planner.core.rules.redflags import RED_FLAGS, URGENCIES, red_flags_by_urgency, red_flags_for
from planner.core.safety import RULES, check_plan
from planner.core.validate import FormatError
from planner.core.vocab import SEVERITIES

HOT_STONES = Technique(
    "hot-stones", "Hot stones", "other", "", "light", 5, False, ("calf",), heat=True
)
STANDING_STRETCH = Exercise(
    "standing-calf-stretch", "Calf stretch at the wall", ("Stand and lean on a wall.",), 3,
    regions=("calf",), standing=True,
)  # fmt: skip
# No built-in exercise sends bare feet to the floor (the floor rub keeps socks on).
BAREFOOT_RUB = Exercise(
    "barefoot-rub", "Rub your bare soles on the floor", ("Take your socks off.", "Rub."), 2,
    regions=("sole", "toes"), barefoot=True,
)  # fmt: skip


def make_plan(*steps: Step, **given: Any) -> SessionPlan:
    """A rule plan with no home care unless given, and this module's own entries."""
    given.setdefault("home_care", ())
    return rule_plans.make_plan(
        *steps,
        custom_techniques=(HOT_STONES,),
        custom_exercises=(STANDING_STRETCH, BAREFOOT_RUB),
        **given,
    )


C, W = "contraindicated", "caution"


# Each case: the rule, the plan, and exactly the findings of that rule it must give.
CASES: list[tuple[str, str, dict[str, Any], list[Row]]] = [
    # -- avoided-area
    ("same area", "avoided-area", dict(steps=[step("heel", "left")], avoid=[("heel", "left")]),
     [("contraindicated", "avoided-area", 0, "heel", "left")]),
    ("sub-region of avoided", "avoided-area",
     dict(steps=[step(), step("toes", "left")], avoid=[("foot", "left")]),
     [("contraindicated", "avoided-area", 1, "toes", "left")]),
    ("one side of avoided both", "avoided-area",
     dict(steps=[step("heel", "right")], avoid=[("foot", "both")]),
     [("contraindicated", "avoided-area", 0, "heel", "right")]),
    ("midline", "avoided-area", dict(steps=[step("face", "midline")], avoid=[("head", "midline")]),
     [("contraindicated", "avoided-area", 0, "face", "midline")]),
    ("other side is fine", "avoided-area",
     dict(steps=[step("heel", "right")], avoid=[("heel", "left")]), []),
    ("neighbour is fine", "avoided-area",
     dict(steps=[step("sole", "left")], avoid=[("heel", "left")]), []),
    # -- contains-avoided-area
    ("both heels", "contains-avoided-area",
     dict(steps=[step("heel", "both")], avoid=[("heel", "left")]),
     [("caution", "contains-avoided-area", 0, "heel", "both")]),
    ("both feet", "contains-avoided-area", dict(steps=[step()], avoid=[("heel", "left")]),
     [("caution", "contains-avoided-area", 0, "foot", "both")]),
    ("left foot", "contains-avoided-area",
     dict(steps=[step("foot", "left")], avoid=[("heel", "left")]),
     [("caution", "contains-avoided-area", 0, "foot", "left")]),
    ("whole leg", "contains-avoided-area",
     dict(steps=[step("leg", "right")], avoid=[("toes", "right")]),
     [("caution", "contains-avoided-area", 0, "leg", "right")]),
    ("head holds face", "contains-avoided-area",
     dict(steps=[step("head", "midline")], avoid=[("face", "midline")]),
     [("caution", "contains-avoided-area", 0, "head", "midline")]),
    ("right foot is fine", "contains-avoided-area",
     dict(steps=[step("foot", "right")], avoid=[("heel", "left")]), []),
    ("contained step is not a caution", "contains-avoided-area",
     dict(steps=[step("heel", "left")], avoid=[("foot", "left")]), []),
    # -- bleeding-risk
    ("thinners, firm", "bleeding-risk",
     dict(steps=[step(), step(pressure="firm")], conditions=("blood-thinners",)),
     [("contraindicated", "bleeding-risk", 1, "foot", "both")]),
    ("disorder, deep", "bleeding-risk",
     dict(steps=[step("calf", "left", "deep")], conditions=("bleeding-disorder",)),
     [("contraindicated", "bleeding-risk", 0, "calf", "left")]),
    ("thinners, vigorous but moderate", "bleeding-risk",
     dict(steps=[step("calf", "right", "moderate", "tapotement")], conditions=("blood-thinners",)),
     [("contraindicated", "bleeding-risk", 0, "calf", "right")]),
    ("thinners, gentle moderate", "bleeding-risk",
     dict(steps=[step(pressure="moderate")], conditions=("blood-thinners",)), []),
    ("no condition, deep", "bleeding-risk", dict(steps=[step(pressure="deep")]), []),
    # -- fragile-bone
    ("osteoporosis, firm", "fragile-bone",
     dict(steps=[step("shin", "left", "firm")], conditions=("osteoporosis",)),
     [("caution", "fragile-bone", 0, "shin", "left")]),
    ("osteoporosis, deep", "fragile-bone",
     dict(steps=[step(pressure="deep")], conditions=("osteoporosis",)),
     [("caution", "fragile-bone", 0, "foot", "both")]),
    ("osteoporosis, moderate", "fragile-bone",
     dict(steps=[step(pressure="moderate")], conditions=("osteoporosis",)), []),
    ("no osteoporosis, firm", "fragile-bone",
     dict(steps=[step(pressure="firm")], conditions=("cancer",)), []),
    # -- cancer-deep-pressure
    ("cancer, deep", "cancer-deep-pressure",
     dict(steps=[step("upper-back", "midline", "deep")], conditions=("cancer",)),
     [("caution", "cancer-deep-pressure", 0, "upper-back", "midline")]),
    ("cancer, firm", "cancer-deep-pressure",
     dict(steps=[step(pressure="firm")], conditions=("cancer",)),
     [("caution", "cancer-deep-pressure", 0, "foot", "both")]),
    ("cancer, light", "cancer-deep-pressure",
     dict(steps=[step()], conditions=("cancer",)), []),
    # -- pregnancy, diabetes, lubricant: once per plan
    ("pregnancy", "pregnancy",
     dict(steps=[step(), step(), step()], conditions=("pregnancy",)),
     [("caution", "pregnancy", None, None, None)]),
    ("pregnancy without steps", "pregnancy", dict(steps=[], conditions=("pregnancy",)),
     [("caution", "pregnancy", None, None, None)]),
    ("no pregnancy", "pregnancy", dict(steps=[step()], conditions=("diabetes",)), []),
    ("diabetes", "diabetes", dict(steps=[step(), step()], conditions=("diabetes",)),
     [("caution", "diabetes", None, None, None)]),
    ("no diabetes", "diabetes", dict(steps=[step()], conditions=("neuropathy",)), []),
    ("lubricant", "lubricant", dict(steps=[step(), step()], conditions=("lubricant-allergy",)),
     [("info", "lubricant", None, None, None)]),
    ("no lubricant allergy", "lubricant", dict(steps=[step()]), []),
    # -- reduced-sensation
    ("sensory loss, moderate", "reduced-sensation",
     dict(steps=[step(), step("calf", "left", "moderate")], conditions=("severe-sensory-loss",)),
     [("caution", "reduced-sensation", 1, "calf", "left")]),
    ("sensory loss, light", "reduced-sensation",
     dict(steps=[step()], conditions=("severe-sensory-loss",)), []),
    ("numb sole, moderate on the left foot", "reduced-sensation",
     dict(steps=[step("foot", "left", "moderate")], symptoms=[("sole", "both", "numbness")]),
     [("caution", "reduced-sensation", 0, "foot", "left")]),
    ("numb left sole, work on the right", "reduced-sensation",
     dict(steps=[step("foot", "right", "firm")], symptoms=[("sole", "left", "numbness")]), []),
    ("numb sole, light", "reduced-sensation",
     dict(steps=[step("sole", "both")], symptoms=[("sole", "both", "numbness")]), []),
    ("tingling is not numbness", "reduced-sensation",
     dict(steps=[step(pressure="firm")], symptoms=[("sole", "both", "tingling")]), []),
    ("sensory loss and numbness: one finding", "reduced-sensation",
     dict(steps=[step(pressure="firm")], conditions=("severe-sensory-loss",),
          symptoms=[("foot", "both", "numbness")]),
     [("caution", "reduced-sensation", 0, "foot", "both")]),
    # -- hypersensitive-area
    ("hypersensitive, moderate", "hypersensitive-area",
     dict(steps=[step("heel", "left", "moderate")],
          symptoms=[("foot", "left", "hypersensitivity")]),
     [("caution", "hypersensitive-area", 0, "heel", "left")]),
    ("burning, firm", "hypersensitive-area",
     dict(steps=[step("toes", "both", "firm")], symptoms=[("toes", "right", "burning")]),
     [("caution", "hypersensitive-area", 0, "toes", "both")]),
    ("hypersensitive, light", "hypersensitive-area",
     dict(steps=[step()], symptoms=[("foot", "both", "hypersensitivity")]), []),
    ("burning elsewhere", "hypersensitive-area",
     dict(steps=[step("heel", "right", "firm")], symptoms=[("heel", "left", "burning")]), []),
    ("sharp pain is another rule's business", "hypersensitive-area",
     dict(steps=[step(pressure="firm")], symptoms=[("foot", "both", "sharp-pain")]), []),
    # -- neuropathy-gentle
    ("neuropathy, vigorous", "neuropathy-gentle",
     dict(steps=[step("calf", "both", "light", "tapotement")], conditions=("neuropathy",)),
     [("caution", "neuropathy-gentle", 0, "calf", "both")]),
    ("neuropathy, deep", "neuropathy-gentle",
     dict(steps=[step(), step("sole", "left", "deep")], conditions=("neuropathy",)),
     [("caution", "neuropathy-gentle", 1, "sole", "left")]),
    ("neuropathy, firm and gentle", "neuropathy-gentle",
     dict(steps=[step(pressure="firm")], conditions=("neuropathy",)), []),
    ("no neuropathy, vigorous", "neuropathy-gentle",
     dict(steps=[step("calf", "both", "deep", "deep-tissue")]), []),
    # -- over-time
    ("over time", "over-time", dict(steps=[step(minutes=6), step(minutes=5)], length=10),
     [("caution", "over-time", None, None, None)]),
    ("exactly on time", "over-time", dict(steps=[step(minutes=6), step(minutes=5)], length=11), []),
    ("no length set", "over-time", dict(steps=[step(minutes=200), step(minutes=200)]), []),
    # -- home-care-over-budget (each written item 5 minutes, once a day)
    ("written routine over 30 minutes a day", "home-care-over-budget",
     dict(steps=[], home_care=("foot-check", "toe-alphabet", "toe-squeeze", "between-toes",
                               "calf-massage", "hand-massage", "finger-stroke")),
     [("caution", "home-care-over-budget", None, None, None)]),
    ("written routine of exactly 30 minutes", "home-care-over-budget",
     dict(steps=[], home_care=("foot-check", "toe-alphabet", "toe-squeeze", "between-toes",
                               "calf-massage", "hand-massage")), []),
    ("proposed routine", "home-care-over-budget",
     dict(steps=[step(), step("hand"), step("calf")], conditions=("neuropathy",),
          home_care=None), []),
    # -- course-worse (plan)
    ("a measure got worse", "course-worse",
     dict(steps=[step()], course=("Pain has risen from 3 to 6 over 3 visits.",)),
     [(W, "course-worse", None, None, None)]),
    ("nothing got worse", "course-worse", dict(steps=[step()]), []),
    # -- blood-clot-clearance (plan)
    ("clot on a calf", "blood-clot-clearance",
     dict(steps=[], avoid=[("calf", "left", "blood-clot")]),
     [(C, "blood-clot-clearance", None, None, None)]),
    ("a bruise is no clot", "blood-clot-clearance",
     dict(steps=[step("calf", "left")], avoid=[("calf", "left", "bruise")]), []),
    # -- limb-unknown (plan)
    ("tumor on the back", "limb-unknown",
     dict(steps=[], avoid=[("upper-back", "midline", "tumor")]),
     [(W, "limb-unknown", None, None, None)]),
    ("tumor on a calf: the limb is known", "limb-unknown",
     dict(steps=[], avoid=[("calf", "left", "tumor")]), []),
    ("bruise on the back: not limb-wide", "limb-unknown",
     dict(steps=[], avoid=[("upper-back", "midline", "bruise")]), []),
    # -- blood-clot-limb
    ("clot on the left calf, effleurage on the left foot", "blood-clot-limb",
     dict(steps=[step("foot", "left")], avoid=[("calf", "left", "blood-clot")]),
     [(C, "blood-clot-limb", 0, "foot", "left")]),
    ("clot, lymph drainage on the whole left leg", "blood-clot-limb",
     dict(steps=[step("leg", "left", "light", "lymph-drainage")],
          avoid=[("calf", "left", "blood-clot")]),
     [(C, "blood-clot-limb", 0, "leg", "left")]),
    ("clot, both feet", "blood-clot-limb",
     dict(steps=[step("foot", "both")], avoid=[("calf", "left", "blood-clot")]),
     [(C, "blood-clot-limb", 0, "foot", "both")]),
    ("clot, the left hip is the limb's root", "blood-clot-limb",
     dict(steps=[step("hip", "left")], avoid=[("calf", "left", "blood-clot")]),
     [(C, "blood-clot-limb", 0, "hip", "left")]),
    ("clot, home care on the feet", "blood-clot-limb",
     dict(steps=[], avoid=[("calf", "left", "blood-clot")], home_care=("toe-alphabet",)),
     [(C, "blood-clot-limb", "home 0", None, None)]),
    ("clot, other side", "blood-clot-limb",
     dict(steps=[step("foot", "right")], avoid=[("calf", "left", "blood-clot")]), []),
    ("clot, next limb", "blood-clot-limb",
     dict(steps=[step("hand", "left")], avoid=[("calf", "left", "blood-clot")],
      home_care=("hand-massage",)), []),
    ("clot, the clot's own area is avoided-area's", "blood-clot-limb",
     dict(steps=[step("calf", "left")], avoid=[("calf", "left", "blood-clot")]), []),
    # -- skin-infection-around
    ("infected heel, work on the foot", "skin-infection-around",
     dict(steps=[step("foot", "left")], avoid=[("heel", "left", "skin-infection")]),
     [(C, "skin-infection-around", 0, "foot", "left")]),
    ("infected heel, ball roll at home", "skin-infection-around",
     dict(steps=[], avoid=[("heel", "left", "skin-infection")], home_care=("ball-roll",)),
     [(C, "skin-infection-around", "home 0", None, None)]),
    ("infected heel, other foot", "skin-infection-around",
     dict(steps=[step("foot", "right")], avoid=[("heel", "left", "skin-infection")]), []),
    ("infected heel, a bruise would be worked around", "skin-infection-around",
     dict(steps=[step("foot", "left")], avoid=[("heel", "left", "bruise")]), []),
    # -- skin-infection-limb
    ("infected left foot, left lower leg", "skin-infection-limb",
     dict(steps=[step("lower-leg", "left", "moderate")],
          avoid=[("foot", "left", "skin-infection")]),
     [(W, "skin-infection-limb", 0, "lower-leg", "left")]),
    ("infected left foot, calf massage at home", "skin-infection-limb",
     dict(steps=[], avoid=[("foot", "left", "skin-infection")], home_care=("calf-massage",)),
     [(W, "skin-infection-limb", "home 0", None, None)]),
    ("infected left foot, right lower leg", "skin-infection-limb",
     dict(steps=[step("lower-leg", "right")], avoid=[("foot", "left", "skin-infection")]), []),
    ("infected left foot, left arm", "skin-infection-limb",
     dict(steps=[step("arm", "left")], avoid=[("foot", "left", "skin-infection")]), []),
    # -- fracture-tumor-limb
    ("fractured ankle, firm on the thigh", "fracture-tumor-limb",
     dict(steps=[step("thigh", "left", "firm")], avoid=[("ankle", "left", "fracture")]),
     [(W, "fracture-tumor-limb", 0, "thigh", "left")]),
    ("tumor on the forearm, deep on the shoulder", "fracture-tumor-limb",
     dict(steps=[step("shoulder", "right", "deep", "deep-tissue")],
          avoid=[("forearm", "right", "tumor")]),
     [(W, "fracture-tumor-limb", 0, "shoulder", "right")]),
    ("weakened shin bone, firm on the knee", "fracture-tumor-limb",
     dict(steps=[step("knee", "right", "firm")], avoid=[("shin", "right", "weakened-bone")]),
     [(W, "fracture-tumor-limb", 0, "knee", "right")]),
    ("weakened shin bone, light on the knee", "fracture-tumor-limb",
     dict(steps=[step("knee", "right", "light")], avoid=[("shin", "right", "weakened-bone")]),
     []),
    ("fractured ankle, moderate on the thigh", "fracture-tumor-limb",
     dict(steps=[step("thigh", "left", "moderate")], avoid=[("ankle", "left", "fracture")]), []),
    ("fractured ankle, firm on the other thigh", "fracture-tumor-limb",
     dict(steps=[step("thigh", "right", "firm")], avoid=[("ankle", "left", "fracture")]), []),
    ("fractured ankle, firm on the arm", "fracture-tumor-limb",
     dict(steps=[step("upper-arm", "left", "firm")], avoid=[("ankle", "left", "fracture")]), []),
    # -- skin-pull-bleeding
    ("connective tissue, blood thinners", "skin-pull-bleeding",
     dict(steps=[step("calf", "left", "light", "connective-tissue")],
      conditions=("blood-thinners",)),
     [(W, "skin-pull-bleeding", 0, "calf", "left")]),
    ("gliding effleurage, blood thinners", "skin-pull-bleeding",
     dict(steps=[step("calf", "left")], conditions=("blood-thinners",)), []),
    ("connective tissue, no bleeding risk", "skin-pull-bleeding",
     dict(steps=[step("calf", "left", "light", "connective-tissue")],
      conditions=("diabetes",)), []),
    # -- percussion-back-osteoporosis
    ("tapotement on the upper back", "percussion-back-osteoporosis",
     dict(steps=[step("upper-back", "midline", "moderate", "tapotement")],
      conditions=("osteoporosis",)),
     [(C, "percussion-back-osteoporosis", 0, "upper-back", "midline")]),
    ("tapotement on the thigh", "percussion-back-osteoporosis",
     dict(steps=[step("thigh", "left", "moderate", "tapotement")],
      conditions=("osteoporosis",)), []),
    ("effleurage on the back", "percussion-back-osteoporosis",
     dict(steps=[step("lower-back", "midline")], conditions=("osteoporosis",)), []),
    # -- vigorous-fragile
    ("tapotement, osteoporosis", "vigorous-fragile",
     dict(steps=[step("thigh", "left", "moderate", "tapotement")], conditions=("osteoporosis",)),
     [(W, "vigorous-fragile", 0, "thigh", "left")]),
    ("tapotement, cancer", "vigorous-fragile",
     dict(steps=[step("thigh", "left", "light", "tapotement")], conditions=("cancer",)),
     [(W, "vigorous-fragile", 0, "thigh", "left")]),
    ("tapotement, severe sensory loss", "vigorous-fragile",
     dict(steps=[step("calf", "both", "light", "tapotement")], conditions=("severe-sensory-loss",)),
     [(W, "vigorous-fragile", 0, "calf", "both")]),
    ("effleurage, osteoporosis", "vigorous-fragile",
     dict(steps=[step("thigh", "left", "moderate")], conditions=("osteoporosis",)), []),
    ("tapotement, no fragile condition", "vigorous-fragile",
     dict(steps=[step("thigh", "left", "moderate", "tapotement")], conditions=("diabetes",)), []),
    # -- pregnancy-legs
    ("deep tissue on the calves", "pregnancy-legs",
     dict(steps=[step("calf", "both", "firm", "deep-tissue")], conditions=("pregnancy",)),
     [(W, "pregnancy-legs", 0, "calf", "both")]),
    ("moderate on the calves", "pregnancy-legs",
     dict(steps=[step("calf", "both", "moderate")], conditions=("pregnancy",)), []),
    ("firm on the shoulder", "pregnancy-legs",
     dict(steps=[step("shoulder", "left", "firm")], conditions=("pregnancy",)), []),
    # -- deep-static-numb
    ("thumb pressure on a numb sole", "deep-static-numb",
     dict(steps=[step("sole", "left", "light", "thumb-pressure")],
          symptoms=[("sole", "left", "numbness")]),
     [(W, "deep-static-numb", 0, "sole", "left")]),
    ("thumb pressure, severe sensory loss", "deep-static-numb",
     dict(steps=[step("palm", "right", "light", "thumb-pressure")],
      conditions=("severe-sensory-loss",)),
     [(W, "deep-static-numb", 0, "palm", "right")]),
    ("thumb pressure on the other sole", "deep-static-numb",
     dict(steps=[step("sole", "right", "light", "thumb-pressure")],
          symptoms=[("sole", "left", "numbness")]), []),
    ("stroking a numb sole", "deep-static-numb",
     dict(steps=[step("sole", "left")], symptoms=[("sole", "left", "numbness")]), []),
    # -- heat-sensation
    ("hot stones on a numb calf", "heat-sensation",
     dict(steps=[step("calf", "left", "light", "hot-stones")],
          symptoms=[("calf", "left", "numbness")]),
     [(W, "heat-sensation", 0, "calf", "left")]),
    ("hot stones, neuropathy", "heat-sensation",
     dict(steps=[step("calf", "left", "light", "hot-stones")], conditions=("neuropathy",)),
     [(W, "heat-sensation", 0, "calf", "left")]),
    ("hot stones, numbness on the other calf", "heat-sensation",
     dict(steps=[step("calf", "left", "light", "hot-stones")],
          symptoms=[("calf", "right", "numbness")]), []),
    ("no heat on a numb calf", "heat-sensation",
     dict(steps=[step("calf", "left")], symptoms=[("calf", "left", "numbness")]), []),
    # -- sharp-pain-area
    ("deep thumb pressure on a sole with sharp pain", "sharp-pain-area",
     dict(steps=[step("sole", "left", "deep", "thumb-pressure")],
          symptoms=[("sole", "left", "sharp-pain")]),
     [(W, "sharp-pain-area", 0, "sole", "left")]),
    ("light on a sole with sharp pain", "sharp-pain-area",
     dict(steps=[step("sole", "left", "light", "thumb-pressure")],
          symptoms=[("sole", "left", "sharp-pain")]), []),
    ("deep on the other sole", "sharp-pain-area",
     dict(steps=[step("sole", "right", "deep", "thumb-pressure")],
          symptoms=[("sole", "left", "sharp-pain")]), []),
    # -- soak-over-wound
    ("foot bath, healing blister on the heel", "soak-over-wound",
     dict(steps=[], avoid=[("heel", "left", "open-wound")], home_care=("marble-bath",)),
     [(C, "soak-over-wound", "home 0", None, None)]),
    ("foot bath, recent surgery on the toes", "soak-over-wound",
     dict(steps=[], avoid=[("toes", "right", "recent-surgery")], home_care=("marble-bath",)),
     [(C, "soak-over-wound", "home 0", None, None)]),
    ("foot bath, infected foot", "soak-over-wound",
     dict(steps=[], avoid=[("foot", "both", "skin-infection")], home_care=("marble-bath",)),
     [(C, "soak-over-wound", "home 0", None, None)]),
    ("foot bath, wound on the hand", "soak-over-wound",
     dict(steps=[], avoid=[("hand", "left", "open-wound")], home_care=("marble-bath",)), []),
    ("foot bath, bruised heel", "soak-over-wound",
     dict(steps=[], avoid=[("heel", "left", "bruise")], home_care=("marble-bath",)), []),
    # -- self-pressure-avoided
    ("ball roll, blister on the heel", "self-pressure-avoided",
     dict(steps=[], avoid=[("heel", "left", "open-wound")], home_care=("ball-roll",)),
     [(C, "self-pressure-avoided", "home 0", None, None)]),
    ("hand massage, bruised palm", "self-pressure-avoided",
     dict(steps=[], avoid=[("palm", "right", "bruise")], home_care=("hand-massage",)),
     [(C, "self-pressure-avoided", "home 0", None, None)]),
    ("ball roll, wound on the hand", "self-pressure-avoided",
     dict(steps=[], avoid=[("hand", "left", "open-wound")], home_care=("ball-roll",)), []),
    ("toe alphabet (no pressing), blister on the heel", "self-pressure-avoided",
     dict(steps=[], avoid=[("heel", "left", "open-wound")], home_care=("toe-alphabet",)), []),
    # -- warm-water
    ("foot bath, diabetes", "warm-water",
     dict(steps=[step()], conditions=("diabetes",), home_care=("foot-massage", "marble-bath")),
     [(W, "warm-water", "home 1", None, None)]),
    ("foot bath, neuropathy", "warm-water",
     dict(steps=[], conditions=("neuropathy",), home_care=("marble-bath",)),
     [(W, "warm-water", "home 0", None, None)]),
    ("foot bath, severe sensory loss", "warm-water",
     dict(steps=[], conditions=("severe-sensory-loss",), home_care=("marble-bath",)),
     [(W, "warm-water", "home 0", None, None)]),
    ("foot bath, numb soles", "warm-water",
     dict(steps=[], symptoms=[("sole", "both", "numbness")], home_care=("marble-bath",)),
     [(W, "warm-water", "home 0", None, None)]),
    ("proposed foot bath, neuropathy", "warm-water",
     dict(steps=[step("sole", "both", "light", "circular-friction")], conditions=("neuropathy",),
          home_care=None),
     [(W, "warm-water", "home 2", None, None)]),
    ("foot bath, numb hands only", "warm-water",
     dict(steps=[], symptoms=[("hand", "both", "numbness")], home_care=("marble-bath",)), []),
    ("foot bath, no condition", "warm-water",
     dict(steps=[], conditions=("cancer",), home_care=("marble-bath",)), []),
    ("no foot bath, diabetes", "warm-water",
     dict(steps=[], conditions=("diabetes",), home_care=("ball-roll",)), []),
    # -- soak-diabetes
    ("foot bath, diabetes: dries the skin", "soak-diabetes",
     dict(steps=[], conditions=("diabetes",), home_care=("toe-alphabet", "marble-bath")),
     [(W, "soak-diabetes", "home 1", None, None)]),
    ("foot bath, neuropathy without diabetes", "soak-diabetes",
     dict(steps=[], conditions=("neuropathy",), home_care=("marble-bath",)), []),
    ("diabetes, no soak", "soak-diabetes",
     dict(steps=[], conditions=("diabetes",), home_care=("foot-massage",)), []),
    # -- barefoot-feet
    ("bare-foot rub, diabetes", "barefoot-feet",
     dict(steps=[], conditions=("diabetes",), home_care=("barefoot-rub",)),
     [(W, "barefoot-feet", "home 0", None, None)]),
    ("bare-foot rub, numb soles", "barefoot-feet",
     dict(steps=[], symptoms=[("sole", "left", "numbness")], home_care=("barefoot-rub",)),
     [(W, "barefoot-feet", "home 0", None, None)]),
    ("bare-foot rub, neuropathy", "barefoot-feet",
     dict(steps=[], conditions=("neuropathy",), home_care=("barefoot-rub",)),
     [(W, "barefoot-feet", "home 0", None, None)]),
    ("bare-foot rub, numb hands", "barefoot-feet",
     dict(steps=[], symptoms=[("hand", "left", "numbness")], home_care=("barefoot-rub",)), []),
    ("floor rub in socks, diabetes", "barefoot-feet",
     dict(steps=[], conditions=("diabetes",), home_care=("floor-foot-rub",)), []),
    ("seated toe alphabet, diabetes", "barefoot-feet",
     dict(steps=[], conditions=("diabetes",), home_care=("toe-alphabet",)), []),
    # -- standing-balance
    ("standing stretch, numb feet", "standing-balance",
     dict(steps=[], symptoms=[("foot", "both", "numbness")], home_care=("standing-calf-stretch",)),
     [(W, "standing-balance", "home 0", None, None)]),
    ("standing stretch, severe sensory loss", "standing-balance",
     dict(steps=[], conditions=("severe-sensory-loss",), home_care=("standing-calf-stretch",)),
     [(W, "standing-balance", "home 0", None, None)]),
    ("standing stretch, neuropathy", "standing-balance",
     dict(steps=[], conditions=("neuropathy",), home_care=("standing-calf-stretch",)),
     [(W, "standing-balance", "home 0", None, None)]),
    ("standing stretch, numb hands", "standing-balance",
     dict(steps=[], symptoms=[("hand", "both", "numbness")],
      home_care=("standing-calf-stretch",)), []),
    ("sitting exercise, numb feet", "standing-balance",
     dict(steps=[], symptoms=[("foot", "both", "numbness")], home_care=("toe-alphabet",)), []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "kwargs", "expected"),
    [pytest.param(rule, kw, expected, id=f"{rule}: {name}") for name, rule, kw, expected in CASES],
)  # fmt: skip
def test_rule(rule: str, kwargs: dict[str, Any], expected: list[Row]) -> None:
    kwargs = dict(kwargs)
    plan = make_plan(*kwargs.pop("steps"), **kwargs)
    assert rows(plan, rule) == expected


def test_every_rule_has_cases_that_fire_and_stay_silent() -> None:
    fires = {rule for _, rule, _, expected in CASES if expected}
    silent = {rule for _, rule, _, expected in CASES if not expected}
    assert fires == silent == set(RULES)


# -- every seed contraindication, by name ---------------------------------------------

SEEDS: list[tuple[str, dict[str, Any], str, str]] = [
    ("clot", dict(steps=[step("foot", "left")], avoid=[("calf", "left", "blood-clot")]),
     "blood-clot-limb", C),
    ("fracture", dict(steps=[step("ankle", "left")], avoid=[("ankle", "left", "fracture")]),
     "avoided-area", C),
    ("open or healing wound", dict(steps=[step("heel", "left")],
                                   avoid=[("heel", "left", "open-wound")]),
     "avoided-area", C),
    ("skin infection", dict(steps=[step("foot", "left")],
                            avoid=[("toes", "left", "skin-infection")]),
     "skin-infection-around", C),
    ("bruise", dict(steps=[step("shin", "right")], avoid=[("shin", "right", "bruise")]),
     "avoided-area", C),
    ("weakened bone", dict(steps=[step("wrist", "left")],
                           avoid=[("wrist", "left", "weakened-bone")]),
     "avoided-area", C),
    ("recent surgery", dict(steps=[], avoid=[("foot", "right", "recent-surgery")],
     home_care=("marble-bath",)),
     "soak-over-wound", C),
    ("tumor", dict(steps=[step("thigh", "left", "firm")], avoid=[("knee", "left", "tumor")]),
     "fracture-tumor-limb", W),
    ("bleeding", dict(steps=[step(pressure="firm")], conditions=("bleeding-disorder",)),
     "bleeding-risk", C),
    ("blood thinners", dict(steps=[step(pressure="deep")], conditions=("blood-thinners",)),
     "bleeding-risk", C),
    ("cancer", dict(steps=[step(pressure="firm")], conditions=("cancer",)),
     "cancer-deep-pressure", W),
    ("pregnancy", dict(steps=[step()], conditions=("pregnancy",)), "pregnancy", W),
    ("severe sensory loss", dict(steps=[step(pressure="moderate")],
     conditions=("severe-sensory-loss",)),
     "reduced-sensation", W),
    ("diabetes", dict(steps=[step()], conditions=("diabetes",)), "diabetes", W),
    ("allergy", dict(steps=[step()], conditions=("lubricant-allergy",)), "lubricant", "info"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "rule", "severity"),
    [pytest.param(kw, rule, severity, id=name) for name, kw, rule, severity in SEEDS],
)
def test_seed_contraindication(kwargs: dict[str, Any], rule: str, severity: str) -> None:
    kwargs = dict(kwargs)
    plan = make_plan(*kwargs.pop("steps"), **kwargs)
    assert [f.severity for f in check_plan(plan) if f.rule == rule] == [severity]


# -- the therapist, tried again ------------------------------------------------


def test_diabetic_with_a_healing_heel_blister_gets_no_soak_and_no_ball_roll() -> None:
    plan = make_plan(
        step("sole", "both", "light", "circular-friction"),
        step("foot", "right", "light", "thumb-pressure"),
        conditions=("diabetes", "neuropathy"),
        avoid=(("heel", "left", "open-wound"),),
        home_care=None,
    )
    proposed = [item.exercise for item in propose_routine(plan)]
    assert "marble-bath" not in proposed
    assert "ball-roll" not in proposed
    assert "foot-massage" not in proposed  # the client would press on the blister
    assert "toe-alphabet" in proposed
    # Written by the therapist, both are contraindicated.
    plan.home_care = [
        HomeCareItem("marble-bath", 10),
        HomeCareItem("ball-roll", 5),
    ]
    found = {(f.rule, f.home_care) for f in check_plan(plan) if f.severity == C}
    assert ("soak-over-wound", 0) in found and ("self-pressure-avoided", 1) in found


def test_no_soak_is_proposed_for_a_diabetic_client() -> None:
    plan = make_plan(step("sole", "both", "light", "circular-friction"), home_care=None)
    assert "marble-bath" in [item.exercise for item in propose_routine(plan)]
    plan.client = Client("Alex", ("diabetes",))
    assert "marble-bath" not in [item.exercise for item in propose_routine(plan)]


def test_clot_leaves_nothing_on_the_limb_in_the_proposal() -> None:
    plan = make_plan(
        step("hand", "both"),
        conditions=("neuropathy",),
        avoid=(("calf", "left", "blood-clot"),),
        home_care=None,
    )
    plan.steps.append(step("foot", "right"))
    proposed = [item.exercise for item in propose_routine(plan)]
    # The foot check only looks: it stays, first, and nothing touches the left leg.
    assert proposed == ["foot-check", "hand-massage", "finger-stroke"]


def test_clot_messages_say_what_to_do() -> None:
    plan = make_plan(step("foot", "left"), avoid=(("calf", "left", "blood-clot"),))
    messages = {f.rule: f.message for f in check_plan(plan)}
    assert "doctor's clearance" in messages["blood-clot-clearance"]
    assert "the client's left leg" in messages["blood-clot-clearance"]
    assert "emergency" in messages["blood-clot-clearance"]
    assert "leave the client's left leg alone entirely" in messages["blood-clot-limb"]


@pytest.mark.parametrize("rule", ["warm-water", "heat-sensation"])
def test_temperature_advice_has_a_number(rule: str) -> None:
    plan = make_plan(
        step("calf", "left", "light", "hot-stones"),
        conditions=("diabetes",),
        home_care=("marble-bath",),
    )
    message = next(f.message for f in check_plan(plan) if f.rule == rule)
    assert "37 °C / 98 °F" in message and "thermometer" in message and "elbow" in message


def test_home_care_findings_name_the_exercise_and_its_row() -> None:
    plan = make_plan(conditions=("diabetes",), home_care=("toe-alphabet", "barefoot-rub"))
    finding = next(f for f in check_plan(plan) if f.rule == "barefoot-feet")
    assert (finding.step, finding.home_care) == (None, 1)
    assert finding.message.startswith('Home-care exercise 2 ("Rub your bare soles on the floor")')


# -- the registry -----------------------------------------------------------------------


def test_rulebook_is_well_formed() -> None:
    assert len({rule.id for rule in RULEBOOK}) == len(RULEBOOK) == len(RULES)
    for rule in RULEBOOK:
        assert rule.severity in SEVERITIES
        assert rule.scope in SCOPES
        assert rule.reads and all(isinstance(fact, str) and fact for fact in rule.reads)
        assert rule.checks[0].isupper() and rule.checks.endswith("."), rule.id
        for template in filter(None, (rule.template, rule.home_template)):
            assert template.endswith("."), rule.id
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            assert all(name.isidentifier() for name in names), rule.id


def _marked_texts() -> set[str]:
    """Every string literal passed to N_() in the rules package, as xgettext would see it."""
    folder = Path(__file__).resolve().parents[2] / "planner" / "core" / "rules"
    found: set[str] = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "N_":
                (argument,) = node.args
                assert isinstance(argument, ast.Constant), f"{path.name}: N_ needs a literal"
                found.add(argument.value)
    return found


def test_every_rule_and_red_flag_text_is_marked_for_translation() -> None:
    marked = _marked_texts()
    for rule in RULEBOOK:
        for text in filter(None, (rule.checks, rule.template, rule.home_template)):
            assert text in marked, rule.id
    for flag in RED_FLAGS:
        assert flag.sign in marked and flag.plain in marked, flag.id


# -- red flags ----------------------------------------------------------------------------


def test_red_flags_have_every_urgency_and_plain_words() -> None:
    assert {flag.urgency for flag in RED_FLAGS} == set(URGENCIES)
    assert len({flag.id for flag in RED_FLAGS}) == len(RED_FLAGS)
    for flag in RED_FLAGS:
        assert flag.sign.endswith(".") and flag.plain.endswith("."), flag.id


def test_red_flags_that_apply() -> None:
    plain = [flag.id for flag in red_flags_for(make_plan())]
    assert plain == ["clot-breathless", "calf-swelling", "getting-worse", "new-weakness"]
    diabetic = [flag.id for flag in red_flags_for(make_plan(conditions=("diabetes",)))]
    assert {"new-wound", "hot-red-foot", "dark-toe", "spreading-redness"} <= set(diabetic)
    thinners = [flag.id for flag in red_flags_for(make_plan(conditions=("blood-thinners",)))]
    assert "unusual-bleeding" in thinners and "hot-red-foot" not in thinners
    wound = [flag.id for flag in red_flags_for(make_plan(avoid=(("heel", "left"),)))]
    assert "new-wound" in wound and "dark-toe" not in wound
    urgencies = [flag.urgency for flag in red_flags_for(make_plan(conditions=("diabetes",)))]
    assert urgencies == sorted(urgencies, key=URGENCIES.index)
    assert urgencies[0] == "emergency"


def test_red_flags_grouped_by_urgency() -> None:
    groups = red_flags_by_urgency(make_plan(conditions=("blood-thinners",)))
    assert list(groups) == list(URGENCIES)
    assert [flag.id for flag in groups["emergency"]] == ["clot-breathless"]
    assert "unusual-bleeding" in [flag.id for flag in groups["today"]]
    assert all(flag.urgency == urgency for urgency, flags in groups.items() for flag in flags)


def test_plan_file_with_an_unknown_property_names_entry_and_key() -> None:
    data = {
        "format": "session-plan",
        "version": 2,
        "steps": [],
        "custom_techniques": [{"id": "my-tap", "name": "Tap", "precussive": True}],
    }
    with pytest.raises(FormatError, match=r"custom_techniques\[0\]\.precussive: unknown key"):
        loads_plan(json.dumps(data))
    data["custom_techniques"] = [{"id": "my-tap", "name": "Tap", "percussive": True}]
    plan = loads_plan(json.dumps(data))
    assert plan.custom_techniques[0].properties == {"percussive"}


def test_over_budget_names_the_total_and_the_therapists_limit() -> None:
    plan = make_plan(home_care=("foot-check", "toe-alphabet", "toe-squeeze"))
    assert not [f for f in check_plan(plan) if f.rule == "home-care-over-budget"]
    found = [f for f in check_plan(plan, daily_minutes=12) if f.rule == "home-care-over-budget"]
    assert [f.message[:62] for f in found] == [
        "The home-care routine takes 15 minutes a day, more than the 12"
    ]
