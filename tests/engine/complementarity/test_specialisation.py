"""Specialisation and diversity (``reterr_qgis.engine.complementarity.specialisation``), no QGIS.

A 3 × 3 case worked by hand (fractions below), the same indices against ``econcomplex`` (an
independent implementation, test-only) to 1e-12, related and unrelated variety against a
per-territory loop written here, ``H = UV + RV`` to 1e-12, and the bad inputs.
"""

from __future__ import annotations

from math import log

import econcomplex as ec
import numpy as np
import pytest
from scipy import sparse

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.complementarity import naf
from reterr_qgis.engine.complementarity import specialisation as spec

#: Territories × sectors. Column totals (4, 8, 4), E = 16 → R = (1/4, 1/2, 1/4).
HAND = np.array([[2.0, 1.0, 1.0], [0.0, 4.0, 0.0], [2.0, 3.0, 3.0]])
#: Sectors 0 and 1 in group "X", sector 2 in group "Y".
HAND_GROUPS = ["X", "X", "Y"]


def h(*p: float) -> float:
    return -sum(x * log(x) for x in p if x > 0)


def test_hand_worked_3x3():
    r = spec.specialisation_indices(sparse.csr_matrix(HAND), groups=HAND_GROUPS)
    np.testing.assert_allclose(r.reference_shares, [0.25, 0.5, 0.25], rtol=0, atol=1e-15)
    # T0 shares (1/2, 1/4, 1/4); T1 (0, 1, 0); T2 (1/4, 3/8, 3/8).
    np.testing.assert_allclose(r.lq.toarray(), [[2, 0.5, 1], [0, 2, 0], [1, 0.75, 1.5]], rtol=1e-15)
    assert r.lq.nnz == 7  # no entry where e_ij = 0
    np.testing.assert_allclose(r.krugman, [0.5, 1.0, 0.25], rtol=1e-15)
    np.testing.assert_allclose(r.hoover, [0.25, 0.5, 0.125], rtol=1e-15)
    np.testing.assert_allclose(r.hhi, [3 / 8, 1.0, 11 / 32], rtol=1e-15)
    np.testing.assert_allclose(
        r.hhi_normalised, [1 / 16, 1.0, (11 / 32 - 1 / 3) / (2 / 3)], rtol=1e-14
    )
    np.testing.assert_allclose(
        r.shannon, [1.5 * log(2), 0.0, h(1 / 4, 3 / 8, 3 / 8)], rtol=1e-15, atol=1e-16
    )
    np.testing.assert_allclose(r.shannon_normalised, r.shannon / log(3), rtol=1e-15)
    np.testing.assert_allclose(r.hachman, [8 / 11, 1 / 2, 32 / 35], rtol=1e-15)
    # Groups: T0 P = (3/4, 1/4), within X (2/3, 1/3); T1 P = (1, 0); T2 P = (5/8, 3/8), X (2/5, 3/5).
    np.testing.assert_allclose(
        r.unrelated_variety, [h(3 / 4, 1 / 4), 0.0, h(5 / 8, 3 / 8)], rtol=1e-15
    )
    np.testing.assert_allclose(
        r.related_variety,
        [3 / 4 * h(2 / 3, 1 / 3), 0.0, 5 / 8 * h(2 / 5, 3 / 5)],
        rtol=1e-14,
        atol=1e-16,
    )
    np.testing.assert_allclose(
        r.unrelated_variety + r.related_variety, r.shannon, rtol=0, atol=1e-15
    )
    assert r.n_groups == 2 and r.n_sectors_present.tolist() == [3, 1, 3]
    assert r.reference_is_study_area and not r.warnings


def test_external_reference():
    # National shares (1/4, 1/4, 1/2): T1 (0, 1, 0) → LQ 4, K = 1/4 + 3/4 + 1/2.
    r = spec.specialisation_indices(HAND, reference=[10, 10, 20])
    assert not r.reference_is_study_area
    np.testing.assert_allclose(r.lq.toarray()[1], [0, 4, 0])
    np.testing.assert_allclose(r.krugman[1], 1.5)
    np.testing.assert_allclose(r.hachman[1], 1 / 4)
    # A sector absent from the reference: LQ and Hachman undefined, Krugman still |s − 0|.
    r = spec.specialisation_indices(HAND, reference=[0, 1, 1], sectors=["a", "b", "c"])
    assert np.isnan(r.lq.toarray()[0, 0]) and np.isnan(r.hachman[[0, 2]]).all()
    np.testing.assert_allclose(r.hachman[1], 1 / 2)
    np.testing.assert_allclose(r.krugman, [0.5 + 0.25 + 0.25, 1.0, 0.25 + 0.125 + 0.125])
    assert r.absent_from_reference.tolist() == [0]
    assert any("absent from the reference (a)" in str(w) for w in r.warnings)


