"""Service areas (isochrone polygons) on road-like graphs (issue 3 targets).

1. **1,000 service areas of 30 minutes** (bands 10/20/30, polygons included) on the ~1 M-node
   synthetic graph of :mod:`bench.bench_network` (its cached graph): target ≤ 40 s. One run of
   1,000 takes ~40 s, so the runner's four runs (warm-up + 3 repeats) take **250 different
   facilities each**: together the 1,000 facilities, and the note gives their total time. The
   ``seconds`` column is the best run of 250.
2. **Against QGIS's own** ``native:serviceareafromlayer`` **in the same process**: a ~100k-node
   jittered grid (junctions 100–300 m apart, 30–90 km/h by road class, 5 % one-way, 10 % of local
   segments missing) written once as a GeoPackage line layer in ``build/``, 100 start points on
   junctions, 15 minutes. QGIS: fastest path, speed field in km/h, travel cost 0.25 h, lines
   output in memory (it rebuilds its graph from the layer at each run, then one whole-graph
   search per start point). Ours, forward direction like QGIS: (a) reading the layer through
   QGIS and building the graph as the plugin does (``adapters.graphs.build_from_source``), or
   (b) loading the cached graph; then snapping and 100 service areas. Target ratio ≥ 30×. Check:
   QGIS's reachable lines lie inside our polygons (≥ 99 % of their length), per start point.

QGIS runs headless (``QT_QPA_PLATFORM=offscreen``); without the QGIS bindings case 2 is left out.

Case 1's peer is the engine's scipy path (``RETERR_NO_NUMBA=1``) on the first 250 facilities (the
ones of the runner's warm-up run, whose polygons it compares): once, it takes ~10 s. The compiled
kernels are compiled (or loaded) when :mod:`bench.bench_network` is imported, before any timing.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

import numpy as np
import shapely

from bench.bench_network import GRAPH, GRAPH_NOTE, JIT_NOTE, scipy_path
from reterr_qgis.engine.routing import bounded_costs, load_graph, save_graph, snap_points
from reterr_qgis.engine.routing.isochrones import service_areas

ROOT = Path(__file__).resolve().parent.parent
BANDS = [10.0, 20.0, 30.0]
N_AREAS = 1000
RUN_SIZE = 250

# ---------------------------------------------------------------------------------------------
# 1. 1,000 service areas on the 1 M-node graph
# ---------------------------------------------------------------------------------------------

_rng = np.random.default_rng(2027)
FACILITIES = _rng.choice(GRAPH.n_nodes, N_AREAS, replace=False)
_runs: list[tuple[int, float, int]] = []  # (facilities, seconds, polygon vertices)


def areas_1000():
    """One run: the next 250 of the 1,000 facilities (all 1,000 over four runs)."""
    k = len(_runs) % (N_AREAS // RUN_SIZE)
    chunk = FACILITIES[k * RUN_SIZE : (k + 1) * RUN_SIZE]
    t0 = time.perf_counter()
    polys = service_areas(GRAPH, chunk, None, BANDS)
    seconds = time.perf_counter() - t0
    _runs.append((len(chunk), seconds, int(sum(shapely.get_num_coordinates(p[-1]) for p in polys))))
    return polys


def areas_1000_scipy():
    """Peer: the first 250 facilities (those of the warm-up run) on the engine's scipy path."""
    with scipy_path():
        t0 = time.perf_counter()
        polys = service_areas(GRAPH, FACILITIES[:RUN_SIZE], None, BANDS)
        _timing["areas_scipy"] = time.perf_counter() - t0
    return polys


def check_same_polygons(ours, theirs):
    """The two paths draw the same polygons (same times: same grid cells)."""
    a = np.array([g for row in ours for g in row], dtype=object)
    b = np.array([g for row in theirs for g in row], dtype=object)
    assert a.shape == b.shape
    diff = shapely.area(shapely.symmetric_difference(a, b))
    assert np.all(diff <= 1e-9 * shapely.area(b) + 1e-6), float(diff.max())


