"""Service-area polygons (isochrones): hand-built networks with hand-computed extents. No QGIS.

Geometry conventions under test (see :mod:`reterr_qgis.engine.routing.isochrones`): the polygon of band
``t`` is the area within ``buffer_m`` of the roads reachable within ``t`` (a partial arc cut at
``(t - time_start) / time_arc`` of its straight line); the ``exact`` method draws it with GEOS
buffers, the default ``grid`` method within about one cell of it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.routing import (
    NO_NUMBA_ENV,
    RoadGraph,
    accelerated,
    build_graph,
    build_graph_from_arrays,
)
from reterr_qgis.engine.routing.isochrones import _polygons, service_areas

BUFFER = 150.0
CELL = 50.0


@pytest.fixture(autouse=True, params=["compiled", "scipy"])
def search_path(request, monkeypatch) -> str:
    """Every test on both search paths: the numba kernels and the scipy fallback."""
    if request.param == "compiled":
        pytest.importorskip("numba")
        monkeypatch.delenv(NO_NUMBA_ENV, raising=False)
        assert accelerated()
    else:
        monkeypatch.setenv(NO_NUMBA_ENV, "1")
        assert not accelerated()
    return request.param


def node(g: RoadGraph, x: float, y: float) -> int:
    hit = np.flatnonzero((g.xy[:, 0] == x) & (g.xy[:, 1] == y))
    assert hit.size == 1, (x, y)
    return int(hit[0])


def straight_road(n_km: int = 20, kmh: float = 60.0) -> RoadGraph:
    """A road along y = 0 from x = 0 to n_km km, a node every km, ``kmh`` everywhere."""
    lines = [np.array([[i * 1000.0, 0.0], [(i + 1) * 1000.0, 0.0]]) for i in range(n_km)]
    return build_graph(lines, np.full(n_km, kmh))


def road_grid(side: int = 25, seed: int = 3) -> RoadGraph:
    """A jittered grid of junctions 150-350 m apart, mixed speeds, 10 % one-way, a few gaps."""
    rng = np.random.default_rng(seed)
    xs = np.cumsum(rng.uniform(150, 350, side))
    ys = np.cumsum(rng.uniform(150, 350, side))
    pts = np.stack(np.meshgrid(xs, ys), axis=-1) + rng.uniform(-30, 30, (side, side, 2))
    lines, speed = [], []
    for grid in (pts, pts.transpose(1, 0, 2)):
        for r in range(side):
            for c in range(side - 1):
                if rng.random() < 0.08:
                    continue
                lines.append(grid[r, c : c + 2])
                speed.append(70.0 if r % 5 == 0 else rng.choice([30.0, 50.0]))
    oneway = np.where(rng.random(len(lines)) < 0.1, 1, 0)
    return build_graph(lines, np.array(speed), oneway)


def extent(geom) -> tuple[float, float, float, float]:
    return shapely.bounds(geom).tolist()


def far_from(a, b) -> float:
    """Largest distance from a point of ``a`` outside ``b`` to ``b`` (0 if ``a`` is inside)."""
    diff = a.difference(b)
    if diff.is_empty:
        return 0.0
    return float(shapely.distance(shapely.points(shapely.get_coordinates(diff)), b).max())


# ---------------------------------------------------------------------------------------------
# A straight road of known speed
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["exact", "grid"])
def test_straight_road_reaches_v_times_t(method):
    g = straight_road()
    s = node(g, 0.0, 0.0)
    # 60 km/h = 1 km per minute: 10.5 min reach 10,500 m (half of the 11th arc).
    (poly,) = service_areas(g, [s], None, [10.5], buffer_m=BUFFER, cell_m=CELL, method=method)[0]
    assert poly.geom_type == "Polygon" and poly.is_valid
    x0, y0, x1, y1 = extent(poly)
    tol = 1e-6 if method == "exact" else CELL
    assert x1 == pytest.approx(10_500 + BUFFER, abs=tol)
    assert x0 == pytest.approx(-BUFFER, abs=tol)
    assert y0 == pytest.approx(-BUFFER, abs=tol)
    assert y1 == pytest.approx(BUFFER, abs=tol)
    if method == "exact":  # a stadium: a rectangle and two half-discs (8 segments per quarter)
        half_disc = 16 * 0.5 * BUFFER**2 * math.sin(math.pi / 16)
        assert poly.area == pytest.approx(10_500 * 2 * BUFFER + 2 * half_disc, rel=1e-9)


@pytest.mark.parametrize("method", ["exact", "grid"])
def test_partial_arc_interpolated_by_hand(method):
    # 10 km at 60 km/h (10 min), then a 2 km arc at 30 km/h (4 min), then more road.
    lines = [
        np.array([[0.0, 0.0], [10_000.0, 0.0]]),
        np.array([[10_000.0, 0.0], [12_000.0, 0.0]]),
        np.array([[12_000.0, 0.0], [20_000.0, 0.0]]),
    ]
    g = build_graph(lines, [60.0, 30.0, 60.0])
    s = node(g, 0.0, 0.0)
    bands = [5.0, 11.0, 13.0, 16.0]
    polys = service_areas(g, [s], None, bands, buffer_m=BUFFER, cell_m=CELL, method=method)[0]
    # 5 min: 5 km along the first arc. 11 min: 10 km + (11 - 10) / 4 of 2 km = 10.5 km.
    # 13 min: 10 km + 3/4 of 2 km = 11.5 km. 16 min: 12 km (at 14 min) + 2 min at 1 km/min.
    expected = [5_000.0, 10_500.0, 11_500.0, 14_000.0]
    tol = 1e-6 if method == "exact" else CELL
    for poly, reach in zip(polys, expected):
        assert extent(poly)[2] == pytest.approx(reach + BUFFER, abs=tol)


def test_access_time_is_counted_in_the_band():
    g = straight_road()
    s = node(g, 0.0, 0.0)
    res = service_areas(g, [s, s], [0.0, 2.0], [1.0, 10.5], buffer_m=BUFFER, method="exact")
    assert extent(res[0][1])[2] == pytest.approx(10_500 + BUFFER)
    assert extent(res[1][1])[2] == pytest.approx(8_500 + BUFFER)
    assert extent(res[0][0])[2] == pytest.approx(1_000 + BUFFER)
    assert res[1][0].is_empty  # 2 min to reach the network: nothing within 1 min


def test_source_in_the_middle_reaches_both_ways():
    g = straight_road()
    s = node(g, 10_000.0, 0.0)
    (poly,) = service_areas(g, [s], None, [3.0], buffer_m=BUFFER, method="exact")[0]
    x0, _, x1, _ = extent(poly)
    assert (x0, x1) == pytest.approx((7_000 - BUFFER, 13_000 + BUFFER))


# ---------------------------------------------------------------------------------------------
# Direction, nesting, components
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["exact", "grid"])
def test_one_way_street_changes_forward_and_reverse(method):
    # S -> A one-way (5 km, 5 min); A -> B -> C -> S two-way detour (15 km, 15 min).
    lines = [
        np.array([[0.0, 0.0], [5_000.0, 0.0]]),
        np.array([[5_000.0, 0.0], [5_000.0, 5_000.0], [0.0, 5_000.0], [0.0, 0.0]]),
    ]
    g = build_graph(lines, [60.0, 60.0], oneway=[1, 0], max_edge_m=1_000.0)
    s = node(g, 0.0, 0.0)
    kw = {"buffer_m": BUFFER, "cell_m": CELL, "method": method}
    (fwd,) = service_areas(g, [s], None, [6.0], reverse=False, **kw)[0]
    (rev,) = service_areas(g, [s], None, [6.0], **kw)[0]  # reverse=True is the default
    street = shapely.Point(2_500.0, 0.0)
    near_a = shapely.Point(5_000.0, 100.0)
    assert fwd.contains(street) and fwd.contains(near_a)  # driven from S along the street
    assert not rev.intersects(street) and not rev.intersects(near_a)  # A -> S takes 15 min
    # Both go up the two-way road along x = 0 (5 km, 5 min), then 1 km along y = 5 km.
    for poly in (fwd, rev):
        assert poly.contains(shapely.Point(0.0, 2_500.0))
        assert poly.contains(shapely.Point(900.0, 5_000.0))
        assert not poly.intersects(shapely.Point(1_000.0 + BUFFER + 2 * CELL, 5_000.0))


@pytest.mark.parametrize("method", ["exact", "grid"])
def test_bands_are_nested(method):
    g = road_grid()
    rng = np.random.default_rng(1)
    sources = rng.choice(g.n_nodes, 3, replace=False)
    res = service_areas(g, sources, None, [1.5, 3.0, 4.5], buffer_m=BUFFER, method=method)
    for polys in res:
        for small, big in zip(polys[:-1], polys[1:]):
            assert not small.is_empty
            if method == "grid":  # same vertex lattice, monotone cases: exact containment
                assert big.covers(small)
            else:
                assert small.difference(big).area <= 1e-6 * small.area
            assert big.area > small.area


def test_unreachable_component_gives_nothing():
    left = [np.array([[i * 1000.0, 0.0], [(i + 1) * 1000.0, 0.0]]) for i in range(5)]
    right = [
        np.array([[10_000.0 + i * 1000.0, 0.0], [11_000.0 + i * 1000.0, 0.0]]) for i in range(5)
    ]
    g = build_graph(left + right, np.full(10, 60.0))
    assert g.report.n_components == 2
    s = node(g, 0.0, 0.0)
    far = node(g, 15_000.0, 0.0)
    for method in ("exact", "grid"):
        res = service_areas(g, [s, -1, far], None, [60.0], buffer_m=BUFFER, method=method)
        x1 = extent(res[0][0])[2]
        assert x1 == pytest.approx(5_000 + BUFFER, abs=CELL)  # its whole component, no more
        assert not res[0][0].intersects(shapely.Point(10_000.0, 0.0))
        assert res[1][0].is_empty  # an unsnapped facility
        assert extent(res[2][0])[0] == pytest.approx(10_000 - BUFFER, abs=CELL)


def test_a_ring_road_keeps_its_hole():
    # A 4 km square ring road: its middle is 2 km from any road.
    ring = np.array([[0.0, 0.0], [4_000.0, 0.0], [4_000.0, 4_000.0], [0.0, 4_000.0], [0.0, 0.0]])
    g = build_graph([ring], [60.0], max_edge_m=500.0)
    s = node(g, 0.0, 0.0)
    for method in ("exact", "grid"):
        (poly,) = service_areas(g, [s], None, [30.0], buffer_m=BUFFER, method=method)[0]
        assert poly.geom_type == "Polygon" and len(poly.interiors) == 1
        assert not poly.intersects(shapely.Point(2_000.0, 2_000.0))
        assert poly.contains(shapely.Point(4_000.0, 4_000.0))
        assert shapely.Polygon(poly.interiors[0]).area == pytest.approx(
            (4_000 - 2 * BUFFER) ** 2, rel=0.05
        )


# ---------------------------------------------------------------------------------------------
# Grid against exact, validity
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reverse", [True, False])
def test_grid_is_within_a_cell_of_the_exact_buffer(reverse):
    g = road_grid(seed=5)
    rng = np.random.default_rng(7)
    sources = rng.choice(g.n_nodes, 4, replace=False)
    access = rng.uniform(0, 0.5, 4)
    bands = [1.0, 2.5, 4.0]
    kw = {"buffer_m": BUFFER, "reverse": reverse}
    exact = service_areas(g, sources, access, bands, method="exact", **kw)
    for cell in (30.0, CELL):
        grid = service_areas(g, sources, access, bands, cell_m=cell, **kw)
        for ex_polys, gr_polys in zip(exact, grid):
            for ex, gr in zip(ex_polys, gr_polys):
                assert gr.is_valid and ex.is_valid
                # Observed: at most 1.03 cells either way; on average a quarter of a cell.
                assert far_from(gr, ex) <= 1.25 * cell
                assert far_from(ex, gr) <= 1.25 * cell
                assert ex.symmetric_difference(gr).area <= 0.5 * cell * ex.length


def test_polygons_are_valid_on_a_road_like_graph():
    g = road_grid(side=30, seed=11)
    rng = np.random.default_rng(2)
    sources = rng.choice(g.n_nodes, 12, replace=False)
    for cell in (20.0, 50.0, 110.0):
        res = service_areas(g, sources, None, [2.0, 4.0, 8.0], buffer_m=120.0, cell_m=cell)
        for polys in res:
            for p in polys:
                assert p.geom_type in ("Polygon", "MultiPolygon")
                assert p.is_valid and not p.is_empty


def test_polygons_from_rings_with_holes_and_islands():
    # Two outer squares; the first has a hole holding an island; rings given in any order.
    def square(x, y, side, ccw):
        pts = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
        return pts if ccw else pts[::-1]

    rings = [
        square(0, 0, 10, True),  # outer
        square(2, 2, 6, False),  # its hole
        square(20, 0, 4, True),  # second outer
        square(4, 4, 2, True),  # island in the hole
    ]
    coords = np.array([p for r in rings for p in r], dtype=float)
    ring = np.repeat(np.arange(4), 4)
    area2 = np.array(
        [2 * shapely.Polygon(r).area * (1 if i != 1 else -1) for i, r in enumerate(rings)]
    )
    geom = _polygons(coords, ring, area2.astype(np.int64))
    assert geom.geom_type == "MultiPolygon" and geom.is_valid
    assert geom.area == pytest.approx(100 - 36 + 16 + 4)
    assert len(geom.geoms) == 3


# ---------------------------------------------------------------------------------------------
# API
# ---------------------------------------------------------------------------------------------


def test_result_shape_and_shared_sources():
    g = straight_road()
    s = node(g, 0.0, 0.0)
    res = service_areas(g, [s, -1, s], None, [2.0, 4.0], buffer_m=BUFFER)
    assert len(res) == 3 and all(len(r) == 2 for r in res)
    assert res[0][1] is res[2][1]  # same node, same access: drawn once
    assert all(p.is_empty for p in res[1])


def test_workers_do_not_change_the_result():
    g = road_grid()
    sources = np.arange(0, g.n_nodes, 37)
    one = service_areas(g, sources, None, [2.0, 3.0], workers=1)
    two = service_areas(g, sources, None, [2.0, 3.0], workers=3)
    for a, b in zip(one, two):
        for pa, pb in zip(a, b):
            assert shapely.equals_exact(pa, pb, tolerance=0.0)


@pytest.mark.parametrize("search_path", ["compiled"], indirect=True)
@pytest.mark.parametrize("method", ["exact", "grid"])
@pytest.mark.parametrize("reverse", [True, False])
def test_compiled_and_scipy_paths_draw_the_same_polygons(monkeypatch, search_path, method, reverse):
    g = road_grid(seed=9)
    rng = np.random.default_rng(4)
    sources = rng.choice(g.n_nodes, 40 if method == "grid" else 6, replace=False)
    sources[1] = sources[0]  # a shared node, other access
    access = rng.uniform(0, 0.5, sources.shape[0])
    access[2] = 9.0  # longer than every band: empty polygons
    args = (g, sources, access, [1.0, 2.5, 4.0])
    kw = {"reverse": reverse, "method": method, "workers": 2}
    compiled = service_areas(*args, **kw)
    monkeypatch.setenv(NO_NUMBA_ENV, "1")
    reference = service_areas(*args, **kw)
    assert all(p.is_empty for p in compiled[2])
    assert sum(not p.is_empty for row in compiled for p in row) > 10
    for a, b in zip(compiled, reference):
        for pa, pb in zip(a, b):
            assert shapely.equals_exact(pa, pb, tolerance=0.0)


@pytest.mark.parametrize("search_path", ["compiled"], indirect=True)
def test_index_kernels_equal_the_numpy_code(search_path):
    """The kernels that gather the reached arcs, pair the reverse arcs and walk the rings give
    exactly the arrays of the numpy code they replace."""
    from reterr_qgis.engine.routing import _kernels, bounded_costs, isochrones

    for reverse in (False, True):
        tables = []
        for kernels in (None, _kernels):
            g = road_grid(seed=12)  # a new graph each time: the tables are cached per graph
            tables.append(isochrones._arc_table(g, g.adjacency(reverse), reverse, kernels))
        for name in ("rev", "second", "chord_m"):
            np.testing.assert_array_equal(getattr(tables[0], name), getattr(tables[1], name))
        assert (tables[0].rev >= 0).sum() > 100 and (tables[0].rev < 0).sum() > 10
        adj = g.adjacency(reverse)
        m = bounded_costs(g, [0, 300], 3.0, reverse=reverse)
        for i in range(2):
            d = np.full(g.n_nodes, np.inf)
            nodes = m.indices[m.indptr[i] : m.indptr[i + 1]].astype(np.int64)
            d[nodes] = m.data[m.indptr[i] : m.indptr[i + 1]]
            # Limits between nodes and exactly on nodes' times (ends exactly at the limit).
            for top in [2.5, *np.sort(d[nodes])[10::25].tolist()]:
                for second in (None, tables[0].second):
                    a = isochrones._reached_arcs(adj, d, top, second)
                    b = isochrones._reached_arcs(adj, d, top, second, kernels=_kernels)
                    assert a[1].shape[0] > 0
                    for x, y in zip(a, b):
                        assert x.dtype == y.dtype
                        np.testing.assert_array_equal(x, y)
    rng = np.random.default_rng(3)
    for m in (1, 2, 7, 1000):
        succ = rng.permutation(m).astype(np.int64)
        label, rank, walked = _kernels.cycle_label_rank(succ)
        assert walked
        # The numpy code: pointer doubling.
        want_label = np.arange(m)
        jump = succ
        for _ in range(12):
            want_label = np.minimum(want_label, want_label[jump])
            jump = jump[jump]
        last = succ == want_label
        nxt = np.where(last, np.arange(m), succ)
        want_rank = (~last).astype(np.int64)
        for _ in range(12):
            want_rank = want_rank + want_rank[nxt]
            nxt = nxt[nxt]
        np.testing.assert_array_equal(label, want_label)
        np.testing.assert_array_equal(rank, want_rank)
    assert not _kernels.cycle_label_rank(np.array([1, 1, 0]))[2]  # not a permutation


@pytest.mark.parametrize("search_path", ["compiled"], indirect=True)
def test_compiled_path_leaves_clean_buffers_after_an_error(monkeypatch, search_path):
    from reterr_qgis.engine.routing import _kernels, isochrones

    g = road_grid()
    good = service_areas(g, [0, 5, 9], None, [2.0])

    def broken(*args, **kwargs):
        raise RuntimeError("drawing failed")

    with monkeypatch.context() as m:
        m.setattr(isochrones, "_draw", broken)
        with pytest.raises(RuntimeError, match="drawing failed"):
            service_areas(g, [0, 5, 9], None, [2.0])
    assert all(np.isinf(ws.dist).all() for ws in _kernels.POOL._free)
    again = service_areas(g, [0, 5, 9], None, [2.0])
    for a, b in zip(good, again):
        assert shapely.equals_exact(a[0], b[0], tolerance=0.0)


@pytest.mark.parametrize("bands", [[], [10, 5], [0, 5], [-1], [5, float("nan")], [5, 5]])
def test_bad_bands(bands):
    g = straight_road()
    with pytest.raises(InputError):
        service_areas(g, [0], None, bands)


def test_bad_parameters():
    g = straight_road()
    with pytest.raises(InputError):
        service_areas(g, [0], None, [5], buffer_m=0.0)
    with pytest.raises(InputError):
        service_areas(g, [0], None, [5], cell_m=-1.0)
    with pytest.raises(ValueError):
        service_areas(g, [0], None, [5], method="raster")
    with pytest.raises(ValueError):
        service_areas(g, [g.n_nodes], None, [5])
    with pytest.raises(ValueError):
        service_areas(g, [0], [-1.0], [5])


def test_progress_and_cancel():
    g = road_grid()
    ticks: list[float] = []
    service_areas(g, np.arange(20), None, [2.0], workers=1, progress=ticks.append)
    assert ticks and ticks[-1] == 1.0 and ticks == sorted(ticks)
    with pytest.raises(Canceled):
        service_areas(g, np.arange(20), None, [2.0], is_canceled=lambda: True)


def test_huge_extent_coarsens_the_grid(monkeypatch):
    from reterr_qgis.engine.routing import isochrones

    monkeypatch.setattr(isochrones, "MAX_GRID_CELLS", 10_000)
    g = straight_road(n_km=50)
    s = node(g, 0.0, 0.0)
    (poly,) = service_areas(g, [s], None, [40.0], buffer_m=BUFFER, cell_m=CELL)[0]
    assert poly.is_valid
    # 40 km + 150 m over at most 100 x 100 cells: cells of ~405 m, the outline within a cell.
    assert extent(poly)[2] == pytest.approx(40_000 + BUFFER, abs=450.0)


def test_graph_from_arrays_and_engine_export():
    from reterr_qgis.engine.routing import isochrones

    coords = np.array([[0.0, 0.0], [1_000.0, 0.0], [1_000.0, 0.0], [1_000.0, 1_000.0]])
    g = build_graph_from_arrays(coords, [0, 2, 4], [60.0, 60.0])
    res = isochrones.service_areas(g, [node(g, 0.0, 0.0)], None, [1.5], method="exact")
    assert res[0][0].contains(shapely.Point(1_000.0, 500.0))
    assert not res[0][0].contains(shapely.Point(1_000.0, 700.0))
