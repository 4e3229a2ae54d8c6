"""The dock's radar widget: a thin shell over the painter of ``reterr_qgis.report.radar`` (tested in
tests/qgis/report/test_radar.py): data, repaint, tooltips, size hints, and that it draws and saves
exactly what the painter does."""

from __future__ import annotations

import math

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


@pytest.fixture(scope="module")
def radar(qgis_app):
    from reterr_qgis.report import radar

    return radar


@pytest.fixture
def widget(qgis_app):
    from reterr_qgis.gui.radar import RadarWidget

    w = RadarWidget()
    yield w
    w.deleteLater()


def red():
    from qgis.PyQt.QtGui import QColor

    return QColor(220, 30, 30)


def reddish(c) -> bool:
    r, g, b = c
    return r - max(g, b) > 30


def count_reddish(image) -> int:
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            n += reddish((c.red(), c.green(), c.blue()))
    return n


def render(radar, widget, values, axes=AXES4, size=(400, 400), title="Test"):
    """Show one red series in the widget; return its image."""
    widget.set_data(axes, [radar.RadarSeries("Millau", values, red())], maximum=10.0, title=title)
    return widget.render_image(*size)


def test_clear_shows_only_the_message(radar, widget):
    image = render(radar, widget, [10, 0, 5, 10])
    assert count_reddish(image) > 100
    widget.clear("Sélectionnez une commune")
    assert not widget.has_chart()
    assert widget.message() == "Sélectionnez une commune"
    cleared = widget.render_image(400, 400)
    assert count_reddish(cleared) == 0
    greys = [
        cleared.pixelColor(x, y)
        for y in range(180, 220)
        for x in range(0, 400)
        if cleared.pixelColor(x, y) != cleared.pixelColor(0, 0)
    ]
    assert greys  # the message is drawn around the middle ...
    assert all(abs(c.red() - c.green()) < 10 and abs(c.green() - c.blue()) < 10 for c in greys)
    widget.clear()
    blank = widget.render_image(100, 80)
    assert all(blank.pixelColor(x, y).name() == "#ffffff" for x in range(100) for y in range(80))


def test_widget_paint_is_render_image(radar, widget):
    from qgis.PyQt.QtGui import QImage

    render(radar, widget, [7, 3, 5, 9])
    widget.resize(360, 300)
    shown = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    offscreen = widget.render_image(360, 300).convertToFormat(QImage.Format.Format_RGB32)
    assert (shown.width(), shown.height()) == (360, 300)
    differing = sum(
        shown.pixel(x, y) != offscreen.pixel(x, y)
        for y in range(0, 300, 2)
        for x in range(0, 360, 2)
    )
    assert differing < 0.01 * 180 * 150


def test_set_data_validation(radar, widget):
    with pytest.raises(ValueError):
        widget.set_data(AXES4, [radar.RadarSeries("x", [1, 2, 3], red())])
    with pytest.raises(ValueError):
        widget.set_data(AXES4, [radar.RadarSeries("x", [1, 2, 3, 4], red())], maximum=0)
    widget.set_data(AXES4, [radar.RadarSeries("x", (1, 2, 3, 4), "#00ff00")], maximum=5)
    assert widget.maximum() == 5
    assert widget.axes() == AXES4
    assert widget.series()[0].color.name() == "#00ff00"


def test_label_at_gives_full_labels(radar, widget):
    from qgis.PyQt.QtCore import QRectF

    widget.set_data(AXES5, [radar.RadarSeries("Millau", [5] * 5, red())], title="T")
    widget.resize(320, 320)
    layout = widget.layout_for(QRectF(widget.rect()))
    for label, box in zip(AXES5, layout.label_rects):
        assert widget.label_at(box.center()) == label
    swatch, _text, _ = layout.legend_items[0]
    assert widget.label_at(swatch.center()) == "Millau"
    assert widget.label_at(layout.center) == ""


def test_size_hint(radar, widget):
    hint = widget.sizeHint()
    assert hint.width() >= 300 and hint.height() >= 300


def test_widget_draws_and_saves_what_the_painter_does(radar, widget, tmp_path):
    from qgis.PyQt.QtGui import QColor

    series = [
        radar.RadarSeries("Millau", [7, 4, math.nan, 3, 5], red()),
        radar.RadarSeries("Médiane", [5] * 5, QColor("#3a5a8c"), False, True),
    ]
    widget.set_data(AXES5, series, 10.0, "Millau")
    chart = radar.RadarChart(AXES5, series, 10.0, "Millau")
    assert widget.render_image(320, 320) == chart.render_image(320, 320)
    assert widget.render_image(200, 150, scale=2.0) == chart.render_image(200, 150, scale=2.0)
    widget.save_png(str(tmp_path / "w.png"))
    chart.save_png(str(tmp_path / "c.png"))
    assert (tmp_path / "w.png").read_bytes() == (tmp_path / "c.png").read_bytes()
    widget.save_svg(str(tmp_path / "w.svg"), 640, 480)
    assert "<title>Millau</title>" in (tmp_path / "w.svg").read_text(encoding="utf-8")
    assert widget.chart().axes == chart.axes
    with pytest.raises(OSError):
        widget.save_png(str(tmp_path / "missing-dir" / "w.png"))
