"""The protocol's last part: the visit's measures, the SOAP notes, the signature and addenda."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from planner.core.measures import MNSI_MAX_SCORE, mnsi_cutoffs_met, site_label
from planner.core.plan import SessionPlan
from planner.export.common import CachedParagraph, details_table, heading, para
from planner.export.layout import Styles


def _when(stamp: str) -> str:
    """``2026-11-21T14:05:00+00:00`` as ``2026-11-21 14:05 UTC`` (times are stored in UTC)."""
    day, _, rest = stamp.partition("T")
    return f"{day} {rest[:5]} UTC" if rest else stamp


def _measures(plan: SessionPlan, styles: Styles, width: float) -> list[Flowable]:
    m = plan.measures
    if m.empty:
        return []
    rows = []
    if m.pain_before is not None:
        rows.append(("Pain before", f"{m.pain_before} / 10"))
    if m.pain_after is not None:
        rows.append(("Pain after", f"{m.pain_after} / 10"))
    score = m.mnsi_score()
    if score is not None:
        reached = mnsi_cutoffs_met(score)
        verdict = reached[0] if reached else "below both published cut-offs (4 and 7)"
        rows.append(
            (
                "MNSI questionnaire",
                f"{score} of {MNSI_MAX_SCORE} ({len(m.mnsi_a)} of 15 items answered); {verdict}",
            )
        )
    if m.monofilament:
        missed = [site_label(key) for key in m.not_felt()]
        tested = len(m.monofilament)
        text = f"not felt at {', '.join(missed)}" if missed else "felt at every site tested"
        rows.append(("Monofilament (10 g)", f"{text} ({tested} sites tested)"))
    return heading("Measures", styles, need=60) + [details_table(rows, styles, width)]


def _signature(plan: SessionPlan, styles: Styles, width: float) -> list[Flowable]:
    signature = plan.signature
    if signature is None:
        return [para("Not signed yet.", styles.small)]
    rows = [
        ("Signed by", signature.therapist),
        ("Signed at", _when(signature.signed_at)),
        ("SHA-256", signature.sha256),
    ]
    story: list[Flowable] = [KeepTogether(heading("Signature", styles, need=60) + [
        details_table(rows, styles, width)
    ])]  # fmt: skip
    for number, addendum in enumerate(plan.addenda, start=1):
        block: list[Flowable] = [
            CachedParagraph(
                f"Addendum {number}, {_when(addendum.signed_at)}, {addendum.therapist}",
                styles.label,
            ),
            para(addendum.text, styles.body),
        ]
        story.append(KeepTogether(block))
    return story


def notes_story(plan: SessionPlan, styles: Styles, width: float) -> list[Flowable]:
    """Measures, SOAP notes and the signature block (only what the session holds)."""
    story = _measures(plan, styles, width)
    if not plan.soap.empty:
        story += heading("Session notes", styles, need=80)
        for title, text in plan.soap.parts():
            story.append(
                KeepTogether(
                    [CachedParagraph(title, styles.h2), para(text or "(none)", styles.body)]
                )
            )
    if plan.signature is not None or not plan.soap.empty:
        story += _signature(plan, styles, width)
    return story
