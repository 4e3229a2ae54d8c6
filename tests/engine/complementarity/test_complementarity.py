"""Complementarity between territories (``reterr_qgis.engine.complementarity.complementarity``).

No QGIS. The index's defining cases (1 when a's surplus structure equals b's deficit structure,
0 when disjoint), a 2-territory case worked by hand with the volume-weighted symmetric index, an
independent per-pair loop on the overlap form ``Σ_k min(s_ak, d_bk)`` on random data, symmetry
under relabelling, the pair builders against brute force, best partners and dissimilarity.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.complementarity import complementarity as cp
from reterr_qgis.engine.supply.adequacy import food_adequacy


def run(surplus, deficit, a=(0,), b=(1,), **kw):
    return cp.pair_complementarity(
        a, b, np.asarray(surplus, float), np.asarray(deficit, float), **kw
    )


def test_one_when_structures_match_zero_when_disjoint():
    # a's surpluses (2, 4, 0) have the structure of b's deficits (1, 2, 0), at another scale.
    r = run([[2, 4, 0], [0, 0, 0]], [[0, 0, 0], [1, 2, 0]])
    assert r.index_ab[0] == 1.0 and r.volume_ab[0] == 3.0
    assert np.isnan(r.index_ba[0]) and r.volume_ba[0] == 0.0  # b has no surplus
    assert r.index[0] == 1.0 and r.volume[0] == 3.0
    # Disjoint families: index 0, nothing matchable.
    r = run([[1, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 3, 1]])
    assert r.index_ab[0] == 0.0 and r.volume_ab[0] == 0.0
    assert r.index[0] == 0.0  # defined, nothing to exchange
    # Neither direction defined (no surplus anywhere): NaN.
    r = run([[0, 0, 0], [0, 0, 0]], [[1, 0, 0], [0, 3, 1]])
    assert np.isnan(r.index[0]) and r.volume[0] == 0.0


def test_hand_worked_pair():
    surplus = [[3, 1, 0], [0, 0, 4]]
    deficit = [[0, 0, 2], [1, 1, 2]]
    r = run(surplus, deficit, families=["cereales", "fourrages", "fruits"])
    # a → b: s_a = (3/4, 1/4, 0), d_b = (1/4, 1/4, 1/2): 1 − ½(1/2 + 0 + 1/2) = 1/2;
    #        V = min(3, 1) + min(1, 1) + min(0, 2) = 2.
    # b → a: s_b = (0, 0, 1), d_a = (0, 0, 1): 1; V = min(4, 2) = 2.
    assert r.index_ab[0] == pytest.approx(0.5, abs=1e-15)
    assert r.index_ba[0] == pytest.approx(1.0, abs=1e-15)
    assert (r.volume_ab[0], r.volume_ba[0], r.volume[0]) == (2.0, 2.0, 4.0)
    assert r.index[0] == pytest.approx((2 * 0.5 + 2 * 1.0) / 4, abs=1e-15)
    assert (r.main_family_ab[0], r.main_family_ba[0]) == (0, 2)
    cols = r.columns()
    assert cols["complementarite"][0] == pytest.approx(75.0)
    assert cols["famille_b_a"][0] == "fruits" and cols["famille_a_b"][0] == "cereales"


def test_weighting_follows_volumes():
    # Same structures as above, b's deficit ten times larger: a → b weighs more.
    r = run([[3, 1, 0], [0, 0, 4]], [[0, 0, 2], [10, 10, 20]])
    assert (r.volume_ab[0], r.volume_ba[0]) == (4.0, 2.0)  # min(3,10) + min(1,10)
    assert r.index[0] == pytest.approx((4 * 0.5 + 2 * 1.0) / 6, abs=1e-15)


def loop_reference(a, b, sur, dfc):
    """Per pair, in plain Python, on the overlap form TC = Σ_k min(s_k, d_k)."""
    out = []
    for i, j in zip(a, b):
        res = []
        for src, dst in ((i, j), (j, i)):
            s, d = sur[src], dfc[dst]
            vol = sum(min(x, y) for x, y in zip(s, d))
            if s.sum() > 0 and d.sum() > 0:
                tc = sum(min(x / s.sum(), y / d.sum()) for x, y in zip(s, d))
            else:
                tc = np.nan
            res += [tc, vol]
        tc_ab, v_ab, tc_ba, v_ba = res
        if v_ab + v_ba > 0:
            sym = (np.nan_to_num(tc_ab) * v_ab + np.nan_to_num(tc_ba) * v_ba) / (v_ab + v_ba)
        else:
            sym = 0.0 if np.isfinite(tc_ab) or np.isfinite(tc_ba) else np.nan
        out.append((tc_ab, tc_ba, v_ab, v_ba, sym))
    return np.array(out).T


def random_balance(n, k, seed):
    rng = np.random.default_rng(seed)
    bal = rng.normal(0, 1, (n, k)) * rng.lognormal(3, 1, (n, k))
    bal[rng.random((n, k)) < 0.2] = 0.0
    bal[0] = np.abs(bal[0])  # only surpluses
    bal[1] = -np.abs(bal[1])  # only deficits
    bal[2] = 0.0  # nothing
    return bal


def test_against_a_per_pair_loop():
    n, k = 60, 5
    sur, dfc = cp.split_balance(random_balance(n, k, 4))
    rng = np.random.default_rng(9)
    a, b = rng.integers(0, n, 400), rng.integers(0, n, 400)
    r = cp.pair_complementarity(a, b, sur, dfc)
    ref = loop_reference(r.a, r.b, sur, dfc)
    for got, want in zip((r.index_ab, r.index_ba, r.volume_ab, r.volume_ba, r.index), ref):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)
    assert r.self_pairs == int((a == b).sum())
    assert len(r) + r.duplicate_pairs + r.self_pairs == 400
    assert (r.a < r.b).all()
    assert r.no_surplus.tolist()[:2] == [1, 2] and r.no_deficit.tolist()[:2] == [0, 2]


def test_symmetric_under_relabelling():
    n, k = 40, 7
    sur, dfc = cp.split_balance(random_balance(n, k, 21))
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, n, 150), rng.integers(0, n, 150)
    r = cp.pair_complementarity(a, b, sur, dfc)
    # Give the pairs reversed and the territories renumbered: the same pair values come back,
    # with the directions swapped where the order of the pair flipped.
    perm = rng.permutation(n)
    inv = np.argsort(perm)  # old index → new index
    r2 = cp.pair_complementarity(inv[b], inv[a], sur[perm], dfc[perm])
    key = {(int(x), int(y)): i for i, (x, y) in enumerate(zip(r2.a, r2.b))}
    for i, (x, y) in enumerate(zip(r.a, r.b)):
        nx, ny = int(inv[x]), int(inv[y])
        j = key[(min(nx, ny), max(nx, ny))]
        assert r.index[i] == pytest.approx(r2.index[j], abs=1e-14, nan_ok=True)
        assert r.volume[i] == pytest.approx(r2.volume[j], abs=1e-12)
        ab, ba = (r2.index_ab[j], r2.index_ba[j]) if nx < ny else (r2.index_ba[j], r2.index_ab[j])
        assert r.index_ab[i] == pytest.approx(ab, abs=1e-14, nan_ok=True)
        assert r.index_ba[i] == pytest.approx(ba, abs=1e-14, nan_ok=True)


def test_index_bounds_and_block_independence(monkeypatch):
    sur, dfc = cp.split_balance(random_balance(200, 12, 3))
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 200, 3000), rng.integers(0, 200, 3000)
    whole = cp.pair_complementarity(a, b, sur, dfc)
    fin = np.isfinite(whole.index)
    assert (whole.index[fin] >= 0).all() and (whole.index[fin] <= 1).all()
    monkeypatch.setattr(cp, "_BLOCK_CELLS", 12 * 7)  # blocks of 7 pairs
    ticks = []
    blocks = cp.pair_complementarity(a, b, sur, dfc, progress=ticks.append)
    np.testing.assert_array_equal(blocks.index, whole.index)
    assert len(ticks) > 100 and ticks[-1] == 1.0
    with pytest.raises(Canceled):
        cp.pair_complementarity(a, b, sur, dfc, is_canceled=lambda: True)


def test_pairs_from_adjacency():
    adj = sparse.coo_matrix(
        ([1, 1, 1, 1, 1], ([0, 1, 2, 2, 3], [1, 0, 2, 3, 0])), shape=(4, 4)
    )  # 0–1 twice, 2–2 self, 2→3 one-way, 3→0 one-way
    xy = np.array([[0, 0], [3, 4], [10, 0], [10, 10]], float)
    p = cp.pairs_from_adjacency(adj, xy=xy)
    assert list(zip(p.a.tolist(), p.b.tolist())) == [(0, 1), (0, 3), (2, 3)]
    np.testing.assert_allclose(p.distance, [5.0, np.hypot(10, 10), 10.0])
    dense = cp.pairs_from_adjacency(adj.toarray())
    np.testing.assert_array_equal(dense.a, p.a) and np.testing.assert_array_equal(dense.b, p.b)
    assert np.isnan(dense.distance).all()
    with pytest.raises(InputError):
        cp.pairs_from_adjacency(np.ones((2, 3)))


def test_pairs_within_distance_against_brute_force():
    rng = np.random.default_rng(8)
    xy = rng.uniform(0, 100, (300, 2))
    p = cp.pairs_within_distance(xy, 12.0)
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    i, j = np.nonzero(np.triu(d <= 12.0, k=1))
    assert list(zip(p.a.tolist(), p.b.tolist())) == list(zip(i.tolist(), j.tolist()))
    np.testing.assert_allclose(p.distance, d[i, j])
    np.testing.assert_allclose(cp.pair_distance(xy, p.a, p.b), p.distance)
    with pytest.raises(InputError):
        cp.pairs_within_distance(xy, 0)
    bad = xy.copy()
    bad[5] = np.nan
    with pytest.raises(InputError) as e:
        cp.pairs_within_distance(bad, 1.0)
    assert e.value.rows == [5]


def test_best_partners():
    # Territory 0 has a deficit of family 0; 1, 2, 3 have surpluses of it (volumes 1, 5, 2) with
    # other families mixed in (index 1, 0.5, 0.2); 4 has a surplus of family 1 only (index 0).
    surplus = np.array([[0, 0], [1, 0], [5, 5], [2, 8], [0, 3]], float)
    deficit = np.array([[10, 0], [0, 0], [0, 0], [0, 0], [0, 0]], float)
    r = cp.pair_complementarity([0, 0, 0, 0, 1], [1, 2, 3, 4, 2], surplus, deficit)
    np.testing.assert_allclose(r.index[:4], [1.0, 0.5, 0.2, 0.0])
    np.testing.assert_allclose(r.volume[:4], [1.0, 5.0, 2.0, 0.0])
    assert np.isnan(r.index[4])  # 1–2: nobody needs anything
    by_index = cp.best_partners(r, k=2, by="index")
    rows0 = by_index.territory == 0
    assert by_index.partner[rows0].tolist() == [1, 2] and by_index.rank[rows0].tolist() == [1, 2]
    by_volume = cp.best_partners(r, k=5, by="volume")
    rows0 = by_volume.territory == 0
    assert by_volume.partner[rows0].tolist() == [2, 3, 1]  # 4: no volume, not a partner
    np.testing.assert_allclose(by_volume.received[rows0], [5, 2, 1])
    np.testing.assert_allclose(by_volume.supplied[rows0], [0, 0, 0])
    # Seen from 2: territory 0 is its partner, 2 supplies it.
    rows2 = by_volume.territory == 2
    assert by_volume.partner[rows2].tolist() == [0] and by_volume.supplied[rows2].tolist() == [5.0]
    assert by_volume.n_partners.tolist() == [3, 1, 1, 1, 0]
    high = cp.best_partners(r, k=5, by="volume", min_volume=1.5)
    assert high.partner[high.territory == 0].tolist() == [2, 3]
    with pytest.raises(InputError):
        cp.best_partners(r, by="distance")
    with pytest.raises(InputError):
        cp.best_partners(r, k=0)


def test_krugman_dissimilarity():
    values = np.array([[1, 1, 0], [2, 2, 0], [0, 0, 5], [1, 0, 1], [0, 0, 0]], float)
    a, b = [0, 0, 0, 2, 0], [1, 2, 3, 3, 4]
    want = [0.0, 2.0, 0 + 0.5 + 0.5, 0.5 + 0 + 0.5, np.nan]
    dense = cp.krugman_dissimilarity(a, b, values)
    np.testing.assert_allclose(dense, want, atol=1e-15)
    np.testing.assert_allclose(
        cp.krugman_dissimilarity(a, b, sparse.csr_matrix(values)), want, atol=1e-15
    )
    rng = np.random.default_rng(2)
    x = (rng.random((80, 30)) < 0.3) * rng.lognormal(1, 1, (80, 30))
    ia, ib = rng.integers(0, 80, 500), rng.integers(0, 80, 500)
    s = x / np.where(x.sum(1, keepdims=True) > 0, x.sum(1, keepdims=True), 1)
    ref = np.abs(s[ia] - s[ib]).sum(axis=1)
    ref[(x.sum(1)[ia] == 0) | (x.sum(1)[ib] == 0)] = np.nan
    np.testing.assert_allclose(
        cp.krugman_dissimilarity(ia, ib, sparse.csr_matrix(x)), ref, atol=1e-12
    )
    assert not hasattr(cp.ComplementarityResult, "krugman")  # never called complementarity


def test_bad_inputs():
    sur = np.ones((3, 2))
    with pytest.raises(InputError) as e:
        cp.pair_complementarity([0, 1], [1, 3], sur, sur)
    assert e.value.rows == [1]
    with pytest.raises(InputError, match="deficit"):
        cp.pair_complementarity([0], [1], sur, np.ones((3, 3)))
    neg = sur.copy()
    neg[2, 1] = -1
    with pytest.raises(InputError) as e:
        cp.pair_complementarity([0], [1], neg, sur)
    assert e.value.rows == [2]
    with pytest.raises(InputError):
        cp.pair_complementarity([0, 1], [1], sur, sur)
    with pytest.raises(InputError):
        cp.split_balance([[1.0, np.nan]])


def test_on_food_adequacy_output():
    # Two territories with the five crop groups: farmland vs needs gives surpluses and deficits.
    farmland = np.array([[500.0, 10, 2000, 0, 5], [50.0, 40, 100, 30, 0]])
    needs = np.array([[100.0, 30, 300, 10, 5], [400.0, 30, 900, 20, 5]])
    adequacy = food_adequacy(farmland, needs, population=[1000, 4000])
    r = cp.pair_complementarity([0], [1], adequacy.surplus_ha, adequacy.deficit_ha)
    # Territory 0 supplies cereals (400 surplus vs 350 deficit) and fodder (1700 vs 800).
    assert r.volume_ab[0] == pytest.approx(350 + 800)
    assert r.volume_ba[0] == pytest.approx(10 + 10)  # oilseeds 10 → 20 needed, fruit 10 → 10
    assert 0 < r.index[0] <= 1
