"""Origin–destination pairs and their travel costs, kept sparse.

Costs are given as :class:`CostPairs` (coordinate lists) rather than a sparse matrix: a demand point lying
on a facility has a cost of exactly 0, which a sparse matrix would silently drop.

Distances are always :func:`euclidean` (``sqrt(dx² + dy²)``, the formula of
``scipy.spatial.distance.cdist``) and "within ``r``" is always ``distance ≤ r`` on that distance.
The KD-tree compares squared distances (``dx² + dy² ≤ r²`` in floating point), which can disagree
with ``sqrt(dx² + dy²) ≤ r`` for a pair at exactly ``r``: the searches therefore query a slightly
larger radius (:func:`_widen`) and keep the pairs whose distance, computed here, is ``≤ r``, so that
the nearest search, the counts and the pair lists agree exactly at the cut-off.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, Canceled, InputError


@dataclass
class CostPairs:
    """Sparse costs between ``n_origins`` origins and ``n_destinations`` destinations.

    ``origin[k]``, ``destination[k]``, ``cost[k]`` describe one pair; pairs not listed are beyond the
    cut-off or unreachable. Pairs are in no particular order.
    """

    origin: NDArray[np.int64]
    destination: NDArray[np.int64]
    cost: NDArray[np.float64]
    n_origins: int
    n_destinations: int

    def __len__(self) -> int:
        return int(self.cost.shape[0])

    def select(self, mask: NDArray[np.bool_]) -> CostPairs:
        """The pairs where ``mask`` is true."""
        return CostPairs(
            self.origin[mask],
            self.destination[mask],
            self.cost[mask],
            self.n_origins,
            self.n_destinations,
        )

    def to_csr(self):
        """``scipy.sparse.csr_matrix`` of the costs (zero costs are lost: use only for display)."""
        from scipy import sparse

        return sparse.csr_matrix(
            (self.cost, (self.origin, self.destination)),
            shape=(self.n_origins, self.n_destinations),
        )


def _xy(name: str, points: ArrayLike) -> NDArray[np.float64]:
    arr = np.asarray(points, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{what}: expected x, y coordinates."), what=name
        )
    bad = np.flatnonzero(~np.isfinite(arr).all(axis=1))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{what}: missing or infinite coordinates."),
            bad,
            what=name,
        )
    return arr


#: Relative margin of the KD-tree queries around a radius (far above the few ulps by which the
#: tree's squared-distance test and :func:`euclidean` can differ, far below any real distance).
_MARGIN = 1e-9


def _widen(radius: float) -> float:
    """A radius slightly larger than ``radius`` (query it, then filter on ``≤ radius``)."""
    return float(radius) * (1.0 + _MARGIN)


def _narrow(radius: float) -> float:
    """A radius slightly smaller than ``radius``: the tree's hits within it are surely ``≤ radius``."""
    return float(radius) * (1.0 - _MARGIN)


def euclidean(a: NDArray[np.float64], b: NDArray[np.float64]) -> NDArray[np.float64]:
    """Row-wise distances between two ``(n, 2)`` arrays: ``sqrt(dx² + dy²)``.

    The one distance formula of this module (the nearest search, the counts and the pairs use it),
    the same as ``scipy.spatial.distance.cdist(..., "euclidean")``.
    """
    dx = a[:, 0] - b[:, 0]
    dy = a[:, 1] - b[:, 1]
    return np.sqrt(dx * dx + dy * dy)


def _around(
    tree, o: NDArray[np.float64], d: NDArray[np.float64], rows: NDArray[np.int64], radius: float
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """Pairs (origin, destination, :func:`euclidean` distance) of the origins ``rows`` whose
    destination the tree finds within ``radius`` (for the few origins near a cut-off)."""
    if rows.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
    hits = tree.query_ball_point(o[rows], radius)
    lengths = np.fromiter((len(h) for h in hits), np.int64, rows.size)
    i = np.repeat(rows, lengths)
    j = np.fromiter((k for h in hits for k in h), np.int64, int(lengths.sum()))
    return i, j, euclidean(o[i], d[j])


def pairs_within(
    origins: ArrayLike,
    destinations: ArrayLike,
    radius: float,
    *,
    workers: int | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> CostPairs:
    """All origin–destination pairs at most ``radius`` apart, with their Euclidean distances.

    The origins are cut into ``workers`` strips along x; each strip's KD-tree is joined with the
    destinations' KD-tree (``cKDTree.sparse_distance_matrix``, a dual-tree traversal that releases
    the GIL) on its own thread. No dense matrix and no Python loop per pair.

    Parameters
    ----------
    origins, destinations
        ``(n, 2)`` projected coordinates (metres or any unit of ``radius``).
    radius
        Search radius, > 0 (pairs at exactly ``radius`` are kept: distance ``≤ radius``).
    workers
        Threads (default: the number of CPUs, at most 4).

    Returns
    -------
    CostPairs
        ``cost`` holds the distances (:func:`euclidean` for the pairs near ``radius``, which
        decide the cut-off; the KD-tree's elsewhere, equal to a few ulps); pairs are in no
        particular order.
    """
    from scipy.spatial import cKDTree

    o = _xy("Origins", origins)
    d = _xy("Destinations", destinations)
    if not radius > 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The search radius must be positive."))
    n_o, n_d = o.shape[0], d.shape[0]
    if n_o == 0 or n_d == 0:
        return CostPairs(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), n_o, n_d)
    workers = max(1, min(workers or (os.cpu_count() or 1), 4, n_o))
    dest_tree = cKDTree(d)
    strips = np.array_split(np.argsort(o[:, 0], kind="stable"), workers)

    wide = _widen(radius)

    def join(idx: NDArray[np.int64]):
        if is_canceled is not None and is_canceled():
            raise Canceled()
        res = cKDTree(o[idx]).sparse_distance_matrix(dest_tree, wide, output_type="ndarray")
        i, j = idx[res["i"]], res["j"].astype(np.int64)
        dist = res["v"]
        # Only pairs near the radius can be decided differently by the tree and by euclidean():
        # recompute those (a thin band), keep the tree's distance elsewhere (equal to a few ulps).
        band = np.flatnonzero(dist > _narrow(radius))
        if band.size:
            dist[band] = euclidean(o[i[band]], d[j[band]])
        keep = dist <= radius
        return i[keep], j[keep], dist[keep]

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(join, strips))
    if progress is not None:
        progress(1.0)
    origin = np.concatenate([r[0] for r in results])
    dest = np.concatenate([r[1] for r in results])
    dist = np.concatenate([r[2] for r in results])
    return CostPairs(origin, dest, dist, n_o, n_d)


