"""Local sourcing (min-cost maximum matching): hand-worked cases, an independent maximum flow
(networkx), a two-phase LP (scipy ``linprog``), the caps, the radius and the degenerate cases."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from scipy.optimize import linprog

from reterr_qgis.engine.core.errors import Canceled, InputError
from reterr_qgis.engine.routing.costs import CostPairs, pairs_within
from reterr_qgis.engine.routing.travel import StraightLineCosts
from reterr_qgis.engine.supply import sourcing
from reterr_qgis.engine.supply.sourcing import NO_NUMBA_ENV, local_sourcing

SOLVERS = [
    pytest.param(
        "network_simplex",
        marks=pytest.mark.skipif(not sourcing.accelerated(), reason="numba not available"),
    ),
    "highs",
]


def pairs(rows: list[tuple[int, int, float]], n: int) -> CostPairs:
    o, d, c = zip(*rows) if rows else ((), (), ())
    return CostPairs(
        np.array(o, dtype=np.int64), np.array(d, dtype=np.int64), np.array(c, float), n, n
    )


# ---------------------------------------------------------------------------------------------
# References, independent of the code under test
# ---------------------------------------------------------------------------------------------


def nx_max_flow(balance, p: CostPairs, max_cost=np.inf) -> float:
    """Maximum volume by networkx: super source → surplus → (allowed pair) → deficit → sink."""
    g = nx.DiGraph()
    for i, b in enumerate(balance):
        if b > 0:
            g.add_edge("S", i, capacity=float(b))
        elif b < 0:
            g.add_edge(i, "T", capacity=float(-b))
    for i, j, c in zip(p.origin, p.destination, p.cost):
        if balance[i] > 0 and balance[j] < 0 and c <= max_cost:
            g.add_edge(int(i), int(j))  # no capacity attribute: unbounded
    if "S" not in g or "T" not in g:
        return 0.0
    return nx.maximum_flow_value(g, "S", "T")


def lp_two_phase(balance, p: CostPairs, max_cost=np.inf) -> tuple[float, float]:
    """Matched volume and cost by two LPs: maximise the volume, then minimise the cost at it."""
    bal = np.asarray(balance, float)
    n = bal.size
    sur, dfc = np.maximum(bal, 0), np.maximum(-bal, 0)
    o, d, c = p.origin, p.destination, p.cost
    keep = (sur[o] > 0) & (dfc[d] > 0) & (c <= max_cost)
    o, d, c = o[keep], d[keep], c[keep]
    m = o.size
    if m == 0:
        return 0.0, 0.0
    a = sparse.csr_matrix(
        (np.ones(2 * m), (np.concatenate((o, n + d)), np.tile(np.arange(m), 2))), shape=(2 * n, m)
    )
    b = np.concatenate((sur, dfc))
    first = linprog(-np.ones(m), A_ub=a, b_ub=b, bounds=(0, None), method="highs")
    volume = -first.fun
    a2 = sparse.vstack([a, -sparse.csr_matrix(np.ones((1, m)))])
    second = linprog(
        c,
        A_ub=a2,
        b_ub=np.concatenate((b, [-volume * (1 - 1e-12)])),
        bounds=(0, None),
        method="highs",
    )
    return volume, second.fun


def random_case(rng: np.random.Generator):
    n = int(rng.integers(2, 45))
    xy = rng.uniform(0, 100, (n, 2))
    p = pairs_within(xy, xy, float(rng.uniform(5, 70)))
    bal = rng.normal(0, 10, n)
    if rng.random() < 0.3:
        bal = np.round(bal)  # ties and degenerate pivots
    if rng.random() < 0.2:
        bal[rng.random(n) < 0.3] = 0.0
    if rng.random() < 0.3:
        p.cost = np.round(p.cost / 10) * 10  # equal costs
    return bal, p


# ---------------------------------------------------------------------------------------------
# Hand-worked cases
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("solver", SOLVERS)
def test_volume_comes_before_cost(solver):
    """A=1, B=1 surplus; X=1, Y=1 deficit; A→X 0, A→Y 1, B→X 1 (no B→Y).

    Cheapest for one unit: A→X (cost 0). Maximum volume (2) forces A→Y + B→X, cost 2: the
    second unit costs 2 > max c = 1, so an objective ``c − M`` with ``M`` just above ``max c``
    would stop at volume 1. The matching must give volume 2, cost 2.
    """
    res = local_sourcing(
        [1.0, 1.0, -1.0, -1.0], pairs([(0, 2, 0.0), (0, 3, 1.0), (1, 2, 1.0)], 4), solver=solver
    )
    assert res.solver == [solver]
    assert res.matched[0] == pytest.approx(2.0)
    assert res.total_cost[0] == pytest.approx(2.0)
    got = sorted(zip(res.flow_origin.tolist(), res.flow_destination.tolist(), res.flow_volume))
    assert [(o, d) for o, d, _ in got] == [(0, 3), (1, 2)]
    np.testing.assert_allclose([v for _, _, v in got], [1.0, 1.0])
    np.testing.assert_allclose(res.covered_share[:, 0], [np.nan, np.nan, 1.0, 1.0])
    assert res.mean_cost[0] == pytest.approx(1.0)


@pytest.mark.parametrize("solver", SOLVERS)
def test_two_by_two_by_hand(solver):
    """A=3, B=1 surplus; X=2, Y=2 deficit; A→X 1, A→Y 2, B→X 3, B→Y 1.

    All 4 units can be matched; X can only be filled by A (A→X 2 at 1) or B (3): the optimum is
    A→X 2, A→Y 1, B→Y 1, cost 2·1 + 1·2 + 1·1 = 5 (the other vertex, B→X 1, A→X 1, A→Y 2,
    costs 3 + 1 + 4 = 8).
    """
    p = pairs([(0, 2, 1.0), (0, 3, 2.0), (1, 2, 3.0), (1, 3, 1.0)], 4)
    res = local_sourcing({"céréales": [3.0, 1.0, -2.0, -2.0]}, p, solver=solver)
    assert res.families == ["céréales"]
    assert res.matched[0] == pytest.approx(4.0)
    assert res.total_cost[0] == pytest.approx(5.0)
    assert res.mean_cost[0] == pytest.approx(5.0 / 4.0)
    flows = dict(zip(zip(res.flow_origin.tolist(), res.flow_destination.tolist()), res.flow_volume))
    assert flows.keys() == {(0, 2), (0, 3), (1, 3)}
    assert flows[(0, 2)] == pytest.approx(2.0)
    assert flows[(0, 3)] == pytest.approx(1.0)
    assert flows[(1, 3)] == pytest.approx(1.0)
    np.testing.assert_allclose(res.flow_cost, [1.0, 2.0, 1.0])  # sorted by origin, destination
    np.testing.assert_allclose(res.unmatched_surplus[:, 0], 0.0, atol=1e-12)
    np.testing.assert_allclose(res.unmatched_deficit[:, 0], 0.0, atol=1e-12)


@pytest.mark.parametrize("solver", SOLVERS)
def test_radius_leaves_a_deficit_uncovered(solver):
    """A=5 surplus, X=3 at 10 km, Y=4 at 50 km; radius 30 km: X covered, Y not, 2 left in A."""
    p = pairs([(0, 1, 10.0), (0, 2, 50.0)], 3)
    res = local_sourcing([5.0, -3.0, -4.0], p, max_cost=30.0, solver=solver)
    assert res.matched[0] == pytest.approx(3.0)
    assert res.total_cost[0] == pytest.approx(30.0)
    np.testing.assert_allclose(res.unmatched_surplus[:, 0], [2.0, 0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(res.unmatched_deficit[:, 0], [0.0, 0.0, 4.0], atol=1e-12)
    np.testing.assert_allclose(res.covered_share[:, 0], [np.nan, 1.0, 0.0])
    # Without the radius, Y takes the 2 units left.
    res = local_sourcing([5.0, -3.0, -4.0], p, solver=solver)
    assert res.matched[0] == pytest.approx(5.0)
    assert res.total_cost[0] == pytest.approx(130.0)


# ---------------------------------------------------------------------------------------------
# Against independent references on random cases
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("solver", SOLVERS)
def test_random_cases_match_max_flow_and_two_phase_lp(solver):
    rng = np.random.default_rng(20260)
    worst_volume = worst_cost = 0.0
    for _ in range(60):
        bal, p = random_case(rng)
        radius = float(np.quantile(p.cost, 0.7)) if len(p) else 0.0
        res = local_sourcing(bal, p, max_cost=radius, solver=solver)
        assert res.solver[0] in (solver, "") and not any("HiGHS" in str(m) for m in res.messages)
        volume = nx_max_flow(bal, p, radius)
        lp_volume, lp_cost = lp_two_phase(bal, p, radius)
        assert lp_volume == pytest.approx(volume, rel=1e-9, abs=1e-9)
        assert res.matched[0] == pytest.approx(volume, rel=1e-9, abs=1e-9)
        assert res.total_cost[0] == pytest.approx(lp_cost, rel=1e-9, abs=1e-9)
        if volume > 0:
            worst_volume = max(worst_volume, abs(res.matched[0] - volume) / volume)
        if lp_cost > 0:
            worst_cost = max(worst_cost, abs(res.total_cost[0] - lp_cost) / lp_cost)
        check_feasible(res, bal, p, radius)
    assert worst_volume < 1e-9 and worst_cost < 1e-9


def check_feasible(res, bal, p: CostPairs, radius: float) -> None:
    """No flow exceeds a surplus or a deficit, every flow is an allowed pair at its cost."""
    bal = np.asarray(bal, float)
    sur, dfc = np.maximum(bal, 0), np.maximum(-bal, 0)
    tol = 1e-9 * max(1.0, np.abs(bal).max())
    assert (res.flow_volume > 0).all()
    sent = np.bincount(res.flow_origin, weights=res.flow_volume, minlength=bal.size)
    got = np.bincount(res.flow_destination, weights=res.flow_volume, minlength=bal.size)
    assert (sent <= sur + tol).all() and (got <= dfc + tol).all()
    np.testing.assert_allclose(res.sent[:, 0], sent, atol=tol)
    np.testing.assert_allclose(res.received[:, 0], got, atol=tol)
    allowed = {
        (int(i), int(j)): c
        for i, j, c in zip(p.origin, p.destination, p.cost)
        if c <= radius and sur[i] > 0 and dfc[j] > 0
    }
    for i, j, c in zip(res.flow_origin, res.flow_destination, res.flow_cost):
        assert (int(i), int(j)) in allowed
        assert c == allowed[(int(i), int(j))] <= radius
    np.testing.assert_allclose(res.unmatched_surplus[:, 0] + res.sent[:, 0], sur, atol=tol)
    np.testing.assert_allclose(res.unmatched_deficit[:, 0] + res.received[:, 0], dfc, atol=tol)
    assert (res.unmatched_surplus >= 0).all() and (res.unmatched_deficit >= 0).all()


@pytest.mark.skipif(not sourcing.accelerated(), reason="numba not available")
def test_network_simplex_equals_highs_on_a_larger_case():
    rng = np.random.default_rng(7)
    n = 600
    xy = rng.uniform(0, 200_000, (n, 2))
    bal = rng.normal(0, 1, n) * rng.lognormal(5, 1, n)
    p = pairs_within(xy, xy, 25_000)
    ns = local_sourcing(bal, p, solver="network_simplex")
    hi = local_sourcing(bal, p, solver="highs")
    assert ns.solver == ["network_simplex"] and hi.solver == ["highs"]
    assert ns.matched[0] == pytest.approx(hi.matched[0], rel=1e-9)
    assert ns.total_cost[0] == pytest.approx(hi.total_cost[0], rel=1e-9)
    assert ns.matched[0] == pytest.approx(nx_max_flow(bal, p), rel=1e-9)
    check_feasible(ns, bal, p, np.inf)


@pytest.mark.parametrize("solver", SOLVERS)
def test_any_unit_of_volume(solver):
    """Tonnes or hectares, 1e-6 or 1e6: the flows scale with the balances (HiGHS' tolerances are
    absolute, so its volumes must be scaled inside)."""
    rng = np.random.default_rng(12)
    n = 150
    xy = rng.uniform(0, 100, (n, 2))
    bal = rng.normal(0, 10, n)
    p = pairs_within(xy, xy, 20)
    ref = local_sourcing(bal, p, solver=solver)
    assert ref.matched[0] > 0
    for unit in (1e-6, 1e6):
        res = local_sourcing(bal * unit, p, solver=solver)
        assert res.matched[0] == pytest.approx(ref.matched[0] * unit, rel=1e-9)
        assert res.total_cost[0] == pytest.approx(ref.total_cost[0] * unit, rel=1e-9)
        np.testing.assert_allclose(res.covered_share, ref.covered_share, rtol=1e-9, atol=1e-12)


def test_pairs_beyond_the_radius_never_carry_flow():
    """The cheapest pairs are beyond the radius: the flows go the long (allowed) way."""
    rng = np.random.default_rng(11)
    n = 80
    xy = rng.uniform(0, 100, (n, 2))
    bal = rng.normal(0, 5, n)
    p = pairs_within(xy, xy, 60)
    radius = 30.0
    res = local_sourcing(bal, p, max_cost=radius)
    assert res.n_flows > 0
    assert (res.flow_cost <= radius).all()
    assert res.matched[0] == pytest.approx(nx_max_flow(bal, p, radius), rel=1e-9)
    # The same pairs cut beforehand give the same answer.
    cut = p.select(p.cost <= radius)
    again = local_sourcing(bal, cut)
    assert again.matched[0] == pytest.approx(res.matched[0], rel=1e-12)
    assert again.total_cost[0] == pytest.approx(res.total_cost[0], rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Families, inputs, degenerate cases
# ---------------------------------------------------------------------------------------------


def test_families_are_independent():
    """A cereal surplus never covers a vegetable deficit; each family equals its own run."""
    rng = np.random.default_rng(5)
    n = 50
    xy = rng.uniform(0, 100, (n, 2))
    p = pairs_within(xy, xy, 35)
    frame = pd.DataFrame(
        {
            "céréales": rng.normal(0, 10, n),
            "fruits et légumes": rng.normal(-3, 5, n),
            "fourrages": np.abs(rng.normal(0, 5, n)),  # surplus only
        }
    )
    res = local_sourcing(frame, p, max_cost=30)
    assert res.families == list(frame.columns)
    for k, name in enumerate(frame.columns):
        alone = local_sourcing(frame[name].to_numpy(), p, max_cost=30)
        assert res.matched[k] == pytest.approx(alone.matched[0], rel=1e-12)
        assert res.total_cost[k] == pytest.approx(alone.total_cost[0], rel=1e-12)
        o, d, v, c = res.family_flows(name)
        np.testing.assert_allclose(c, alone.flow_cost)
        np.testing.assert_array_equal(o, alone.flow_origin)
        np.testing.assert_array_equal(d, alone.flow_destination)
        np.testing.assert_allclose(v, alone.flow_volume, rtol=1e-12)
        # Every flow of this family goes from its own surplus to its own deficit.
        col = frame[name].to_numpy()
        assert (col[o] > 0).all() and (col[d] < 0).all()
    assert res.matched[2] == 0.0
    assert any(
        m.params.get("family") == "fourrages" and "no territory has a deficit" in m.template
        for m in res.messages
    )
    assert res.solver[2] == ""


def test_no_surplus_no_deficit_no_pair():
    p = pairs([(0, 1, 5.0), (1, 0, 5.0)], 3)
    res = local_sourcing({"a": [-1.0, -2.0, 0.0], "b": [1.0, 0.0, 2.0], "c": [1.0, 0.0, -2.0]}, p)
    assert res.n_flows == 0
    np.testing.assert_array_equal(res.matched, [0.0, 0.0, 0.0])
    assert np.isnan(res.mean_cost).all()
    templates = [(m.params["family"], m.template) for m in res.messages]
    assert ("a", "{family}: no territory has a surplus; nothing to match.") in templates
    assert ("b", "{family}: no territory has a deficit; nothing to match.") in templates
    assert any(f == "c" and "no pair links" in t for f, t in templates)
    # Nothing matched: every deficit is uncovered, every surplus left.
    np.testing.assert_allclose(res.covered_share[:, 0], [0.0, 0.0, np.nan])
    np.testing.assert_allclose(res.unmatched_deficit[:, 0], [1.0, 2.0, 0.0])
    np.testing.assert_allclose(res.unmatched_surplus[:, 1], [1.0, 0.0, 2.0])
    # A radius too small: the message names it.
    res = local_sourcing([1.0, -1.0, 0.0], p, max_cost=2.0)
    assert res.n_flows == 0
    assert res.messages[0].params == {"family": "0", "radius": "2"}
    assert "within {radius}" in res.messages[0].template
    str(res.messages[0])  # the template fills in


def test_zero_balance_and_empty_pairs():
    """A territory listed in the pairs with a zero balance neither sends nor receives."""
    p = pairs([(0, 1, 1.0), (1, 2, 1.0), (0, 2, 9.0), (2, 1, 1.0)], 3)
    res = local_sourcing([4.0, 0.0, -3.0], p)
    assert res.matched[0] == pytest.approx(3.0)
    assert res.total_cost[0] == pytest.approx(27.0)  # only 0 → 2 is surplus → deficit
    assert list(zip(res.flow_origin, res.flow_destination)) == [(0, 2)]
    assert np.isnan(res.covered_share[1, 0]) and res.sent[1, 0] == 0 == res.received[1, 0]
    empty = local_sourcing([4.0, 0.0, -3.0], pairs([], 3))
    assert empty.n_flows == 0 and empty.matched[0] == 0.0 and len(empty.messages) == 1


def test_duplicated_pairs_keep_the_cheapest():
    p = pairs([(0, 1, 7.0), (0, 1, 3.0), (0, 1, 5.0), (1, 0, 1.0)], 2)
    res = local_sourcing([2.0, -2.0], p)
    assert res.n_flows == 1
    assert res.flow_cost[0] == 3.0 and res.total_cost[0] == pytest.approx(6.0)


def test_straight_line_and_travel_costs_are_accepted_directly():
    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 50_000, (40, 2))
    bal = rng.normal(0, 3, 40)
    costs = StraightLineCosts(speed_kmh=60)
    minutes = costs.pairs(xy, xy, 20.0)  # CostPairs in minutes
    res = local_sourcing(bal, minutes, max_cost=15.0)
    assert (res.flow_cost <= 15.0).all()
    assert res.matched[0] == pytest.approx(nx_max_flow(bal, minutes, 15.0), rel=1e-9)
    metres = pairs_within(xy, xy, 20_000)
    res_m = local_sourcing(bal, metres)
    assert res_m.matched[0] == pytest.approx(nx_max_flow(bal, metres), rel=1e-9)


def test_bad_input_names_the_rows():
    p = pairs([(0, 1, 1.0)], 3)
    with pytest.raises(InputError) as err:
        local_sourcing({"céréales": [1.0, np.nan, -1.0]}, p)
    assert err.value.rows == [1] and "céréales" in err.value.message
    with pytest.raises(InputError) as err:
        local_sourcing([1.0, -1.0], p)
    assert err.value.msg.params == {"family": "0", "got": 2, "expected": 3}
    with pytest.raises(InputError) as err:
        local_sourcing([1.0, -1.0, 0.0], pairs([(0, 1, 1.0), (2, 1, -4.0), (2, 0, np.nan)], 3))
    assert err.value.rows == [2]
    with pytest.raises(InputError):
        local_sourcing([1.0, -1.0], CostPairs(np.array([0]), np.array([0]), np.array([1.0]), 2, 1))
    with pytest.raises(InputError):
        local_sourcing([1.0, -1.0, 0.0], p, max_cost=-1.0)
    with pytest.raises(InputError):
        local_sourcing({}, p)
    with pytest.raises(ValueError):
        local_sourcing([1.0, -1.0, 0.0], p, solver="simplex")


def test_cancel_and_progress():
    p = pairs([(0, 1, 1.0)], 2)
    with pytest.raises(Canceled):
        local_sourcing([1.0, -1.0], p, is_canceled=lambda: True)
    seen: list[float] = []
    local_sourcing({"a": [1.0, -1.0], "b": [-1.0, 1.0]}, p, progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in seen)
    assert seen == sorted(seen)


def test_without_numba_highs_solves(monkeypatch):
    monkeypatch.setenv(NO_NUMBA_ENV, "1")
    assert not sourcing.accelerated()
    p = pairs([(0, 2, 0.0), (0, 3, 1.0), (1, 2, 1.0)], 4)
    res = local_sourcing([1.0, 1.0, -1.0, -1.0], p, solver="network_simplex")
    assert res.solver == ["highs"]
    assert res.matched[0] == pytest.approx(2.0) and res.total_cost[0] == pytest.approx(2.0)
    assert any("numba" in m.template for m in res.messages)
    assert local_sourcing([1.0, 1.0, -1.0, -1.0], p).messages == []  # "auto": silent
