"""Any script in the documents: system fonts for what DejaVu lacks, a warning where none has it."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterator

import pytest
from export_samples import make_plan
from pdf_readback import flat_text, reader, unembedded_fonts

from planner.core.plan import SessionPlan, Therapist
from planner.export import MissingGlyphsWarning, build_home_care, build_protocol, fallback, fonts

# A name per script, as a real client's or therapist's name would come.
SAMPLES = {
    "Chinese": "王小明",
    "Japanese": "田中さくら",
    "Korean": "김민수",
    "Devanagari": "अनीता शर्मा",
    "emoji": "🙂👍",
}
_PACKAGES = "fonts-noto-cjk, fonts-lohit-deva and fonts-symbola (see .ci/run)"


def _needs_fonts_for(text: str) -> None:
    """Skip, naming the characters, where this system truly has no font for them."""
    lacking = [
        char
        for char in text
        if not char.isspace()
        and ord(char) not in fonts.register_fonts()
        and fallback.face_for(ord(char), fallback.language_hint(text)) is None
    ]
    if lacking:
        pytest.skip(f"no font on this system has {''.join(lacking)!r}; install {_PACKAGES}")


def _with_name(name: str) -> SessionPlan:
    plan = make_plan()
    plan.client = dataclasses.replace(plan.client, name=name, notes=f"Notes for {name}.")
    plan.therapist = Therapist(name=f"{name} (therapist)", clinic=f"Clinic {name}")
    plan.title = f"Plan for {name}"
    return plan


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As on a machine where fontconfig lists no font beyond our own DejaVu."""
    monkeypatch.setattr(fallback, "system_faces", lambda: ())
    fallback.face_for.cache_clear()
    fonts._runs.cache_clear()
    yield
    fallback.face_for.cache_clear()
    fonts._runs.cache_clear()


@pytest.mark.parametrize("script", SAMPLES)
@pytest.mark.parametrize("build", [build_protocol, build_home_care])
def test_names_in_any_script_print_and_copy_out(script: str, build) -> None:
    name = SAMPLES[script]
    _needs_fonts_for(name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        data = build(_with_name(name))
    text = flat_text(data)
    assert f"For {name}" in text or f"Notes for {name}." in text
    assert "\ufffd" not in text
    assert unembedded_fonts(data) == []


def test_a_bold_heading_takes_the_bold_face_of_the_lent_font() -> None:
    _needs_fonts_for("王小明")
    face = fallback.face_for(ord("王"), "SC")
    assert face is not None
    if fallback.bold_of(face) == face:
        pytest.skip(f"{face.family} has no bold face on this system")
    regular, bold = fonts.markup("王小明"), fonts.markup("王小明", bold=True)
    assert regular != bold and "<font name=" in bold


def test_characters_beyond_the_basic_plane_copy_out_of_the_pdf() -> None:
    # DejaVu has 😀; reportlab's own text mapping wrote it as <1F600>, which no reader takes.
    plan = _with_name("Ana 😀")
    assert "Notes for Ana 😀." in flat_text(build_protocol(plan))


def test_a_character_no_font_has_is_named_in_one_warning(no_system_fonts: None) -> None:
    plan = _with_name("Mai 中文 Lan")
    with pytest.warns(MissingGlyphsWarning) as caught:
        data = build_protocol(plan)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "中 (U+4E2D)" in message and "文 (U+6587)" in message and "\n" not in message
    mark = fonts.replacement_mark()
    assert f"Notes for Mai {mark}{mark} Lan." in flat_text(data)


def test_text_the_fonts_have_raises_no_warning(no_system_fonts: None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        build_home_care(_with_name("Ελληνικά Русский Tiếng Việt"))


def test_the_warning_names_at_most_eight_characters() -> None:
    line = fonts.describe_missing("一二三四五六七八九十")
    assert line.count("(U+") == 8 and line.endswith("and 2 more")


def test_controls_are_no_text_and_give_no_warning(no_system_fonts: None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        data = build_protocol(_with_name("Bea\x1b[2K\x07"))
    assert "\x1b" not in flat_text(data)


def test_fc_list_output_is_read_for_upright_outline_faces() -> None:
    output = "\n".join(
        [
            "/f/Sans.ttf\t0\tTrueType\tSans X\t80\t0\tFalse\t20-7e 4e00-4e2d",
            "/f/Sans-Italic.ttf\t0\tTrueType\tSans X\t80\t100\tFalse\t4e00",
            "/f/Emoji.ttf\t0\tTrueType\tColour Emoji\t80\t0\tTrue\t1f600",
            "/f/Old.pfb\t0\tType 1\tOld\t80\t0\tFalse\t41",
            "/f/CJK.ttc\t2\tCFF\tSans CJK SC\t200\t0\tFalse\t4e00-9fff",
            "garbage line",
        ]
    )
    faces = fallback.parse_fc_list(output)
    assert [(face.file, face.index, face.cff) for face in faces] == [
        ("/f/Sans.ttf", 0, False),
        ("/f/CJK.ttc", 2, True),
    ]
    sans, cjk = faces
    assert sans.covers(0x4E2D) and not sans.covers(0x4E2E) and cjk.covers(0x9FFF)
    # Sans X has two ideographs of the page; the CJK face has all of it.
    assert sans.coverage_near(0x4E10) == 46 and cjk.coverage_near(0x4E10) == 256


def test_a_font_made_for_the_script_wins_over_a_stray_glyph() -> None:
    face = fallback.face_for(ord("中"), "SC")
    if face is None:
        pytest.skip(f"no font on this system has 中; install {_PACKAGES}")
    assert face.coverage_near(ord("中")) > 200


def test_language_hint() -> None:
    assert fallback.language_hint("田中さくら") == "JP"
    assert fallback.language_hint("김민수") == "KR"
    assert fallback.language_hint("王小明") == "SC"


def test_converted_fonts_are_embedded_and_named_apart() -> None:
    _needs_fonts_for("王小明田中")
    data = build_protocol(_with_name("王小明"))
    other = build_protocol(_with_name("田中"))
    names = {font["/BaseFont"] for font in _fonts(data)} | {
        font["/BaseFont"] for font in _fonts(other)
    }
    assert unembedded_fonts(data) == [] and unembedded_fonts(other) == []
    assert "田中" in flat_text(other) and len(names) >= 3


def _fonts(data: bytes) -> list:
    found = []
    for page in reader(data).pages:
        for ref in page["/Resources"]["/Font"].values():
            found.append(ref.get_object())
    return found


def test_planner_export_says_which_characters_no_font_has(
    no_system_fonts: None, tmp_path, capsys
) -> None:
    import json

    from export_samples import plan_json

    from planner.cli import main

    data = plan_json()
    data["client"]["name"] = "Mai 中文"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(data), encoding="utf-8")
    status = main(["export", str(plan), "--protocol", str(tmp_path / "p.pdf")])
    out, err = capsys.readouterr()
    assert status == 0 and (tmp_path / "p.pdf").exists()
    assert err.count("\n") == 1 and err.startswith("planner export: warning: ")
    assert "中 (U+4E2D)" in err and "文 (U+6587)" in err
