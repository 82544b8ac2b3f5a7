"""Red flags: signs that mean "stop and get medical help", each with its urgency.

Each flag has a therapist's wording (``sign``, for the protocol) and the client's
(``plain``, for the home-care sheet), and says for which plans it applies: some
always, some only with a condition or a reason to avoid an area. The urgencies,
most urgent first: ``emergency`` (call the emergency number now), ``today`` (see
a doctor today), ``soon`` (tell the doctor within a few days).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.plan import SessionPlan
from planner.core.rules.base import N_

URGENCIES: tuple[str, ...] = ("emergency", "today", "soon")
# What to do, for the therapist and for the client.
URGENCY_ACTIONS: dict[str, str] = {
    "emergency": N_("Call the emergency number now (911, 999 or 112)."),
    "today": N_("See a doctor or the foot clinic today."),
    "soon": N_("Tell the doctor within a few days."),
}
URGENCY_TITLES: dict[str, str] = {
    "emergency": N_("Call the emergency number now (911, 999 or 112)"),
    "today": N_("Call your doctor or foot clinic today"),
    "soon": N_("Tell your doctor within a few days"),
}
_FOOT_RISK = frozenset(("diabetes", "neuropathy", "severe-sensory-loss"))


@dataclass(frozen=True)
class RedFlag:
    """A sign to act on, how urgently, and for which plans it applies."""

    id: str
    urgency: str
    sign: str
    plain: str
    # The flag applies when the plan has any of these conditions or reasons to avoid an
    # area; a flag with neither applies to every plan.
    conditions: frozenset[str] = frozenset()
    reasons: frozenset[str] = frozenset()

    def applies(self, conditions: frozenset[str], reasons: frozenset[str]) -> bool:
        if not self.conditions and not self.reasons:
            return True
        return not (self.conditions.isdisjoint(conditions) and self.reasons.isdisjoint(reasons))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "urgency": self.urgency,
            "sign": self.sign,
            "plain": self.plain,
            "action": URGENCY_ACTIONS[self.urgency],
            "conditions": sorted(self.conditions),
            "reasons": sorted(self.reasons),
        }


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "clot-breathless",
        "emergency",
        N_(
            "A swollen, painful or warm calf or leg together with sudden breathlessness, chest "
            "pain or coughing up blood (a clot may have reached the lungs)."
        ),
        # Sudden breathlessness or chest pain needs the emergency number with or without a
        # sore leg (the safer reading): the client's words name no leg, and fit one line.
        N_("Sudden short breath, chest pain, or coughing up blood."),
    ),
    RedFlag(
        "calf-swelling",
        "today",
        N_("One calf or leg newly swollen, warm, red or painful (a possible blood clot)."),
        N_("One calf or leg gets swollen, warm, red or sore."),
    ),
    RedFlag(
        "new-wound",
        "today",
        N_("A new wound, blister, cut or sore on a foot, or one that oozes or does not heal."),
        N_("A new cut, blister or sore on a foot, or one that leaks or does not heal."),
        conditions=_FOOT_RISK,
        reasons=frozenset(("open-wound",)),
    ),
    RedFlag(
        "hot-red-foot",
        "today",
        N_(
            "A red, hot, swollen foot or ankle, even without pain (possible Charcot foot or "
            "infection)."
        ),
        N_("A foot or ankle turns red, hot or swollen, even if it does not hurt."),
        conditions=_FOOT_RISK,
    ),
    RedFlag(
        "dark-toe",
        "today",
        N_("A toe or part of the foot turning dark, blue, black or very pale and cold."),
        N_("A toe or part of a foot turns dark, blue or black, or pale and cold."),
        conditions=_FOOT_RISK,
    ),
    RedFlag(
        "spreading-redness",
        "today",
        N_("Redness, warmth or red streaks spreading from a wound or an infection, or a fever."),
        N_("Redness spreads out from a sore, or you get a fever."),
        conditions=frozenset(("diabetes",)),
        reasons=frozenset(("open-wound", "skin-infection", "recent-surgery")),
    ),
    RedFlag(
        "unusual-bleeding",
        "today",
        N_("Large bruises without a knock, or bleeding that is hard to stop."),
        N_("Large bruises you did not get from a bump, or bleeding that will not stop."),
        conditions=frozenset(("blood-thinners", "bleeding-disorder")),
    ),
    RedFlag(
        "getting-worse",
        "soon",
        N_("Symptoms getting steadily worse, spreading, or no relief after several weeks."),
        N_("Numbness or pain keeps getting worse, or nothing helps after a few weeks."),
    ),
    RedFlag(
        "new-weakness",
        "soon",
        N_("New weakness, a foot that drops or catches when walking, or frequent stumbling."),
        N_("Your legs or hands get weaker, a foot drags, or you trip more often."),
    ),
    RedFlag(
        "poor-circulation",
        "soon",
        N_(
            "Feet often cold, pale or bluish, or calf pain on walking that eases with rest "
            "(poor blood flow to the legs)."
        ),
        N_("Your feet are often cold, pale or blue, or your calves hurt when you walk."),
        conditions=_FOOT_RISK,
    ),
)


def red_flags_for(plan: SessionPlan) -> list[RedFlag]:
    """The red flags that apply to this plan, most urgent first (their order within one
    urgency is the rulebook's)."""
    conditions = frozenset(plan.client.conditions)
    reasons = frozenset(area.reason for area in plan.avoid)
    chosen = [flag for flag in RED_FLAGS if flag.applies(conditions, reasons)]
    return sorted(chosen, key=lambda flag: URGENCIES.index(flag.urgency))


def red_flags_by_urgency(plan: SessionPlan) -> dict[str, list[RedFlag]]:
    """The applying red flags grouped by urgency (every urgency present, maybe empty)."""
    groups: dict[str, list[RedFlag]] = {urgency: [] for urgency in URGENCIES}
    for flag in red_flags_for(plan):
        groups[flag.urgency].append(flag)
    return groups