def areas_note() -> str:
    done = _runs[: N_AREAS // RUN_SIZE]
    n = sum(r[0] for r in done)
    total = sum(r[1] for r in done)
    best = min(r[1] for r in _runs) if _runs else float("nan")
    vertices = sum(r[2] for r in done) / max(n, 1)
    return (
        f"{n:,} different facilities in {len(done)} runs of {RUN_SIZE}: {total:.1f} s in total, "
        f"{total / max(n, 1) * 1000:.1f} ms per facility (target: 1,000 in <= 40 s; best run of "
        f"{RUN_SIZE} x 4 = {best * 4:.1f} s); 3 bands 10/20/30 min, walk 150 m, grid 50 m, "
        f"{vertices:,.0f} vertices per 30-min polygon; scipy peer: the first {RUN_SIZE} once, "
        f"{_timing.get('areas_scipy', float('nan')):.1f} s; {JIT_NOTE}; {GRAPH_NOTE}"
    )


AREAS = {
    "name": f"service areas 30 min, 1,000 as 4 runs of {RUN_SIZE}",
    "run": areas_1000,
    "peer": "engine scipy path",
    "peer_run": areas_1000_scipy,
    "check": check_same_polygons,
    "repeat": 1,
    "note": areas_note,
}

# ---------------------------------------------------------------------------------------------
# 2. Against QGIS native:serviceareafromlayer, same process
# ---------------------------------------------------------------------------------------------

GRID_SIDE = 317  # 100,489 junctions
GRID_SEED = 17
N_START = 100
COST_MIN = 15.0
BUILD = ROOT / "build"
LINES_PATH = BUILD / f"bench_isochrones_grid{GRID_SIDE}_{GRID_SEED}.gpkg"
POINTS_PATH = BUILD / f"bench_isochrones_start{N_START}_{GRID_SIDE}_{GRID_SEED}c.gpkg"
ORIGIN = (700_000.0, 6_400_000.0)  # Lambert-93 metres


def grid_lines(side: int = GRID_SIDE, seed: int = GRID_SEED):
    """Junctions of a jittered grid, lines through them (no shape vertex: QGIS's graph has the
    same nodes as ours), road classes by row/column, missing local segments, one-way lines.

    Returns coordinates, line offsets, speeds (km/h), one-way codes and the junctions.
    """
    rng = np.random.default_rng(seed)
    xs = ORIGIN[0] + np.cumsum(rng.uniform(100, 300, side))
    ys = ORIGIN[1] + np.cumsum(rng.uniform(100, 300, side))
    nodes = np.stack(np.meshgrid(xs, ys), axis=-1) + rng.uniform(-30, 30, (side, side, 2))
    coords_l, lines_l, speed_l = [], [], []
    n_lines = 0
    for grid in (nodes, nodes.transpose(1, 0, 2)):
        row_speed = np.where(np.arange(side) % 10 == 0, 70.0, 0.0)
        row_speed[np.arange(side) % 50 == 0] = 90.0
        local = row_speed == 0
        removed = (rng.random((side, side - 1)) < 0.10) & local[:, None]
        # A new line starts at each row start and after each missing segment.
        start = np.zeros((side, side), dtype=bool)
        start[:, 0] = True
        start[:, 1:] = removed
        line = np.cumsum(start.ravel()) - 1 + n_lines
        size = np.bincount(line - n_lines)
        keep = size[line - n_lines] >= 2  # a junction between two missing segments: no line
        _, new_id = np.unique(line[keep], return_inverse=True)
        coords_l.append(grid.reshape(-1, 2)[keep])
        lines_l.append(new_id.ravel() + n_lines)
        k = int(new_id.max()) + 1
        row_of_line = np.repeat(np.arange(side), start.sum(axis=1))[np.unique(line[keep] - n_lines)]
        spd = row_speed[row_of_line]
        spd[spd == 0] = rng.choice([30.0, 40.0, 50.0], int((spd == 0).sum()))
        speed_l.append(spd)
        n_lines += k
    coords = np.concatenate(coords_l)
    line_id = np.concatenate(lines_l)
    offsets = np.zeros(n_lines + 1, dtype=np.int64)
    np.cumsum(np.bincount(line_id, minlength=n_lines), out=offsets[1:])
    oneway = np.where(rng.random(n_lines) < 0.05, rng.choice([1, -1], n_lines), 0)
    return coords, offsets, np.concatenate(speed_l), oneway, nodes.reshape(-1, 2)


def _write_layers() -> np.ndarray:
    """Write the grid lines and the start points once (GeoPackage); return the start points."""
    coords, offsets, speed, oneway, _ = grid_lines()
    # Start points on junctions where two lines meet: nodes of both graphs (a vertex inside one
    # line is a node for QGIS, not for us: the start would then differ by an access time).
    xy, count = np.unique(coords, axis=0, return_counts=True)
    shared = xy[count >= 2]
    rng = np.random.default_rng(GRID_SEED + 1)
    start_xy = shared[rng.choice(shared.shape[0], N_START, replace=False)]
    if LINES_PATH.exists() and POINTS_PATH.exists():
        return start_xy
    from pyogrio.raw import write

    BUILD.mkdir(parents=True, exist_ok=True)
    n = offsets.shape[0] - 1
    lines = shapely.linestrings(coords, indices=np.repeat(np.arange(n), np.diff(offsets)))
    text = np.array(["no", "yes", "-1"], dtype=object)[np.asarray(oneway) % 3]
    for path, geoms, fields, data, gtype in (
        (LINES_PATH, lines, ["speed", "oneway"], [speed, text], "LineString"),
        (POINTS_PATH, shapely.points(start_xy), ["sid"], [np.arange(N_START)], "Point"),
    ):
        tmp = path.with_suffix(".tmp.gpkg")
        tmp.unlink(missing_ok=True)
        write(
            str(tmp),
            shapely.to_wkb(geoms),
            field_data=data,
            fields=fields,
            crs="EPSG:2154",
            geometry_type=gtype,
            driver="GPKG",
            layer=path.stem,
        )
        os.replace(tmp, path)
    return start_xy


def _start_qgis():
    """Start QGIS and Processing once; None when the bindings are missing."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from qgis.testing import start_app
    except ImportError:
        return None
    app = start_app()
    if "/usr/share/qgis/python/plugins" not in sys.path:
        sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    return app, processing


_QGIS = _start_qgis()
START_XY = _write_layers()
CACHED_GRAPH = BUILD / f"bench_isochrones_grid{GRID_SIDE}_{GRID_SEED}.npz"
_timing: dict[str, float] = {}


def _our_graph_from_layer():
    """Read the line layer through QGIS and build the graph, as the plugin's adapter does."""
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    from reterr_qgis.adapters.graphs import NetworkSpec, build_from_source

    layer = QgsVectorLayer(str(LINES_PATH), "grid", "ogr")
    spec = NetworkSpec(speed_field="speed", oneway_field="oneway")
    return build_from_source(layer, spec, "grid", QgsProcessingFeedback())


def _areas(graph, key: str):
    t0 = time.perf_counter()
    snap = snap_points(graph, START_XY, max_distance_m=500.0)
    polys = service_areas(graph, snap.node, snap.access_min, [COST_MIN], reverse=False)
    _timing[key] = time.perf_counter() - t0
    return [p[0] for p in polys]


def ours_with_build():
    t0 = time.perf_counter()
    graph = _our_graph_from_layer()
    _timing["build"] = time.perf_counter() - t0
    _timing["nodes"] = graph.n_nodes
    if not CACHED_GRAPH.exists():
        save_graph(graph, CACHED_GRAPH)
    return _areas(graph, "areas_build")


def ours_cached():
    t0 = time.perf_counter()
    graph = load_graph(CACHED_GRAPH)
    if graph is None:
        graph = _our_graph_from_layer()
        save_graph(graph, CACHED_GRAPH)
    _timing["load"] = time.perf_counter() - t0
    return _areas(graph, "areas_cached")


def qgis_service_area():
    """QGIS 3.x native:serviceareafromlayer: costs in hours, speed field in km/h."""
    assert _QGIS is not None
    _, processing = _QGIS
    result = processing.run(
        "native:serviceareafromlayer",
        {
            "INPUT": str(LINES_PATH),
            "STRATEGY": 1,  # fastest
            "DIRECTION_FIELD": "oneway",
            "VALUE_FORWARD": "yes",
            "VALUE_BACKWARD": "-1",
            "VALUE_BOTH": "no",
            "DEFAULT_DIRECTION": 2,
            "SPEED_FIELD": "speed",
            "DEFAULT_SPEED": 50.0,
            "TOLERANCE": 0.0,
            "START_POINTS": str(POINTS_PATH),
            "TRAVEL_COST2": COST_MIN / 60.0,  # hours
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": "memory:",
        },
    )
    return result["OUTPUT_LINES"]


def check_qgis_inside_ours(ours, theirs):
    """QGIS's reachable lines lie inside our polygon of the same start point: >= 99 % of 2,000
    points taken along them (segment ends and middles), for every start point QGIS reached."""
    rng = np.random.default_rng(0)
    seen = 0
    for feat in theirs.getFeatures():
        sid = int(feat["sid"])
        lines = shapely.from_wkb(bytes(feat.geometry().asWkb()))
        if lines.is_empty:
            continue
        seen += 1
        xy, part = shapely.get_coordinates(shapely.get_parts(lines), return_index=True)
        same = part[1:] == part[:-1]
        pts = np.concatenate((xy, ((xy[:-1] + xy[1:]) / 2)[same]))  # segment ends and middles
        pts = pts[rng.choice(pts.shape[0], min(2000, pts.shape[0]), replace=False)]
        shapely.prepare(ours[sid])
        inside = shapely.contains_xy(ours[sid], pts[:, 0], pts[:, 1]).mean()
        assert inside >= 0.99, (sid, inside)
    assert seen >= 0.9 * N_START, f"QGIS reached from only {seen} start points"


def _search_only() -> tuple[float, float]:
    """Seconds of the 100 bounded searches alone (best of 3): compiled kernels (all threads),
    scipy path."""
    if "search" not in _timing:
        graph = load_graph(CACHED_GRAPH)
        nodes = snap_points(graph, START_XY, max_distance_m=500.0).node
        for key, ctx in (("search", contextlib.nullcontext()), ("search_scipy", scipy_path())):
            with ctx:
                bounded_costs(graph, nodes[:2], COST_MIN)
                best = float("inf")
                for _ in range(3):
                    t0 = time.perf_counter()
                    bounded_costs(graph, nodes, COST_MIN)
                    best = min(best, time.perf_counter() - t0)
                _timing[key] = best
    return _timing["search"], _timing["search_scipy"]


def _qgis_note(key: str, what: str) -> str:
    areas = _timing.get(key, float("nan"))
    compiled, scipy_s = _search_only()
    return (
        f"{what}; 100 service areas of 15 min (snapping included) {areas:.2f} s = "
        f"{areas * 10:.1f} ms each, of which the 100 bounded searches alone take "
        f"{compiled:.2f} s (scipy path: {scipy_s:.2f} s, holding the GIL); {JIT_NOTE}; graph "
        f"{_timing.get('nodes', 0):,} nodes; QGIS: native:serviceareafromlayer, fastest, cost "
        "0.25 h, lines in memory (graph rebuilt from the layer at each run, one whole-graph "
        "search per point); target ratio >= 30x"
    )


QGIS_BUILD = {
    "name": "service areas 100 x 15 min, ~100k grid, with build",
    "run": ours_with_build,
    "peer": "QGIS serviceareafromlayer",
    "peer_run": qgis_service_area,
    "check": check_qgis_inside_ours,
    "repeat": 1,
    "note": lambda: _qgis_note(
        "areas_build",
        f"ours = layer read through QGIS + graph build {_timing.get('build', float('nan')):.2f} s",
    ),
}
QGIS_CACHED = {
    "name": "service areas 100 x 15 min, ~100k grid, cached",
    "run": ours_cached,
    "peer": "QGIS serviceareafromlayer",
    "peer_run": qgis_service_area,
    "check": check_qgis_inside_ours,
    "repeat": 1,
    "note": lambda: _qgis_note(
        "areas_cached",
        f"ours = cached graph loaded {_timing.get('load', float('nan')):.2f} s",
    ),
}

CASES = [AREAS] + ([QGIS_BUILD, QGIS_CACHED] if _QGIS is not None else [])
