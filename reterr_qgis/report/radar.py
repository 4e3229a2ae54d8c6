"""Radar (spider) chart of resilience indicators, painted with QPainter: no widget.

A :class:`RadarChart` holds what to draw (axes, series, scale, title, or a message instead) and
paints it on any :class:`QPainter` in any rectangle (:meth:`RadarChart.paint`): the dock's widget
(:class:`~reterr_qgis.gui.radar.RadarWidget`, a thin shell over this module), an offscreen
:class:`QImage`, an SVG generator. So what the dock shows, the PNG and SVG exports and the council
map's profile page are the same picture. The geometry is computed by pure functions
(:func:`vertex_position`, :func:`compute_layout`, :func:`label_rects`) that the tests call directly.
Only QtCore, QtGui and QtSvg are used: the module works without a widget, in a Processing
algorithm or a QgsTask.

Conventions:

* The first axis points to 12 o'clock and the axes follow clockwise.
* Values are drawn clamped to ``[0, maximum]``; grid rings mark the quarters of ``maximum``.
* A missing value (NaN) draws no vertex: the outline is broken on both sides of that axis and the
  fill only covers the wedges between two consecutive known axes (centre, vertex i, vertex i+1).
  A known value whose two neighbours are missing keeps its vertex marker only.
* With 3 to 12 axes the series are polygons. With 1 or 2 axes there is no area to draw: the rings
  are circles, each series is shown by its vertex markers on the spokes (joined by a line when
  there are two axes), without fill.
* Axis labels sit outside the outer ring, placed according to their angle, word-wrapped to the
  room left between the ring and the side of the rectangle; the chart is as large as the labels
  allow. Fonts are sized in pixels (so the widget, the PNG and the SVG measure text alike) and
  scale with the rectangle, labels from 11 px (about 8 pt) to 16 px. When labels cannot fit
  otherwise (e.g. 10-12 long labels in 320 px), they are cut with an ellipsis;
  :meth:`RadarChart.label_at` gives the full text (the widget's tooltip).
* Grid values are written along the first axis (every other ring when the rings are close).
* The chart shows no text of its own: a chart without axes and without a message is blank, so
  there is nothing to translate here; callers pass translated labels and messages.
* Only ``qgis.PyQt`` is used, with fully scoped enum names, so the module runs on Qt5 and Qt6.
"""

from __future__ import annotations

import html
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QBuffer, QIODevice, QLocale, QPointF, QRect, QRectF, QSize, Qt
from qgis.PyQt.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from qgis.PyQt.QtSvg import QSvgGenerator

__all__ = [
    "MAX_FONT_PX",
    "MIN_FONT_PX",
    "RadarChart",
    "RadarLayout",
    "RadarSeries",
    "axis_angle",
    "clamp_value",
    "compute_layout",
    "label_rects",
    "ring_values",
    "vertex_position",
]

#: Smallest font size, in pixels (about 8 pt at 96 dpi), for axis labels, legend and title.
MIN_FONT_PX = 11
#: Largest axis-label font size, in pixels.
MAX_FONT_PX = 16
#: Smallest font size of the grid values written along the first axis.
MIN_TICK_FONT_PX = 10
#: Opacity (0-255) of the area of filled series.
FILL_ALPHA = 64

TEXT_COLOR = QColor(40, 40, 40)
TICK_COLOR = QColor(110, 110, 110)
GRID_COLOR = QColor(200, 200, 200)
SPOKE_COLOR = QColor(175, 175, 175)
MESSAGE_COLOR = QColor(128, 128, 128)
BACKGROUND = QColor(255, 255, 255)

# Below this share of the plot's smaller side, a smaller label font is tried.
_GOOD_RADIUS_SHARE = 0.27


@dataclass
class RadarSeries:
    """One polygon of the chart.

    ``values`` holds one value per axis on the ``0..maximum`` scale; NaN marks a missing value.
    A reference series (e.g. the median of the communes) is usually ``filled=False, dashed=True``.
    """

    label: str
    values: Sequence[float]
    color: QColor
    filled: bool = True
    dashed: bool = False


