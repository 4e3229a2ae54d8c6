"""Food adequacy (``reterr_qgis.engine.supply.adequacy``): hand-computed cases and invariants.

METHODS.md §2.1: raw ``Σ P / Σ B``; capped, non-compensating ``Σ min(P, B) / Σ B`` (never above
100 % nor above the raw one; a surplus never offsets a deficit); balances per group; people fed.
"""

from __future__ import annotations

import numpy as np
import pytest

from reterr_qgis.engine import InputError
from reterr_qgis.engine.supply import groups
from reterr_qgis.engine.supply.adequacy import compare_scenarios, food_adequacy
from reterr_qgis.engine.supply.needs import NeedsParameters, food_needs, food_needs_scenarios

#                     cereales  oleoprot  fourrages  fruits_leg  autres
FARM = np.array(
    [
        [120.0, 0.0, 50.0, 10.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [10.0, 10.0, 10.0, 10.0, 10.0],
    ]
)
NEED = np.array(
    [
        [100.0, 20.0, 200.0, 10.0, 0.0],
        [5.0, 5.0, 5.0, 5.0, 5.0],
        [0.0, 0.0, 0.0, 0.0, 0.0],
    ]
)
POP = np.array([1000.0, 50.0, 0.0])


def test_hand_case():
    res = food_adequacy(FARM, NEED, POP, names=["Rodez", "Causse", "Lac"], scenario="s")
    # T_raw = 180 / 330; T_cap = (100 + 0 + 50 + 10 + 0) / 330 = 160 / 330
    assert res.raw[0] == pytest.approx(180 / 330)
    assert res.capped[0] == pytest.approx(160 / 330)
    assert res.raw[1] == 0.0 and res.capped[1] == 0.0
    assert np.isnan(res.raw[2]) and np.isnan(res.capped[2])
    np.testing.assert_allclose(res.balance_ha[0], [20, -20, -150, 0, 0])
    np.testing.assert_allclose(res.balance_pct[0, :4], [20, -100, -75, 0])
    assert np.isnan(res.balance_pct[0, 4])  # nothing needed in "autres"
    np.testing.assert_allclose(res.surplus_ha[0], [20, 0, 0, 0, 0])
    np.testing.assert_allclose(res.deficit_ha[0], [0, 20, 150, 0, 0])
    np.testing.assert_allclose(res.raw_by_group[0, :4], [1.2, 0.0, 0.25, 1.0])
    np.testing.assert_allclose(res.capped_by_group[0, :4], [1.0, 0.0, 0.25, 1.0])
    # per inhabitant: 0.1 cereals, 0.02 oilseeds, 0.2 fodder, 0.01 fruit: oilseeds limit (0 ha)
    assert res.people_fed[0] == 0.0
    # compensating: 180 ha / 0.33 ha per inhabitant
    assert res.people_fed_compensating[0] == pytest.approx(180 / 0.33)
    # the territory without population: NaN and a warning naming it
    assert res.no_need.tolist() == [2]
    assert len(res.warnings) == 1 and res.warnings[0].params["rows"] == "Lac"
    assert np.isnan(res.people_fed[2])
    # pooled: farm 180 + 0 + 50 = 230 ha, needs 330 + 25 = 355 ha
    assert res.totals["raw"] == pytest.approx(230 / 355)
    # per group pooled: farm 130, 10, 60, 20, 10; needs 105, 25, 205, 15, 5
    capped_pool = (105 + 10 + 60 + 15 + 5) / 355
    assert res.totals["capped"] == pytest.approx(capped_pool)
    assert res.totals["population"] == 1050.0


def test_people_fed_limited_by_the_scarcest_group():
    farm = np.array([[50.0, 10.0, 400.0, 6.0, 1.0]])
    need = np.array([[100.0, 20.0, 200.0, 10.0, 2.0]])  # for 1000 inhabitants
    res = food_adequacy(farm, need, [1000.0])
    # ratios 0.5, 0.5, 2, 0.6, 0.5 -> 500 people fed in every group
    assert res.people_fed[0] == pytest.approx(500.0)
    assert res.people_fed_compensating[0] == pytest.approx(467 / 0.332)
    assert res.capped[0] == pytest.approx((50 + 10 + 200 + 6 + 1) / 332)


def test_needs_result_gives_people_fed_without_population():
    needs = food_needs([1000.0, 0.0])
    farm = np.tile(needs.per_inhabitant[0] * 300.0, (2, 1))
    res = food_adequacy(farm, needs)
    np.testing.assert_allclose(res.people_fed, [300.0, 300.0])
    assert res.raw[0] == pytest.approx(0.3)
    assert np.isnan(res.raw[1]) and res.no_need.tolist() == [1]
    assert res.scenario == "actuel"


@pytest.mark.parametrize("seed", range(5))
def test_invariants_on_random_cases(seed):
    rng = np.random.default_rng(seed)
    n = 200
    farm = rng.gamma(0.8, 100.0, (n, 5)) * (rng.random((n, 5)) > 0.2)
    need = rng.gamma(1.5, 80.0, (n, 5)) * (rng.random((n, 5)) > 0.1)
    pop = rng.uniform(0, 5000, n)
    pop[:3] = 0.0
    need[:3] = 0.0
    res = food_adequacy(farm, need, pop)
    ok = ~np.isnan(res.capped)
    assert ok.sum() == n - 3
    assert np.all(res.capped[ok] <= 1.0 + 1e-12)
    assert np.all(res.capped[ok] <= res.raw[ok] + 1e-12)
    assert np.all(res.capped_by_group[~np.isnan(res.capped_by_group)] <= 1.0)
    np.testing.assert_allclose(res.surplus_ha - res.deficit_ha, farm - need)
    # a surplus never offsets a deficit: growing surpluses leaves T_cap unchanged…
    more = farm + res.surplus_ha * 10
    assert np.allclose(food_adequacy(more, need, pop).capped[ok], res.capped[ok])
    # …while covering a deficit raises it where there is one
    fixed = food_adequacy(farm + res.deficit_ha, need, pop).capped
    short = ok & (res.deficit_ha.sum(axis=1) > 0)
    assert np.all(fixed[short] > res.capped[short])
    np.testing.assert_allclose(fixed[ok], 1.0)


def test_scenarios_in_one_call():
    pop = [2000.0, 500.0]
    needs = food_needs_scenarios(
        pop, {d: NeedsParameters(diet=d) for d in ("actuel", "moins_25_animal", "moins_50_animal")}
    )
    farm = np.array([[100.0, 20.0, 200.0, 5.0, 2.0], [300.0, 50.0, 10.0, 1.0, 0.0]])
    out = compare_scenarios(farm, needs, names=["A", "B"])
    assert list(out) == ["actuel", "moins_25_animal", "moins_50_animal"]
    raws = np.array([out[k].raw for k in out])
    assert np.all(np.diff(raws, axis=0) > 0)  # less animal products: more adequate
    cols = out["actuel"].columns(prefix="actuel_")
    assert cols["actuel_adequation_brute"][0] == pytest.approx(100 * out["actuel"].raw[0])
    assert f"actuel_{groups.GROUP_IDS[2]}_solde_ha" in cols
    with pytest.raises(InputError):
        compare_scenarios(farm, {})


def test_bad_input():
    with pytest.raises(InputError):
        food_adequacy(FARM[:, :4], NEED, POP)
    with pytest.raises(InputError):
        food_adequacy(FARM, NEED)  # population missing
    neg = FARM.copy()
    neg[1, 0] = -1.0
    with pytest.raises(InputError) as exc:
        food_adequacy(neg, NEED, POP)
    assert exc.value.rows == [1]
    bad = FARM.copy()
    bad[2, 1] = np.nan
    with pytest.raises(InputError) as exc:
        food_adequacy(bad, NEED, POP)
    assert exc.value.rows == [2]
    with pytest.raises(InputError) as exc:
        food_adequacy(FARM, NEED, [1.0, -2.0, 3.0])
    assert exc.value.rows == [1]
    with pytest.raises(InputError):
        food_adequacy(FARM, NEED, [1.0, 2.0])
