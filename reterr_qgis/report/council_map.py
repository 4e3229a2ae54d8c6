"""The council map: one indicator as a classed choropleth in an A4 landscape print layout.

Building blocks that take layers and plain values (no Processing parameter), so that the
``reterr:export_council_map`` algorithm and an atlas (one page per territory) build the same page:

* :func:`load_template` — the layout from a ``.qpt`` template (the ReTerr one by default,
  ``resources/layouts/council_map.qpt``, or a planner's own with the same item ids: ``title``,
  ``subtitle``, ``map``, ``legend``, ``scalebar``, ``north``, ``sources``, ``figures_title`` and a
  text table of key figures);
* the map layers: :func:`style_choropleth` (classes, palette from the indicator's polarity),
  :func:`label_towns`, :func:`nodata_layer`, :func:`outline_layer`, then :func:`fill_map`;
* the texts: :func:`fill_texts`, :func:`subtitle_text`, :func:`credit_text`, :func:`key_figures`
  and :func:`fill_key_figures`;
* :func:`export_pdf` and :func:`export_png`.

Layouts are ``QGraphicsScene``\\ s: build and export them on the main thread. Messages keep the
"ExportCouncilMap" translation context of the algorithm they come from.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutUtils,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRuleBasedLabeling,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..about import __version__, resource_path
from ..adapters import compat
from ..adapters.i18n import translate
from ..adapters.style import graduated_renderer, style_flow_layer
from ..engine.core.errors import QT_TRANSLATE_NOOP, InputError
from ..engine.profile.territory import (
    AGE_FIELDS,
    COUNT_FIELDS,
    HOUSING_FIELDS,
    profile_from_counts,
)

__all__ = [
    "MAX_LABELS_BY_AREA",
    "MAX_PNG_DPI",
    "Classification",
    "copy_layer",
    "credit_text",
    "default_template",
    "export_pdf",
    "export_png",
    "fill_key_figures",
    "fill_map",
    "fill_texts",
    "fit_label",
    "key_figures",
    "label_towns",
    "legend_text",
    "load_template",
    "nodata_layer",
    "outline_layer",
    "set_label",
    "style_choropleth",
    "subtitle_text",
]

#: Translation context of the messages of this module (those of the council map algorithm).
CONTEXT = "ExportCouncilMap"
#: Resolution cap of the PNG image of the page.
MAX_PNG_DPI = 200
#: Characters per line of a legend title (the legend's column beside the map).
LEGEND_TITLE_WIDTH = 38
#: Smallest font size (points) of a long title shrunk to fit its box.
MIN_TITLE_SIZE = 11.0
#: Without a field to rank them, at most this many features are labelled (the largest by area).
MAX_LABELS_BY_AREA = 15
#: Territories without a value: light grey, white borders.
NODATA_SYMBOL = {
    "color": "#d9d9d9",
    "outline_color": "#ffffff",
    "outline_width": "0.15",
    "style": "solid",
}
#: Overlaid boundaries (e.g. EPCI): dark outlines, no fill.
OUTLINE_SYMBOL = {"style": "no", "outline_color": "#263238", "outline_width": "0.45"}


# -- layout --------------------------------------------------------------------------------------


def default_template() -> str:
    """Path of the ReTerr A4 landscape template."""
    return str(resource_path("layouts", "council_map.qpt"))


def load_template(project: QgsProject, path: str) -> QgsPrintLayout:
    """A print layout of ``project`` loaded from the ``.qpt`` template at ``path``.

    Raises
    ------
    InputError
        When the file cannot be read, is not XML, cannot be loaded or has no map item with id
        ``map``.
    """
    doc = QDomDocument()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ExportCouncilMap", "Cannot read the layout template {path}: {error}"
            ),
            context=CONTEXT,
            path=path,
            error=err,
        ) from err
    if not doc.setContent(text)[0]:
        raise InputError(
            QT_TRANSLATE_NOOP("ExportCouncilMap", "The layout template {path} is not valid XML."),
            context=CONTEXT,
            path=path,
        )
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ExportCouncilMap", "The layout template {path} could not be loaded."
            ),
            context=CONTEXT,
            path=path,
        )
    if not isinstance(layout.itemById("map"), QgsLayoutItemMap):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ExportCouncilMap", "The layout template {path} has no map item with id 'map'."
            ),
            context=CONTEXT,
            path=path,
        )
    return layout


# -- map layers ----------------------------------------------------------------------------------


def legend_text(text: str, width: int = LEGEND_TITLE_WIDTH) -> str:
    """``text`` broken into lines of at most ``width`` characters (at spaces) for the legend,
    which does not wrap a layer's name by itself."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def copy_layer(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    """A copy of ``layer`` named ``name`` to style for the map (the user's layer is untouched)."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = layer.clone()
    copy.setName(name)
    return copy


