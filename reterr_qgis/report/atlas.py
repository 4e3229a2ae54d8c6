"""The council atlas: one page per territory of a coverage layer, built on QGIS's layout atlas.

Each page is the council map's page (:mod:`.council_map`: template, choropleth, legend, scale bar,
north arrow, sources) zoomed on one territory, its neighbours greyed, with two tables that follow
the atlas: the territory's key figures and its profile (index dimension scores, rank and
Monte-Carlo band when the layer comes from ``reterr:resilience_index``, then its indicators
against the median of its peers), coloured like the dock's table (:mod:`.formatting`).

The per-territory texts are computed here, in the user's locale, and stored in a table without
geometry (one row per line of a table, keyed by the coverage feature id); the layout's attribute
tables show the rows of the current atlas feature. The layout therefore stays a plain, editable
QGIS atlas when it is added to a project.

* :func:`territory_rows` — the lines (key figures and profile) of every territory;
* :func:`page_table` — those lines as the table the layout reads;
* :func:`build_atlas` — the atlas layout in a project;
* :func:`export_atlas_pdf` — one PDF, one page per territory, with progress and cancel.

Layouts are ``QGraphicsScene``\\ s: build and export them on the main thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsConditionalStyle,
    QgsExpression,
    QgsFeature,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..adapters import compat
from ..adapters.i18n import translate
from ..engine.core.indicators import Polarity, dimension_label, get_indicator
from ..engine.index.dashboard import DIMENSION_FIELD, Dashboard
from . import council_map
from .formatting import (
    BAD,
    GOOD,
    MIDDLE,
    goodness_color,
    number,
    row_color,
    row_label,
    text_format,
)

__all__ = [
    "AtlasLine",
    "build_atlas",
    "export_atlas_pdf",
    "page_table",
    "territory_rows",
]

#: Translation context of the texts of the atlas (those of its algorithm).
CONTEXT = "ExportAtlas"
MM = compat.LAYOUT_MM
#: Neighbours of the current territory: light grey, nearly opaque, white borders.
NEIGHBOUR_FILL = {
    "color": "230,230,230,225",
    "outline_color": "#ffffff",
    "outline_width": "0.2",
    "style": "solid",
}
#: The current territory: a dark outline above its class colour.
CURRENT_OUTLINE = {"style": "no", "outline_color": "#1a1a1a", "outline_width": "0.8"}
#: Tone of a line (background of its value): best third, in between, worst third.
TONES = {1: GOOD, 0: MIDDLE, -1: BAD}


# -- per-territory lines -------------------------------------------------------------------------


@dataclass(frozen=True)
class AtlasLine:
    """One line of a page's table: ``kind`` "figure" (key figures) or "profile"; ``tone`` +1
    (best third of territories), 0 (in between), −1 (worst third), None (no colour)."""

    kind: str
    label: str
    value: str
    rank: str = ""
    reference: str = ""
    tone: int | None = None


def _tone(goodness: float) -> int | None:
    colour = goodness_color(goodness)
    if colour is None:
        return None
    return {GOOD.name(): 1, MIDDLE.name(): 0, BAD.name(): -1}[colour.name()]


def _ranks_desc(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Rank of each value, 1 for the largest (ties share the best rank; 0 where NaN), and the
    number of values ranked."""
    finite = np.isfinite(values)
    ordered = np.sort(-values[finite])
    ranks = np.zeros(values.size, dtype=int)
    ranks[finite] = 1 + np.searchsorted(ordered, -values[finite], side="left")
    return ranks, int(finite.sum())


def _goodness(rank: int, ranked: int) -> float:
    if rank <= 0:
        return math.nan
    return 1.0 if ranked < 2 else 1.0 - (rank - 1) / (ranked - 1)


def _peer_median(values: np.ndarray, members: np.ndarray) -> float:
    v = values[members]
    v = v[np.isfinite(v)]
    return float(np.median(v)) if v.size else math.nan


