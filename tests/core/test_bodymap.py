"""The body-map geometry: every area is pickable, sides are the client's, bad files are named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from statistics import mean
from typing import Any

import pytest

from planner.core.bodymap import BodyMap, BodyMapError, Shape, load_body_map
from planner.core.regions import ANCESTORS, MIDLINE_REGIONS, PAIRED_REGIONS

AREAS = [(region, side) for region in PAIRED_REGIONS for side in ("left", "right")] + [
    (region, "midline") for region in MIDLINE_REGIONS
]


@pytest.fixture(scope="module")
def body() -> BodyMap:
    return load_body_map()


def all_shapes(body: BodyMap) -> list[Shape]:
    return [shape for view in body.views for shape in body.shapes_in(view.id)]


# ---------------------------------------------------------------- the real file


def test_views(body: BodyMap) -> None:
    assert [view.id for view in body.views] == ["front", "back", "soles", "tops"]
    assert body.view("front").clients_left == "viewer-right"
    assert body.view("back").clients_left == "viewer-left"
    assert body.view("soles").clients_left == "viewer-right"
    assert body.view("tops").clients_left == "viewer-right"
    for view in body.views:
        assert view.width > 0 and view.height > 0
        assert view.title
    with pytest.raises(KeyError, match="sideways"):
        body.view("sideways")


def test_default_map_is_read_once() -> None:
    assert load_body_map() is load_body_map()


@pytest.mark.parametrize(("region", "side"), AREAS)
def test_every_area_can_be_picked_somewhere(body: BodyMap, region: str, side: str) -> None:
    picked_in = [
        shape.view
        for view in body.views
        for shape in body.shapes_for(view.id, region, side)
        if body.hit_test(view.id, *shape.anchor) is shape
    ]
    assert picked_in, f"no view lets one pick {side} {region}"


def test_every_anchor_picks_its_own_shape(body: BodyMap) -> None:
    for shape in all_shapes(body):
        assert shape.contains(*shape.anchor), shape
        hit = body.hit_test(shape.view, *shape.anchor)
        assert hit is shape, (shape.view, shape.region, shape.side, hit and hit.region)


def test_parts_lie_inside_their_container_and_are_painted_after_it(body: BodyMap) -> None:
    for view in body.views:
        shapes = body.shapes_in(view.id)
        for index, part in enumerate(shapes):
            for container_index, container in enumerate(shapes):
                if container.side != part.side or container.region == part.region:
                    continue
                if container.region not in ANCESTORS[part.region]:
                    continue
                assert container_index < index, (view.id, container.region, part.region)
                assert all(container.contains(x, y) for x, y in part.polygon), (
                    view.id,
                    container.region,
                    part.region,
                )
                assert container.area > part.area


def test_the_clients_left_is_where_the_view_says(body: BodyMap) -> None:
    for view in body.views:
        shapes = body.shapes_in(view.id)
        left = mean(x for s in shapes if s.side == "left" for x, _ in s.polygon)
        right = mean(x for s in shapes if s.side == "right" for x, _ in s.polygon)
        if view.clients_left == "viewer-right":
            assert left > view.width / 2 > right, view.id
        else:
            assert left < view.width / 2 < right, view.id


def test_paired_shapes_mirror_each_other(body: BodyMap) -> None:
    for view in body.views:
        for left in body.shapes_in(view.id):
            if left.side != "left":
                continue
            (right,) = body.shapes_for(view.id, left.region, "right")
            assert right.area == pytest.approx(left.area, rel=1e-3)
            assert right.anchor[0] == pytest.approx(view.width - left.anchor[0], abs=0.11)
            assert right.anchor[1] == pytest.approx(left.anchor[1])


def test_feet_views_show_the_feet(body: BodyMap) -> None:
    for view_id, parts in (("soles", {"sole", "heel", "toes"}), ("tops", {"top-of-foot", "toes"})):
        regions = {shape.region for shape in body.shapes_in(view_id)}
        assert {"foot"} | parts <= regions


def test_shapes_for(body: BodyMap) -> None:
    feet = body.shapes_for("soles", "foot", "both")
    assert [(s.region, s.side) for s in feet] in (
        [("foot", "right"), ("foot", "left")],
        [("foot", "left"), ("foot", "right")],
    )
    (left_foot,) = body.shapes_for("soles", "foot", "left")
    assert left_foot.side == "left" and left_foot.view == "soles"
    # the foot's own rim shape, which covers the heel, sole and toes
    (left_heel,) = body.shapes_for("soles", "heel", "left")
    assert all(left_foot.contains(x, y) for x, y in left_heel.polygon)
    assert len(body.shapes_for("front", "leg", "both")) == 2
    assert body.shapes_for("front", "heel", "left") == ()
    assert body.shapes_for("soles", "chest", "midline") == ()
    (chest,) = body.shapes_for("front", "chest", "midline")
    assert chest.region == "chest"


def test_views_for(body: BodyMap) -> None:
    assert body.views_for("sole", "both") == ("soles",)
    assert body.views_for("heel", "left") == ("back", "soles")
    assert body.views_for("chest", "midline") == ("front",)
    assert "tops" in body.views_for("top-of-foot", "right")
    assert body.views_for("foot", "left") == ("front", "back", "soles", "tops")


def test_hit_test_outside_the_figure(body: BodyMap) -> None:
    for view in body.views:
        assert body.hit_test(view.id, 0.5, 0.5) is None
        assert body.hit_test(view.id, view.width - 0.5, view.height - 0.5) is None
    # between the knees
    assert body.hit_test("front", body.view("front").width / 2, 380) is None
    # between the feet
    assert body.hit_test("soles", body.view("soles").width / 2, 100) is None


def test_hit_test_picks_the_smallest_shape(body: BodyMap) -> None:
    (heel,) = body.shapes_for("soles", "heel", "right")
    hit = body.hit_test("soles", *heel.anchor)
    assert hit is not None and (hit.region, hit.side) == ("heel", "right")
    (foot,) = body.shapes_for("soles", "foot", "right")
    hit = body.hit_test("soles", *foot.anchor)
    assert hit is not None and (hit.region, hit.side) == ("foot", "right")


# ---------------------------------------------------------------- Shape basics


def test_shape_geometry() -> None:
    # an L: a 10 x 10 square with its top-right 5 x 5 quarter cut away
    shape = Shape("v", "sole", "left", ((0, 0), (5, 0), (5, 5), (10, 5), (10, 10), (0, 10)), (2, 2))
    assert shape.area == 75
    assert shape.bounds == (0, 0, 10, 10)
    assert shape.contains(2, 8) and shape.contains(8, 8) and shape.contains(2, 2)
    assert not shape.contains(8, 2)  # the cut-away quarter
    assert not shape.contains(11, 5) and not shape.contains(-1, 5)
    clockwise = Shape("v", "sole", "left", tuple(reversed(shape.polygon)), (2, 2))
    assert clockwise.area == 75


# ---------------------------------------------------------------- broken files

VALID: dict[str, Any] = {
    "format": "body-map",
    "version": 1,
    "views": [
        {
            "id": "front",
            "title": "Front",
            "width": 100,
            "height": 100,
            "clients_left": "viewer-right",
        }
    ],
    "shapes": [
        {
            "view": "front",
            "region": "thigh",
            "side": "right",
            "anchor": [20, 50],
            "polygon": [[10, 40], [30, 40], [30, 60], [10, 60]],
        },
        {
            "view": "front",
            "region": "chest",
            "side": "midline",
            "anchor": [50, 20],
            "polygon": [[40, 10], [60, 10], [60, 30], [40, 30]],
        },
        {
            "view": "front",
            "region": "thigh",
            "side": "left",
            "anchor": [80, 50],
            "polygon": [[70, 40], [90, 40], [90, 60], [70, 60]],
        },
    ],
}


def write(tmp_path: Path, data: Any, name: str = "map.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_valid_small_file_loads(tmp_path: Path) -> None:
    body = load_body_map(write(tmp_path, VALID))
    assert [v.id for v in body.views] == ["front"]
    assert [s.region for s in body.shapes_in("front")] == ["thigh", "chest", "thigh"]
    hit = body.hit_test("front", 80, 50)
    assert hit is not None and (hit.region, hit.side) == ("thigh", "left")


def _set(path: str, value: Any) -> Any:
    """A change to VALID: set the item at a dotted path (list indexes as numbers)."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return change


