"""Road network at département-and-more scale: a synthetic road-like graph of ~1 million nodes.

A 1000 × 1000 grid of junctions with 100–300 m spacing (≈ 200 km × 200 km), jittered, one shape
vertex between two junctions, a hierarchy of faster roads (every 10th row/column 70 km/h, every
50th 90 km/h, every 250th 110 km/h; local roads 30–50 km/h), ~10 % of local segments removed and
5 % of the lines one-way. The lines are generated at import (≈ 1 s); the graph is cached in
``build/bench_network_<key>.npz`` with :func:`save_graph` (key: :func:`graph_cache_key` of the
generator's parameters). The "build" case times the builder on the generated lines.

Peers: QGIS's native network tools and QNEAT3 run one whole-graph Dijkstra per start point, the
cut-off not stopping the search: the same scipy Dijkstra without ``limit`` on the same sources
stands for them. It is faster than QGIS's own search (ANCHORS: 0.16 s vs 0.36 s per start point
on 1 M nodes), so the ratio is a floor of the gain over QGIS. The other peers are the engine's own
scipy path (``RETERR_NO_NUMBA=1``) on the same inputs in the same process: the gain of the
compiled kernels, whose results must be the same.

The compiled kernels (numba) are compiled before any timed run: once in a fresh process with an
empty numba cache (the cold compile time, given in the notes), then loaded in this process.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy.sparse.csgraph import dijkstra

from reterr_qgis.engine.routing import (
    NO_NUMBA_ENV,
    accelerated,
    bounded_costs,
    build_graph,
    build_graph_from_arrays,
    graph_cache_key,
    load_graph,
    nearest,
    od_matrix,
    save_graph,
    search_workers,
)

ROOT = Path(__file__).resolve().parent.parent
SIDE = 1000
CUTOFF = 30.0  # minutes
PARAMS = {
    "side": SIDE,
    "spacing_m": [100, 300],
    "jitter_m": 30,
    "removed_local_share": 0.10,
    "oneway_share": 0.05,
    "classes": {"10": 70, "50": 90, "250": 110},
    "local_kmh": [30, 40, 50],
    "seed": 7,
}


def road_lines(
    params: dict = PARAMS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vertices, line offsets, speeds (km/h) and one-way codes of the synthetic network."""
    side = params["side"]
    rng = np.random.default_rng(params["seed"])
    lo, hi = params["spacing_m"]
    xs = np.cumsum(rng.uniform(lo, hi, side))
    ys = np.cumsum(rng.uniform(lo, hi, side))
    jit = params["jitter_m"]
    nodes = np.stack(np.meshgrid(xs, ys), axis=-1) + rng.uniform(-jit, jit, (side, side, 2))
    parts = [_polylines(nodes, params, rng), _polylines(nodes.transpose(1, 0, 2), params, rng)]
    coords = np.concatenate([p[0] for p in parts])
    offsets = np.concatenate([parts[0][1], parts[1][1][1:] + parts[0][1][-1]])
    speed = np.concatenate([p[2] for p in parts])
    oneway = np.concatenate([p[3] for p in parts])
    return coords, offsets, speed, oneway


