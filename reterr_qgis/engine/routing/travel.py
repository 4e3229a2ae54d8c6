"""Travel-cost sources: where times between origins and destinations come from.

:class:`TravelCosts` is the interface the indicators use (nearest destination, pairs within a
cut-off, counts); :class:`StraightLineCosts` (distance × detour / speed) and :class:`NetworkCosts`
(a :class:`~.graph.RoadGraph`: access to the nearest node, the network, access from the node) are
its two sources. Points are located once (:meth:`TravelCosts.locate`: checked and, on a network,
snapped) into :class:`Places`, which every method accepts as well as raw ``(n, 2)`` coordinates,
so that repeated runs snap once.

Conventions
-----------
* Times are **minutes** and measure travel **from the origin to the destination** (home →
  service). On a road network with one-way streets this is not the destination → origin time: the
  searches run on the transposed graph from the destinations (:func:`~.search.nearest` with
  ``reverse=True``) or from the side with fewer nodes in :func:`~.search.od_matrix`, which both
  give origin → destination times, access time to the network included at both ends.
* "Within ``T``" is inclusive (``c ≤ T``). Unreachable points (not snapped to the network, or on
  another component, or beyond the search cut-off) have an infinite time.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from .callbacks import IsCanceled, Progress, check_canceled
from .costs import CostPairs, count_within, nearest_within, pairs_within, straight_line_minutes
from .graph import RoadGraph
from .search import check_cutoff, nearest, od_matrix
from .snap import check_snapping, snap_points

sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

# Messages about points, by role (literal templates, for the translation extractor).
_XY_MESSAGES = {
    "demand": QT_TRANSLATE_NOOP(
        "ReterrEngine", "{n} demand units have missing or infinite coordinates."
    ),
    "facilities": QT_TRANSLATE_NOOP(
        "ReterrEngine", "{n} facilities have missing or infinite coordinates."
    ),
    "candidates": QT_TRANSLATE_NOOP(
        "ReterrEngine", "{n} candidate sites have missing or infinite coordinates."
    ),
    "points": QT_TRANSLATE_NOOP("ReterrEngine", "{n} points have missing or infinite coordinates."),
}
_SNAP_MESSAGES = {
    "demand": QT_TRANSLATE_NOOP(
        "ReterrEngine",
        "{n} demand units are more than {d} m from the network: they count as unreachable.",
    ),
    "facilities": QT_TRANSLATE_NOOP(
        "ReterrEngine",
        "{n} facilities are more than {d} m from the network: they are left out.",
    ),
    "candidates": QT_TRANSLATE_NOOP(
        "ReterrEngine",
        "{n} candidate sites are more than {d} m from the network: they are left out.",
    ),
    "points": QT_TRANSLATE_NOOP(
        "ReterrEngine", "{n} points are more than {d} m from the network: they are left out."
    ),
}


@dataclass(eq=False)
class Places:
    """Points located for a cost source.

    Attributes
    ----------
    xy
        ``(n, 2)`` projected coordinates.
    node
        Network node of each point (-1: farther than the snapping distance); None for straight line.
    access_min
        Minutes from each point to its node (inf where not snapped); None for straight line.
    role
        ``"demand"``, ``"facilities"``, ``"candidates"`` or ``"points"`` (chooses the messages).
    """

    xy: FloatArray
    node: Optional[IntArray] = None
    access_min: Optional[FloatArray] = None
    role: str = "points"

    def __len__(self) -> int:
        return int(self.xy.shape[0])

    @property
    def unsnapped(self) -> IntArray:
        """Rows of the points too far from the network (none for straight-line costs)."""
        if self.node is None:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(self.node < 0).astype(np.int64)

    def subset(self, rows: ArrayLike) -> Places:
        """The points at ``rows`` (in that order)."""
        r = np.asarray(rows, dtype=np.int64)
        return Places(
            self.xy[r],
            None if self.node is None else self.node[r],
            None if self.access_min is None else self.access_min[r],
            self.role,
        )

    def concat(self, other: Places) -> Places:
        """These points followed by ``other`` (located by the same cost source)."""
        if (self.node is None) != (other.node is None):
            raise ValueError("points located by different cost sources")
        return Places(
            np.concatenate((self.xy, other.xy)),
            None if self.node is None else np.concatenate((self.node, other.node)),
            None
            if self.access_min is None
            else np.concatenate((self.access_min, other.access_min)),
            self.role,
        )


PointsLike = Union[Places, ArrayLike]


def _check_xy(xy: ArrayLike, role: str) -> FloatArray:
    """``(n, 2)`` float64 coordinates; errors name the rows with missing ones, in ``role``'s words."""
    arr = np.asarray(xy, dtype=np.float64)
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Expected (x, y) coordinates, one row per point.")
        )
    bad = np.flatnonzero(~np.isfinite(arr).all(axis=1))
    if bad.size:
        raise InputError(_XY_MESSAGES.get(role, _XY_MESSAGES["points"]), bad, n=bad.size)
    return arr


