"""Access to services: nearest facility by type, counts within T, basket, population beyond a
threshold, what-if, greedy maximal covering.

Hand-computed toy cases (straight line and a tiny road network with a one-way street, to pin the
home → service direction), then brute-force checks on random data against dense matrices
(straight-line distances, scipy Dijkstra without cut-off) and against the exhaustive optimum of
small covering problems. No QGIS.
"""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from scipy.spatial.distance import cdist

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.profile.territory import group_weights
from reterr_qgis.engine.routing import (
    CostPairs,
    NetworkCosts,
    Places,
    StraightLineCosts,
    build_graph,
)
from reterr_qgis.engine.services.access import (
    basket_access,
    greedy_max_cover,
    nearest_by_type,
    population_beyond,
    what_if,
)

#: 60 km/h, no detour: 1 minute per km.
KM_PER_MIN = StraightLineCosts(60.0, detour=1.0)


def line(*pts: tuple[float, float]) -> np.ndarray:
    return np.array(pts, dtype=np.float64)


def node(g, x: float, y: float) -> int:
    hit = np.flatnonzero((g.xy[:, 0] == x) & (g.xy[:, 1] == y))
    assert hit.size == 1, (x, y)
    return int(hit[0])


# ---------------------------------------------------------------------------------------------
# Straight line, by hand
# ---------------------------------------------------------------------------------------------


def test_straight_line_nearest_and_counts_by_hand():
    demand = [(0, 0), (10_000, 0)]
    fac = [(3000, 0), (0, 5000), (1000, 0), (12_000, 0)]
    types = ["A", "B", "A", "C"]
    res = nearest_by_type(KM_PER_MIN, demand, fac, types, ["A", "B", "C"], cutoff=3.0)
    assert list(res) == ["A", "B", "C"]
    a, b, c = res["A"], res["B"], res["C"]
    # A: 1 km (row 2) and 3 km (row 0, exactly at the cut-off: within) from unit 0; 7 km from 1.
    np.testing.assert_allclose(a.time, [1.0, np.inf])
    np.testing.assert_array_equal(a.index, [2, -1])
    np.testing.assert_array_equal(a.count_within, [2, 0])
    assert a.n_facilities == 2
    # B: 5 km from unit 0, beyond 3 min; C: 2 km from unit 1.
    np.testing.assert_array_equal(b.index, [-1, -1])
    assert np.isinf(b.time).all()
    np.testing.assert_allclose(c.time, [np.inf, 2.0])
    np.testing.assert_array_equal(c.index, [-1, 3])
    np.testing.assert_array_equal(c.count_within, [0, 1])
    assert res.warnings == [] and res.absent_types == []
    # Without a cut-off, the nearest is always found.
    res = nearest_by_type(KM_PER_MIN, demand, fac, types, ["B"], counts=False)
    np.testing.assert_allclose(res["B"].time, [5.0, math.hypot(10, 5)])
    assert res["B"].count_within is None


def test_speed_and_detour():
    costs = StraightLineCosts(50.0, detour=1.3)  # 1 km → 1.3 × 60 / 50 = 1.56 min
    t, i = costs.nearest([(0, 0)], [(0, 1000), (0, 2000)])
    assert t[0] == pytest.approx(1.56) and i[0] == 0
    p = costs.pairs([(0, 0)], [(0, 1000), (0, 2000)], 3.2)
    assert sorted(p.cost.tolist()) == pytest.approx([1.56, 3.12])