def straight_line_minutes(
    distance_m: ArrayLike, speed_kmh: float, detour: float = 1.3
) -> NDArray[np.float64]:
    """Travel time in minutes from a straight-line distance: ``distance × detour / speed``.

    ``detour`` (circuity) defaults to 1.3, a common rule of thumb for road distance over straight
    line in rural France (a ReTerr default, METHODS §1.1, not a published figure; callers may
    pass their own).
    """
    if not speed_kmh > 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The speed must be positive."))
    if not detour >= 1:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The detour factor must be at least 1."))
    return np.asarray(distance_m, dtype=np.float64) * (detour * 60.0 / (speed_kmh * 1000.0))


def nearest_within(
    origins: ArrayLike,
    destinations: ArrayLike,
    max_distance: float = np.inf,
    *,
    workers: int = -1,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Distance to, and index of, the nearest destination of each origin (straight line).

    Origins with no destination within ``max_distance`` (inclusive: distance ``≤ max_distance``,
    as :func:`count_within` and :func:`pairs_within`) get ``inf`` and index ``-1``. One KD-tree
    query on all cores (``workers=-1``); distances are :func:`euclidean`.
    """
    from scipy.spatial import cKDTree

    o = _xy("Origins", origins)
    d = _xy("Destinations", destinations)
    n_o = o.shape[0]
    dist = np.full(n_o, np.inf)
    idx = np.full(n_o, -1, dtype=np.int64)
    if d.shape[0] == 0 or n_o == 0:
        return dist, idx
    tree = cKDTree(d)
    wide = _widen(max_distance)
    # The tree's bound is strict: the next float above the widened radius makes it inclusive.
    kd_dist, kd_idx = tree.query(
        o, k=1, distance_upper_bound=np.nextafter(wide, np.inf), workers=workers
    )
    found = np.flatnonzero(np.isfinite(kd_dist))
    near = euclidean(o[found], d[kd_idx[found]])
    ok = near <= max_distance
    dist[found[ok]] = near[ok]
    idx[found[ok]] = kd_idx[found[ok]]
    # The tree's nearest lies just beyond the radius by our formula (a tie within a few ulps at
    # the radius): look at every destination in the thin shell for one that is within.
    i, j, near = _around(tree, o, d, found[~ok], wide)
    keep = near <= max_distance
    i, j, near = i[keep], j[keep], near[keep]
    order = np.lexsort((near, i))  # by origin, then by distance
    i, j, near = i[order], j[order], near[order]
    first = np.unique(i, return_index=True)[1]  # each origin's smallest distance
    dist[i[first]] = near[first]
    idx[i[first]] = j[first]
    return dist, idx


def count_within(
    origins: ArrayLike, destinations: ArrayLike, radius: float, *, workers: int = -1
) -> NDArray[np.int64]:
    """Number of destinations within ``radius`` (inclusive) of each origin (straight line).

    The same pairs as :func:`pairs_within` (distance :func:`euclidean` ``≤ radius``), without
    listing them: two ball counts, a little wider and a little narrower than ``radius``, and a
    distance check of the few pairs that fall between them.
    """
    from scipy.spatial import cKDTree

    o = _xy("Origins", origins)
    d = _xy("Destinations", destinations)
    if d.shape[0] == 0 or o.shape[0] == 0:
        return np.zeros(o.shape[0], dtype=np.int64)
    tree = cKDTree(d)
    wide, narrow = _widen(radius), _narrow(radius)
    hi = np.asarray(tree.query_ball_point(o, r=wide, return_length=True, workers=workers), np.int64)
    if wide == narrow:  # 0 or inf: no shell
        return hi
    lo = np.asarray(
        tree.query_ball_point(o, r=narrow, return_length=True, workers=workers), np.int64
    )
    shell = np.flatnonzero(hi != lo)
    i, _, dist = _around(tree, o, d, shell, wide)
    lo[shell] = np.bincount(i[dist <= radius], minlength=o.shape[0])[shell]
    return lo
