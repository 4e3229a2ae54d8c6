"""A territory's resilience profile as a layout page: the dock's radar and table, for the council.

The page is added after the map page of the council layout (A4 landscape): title, radar (an SVG
painted by :mod:`.radar`, the dock's own painter, so the council sees what the planner saw) and
the indicator table with the same numbers and good/bad colours (:mod:`.formatting`).
:func:`add_territory_page` builds it for one territory of a prepared dashboard (the council map,
and one page per territory in an atlas); :func:`add_profile_page` for a given profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

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
)
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..adapters import compat
from ..adapters.dashboard import IndexSummary, index_summary, peer_kind
from ..adapters.i18n import translate
from ..engine.core.indicators import Polarity
from ..engine.index.dashboard import Dashboard, Profile
from .formatting import (
    Cell,
    goodness_color,
    has_vintages,
    number,
    row_order,
    table_rows,
    text_format,
)
from .radar import RadarChart, RadarSeries

MM = compat.LAYOUT_MM
#: Colours of the radar: the reference (dashed grey) and the territory.
REFERENCE_COLOR = QColor(110, 110, 110)
TERRITORY_COLOR = QColor(31, 119, 180)


#: One line of the profile table: its cells, the tooltip of its first cell, the position of its
#: indicator in ``profile.rows`` (None for an index line or a heading), and whether it heads a
#: dimension.
Line = tuple[list[Cell], str, Optional[int], bool]


def index_lines(
    profiles: Sequence[Profile], summaries: Sequence[IndexSummary], locale: QLocale, width: int
) -> list[Line]:
    """Lines of the index: each dimension's score (0–100, as the algorithm wrote it), the
    overall score, the rank (1 = best placed) and its Monte-Carlo band. One value column per
    profile (two in the dock's comparison), then rank and reference for a single profile."""
    compare = len(profiles) > 1
    first = summaries[0]
    lines: list[Line] = []

    def line(label, values, rank_text, reference, tooltip):
        cells = [(label, None), *values]
        if not compare:
            cells.append((rank_text, None))
        cells.append((reference, None))
        cells += [("", None)] * (width - len(cells))
        lines.append((cells, tooltip, None, False))

    scored = [
        (d.label, [s.dimensions[k] for s in summaries]) for k, d in enumerate(first.dimensions)
    ]
    if first.overall is not None:
        scored.append((translate("ReterrProfilePage", "Overall"), [s.overall for s in summaries]))
    for label, rows in scored:
        r = rows[0]
        line(
            translate("ReterrProfilePage", "Score: {dimension}").format(dimension=label),
            [(number(x.value, locale), goodness_color(x.goodness)) for x in rows],
            "" if r.rank is None else f"{r.rank} / {r.ranked}",
            number(r.reference, locale),
            translate(
                "ReterrProfilePage",
                "Index score from 0 to 100, higher = more resilient. Field: {field}",
            ).format(field=r.field),
        )
    values = []
    for s in summaries:
        good = float("nan")
        if s.rank is not None and s.ranked > 1:
            good = 1.0 - (s.rank - 1) / (s.ranked - 1)
        values.append(("–" if s.rank is None else f"{s.rank} / {s.ranked}", goodness_color(good)))
    rank_label = translate("ReterrProfilePage", "Rank in the index (1 = best placed)")
    if first.overall is None and first.dimensions:
        # Without an overall score, the algorithm ranks on the first dimension.
        rank_label = translate("ReterrProfilePage", "Rank on {dimension} (1 = best placed)").format(
            dimension=first.dimensions[0].label
        )
    line(
        rank_label,
        values,
        "",
        "",
        translate("ReterrProfilePage", "Field: {field}").format(field="rank"),
    )
    if any(s.band is not None for s in summaries):
        bands = []
        for s in summaries:
            text = "–"
            if s.band is not None:
                text = f"{number(s.band[0], locale)} – {number(s.band[1], locale)}"
            bands.append((text, None))
        line(
            translate("ReterrProfilePage", "Rank when the weights vary (90 % of draws)"),
            bands,
            "",
            "",
            translate(
                "ReterrProfilePage",
                "Monte-Carlo band: the rank stays within it in 90 % of the random weightings. "
                "A narrow band means a robust rank.",
            ),
        )
    return lines


def profile_lines(
    profiles: Profile | Sequence[Profile],
    summaries: Sequence[IndexSummary | None] | None,
    locale: QLocale,
    width: int,
) -> list[Line]:
    """The lines of the profile table (the dock's and the page's).

    With the index of each profile (a layer made by ``reterr:resilience_index``): the index
    lines (:func:`index_lines`), then the indicators of each dimension under its name, in the
    order of the dimensions. Otherwise the indicator table of :func:`.formatting.table_rows`.
    """
    if isinstance(profiles, Profile):
        profiles = [profiles]
    rows = profiles[0].rows
    order = row_order(profiles[0])
    cells_of = dict(zip(order, table_rows(profiles, locale)))
    if not summaries or any(s is None for s in summaries):
        return [(cells_of[k], "", k, False) for k in order]
    lines = index_lines(profiles, summaries, locale, width)
    dims = [d.label for d in summaries[0].dimensions]
    for k in order:
        if rows[k].dimension not in dims:
            dims.append(rows[k].dimension)
    for dim in dims:
        members = [k for k in order if rows[k].dimension == dim]
        if members:
            lines.append(([(dim, None)] + [("", None)] * (width - 1), "", None, True))
            lines += [(cells_of[k], "", k, False) for k in members]
    return lines


def radar_title(profile: Profile, summary: IndexSummary) -> str:
    """Title of an index layer's radar: the dimension scores, or (fewer than three dimensions)
    the indicators' scores, both on the index's 0–100 scale."""
    if list(profile.axes) == [d.label for d in summary.dimensions]:
        return translate("ReterrProfilePage", "Index scores (0–100, higher = more resilient)")
    return translate("ReterrProfilePage", "Indicator scores (0–100, higher = more resilient)")


def reading_line(profile: Profile) -> str:
    """How to read the table, in one line: rank 1 = best placed, the colours, and which way each
    indicator counts ("higher = more vulnerable: Share aged 65+, …")."""
    parts = [
        translate(
            "ReterrProfilePage",
            "Rank 1 = best placed. Green: best third of territories; amber: middle third; red: "
            "worst third.",
        )
    ]
    worse = [r.label for r in profile.rows if r.polarity is Polarity.HIGHER_IS_WORSE]
    better = [r.label for r in profile.rows if r.polarity is Polarity.HIGHER_IS_BETTER]
    context = [r.label for r in profile.rows if r.polarity is Polarity.NEUTRAL]
    if worse:
        parts.append(
            translate("ReterrProfilePage", "Higher = more vulnerable: {indicators}.").format(
                indicators=", ".join(worse)
            )
        )
    if better:
        parts.append(
            translate("ReterrProfilePage", "Higher = more resilient: {indicators}.").format(
                indicators=", ".join(better)
            )
        )
    if context:
        parts.append(
            translate("ReterrProfilePage", "Context, neither good nor bad: {indicators}.").format(
                indicators=", ".join(context)
            )
        )
    return " ".join(parts)


def reference_label(field_name: str, value: str | None) -> str:
    """The peer reference in plain words: "median of the EPCI CA Rodez Agglomération"."""
    if value is None:
        return QCoreApplication.translate("ExportCouncilMap", "median of all territories")
    kind = peer_kind(field_name)
    if kind == "epci":
        return translate("ReterrProfilePage", "median of the EPCI {name}").format(name=value)
    if kind == "departement":
        return translate("ReterrProfilePage", "median of the département {name}").format(name=value)
    return QCoreApplication.translate(
        "ExportCouncilMap", "median of the territories with {field} = {value}"
    ).format(field=field_name, value=value)


def _label(layout, text: str, w: float, h: float, size: float, bold: bool = False):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    compat.set_label_font(item, font)
    item.attemptResize(QgsLayoutSize(w, h, MM))
    layout.addLayoutItem(item)
    return item


def add_profile_page(
    layout,
    profile: Profile,
    subtitle: str,
    note: str,
    locale: QLocale,
    workdir: Path,
    summary: IndexSummary | None = None,
) -> None:
    """Append a page with ``profile``'s radar and table to ``layout`` (A4 landscape).

    ``summary``: the territory's index when the layer was made by ``reterr:resilience_index``
    (:func:`~..adapters.dashboard.index_summary`): the table opens with it, the radar shows the
    dimension scores on the index's 0–100 scale, and the indicators follow by dimension.
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
        # The index's own scale (0–100, as in the layer) on an index layer; tenths otherwise.
        k, maximum = (10.0, 100.0) if summary is not None else (1.0, 10.0)
        chart = RadarChart(
            profile.axes,
            [
                RadarSeries(
                    profile.reference_label,
                    [k * float(v) for v in profile.reference_scores],
                    REFERENCE_COLOR,
                    filled=False,
                    dashed=True,
                ),
                RadarSeries(profile.name, [k * float(v) for v in profile.scores], TERRITORY_COLOR),
            ],
            maximum,
            radar_title(profile, summary)
            if summary is not None
            else QCoreApplication.translate(
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
    fmt = text_format(7.5)
    bold = text_format(7.5, True)
    lines = profile_lines(profile, [summary] if summary is not None else None, locale, len(headers))
    for row, _tip, _k, heading in lines:
        cells = []
        for c, (text, colour) in enumerate(row):
            cell = QgsTableCell(text)
            cell.setTextFormat(bold if heading else fmt)
            if c:
                cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if colour is not None:
                cell.setBackgroundColor(colour)
            cells.append(cell)
        contents.append(cells)
    table.setTableContents(contents)
    table.setColumnWidths(widths)
    table.setWrapBehavior(compat.TABLE_WRAP_TEXT)
    table.setHeaderTextFormat(text_format(7.5, True))
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
        reading_line(profile)
        + " "
        + translate("ReterrProfilePage", "Reference: {ref}.").format(ref=profile.reference_label),
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
    ref = reference_label(peers, board.group_label(row))
    profile = board.profile(row, ref)
    subtitle = QCoreApplication.translate(
        "ExportCouncilMap", "{layer}: {n} territories compared — {date}"
    ).format(layer=layer_label, n=board.n, date=date)
    note = QCoreApplication.translate(
        "ExportCouncilMap",
        "Radar: each indicator (or dimension of the index) scored from 0 (worst territory) to "
        "10 (best), by its polarity, as in the ReTerr dock and reterr:resilience_index.",
    )
    summary = index_summary(board, row, board.language)
    if summary is not None:
        note = QCoreApplication.translate(
            "ExportCouncilMap",
            "Radar and scores: the dimension scores of the index as reterr:resilience_index "
            "wrote them (0–100, higher = more resilient), the same as in the layer and the "
            "ReTerr dock. The indicators are those the index was built from.",
        )
    add_profile_page(layout, profile, subtitle, note, locale, workdir, summary)