def test_straight_line_cutoff_boundary_is_consistent():
    """Nearest, counts and pairs agree exactly with ``time <= cutoff``, even at the boundary."""
    rng = np.random.default_rng(1)
    costs = StraightLineCosts(47.0, detour=1.27)
    o = rng.uniform(0, 20_000, (300, 2))
    d = rng.uniform(0, 20_000, (200, 2))
    times = cdist(o, d) * costs.minutes_per_m
    for cutoff in [float(np.sort(times.ravel())[k]) for k in (10, 500, 4000)] + [7.0]:
        within = times <= cutoff
        t, i = costs.nearest(o, d, cutoff)
        best = times.min(axis=1)
        np.testing.assert_array_equal(np.isfinite(t), best <= cutoff)
        np.testing.assert_array_equal(i[np.isfinite(t)], times.argmin(axis=1)[best <= cutoff])
        np.testing.assert_array_equal(t[np.isfinite(t)], best[best <= cutoff])
        np.testing.assert_array_equal(costs.count(o, d, cutoff), within.sum(axis=1))
        p = costs.pairs(o, d, cutoff)
        assert len(p) == within.sum()
        got = set(zip(p.origin.tolist(), p.destination.tolist()))
        assert got == set(zip(*(x.tolist() for x in np.nonzero(within))))
        np.testing.assert_array_equal(np.sort(p.cost), np.sort(times[within]))


def test_nearest_and_counts_against_dense_matrix():
    rng = np.random.default_rng(2)
    costs = StraightLineCosts(40.0, detour=1.3)
    demand = rng.uniform(0, 50_000, (500, 2))
    fac = rng.uniform(0, 50_000, (300, 2))
    kinds = rng.choice(["GP", "PHARMA", "BAKERY"], 300)
    cutoff = 25.0
    res = nearest_by_type(costs, demand, fac, kinds, ["BAKERY", "GP", "PHARMA"], cutoff)
    times = cdist(demand, fac) * costs.minutes_per_m
    for kind, r in res.items():
        cols = np.flatnonzero(kinds == kind)
        sub = times[:, cols]
        best = sub.min(axis=1)
        reach = best <= cutoff
        np.testing.assert_allclose(r.time[reach], best[reach], rtol=1e-12)
        assert np.isinf(r.time[~reach]).all() and (r.index[~reach] == -1).all()
        np.testing.assert_array_equal(r.index[reach], cols[sub.argmin(axis=1)][reach])
        np.testing.assert_array_equal(r.count_within, (sub <= cutoff).sum(axis=1))


# ---------------------------------------------------------------------------------------------
# Road network, by hand: the direction is home → service
# ---------------------------------------------------------------------------------------------

#   D(0,1000) ---------- C(1000,1000)
#   |                    |
#   H(0,0) <--one way--- F(1000,0)        G(-2000, 0) ---- H  (two-way, 2 km)
# 60 km/h: 1 min per km. Home → F: 3 min (H-D-C-F); F → home: 1 min (the one-way street).
# Home → G: 2 min both ways. The nearest service *from home* is G.
ONE_WAY_NET = [
    line((1000, 0), (0, 0)),  # one way, digitised F → H
    line((0, 0), (0, 1000)),
    line((0, 1000), (1000, 1000)),
    line((1000, 1000), (1000, 0)),
    line((-2000, 0), (0, 0)),
]


@pytest.fixture
def one_way():
    return build_graph(ONE_WAY_NET, [60.0] * 5, [1, 0, 0, 0, 0])


def test_network_direction_is_home_to_service(one_way):
    costs = NetworkCosts(one_way, max_snap_m=200, access_speed_kmh=6.0)  # 100 m per minute
    home = [(0, -100)]  # 100 m from H: 1 min of access
    fac = [(1000, 0), (-2000, 0)]
    res = nearest_by_type(costs, home, fac, ["X", "X"], ["X"], cutoff=10.0)
    assert res["X"].time[0] == pytest.approx(1.0 + 2.0)  # to G; F is 1 + 3 = 4 min away
    assert res["X"].index[0] == 1
    assert res["X"].count_within[0] == 2
    # Only F: 4 min from home to F (the reverse trip would be 2 min).
    res = nearest_by_type(costs, home, fac, ["F", "G"], ["F"], cutoff=10.0)
    assert res["F"].time[0] == pytest.approx(4.0)
    # The cut-off applies to the whole trip, access included; F at 4 min is beyond 3.5 min.
    res = nearest_by_type(costs, home, fac, ["F", "G"], ["F"], cutoff=3.5)
    assert res["F"].time[0] == np.inf and res["F"].count_within[0] == 0
    # Pairs: home → F 4, home → G 3; facility access counts too (F 50 m off its node: +0.5).
    p = costs.pairs(home, [(1000, 50), (-2000, 0)], 10.0)
    got = dict(zip(p.destination.tolist(), p.cost.tolist()))
    assert got == pytest.approx({0: 4.5, 1: 3.0})
    t, i = costs.nearest(home, [(1000, 50)], 10.0)
    assert t[0] == pytest.approx(4.5) and i[0] == 0
    # Swapping the roles gives the facility → home times: 0.5 + 1 + 1 from F.
    t, _ = costs.nearest([(1000, 50)], home, 10.0)
    assert t[0] == pytest.approx(2.5)


