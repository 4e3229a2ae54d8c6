"""Specialisation / diversity and complementarity between neighbours (issue 10 targets).

* ``specialisation 35k x 700 sectors``: 35,000 commune-like territories × the 732 NAF sous-classes,
  sparse (each territory holds a lognormal number of sectors, median ≈ 25, ≈ 1.06 M non-zero
  entries; counts lognormal, popular sectors drawn more often), grouped into the 88 NAF divisions
  of the shipped table for related / unrelated variety. Timed: :func:`specialisation_indices`
  with every index (LQ matrix, Krugman, Hoover, HHI raw and normalised, Shannon raw and
  normalised, Hachman, related and unrelated variety) from the CSR matrix. Target ≤ 2 s.
  Peer, same process, same data: ``econcomplex`` 1.0.1 (the EconGeo port the tests use as an
  oracle) on the dense matrix — ``location_quotient``, ``krugman_index``,
  ``specialization_coefficient``, ``herfindahl`` (raw and normalised), ``shannon_entropy``,
  ``hachman_index`` — plus related / unrelated variety in dense numpy (pandas ``groupby`` of the
  columns by division), which econcomplex does not compute. Both must agree to 1e-9.
* ``complementarity 35k neighbours``: 35,000 points uniform over 740 km × 740 km (France's area);
  neighbours = the edges of their Delaunay triangulation (≈ 105,000 pairs, ~6 per territory like
  communes sharing a border), given as a sparse adjacency; 40 families (the upper end of 5–40),
  signed balances ``N(0, 1) × lognormal(3, 1)`` with 20 % zeros. Timed: pairs from the adjacency
  with distances, :func:`pair_complementarity` (both directions, volumes, main families) and the
  top-3 partners of every territory. Target ≤ 5 s. Peer: the straightforward per-pair loop with
  numpy on each pair (shares, both directions, volumes, weighted symmetric index) over every
  pair, run once. Both must agree to 1e-12.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.spatial import Delaunay

from reterr_qgis.engine.complementarity.complementarity import (
    best_partners,
    pair_complementarity,
    pairs_from_adjacency,
)
from reterr_qgis.engine.complementarity.naf import load_naf
from reterr_qgis.engine.complementarity.specialisation import specialisation_indices

N_TERRITORIES = 35_000
KM = 1000.0

# ---------------------------------------------------------------------------------------------
# Specialisation
# ---------------------------------------------------------------------------------------------


def _specialisation_case() -> tuple[sparse.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(35_732)
    codes, divisions = load_naf().aggregate("sous_classe", "division")
    k = codes.size
    per_row = np.clip(np.round(rng.lognormal(np.log(25), 0.9, N_TERRITORIES)), 1, k).astype(int)
    popularity = rng.lognormal(0, 1.5, k)
    popularity /= popularity.sum()
    rows = np.repeat(np.arange(N_TERRITORIES), per_row)
    cols = rng.choice(k, size=rows.size, p=popularity)
    vals = np.round(rng.lognormal(1.0, 1.3, rows.size), 1) + 1.0
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(N_TERRITORIES, k))
    m.sum_duplicates()
    return m, divisions


SPEC_MATRIX, SPEC_GROUPS = _specialisation_case()


def spec_ours():
    return specialisation_indices(SPEC_MATRIX, groups=SPEC_GROUPS)


def spec_peer() -> dict[str, np.ndarray]:
    import econcomplex as ec

    x = SPEC_MATRIX.toarray()
    out = {
        "lq_sum": np.asarray(ec.location_quotient(x)).sum(axis=1),
        "krugman": np.asarray(ec.krugman_index(x)),
        "hoover": np.asarray(ec.specialization_coefficient(x)),
        "hhi": np.asarray(ec.herfindahl(x, normalize=False)),
        "hhi_normalised": np.asarray(ec.herfindahl(x, normalize=True)),
        "shannon": np.asarray(ec.shannon_entropy(x, base=np.e)),
        "hachman": np.asarray(ec.hachman_index(x)),
    }
    shares = x / x.sum(axis=1, keepdims=True)
    out["shannon_normalised"] = out["shannon"] / np.log(x.shape[1])
    p = pd.DataFrame(shares).T.groupby(SPEC_GROUPS).sum().T.to_numpy()  # (n, groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
        out["unrelated_variety"] = -plogp.sum(axis=1)
        p_of_sector = p[:, np.unique(SPEC_GROUPS, return_inverse=True)[1]]
        term = np.where(shares > 0, shares * np.log(shares / p_of_sector), 0.0)
    out["related_variety"] = -term.sum(axis=1)
    return out


def spec_check(ours, theirs) -> None:
    lq_sum = np.asarray(ours.lq.sum(axis=1)).ravel()
    np.testing.assert_allclose(lq_sum, theirs["lq_sum"], rtol=1e-9)
    for name, value in theirs.items():
        if name != "lq_sum":
            np.testing.assert_allclose(getattr(ours, name), value, rtol=0, atol=1e-9, err_msg=name)
    gap = np.abs(ours.shannon - ours.unrelated_variety - ours.related_variety)
    assert np.nanmax(gap) <= 1e-12


# ---------------------------------------------------------------------------------------------
# Complementarity
# ---------------------------------------------------------------------------------------------

N_FAMILIES = 40


def _complementarity_case() -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(100_000)
    xy = rng.uniform(0, 740 * KM, (N_TERRITORIES, 2))
    tri = Delaunay(xy).simplices
    i = np.concatenate((tri[:, 0], tri[:, 1], tri[:, 2]))
    j = np.concatenate((tri[:, 1], tri[:, 2], tri[:, 0]))
    adj = sparse.csr_matrix((np.ones(i.size), (i, j)), shape=(N_TERRITORIES, N_TERRITORIES))
    bal = rng.normal(0, 1, (N_TERRITORIES, N_FAMILIES)) * rng.lognormal(
        3, 1, (N_TERRITORIES, N_FAMILIES)
    )
    bal[rng.random(bal.shape) < 0.2] = 0.0
    return xy, adj, np.maximum(bal, 0.0), np.maximum(-bal, 0.0)


XY, ADJACENCY, SURPLUS, DEFICIT = _complementarity_case()
_last: dict[str, object] = {}


def compl_ours():
    pairs = pairs_from_adjacency(ADJACENCY, xy=XY)
    res = pair_complementarity(pairs.a, pairs.b, SURPLUS, DEFICIT, distance=pairs.distance)
    top = best_partners(res, k=3, by="index")
    _last["pairs"] = len(pairs)
    _last["partners"] = len(top)
    return res


def compl_peer() -> tuple[np.ndarray, ...]:
    """Per pair, numpy on two rows at a time (the obvious code)."""
    pairs = pairs_from_adjacency(ADJACENCY)
    out = np.empty((5, len(pairs)))
    for m, (a, b) in enumerate(zip(pairs.a.tolist(), pairs.b.tolist())):
        row = []
        for src, dst in ((a, b), (b, a)):
            s, d = SURPLUS[src], DEFICIT[dst]
            ts, td = s.sum(), d.sum()
            vol = np.minimum(s, d).sum()
            tc = 1.0 - 0.5 * np.abs(s / ts - d / td).sum() if ts > 0 and td > 0 else np.nan
            row += [tc, vol]
        tc_ab, v_ab, tc_ba, v_ba = row
        tot = v_ab + v_ba
        if tot > 0:
            sym = (np.nan_to_num(tc_ab) * v_ab + np.nan_to_num(tc_ba) * v_ba) / tot
        else:
            sym = 0.0 if np.isfinite(tc_ab) or np.isfinite(tc_ba) else np.nan
        out[:, m] = (tc_ab, tc_ba, v_ab, v_ba, sym)
    return tuple(out)


def compl_check(ours, theirs) -> None:
    for got, want in zip(
        (ours.index_ab, ours.index_ba, ours.volume_ab, ours.volume_ba, ours.index), theirs
    ):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


CASES = [
    {
        "name": "specialisation 35k x 700 sectors",
        "run": spec_ours,
        "peer": "econcomplex dense + numpy",
        "peer_run": spec_peer,
        "check": spec_check,
        "repeat": 1,
        "note": lambda: (
            f"{SPEC_MATRIX.shape[0]:,} x {SPEC_MATRIX.shape[1]} sous-classes, "
            f"{SPEC_MATRIX.nnz:,} non-zero; all indices incl. LQ matrix and related/unrelated "
            "variety over 88 divisions; target <= 2 s"
        ),
    },
    {
        "name": "complementarity 35k neighbours",
        "run": compl_ours,
        "peer": "per-pair numpy loop",
        "peer_run": compl_peer,
        "check": compl_check,
        "repeat": 1,
        "note": lambda: (
            f"{_last.get('pairs', 0):,} Delaunay neighbour pairs, {N_FAMILIES} families; pairs "
            f"from adjacency + index + volumes + top-3 partners ({_last.get('partners', 0):,} "
            "rows); target <= 5 s"
        ),
    },
]
