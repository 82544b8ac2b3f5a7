"""Every text of the client's papers, as the catalogs must translate it.

Three kinds of source, gathered into one Babel catalog (the template, ``client.pot``):

- the code: calls of ``_``, ``N_``, ``ngettext`` and ``pgettext`` with literal text in
  ``planner/`` (the rulebook's own modules are left out: their texts are the
  therapist's; its red flags come in as data);
- data: each built-in exercise's title, steps and cautions, each built-in
  technique's name and first sentence (the intake form shows them), each red
  flag's plain words, and each place on the body (``places.every_place``).

:func:`problems` lists what a shipped language lacks; the test suite runs it for
every language. ``python -m planner.core.i18n.source`` writes the template and brings
every ``.po`` up to date with it (new texts empty, changed ones fuzzy), which a
translator then opens in Poedit or any gettext tool.
"""

from __future__ import annotations

import datetime
import io
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from planner.core.i18n import DOMAIN, available, locale_dir

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
COMMENT_TAGS = ("Translators:",)
PLANNER = Path(__file__).resolve().parents[2]
# The rulebook's messages are the therapist's; what of it the client reads comes as data.
LEFT_OUT = ("core/rules/", "core/i18n/source.py")


def _code_messages(catalog: Catalog) -> None:
    for path in sorted(PLANNER.rglob("*.py")):
        relative = path.relative_to(PLANNER).as_posix()
        if relative.startswith(LEFT_OUT):
            continue
        found = extract_from_file(
            "python",
            str(path),
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )
        for line, message, comments, context in found:
            catalog.add(
                message,
                locations=[(f"planner/{relative}", line)],
                auto_comments=comments,
                context=context,
                flags=("python-brace-format",) if _fields(message) else (),
            )


def _data_messages(catalog: Catalog) -> None:
    from planner.core.i18n.places import PLACE_CONTEXT, every_place
    from planner.core.intake import first_sentence
    from planner.core.library import builtin_library
    from planner.core.rules.redflags import RED_FLAGS

    library = builtin_library()
    for exercise in library.exercises.values():
        where = f"exercise {exercise.id}"
        catalog.add(exercise.title, auto_comments=[f"{where}: title"])
        for number, step in enumerate(exercise.steps, start=1):
            catalog.add(step, auto_comments=[f"{where}: step {number}"])
        for caution in exercise.cautions:
            catalog.add(caution, auto_comments=[f"{where}: take care"])
    for technique in library.techniques.values():
        where = f"technique {technique.id}"
        catalog.add(technique.name, auto_comments=[f"{where}: name (on the intake form)"])
        first = first_sentence(technique.description)
        catalog.add(first, auto_comments=[f"{where}: how it is done (on the intake form)"])
    for flag in RED_FLAGS:
        catalog.add(
            flag.plain, auto_comments=[f"red flag {flag.id} ({flag.urgency}), client's words"]
        )
    for phrase in every_place():
        catalog.add(phrase, context=PLACE_CONTEXT, auto_comments=["a place on the client's body"])


def source_catalog() -> Catalog:
    """The template: every text the client's papers can show, in English."""
    catalog = Catalog(
        domain=DOMAIN,
        project="Massage Session Planner",
        version="",
        msgid_bugs_address="the planner's developers",
        # A fixed date: rewriting an unchanged template changes nothing.
        creation_date=datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC),
        charset="utf-8",
    )
    _code_messages(catalog)
    _data_messages(catalog)
    return catalog


def _texts(value: object) -> tuple[str, ...]:
    """A message's text or texts (a plural has one per form), as a tuple."""
    if isinstance(value, (tuple, list)):
        return tuple(str(text or "") for text in value)
    return (str(value or ""),)


def _fields(message: str | tuple[str, ...]) -> set[str]:
    """The ``{placeholders}`` of a text (of each form of a plural, together)."""
    texts = message if isinstance(message, tuple) else (message,)
    names: set[str] = set()
    for text in texts:
        try:
            names |= {
                field for _, field, _, _ in string.Formatter().parse(text) if field is not None
            }
        except ValueError:
            names.add("<unbalanced braces>")
    return names


def read_catalog(code: str) -> Catalog:
    path = locale_dir() / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as file:
        return read_po(file, locale=code)


def _label(message: Message) -> str:
    text = message.id[0] if isinstance(message.id, tuple) else message.id
    where = f" [{message.context}]" if message.context else ""
    return f"{text!r}{where}"


def problems(
    code: str, template: Catalog | None = None, translated: Catalog | None = None
) -> list[str]:
    """What the ``code`` catalog lacks: one line per text, naming it and what is wrong.

    Args:
        code: a shipped language.
        template: the texts to have (:func:`source_catalog` when None).
        translated: the language's catalog (its ``.po`` file when None).
    """
    template = template or source_catalog()
    translated = translated or read_catalog(code)
    found = []
    for message in template:
        if not message.id:
            continue
        entry = translated.get(message.id, message.context)
        problem = _problem(message, entry, translated.num_plurals)
        if problem:
            found.append(f"{code}: {_label(message)}: {problem}")
    return found


def _problem(message: Message, entry: Message | None, plurals: int) -> str:
    if entry is None:
        return "missing"
    if entry.fuzzy:
        return "fuzzy (the English changed; check the translation)"
    strings = _texts(entry.string)
    if isinstance(message.id, (tuple, list)) and len(strings) != plurals:
        return f"{len(strings)} plural forms where the language has {plurals}"
    if any(not text.strip() for text in strings):
        return "empty"
    wanted = _fields(_texts(message.id))
    for text in strings:
        if _fields(text) != wanted:
            return f"placeholders {sorted(_fields(text))} where the English has {sorted(wanted)}"
    return ""


def update_catalogs(languages: Iterable[str] | None = None) -> list[Path]:
    """Write the template and bring each language's ``.po`` up to date with it."""
    template = source_catalog()
    folder = locale_dir()
    written = [folder / f"{DOMAIN}.pot"]
    _write(written[0], template)
    for code in languages or available()[1:]:
        path = folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = read_catalog(code)
        catalog.update(template, update_header_comment=False)
        _write(path, catalog)
        written.append(path)
    return written


def _write(path: Path, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


if __name__ == "__main__":
    for written_path in update_catalogs(sys.argv[1:] or None):
        print(f"wrote {written_path}")