def test_network_points_too_far_are_reported(one_way):
    costs = NetworkCosts(one_way, max_snap_m=150)
    demand = [(0, 0), (500, 5000)]  # the second is 4 km from the network
    fac = [(1000, 0), (9000, 9000)]  # the second too
    res = nearest_by_type(costs, demand, fac, ["F", "F"], ["F"], cutoff=30.0)
    np.testing.assert_allclose(res["F"].time, [3.0, np.inf])
    np.testing.assert_array_equal(res["F"].index, [0, -1])
    np.testing.assert_array_equal(res["F"].count_within, [1, 0])
    np.testing.assert_array_equal(res.unreachable_demand, [1])
    text = [str(w) for w in res.warnings]
    assert "1 demand units are more than 150 m from the network: they count as unreachable." in text
    assert "1 facilities are more than 150 m from the network: they are left out." in text
    # Located once, reused: same result.
    located = costs.locate(demand, "demand")
    assert isinstance(located, Places) and located.unsnapped.tolist() == [1]
    again = nearest_by_type(costs, located, fac, ["F", "F"], ["F"], cutoff=30.0)
    np.testing.assert_array_equal(again["F"].time, res["F"].time)


def test_network_unreachable_component(one_way):
    lines = ONE_WAY_NET + [line((5000, 5000), (6000, 5000))]
    g = build_graph(lines, [60.0] * 6, [1, 0, 0, 0, 0, 0])
    costs = NetworkCosts(g, max_snap_m=50)
    res = nearest_by_type(costs, [(0, 0)], [(6000, 5000)], ["F"], ["F"], cutoff=1e6)
    assert res["F"].time[0] == np.inf and res["F"].count_within[0] == 0


def random_network(seed: int = 4, side: int = 12):
    """Jittered grid of streets, some removed, 20 % one-way, random speeds."""
    rng = np.random.default_rng(seed)
    xs = np.cumsum(rng.uniform(150, 400, side))
    ys = np.cumsum(rng.uniform(150, 400, side))
    pts = np.round(np.stack(np.meshgrid(xs, ys), axis=-1) + rng.uniform(-40, 40, (side, side, 2)))
    lines = []
    for grid in (pts, pts.transpose(1, 0, 2)):
        for i in range(side):
            for j in range(side - 1):
                if rng.random() > 0.1:
                    lines.append(np.array([grid[i, j], grid[i, j + 1]]))
    n = len(lines)
    speeds = rng.choice([30.0, 50.0, 80.0], n)
    oneway = np.where(rng.random(n) < 0.2, rng.choice([1, -1], n), 0)
    return build_graph(lines, speeds, oneway), pts


def dense_network_times(costs: NetworkCosts, o_xy, d_xy) -> np.ndarray:
    """Origin → destination minutes from a whole-graph Dijkstra per origin node (no cut-off)."""
    o = costs.locate(o_xy)
    d = costs.locate(d_xy)
    out = np.full((len(o), len(d)), np.inf)
    ok_o, ok_d = o.node >= 0, d.node >= 0
    full = dijkstra(costs.graph.adj, directed=True, indices=o.node[ok_o])
    block = full[:, d.node[ok_d]] + o.access_min[ok_o, None] + d.access_min[None, ok_d]
    out[np.ix_(ok_o, ok_d)] = block
    return out