@dataclass(frozen=True)
class Classification:
    """How the choropleth was classed: ``method`` is one of ``adapters.style.CLASSIFICATIONS``
    or ``"manual"`` (limits given), ``classes`` the number of classes drawn."""

    method: str
    classes: int


def style_choropleth(
    layer: QgsVectorLayer,
    field: str,
    values: np.ndarray,
    classes: int,
    method: str,
    palette: str | None = None,
    breaks: Sequence[float] = (),
) -> Classification:
    """Give ``layer`` a graduated renderer of ``field`` (whose values are ``values``, NaN for
    NULL).

    No more classes than distinct values; ``breaks`` (inner class limits) replace the
    classification; ``palette`` None takes the colours from the indicator's polarity.
    """
    finite = values[~np.isnan(values)]
    distinct = int(np.unique(finite).size)
    if distinct < classes:
        classes = max(distinct, 1)
    breaks = list(breaks)
    if breaks:
        classes = len(breaks) + 1
    layer.setRenderer(graduated_renderer(layer, field, classes, method, palette, breaks=breaks))
    # Equal limits merged (adapters.style.class_limits): the classes actually drawn.
    drawn = len(layer.renderer().ranges())
    return Classification("manual" if breaks else method, drawn)


def nodata_layer(
    layer: QgsVectorLayer, field: str, name: str, fids: Sequence[int] | None = None
) -> QgsVectorLayer:
    """The features of ``layer`` without a value of ``field``, in grey, named ``name`` (its own
    legend entry: a missing value is never drawn as a class).

    ``fids``: the ids of those features when known (NaN and texts that are not numbers are
    missing too, not only NULL); without them, the features where ``field`` is NULL.
    """
    if fids is None:
        nodata = copy_layer(layer, name)
        nodata.setSubsetString(f'"{field}" IS NULL')
    else:
        request = QgsFeatureRequest().setFilterFids([int(f) for f in fids])
        nodata = layer.materialize(request)
        nodata.setName(name)
    nodata.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(NODATA_SYMBOL)))
    return nodata


def outline_layer(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    """``layer`` as dark outlines without fill (boundaries to overlay), named ``name``."""
    outline = copy_layer(layer, name)
    outline.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(OUTLINE_SYMBOL)))
    return outline


def flow_layer(
    layer: QgsVectorLayer,
    name: str,
    volume_field: str,
    category_field: str = "",
    labels: Mapping[str, str] | None = None,
) -> QgsVectorLayer:
    """``layer`` (lines, e.g. the flows of ``reterr:local_sourcing``) as arrows whose width grows
    with ``volume_field``, one colour per value of ``category_field``, named ``name``."""
    flows = copy_layer(layer, name)
    # Curved: lines with a middle vertex (commuting flows, both directions apart) are drawn as
    # arcs; two-vertex lines (local sourcing) stay straight.
    style_flow_layer(flows, volume_field, category_field, dict(labels or {}), curved=True)
    return flows


