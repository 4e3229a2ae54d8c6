"""Complementarity between neighbouring territories: trade complementarity index and matchable volume.

Complementarity in Ullman's sense (SUPPLY_AND_COMPLEMENTARITY.md §B8): one territory has what the
other lacks. For ``K`` families of the same kind (the five crop groups of
:mod:`..supply.adequacy`, hectares; or sectors, from :func:`.specialisation.sector_balance`),
each territory has a surplus vector ``S_k ≥ 0`` and a deficit vector ``D_k ≥ 0``. For a pair of
territories ``(a, b)``, with ``s_a = S_a / Σ_k S_ak`` the structure of a's surpluses and
``d_b = D_b / Σ_k D_bk`` the structure of b's deficits:

* **trade complementarity index** (Michaely; World Bank TCI ``100 − ½ Σ_k |m_ik − x_jk|``;
  METHODS.md §3.2 adapted to surplus and deficit shares), in [0, 1]:
  ``TC_{a→b} = 1 − ½ Σ_k |s_ak − d_bk|`` — 1 when a's surpluses have exactly the structure of
  b's deficits, 0 when they share no family (``= Σ_k min(s_ak, d_bk)``, the overlap of the two
  structures). Undefined (NaN) when a has no surplus or b no deficit;
* **matchable volume** ``V_{a→b} = Σ_k min(S_ak, D_bk)`` in the families' unit (hectares,
  jobs): what a could at most supply to b, family by family. The index is never given without
  it: a 100 % index between tiny volumes means nothing (§B8);
* **symmetric index** (METHODS §3.2: the mean of both directions weighted by volumes):
  ``TC_ab = (V_{a→b} TC_{a→b} + V_{b→a} TC_{b→a}) / (V_{a→b} + V_{b→a})``; where both volumes
  are 0 it is 0 if either direction is defined (both structures then share no family) and NaN
  if neither is;
* the **main family** of each direction (the family of the largest ``min(S_ak, D_bk)``; −1 when
  the volume is 0), to label a "solidarity link".

Pairs are given by the caller (neighbours sharing a border: :func:`pairs_from_adjacency`; within
a distance: :func:`pairs_within_distance`, scipy's ``cKDTree.query_pairs``), unordered: ``(a, b)``
and ``(b, a)`` are one pair (both directions are computed), self-pairs are dropped and counted.
:func:`best_partners` ranks each territory's partners by index or by volume.

Not complementarity: :func:`krugman_dissimilarity` (bilateral Krugman ``Σ_k |s_ak − s_bk|`` on
two production structures) measures how different two economies are — dissimilar structures
need not trade (§B8). It is returned under that name only.

Measured choices: every pair is computed at once on gathered rows (blocks of at most
``2**22 / K`` pairs to bound memory), no loop per pair: 105,000 neighbour pairs (35,000
territories) × 40 families, with the pairs built from the adjacency and the top-3 partners,
0.35 s against 8 s for a per-pair numpy loop (2-core machine, indicative;
``bench/bench_compl_specialisation.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from ..routing.callbacks import IsCanceled, Progress, check_canceled, tick

sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
MatrixLike = Union["sparse.spmatrix", ArrayLike]

#: Pairs per block × families: bounds the temporary arrays (32 MB of float64 each).
_BLOCK_CELLS = 1 << 22

_MSG_VECTORS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "'{what}' must be a table of territories × families ({shape} expected, got {got}).",
)
_MSG_VALUES = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} territories have a missing or negative value in '{what}'."
)
_MSG_PAIRS = QT_TRANSLATE_NOOP("ReterrEngine", "{n} pairs name a territory outside 0..{last}.")
_MSG_PAIR_LENGTH = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The pairs have {a} first and {b} second territories."
)
_MSG_ADJACENCY = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The adjacency must be a square table of territories: {shape}."
)
_MSG_DISTANCE = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The distance must be a positive number: {value}."
)
_MSG_POINTS = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} territories have no valid point (x, y): {which}."
)
_MSG_SELF = QT_TRANSLATE_NOOP("ReterrEngine", "{n} pairs join a territory to itself: left out.")
_MSG_DUPLICATE = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} pairs were given twice (in either order): counted once."
)
_MSG_NO_SURPLUS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} territories have no surplus in any family: they supply no partner ({rows}).",
)
_MSG_NO_DEFICIT = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} territories have no deficit in any family: they need nothing from a partner ({rows}).",
)
_MSG_BY = QT_TRANSLATE_NOOP("ReterrEngine", "Rank partners by 'index' or 'volume', not '{by}'.")
_MSG_K = QT_TRANSLATE_NOOP("ReterrEngine", "The number of partners must be at least 1: {k}.")


def _rows_text(rows: NDArray[np.int64], names: Optional[Sequence[str]], limit: int = 20) -> str:
    shown = [str(names[i]) if names is not None else f"#{i + 1}" for i in rows[:limit]]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


# ---------------------------------------------------------------------------------------------
# Pairs
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class TerritoryPairs:
    """Unordered pairs of territories ``a < b``.

    Attributes
    ----------
    a, b
        ``(m,)`` territory indices, ``a < b``, sorted by ``(a, b)``, each pair once.
    distance
        ``(m,)`` straight-line distance between the territories' points (the points' unit);
        NaN when no points were given.
    n_territories
        Number of territories.
    """

    a: IntArray
    b: IntArray
    distance: FloatArray
    n_territories: int

    def __len__(self) -> int:
        return int(self.a.shape[0])


def _points(xy: ArrayLike, n: Optional[int] = None) -> FloatArray:
    p = np.asarray(xy, dtype=np.float64)
    if p.ndim != 2 or p.shape[1] != 2 or (n is not None and p.shape[0] != n):
        raise InputError(
            _MSG_VECTORS, what="xy", shape=f"({n if n is not None else 'n'}, 2)", got=p.shape
        )
    bad = np.flatnonzero(~np.isfinite(p).all(axis=1))
    if bad.size:
        raise InputError(_MSG_POINTS, bad, n=bad.size, which=_rows_text(bad, None))
    return p


def pair_distance(xy: ArrayLike, a: ArrayLike, b: ArrayLike) -> FloatArray:
    """Straight-line distance between the points of ``a`` and ``b`` (``(n, 2)`` projected
    coordinates, e.g. Lambert-93 metres)."""
    p = _points(xy)
    ia, ib = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    return np.hypot(*(p[ia] - p[ib]).T)


def pairs_from_adjacency(
    adjacency: MatrixLike, *, xy: Optional[ArrayLike] = None
) -> TerritoryPairs:
    """Neighbour pairs from an adjacency table (e.g. territories sharing a border).

    Parameters
    ----------
    adjacency
        ``(n, n)`` sparse or dense; a non-zero entry ``(i, j)`` or ``(j, i)`` makes ``i`` and
        ``j`` neighbours (the table need not be symmetric); the diagonal is ignored.
    xy
        Optional ``(n, 2)`` points (projected) for the pairs' distances.
    """
    adj = sparse.coo_matrix(adjacency)
    if adj.shape[0] != adj.shape[1]:
        raise InputError(_MSG_ADJACENCY, shape=adj.shape)
    n = adj.shape[0]
    nz = adj.data != 0
    i, j = adj.row[nz].astype(np.int64), adj.col[nz].astype(np.int64)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    keep = lo != hi
    key = np.unique(lo[keep] * n + hi[keep])
    a, b = key // n, key % n
    dist = pair_distance(_points(xy, n), a, b) if xy is not None else np.full(a.size, np.nan)
    return TerritoryPairs(a, b, dist, n)


def pairs_within_distance(xy: ArrayLike, max_distance: float) -> TerritoryPairs:
    """Pairs of territories whose points lie within ``max_distance`` of each other.

    Parameters
    ----------
    xy
        ``(n, 2)`` points in a projected CRS (e.g. Lambert-93 metres, town halls or centroids).
    max_distance
        Radius, in the points' unit (``≤``).
    """
    from scipy.spatial import cKDTree

    if not (np.isfinite(max_distance) and max_distance > 0):
        raise InputError(_MSG_DISTANCE, value=max_distance)
    p = _points(xy)
    n = p.shape[0]
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return TerritoryPairs(empty, empty.copy(), np.zeros(0), n)
    ij = cKDTree(p).query_pairs(float(max_distance), output_type="ndarray").astype(np.int64)
    key = np.unique(np.minimum(ij[:, 0], ij[:, 1]) * n + np.maximum(ij[:, 0], ij[:, 1]))
    a, b = key // n, key % n
    return TerritoryPairs(a, b, np.hypot(*(p[a] - p[b]).T), n)


def _canonical_pairs(
    a: ArrayLike, b: ArrayLike, n: int, distance: Optional[ArrayLike]
) -> tuple[IntArray, IntArray, FloatArray, int, int]:
    """``a < b``, sorted, unique; returns the counts of self-pairs and duplicates dropped."""
    ia = np.asarray(a).ravel().astype(np.int64)
    ib = np.asarray(b).ravel().astype(np.int64)
    if ia.shape != ib.shape:
        raise InputError(_MSG_PAIR_LENGTH, a=ia.size, b=ib.size)
    bad = np.flatnonzero((ia < 0) | (ia >= n) | (ib < 0) | (ib >= n))
    if bad.size:
        raise InputError(_MSG_PAIRS, bad, n=bad.size, last=n - 1)
    dist = (
        np.full(ia.size, np.nan)
        if distance is None
        else np.asarray(distance, dtype=np.float64).ravel()
    )
    if dist.shape != ia.shape:
        raise InputError(_MSG_PAIR_LENGTH, a=ia.size, b=dist.size)
    self_pairs = ia == ib
    lo, hi = np.minimum(ia, ib)[~self_pairs], np.maximum(ia, ib)[~self_pairs]
    key, first = np.unique(lo * n + hi, return_index=True)
    duplicates = lo.size - key.size
    return key // n, key % n, dist[~self_pairs][first], int(self_pairs.sum()), int(duplicates)


# ---------------------------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class ComplementarityResult:
    """Complementarity of each pair ``(a, b)``, ``a < b`` (``(m,)`` arrays).

    Attributes
    ----------
    a, b
        The pairs.
    index
        Symmetric index (volume-weighted mean of both directions), 0 … 1.
    index_ab, index_ba
        ``TC_{a→b}`` (a's surplus structure against b's deficit structure) and ``TC_{b→a}``.
    volume_ab, volume_ba
        ``Σ_k min(S_ak, D_bk)`` and ``Σ_k min(S_bk, D_ak)`` (the families' unit).
    volume
        ``volume_ab + volume_ba``.
    main_family_ab, main_family_ba
        Family index of the largest matchable volume in each direction (−1 when none).
    distance
        Distance of each pair (NaN when unknown).
    families
        Family names (column order).
    n_territories
        Number of territories.
    no_surplus, no_deficit
        Territories without any surplus / deficit.
    self_pairs, duplicate_pairs
        Pairs left out (a territory with itself) and pairs given twice.
    warnings
        Plain-language notes.
    """

    a: IntArray
    b: IntArray
    index: FloatArray
    index_ab: FloatArray
    index_ba: FloatArray
    volume_ab: FloatArray
    volume_ba: FloatArray
    volume: FloatArray
    main_family_ab: IntArray
    main_family_ba: IntArray
    distance: FloatArray
    families: tuple[str, ...]
    n_territories: int
    no_surplus: IntArray
    no_deficit: IntArray
    self_pairs: int = 0
    duplicate_pairs: int = 0
    warnings: list[Message] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.a.shape[0])

    def columns(self) -> dict[str, NDArray]:
        """Flat ``{field name: (m,) array}`` for a "solidarity links" layer (French names;
        indices in %, as the World Bank writes the TCI).

        ``complementarite``, ``complementarite_a_b``, ``complementarite_b_a``, ``volume``,
        ``volume_a_b``, ``volume_b_a``, ``famille_a_b``, ``famille_b_a`` (names, ``""`` when
        none), ``distance``.
        """
        names = np.array([*self.families, ""], dtype=str)
        return {
            "complementarite": 100.0 * self.index,
            "complementarite_a_b": 100.0 * self.index_ab,
            "complementarite_b_a": 100.0 * self.index_ba,
            "volume": self.volume,
            "volume_a_b": self.volume_ab,
            "volume_b_a": self.volume_ba,
            "famille_a_b": names[self.main_family_ab],
            "famille_b_a": names[self.main_family_ba],
            "distance": self.distance,
        }


def _vectors(values: MatrixLike, what: str, n: Optional[int], k: Optional[int]) -> FloatArray:
    a = values.toarray() if sparse.issparse(values) else np.asarray(values, dtype=np.float64)
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1 and n is None:
        a = a[:, None]
    if a.ndim != 2 or (n is not None and a.shape[0] != n) or (k is not None and a.shape[1] != k):
        raise InputError(
            _MSG_VECTORS,
            what=what,
            shape=f"({n if n is not None else 'n'}, {k if k is not None else 'K'})",
            got=a.shape,
        )
    bad = np.flatnonzero(~np.all(np.isfinite(a) & (a >= 0), axis=1))
    if bad.size:
        raise InputError(_MSG_VALUES, bad, n=bad.size, what=what)
    return a


def split_balance(balance: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """``(surplus, deficit) = (max(Δ, 0), max(−Δ, 0))`` of a signed ``(n, K)`` balance (e.g.
    :attr:`~..supply.adequacy.AdequacyResult.balance_ha`)."""
    bal = np.asarray(balance, dtype=np.float64)
    if bal.ndim != 2:
        raise InputError(_MSG_VECTORS, what="balance", shape="(n, K)", got=bal.shape)
    bad = np.flatnonzero(~np.isfinite(bal).all(axis=1))
    if bad.size:
        raise InputError(_MSG_VALUES, bad, n=bad.size, what="balance")
    return np.maximum(bal, 0.0), np.maximum(-bal, 0.0)


def _shares(v: FloatArray) -> tuple[FloatArray, FloatArray]:
    tot = v.sum(axis=1)
    out = np.zeros_like(v)
    np.divide(v, tot[:, None], out=out, where=tot[:, None] > 0)
    return out, tot


def pair_complementarity(
    a: ArrayLike,
    b: ArrayLike,
    surplus: MatrixLike,
    deficit: MatrixLike,
    *,
    distance: Optional[ArrayLike] = None,
    families: Optional[Sequence[str]] = None,
    names: Optional[Sequence[str]] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> ComplementarityResult:
    """Trade complementarity index and matchable volume of each pair (module docstring).

    Parameters
    ----------
    a, b
        Territory indices of the pairs (any order; ``(a, b)`` and ``(b, a)`` are one pair).
        :class:`TerritoryPairs` from :func:`pairs_from_adjacency` or
        :func:`pairs_within_distance` give them (``pairs.a, pairs.b``, ``distance=pairs.distance``).
    surplus, deficit
        ``(n_territories, K)`` surpluses and deficits ``≥ 0`` per family, in one unit (e.g.
        :attr:`~..supply.adequacy.AdequacyResult.surplus_ha` / ``deficit_ha``, or
        :func:`.specialisation.sector_balance`; :func:`split_balance` from a signed balance).
    distance
        Distance of each pair (kept with the pair; NaN when omitted).
    families
        Family names (default ``"1" … "K"``).
    names
        Territory names, for the warnings.
    progress, is_canceled
        Callbacks (:mod:`..routing.callbacks`).

    Returns
    -------
    ComplementarityResult
        The pairs in canonical order ``a < b`` (self-pairs dropped, duplicates merged).

    Raises
    ------
    InputError
        Tables of the wrong shape, missing or negative values (territories named), pairs naming
        unknown territories (pairs named).
    """
    sur = _vectors(surplus, "surplus", None, None)
    n, k = sur.shape
    dfc = _vectors(deficit, "deficit", n, k)
    fam = (
        tuple(str(f) for f in families)
        if families is not None
        else tuple(str(i + 1) for i in range(k))
    )
    if len(fam) != k:
        raise InputError(_MSG_VECTORS, what="families", shape=f"({k},)", got=(len(fam),))
    pa, pb, dist, n_self, n_dup = _canonical_pairs(a, b, n, distance)
    s_share, s_tot = _shares(sur)
    d_share, d_tot = _shares(dfc)
    m = pa.size
    out = {key: np.full(m, np.nan) for key in ("index_ab", "index_ba", "volume_ab", "volume_ba")}
    main_ab = np.full(m, -1, dtype=np.int64)
    main_ba = np.full(m, -1, dtype=np.int64)
    block = max(1, _BLOCK_CELLS // max(k, 1))
    for start in range(0, m, block):
        check_canceled(is_canceled)
        sl = slice(start, min(start + block, m))
        ia, ib = pa[sl], pb[sl]
        for (src, dst), idx_key, vol_key, main in (
            ((ia, ib), "index_ab", "volume_ab", main_ab),
            ((ib, ia), "index_ba", "volume_ba", main_ba),
        ):
            overlap = np.minimum(sur[src], dfc[dst])  # (B, K) matchable per family
            vol = overlap.sum(axis=1)
            out[vol_key][sl] = vol
            fam_max = overlap.argmax(axis=1)
            main[sl] = np.where(vol > 0, fam_max, -1)
            tc = 1.0 - 0.5 * np.abs(s_share[src] - d_share[dst]).sum(axis=1)
            defined = (s_tot[src] > 0) & (d_tot[dst] > 0)
            # Rounding can leave |Σ| a hair off [0, 1].
            out[idx_key][sl] = np.where(defined, np.clip(tc, 0.0, 1.0), np.nan)
        tick(progress, min(start + block, m) / max(m, 1))
    v_ab, v_ba = out["volume_ab"], out["volume_ba"]
    i_ab, i_ba = out["index_ab"], out["index_ba"]
    vol = v_ab + v_ba
    weighted = np.nan_to_num(i_ab) * v_ab + np.nan_to_num(i_ba) * v_ba
    index = np.full(m, np.nan)
    np.divide(weighted, vol, out=index, where=vol > 0)
    index[(vol <= 0) & (np.isfinite(i_ab) | np.isfinite(i_ba))] = 0.0

    no_surplus = np.flatnonzero(~(s_tot > 0)).astype(np.int64)
    no_deficit = np.flatnonzero(~(d_tot > 0)).astype(np.int64)
    warnings: list[Message] = []
    if n_self:
        warnings.append(Message(_MSG_SELF, {"n": n_self}))
    if n_dup:
        warnings.append(Message(_MSG_DUPLICATE, {"n": n_dup}))
    for rows, template in ((no_surplus, _MSG_NO_SURPLUS), (no_deficit, _MSG_NO_DEFICIT)):
        if rows.size:
            warnings.append(
                Message(
                    template,
                    {
                        "n": int(rows.size),
                        "rows": _rows_text(rows, names),
                        "row_ids": rows.tolist(),
                    },
                )
            )
    tick(progress, 1.0)
    return ComplementarityResult(
        a=pa,
        b=pb,
        index=index,
        index_ab=i_ab,
        index_ba=i_ba,
        volume_ab=v_ab,
        volume_ba=v_ba,
        volume=vol,
        main_family_ab=main_ab,
        main_family_ba=main_ba,
        distance=dist,
        families=fam,
        n_territories=n,
        no_surplus=no_surplus,
        no_deficit=no_deficit,
        self_pairs=n_self,
        duplicate_pairs=n_dup,
        warnings=warnings,
    )


# ---------------------------------------------------------------------------------------------
# Best partners
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class BestPartners:
    """Each territory's best partners, one row per (territory, rank) (``(r,)`` arrays).

    Attributes
    ----------
    territory, rank, partner
        The territory, the partner's rank (1 = best) and the partner.
    index, volume
        The pair's symmetric index and total matchable volume.
    received, supplied
        Matchable volume from the partner to the territory, and from the territory to it.
    distance
        The pair's distance.
    by
        ``"index"`` or ``"volume"``.
    n_partners
        ``(n_territories,)`` partners that qualified (before the cut at ``k``).
    """

    territory: IntArray
    rank: IntArray
    partner: IntArray
    index: FloatArray
    volume: FloatArray
    received: FloatArray
    supplied: FloatArray
    distance: FloatArray
    by: str
    n_partners: IntArray

    def __len__(self) -> int:
        return int(self.territory.shape[0])


def best_partners(
    result: ComplementarityResult,
    k: int = 3,
    *,
    by: str = "index",
    min_volume: float = 0.0,
) -> BestPartners:
    """The ``k`` best partners of every territory among its pairs.

    Parameters
    ----------
    result
        A :class:`ComplementarityResult`.
    k
        Partners kept per territory.
    by
        ``"index"``: by symmetric index, ties by volume; ``"volume"``: by total matchable volume,
        ties by index. Remaining ties by partner index.
    min_volume
        Pairs whose total matchable volume is not above it are no partners (default 0: a pair
        with nothing to exchange is never a partner, whatever its index).
    """
    if by not in ("index", "volume"):
        raise InputError(_MSG_BY, by=by)
    if k < 1:
        raise InputError(_MSG_K, k=k)
    r = result
    keep = np.isfinite(r.index) & (r.volume > min_volume)
    t = np.concatenate((r.a[keep], r.b[keep]))
    p = np.concatenate((r.b[keep], r.a[keep]))
    idx = np.tile(r.index[keep], 2)
    vol = np.tile(r.volume[keep], 2)
    received = np.concatenate((r.volume_ba[keep], r.volume_ab[keep]))
    supplied = np.concatenate((r.volume_ab[keep], r.volume_ba[keep]))
    dist = np.tile(r.distance[keep], 2)
    primary, secondary = (idx, vol) if by == "index" else (vol, idx)
    order = np.lexsort((p, -secondary, -primary, t))
    t_sorted = t[order]
    n_partners = np.bincount(t, minlength=r.n_territories).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(n_partners)[:-1]))
    rank = np.arange(t_sorted.size) - starts[t_sorted]
    sel = order[rank < k]
    return BestPartners(
        territory=t[sel],
        rank=(rank[rank < k] + 1).astype(np.int64),
        partner=p[sel],
        index=idx[sel],
        volume=vol[sel],
        received=received[sel],
        supplied=supplied[sel],
        distance=dist[sel],
        by=by,
        n_partners=n_partners,
    )


# ---------------------------------------------------------------------------------------------
# Dissimilarity (not complementarity)
# ---------------------------------------------------------------------------------------------


def krugman_dissimilarity(a: ArrayLike, b: ArrayLike, values: MatrixLike) -> FloatArray:
    """Bilateral Krugman dissimilarity ``Σ_k |s_ak − s_bk|`` (0 … 2) of two structures.

    ``s`` are each territory's shares over the columns of ``values`` (e.g. jobs by sector). This
    measures how *different* two economies are, **not** whether they complement each other
    (SUPPLY_AND_COMPLEMENTARITY.md §B8): never label it complementarity.

    Parameters
    ----------
    a, b
        Territory indices of the pairs.
    values
        ``(n_territories, K)`` counts ``≥ 0``, sparse or dense.

    Returns
    -------
    ``(m,)`` dissimilarity; NaN where either territory has no count.
    """
    if sparse.issparse(values):
        m = sparse.csr_matrix(values, dtype=np.float64)
        n = m.shape[0]
        if m.data.size and not np.all(np.isfinite(m.data) & (m.data >= 0)):
            bad = np.unique(
                np.repeat(np.arange(n), np.diff(m.indptr))[~(np.isfinite(m.data) & (m.data >= 0))]
            )
            raise InputError(_MSG_VALUES, bad, n=bad.size, what="values")
        tot = np.asarray(m.sum(axis=1)).ravel()
        inv = np.divide(1.0, tot, out=np.zeros_like(tot), where=tot > 0)
        shares = sparse.diags(inv) @ m
    else:
        dense = _vectors(values, "values", None, None)
        n = dense.shape[0]
        shares, tot = _shares(dense)
    ia = np.asarray(a).ravel().astype(np.int64)
    ib = np.asarray(b).ravel().astype(np.int64)
    bad = np.flatnonzero((ia < 0) | (ia >= n) | (ib < 0) | (ib >= n))
    if bad.size:
        raise InputError(_MSG_PAIRS, bad, n=bad.size, last=n - 1)
    out = np.empty(ia.size)
    k = shares.shape[1]
    block = max(1, _BLOCK_CELLS // max(k, 1))
    for start in range(0, ia.size, block):
        sl = slice(start, start + block)
        if sparse.issparse(shares):
            common = np.asarray(shares[ia[sl]].minimum(shares[ib[sl]]).sum(axis=1)).ravel()
        else:
            common = np.minimum(shares[ia[sl]], shares[ib[sl]]).sum(axis=1)
        # Σ|x − y| = Σx + Σy − 2 Σ min(x, y) = 2 − 2 Σ min for two share vectors.
        out[sl] = 2.0 - 2.0 * common
    out[~((tot[ia] > 0) & (tot[ib] > 0))] = np.nan
    return np.clip(out, 0.0, 2.0)
