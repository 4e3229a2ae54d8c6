"""Endogenous economy (``reterr_qgis.engine.supply.endogenous``), no QGIS.

A hand-worked case for every indicator, and the Shannon index against ``scipy.stats.entropy``.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import entropy

from reterr_qgis.engine import InputError
from reterr_qgis.engine.supply import endogenous as endo

#: territory, jobs, commune, head-office commune, ESS, category, unit size class, sector
ROWS = [
    (0, 10.0, "12202", "12202", "O", "PME", "11", "10"),
    (0, 4.0, "12202", "75056", "N", "GE", "53", "47"),
    (0, 6.0, "12145", "12300", "", "", "01", "10"),
    (1, 20.0, "81004", "81004", "N", "ETI", "32", "16"),
    (1, 5.0, "81004", "", "N", "PME", "02", "16"),
    (-1, 100.0, "31555", "31555", "O", "GE", "53", "62"),  # outside every territory
]
COLS = list(zip(*ROWS))
TERRITORY, JOBS, COMMUNE, SIEGE, ESS, CATEGORY, TRANCHE, SECTOR = (list(c) for c in COLS)
#: The zoning: commune → territory (12300 and 75056 belong to no territory).
ZONING = {"12202": "A", "12145": "A", "81004": "B", "31555": "C"}


def run(n_territories: int = 3, **kw):
    args = dict(
        commune=COMMUNE,
        siege_commune=SIEGE,
        commune_area=ZONING,
        ess=ESS,
        category=CATEGORY,
        unit_tranche=TRANCHE,
        sector=SECTOR,
    )
    args.update(kw)
    return endo.endogenous_economy(TERRITORY, JOBS, n_territories, **args)


def test_totals_and_empty_territory():
    res = run()
    np.testing.assert_array_equal(res.jobs, [20, 25, 0])
    np.testing.assert_array_equal(res.establishments, [3, 2, 0])
    assert res.empty_territories.tolist() == [2]
    assert np.isnan(res.local_share[2]) and np.isnan(res.ess_share[2])
    assert np.isnan(res.size_shares[2]).all() and np.isnan(res.shannon[2])
    assert any("no jobs" in str(w) for w in res.warnings)


def test_local_share_by_territory_and_by_departement():
    res = run()
    # T0: only establishment 0 has its head office in its own territory: 10 / 20.
    # T1: establishment 3 is local, 4 has no known head office: 20 / 20, unknown 5 / 25.
    np.testing.assert_allclose(res.local_share[:2], [0.5, 1.0])
    np.testing.assert_allclose(res.siege_unknown_share[:2], [0.0, 0.2])
    # Same département instead: 12145 → 12300 is local too (both in 12): (10 + 6) / 20.
    codes = sorted(set(COMMUNE) | {s for s in SIEGE if s})
    deps = endo.departement_of(codes)
    by_dep = run(commune_area=(codes, deps))
    np.testing.assert_allclose(by_dep.local_share[:2], [0.8, 1.0])


def test_ess_and_size_structure():
    res = run()
    np.testing.assert_allclose(res.ess_share[:2], [0.5, 0.0])
    np.testing.assert_allclose(res.ess_unknown_share[:2], [0.3, 0.0])
    # micro, PME, ETI, GE, unknown
    np.testing.assert_allclose(res.size_shares[0], [0.3, 0.5, 0.0, 0.2, 0.0])
    np.testing.assert_allclose(res.size_shares[1], [0.2, 0.0, 0.8, 0.0, 0.0])


def test_size_class_rules():
    cls = endo.size_class(
        ["GE", "ETI", "PME", "PME", "", "", "ETI"], ["01", "NN", "03", "11", "00", "21", ""]
    )
    names = [endo.SIZE_CLASSES[c] for c in cls]
    assert names == ["ge", "eti", "micro", "pme", "micro", "inconnu", "eti"]
    # Without StockUniteLegale: micro from the size class, the rest unknown.
    cls = endo.size_class(None, ["01", "12", ""])
    assert [endo.SIZE_CLASSES[c] for c in cls] == ["micro", "inconnu", "inconnu"]


def test_shannon_by_hand_and_against_scipy():
    res = run()
    h0 = -(0.8 * np.log(0.8) + 0.2 * np.log(0.2))  # T0: sector 10 16 jobs, 47 4 jobs
    assert res.shannon[0] == pytest.approx(h0, rel=1e-12)
    assert res.shannon[0] == pytest.approx(entropy([16, 4]), rel=1e-12)
    assert res.shannon[1] == 0.0  # one sector
    assert res.n_sectors_reference == 3  # 10, 47, 16 (the outside establishment's 62 not)
    np.testing.assert_allclose(res.shannon_normalised[:2], [h0 / np.log(3), 0.0])
    np.testing.assert_array_equal(res.n_sectors, [2, 1, 0])
    fixed = run(n_sectors_reference=88)
    assert fixed.shannon_normalised[0] == pytest.approx(h0 / np.log(88))


def test_shannon_random_against_scipy():
    rng = np.random.default_rng(9)
    n, n_terr = 5000, 40
    territory = rng.integers(-1, n_terr, n)
    jobs = rng.choice([0.0, 1.0, 1.5, 4.0, 7.5, 14.5, 34.5, 374.5], n)
    sector = rng.choice([f"{d:02d}" for d in range(1, 30)] + [""], n)
    res = endo.endogenous_economy(territory, jobs, n_terr, sector=sector)
    seen = {s for t, s, w in zip(territory, sector, jobs) if t >= 0 and s}
    assert res.n_sectors_reference == len(seen)
    for t in range(n_terr):
        sel = (territory == t) & (sector != "")
        per = {}
        for s, w in zip(sector[sel], jobs[sel]):
            per[s] = per.get(s, 0.0) + w
        weights = np.array([w for w in per.values() if w > 0])
        if weights.sum() == 0:
            assert np.isnan(res.shannon[t])
            continue
        assert res.shannon[t] == pytest.approx(entropy(weights), rel=1e-10, abs=1e-12)
        assert res.shannon_normalised[t] == pytest.approx(
            entropy(weights) / np.log(len(seen)), rel=1e-10, abs=1e-12
        )
        assert res.n_sectors[t] == weights.size


def test_indicators_skipped_without_their_columns():
    res = endo.endogenous_economy(TERRITORY, JOBS, 2)
    assert np.isnan(res.local_share).all() and np.isnan(res.ess_share).all()
    assert np.isnan(res.size_shares).all() and np.isnan(res.shannon).all()
    np.testing.assert_array_equal(res.jobs, [20, 25])


def test_bad_input_names_rows():
    with pytest.raises(InputError) as err:
        endo.endogenous_economy([0, 1], [1.0, -2.0], 2)
    assert err.value.rows == [1]
    with pytest.raises(InputError) as err:
        endo.endogenous_economy([0, 5], [1.0, 2.0], 2)
    assert err.value.rows == [1]
    with pytest.raises(InputError, match="expected 2"):
        endo.endogenous_economy([0, 1], [1.0, 2.0], 2, sector=["10"])


def test_departement_of():
    got = endo.departement_of(["12202", "97411", "2A004", "75056", ""])
    assert got.tolist() == ["12", "974", "2A", "75", ""]