def label_towns(
    layer: QgsVectorLayer,
    label_field: str,
    n: int,
    rank_field: str = "",
    ranks: np.ndarray | None = None,
) -> bool:
    """Label the ``n`` features of ``layer`` with the largest ``ranks`` (the values of
    ``rank_field``, NaN for NULL) with their ``label_field``.

    Nothing is labelled when ``n`` is 0 or ``label_field`` is not a field of the layer. The
    largest towns win placement conflicts. Without a rank field, the largest features by area are
    labelled, at most :data:`MAX_LABELS_BY_AREA`, and False is returned (the caller may say so);
    True otherwise.
    """
    fields = layer.fields()
    if n <= 0 or not label_field or fields.lookupField(label_field) < 0:
        return True
    expression = "TRUE"
    rank_bounds = None
    ranked = bool(rank_field) and fields.lookupField(rank_field) >= 0 and ranks is not None
    if not ranked:
        n = min(n, MAX_LABELS_BY_AREA)
        request = QgsFeatureRequest().setNoAttributes()
        areas = np.sort([f.geometry().area() for f in layer.getFeatures(request)])[::-1]
        if areas.size > n:
            expression = f"area($geometry) >= {float(areas[n - 1])!r}"
    else:
        ranks = np.sort(ranks[~np.isnan(ranks)])[::-1]
        if ranks.size > n:
            expression = f'"{rank_field}" >= {float(ranks[n - 1])!r}'
        if ranks.size:
            top = ranks[: max(n, 1)]
            rank_bounds = (float(top.min()), float(max(top.max(), top.min() + 1)))
    settings = QgsPalLayerSettings()
    settings.fieldName = label_field
    # Around the interior point, so that close towns (Rodez and Onet-le-Château) both fit;
    # the largest towns win placement conflicts (priority from the rank).
    settings.placement = compat.LABEL_AROUND_POINT
    settings.centroidInside = True
    settings.dist = 0.5
    settings.priority = 10
    if rank_bounds is not None:
        props = settings.dataDefinedProperties()
        lo, hi = rank_bounds
        props.setProperty(
            compat.LABEL_PRIORITY,
            QgsProperty.fromExpression(f'scale_linear("{rank_field}", {lo!r}, {hi!r}, 5, 10)'),
        )
        settings.setDataDefinedProperties(props)
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    fmt.setFont(font)
    fmt.setSize(8)
    fmt.setColor(QColor("#111111"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 230))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    rule = QgsRuleBasedLabeling.Rule(settings)
    rule.setFilterExpression(expression)
    root = QgsRuleBasedLabeling.Rule(None)
    root.appendChild(rule)
    layer.setLabeling(QgsRuleBasedLabeling(root))
    layer.setLabelsEnabled(True)
    return ranked


def fill_map(
    layout: QgsLayout, map_layers: Sequence[QgsVectorLayer], extent_layer: QgsVectorLayer
) -> None:
    """Show ``map_layers`` (top first) in the ``map`` item, zoomed on ``extent_layer``.

    The layers are added to the layout's project. The template's map size is kept; the scale
    bar and legend follow the map; the ``north`` picture gets the ReTerr north arrow.
    """
    project = layout.project()
    for lyr in reversed(map_layers):
        project.addMapLayer(lyr)
    map_item = layout.itemById("map")
    # Changing the CRS reprojects the stored extent (NaN from an unset CRS) and may alter the
    # item's height: keep the template's size and restore it at the end.
    size = map_item.sizeWithUnits()
    map_item.setCrs(extent_layer.crs())
    map_item.setLayers(list(map_layers))
    map_item.setKeepLayerSet(True)
    extent = extent_layer.extent()
    extent.scale(1.04)
    # Fit the extent to the item's aspect ratio ourselves: setExtent would otherwise resize the
    # item, and zoomToExtent fails on a template map whose stored extent is empty.
    aspect = size.width() / size.height() if size.height() > 0 else 1.0
    if extent.width() / max(extent.height(), 1e-9) < aspect:
        grow = (extent.height() * aspect - extent.width()) / 2
        extent.setXMinimum(extent.xMinimum() - grow)
        extent.setXMaximum(extent.xMaximum() + grow)
    else:
        grow = (extent.width() / aspect - extent.height()) / 2
        extent.setYMinimum(extent.yMinimum() - grow)
        extent.setYMaximum(extent.yMaximum() + grow)
    map_item.setExtent(extent)
    map_item.attemptResize(size)
    for item in layout.items():
        if isinstance(item, QgsLayoutItemScaleBar):
            item.setLinkedMap(map_item)
            item.applyDefaultSize(item.units())
        elif isinstance(item, QgsLayoutItemLegend):
            item.setLinkedMap(map_item)
            item.setAutoUpdateModel(True)
            item.adjustBoxSize()
    north = layout.itemById("north")
    if isinstance(north, QgsLayoutItemPicture):
        north.setPicturePath(str(resource_path("icons", "north_arrow.svg")))


# -- texts ---------------------------------------------------------------------------------------


def set_label(layout: QgsLayout, item_id: str, text: str) -> None:
    """Set the text of the label item ``item_id`` (a template without it is left as it is)."""
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        item.setText(text)


def subtitle_text(territory: str, date: str) -> str:
    """ "Aveyron — 7 décembre 2025"; the date alone without a territory."""
    if not territory.strip():
        return date
    return translate("ExportCouncilMap", "{territory} — {date}").format(
        territory=territory, date=date
    )