@dataclass
class RadarLayout:
    """Where everything goes in a given rectangle (logical pixels)."""

    rect: QRectF
    #: Square bounding the outer ring (value ``maximum``): centre and radius of the chart.
    chart_rect: QRectF
    #: One rectangle per axis, holding its wrapped label; never overlaps the outer ring.
    label_rects: list[QRectF]
    #: The wrapped text of each axis label (lines joined with ``\n``).
    label_texts: list[str]
    #: Qt alignment flags of each label's lines inside its rectangle.
    label_alignments: list[int]
    title_rect: QRectF | None
    title_text: str
    #: (swatch rectangle, text rectangle, elided text) of each legend entry.
    legend_items: list[tuple[QRectF, QRectF, str]] = field(default_factory=list)
    label_font: QFont = field(default_factory=QFont)
    title_font: QFont = field(default_factory=QFont)
    legend_font: QFont = field(default_factory=QFont)
    tick_font: QFont = field(default_factory=QFont)

    @property
    def center(self) -> QPointF:
        return self.chart_rect.center()

    @property
    def radius(self) -> float:
        return min(self.chart_rect.width(), self.chart_rect.height()) / 2.0


# --------------------------------------------------------------------------------------------
# Pure geometry
# --------------------------------------------------------------------------------------------


def axis_angle(n_axes: int, axis_index: int) -> float:
    """Screen angle in radians (y pointing down) of an axis: -pi/2 (12 o'clock) for the first
    one, then clockwise."""
    if n_axes < 1:
        raise ValueError("a radar chart needs at least one axis")
    return -math.pi / 2.0 + 2.0 * math.pi * axis_index / n_axes


def clamp_value(value: float, maximum: float) -> float:
    """``value`` clamped to ``[0, maximum]`` (NaN is returned unchanged)."""
    value = float(value)
    if math.isnan(value):
        return value
    return min(max(value, 0.0), float(maximum))


def ring_values(maximum: float) -> list[float]:
    """Values of the grid rings: 0 and the quarters of ``maximum``."""
    return [maximum * k / 4.0 for k in range(5)]


def vertex_position(
    rect: QRectF, n_axes: int, axis_index: int, value: float, maximum: float
) -> QPointF:
    """Position of ``value`` on axis ``axis_index``.

    ``rect`` bounds the outer ring (:attr:`RadarLayout.chart_rect`): the centre of the chart is
    its centre and the radius (value ``maximum``) half its smaller side. The value is clamped to
    ``[0, maximum]``; NaN has no position and raises ValueError.
    """
    if not maximum > 0:
        raise ValueError(f"maximum must be positive, not {maximum!r}")
    value = clamp_value(value, maximum)
    if math.isnan(value):
        raise ValueError("a missing value (NaN) has no vertex")
    center = rect.center()
    radius = min(rect.width(), rect.height()) / 2.0 * value / maximum
    angle = axis_angle(n_axes, axis_index)
    return QPointF(center.x() + radius * math.cos(angle), center.y() + radius * math.sin(angle))


def _flags(*flags) -> int:
    """The int QPainter.drawText and QFontMetricsF.boundingRect take, from alignment and text
    flags (PyQt5 enums are ints; PyQt6 ones are enum members carrying ``.value``)."""
    value = 0
    for flag in flags:
        value |= int(getattr(flag, "value", flag))
    return value


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def _wrap(
    text: str, metrics: QFontMetricsF, width: float, max_lines: int | None = None
) -> list[str]:
    """Greedy word wrap; a word longer than ``width`` stays alone on its line. With
    ``max_lines``, what does not fit in that many lines is cut with an ellipsis."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for k, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if not current or metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            continue
        lines.append(current)
        current = word
        if max_lines is not None and len(lines) == max_lines - 1:
            current = " ".join(words[k:])
            break
    if current:
        lines.append(current)
    if max_lines is not None:
        lines = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
    return lines or [""]


def _text_size(text: str, metrics: QFontMetricsF, alignment: int) -> tuple[float, float]:
    """Size QPainter.drawText needs for ``text`` (lines separated by newlines), plus a margin
    for hinting differences between devices."""
    bounds = metrics.boundingRect(QRectF(0, 0, 1e5, 1e5), alignment, text)
    return math.ceil(bounds.width()) + 2.0, math.ceil(bounds.height()) + 1.0


def _rect_distance(rect: QRectF, x: float = 0.0, y: float = 0.0) -> float:
    """Distance from the point (x, y) to the rectangle (0 inside)."""
    dx = max(rect.left() - x, 0.0, x - rect.right())
    dy = max(rect.top() - y, 0.0, y - rect.bottom())
    return math.hypot(dx, dy)


def _label_alignment(dx: float) -> int:
    if dx > 0.3:
        horizontal = Qt.AlignmentFlag.AlignLeft
    elif dx < -0.3:
        horizontal = Qt.AlignmentFlag.AlignRight
    else:
        horizontal = Qt.AlignmentFlag.AlignHCenter
    return _flags(horizontal, Qt.AlignmentFlag.AlignTop)


def _anchor_factor(component: float) -> float:
    """Where a label sits relative to its anchor along x (or y), from the direction component:
    -1 wholly before the anchor (left of it, or above it), 0 centred on it, 1 wholly after it.
    Labels are centred at 12 and 6 (3 and 9) o'clock and wholly on one side from 37° off."""
    return min(max(component / 0.6, -1.0), 1.0)


