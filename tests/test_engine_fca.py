"""Floating catchment engine: hand-worked cases, invariants, and equality with PySAL ``access``."""

import numpy as np
import pytest

from reterr_qgis.engine import InputError
from reterr_qgis.engine.costs import CostPairs, pairs_within, straight_line_minutes
from reterr_qgis.engine.fca import (
    APL_UNDERSERVED,
    E2SFCA_STEPS,
    THREE_SFCA_STEPS,
    apl,
    floating_catchment,
    gaussian_weights,
    gravity_weights,
    standardized_demand,
    step_weights,
)


def toy_pairs():
    # d0-f0 5 min, d0-f1 15 min, d1-f1 8 min, d1-f0 25 min.
    return CostPairs(
        np.array([0, 0, 1, 1]), np.array([0, 1, 1, 0]), np.array([5.0, 15.0, 8.0, 25.0]), 2, 2
    )


def test_2sfca_by_hand():
    res = floating_catchment(toy_pairs(), [100, 200], [1, 2], max_cost=20)
    # f0 serves d0 only (25 > 20): R0 = 1/100; f1 serves both: R1 = 2/300.
    np.testing.assert_allclose(res.ratio, [1 / 100, 2 / 300])
    np.testing.assert_allclose(res.access, [1 / 100 + 2 / 300, 2 / 300])
    np.testing.assert_array_equal(res.facilities_reached, [2, 1])


def test_e2sfca_by_hand():
    w = step_weights(E2SFCA_STEPS)
    res = floating_catchment(toy_pairs(), [100, 200], [1, 2], max_cost=30, weight=w)
    # weights: 5 -> 1, 15 -> 0.68, 8 -> 1, 25 -> 0.22
    r0, r1 = 1 / (100 + 200 * 0.22), 2 / (100 * 0.68 + 200)
    np.testing.assert_allclose(res.ratio, [r0, r1])
    np.testing.assert_allclose(res.access, [r0 + 0.68 * r1, 0.22 * r0 + r1])


def test_supply_is_conserved():
    """Σ P_i A_i = Σ S_j whenever every facility has demand in reach (2SFCA and E2SFCA)."""
    rng = np.random.default_rng(3)
    o, d = rng.uniform(0, 50, (300, 2)), rng.uniform(0, 50, (40, 2))
    pairs = pairs_within(o, d, 30)
    p, s = rng.uniform(1, 100, 300), rng.uniform(1, 5, 40)
    for weight in (None, step_weights(E2SFCA_STEPS), gaussian_weights(10)):
        res = floating_catchment(pairs, p, s, 30, weight)
        assert np.all(res.demand_reached > 0)
        assert np.sum(p * res.access) == pytest.approx(np.sum(s), rel=1e-12)


def test_step_weights_follow_pysal_convention():
    w = step_weights({20: 1, 40: 0.68, 60: 0.22})
    got = w(np.arange(0, 71, 10, dtype=float))
    np.testing.assert_allclose(got, [1, 1, 1, 0.68, 0.68, 0.22, 0.22, 0])


def test_apl_hand_worked_example():
    # Commune A: 100 young (2 consultations/yr) and 100 old (6/yr); commune B: 300 young.
    # National mean ĉ = (400·2 + 100·6) / 500 = 2.8 → P_std = 800/2.8 and 600/2.8.
    p_std = standardized_demand([[100, 100], [300, 0]], [2, 6])
    np.testing.assert_allclose(p_std, [800 / 2.8, 600 / 2.8])
    assert p_std.sum() == pytest.approx(500)
    # One full-time GP in A (0 min from A, 12 min from B: weight 2/3): 5,400 consultations.
    pairs = CostPairs(np.array([0, 1]), np.array([0, 0]), np.array([0.0, 12.0]), 2, 1)
    res = apl(pairs, p_std, [1.0])
    # Demand in reach = 285.714 + 214.286 · 2/3 = 428.571; R = 5400 / 428.571 = 12.6.
    np.testing.assert_allclose(res.ratio, [12.6])
    np.testing.assert_allclose(res.access, [12.6, 8.4])
    assert (res.access >= APL_UNDERSERVED).all()


def test_unreached_units_and_lonely_facilities_are_reported():
    pairs = CostPairs(np.array([0]), np.array([0]), np.array([5.0]), 2, 2)
    res = floating_catchment(pairs, [10, 10], [1, 1], 20)
    assert res.access[1] == 0 and np.isnan(res.ratio[1])
    texts = [str(m) for m in res.warnings]
    assert "1 facilities have no demand within their catchment." in texts
    assert "1 demand units have no facility within reach." in texts


def test_bad_inputs_name_rows():
    with pytest.raises(InputError) as err:
        floating_catchment(toy_pairs(), [100, np.nan], [1, 2], 20)
    assert err.value.rows == [1]
    with pytest.raises(InputError) as err:
        floating_catchment(toy_pairs(), [100, 200], [-1, 2], 20)
    assert err.value.rows == [0]
    with pytest.raises(InputError):
        step_weights({10: -1})
    with pytest.raises(InputError):
        gravity_weights(1, -2, 0)