def test_network_nearest_and_counts_against_dense_dijkstra():
    g, pts = random_network()
    rng = np.random.default_rng(5)
    lo, hi = pts.reshape(-1, 2).min(axis=0), pts.reshape(-1, 2).max(axis=0)
    demand = rng.uniform(lo - 300, hi + 300, (150, 2))  # some beyond the snapping distance
    fac = rng.uniform(lo, hi, (60, 2))
    kinds = rng.choice(["a", "b", "c"], 60)
    costs = NetworkCosts(g, max_snap_m=250, access_speed_kmh=10.0)
    cutoff = 6.0
    res = nearest_by_type(costs, demand, fac, kinds, ["a", "b", "c"], cutoff)
    times = dense_network_times(costs, demand, fac)
    assert np.isinf(times).any() and (times <= cutoff).any()
    for kind, r in res.items():
        cols = np.flatnonzero(kinds == kind)
        sub = times[:, cols]
        best = sub.min(axis=1)
        reach = best <= cutoff
        np.testing.assert_array_equal(np.isfinite(r.time), reach)
        np.testing.assert_allclose(r.time[reach], best[reach], rtol=1e-9)
        # The facility named is one at that time.
        picked = times[np.flatnonzero(reach), r.index[reach]]
        np.testing.assert_allclose(picked, best[reach], rtol=1e-9)
        assert np.isin(r.index[reach], cols).all()
        np.testing.assert_array_equal(r.count_within, (sub <= cutoff + 1e-9).sum(axis=1))
    # Pairs equal the dense matrix within the cut-off.
    p = costs.pairs(demand, fac, cutoff)
    got = np.full(times.shape, np.inf)
    got[p.origin, p.destination] = p.cost
    want = np.where(times <= cutoff, times, np.inf)
    np.testing.assert_array_equal(np.isfinite(got), np.isfinite(want))
    np.testing.assert_allclose(got[np.isfinite(got)], want[np.isfinite(want)], rtol=1e-9)


# ---------------------------------------------------------------------------------------------
# Types and bad inputs
# ---------------------------------------------------------------------------------------------


def test_unknown_types_are_an_error_listing_them():
    with pytest.raises(InputError) as err:
        nearest_by_type(KM_PER_MIN, [(0, 0)], [(1, 1)], ["D265"], ["D265", "D307", "ZZZ"], 10.0)
    assert "D307" in err.value.message and "ZZZ" in err.value.message
    assert "D265" not in err.value.message
    # With the vocabulary (code table), a known type with no facility is a warning, not an error.
    res = nearest_by_type(
        KM_PER_MIN,
        [(0, 0)],
        [(1, 1)],
        ["D265"],
        ["D265", "D307"],
        10.0,
        known_types=["D265", "D307", "B207"],
    )
    assert res.absent_types == ["D307"]
    assert res["D307"].time[0] == np.inf and res["D307"].count_within[0] == 0
    assert any("D307" in str(w) for w in res.warnings)
    with pytest.raises(InputError, match="ZZZ"):
        nearest_by_type(
            KM_PER_MIN, [(0, 0)], [(1, 1)], ["D265"], ["ZZZ"], 10.0, known_types=["D265"]
        )


def test_types_compared_as_text_nulls_never_match():
    fac = [(0, 1000), (0, 2000), (0, 3000)]
    res = nearest_by_type(KM_PER_MIN, [(0, 0)], fac, [None, " 7 ", 7], [7, "7"], 10.0)
    assert list(res) == [7]  # "7" repeats 7
    assert res[7].index[0] == 1 and res[7].count_within[0] == 2
    with pytest.raises(InputError):
        nearest_by_type(KM_PER_MIN, [(0, 0)], fac, [None, "a", "a"], [None], 10.0)
    with pytest.raises(InputError, match="at least one"):
        nearest_by_type(KM_PER_MIN, [(0, 0)], fac, ["a"] * 3, [], 10.0)