BROKEN = [
    (_set("format", "pain-map"), "format"),
    (_set("version", 2), "version"),
    (_set("views", []), "views"),
    (_set("views.0.width", -5), "views[0].width"),
    (_set("views.0.height", "tall"), "views[0].height"),
    (_set("views.0.clients_left", "left"), "views[0].clients_left"),
    (_set("views.0.id", ""), "views[0].id"),
    (lambda d: d["views"].append(dict(d["views"][0])), "views[1].id"),
    (_set("shapes.1.view", "side"), "shapes[1].view"),
    (_set("shapes.0.region", "tummy"), "shapes[0].region"),
    (_set("shapes.0.side", "both"), "shapes[0].side"),
    (_set("shapes.1.side", "left"), "shapes[1].side"),
    (_set("shapes.2.polygon", [[70, 40], [90, 40]]), "shapes[2].polygon: needs at least 3 points"),
    (_set("shapes.2.polygon.1", [190, 40]), "shapes[2].polygon[1]"),
    (_set("shapes.2.polygon.1", [90]), "shapes[2].polygon[1]"),
    (_set("shapes.2.polygon.1", [90, True]), "shapes[2].polygon[1]"),
    (_set("shapes.0.anchor", [50, 50]), "shapes[0].anchor"),
    (_set("shapes.0.anchor", None), "shapes[0].anchor"),
    (_set("shapes.2.side", "right"), "shapes[2]: repeats shapes[0]"),
    (_set("shapes.1.polygon", [[40, 10], [50, 10], [60, 10]]), "shapes[1].polygon: has no area"),
    (_set("shapes.1", "chest"), "shapes[1]"),
]


@pytest.mark.parametrize(("change", "place"), BROKEN)
def test_broken_files_name_the_place(tmp_path: Path, change: Any, place: str) -> None:
    data = copy.deepcopy(VALID)
    change(data)
    with pytest.raises(BodyMapError) as caught:
        load_body_map(write(tmp_path, data, "broken_map.json"))
    message = str(caught.value)
    assert message.startswith(f"broken_map.json: {place}"), message


def test_not_a_number_is_refused(tmp_path: Path) -> None:
    text = json.dumps(VALID).replace("[10, 40]", "[NaN, 40]", 1)
    with pytest.raises(BodyMapError, match=r"map.json: shapes\[0\].polygon\[0\]"):
        load_body_map(write(tmp_path, text))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(BodyMapError, match="missing.json: cannot be read"):
        load_body_map(tmp_path / "missing.json")
    with pytest.raises(BodyMapError, match=r"map.json: not valid JSON \(line 1"):
        load_body_map(write(tmp_path, '{"format": "body-map",'))
    with pytest.raises(BodyMapError, match="map.json: must be a JSON object"):
        load_body_map(write(tmp_path, "[]"))