def field_label(name: str, language: str = "fr") -> tuple[str, str]:
    """Label and unit of a mapped field: a ReTerr indicator's, the index score's, a dimension's,
    else the field name (no unit)."""
    indicator = get_indicator(name)
    if indicator is not None:
        return indicator.label(language), indicator.unit
    if name == "score":
        return translate("ExportAtlas", "Index score"), ""
    match = DIMENSION_FIELD.match(name)
    if match:
        return dimension_label(match.group("dim"), language), ""
    return name, ""


def territory_rows(
    columns: Mapping[str, np.ndarray],
    fields: Sequence[str],
    locale: QLocale,
    *,
    groups: Sequence[str] | None = None,
    board: Dashboard | None = None,
    language: str = "fr",
) -> list[list[AtlasLine]]:
    """The lines of every territory's page (one list per territory, in the order of
    ``columns``).

    Key figures: population, area and density (when the layer has them), the mapped indicators
    ``fields`` (value and unit), and the index's score, rank and Monte-Carlo band
    (``score``, ``rank``, ``rank_p05``/``rank_p95`` of ``reterr:resilience_index``). Profile: the
    index dimension scores (``dim_*``) with their rank and the median of the peers, then the
    indicators of ``board`` (the prepared dashboard of the same rows, grouped by the peers) with
    value, rank and the peers' median, coloured by tercile.

    ``groups``: the peer group of each territory (None: all territories are peers).
    """
    n = len(next(iter(columns.values()))) if columns else 0
    groups_arr = np.asarray(list(groups) if groups is not None else [""] * n, dtype=object)
    members_of = {g: np.flatnonzero(groups_arr == g) for g in set(groups_arr.tolist())}
    dims = [name for name in columns if DIMENSION_FIELD.match(name)]
    dim_ranks = {d: _ranks_desc(np.asarray(columns[d], dtype=float)) for d in dims}
    index_ranks = None
    if "score" in columns:
        index_ranks = _ranks_desc(np.asarray(columns["score"], dtype=float))

    def num(v: float, decimals: int) -> str:
        return locale.toString(float(v), "f", decimals)

    def value_of(name: str, i: int) -> float:
        col = columns.get(name)
        return float(col[i]) if col is not None else math.nan

    out: list[list[AtlasLine]] = []
    for i in range(n):
        lines: list[AtlasLine] = []
        pop, area, density = (value_of(k, i) for k in ("population", "area_km2", "density"))
        if math.isfinite(pop):
            lines.append(AtlasLine("figure", translate("ExportAtlas", "Population"), num(pop, 0)))
        if math.isfinite(area):
            lines.append(
                AtlasLine("figure", translate("ExportAtlas", "Area"), num(area, 0) + " km²")
            )
        if not math.isfinite(density) and math.isfinite(pop) and area > 0:
            density = pop / area
        if math.isfinite(density):
            lines.append(
                AtlasLine(
                    "figure",
                    translate("ExportAtlas", "Density"),
                    number(density, locale) + " " + translate("ExportAtlas", "inh./km²"),
                )
            )
        for name in fields:
            if name in ("population", "area_km2", "density"):
                continue
            label, unit = field_label(name, language)
            v = value_of(name, i)
            text = number(v, locale) + (f" {unit}" if unit and math.isfinite(v) else "")
            lines.append(AtlasLine("figure", label, text))
        rank = value_of("rank", i)
        if "rank" in columns and math.isfinite(rank):
            ranked = int(np.isfinite(np.asarray(columns["rank"], dtype=float)).sum())
            text = translate("ExportAtlas", "{rank} of {n}").format(rank=int(rank), n=ranked)
            low, high = value_of("rank_p05", i), value_of("rank_p95", i)
            if math.isfinite(low) and math.isfinite(high):
                text += " " + translate("ExportAtlas", "(90 % band: {low} – {high})").format(
                    low=num(low, 0), high=num(high, 0)
                )
            lines.append(
                AtlasLine("figure", translate("ExportAtlas", "Rank in the index (1 = best)"), text)
            )

        members = members_of[groups_arr[i]]
        if "score" in columns and index_ranks is not None:
            r, ranked = int(index_ranks[0][i]), index_ranks[1]
            lines.append(
                AtlasLine(
                    "profile",
                    translate("ExportAtlas", "Index score"),
                    number(value_of("score", i), locale),
                    f"{r} / {ranked}" if r else "",
                    number(_peer_median(np.asarray(columns["score"], float), members), locale),
                    _tone(_goodness(r, ranked)),
                )
            )
        for d in dims:
            ranks, ranked = dim_ranks[d]
            r = int(ranks[i])
            lines.append(
                AtlasLine(
                    "profile",
                    dimension_label(DIMENSION_FIELD.match(d).group("dim"), language),
                    number(value_of(d, i), locale),
                    f"{r} / {ranked}" if r else "",
                    number(_peer_median(np.asarray(columns[d], float), members), locale),
                    _tone(_goodness(r, ranked)),
                )
            )
        if board is not None:
            profile = board.profile(i)
            # Indicators first, context figures (neutral) last, as in the dock.
            order = sorted(
                range(len(profile.rows)),
                key=lambda k: profile.rows[k].polarity is Polarity.NEUTRAL,
            )
            for k in order:
                row = profile.rows[k]
                colour = row_color(row)
                tone = (
                    None
                    if colour is None
                    else {GOOD.name(): 1, MIDDLE.name(): 0}.get(colour.name(), -1)
                )
                lines.append(
                    AtlasLine(
                        "profile",
                        row_label(row),
                        number(row.value, locale),
                        "" if row.rank is None else f"{row.rank} / {row.ranked}",
                        number(row.reference, locale),
                        tone,
                    )
                )
        out.append(lines)
    return out


