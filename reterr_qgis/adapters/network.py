"""Road network layers to cached engine graphs, and the network parameters shared by algorithms.

A graph is identified by the layer's source (path, size and modification time for files) and the
build parameters; it is stored as ``<key>.npz`` in the ReTerr cache folder (the QGIS profile's
``reterr/graphs``, or ``$RETERR_CACHE_DIR``) and loaded instead of rebuilt on the next run.
Memory layers are never cached (their content has no stable identity).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProviderRegistry,
)

from ..engine import network as net
from ..engine.errors import Canceled, InputError
from . import compat
from .i18n import translate
from .layers import engine_error, read_features, require_projected

#: Speed tables offered to the user, in the order of the SPEED_TABLE enum.
SPEED_TABLES = (
    ("osm", net.OSM_CAR_SPEEDS),
    ("bdtopo_nature", net.BDTOPO_NATURE_SPEEDS),
    ("bdtopo_importance", net.BDTOPO_IMPORTANCE_SPEEDS),
)


@dataclass(frozen=True)
class NetworkSpec:
    """How to turn a line layer into a graph."""

    speed_field: str = ""
    class_field: str = ""
    speed_table: str = "osm"
    default_speed: float = 0.0
    oneway_field: str = ""
    tolerance: float = 0.5
    max_edge_m: float = 0.0


def cache_dir() -> Path:
    """Folder of the cached graphs (created on demand)."""
    env = os.environ.get("RETERR_CACHE_DIR")
    base = Path(env) if env else Path(QgsApplication.qgisSettingsDirPath()) / "reterr" / "graphs"
    base.mkdir(parents=True, exist_ok=True)
    return base


#: Cached graphs older than this (days since last use) are deleted when a new graph is saved.
CACHE_MAX_AGE_DAYS = 60
#: … and the oldest ones beyond this total size (bytes).
CACHE_MAX_BYTES = 2 * 1024**3


def prune_cache(
    directory: Path,
    keep: Path | None = None,
    max_age_days: float = CACHE_MAX_AGE_DAYS,
    max_bytes: int = CACHE_MAX_BYTES,
    now: float | None = None,
) -> list[Path]:
    """Delete cached graphs unused for ``max_age_days``, then the least recently used ones until
    the folder holds at most ``max_bytes``; ``keep`` (the graph just saved) always stays.

    A graph's "use" is its modification time: saving writes it, loading touches it. The cache key
    holds the layer's size and modification time, so every edit of a road layer leaves a stale
    graph behind: without pruning, the folder would only grow. Returns the deleted paths.
    """
    import time

    now = time.time() if now is None else now
    entries = []
    for path in directory.glob("*.npz"):
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((st.st_mtime, st.st_size, path))
    entries.sort()  # least recently used first
    deleted = []
    total = sum(size for _, size, _ in entries)
    for mtime, size, path in entries:
        if keep is not None and path == keep:
            continue
        if now - mtime > max_age_days * 86400 or total > max_bytes:
            try:
                path.unlink()
            except OSError:
                continue
            deleted.append(path)
            total -= size
    return deleted


def log_search_engine(feedback) -> None:
    """Say in the log which shortest-path engine runs (compiling it on first use)."""
    if net.accelerated():
        text = translate(
            "ReterrNetwork", "Road searches: compiled kernels (numba), {n} threads."
        ).format(n=net.search_workers())
    else:
        text = translate(
            "ReterrNetwork",
            "Road searches: scipy's Dijkstra (install numba for searches 3 to 6 times faster).",
        )
    feedback.pushInfo(text)


def source_identity(layer) -> str | None:
    """Stable identity of a layer's content, or None when it cannot be cached (memory layers)."""
    if layer is None or layer.providerType() == "memory":
        return None
    uri = layer.source()
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), uri)
    path = parts.get("path")
    if path and os.path.exists(path):
        st = os.stat(path)
        return f"{uri}|size={st.st_size}|mtime={st.st_mtime_ns}|subset={layer.subsetString()}"
    return None


