"""Input layers of an algorithm: the demand group (units and the points standing for them) and
point layers (facilities, candidate sites), declared and read for the engine.

Parameter groups are functions that add their parameters to any algorithm (as ORStools'
``option_parameters()``), readers are functions of the algorithm and its parameters: an algorithm of
any theme composes the ones it needs instead of inheriting them.

Parameter names are a public interface (models, ``qgis_process`` scripts): they are those of
``reterr:floating_catchment`` and must not change. Strings keep the ``ServiceAlgorithm`` translation
context they were written in (literal ``translate("ServiceAlgorithm", …)`` calls, as ``pylupdate5``
files them).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Optional
from xml.etree import ElementTree

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProviderRegistry,
)

from ...adapters import compat
from ...adapters.i18n import translate
from ...adapters.layers import FeatureTable, read_features, require_projected
from ...engine.core.errors import Canceled
from ...engine.services.access import type_codes
from .params import add_help

#: Parameters of the demand group (:func:`add_demand_parameters`).
DEMAND = "DEMAND"
POPULATION_FIELD = "POPULATION_FIELD"
#: Parameters of the facilities group (:func:`add_facility_parameters`).
FACILITIES = "FACILITIES"
CATEGORY_FIELD = "CATEGORY_FIELD"
#: Parameters of the points standing for the demand units (:func:`add_anchor_parameters`).
ANCHORS = "ANCHORS"
DEMAND_ID_FIELD = "DEMAND_ID_FIELD"
ANCHOR_ID_FIELD = "ANCHOR_ID_FIELD"


def read_layer(source, *, layer_name: str, feedback, **options) -> FeatureTable:
    """:func:`read_features` of an input that must not be empty: raises ``Canceled`` when the
    user stopped the reading, and names the layer when it has no features. ``options`` are
    :func:`read_features`'s."""
    table = read_features(source, layer_name=layer_name, feedback=feedback, **options)
    if feedback.isCanceled():
        raise Canceled()
    if len(table) == 0:
        raise QgsProcessingException(
            translate("ServiceAlgorithm", "Layer '{layer}' has no features.").format(
                layer=layer_name
            )
        )
    return table


def add_field_parameter(
    alg: QgsProcessingAlgorithm,
    name: str,
    label: str,
    default: Optional[str],
    help_text: str = "",
    *,
    parent: str,
    numeric: bool = True,
    optional: bool = True,
) -> None:
    """Add a field parameter of layer parameter ``parent`` (numeric or any type), with its help.

    Optional by default so that the default field name applies from ``qgis_process`` on QGIS 3.22.
    """
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                name,
                label,
                default,
                parent,
                compat.FIELD_NUMERIC if numeric else compat.FIELD_ANY,
                optional=optional,
            ),
            help_text,
        )
    )


@dataclass(eq=False)
class DemandInput:
    """The demand layer read for the engine.

    Attributes
    ----------
    source, name
        The feature source and its readable name (GeoPackage table name).
    table
        Attributes (kept), geometries, ``numbers["population"]`` when read, other numbers/texts.
    xy
        ``(n, 2)`` origin of each unit: the point itself, the matching anchor point (town hall)
        inside the unit, or a point on the unit's surface.
    """

    source: Any
    name: str
    table: FeatureTable
    xy: np.ndarray

    def __len__(self) -> int:
        return len(self.table)

    @property
    def population(self) -> Optional[np.ndarray]:
        """Population of each unit, None when it was not read."""
        return self.table.numbers.get("population")


@dataclass(eq=False)
class PointInput:
    """Facilities or candidate sites read for the engine, in the demand layer's CRS.

    ``types`` holds the facility type of each point (object array, None for NULL) when the type
    field was read.
    """

    source: Any
    name: str
    table: FeatureTable
    xy: np.ndarray
    types: Optional[np.ndarray] = None

    def __len__(self) -> int:
        return len(self.table)


# -- any layer -----------------------------------------------------------------------------------