def _place_label(dx: float, dy: float, width: float, height: float, rho: float) -> QRectF:
    """Rectangle (relative to the chart centre) of a label on the direction (dx, dy) at the
    distance ``rho``: its position relative to the anchor point follows the angle (on the right
    of it at 3 o'clock, above it at 12 o'clock, in between for other angles), then it is pushed
    away from the centre (vertically, or horizontally near 3 and 9 o'clock, to spare the width
    of the plot) until no point of it is closer than ``rho`` to the centre."""
    a, b = _anchor_factor(dx), _anchor_factor(dy)
    x = rho * dx - width * (1.0 - a) / 2.0
    y = rho * dy - height * (1.0 - b) / 2.0
    rect = QRectF(x, y, width, height)
    vertical = abs(dy) >= 0.15
    push = (0.0, math.copysign(1.0, dy)) if vertical else (math.copysign(1.0, dx), 0.0)
    for _ in range(12):
        gap = rho - _rect_distance(rect)
        if gap <= 0.25:
            break
        rect.translate(push[0] * gap, push[1] * gap)
    return rect


def _overlap(rects: Sequence[QRectF], pad: float) -> float:
    """Total overlapping area between the rectangles, each grown by ``pad``."""
    total = 0.0
    grown = [r.adjusted(-pad, -pad, pad, pad) for r in rects]
    for i in range(len(grown)):
        for j in range(i + 1, len(grown)):
            inter = grown[i].intersected(grown[j])
            if not inter.isEmpty():
                total += inter.width() * inter.height()
    return total


@dataclass
class _LabelFit:
    radius: float
    overlap: float
    font_px: int
    rects: list[QRectF]  # relative to the centre
    texts: list[str]
    alignments: list[int]
    extents: tuple[float, float, float, float]  # left, top, right, bottom


def _overlapping_pairs(rects: Sequence[QRectF], pad: float) -> list[tuple[int, int]]:
    grown = [r.adjusted(-pad, -pad, pad, pad) for r in rects]
    return [
        (i, j)
        for i in range(len(grown))
        for j in range(i + 1, len(grown))
        if grown[i].intersects(grown[j])
    ]


