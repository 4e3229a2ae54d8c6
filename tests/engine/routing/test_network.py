"""Road-network engine: graph building, attribute parsing, snapping, bounded searches, cache.

Hand-built networks with hand-computed times, then an independent check against networkx on a
random road-like graph (built by networkx from the same input lines, not from our CSR), and a real
OSM extract read with pyogrio. No QGIS.
"""

from __future__ import annotations

import math
import pathlib

import numpy as np
import pytest

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.routing import (
    BDTOPO_IMPORTANCE_SPEEDS,
    BDTOPO_NATURE_SPEEDS,
    FORMAT_VERSION,
    NO_NUMBA_ENV,
    OSM_CAR_SPEEDS,
    OSM_NON_CAR_HIGHWAYS,
    SPEED_SOURCES,
    RoadGraph,
    accelerated,
    bounded_costs,
    build_graph,
    build_graph_from_arrays,
    graph_cache_key,
    load_graph,
    nearest,
    od_matrix,
    oneway_from_values,
    osm_tag_values,
    save_graph,
    snap_points,
    speeds_from_classes,
)
from reterr_qgis.engine.routing import search as search_module

SQ2 = math.sqrt(2.0)
#: graph_cache_key("x", {"a": 1}) with FORMAT_VERSION 1 and BUILDER_VERSION 1.
PINNED_KEY = "e039cbad180d59755ea93eb30b0571d3e558fd4a4c5f31cd6b6cee670ea4b0b6"


def line(*pts: tuple[float, float]) -> np.ndarray:
    return np.array(pts, dtype=np.float64)


def node(g: RoadGraph, x: float, y: float) -> int:
    """Index of the node at (x, y) (exactly)."""
    hit = np.flatnonzero((g.xy[:, 0] == x) & (g.xy[:, 1] == y))
    assert hit.size == 1, (x, y)
    return int(hit[0])


@pytest.fixture(params=["compiled", "scipy"])
def search_path(request, monkeypatch) -> str:
    """Run the test on both search paths: the numba kernels and the scipy fallback."""
    if request.param == "compiled":
        pytest.importorskip("numba")
        monkeypatch.delenv(NO_NUMBA_ENV, raising=False)
        assert accelerated()
    else:
        monkeypatch.setenv(NO_NUMBA_ENV, "1")
        assert not accelerated()
    return request.param


def dense(m) -> np.ndarray:
    """Sparse result as a dense array with inf where no entry is stored."""
    out = np.full(m.shape, np.inf)
    coo = m.tocoo()
    out[coo.row, coo.col] = coo.data
    return out


# A 1 km square with one diagonal; 60 km/h = 1 minute per km.
#   D(0,1000) ---- C(1000,1000)
#   |            / |
#   A(0,0) ----- B(1000,0)
SQUARE = [
    line((0, 0), (1000, 0)),
    line((1000, 0), (1000, 1000)),
    line((1000, 1000), (0, 1000)),
    line((0, 1000), (0, 0)),
    line((0, 0), (500, 500), (1000, 1000)),  # the diagonal, with an interior vertex
]


@pytest.fixture
def square() -> RoadGraph:
    return build_graph(SQUARE, np.full(5, 60.0))


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def test_square_with_diagonal(square, search_path):
    g = square
    r = g.report
    assert (r.n_nodes, r.n_edges, r.n_arcs) == (4, 5, 10)
    assert (r.n_components, r.largest_component, r.dangling_ends) == (1, 4, 0)
    assert r.total_length_km == pytest.approx(4 + SQ2)
    a, b, c, d = node(g, 0, 0), node(g, 1000, 0), node(g, 1000, 1000), node(g, 0, 1000)
    costs = dense(bounded_costs(g, [a], 10.0))[0]
    np.testing.assert_allclose(costs[[a, b, c, d]], [0.0, 1.0, SQ2, 1.0], rtol=1e-12)
    # Lengths are aligned with the arcs; the diagonal is 1414 m whatever its vertices.
    assert g.adj[a, c] == pytest.approx(SQ2)
    arc = np.flatnonzero(np.repeat(np.arange(4), np.diff(g.adj.indptr)) == a)
    arc = arc[g.adj.indices[arc] == c][0]
    assert g.length_m[arc] == pytest.approx(1000 * SQ2)
    assert g.arc_line[arc] == 4


def test_cutoff_is_inclusive_and_stops_the_search(square, search_path):
    g = square
    a, c = node(g, 0, 0), node(g, 1000, 1000)
    row = dense(bounded_costs(g, [a], 1.0))[0]
    assert np.isfinite(row).sum() == 3 and row[c] == np.inf  # B and D at exactly 1.0 are in
    row = dense(bounded_costs(g, [a], 0.999))[0]
    assert np.isfinite(row).sum() == 1


def test_one_way_street_makes_times_asymmetric(search_path):
    # A -> B one way (1 km), B -> A only by the 3 km detour A-D-C-B (two-way), 60 km/h.
    lines = [
        line((0, 0), (1000, 0)),  # A-B, one way, digitised A to B
        line((0, 0), (0, 1000)),
        line((0, 1000), (1000, 1000)),
        line((1000, 1000), (1000, 0)),
    ]
    g = build_graph(lines, [60.0] * 4, [1, 0, 0, 0])
    a, b = node(g, 0, 0), node(g, 1000, 0)
    fwd = dense(bounded_costs(g, [a, b], 10.0))
    assert fwd[0, b] == pytest.approx(1.0)
    assert fwd[1, a] == pytest.approx(3.0)
    # Reverse search: time from each node *to* the source.
    to_b = dense(bounded_costs(g, [b], 10.0, reverse=True))[0]
    assert to_b[a] == pytest.approx(1.0)
    od = dense(od_matrix(g, [a, b], None, [b, a], None, 10.0))
    np.testing.assert_allclose(od, [[1.0, 0.0], [0.0, 3.0]])
    # -1 = digitised against the travel direction: same street drawn B to A.
    lines[0] = line((1000, 0), (0, 0))
    g2 = build_graph(lines, [60.0] * 4, [-1, 0, 0, 0])
    t = dense(bounded_costs(g2, [node(g2, 0, 0)], 10.0))[0, node(g2, 1000, 0)]
    assert t == pytest.approx(1.0)
    assert g.report.n_arcs == 7 and g.report.n_edges == 4


def test_isolated_component_is_unreachable(search_path):
    lines = [line((0, 0), (1000, 0)), line((5000, 5000), (6000, 5000))]
    g = build_graph(lines, [60.0, 60.0])
    assert (g.report.n_components, g.report.largest_component, g.report.dangling_ends) == (2, 2, 4)
    a, far = node(g, 0, 0), node(g, 5000, 5000)
    od = od_matrix(g, [a], None, [far, node(g, 1000, 0)], None, np.inf)
    assert od.nnz == 1 and dense(od)[0, 1] == pytest.approx(1.0)
    near = nearest(g, [a], None, np.inf)
    assert near.source[far] == -1 and near.cost[far] == np.inf
    assert g.component[a] != g.component[far]


