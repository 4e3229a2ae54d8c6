"""Origin–destination pairs and their travel costs, kept sparse.

Costs are given as :class:`CostPairs` (coordinate lists) rather than a sparse matrix: a demand point lying
on a facility has a cost of exactly 0, which a sparse matrix would silently drop.
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
        Search radius, > 0 (pairs at exactly ``radius`` are kept).
    workers
        Threads (default: the number of CPUs, at most 4).

    Returns
    -------
    CostPairs
        ``cost`` holds the distances; pairs are in no particular order.
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

    def join(idx: NDArray[np.int64]):
        if is_canceled is not None and is_canceled():
            raise Canceled()
        res = cKDTree(o[idx]).sparse_distance_matrix(dest_tree, radius, output_type="ndarray")
        return idx[res["i"]], res["j"].astype(np.int64), res["v"]

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(join, strips))
    if progress is not None:
        progress(100.0)
    origin = np.concatenate([r[0] for r in results])
    dest = np.concatenate([r[1] for r in results])
    dist = np.concatenate([r[2] for r in results])
    return CostPairs(origin, dest, dist, n_o, n_d)


def straight_line_minutes(
    distance_m: ArrayLike, speed_kmh: float, detour: float = 1.3
) -> NDArray[np.float64]:
    """Travel time in minutes from a straight-line distance: ``distance × detour / speed``.

    ``detour`` (circuity) defaults to 1.3, a common rule of thumb for road distance over straight
    line in rural France [V: to be confirmed against a road network].
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

    Origins with no destination within ``max_distance`` get ``inf`` and index ``-1``. One KD-tree
    query on all cores (``workers=-1``).
    """
    from scipy.spatial import cKDTree

    o = _xy("Origins", origins)
    d = _xy("Destinations", destinations)
    if d.shape[0] == 0:
        return np.full(o.shape[0], np.inf), np.full(o.shape[0], -1, dtype=np.int64)
    dist, idx = cKDTree(d).query(o, k=1, distance_upper_bound=max_distance, workers=workers)
    idx = np.asarray(idx, dtype=np.int64)
    idx[~np.isfinite(dist)] = -1
    return np.asarray(dist, dtype=np.float64), idx


def count_within(
    origins: ArrayLike, destinations: ArrayLike, radius: float, *, workers: int = -1
) -> NDArray[np.int64]:
    """Number of destinations within ``radius`` (inclusive) of each origin (straight line)."""
    from scipy.spatial import cKDTree

    o = _xy("Origins", origins)
    d = _xy("Destinations", destinations)
    if d.shape[0] == 0 or o.shape[0] == 0:
        return np.zeros(o.shape[0], dtype=np.int64)
    counts = cKDTree(d).query_ball_point(o, r=radius, return_length=True, workers=workers)
    return np.asarray(counts, dtype=np.int64)
