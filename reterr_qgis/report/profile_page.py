"""A territory's resilience profile as a layout page: the dock's radar and table, for the council.

The page is added after the map page of the council layout (A4 landscape): title, radar (an SVG
painted by :mod:`.radar`, the dock's own painter, so the council sees what the planner saw) and
the indicator table with the same numbers and good/bad colours (:mod:`.formatting`).
:func:`add_territory_page` builds it for one territory of a prepared dashboard (the council map,
and one page per territory in an atlas); :func:`add_profile_page` for a given profile.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsTableCell,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..adapters import compat
from ..engine.index.dashboard import Dashboard, Profile
from .formatting import has_vintages, table_rows
from .radar import RadarChart, RadarSeries

MM = compat.LAYOUT_MM
#: Colours of the radar: the reference (dashed grey) and the territory.
REFERENCE_COLOR = QColor(110, 110, 110)
TERRITORY_COLOR = QColor(31, 119, 180)


def _text_format(size: float, bold: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    return fmt


def _label(layout, text: str, w: float, h: float, size: float, bold: bool = False):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.attemptResize(QgsLayoutSize(w, h, MM))
    layout.addLayoutItem(item)
    return item


def add_profile_page(
    layout, profile: Profile, subtitle: str, note: str, locale: QLocale, workdir: Path
) -> None:
    """Append a page with ``profile``'s radar and table to ``layout`` (A4 landscape).

    The radar is written to ``workdir`` as an SVG (one per page) that must outlive the layout's
    export.
    """
    pages = layout.pageCollection()
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(297, 210, MM))
    pages.addPage(page)
    index = pages.pageCount() - 1

    def place(item, x, y):
        item.attemptMove(QgsLayoutPoint(x, y, MM), page=index)

    title = _label(
        layout,
        QCoreApplication.translate("ReterrProfilePage", "Resilience profile — {name}").format(
            name=profile.name
        ),
        277,
        12,
        20,
        True,
    )
    place(title, 10, 8)
    sub = _label(layout, subtitle, 277, 8, 10)
    place(sub, 10, 20)

    # Radar: painted by the dock's painter into an SVG that lives as long as the layout's export.
    if profile.axes:
        chart = RadarChart(
            profile.axes,
            [
                RadarSeries(
                    profile.reference_label,
                    list(profile.reference_scores),
                    REFERENCE_COLOR,
                    filled=False,
                    dashed=True,
                ),
                RadarSeries(profile.name, list(profile.scores), TERRITORY_COLOR),
            ],
            10.0,
            QCoreApplication.translate(
                "ReterrProfilePage", "Scores out of 10 (0 = worst, 10 = best territory)"
            ),
        )
        svg = Path(workdir) / f"radar_page{index + 1}.svg"
        chart.save_svg(str(svg), 760, 700)
        picture = QgsLayoutItemPicture(layout)
        picture.setPicturePath(str(svg))
        picture.attemptResize(QgsLayoutSize(130, 120, MM))
        layout.addLayoutItem(picture)
        place(picture, 8, 32)

    table = QgsLayoutItemManualTable.create(layout)
    headers = [
        QCoreApplication.translate("ReterrProfilePage", "Indicator"),
        QCoreApplication.translate("ReterrProfilePage", "Value"),
        QCoreApplication.translate("ReterrProfilePage", "Rank"),
        QCoreApplication.translate("ReterrProfilePage", "Reference"),
    ]
    widths = [74, 18, 18, 20]
    if has_vintages(profile):
        headers.append(QCoreApplication.translate("ReterrProfilePage", "Change"))
        widths = [62, 18, 18, 18, 22]
    columns = []
    for h in headers:
        col = QgsLayoutTableColumn(h)
        col.setHAlignment(
            Qt.AlignmentFlag.AlignLeft if h == headers[0] else Qt.AlignmentFlag.AlignRight
        )
        columns.append(col)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    contents = []
    fmt = _text_format(7.5)
    for row in table_rows(profile, locale):
        cells = []
        for c, (text, colour) in enumerate(row):
            cell = QgsTableCell(text)
            cell.setTextFormat(fmt)
            if c:
                cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if colour is not None:
                cell.setBackgroundColor(colour)
            cells.append(cell)
        contents.append(cells)
    table.setTableContents(contents)
    table.setColumnWidths(widths)
    table.setWrapBehavior(compat.TABLE_WRAP_TEXT)
    table.setHeaderTextFormat(_text_format(7.5, True))
    table.setContentTextFormat(fmt)
    table.setCellMargin(1.0)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor(180, 180, 180))
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(146, 150, MM))
    table.addFrame(frame)
    layout.addMultiFrame(table)
    place(frame, 142, 32)

    legend = _label(
        layout,
        QCoreApplication.translate(
            "ReterrProfilePage",
            "Green: among the best third of territories for this indicator; red: the worst "
            "third; amber: in between. Rank 1 = best (context figures: largest). Reference: {ref}.",
        ).format(ref=profile.reference_label),
        277,
        10,
        7.5,
    )
    place(legend, 10, 183)
    foot = _label(layout, note, 277, 10, 7)
    place(foot, 10, 194)


def add_territory_page(
    layout,
    board: Dashboard,
    row: int,
    peers: str,
    layer_label: str,
    date: str,
    locale: QLocale,
    workdir: Path,
) -> None:
    """Append the profile page of territory ``row`` of ``board`` to ``layout``.

    Parameters
    ----------
    board
        The prepared dashboard of the indicator layer (``adapters.dashboard.read_dashboard``).
    row
        The territory's position in ``board``.
    peers
        The field defining the peers the board was read with ("" for all territories): names
        the reference in the table legend.
    layer_label
        Name of the indicator layer in the subtitle.
    date
        The date of the document, as written in the subtitle.
    workdir
        Folder for the radar's SVG; it must outlive the layout's export.
    """
    group = board.group_label(row)
    if group is None:
        ref = QCoreApplication.translate("ExportCouncilMap", "median of all territories")
    else:
        ref = QCoreApplication.translate(
            "ExportCouncilMap", "median of the territories with {field} = {value}"
        ).format(field=peers, value=group)
    profile = board.profile(row, ref)
    subtitle = QCoreApplication.translate(
        "ExportCouncilMap", "{layer}: {n} territories compared — {date}"
    ).format(layer=layer_label, n=board.n, date=date)
    note = QCoreApplication.translate(
        "ExportCouncilMap",
        "Radar: each indicator (or dimension of the index) scored from 0 (worst territory) to "
        "10 (best), by its polarity, as in the ReTerr dock and reterr:resilience_index.",
    )
    add_profile_page(layout, profile, subtitle, note, locale, workdir)
