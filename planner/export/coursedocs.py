"""The course-of-care documents as PDF: the progress report and the intake and consent form.

Like :mod:`planner.export`, reportlab is imported only when a document is built.
"""

from __future__ import annotations

import dataclasses
import io
from typing import TYPE_CHECKING, Any

from planner.core.i18n import _, speaking
from planner.export import (
    LARGE_PRINT_SIZE,
    ExportError,
    _check_paper,
    _prepare_reportlab,
    _warn_missing,
)

if TYPE_CHECKING:
    from planner.core.intake import Intake
    from planner.core.progress import Visit

_BODY_SIZE = 11


def _language(code: object) -> str:
    """A document's language code, checked; :class:`ExportError` naming the known ones."""
    from planner.core.i18n import UnknownLanguageError, check_language

    try:
        return check_language(code or "en")
    except UnknownLanguageError as error:
        raise ExportError(str(error)) from None


def _fonts_for(texts: list[str], document: str) -> Any:
    from planner.export import fonts

    fonts.prepare(texts)
    return fonts.noting_missing()


def build_progress_report(
    client: dict[str, Any],
    visits: list[Visit],
    *,
    large_print: bool = False,
    paper: str = "letter",
    invariant: bool = False,
    language: str | None = None,
) -> bytes:
    """The progress report of a client's course as PDF bytes.

    Args:
        client: the stored client (``name``, optionally ``birth_date`` and ``language``).
        visits: the client's visits (any order; they are put in date order).
        language: the report's language; the client's own when None.
    """
    _check_paper(paper)
    _prepare_reportlab()
    from planner.core.progress import course_series, in_date_order
    from planner.export.charts import short_date
    from planner.export.layout import PageInfo, PlannerDoc, make_styles
    from planner.export.progress_report import progress_story

    visits = in_date_order(visits)
    series = course_series(visits)
    styles = make_styles(LARGE_PRINT_SIZE if large_print else _BODY_SIZE)
    if large_print:  # nothing smaller than the body for a reader who needs large print
        styles = dataclasses.replace(styles, small=styles.body)
    name = str(client.get("name", ""))
    latest = visits[-1] if visits else None
    texts = [name] + [v.title for v in visits] + [v.assessment for v in visits[-1:]]
    texts += [latest.therapist, latest.clinic] if latest else []
    code = _language(language or client.get("language"))
    with speaking(code), _fonts_for(texts, "progress report") as missing:
        info = PageInfo(
            document=_("Progress report"),
            clinic=latest.clinic if latest else "",
            therapist=latest.therapist if latest else "",
            client=name,
            date=short_date(latest.date) if latest else "",
            large=large_print,
        )
        doc = PlannerDoc(
            io.BytesIO(),
            info,
            paper=paper,
            title=_("Progress report for {name}").format(name=name),
            author=(latest.clinic or latest.therapist) if latest else "Massage session planner",
            subject=_("Course of care: measures over the visits"),
            invariant=invariant,
        )
        data = doc.render(progress_story(client, visits, series, styles, doc.width, large_print))
    _warn_missing(missing, "progress report")
    return data


def build_intake_form(
    intake: Intake,
    *,
    large_print: bool = False,
    paper: str = "letter",
    invariant: bool = False,
    language: str | None = None,
) -> bytes:
    """The intake and consent form as PDF bytes, in ``language`` (the client's when None)."""
    _check_paper(paper)
    _prepare_reportlab()
    from planner.export.intake_form import intake_story
    from planner.export.layout import PageInfo, PlannerDoc, make_styles

    styles = make_styles(LARGE_PRINT_SIZE if large_print else _BODY_SIZE)
    if large_print:
        styles = dataclasses.replace(styles, small=styles.body)
    texts = [intake.name, intake.contact, intake.notes, intake.therapist, intake.clinic]
    texts += [a.note for a in intake.avoid] + [t.name for t in intake.techniques]
    texts += [t.description for t in intake.techniques]
    with (
        speaking(_language(language or intake.language)),
        _fonts_for(texts, "intake form") as missing,
    ):
        info = PageInfo(
            document=_("Intake and consent"),
            clinic=intake.clinic,
            therapist=intake.therapist,
            client=intake.name,
            date="",
            large=large_print,
        )
        doc = PlannerDoc(
            io.BytesIO(),
            info,
            paper=paper,
            title=_("Intake and consent form for {name}").format(name=intake.name),
            author=intake.clinic or intake.therapist or "Massage session planner",
            subject=_("Client intake and consent"),
            invariant=invariant,
        )
        data = doc.render(intake_story(intake, styles, doc.width))
    _warn_missing(missing, "intake form")
    return data
