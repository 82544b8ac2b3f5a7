"""The client's papers in the client's language.

What a client reads (the home-care sheet, the progress report, the intake form) is
written in English in the source and marked for translation: :func:`N_` where a
text is defined (a constant, a table), :func:`_`, :func:`ngettext` and
:func:`pgettext` where it is used. The catalogs are gettext ``.po`` files under
``resources/locale/<code>/LC_MESSAGES/client.po`` (Babel extracts and compiles
them; ``docs/translating.md`` says how to add a language).

A document is built in one language: :func:`speaking` sets it for the duration of
the build, and every ``_()`` inside answers in it. Outside (the protocol, the
window, the command line) the texts stay in the therapist's language, English.
Dates and numbers are formatted by Babel for that language.

Importing this package is cheap: Babel is imported only when a catalog or a date
is first needed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where needed: planner check starts without them
    import datetime
    import gettext
    from pathlib import Path

SOURCE_LANGUAGE = "en"
DOMAIN = "client"

__all__ = [
    "DOMAIN",
    "SOURCE_LANGUAGE",
    "Translator",
    "UnknownLanguageError",
    "N_",
    "_",
    "available",
    "check_language",
    "current",
    "language_name",
    "ngettext",
    "pgettext",
    "speaking",
    "translator",
]


class UnknownLanguageError(ValueError):
    """A language code the planner has no catalog for; the message names the known ones."""


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Marks a text for translation where it is defined; returns it unchanged."""
    return message


def locale_dir() -> Path:
    """``resources/locale``: one folder per language, each with ``LC_MESSAGES/client.po``."""
    from planner._resources import resources_dir

    return resources_dir() / "locale"


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The language codes the client's papers can be in: English first, then by code."""
    folder = locale_dir()
    shipped = (
        sorted(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        if folder.is_dir()
        else []
    )
    return (SOURCE_LANGUAGE, *(code for code in shipped if code != SOURCE_LANGUAGE))


# The shipped languages' own names, as Babel gives them (tests/core/test_i18n.py checks
# that they agree): the window's client panel names them on its first screen, and Babel's
# locale data takes some 20 ms to load. Any other code is asked of Babel.
OWN_NAMES = {"en": "English", "es": "Español"}


@cache
def language_name(code: str) -> str:
    """The language's own name for itself: "English", "Español"."""
    return OWN_NAMES.get(code) or babel_language_name(code)


def babel_language_name(code: str) -> str:
    """The language's own name for itself as Babel (CLDR) gives it, capitalised."""
    from babel import Locale

    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def known_languages_text() -> str:
    """ "en (English), es (Español)": what an error about a language code lists."""
    return ", ".join(f"{code} ({language_name(code)})" for code in available())


def check_language(code: object) -> str:
    """``code`` as the planner spells it ("es"), or :class:`UnknownLanguageError`."""
    text = code.strip().replace("_", "-").lower() if isinstance(code, str) else ""
    if text in available():
        return text
    shown = repr(code) if isinstance(code, str) else "not text"
    raise UnknownLanguageError(
        f"unknown language {shown}: the planner has {known_languages_text()}"
    )


class Translator:
    """One language's texts, plurals, dates and numbers."""

    __slots__ = ("catalog", "code")

    def __init__(self, code: str, catalog: gettext.NullTranslations) -> None:
        self.code = code
        self.catalog = catalog

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.catalog.pgettext(context, message) if message else message

    def long_date(self, date: datetime.date) -> str:
        """ "30 November 2026", "30 de noviembre de 2026"."""
        from babel.dates import format_date

        # Translators: a Babel (CLDR) date pattern; keep the letters d, MMMM and y.
        pattern = self.pgettext("date pattern", "d MMMM y")
        return format_date(date, pattern, locale=self.code)

    def short_date(self, date: datetime.date) -> str:
        """ "30 Nov 2026", "30 nov 2026"."""
        from babel.dates import format_date

        # Translators: a Babel (CLDR) date pattern for tables; keep d, MMM and y.
        pattern = self.pgettext("short date pattern", "d MMM y")
        return format_date(date, pattern, locale=self.code)

    def number(self, value: float) -> str:
        """A number as this language writes it: 2.5, 2,5; never 5.0."""
        from babel.numbers import format_decimal

        return format_decimal(value, format="0.###", locale=self.code)

    def plural_count(self, value: float) -> int:
        """The count a plural form is chosen by: the value itself when whole, else 2
        (gettext's plurals count whole things; "2.5 minutes" takes the many form)."""
        return int(value) if float(value).is_integer() else 2

    def minutes(self, value: float) -> str:
        """ "1 minute", "2.5 minutes", "1 minuto", "2,5 minutos"."""
        text = self.ngettext("{n} minute", "{n} minutes", self.plural_count(value))
        return text.format(n=self.number(value))


@cache
def translator(code: str) -> Translator:
    """The translator for a known language code (see :func:`check_language`)."""
    code = check_language(code)
    if code == SOURCE_LANGUAGE:
        import gettext

        return Translator(code, gettext.NullTranslations())
    from planner.core.i18n.compiled import load_catalog

    return Translator(code, load_catalog(locale_dir(), code, DOMAIN))


_current: ContextVar[Translator | None] = ContextVar("client_language", default=None)


def current() -> Translator:
    """The language of the document being built (English outside :func:`speaking`)."""
    return _current.get() or translator(SOURCE_LANGUAGE)


@contextlib.contextmanager
def speaking(code: str) -> Iterator[Translator]:
    """Build a document in ``code``: every ``_()`` inside answers in that language."""
    token = _current.set(translator(code))
    try:
        yield current()
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the language of the document being built."""
    return current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or a plural form, as the document's language counts ``n``."""
    return current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the document's language, told apart from the same words elsewhere."""
    return current().pgettext(context, message)
