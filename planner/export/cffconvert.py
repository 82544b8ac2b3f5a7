"""CFF (PostScript-outline) fonts made into small TrueType fonts that reportlab can embed.

reportlab reads only TrueType outlines; the system's CJK fonts (Noto Sans CJK)
are CFF. fontTools subsets the font to the characters a document needs, then
converts the cubic outlines to quadratic ones (cu2qu), which is what the glyf
table holds. A subset of a few hundred characters takes a fraction of a second.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# The largest distance between the cubic and the quadratic curve, in font units
# (of 1,000 or 2,048 per em): far below what a printer resolves.
_MAX_ERROR = 1.0


def truetype_subset(path: str, index: int, codes: Iterable[int], name: str) -> io.BytesIO:
    """The face ``index`` of ``path``, only the characters ``codes``, as TrueType bytes.

    ``name`` becomes part of the font's PostScript name: reportlab takes two fonts
    with one PostScript name for the same font, so each subset needs its own.
    """
    with TTFont(path, fontNumber=index, lazy=True) as font:
        return _subset(font, codes, name)


def _subset(font: TTFont, codes: Iterable[int], name: str) -> io.BytesIO:
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    if "CFF " in font:
        _cff_to_glyf(font)
    names = font["name"]
    original = names.getDebugName(6) or "Font"
    for record in names.names:
        if record.nameID == 6:
            record.string = f"{name}-{original}"[:63]
    out = io.BytesIO()
    font.save(out)
    out.seek(0)
    return out


def _cff_to_glyf(font: TTFont) -> None:
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, _MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    metrics = font["hmtx"].metrics
    for name in order:
        glyph = glyf[name]
        metrics[name] = (metrics[name][0], glyph.xMin if glyph.numberOfContours else 0)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
