"""Territorial profile engine, checked against hand-computed values."""

import numpy as np
import pytest
from scipy import sparse

from reterr_qgis.engine import InputError
from reterr_qgis.engine.profile.territory import (
    aggregate_counts,
    aggregate_profile,
    group_weights,
    profile_from_counts,
)

# Three communes, worked by hand:
#   A: pop 1000, 10 km², ages 200/500/300, 500 dwellings of which 50 vacant
#   B: pop 3000, 20 km², ages 900/1600/500, 1400 dwellings of which 70 vacant
#   C: pop  100, 50 km², ages  10/  50/ 40,   80 dwellings of which 20 vacant
COUNTS = {
    "population": [1000, 3000, 100],
    "area_km2": [10.0, 20.0, 50.0],
    "pop_0_19": [200, 900, 10],
    "pop_20_64": [500, 1600, 50],
    "pop_65p": [300, 500, 40],
    "dwellings": [500, 1400, 80],
    "vacant_dwellings": [50, 70, 20],
}


def test_unit_indicators_by_hand():
    p = profile_from_counts(COUNTS)
    ind = p.indicators
    np.testing.assert_allclose(ind["density"], [100.0, 150.0, 2.0])
    np.testing.assert_allclose(ind["share_0_19"], [20.0, 30.0, 10.0])
    np.testing.assert_allclose(ind["share_20_64"], [50.0, 1600 / 30, 50.0])
    np.testing.assert_allclose(ind["share_65p"], [30.0, 500 / 30, 40.0])
    np.testing.assert_allclose(ind["ageing_index"], [150.0, 500 / 9, 400.0])
    np.testing.assert_allclose(ind["vacancy_rate"], [10.0, 5.0, 25.0])
    assert p.warnings == []


def test_aggregation_is_weighted_not_mean_of_ratios():
    # A and C form zone 0, B alone zone 1.
    codes, w = group_weights(["z0", "z1", "z0"])
    assert list(codes) == ["z0", "z1"]
    p = aggregate_profile(COUNTS, w)
    np.testing.assert_allclose(p.counts["population"], [1100, 3000])
    # Zone 0: 1100 inhabitants on 60 km² -> 18.333; mean of densities would be 51.
    np.testing.assert_allclose(p.indicators["density"], [1100 / 60, 150.0])
    # 65+ share: 340 / 1100 = 30.909 %, not (30 + 40) / 2 = 35 %.
    np.testing.assert_allclose(p.indicators["share_65p"][0], 100 * 340 / 1100)
    np.testing.assert_allclose(p.indicators["ageing_index"][0], 100 * 340 / 210)
    np.testing.assert_allclose(p.indicators["vacancy_rate"][0], 100 * 70 / 580)
    # The weighted mean of unit shares, by age-group population, equals the zone share.
    shares = profile_from_counts(COUNTS).indicators["share_65p"][[0, 2]]
    np.testing.assert_allclose(np.average(shares, weights=[1000, 100]), 100 * 340 / 1100)


def test_fractional_weights_split_counts():
    w = sparse.csr_matrix(np.array([[1.0, 0.0], [0.25, 0.75], [0.0, 1.0]]))
    agg = aggregate_counts({"population": [1000, 3000, 100], "area_km2": [10, 20, 50]}, w)
    np.testing.assert_allclose(agg["population"], [1750, 2350])
    np.testing.assert_allclose(agg["area_km2"], [15, 65])


def test_missing_member_value_makes_zone_total_missing():
    counts = {k: np.asarray(v, dtype=float) for k, v in COUNTS.items()}
    counts["dwellings"][2] = np.nan
    counts["vacant_dwellings"][2] = np.nan
    _, w = group_weights(["z0", "z1", "z0"])
    p = aggregate_profile(counts, w)
    assert np.isnan(p.counts["dwellings"][0])
    assert np.isnan(p.indicators["vacancy_rate"][0])
    assert p.indicators["vacancy_rate"][1] == pytest.approx(5.0)
    assert any("Vacancy rate undefined for 1" in msg for msg in map(str, p.warnings))


def test_zero_population_gives_undefined_ratios_and_a_warning():
    p = profile_from_counts(
        {
            "population": [0, 10],
            "area_km2": [1.0, 2.0],
            "pop_0_19": [0, 0],
            "pop_20_64": [0, 6],
            "pop_65p": [0, 4],
        }
    )
    assert p.indicators["density"][0] == 0.0
    assert np.isnan(p.indicators["share_65p"][0])
    assert p.indicators["share_65p"][1] == pytest.approx(40.0)
    assert np.isnan(p.indicators["ageing_index"][1])  # nobody under 20
    assert "1 territories have zero population." in map(str, p.warnings)
    assert any("nobody under 20" in msg for msg in map(str, p.warnings))


@pytest.mark.parametrize(
    ("change", "rows", "words"),
    [
        ({"population": [1000, -1, 100]}, [1], "negative"),
        ({"population": [1000, np.nan, 100]}, [1], "missing"),
        ({"area_km2": [10.0, 0.0, 50.0]}, [1], "area"),
        ({"vacant_dwellings": [50, 70, 81]}, [2], "vacant"),
    ],
)
def test_bad_values_name_their_rows(change, rows, words):
    with pytest.raises(InputError) as err:
        profile_from_counts({**COUNTS, **change})
    assert err.value.rows == rows
    assert words in err.value.message.lower()


def test_partial_age_groups_rejected():
    counts = dict(COUNTS)
    del counts["pop_65p"]
    with pytest.raises(InputError, match="all three age groups"):
        profile_from_counts(counts)


def test_missing_group_code_rejected():
    with pytest.raises(InputError) as err:
        group_weights(["a", "", None, "b"])
    assert err.value.rows == [1, 2]
