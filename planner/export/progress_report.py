"""The progress report: a course of care for the client and their doctor.

Who and when, what got much better or worse, the therapist's summary, one
chart per measure with its values, and the latest visits.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from planner.core.i18n import N_, _, ngettext
from planner.core.i18n.places import place
from planner.core.progress import MEASURES, MUCH_BETTER, WORSE, Series, Visit
from planner.core.vocab import SYMPTOM_KINDS
from planner.export.charts import BAD, GOOD, chart, short_date
from planner.export.common import (
    CachedParagraph,
    details_table,
    gap,
    heading,
    number,
    para,
    rule_line,
)
from planner.export.fonts import BOLD, styled_markup
from planner.export.layout import ACCENT, RULE, Styles, table_base_style

# Values listed under a chart up to this many points; beyond, a summary line.
LISTED_VALUES = 24
LATEST_VISITS = 20
FLAG_WORDS = {MUCH_BETTER: N_("Much better"), WORSE: N_("Worse")}


def _value(value: float) -> str:
    return number(value)


def _label(series: Series) -> str:
    """What the series measures, in the report's language."""
    if series.measure == "symptom" and series.kind and series.region and series.side:
        return _("{symptom}, {place}").format(
            symptom=_(SYMPTOM_KINDS[series.kind]), place=place(series.region, series.side)
        )
    return _(MEASURES[series.measure])


def _change(series: Series) -> str:
    first, latest = series.points[0][1], series.points[-1][1]
    if len(series.points) < 2:
        return _("one value so far: {value}").format(value=_value(first))
    sign = "+" if latest > first else ""
    visits = len(series.points)
    return ngettext(
        "{first} to {latest} ({change}) over {visits} visit",
        "{first} to {latest} ({change}) over {visits} visits",
        visits,
    ).format(
        first=_value(first),
        latest=_value(latest),
        change=sign + _value(latest - first),
        visits=visits,
    )


def _title_block(
    client: dict[str, Any], visits: list[Visit], styles: Styles, width: float
) -> list[Flowable]:
    name = str(client.get("name", ""))
    latest = visits[-1] if visits else None
    rows = [(_("Client"), name or _("not named"))]
    if client.get("birth_date"):
        rows.append((_("Date of birth"), short_date(str(client["birth_date"]))))
    if visits:
        course = ngettext(
            "{first} to {last}, {visits} visit", "{first} to {last}, {visits} visits", len(visits)
        ).format(
            first=short_date(visits[0].date), last=short_date(visits[-1].date), visits=len(visits)
        )
        rows.append((_("Course"), course))
    if latest and latest.therapist:
        rows.append((_("Therapist"), latest.therapist))
    if latest and latest.clinic:
        rows.append((_("Clinic"), latest.clinic))
    return [
        CachedParagraph(_("PROGRESS REPORT"), styles.kicker),
        para(
            _("Course of care: {name}").format(name=name) if name else _("Course of care"),
            styles.title,
        ),
        details_table(rows, styles, width),
        rule_line(),
    ]