def page_table(fids: Sequence[int], lines: Sequence[Sequence[AtlasLine]]) -> QgsVectorLayer:
    """The lines of every page as a table without geometry (``page`` = the coverage feature
    id, ``kind``, ``pos``, ``label``, ``value``, ``rank``, ``reference``, ``tone``), with the
    tones as conditional styles of ``value``."""
    table = QgsVectorLayer(
        "None?field=page:integer&field=kind:string(10)&field=pos:integer"
        "&field=label:string(200)&field=value:string(80)&field=rank:string(20)"
        "&field=reference:string(40)&field=tone:integer",
        translate("ExportAtlas", "Atlas tables"),
        "memory",
    )
    feats = []
    for fid, page in zip(fids, lines):
        for pos, line in enumerate(page):
            feat = QgsFeature(table.fields())
            feat.setAttributes(
                [
                    int(fid),
                    line.kind,
                    pos,
                    line.label,
                    line.value,
                    line.rank,
                    line.reference,
                    line.tone,
                ]
            )
            feats.append(feat)
    table.dataProvider().addFeatures(feats)
    styles = []
    for tone, colour in TONES.items():
        style = QgsConditionalStyle(f'"tone" = {tone}')
        style.setBackgroundColor(colour)
        styles.append(style)
    table.conditionalStyles().setFieldStyles("value", styles)
    return table


# -- layout --------------------------------------------------------------------------------------


def _label(layout, item_id: str, text: str, x, y, w, h, size: float, bold: bool = False):
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    compat.set_label_font(item, font)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))
    return item


def _attribute_table(layout, table: QgsVectorLayer, kind: str, headers, widths, x, y, w, h):
    """An attribute table of the ``kind`` lines of ``table`` for the current atlas feature."""
    atable = QgsLayoutItemAttributeTable.create(layout)
    atable.setVectorLayer(table)
    atable.setMaximumNumberOfFeatures(200)
    atable.setFilterFeatures(True)
    atable.setFeatureFilter(f'"kind" = \'{kind}\' AND "page" = @atlas_featureid')
    names = ["label", "value", "rank", "reference"][: len(headers)]
    columns = []
    for heading, name, width in zip(headers, names, widths):
        col = QgsLayoutTableColumn(heading)
        col.setAttribute(name)
        col.setWidth(width)
        col.setHAlignment(
            Qt.AlignmentFlag.AlignLeft if name == "label" else Qt.AlignmentFlag.AlignRight
        )
        columns.append(col)
    atable.setColumns(columns)
    sort = QgsLayoutTableColumn()
    sort.setAttribute("pos")
    sort.setSortOrder(compat.SORT_ASCENDING)
    if hasattr(atable, "setSortColumns"):  # QGIS 3.14+
        atable.setSortColumns([sort])
    if not any(headers):
        atable.setHeaderMode(compat.TABLE_NO_HEADERS)
    atable.setUseConditionalStyling(True)
    atable.setWrapBehavior(compat.TABLE_WRAP_TEXT)
    atable.setHeaderTextFormat(text_format(7, True))
    atable.setContentTextFormat(text_format(7))
    atable.setCellMargin(0.8)
    atable.setGridStrokeWidth(0.15)
    atable.setGridColor(QColor(180, 180, 180))
    atable.setEmptyTableBehavior(compat.TABLE_HIDE_WHEN_EMPTY)
    frame = QgsLayoutFrame(layout, atable)
    frame.attemptResize(QgsLayoutSize(w, h, MM))
    frame.attemptMove(QgsLayoutPoint(x, y, MM))
    atable.addFrame(frame)
    layout.addMultiFrame(atable)
    return atable


