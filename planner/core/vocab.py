"""The field's fixed vocabularies: conditions, local findings, symptoms, pressure.

Identifiers are the contract of DOMAIN.md; the display names are ours.
"""

from __future__ import annotations

from planner.core.i18n import N_

# Whole-body conditions of the client, with the name a therapist reads.
CONDITIONS: dict[str, str] = {
    "neuropathy": N_("Peripheral neuropathy"),
    "diabetes": N_("Diabetes"),
    "blood-thinners": N_("Takes blood thinners"),
    "bleeding-disorder": N_("Bleeding disorder or low platelets"),
    "osteoporosis": N_("Osteoporosis"),
    "cancer": N_("Cancer"),
    "pregnancy": N_("Pregnancy"),
    "severe-sensory-loss": N_("Severe loss of sensation"),
    "lubricant-allergy": N_("Allergy to oils or lotions"),
}

# Why an area is left alone: therapist wording and plain wording for the client.
AVOID_REASONS: dict[str, str] = {
    "open-wound": N_("Open or healing wound"),
    "skin-infection": N_("Skin infection"),
    "bruise": N_("Bruise"),
    "blood-clot": N_("Blood clot"),
    "fracture": N_("Fracture"),
    "recent-surgery": N_("Recent surgery"),
    "weakened-bone": N_("Weakened bone"),
    "tumor": N_("Tumor"),
    "client-request": N_("Client's request"),
    "other": N_("Other reason"),
}
AVOID_REASONS_PLAIN: dict[str, str] = {
    "open-wound": "there is an open or healing wound; touching it can slow healing",
    "skin-infection": "the skin there is infected, and rubbing can spread it",
    "bruise": "there is a bruise, and pressing on it can make it worse",
    "blood-clot": "there may be a blood clot, and rubbing could move it",
    "fracture": "a bone there is broken or healing",
    "recent-surgery": "you had surgery there recently and it is still healing",
    "weakened-bone": "the bone there is weak and could be hurt by pressure",
    "tumor": "pressure directly over a tumor is best avoided",
    "client-request": "you asked us to leave it alone",
    "other": "your therapist asked you to leave it alone",
}

SYMPTOM_KINDS: dict[str, str] = {
    "numbness": N_("Numbness"),
    "tingling": N_("Tingling"),
    "burning": N_("Burning"),
    "sharp-pain": N_("Sharp pain"),
    "hypersensitivity": N_("Hypersensitivity"),
}

PRESSURES: tuple[str, ...] = ("light", "moderate", "firm", "deep")
PRESSURE_RANK: dict[str, int] = {name: rank for rank, name in enumerate(PRESSURES)}
PRESSURE_NAMES: dict[str, str] = {p: p.capitalize() for p in PRESSURES}

SEVERITIES: tuple[str, ...] = ("contraindicated", "caution", "info")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}
SEVERITY_NAMES: dict[str, str] = {
    "contraindicated": "Contraindicated",
    "caution": "Caution",
    "info": "Note",
}

# Bounds a plan is held to.
MAX_STEP_MINUTES = 240
MAX_SESSION_MINUTES = 1440
MAX_INTENSITY = 10
# A home-care routine a client can keep: this many minutes a day unless the settings say.
DEFAULT_DAILY_MINUTES = 30
