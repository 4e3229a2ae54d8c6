"""Radar chart painter, without a widget: geometry helpers, label layout, pixels of offscreen
renderings, PNG/SVG exports."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.qgis

AXES5 = [
    "Accès aux services essentiels",
    "Autonomie alimentaire et matérielle",
    "Diversité économique et économie endogène",
    "Complémentarité et dépendance",
    "Vulnérabilité de la population",
]
AXES4 = ["Services", "Autonomie", "Économie", "Dépendance"]
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def radar(qgis_app):
    from reterr_qgis.report import radar

    return radar


def red():
    from qgis.PyQt.QtGui import QColor

    return QColor(220, 30, 30)


def rgb(image, point) -> tuple[int, int, int]:
    """Colour of the pixel covering ``point`` (logical coordinates of a scale-1 image)."""
    c = image.pixelColor(math.floor(point.x()), math.floor(point.y()))
    return c.red(), c.green(), c.blue()


def reddish(c) -> bool:
    r, g, b = c
    return r - max(g, b) > 30


def strong_red(c) -> bool:
    r, g, b = c
    return r > 150 and g < 100 and b < 100


def offset(point, dx, dy):
    from qgis.PyQt.QtCore import QPointF

    return QPointF(point.x() + dx, point.y() + dy)


def chart_of(radar, values, axes=AXES4, title="Test", **series_kw):
    """A chart of one red series named Millau, scale 0..10."""
    series = [radar.RadarSeries("Millau", values, red(), **series_kw)]
    return radar.RadarChart(axes, series, maximum=10.0, title=title)


def render(radar, values, axes=AXES4, size=(400, 400), title="Test", **series_kw):
    """Render one red series; return the image and the layout the chart used."""
    from qgis.PyQt.QtCore import QRectF

    image = chart_of(radar, values, axes, title, **series_kw).render_image(*size)
    layout = radar.compute_layout(QRectF(0, 0, *size), axes, title, ["Millau"])
    return image, layout


# ---- pure geometry ----------------------------------------------------------------------------


def test_vertex_position_hand_computed(radar):
    from qgis.PyQt.QtCore import QRectF

    square = QRectF(0, 0, 200, 200)
    cases = [
        (4, 0, 10, (100, 0)),  # 12 o'clock
        (4, 1, 5, (150, 100)),  # 3 o'clock (clockwise), half way
        (4, 2, 10, (100, 200)),  # 6 o'clock
        (4, 3, 2.5, (75, 100)),  # 9 o'clock, a quarter
        (4, 1, 0, (100, 100)),  # 0 is the centre
        (6, 1, 10, (100 + 100 * math.sqrt(3) / 2, 50)),  # 60° clockwise from noon
        (3, 2, 10, (100 - 100 * math.sqrt(3) / 2, 150)),  # 240° clockwise: lower left
    ]
    for n, i, value, (x, y) in cases:
        p = radar.vertex_position(square, n, i, value, 10.0)
        assert (p.x(), p.y()) == pytest.approx((x, y), abs=1e-9), (n, i, value)
    # Not a square: centre of the rectangle, radius half its smaller side.
    p = radar.vertex_position(QRectF(10, 20, 300, 200), 4, 0, 50, 100.0)
    assert (p.x(), p.y()) == pytest.approx((160, 70))


def test_vertex_position_clamps_and_rejects_nan(radar):
    from qgis.PyQt.QtCore import QRectF

    square = QRectF(0, 0, 200, 200)
    top = radar.vertex_position(square, 5, 0, 10, 10)
    over = radar.vertex_position(square, 5, 0, 42, 10)
    assert (over.x(), over.y()) == pytest.approx((top.x(), top.y()))
    under = radar.vertex_position(square, 5, 3, -7, 10)
    assert (under.x(), under.y()) == pytest.approx((100, 100))
    with pytest.raises(ValueError):
        radar.vertex_position(square, 5, 0, math.nan, 10)
    with pytest.raises(ValueError):
        radar.vertex_position(square, 5, 0, 1, 0)


def test_angles_rings_and_clamp(radar):
    assert radar.axis_angle(4, 0) == pytest.approx(-math.pi / 2)
    assert radar.axis_angle(4, 1) == pytest.approx(0.0)  # clockwise on screen (y down)
    assert radar.ring_values(10) == [0, 2.5, 5, 7.5, 10]
    assert radar.ring_values(100) == [0, 25, 50, 75, 100]
    assert radar.clamp_value(11, 10) == 10
    assert radar.clamp_value(-1, 10) == 0
    assert radar.clamp_value(math.inf, 10) == 10
    assert math.isnan(radar.clamp_value(math.nan, 10))


# ---- label layout -----------------------------------------------------------------------------


def long_axes(n):
    return [AXES5[i % 5] + (f" {i}" if n > 5 else "") for i in range(n)]


@pytest.mark.parametrize("size", [(320, 320), (900, 750), (400, 600), (250, 250)])
@pytest.mark.parametrize("n", [3, 4, 5, 6, 8, 12])
def test_labels_stay_inside_and_off_the_chart(radar, size, n):
    from qgis.PyQt.QtCore import QRectF

    rect = QRectF(0, 0, *size)
    axes = long_axes(n)
    layout = radar.compute_layout(rect, axes, "Profil de résilience", ["Millau", "Médiane"])
    assert len(layout.label_rects) == n
    center, radius = layout.center, layout.radius
    assert radius > 10
    for label, box in zip(axes, layout.label_rects):
        assert rect.contains(box), (label, box)
        # Outside the outer ring: the nearest point of the box is farther than the radius.
        nx = min(max(center.x(), box.left()), box.right())
        ny = min(max(center.y(), box.top()), box.bottom())
        assert math.hypot(nx - center.x(), ny - center.y()) >= radius, label
        # Neither on the title nor on the legend.
        assert not box.intersects(layout.title_rect)
        for swatch, text_rect, _ in layout.legend_items:
            assert not box.intersects(swatch.united(text_rect))
    assert rect.contains(layout.chart_rect)
    assert layout.label_font.pixelSize() >= radar.MIN_FONT_PX


@pytest.mark.parametrize("size", [(320, 320), (900, 750)])
@pytest.mark.parametrize("n", [3, 5, 6, 8])
def test_labels_do_not_overlap(radar, size, n):
    from qgis.PyQt.QtCore import QRectF

    rects = radar.label_rects(QRectF(0, 0, *size), long_axes(n), "Titre", ["Millau", "Médiane"])
    for i in range(n):
        for j in range(i + 1, n):
            assert not rects[i].intersects(rects[j]), (i, j, rects[i], rects[j])


@pytest.mark.parametrize("size", [(320, 320), (900, 750)])
def test_text_is_drawn_inside_its_layout_boxes(radar, size):
    """Every dark (text) pixel of a rendering lies in a label, title or legend box: the boxes
    the layout tests check are the ones the text really occupies."""
    from qgis.PyQt.QtCore import QPointF

    image, layout = render(radar, [7, 4, 6, 3, 5], axes=AXES5, size=size, title="Millau")
    boxes = [*layout.label_rects, layout.title_rect, *(t for _s, t, _x in layout.legend_items)]
    boxes = [b.adjusted(-1, -1, 1, 1) for b in boxes]
    stray = []
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if max(c.red(), c.green(), c.blue()) < 90:
                p = QPointF(x + 0.5, y + 0.5)
                if not any(b.contains(p) for b in boxes):
                    stray.append((x, y))
    assert not stray, stray[:20]
    assert sum(
        max(image.pixelColor(x, y).getRgb()[:3]) < 90
        for b in layout.label_rects
        for x in range(int(b.left()), int(b.right()))
        for y in range(int(b.top()), int(b.bottom()))
    )


def test_long_labels_are_wrapped_not_cut_at_usual_sizes(radar):
    from qgis.PyQt.QtCore import QRectF

    for size in [(320, 320), (900, 750)]:
        layout = radar.compute_layout(QRectF(0, 0, *size), AXES5, "Titre", ["Millau"])
        assert [" ".join(t.split()) for t in layout.label_texts] == AXES5
    small = radar.compute_layout(QRectF(0, 0, 320, 320), AXES5, "Titre", ["Millau"])
    assert any("\n" in t for t in small.label_texts)


def test_fonts_scale_with_the_size(radar):
    from qgis.PyQt.QtCore import QRectF

    small = radar.compute_layout(QRectF(0, 0, 200, 200), AXES5, "T", ["A"])
    big = radar.compute_layout(QRectF(0, 0, 900, 750), AXES5, "T", ["A"])
    assert small.label_font.pixelSize() >= radar.MIN_FONT_PX
    assert small.legend_font.pixelSize() >= radar.MIN_FONT_PX
    assert big.label_font.pixelSize() > small.label_font.pixelSize()
    assert big.title_font.pixelSize() > big.label_font.pixelSize()
    assert big.radius > 2 * small.radius


# ---- pixels -----------------------------------------------------------------------------------


def test_render_known_series_pixels(radar):
    image, layout = render(radar, [10, 0, 5, 10])
    assert (image.width(), image.height()) == (400, 400)
    chart, R = layout.chart_rect, layout.radius

    def at(i, value):
        return radar.vertex_position(chart, 4, i, value, 10)

    assert reddish(rgb(image, at(0, 9)))  # first axis (up), 90 % of the radius: on the outline
    assert reddish(rgb(image, offset(at(0, 6), -0.1 * R, 0)))  # inside the polygon
    assert reddish(rgb(image, at(3, 5)))  # fill over the left spoke
    assert not reddish(rgb(image, at(1, 5)))  # value 0 on the right axis: nothing there
    assert not reddish(rgb(image, offset(at(1, 5), 0, -0.2 * R)))
    assert not reddish(rgb(image, at(2, 7.5)))  # bottom axis only reaches 5
    assert reddish(rgb(image, offset(at(2, 2.5), -0.1 * R, 0)))
    assert strong_red(rgb(image, at(2, 5)))  # vertex marker
    assert strong_red(rgb(image, at(0, 10)))
    assert rgb(image, offset(chart.topLeft(), 2, 2)) == (255, 255, 255)  # white background


def test_values_are_clamped(radar):
    clamped, _ = render(radar, [15, -3, 5, 10])
    plain, _ = render(radar, [10, 0, 5, 10])
    assert clamped == plain


def test_missing_value_breaks_the_outline(radar):
    zero, layout = render(radar, [10, 0, 10, 10])
    missing, _ = render(radar, [10, math.nan, 10, 10])
    chart, R = layout.chart_rect, layout.radius
    center = layout.center
    up = radar.vertex_position(chart, 4, 0, 5, 10)
    # With a 0 the outline runs down the first spoke to a vertex at the centre ...
    assert strong_red(rgb(zero, up))
    assert strong_red(rgb(zero, center))
    # ... with NaN there is no vertex and no outline there, only the edge of the left fill.
    assert rgb(missing, up)[1] > 120
    assert rgb(missing, center)[1] > 120
    # The known wedges (left half) are filled, the right half is not.
    left = offset(center, -0.3 * R, -0.1 * R)
    right = offset(center, 0.3 * R, -0.1 * R)
    assert reddish(rgb(missing, left))
    assert not reddish(rgb(missing, right))
    # Known vertices keep their markers.
    assert strong_red(rgb(missing, radar.vertex_position(chart, 4, 2, 10, 10)))


def test_isolated_value_and_all_missing(radar):
    image, layout = render(radar, [math.nan, 10, math.nan, math.nan])
    chart, R = layout.chart_rect, layout.radius
    assert strong_red(rgb(image, radar.vertex_position(chart, 4, 1, 10, 10)))
    assert not reddish(rgb(image, radar.vertex_position(chart, 4, 1, 5, 10)))  # no area, no line
    assert not reddish(rgb(image, offset(layout.center, 0.3 * R, -0.1 * R)))

    nothing, _ = render(radar, [math.nan] * 4)
    # Only the legend swatch may be red.
    legend_top = min(s.top() for s, _t, _x in layout.legend_items)
    for y in range(0, int(legend_top) - 2, 3):
        for x in range(0, nothing.width(), 3):
            c = nothing.pixelColor(x, y)
            assert not reddish((c.red(), c.green(), c.blue())), (x, y)


def count_reddish(image) -> int:
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            n += reddish((c.red(), c.green(), c.blue()))
    return n


def test_message_instead_of_a_chart(radar):
    image, _ = render(radar, [10, 0, 5, 10])
    assert count_reddish(image) > 100
    chart = radar.RadarChart(message="Sélectionnez une commune")
    assert not chart.has_chart
    assert chart.message == "Sélectionnez une commune"
    shown = chart.render_image(400, 400)
    assert count_reddish(shown) == 0
    greys = [
        shown.pixelColor(x, y)
        for y in range(180, 220)
        for x in range(0, 400)
        if shown.pixelColor(x, y) != shown.pixelColor(0, 0)
    ]
    assert greys  # the message is drawn around the middle ...
    assert all(abs(c.red() - c.green()) < 10 and abs(c.green() - c.blue()) < 10 for c in greys)
    blank = radar.RadarChart().render_image(100, 80)
    assert all(blank.pixelColor(x, y).name() == "#ffffff" for x in range(100) for y in range(80))


def test_render_image_scale(radar):
    chart = chart_of(radar, [10, 0, 5, 10])
    image = chart.render_image(200, 150, scale=2.0)
    assert (image.width(), image.height()) == (400, 300)
    with pytest.raises(ValueError):
        chart.render_image(0, 100)


def test_paint_on_any_painter_is_render_image(radar):
    """paint() on a caller's painter, in a rectangle off the origin, draws the same picture."""
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QImage, QPainter

    chart = chart_of(radar, [7, 3, 5, 9], title="Millau")
    image = QImage(400, 340, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    chart.paint(painter, QRectF(40, 40, 360, 300))
    painter.end()
    assert image.copy(40, 40, 360, 300) == chart.render_image(360, 300)
    assert image.pixelColor(10, 10).alpha() == 0  # nothing drawn outside the rectangle


def test_one_two_and_twelve_axes_render(radar):
    image, layout = render(radar, [8], axes=["Seul"])
    assert strong_red(rgb(image, radar.vertex_position(layout.chart_rect, 1, 0, 8, 10)))
    image, layout = render(radar, [8, 4], axes=["Haut", "Bas"])
    chart = layout.chart_rect
    assert strong_red(rgb(image, radar.vertex_position(chart, 2, 1, 4, 10)))
    assert strong_red(rgb(image, radar.vertex_position(chart, 2, 0, 4, 10)))  # the joining line
    values = [(i * 37) % 11 for i in range(12)]
    image, layout = render(radar, values, axes=long_axes(12), size=(320, 320))
    assert count_reddish(image) > 50


def test_chart_validation(radar):
    with pytest.raises(ValueError):
        radar.RadarChart(AXES4, [radar.RadarSeries("x", [1, 2, 3], red())])
    with pytest.raises(ValueError):
        radar.RadarChart(AXES4, [radar.RadarSeries("x", [1, 2, 3, 4], red())], maximum=0)
    with pytest.raises(ValueError):
        radar.RadarChart(AXES4, [], maximum=math.inf)
    values = [1, 2, 3, 4]
    chart = radar.RadarChart(AXES4, [radar.RadarSeries("x", values, "#00ff00")], maximum=5)
    values[0] = 9  # the chart keeps its own copy
    assert chart.maximum == 5
    assert list(chart.axes) == AXES4
    assert chart.series[0].values == (1, 2, 3, 4)
    assert chart.series[0].color.name() == "#00ff00"


def test_label_at_gives_full_labels(radar):
    from qgis.PyQt.QtCore import QRectF

    chart = radar.RadarChart(AXES5, [radar.RadarSeries("Millau", [5] * 5, red())], title="T")
    layout = chart.layout(QRectF(0, 0, 320, 320))
    for label, box in zip(AXES5, layout.label_rects):
        assert chart.label_at(layout, box.center()) == label
    swatch, _text, _ = layout.legend_items[0]
    assert chart.label_at(layout, swatch.center()) == "Millau"
    assert chart.label_at(layout, layout.center) == ""


# ---- exports ----------------------------------------------------------------------------------


def test_save_png(radar, tmp_path):
    from qgis.PyQt.QtGui import QImage

    chart = radar.RadarChart(
        AXES5, [radar.RadarSeries("Millau", [7, 4, 6, 3, 5], red())], title="T"
    )
    path = tmp_path / "radar.png"
    chart.save_png(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (900, 750)
    chart.save_png(str(path), 320, 320)
    assert QImage(str(path)).size().width() == 320


def test_save_svg(radar, tmp_path):
    from qgis.PyQt.QtGui import QColor

    title = "Profil <Millau> & Saint-Affrique"
    chart = radar.RadarChart(
        AXES5,
        [
            radar.RadarSeries("Millau", [7, 4, 6, 3, 5], red()),
            radar.RadarSeries("Médiane des communes", [5] * 5, QColor("#3a5a8c"), False, True),
        ],
        title=title,
    )
    path = tmp_path / "radar.svg"
    chart.save_svg(str(path), 640, 480)
    root = ET.parse(path).getroot()  # well-formed despite the & and < of the title
    assert root.get("viewBox") == "0 0 640 480"
    assert root.find(f"{SVG_NS}title").text == title
    texts = [t.text or "" for t in root.iter(f"{SVG_NS}text")]
    words = " ".join(texts).split()
    for label in [*AXES5, "Millau", "Médiane des communes"]:
        for word in label.split():
            assert word in words, (label, word)
    assert title in texts


@pytest.mark.parametrize("method", ["save_png", "save_svg"])
def test_unwritable_path_raises_oserror(radar, tmp_path, method):
    chart = radar.RadarChart(AXES4, [radar.RadarSeries("Millau", [1, 2, 3, 4], red())])
    path = tmp_path / "missing-dir" / f"radar.{method[-3:]}"
    with pytest.raises(OSError) as excinfo:
        getattr(chart, method)(str(path))
    assert str(path) in str(excinfo.value)
    assert not path.exists()