def neighbour_layer(layer: QgsVectorLayer, name_field: str = "") -> QgsVectorLayer:
    """A copy of the coverage drawn above the choropleth: the atlas territories other than the
    current one in grey, named in grey italics by ``name_field`` (when given), the current one
    outlined."""
    copy = council_map.copy_layer(layer, translate("ExportAtlas", "Neighbouring territories"))
    root = QgsRuleBasedRenderer.Rule(None)
    grey = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple(NEIGHBOUR_FILL),
        0,
        0,
        "$id <> @atlas_featureid",
        translate("ExportAtlas", "Others"),
    )
    current = QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple(CURRENT_OUTLINE),
        0,
        0,
        "$id = @atlas_featureid",
        translate("ExportAtlas", "This territory"),
    )
    root.appendChild(current)
    root.appendChild(grey)
    copy.setRenderer(QgsRuleBasedRenderer(root))
    if name_field and copy.fields().lookupField(name_field) >= 0:
        settings = QgsPalLayerSettings()
        settings.fieldName = name_field
        settings.placement = compat.LABEL_AROUND_POINT
        settings.centroidInside = True
        fmt = QgsTextFormat()
        font = QFont("DejaVu Sans")
        font.setItalic(True)
        fmt.setFont(font)
        fmt.setSize(7)
        fmt.setColor(QColor("#707070"))
        settings.setFormat(fmt)
        rule = QgsRuleBasedLabeling.Rule(settings)
        rule.setFilterExpression("$id <> @atlas_featureid")
        labels = QgsRuleBasedLabeling.Rule(None)
        labels.appendChild(rule)
        copy.setLabeling(QgsRuleBasedLabeling(labels))
        copy.setLabelsEnabled(True)
    return copy