def _polylines(nodes: np.ndarray, params: dict, rng: np.random.Generator):
    """Lines along the rows of ``nodes``: one line per row, cut where a segment is removed."""
    side = nodes.shape[0]
    mids = (nodes[:, 1:] + nodes[:, :-1]) / 2 + rng.normal(0, 8, (side, side - 1, 2))
    seq = np.empty((side, 2 * side - 1, 2))
    seq[:, 0::2] = nodes
    seq[:, 1::2] = mids
    row_speed = np.zeros(side)
    for every, kmh in sorted(params["classes"].items(), key=lambda kv: int(kv[0])):
        row_speed[np.arange(side) % int(every) == 0] = kmh
    local = row_speed == 0
    removed = (rng.random((side, side - 1)) < params["removed_local_share"]) & local[:, None]
    keep = np.ones((side, 2 * side - 1), dtype=bool)
    keep[:, 1::2] = ~removed
    start = np.zeros((side, 2 * side - 1), dtype=bool)
    start[:, 0] = True
    start[:, 2::2] = removed  # the junction after a removed segment starts a new line
    flat_keep = keep.ravel()
    coords = seq.reshape(-1, 2)[flat_keep]
    starts = np.flatnonzero(start.ravel()[flat_keep])
    offsets = np.append(starts, coords.shape[0]).astype(np.int64)
    n_lines = starts.shape[0]
    line_row = np.repeat(np.arange(side), start.sum(axis=1))
    speed = row_speed[line_row]
    is_local = speed == 0
    speed[is_local] = rng.choice(params["local_kmh"], int(is_local.sum()))
    oneway = np.zeros(n_lines, dtype=np.int8)
    one = rng.random(n_lines) < params["oneway_share"]
    oneway[one] = rng.choice(np.array([1, -1], dtype=np.int8), int(one.sum()))
    return coords, offsets, speed, oneway


COORDS, OFFSETS, SPEED, ONEWAY = road_lines()


def _graph():
    path = ROOT / "build" / f"bench_network_{graph_cache_key('synthetic-grid', PARAMS)[:16]}.npz"
    graph = load_graph(path)
    if graph is None:
        graph = build_graph_from_arrays(COORDS, OFFSETS, SPEED, ONEWAY)
        save_graph(graph, path)
    return graph


t0 = time.perf_counter()
GRAPH = _graph()
LOAD_SECONDS = time.perf_counter() - t0
N = GRAPH.n_nodes
rng = np.random.default_rng(11)
SOURCES_50 = rng.choice(N, 50, replace=False)
SOURCES_10 = SOURCES_50[:10]
FACILITIES = rng.choice(N, 2000, replace=False)
ORIGINS = rng.choice(N, 1000, replace=False)
ORIGIN_ACCESS = rng.uniform(0, 2, 1000)
DESTS = rng.choice(N, 1000, replace=False)
DEST_ACCESS = rng.uniform(0, 2, 1000)
GRAPH.reverse()  # built once, as a cached graph would be
_R = GRAPH.report
GRAPH_NOTE = (
    f"graph {_R.n_nodes:,} nodes, {_R.n_arcs:,} arcs, {_R.n_components} components, "
    f"{_R.total_length_km:,.0f} km, cached graph loaded (or built) in {LOAD_SECONDS:.1f} s"
)


# ---------------------------------------------------------------------------------------------
# Compiled kernels: warm-up and peers on the scipy path
# ---------------------------------------------------------------------------------------------


def warm_up() -> None:
    """Run every search of the engine once on a tiny graph (compiles or loads the kernels)."""
    from reterr_qgis.engine.routing.isochrones import service_areas

    lines = [np.array([[0.0, 0.0], [1000.0, 0.0]]), np.array([[1000.0, 0.0], [1000.0, 900.0]])]
    g = build_graph(lines, [60.0, 30.0], [0, 1])
    g.reverse()
    bounded_costs(g, [0, 1], 5.0)
    od_matrix(g, [0, 1, 2], None, [0, 2], [0.1, 0.2], 5.0)
    nearest(g, [0], [0.5], 5.0)
    service_areas(g, [0], None, [1.0, 2.0])


# A fresh interpreter runs warm_up's own source (not this module: it builds the big graph).
_COLD = f"""
import sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from reterr_qgis.engine.routing import bounded_costs, build_graph, nearest, od_matrix
{inspect.getsource(warm_up)}
t0 = time.perf_counter()
warm_up()
print(time.perf_counter() - t0)
"""


