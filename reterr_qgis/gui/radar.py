"""The dock's radar chart: a thin widget over the painter of :mod:`reterr_qgis.report.radar`.

The widget keeps a :class:`~reterr_qgis.report.radar.RadarChart` and paints it in its rectangle,
so what the dock shows is what the PNG and SVG exports and the council map's profile page show.
It adds what only a widget has: repainting, the tooltip giving the full text of a label cut with
an ellipsis (:meth:`RadarWidget.label_at`) and size hints. It shows no text of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.PyQt.QtCore import QEvent, QPointF, QRectF, QSize
from qgis.PyQt.QtGui import QImage, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..report.radar import RadarChart, RadarLayout, RadarSeries

__all__ = ["RadarSeries", "RadarWidget"]


class RadarWidget(QWidget):
    """Radar chart of indicator scores; ``set_data`` to draw, ``clear`` to show a message."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._chart = RadarChart()
        self._layout_cache: tuple[tuple, RadarLayout] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)

    # ---- data --------------------------------------------------------------------------------

    def set_data(
        self,
        axes: Sequence[str],
        series: Sequence[RadarSeries],
        maximum: float = 10.0,
        title: str = "",
    ) -> None:
        """Show ``series`` on ``axes`` (one value per axis, scale ``0..maximum``).

        Raises ValueError when ``maximum`` is not a positive finite number or when a series does
        not have one value per axis.
        """
        self._set_chart(RadarChart(axes, series, maximum, title))

    def clear(self, message: str = "") -> None:
        """Remove the chart and show ``message`` (grey, centred) instead; empty shows nothing."""
        self._set_chart(RadarChart(maximum=self._chart.maximum, message=message))

    def _set_chart(self, chart: RadarChart) -> None:
        self._chart = chart
        self._layout_cache = None
        self.update()

    def chart(self) -> RadarChart:
        """What the widget shows (immutable: paint it elsewhere, or save it)."""
        return self._chart

    def axes(self) -> list[str]:
        return list(self._chart.axes)

    def series(self) -> list[RadarSeries]:
        return list(self._chart.series)

    def maximum(self) -> float:
        return self._chart.maximum

    def title(self) -> str:
        return self._chart.title

    def message(self) -> str:
        return self._chart.message

    def has_chart(self) -> bool:
        return self._chart.has_chart

    def label_at(self, pos: QPointF) -> str:
        """Full text of the axis label or legend entry drawn at ``pos`` ("" if none): labels
        may be cut with an ellipsis in small widgets."""
        if not self._chart.has_chart:
            return ""
        return self._chart.label_at(self.layout_for(QRectF(self.rect())), pos)

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            text = self.label_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # ---- sizes -------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(420, 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 200)

    # ---- drawing -----------------------------------------------------------------------------

    def layout_for(self, rect: QRectF) -> RadarLayout:
        """Layout of the current data in ``rect`` (cached for the last rectangle)."""
        rect = QRectF(rect)
        key = (rect.x(), rect.y(), rect.width(), rect.height())
        if self._layout_cache is None or self._layout_cache[0] != key:
            self._layout_cache = (key, self._chart.layout(rect))
        return self._layout_cache[1]

    def paintEvent(self, event):
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the whole chart (or the message) in ``rect`` on a white background."""
        layout = self.layout_for(rect) if self._chart.has_chart else None
        self._chart.paint(painter, rect, layout)

    # ---- export ------------------------------------------------------------------------------

    def render_image(self, width: int, height: int, scale: float = 1.0) -> QImage:
        """The chart as an image (see :meth:`RadarChart.render_image`)."""
        return self._chart.render_image(width, height, scale)

    def save_png(self, path: str, width: int = 900, height: int = 750) -> None:
        """Write the chart as a PNG; OSError (naming ``path``) on failure."""
        self._chart.save_png(path, width, height)

    def save_svg(self, path: str, width: int = 900, height: int = 750) -> None:
        """Write the chart as an SVG document; OSError (naming ``path``) on failure."""
        self._chart.save_svg(path, width, height)