def build_atlas(
    project: QgsProject,
    choropleth: QgsVectorLayer,
    map_layers: Sequence[QgsVectorLayer],
    table: QgsVectorLayer,
    *,
    name_field: str,
    filter_expression: str,
    title: str,
    subtitle: str,
    sources: str,
    profile_reference: str,
    peer_field: str = "",
    template: str | None = None,
) -> QgsPrintLayout:
    """The atlas layout in ``project``: one page per feature of ``choropleth`` (styled, the
    coverage) passing ``filter_expression``, sorted by ``name_field``.

    ``map_layers`` (top first) are shown in the legend; the neighbours' layer and ``table`` are
    added to the project without a legend entry. ``subtitle`` is under the territory's name (the
    title of the page); ``title`` names the layout.
    """
    layout = council_map.load_template(project, template or council_map.default_template())
    layout.setName(title)
    council_map.fill_map(layout, list(map_layers), choropleth)
    neighbours = neighbour_layer(choropleth, name_field)
    project.addMapLayer(neighbours)  # in the legend: what the grey means
    project.addMapLayer(table, False)
    map_item = layout.itemById("map")
    map_item.setLayers([neighbours, *map_layers])
    # Room for the tables on the right: a narrower map, the legend and tables beside it.
    map_size = QgsLayoutSize(145, 158, MM)
    map_item.attemptResize(map_size)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(compat.ATLAS_SCALING_AUTO)
    map_item.setAtlasMargin(0.15)
    north = layout.itemById("north")
    if north is not None:
        north.attemptMove(QgsLayoutPoint(10 + 145 - 12, 31, MM))
    scalebar = layout.itemById("scalebar")
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        # The scale changes from page to page: segments fit a width instead of a fixed length.
        scalebar.setSegmentSizeMode(compat.SCALEBAR_FIT_WIDTH)
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setNumberOfSegments(2)
        scalebar.setMinimumBarWidth(30)
        scalebar.setMaximumBarWidth(55)
        scalebar.update()
    legend = layout.itemById("legend")
    if legend is not None:
        legend.attemptMove(QgsLayoutPoint(160, 28, MM))
        legend.setResizeToContents(True)
    # The template's static key-figure table gives way to the atlas tables.
    for multi in list(layout.multiFrames()):
        if isinstance(multi, QgsLayoutItemTextTable):
            layout.removeMultiFrame(multi)
    figures_title = layout.itemById("figures_title")
    if figures_title is not None:
        figures_title.attemptResize(QgsLayoutSize(55, 6, MM))
        figures_title.attemptMove(QgsLayoutPoint(160, 100, MM))
    _attribute_table(layout, table, "figure", ["", ""], [24, 31], 160, 107, 55, 78)
    _attribute_table(
        layout,
        table,
        "profile",
        [
            translate("ExportAtlas", "Indicator"),
            translate("ExportAtlas", "Value"),
            translate("ExportAtlas", "Rank"),
            profile_reference,
        ],
        [27, 12, 15, 13],
        220,
        35,
        67,
        150,
    )
    _label(layout, "profile_title", translate("ExportAtlas", "Profile"), 220, 28, 67, 6, 11, True)
    if peer_field:
        peer_ref = QgsExpression.quotedColumnRef(peer_field)
        note = translate(
            "ExportAtlas", "Peers' median: the median of the territories of {value}."
        ).format(value=f"[% {peer_ref} %]")
    else:
        note = translate("ExportAtlas", "Median: of all the territories of the layer.")
    note += " " + translate(
        "ExportAtlas", "Green: best third; amber: middle third; red: worst third. Rank 1 = best."
    )
    _label(layout, "profile_note", note, 220, 176, 67, 12, 6.5)
    name_ref = QgsExpression.quotedColumnRef(name_field) if name_field else "@atlas_pagename"
    council_map.set_label(layout, "title", f"[% {name_ref} %]")
    council_map.set_label(layout, "subtitle", subtitle)
    council_map.set_label(layout, "figures_title", translate("ExportCouncilMap", "Key figures"))
    council_map.set_label(layout, "sources", sources)

    atlas = layout.atlas()
    atlas.setCoverageLayer(choropleth)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    if name_field:
        atlas.setPageNameExpression(QgsExpression.quotedColumnRef(name_field))
        atlas.setSortFeatures(True)
        atlas.setSortExpression(QgsExpression.quotedColumnRef(name_field))
        atlas.setSortAscending(True)
    if filter_expression:
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(filter_expression)
    atlas.updateFeatures()
    return layout


def export_atlas_pdf(
    layout: QgsPrintLayout,
    path: str,
    dpi: int,
    feedback=None,
    on_page: Callable[[int, int], None] | None = None,
) -> None:
    """Export every page of the atlas of ``layout`` to one PDF at ``path`` (vector, real text).

    ``on_page(k, n)`` is called before page ``k`` (0-based) of ``n`` is drawn; ``feedback`` (a
    ``QgsFeedback``) cancels the export. Raises OSError (translated, naming ``path``) when the PDF
    cannot be written; a canceled export raises nothing (the caller checks ``feedback``).
    """
    atlas = layout.atlas()
    n = atlas.count()
    if on_page is not None:
        atlas.featureChanged.connect(lambda _f: on_page(atlas.currentFeatureNumber(), n))
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = compat.TEXT_ALWAYS_TEXT
    result, error = QgsLayoutExporter.exportToPdf(atlas, path, settings, feedback)
    if feedback is not None and feedback.isCanceled():
        return
    if result != compat.EXPORT_SUCCESS:
        raise OSError(
            translate(
                "ExportCouncilMap", "The PDF could not be written to {path} ({error})."
            ).format(path=path, error=error or result)
        )
