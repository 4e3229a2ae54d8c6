"""Assign small units (communes, IRIS) to a coarser zoning (EPCI, a user layer).

Geometries are shapely 2 arrays in one projected CRS. The result is a sparse ``n_units × n_zones``
weight matrix consumed by :func:`reterr_qgis.engine.profile.territory.aggregate_counts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np
from numpy.typing import NDArray

from .errors import QT_TRANSLATE_NOOP, InputError
from .lazy import lazy_module

shapely = lazy_module("shapely")
sparse = lazy_module("scipy.sparse")


class AssignMethod(str, Enum):
    """How a unit's counts go to zones."""

    #: Whole unit to the zone that contains its interior point (``point_on_surface``). Fast; right
    #: for nested zonings (communes in EPCI).
    INTERIOR_POINT = "interior_point"
    #: Whole unit to the zone it overlaps most. Robust to slightly mismatched boundaries.
    LARGEST_OVERLAP = "largest_overlap"
    #: Counts split by the share of the unit's area in each zone (areal interpolation, assumes
    #: counts are spread evenly over the unit). For zonings that cut units.
    AREA_WEIGHTED = "area_weighted"


@dataclass
class ZoneAssignment:
    """Weights of units in zones, and the units that fell outside every zone.

    ``outside`` is, per unit, the share of its counts that goes to no zone: 1 for an unassigned
    unit, 0 for one assigned whole, and with ``AREA_WEIGHTED`` the share of its area outside
    every zone (a zoning shifted by a kilometre leaves a few percent of the border units out).
    With ``AREA_WEIGHTED``, ``ambiguous`` lists the units whose area shares add up to more than
    1 (overlapping zones: their counts would be counted more than once).
    """

    weights: sparse.csr_matrix
    unassigned: NDArray[np.intp]
    ambiguous: NDArray[np.intp]
    outside: NDArray[np.float64] | None = None


def _check_geoms(name: str, geoms: NDArray[np.object_]) -> None:
    bad = np.flatnonzero(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{layer}: empty or missing geometries."),
            bad,
            layer=name,
        )
    bad = np.flatnonzero(~shapely.is_valid(geoms))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "{layer}: invalid geometries (run 'Fix geometries' first)."
            ),
            bad,
            layer=name,
        )


def zone_weights(
    units: NDArray[np.object_],
    zones: NDArray[np.object_],
    method: AssignMethod | str = AssignMethod.INTERIOR_POINT,
) -> ZoneAssignment:
    """Weight matrix of ``units`` in ``zones``.

    Parameters
    ----------
    units, zones
        Arrays of shapely polygons (or points for ``units`` with ``INTERIOR_POINT``) in the same
        projected CRS.
    method
        See :class:`AssignMethod`.

    Returns
    -------
    ZoneAssignment
        ``weights`` (rows of units, columns of zones); ``unassigned`` rows that touch no zone;
        ``ambiguous`` rows whose interior point lies in several overlapping zones (the first zone is
        kept).
    """
    method = AssignMethod(method)
    units = np.asarray(units, dtype=object)
    zones = np.asarray(zones, dtype=object)
    _check_geoms("Units", units)
    _check_geoms("Zones", zones)
    n, m = units.shape[0], zones.shape[0]
    tree = shapely.STRtree(zones)
    ambiguous = np.empty(0, dtype=np.intp)

    if method is AssignMethod.INTERIOR_POINT:
        points = shapely.point_on_surface(units)
        u, z = tree.query(points, predicate="intersects")
        order = np.lexsort((z, u))
        u, z = u[order], z[order]
        first = np.ones(u.shape[0], dtype=bool)
        first[1:] = u[1:] != u[:-1]
        counts = np.bincount(u, minlength=n)
        ambiguous = np.flatnonzero(counts > 1)
        rows, cols, vals = u[first], z[first], np.ones(int(first.sum()))
    else:
        u, z = tree.query(units, predicate="intersects")
        inter = shapely.area(shapely.intersection(units[u], zones[z]))
        area = shapely.area(units)
        share = np.divide(inter, area[u], out=np.zeros_like(inter), where=area[u] > 0)
        keep = share > 1e-9
        u, z, share = u[keep], z[keep], share[keep]
        if method is AssignMethod.LARGEST_OVERLAP:
            order = np.lexsort((-share, u))
            u, z = u[order], z[order]
            first = np.ones(u.shape[0], dtype=bool)
            first[1:] = u[1:] != u[:-1]
            rows, cols, vals = u[first], z[first], np.ones(int(first.sum()))
        else:
            rows, cols, vals = u, z, share

    w = sparse.csr_matrix((vals, (rows, cols)), shape=(n, m))
    assigned = np.zeros(n, dtype=bool)
    assigned[rows] = True
    placed = np.asarray(w.sum(axis=1)).ravel()
    if method is AssignMethod.AREA_WEIGHTED:
        ambiguous = np.flatnonzero(placed > 1.0 + 1e-6)
    # Below 1e-9 of a unit's area is floating-point noise of the intersections, not a loss.
    outside = np.clip(1.0 - placed, 0.0, 1.0)
    outside[outside < 1e-9] = 0.0
    return ZoneAssignment(
        weights=w, unassigned=np.flatnonzero(~assigned), ambiguous=ambiguous, outside=outside
    )


def dissolve(geoms: NDArray[np.object_], weights: sparse.spmatrix) -> NDArray[np.object_]:
    """Union of the unit geometries of each zone (column of ``weights``); None for an empty zone."""
    w = sparse.csc_matrix(weights)
    geoms = np.asarray(geoms, dtype=object)
    out = np.empty(w.shape[1], dtype=object)
    for j in range(w.shape[1]):
        members = w.indices[w.indptr[j] : w.indptr[j + 1]]
        if members.size == 0:
            out[j] = None
            continue
        merged = shapely.union_all(geoms[members], grid_size=None)
        out[j] = merged if shapely.is_valid(merged) else shapely.make_valid(merged)
    return out
