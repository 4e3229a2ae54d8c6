"""Travel costs of an algorithm: the parameter groups (straight line, road network) and the engine
cost source built from them, with the demand and points located on it.

Compose them in ``initAlgorithm``: :func:`add_travel_parameters` adds the straight-line
parameters, the points standing for the demand units and the road network, in that order (the
order of ``reterr:floating_catchment``); :func:`add_network_parameters` adds the road network alone
(``reterr:build_network``, ``reterr:service_areas``). In the run, :func:`costs_and_places` gives the
cost source (said in the log) and the demand and facilities located on it, warnings naming the
places off the network.

Strings keep the translation contexts they were written in: ``ServiceAlgorithm`` (travel costs) and
``ReterrNetwork`` (the road network group).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import numpy as np
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...adapters import compat
from ...adapters.graphs import SPEED_TABLES, NetworkSpec, graph_for_source
from ...adapters.i18n import translate
from ...adapters.layers import engine_messages
from ...engine import routing as net
from ...engine.core.errors import Message
from ...engine.routing import NetworkCosts, Places, StraightLineCosts, TravelCosts
from .feedback import engine_guard, warn
from .inputs import DemandInput, PointInput, add_anchor_parameters, feature_source, layer_label
from .params import add_help, advanced, decimals

#: Parameters of the straight-line group (:func:`add_straight_line_parameters`).
SPEED = "SPEED"
DETOUR = "DETOUR"
#: The road network layer (:func:`add_network_parameters`, a prefix may come first) and how places
#: reach it (:func:`add_road_network_parameters`).
NETWORK = "NETWORK"
MAX_SNAP = "MAX_SNAP"
ACCESS_SPEED = "ACCESS_SPEED"


# -- road network --------------------------------------------------------------------------------


def add_network_parameters(
    alg: QgsProcessingAlgorithm, *, optional: bool, prefix: str = ""
) -> None:
    """The road network layer and how to read it: NETWORK, SPEED_FIELD, CLASS_FIELD, SPEED_TABLE,
    DEFAULT_SPEED, ONEWAY_FIELD, TOLERANCE, MAX_EDGE (each name after ``prefix``)."""
    p = prefix
    alg.addParameter(
        add_help(
            QgsProcessingParameterFeatureSource(
                f"{p}{NETWORK}",
                translate("ReterrNetwork", "Road network (lines)"),
                [compat.TYPE_VECTOR_LINE],
                optional=optional,
            ),
            translate(
                "ReterrNetwork",
                "Roads as lines (OSM, BD TOPO, your own); the graph is cached between runs.",
            ),
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                f"{p}SPEED_FIELD",
                translate("ReterrNetwork", "Speed field (km/h)"),
                None,
                f"{p}{NETWORK}",
                compat.FIELD_NUMERIC,
                optional=True,
            ),
            translate(
                "ReterrNetwork", "Average speed of each road; when empty, the road class is used."
            ),
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                f"{p}CLASS_FIELD",
                translate("ReterrNetwork", "Road class field"),
                "highway",
                f"{p}{NETWORK}",
                compat.FIELD_ANY,
                optional=True,
            ),
            translate("ReterrNetwork", "OSM 'highway', BD TOPO 'nature' or 'importance'."),
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterEnum(
                f"{p}SPEED_TABLE",
                translate("ReterrNetwork", "Speeds by road class"),
                options=[
                    translate("ReterrNetwork", "OSM highway (car)"),
                    translate("ReterrNetwork", "BD TOPO nature"),
                    translate("ReterrNetwork", "BD TOPO importance"),
                ],
                defaultValue=0,
            ),
            translate(
                "ReterrNetwork",
                "Default car speeds per class, set by ReTerr a little below the legal limits "
                "(see the plugin documentation); give a speed field to use your own.",
            ),
        )
    )
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        f"{p}DEFAULT_SPEED",
                        translate("ReterrNetwork", "Speed of unknown classes (km/h, 0: error)"),
                        compat.NUMBER_DOUBLE,
                        0.0,
                        minValue=0.0,
                    ),
                    translate("ReterrNetwork", "0 reports unknown classes as an error."),
                ),
                0,
            )
        )
    )
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                f"{p}ONEWAY_FIELD",
                translate("ReterrNetwork", "One-way field"),
                None,
                f"{p}{NETWORK}",
                compat.FIELD_ANY,
                optional=True,
            ),
            translate(
                "ReterrNetwork", "OSM 'oneway' or BD TOPO 'sens_de_circulation'; empty: two-way."
            ),
        )
    )
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        f"{p}TOLERANCE",
                        translate("ReterrNetwork", "Junction tolerance (m)"),
                        compat.NUMBER_DOUBLE,
                        0.5,
                        minValue=0.001,
                    ),
                    translate("ReterrNetwork", "Line ends closer than this are joined."),
                ),
                3,
            )
        )
    )
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        f"{p}MAX_EDGE",
                        translate("ReterrNetwork", "Maximum segment length (m, 0: off)"),
                        compat.NUMBER_DOUBLE,
                        500.0,
                        minValue=0.0,
                    ),
                    translate(
                        "ReterrNetwork",
                        "Long roads get intermediate nodes this far apart, so that places snap to a "
                        "nearby point of the road rather than to a distant junction.",
                    ),
                ),
                0,
            )
        )
    )


def network_spec(alg: QgsProcessingAlgorithm, parameters, context, prefix: str = "") -> NetworkSpec:
    """How to build the graph, from the parameters of :func:`add_network_parameters`."""
    p = prefix
    return NetworkSpec(
        speed_field=alg.parameterAsString(parameters, f"{p}SPEED_FIELD", context),
        class_field=alg.parameterAsString(parameters, f"{p}CLASS_FIELD", context),
        speed_table=SPEED_TABLES[alg.parameterAsEnum(parameters, f"{p}SPEED_TABLE", context)][0],
        default_speed=alg.parameterAsDouble(parameters, f"{p}DEFAULT_SPEED", context),
        oneway_field=alg.parameterAsString(parameters, f"{p}ONEWAY_FIELD", context),
        tolerance=alg.parameterAsDouble(parameters, f"{p}TOLERANCE", context),
        max_edge_m=alg.parameterAsDouble(parameters, f"{p}MAX_EDGE", context),
    )


def network_graph(
    alg: QgsProcessingAlgorithm, parameters, context, feedback, prefix: str = ""
) -> tuple[net.RoadGraph, bool]:
    """The graph of the NETWORK parameter, from the cache when possible: ``(graph, cached)``."""
    name = f"{prefix}{NETWORK}"
    source = feature_source(alg, parameters, name, context)
    return graph_for_source(
        source,
        alg.parameterAsVectorLayer(parameters, name, context),
        network_spec(alg, parameters, context, prefix),
        layer_label(alg, parameters, name, context, source),
        feedback,
    )


# -- travel cost groups --------------------------------------------------------------------------


def add_straight_line_parameters(alg: QgsProcessingAlgorithm) -> None:
    """SPEED and DETOUR (straight-line travel times)."""
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        SPEED,
                        translate("ServiceAlgorithm", "Speed (km/h)"),
                        compat.NUMBER_DOUBLE,
                        50.0,
                        minValue=1.0,
                    ),
                    translate(
                        "ServiceAlgorithm",
                        "Average door-to-door speed on the straight-line distance × detour.",
                    ),
                ),
                0,
            )
        )
    )
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        DETOUR,
                        translate("ServiceAlgorithm", "Detour factor"),
                        compat.NUMBER_DOUBLE,
                        1.3,
                        minValue=1.0,
                    ),
                    translate("ServiceAlgorithm", "Road distance over straight-line distance."),
                ),
                2,
            )
        )
    )


def add_road_network_parameters(alg: QgsProcessingAlgorithm) -> None:
    """NETWORK and how to read it (optional), MAX_SNAP and ACCESS_SPEED."""
    add_network_parameters(alg, optional=True)
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        MAX_SNAP,
                        translate("ServiceAlgorithm", "Maximum distance to the network (m)"),
                        compat.NUMBER_DOUBLE,
                        2000.0,
                        minValue=1.0,
                    ),
                    translate(
                        "ServiceAlgorithm",
                        "Places farther from any road node are reported as unreachable.",
                    ),
                ),
                0,
            )
        )
    )
    alg.addParameter(
        advanced(
            decimals(
                add_help(
                    QgsProcessingParameterNumber(
                        ACCESS_SPEED,
                        translate("ServiceAlgorithm", "Speed to reach the network (km/h)"),
                        compat.NUMBER_DOUBLE,
                        15.0,
                        minValue=1.0,
                    ),
                    translate(
                        "ServiceAlgorithm",
                        "Over the straight line between a place and its network node.",
                    ),
                ),
                0,
            )
        )
    )


def add_travel_parameters(alg: QgsProcessingAlgorithm) -> None:
    """Straight-line parameters, anchor points, then the road network (in that order)."""
    add_straight_line_parameters(alg)
    add_anchor_parameters(alg)
    add_road_network_parameters(alg)


# -- travel costs --------------------------------------------------------------------------------


def uses_network(parameters) -> bool:
    """Whether a road network was given."""
    return bool(parameters.get(NETWORK))


def travel_costs(
    alg: QgsProcessingAlgorithm, parameters, context, feedback, demand: DemandInput
) -> TravelCosts:
    """NetworkCosts on the (cached) graph of NETWORK when given, else StraightLineCosts."""
    if uses_network(parameters):
        graph, _cached = network_graph(alg, parameters, context, feedback)
        network = feature_source(alg, parameters, NETWORK, context)
        if network.sourceCrs().authid() != demand.source.sourceCrs().authid():
            raise QgsProcessingException(
                translate(
                    "ServiceAlgorithm",
                    "The road network and the demand layer must share one CRS (reproject "
                    "the network).",
                )
            )
        return NetworkCosts(
            graph,
            alg.parameterAsDouble(parameters, MAX_SNAP, context),
            alg.parameterAsDouble(parameters, ACCESS_SPEED, context),
        )
    return StraightLineCosts(
        alg.parameterAsDouble(parameters, SPEED, context),
        alg.parameterAsDouble(parameters, DETOUR, context),
    )


def describe_costs(costs: TravelCosts) -> str:
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


def locate_demand(costs: TravelCosts, demand: DemandInput, feedback) -> Places:
    """Demand origins located on the cost source; units off the network are named."""
    with engine_guard(demand.table, demand.name):
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
    costs: TravelCosts,
    points: PointInput,
    feedback,
    role: str = "facilities",
    rows: Optional[np.ndarray] = None,
) -> Places:
    """Facilities (or candidate sites, ``role="candidates"``) located on the cost source; the
    ones off the network are named. ``rows``: only those points, in that order."""
    sel = np.arange(len(points)) if rows is None else np.asarray(rows, dtype=np.int64)
    with engine_guard(points.table, points.name):
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


def costs_and_places(
    alg: QgsProcessingAlgorithm,
    parameters,
    context,
    feedback,
    demand: DemandInput,
    facilities: PointInput,
) -> tuple[TravelCosts, Places, Places]:
    """The travel-cost source (said in the log), and the demand and facilities located on it."""
    costs = travel_costs(alg, parameters, context, feedback, demand)
    feedback.pushInfo(describe_costs(costs))
    return (
        costs,
        locate_demand(costs, demand, feedback),
        locate_points(costs, facilities, feedback),
    )


def push_engine_warnings(
    feedback, messages: Sequence[Message], costs: TravelCosts, *places: Places
) -> None:
    """Engine warnings, except the snapping ones already given with the features' names."""
    named = [w for w in map(costs.snap_warning, places) if w is not None]
    for msg, text in zip(messages, engine_messages(messages)):
        if msg not in named:
            warn(feedback, text)
