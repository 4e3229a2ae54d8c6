"""Build ``resources/layouts/council_map.qpt``, the A4 landscape council map template.

Run with the QGIS Python (``make layout``). The template is committed; planners can open it in the
QGIS layout designer and restyle it, keeping the item ids the algorithm fills in: ``title``,
``subtitle``, ``map``, ``legend``, ``scalebar``, ``north``, ``sources``, ``figures_title`` and the
text table of key figures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutItemTextTable,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

MM = QgsUnitTypes.LayoutMillimeters
FONT = "DejaVu Sans"
DARK = QColor("#1f2d1f")
ACCENT = QColor("#1b5e20")


def _font(size: float, bold: bool = False) -> QFont:
    f = QFont(FONT)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def _fmt(size: float, bold: bool = False, color: QColor = DARK) -> QgsTextFormat:
    fmt = QgsTextFormat()
    fmt.setFont(_font(size, bold))
    fmt.setSize(size)
    fmt.setColor(color)
    return fmt


def _place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))


def _label(layout, item_id, text, x, y, w, h, size, bold=False, color=DARK):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(_fmt(size, bold, color))
    else:  # QGIS < 3.24
        label.setFont(_font(size, bold))
        label.setFontColor(color)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    layout.addLayoutItem(label)
    _place(label, x, y, w, h)
    return label


def build(out: Path) -> None:
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("ReTerr council map")
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)

    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Rectangle)
    band.setId("band")
    layout.addLayoutItem(band)
    _place(band, 0, 0, 297, 4)
    band.symbol().setColor(ACCENT)
    band.symbol().symbolLayer(0).setStrokeStyle(Qt.PenStyle.NoPen)

    _label(layout, "title", "Title", 10, 7, 277, 11, 20, bold=True, color=ACCENT)
    _label(layout, "subtitle", "Territory — date", 10, 18, 277, 7, 11, color=QColor("#4a4a4a"))

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(QColor("#9e9e9e"))
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    map_item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(map_item)
    # A valid CRS and non-empty start extent (France, Lambert-93). setExtent adapts the item's
    # height to the extent, so size the item before and after.
    _place(map_item, 10, 28, 192, 158)
    map_item.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    map_item.setExtent(QgsRectangle(100000, 6040000, 1250000, 7120000))
    _place(map_item, 10, 28, 192, 158)

    north = QgsLayoutItemPicture(layout)
    north.setId("north")
    layout.addLayoutItem(north)
    _place(north, 190, 31, 9, 14)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(10)
    scalebar.setHeight(2)
    scalebar.setTextFormat(_fmt(7))
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(scalebar)
    _place(scalebar, 13, 174, 50, 10)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(True)
    legend.setSymbolWidth(7)
    legend.setSymbolHeight(4.5)
    legend.setResizeToContents(True)
    for style, size, bold in (
        (QgsLegendStyle.Title, 10, True),
        (QgsLegendStyle.Group, 9, True),
        (QgsLegendStyle.Subgroup, 9, True),
        (QgsLegendStyle.SymbolLabel, 8, False),
    ):
        legend.rstyle(style).setFont(_font(size, bold))
    legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 3)
    layout.addLayoutItem(legend)
    _place(legend, 207, 28, 80, 70)

    _label(layout, "figures_title", "Key figures", 207, 112, 80, 7, 11, bold=True, color=ACCENT)
    table = QgsLayoutItemTextTable(layout)
    columns = []
    for width in (50.0, 27.0):  # fixed widths: long labels wrap instead of widening the table
        column = QgsLayoutTableColumn("")
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setWrapBehavior(QgsLayoutItemTextTable.WrapText)
    table.setContents([["", ""]])
    table.setHeaderMode(QgsLayoutItemTextTable.NoHeaders)
    table.setContentTextFormat(_fmt(8))
    table.setShowGrid(True)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bdbdbd"))
    table.setCellMargin(1.2)
    layout.addMultiFrame(table)
    table.setResizeMode(QgsLayoutItemTextTable.UseExistingFrames)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("figures")
    table.addFrame(frame)
    _place(frame, 207, 120, 80, 66)

    _label(layout, "sources", "Sources", 10, 189, 277, 16, 6.5, color=QColor("#555555"))

    out.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(out), QgsReadWriteContext()):
        raise SystemExit(f"could not write {out}")
    print(f"wrote {out}")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    root = Path(__file__).resolve().parent.parent
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "resources/layouts/council_map.qpt")
    app.exitQgis()
