"""Functional areas: community detection, the LabourMarketAreas regrouping (hand-traced cases and
a step-by-step re-implementation of the R procedure), contiguity, agreement with a zoning."""

from __future__ import annotations

import builtins
import math

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from reterr_qgis.engine.complementarity import functional_areas as fa
from reterr_qgis.engine.complementarity.functional_areas import (
    LmaParameters,
    adjusted_rand_index,
    area_statistics,
    compare_partitions,
    detect_communities,
    enforce_contiguity,
    lma_regroup,
    lma_validity,
    modularity,
    normalized_mutual_information,
    symmetric_graph,
    zone_cuts,
)
from reterr_qgis.engine.core.errors import InputError

igraph = pytest.importorskip("igraph")


def planted(blocks=8, size=30, p_in=0.3, p_out=0.02, seed=1):
    """Directed flows: dense and heavy within blocks, sparse and light between them."""
    rng = np.random.default_rng(seed)
    n = blocks * size
    truth = np.repeat(np.arange(blocks), size)
    same = truth[:, None] == truth[None, :]
    mask = rng.random((n, n)) < np.where(same, p_in, p_out)
    w = np.where(same, rng.gamma(4, 10, (n, n)), rng.gamma(1, 5, (n, n)))
    t = np.where(mask, w, 0.0)
    np.fill_diagonal(t, rng.gamma(4, 20, n))
    return sparse.csr_matrix(t), truth


def is_partition(labels, n):
    """Every unit in exactly one area, areas numbered 0 … k−1."""
    labels = np.asarray(labels)
    return (
        labels.shape == (n,)
        and labels.min() == 0
        and set(labels.tolist()) == set(range(labels.max() + 1))
    )


# ---------------------------------------------------------------------------------------------
# (a) Community detection
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["leiden", "louvain"])
def test_planted_partition_is_recovered(method):
    m, truth = planted()
    p = detect_communities(m, method=method, seed=7)
    assert is_partition(p.labels, m.shape[0])
    assert adjusted_rand_index(p.labels, truth) >= 0.95
    assert p.n_areas == 8
    # Our modularity equals igraph's on the same weighted graph.
    s = symmetric_graph(m)
    upper = sparse.triu(s, k=1).tocoo()
    g = igraph.Graph(n=s.shape[0], edges=np.column_stack([upper.row, upper.col]))
    assert p.modularity == pytest.approx(g.modularity(p.labels, weights=upper.data), abs=1e-12)


@pytest.mark.parametrize("method", ["leiden", "louvain"])
def test_seeded_runs_are_reproducible(method):
    # A noisy graph where the optimum is not obvious: runs depend on the random draws.
    m, _ = planted(blocks=12, size=20, p_in=0.08, p_out=0.03, seed=3)
    runs = [detect_communities(m, method=method, seed=s).labels for s in (1, 1, 2, 2, 1)]
    assert np.array_equal(runs[0], runs[1]) and np.array_equal(runs[0], runs[4])
    assert np.array_equal(runs[2], runs[3])


def test_resolution_and_loops():
    m, truth = planted(seed=2)
    coarse = detect_communities(m, resolution=0.05, seed=1)
    fine = detect_communities(m, resolution=15.0, seed=1)
    assert coarse.n_areas < 8 < fine.n_areas
    loops = detect_communities(m, include_internal=True, seed=1)
    s = symmetric_graph(m, include_internal=True)
    assert s.diagonal() == pytest.approx(2 * m.diagonal())
    assert loops.modularity == pytest.approx(modularity(s, loops.labels))
    assert adjusted_rand_index(loops.labels, truth) >= 0.95
    with pytest.raises(InputError, match="resolution"):
        detect_communities(m, resolution=0)
    with pytest.raises(InputError, match="method"):
        detect_communities(m, method="infomap")


