"""Floating catchment engine: hand-worked cases, invariants, and equality with PySAL ``access``."""

import numpy as np
import pytest

from reterr_qgis.engine import InputError
from reterr_qgis.engine.routing.costs import CostPairs, pairs_within, straight_line_minutes
from reterr_qgis.engine.services.fca import (
    APL_STEPS,
    APL_UNDERSERVED,
    DEFAULT_CATCHMENT,
    E2SFCA_STEPS,
    FCA_METHODS,
    THREE_SFCA_STEPS,
    apl,
    floating_catchment,
    gaussian_weights,
    gravity_weights,
    resolve_method,
    standardized_demand,
    step_weights,
    weights_for,
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


# --- Method table and dispatch (what reterr:floating_catchment asks the engine) -----------------

COSTS = np.array([0.0, 5.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0, 45.0, 60.0, 70.0])


def test_method_table_keeps_the_order_of_the_processing_enum():
    # The METHOD parameter of reterr:floating_catchment is an index into this order.
    assert tuple(FCA_METHODS) == ("2sfca", "e2sfca", "3sfca", "gaussian", "gravity", "apl")
    with pytest.raises(ValueError, match="unknown floating catchment method"):
        weights_for("4sfca")


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        # ≤10 → 1, ≤20 → 0.68, ≤30 → 0.22, beyond → 0 (pysal/access enhanced_two_stage_fca)
        ("e2sfca", [1, 1, 1, 0.68, 0.68, 0.68, 0.22, 0.22, 0, 0, 0]),
        # ≤10 → 0.962, ≤20 → 0.704, ≤30 → 0.377, ≤60 → 0.042 (pysal/access three_stage_fca)
        ("3sfca", [0.962, 0.962, 0.962, 0.704, 0.704, 0.704, 0.377, 0.377, 0.042, 0.042, 0]),
        # APL (DREES): < 10 min → 1, 10–15 → 2/3, 15–20 → 1/3, beyond → 0
        ("apl", [1, 1, 1, 2 / 3, 2 / 3, 1 / 3, 0, 0, 0, 0, 0]),
    ],
)
def test_step_methods_by_hand(method, expected):
    np.testing.assert_allclose(weights_for(method)(COSTS), expected, rtol=0, atol=1e-15)


def test_2sfca_is_flat_unless_steps_are_given():
    assert weights_for("2sfca") is None
    w = weights_for("2sfca", steps={10.0: 1.0, 20.0: 0.5})
    np.testing.assert_array_equal(w(COSTS), [1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0])
    # Given steps replace the default steps of every step method, APL's included.
    for method in ("e2sfca", "3sfca", "apl"):
        w = weights_for(method, steps={15.0: 0.5})
        np.testing.assert_array_equal(w(COSTS), [0.5] * 5 + [0] * 6)


def test_gaussian_and_gravity_by_hand():
    c = np.array([0.0, 0.5, 4.0, 5.0, 10.0, 20.0])
    # exp(-c²/2σ²), σ = 10: exp(-1/800), exp(-0.08), exp(-1/8), exp(-1/2), exp(-2).
    np.testing.assert_allclose(
        weights_for("gaussian", sigma=10.0)(c),
        [1.0, 0.9987507809, 0.9231163464, 0.8824969026, 0.6065306597, 0.1353352832],
        rtol=1e-8,
    )
    # Default gravity: (max(c, 1))^-1 → 1, 1, 1/4, 1/5, 1/10, 1/20.
    np.testing.assert_allclose(weights_for("gravity")(c), [1, 1, 0.25, 0.2, 0.1, 0.05])
    # α = -2 and c_min = 5: 1/25 up to 5 minutes, then 1/100, 1/400.
    np.testing.assert_allclose(
        weights_for("gravity", alpha=-2.0, min_cost=5.0)(c),
        [0.04, 0.04, 0.04, 0.04, 0.01, 0.0025],
    )
    # Steps do not apply to the continuous decays.
    np.testing.assert_array_equal(
        weights_for("gaussian", steps={10.0: 1.0})(c), weights_for("gaussian")(c)
    )
    with pytest.raises(InputError):
        resolve_method("gaussian", sigma=0.0)
    with pytest.raises(InputError):
        resolve_method("gravity", alpha=-1.0, min_cost=0.0)


def test_catchment_presets_and_the_3sfca_support():
    assert resolve_method("e2sfca").max_cost == DEFAULT_CATCHMENT == 30.0
    # APL imposes its 20 minutes (DREES) when no catchment is given…
    plan = resolve_method("apl")
    assert (plan.max_cost, plan.support) == (20.0, 20.0)
    # …but a catchment given explicitly wins.
    assert resolve_method("apl", catchment=30.0).max_cost == 30.0
    assert resolve_method("gaussian", catchment=45.0).support == 45.0
    # 3SFCA needs costs up to its last step (60 min) for the selection weights.
    assert resolve_method("3sfca", catchment=30.0).support == 60.0
    assert resolve_method("3sfca", catchment=90.0).support == 90.0
    assert resolve_method("3sfca", catchment=30.0, steps={10.0: 1.0, 20.0: 0.5}).support == 30.0


