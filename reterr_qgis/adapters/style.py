"""Styles of ReTerr output layers: graduated choropleths from the indicator registry, French field
aliases, and the default style stored inside the GeoPackage so that layers open styled anywhere
(including outputs of ``qgis_process``)."""

from __future__ import annotations

import math
import re

import numpy as np
from qgis.core import (
    QgsClassificationEqualInterval,
    QgsClassificationJenks,
    QgsClassificationPrettyBreaks,
    QgsClassificationQuantile,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..engine.core.indicators import Polarity, get_indicator
from ..engine.services.fca import APL_UNDERSERVED
from .compat import GEOMETRY_POLYGON, REQUEST_NO_GEOMETRY
from .i18n import translate
from .layers import to_float

#: Sequential ColorBrewer palettes (Cynthia Brewer, colorbrewer2.org, Apache-2.0), light to dark.
PALETTES: dict[str, tuple[str, ...]] = {
    "Reds": ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"),
    "Greens": ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
    "Blues": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    "Purples": ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"),
    "YlOrRd": ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    "YlGnBu": ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
}

CLASSIFICATIONS = ("quantile", "jenks", "equal", "pretty")


def color_ramp(name: str) -> QgsGradientColorRamp:
    """A gradient ramp through the palette's colours."""
    colors = [QColor(c) for c in PALETTES[name]]
    stops = [QgsGradientStop(i / (len(colors) - 1), c) for i, c in enumerate(colors[1:-1], 1)]
    return QgsGradientColorRamp(colors[0], colors[-1], False, stops)


def default_palette(field_name: str) -> str:
    """Reds where a higher value is worse, greens where it is better, blues otherwise."""
    ind = get_indicator(field_name)
    if ind is None:
        return "Blues"
    return {Polarity.HIGHER_IS_WORSE: "Reds", Polarity.HIGHER_IS_BETTER: "Greens"}.get(
        ind.polarity, "Blues"
    )


def _classification(method: str):
    return {
        "quantile": QgsClassificationQuantile,
        "jenks": QgsClassificationJenks,
        "equal": QgsClassificationEqualInterval,
        "pretty": QgsClassificationPrettyBreaks,
    }[method]()


#: Fields of the GP accessibility (APL) of ``reterr:floating_catchment`` and their vintages
#: (``apl_2021``): classed around the under-served threshold.
_APL_FIELD = re.compile(r"apl(_\d{4})?")


def field_values(layer: QgsVectorLayer, field_name: str) -> np.ndarray:
    """The values of ``field_name`` that are numbers (NULL, NaN, infinities and texts that are
    not numbers left out): a missing value is never classed as 0."""
    idx = layer.fields().lookupField(field_name)
    if idx < 0:
        return np.zeros(0)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([idx])
    out = []
    for feat in layer.getFeatures(request):
        try:
            v = to_float(feat.attributes()[idx])
        except (TypeError, ValueError, ArithmeticError):
            continue
        if v is not None and math.isfinite(v):
            out.append(v)
    return np.asarray(out, dtype=float)


def underserved_threshold(field_name: str) -> float | None:
    """The value under which a territory is under-served, for the APL fields; else None."""
    return APL_UNDERSERVED if _APL_FIELD.fullmatch(field_name) else None


def class_limits(
    values, classes: int, method: str = "quantile", threshold: float | None = None
) -> list[tuple[float, float]]:
    """Class ranges (lower, upper) of the finite ``values`` in ``classes`` classes by ``method``.

    Equal limits are merged (never a "0.0 – 0.0" class): a value shared by many territories
    (zero at least a class's worth of them) gets a class of its own when it is the minimum, the
    other values the remaining classes. ``threshold`` (e.g. the 2.5 APL under-served limit)
    becomes a class limit when it lies within the values, in place of the nearest one.
    """
    v = np.asarray(values, dtype=float)
    v = np.sort(v[np.isfinite(v)])
    if v.size == 0:
        return []
    lo, hi = float(v[0]), float(v[-1])
    if lo == hi:
        return [(lo, hi)]
    classes = max(int(classes), 1)
    ranges: list[tuple[float, float]] = []
    share_lo = np.count_nonzero(v == lo) / v.size
    if classes > 1 and share_lo >= 1 / classes:
        ranges.append((lo, lo))
        v = v[v > lo]
        classes -= 1
        lo = float(v[0])
    limits = [lo]
    if classes > 1 and np.unique(v).size > 1:
        for r in _classification(method).classes([float(x) for x in v], classes):
            limits.append(float(r.upperBound()))
    limits.append(hi)
    limits = sorted({x for x in limits if lo <= x <= hi})
    if threshold is not None and lo < threshold < hi and threshold not in limits:
        if len(limits) > 2:
            inner = min(range(1, len(limits) - 1), key=lambda k: abs(limits[k] - threshold))
            limits[inner] = threshold
            limits.sort()
        else:
            limits = [lo, threshold, hi]
    if len(limits) == 1:  # one value left: a class of its own
        ranges.append((lo, lo))
    ranges.extend(zip(limits[:-1], limits[1:]))
    return ranges


def graduated_renderer(
    layer: QgsVectorLayer,
    field_name: str,
    classes: int = 5,
    method: str = "quantile",
    palette: str | None = None,
    precision: int | None = None,
    breaks: list[float] | None = None,
) -> QgsGraduatedSymbolRenderer:
    """Choropleth of ``field_name`` on ``layer`` with thin white borders and readable labels.

    Classes come from the values that are numbers (:func:`field_values`, :func:`class_limits`).
    ``breaks`` (inner class limits, e.g. ``[2.5, 4]`` around the APL threshold) override the
    classification: classes run from the minimum to the first break, …, from the last to the
    maximum. APL fields are classed around their under-served threshold, whose classes say so."""
    renderer = QgsGraduatedSymbolRenderer(field_name)
    classification = _classification(method)
    classification.setLabelFormat("%1 – %2")
    ind = get_indicator(field_name)
    if precision is None:
        precision = 0 if ind is not None and ind.unit in ("hab.",) else 1
    classification.setLabelPrecision(precision)
    classification.setLabelTrimTrailingZeroes(False)
    renderer.setClassificationMethod(classification)
    if layer.geometryType() == GEOMETRY_POLYGON:
        symbol = QgsFillSymbol.createSimple(
            {"color": "#cccccc", "outline_color": "#ffffff", "outline_width": "0.15"}
        )
    else:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    renderer.setSourceSymbol(symbol)
    renderer.setSourceColorRamp(color_ramp(palette or default_palette(field_name)))
    values = field_values(layer, field_name)
    threshold = underserved_threshold(field_name)
    if breaks:
        lo = min(float(values.min()), min(breaks)) if values.size else min(breaks)
        hi = max(float(values.max()), max(breaks)) if values.size else max(breaks)
        limits = [lo, *sorted({b for b in breaks if lo < b < hi}), hi]
        ranges = list(zip(limits[:-1], limits[1:]))
    else:
        ranges = class_limits(values, classes, method, threshold)
    for a, b in ranges:
        # A class of one value (e.g. zero) reads as that value.
        label = classification.formatNumber(a) if a == b else classification.labelForRange(a, b)
        if threshold is not None and b <= threshold:
            label = translate("ReterrStyle", "{range} (under-served)").format(range=label)
        renderer.addClassRange(QgsRendererRange(a, b, symbol.clone(), label))
    renderer.updateColorRamp(color_ramp(palette or default_palette(field_name)))
    return renderer


def style_indicator_layer(layer: QgsVectorLayer, field_name: str) -> None:
    """Apply the default choropleth to ``layer`` in memory (the field aliases of an output are
    given when it is finalised: :func:`reterr_qgis.adapters.aliases.apply_field_aliases`)."""
    # A table without geometry (e.g. gaps per group) has no symbol to class.
    if layer.isSpatial() and layer.fields().lookupField(field_name) >= 0:
        layer.setRenderer(graduated_renderer(layer, field_name))


def save_default_style(layer: QgsVectorLayer) -> str:
    """Store ``layer``'s current style as its default style in its GeoPackage.

    Returns an empty string on success, else the error message.
    """
    name = translate("ReterrStyle", "ReTerr default style")
    result = layer.saveStyleToDatabase(
        name, translate("ReterrStyle", "Style written by ReTerr"), True, ""
    )
    # QGIS 3.22 returns the error string; newer versions may return a tuple.
    if isinstance(result, tuple):
        result = next((r for r in result if isinstance(r, str)), "")
    return result or ""


# --- Flow lines (reterr:local_sourcing) ---------------------------------------------------------

#: Qualitative colours of flow families (ColorBrewer "Dark2", Apache-2.0), in the order of the
#: crop groups of ``engine.supply.groups``; other families take the next colours in turn.
FLOW_COLORS: tuple[str, ...] = (
    "#d95f02",
    "#7570b3",
    "#1b9e77",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#666666",
)


def _symbol_layer_property(name: str):
    """Key of a data-defined symbol-layer property: ``QgsSymbolLayer.Property.ArrowWidth`` on
    QGIS ≥ 3.30 (scoped enum), ``QgsSymbolLayer.PropertyArrowWidth`` before."""
    from qgis.core import QgsSymbolLayer

    scoped = getattr(QgsSymbolLayer, "Property", None)
    value = getattr(scoped, name, None) if scoped is not None else None
    return value if value is not None else getattr(QgsSymbolLayer, "Property" + name)


def flow_symbol(color: str, width_expression: str, *, curved: bool = False):
    """An arrow whose width follows ``width_expression`` (millimetres), head at the end.

    ``curved``: the arrow follows a curve through the line's vertices (QGIS's curved arrow: a
    3-vertex line, bent at its middle vertex, draws as an arc) instead of straight segments.
    """
    from qgis.core import QgsArrowSymbolLayer, QgsLineSymbol, QgsProperty

    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(bool(curved))
    arrow.setIsRepeated(False)
    arrow.setArrowWidth(0.6)
    arrow.setArrowStartWidth(0.6)
    arrow.setHeadLength(2.0)
    arrow.setHeadThickness(1.2)
    width = f"({width_expression})"
    for prop, expression in (
        ("ArrowWidth", width),
        ("ArrowStartWidth", width),
        ("ArrowHeadLength", f"1.5 + 1.2 * {width}"),
        ("ArrowHeadThickness", f"0.6 + 0.6 * {width}"),
    ):
        arrow.setDataDefinedProperty(
            _symbol_layer_property(prop), QgsProperty.fromExpression(expression)
        )
    fill = arrow.subSymbol()
    if fill is not None:
        fill.setColor(QColor(color))
        fill.setOpacity(0.9)
        # A thin outline of a darker shade: the default dark outline turns thin arrows grey.
        outline = fill.symbolLayer(0)
        if hasattr(outline, "setStrokeColor"):
            outline.setStrokeColor(QColor(color).darker(150))
            outline.setStrokeWidth(0.1)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, arrow)
    return symbol