def test_missing_igraph_has_a_clear_message_and_regrouping_still_works(monkeypatch):
    real_import = builtins.__import__

    def no_igraph(name, *args, **kwargs):
        if name == "igraph":
            raise ImportError("No module named 'igraph'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_igraph)
    m, truth = planted()
    with pytest.raises(InputError) as err:
        detect_communities(m)
    msg = err.value.message
    assert "igraph" in msg and "pip install igraph" in msg and "LabourMarketAreas" in msg
    r = lma_regroup(m)
    assert adjusted_rand_index(r.labels, truth) >= 0.95


# ---------------------------------------------------------------------------------------------
# (b) LabourMarketAreas
# ---------------------------------------------------------------------------------------------


def test_validity_hand_computed():
    p = LmaParameters(1000, 0.6667, 10000, 0.75)
    got = lma_validity(
        [10000, 1000, 20000, 50, 500, 0],
        [10000, 1000, 15000, 50, 600, 10],
        [6667, 750, 9000, 50, 400, 0],
        p,
    )
    # At the target size, msc = minSC is exactly valid; at the minimum size msc = tarSC is.
    assert got[0] == pytest.approx(1.0, abs=1e-12)
    assert got[1] == pytest.approx(1.0, abs=1e-12)
    # 20,000 residents, msc = min(0.45, 0.6): Y = 0.6, Z = 1 → 0.6 × 0.75 / 0.6667.
    assert got[2] == pytest.approx(0.6 * 0.75 / 0.6667, abs=1e-12)
    # A closed area is valid whatever its size.
    assert got[3] == 1.0
    # 500 residents (below minSZ): msc = 2/3, Y = 0.888889, size = 9500/9000, Z = 0.882763,
    # validity = 0.888889 × 0.882763 × 0.75 / 0.6667 = 0.882719.
    y, z = (2 / 3) / 0.75, 1 - (1 - 0.6667 / 0.75) * (9500 / 9000)
    assert got[4] == pytest.approx(y * z * 0.75 / 0.6667, abs=1e-12)
    assert got[4] == pytest.approx(0.882719, abs=1e-6)
    assert math.isnan(got[5])  # no resident
    with pytest.raises(InputError, match="parameters"):
        lma_validity([1], [1], [1], LmaParameters(100, 0.8, 50, 0.9))


# Four units: 0 a pole, 1 and 2 send commuters to it, 3 a self-contained town linked to 2.
T4 = np.array(
    [
        [80.0, 0.0, 0.0, 0.0],
        [15.0, 5.0, 0.0, 0.0],
        [8.0, 0.0, 2.0, 2.0],
        [3.0, 0.0, 1.0, 30.0],
    ]
)
P4 = LmaParameters(
    min_size=10, min_self_containment=0.6, target_size=100, target_self_containment=0.8
)


def test_regrouping_traced_by_hand():
    # Validities: unit 0 1.18798, unit 1 0.32407, unit 2 0.20988, unit 3 1.08889 (module formula
    # by hand). Step 1: unit 2 is the least valid; cohesion with {0} = 8²/(12·106) = 0.0503 beats
    # {3} = 2²/(12·32) + 1²/(34·3) = 0.0202; {0} goes from 1.18798 to 1.30370: it joins.
    # Step 2: unit 1 (0.32407) joins {0, 2} (1.30370 → 1.33333). Step 3: {3} is valid: stop.
    v = lma_validity(T4.sum(1), T4.sum(0), np.diag(T4), P4)
    np.testing.assert_allclose(v, [1.1879804, 0.3240741, 0.2098765, 1.0888889], atol=1e-7)
    r = lma_regroup(T4, params=P4)
    assert r.labels.tolist() == [0, 0, 0, 1]
    assert r.iterations == 2 and r.events == {
        "moved": 2,
        "reserve_refused": 0,
        "reserve_no_link": 0,
    }
    assert r.converged and r.valid.all()
    np.testing.assert_allclose(r.statistics.residents, [112, 34])
    np.testing.assert_allclose(r.statistics.jobs, [114, 32])
    np.testing.assert_allclose(r.statistics.internal, [110, 30])
    np.testing.assert_allclose(r.statistics.validity, [0.8 / 0.6, 1.0888889], atol=1e-7)
    assert r.moves.tolist() == [0, 1, 1, 0]


def test_multi_unit_area_loses_its_most_outward_unit_first():
    # Start from {0}, {1, 2}, {3}: {1, 2} (0.29572) is dissolved. Unit 1 leaves first:
    # inflow from outside 0 + residents 20 − internal 5 = 15 against 1 + 12 − 2 = 11 for unit 2.
    r = lma_regroup(T4, params=P4, initial=[0, 1, 1, 2])
    assert r.labels.tolist() == [0, 0, 0, 1]
    assert r.iterations == 2 and r.moves.tolist() == [0, 1, 1, 0]
    # With unit 2's inflow from outside raised above unit 1's key, unit 2 leaves first.
    t = T4.copy()
    t[3, 2] = 10.0
    r2 = lma_regroup(t, params=P4, initial=[0, 1, 1, 2], max_iterations=1)
    assert not r2.converged and r2.iterations == 1
    assert r2.moves.tolist()[2] == 1 and r2.moves.tolist()[1] == 0


def _reference_lma(t, params, initial=None):
    """The R procedure re-implemented step by step, every quantity recomputed from scratch."""
    n = t.shape[0]
    active = np.ones(n, dtype=bool)
    while True:
        a = active.astype(float)
        live = (t @ a) * a
        work = (t.T @ a) * a
        d = np.diag(t)
        drop = active & ((live <= 0) | (work <= 0) | ((d == live) & (d == work)))
        if not drop.any():
            break
        active &= ~drop
    ta = t * np.outer(active, active)
    live, work = ta.sum(1), ta.sum(0)
    lab = {}
    for u in range(n):
        if active[u]:
            lab[u] = u if initial is None else min(v for v in range(n) if initial[v] == initial[u])
    next_id = [n]

    def marg(area):
        mem = [u for u in lab if lab[u] == area]
        return (
            sum(live[u] for u in mem),
            sum(work[u] for u in mem),
            sum(ta[u, v] for u in mem for v in mem),
        )

    def valid(L, W, T):
        msc = min(T / L, T / W)
        if msc == 1:
            return 1.0
        y = min(msc / params.target_self_containment, 1)
        s = max((params.target_size - L) / (params.target_size - params.min_size), 0)
        z = 1 - (1 - params.min_self_containment / params.target_self_containment) * s
        return y * z * params.target_self_containment / params.min_self_containment

    def links(c, exclude):
        to, frm = {}, {}
        for j in range(n):
            b = lab.get(j, -2)
            if b >= 0 and b != exclude and j != c:
                to[b] = to.get(b, 0.0) + ta[c, j]
                frm[b] = frm.get(b, 0.0) + ta[j, c]
        return {b: (to[b], frm[b]) for b in to if to[b] + frm[b] > 0}

    def best(c, cand):
        def strength(b):
            L_b, W_b, _ = marg(b)
            to_b, from_b = cand[b]
            return (to_b**2 / (live[c] * W_b) if live[c] > 0 and W_b > 0 else 0.0) + (
                from_b**2 / (L_b * work[c]) if L_b > 0 and work[c] > 0 else 0.0
            )

        return min(cand, key=lambda b: (-strength(b), b))

    events = {"moved": 0, "reserve_refused": 0, "reserve_no_link": 0}
    while True:
        areas = sorted({v for v in lab.values() if v >= 0})
        v, area = min((valid(*marg(a)), a) for a in areas)
        if v >= 1:
            break
        mem = sorted(u for u in lab if lab[u] == area)
        if len(mem) == 1:
            c = mem[0]
        else:
            key = {
                u: sum(ta[i, u] for i in range(n) if lab.get(i, -2) != area) + live[u] - ta[u, u]
                for u in mem
            }
            c = min(mem, key=lambda u: (-key[u], u))
        lab[c] = -1
        cand = links(c, area)
        if not cand:
            events["reserve_no_link"] += 1
            rest = [u for u in mem if u != c]
            for u in rest[1:]:
                lab[u] = next_id[0]
                next_id[0] += 1
            continue
        b = best(c, cand)
        before = valid(*marg(b))
        lab[c] = b
        if valid(*marg(b)) < before:
            lab[c] = -1
            events["reserve_refused"] += 1
        else:
            events["moved"] += 1
    for units, matrix in (([u for u in sorted(lab) if lab[u] == -1], None), (None, t)):
        if units is None:
            units = [u for u in range(n) if not active[u]]
        left = list(units)
        while left:
            still = []
            for c in left:
                if matrix is None:
                    cand = links(c, -10)
                    if cand:
                        lab[c] = best(c, cand)
                    else:
                        still.append(c)
                else:
                    to, frm = {}, {}
                    for j in range(n):
                        b = lab.get(j, -1)
                        if b >= 0 and j != c:
                            to[b] = to.get(b, 0.0) + t[c, j]
                            frm[b] = frm.get(b, 0.0) + t[j, c]
                    cand = {b: (to[b], frm[b]) for b in to if to[b] + frm[b] > 0}
                    if not cand:
                        still.append(c)
                        continue
                    lc, wc = t[c].sum(), t[:, c].sum()

                    def strength(b, lc=lc, wc=wc, cand=cand):
                        L_b, W_b, _ = marg(b)
                        return (cand[b][0] ** 2 / (lc * W_b) if lc > 0 and W_b > 0 else 0.0) + (
                            cand[b][1] ** 2 / (L_b * wc) if L_b > 0 and wc > 0 else 0.0
                        )

                    lab[c] = min(cand, key=lambda b: (-strength(b), b))
            if len(still) == len(left):
                break
            left = still
        for u in left:
            lab[u] = next_id[0]
            next_id[0] += 1
    labels = np.array([lab[u] for u in range(n)])
    return fa._relabel(labels), events


@pytest.mark.parametrize("seed", range(8))
def test_regrouping_matches_a_step_by_step_reimplementation(seed):
    rng = np.random.default_rng(seed)
    n = 30
    xy = rng.uniform(0, 10, (n, 2))
    dist = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    t = np.where(rng.random((n, n)) < np.exp(-dist / 2.5), rng.gamma(2, 20, (n, n)), 0.0)
    np.fill_diagonal(t, rng.gamma(2, 40, n))
    t[rng.integers(0, n, 2)] = 0.0  # units with no resident: set aside, then attached
    params = LmaParameters(200, 0.5, 1500, 0.65)
    initial = rng.integers(0, 6, n) if seed % 2 else None
    got = lma_regroup(t, params=params, initial=initial)
    want, events = _reference_lma(t, params, initial)
    assert got.labels.tolist() == want.tolist()
    assert got.events == events
    assert is_partition(got.labels, n)
    assert got.n_areas == int(got.labels.max()) + 1


def test_refusals_and_reserve_are_exercised():
    # The same generator as above: at least one move is refused (the reserve is used).
    refused = 0
    for seed in range(8):
        rng = np.random.default_rng(seed)
        n = 30
        xy = rng.uniform(0, 10, (n, 2))
        dist = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
        t = np.where(rng.random((n, n)) < np.exp(-dist / 2.5), rng.gamma(2, 20, (n, n)), 0.0)
        np.fill_diagonal(t, rng.gamma(2, 40, n))
        r = lma_regroup(t, params=LmaParameters(200, 0.5, 1500, 0.65))
        refused += r.events["reserve_refused"]
    assert refused > 0


def test_regrouping_planted_partition_and_isolated_units():
    m, truth = planted()
    r = lma_regroup(m)
    assert adjusted_rand_index(r.labels, truth) >= 0.95
    assert r.valid.all() and r.converged
    # Two units with flows only within themselves, and one with no flow at all.
    dense = m.toarray()
    big = np.zeros((dense.shape[0] + 3,) * 2)
    big[: dense.shape[0], : dense.shape[0]] = dense
    big[-3, -3] = 50.0
    big[-2, -2] = 10.0
    r = lma_regroup(big, codes=[f"u{i}" for i in range(big.shape[0])])
    assert is_partition(r.labels, big.shape[0])
    assert set(r.excluded.tolist()) == {big.shape[0] - 3, big.shape[0] - 2, big.shape[0] - 1}
    assert set(r.unassigned.tolist()) == set(r.excluded.tolist())
    assert len({r.labels[u] for u in r.unassigned.tolist()}) == 3
    assert not r.valid[r.labels[-1]]
    assert any("u241" in str(w) for w in r.warnings)


def test_area_statistics_by_hand():
    s = area_statistics(T4, [0, 0, 1, 1], P4)
    np.testing.assert_allclose(s.residents, [100, 46])
    np.testing.assert_allclose(s.jobs, [111, 35])
    np.testing.assert_allclose(s.internal, [100, 35])  # 2 + 2 + 1 + 30
    np.testing.assert_allclose(s.self_containment_supply, [1.0, 35 / 46])
    np.testing.assert_allclose(s.self_containment_demand, [100 / 111, 1.0])
    np.testing.assert_allclose(s.self_containment, [100 / 111, 35 / 46])
    assert s.n_units.tolist() == [2, 2]
    with pytest.raises(InputError, match="no area"):
        area_statistics(T4, [0, -1, 1, 1], P4)


# ---------------------------------------------------------------------------------------------
# (c) Contiguity
# ---------------------------------------------------------------------------------------------


def grid_adjacency(rows, cols):
    idx = np.arange(rows * cols).reshape(rows, cols)
    a = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    b = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    return sparse.csr_matrix((np.ones(a.size), (a, b)), shape=(rows * cols,) * 2)


def contiguous(labels, adjacency):
    for area in np.unique(labels):
        units = np.flatnonzero(labels == area)
        sub = adjacency[units][:, units]
        if connected_components(sub, directed=False)[0] != 1:
            return False
    return True


def test_detached_parts_rejoin_the_neighbour_they_exchange_most_with():
    # 4 × 4 grid: left half area 0, right half area 1, top-right cell (3) in area 0 (detached),
    # bottom-right cell (15) in area 2 with its neighbours in area 1 — plus a cell (5) of area 1
    # detached inside area 0, bordering areas 0 only.
    adj = grid_adjacency(4, 4)
    labels = np.array([0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1])
    flows = np.diag(np.full(16, 10.0))  # sizes (residents): 10 per cell
    flows[3, 2] = 5.0  # the detached cell of area 0 works in area 1 (its only neighbour area)
    res = enforce_contiguity(labels, adj, flows)
    assert contiguous(res.labels, adj)
    assert res.reattached.tolist() == [3] and res.split.size == 0
    assert res.labels[3] == res.labels[2]
    # Area 1's cell 5 is connected to area 1 through 6: nothing else moves.
    assert res.n_areas == 2


def test_flows_choose_between_two_neighbouring_areas():
    # 3 × 3 grid          0 0 1
    #                     0 3 1      the centre (4) is a detached part of area 3, whose main
    #                     2 2 2      part is unit 9 (heavy, off the grid)
    # The centre borders area 0 twice (cells 1 and 3), areas 1 and 2 once (cells 5 and 7).
    adj = sparse.block_diag([grid_adjacency(3, 3), sparse.csr_matrix((1, 1))]).tocsr()
    labels = np.array([0, 0, 1, 0, 3, 1, 2, 2, 2, 3])
    size = np.ones(10)
    size[9] = 100
    flows = np.zeros((10, 10))
    flows[4, 5] = 3.0  # the centre exchanges most with area 1 (cell 5) …
    flows[3, 4] = 2.0  # … less with area 0
    res = enforce_contiguity(labels, adj, flows, size=size)
    assert res.reattached.tolist() == [4]
    assert res.labels[4] == res.labels[5] and res.n_areas == 4
    # Without flows: the neighbour with the longest shared border (area 0).
    res2 = enforce_contiguity(labels, adj, size=size)
    assert res2.labels[4] == res2.labels[0]
    # A large enough detached part becomes an area of its own.
    res3 = enforce_contiguity(labels, adj, flows, size=size, min_part_size=1)
    assert res3.split.tolist() == [4] and res3.reattached.size == 0 and res3.n_areas == 5
    assert len(set(res3.labels[[4, 9]].tolist())) == 2


def test_islands_stay_and_are_named():
    adj = grid_adjacency(2, 2)
    adj = sparse.block_diag([adj, sparse.csr_matrix((1, 1))]).tocsr()  # unit 4 has no neighbour
    labels = [0, 0, 1, 1, 0]
    res = enforce_contiguity(labels, adj, codes=["a", "b", "c", "d", "île"])
    assert res.labels.tolist() == [0, 0, 1, 1, 0]
    assert res.islands.tolist() == [4] and "île" in str(res.warnings[0])
    with pytest.raises(InputError, match="adjacency"):
        enforce_contiguity(labels, grid_adjacency(2, 2))


def test_contiguity_on_communities_of_a_random_map():
    rng = np.random.default_rng(4)
    side = 15
    adj = grid_adjacency(side, side)
    labels = rng.integers(0, 6, side * side)  # scattered: many detached parts
    res = enforce_contiguity(labels, adj, size=rng.uniform(1, 5, side * side))
    assert contiguous(res.labels, adj)
    assert is_partition(res.labels, side * side)


# ---------------------------------------------------------------------------------------------
# (d) Agreement
# ---------------------------------------------------------------------------------------------


def test_ari_nmi_hand_values():
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    assert adjusted_rand_index([0, 0, 1, 1], [5, 5, 3, 3]) == 1.0
    assert normalized_mutual_information([0, 0, 1, 1], ["b", "b", "a", "a"]) == pytest.approx(1.0)
    assert adjusted_rand_index([0] * 5, list(range(5))) == 0.0
    assert normalized_mutual_information([0] * 5, list(range(5))) == 0.0
    assert adjusted_rand_index([0] * 4, [1] * 4) == 1.0
    assert normalized_mutual_information([0] * 4, [1] * 4) == 1.0
    # NMI by hand: [0,0,1,1] vs [0,0,1,2]: MI = ln 2, H_a = ln 2, H_b = 1.5 ln 2 → 0.8.
    assert normalized_mutual_information([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.8)


def _reference_scores(a, b):
    try:
        from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    except ImportError:
        return (
            igraph.compare_communities(list(a), list(b), method="adjusted_rand"),
            igraph.compare_communities(list(a), list(b), method="nmi"),
        )
    return adjusted_rand_score(a, b), normalized_mutual_info_score(a, b)


@pytest.mark.parametrize("seed", range(6))
def test_ari_nmi_match_a_reference_library(seed):
    rng = np.random.default_rng(seed)
    n = 500
    a = rng.integers(0, rng.integers(2, 40), n)
    b = np.where(rng.random(n) < 0.6, a, rng.integers(0, 25, n))
    ari, nmi = _reference_scores(a, b)
    got = compare_partitions(a, b)
    assert got.adjusted_rand_index == pytest.approx(ari, abs=1e-12)
    assert got.normalized_mutual_information == pytest.approx(nmi, abs=1e-12)
    assert got.n_areas == len(set(a.tolist())) and got.n_zones == len(set(b.tolist()))


def test_zone_cuts_by_hand():
    areas = [0, 0, 0, 1, 1, 1]
    zones = ["A", "A", "B", "B", "C", "C"]
    cuts = zone_cuts(areas, zones)
    assert cuts.zones.tolist() == ["A", "B", "C"]
    assert cuts.zone_n_areas.tolist() == [1, 2, 1]
    assert cuts.zone_main_area.tolist() == [0, 0, 1]  # B: tie → the first area
    np.testing.assert_allclose(cuts.zone_main_share, [1.0, 0.5, 1.0])
    assert cuts.area_zones == [["A", "B"], ["C", "B"]]
    assert cuts.area_zones_cut == [["B"], ["B"]]
    assert cuts.area_main_zone.tolist() == ["A", "C"]
    np.testing.assert_allclose(cuts.area_main_share, [2 / 3, 2 / 3])
    assert cuts.unit_off_main.tolist() == [False, False, False, True, False, False]
    # Weights move the main area of B to area 1.
    weighted = zone_cuts(areas, zones, weights=[1, 1, 1, 5, 1, 1])
    assert weighted.zone_main_area.tolist() == [0, 1, 1]
    assert weighted.unit_off_main.tolist() == [False, False, True, False, False, False]


def test_shipped_aveyron_zonings():
    """``resources/sample/zonages_insee_aveyron.csv``: every commune of the sample, codes padded,
    joined to the sample's layer through CODGEO_2026 (COG 2026)."""
    import csv
    import sqlite3
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "resources" / "sample"
    with open(root / "zonages_insee_aveyron.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert list(rows[0]) == [
        "CODGEO",
        "LIBGEO",
        "EPCI",
        "ZE2020",
        "AAV2020",
        "CATEAAV2020",
        "UU2020",
        "BV2012",
        "CODGEO_2026",
    ]
    assert len(rows) == 285 and len({r["CODGEO"] for r in rows}) == 285
    widths = {"CODGEO": 5, "EPCI": 9, "ZE2020": 4, "AAV2020": 3, "CATEAAV2020": 2, "UU2020": 5}
    for name, width in widths.items():
        assert {len(r[name]) for r in rows} == {width}, name
    assert {r["CATEAAV2020"] for r in rows} <= {"11", "12", "13", "20", "30"}
    changed = {r["CODGEO"]: r["CODGEO_2026"] for r in rows if r["CODGEO"] != r["CODGEO_2026"]}
    assert changed == {"12076": "12218"}  # Conques-en-Rouergue
    con = sqlite3.connect(f"file:{root / 'aveyron.gpkg'}?mode=ro", uri=True)
    try:
        layer = dict(con.execute("SELECT code_insee, siren_epci FROM communes").fetchall())
    finally:
        con.close()
    assert set(layer) == {r["CODGEO_2026"] for r in rows}
    assert all(layer[r["CODGEO_2026"]] == r["EPCI"] for r in rows)
    # The EPCI and the zones d'emploi of Aveyron nest only partly: agreement strictly between 0
    # and 1, the same as igraph's.
    epci, ze = [r["EPCI"] for r in rows], [r["ZE2020"] for r in rows]
    ari = adjusted_rand_index(epci, ze)
    assert 0 < ari < 1
    codes = {c: i for i, c in enumerate(sorted(set(epci + ze)))}
    ref = igraph.compare_communities(
        [codes[c] for c in epci], [codes[c] for c in ze], method="adjusted_rand"
    )
    assert ari == pytest.approx(ref, abs=1e-12)
