"""The body picture: outlines, the red hatching of areas to avoid, symptom tints, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from export_samples import make_plan, plan_json
from pdf_readback import reader
from pypdf.generic import ContentStream

from planner.core import colours
from planner.core.bodymap import Shape, View
from planner.export import build_home_care, build_protocol
from planner.export.bodypaint import shape_path, simplified

ROOT = Path(__file__).resolve().parents[2]


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _operations(data: bytes) -> list[tuple[list[Any], bytes]]:
    pdf = reader(data)
    found: list[tuple[list[Any], bytes]] = []
    for page in pdf.pages:
        found += ContentStream(page.get_contents(), pdf).operations
    return found


def _uses_colour(data: bytes, operator: bytes, hex_colour: str) -> bool:
    wanted = _rgb(hex_colour)
    return any(
        op == operator
        and len(operands) == 3
        and all(abs(float(got) - want) < 0.002 for got, want in zip(operands, wanted, strict=True))
        for operands, op in _operations(data)
    )


def test_simplified_keeps_corners_and_drops_points_on_straight_edges() -> None:
    edge = [float(i) for i in range(10)]
    square = (
        [(x, 0.0) for x in edge]
        + [(10.0, y) for y in edge]
        + [(10.0 - x, 10.0) for x in edge]
        + [(0.0, 10.0 - y) for y in edge]
    )
    assert simplified(tuple(square), 0.1) == ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    # Without a tolerance, or for small outlines, nothing is dropped.
    assert simplified(tuple(square), 0.0) == tuple(square)
    triangle = ((0.0, 0.0), (4.0, 0.0), (2.0, 3.0))
    assert simplified(triangle, 5.0) == triangle


def test_shape_path_is_closed_with_y_pointing_up() -> None:
    view = View("test", "Test", 100.0, 50.0, "viewer-right")
    shape = Shape("test", "heel", "left", ((10.0, 5.0), (30.0, 5.0), (20.0, 25.0)), (20.0, 10.0))
    path, bounds = shape_path(shape, view, 0.0)
    assert path == "10.00 45.00 m 30.00 45.00 l 20.00 25.00 l h"
    assert bounds == (10.0, 25.0, 30.0, 45.0)
    assert shape_path(shape, view, 0.0) == (path, bounds)


def test_areas_to_avoid_are_hatched_in_red_only_when_there_are_some() -> None:
    with_avoided = build_protocol(make_plan())
    without = build_protocol(make_plan(plan_json(avoid=[])))
    assert _uses_colour(with_avoided, b"RG", colours.AVOID_RED)
    assert any(op == b"W*" for _, op in _operations(with_avoided))
    assert not _uses_colour(without, b"RG", colours.AVOID_RED)


def test_symptom_kinds_are_filled_in_their_colours() -> None:
    data = build_protocol(make_plan())
    for kind in ("numbness", "tingling", "burning"):
        assert _uses_colour(data, b"rg", colours.SYMPTOM_COLOURS[kind]), kind
    assert not _uses_colour(data, b"rg", colours.SYMPTOM_COLOURS["sharp-pain"])


def test_building_the_documents_leaves_reportlab_graphics_unloaded() -> None:
    # The body pictures are painted on the canvas directly; reportlab.graphics
    # would add its import time to every export.
    script = (
        "import sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from planner.core.planfile import parse_plan\n"
        "from planner.export import build_home_care, build_protocol\n"
        "import json\n"
        "plan = parse_plan(json.loads(sys.argv[2]))\n"
        "build_protocol(plan)\n"
        "build_home_care(plan)\n"
        "build_home_care(plan, large_print=True)\n"
        "print(sorted(name for name in sys.modules if name.startswith('reportlab.graphics')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), json.dumps(plan_json())],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_home_care_sheet_shows_the_body_only_beside_exercises() -> None:
    with_routine = build_home_care(make_plan())
    without = build_home_care(make_plan(plan_json(home_care=[])))
    assert _uses_colour(with_routine, b"rg", colours.BASE_FILL)
    assert _uses_colour(with_routine, b"RG", colours.BASE_LINE)
    assert not _uses_colour(without, b"rg", colours.BASE_FILL)