def test_parallel_edges_keep_the_fastest():
    lines = [
        line((0, 0), (1000, 0)),  # 1 km at 30 km/h = 2 min
        line((0, 0), (500, 433.0127018922193), (1000, 0)),  # 2 × 661.4 m at 90 km/h
        line((1000, 0), (0, 0)),  # 1 km at 120 km/h = 0.5 min, drawn the other way
    ]
    g = build_graph(lines, [30.0, 90.0, 120.0])
    assert (g.report.n_nodes, g.report.n_edges, g.report.n_arcs) == (2, 1, 2)
    a, b = node(g, 0, 0), node(g, 1000, 0)
    assert g.adj[a, b] == pytest.approx(0.5) and g.adj[b, a] == pytest.approx(0.5)
    assert set(g.arc_line.tolist()) == {2}
    assert g.report.total_length_km == pytest.approx(2 + 2 * 0.6614378277661477)


def test_crossing_without_shared_vertex_is_not_a_junction(search_path):
    west_east = line((0, 0), (1000, 0))
    south_north = line((500, -500), (500, 500))  # crosses at (500, 0), no vertex there: a bridge
    g = build_graph([west_east, south_north], [60.0, 60.0])
    assert (g.report.n_nodes, g.report.n_components) == (4, 2)
    assert bounded_costs(g, [node(g, 0, 0)], np.inf).nnz == 2  # only its own road
    # With the crossing vertex in both lines it is a junction: 5 nodes, one component.
    west_east = line((0, 0), (500, 0), (1000, 0))
    south_north = line((500, -500), (500, 0), (500, 500))
    g = build_graph([west_east, south_north], [60.0, 60.0])
    assert (g.report.n_nodes, g.report.n_components, g.report.dangling_ends) == (5, 1, 4)
    t = dense(bounded_costs(g, [node(g, 0, 0)], np.inf))[0, node(g, 500, 500)]
    assert t == pytest.approx(1.0)


def test_tolerance_merges_near_ends_and_interior_vertices_are_not_nodes():
    # An L-shaped polyline (3-4-5 triangle legs) and a road starting 0.2 m from its end.
    l_shape = line((0, 0), (300, 0), (300, 400))
    nearly = line((300.2, 400.1), (300.2, 1000))
    g = build_graph([l_shape, nearly], [60.0, 60.0], tolerance=0.5)
    assert (g.report.n_nodes, g.report.n_components) == (3, 1)  # corner (300, 0) is no node
    assert g.report.total_length_km == pytest.approx((700 + 599.9) / 1000)
    g = build_graph([l_shape, nearly], [60.0, 60.0], tolerance=0.1)
    assert (g.report.n_nodes, g.report.n_components) == (4, 2)
    # max_edge_m promotes the first vertex past each multiple of the length to a node.
    g = build_graph([l_shape], [60.0], max_edge_m=250.0)
    assert g.report.n_nodes == 3  # (300, 0) is 300 m along: past 250
    assert g.report.total_length_km == pytest.approx(0.7)


def test_nodes_are_shared_by_a_line_meeting_itself():
    # A line that loops through (1000, 0) twice, then leaves southwards.
    lasso = line((0, 0), (1000, 0), (1000, 1000), (2000, 1000), (2000, 0), (1000, 0), (1000, -1000))
    g = build_graph([lasso], [60.0])
    assert g.report.n_nodes == 3  # both ends and the self-junction; the loop itself is dropped
    t = dense(bounded_costs(g, [node(g, 0, 0)], np.inf))[0]
    assert t[node(g, 1000, 0)] == pytest.approx(1.0)
    assert t[node(g, 1000, -1000)] == pytest.approx(2.0)


def test_degenerate_lines_are_skipped_and_reported():
    lines = [line((0, 0), (1000, 0)), line((5, 5)), np.zeros((0, 2)), line((7, 7), (7, 7.1))]
    g = build_graph(lines, [60.0] * 4)
    assert g.report.skipped_rows.tolist() == [1, 2, 3]
    assert g.report.n_lines == 4 and g.report.n_nodes == 2


def test_empty_network_is_an_error():
    with pytest.raises(InputError, match="no road segment"):
        build_graph([], [])
    with pytest.raises(InputError, match="no road segment"):
        build_graph([line((0, 0), (0.1, 0))], [50.0])


def test_bad_speeds_and_directions_name_the_rows():
    lines = [line((0, 0), (1000, 0)), line((1000, 0), (2000, 0)), line((2000, 0), (3000, 0))]
    with pytest.raises(InputError, match="speed") as err:
        build_graph(lines, [50.0, np.nan, 0.0])
    assert err.value.rows == [1, 2]
    with pytest.raises(InputError, match="speed") as err:
        build_graph(lines, [50.0, None, 30.0])
    assert err.value.rows == [1]
    with pytest.raises(InputError, match="one-way") as err:
        build_graph(lines, [50.0] * 3, [0, 2, 1])
    assert err.value.rows == [1]
    with pytest.raises(InputError, match="expected 3"):
        build_graph(lines, [50.0, 50.0])
    with pytest.raises(InputError, match="coordinates") as err:
        build_graph([lines[0], line((0, np.nan), (1, 1))], [50.0, 50.0])
    assert err.value.rows == [1]
    with pytest.raises(InputError, match=r"\(x, y\)") as err:
        build_graph([lines[0], np.zeros((2, 3))], [50.0, 50.0])
    assert err.value.rows == [1]


def test_arrays_interface_equals_list_interface():
    coords = np.concatenate(SQUARE)
    offsets = np.concatenate(([0], np.cumsum([len(a) for a in SQUARE])))
    g1 = build_graph(SQUARE, np.full(5, 60.0))
    g2 = build_graph_from_arrays(coords, offsets, np.full(5, 60.0))
    np.testing.assert_array_equal(g1.xy, g2.xy)
    assert (g1.adj != g2.adj).nnz == 0