def test_pairs_within_matches_brute_force():
    rng = np.random.default_rng(7)
    o = rng.uniform(0, 1000, (400, 2))
    d = np.vstack([rng.uniform(0, 1000, (300, 2)), o[:3], o[3] + [30, 40]])  # exact 0 and 50
    pairs = pairs_within(o, d, 50, workers=2)
    dist = np.hypot(o[:, None, 0] - d[None, :, 0], o[:, None, 1] - d[None, :, 1])
    ii, jj = np.nonzero(dist <= 50)
    assert set(zip(pairs.origin.tolist(), pairs.destination.tolist())) == set(
        zip(ii.tolist(), jj.tolist())
    )
    np.testing.assert_allclose(np.sort(pairs.cost), np.sort(dist[ii, jj]))
    assert (pairs.cost == 0).sum() == 3


def test_straight_line_minutes():
    # 10 km at 60 km/h with detour 1.3: 13 minutes.
    assert straight_line_minutes([10_000], 60, 1.3)[0] == pytest.approx(13.0)


# -- equality with PySAL access --------------------------------------------------------------------

access = pytest.importorskip("access")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def scenario():
    rng = np.random.default_rng(11)
    o = rng.uniform(0, 100, (500, 2))
    d = rng.uniform(0, 100, (120, 2))
    pairs = pairs_within(o, d, 60)  # up to the 3SFCA weights' support
    demand = rng.integers(1, 5000, 500).astype(float)
    supply = rng.integers(1, 10, 120).astype(float)
    demand_df = pd.DataFrame({"geoid": np.arange(500), "pop": demand})
    supply_df = pd.DataFrame({"geoid": np.arange(120), "docs": supply})
    cost_df = pd.DataFrame({"origin": pairs.origin, "dest": pairs.destination, "cost": pairs.cost})
    acc = access.Access(
        demand_df=demand_df,
        demand_index="geoid",
        demand_value="pop",
        supply_df=supply_df,
        supply_index="geoid",
        supply_value="docs",
        cost_df=cost_df,
        cost_origin="origin",
        cost_dest="dest",
        cost_name="cost",
    )
    return pairs, demand, supply, acc


def _theirs(frame):
    return frame.iloc[:, 0].reindex(np.arange(500)).fillna(0).to_numpy()


def test_2sfca_equals_pysal(scenario):
    pairs, demand, supply, acc = scenario
    theirs = _theirs(acc.two_stage_fca(name="2sfca", max_cost=20))
    ours = floating_catchment(pairs, demand, supply, 20).access
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)


def test_e2sfca_equals_pysal(scenario):
    pairs, demand, supply, acc = scenario
    theirs = _theirs(acc.enhanced_two_stage_fca(name="e2sfca", max_cost=30))
    ours = floating_catchment(pairs, demand, supply, 30, step_weights(E2SFCA_STEPS)).access
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)
    normed = _theirs(acc.enhanced_two_stage_fca(name="e2n", max_cost=30, normalize=True))
    res = floating_catchment(pairs, demand, supply, 30, step_weights(E2SFCA_STEPS))
    np.testing.assert_allclose(res.normalized(demand), normed, rtol=1e-9)


def test_3sfca_equals_pysal(scenario):
    pairs, demand, supply, acc = scenario
    theirs = _theirs(acc.three_stage_fca(name="3sfca", max_cost=30))
    ours = floating_catchment(
        pairs, demand, supply, 30, step_weights(THREE_SFCA_STEPS), three_stage=True
    ).access
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)


@pytest.mark.parametrize(
    ("weight", "theirs_fn"),
    [
        (gaussian_weights(12), lambda w: w.gaussian(12)),
        (gravity_weights(10, -1.5, 1.0), lambda w: w.gravity(10, -1.5, 1.0)),
    ],
)
def test_decays_equal_pysal(scenario, weight, theirs_fn):
    from access import weights

    pairs, demand, supply, acc = scenario
    theirs = _theirs(acc.two_stage_fca(name="g", max_cost=40, weight_fn=theirs_fn(weights)))
    ours = floating_catchment(pairs, demand, supply, 40, weight).access
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)


def test_nearest_and_count_within_by_brute_force():
    from reterr_qgis.engine.costs import count_within, nearest_within

    rng = np.random.default_rng(5)
    o, d = rng.uniform(0, 100, (200, 2)), rng.uniform(0, 100, (50, 2))
    dist = np.hypot(o[:, None, 0] - d[None, :, 0], o[:, None, 1] - d[None, :, 1])
    near_d, near_i = nearest_within(o, d, max_distance=8)
    expected = dist.min(axis=1)
    reach = expected <= 8
    np.testing.assert_allclose(near_d[reach], expected[reach])
    np.testing.assert_array_equal(near_i[reach], dist.argmin(axis=1)[reach])
    assert np.all(near_i[~reach] == -1) and np.all(np.isinf(near_d[~reach]))
    np.testing.assert_array_equal(count_within(o, d, 15), (dist <= 15).sum(axis=1))


def test_no_pair_at_all_gives_float_zeros():
    empty = CostPairs(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), 2, 1)
    res = floating_catchment(empty, [10, 20], [1], 30, step_weights(E2SFCA_STEPS))
    assert res.access.dtype == np.float64 and res.demand_reached.dtype == np.float64
    np.testing.assert_array_equal(res.access, [0.0, 0.0])
    assert np.isnan(res.normalized([10, 20])).all()