def test_bad_inputs_name_the_rows(one_way):
    with pytest.raises(InputError) as err:
        nearest_by_type(KM_PER_MIN, [(0, 0), (np.nan, 1), (2, 2)], [(1, 1)], ["a"], ["a"], 5)
    assert err.value.rows == [1] and "demand units" in err.value.message
    with pytest.raises(InputError) as err:
        nearest_by_type(KM_PER_MIN, [(0, 0)], [(1, 1), (np.inf, 0)], ["a", "a"], ["a"], 5)
    assert err.value.rows == [1] and "facilities" in err.value.message
    with pytest.raises(InputError, match="expected 2"):
        nearest_by_type(KM_PER_MIN, [(0, 0)], [(1, 1), (2, 2)], ["a"], ["a"], 5)
    with pytest.raises(InputError, match="cut-off"):
        nearest_by_type(KM_PER_MIN, [(0, 0)], [(1, 1)], ["a"], ["a"], -1)
    with pytest.raises(InputError, match="finite cut-off"):
        KM_PER_MIN.pairs([(0, 0)], [(1, 1)], np.inf)
    with pytest.raises(InputError, match="finite cut-off"):
        nearest_by_type(NetworkCosts(one_way, 100), [(0, 0)], [(1, 1)], ["a"], ["a"])
    with pytest.raises(InputError):
        NetworkCosts(one_way, max_snap_m=0)
    with pytest.raises(InputError):
        StraightLineCosts(0.0)


def test_cancel():
    with pytest.raises(Canceled):
        nearest_by_type(KM_PER_MIN, [(0, 0)], [(1, 1)], ["a"], ["a"], 5, is_canceled=lambda: True)
    seen = []
    nearest_by_type(
        KM_PER_MIN, [(0, 0)], [(1, 1), (2, 2)], ["a", "b"], ["a", "b"], 5, progress=seen.append
    )
    assert seen and seen[-1] == pytest.approx(1.0) and all(0 <= f <= 1 for f in seen)


# ---------------------------------------------------------------------------------------------
# Basket
# ---------------------------------------------------------------------------------------------


def test_basket_by_hand():
    demand = [(0, 0), (10_000, 0)]
    fac = [(2000, 0), (0, 6000), (9000, 0), (10_000, 4000)]
    kinds = ["bakery", "school", "bakery", "school"]
    res = basket_access(KM_PER_MIN, demand, fac, kinds, ["bakery", "school", "post"], 5.0)
    assert res.types == ["bakery", "school", "post"]
    # Unit 0: bakery 2, school 6; unit 1: bakery 1, school 4. "post": none anywhere.
    np.testing.assert_allclose(res.times[:, :2], [[2, 6], [1, 4]])
    assert np.isinf(res.times[:, 2]).all()
    np.testing.assert_array_equal(res.nearest_index[:, :2], [[0, 1], [2, 3]])
    np.testing.assert_array_equal(res.reached, [1, 2])
    # The basket is fixed: "post" stays in the denominator.
    np.testing.assert_allclose(res.share, [1 / 3, 2 / 3])
    np.testing.assert_array_equal(res.missing, [2, 1])
    # Mean and max over the types that have a facility.
    np.testing.assert_allclose(res.mean_time, [4.0, 2.5])
    np.testing.assert_allclose(res.max_time, [6.0, 4.0])
    assert res.absent_types == ["post"] and any("post" in str(w) for w in res.warnings)
    # A search cut-off below the longest time makes it inf; below the threshold is an error.
    cut = basket_access(
        KM_PER_MIN, demand, fac, kinds, ["bakery", "school"], 5.0, search_cutoff=5.5
    )
    np.testing.assert_allclose(cut.mean_time, [np.inf, 2.5])
    np.testing.assert_allclose(cut.share, [0.5, 1.0])
    with pytest.raises(InputError, match="threshold"):
        basket_access(KM_PER_MIN, demand, fac, kinds, ["bakery"], 5.0, search_cutoff=4.0)


