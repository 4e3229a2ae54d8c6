"""A territory's resilience profile as a layout page: the dock's radar and table, for the council.

The page is added after the map page of the council layout (A4 landscape): title, radar (an SVG
drawn by the dock's own radar code, so the council sees what the planner saw) and the indicator
table with the same good/bad colours.
"""

from __future__ import annotations

import math
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

from ..engine.dashboard import Profile, ProfileRow
from ..engine.indicators import Polarity
from . import compat

MM = compat.LAYOUT_MM
GOOD = QColor(198, 232, 190)
BAD = QColor(246, 200, 190)
MIDDLE = QColor(250, 238, 200)


def number(value: float, locale: QLocale) -> str:
    """Value with a precision by magnitude, in ``locale`` ('–' when missing)."""
    if value is None or not math.isfinite(value):
        return "–"
    a = abs(value)
    if float(value).is_integer():  # counts (types, facilities, inhabitants) stay whole
        return locale.toString(float(value), "f", 0)
    return locale.toString(float(value), "f", 0 if a >= 100 else 1 if a >= 10 else 2)


def goodness_color(goodness: float) -> QColor | None:
    """Green for the best third of territories, red for the worst third, amber between."""
    if not math.isfinite(goodness):
        return None
    if goodness >= 2 / 3:
        return GOOD
    if goodness <= 1 / 3:
        return BAD
    return MIDDLE


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


def table_rows(profile: Profile, locale: QLocale) -> list[list[tuple[str, QColor | None]]]:
    """Cells (text, background) of the profile table: indicators first, context last."""
    rows = sorted(profile.rows, key=lambda r: r.polarity is Polarity.NEUTRAL)
    out = []
    for r in rows:
        cells = [
            (row_label(r), None),
            (number(r.value, locale), row_color(r)),
            ("" if r.rank is None else f"{r.rank} / {r.ranked}", None),
            (number(r.reference, locale), None),
        ]
        if has_vintages(profile):
            cells.append((change_text(r, locale), None))
        out.append(cells)
    return out


def row_label(r: ProfileRow) -> str:
    """Indicator label with its unit: "Part des 65 ans et plus (%)"."""
    return f"{r.label} ({r.unit})" if r.unit else r.label


def row_color(r: ProfileRow) -> QColor | None:
    """Background of the value: by tercile, none for context figures."""
    return None if r.polarity is Polarity.NEUTRAL else goodness_color(r.goodness)


def change_text(r: ProfileRow, locale: QLocale) -> str:
    """ "+0,50 (2021→2024)", or "" without two vintages."""
    if r.previous_year is None or not math.isfinite(r.change):
        return ""
    sign = "+" if r.change > 0 else ""
    return f"{sign}{number(r.change, locale)} ({r.previous_year}→{r.year})"


def has_vintages(profile: Profile) -> bool:
    """Whether any indicator of the profile has two vintages (else no "change" column)."""
    return any(r.previous_year is not None for r in profile.rows)


def add_profile_page(
    layout, profile: Profile, subtitle: str, note: str, locale: QLocale, workdir: Path
) -> None:
    """Append a page with ``profile``'s radar and table to ``layout`` (A4 landscape).

    The radar is written to ``workdir`` as an SVG that must outlive the layout's export.
    """
    from ..gui.radar import RadarSeries, RadarWidget

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

    # Radar: drawn by the dock's code into an SVG kept next to the layout's lifetime.
    if profile.axes:
        radar = RadarWidget()
        radar.set_data(
            profile.axes,
            [
                RadarSeries(
                    profile.reference_label,
                    list(profile.reference_scores),
                    QColor(110, 110, 110),
                    filled=False,
                    dashed=True,
                ),
                RadarSeries(profile.name, list(profile.scores), QColor(31, 119, 180)),
            ],
            10.0,
            QCoreApplication.translate(
                "ReterrProfilePage", "Scores out of 10 (0 = worst, 10 = best territory)"
            ),
        )
        svg = workdir / "radar.svg"
        radar.save_svg(str(svg), 760, 700)
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
