"""Snapping: each point's entry into the network, its nearest node (:func:`snap_points`), and the
time of the straight line between them (the access time, added at both ends of a trip).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError
from .graph import RoadGraph
from .speeds import M_PER_MIN_PER_KMH

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def check_snapping(
    max_distance_m: float, access_speed_kmh: float, *, finite_distance: bool = False
) -> None:
    """Refuse a snapping distance or an access speed that is not positive.

    Parameters
    ----------
    max_distance_m
        Largest distance from a point to its node, metres (``inf`` allowed unless
        ``finite_distance``).
    access_speed_kmh
        Speed over that distance, km/h (finite).
    finite_distance
        Also refuse an infinite distance.

    Raises
    ------
    InputError
        Naming the bad parameter.
    """
    if not (max_distance_m > 0) or (finite_distance and not np.isfinite(max_distance_m)):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The maximum snapping distance must be positive.")
        )
    if not (np.isfinite(access_speed_kmh) and access_speed_kmh > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The access speed must be positive (km/h).")
        )


@dataclass(eq=False)
class SnapResult:
    """Network entry of each point.

    Attributes
    ----------
    node
        Node index, -1 where the nearest node is farther than ``max_distance_m``.
    distance_m
        Straight-line distance to that node (inf where not snapped).
    access_min
        Time to walk/drive that distance at the access speed, minutes (inf where not snapped).
    """

    node: IntArray
    distance_m: FloatArray
    access_min: FloatArray

    @property
    def unsnapped(self) -> IntArray:
        """Rows of the points too far from the network."""
        return np.flatnonzero(self.node < 0)


def snap_points(
    graph: RoadGraph,
    xy: ArrayLike,
    *,
    max_distance_m: float,
    access_speed_kmh: float = 15.0,
    largest_component_only: bool = False,
) -> SnapResult:
    """Snap points to their nearest network node.

    Parameters
    ----------
    graph
        The network.
    xy
        ``(n, 2)`` point coordinates in the graph's CRS.
    max_distance_m
        Points whose nearest node is farther are not snapped (node -1): the caller reports them.
    access_speed_kmh
        Speed over the straight line between a point and its node (15 km/h by default: slow
        driving on a driveway or a car park, a fast walk being 5).
    largest_component_only
        Snap only to nodes of the largest connected component, so that a point is never attached
        to a small island of the network (an unconnected car park, a mis-digitised street).

    Returns
    -------
    SnapResult
    """
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} points have missing coordinates."),
            bad,
            n=bad.size,
        )
    check_snapping(max_distance_m, access_speed_kmh)
    tree, ids = graph.tree(largest_component_only)
    dist, idx = tree.query(pts, k=1, distance_upper_bound=float(max_distance_m), workers=-1)
    dist = np.asarray(dist, dtype=np.float64).ravel()
    idx = np.asarray(idx, dtype=np.int64).ravel()
    found = np.isfinite(dist)
    node = np.full(pts.shape[0], -1, dtype=np.int64)
    node[found] = ids[idx[found]]
    access = np.where(found, dist / (access_speed_kmh * M_PER_MIN_PER_KMH), np.inf)
    return SnapResult(node=node, distance_m=np.where(found, dist, np.inf), access_min=access)