def test_empty_territory_is_nan_and_named():
    m = np.vstack([HAND, np.zeros(3)])
    r = spec.specialisation_indices(m, groups=HAND_GROUPS, names=["A", "B", "C", "Causse"])
    for arr in (
        r.krugman,
        r.hoover,
        r.hhi,
        r.hhi_normalised,
        r.shannon,
        r.shannon_normalised,
        r.hachman,
        r.unrelated_variety,
        r.related_variety,
    ):
        assert np.isnan(arr[3]) and np.isfinite(arr[:3]).all()
    assert r.empty_territories.tolist() == [3]
    assert "Causse" in str(r.warnings[0]) and r.warnings[0].params["row_ids"] == [3]
    # The other territories are unchanged by the empty row.
    ref = spec.specialisation_indices(HAND, groups=HAND_GROUPS)
    np.testing.assert_array_equal(r.krugman[:3], ref.krugman)


def random_counts(n: int, k: int, density: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = (rng.random((n, k)) < density) * np.round(rng.lognormal(1.5, 1.2, (n, k)), 1)
    x[rng.integers(0, n)] = 0.0  # one empty territory
    x[:, rng.integers(0, k)] = 0.0  # one sector nobody has
    return x


def test_against_econcomplex():
    x = random_counts(300, 80, 0.15, 7)
    r = spec.specialisation_indices(sparse.coo_matrix(x))
    ok = x.sum(axis=1) > 0
    y = x[ok]
    tol = dict(rtol=0, atol=1e-12)
    np.testing.assert_allclose(r.krugman[ok], ec.krugman_index(y), **tol)
    np.testing.assert_allclose(r.hoover[ok], ec.specialization_coefficient(y), **tol)
    np.testing.assert_allclose(r.hhi[ok], ec.herfindahl(y, normalize=False), **tol)
    np.testing.assert_allclose(r.hhi_normalised[ok], ec.herfindahl(y, normalize=True), **tol)
    # econcomplex writes entropy in bits by default; ours is in nats.
    np.testing.assert_allclose(r.shannon[ok], ec.shannon_entropy(y, base=np.e), **tol)
    np.testing.assert_allclose(r.shannon[ok], ec.shannon_entropy(y) * log(2), **tol)
    np.testing.assert_allclose(r.hachman[ok], ec.hachman_index(y), **tol)
    lq_ec = ec.location_quotient(y)
    np.testing.assert_allclose(r.lq.toarray()[ok], lq_ec, rtol=1e-12, atol=1e-12)


def variety_by_loop(x: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Frenken et al. written per territory and group, from the definitions."""
    uv, rv = [], []
    for row in x:
        t = row.sum()
        if t == 0:
            uv.append(np.nan), rv.append(np.nan)
            continue
        u = r = 0.0
        for g in np.unique(groups):
            sg = row[groups == g] / t
            pg = sg.sum()
            if pg == 0:
                continue
            u -= pg * np.log(pg)
            within = sg[sg > 0] / pg
            r += pg * -(within * np.log(within)).sum()
        uv.append(u), rv.append(r)
    return np.array(uv), np.array(rv)


def test_related_unrelated_variety_decompose_entropy():
    x = random_counts(120, 60, 0.3, 11)
    groups = np.random.default_rng(2).integers(0, 9, 60)
    r = spec.specialisation_indices(sparse.csr_matrix(x), groups=groups)
    uv, rv = variety_by_loop(x, groups)
    np.testing.assert_allclose(r.unrelated_variety, uv, rtol=0, atol=1e-12)
    np.testing.assert_allclose(r.related_variety, rv, rtol=0, atol=1e-12)
    ok = np.isfinite(r.shannon)
    gap = np.abs(r.shannon - r.unrelated_variety - r.related_variety)[ok]
    assert gap.max() <= 1e-12
    # One group per sector: all variety is unrelated; one group for all: all related.
    r1 = spec.specialisation_indices(x, groups=np.arange(60))
    np.testing.assert_allclose(r1.unrelated_variety[ok], r.shannon[ok], atol=1e-12)
    np.testing.assert_allclose(r1.related_variety[ok], 0.0, atol=1e-12)
    r2 = spec.specialisation_indices(x, groups=np.zeros(60))
    np.testing.assert_allclose(r2.related_variety[ok], r.shannon[ok], atol=1e-12)
    np.testing.assert_allclose(r2.unrelated_variety[ok], 0.0, atol=1e-12)


def test_naf_divisions_as_groups():
    tab = naf.load_naf()
    codes, divisions = tab.aggregate("sous_classe", "division")
    rng = np.random.default_rng(5)
    x = sparse.random(40, codes.size, density=0.05, random_state=rng, format="csr") * 100
    r = spec.specialisation_indices(x, groups=divisions)
    assert r.n_groups == np.unique(divisions).size == 88
    ok = np.isfinite(r.shannon)
    assert np.abs(r.shannon - r.unrelated_variety - r.related_variety)[ok].max() <= 1e-12


def test_formats_and_scale_invariance():
    x = random_counts(50, 20, 0.4, 1)
    dense = spec.specialisation_indices(x)
    rows, cols = np.nonzero(x)
    # COO with each entry split in two duplicates sums them.
    coo = sparse.coo_matrix(
        (np.r_[x[rows, cols] / 2, x[rows, cols] / 2], (np.r_[rows, rows], np.r_[cols, cols])),
        shape=x.shape,
    )
    for other in (spec.specialisation_indices(coo), spec.specialisation_indices(x * 7.5)):
        for name in ("krugman", "hhi", "shannon", "hachman"):
            np.testing.assert_allclose(getattr(other, name), getattr(dense, name), atol=1e-13)


def test_n_sectors_reference():
    r = spec.specialisation_indices(HAND, n_sectors_reference=38)
    np.testing.assert_allclose(r.shannon_normalised[0], 1.5 * log(2) / log(38))
    np.testing.assert_allclose(r.hhi_normalised[1], 1.0)
    with pytest.raises(InputError, match="below"):
        spec.specialisation_indices(HAND, n_sectors_reference=2)
    one = spec.specialisation_indices(np.array([[3.0], [1.0]]))
    assert np.isnan(one.hhi_normalised).all() and np.isnan(one.shannon_normalised).all()


def test_bad_inputs():
    bad = HAND.copy()
    bad[2, 1] = -1
    with pytest.raises(InputError) as e:
        spec.specialisation_indices(bad)
    assert e.value.rows == [2]
    with pytest.raises(InputError, match="No territory"):
        spec.specialisation_indices(np.zeros((2, 3)))
    with pytest.raises(InputError, match="reference"):
        spec.specialisation_indices(HAND, reference=[1, 2])
    with pytest.raises(InputError) as e:
        spec.specialisation_indices(HAND, reference=[1, np.nan, 2])
    assert e.value.rows == [1]
    with pytest.raises(InputError, match="groups"):
        spec.specialisation_indices(HAND, groups=["X", "Y"])
    with pytest.raises(Canceled):
        spec.specialisation_indices(HAND, is_canceled=lambda: True)


def test_count_matrix():
    m = spec.count_matrix([0, 0, 1, -1, 2], [1, 1, 0, 2, 2], [1.0, 2.5, 4.0, 9.0, 0.0], 3, 3)
    np.testing.assert_array_equal(m.toarray(), [[0, 3.5, 0], [4, 0, 0], [0, 0, 0]])
    assert m.nnz == 2
    with pytest.raises(InputError) as e:
        spec.count_matrix([0, 3], [0, 0], [1, 1], 3, 3)
    assert e.value.rows == [1]
    with pytest.raises(InputError) as e:
        spec.count_matrix([0, 1], [0, 5], [1, 1], 3, 3)
    assert e.value.rows == [1]
    with pytest.raises(InputError) as e:
        spec.count_matrix([0, 1, 2], [0, 1, 2], [1, -2, np.nan], 3, 3)
    assert e.value.rows == [1, 2]


def test_sector_counts_from_codes():
    territory = [0, 0, 1, 1, 1, 0, -1]
    codes = ["10.51C", "1051A", "01.11Z", "47.11F", "99.99Z", "C", "10.51C"]
    counts = [3.0, 2.0, 5.0, 1.0, 4.0, 6.0, 100.0]
    sc = spec.sector_counts(territory, codes, counts, 2, "A38")
    assert sc.matrix.shape == (2, 38) and sc.sectors.size == 38
    col = {c: i for i, c in enumerate(sc.sectors.tolist())}
    dense = sc.matrix.toarray()
    assert dense[0, col["CA"]] == 5.0 and dense[1, col["AZ"]] == 5.0 and dense[1, col["GZ"]] == 1.0
    assert dense.sum() == 11.0
    assert sc.unmapped_weight == 10.0 and sc.total_weight == 21.0
    assert sc.mapping.unknown == {"99.99Z": 1} and sc.mapping.too_coarse == {"C": 1}
    assert any("10 of 21" in str(w) for w in sc.warnings)
    r = spec.specialisation_indices(sc.matrix)
    assert r.n_sectors_reference == 38


def test_sector_balance():
    sur, dfc = spec.sector_balance(sparse.csr_matrix(HAND))
    gap = HAND - HAND.sum(axis=1, keepdims=True) * np.array([0.25, 0.5, 0.25])
    np.testing.assert_allclose(sur - dfc, gap, atol=1e-15)
    assert (sur >= 0).all() and (dfc >= 0).all() and not (sur * dfc).any()
    # Over- and under-representation balance within each territory.
    np.testing.assert_allclose(sur.sum(axis=1), dfc.sum(axis=1), atol=1e-12)
    np.testing.assert_allclose(sur[1], [0, 2, 0]) and np.testing.assert_allclose(dfc[1], [1, 0, 1])


def test_columns_and_long_lq():
    r = spec.specialisation_indices(HAND, groups=HAND_GROUPS)
    cols = r.columns("sp_")
    assert list(cols)[:3] == ["sp_total", "sp_krugman", "sp_hoover"]
    assert all(v.shape == (3,) for v in cols.values())
    t, s, v = r.lq_long()
    assert t.size == 7 and np.allclose(v[(t == 1) & (s == 1)], 2.0)
