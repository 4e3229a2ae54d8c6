"""Land needed to feed a population (``reterr_qgis.engine.supply.needs``) and the shipped tables.

Anchors: PARCEL (BASIC 2019) — France, current diet, non-organic, fully relocalised: 20.9 Mha,
≈ 0.31–0.33 ha per inhabitant; −50 % animal products ≈ 0.20 ha (issue 9). The lever algebra is
checked on figures computed by hand in the comments.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from reterr_qgis.engine import InputError
from reterr_qgis.engine.supply import groups
from reterr_qgis.engine.supply.needs import (
    DEFAULT_ORGANIC_YIELD_RATIO,
    AgeWeighting,
    NeedsParameters,
    food_needs,
    food_needs_scenarios,
)

TABLES = Path(__file__).resolve().parents[3] / "resources" / "supply"
FRANCE = 68.4e6


def rows(name: str) -> list[dict[str, str]]:
    with open(TABLES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


# ---- published anchors -------------------------------------------------------------------------


def test_france_current_diet_matches_parcel():
    res = food_needs([FRANCE])
    per_inh = res.total_ha[0] / FRANCE
    assert 0.31 <= per_inh <= 0.33
    # 20.9 Mha for ~65 M inhabitants of metropolitan France (PARCEL) is 0.32 ha.
    assert res.total_ha[0] / 1e6 == pytest.approx(0.321 * 68.4, rel=1e-12)


def test_france_minus_50_animal_products():
    res = food_needs([FRANCE], NeedsParameters(diet="moins_50_animal"))
    assert res.total_ha[0] / FRANCE == pytest.approx(0.20, abs=0.02)


def test_diets_are_ordered_and_fodder_dominates():
    table = groups.load_needs_table()
    totals = [
        table.per_inhabitant(d).sum() for d in ("actuel", "moins_25_animal", "moins_50_animal")
    ]
    assert totals[0] > totals[1] > totals[2]
    current = table.per_inhabitant("actuel")
    # Fodder is the largest group; livestock-related land ≈ 83 % (Tourtoirac example 87 %).
    assert current.argmax() == groups.GROUP_IDS.index("fourrages")
    # fodder + feed parts of cereals (0.055) and oilseeds (0.020), per SUPPLY §B1
    assert (0.190 + 0.055 + 0.020) / current.sum() == pytest.approx(0.8255, abs=1e-3)


# ---- lever algebra -----------------------------------------------------------------------------


def test_levers_by_hand():
    # factor = r (1 - w) ((1 - b) + b / rho) = 0.8 * 0.9 * (0.5 + 0.5 / 0.75) = 0.84
    params = NeedsParameters(
        diet="actuel",
        organic_share=0.5,
        organic_yield_ratio=0.75,
        waste_reduction=0.1,
        relocalised_share=0.8,
    )
    res = food_needs([1000.0, 0.0, 2500.0], params)
    np.testing.assert_allclose(res.land_factor, [0.84] * 5, rtol=1e-12)
    # cereals 0.085 ha * 0.84 * 1000 inhabitants = 71.4 ha; fodder 0.190 * 0.84 * 2500 = 399 ha
    assert res.hectares[0, 0] == pytest.approx(71.4, rel=1e-12)
    assert res.hectares[2, 2] == pytest.approx(399.0, rel=1e-12)
    assert res.hectares[1].sum() == 0.0
    # per inhabitant is defined even without inhabitants
    np.testing.assert_allclose(res.per_inhabitant[1], res.per_inhabitant[0])
    assert res.total_ha[0] == pytest.approx(0.321 * 0.84 * 1000, rel=1e-12)


def test_organic_yield_ratio_per_group():
    params = NeedsParameters(organic_share=1.0, organic_yield_ratio={"fourrages": 0.5})
    res = food_needs([1.0], params)
    expected = np.full(5, 1 / DEFAULT_ORGANIC_YIELD_RATIO)
    expected[groups.GROUP_IDS.index("fourrages")] = 2.0
    np.testing.assert_allclose(res.land_factor, expected, rtol=1e-12)


def test_no_lever_keeps_the_table():
    res = food_needs([10.0])
    table = groups.load_needs_table()
    np.testing.assert_allclose(res.hectares[0], 10 * table.per_inhabitant("actuel"), rtol=1e-15)
    np.testing.assert_allclose(res.land_factor, 1.0)


def test_relocalised_share_zero_needs_nothing():
    res = food_needs([500.0], NeedsParameters(relocalised_share=0.0))
    assert res.total_ha[0] == 0.0


# ---- age weighting -----------------------------------------------------------------------------


def test_age_weighting_by_hand():
    w = AgeWeighting(index=(0.8, 1.0, 0.9), reference_shares=(0.2, 0.6, 0.2))
    # ref . k = 0.16 + 0.6 + 0.18 = 0.94
    np.testing.assert_allclose(w.normalised_index(), np.array([0.8, 1.0, 0.9]) / 0.94)
    pop = np.array([1000.0, 100.0, 50.0, 10.0])
    counts = np.array(
        [
            [200.0, 600.0, 200.0],  # the reference structure: factor 1
            [0.0, 0.0, 100.0],  # only 65+: 0.9 / 0.94
            [0.0, 0.0, 0.0],  # no age data: factor 1 and a warning
            [5.0, 5.0, 0.0],  # from another year: only the structure counts
        ]
    )
    res = food_needs(pop, age_counts=counts, age_weighting=w, names=["A", "B", "C", "D"])
    np.testing.assert_allclose(
        res.age_factor, [1.0, 0.9 / 0.94, 1.0, (0.5 * 0.8 + 0.5 * 1.0) / 0.94], rtol=1e-12
    )
    table = groups.load_needs_table()
    np.testing.assert_allclose(
        res.hectares[1], 100 * 0.9 / 0.94 * table.per_inhabitant("actuel"), rtol=1e-12
    )
    assert len(res.warnings) == 1
    assert res.warnings[0].params["rows"] == "C"


def test_default_age_weighting_keeps_a_reference_population_unchanged():
    res = food_needs([1e6], age_counts=[[0.21e6, 0.57e6, 0.22e6]])
    assert res.age_factor[0] == pytest.approx(1.0, rel=1e-12)
    young = food_needs([1e6], age_counts=[[1e6, 0, 0]])
    assert young.age_factor[0] < 1.0


def test_age_counts_errors():
    with pytest.raises(InputError):
        food_needs([1.0, 2.0], age_counts=[[1, 2, 3]])
    with pytest.raises(InputError) as exc:
        food_needs([1.0, 2.0], age_counts=[[1, 2, 3], [1, -2, 3]])
    assert exc.value.rows == [1]
    with pytest.raises(InputError):
        food_needs([1.0], age_weighting=AgeWeighting())


# ---- bad input ---------------------------------------------------------------------------------


def test_bad_population_names_rows():
    with pytest.raises(InputError) as exc:
        food_needs([10.0, -1.0, np.nan, 3.0])
    assert exc.value.rows == [1, 2]


@pytest.mark.parametrize(
    "params",
    [
        NeedsParameters(diet="vegan"),
        NeedsParameters(organic_share=1.5),
        NeedsParameters(waste_reduction=1.0),
        NeedsParameters(relocalised_share=-0.1),
        NeedsParameters(organic_yield_ratio=0.0),
        NeedsParameters(organic_yield_ratio={"vignes": 0.5}),
    ],
)
def test_bad_levers(params):
    with pytest.raises(InputError):
        food_needs([1.0], params)


def test_scenarios_in_one_call():
    out = food_needs_scenarios(
        [100.0, 200.0],
        {
            "today": NeedsParameters(),
            "demitarian_bio": NeedsParameters(diet="moins_50_animal", organic_share=1.0),
        },
    )
    assert list(out) == ["today", "demitarian_bio"]
    assert out["today"].scenario == "today"
    ratio = out["demitarian_bio"].total_ha / out["today"].total_ha
    np.testing.assert_allclose(ratio, 0.197 / 0.321 / 0.75, rtol=1e-9)
    with pytest.raises(InputError):
        food_needs_scenarios([1.0], {})


# ---- the shipped tables ------------------------------------------------------------------------


def test_needs_table_rows_have_sources_and_flags():
    table = rows("needs_per_inhabitant.csv")
    assert {r["scenario"] for r in table} == set(groups.DIETS)
    for r in table:
        assert r["source"].strip(), r
        assert r["status"] in groups.STATUSES
    # the per-group split is derived, not published: it must be flagged
    loaded = groups.load_needs_table()
    assert len(loaded.unconfirmed()) == 15


def test_needs_table_errors(tmp_path):
    p = tmp_path / "needs.csv"
    p.write_text("group;scenario;ha_per_inhabitant\ncereales;x;0.1\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks"):
        groups.load_needs_table(p)
    p.write_text("group;scenario;ha_per_inhabitant\nvignes;x;0.1\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown group"):
        groups.load_needs_table(p)
    p.write_text("group;scenario;value\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        groups.load_needs_table(p)


def test_edited_table_is_used(tmp_path):
    p = tmp_path / "needs.csv"
    lines = ["group;scenario;ha_per_inhabitant;status;source"]
    lines += [f"{g};local;0,1;confirme;test" for g in groups.GROUP_IDS]  # decimal comma
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = groups.load_needs_table(p)
    res = food_needs([10.0], NeedsParameters(diet="local"), table=table)
    assert res.total_ha[0] == pytest.approx(5.0)
    assert res.unconfirmed == []


def test_mapping_tables_are_complete_and_sourced():
    rpg = rows("rpg_crop_groups.csv")
    codes = {int(r["code"]) for r in rpg if r["level"] == "group"}
    assert codes == set(range(1, 29))
    for r in rpg + rows("landcover_crop_groups.csv"):
        assert r["source"].strip() and r["status"] in groups.STATUSES, r
    # CRATer's exclusions of non-productive land (METHODS §2.1)
    mapping = groups.load_rpg_mapping()
    assert all(mapping.by_group[g] == groups.EXCLUDED for g in ("11", "17", "28"))
    assert mapping.by_culture["MIE"] == "fourrages"
    oso = groups.load_landcover_mapping("oso2018")
    assert oso.classes.tolist() == list(range(1, 24))
    np.testing.assert_allclose(oso.shares.sum(axis=1), 1.0)
    assert set(groups.landcover_nomenclatures()) == {"oso2018", "oso2016", "clc"}
    with pytest.raises(InputError):
        groups.load_landcover_mapping("unknown")