def _flags(series: list[Series], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = heading(_("How it is going"), styles, need=60)
    flagged = [one for one in series if one.flag]
    for one in flagged:
        colour = GOOD if one.flag == MUCH_BETTER else BAD
        style = styles.body.clone(f"flag-{one.flag}", textColor=colour, fontName=BOLD)
        text = _("{flag}: {measure}, {change}.").format(
            flag=_(FLAG_WORDS[one.flag or ""]), measure=_label(one), change=_change(one)
        )
        story.append(CachedParagraph(styled_markup(text, style), style))
    if not flagged:
        story.append(
            para(_("No measure has changed by a clinically important amount."), styles.body)
        )
    story.append(
        para(
            _(
                "A measure is marked much better when it fell by at least 2 points and by at "
                "least 30% of its first value, and worse when it rose by as much (the clinically "
                "important difference for 0-10 ratings, Farrar et al., Pain 2001). Gaps are "
                "visits that did not take that measure."
            ),
            styles.small,
        )
    )
    return story


def _summary(visits: list[Visit], styles: Styles) -> list[Flowable]:
    written = [visit for visit in visits if visit.assessment.strip()]
    story: list[Flowable] = heading(_("The therapist's summary"), styles, need=40)
    if not written:
        story.append(para(_("No summary written yet."), styles.body))
        return story
    latest = written[-1]
    story.append(para(latest.assessment, styles.body))
    story.append(
        para(_("From the notes of {date}.").format(date=short_date(latest.date)), styles.small)
    )
    return story


def _values_line(series: Series) -> str:
    points = series.points
    if len(points) <= LISTED_VALUES:
        listed = ", ".join(f"{_value(v)} ({short_date(d)})" for d, v in points)
        return _("Values: {values}.").format(values=listed)
    values = [v for _day, v in points]
    return _(
        "{count} values; first {first} ({first_date}), latest {latest} ({latest_date}), "
        "lowest {lowest}, highest {highest}."
    ).format(
        count=len(points),
        first=_value(values[0]),
        first_date=short_date(points[0][0]),
        latest=_value(values[-1]),
        latest_date=short_date(points[-1][0]),
        lowest=_value(min(values)),
        highest=_value(max(values)),
    )


def _chart_block(series: Series, styles: Styles, width: float, large: bool) -> Flowable:
    colour = {MUCH_BETTER: GOOD, WORSE: BAD}.get(series.flag or "")
    title = _label(series)
    if series.flag:
        title += f": {_(FLAG_WORDS[series.flag]).lower()}"
    title_style = styles.h2.clone(f"chart-{series.flag}", textColor=colour or styles.h2.textColor)
    height = styles.size * (11 if large else 10)
    return KeepTogether(
        [
            CachedParagraph(styled_markup(title, title_style), title_style),
            para(_change(series).capitalize() + ".", styles.body),
            chart(series, width, height, styles.size * (1.18 if large else 1)),
            para(_values_line(series), styles.small),
        ]
    )


def _visits_table(visits: list[Visit], styles: Styles, width: float) -> list[Flowable]:
    shown = visits[-LATEST_VISITS:][::-1]
    story: list[Flowable] = heading(_("Visits"), styles, need=80)
    if len(visits) > len(shown):
        latest = _("The latest {shown} of {visits} visits.")
        story.append(para(latest.format(shown=len(shown), visits=len(visits)), styles.small))
    rows: list[list[Any]] = [
        [
            CachedParagraph(text, styles.head)
            for text in (_("Date"), _("Session"), _("Pain before"), _("Pain after"))
        ]
    ]
    for visit in shown:
        m = visit.measures
        rows.append(
            [
                para(short_date(visit.date), styles.cell),
                para(
                    (visit.title or _("untitled")) + (_(" (signed)") if visit.signed else ""),
                    styles.cell,
                ),
                para("" if m.pain_before is None else f"{m.pain_before}/10", styles.cell),
                para("" if m.pain_after is None else f"{m.pain_after}/10", styles.cell),
            ]
        )
    columns = [width * 0.2, width * 0.44, width * 0.18, width * 0.18]
    table = Table(rows, colWidths=columns, repeatRows=1, hAlign="LEFT")
    commands = table_base_style(styles) + [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ]
    table.setStyle(TableStyle(commands))
    story.append(table)
    return story


def progress_story(
    client: dict[str, Any],
    visits: list[Visit],
    series: list[Series],
    styles: Styles,
    width: float,
    large: bool,
) -> list[Flowable]:
    story = _title_block(client, visits, styles, width)
    if not visits:
        story.append(para(_("No visits are stored for this client yet."), styles.body))
        return story
    story += _flags(series, styles)
    story += _summary(visits, styles)
    story += heading(_("Measures"), styles, need=200)
    if not series:
        story.append(para(_("No measures were taken at these visits."), styles.body))
    for one in series:
        story += [_chart_block(one, styles, width, large), gap(styles.size * 0.6)]
    story += _visits_table(visits, styles, width)
    return story