def add_network_parameters(alg, *, optional: bool, prefix: str = "") -> None:
    """Add the network parameters (layer and how to read it) to an algorithm."""
    from qgis.core import QgsProcessingParameterFeatureSource

    h = alg.add_help
    p = prefix
    alg.addParameter(
        h(
            QgsProcessingParameterFeatureSource(
                f"{p}NETWORK",
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
        h(
            QgsProcessingParameterField(
                f"{p}SPEED_FIELD",
                translate("ReterrNetwork", "Speed field (km/h)"),
                None,
                f"{p}NETWORK",
                compat.FIELD_NUMERIC,
                optional=True,
            ),
            translate(
                "ReterrNetwork", "Average speed of each road; when empty, the road class is used."
            ),
        )
    )
    alg.addParameter(
        h(
            QgsProcessingParameterField(
                f"{p}CLASS_FIELD",
                translate("ReterrNetwork", "Road class field"),
                "highway",
                f"{p}NETWORK",
                compat.FIELD_ANY,
                optional=True,
            ),
            translate("ReterrNetwork", "OSM 'highway', BD TOPO 'nature' or 'importance'."),
        )
    )
    alg.addParameter(
        h(
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
                "Default car speeds per class; see the plugin documentation for "
                "their sources (several are to be confirmed).",
            ),
        )
    )
    alg.addParameter(
        h(
            QgsProcessingParameterNumber(
                f"{p}DEFAULT_SPEED",
                translate("ReterrNetwork", "Speed of unknown classes (km/h, 0: error)"),
                compat.NUMBER_DOUBLE,
                0.0,
                minValue=0.0,
            ),
            translate("ReterrNetwork", "0 reports unknown classes as an error."),
        )
    )
    alg.addParameter(
        h(
            QgsProcessingParameterField(
                f"{p}ONEWAY_FIELD",
                translate("ReterrNetwork", "One-way field"),
                None,
                f"{p}NETWORK",
                compat.FIELD_ANY,
                optional=True,
            ),
            translate(
                "ReterrNetwork", "OSM 'oneway' or BD TOPO 'sens_de_circulation'; empty: two-way."
            ),
        )
    )
    alg.addParameter(
        h(
            QgsProcessingParameterNumber(
                f"{p}TOLERANCE",
                translate("ReterrNetwork", "Junction tolerance (m)"),
                compat.NUMBER_DOUBLE,
                0.5,
                minValue=0.001,
            ),
            translate("ReterrNetwork", "Line ends closer than this are joined."),
        )
    )
    alg.addParameter(
        h(
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
        )
    )


def spec_from_parameters(alg, parameters, context, prefix: str = "") -> NetworkSpec:
    """Read the network parameters added by :func:`add_network_parameters`."""
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


def build_from_source(source, spec: NetworkSpec, layer_name: str, feedback) -> net.RoadGraph:
    """Read a line source and build its graph (no cache)."""
    import shapely

    fields = source.fields()
    class_field = (
        spec.class_field if spec.class_field and fields.lookupField(spec.class_field) >= 0 else ""
    )
    if not spec.speed_field and not class_field:
        raise QgsProcessingException(
            translate(
                "ReterrNetwork",
                "Layer '{layer}': give a speed field or a road class field (none of them was found).",
            ).format(layer=layer_name)
        )
    oneway_field = spec.oneway_field
    if oneway_field and fields.lookupField(oneway_field) < 0:
        raise QgsProcessingException(
            translate("ReterrNetwork", "Field '{field}' not found in layer '{layer}'.").format(
                field=oneway_field, layer=layer_name
            )
        )
    text = {}
    if class_field:
        text["class"] = class_field
    if oneway_field:
        text["oneway"] = oneway_field
    table = read_features(
        source,
        numeric={"speed": spec.speed_field} if spec.speed_field else None,
        text=text,
        layer_name=layer_name,
        feedback=feedback,
        progress_span=(0, 40),
    )
    if len(table) == 0:
        raise QgsProcessingException(
            translate("ReterrNetwork", "The network layer '{layer}' has no features.").format(
                layer=layer_name
            )
        )
    try:
        if spec.speed_field:
            speed = table.numbers["speed"]
        else:
            speed = net.speeds_from_classes(
                table.texts["class"],
                dict(SPEED_TABLES)[spec.speed_table],
                default=spec.default_speed or None,
            )
        oneway = None
        if oneway_field:
            oneway = net.oneway_from_values(
                table.texts["oneway"],
                highway=table.texts.get("class") if spec.speed_table == "osm" else None,
            )
        geoms = table.shapely()
        parts, owner = shapely.get_parts(geoms, return_index=True)
        coords, vidx = shapely.get_coordinates(parts, return_index=True)
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(vidx, minlength=len(parts)), out=offsets[1:])
        graph = net.build_graph_from_arrays(
            coords,
            offsets,
            speed[owner],
            None if oneway is None else oneway[owner],
            tolerance=spec.tolerance,
            max_edge_m=spec.max_edge_m or None,
            progress=lambda v: feedback.setProgress(40 + 0.5 * v),
            is_canceled=feedback.isCanceled,
        )
    except InputError as err:
        if err.rows and "owner" in locals() and len(err.rows) and max(err.rows) < len(owner):
            err.rows = sorted({int(owner[r]) for r in err.rows})
        raise engine_error(err, table, layer_name) from err
    return graph


def graph_for_layer(
    alg, parameters, context, feedback, prefix: str = ""
) -> tuple[net.RoadGraph, bool]:
    """The graph of the NETWORK parameter: from the cache when possible. Returns (graph, cached)."""
    source = alg.parameterAsSource(parameters, f"{prefix}NETWORK", context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, f"{prefix}NETWORK"))
    layer_name = alg.layer_label(parameters, f"{prefix}NETWORK", context, source)
    require_projected(source.sourceCrs(), layer_name)
    spec = spec_from_parameters(alg, parameters, context, prefix)
    identity = source_identity(alg.parameterAsVectorLayer(parameters, f"{prefix}NETWORK", context))
    path = None
    if identity is not None:
        params = {**asdict(spec), "crs": source.sourceCrs().authid()}
        key = net.graph_cache_key(identity, params)
        path = cache_dir() / f"{key}.npz"
        graph = net.load_graph(path)
        if graph is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # last use, for prune_cache
            log_search_engine(feedback)
            feedback.pushInfo(
                translate("ReterrNetwork", "Road graph loaded from the cache ({path}).").format(
                    path=path
                )
            )
            return graph, True
    try:
        graph = build_from_source(source, spec, layer_name, feedback)
    except Canceled as err:
        raise QgsProcessingException(translate("ReterrNetwork", "Canceled.")) from err
    if path is not None:
        net.save_graph(graph, path)
        prune_cache(path.parent, keep=path)
    log_search_engine(feedback)
    return graph, False
