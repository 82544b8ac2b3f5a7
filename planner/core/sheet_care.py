"""The "Take care" lines of the client's sheet: what to watch for, given who the client is.

Each line is one or two short sentences in plain words. What a diabetic foot-care
nurse asks of every client whose feet may not feel harm: look at the feet every
day, wear shoes and socks (no bare feet, not even at home), keep heat away from
numb skin, watch for signs of poor blood flow, and keep up the treatment the
doctor gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.homecare import feet_at_risk
from planner.core.i18n import N_, _
from planner.core.plan import SessionPlan
from planner.core.sensation import screened_symptoms


@dataclass(frozen=True)
class HelpGroup:
    """Signs that need help with one urgency: what to do, then each sign."""

    urgency: str
    action: str
    signs: tuple[str, ...]


_NUMB_KINDS = frozenset(("numbness",))
_TENDER_KINDS = frozenset(("hypersensitivity", "burning"))

ALWAYS = (
    N_(
        "None of this should hurt. Stop if you feel a sharp pain or if it starts to hurt more. "
        "Rest, and try again more gently another day."
    ),
)
FOOT_CHECK_TODO = N_(
    "Look at both feet every day: the tops, the soles, the heels and between the toes."
)
SHOES = (N_("Wear clean socks and shoes that fit, even at home. Do not walk without shoes."),)
# Hot water scalds numb feet most often: the nurse's test is the elbow (or a thermometer).
HEAT = N_(
    "Your feet may not feel heat. Keep them away from heaters and heat pads. "
    "Test bath water with your elbow."
)
NUMB = N_("Numb skin may not feel it when you press too hard. Keep a light touch.")
TENDER = N_("Where your skin burns or is very tender, start with the lightest touch.")
BRUISE = N_("You bruise easily. Use a light touch, and do not knead hard.")
BONES = N_("Your bones are fragile. Press gently, and never force a joint to bend.")
LUMP = N_("Do not press on any lump. Ask your care team if you are not sure.")
PREGNANT = N_("Ask your midwife or doctor before you try something new.")
LOTION = N_("Use only a lotion you know is safe for your skin, or none at all.")
TREATMENT = N_("Keep up the care your doctor gave you. These moves do not replace it.")


def take_care_lines(plan: SessionPlan, *, has_foot_check: bool) -> list[str]:
    """The sheet's general precautions for this client, most important first."""
    conditions = set(plan.client.conditions)
    # A monofilament site not felt counts as numbness: light touch, daily foot checks.
    kinds = {symptom.kind for symptom in screened_symptoms(plan)}
    lines = list(ALWAYS)
    if feet_at_risk(plan):
        if not has_foot_check:  # else the routine's first move says it, every day
            lines.append(FOOT_CHECK_TODO)
        lines += SHOES
        lines.append(HEAT)
    if "severe-sensory-loss" in conditions or kinds & _NUMB_KINDS:
        lines.append(NUMB)
    if kinds & _TENDER_KINDS:
        lines.append(TENDER)
    if conditions & {"blood-thinners", "bleeding-disorder"}:
        lines.append(BRUISE)
    if "osteoporosis" in conditions:
        lines.append(BONES)
    if "cancer" in conditions:
        lines.append(LUMP)
    if "pregnancy" in conditions:
        lines.append(PREGNANT)
    if "lubricant-allergy" in conditions:
        lines.append(LOTION)
    lines.append(TREATMENT)
    return [_(line) for line in lines]


# What to do, by urgency, in the client's words; {number} is the emergency number.
HELP_ACTIONS: dict[str, str] = {
    "emergency": N_("Call {number} now if:"),
    "today": N_("Call your doctor today if:"),
    "soon": N_("Tell your doctor or therapist at your next visit if:"),
}


def help_groups(plan: SessionPlan, number: str | None = None) -> list[HelpGroup]:
    """The rulebook's red flags that apply to this client, grouped by urgency, most urgent first.

    Args:
        number: the emergency number (the settings' or the locale's when None).
    """
    from planner.core.emergency import emergency_number
    from planner.core.rules.redflags import red_flags_by_urgency

    action_fields = {"number": emergency_number(number)}
    return [
        HelpGroup(
            urgency,
            _(HELP_ACTIONS[urgency]).format_map(action_fields),
            tuple(_(f.plain) for f in flags),
        )
        for urgency, flags in red_flags_by_urgency(plan).items()
        if flags
    ]