def test_progress_and_cancel(square, search_path):
    seen: list[float] = []
    build_graph(SQUARE, np.full(5, 60.0), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(Canceled):
        build_graph(SQUARE, np.full(5, 60.0), is_canceled=lambda: True)
    with pytest.raises(Canceled):
        bounded_costs(square, [0, 1], 5.0, is_canceled=lambda: True)
    with pytest.raises(Canceled):
        od_matrix(square, [0], None, [1], None, 5.0, is_canceled=lambda: True)
    with pytest.raises(Canceled):
        nearest(square, [0], None, 5.0, is_canceled=lambda: True)
    seen.clear()
    bounded_costs(square, [0, 1, 2], 5.0, progress=seen.append)
    assert seen[-1] == 1.0


# ---------------------------------------------------------------------------------------------
# Attributes
# ---------------------------------------------------------------------------------------------


def test_speeds_from_classes():
    s = speeds_from_classes(["motorway", " Residential ", "living_street"], OSM_CAR_SPEEDS)
    np.testing.assert_array_equal(s, [110.0, 30.0, 20.0])
    s = speeds_from_classes(["Route à 1 chaussée", "TYPE AUTOROUTIER"], BDTOPO_NATURE_SPEEDS)
    np.testing.assert_array_equal(s, [50.0, 110.0])
    s = speeds_from_classes([1, "6", 3.0], {"1": 100, "6": 20, "3.0": 65})
    np.testing.assert_array_equal(s, [100.0, 20.0, 65.0])
    s = speeds_from_classes(["primary", None, "footway"], OSM_CAR_SPEEDS, default=25.0)
    np.testing.assert_array_equal(s, [70.0, 25.0, 25.0])
    assert set(BDTOPO_IMPORTANCE_SPEEDS) == {"1", "2", "3", "4", "5", "6"}


def test_unknown_class_names_rows_and_values():
    classes = ["primary", "footway", None, "path", "footway", float("nan")]
    with pytest.raises(InputError, match="no speed") as err:
        speeds_from_classes(classes, OSM_CAR_SPEEDS)
    assert err.value.rows == [1, 2, 3, 4, 5]
    assert err.value.msg.params["values"] == "NULL, footway, path"
    assert err.value.msg.params["n"] == 5
    with pytest.raises(InputError):
        speeds_from_classes(["a"], {"a": 0.0})
    with pytest.raises(InputError):
        speeds_from_classes(["a"], {"a": 10.0}, default=-1.0)


def test_speed_defaults_are_documented():
    for name in OSM_CAR_SPEEDS:
        assert name in SPEED_SOURCES, name
    assert "[V]" in SPEED_SOURCES and "vitesse_moyenne_vl" in SPEED_SOURCES
    assert not set(OSM_CAR_SPEEDS) & OSM_NON_CAR_HIGHWAYS
    assert all(v > 0 for v in OSM_CAR_SPEEDS.values())


def test_oneway_values():
    values = ["yes", "true", "1", "-1", "reverse", "no", None, "", "Double sens", "Sens direct"]
    values += ["sens inverse", "Sans objet", "alternating", 1, -1.0, float("nan"), "FALSE"]
    expected = [1, 1, 1, -1, -1, 0, 0, 0, 0, 1, -1, 0, 0, 1, -1, 0, 0]
    got = oneway_from_values(values)
    assert got.dtype == np.int8 and got.tolist() == expected
    assert oneway_from_values(np.array([1, 0, -1])).tolist() == [1, 0, -1]
    assert oneway_from_values(np.array([1.0, np.nan])).tolist() == [1, 0]


def test_oneway_implied_by_osm_tags():
    got = oneway_from_values(
        [None, "no", None, None, "-1"],
        highway=["motorway", "motorway", "primary", "primary", "primary"],
        junction=[None, None, "roundabout", None, "roundabout"],
    )
    assert got.tolist() == [1, 0, 1, 0, -1]
    assert oneway_from_values(None, n=3).tolist() == [0, 0, 0]
    assert oneway_from_values(None, highway=["motorway", "trunk"]).tolist() == [1, 0]


def test_unknown_oneway_value_is_an_error():
    with pytest.raises(InputError, match="one-way") as err:
        oneway_from_values(["yes", "maybe", "no", "2", "maybe"])
    assert err.value.rows == [1, 3, 4]
    assert err.value.msg.params["values"] == "2, maybe"


def test_osm_tag_values():
    tags = ['"oneway"=>"yes","maxspeed"=>"50"', None, '"junction"=>"roundabout"', '"x"=>"a\\"b"']
    assert osm_tag_values(tags, "oneway").tolist() == ["yes", None, None, None]
    assert osm_tag_values(tags, "junction").tolist() == [None, None, "roundabout", None]
    assert osm_tag_values(tags, "x").tolist() == [None, None, None, 'a"b']


# ---------------------------------------------------------------------------------------------
# Snapping
# ---------------------------------------------------------------------------------------------


def test_snap_points(square):
    g = square
    pts = [(0, 150), (1000, 900), (-300, -400), (5000, 5000), (1000, 0)]
    s = snap_points(g, pts, max_distance_m=600.0, access_speed_kmh=15.0)
    assert s.node.tolist() == [
        node(g, 0, 0),
        node(g, 1000, 1000),
        node(g, 0, 0),
        -1,
        node(g, 1000, 0),
    ]
    # 15 km/h = 250 m/min: 150 m → 0.6 min, 100 m → 0.4, 500 m → 2.0, on the node → 0.
    np.testing.assert_allclose(s.access_min[[0, 1, 2, 4]], [0.6, 0.4, 2.0, 0.0])
    np.testing.assert_allclose(s.distance_m[[0, 1, 2, 4]], [150.0, 100.0, 500.0, 0.0])
    assert s.access_min[3] == np.inf and s.unsnapped.tolist() == [3]
    s = snap_points(g, pts, max_distance_m=120.0)
    assert s.node.tolist()[:3] == [-1, node(g, 1000, 1000), -1]
    with pytest.raises(InputError, match="coordinates") as err:
        snap_points(g, [(0, 0), (np.nan, 1)], max_distance_m=10.0)
    assert err.value.rows == [1]
    assert g.tree()[0] is g.tree()[0]  # built once


def test_snap_to_largest_component_only():
    main = [line((0, 0), (1000, 0)), line((1000, 0), (2000, 0))]
    island = [line((0, 60), (10, 60))]  # an unconnected car park next to the main road
    g = build_graph(main + island, [50.0] * 3)
    anywhere = snap_points(g, [(0, 50)], max_distance_m=500.0)
    assert anywhere.node[0] == node(g, 0, 60)
    main_only = snap_points(g, [(0, 50)], max_distance_m=500.0, largest_component_only=True)
    assert main_only.node[0] == node(g, 0, 0)
    assert main_only.distance_m[0] == pytest.approx(50.0)


# ---------------------------------------------------------------------------------------------
# Searches on hand-made cases
# ---------------------------------------------------------------------------------------------


def test_bounded_costs_duplicates_and_unsnapped_sources(square, search_path):
    g = square
    a, b = node(g, 0, 0), node(g, 1000, 0)
    m = bounded_costs(g, [b, -1, a, b], 1.0)
    assert m.shape == (4, 4)
    d = dense(m)
    np.testing.assert_array_equal(d[0], d[3])
    assert np.isinf(d[1]).all()
    assert d[2, a] == 0.0 and m.nnz == 3 + 0 + 3 + 3
    # The source's own node is stored explicitly at 0.
    row = slice(m.indptr[2], m.indptr[3])
    assert 0.0 in m.data[row] and a in m.indices[row]


def test_od_matrix_access_costs_and_shared_nodes(square, search_path):
    g = square
    a, b, c = node(g, 0, 0), node(g, 1000, 0), node(g, 1000, 1000)
    # Two origins on the same node A with different access times, one unsnapped.
    od = od_matrix(g, [a, a, -1], [0.2, 0.5, 0.0], [a, c, b], [0.1, 0.3, 0.0], 2.0)
    want = [
        [0.3, 0.2 + SQ2 + 0.3, 1.2],
        [0.6, np.inf, 1.5],  # 0.5 + 1.414 + 0.3 = 2.21 > 2
        [np.inf, np.inf, np.inf],
    ]
    np.testing.assert_allclose(dense(od), want, rtol=1e-12)
    # Same node, zero access: an explicit zero.
    od = od_matrix(g, [a], None, [a], None, 0.0)
    assert od.nnz == 1 and od.data[0] == 0.0


def test_od_matrix_searches_from_the_smaller_side_on_one_way_streets(search_path):
    lines = [
        line((0, 0), (1000, 0)),
        line((0, 0), (0, 1000)),
        line((0, 1000), (1000, 1000)),
        line((1000, 1000), (1000, 0)),
    ]
    g = build_graph(lines, [60.0] * 4, [1, 0, 0, 0])
    a, b, c = node(g, 0, 0), node(g, 1000, 0), node(g, 1000, 1000)
    many_to_one = dense(od_matrix(g, [a, b, c], [0, 0, 0.5], [a], [0.25], 10.0))
    np.testing.assert_allclose(many_to_one[:, 0], [0.25, 3.25, 0.5 + 2 + 0.25])
    one_to_many = dense(od_matrix(g, [a], [0.25], [a, b, c], [0, 0, 0.5], 10.0))
    np.testing.assert_allclose(one_to_many[0], [0.25, 1.25, 0.25 + 2 + 0.5])


def test_nearest_with_access_costs(square, search_path):
    g = square
    a, b, c, d = node(g, 0, 0), node(g, 1000, 0), node(g, 1000, 1000), node(g, 0, 1000)
    # Source 0 at A with 0.5 min of access, source 1 at C with none, source 2 unsnapped,
    # source 3 also at A but slower to reach.
    res = nearest(g, [a, c, -1, a], [0.5, 0.0, 0.0, 0.9], np.inf)
    np.testing.assert_allclose(res.cost[[a, b, c, d]], [0.5, 1.0, 0.0, 1.0])
    assert res.source[c] == 1 and res.source[b] == 1 and res.source[a] == 0
    res = nearest(g, [a, c], [0.5, 0.0], 0.75)
    assert res.source[[a, b, d]].tolist() == [0, -1, -1] and res.cost[b] == np.inf
    none = nearest(g, [-1], None, 5.0)
    assert (none.source == -1).all() and np.isinf(none.cost).all()


def test_bad_node_indices_are_programming_errors(square):
    with pytest.raises(ValueError):
        bounded_costs(square, [7], 5.0)
    with pytest.raises(ValueError):
        od_matrix(square, [0], [np.nan], [1], None, 5.0)
    with pytest.raises(InputError, match="cut-off"):
        bounded_costs(square, [0], np.nan)


# ---------------------------------------------------------------------------------------------
# Independent check: networkx on a random road-like graph
# ---------------------------------------------------------------------------------------------


def road_like(seed: int = 3, side: int = 14):
    """Jittered grid, ~12 % of segments removed, polylines with shape vertices, one-ways."""
    rng = np.random.default_rng(seed)
    xs = np.cumsum(rng.uniform(100, 300, side))
    ys = np.cumsum(rng.uniform(100, 300, side))
    pts = np.stack(np.meshgrid(xs, ys), axis=-1) + rng.uniform(-30, 30, (side, side, 2))
    pts = np.round(pts, 3)
    lines, speeds, oneways = [], [], []
    for grid in (pts, pts.transpose(1, 0, 2)):
        for i in range(side):
            current = [grid[i, 0]]
            for j in range(side - 1):
                if rng.random() < 0.12:  # segment removed: the line ends here
                    if len(current) > 1:
                        lines.append(np.array(current))
                    current = [grid[i, j + 1]]
                    continue
                mid = (grid[i, j] + grid[i, j + 1]) / 2 + rng.normal(0, 15, 2)
                current += [mid, grid[i, j + 1]]
                if rng.random() < 0.3 and j < side - 2:  # a feature split (degree-2 joint)
                    lines.append(np.array(current))
                    current = [grid[i, j + 1]]
            if len(current) > 1:
                lines.append(np.array(current))
    n = len(lines)
    speeds = rng.choice([30.0, 50.0, 70.0, 90.0], n)
    oneways = np.where(rng.random(n) < 0.15, rng.choice([1, -1], n), 0).astype(np.int8)
    # A parallel duplicate of a few lines at another speed, and an isolated road.
    extra = [lines[k][::-1] for k in range(0, n, 17)]
    lines += extra + [np.array([[-5000.0, -5000.0], [-4000.0, -5000.0]])]
    speeds = np.concatenate([speeds, rng.choice([40.0, 110.0], len(extra)), [50.0]])
    oneways = np.concatenate([oneways, np.zeros(len(extra) + 1, dtype=np.int8)])
    return lines, speeds, oneways


def networkx_graph(lines, speeds, oneways):
    """The same network built by networkx straight from the lines (nodes = line ends/junctions)."""
    nx = pytest.importorskip("networkx")
    key = [[tuple(p) for p in ln] for ln in lines]
    count: dict[tuple, int] = {}
    for k in key:
        for p in k:
            count[p] = count.get(p, 0) + 1
    g = nx.DiGraph()
    for k, ln, v, ow in zip(key, lines, speeds, oneways):
        seg = np.hypot(*np.diff(ln, axis=0).T)
        start, acc = 0, 0.0
        for i in range(1, len(k)):
            acc += seg[i - 1]
            if i == len(k) - 1 or count[k[i]] >= 2:
                u, w, minutes = k[start], k[i], acc / (v * 1000 / 60)
                for s, t, allowed in ((u, w, ow >= 0), (w, u, ow <= 0)):
                    better = not g.has_edge(s, t) or g[s][t]["weight"] > minutes
                    if allowed and s != t and better:
                        g.add_edge(s, t, weight=minutes)
                g.add_node(u)
                g.add_node(w)
                start, acc = i, 0.0
    return g


@pytest.fixture(scope="module")
def twin():
    lines, speeds, oneways = road_like()
    ours = build_graph(lines, speeds, oneways)
    theirs = networkx_graph(lines, speeds, oneways)
    ids = {tuple(p): i for i, p in enumerate(ours.xy)}
    return ours, theirs, ids


def test_networkx_same_graph(twin):
    ours, theirs, ids = twin
    assert ours.n_nodes == theirs.number_of_nodes()
    assert ours.report.n_arcs == theirs.number_of_edges()
    for u, v, w in theirs.edges(data="weight"):
        assert ours.adj[ids[u], ids[v]] == pytest.approx(w, rel=1e-12)
    nx = pytest.importorskip("networkx")
    assert ours.report.n_components == nx.number_weakly_connected_components(theirs) >= 2


@pytest.mark.parametrize("reverse", [False, True])
def test_networkx_bounded_costs(twin, reverse, search_path):
    nx = pytest.importorskip("networkx")
    ours, theirs, ids = twin
    g = theirs.reverse(copy=False) if reverse else theirs
    nodes = list(ids)
    rng = np.random.default_rng(5)
    picks = [nodes[i] for i in rng.choice(len(nodes), 12, replace=False)]
    cutoff = 4.0
    got = bounded_costs(ours, [ids[p] for p in picks], cutoff, reverse=reverse)
    for row, p in enumerate(picks):
        want = nx.single_source_dijkstra_path_length(g, p, cutoff=cutoff)
        sl = slice(got.indptr[row], got.indptr[row + 1])
        mine = dict(zip(got.indices[sl].tolist(), got.data[sl].tolist()))
        assert set(mine) == {ids[q] for q in want}
        for q, t in want.items():
            assert mine[ids[q]] == pytest.approx(t, rel=1e-9, abs=1e-12)


def test_networkx_od_matrix(twin, search_path):
    nx = pytest.importorskip("networkx")
    ours, theirs, ids = twin
    rng = np.random.default_rng(8)
    n = ours.n_nodes
    o_nodes = rng.integers(0, n, 25)
    o_nodes[3] = o_nodes[4]  # two origins on one node
    o_nodes[7] = -1
    d_nodes = rng.integers(0, n, 40)
    d_nodes[0] = o_nodes[0]
    o_acc, d_acc = rng.uniform(0, 1, 25), rng.uniform(0, 1, 40)
    cutoff = 5.0
    got = dense(od_matrix(ours, o_nodes, o_acc, d_nodes, d_acc, cutoff))
    # Fewer destinations than origins: the searches run backwards from the destinations.
    got_rev = dense(od_matrix(ours, o_nodes, o_acc, d_nodes[:10], d_acc[:10], cutoff))
    np.testing.assert_array_equal(np.isfinite(got_rev), np.isfinite(got[:, :10]))
    np.testing.assert_allclose(got_rev, got[:, :10], rtol=1e-12)
    key = {i: p for p, i in ids.items()}
    want = np.full((25, 40), np.inf)
    for i, u in enumerate(o_nodes):
        if u < 0:
            continue
        lengths = nx.single_source_dijkstra_path_length(theirs, key[u], cutoff=cutoff)
        for j, v in enumerate(d_nodes):
            t = o_acc[i] + lengths.get(key[v], np.inf) + d_acc[j]
            if t <= cutoff:
                want[i, j] = t
    np.testing.assert_array_equal(np.isfinite(got), np.isfinite(want))
    np.testing.assert_allclose(got[np.isfinite(got)], want[np.isfinite(want)], rtol=1e-9)


@pytest.mark.parametrize("reverse", [False, True])
def test_networkx_nearest(twin, reverse, search_path):
    nx = pytest.importorskip("networkx")
    ours, theirs, ids = twin
    g = theirs.reverse(copy=False) if reverse else theirs
    key = {i: p for p, i in ids.items()}
    rng = np.random.default_rng(9)
    src = rng.choice(ours.n_nodes, 9, replace=False)
    cutoff = 3.0
    # Zero access: networkx's own multi-source search.
    res = nearest(ours, src, None, cutoff, reverse=reverse)
    want = nx.multi_source_dijkstra_path_length(g, {key[s] for s in src}, cutoff=cutoff)
    assert {key[i] for i in np.flatnonzero(np.isfinite(res.cost))} == set(want)
    for p, t in want.items():
        assert res.cost[ids[p]] == pytest.approx(t, rel=1e-9, abs=1e-12)
    # With access costs: brute force, min over sources of access + single-source time.
    acc = rng.uniform(0, 1.5, src.shape[0])
    res = nearest(ours, src, acc, cutoff, reverse=reverse)
    per_source = [nx.single_source_dijkstra_path_length(g, key[s]) for s in src]
    for i in range(ours.n_nodes):
        times = [a + d.get(key[i], np.inf) for a, d in zip(acc, per_source)]
        best = min(times)
        if best <= cutoff:
            assert res.cost[i] == pytest.approx(best, rel=1e-9, abs=1e-12)
            assert times[res.source[i]] == pytest.approx(best, rel=1e-9, abs=1e-12)
        else:
            assert res.cost[i] == np.inf and res.source[i] == -1


# ---------------------------------------------------------------------------------------------
# Compiled kernels (numba) against the scipy path
# ---------------------------------------------------------------------------------------------


def on_both_paths(monkeypatch, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` on the compiled path, then on the scipy path."""
    pytest.importorskip("numba")
    monkeypatch.delenv(NO_NUMBA_ENV, raising=False)
    assert accelerated()
    compiled = fn(*args, **kwargs)
    monkeypatch.setenv(NO_NUMBA_ENV, "1")
    assert not accelerated()
    reference = fn(*args, **kwargs)
    monkeypatch.delenv(NO_NUMBA_ENV)
    return compiled, reference


def assert_same_csr(a, b) -> None:
    """Same shape, layout and stored pairs (explicit zeros included), same times."""
    assert a.shape == b.shape and a.format == b.format == "csr"
    assert a.indices.dtype == b.indices.dtype and a.indptr.dtype == b.indptr.dtype
    assert a.data.dtype == b.data.dtype == np.float64
    assert a.has_sorted_indices and b.has_sorted_indices
    np.testing.assert_array_equal(a.indptr, b.indptr)
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_allclose(a.data, b.data, rtol=1e-12, atol=0)


def assert_same_nearest(a, b) -> None:
    assert a.cost.dtype == b.cost.dtype and a.source.dtype == b.source.dtype
    np.testing.assert_array_equal(np.isfinite(a.cost), np.isfinite(b.cost))
    np.testing.assert_allclose(a.cost, b.cost, rtol=1e-12, atol=0)
    np.testing.assert_array_equal(a.source, b.source)


def one_way_square() -> RoadGraph:
    """A -> B one way, the 3 km detour A-D-C-B two-way, and a separate road far away."""
    lines = [
        line((0, 0), (1000, 0)),
        line((0, 0), (0, 1000)),
        line((0, 1000), (1000, 1000)),
        line((1000, 1000), (1000, 0)),
        line((5000, 5000), (6000, 5000)),
    ]
    return build_graph(lines, [60.0] * 5, [1, 0, 0, 0, 0])


@pytest.mark.parametrize("reverse", [False, True])
def test_small_graphs_same_on_both_paths(monkeypatch, square, reverse):
    from scipy.sparse.csgraph import dijkstra

    g = one_way_square()
    a, b, c = node(g, 0, 0), node(g, 1000, 0), node(g, 1000, 1000)
    far = node(g, 5000, 5000)
    # Times as the searches add them up (60 km/h is not exactly 1 min/km in floating point).
    detour = float(dijkstra(g.adjacency(reverse), indices=b)[a])  # B-C-D-A forward
    side = float(dijkstra(square.adj, indices=0).max())
    for graph, sources, cutoff in (
        (g, [a, b, -1, a, far, b], 10.0),  # repeated and unsnapped sources, other component
        (g, [b], detour),  # the detour ends exactly on A at the cut-off: A is in
        (g, [b], np.nextafter(detour, 0.0)),  # ... and just out
        (g, [a, c], 0.0),  # only the sources themselves, at an explicit 0
        (g, [far, c], np.inf),
        (square, [0, 1, 2, 3], side),  # nodes exactly at the cut-off
    ):
        got, want = on_both_paths(
            monkeypatch, bounded_costs, graph, sources, cutoff, reverse=reverse
        )
        assert_same_csr(got, want)
        if cutoff == detour:
            assert dense(got)[0, a] == detour
        elif graph is g and sources == [b]:
            assert dense(got)[0, a] == np.inf
    # Access offsets at both ends, shared nodes, a pair exactly at the cut-off (0.5 + 1 + 0.5).
    o_nodes, o_acc = [a, a, b, -1, far], [0.5, 0.25, 0.0, 0.0, 0.1]
    d_nodes, d_acc = [b, c, a, b], [0.5, 0.0, 0.75, 0.0]
    for cutoff in (2.0, 3.5, np.inf):
        got, want = on_both_paths(monkeypatch, od_matrix, g, o_nodes, o_acc, d_nodes, d_acc, cutoff)
        assert_same_csr(got, want)
        got, want = on_both_paths(  # fewer destinations: searched backwards
            monkeypatch, od_matrix, g, o_nodes, o_acc, d_nodes[:1], d_acc[:1], cutoff
        )
        assert_same_csr(got, want)
    assert dense(od_matrix(g, [a], [0.5], [b], [0.5], 2.0))[0, 0] == pytest.approx(2.0)
    for cutoff in (0.6, 2.0, np.inf):
        got, want = on_both_paths(
            monkeypatch, nearest, g, [a, c, -1, a], [0.5, 0.0, 0.0, 0.2], cutoff, reverse=reverse
        )
        assert_same_nearest(got, want)


def random_network(seed: int, n_points: int = 3000) -> RoadGraph:
    """Delaunay edges of random points (a planar road-like mesh, ~3 arcs per node), 10 % dropped,
    random speeds (no two equal times), 20 % one-way, and a separate small component."""
    from scipy.spatial import Delaunay

    rng = np.random.default_rng(seed)
    pts = np.round(rng.uniform(0, 20_000, (n_points, 2)), 2)
    tri = Delaunay(pts).simplices
    pairs = np.concatenate((tri[:, [0, 1]], tri[:, [1, 2]], tri[:, [0, 2]]))
    edges = np.unique(np.sort(pairs, axis=1), axis=0)
    edges = edges[rng.random(edges.shape[0]) > 0.1]
    island = np.array([[[50_000.0, 0.0], [51_000.0, 0.0]], [[51_000.0, 0.0], [51_000.0, 800.0]]])
    coords = np.concatenate((pts[edges].reshape(-1, 2), island.reshape(-1, 2)))
    n = edges.shape[0] + island.shape[0]
    offsets = np.arange(0, 2 * n + 1, 2)
    speed = rng.choice([20.0, 30.0, 50.0, 70.0, 90.0], n) * rng.uniform(0.9, 1.1, n)
    oneway = np.where(rng.random(n) < 0.2, rng.choice([1, -1], n), 0)
    return build_graph_from_arrays(coords, offsets, speed, oneway)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_graphs_compiled_equals_scipy(monkeypatch, seed):
    """Property test: on random graphs of a few thousand nodes, the kernels (several threads,
    many chunks) give exactly the scipy path's sparse results and nearest sources."""
    monkeypatch.setattr(search_module, "search_workers", lambda: 3)
    monkeypatch.setattr(search_module, "_MAX_CHUNK", 4)
    g = random_network(seed)
    n = g.n_nodes
    assert n > 2500 and g.report.n_components >= 2
    rng = np.random.default_rng(100 + seed)
    sources = rng.integers(-1, n, 60)
    sources[5] = sources[6]
    for cutoff in (2.0, 6.0, np.inf):
        for reverse in (False, True):
            got, want = on_both_paths(
                monkeypatch, bounded_costs, g, sources, cutoff, reverse=reverse
            )
            assert_same_csr(got, want)
    # Large enough for the radix sort of the reached nodes (> 256 per search).
    assert np.diff(got.indptr).max() > 1000
    # A cut-off exactly on the time of a node (as the searches add it up): the node is in.
    from scipy.sparse.csgraph import dijkstra

    full = dijkstra(g.adj, indices=sources[0])
    on = int(np.argsort(full)[700])
    got, want = on_both_paths(monkeypatch, bounded_costs, g, sources[:1], full[on])
    assert_same_csr(got, want)
    row = got.indices[got.indptr[0] : got.indptr[1]]
    assert on in row and row.shape[0] == np.count_nonzero(full <= full[on])
    o_nodes, d_nodes = rng.integers(-1, n, 80), rng.integers(-1, n, 130)
    o_nodes[1] = o_nodes[2]
    d_nodes[3] = o_nodes[0]
    o_acc, d_acc = rng.uniform(0, 1, 80), rng.uniform(0, 1, 130)
    for cutoff in (3.0, 7.0):
        for k in (130, 20):  # from the origins, then from the (fewer) destinations
            got, want = on_both_paths(
                monkeypatch, od_matrix, g, o_nodes, o_acc, d_nodes[:k], d_acc[:k], cutoff
            )
            assert_same_csr(got, want)
            assert got.nnz > 0
    src = rng.choice(n, 15, replace=False)
    acc = rng.uniform(0, 2, 15)
    for cutoff in (1.5, np.inf):
        for reverse in (False, True):
            got, want = on_both_paths(monkeypatch, nearest, g, src, acc, cutoff, reverse=reverse)
            assert_same_nearest(got, want)


def test_kernels_grow_their_heap_and_leave_clean_buffers():
    pytest.importorskip("numba")
    from scipy.sparse.csgraph import dijkstra

    from reterr_qgis.engine.routing import _kernels

    g = random_network(4, n_points=1500)
    adj = g.adj
    n = g.n_nodes
    sources = np.array([0, 7, 7, n - 1], dtype=np.int64)
    ws = _kernels.Workspace(n, heap=1)  # full at once: every search restarts with a larger heap
    offsets, nodes, costs, ws.heap_key, ws.heap_node = _kernels.bounded_rows(
        adj.indptr,
        adj.indices,
        adj.data,
        sources,
        np.full(4, 5.0),
        ws.dist,
        ws.touched,
        ws.tmp,
        ws.heap_key,
        ws.heap_node,
        ws.n_bits,
    )
    assert ws.heap_key.shape[0] > 1 and np.isinf(ws.dist).all()
    want = dijkstra(adj, directed=True, indices=sources, limit=5.0)
    for i in range(4):
        reached = np.flatnonzero(np.isfinite(want[i]))
        np.testing.assert_array_equal(nodes[offsets[i] : offsets[i + 1]], reached)
        np.testing.assert_allclose(costs[offsets[i] : offsets[i + 1]], want[i][reached], rtol=1e-12)
    # Many seeds, more than the heap holds: restarted too, labels reset on the way.
    seeds = np.arange(0, n, 3, dtype=np.int64)
    dist = np.full(n, np.inf)
    label = np.full(n, -1, dtype=np.int64)
    m, _, _ = _kernels.multi_source(
        adj.indptr,
        adj.indices,
        adj.data,
        seeds,
        np.zeros(seeds.shape[0]),
        np.arange(seeds.shape[0], dtype=np.int64),
        np.inf,
        dist,
        label,
        np.empty(n, dtype=np.int32),
        np.empty(2),
        np.empty(2, dtype=np.int32),
    )
    best = dijkstra(adj, directed=True, indices=seeds, min_only=True)
    assert m == np.isfinite(best).sum()
    np.testing.assert_allclose(dist, best, rtol=1e-12)
    np.testing.assert_array_equal(label[seeds], np.arange(seeds.shape[0]))


def test_threaded_searches_cancel_between_chunks_and_keep_clean_buffers(monkeypatch):
    pytest.importorskip("numba")
    from reterr_qgis.engine.routing import _kernels

    monkeypatch.delenv(NO_NUMBA_ENV, raising=False)
    monkeypatch.setattr(search_module, "search_workers", lambda: 3)
    monkeypatch.setattr(search_module, "_MAX_CHUNK", 2)
    g = random_network(5, n_points=1000)
    sources = np.arange(0, g.n_nodes, 10)
    ticks: list[float] = []
    full = bounded_costs(g, sources, 4.0, progress=ticks.append)
    assert ticks == sorted(ticks) and ticks[-1] == 1.0 and len(ticks) >= 10
    calls = []

    def cancel_after_three() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Canceled):
        bounded_costs(g, sources, 4.0, is_canceled=cancel_after_three)
    assert len(calls) == 4  # checked between chunks, stopped at the fourth
    with pytest.raises(Canceled):
        od_matrix(g, sources, None, sources[:30], None, 4.0, is_canceled=lambda: True)
    # Every kept workspace is clean: the next searches give the same results.
    kept = _kernels.POOL._free
    assert kept and all(np.isinf(ws.dist).all() for ws in kept)
    assert_same_csr(bounded_costs(g, sources, 4.0), full)


def test_bounded_search_stops_each_source_at_its_own_limit(monkeypatch, search_path):
    """The primitive under bounded_costs and the service areas: search i keeps the nodes within
    cutoff - access[i] (inclusive), network times only; repeated sources are searched again,
    unsnapped sources and accesses beyond the cut-off give empty rows."""
    from scipy.sparse.csgraph import dijkstra

    monkeypatch.setattr(search_module, "search_workers", lambda: 3)
    monkeypatch.setattr(search_module, "_MAX_CHUNK", 2)
    g = random_network(6, n_points=1500)
    rng = np.random.default_rng(6)
    sources = rng.choice(g.n_nodes, 12, replace=False)
    sources[3] = sources[2]
    sources[7] = -1
    access = rng.uniform(0, 1.5, 12)
    access[9] = 4.5  # beyond the cut-off
    access[10] = 4.0  # exactly the cut-off: the source's own node only
    cutoff = 4.0
    for reverse in (False, True):
        got = search_module.bounded_search(
            g, sources, cutoff, access=access, reverse=reverse, workers=3
        )
        assert got.shape == (12, g.n_nodes) and got.has_sorted_indices
        full = dijkstra(g.adjacency(reverse), directed=True, indices=np.maximum(sources, 0))
        for i in range(12):
            cols = got.indices[got.indptr[i] : got.indptr[i + 1]]
            vals = got.data[got.indptr[i] : got.indptr[i + 1]]
            if i in (7, 9):
                assert cols.size == 0
                continue
            want = np.flatnonzero(full[i] <= cutoff - access[i])
            np.testing.assert_array_equal(cols, want)
            np.testing.assert_allclose(vals, full[i][want], rtol=1e-12)
        assert got.indptr[11] - got.indptr[10] == 1 and dense(got)[10, sources[10]] == 0.0
        # The repeated source, searched twice with its two access times: same times, the row
        # of the smaller access holding more nodes.
        d = dense(got)
        both = np.isfinite(d[2]) & np.isfinite(d[3])
        np.testing.assert_array_equal(d[2][both], d[3][both])
        small, large = (2, 3) if access[2] < access[3] else (3, 2)
        assert np.isfinite(d[small]).sum() > np.isfinite(d[large]).sum()
    # Without access: the rows of bounded_costs, on both paths alike.
    distinct = np.unique(sources[sources >= 0])
    assert_same_csr(
        search_module.bounded_search(g, distinct, cutoff), bounded_costs(g, distinct, cutoff)
    )
    got, want = on_both_paths(
        monkeypatch, search_module.bounded_search, g, sources, cutoff, access=access
    )
    assert_same_csr(got, want)


@pytest.mark.parametrize("workers", [1, 3])
def test_run_chunks_in_order_with_clean_buffers(monkeypatch, search_path, workers):
    monkeypatch.setattr(search_module, "_MAX_CHUNK", 4)
    n_nodes = 50
    ticks: list[float] = []

    def work(start: int, stop: int, ws) -> tuple[int, int]:
        assert ws.dist.shape[0] >= n_nodes and np.isinf(ws.dist).all()
        ws.dist[start:stop] = 1.0
        ws.dist[start:stop] = np.inf
        return start, stop

    out = search_module.run_chunks(
        37, work, n_nodes=n_nodes, workers=workers, progress=ticks.append
    )
    assert out[0][0] == 0 and out[-1][1] == 37
    assert all(a[1] == b[0] for a, b in zip(out, out[1:]))
    assert all(stop - start <= 4 for start, stop in out)
    assert ticks == sorted(ticks) and ticks[-1] == 1.0
    calls = []

    def cancel_after_two() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Canceled):
        search_module.run_chunks(
            37, work, n_nodes=n_nodes, workers=workers, is_canceled=cancel_after_two
        )
    assert len(calls) == 3
    if search_path == "compiled":
        from reterr_qgis.engine.routing import _kernels

        assert all(np.isinf(ws.dist).all() for ws in _kernels.POOL._free)


def test_scipy_fallback_when_numba_is_missing(monkeypatch, square):
    import sys

    import reterr_qgis.engine.routing

    monkeypatch.delenv(NO_NUMBA_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "reterr_qgis.engine.routing._kernels", None)  # import fails
    monkeypatch.delattr(reterr_qgis.engine.routing, "_kernels", raising=False)
    monkeypatch.setattr(search_module, "_KERNELS", None)
    monkeypatch.setattr(search_module, "_KERNELS_TRIED", False)
    assert not accelerated()
    costs = dense(bounded_costs(square, [node(square, 0, 0)], 10.0))[0]
    assert sorted(costs.tolist()) == pytest.approx([0.0, 1.0, 1.0, SQ2])
    monkeypatch.setenv(NO_NUMBA_ENV, "0")
    assert not accelerated()


def test_env_switch_forces_scipy(monkeypatch):
    pytest.importorskip("numba")
    for value, expected in (("1", False), ("yes", False), ("0", True), ("", True)):
        monkeypatch.setenv(NO_NUMBA_ENV, value)
        assert accelerated() is expected
    assert 1 <= search_module.search_workers() <= search_module.MAX_SEARCH_WORKERS


# ---------------------------------------------------------------------------------------------
# Cache
# ---------------------------------------------------------------------------------------------


def test_cache_round_trip(tmp_path, twin):
    ours = twin[0]
    path = tmp_path / "cache" / "graph.npz"
    save_graph(ours, path)
    back = load_graph(path)
    assert back is not None
    np.testing.assert_array_equal(back.xy, ours.xy)
    assert (back.adj != ours.adj).nnz == 0
    np.testing.assert_array_equal(back.length_m, ours.length_m)
    np.testing.assert_array_equal(back.arc_line, ours.arc_line)
    np.testing.assert_array_equal(back.component, ours.component)
    assert back.report.as_dict() == ours.report.as_dict()
    a = bounded_costs(ours, [0, 5], 3.0)
    b = bounded_costs(back, [0, 5], 3.0)
    assert (a != b).nnz == 0
    with np.load(path, allow_pickle=False) as z:  # no pickled object inside
        assert int(z["format_version"]) == FORMAT_VERSION
        assert all(z[k].dtype != object for k in z.files)
    assert not list(tmp_path.glob("cache/.*.tmp"))


def test_stale_or_missing_cache_is_rebuilt(tmp_path, square):
    assert load_graph(tmp_path / "missing.npz") is None
    path = tmp_path / "g.npz"
    save_graph(square, path)
    with np.load(path) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["format_version"] = np.int64(FORMAT_VERSION + 1)
    np.savez(path, **arrays)
    assert load_graph(path) is None
    path.write_bytes(b"not a zip")
    assert load_graph(path) is None


def test_cache_key_is_stable():
    p1 = {"speed_field": "", "table": {"motorway": 110, "primary": 70}, "tolerance": 0.5}
    p2 = {"tolerance": 0.5, "table": {"primary": 70, "motorway": 110}, "speed_field": ""}
    k = graph_cache_key("roads.gpkg|layername=roads|1700000000", p1)
    assert k == graph_cache_key("roads.gpkg|layername=roads|1700000000", p2)
    assert len(k) == 64 and int(k, 16) >= 0
    assert k == graph_cache_key("roads.gpkg|layername=roads|1700000000", {**p1, "tolerance": 0.5})
    assert k != graph_cache_key("roads.gpkg|layername=roads|1700000001", p1)
    assert k != graph_cache_key("roads.gpkg|layername=roads|1700000000", {**p1, "tolerance": 1})
    np_params = {"tolerance": np.float64(0.5), "rows": np.arange(3), "set": {"b", "a"}}
    assert graph_cache_key("x", np_params) == graph_cache_key(
        "x", {"tolerance": 0.5, "rows": [0, 1, 2], "set": ["a", "b"]}
    )
    # Pinned: the canonical form must not drift (bumping FORMAT_VERSION/BUILDER_VERSION changes
    # it on purpose, then update this value).
    assert graph_cache_key("x", {"a": 1}) == PINNED_KEY
    with pytest.raises(TypeError):
        graph_cache_key("x", {"f": object()})


# ---------------------------------------------------------------------------------------------
# A real OSM extract
# ---------------------------------------------------------------------------------------------


def osm_sample() -> pathlib.Path:
    pyogrio = pytest.importorskip("pyogrio")
    found = list(pathlib.Path(pyogrio.__file__).parent.rglob("sample.osm.pbf"))
    if not found:
        pytest.skip("pyogrio's sample.osm.pbf fixture is not installed")
    return found[0]


def test_real_osm_sample(monkeypatch, search_path):
    shapely = pytest.importorskip("shapely")
    path = osm_sample()
    from pyogrio.raw import read

    monkeypatch.setenv("OSM_USE_CUSTOM_INDEXING", "NO")
    meta, _, wkb, fields = read(path, layer="lines")
    names = list(meta["fields"])
    highway = fields[names.index("highway")].astype(object)
    other = fields[names.index("other_tags")].astype(object)
    geoms = shapely.from_wkb(wkb)
    car = np.array([h is not None and h not in OSM_NON_CAR_HIGHWAYS for h in highway])
    assert car.sum() >= 10
    # Lon/lat to metres: local equirectangular projection (the extract spans ~1 km).
    lonlat, index = shapely.get_coordinates(geoms[car], return_index=True)
    lat0 = np.deg2rad(lonlat[:, 1].mean())
    xy = np.column_stack(
        (np.deg2rad(lonlat[:, 0]) * 6371008.8 * np.cos(lat0), np.deg2rad(lonlat[:, 1]) * 6371008.8)
    )
    offsets = np.concatenate(([0], np.cumsum(np.bincount(index, minlength=car.sum()))))
    speed = speeds_from_classes(highway[car], OSM_CAR_SPEEDS)
    oneway = oneway_from_values(
        osm_tag_values(other[car], "oneway"),
        highway=highway[car],
        junction=osm_tag_values(other[car], "junction"),
    )
    assert (oneway == 1).any()  # the motorway in the extract is tagged oneway=yes
    g = build_graph_from_arrays(xy, offsets, speed, oneway)
    r = g.report
    assert r.n_nodes > 10 and r.n_edges > 10 and r.n_arcs >= r.n_edges
    assert 1 <= r.n_components <= r.n_nodes and r.largest_component >= 2
    assert 0.5 < r.total_length_km < 50
    assert (g.adj.data > 0).all() and np.isfinite(g.adj.data).all()
    implied = g.length_m / (g.adj.data * 1000 / 60)  # km/h of each arc
    table = set(OSM_CAR_SPEEDS.values())
    assert all(min(abs(v - t) for t in table) < 1e-9 for v in implied)
    # Every node reaches something, and a search from the biggest component stays in it.
    start = int(np.flatnonzero(g.component == np.argmax(np.bincount(g.component)))[0])
    reach = bounded_costs(g, [start], 60.0)
    assert reach.nnz >= 2
