"""The two documents as PDF: the therapist's protocol and the client's home-care sheet.

This package is the only one that imports reportlab, and it does so only when a
document is built: importing :mod:`planner.export` itself is cheap, so that the
command line and the window can name these functions without paying for
reportlab at start-up.

Both builders return the finished PDF as bytes; :func:`write_pdf` puts them on
disk atomically. Build everything first, then write, so that a failure leaves
no half-written or half-updated output behind.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from planner.export.errors import ExportError, MissingGlyphsWarning

if TYPE_CHECKING:
    from planner.core.library import Library
    from planner.core.plan import SessionPlan
    from planner.export.layout import PageInfo

__all__ = [
    "PAPER_SIZES",
    "ExportError",
    "MissingGlyphsWarning",
    "build_home_care",
    "build_protocol",
    "output_target",
    "write_pdf",
    "write_pdfs",
]

PAPER_SIZES: tuple[str, ...] = ("letter", "a4")
LARGE_PRINT_SIZE = 16
_BODY_SIZE = {"protocol": 9.5, "home-care": 12}


def _prepare_reportlab() -> None:
    """Process-wide reportlab switches, set before its graphics module is first imported.

    Only planner.export uses reportlab, so they are ours to set. Streams stay
    binary (Flate only): the ASCII85 pass reportlab adds by default makes files
    larger and, without its optional C accelerator, slow. Attribute checking of
    graphics shapes is a debugging aid that costs about a tenth of a build.
    """
    from reportlab import rl_config

    rl_config.useA85 = 0
    rl_config.shapeChecking = 0


def _check_paper(paper: str) -> None:
    if paper not in PAPER_SIZES:
        raise ExportError(f"unknown paper size {paper!r} (use 'letter' or 'a4')")


def _names(plan: SessionPlan) -> tuple[str, str]:
    """(author, client) for metadata and the running header."""
    author = plan.therapist.clinic or plan.therapist.name or "Massage session planner"
    return author, plan.client.name


def build_protocol(
    plan: SessionPlan,
    library: Library | None = None,
    *,
    paper: str = "letter",
    invariant: bool = False,
    daily_minutes: float | None = None,
) -> bytes:
    """The therapist's protocol as PDF bytes.

    ``daily_minutes`` is the therapist's limit for home care a day (30 when None):
    the protocol lists the same routine as the client's sheet.

    Args:
        plan: the session plan; its own techniques and exercises are honoured.
        library: built-in plus the user's own techniques (built-in only when None).
        paper: ``"letter"`` or ``"a4"``.
        invariant: reproducible bytes (fixed dates and ids), for tests.
    """
    _check_paper(paper)
    _prepare_reportlab()
    from planner.export.common import full_library, long_date
    from planner.export.layout import PlannerDoc, make_styles
    from planner.export.protocol import protocol_story

    library = full_library(plan, library)
    styles = make_styles(_BODY_SIZE["protocol"])
    author, client = _names(plan)
    with _noting_missing(plan, library, "protocol"):
        info = _page_info("Session protocol", plan, large=False)
        buffer = io.BytesIO()
        doc = PlannerDoc(
            buffer,
            info,
            paper=paper,
            title=f"Session protocol: {plan.title or 'session plan'}"
            + (f" for {client}" if client else ""),
            author=author,
            subject=f"Massage session protocol, {long_date(plan.date)}",
            invariant=invariant,
        )
        return doc.render(protocol_story(plan, library, styles, doc.width, daily_minutes))


def build_home_care(
    plan: SessionPlan,
    library: Library | None = None,
    *,
    large_print: bool = False,
    paper: str = "letter",
    invariant: bool = False,
    daily_minutes: float | None = None,
    emergency_number: str | None = None,
    language: str | None = None,
) -> bytes:
    """The client's home-care sheet as PDF bytes.

    Args:
        plan: the session plan; its own exercises are honoured.
        library: built-in plus the user's own exercises (built-in only when None).
        large_print: every text 16 pt or more (header and footer 14 pt).
        paper: ``"letter"`` or ``"a4"``.
        invariant: reproducible bytes (fixed dates and ids), for tests.
        daily_minutes: the therapist's daily budget for a proposed routine (30 when None).
        emergency_number: the number to call now (from the system's locale when None).
        language: the sheet's language (a code of :func:`planner.core.i18n.available`);
            the client's own (``plan.client.language``) when None.
    """
    _check_paper(paper)
    _prepare_reportlab()
    from planner.core.i18n import _, speaking
    from planner.export.common import full_library, long_date
    from planner.export.homecare_sheet import client_sheet_text, render_sheet
    from planner.export.layout import PlannerDoc, make_styles

    library = full_library(plan, library)
    size = LARGE_PRINT_SIZE if large_print else _BODY_SIZE["home-care"]
    styles = make_styles(size, for_client=True)
    author, client = _names(plan)
    with (
        speaking(document_language(plan, language)),
        _noting_missing(plan, library, "home-care sheet"),
    ):
        info = _page_info(_("Home-care sheet"), plan, large=large_print, for_client=True)
        title = _("Home-care sheet for {name}").format(name=client) if client else ""
        subject = _("Home-care exercises after the session of {date}")

        def make_doc() -> PlannerDoc:
            return PlannerDoc(
                io.BytesIO(),
                info,
                paper=paper,
                title=title or _("Home-care sheet"),
                author=author,
                subject=subject.format(date=long_date(plan.date)),
                invariant=invariant,
            )

        text = client_sheet_text(
            plan, library, daily_minutes=daily_minutes, emergency_number=emergency_number
        )
        return render_sheet(make_doc, text, styles, large_print)


def document_language(plan: SessionPlan, language: str | None) -> str:
    """The language a client's paper is in: ``language`` when given, else the client's.

    Raises:
        ExportError: a code the planner has no catalog for (the message names those it has).
    """
    from planner.core.i18n import UnknownLanguageError, check_language

    try:
        return check_language(language or plan.client.language)
    except UnknownLanguageError as error:
        raise ExportError(str(error)) from None


@contextlib.contextmanager
def _noting_missing(plan: SessionPlan, library: Library, document: str) -> Iterator[None]:
    """Fonts made ready for the plan's text; one warning for characters no font has."""
    from planner.export import fonts

    fonts.prepare(fonts.strings_in(plan, library.techniques, library.exercises))
    with fonts.noting_missing() as missing:
        yield
    _warn_missing(missing, document, stacklevel=4)


def _warn_missing(missing: set[str], document: str, stacklevel: int = 3) -> None:
    """One warning naming the characters of ``document`` that no font has, if any."""
    from planner.export import fonts

    if missing:
        warnings.warn(
            MissingGlyphsWarning(
                f"the {document} shows {fonts.replacement_mark()} for characters no font"
                f" on this system has: {fonts.describe_missing(missing)}"
            ),
            stacklevel=stacklevel,
        )


def _page_info(
    document: str, plan: SessionPlan, *, large: bool, for_client: bool = False
) -> PageInfo:
    from planner.export.common import long_date
    from planner.export.fonts import one_line
    from planner.export.layout import PageInfo

    return PageInfo(
        document=document,
        clinic=one_line(plan.therapist.clinic),
        therapist=one_line(plan.therapist.name),
        client=one_line(plan.client.name),
        date=long_date(plan.date),
        large=large,
        for_client=for_client,
    )


def output_target(path: str | os.PathLike[str]) -> str:
    """The file a document for ``path`` is written to, or :class:`ExportError` saying why not.

    A symbolic link to a regular file is followed on purpose: the file it points
    to gets the document and the link stays. A FIFO, a device, a socket, a
    folder or a link to nothing is refused: a document only ever goes into a
    regular file.
    """
    target = os.fspath(path)
    if os.path.islink(target):
        if not os.path.exists(target):
            raise ExportError(f"{target}: is a symbolic link to nothing")
        target = os.path.realpath(target)
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.exists(folder):
        raise ExportError(f"{target}: the folder {folder} does not exist")
    if not os.path.isdir(folder):
        raise ExportError(f"{target}: {folder} is not a folder")
    if os.path.isdir(target):
        raise ExportError(f"{target}: is a folder, not a file")
    if os.path.exists(target) and not os.path.isfile(target):
        raise ExportError(f"{target}: is not a regular file (a FIFO or a device?)")
    return target


def write_pdfs(documents: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write every document or none: a full disk on the last leaves the first unwritten too.

    Raises:
        ExportError: a folder is missing or not writable, a target is no regular
            file, or the disk is full; no output is changed then.
    """
    from planner.core.atomicfile import write_all_atomic

    targets: list[tuple[str | os.PathLike[str], bytes]] = [
        (output_target(path), data) for path, data in documents
    ]
    try:
        write_all_atomic(targets)
    except OSError as error:
        reason = error.strerror or str(error)
        place = os.fsdecode(error.filename) if error.filename else os.fsdecode(targets[0][0])
        raise ExportError(f"{place}: cannot write: {reason}") from None


def write_pdf(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: the old file stays untouched on failure.

    Raises:
        ExportError: the folder is missing or not writable, or the disk is full.
    """
    write_pdfs([(path, data)])
