"""The field's fixed vocabularies: conditions, local findings, symptoms, pressure.

Identifiers are the contract of DOMAIN.md; the display names are ours.
"""

from __future__ import annotations

# Whole-body conditions of the client, with the name a therapist reads.
CONDITIONS: dict[str, str] = {
    "neuropathy": "Peripheral neuropathy",
    "diabetes": "Diabetes",
    "blood-thinners": "Takes blood thinners",
    "bleeding-disorder": "Bleeding disorder or low platelets",
    "osteoporosis": "Osteoporosis",
    "cancer": "Cancer",
    "pregnancy": "Pregnancy",
    "severe-sensory-loss": "Severe loss of sensation",
    "lubricant-allergy": "Allergy to oils or lotions",
}

# Why an area is left alone: therapist wording and plain wording for the client.
AVOID_REASONS: dict[str, str] = {
    "open-wound": "Open or healing wound",
    "skin-infection": "Skin infection",
    "bruise": "Bruise",
    "blood-clot": "Blood clot",
    "fracture": "Fracture",
    "recent-surgery": "Recent surgery",
    "weakened-bone": "Weakened bone",
    "tumor": "Tumor",
    "client-request": "Client's request",
    "other": "Other reason",
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
    "numbness": "Numbness",
    "tingling": "Tingling",
    "burning": "Burning",
    "sharp-pain": "Sharp pain",
    "hypersensitivity": "Hypersensitivity",
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
