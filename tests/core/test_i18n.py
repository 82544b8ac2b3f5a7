"""The client's papers in the client's language: catalogs, the translator, dates and plurals."""

from __future__ import annotations

import datetime
import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from planner.core import i18n
from planner.core.i18n import compiled, source
from planner.core.i18n.places import every_place, place


@pytest.fixture(scope="module")
def template() -> Catalog:
    return source.source_catalog()


def test_every_shipped_language_has_every_text(template: Catalog) -> None:
    """Missing, empty, fuzzy or with other placeholders: each text is named."""
    assert len(i18n.available()) > 1
    found = [line for code in i18n.available()[1:] for line in source.problems(code, template)]
    assert not found, "\n".join(found)


def test_the_template_for_translators_is_up_to_date(template: Catalog) -> None:
    """resources/locale/client.pot holds what the code has (python -m planner.core.i18n.source)."""
    with (i18n.locale_dir() / "client.pot").open("rb") as file:
        written = read_po(file)
    wanted = {(m.id, m.context) for m in template if m.id}
    assert {(m.id, m.context) for m in written if m.id} == wanted


def _catalog(entries: list[tuple[object, object, str | None, bool]]) -> Catalog:
    catalog = Catalog(locale="es")
    for msgid, msgstr, context, fuzzy in entries:
        catalog.add(msgid, msgstr, context=context, flags=("fuzzy",) if fuzzy else ())
    return catalog


def test_problems_name_each_text_and_what_is_wrong() -> None:
    template = _catalog(
        [
            ("Left alone", "", None, False),
            ("Empty", "", None, False),
            ("Fuzzy", "", None, False),
            ("{n} of {total}", "", None, False),
            ("your left heel", "", "place", False),
            (("{n} minute", "{n} minutes"), ("", ""), None, False),
        ]
    )
    translated = _catalog(
        [
            ("Empty", "  ", None, False),
            ("Fuzzy", "Borroso", None, True),
            ("{n} of {total}", "{n} de {todos}", None, False),
            ("your left heel", "su talón izquierdo", None, False),  # no context: not it
            (("{n} minute", "{n} minutes"), ("{n} minuto", "", "{n} minutos"), None, False),
        ]
    )
    assert translated.num_plurals == 3  # Babel's Spanish has CLDR's three forms
    found = source.problems("es", template, translated)
    assert found == [
        "es: 'Left alone': missing",
        "es: 'Empty': empty",
        "es: 'Fuzzy': fuzzy (the English changed; check the translation)",
        "es: '{n} of {total}': placeholders ['n', 'todos'] where the English has ['n', 'total']",
        "es: 'your left heel' [place]: missing",
        "es: '{n} minute': empty",
    ]


def test_placeholders_in_another_order_are_fine() -> None:
    template = _catalog([("{first} to {last}", "", None, False)])
    translated = _catalog([("{first} to {last}", "hasta {last} desde {first}", None, False)])
    assert source.problems("es", template, translated) == []


def test_a_plural_needs_every_form_of_the_language() -> None:
    template = _catalog([(("{n} day", "{n} days"), ("", ""), None, False)])
    translated = _catalog([(("{n} day", "{n} days"), ("{n} día",), None, False)])
    assert source.problems("es", template, translated) == [
        f"es: '{{n}} day': 1 plural forms where the language has {translated.num_plurals}"
    ]


def test_english_is_the_source_and_spanish_is_shipped() -> None:
    assert i18n.available()[0] == "en"
    assert "es" in i18n.available()
    assert i18n.language_name("es") == "Español"
    assert i18n.language_name("en") == "English"


@pytest.mark.parametrize("given", ["es", "ES", " es ", "Es"])
def test_a_code_is_read_as_the_planner_spells_it(given: str) -> None:
    assert i18n.check_language(given) == "es"


@pytest.mark.parametrize("given", ["fr", "", "spanish", 7, None])
def test_an_unknown_code_names_the_known_ones(given: object) -> None:
    with pytest.raises(i18n.UnknownLanguageError) as caught:
        i18n.check_language(given)
    assert "the planner has en (English), es (Español)" in str(caught.value)


def test_dates_numbers_and_minutes_in_each_language() -> None:
    day = datetime.date(2026, 11, 30)
    english, spanish = i18n.translator("en"), i18n.translator("es")
    assert english.long_date(day) == "30 November 2026"
    assert spanish.long_date(day) == "30 de noviembre de 2026"
    assert english.short_date(day) == "30 Nov 2026"
    assert spanish.short_date(day) == "30 nov 2026"
    assert [english.minutes(v) for v in (1, 2.5, 5)] == ["1 minute", "2.5 minutes", "5 minutes"]
    assert [spanish.minutes(v) for v in (1, 2.5, 5)] == ["1 minuto", "2,5 minutos", "5 minutos"]
    assert english.number(5.0) == "5" and english.number(1440) == "1440"


def test_speaking_sets_the_language_of_one_build_only() -> None:
    assert i18n._("your left") == "your left"
    with i18n.speaking("es") as spanish:
        assert spanish.code == "es"
        assert i18n._("your left") == "su izquierda"
        assert place("heel", "left") == "su talón izquierdo"
        assert place("knee", "both") == "ambas rodillas"
        with i18n.speaking("en"):
            assert i18n._("your left") == "your left"
        assert i18n._("your left") == "su izquierda"
    assert i18n._("your left") == "your left"
    assert place("heel", "left") == "your left heel"


def test_every_place_is_one_phrase_per_region_and_side() -> None:
    places = every_place()
    assert len(places) == len(set(places))
    assert "your left heel" in places and "both feet" in places and "your neck" in places


def test_a_catalog_is_compiled_once_into_the_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV_VAR, str(tmp_path / "cache"))
    folder = tmp_path / "locale"
    po = folder / "es" / "LC_MESSAGES" / "client.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgid "Yes"\nmsgstr "Sí"\n')
    assert compiled.load_catalog(folder, "es", "client").gettext("Yes") == "Sí"
    cached = list((tmp_path / "cache" / "locale").glob("es-client-*.mo"))
    assert len(cached) == 1
    cached[0].write_bytes(compiled.compile_po(po.read_bytes().replace(b"S\xc3\xad", b"Si"), "es"))
    assert compiled.load_catalog(folder, "es", "client").gettext("Yes") == "Si"  # read, not made
    po.write_text(po.read_text().replace("Sí", "Sí, claro"))
    assert compiled.load_catalog(folder, "es", "client").gettext("Yes") == "Sí, claro"
    assert len(list((tmp_path / "cache" / "locale").glob("es-client-*.mo"))) == 2


def test_a_cache_that_cannot_be_written_still_gives_the_catalog(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv(compiled.CACHE_ENV_VAR, str(blocker))
    catalog = compiled.load_catalog(i18n.locale_dir(), "es", "client")
    assert catalog.gettext("your left") == "su izquierda"


def test_fuzzy_entries_are_left_out_of_the_compiled_catalog() -> None:
    po = b'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n#, fuzzy\nmsgid "Yes"\nmsgstr "Si"\n'
    mo = compiled.compile_po(po, "es")
    import gettext

    assert gettext.GNUTranslations(io.BytesIO(mo)).gettext("Yes") == "Yes"


def test_the_languages_own_names_kept_for_the_window_are_babels():
    # Kept so that the window names them without loading Babel; they must not drift.
    for code in {*i18n.OWN_NAMES, *i18n.available()}:
        assert i18n.language_name(code) == i18n.babel_language_name(code), code
    assert i18n.language_name("fr") == "Français"  # not kept: asked of Babel