def credit_text(date: str, classification: Classification) -> str:
    """The credit line under the sources: plugin and QGIS versions, date, classification."""
    method_label = {
        "manual": translate("ExportCouncilMap", "manual limits"),
        "quantile": translate("ExportCouncilMap", "quantiles"),
        "jenks": translate("ExportCouncilMap", "natural breaks (Jenks)"),
        "equal": translate("ExportCouncilMap", "equal intervals"),
        "pretty": translate("ExportCouncilMap", "pretty breaks"),
    }
    return translate(
        "ExportCouncilMap",
        "Map: ReTerr {version} (QGIS {qgis}), {date}. Classes: {method}, {n} classes.",
    ).format(
        version=__version__,
        qgis=Qgis.QGIS_VERSION,
        date=date,
        method=method_label[classification.method],
        n=classification.classes,
    )


def wrap_lines(text: str, font: QFont, width_mm: float) -> list[str]:
    """``text`` broken into lines at spaces so that each fits in ``width_mm`` with ``font`` (a
    word longer than the width stays whole)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and QgsLayoutUtils.textWidthMM(font, candidate) > width_mm:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def fit_label(layout: QgsLayout, item_id: str, min_size: float = MIN_TITLE_SIZE) -> float:
    """Shrink the font of label ``item_id`` until its text, wrapped at its width, fits in its
    height (down to ``min_size`` points; below, the lines that do not fit end with "…").

    Returns the font size kept (0 when the template has no such label).
    """
    item = layout.itemById(item_id)
    if not isinstance(item, QgsLayoutItemLabel):
        return 0.0
    font = QFont(compat.label_font(item))
    width = item.rect().width() - 2 * item.marginX()
    height = item.rect().height() - 2 * item.marginY()
    text = item.text()
    size = font.pointSizeF()
    if size <= 0 or width <= 0 or height <= 0:  # a size in pixels, or an empty box: left as is
        return 0.0
    while True:
        font.setPointSizeF(size)
        lines = wrap_lines(text, font, width)
        line_height = QgsLayoutUtils.fontHeightMM(font) * 1.15
        if len(lines) * line_height <= height or size <= min_size:
            break
        size = max(size - 1, min_size)
    fitting = max(int(height // line_height), 1)
    if len(lines) > fitting:
        last = lines[fitting - 1]
        while last and QgsLayoutUtils.textWidthMM(font, last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = [*lines[: fitting - 1], last + " …"]
        item.setText("\n".join(lines))
    compat.set_label_font(item, font)
    return size


def fill_texts(layout: QgsLayout, title: str, subtitle: str, sources: str) -> None:
    """Title, subtitle, the key figures' heading and the sources (the caller adds the credit
    line, :func:`credit_text`). A long title is wrapped and its font reduced to fit its box."""
    set_label(layout, "title", title)
    fit_label(layout, "title")
    set_label(layout, "subtitle", subtitle)
    set_label(layout, "figures_title", translate("ExportCouncilMap", "Key figures"))
    set_label(layout, "sources", sources)


def key_figures(
    columns: Mapping[str, np.ndarray],
    field: str,
    label: str,
    unit: str,
    locale: QLocale,
) -> list[list[str]]:
    """Rows (name, value) of the key figures table for the indicator ``field``.

    ``columns`` holds the values of ``field`` (NaN for NULL; at least one value) and, when the
    layer has them, the counts of :data:`~reterr_qgis.engine.profile.territory.COUNT_FIELDS`:
    then the whole territory's population, area, density and indicator are recomputed from the
    summed counts (not averaged over territories). A ratio sums only the rows where every count
    it needs is present, and its label says how many rows were left out.
    """
    values = columns[field]

    def num(v: float, decimals: int = 1) -> str:
        return locale.toString(float(v), "f", decimals)

    rows = [
        [
            translate("ExportCouncilMap", "Territories mapped"),
            locale.toString(int(values.size)),
        ]
    ]
    counts = {name: columns[name] for name in COUNT_FIELDS if name in columns}
    if "population" in counts and "area_km2" in counts:
        population = counts["population"]
        area = counts["area_km2"]
        rows.append([translate("ExportCouncilMap", "Population"), num(np.nansum(population), 0)])
        rows.append([translate("ExportCouncilMap", "Area"), num(np.nansum(area), 0) + " km²"])
        density = _whole_territory(counts, "density", ("population", "area_km2"))
        if density is not None:
            rows.append(
                [
                    _left_out(translate("ExportCouncilMap", "Density"), density[1], locale),
                    num(density[0]) + " " + translate("ExportCouncilMap", "inh./km²"),
                ]
            )
        needs = _COUNTS_OF.get(field)
        whole = _whole_territory(counts, field, needs) if needs else None
        if whole is not None:
            rows.append(
                [
                    _left_out(
                        translate("ExportCouncilMap", "{label}, whole territory").format(
                            label=label
                        ),
                        whole[1],
                        locale,
                    ),
                    num(whole[0]) + (f" {unit}" if unit else ""),
                ]
            )
    finite = values[~np.isnan(values)]
    n_missing = int(values.size - finite.size)
    suffix = f" {unit}" if unit else ""
    rows.append(
        [
            translate("ExportCouncilMap", "Median of territories"),
            num(np.median(finite)) + suffix,
        ]
    )
    rows.append(
        [
            translate("ExportCouncilMap", "Lowest – highest"),
            f"{num(finite.min())} – {num(finite.max())}{suffix}",
        ]
    )
    if n_missing:
        rows.append(
            [
                translate("ExportCouncilMap", "Territories without data"),
                locale.toString(n_missing),
            ]
        )
    return rows


#: The counts each whole-territory ratio needs (:func:`profile_from_counts`).
_COUNTS_OF: dict[str, tuple[str, ...]] = {
    **{name: AGE_FIELDS for name in ("share_0_19", "share_20_64", "share_65p", "ageing_index")},
    "vacancy_rate": HOUSING_FIELDS,
}


def _whole_territory(
    counts: Mapping[str, np.ndarray], field: str, needs: Sequence[str]
) -> tuple[float, int] | None:
    """``field`` recomputed from the counts summed over the rows where every count it ``needs``
    is present, and how many rows were left out; None when no row has them all or the ratio is
    undefined."""
    if any(name not in counts for name in needs):
        return None
    complete = np.ones(len(counts["population"]), dtype=bool)
    for name in needs:
        complete &= np.isfinite(counts[name])
    if not complete.any():
        return None
    total = {k: np.array([np.nansum(v[complete])]) for k, v in counts.items()}
    try:
        value = float(profile_from_counts(total).columns()[field][0])
    except (ValueError, KeyError):
        return None
    if not np.isfinite(value):
        return None
    return value, int((~complete).sum())


def _left_out(text: str, n: int, locale: QLocale) -> str:
    """``text``, saying how many territories were left out of the sum for lack of counts."""
    if not n:
        return text
    return translate(
        "ExportCouncilMap", "{figure} (territories left out, counts missing: {n})"
    ).format(figure=text, n=locale.toString(n))


def fill_key_figures(layout: QgsLayout, rows: list[list[str]]) -> bool:
    """Put ``rows`` in the layout's first text table; False when the template has none."""
    tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemTextTable)]
    if not tables:
        return False
    tables[0].setContents(rows)
    tables[0].refresh()
    return True


