"""The body picture, painted from the shared body-map geometry.

The geometry (``resources/body_map.json``, read by :mod:`planner.core.bodymap`)
is the one the window draws too: polygons by region id, never positions stored
in plans. Here every shape is painted in the map's order with a soft neutral
fill; on top come, in this order, the areas the session works (a light tint),
the symptom areas (a colour per kind) and the areas to avoid (red hatching
clipped to the shape, a red outline and a numbered callout that the legend
explains). Each view is labelled with the client's left and right as the view
shows them. The painting itself is in :mod:`planner.export.bodypaint`; the
legend in :mod:`planner.export.bodylegend`.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from planner.core.bodymap import BodyMap, Shape, View, load_body_map
from planner.core.i18n import _
from planner.core.library import Exercise, Library
from planner.core.plan import AvoidedArea, SessionPlan
from planner.core.regions import BOTH
from planner.export.bodyareas import callout_shapes, in_paint_order, matches, overlapping, views
from planner.export.bodylegend import legend
from planner.export.bodypaint import (
    BASE_FILL,
    BASE_LINE,
    SYMPTOM_COLOURS,
    SYMPTOM_OPACITY,
    TOLERANCE,
    WORKED_FILL,
    Picture,
    badge,
    fill_shapes,
    hatch_shape,
    label,
    side_labels,
)
from planner.export.common import FittingRow, gap
from planner.export.fonts import BOLD, REGULAR
from planner.export.layout import ACCENT, INK, MUTED, Styles
from planner.export.sitemarks import paint_site, site_marks

PROTOCOL_VIEWS = ("front", "back", "soles")


class ViewPicture(Picture):
    """One view of the body with the plan's worked, symptom and avoided areas.

    What goes where is worked out when the picture is made; :meth:`paint` only
    puts it on the canvas.
    """

    def __init__(
        self, body: BodyMap, view: View, plan: SessionPlan, scale: float, font_size: float
    ) -> None:
        self.label_h = font_size * 1.9
        self.figure_width = view.width * scale
        figure_height = view.height * scale
        super().__init__(self.figure_width, figure_height + font_size * 1.8 + self.label_h)
        self.view = view
        self.scale = scale
        self.font_size = font_size
        self.figure_height = figure_height
        self.base = list(body.shapes_in(view.id))
        worked = [s for step in plan.steps for s in matches(body, view, step.region, step.side)]
        self.worked = in_paint_order(body, view, worked)
        tinted = list(self.worked)
        self.symptoms: list[tuple[Any, list[Shape]]] = []
        for symptom in plan.symptoms:
            shapes = matches(body, view, symptom.region, symptom.side)
            self.symptoms.append((SYMPTOM_COLOURS.get(symptom.kind, MUTED), shapes))
            tinted += shapes
        # Outlines again over the tints, so that the parts under a tinted container show.
        self.outlines = overlapping(body, view, tinted)
        self.hatched: list[Shape] = []
        self.badges: list[tuple[float, float, int]] = []
        self.radius = max(font_size * 0.75, 5.5)
        placed: list[tuple[float, float]] = []
        radius = self.radius
        for number, avoided in enumerate(plan.avoid, start=1):
            shapes = in_paint_order(body, view, matches(body, view, avoided.region, avoided.side))
            self.hatched += shapes
            for shape in callout_shapes(shapes):
                x = shape.anchor[0] * scale
                y = (view.height - shape.anchor[1]) * scale + self.label_h
                while any(
                    abs(x - px) < radius * 2 and abs(y - py) < radius * 2 for px, py in placed
                ):
                    y -= radius * 2.1
                placed.append((x, y))
                self.badges.append((x, y, number))
        self.sites = site_marks(body, view, plan.measures, scale, self.label_h)

    def paint(self, canvas: Canvas) -> None:
        view, scale, size = self.view, self.scale, self.font_size
        tolerance = TOLERANCE / scale
        line = 0.6 / scale
        canvas.saveState()
        canvas.transform(scale, 0, 0, scale, 0, self.label_h)
        fill_shapes(
            canvas, view, self.base, tolerance, fill=BASE_FILL, stroke=BASE_LINE, width=line
        )
        fill_shapes(canvas, view, self.worked, tolerance, fill=WORKED_FILL)
        for colour, shapes in self.symptoms:
            fill_shapes(canvas, view, shapes, tolerance, fill=colour, opacity=SYMPTOM_OPACITY)
        fill_shapes(canvas, view, self.outlines, tolerance, stroke=BASE_LINE, width=line)
        for shape in self.hatched:
            hatch_shape(canvas, view, shape, tolerance)
        canvas.restoreState()
        for x, y, number in self.badges:
            badge(canvas, x, y, number, self.radius)
        for x, y, felt in self.sites:
            paint_site(canvas, x, y, felt, self.radius * 0.55)
        width = self.figure_width
        title_y = self.figure_height + self.label_h + size * 0.6
        label(canvas, width / 2, title_y, view.title, font=BOLD, size=size * 1.05, colour=INK,
              anchor="middle")  # fmt: skip
        at_left, at_right = side_labels(view, own=False)
        for x, text, anchor in ((0, at_left, "start"), (width, at_right, "end")):
            label(canvas, x, size * 0.4, text, font=REGULAR, size=size * 0.85, colour=MUTED,
                  anchor=anchor)  # fmt: skip


class ExercisePicture(Picture):
    """The part of a view around the exercise's shapes, scaled into a square.

    Drawn for the client: every view is shown with the client's left on the left
    (a view drawn the other way round is mirrored), labelled "your left" and
    "your right" in the body text's size. The areas the client must leave out are
    not shaded but striped.
    """

    def __init__(
        self,
        body: BodyMap,
        view: View,
        highlight: list[Shape],
        left_out: list[Shape],
        size: float,
        font_size: float,
    ) -> None:
        xs = [x for shape in highlight for x, _ in shape.polygon]
        ys = [y for shape in highlight for _, y in shape.polygon]
        pad = max(view.height * 0.08, (max(ys) - min(ys)) * 0.35)
        x0, x1 = max(0.0, min(xs) - pad), min(view.width, max(xs) + pad)
        y0, y1 = max(0.0, min(ys) - pad), min(view.height, max(ys) + pad)
        # Whole width of the view when it is narrow enough: left and right both show.
        if view.width <= (y1 - y0) * 1.2:
            x0, x1 = 0.0, view.width
        side = max(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        x0, y0 = cx - side / 2, cy - side / 2
        self.labels = (_("your left"), _("your right"))
        labels_width = sum(stringWidth(text, REGULAR, font_size) for text in self.labels)
        total_width = max(size, labels_width + font_size)
        self.label_h = font_size * 1.45
        super().__init__(total_width, size + self.label_h)
        self.view = view
        self.size = size
        self.font_size = font_size
        self.left = (total_width - size) / 2
        self.scale = size / side
        self.origin = (x0, y0, side)
        self.mirrored = view.clients_left != "viewer-left"
        crop = (x0, y0, x0 + side, y0 + side)
        self.visible = [
            shape
            for shape in body.shapes_in(view.id)
            if shape.bounds[0] <= crop[2]
            and crop[0] <= shape.bounds[2]
            and shape.bounds[1] <= crop[3]
            and crop[1] <= shape.bounds[3]
        ]
        # Highlights over every base fill (a container's polygon then covers its parts),
        # then the outlines of what lies under them once more.
        self.highlight = in_paint_order(body, view, highlight)
        self.outlines = overlapping(body, view, highlight)
        self.left_out = in_paint_order(body, view, left_out)

    def paint(self, canvas: Canvas) -> None:
        view, scale, size, left = self.view, self.scale, self.size, self.left
        x0, y0, side = self.origin
        tolerance = TOLERANCE / scale
        line = 0.6 / scale
        canvas.saveState()
        canvas.addLiteral(f"n {left:.2f} {self.label_h:.2f} {size:.2f} {size:.2f} re W n")
        if self.mirrored:
            canvas.transform(-1, 0, 0, 1, 2 * left + size, 0)
        # Shift the crop box to the origin: the paths' (x, flipped y) -> picture coordinates.
        canvas.transform(
            scale,
            0,
            0,
            scale,
            left - x0 * scale,
            self.label_h - (view.height - (y0 + side)) * scale,
        )
        fill_shapes(
            canvas, view, self.visible, tolerance, fill=BASE_FILL, stroke=BASE_LINE, width=line
        )
        fill_shapes(canvas, view, self.highlight, tolerance, fill=ACCENT, opacity=0.7)
        fill_shapes(canvas, view, self.outlines, tolerance, stroke=BASE_LINE, width=line)
        for shape in self.left_out:
            hatch_shape(canvas, view, shape, tolerance)
        canvas.restoreState()
        canvas.setStrokeColor(BASE_LINE)
        canvas.setLineWidth(0.5)
        canvas.rect(left, self.label_h, size, size, stroke=1, fill=0)
        at_left, at_right = self.labels
        y = self.font_size * 0.4
        for x, text, anchor in ((0, at_left, "start"), (self.width, at_right, "end")):
            label(canvas, x, y, text, font=REGULAR, size=self.font_size, colour=INK, anchor=anchor)


def protocol_map(plan: SessionPlan, library: Library, styles: Styles, width: float) -> list[Any]:
    """Front, back and soles side by side, then the legend of reasons and symptoms."""
    body = load_body_map()
    shown = views(body, PROTOCOL_VIEWS)
    gutter = styles.size * 1.6
    cell = (width - gutter * (len(shown) - 1)) / len(shown)
    max_height = styles.size * 31
    scale = min(min(cell / view.width, max_height / view.height) for view in shown)
    pictures = [ViewPicture(body, view, plan, scale, styles.size) for view in shown]
    row = FittingRow(pictures, width)
    return [row, gap(styles.size * 0.8), legend(plan, body, shown, styles, width)]


def exercise_picture(
    exercise: Exercise, left_out: list[AvoidedArea], styles: Styles, size: float
) -> Picture | None:
    """A picture of where the exercise is done, both sides shaded, what to leave out striped.

    The view is the one that shows most of the exercise's areas.
    """
    if not exercise.regions:
        return None
    body = load_body_map()
    # Where the steps touch (rubbing between the toes shades the toes, not the sole);
    # an exercise that only looks shades where to look.
    shaded = exercise.touch_regions or exercise.regions
    best: tuple[float, View, list[Shape]] | None = None
    for view in views(body, ()):
        shapes = [s for region in shaded for s in matches(body, view, region, BOTH)]
        score = sum(shape.area for shape in shapes)
        if shapes and (best is None or score > best[0]):
            best = (score, view, shapes)
    if best is None:
        return None
    _, view, shapes = best
    striped = [s for area in left_out for s in matches(body, view, area.region, area.side)]
    return ExercisePicture(body, view, shapes, striped, size, styles.size)