def test_basket_against_brute_force():
    rng = np.random.default_rng(6)
    costs = StraightLineCosts(50.0)
    demand = rng.uniform(0, 30_000, (400, 2))
    fac = rng.uniform(0, 30_000, (250, 2))
    kinds = rng.choice([f"T{k}" for k in range(8)], 250)
    basket = [f"T{k}" for k in range(10)]  # T8, T9 have no facility
    res = basket_access(costs, demand, fac, kinds, basket, 7.0)
    times = cdist(demand, fac) * costs.minutes_per_m
    best = np.column_stack(
        [
            times[:, kinds == t].min(axis=1) if (kinds == t).any() else np.full(400, np.inf)
            for t in basket
        ]
    )
    np.testing.assert_allclose(res.times, best, rtol=1e-12)
    np.testing.assert_allclose(res.share, (best <= 7.0).sum(axis=1) / 10)
    np.testing.assert_allclose(res.mean_time, best[:, :8].mean(axis=1), rtol=1e-12)
    np.testing.assert_allclose(res.max_time, best[:, :8].max(axis=1), rtol=1e-12)
    assert res.absent_types == ["T8", "T9"]


# ---------------------------------------------------------------------------------------------
# Population beyond a threshold
# ---------------------------------------------------------------------------------------------


def test_population_beyond_by_hand_zoning():
    times = np.array([5.0, 25.0, np.inf, 20.0, 30.0, 1.0])
    pop = np.array([100.0, 50.0, 10.0, 40.0, 0.0, 0.0])
    # Zones: X = units 0, 1, 2; Y = units 3, 4; Z = unit 5 (no population).
    codes, w = group_weights(np.array(["X", "X", "X", "Y", "Y", "Z"]))
    assert codes.tolist() == ["X", "Y", "Z"]
    res = population_beyond(times, pop, 20.0, w)
    # X: 50 (25 min) + 10 (unreachable) beyond, of 160; Y: 20 min is not beyond, 30 min has 0.
    np.testing.assert_allclose(res.pop_beyond, [60.0, 0.0, 0.0])
    np.testing.assert_allclose(res.share_beyond, [60 / 160, 0.0, np.nan])
    np.testing.assert_allclose(res.population, [160.0, 40.0, 0.0])
    np.testing.assert_array_equal(res.empty_zones, [2])
    assert len(res.warnings) == 1 and "1 zones have no population" in str(res.warnings[0])
    pop_beyond, share = res  # unpacks as a pair
    np.testing.assert_allclose(pop_beyond, [60.0, 0.0, 0.0])
    assert share is res.share_beyond
    # No zoning: the whole territory.
    whole = population_beyond(times, pop, 20.0)
    np.testing.assert_allclose(whole.pop_beyond, [60.0])
    np.testing.assert_allclose(whole.share_beyond, [60 / 200])
    # Fractional weights (a unit split between two zones by area) and several services.
    wf = sparse.csr_matrix(np.array([[1, 0], [0.5, 0.5], [0, 1], [0, 1], [0, 1], [1, 0]]))
    two = population_beyond(np.column_stack([times, np.zeros(6)]), pop, 20.0, wf)
    np.testing.assert_allclose(two.pop_beyond, [[25.0, 0.0], [35.0, 0.0]])
    np.testing.assert_allclose(two.population, [125.0, 75.0])
    np.testing.assert_allclose(two.share_beyond, [[25 / 125, 0.0], [35 / 75, 0.0]])


def test_population_beyond_bad_inputs():
    with pytest.raises(InputError) as err:
        population_beyond([1.0, 2.0, 3.0], [1.0, -2.0, np.nan], 5.0)
    assert err.value.rows == [1, 2]
    with pytest.raises(InputError) as err:
        population_beyond([1.0, np.nan], [1.0, 1.0], 5.0)
    assert err.value.rows == [1]
    with pytest.raises(InputError):
        population_beyond([1.0, 2.0], [1.0, 1.0], 5.0, np.ones((3, 1)))
    with pytest.raises(InputError):
        population_beyond([1.0, 2.0], [1.0], 5.0)


# ---------------------------------------------------------------------------------------------
# What-if
# ---------------------------------------------------------------------------------------------