class TravelCosts(ABC):
    """A source of travel times in minutes, from origins (homes) to destinations (services).

    Subclasses: :class:`StraightLineCosts`, :class:`NetworkCosts`. Every method takes points as
    :class:`Places` (from :meth:`locate`, reused across calls) or as ``(n, 2)`` coordinates.
    """

    def locate(self, xy: PointsLike, role: str = "points") -> Places:
        """Validate the coordinates (and snap them to the network, for a network).

        Parameters
        ----------
        xy
            ``(n, 2)`` projected coordinates (or already located :class:`Places`, returned as is).
        role
            ``"demand"``, ``"facilities"``, ``"candidates"`` or ``"points"``: names the rows in the
            messages.

        Raises
        ------
        InputError
            Missing or infinite coordinates, with their rows.
        """
        if isinstance(xy, Places):
            return xy
        return Places(_check_xy(xy, role), role=role)

    def snap_warning(self, places: Places) -> Optional[Message]:
        """A message about the points too far from the network (None if all are snapped)."""
        return None

    @abstractmethod
    def nearest(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float = np.inf,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> tuple[FloatArray, IntArray]:
        """Time from each origin to its nearest destination, and that destination's index.

        Returns
        -------
        time, index
            ``inf`` and ``-1`` where no destination is within ``cutoff`` (inclusive) or reachable.
        """

    @abstractmethod
    def pairs(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> CostPairs:
        """Every origin → destination pair with a time ``≤ cutoff`` (finite), kept sparse."""

    def count(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> IntArray:
        """Number of destinations within ``cutoff`` minutes (inclusive) of each origin."""
        p = self.pairs(origins, destinations, cutoff, progress=progress, is_canceled=is_canceled)
        return np.bincount(p.origin, minlength=p.n_origins).astype(np.int64)


class StraightLineCosts(TravelCosts):
    """Straight-line times: ``distance × detour / speed``, in a projected CRS in metres.

    Parameters
    ----------
    speed_kmh
        Average speed, km/h.
    detour
        Circuity factor, road distance over straight-line distance (≥ 1; default 1.3 [V]).

    Notes
    -----
    Searches run on distances: a time ``≤ T`` is a distance ``≤ r(T)``, ``r(T)`` being the largest
    float whose time is ``≤ T``. Every search measures the distance the same way
    (:func:`~.costs.euclidean`, inclusive at its radius) and the time is always ``distance ×
    minutes_per_m``, so that the nearest search, the pair list and the counts (hence the floating
    catchments and the location suggestions) agree exactly at the cut-off.
    """

    def __init__(self, speed_kmh: float, detour: float = 1.3) -> None:
        #: Minutes per metre of straight line.
        self.minutes_per_m = float(straight_line_minutes(1.0, speed_kmh, detour))
        self.speed_kmh = float(speed_kmh)
        self.detour = float(detour)

    def radius(self, cutoff: float) -> float:
        """Largest straight-line distance (m) whose time is at most ``cutoff`` minutes."""
        c = check_cutoff(cutoff)
        if np.isinf(c):
            return np.inf
        k = self.minutes_per_m
        r = c / k
        while r > 0 and r * k > c:
            r = np.nextafter(r, 0.0)
        while np.nextafter(r, np.inf) * k <= c:
            r = np.nextafter(r, np.inf)
        return float(r)

    def nearest(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float = np.inf,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> tuple[FloatArray, IntArray]:
        """See :meth:`TravelCosts.nearest` (one KD-tree query)."""
        o = self.locate(origins, "demand")
        d = self.locate(destinations, "facilities")
        r = self.radius(cutoff)
        check_canceled(is_canceled)
        if len(o) == 0:
            return np.zeros(0), np.zeros(0, dtype=np.int64)
        dist, idx = nearest_within(o.xy, d.xy, r)  # inclusive: distance ≤ r
        time = dist * self.minutes_per_m
        beyond = time > cutoff  # none: time is monotone in distance (kept as the definition)
        time[beyond], idx[beyond] = np.inf, -1
        if progress is not None:
            progress(1.0)
        return time, idx

    def pairs(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> CostPairs:
        """See :meth:`TravelCosts.pairs` (KD-tree joins, :func:`~.costs.pairs_within`)."""
        o = self.locate(origins, "demand")
        d = self.locate(destinations, "facilities")
        c = check_cutoff(cutoff, finite=True)
        r = self.radius(c)
        # A zero cut-off keeps only points at the same place (the KD-tree join needs r > 0).
        r = max(r, float(np.nextafter(0.0, 1.0)))
        p = pairs_within(o.xy, d.xy, r, is_canceled=is_canceled)
        p.cost = p.cost * self.minutes_per_m
        p = p.select(p.cost <= c)  # all of them: time is monotone in distance
        if progress is not None:
            progress(1.0)
        return p

    def count(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> IntArray:
        """See :meth:`TravelCosts.count` (ball counts, no pair materialised)."""
        o = self.locate(origins, "demand")
        d = self.locate(destinations, "facilities")
        r = self.radius(cutoff)
        check_canceled(is_canceled)
        if len(o) == 0:
            return np.zeros(0, dtype=np.int64)
        if np.isinf(r):
            return np.full(len(o), len(d), dtype=np.int64)
        out = count_within(o.xy, d.xy, r)
        if progress is not None:
            progress(1.0)
        return out


class NetworkCosts(TravelCosts):
    """Road-network times: access to the nearest node, the network, access from the node.

    Parameters
    ----------
    graph
        The road graph (minutes on its arcs).
    max_snap_m
        Points whose nearest node is farther are not snapped: unreachable demand units, left-out
        facilities (reported).
    access_speed_kmh
        Speed over the straight line between a point and its node (default 15 km/h, see
        :func:`~.snap.snap_points`).
    largest_component_only
        Snap only to the largest connected component (no point stranded on an island).
    """

    def __init__(
        self,
        graph: RoadGraph,
        max_snap_m: float,
        access_speed_kmh: float = 15.0,
        *,
        largest_component_only: bool = False,
    ) -> None:
        check_snapping(max_snap_m, access_speed_kmh, finite_distance=True)
        self.graph = graph
        self.max_snap_m = float(max_snap_m)
        self.access_speed_kmh = float(access_speed_kmh)
        self.largest_component_only = bool(largest_component_only)

    def locate(self, xy: PointsLike, role: str = "points") -> Places:
        """Validate and snap the points (see :meth:`TravelCosts.locate`)."""
        if isinstance(xy, Places):
            if xy.node is None:
                return self.locate(xy.xy, xy.role)
            return xy
        pts = _check_xy(xy, role)
        snap = snap_points(
            self.graph,
            pts,
            max_distance_m=self.max_snap_m,
            access_speed_kmh=self.access_speed_kmh,
            largest_component_only=self.largest_component_only,
        )
        return Places(pts, snap.node, snap.access_min, role)

    def snap_warning(self, places: Places) -> Optional[Message]:
        """The message naming how many points are too far from the network (None if none)."""
        n = int(places.unsnapped.size)
        if n == 0:
            return None
        template = _SNAP_MESSAGES.get(places.role, _SNAP_MESSAGES["points"])
        return Message(template, {"n": n, "d": f"{self.max_snap_m:g}"})

    def nearest(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float = np.inf,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> tuple[FloatArray, IntArray]:
        """See :meth:`TravelCosts.nearest`.

        One multi-source search from the destinations on the transposed graph
        (:func:`~.search.nearest` with ``reverse=True``): at every node, the time from that node
        to the nearest destination, the destination's access time included (the virtual source's
        arcs cost it); then each origin adds its own access time.
        """
        c = check_cutoff(cutoff)
        o = self.locate(origins, "demand")
        d = self.locate(destinations, "facilities")
        time = np.full(len(o), np.inf)
        index = np.full(len(o), -1, dtype=np.int64)
        ok = np.flatnonzero(o.node >= 0)
        if ok.size == 0 or not (d.node >= 0).any():
            return time, index
        o_acc = o.access_min[ok]
        limit = c - float(o_acc.min())
        if limit < 0:
            return time, index
        res = nearest(
            self.graph,
            d.node,
            d.access_min,
            limit,
            reverse=True,
            progress=progress,
            is_canceled=is_canceled,
        )
        t = res.cost[o.node[ok]] + o_acc
        within = t <= c
        time[ok[within]] = t[within]
        index[ok[within]] = res.source[o.node[ok[within]]]
        return time, index

    def _od(self, origins, destinations, cutoff, progress, is_canceled) -> sparse.csr_matrix:
        c = check_cutoff(cutoff, finite=True)
        o = self.locate(origins, "demand")
        d = self.locate(destinations, "facilities")
        return od_matrix(
            self.graph,
            o.node,
            o.access_min,
            d.node,
            d.access_min,
            c,
            progress=progress,
            is_canceled=is_canceled,
        )

    def pairs(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> CostPairs:
        """See :meth:`TravelCosts.pairs` (bounded searches, :func:`~.search.od_matrix`)."""
        m = self._od(origins, destinations, cutoff, progress, is_canceled)
        n_o, n_d = m.shape
        origin = np.repeat(np.arange(n_o, dtype=np.int64), np.diff(m.indptr))
        return CostPairs(origin, m.indices.astype(np.int64), m.data.copy(), n_o, n_d)

    def count(
        self,
        origins: PointsLike,
        destinations: PointsLike,
        cutoff: float,
        *,
        progress: Progress = None,
        is_canceled: IsCanceled = None,
    ) -> IntArray:
        """See :meth:`TravelCosts.count` (row lengths of the sparse OD matrix)."""
        m = self._od(origins, destinations, cutoff, progress, is_canceled)
        return np.diff(m.indptr).astype(np.int64)