def style_flow_layer(
    layer: QgsVectorLayer,
    volume_field: str,
    category_field: str = "",
    labels: dict[str, str] | None = None,
    *,
    curved: bool = False,
) -> None:
    """Arrows from origin to destination, width growing with the square root of ``volume_field``
    (0.4–3 mm over the layer's range), one colour per value of ``category_field`` (labelled with ``labels``).
    ``curved``: curved arrows through the lines' vertices (:func:`flow_symbol`).

    Built with the QGIS 3.22 API and Qt-neutral calls; an empty layer gets a usable style too.
    """
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
    )

    idx = layer.fields().lookupField(volume_field)
    top = layer.maximumValue(idx) if idx >= 0 else None
    try:
        top = float(top)
    except (TypeError, ValueError):
        top = 0.0
    top = top if top > 0 else 1.0
    # Width grows with the square root of the volume (0.4–3 mm): small flows stay visible and
    # readable in colour beside a large one, and many flows do not fill the map.
    width = f'scale_linear(sqrt(coalesce("{volume_field}", 0)), 0, {math.sqrt(top)!r}, 0.4, 3)'
    cat_idx = layer.fields().lookupField(category_field) if category_field else -1
    values = sorted(str(v) for v in layer.uniqueValues(cat_idx) if v) if cat_idx >= 0 else []
    if values:
        from ..engine.supply.groups import GROUP_IDS

        categories = []
        others = 0
        for value in values:
            if value in GROUP_IDS:
                slot = GROUP_IDS.index(value)
            else:
                slot = len(GROUP_IDS) + others
                others += 1
            color = FLOW_COLORS[slot % len(FLOW_COLORS)]
            label = (labels or {}).get(value, value)
            categories.append(
                QgsRendererCategory(value, flow_symbol(color, width, curved=curved), label)
            )
        renderer = QgsCategorizedSymbolRenderer(category_field, categories)
    else:
        renderer = QgsSingleSymbolRenderer(flow_symbol(FLOW_COLORS[0], width, curved=curved))
    layer.setRenderer(renderer)