def test_what_if_by_hand():
    demand = [(0, 0), (5000, 0), (20_000, 0)]
    existing = [(1000, 0)]
    added = [(6000, 0), (30_000, 0)]
    res = what_if(KM_PER_MIN, demand, existing, added, cutoff=12.0)
    np.testing.assert_allclose(res.before, [1.0, 4.0, np.inf])
    np.testing.assert_allclose(res.after, [1.0, 1.0, 10.0])
    np.testing.assert_allclose(res.gain, [0.0, 3.0, np.inf])
    np.testing.assert_array_equal(res.index_after, [0, 1, 2])  # added rows follow the existing
    np.testing.assert_array_equal(res.newly_reached, [False, False, True])
    # Ties keep the existing facility; a previous result skips the first search.
    tie = what_if(KM_PER_MIN, [(0, 0)], [(1000, 0)], [(-1000, 0)], before=([1.0], [0]))
    assert tie.index_after[0] == 0 and tie.gain[0] == 0.0


def test_what_if_gains_never_negative():
    rng = np.random.default_rng(7)
    costs = StraightLineCosts(60.0)
    demand = rng.uniform(0, 40_000, (800, 2))
    existing = rng.uniform(0, 40_000, (20, 2))
    added = rng.uniform(0, 40_000, (5, 2))
    res = what_if(costs, demand, existing, added, cutoff=15.0)
    assert (res.gain >= 0).all() and (res.after <= res.before).all()
    both = costs.nearest(demand, np.vstack([existing, added]), 15.0)[0]
    np.testing.assert_allclose(res.after, both)
    reuse = what_if(
        costs, demand, existing, added, 15.0, before=costs.nearest(demand, existing, 15.0)
    )
    np.testing.assert_array_equal(reuse.after, res.after)
    np.testing.assert_array_equal(reuse.index_after, res.index_after)


def test_what_if_on_the_network(one_way):
    costs = NetworkCosts(one_way, max_snap_m=100)
    # From home, F is 3 min away; adding a facility at C (2 min, home → D → C) helps by 1 min.
    res = what_if(costs, [(0, 0)], [(1000, 0)], [(1000, 1000)], cutoff=10.0)
    np.testing.assert_allclose([res.before[0], res.after[0], res.gain[0]], [3.0, 2.0, 1.0])


# ---------------------------------------------------------------------------------------------
# Greedy maximal covering
# ---------------------------------------------------------------------------------------------


def cover_value(a: np.ndarray, w: np.ndarray, subset) -> float:
    return float(w[a[:, list(subset)].any(axis=1)].sum()) if subset else 0.0


def naive_greedy(a: np.ndarray, w: np.ndarray, k: int, covered=None):
    """Reference: recompute every gain at every step; ties to the lowest index."""
    covered = np.zeros(a.shape[0], bool) if covered is None else covered.copy()
    steps = []
    for _ in range(k):
        gains = (a & ~covered[:, None]).T.astype(float) @ w
        j = int(np.argmax(gains))
        if gains[j] <= 0:
            break
        steps.append((j, gains[j]))
        covered |= a[:, j]
    return steps