def _jit_note() -> str:
    """Cold compile time (fresh process, empty numba cache) and this process's load time."""
    t0 = time.perf_counter()
    if not accelerated():  # the first call imports and checks the kernels
        return "scipy path (numba not installed or RETERR_NO_NUMBA set)"
    warm_up()
    here = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NUMBA_CACHE_DIR=tmp)
        proc = subprocess.run(
            [sys.executable, "-c", _COLD, str(ROOT)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        cold = float(proc.stdout.strip().splitlines()[-1])
    return (
        f"compiled kernels (numba), {search_workers()} threads; JIT compile {cold:.1f} s once "
        f"(cold cache, fresh process), {here:.2f} s here (disk cache), never timed"
    )


@contextlib.contextmanager
def scipy_path() -> Iterator[None]:
    """The engine's scipy fallback for the duration of the block."""
    old = os.environ.get(NO_NUMBA_ENV)
    os.environ[NO_NUMBA_ENV] = "1"
    try:
        yield
    finally:
        if old is None:
            del os.environ[NO_NUMBA_ENV]
        else:
            os.environ[NO_NUMBA_ENV] = old


def on_scipy(fn):
    """``fn`` run on the engine's scipy path."""

    def run():
        with scipy_path():
            return fn()

    return run


def check_same_csr(ours, theirs):
    """Same sparse layout, same stored pairs, same times to rounding."""
    assert ours.shape == theirs.shape
    np.testing.assert_array_equal(ours.indptr, theirs.indptr)
    np.testing.assert_array_equal(ours.indices, theirs.indices)
    np.testing.assert_allclose(ours.data, theirs.data, rtol=1e-12)


JIT_NOTE = _jit_note()


def _timed(case: dict, fn, describe):
    """Run ``fn``, then write the case note from its result and time (the last run's)."""

    def run():
        t = time.perf_counter()
        result = fn()
        case["note"] = f"{describe(result, time.perf_counter() - t)}; {JIT_NOTE}; {GRAPH_NOTE}"
        return result

    return run


def build():
    return build_graph_from_arrays(COORDS, OFFSETS, SPEED, ONEWAY)


def bounded_50():
    return bounded_costs(GRAPH, SOURCES_50, CUTOFF)


def bounded_10():
    return bounded_costs(GRAPH, SOURCES_10, CUTOFF)


def one_at_a_time_10():
    """Single-source latency: the 10 sources, one call each."""
    return [bounded_costs(GRAPH, [s], CUTOFF) for s in SOURCES_10]


def check_rows(ours, theirs):
    for a, b in zip(ours, theirs):
        check_same_csr(a, b)


def full_search_10():
    """What QGIS/QNEAT3 do: one whole-graph search per start point, then keep <= cut-off."""
    out = []
    for s in SOURCES_10:
        d = dijkstra(GRAPH.adj, directed=True, indices=int(s))
        keep = np.flatnonzero(d <= CUTOFF)
        out.append((keep, d[keep]))
    return out


def check_bounded(ours, theirs):
    for i, (cols, vals) in enumerate(theirs):
        row = slice(ours.indptr[i], ours.indptr[i + 1])
        np.testing.assert_array_equal(ours.indices[row], cols)
        np.testing.assert_allclose(ours.data[row], vals, rtol=1e-12)


def nearest_2000():
    return nearest(GRAPH, FACILITIES, None, CUTOFF).cost


def nearest_full():
    return dijkstra(GRAPH.adj, directed=True, indices=FACILITIES, min_only=True)


def check_nearest(ours, theirs):
    within = theirs <= CUTOFF
    np.testing.assert_array_equal(np.isfinite(ours), within)
    np.testing.assert_allclose(ours[within], theirs[within], rtol=1e-12)


def nearest_2000_both():
    res = nearest(GRAPH, FACILITIES, None, CUTOFF)
    return res.cost, res.source


def check_nearest_same(ours, theirs):
    """Same times; the source found costs that time (equal-time sources may differ)."""
    np.testing.assert_array_equal(np.isfinite(ours[0]), np.isfinite(theirs[0]))
    ok = np.isfinite(ours[0])
    np.testing.assert_allclose(ours[0][ok], theirs[0][ok], rtol=1e-12)
    differ = np.flatnonzero(ours[1] != theirs[1])
    assert differ.shape[0] <= 1e-3 * ok.sum(), differ.shape[0]


def od_1000():
    return od_matrix(GRAPH, ORIGINS, ORIGIN_ACCESS, DESTS, DEST_ACCESS, CUTOFF)


BUILD = {"name": "network build ~1M nodes", "note": ""}
BUILD["run"] = _timed(
    BUILD,
    build,
    lambda g, s: f"{COORDS.shape[0]:,} vertices in {OFFSETS.shape[0] - 1:,} lines -> "
    f"{g.report.n_nodes:,} nodes in {s:.2f} s",
)
BOUNDED = {
    "name": "network 30-min search, 50 sources",
    "peer": "engine scipy path",
    "peer_run": on_scipy(bounded_50),
    "check": check_same_csr,
    "note": "",
}
BOUNDED["run"] = _timed(
    BOUNDED,
    bounded_50,
    lambda b, s: f"{s / 50 * 1000:.1f} ms per source throughput (target <= 12 ms), "
    f"{b.nnz / 50:,.0f} nodes within {CUTOFF:.0f} min per source "
    f"({s / b.nnz * 1e9:.0f} ns per settled node, all overheads included)",
)
LATENCY = {
    "name": "network 30-min search, 1 source x 10 calls",
    "peer": "engine scipy path",
    "peer_run": on_scipy(one_at_a_time_10),
    "check": check_rows,
    "note": "",
}
LATENCY["run"] = _timed(
    LATENCY,
    one_at_a_time_10,
    lambda rows, s: f"{s / 10 * 1000:.1f} ms per call of one source (single-source latency: "
    "one search, one thread)",
)
RATIO = {
    "name": "network 30-min search vs full, 10 sources",
    "peer": "full Dijkstra per source",
    "peer_run": full_search_10,
    "check": check_bounded,
    "note": "",
}
RATIO["run"] = _timed(
    RATIO,
    bounded_10,
    lambda b, s: f"{s / 10 * 1000:.1f} ms per source; peer = scipy Dijkstra without cut-off "
    "per start point (QGIS/QNEAT3 style, minus their own overheads)",
)
NEAREST = {
    "name": "network nearest of 2,000, every node",
    "peer": "scipy min_only, no cut-off",
    "peer_run": nearest_full,
    "check": check_nearest,
    "note": "",
}
NEAREST["run"] = _timed(
    NEAREST,
    nearest_2000,
    lambda c, s: f"{s:.2f} s (target <= 2 s), {np.isfinite(c).mean():.1%} of nodes within "
    f"{CUTOFF:.0f} min of a facility",
)
NEAREST_SCIPY = {
    "name": "network nearest of 2,000 vs scipy path",
    "peer": "engine scipy path",
    "peer_run": on_scipy(nearest_2000_both),
    "check": check_nearest_same,
    "note": "",
}
NEAREST_SCIPY["run"] = _timed(
    NEAREST_SCIPY,
    nearest_2000_both,
    lambda c, s: f"{s:.2f} s, one multi-source search over the whole graph (one thread)",
)
OD = {
    "name": "network OD 1,000 x 1,000, 30 min",
    "peer": "engine scipy path",
    "peer_run": on_scipy(od_1000),
    "check": check_same_csr,
    "repeat": 1,
    "note": "",
}
OD["run"] = _timed(
    OD,
    od_1000,
    lambda m, s: f"{s:.1f} s ({s:.1f} ms per origin), {m.nnz:,} of 1,000,000 pairs within "
    f"{CUTOFF:.0f} min (access 0-2 min at each end included); the scipy peer runs once",
)

CASES = [BUILD, BOUNDED, LATENCY, RATIO, NEAREST, NEAREST_SCIPY, OD]
