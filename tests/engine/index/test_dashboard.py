"""The dock's engine: indicator recognition, vintages, ranks, references, radar scores."""

from __future__ import annotations

import math

import numpy as np
import pytest

from reterr_qgis.engine.core.errors import InputError
from reterr_qgis.engine.core.indicators import INDICATORS, Dimension, Polarity
from reterr_qgis.engine.index.composite import composite_index
from reterr_qgis.engine.index.dashboard import (
    Dashboard,
    profile_csv_rows,
    recognise_fields,
    user_indicator,
)


def test_recognise_fields_registry_vintages_user_and_index_outputs():
    mine = user_indicator(
        "circuits_courts",
        "Part en circuits courts",
        polarity="higher_is_better",
        dimension="self_sufficiency",
        unit="%",
    )
    cols = recognise_fields(
        [
            "nom",
            "apl_2024",
            "share_65p",
            "apl_2021",
            "dim_services",
            "t_D265",
            "circuits_courts",
            "note_2020",
            "score",
        ],
        {"circuits_courts": mine},
    )
    by_id = {c.indicator.id: c for c in cols}
    assert list(by_id) == ["apl", "share_65p", "t_D265", "circuits_courts"]
    assert by_id["apl"].fields == ("apl_2021", "apl_2024")  # oldest first whatever the order
    assert by_id["apl"].years == (2021, 2024)
    assert by_id["apl"].latest == "apl_2024"
    assert by_id["t_D265"].indicator.label_fr.endswith("D265")
    assert by_id["circuits_courts"].indicator.dimension is Dimension.SELF_SUFFICIENCY
    # a user dimension outside the defaults stays a plain name
    other = user_indicator("x", "X", polarity="higher_is_worse", dimension="Eau")
    assert other.dimension == "Eau"


def test_no_indicator_is_a_clear_error():
    with pytest.raises(InputError, match="No indicator field"):
        Dashboard({"nom": ["a", "b"], "foo": [1.0, 2.0]}, names=["a", "b"])


def _toy() -> Dashboard:
    # 5 territories; share_65p is higher-is-worse, share_0_19 higher-is-better, population neutral.
    return Dashboard(
        {
            "population": [100, 200, 300, 400, 500],
            "share_65p": [20.0, 30.0, 25.0, np.nan, 40.0],
            "share_0_19": [25.0, 15.0, 20.0, 30.0, 10.0],
            "apl_2021": [3.0, 2.0, 4.0, 1.0, 5.0],
            "apl_2024": [2.5, 2.0, 4.5, 1.5, 5.0],
        },
        names=["A", "B", "C", "D", "E"],
        groups=["g1", "g1", "g2", "g2", "g2"],
    )


def test_ranks_by_polarity_and_missing_values():
    d = _toy()
    p = d.profile(2)  # C
    rows = {r.id: r for r in p.rows}
    # share_65p (worse): values 20 30 25 - 40 → C (25) is 2nd best of 4 ranked
    assert (rows["share_65p"].rank, rows["share_65p"].ranked) == (2, 4)
    # share_0_19 (better): 25 15 20 30 10 → C (20) is 3rd
    assert rows["share_0_19"].rank == 3
    # population (neutral) ranked by decreasing value → C (300) is 3rd
    assert rows["population"].rank == 3
    # goodness = share of others beaten: share_65p (2-1)/(4-1)
    assert rows["share_65p"].goodness == pytest.approx(1 - 1 / 3)
    assert d.profile(3).rows[1].rank is None  # D has no share_65p
    assert math.isnan(d.profile(3).rows[1].goodness)


def test_ties_share_the_best_rank():
    d = Dashboard({"share_0_19": [10.0, 20.0, 20.0, 5.0]}, names=list("abcd"))
    assert [d.profile(i).rows[0].rank for i in range(4)] == [3, 1, 1, 4]


def test_reference_all_and_peers_and_status():
    d = _toy()
    # All: median share_65p of 20 30 25 40 = 27.5; C (25) is better (lower) than it.
    ref_all, _ = d.reference()
    assert ref_all[1] == pytest.approx(27.5)
    # Peers of C (g2): C, D, E → share_65p 25, -, 40 → 32.5; share_0_19 20 30 10 → 20
    p = d.profile(2)
    rows = {r.id: r for r in p.rows}
    assert rows["share_65p"].reference == pytest.approx(32.5)
    assert rows["share_65p"].status == 1
    assert rows["share_0_19"].reference == pytest.approx(20.0)
    assert rows["share_0_19"].status == 0
    assert rows["population"].status == 0  # neutral: never good or bad
    assert d.group_label(2) == "g2"
    # B (g1: A, B): share_0_19 median 20 → B (15) is worse
    assert {r.id: r for r in d.profile(1).rows}["share_0_19"].status == -1