def _fit_labels(
    plot: QRectF, axes: Sequence[str], font_px: int, max_lines: int | None = None
) -> _LabelFit:
    """Largest radius for which the chart and its labels fit the plot area, and the label
    rectangles at that radius.

    Each label is wrapped at the width left to it between the ring and the side of the plot (but
    never narrower than its longest word, nor than about 7 characters); labels near 12 or 6
    o'clock are kept narrower than the gap to their neighbours. With ``max_lines``, longer
    labels are cut with an ellipsis. When labels still overlap each other at the largest radius,
    smaller radii are tried. The chart is centred horizontally; vertical room is balanced
    afterwards by the caller.
    """
    n = len(axes)
    metrics = QFontMetricsF(_font(font_px))
    gap = max(6.0, font_px * 0.6)
    half = plot.width() / 2.0
    step_sin = math.sin(2.0 * math.pi / n) if n >= 6 else 1.0
    dirs = [(math.cos(axis_angle(n, i)), math.sin(axis_angle(n, i))) for i in range(n)]
    alignments = [_label_alignment(dx) for dx, _dy in dirs]
    floors, min_widths = [], []
    for label in axes:
        words = label.split() or [""]
        longest = max(metrics.horizontalAdvance(w) for w in words)
        if max_lines is not None:
            # Long words get elided too.
            longest = min(longest, (4.0 if max_lines > 1 else 3.0) * font_px)
        floors.append(longest)
        min_widths.append(max(longest, min(metrics.horizontalAdvance(label), 7.0 * font_px)))
    # Wrap width limit of each label, lowered (not below ``floors``) to settle overlaps.
    caps = [max(plot.width() * 0.6, f) for f in floors]

    def layout(radius: float):
        rho = radius + gap
        rects, texts, fits = [], [], True
        for i, ((dx, dy), label) in enumerate(zip(dirs, axes)):
            # Width keeping the interpolated rectangle (see _place_label) inside the plot.
            limits, a = [caps[i]], _anchor_factor(dx)
            if abs(dx) < 0.3:
                limits.append(max(1.6 * rho * step_sin, min_widths[i] + 3.0))
            if a > -1.0:
                limits.append(2.0 * (half - rho * dx) / (1.0 + a))
            if a < 1.0:
                limits.append(2.0 * (half + rho * dx) / (1.0 - a))
            width = min(limits) - 3.0
            min_width = min(min_widths[i], caps[i])
            for _ in range(4):
                if width < min_width:
                    fits = fits and abs(dx) < 0.3  # only the side room is a hard limit
                    width = min_width
                text = "\n".join(_wrap(label, metrics, width, max_lines))
                w, h = _text_size(text, metrics, alignments[i])
                rect = _place_label(dx, dy, w, h, rho)
                # Pushed outwards past the side of the plot: wrap narrower.
                excess = max(rect.right() - half, -half - rect.left())
                if excess <= 0.0 or width <= min_width:
                    break
                width -= excess + 1.0
            texts.append(text)
            rects.append(rect)
        left = max([radius] + [-r.left() for r in rects])
        top = max([radius] + [-r.top() for r in rects])
        right = max([radius] + [r.right() for r in rects])
        bottom = max([radius] + [r.bottom() for r in rects])
        fits = fits and max(left, right) <= half and top + bottom <= plot.height()
        return fits, rects, texts, (left, top, right, bottom)

    def largest_radius() -> float:
        low, high = 0.0, max(min(plot.width(), plot.height()) / 2.0, 0.0)
        if layout(high)[0]:
            return high
        for _ in range(16):
            mid = (low + high) / 2.0
            if layout(mid)[0]:
                low = mid
            else:
                high = mid
        return low

    def fit_at(radius: float) -> _LabelFit:
        _fits, rects, texts, extents = layout(radius)
        return _LabelFit(radius, _overlap(rects, 2.0), font_px, rects, texts, alignments, extents)

    def better(a: _LabelFit, b: _LabelFit | None) -> bool:
        return b is None or (a.overlap, -a.radius) < (b.overlap, -b.radius)

    best: _LabelFit | None = None
    for _ in range(4 * n):
        fit = fit_at(max(largest_radius(), 1.0))
        if better(fit, best):
            best = fit
        if fit.overlap == 0.0:
            break
        # Narrow the wider label of each overlapping pair (or the other one if it cannot be).
        narrowed = False
        rects = fit.rects
        for i, j in _overlapping_pairs(rects, 2.0):
            for k in sorted((i, j), key=lambda k: -rects[k].width()):
                if min(caps[k], rects[k].width()) > floors[k] + 1.0:
                    caps[k] = max(floors[k], min(caps[k], rects[k].width()) * 0.88)
                    narrowed = True
                    break
        if not narrowed:
            break
    # Labels still overlapping: try smaller radii (the labels get more room to be wider, hence
    # shorter).
    radius = best.radius
    for step in range(1, 10):
        if best.overlap == 0.0:
            break
        fit = fit_at(max(radius * (1.0 - 0.05 * step), 1.0))
        if better(fit, best):
            best = fit
    return best