def feature_source(alg: QgsProcessingAlgorithm, parameters, name: str, context):
    """The feature source of parameter ``name``; a Processing error when it cannot be loaded.

    A shapefile written by ReTerr had field names cut to 10 characters by GDAL, the original
    names kept as aliases in the ``.qml`` beside it: such a source is read with its original
    names (:func:`restored_shapefile_names`), so that our algorithms read our own outputs back.
    """
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    names = restored_shapefile_names(alg.parameterAsVectorLayer(parameters, name, context))
    if names:
        source = _renamed_copy(source, names, context)
    return source


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def restored_shapefile_names(layer) -> dict[str, str]:
    """``{cut name: original name}`` of a shapefile (or dBASE table) whose ``.qml`` default style
    gives its fields aliases that are field names (the aliases ReTerr stores when GDAL cuts
    names): {} for any other layer, or aliases that are labels ("Population totale")."""
    if layer is None or layer.providerType() != "ogr":
        return {}
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    if not path.lower().endswith((".shp", ".dbf")):
        return {}
    qml = path[:-4] + ".qml"
    if not os.path.isfile(qml):
        return {}
    try:
        root = ElementTree.parse(qml).getroot()
    except (ElementTree.ParseError, OSError):
        return {}
    present = {f.name().lower() for f in layer.fields()}
    names: dict[str, str] = {}
    for alias in root.iter("alias"):
        cut, original = alias.get("field") or "", alias.get("name") or ""
        if (
            cut.lower() in present
            and original != cut
            and _IDENTIFIER.match(original)
            and original.lower() not in present
            and original.lower() not in {v.lower() for v in names.values()}
        ):
            names[cut] = original
    return names


def _renamed_copy(source, names: dict[str, str], context):
    """A feature source over an in-memory copy of ``source`` whose fields ``names`` renames."""
    from qgis.core import QgsFeature, QgsFields, QgsMemoryProviderUtils, QgsProcessingFeatureSource

    fields = QgsFields()
    for f in source.fields():
        g = QgsField(f)
        g.setName(names.get(f.name(), f.name()))
        fields.append(g)
    copy = QgsMemoryProviderUtils.createMemoryLayer(
        source.sourceName(), fields, source.wkbType(), source.sourceCrs()
    )
    feats = []
    for feat in source.getFeatures():
        out = QgsFeature(fields, feat.id())
        out.setAttributes(feat.attributes())
        out.setGeometry(feat.geometry())
        feats.append(out)
    copy.dataProvider().addFeatures(feats)
    context.temporaryLayerStore().addMapLayer(copy)  # kept alive for the run
    return QgsProcessingFeatureSource(copy, context)