def test_plans_by_hand_on_the_toy():
    # d0-f0 5 min, d0-f1 15 min, d1-f1 8 min, d1-f0 25 min; P = 100, 200; S = 1, 2.
    pairs, p, s = toy_pairs(), [100.0, 200.0], [1.0, 2.0]

    res = resolve_method("2sfca", catchment=20).compute(pairs, p, s)
    np.testing.assert_allclose(res.access, [1 / 100 + 2 / 300, 2 / 300])

    # 2SFCA with steps ≤10 → 1, ≤20 → 0.5: R0 = 1/100, R1 = 2/(100·0.5 + 200) = 0.008.
    res = resolve_method("2sfca", catchment=20, steps={10.0: 1.0, 20.0: 0.5}).compute(pairs, p, s)
    np.testing.assert_allclose(res.access, [0.01 + 0.5 * 0.008, 0.008])

    # Gravity 1/c (c ≥ 1): w = 0.2, 1/15, 0.125, 0.04.
    res = resolve_method("gravity").compute(pairs, p, s)
    r0, r1 = 1 / (100 * 0.2 + 200 * 0.04), 2 / (100 / 15 + 200 * 0.125)
    np.testing.assert_allclose(res.access, [0.2 * r0 + r1 / 15, 0.04 * r0 + 0.125 * r1])

    # 3SFCA: w = 0.962, 0.704 (d0) and 0.962, 0.377 (d1); G = w / Σ_k w of the unit.
    res = resolve_method("3sfca").compute(pairs, p, s)
    g00, g01 = 0.962 / (0.962 + 0.704), 0.704 / (0.962 + 0.704)
    g11, g10 = 0.962 / (0.962 + 0.377), 0.377 / (0.962 + 0.377)
    w00, w01, w11, w10 = 0.962 * g00, 0.704 * g01, 0.962 * g11, 0.377 * g10
    r0, r1 = 1 / (100 * w00 + 200 * w10), 2 / (100 * w01 + 200 * w11)
    np.testing.assert_allclose(res.access, [w00 * r0 + w01 * r1, w10 * r0 + w11 * r1])


def test_apl_plan_by_hand_and_its_overrides():
    # As test_apl_hand_worked_example: P_std = 800/2.8, 600/2.8; one GP at 0 and 12 minutes.
    p_std = standardized_demand([[100, 100], [300, 0]], [2, 6])
    pairs = CostPairs(np.array([0, 1]), np.array([0, 0]), np.array([0.0, 12.0]), 2, 1)
    res = resolve_method("apl").compute(pairs, p_std, [1.0])
    # Supply in consultations (5,400 per GP); demand in reach 285.714 + 214.286·2/3 = 428.571.
    np.testing.assert_allclose(res.ratio, [12.6])
    np.testing.assert_allclose(res.access, [12.6, 8.4])
    np.testing.assert_array_equal(res.access, apl(pairs, p_std, [1.0]).access)
    # A 10-minute catchment given by the user leaves B out: R = 5400 / 285.714 = 18.9.
    res = resolve_method("apl", catchment=10.0).compute(pairs, p_std, [1.0])
    np.testing.assert_allclose(res.access, [18.9, 0.0])
    # Given steps replace DREES's: 12 minutes now weighs 1 (≤ 15), so R = 5400 / 500 = 10.8.
    res = resolve_method("apl", steps={15.0: 1.0}).compute(pairs, p_std, [1.0])
    np.testing.assert_allclose(res.access, [10.8, 10.8])


def _legacy_dispatch(method, pairs, p, s, catchment, steps, sigma, alpha, min_cost):
    """The dispatch reterr:floating_catchment held before it moved into the engine."""
    if method == "apl":
        return apl(pairs, p, s, steps=steps or APL_STEPS, max_cost=catchment)
    weight = None
    if method == "e2sfca":
        weight = step_weights(steps or E2SFCA_STEPS)
    elif method == "3sfca":
        weight = step_weights(steps or THREE_SFCA_STEPS)
    elif method == "gaussian":
        weight = gaussian_weights(sigma)
    elif method == "gravity":
        weight = gravity_weights(1.0, alpha, min_cost)
    elif steps:
        weight = step_weights(steps)
    return floating_catchment(pairs, p, s, catchment, weight, three_stage=method == "3sfca")


@pytest.mark.parametrize("method", list(FCA_METHODS))
@pytest.mark.parametrize("steps", [None, {12.0: 1.0, 25.0: 0.4}])
def test_plans_equal_the_former_dispatch_bit_for_bit(method, steps):
    rng = np.random.default_rng(7)
    o, d = rng.uniform(0, 80, (300, 2)), rng.uniform(0, 80, (60, 2))
    pairs = pairs_within(o, d, 60)
    p, s = rng.uniform(0, 900, 300), rng.uniform(0, 4, 60)
    plan = resolve_method(method, catchment=25.0, steps=steps, sigma=8.0, alpha=-1.5, min_cost=2)
    ours = plan.compute(pairs, p, s)
    theirs = _legacy_dispatch(method, pairs, p, s, 25.0, steps, 8.0, -1.5, 2.0)
    np.testing.assert_array_equal(ours.access, theirs.access)
    np.testing.assert_array_equal(ours.ratio, theirs.ratio)


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


@pytest.fixture(scope="module")
def scenario():
    # Skips only the comparisons with PySAL when it is absent, not the hand-worked cases above.
    access = pytest.importorskip("access")
    pd = pytest.importorskip("pandas")
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
    from reterr_qgis.engine.routing.costs import count_within, nearest_within

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