# -- export --------------------------------------------------------------------------------------


def export_pdf(layout: QgsLayout, path: str, dpi: int) -> None:
    """Export every page to one PDF, vector, with real text (searchable, copyable).

    Raises OSError (translated message naming ``path``) when the PDF cannot be written.
    """
    exporter = QgsLayoutExporter(layout)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    # Real text, not outlines: titles, labels and key figures stay searchable and copyable.
    settings.textRenderFormat = compat.TEXT_ALWAYS_TEXT
    result = exporter.exportToPdf(path, settings)
    if result != compat.EXPORT_SUCCESS:
        error = exporter.errorMessage() if hasattr(exporter, "errorMessage") else result
        raise OSError(
            translate(
                "ExportCouncilMap", "The PDF could not be written to {path} ({error})."
            ).format(path=path, error=error)
        )


def export_png(layout: QgsLayout, path: str, dpi: int) -> None:
    """Export the pages as PNG images (``name.png``, ``name_2.png``…) at ``dpi``, at most
    :data:`MAX_PNG_DPI`.

    Raises OSError (translated message naming ``path``) when an image cannot be written.
    """
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = min(dpi, MAX_PNG_DPI)
    result = QgsLayoutExporter(layout).exportToImage(path, settings)
    if result != compat.EXPORT_SUCCESS:
        raise OSError(
            translate("ExportCouncilMap", "The PNG could not be written to {path}.").format(
                path=path
            )
        )
