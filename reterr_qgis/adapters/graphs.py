"""Road network layers to cached engine graphs.

A line source and plain values (:class:`NetworkSpec`) give a graph (:func:`build_from_source`),
from the cache when it was built before (:func:`graph_for_source`). Errors are the engine's
:class:`~reterr_qgis.engine.core.errors.InputError` (naming the faulty features) and
:class:`~reterr_qgis.engine.core.errors.Canceled`; the Processing parameters that fill a
:class:`NetworkSpec` are declared and read in ``processing/common/travel.py``.

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

from qgis.core import QgsApplication, QgsGeometry, QgsProviderRegistry, QgsWkbTypes

from ..engine import routing as net
from ..engine.core.errors import QT_TRANSLATE_NOOP, InputError
from ..engine.core.wkb import line_parts
from .i18n import translate
from .layers import read_features, require_projected

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


def line_wkbs(geometries) -> list[bytes]:
    """The WKB of line geometries, curves (circular strings, compound curves) made of straight
    segments first, for :func:`~reterr_qgis.engine.core.wkb.line_parts`."""
    out = []
    for g in geometries:
        if QgsWkbTypes.isCurvedType(g.wkbType()):
            g = QgsGeometry(g)
            g.convertToStraightSegment()
        out.append(bytes(g.asWkb()))
    return out


def build_from_source(source, spec: NetworkSpec, layer_name: str, feedback) -> net.RoadGraph:
    """Read a line source and build its graph (no cache)."""
    fields = source.fields()
    class_field = (
        spec.class_field if spec.class_field and fields.lookupField(spec.class_field) >= 0 else ""
    )
    if not spec.speed_field and not class_field:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrNetwork",
                "Layer '{layer}': give a speed field or a road class field (none of them was found).",
            ),
            context="ReterrNetwork",
            layer=layer_name,
        )
    oneway_field = spec.oneway_field
    if oneway_field and fields.lookupField(oneway_field) < 0:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrNetwork", "Field '{field}' not found in layer '{layer}'."),
            context="ReterrNetwork",
            field=oneway_field,
            layer=layer_name,
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
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrNetwork", "The network layer '{layer}' has no features."),
            context="ReterrNetwork",
            layer=layer_name,
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
        coords, offsets, owner = line_parts(line_wkbs(table.geometries))
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
        # The rows are features of the network layer: the run's message names them.
        err.table, err.layer_name = table, layer_name
        raise
    return graph


def graph_for_source(
    source, layer, spec: NetworkSpec, layer_name: str, feedback
) -> tuple[net.RoadGraph, bool]:
    """The graph of a line source, from the cache when possible. Returns ``(graph, cached)``.

    ``layer`` is the source's layer when there is one (its file identity keys the cache; None:
    never cached). The source must be in a projected CRS.
    """
    require_projected(source.sourceCrs(), layer_name)
    identity = source_identity(layer)
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
    graph = build_from_source(source, spec, layer_name, feedback)
    if path is not None:
        net.save_graph(graph, path)
        prune_cache(path.parent, keep=path)
    log_search_engine(feedback)
    return graph, False