def _legend_layout(
    area: QRectF, labels: Sequence[str], metrics: QFontMetricsF
) -> tuple[list[tuple[QRectF, QRectF, str]], float]:
    """Legend entries flowed in centred rows at the bottom of ``area``; returns the entries and
    the legend height."""
    if not labels:
        return [], 0.0
    line = metrics.height()
    swatch_w, spacing, item_gap = 2.2 * line, 0.35 * line, 1.2 * line
    max_text = max(area.width() - swatch_w - spacing, line)
    items = []
    for label in labels:
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max_text)
        items.append((text, math.ceil(metrics.horizontalAdvance(text)) + 2.0))
    rows: list[list[tuple[str, float]]] = [[]]
    row_width = 0.0
    for text, width in items:
        item_width = swatch_w + spacing + width
        needed = item_width if not rows[-1] else row_width + item_gap + item_width
        if rows[-1] and needed > area.width():
            rows.append([])
            needed = item_width
        rows[-1].append((text, width))
        row_width = needed
    row_h = line * 1.25
    height = row_h * len(rows)
    out = []
    y = area.bottom() - height
    for row in rows:
        total = sum(swatch_w + spacing + w for _t, w in row) + item_gap * (len(row) - 1)
        x = area.left() + (area.width() - total) / 2.0
        for text, width in row:
            swatch = QRectF(x, y + (row_h - 0.7 * line) / 2.0, swatch_w, 0.7 * line)
            text_rect = QRectF(x + swatch_w + spacing, y, width, row_h)
            out.append((swatch, text_rect, text))
            x += swatch_w + spacing + width + item_gap
        y += row_h
    return out, height


def compute_layout(
    rect: QRectF, axes: Sequence[str], title: str = "", legend_labels: Sequence[str] = ()
) -> RadarLayout:
    """Layout of a radar chart in ``rect``: title at the top, legend at the bottom, the chart as
    large as possible in between with its axis labels around it, inside ``rect`` and not
    overlapping each other (the label font shrinks down to :data:`MIN_FONT_PX` if needed)."""
    rect = QRectF(rect)
    base = max(min(rect.width(), rect.height()), 1.0)
    label_px = int(min(max(round(base / 48.0), MIN_FONT_PX), MAX_FONT_PX))
    margin = max(6.0, base * 0.02)
    inner = rect.adjusted(margin, margin, -margin, -margin)

    title_font = _font(max(label_px * 1.25, MIN_FONT_PX + 2), bold=True)
    title_rect, title_text = None, ""
    top = inner.top()
    if title:
        metrics = QFontMetricsF(title_font)
        title_text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, inner.width())
        title_rect = QRectF(inner.left(), top, inner.width(), math.ceil(metrics.height()) + 1.0)
        top = title_rect.bottom() + metrics.height() * 0.6

    legend_font = _font(max(label_px - 1, MIN_FONT_PX))
    legend_metrics = QFontMetricsF(legend_font)
    legend_items, legend_h = _legend_layout(inner, legend_labels, legend_metrics)
    bottom = inner.bottom() - (legend_h + legend_metrics.height() * 0.6 if legend_h else 0.0)
    plot = QRectF(inner.left(), top, inner.width(), max(bottom - top, 1.0))

    fit = None
    if axes:
        good = _GOOD_RADIUS_SHARE * min(plot.width(), plot.height())
        # Largest font first, then labels cut to 3, 2, 1 lines: the first uncut layout without
        # overlapping labels and with a large enough chart wins; failing that, the first layout
        # whose chart is nearly as large as the largest chart among those without overlaps.
        attempts = [(px, None) for px in range(label_px, MIN_FONT_PX - 1, -1)]
        attempts += [(MIN_FONT_PX, lines) for lines in (3, 2, 1)]
        tried: list[_LabelFit] = []
        chosen: _LabelFit | None = None
        for font_px, max_lines in attempts:
            candidate = _fit_labels(plot, axes, font_px, max_lines)
            tried.append(candidate)
            if candidate.overlap == 0.0 and candidate.radius >= good and max_lines is None:
                chosen = candidate
                break
        if chosen is None:
            clean = [f for f in tried if f.overlap == 0.0]
            if clean:
                largest = max(f.radius for f in clean)
                chosen = next(f for f in clean if f.radius >= 0.7 * largest)
            else:
                chosen = min(tried, key=lambda f: (f.overlap, -f.radius))
        fit = chosen

    if fit is None:
        radius = min(plot.width(), plot.height()) / 2.0
        center = plot.center()
        rects, texts, alignments = [], [], []
        label_font = _font(label_px)
    else:
        _left, top_ext, _right, bottom_ext = fit.extents
        cx = plot.center().x()
        cy = plot.top() + top_ext + (plot.height() - top_ext - bottom_ext) / 2.0
        center, radius = QPointF(cx, cy), fit.radius
        rects = [r.translated(cx, cy) for r in fit.rects]
        texts, alignments = fit.texts, fit.alignments
        label_font = _font(fit.font_px)
    chart_rect = QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
    tick_px = max(MIN_TICK_FONT_PX, round(label_font.pixelSize() * 0.8))
    return RadarLayout(
        rect=rect,
        chart_rect=chart_rect,
        label_rects=rects,
        label_texts=list(texts),
        label_alignments=list(alignments),
        title_rect=title_rect,
        title_text=title_text,
        legend_items=legend_items,
        label_font=label_font,
        title_font=title_font,
        legend_font=legend_font,
        tick_font=_font(tick_px),
    )


