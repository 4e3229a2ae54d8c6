"""Shared input handling of the ReTerr access algorithms.

:class:`ServiceAlgorithm` holds what ``reterr:floating_catchment``, ``reterr:nearest_service``,
``reterr:service_basket``, ``reterr:service_gaps`` and ``reterr:suggest_locations`` have in common:
the parameters of the demand layer (and the points standing for its units), of the facilities and
of the travel cost (straight line or road network), reading them into engine arrays, building the
engine cost source (:class:`~reterr_qgis.engine.access.TravelCosts`), locating the points on it
with warnings that name the features concerned, and writing the demand layer with new fields.

Parameter names are a public interface (models, ``qgis_process`` scripts): they are those of
``reterr:floating_catchment`` and must not change.

Strings of this module are translated in the ``ServiceAlgorithm`` context, with literal
``translate("ServiceAlgorithm", …)`` calls: ``self.tr`` would look them up under the concrete
class's name at run time, while ``pylupdate5`` files them under this class.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..adapters import compat
from ..adapters.i18n import translate
from ..adapters.layers import (
    FeatureTable,
    engine_error,
    engine_messages,
    read_features,
    require_projected,
)
from ..adapters.network import add_network_parameters, graph_for_layer
from ..engine.access import NetworkCosts, Places, StraightLineCosts, TravelCosts
from ..engine.errors import Canceled, InputError, Message
from .base import ReterrAlgorithm, canceled_error, discard_output, warn, write_error

#: Facility types used by default: GPs, pharmacies and bakeries in the BPE codes of 2024.
DEFAULT_TYPES = "D265;D307;B207"
#: Most values listed in one message.
MAX_LISTED = 20
#: Output layers without geometry (zones of point demand).
WKB_NO_GEOMETRY = compat.WKB_NO_GEOMETRY


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


def field_suffix(code: str) -> str:
    """A facility type as a field name suffix: letters, digits and underscores only."""
    return re.sub(r"[^0-9A-Za-z_]", "_", str(code).strip()) or "_"


def type_fields(prefix: str, types: Sequence[str]) -> list[str]:
    """``prefix + code`` per type, made unique (``t_D265``, ``t_a_b``, ``t_a_b_2``)."""
    out: list[str] = []
    for code in types:
        name = prefix + field_suffix(code)
        base, k = name, 2
        while name in out:
            name = f"{base}_{k}"
            k += 1
        out.append(name)
    return out


def listing(values: Iterable[object], limit: int = MAX_LISTED) -> str:
    """'a, b, c' with at most ``limit`` values, then '…'."""
    vals = [str(v) for v in values]
    return ", ".join(vals[:limit]) + (", …" if len(vals) > limit else "")


def progress_to(feedback, start: float, stop: float):
    """Engine progress callback (fraction 0–1) mapped to ``start``–``stop`` %."""
    return lambda f: feedback.setProgress(start + (stop - start) * float(f))


def cell(value: object, field_type) -> object:
    """An output attribute: None for NULL, NaN and infinite numbers."""
    if value is None:
        return None
    if field_type == compat.FIELD_STRING:
        return str(value)
    v = float(value)
    if not np.isfinite(v):
        return None
    if field_type in (compat.FIELD_INT, compat.FIELD_LONG):
        return int(v)
    return v


class ServiceAlgorithm(ReterrAlgorithm):
    """Base of the access algorithms: demand, facilities and travel-cost parameters."""

    GROUP_ID = "services"

    DEMAND = "DEMAND"
    POPULATION_FIELD = "POPULATION_FIELD"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    SPEED = "SPEED"
    DETOUR = "DETOUR"
    ANCHORS = "ANCHORS"
    DEMAND_ID_FIELD = "DEMAND_ID_FIELD"
    ANCHOR_ID_FIELD = "ANCHOR_ID_FIELD"
    NETWORK = "NETWORK"
    MAX_SNAP = "MAX_SNAP"
    ACCESS_SPEED = "ACCESS_SPEED"
    OUTPUT = "OUTPUT"

    def group(self) -> str:
        return translate("ServiceAlgorithm", "Services and access")

    # -- parameters ----------------------------------------------------------------------------

    def add_demand_parameters(self) -> None:
        """DEMAND and POPULATION_FIELD."""
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.DEMAND,
                    translate("ServiceAlgorithm", "Demand (communes, IRIS, grid cells, points)"),
                    [compat.TYPE_VECTOR_ANY],
                ),
                translate(
                    "ServiceAlgorithm", "Polygons are represented by a point inside each of them."
                ),
            )
        )
        # Optional so that the default applies from qgis_process on QGIS 3.22.
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.POPULATION_FIELD,
                    translate("ServiceAlgorithm", "Population field"),
                    "population",
                    self.DEMAND,
                    compat.FIELD_NUMERIC,
                    optional=True,
                ),
                translate("ServiceAlgorithm", "Demand of each unit (default: population)."),
            )
        )

    def add_facility_parameters(self) -> None:
        """FACILITIES and CATEGORY_FIELD."""
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.FACILITIES,
                    translate("ServiceAlgorithm", "Facilities (points)"),
                    [compat.TYPE_VECTOR_POINT],
                ),
                translate("ServiceAlgorithm", "E.g. the BPE geolocated facilities."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.CATEGORY_FIELD,
                    translate("ServiceAlgorithm", "Facility type field"),
                    "TYPEQU",
                    self.FACILITIES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                translate("ServiceAlgorithm", "Field holding the facility type (BPE: TYPEQU)."),
            )
        )

    def add_straight_line_parameters(self) -> None:
        """SPEED and DETOUR (straight-line travel times)."""
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.SPEED,
                    translate("ServiceAlgorithm", "Speed (km/h)"),
                    compat.NUMBER_DOUBLE,
                    50.0,
                    minValue=1.0,
                ),
                translate(
                    "ServiceAlgorithm",
                    "Average door-to-door speed on the straight-line distance × detour.",
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.DETOUR,
                    translate("ServiceAlgorithm", "Detour factor"),
                    compat.NUMBER_DOUBLE,
                    1.3,
                    minValue=1.0,
                ),
                translate("ServiceAlgorithm", "Road distance over straight-line distance."),
            )
        )

    def add_anchor_parameters(self) -> None:
        """ANCHORS, DEMAND_ID_FIELD and ANCHOR_ID_FIELD."""
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.ANCHORS,
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
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.DEMAND_ID_FIELD,
                    translate("ServiceAlgorithm", "Demand code field"),
                    "code_insee",
                    self.DEMAND,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                translate("ServiceAlgorithm", "Code matching the points to the demand units."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.ANCHOR_ID_FIELD,
                    translate("ServiceAlgorithm", "Point code field"),
                    "code_insee",
                    self.ANCHORS,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                translate("ServiceAlgorithm", "Code of each point, as in the demand layer."),
            )
        )

    def add_road_network_parameters(self) -> None:
        """NETWORK and how to read it (optional), MAX_SNAP and ACCESS_SPEED."""
        h = self.add_help
        add_network_parameters(self, optional=True)
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.MAX_SNAP,
                    translate("ServiceAlgorithm", "Maximum distance to the network (m)"),
                    compat.NUMBER_DOUBLE,
                    2000.0,
                    minValue=1.0,
                ),
                translate(
                    "ServiceAlgorithm",
                    "Places farther from any road node are reported as unreachable.",
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.ACCESS_SPEED,
                    translate("ServiceAlgorithm", "Speed to reach the network (km/h)"),
                    compat.NUMBER_DOUBLE,
                    15.0,
                    minValue=1.0,
                ),
                translate(
                    "ServiceAlgorithm",
                    "Over the straight line between a place and its network node.",
                ),
            )
        )

    def add_travel_parameters(self) -> None:
        """Straight-line parameters, anchor points, then the road network (in that order)."""
        self.add_straight_line_parameters()
        self.add_anchor_parameters()
        self.add_road_network_parameters()

    # -- reading -------------------------------------------------------------------------------

    def _source(self, parameters, name: str, context):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def read_demand(
        self,
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
        source = self._source(parameters, self.DEMAND, context)
        name = self.layer_label(parameters, self.DEMAND, context, source)
        require_projected(source.sourceCrs(), name)
        nums = dict(numeric or {})
        if population != "none":
            pop_field = (
                self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "population"
            )
            if population == "required" or source.fields().lookupField(pop_field) >= 0:
                nums["population"] = pop_field
        feedback.setProgressText(translate("ServiceAlgorithm", "Reading demand…"))
        table = read_features(
            source,
            numeric=nums,
            text=text,
            keep_attributes=True,
            name_field="nom" if source.fields().lookupField("nom") >= 0 else None,
            layer_name=name,
            feedback=feedback,
            progress_span=progress_span,
        )
        if feedback.isCanceled():
            raise canceled_error()
        if len(table) == 0:
            raise QgsProcessingException(
                translate("ServiceAlgorithm", "Layer '{layer}' has no features.").format(layer=name)
            )
        xy = table.anchor_xy()
        if parameters.get(self.ANCHORS):
            xy = self._anchored_xy(parameters, context, feedback, source, table, xy, name)
        return DemandInput(source, name, table, xy)

    def read_points(
        self,
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
        source = self._source(parameters, param, context)
        name = self.layer_label(parameters, param, context, source)
        require_projected(source.sourceCrs(), name)
        texts = dict(text or {})
        name_field = "nom" if source.fields().lookupField("nom") >= 0 else None
        if category:
            cat_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
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
            raise canceled_error()
        if source.sourceCrs() != demand.source.sourceCrs():
            table.transform(
                QgsCoordinateTransform(
                    source.sourceCrs(), demand.source.sourceCrs(), context.transformContext()
                )
            )
        types = table.texts["category"] if category else None
        return PointInput(source, name, table, table.anchor_xy(), types)

    def _anchored_xy(self, parameters, context, feedback, demand, dtable, dxy, d_name):
        """Replace interior points by matching anchor points lying inside their unit."""
        anchors = self._source(parameters, self.ANCHORS, context)
        d_field = self.parameterAsString(parameters, self.DEMAND_ID_FIELD, context) or "code_insee"
        a_field = self.parameterAsString(parameters, self.ANCHOR_ID_FIELD, context) or "code_insee"
        a_name = self.layer_label(parameters, self.ANCHORS, context, anchors)
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

    # -- facility types ------------------------------------------------------------------------

    def parse_types(self, text: str) -> list[str]:
        """'D265; D307,B207' → ['D265', 'D307', 'B207'] (repeats dropped)."""
        out: list[str] = []
        for part in re.split(r"[;,]", text or ""):
            code = part.strip()
            if code and code not in out:
                out.append(code)
        if not out:
            raise QgsProcessingException(
                translate(
                    "ServiceAlgorithm",
                    "Give at least one facility type (codes separated by ';', e.g. D265;D307).",
                )
            )
        return out

    @staticmethod
    def code_table():
        """The shipped BPE code table (every vintage, with the crosswalk and the baskets)."""
        from ..engine.bpe import load_code_table

        try:
            return load_code_table()
        except InputError as err:
            raise engine_error(err) from err

    def check_types(
        self, types: Sequence[str], facilities: PointInput
    ) -> tuple[list[str], list[str]]:
        """Requested types checked against the BPE codes and the types of the facilities.

        A type that is neither a BPE code (of any vintage) nor present in the layer is an error
        naming it; a lower-case BPE code is read in upper case. Returns the types and the
        vocabulary to give the engine (``known_types``: types of the vocabulary without facility
        give a warning, not an error).
        """
        present = sorted({str(t).strip() for t in facilities.types if t is not None} - {""})
        vocabulary = set(self.code_table().codes()) | set(present)
        out: list[str] = []
        unknown: list[str] = []
        for t in types:
            if t not in vocabulary and t.upper() in vocabulary:
                t = t.upper()
            if t not in vocabulary:
                unknown.append(t)
            elif t not in out:
                out.append(t)
        if unknown:
            raise QgsProcessingException(
                translate(
                    "ServiceAlgorithm",
                    "Unknown facility types: {types}. They are neither BPE codes nor types of "
                    "layer '{layer}', which holds: {present}.",
                ).format(
                    types=", ".join(unknown),
                    layer=facilities.name,
                    present=listing(present) or translate("ServiceAlgorithm", "(no type)"),
                )
            )
        return out, sorted(vocabulary)

    def report_absent_types(self, feedback, absent: Sequence[str], facilities: PointInput) -> None:
        """For requested BPE types without facility, point at the same type in another vintage's
        codes when the layer holds it (e.g. D201, the GP code up to 2023, for D265)."""
        if not absent:
            return
        table = self.code_table()
        present = {str(t).strip() for t in facilities.types if t is not None}
        vintages = sorted({t.vintage_from for t in table.types})
        for code in absent:
            rows = [t for t in table.types if t.typequ == code]
            others: set[str] = set()
            for row in rows:
                for v in vintages:
                    for codes in table.translate_codes([code], row.vintage_from, v).values():
                        others.update(codes)
            others = (others & present) - {code}
            if others:
                warn(
                    feedback,
                    translate(
                        "ServiceAlgorithm",
                        "Layer '{layer}' has no facility of type {code} but holds {others}, the "
                        "same facility in the codes of another BPE vintage: check the vintage "
                        "of the codes you asked for.",
                    ).format(layer=facilities.name, code=code, others=", ".join(sorted(others))),
                )

    # -- travel costs --------------------------------------------------------------------------

    @contextmanager
    def engine_guard(self, table: Optional[FeatureTable] = None, layer_name: str = "") -> Iterator:
        """Engine errors as Processing errors naming the features; cancellation as such."""
        try:
            yield
        except Canceled as err:
            raise canceled_error() from err
        except InputError as err:
            raise engine_error(err, table, layer_name) from err

    def uses_network(self, parameters) -> bool:
        """Whether a road network was given."""
        return bool(parameters.get(self.NETWORK))

    def travel_costs(self, parameters, context, feedback, demand: DemandInput) -> TravelCosts:
        """NetworkCosts on the (cached) graph of NETWORK when given, else StraightLineCosts."""
        if self.uses_network(parameters):
            graph, _cached = graph_for_layer(self, parameters, context, feedback)
            network = self._source(parameters, self.NETWORK, context)
            if network.sourceCrs().authid() != demand.source.sourceCrs().authid():
                raise QgsProcessingException(
                    translate(
                        "ServiceAlgorithm",
                        "The road network and the demand layer must share one CRS (reproject "
                        "the network).",
                    )
                )
            with self.engine_guard():
                return NetworkCosts(
                    graph,
                    self.parameterAsDouble(parameters, self.MAX_SNAP, context),
                    self.parameterAsDouble(parameters, self.ACCESS_SPEED, context),
                )
        with self.engine_guard():
            return StraightLineCosts(
                self.parameterAsDouble(parameters, self.SPEED, context),
                self.parameterAsDouble(parameters, self.DETOUR, context),
            )

    def describe_costs(self, costs: TravelCosts) -> str:
        """One line saying how travel times are measured."""
        if isinstance(costs, NetworkCosts):
            return translate(
                "ServiceAlgorithm",
                "Travel times on the road network ({nodes} nodes), places snapped within {d} m "
                "and reached at {v} km/h.",
            ).format(
                nodes=costs.graph.n_nodes,
                d=f"{costs.max_snap_m:g}",
                v=f"{costs.access_speed_kmh:g}",
            )
        return translate(
            "ServiceAlgorithm",
            "Straight-line travel times: distance × {detour} at {speed} km/h.",
        ).format(detour=f"{costs.detour:g}", speed=f"{costs.speed_kmh:g}")

    def costs_and_places(
        self, parameters, context, feedback, demand: DemandInput, facilities: PointInput
    ) -> tuple[TravelCosts, Places, Places]:
        """The travel-cost source (said in the log), and the demand and facilities located on it."""
        costs = self.travel_costs(parameters, context, feedback, demand)
        feedback.pushInfo(self.describe_costs(costs))
        return (
            costs,
            self.locate_demand(costs, demand, feedback),
            self.locate_points(costs, facilities, feedback),
        )

    def locate_demand(self, costs: TravelCosts, demand: DemandInput, feedback) -> Places:
        """Demand origins located on the cost source; units off the network are named."""
        with self.engine_guard(demand.table, demand.name):
            places = costs.locate(demand.xy, "demand")
        if places.unsnapped.size and isinstance(costs, NetworkCosts):
            warn(
                feedback,
                translate(
                    "ServiceAlgorithm",
                    "{n} demand units are more than {d} m from the road network and count as "
                    "unreachable: {features}.",
                ).format(
                    n=places.unsnapped.size,
                    d=f"{costs.max_snap_m:g}",
                    features=demand.table.describe(places.unsnapped),
                ),
            )
        return places

    def locate_points(
        self,
        costs: TravelCosts,
        points: PointInput,
        feedback,
        role: str = "facilities",
        rows: Optional[np.ndarray] = None,
    ) -> Places:
        """Facilities (or candidate sites, ``role="candidates"``) located on the cost source; the
        ones off the network are named. ``rows``: only those points, in that order."""
        sel = np.arange(len(points)) if rows is None else np.asarray(rows, dtype=np.int64)
        with self.engine_guard(points.table, points.name):
            places = costs.locate(points.xy[sel], role)
        if places.unsnapped.size and isinstance(costs, NetworkCosts):
            template = (
                translate(
                    "ServiceAlgorithm",
                    "{n} candidate sites are more than {d} m from the road network and are "
                    "ignored: {features}.",
                )
                if role == "candidates"
                else translate(
                    "ServiceAlgorithm",
                    "{n} facilities are more than {d} m from the road network and are ignored: "
                    "{features}.",
                )
            )
            warn(
                feedback,
                template.format(
                    n=places.unsnapped.size,
                    d=f"{costs.max_snap_m:g}",
                    features=points.table.describe(sel[places.unsnapped]),
                ),
            )
        return places

    def push_engine_warnings(
        self, feedback, messages: Sequence[Message], costs: TravelCosts, *places: Places
    ) -> None:
        """Engine warnings, except the snapping ones already given with the features' names."""
        named = [w for w in map(costs.snap_warning, places) if w is not None]
        for msg, text in zip(messages, engine_messages(messages)):
            if msg not in named:
                warn(feedback, text)

    # -- output --------------------------------------------------------------------------------

    def write_demand_layer(
        self,
        parameters,
        sink_name: str,
        context,
        feedback,
        demand: DemandInput,
        columns: Sequence[tuple[str, Any, Sequence]],
        *,
        rows: Optional[Sequence[int]] = None,
        progress_span: tuple[float, float] = (85.0, 100.0),
    ) -> Optional[str]:
        """Write the demand units (all, or ``rows``) with their attributes and new ``columns``.

        ``columns``: ``(field name, field type, values per demand unit)``; demand fields of the
        same names are replaced. NaN and infinite numbers are written as NULL. Returns the
        destination id, or None when an optional output was not asked for.
        """
        src_fields = demand.source.fields()
        names = {c[0] for c in columns}
        keep_idx = [i for i, f in enumerate(src_fields) if f.name() not in names]
        fields = QgsFields()
        for i in keep_idx:
            fields.append(src_fields[i])
        for name, ftype, _values in columns:
            fields.append(QgsField(name, ftype))
        sink, dest_id = self.parameterAsSink(
            parameters,
            sink_name,
            context,
            fields,
            demand.source.wkbType(),
            demand.source.sourceCrs(),
        )
        if sink is None:
            if not parameters.get(sink_name):
                return None
            raise QgsProcessingException(self.invalidSinkError(parameters, sink_name))
        table = demand.table
        order = range(len(table)) if rows is None else [int(r) for r in rows]
        total = max(len(order), 1)
        start, span = progress_span[0], progress_span[1] - progress_span[0]
        for count, k in enumerate(order):
            if feedback.isCanceled():
                del sink
                discard_output(dest_id)
                raise canceled_error()
            feat = QgsFeature(fields)
            feat.setGeometry(table.geometries[k])
            attrs = [table.attributes[k][i] for i in keep_idx]
            attrs += [cell(values[k], ftype) for _name, ftype, values in columns]
            feat.setAttributes(attrs)
            if not sink.addFeature(feat, compat.SINK_FAST_INSERT):
                error = write_error(sink)
                del sink
                discard_output(dest_id)
                raise error
            if count % 200 == 0:
                feedback.setProgress(start + span * count / total)
        del sink
        return dest_id

    def population_summary(self, population: np.ndarray, beyond: np.ndarray) -> tuple[float, float]:
        """Population of the units flagged ``beyond``, and its share of the total (%)."""
        pop = np.where(np.isfinite(population), population, 0.0)
        total = float(pop.sum())
        n = float(pop[beyond].sum())
        return n, (100.0 * n / total if total > 0 else float("nan"))


def most_common(values: Iterable[object]) -> Optional[str]:
    """The most frequent non-empty value as text (None if there is none)."""
    counts = Counter(str(v).strip() for v in values if v is not None and str(v).strip())
    return counts.most_common(1)[0][0] if counts else None