def test_greedy_cover_by_hand_is_optimal():
    # 5 demand units (weights), 4 candidates covering 30, 60, 55 and 30. Greedy: c1 (60), then
    # c3 (+30: units 3, 4; c2 would add 25), total 90 = the optimum for k = 2 (c1 + c2 and
    # c0 + c2 give 85).
    w = np.array([10.0, 20.0, 30.0, 25.0, 5.0])
    a = np.array(
        [  # c0 c1 c2 c3
            [1, 1, 0, 0],
            [1, 1, 0, 0],
            [0, 1, 1, 0],
            [0, 0, 1, 1],
            [0, 0, 0, 1],
        ],
        dtype=bool,
    )
    pairs = CostPairs(
        np.nonzero(a)[0].astype(np.int64),
        np.nonzero(a)[1].astype(np.int64),
        np.full(int(a.sum()), 5.0),
        5,
        4,
    )
    res = greedy_max_cover(pairs, w, 2)
    assert [tuple(s) for s in res.steps] == [(1, 60.0, 60.0), (3, 30.0, 90.0)]
    best = max(cover_value(a, w, s) for s in combinations(range(4), 2))
    assert res.steps[-1].cumulative == best == 90.0
    np.testing.assert_array_equal(res.covered, [True] * 5)
    np.testing.assert_array_equal(res.covered_by, [1, 1, 1, 3, 3])
    assert res.chosen.tolist() == [1, 3]
    # Already covered units bring nothing: with unit 2 covered, c0, c1 and c3 tie at 30 (c0 is
    # first), then c3.
    res = greedy_max_cover(pairs, w, 2, already_covered=[False, False, True, False, False])
    assert [s.candidate for s in res.steps] == [0, 3]
    assert res.already == 30.0 and res.uncovered_before == 60.0
    # Early stop when nothing more to gain; ties go to the lowest index.
    res = greedy_max_cover(pairs, w, 4)
    assert len(res.steps) == 2 and len(res.warnings) == 1
    tie = greedy_max_cover(sparse.csr_matrix(np.eye(3)), [1.0, 1.0, 1.0], 1)
    assert tie.steps[0].candidate == 0
    # A threshold on the pair costs: pairs beyond it do not cover.
    pairs.cost[:] = np.where(pairs.destination == 1, 9.0, 5.0)
    res = greedy_max_cover(pairs, w, 2, threshold=6.0)  # c1 covers nobody within 6 min
    assert [tuple(s) for s in res.steps] == [(2, 55.0, 55.0), (0, 30.0, 85.0)]


def test_greedy_equals_recomputed_greedy_on_random_data():
    rng = np.random.default_rng(8)
    for _ in range(5):
        a = rng.random((300, 80)) < 0.04
        w = rng.integers(0, 1000, 300).astype(float)  # integers: exact sums, exact ties
        covered = rng.random(300) < 0.2
        res = greedy_max_cover(sparse.csr_matrix(a), w, 15, already_covered=covered)
        want = naive_greedy(a, w, 15, covered)
        assert [(s.candidate, s.gained) for s in res.steps] == want
        assert res.steps[-1].cumulative == pytest.approx(sum(g for _, g in want))


def test_greedy_reaches_the_one_minus_one_over_e_bound():
    rng = np.random.default_rng(9)
    bound = 1 - 1 / math.e
    for trial in range(6):
        n_cand = 12
        a = rng.random((60, n_cand)) < rng.uniform(0.05, 0.3)
        w = rng.uniform(0, 100, 60)
        k = 3 + trial % 3
        res = greedy_max_cover(sparse.csr_matrix(a), w, k)
        greedy = res.steps[-1].cumulative if res.steps else 0.0
        best = max(cover_value(a, w, s) for s in combinations(range(n_cand), k))
        assert greedy >= bound * best - 1e-9
        assert greedy <= best + 1e-9
        assert greedy == pytest.approx(cover_value(a, w, res.chosen.tolist()))


def test_greedy_with_coverage_from_travel_costs():
    """Candidates = the demand points themselves; coverage = pairs within T (home → site)."""
    rng = np.random.default_rng(10)
    demand = rng.uniform(0, 20_000, (200, 2))
    pop = rng.integers(1, 500, 200).astype(float)
    pairs = KM_PER_MIN.pairs(demand, demand, 3.0)
    res = greedy_max_cover(pairs, pop, 5)
    within = cdist(demand, demand) <= 3000 * (1 + 1e-12)
    assert res.steps[0].gained == pytest.approx((within * pop[:, None]).sum(axis=0).max())
    assert res.steps[-1].cumulative == pytest.approx(cover_value(within, pop, res.chosen.tolist()))


def test_greedy_bad_inputs():
    a = sparse.csr_matrix(np.eye(2))
    with pytest.raises(InputError) as err:
        greedy_max_cover(a, [1.0, -1.0], 1)
    assert err.value.rows == [1]
    with pytest.raises(InputError):
        greedy_max_cover(a, [1.0, 1.0], 0)
    with pytest.raises(Canceled):
        greedy_max_cover(a, [1.0, 1.0], 1, is_canceled=lambda: True)