def test_vintage_change():
    d = _toy()
    apl = {r.id: r for r in d.profile(2).rows}["apl"]
    assert (apl.value, apl.previous, apl.year, apl.previous_year) == (4.5, 4.0, 2024, 2021)
    assert apl.change == pytest.approx(0.5)
    # ranks use the latest vintage: 2.5 2.0 4.5 1.5 5.0 → C is 2nd
    assert apl.rank == 2
    pop = {r.id: r for r in d.profile(2).rows}["population"]
    assert math.isnan(pop.change) and pop.previous_year is None


def test_radar_scores_equal_the_index_per_indicator_when_few_dimensions():
    d = _toy()
    # Two dimensions (vulnerability, services) < 3: one axis per scored indicator.
    assert d.axis_ids == ["share_65p", "share_0_19", "apl"]
    ref = composite_index(
        {"share_65p": d.values[:, 1], "share_0_19": d.values[:, 2], "apl": d.values[:, 3]},
        {k: INDICATORS[k] for k in ("share_65p", "share_0_19", "apl")},
        overall=False,
    )
    np.testing.assert_allclose(d.scores[:, 0], ref.normalized["share_65p"] / 10, equal_nan=True)
    # hand check: apl 2.5 2.0 4.5 1.5 5.0, min–max → C = (4.5-1.5)/3.5*10
    assert d.profile(2).scores[2] == pytest.approx(30 / 3.5)
    # share_65p is higher-is-worse: the lowest value (A, 20) scores 10, the highest (E) 0
    assert d.scores[0, 0] == pytest.approx(10) and d.scores[4, 0] == pytest.approx(0)


def test_radar_uses_dimension_scores_with_three_dimensions_or_index_fields():
    cols = {
        "share_65p": [20.0, 30.0, 25.0],
        "apl": [1.0, 2.0, 3.0],
        "econ": [5.0, 1.0, 3.0],
    }
    mine = {
        "econ": user_indicator(
            "econ", "Emplois locaux", polarity="higher_is_better", dimension=Dimension.ECONOMY
        )
    }
    d = Dashboard(cols, names=["a", "b", "c"], user=mine)
    assert d.axis_ids == ["vulnerability", "services", "economy"]
    assert d.axes[0] == "Vulnérabilité de la population"
    np.testing.assert_allclose(d.profile(0).scores, [10.0, 0.0, 10.0])
    # Layers written by reterr:resilience_index: dim_* fields are drawn as they are (/10).
    idx = Dashboard(
        {
            "dim_services": [80.0, 20.0],
            "dim_economy": [50.0, 60.0],
            "dim_vulnerability": [0, 100],
            "apl": [1.0, 2.0],
        },
        names=["a", "b"],
    )
    assert idx.axis_ids == ["dim_services", "dim_economy", "dim_vulnerability"]
    np.testing.assert_allclose(idx.profile(1).scores, [2.0, 6.0, 10.0])
    np.testing.assert_allclose(idx.profile(1).reference_scores, [5.0, 5.5, 5.0])


def test_constant_indicator_is_left_out_of_the_radar_with_a_note():
    d = Dashboard(
        {"share_65p": [1.0, 1.0, 1.0], "apl": [1.0, 2.0, 3.0], "share_0_19": [3.0, 2.0, 1.0]},
        names=list("abc"),
    )
    assert d.axis_ids == ["apl", "share_0_19"]
    assert any("same value everywhere" in str(m) for m in d.notes)
    # it stays in the table, neither good nor bad
    assert [r.id for r in d.profile(0).rows] == ["share_65p", "apl", "share_0_19"]
    assert math.isnan(d.profile(0).rows[0].goodness) and d.profile(0).rows[0].rank == 1


def test_monotonic_in_a_positive_indicator():
    rng = np.random.default_rng(3)
    base = rng.uniform(0, 10, 50)
    other = rng.uniform(0, 10, 50)
    d1 = Dashboard({"apl": base, "share_0_19": other}, names=[str(i) for i in range(50)])
    bumped = base.copy()
    bumped[7] += 1.0
    d2 = Dashboard({"apl": bumped, "share_0_19": other}, names=[str(i) for i in range(50)])
    r1, r2 = d1.profile(7).rows[0], d2.profile(7).rows[0]
    assert r2.rank <= r1.rank and r2.goodness >= r1.goodness
    assert d2.profile(7).scores[0] >= d1.profile(7).scores[0]


def test_profile_index_error_and_csv_rows():
    d = _toy()
    with pytest.raises(IndexError):
        d.profile(5)
    rows = profile_csv_rows([d.profile(0), d.profile(2)])
    assert rows[0][:5] == ["indicator", "label", "unit", "dimension", "polarity"]
    assert "A value" in rows[0] and "C rank" in rows[0]
    apl = next(r for r in rows if r[0] == "apl_2024")
    header = rows[0]
    assert apl[header.index("A value")] == "2.5"
    assert apl[header.index("C change")] == "0.5"
    assert apl[header.index("reference")] == "2.25"  # peers of A (g1: A, B): 2.5 and 2.0
    assert rows[2][4] == Polarity.HIGHER_IS_WORSE.value
