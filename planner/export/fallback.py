"""Fonts from the system for the characters DejaVu Sans lacks (CJK, Devanagari, emoji...).

fontconfig lists every font on the system with the characters it has (one
``fc-list`` call, made only when a document first needs a character DejaVu
lacks). For each such character we take the best font that has it: TrueType
before CFF, regular weight, sans before serif, the family whose name matches the
text's language hint (Japanese kana, Korean hangul) first. reportlab embeds
TrueType fonts directly; CFF fonts (Noto Sans CJK is one) are subset to the
characters needed and converted to TrueType outlines with fontTools first.

Fonts drawn as colour bitmaps (Noto Color Emoji) have no outlines for a PDF and
are skipped; Symbola, if installed, has outlines for most emoji.
"""

from __future__ import annotations

import bisect
import itertools
import shutil
import subprocess
import threading
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

_FORMAT = (
    "%{file}\t%{index}\t%{fontformat}\t%{family[0]}\t%{weight}\t%{slant}\t%{color}\t%{charset}\n"
)
_REGULAR_WEIGHT = 80  # fontconfig's scale: 80 regular, 200 bold
_BOLD_WEIGHT = 200
_names = itertools.count(1)
_lock = threading.Lock()


@dataclass(frozen=True)
class Face:
    """One face of one font file as fontconfig describes it."""

    file: str
    index: int
    cff: bool
    family: str
    weight: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, code: int) -> bool:
        position = bisect.bisect_right(self.starts, code) - 1
        return position >= 0 and code <= self.ends[position]

    def coverage_near(self, code: int) -> int:
        """How many of the 256 characters around ``code`` (its Unicode page) the face has.

        A font made for a script has most of its page; a symbol font that has one
        stray ideograph (Symbola has 中) does not, and should not set Chinese text.
        """
        low, high = code & ~0xFF, code | 0xFF
        count = 0
        position = max(bisect.bisect_right(self.starts, low) - 1, 0)
        while position < len(self.starts) and self.starts[position] <= high:
            count += max(0, min(high, self.ends[position]) - max(low, self.starts[position]) + 1)
            position += 1
        return count


def _parse_charset(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    starts: list[int] = []
    ends: list[int] = []
    for part in text.split():
        low, _, high = part.partition("-")
        starts.append(int(low, 16))
        ends.append(int(high or low, 16))
    return tuple(starts), tuple(ends)


def parse_fc_list(output: str) -> list[Face]:
    """The upright outline faces of ``fc-list`` output in our ``_FORMAT``."""
    faces = []
    for line in output.splitlines():
        fields = line.split("\t")
        if len(fields) != 8:
            continue
        file, index, kind, family, weight, slant, colour, charset = fields
        if kind not in ("TrueType", "CFF") or colour.strip().lower() in ("true", "1"):
            continue
        try:
            if int(slant or 0) != 0:
                continue
            starts, ends = _parse_charset(charset)
            faces.append(
                Face(file, int(index or 0), kind == "CFF", family, int(weight or 80), starts, ends)
            )
        except ValueError:
            continue
    return faces


@lru_cache(maxsize=1)
def system_faces() -> tuple[Face, ...]:
    """Every usable face fontconfig knows; none where fontconfig's tools are missing."""
    program = shutil.which("fc-list")
    if program is None:
        return ()
    try:
        result = subprocess.run(
            [program, "--format", _FORMAT],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(parse_fc_list(result.stdout))


def language_hint(text: str) -> str:
    """Which CJK family to prefer for ``text``: kana means Japanese, hangul Korean."""
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
            return "JP"
        if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            return "KR"
    return "SC"


def _preference(face: Face, code: int, hint: str) -> tuple[object, ...]:
    family = face.family
    return (
        -(face.coverage_near(code) // 64),
        face.cff,
        abs(face.weight - _REGULAR_WEIGHT),
        "Sans" not in family,
        "Mono" in family,
        " UI" in family,
        not family.endswith(f" {hint}"),
        family,
        face.file,
        face.index,
    )


@lru_cache(maxsize=8192)
def face_for(code: int, hint: str = "SC") -> Face | None:
    """The best system face that has the character ``code``, or None."""
    candidates = [face for face in system_faces() if face.covers(code)]
    if not candidates:
        return None
    return min(candidates, key=lambda face: _preference(face, code, hint))


@lru_cache(maxsize=256)
def bold_of(face: Face) -> Face:
    """The bold face of the same family where the system has one, else the face itself."""
    bolds = [
        other
        for other in system_faces()
        if other.family == face.family and other.cff == face.cff and other.weight > face.weight
    ]
    if not bolds:
        return face
    return min(bolds, key=lambda other: (abs(other.weight - _BOLD_WEIGHT), other.file))


class _Registered:
    """A face's reportlab font: once for TrueType, per set of characters for CFF."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, int], str] = {}
        self.cff_chars: dict[tuple[str, int], frozenset[int]] = {}


_registered = _Registered()


def _register(font: TTFont) -> str:
    pdfmetrics.registerFont(font)
    name: str = font.fontName
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return name


def font_name(face: Face, codes: frozenset[int]) -> str | None:
    """The registered reportlab font for ``face`` that has ``codes``; None if it cannot load."""
    key = (face.file, face.index)
    with _lock:
        name = _registered.names.get(key)
        if name is not None and (not face.cff or codes <= _registered.cff_chars[key]):
            return name
        try:
            if face.cff:
                from planner.export.cffconvert import truetype_subset

                wanted = codes | _registered.cff_chars.get(key, frozenset())
                name = f"PlannerFallback{next(_names)}"
                font = TTFont(name, truetype_subset(face.file, face.index, wanted, name))
                _registered.cff_chars[key] = wanted
            else:
                font = TTFont(f"PlannerFallback{next(_names)}", face.file, subfontIndex=face.index)
        except (OSError, TTFError, ValueError, KeyError, ImportError, AssertionError):
            return None
        name = _register(font)
        _registered.names[key] = name
        return name