def label_rects(
    rect: QRectF, axes: Sequence[str], title: str = "", legend_labels: Sequence[str] = ()
) -> list[QRectF]:
    """Bounding rectangle of each axis label once laid out in ``rect`` (see compute_layout)."""
    return compute_layout(rect, axes, title, legend_labels).label_rects


def _format_value(value: float) -> str:
    return QLocale().toString(float(value), "g", 4)


# --------------------------------------------------------------------------------------------
# The chart and its painter
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class RadarChart:
    """What a radar chart shows, and how it is painted.

    Built from ``series`` on ``axes`` (one value per axis, scale ``0..maximum``) with an optional
    ``title``; without axes, the chart is ``message`` (grey, centred), or blank when the message
    is empty. The values are copied: changing the series afterwards does not change the chart.

    Raises
    ------
    ValueError
        When ``maximum`` is not a positive finite number or a series does not have one value per
        axis.
    """

    axes: Sequence[str] = ()
    series: Sequence[RadarSeries] = ()
    maximum: float = 10.0
    title: str = ""
    message: str = ""

    def __post_init__(self) -> None:
        maximum = float(self.maximum)
        if not (maximum > 0 and math.isfinite(maximum)):
            raise ValueError(f"maximum must be a positive finite number, not {maximum!r}")
        axes = tuple(str(a) for a in self.axes)
        normalised = []
        for s in self.series:
            values = tuple(float(v) for v in s.values)
            if len(values) != len(axes):
                raise ValueError(
                    f"series {s.label!r} has {len(values)} values for {len(axes)} axes"
                )
            normalised.append(
                RadarSeries(str(s.label), values, QColor(s.color), s.filled, s.dashed)
            )
        object.__setattr__(self, "axes", axes)
        object.__setattr__(self, "series", tuple(normalised))
        object.__setattr__(self, "maximum", maximum)
        object.__setattr__(self, "title", str(self.title or ""))
        object.__setattr__(self, "message", str(self.message or ""))

    @property
    def has_chart(self) -> bool:
        """Whether there is a chart to draw (else the message, if any)."""
        return bool(self.axes)

    def layout(self, rect: QRectF) -> RadarLayout:
        """Where title, chart, axis labels and legend go in ``rect`` (see :func:`compute_layout`)."""
        return compute_layout(QRectF(rect), self.axes, self.title, [s.label for s in self.series])

    def label_at(self, layout: RadarLayout, pos: QPointF) -> str:
        """Full text of the axis label or legend entry drawn at ``pos`` in ``layout`` ("" if
        none): labels may be cut with an ellipsis in small rectangles."""
        if not self.axes:
            return ""
        pos = QPointF(pos)
        for rect, label in zip(layout.label_rects, self.axes):
            if rect.contains(pos):
                return label
        for (swatch, text_rect, _text), series in zip(layout.legend_items, self.series):
            if swatch.united(text_rect).contains(pos):
                return series.label
        return ""

    # ---- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF, layout: RadarLayout | None = None) -> None:
        """Draw the whole chart (or the message) in ``rect`` on a white background.

        ``layout`` must be :meth:`layout` of the same rectangle (a caller that paints often, like
        the widget, keeps it); it is computed when not given.
        """
        rect = QRectF(rect)
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.fillRect(rect, BACKGROUND)
            if not self.axes:
                self._paint_message(painter, rect)
                return
            if layout is None:
                layout = self.layout(rect)
            self._paint_title(painter, layout)
            self._paint_grid(painter, layout)
            self._paint_series(painter, layout)
            self._paint_labels(painter, layout)
            self._paint_legend(painter, layout)
        finally:
            painter.restore()

    def _paint_message(self, painter: QPainter, rect: QRectF) -> None:
        if not self.message:
            return
        base = max(min(rect.width(), rect.height()), 1.0)
        painter.setFont(_font(min(max(base / 32.0, MIN_FONT_PX), MAX_FONT_PX)))
        painter.setPen(MESSAGE_COLOR)
        margin = max(8.0, base * 0.05)
        painter.drawText(
            rect.adjusted(margin, margin, -margin, -margin),
            _flags(Qt.AlignmentFlag.AlignCenter, Qt.TextFlag.TextWordWrap),
            self.message,
        )

    def _paint_title(self, painter: QPainter, layout: RadarLayout) -> None:
        if layout.title_rect is None:
            return
        painter.setFont(layout.title_font)
        painter.setPen(TEXT_COLOR)
        painter.drawText(
            layout.title_rect,
            _flags(Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignVCenter),
            layout.title_text,
        )

    def _paint_grid(self, painter: QPainter, layout: RadarLayout) -> None:
        n = len(self.axes)
        center, radius = layout.center, layout.radius
        painter.setBrush(Qt.BrushStyle.NoBrush)
        grid_pen = QPen(GRID_COLOR, 1.0)
        painter.setPen(grid_pen)
        for value in ring_values(self.maximum)[1:]:
            if n >= 3:
                ring = QPolygonF(
                    [
                        vertex_position(layout.chart_rect, n, i, value, self.maximum)
                        for i in range(n)
                    ]
                )
                painter.drawPolygon(ring)
            else:
                r = radius * value / self.maximum
                painter.drawEllipse(center, r, r)
        painter.setPen(QPen(SPOKE_COLOR, 1.0))
        for i in range(n):
            end = vertex_position(layout.chart_rect, n, i, self.maximum, self.maximum)
            painter.drawLine(center, end)
        # Grid values along the first axis, on a light background so the rings stay readable.
        painter.setFont(layout.tick_font)
        metrics = QFontMetricsF(layout.tick_font)
        values = ring_values(self.maximum)[1:]
        if radius / 4.0 < 1.6 * metrics.height():
            values = values[1::2]  # rings too close together: label every other one
        for value in values:
            text = _format_value(value)
            width = metrics.horizontalAdvance(text) + 4.0
            height = metrics.height()
            point = vertex_position(layout.chart_rect, n, 0, value, self.maximum)
            box = QRectF(point.x() + 5.0, point.y() - height / 2.0, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(box, 2.0, 2.0)
            painter.setPen(TICK_COLOR)
            painter.drawText(box, _flags(Qt.AlignmentFlag.AlignCenter), text)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _series_points(self, layout: RadarLayout, series: RadarSeries) -> list[QPointF | None]:
        n = len(self.axes)
        return [
            None if math.isnan(v) else vertex_position(layout.chart_rect, n, i, v, self.maximum)
            for i, v in enumerate(series.values)
        ]

    @staticmethod
    def _outline_pen(series: RadarSeries) -> QPen:
        pen = QPen(QColor(series.color), 2.0)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if series.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    @staticmethod
    def _fill_color(series: RadarSeries) -> QColor:
        fill = QColor(series.color)
        fill.setAlpha(round(FILL_ALPHA * fill.alphaF()))
        return fill

    def _paint_series(self, painter: QPainter, layout: RadarLayout) -> None:
        n = len(self.axes)
        center = layout.center
        all_points = [self._series_points(layout, s) for s in self.series]
        # Fills first, then outlines, then markers: no area hides another series' line.
        if n >= 3:
            for series, points in zip(self.series, all_points):
                if not series.filled:
                    continue
                path = QPainterPath()
                path.setFillRule(Qt.FillRule.WindingFill)
                if all(p is not None for p in points):
                    path.addPolygon(QPolygonF(points))
                    path.closeSubpath()
                else:
                    for i in range(n):
                        a, b = points[i], points[(i + 1) % n]
                        if a is not None and b is not None:
                            # Same orientation for every wedge: the winding rule fills the union.
                            path.addPolygon(QPolygonF([center, a, b]))
                            path.closeSubpath()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._fill_color(series))
                painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for series, points in zip(self.series, all_points):
            painter.setPen(self._outline_pen(series))
            if n >= 3 and all(p is not None for p in points):
                painter.drawPolygon(QPolygonF(points))
            elif n >= 2:
                pairs = range(n) if n >= 3 else range(1)
                for i in pairs:
                    a, b = points[i], points[(i + 1) % n]
                    if a is not None and b is not None:
                        painter.drawLine(a, b)
        marker = max(3.0, layout.radius / 60.0)
        for series, points in zip(self.series, all_points):
            painter.setPen(QPen(BACKGROUND, 1.0))
            painter.setBrush(QColor(series.color))
            size = marker * (0.8 if series.dashed else 1.0)
            for point in points:
                if point is not None:
                    painter.drawEllipse(point, size, size)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _paint_labels(painter: QPainter, layout: RadarLayout) -> None:
        painter.setFont(layout.label_font)
        painter.setPen(TEXT_COLOR)
        for rect, text, alignment in zip(
            layout.label_rects, layout.label_texts, layout.label_alignments
        ):
            painter.drawText(rect, alignment, text)

    def _paint_legend(self, painter: QPainter, layout: RadarLayout) -> None:
        painter.setFont(layout.legend_font)
        for series, (swatch, text_rect, text) in zip(self.series, layout.legend_items):
            pen = self._outline_pen(series)
            if series.filled:
                painter.setPen(pen)
                painter.setBrush(self._fill_color(series))
                painter.drawRect(swatch.adjusted(1.0, 1.0, -1.0, -1.0))
            else:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                y = swatch.center().y()
                painter.drawLine(QPointF(swatch.left() + 1.0, y), QPointF(swatch.right() - 1.0, y))
                painter.setPen(QPen(BACKGROUND, 1.0))
                painter.setBrush(QColor(series.color))
                painter.drawEllipse(swatch.center(), 3.0, 3.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(TEXT_COLOR)
            painter.drawText(
                text_rect,
                _flags(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignVCenter),
                text,
            )

    # ---- files -------------------------------------------------------------------------------

    def render_image(self, width: int, height: int, scale: float = 1.0) -> QImage:
        """The chart laid out for ``width`` x ``height`` logical pixels on a white background, in
        an image of ``round(width * scale)`` x ``round(height * scale)`` pixels (scale > 1 for
        high-resolution exports of the same layout)."""
        if width <= 0 or height <= 0 or not scale > 0:
            raise ValueError(f"invalid image size {width}x{height} (scale {scale})")
        image = QImage(
            max(1, round(width * scale)),
            max(1, round(height * scale)),
            QImage.Format.Format_ARGB32,
        )
        image.fill(BACKGROUND)
        painter = QPainter(image)
        try:
            painter.scale(scale, scale)
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def save_png(self, path: str, width: int = 900, height: int = 750) -> None:
        """Write the chart as a ``width`` x ``height`` PNG; OSError (naming ``path``) on failure."""
        image = self.render_image(width, height)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError(f"Could not encode the radar chart as PNG for {path}")
        _write_bytes(path, bytes(buffer.data()))

    def save_svg(self, path: str, width: int = 900, height: int = 750) -> None:
        """Write the chart as an SVG document (text kept as ``<text>``, ``<title>`` set to the
        chart title); OSError (naming ``path``) on failure."""
        # QSvgGenerator (Qt5) writes the title and description without escaping them: let it
        # write unique tokens and put the escaped strings in their place.
        title_token, desc_token = f"t{uuid.uuid4().hex}", f"d{uuid.uuid4().hex}"
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setResolution(96)
        generator.setTitle(title_token)
        generator.setDescription(desc_token)
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"Could not start the SVG rendering of the radar chart for {path}")
        try:
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        text = bytes(buffer.data()).decode("utf-8")
        title = self.title or " / ".join(s.label for s in self.series)
        description = ", ".join(self.axes) if self.axes else self.message
        text = text.replace(title_token, html.escape(title, quote=False))
        text = text.replace(desc_token, html.escape(description, quote=False))
        _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: str, data: bytes) -> None:
    """Write the file with Python's I/O, whose OSError carries the path and the reason."""
    with open(path, "wb") as handle:
        handle.write(data)