def layer_label(alg: QgsProcessingAlgorithm, parameters, name: str, context, source) -> str:
    """Readable name of an input layer: the GeoPackage table name rather than the file name."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is not None:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        return parts.get("layerName") or layer.name()
    return source.sourceName()


def population_summary(population: np.ndarray, mask: np.ndarray) -> tuple[float, float]:
    """Population of the units flagged by ``mask``, and its share of the total (%)."""
    pop = np.where(np.isfinite(population), population, 0.0)
    total = float(pop.sum())
    n = float(pop[mask].sum())
    return n, (100.0 * n / total if total > 0 else float("nan"))


# -- parameter groups ----------------------------------------------------------------------------


def add_demand_parameters(alg: QgsProcessingAlgorithm) -> None:
    """DEMAND and POPULATION_FIELD."""
    alg.addParameter(
        add_help(
            QgsProcessingParameterFeatureSource(
                DEMAND,
                translate("ServiceAlgorithm", "Demand (communes, IRIS, grid cells, points)"),
                [compat.TYPE_VECTOR_ANY],
            ),
            translate(
                "ServiceAlgorithm", "Polygons are represented by a point inside each of them."
            ),
        )
    )
    # Optional so that the default applies from qgis_process on QGIS 3.22.
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                POPULATION_FIELD,
                translate("ServiceAlgorithm", "Population field"),
                "population",
                DEMAND,
                compat.FIELD_NUMERIC,
                optional=True,
            ),
            translate("ServiceAlgorithm", "Demand of each unit (default: population)."),
        )
    )


def add_facility_parameters(alg: QgsProcessingAlgorithm) -> None:
    """FACILITIES and CATEGORY_FIELD."""
    alg.addParameter(
        add_help(
            QgsProcessingParameterFeatureSource(
                FACILITIES,
                translate("ServiceAlgorithm", "Facilities (points)"),
                [compat.TYPE_VECTOR_POINT],
            ),
            translate("ServiceAlgorithm", "E.g. the BPE geolocated facilities."),
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                CATEGORY_FIELD,
                translate("ServiceAlgorithm", "Facility type field"),
                "TYPEQU",
                FACILITIES,
                compat.FIELD_ANY,
                optional=True,
            ),
            translate("ServiceAlgorithm", "Field holding the facility type (BPE: TYPEQU)."),
        )
    )


def add_anchor_parameters(alg: QgsProcessingAlgorithm) -> None:
    """ANCHORS, DEMAND_ID_FIELD and ANCHOR_ID_FIELD: points standing for the demand units."""
    alg.addParameter(
        add_help(
            QgsProcessingParameterFeatureSource(
                ANCHORS,
                translate(
                    "ServiceAlgorithm", "Points standing for the demand units (e.g. town halls)"
                ),
                [compat.TYPE_VECTOR_POINT],
                optional=True,
            ),
            translate(
                "ServiceAlgorithm",
                "A better origin than a polygon's interior point: the town hall or a "
                "population-weighted centre, matched on a code; used only when it lies "
                "inside its unit.",
            ),
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                DEMAND_ID_FIELD,
                translate("ServiceAlgorithm", "Demand code field"),
                "code_insee",
                DEMAND,
                compat.FIELD_ANY,
                optional=True,
            ),
            translate("ServiceAlgorithm", "Code matching the points to the demand units."),
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                ANCHOR_ID_FIELD,
                translate("ServiceAlgorithm", "Point code field"),
                "code_insee",
                ANCHORS,
                compat.FIELD_ANY,
                optional=True,
            ),
            translate("ServiceAlgorithm", "Code of each point, as in the demand layer."),
        )
    )


# -- readers -------------------------------------------------------------------------------------


def read_demand(
    alg: QgsProcessingAlgorithm,
    parameters,
    context,
    feedback,
    *,
    population: str = "required",
    numeric: Optional[Mapping[str, str]] = None,
    text: Optional[Mapping[str, str]] = None,
    progress_span: tuple[float, float] = (0.0, 30.0),
) -> DemandInput:
    """Read the DEMAND layer: attributes, geometries, population and origins.

    Parameters
    ----------
    population
        ``"required"`` (the POPULATION_FIELD must exist), ``"optional"`` (read when the field
        exists: only the summary messages use it) or ``"none"``.
    numeric, text
        More fields to read (``{key: field name}``).
    """
    source = feature_source(alg, parameters, DEMAND, context)
    name = layer_label(alg, parameters, DEMAND, context, source)
    require_projected(source.sourceCrs(), name)
    nums = dict(numeric or {})
    if population != "none":
        pop_field = alg.parameterAsString(parameters, POPULATION_FIELD, context) or "population"
        if population == "required" or source.fields().lookupField(pop_field) >= 0:
            nums["population"] = pop_field
    feedback.setProgressText(translate("ServiceAlgorithm", "Reading demand…"))
    table = read_layer(
        source,
        numeric=nums,
        text=text,
        keep_attributes=True,
        name_field="nom" if source.fields().lookupField("nom") >= 0 else None,
        layer_name=name,
        feedback=feedback,
        progress_span=progress_span,
    )
    xy = table.anchor_xy()
    if parameters.get(ANCHORS):
        xy = anchored_xy(alg, parameters, context, feedback, source, table, xy, name)
    return DemandInput(source, name, table, xy)


def read_points(
    alg: QgsProcessingAlgorithm,
    parameters,
    param: str,
    context,
    feedback,
    demand: DemandInput,
    *,
    category: bool = False,
    numeric: Optional[Mapping[str, str]] = None,
    text: Optional[Mapping[str, str]] = None,
    keep_attributes: bool = False,
    progress_span: tuple[float, float] = (30.0, 40.0),
) -> PointInput:
    """Read a point layer (FACILITIES, CANDIDATES) in the demand layer's CRS.

    With ``category``, the CATEGORY_FIELD is read into ``types`` (and names the points in
    messages); it must then exist.
    """
    source = feature_source(alg, parameters, param, context)
    name = layer_label(alg, parameters, param, context, source)
    require_projected(source.sourceCrs(), name)
    texts = dict(text or {})
    name_field = "nom" if source.fields().lookupField("nom") >= 0 else None
    if category:
        cat_field = alg.parameterAsString(parameters, CATEGORY_FIELD, context)
        if not cat_field or source.fields().lookupField(cat_field) < 0:
            raise QgsProcessingException(
                translate(
                    "ServiceAlgorithm",
                    "The facility type field '{field}' is not in layer '{layer}': choose "
                    "the field holding the types (BPE: TYPEQU).",
                ).format(field=cat_field, layer=name)
            )
        texts["category"] = cat_field
        name_field = cat_field
    table = read_features(
        source,
        numeric=numeric,
        text=texts,
        name_field=name_field,
        keep_attributes=keep_attributes,
        layer_name=name,
        feedback=feedback,
        progress_span=progress_span,
    )
    if feedback.isCanceled():
        raise Canceled()
    if source.sourceCrs() != demand.source.sourceCrs():
        table.transform(
            QgsCoordinateTransform(
                source.sourceCrs(), demand.source.sourceCrs(), context.transformContext()
            )
        )
    # Type codes as matched everywhere: a BPE code in lower case (d265) is D265.
    types = type_codes(table.texts["category"]) if category else None
    return PointInput(source, name, table, table.anchor_xy(), types)


def anchored_xy(
    alg: QgsProcessingAlgorithm,
    parameters,
    context,
    feedback,
    demand,
    dtable: FeatureTable,
    dxy: np.ndarray,
    d_name: str,
) -> np.ndarray:
    """Replace the interior points of the demand units by their matching ANCHORS point (e.g. the
    town hall, matched on DEMAND_ID_FIELD = ANCHOR_ID_FIELD) where it lies inside its unit."""
    anchors = feature_source(alg, parameters, ANCHORS, context)
    d_field = alg.parameterAsString(parameters, DEMAND_ID_FIELD, context) or "code_insee"
    a_field = alg.parameterAsString(parameters, ANCHOR_ID_FIELD, context) or "code_insee"
    a_name = layer_label(alg, parameters, ANCHORS, context, anchors)
    for fname, src, lname in ((d_field, demand, d_name), (a_field, anchors, a_name)):
        if src.fields().lookupField(fname) < 0:
            raise QgsProcessingException(
                translate(
                    "ServiceAlgorithm", "Field '{field}' not found in layer '{layer}'."
                ).format(field=fname, layer=lname)
            )
    atable = read_features(anchors, text={"id": a_field}, layer_name=a_name)
    if anchors.sourceCrs() != demand.sourceCrs():
        atable.transform(
            QgsCoordinateTransform(
                anchors.sourceCrs(), demand.sourceCrs(), context.transformContext()
            )
        )
    axy = atable.anchor_xy()
    first: dict[str, int] = {}
    for k, code in enumerate(atable.texts["id"]):
        if code is not None and code not in first:
            first[code] = k
    idx = demand.fields().lookupField(d_field)
    out = dxy.copy()
    used = 0
    for k, attrs in enumerate(dtable.attributes):
        code = attrs[idx]
        a = first.get(str(code)) if code is not None else None
        if a is None:
            continue
        point = QgsGeometry.fromPointXY(QgsPointXY(*map(float, axy[a])))
        geom = dtable.geometries[k]
        if geom.type() != compat.GEOMETRY_POLYGON or geom.contains(point):
            out[k] = axy[a]
            used += 1
    feedback.pushInfo(
        translate(
            "ServiceAlgorithm",
            "{used} of {n} demand units start from their point; the others from a point "
            "inside them (no match, or the point lies outside the unit).",
        ).format(used=used, n=len(dtable))
    )
    return out
