"""Farmland per crop group and territory, from RPG parcels or from a land-cover raster.

Both sources give a ``(m, 8)`` matrix of hectares, columns :data:`~.groups.TARGET_IDS`: the five
crop groups, then ``exclu`` (land CRATer counts as non-productive), ``non_agricole`` (land-cover
only) and ``non_classe`` (codes or classes absent from the mapping table: counted, listed, never
dropped).

**RPG** (:func:`farmland_from_rpg`) — parcels are shapely polygons with their ``CODE_GROUP`` and/or
``CODE_CULTU``; a code → group table (``rpg_crop_groups.csv``) classifies them. A parcel that
crosses a territory boundary is split by area:

1. candidate (parcel, territory) pairs from an STRtree of the territories (bounding boxes);
2. a parcel lying in the interior of a territory (prepared ``contains_properly``) goes to it
   whole;
3. the others (crossing a boundary, on it, or outside every territory) are intersected with the
   territories, vectorised (``shapely.intersection`` / ``area``). Territories are first cut into
   pieces of at most :data:`SUBDIVIDE_MAX_VERTICES` vertices (recursive halving of the bounding
   box, as PostGIS ``ST_Subdivide``): the cost of an intersection grows with the vertex count of
   the large polygon, and the pieces tile the territory exactly.

Areas are planar (square metres of the projected CRS → hectares), so the areas of a parcel's
pieces add up to its area; what lies outside every territory is reported. Overlapping parcels
(the same field declared twice, nested parcels) are detected and reported, not removed.

**Raster** (:func:`farmland_from_raster`, needs ``rasterio``) — territories are rasterised once to
a label grid over the part of the raster they cover (:func:`build_label_grid`, cacheable under
:func:`label_grid_key`), the raster is read in strips of rows (windows), classes are mapped to a
compact index and the pixels counted per (label, index); pixel area comes from the raster's
transform. Territories in another CRS are reprojected to the raster's (GDAL, through rasterio: see
:func:`_crs`).

A pixel belongs to the territory that contains its centre (GDAL's default rule). The label grid is
drawn by a scanline fill (:func:`_scanline_labels`) that gives GDAL's grid pixel for pixel (tested
against ``rasterio.features.rasterize``) wherever no pixel centre lies exactly on an edge (on such
a tie GDAL's rule may give the pixel to the other side), in a fraction of its time:
``rasterio.features.rasterize`` converts each shapely polygon through ``__geo_interface__`` in
Python (8 s measured here for 35,000 territories of 110 vertices). GDAL is still used for rotated
grids, ``all_touched`` and overlapping territories (the last one drawn wins).

**Compiled kernels** — when numba is installed (the plugin's optional accelerator, as for the
road searches) the fill and the count run compiled (:mod:`._raster_kernels`, loaded by
:func:`_compiled_kernels`): edges become crossings bucketed by row, each row is filled by one
prefix XOR; each strip's labels and raw values are read once and counted in place, by several
threads (bands of rows, each with its own counts) while the next strip is read. The geometry
digest of the cache key is hashed in another thread while the grid is drawn, and the territories'
areas are measured beside the count. Without numba, or with ``RETERR_NO_NUMBA=1``, the numpy code
(``np.bincount(label · n_index + index)``) runs instead: the same grid, the same overlap check,
the same hectares, bit for bit (tested). The first use in a process loads the kernels from
numba's disk cache (about 0.2 s here; a few seconds to compile them the first time).

Measured with ``bench/bench_supply_farmland.py`` (25 Mpx uint8 GeoTIFF, 35,000 territories of
about 110 vertices; each bench run takes the median of 3 runs; a 2-core machine shared with other
jobs, so indicative). Over five bench runs, the median run: 0.33 s including the label grid and
0.19 s with it cached, against 13.8 s and 11.5 s for QGIS ``native:zonalhistogram`` in the same
runs, 35× and 64× (per run 32–60× and 59–103×, except one run under a load average of 3.3: 0.96 s,
16×). The numpy path: 0.99 s and 0.38 s (11× and 28×); before the compiled kernels, 1.37 s and
0.44 s (9× and 30×).
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from ..routing.callbacks import IsCanceled, Progress, check_canceled, tick
from ..routing.search import NO_NUMBA_ENV
from .groups import (
    EXCLUDED,
    N_GROUPS,
    NON_AGRICULTURAL,
    TARGET_IDS,
    UNCLASSIFIED,
    LandcoverMapping,
    RpgMapping,
    load_rpg_mapping,
)

shapely = lazy_module("shapely")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
GeomArray = NDArray[np.object_]

#: Territories are cut into pieces of at most this many vertices before the boundary parcels are
#: intersected with them.
SUBDIVIDE_MAX_VERTICES = 256
#: Pairs intersected per vectorised call (progress and cancel are checked between chunks).
CHUNK = 50_000
#: Relative tolerance when comparing a parcel's pieces with its area.
AREA_RTOL = 1e-7
M2_PER_HA = 10_000.0

_TARGET_INDEX = {t: i for i, t in enumerate(TARGET_IDS)}
_UNCLASSIFIED_I = _TARGET_INDEX[UNCLASSIFIED]


@dataclass(eq=False)
class FarmlandResult:
    """Hectares per territory and target, and what the user must be told.

    Attributes
    ----------
    hectares
        ``(m, 8)`` hectares, columns :data:`~.groups.TARGET_IDS` (five groups, ``exclu``,
        ``non_agricole``, ``non_classe``).
    source
        ``"rpg"`` or ``"raster"``.
    unknown_codes
        Code (RPG: ``CODE_CULTU``, else ``CODE_GROUP``; raster: class value) → hectares inside
        the territories, for codes absent from the mapping table ("non classé").
    outside_ha
        Area of the parcels (RPG) lying outside every territory.
    warnings
        Messages for the user (unknown codes, parcels outside, overlaps, repaired geometries…).
    details
        Source-specific counts and row lists (see :func:`farmland_from_rpg` and
        :func:`farmland_from_raster`).
    """

    hectares: FloatArray
    source: str
    unknown_codes: dict[str, float] = field(default_factory=dict)
    outside_ha: float = 0.0
    warnings: list[Message] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def groups_ha(self) -> FloatArray:
        """``(m, 5)`` hectares of the five crop groups (the farmland counted for adequacy)."""
        return self.hectares[:, :N_GROUPS]

    def column(self, target: str) -> FloatArray:
        """``(m,)`` hectares of one target id."""
        return self.hectares[:, _TARGET_INDEX[target]]

    @property
    def excluded_ha(self) -> FloatArray:
        return self.column(EXCLUDED)

    @property
    def non_agricultural_ha(self) -> FloatArray:
        return self.column(NON_AGRICULTURAL)

    @property
    def unclassified_ha(self) -> FloatArray:
        return self.column(UNCLASSIFIED)


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


def _sub(progress: Progress, start: float, stop: float) -> Progress:
    if progress is None:
        return None
    return lambda f: progress(start + (stop - start) * float(min(max(f, 0.0), 1.0)))


def _names_text(rows: ArrayLike, names: Optional[Sequence[str]], limit: int = 20) -> str:
    rows = np.asarray(rows, dtype=np.int64)
    shown = [str(names[i]) if names is not None else f"#{i + 1}" for i in rows[:limit]]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


def _codes_text(codes: dict[str, float], limit: int = 20) -> str:
    items = sorted(codes.items(), key=lambda kv: -kv[1])
    shown = [f"{c or '(vide)'} ({ha:,.1f} ha)" for c, ha in items[:limit]]
    return ", ".join(shown) + (", …" if len(items) > limit else "")


def _check_territories(territories: GeomArray, validity: bool = True) -> None:
    if territories.shape[0] == 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "No territory given."))
    bad = np.flatnonzero(shapely.is_missing(territories) | shapely.is_empty(territories))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{layer}: empty or missing geometries."),
            bad,
            layer="Territories",
        )
    if not validity:
        return
    bad = np.flatnonzero(~shapely.is_valid(territories))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "{layer}: invalid geometries (run 'Fix geometries' first)."
            ),
            bad,
            layer="Territories",
        )


def subdivide(
    geoms: GeomArray, max_vertices: int = SUBDIVIDE_MAX_VERTICES
) -> tuple[GeomArray, IntArray]:
    """Cut polygons into pieces of at most ``max_vertices`` vertices (or as small as a cut can
    make them): the bounding box of every larger piece is halved across its longer side, level
    by level (vectorised per level). Returns the pieces and the row of their polygon; the pieces
    tile each polygon (areas add up, up to rounding)."""
    pieces = np.asarray(geoms, dtype=object)
    owner = np.arange(pieces.shape[0], dtype=np.int64)
    out_g: list[GeomArray] = []
    out_o: list[IntArray] = []
    for _ in range(64):  # 2^64 pieces: never reached
        if pieces.size == 0:
            break
        small = shapely.get_num_coordinates(pieces) <= max_vertices
        out_g.append(pieces[small])
        out_o.append(owner[small])
        big, big_owner = pieces[~small], owner[~small]
        if big.size == 0:
            break
        b = shapely.bounds(big)
        across_x = (b[:, 2] - b[:, 0]) >= (b[:, 3] - b[:, 1])
        mx, my = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        low = shapely.box(
            b[:, 0], b[:, 1], np.where(across_x, mx, b[:, 2]), np.where(across_x, b[:, 3], my)
        )
        high = shapely.box(
            np.where(across_x, mx, b[:, 0]), np.where(across_x, b[:, 1], my), b[:, 2], b[:, 3]
        )
        halves = np.concatenate([shapely.intersection(big, low), shapely.intersection(big, high)])
        halves_owner = np.concatenate([big_owner, big_owner])
        parts, idx = shapely.get_parts(halves, return_index=True)
        keep = (shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)
        # Pieces that a cut cannot shrink (a long thin sliver) stop here rather than loop.
        pieces, owner = parts[keep], halves_owner[idx[keep]]
    else:  # pragma: no cover
        out_g.append(pieces)
        out_o.append(owner)
    return np.concatenate(out_g), np.concatenate(out_o)


# ---------------------------------------------------------------------------------------------
# RPG parcels
# ---------------------------------------------------------------------------------------------


def _parcel_geometries(parcels: GeomArray) -> tuple[GeomArray, IntArray, IntArray, list[Message]]:
    """Parcels with invalid ones repaired; rows without geometry and rows repaired."""
    missing = np.flatnonzero(shapely.is_missing(parcels) | shapely.is_empty(parcels))
    warnings: list[Message] = []
    geoms = parcels.copy()
    present = np.ones(geoms.shape[0], dtype=bool)
    present[missing] = False
    invalid = np.flatnonzero(present & ~shapely.is_valid(np.where(present, geoms, None)))
    if invalid.size:
        geoms[invalid] = shapely.make_valid(geoms[invalid])
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} parcels had an invalid geometry and were repaired (make_valid) before "
                    "their area was counted.",
                ),
                {"n": int(invalid.size), "row_ids": invalid.tolist()},
            )
        )
    if missing.size:
        geoms[missing] = None
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} parcels have no geometry and are not counted.",
                ),
                {"n": int(missing.size), "row_ids": missing.tolist()},
            )
        )
    return geoms, missing, invalid, warnings


def _overlapping_parcels(
    geoms: GeomArray, method: str, progress: Progress, is_canceled: IsCanceled
) -> tuple[IntArray, FloatArray]:
    """Pairs ``(i, j)``, ``i < j``, of parcels whose interiors overlap, and the overlap areas (m²).

    ``interior_point``: a parcel's interior point (``point_on_surface``) lies strictly inside
    another parcel — finds duplicates, nested parcels and overlaps that cover a parcel's interior
    point, in about a second for 500k parcels; slivers along shared edges are not reported.
    ``exact``: DE-9IM ``T********`` on every intersecting pair (much slower).
    """
    present = np.flatnonzero(~shapely.is_missing(geoms))
    g = geoms[present]
    tree = shapely.STRtree(g)
    if method == "interior_point":
        points = shapely.point_on_surface(g)
        q, s = tree.query(points)
        keep = q != s
        q, s = q[keep], s[keep]
        xy = shapely.get_coordinates(points)
        shapely.prepare(g)
        inside = shapely.contains_xy(g[s], xy[q, 0], xy[q, 1])
        a, b = q[inside], s[inside]
    elif method == "exact":
        q, s = tree.query(g)
        keep = q < s
        q, s = q[keep], s[keep]
        hits = np.zeros(q.shape[0], dtype=bool)
        for start in range(0, q.shape[0], CHUNK):
            check_canceled(is_canceled)
            stop = min(start + CHUNK, q.shape[0])
            hits[start:stop] = shapely.relate_pattern(
                g[q[start:stop]], g[s[start:stop]], "T********"
            )
            tick(progress, stop / max(q.shape[0], 1))
        a, b = q[hits], s[hits]
    else:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Unknown overlap check {method}."), method=method
        )
    pairs = np.unique(np.sort(np.stack([present[a], present[b]], axis=1), axis=1), axis=0)
    if pairs.shape[0] == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    area = shapely.area(shapely.intersection(geoms[pairs[:, 0]], geoms[pairs[:, 1]]))
    return pairs.astype(np.int64), area


def farmland_from_rpg(
    parcels: ArrayLike,
    territories: ArrayLike,
    *,
    code_group: Optional[ArrayLike] = None,
    code_cultu: Optional[ArrayLike] = None,
    mapping: Optional[RpgMapping] = None,
    overlap_check: str = "interior_point",
    max_vertices: int = SUBDIVIDE_MAX_VERTICES,
    names: Optional[Sequence[str]] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> FarmlandResult:
    """Hectares per crop group and territory from RPG parcels (split by area at boundaries).

    Parameters
    ----------
    parcels
        ``(n,)`` shapely polygons in a projected CRS in metres (the RPG's Lambert-93), the same
        as ``territories``. Invalid polygons are repaired (``make_valid``) and counted; parcels
        without geometry are counted and skipped.
    territories
        ``(m,)`` shapely polygons (communes, EPCI…); they should not overlap.
    code_group, code_cultu
        ``(n,)`` RPG ``CODE_GROUP`` (1–28) and ``CODE_CULTU`` (three-letter crop code); at least
        one. ``CODE_CULTU`` overrides of the table win over ``CODE_GROUP``.
    mapping
        Code → group table (default: the shipped ``rpg_crop_groups.csv``).
    overlap_check
        ``"interior_point"`` (default, fast), ``"exact"`` (slow) or ``"none"``: how overlapping
        parcels are looked for (see :func:`_overlapping_parcels`).
    max_vertices
        Size of the territory pieces used for boundary parcels (see :func:`subdivide`).
    names
        Territory names, for the messages.
    progress, is_canceled
        Callbacks (fraction 0–1; True stops with :class:`~..core.errors.Canceled`).

    Returns
    -------
    FarmlandResult
        ``details`` holds: ``n_parcels``, ``parcels_outside`` (rows wholly outside every
        territory), ``parcels_split`` (number of parcels cut between territories),
        ``parcels_partly_outside``, ``missing_geometry`` and ``repaired`` (rows),
        ``overlapping_pairs`` (``(k, 2)`` parcel rows) and ``overlap_ha`` (``(k,)``),
        ``double_counted`` (rows of parcels counted more than once because territories overlap),
        ``parcel_territory_ha`` (the sparse pieces: ``rows``, ``territory``, ``ha``).

    Raises
    ------
    InputError
        No code column given, arrays of different lengths, territories empty or invalid.
    """
    parcels = np.asarray(parcels, dtype=object).ravel()
    terr = np.asarray(territories, dtype=object).ravel()
    n, m = parcels.shape[0], terr.shape[0]
    if code_group is None and code_cultu is None:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "Give the RPG crop codes: the CODE_GROUP field, the CODE_CULTU field or both.",
            )
        )
    if overlap_check not in ("interior_point", "exact", "none"):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Unknown overlap check {method}."),
            method=overlap_check,
        )
    _check_territories(terr)
    table = mapping if mapping is not None else load_rpg_mapping()
    target, gkeys, ckeys = table.classify(code_group, code_cultu, n)
    check_canceled(is_canceled)
    geoms, missing, repaired, warnings = _parcel_geometries(parcels)
    area = np.zeros(n)
    present = np.flatnonzero(~shapely.is_missing(geoms))
    area[present] = shapely.area(geoms[present])
    tick(progress, 0.05)

    # 1-2. Parcels inside a territory go to it whole.
    check_canceled(is_canceled)
    tree = shapely.STRtree(terr)
    p, t = tree.query(geoms)
    shapely.prepare(terr)
    inside = shapely.contains_properly(terr[t], geoms[p])
    rows, cols, pieces = [p[inside]], [t[inside]], [area[p[inside]]]
    whole = np.zeros(n, dtype=bool)
    whole[p[inside]] = True
    tick(progress, 0.25)

    # 3. The others are intersected with territory pieces.
    check_canceled(is_canceled)
    rest = np.setdiff1d(present, np.flatnonzero(whole), assume_unique=True)
    if rest.size:
        touched = np.unique(t[np.isin(p, rest)])
        sub, owner = subdivide(terr[touched], max_vertices)
        owner = touched[owner]
        check_canceled(is_canceled)
        ptree = shapely.STRtree(sub)
        q, s = ptree.query(geoms[rest])
        shapely.prepare(sub)
        hit = shapely.intersects(sub[s], geoms[rest][q])
        q, s = rest[q[hit]], s[hit]
        inter = np.empty(q.shape[0])
        sub_progress = _sub(progress, 0.3, 0.8)
        for start in range(0, q.shape[0], CHUNK):
            check_canceled(is_canceled)
            stop = min(start + CHUNK, q.shape[0])
            inter[start:stop] = shapely.area(
                shapely.intersection(geoms[q[start:stop]], sub[s[start:stop]])
            )
            tick(sub_progress, stop / q.shape[0])
        keep = inter > 0
        rows.append(q[keep])
        cols.append(owner[s[keep]])
        pieces.append(inter[keep])
    tick(progress, 0.8)

    r = np.concatenate(rows)
    c = np.concatenate(cols)
    a = np.concatenate(pieces)
    # Merge the pieces of one parcel in one territory.
    key = r * m + c
    ukey, inv = np.unique(key, return_inverse=True)
    a = np.bincount(inv.ravel(), weights=a)
    r, c = ukey // m, ukey % m
    assigned = np.bincount(r, weights=a, minlength=n)
    n_terr = np.bincount(r, minlength=n)
    k = len(TARGET_IDS)
    hectares = np.bincount(c * k + target[r], weights=a, minlength=m * k).reshape(m, k) / M2_PER_HA

    tol = AREA_RTOL * area + 1e-6
    outside_rows = np.setdiff1d(present[area[present] > 0], r)
    outside_area = np.clip(area - assigned, 0.0, None)
    outside_area[missing] = 0.0
    partly = np.flatnonzero((n_terr > 0) & (area - assigned > tol))
    double = np.flatnonzero(assigned > area + tol)
    outside_ha = float(outside_area.sum() / M2_PER_HA)

    # Unknown codes (all their area, inside or outside the territories).
    unknown_codes: dict[str, float] = {}
    unk = np.flatnonzero(target == _UNCLASSIFIED_I)
    if unk.size:
        label = np.where(ckeys[unk] != "", ckeys[unk], gkeys[unk]).astype(str)
        inside_area = assigned[unk]
        uniq, inv2 = np.unique(label, return_inverse=True)
        sums = np.bincount(inv2.ravel(), weights=inside_area) / M2_PER_HA
        unknown_codes = {str(u): float(v) for u, v in zip(uniq, sums)}
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} parcels have a crop code absent from the mapping table; their "
                    "{ha:,.1f} ha are counted as 'non classé': {codes}.",
                ),
                {
                    "n": int(unk.size),
                    "ha": float(sums.sum()),
                    "codes": _codes_text(unknown_codes),
                    "row_ids": unk.tolist(),
                },
            )
        )
    if outside_rows.size or partly.size:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n_out} parcels lie outside every territory and {n_part} partly; "
                    "{ha:,.1f} ha are not counted.",
                ),
                {
                    "n_out": int(outside_rows.size),
                    "n_part": int(partly.size),
                    "ha": outside_ha,
                    "row_ids": outside_rows.tolist(),
                },
            )
        )
    if double.size:
        involved = np.unique(c[np.isin(r, double)])
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "Territories overlap ({territories}): {n} parcels are counted in more than "
                    "one territory.",
                ),
                {
                    "n": int(double.size),
                    "territories": _names_text(involved, names),
                    "row_ids": double.tolist(),
                },
            )
        )

    pairs, overlap = np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    if overlap_check != "none":
        check_canceled(is_canceled)
        pairs, overlap = _overlapping_parcels(
            geoms, overlap_check, _sub(progress, 0.8, 1.0), is_canceled
        )
        if pairs.shape[0]:
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine",
                        "{n} pairs of parcels overlap ({ha:,.1f} ha); the overlapping area is "
                        "counted twice.",
                    ),
                    {
                        "n": int(pairs.shape[0]),
                        "ha": float(overlap.sum() / M2_PER_HA),
                        "row_ids": np.unique(pairs).tolist(),
                    },
                )
            )
    tick(progress, 1.0)
    return FarmlandResult(
        hectares=hectares,
        source="rpg",
        unknown_codes=unknown_codes,
        outside_ha=outside_ha,
        warnings=warnings,
        details={
            "n_parcels": n,
            "parcels_outside": outside_rows,
            "parcels_partly_outside": partly,
            "parcels_split": int(np.count_nonzero(n_terr > 1)),
            "missing_geometry": missing,
            "repaired": repaired,
            "double_counted": double,
            "overlapping_pairs": pairs,
            "overlap_ha": overlap / M2_PER_HA,
            "parcel_territory_ha": {"rows": r, "territory": c, "ha": a / M2_PER_HA},
        },
    )


# ---------------------------------------------------------------------------------------------
# Land-cover raster
# ---------------------------------------------------------------------------------------------


def _rasterio() -> Any:
    try:
        import rasterio
        import rasterio.features
        import rasterio.windows
    except ImportError:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "Reading a land-cover raster needs the Python package rasterio, built on the GDAL "
                "of QGIS (on Debian and Ubuntu: the python3-rasterio package).",
            )
        ) from None
    return rasterio


@dataclass(eq=False)
class LabelGrid:
    """Territories rasterised on (part of) a raster's grid: 0 outside, ``i + 1`` for territory i.

    Attributes
    ----------
    labels
        ``(height, width)`` labels of the window.
    row_off, col_off
        Position of the window in the raster.
    raster_shape
        ``(rows, cols)`` of the raster.
    transform
        The raster's affine transform (6 coefficients ``a, b, c, d, e, f``).
    n_territories
        ``m``.
    key
        :func:`label_grid_key` of the inputs, to find it again in a cache.
    """

    labels: NDArray[np.integer]
    row_off: int
    col_off: int
    raster_shape: tuple[int, int]
    transform: tuple[float, ...]
    n_territories: int
    key: str
    reprojected: bool = False


def _crs(value: Any) -> Any:
    """A rasterio CRS from an EPSG code, ``"EPSG:2154"``, WKT, a rasterio or pyproj CRS…; None if
    None.

    CRSs are handled by GDAL (rasterio), never by pyproj: the raster path then uses one PROJ, the
    one of the GDAL that QGIS uses. A pyproj wheel bundles its own PROJ; in ``qgis_process`` (which
    links the system PROJ into its global symbol scope) the bundled PROJ's C++ globals bind to the
    system copy and both libraries destroy them at exit: "double free or corruption", exit 134.
    """
    if value is None:
        return None
    rasterio = _rasterio()
    try:
        return rasterio.crs.CRS.from_user_input(value)
    except Exception:  # rasterio raises CRSError and others
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Unknown coordinate reference system {crs}."),
            crs=str(value),
        ) from None


def _crs_text(value: Any) -> str:
    crs = _crs(value)
    return "" if crs is None else crs.to_wkt()


def geometry_digest(geoms: ArrayLike) -> bytes:
    """SHA-256 digest of polygons: coordinates, ring sizes, ring owners and geometry types — the
    information of their WKB (for polygons and multipolygons) without the cost of writing it."""
    return _PolygonArrays.of(np.asarray(geoms, dtype=object).ravel()).digest()


def label_grid_key(
    territories: ArrayLike,
    transform: Sequence[float],
    shape: tuple[int, int],
    *,
    raster_crs: Any = None,
    territories_crs: Any = None,
    all_touched: bool = False,
) -> str:
    """Cache key of a label grid (40 hex digits): :func:`geometry_digest` of the territories, their CRS, the
    raster's transform, shape and CRS, and the rasterisation rule."""
    geoms = np.asarray(territories, dtype=object).ravel()
    return _grid_key(
        geometry_digest(geoms),
        geoms.shape[0],
        transform,
        shape,
        raster_crs,
        territories_crs,
        all_touched,
    )


def _grid_key(
    digest: bytes,
    m: int,
    transform: Sequence[float],
    shape: tuple[int, int],
    raster_crs: Any,
    territories_crs: Any,
    all_touched: bool,
) -> str:
    return _key_of(
        digest, _grid_meta(m, transform, shape, raster_crs, territories_crs, all_touched)
    )


def _grid_meta(
    m: int,
    transform: Sequence[float],
    shape: tuple[int, int],
    raster_crs: Any,
    territories_crs: Any,
    all_touched: bool,
) -> bytes:
    """What :func:`_grid_key` hashes after the geometry digest (raises on an unknown CRS)."""
    meta = repr(
        (
            int(m),
            tuple(float(x) for x in tuple(transform)[:6]),
            tuple(int(x) for x in shape),
            _crs_text(raster_crs),
            _crs_text(territories_crs),
            bool(all_touched),
        )
    )
    return meta.encode("utf-8")


def _key_of(digest: bytes, meta: bytes) -> str:
    h = hashlib.sha256(digest)
    h.update(meta)
    return h.hexdigest()[:40]


def _same_crs(a: Any, b: Any) -> bool:
    return bool(_crs(a) == _crs(b))


def _reproject(geoms: GeomArray, src: Any, dst: Any) -> GeomArray:
    src_crs, dst_crs = _crs(src), _crs(dst)
    from rasterio.warp import transform  # x, y in GIS order (longitude first), like always_xy

    return shapely.transform(
        geoms, lambda xy: np.column_stack(transform(src_crs, dst_crs, xy[:, 0], xy[:, 1]))
    )


@dataclass(eq=False)
class _PolygonArrays:
    """Coordinates of the polygons of ``m`` geometries and their ring structure (no clones of
    single polygons without holes, which are the bulk of a zoning)."""

    coords: FloatArray  # (N, 2), ring after ring
    ring_sizes: IntArray  # (R,) vertices per ring (closed: first == last)
    ring_owner: IntArray  # (R,) geometry row of each ring
    types: NDArray[np.int8]  # (m,) shapely type ids

    @classmethod
    def of(cls, geoms: GeomArray) -> _PolygonArrays:
        types = shapely.get_type_id(geoms).astype(np.int8)
        single = np.flatnonzero(types == 3)
        multi = np.flatnonzero((types == 6) | (types == 7))
        polys, owner = geoms[single], single.astype(np.int64)
        if multi.size:
            parts, pidx = shapely.get_parts(geoms[multi], return_index=True)
            keep = shapely.get_type_id(parts) == 3
            polys = np.concatenate([polys, parts[keep]])
            owner = np.concatenate([owner, multi[pidx[keep]]])
        n_holes = shapely.get_num_interior_rings(polys).astype(np.int64)
        n_rings = n_holes + 1
        first = np.cumsum(n_rings) - n_rings
        sizes = np.empty(int(n_rings.sum()), dtype=np.int64)
        sizes[first] = shapely.get_num_coordinates(polys)
        holed = np.flatnonzero(n_holes > 0)
        if holed.size:
            rings = shapely.get_rings(polys[holed])
            at = np.repeat(
                first[holed] - (np.cumsum(n_rings[holed]) - n_rings[holed]), n_rings[holed]
            ) + np.arange(rings.shape[0])
            sizes[at] = shapely.get_num_coordinates(rings)
        return cls(shapely.get_coordinates(polys), sizes, np.repeat(owner, n_rings), types)

    def digest(self) -> bytes:
        h = hashlib.sha256()  # hardware-accelerated on current CPUs
        for arr in (self.types, self.ring_sizes, self.ring_owner, self.coords):
            h.update(np.ascontiguousarray(arr).data)  # the same bytes, not copied
        return h.digest()


#: Most threads of the compiled fill and count (each count thread holds a copy of the counts).
MAX_RASTER_WORKERS = 16
#: Most bytes of the per-thread copies of the counts, all threads together.
_COUNT_COPIES_BYTES = 256 << 20
#: Pixels of label grid per thread of the compiled fill (smaller grids are filled in one).
_FILL_BAND_PIXELS = 1 << 20

_KERNELS: Optional[ModuleType] = None
_KERNELS_TRIED = False
_KERNELS_LOCK = threading.Lock()


def _compiled_kernels() -> Optional[ModuleType]:
    """The compiled raster kernels (:mod:`._raster_kernels`), or None: numba missing or unusable
    here (they are checked once on a small grid), or ``RETERR_NO_NUMBA`` set."""
    global _KERNELS, _KERNELS_TRIED
    if os.environ.get(NO_NUMBA_ENV, "").strip() not in ("", "0"):
        return None
    if not _KERNELS_TRIED:
        with _KERNELS_LOCK:
            if not _KERNELS_TRIED:
                try:
                    from . import _raster_kernels as kernels

                    kernels.self_check()
                except Exception:  # numba missing, or unusable here (broken LLVM, no cache dir)
                    kernels = None
                _KERNELS = kernels
                _KERNELS_TRIED = True
    return _KERNELS


def accelerated() -> bool:
    """True when the label grid and the raster count run on compiled kernels (numba installed
    and working, ``RETERR_NO_NUMBA`` not set); False for the numpy code (same results)."""
    return _compiled_kernels() is not None


def _raster_workers() -> int:
    """Threads of the compiled fill and count: the CPUs this process may use, at most
    :data:`MAX_RASTER_WORKERS`."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(MAX_RASTER_WORKERS, n))


def _bands(n: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` (at most ``n``) contiguous ranges covering ``0..n``."""
    parts = max(1, min(parts, n))
    cuts = [n * i // parts for i in range(parts + 1)]
    return list(zip(cuts[:-1], cuts[1:]))


def _scanline_labels(
    arrays: _PolygonArrays,
    inverse: Sequence[float],
    height: int,
    width: int,
    dtype: type,
    compiled: Optional[bool] = None,
) -> Optional[NDArray[np.integer]]:
    """Label grid by an even-odd scanline fill (pixel-centre rule, as GDAL's default); None when
    territories overlap.

    ``compiled``: None uses the compiled kernels when :func:`accelerated`, True requires them,
    False runs the numpy fill (:func:`_scanline_labels_numpy`, where the method is described).
    Both give the same grid, pixel for pixel, and the same None.
    """
    kernels = _compiled_kernels() if compiled is None or compiled else None
    if compiled and kernels is None:
        raise RuntimeError("the compiled raster kernels are not available")
    if kernels is None:
        return _scanline_labels_numpy(arrays, inverse, height, width, dtype)
    a, c, e, f = (float(x) for x in inverse)
    labels = np.zeros((height, width), dtype=dtype)
    if arrays.coords.shape[0] < 2 or height == 0 or width == 0:
        return labels
    row_start, cols, toggles = kernels.crossings(
        np.ascontiguousarray(arrays.coords, dtype=np.float64),
        np.ascontiguousarray(arrays.ring_sizes, dtype=np.int64),
        np.ascontiguousarray(arrays.ring_owner, dtype=np.int64),
        a,
        c,
        e,
        f,
        int(height),
        int(width),
    )
    bands = _bands(height, min(_raster_workers(), max(1, height * width // _FILL_BAND_PIXELS)))
    if len(bands) == 1:
        ok = kernels.fill_rows(row_start, cols, toggles, labels, 0, height)
    else:
        with ThreadPoolExecutor(max_workers=len(bands)) as pool:
            jobs = [
                pool.submit(kernels.fill_rows, row_start, cols, toggles, labels, r0, r1)
                for r0, r1 in bands
            ]
            ok = all([job.result() for job in jobs])
    return labels if ok else None


def _scanline_labels_numpy(
    arrays: _PolygonArrays, inverse: Sequence[float], height: int, width: int, dtype: type
) -> Optional[NDArray[np.integer]]:
    """Label grid by a vectorised even-odd scanline fill (pixel-centre rule, as GDAL's default).

    ``inverse`` maps (x, y) to (column, row) of the window without rotation: ``col = (x - c) / a``,
    ``row = (y - f) / e``. Every polygon edge is intersected with the rows whose centre
    ``r + 0.5`` lies in its half-open vertical range; a crossing at ``x`` toggles its territory
    from column ``ceil(x - 0.5)`` on. Since territories do not overlap, a row's labels are the
    prefix XOR of the toggles: entering and leaving a territory cancel out, so each pixel gets
    the label of the one span it lies in and gaps get 0 (holes and nested territories included).
    Bit 31 carries the crossing parity: a pixel inside an odd number of spans must hold a non-zero
    label and the reverse, or two territories overlap — then None is returned (the caller falls
    back to GDAL). The only sort is of the crossings (one per territory edge and row).
    """
    a, c, e, f = inverse
    coords = arrays.coords
    n = coords.shape[0]
    labels = np.zeros((height, width), dtype=dtype)
    if n < 2 or height == 0 or width == 0:
        return labels
    row = (coords[:, 1] - f) / e
    rv = np.ceil(row - 0.5)
    np.clip(rv, 0, height, out=rv)
    rvi = rv.astype(np.int64)
    ends = np.cumsum(arrays.ring_sizes) - 1
    k = np.abs(rvi[1:] - rvi[:-1])
    k[ends[:-1]] = 0  # no edge from the last vertex of a ring to the next ring
    edge = np.flatnonzero(k)
    if edge.size == 0:
        return labels
    k = k[edge]
    total = int(k.sum())
    lo = np.minimum(rvi[edge], rvi[edge + 1])
    rr = np.repeat(lo - (np.cumsum(k) - k), k)
    rr += np.arange(total, dtype=np.int64)
    e0 = np.repeat(edge, k)
    ex1, ey1 = (coords[e0, 0] - c) / a, row[e0]
    xc = ex1 + (rr + 0.5 - ey1) * ((coords[e0 + 1, 0] - c) / a - ex1) / (row[e0 + 1] - ey1)
    cc = np.clip(np.ceil(xc - 0.5), 0, width).astype(np.int64)
    ring = np.searchsorted(ends, e0)
    parity = 1 << 31
    toggle = (arrays.ring_owner[ring] + 1).astype(np.uint64) | np.uint64(parity)
    # Pack (pixel, toggle) in one integer: one sort groups the toggles of a pixel.
    packed = ((rr * (width + 1) + cc).astype(np.uint64) << np.uint64(32)) | toggle
    packed.sort()
    pos = (packed >> np.uint64(32)).astype(np.int64)
    tog = (packed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    first = np.flatnonzero(np.r_[True, pos[1:] != pos[:-1]])
    pos = pos[first]
    state = np.zeros(height * (width + 1), dtype=np.uint32)
    state[pos] = np.bitwise_xor.reduceat(tog, first)
    grid = np.bitwise_xor.accumulate(state.reshape(height, width + 1)[:, :width], axis=1)
    # The state only changes at crossings: check parity and label there.
    r_, c_ = pos // (width + 1), pos % (width + 1)
    inside = c_ < width
    at = grid[r_[inside], c_[inside]]
    if np.any((at >= parity) != ((at & np.uint32(parity - 1)) > 0)):
        return None
    if labels.dtype.itemsize >= 4:
        np.bitwise_and(grid, np.uint32(parity - 1), out=grid)
    labels[:] = grid  # uint16 keeps the low 16 bits: the label
    return labels


def build_label_grid(
    territories: ArrayLike,
    transform: Sequence[float],
    shape: tuple[int, int],
    *,
    raster_crs: Any = None,
    territories_crs: Any = None,
    all_touched: bool = False,
) -> LabelGrid:
    """Rasterise the territories once over the part of the raster grid they cover.

    A pixel gets the territory that contains its centre (vectorised scanline fill, see
    :func:`_scanline_labels`; no rasterio needed). GDAL (``rasterio.features.rasterize``) is used
    instead for rotated grids, ``all_touched`` and overlapping territories (where the last
    territory wins).

    Parameters
    ----------
    territories
        ``(m,)`` shapely polygons.
    transform, shape
        The raster's affine transform (``a, b, c, d, e, f``) and ``(rows, cols)``.
    raster_crs, territories_crs
        CRS of each (anything :func:`_crs` accepts: ``"EPSG:2154"``, WKT…; read with rasterio);
        territories in another CRS than the raster are reprojected (GDAL) before rasterisation.
    all_touched
        GDAL's rule: False (default) burns the pixels whose centre lies in the polygon, True
        every pixel the polygon touches.
    """
    geoms = np.asarray(territories, dtype=object).ravel()
    # Validity is not required: the scanline fill applies the even-odd rule, as GDAL does.
    _check_territories(geoms, validity=False)
    return _build_label_grid(geoms, transform, shape, raster_crs, territories_crs, all_touched)


def _build_label_grid(
    geoms: GeomArray,
    transform: Sequence[float],
    shape: tuple[int, int],
    raster_crs: Any,
    territories_crs: Any,
    all_touched: bool,
) -> LabelGrid:
    """:func:`build_label_grid` of checked territories."""
    arrays = _PolygonArrays.of(geoms)
    meta = _grid_meta(geoms.shape[0], transform, shape, raster_crs, territories_crs, all_touched)
    # The digest (for the key) is hashed in another thread while the grid is drawn: hashlib and
    # the compiled fill both release the GIL.
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(arrays.digest)
        labels, r0, c0, reprojected = _draw_labels(
            geoms, arrays, transform, shape, raster_crs, territories_crs, all_touched
        )
        key = _key_of(digest.result(), meta)
    a, b, c, d, e, f = (float(x) for x in tuple(transform)[:6])
    return LabelGrid(
        labels=labels,
        row_off=r0,
        col_off=c0,
        raster_shape=(int(shape[0]), int(shape[1])),
        transform=(a, b, c, d, e, f),
        n_territories=geoms.shape[0],
        key=key,
        reprojected=reprojected,
    )


def _draw_labels(
    geoms: GeomArray,
    arrays: _PolygonArrays,
    transform: Sequence[float],
    shape: tuple[int, int],
    raster_crs: Any,
    territories_crs: Any,
    all_touched: bool,
) -> tuple[NDArray[np.integer], int, int, bool]:
    """The labels of :func:`build_label_grid`, the window's row and column offsets, and whether
    the territories were reprojected."""
    reprojected = False
    if (
        raster_crs is not None
        and territories_crs is not None
        and not _same_crs(raster_crs, territories_crs)
    ):
        geoms = _reproject(geoms, territories_crs, raster_crs)
        arrays = _PolygonArrays.of(geoms)
        reprojected = True
    a, b, c, d, e, f = (float(x) for x in tuple(transform)[:6])
    rows, cols = int(shape[0]), int(shape[1])
    m = geoms.shape[0]
    dtype = np.uint16 if m < np.iinfo(np.uint16).max else np.uint32
    rotated = b != 0.0 or d != 0.0
    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    if rotated:
        r0, c0, r1, c1 = 0, 0, rows, cols
    else:
        cs = sorted(((xmin - c) / a, (xmax - c) / a))
        rs = sorted(((ymin - f) / e, (ymax - f) / e))
        c0, c1 = max(math.floor(cs[0]), 0), min(math.ceil(cs[1]), cols)
        r0, r1 = max(math.floor(rs[0]), 0), min(math.ceil(rs[1]), rows)
    labels: Optional[NDArray[np.integer]] = None
    if r1 <= r0 or c1 <= c0:
        labels = np.zeros((0, 0), dtype=dtype)
        r0 = c0 = 0
    elif not rotated and not all_touched:
        labels = _scanline_labels(arrays, (a, c + c0 * a, e, f + r0 * e), r1 - r0, c1 - c0, dtype)
    if labels is None:
        rasterio = _rasterio()
        from affine import Affine

        win = rasterio.windows.Window(c0, r0, c1 - c0, r1 - r0)
        labels = rasterio.features.rasterize(
            zip(geoms.tolist(), range(1, m + 1)),
            out_shape=(r1 - r0, c1 - c0),
            transform=rasterio.windows.transform(win, Affine(a, b, c, d, e, f)),
            fill=0,
            all_touched=all_touched,
            dtype=dtype,
        )
    return labels, r0, c0, reprojected


def _class_index(
    mapping: LandcoverMapping, dtype: np.dtype, nodata: Optional[float]
) -> tuple[Optional[NDArray[np.integer]], int]:
    """A lookup table raw value → compact index for ≤ 16-bit integer rasters (None otherwise).

    Compact index: ``0..C-1`` the mapping's classes, ``C`` unknown value, ``C+1`` no data.
    """
    c = mapping.classes.shape[0]
    n_idx = c + 2
    if dtype.kind not in "iu" or dtype.itemsize > 2:
        return None, n_idx
    size = 1 << (8 * dtype.itemsize)
    raw = np.arange(size, dtype=np.int64)
    if dtype.kind == "i":  # LUT addressed by the unsigned view of the signed values
        raw = np.where(raw >= size // 2, raw - size, raw)
    idx_dtype = np.uint8 if n_idx <= 256 else np.uint16
    lut = np.full(size, c, dtype=idx_dtype)
    pos = np.searchsorted(mapping.classes, raw)
    pos_c = np.minimum(pos, c - 1)
    found = mapping.classes[pos_c] == raw
    lut[found] = pos_c[found]
    if nodata is not None and np.isfinite(nodata):
        lut[raw == nodata] = c + 1
    return lut, n_idx


def _strip_index(
    data: NDArray[Any],
    mapping: LandcoverMapping,
    lut: Optional[NDArray[np.integer]],
    nodata: Optional[float],
) -> NDArray[np.integer]:
    c = mapping.classes.shape[0]
    if lut is not None:
        unsigned = data.view(np.dtype(f"u{data.dtype.itemsize}"))
        return lut[unsigned]
    values = data.astype(np.float64, copy=False)
    pos = np.minimum(np.searchsorted(mapping.classes, values), c - 1)
    out = np.where(mapping.classes[pos] == values, pos, c).astype(np.uint16)
    if nodata is not None:
        out[(values == nodata) | np.isnan(values)] = c + 1
    else:
        out[np.isnan(values)] = c + 1
    return out


#: Strips of a raster window: their labels and raw values.
Strips = Iterator[tuple[NDArray[np.integer], NDArray[Any]]]


def _count_numpy(
    strips: Strips,
    mapping: LandcoverMapping,
    lut: Optional[NDArray[np.integer]],
    n_idx: int,
    nodata: Optional[float],
    counts: IntArray,
    unknown: dict[float, int],
) -> None:
    """Add each strip's pixels to ``counts[label · n_idx + index]`` (``bincount``) and the raw
    values of unknown classes inside territories to ``unknown`` (numpy)."""
    c = mapping.classes.shape[0]
    size = counts.shape[0]
    key_dtype = np.int32 if size < np.iinfo(np.int32).max else np.int64
    for li, data in strips:
        ci = _strip_index(data, mapping, lut, nodata)
        keys = li.astype(key_dtype) * key_dtype(n_idx) + ci
        counts += np.bincount(keys.ravel(), minlength=size)
        _add_unknown(data, li, ci, c, unknown)


def _add_unknown(
    data: NDArray[Any],
    li: NDArray[np.integer],
    ci: NDArray[np.integer],
    c: int,
    unknown: dict[float, int],
) -> None:
    unk = (ci == c) & (li > 0)
    if unk.any():
        vals, cnt = np.unique(data[unk], return_counts=True)
        for v, k in zip(vals.tolist(), cnt.tolist()):
            unknown[v] = unknown.get(v, 0) + int(k)


def _count_compiled(
    kernels: ModuleType,
    strips: Strips,
    mapping: LandcoverMapping,
    lut: Optional[NDArray[np.integer]],
    n_idx: int,
    nodata: Optional[float],
    counts: IntArray,
    unknown: dict[float, int],
) -> None:
    """:func:`_count_numpy` with the compiled count: each strip is cut in bands of rows counted
    by several threads, each into its own copy of the counts, while the next strip is read.

    With a lookup table (integer rasters of up to 16 bits) labels and raw values are read once
    per pixel (:func:`._raster_kernels.count_lut`), and the unknown values are tallied in a
    histogram of the raw values; otherwise the class indices are computed by numpy and counted
    by :func:`._raster_kernels.count_index`.
    """
    c = mapping.classes.shape[0]
    size = counts.shape[0]
    workers = max(1, min(_raster_workers(), _COUNT_COPIES_BYTES // (8 * size)))
    copies = [counts] + [np.zeros(size, dtype=np.int64) for _ in range(workers - 1)]
    lut16 = None if lut is None else lut.astype(np.uint16)
    hists = [np.zeros(0 if lut16 is None else lut16.shape[0], np.int64) for _ in range(workers)]
    jobs: list[Future[None]] = []
    signed = False
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        for li, data in strips:  # read while the previous strip is counted
            signed = data.dtype.kind == "i"
            if lut16 is not None:
                values = data.view(np.dtype(f"u{data.dtype.itemsize}"))
            else:
                values = _strip_index(data, mapping, lut, nodata)
                _add_unknown(data, li, values, c, unknown)
            for job in jobs:
                job.result()
            jobs = []
            for j, (b0, b1) in enumerate(_bands(li.shape[0], workers)):
                lb, vb = li[b0:b1].ravel(), values[b0:b1].ravel()
                if lut16 is not None:
                    args: tuple[Any, ...] = (lb, vb, lut16, n_idx, c, copies[j], hists[j])
                    jobs.append(pool.submit(kernels.count_lut, *args))
                else:
                    jobs.append(pool.submit(kernels.count_index, lb, vb, n_idx, copies[j]))
        for job in jobs:
            job.result()
    finally:
        pool.shutdown(wait=True)  # on cancel or error: no thread left writing the counts
    for extra in copies[1:]:
        counts += extra
    if lut16 is not None:
        hist = np.sum(hists, axis=0)
        raw = np.flatnonzero(hist)
        n_raw = lut16.shape[0]
        for u, k in zip(raw.tolist(), hist[raw].tolist()):
            v = u - n_raw if signed and u >= n_raw // 2 else u  # the signed value, as read
            unknown[v] = unknown.get(v, 0) + int(k)


def farmland_from_raster(
    raster: Union[str, Path, Any],
    territories: ArrayLike,
    mapping: LandcoverMapping,
    *,
    territories_crs: Any = None,
    labels: Optional[LabelGrid] = None,
    band: int = 1,
    all_touched: bool = False,
    strip_pixels: int = 1 << 22,
    names: Optional[Sequence[str]] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> FarmlandResult:
    """Hectares per crop group and territory from a land-cover raster (OSO, CORINE…).

    Parameters
    ----------
    raster
        Path of a raster file (GeoTIFF…) or an open ``rasterio`` dataset; one band of class
        codes, in a projected CRS.
    territories
        ``(m,)`` shapely polygons; in ``territories_crs`` if given (reprojected to the raster's
        CRS when it differs), else assumed in the raster's CRS.
    mapping
        Class → group shares (:func:`~.groups.load_landcover_mapping`).
    labels
        A label grid from an earlier run (:attr:`FarmlandResult.details` ``["labels"]``); reused
        when its key matches these territories and this raster, rebuilt otherwise.
    band, all_touched
        Band read (1-based); GDAL's rasterisation rule (see :func:`build_label_grid`).
    strip_pixels
        About how many pixels are read at once (memory ≈ 12 bytes per pixel with numpy; the
        compiled count holds two strips of raw values).
    names
        Territory names, for the messages.
    progress, is_canceled
        Callbacks.

    Returns
    -------
    FarmlandResult
        ``unknown_codes`` maps the unknown class values (as text) to their hectares inside the
        territories. ``details``: ``labels`` (the :class:`LabelGrid`, to cache),
        ``labels_reused``, ``pixel_area_m2``, ``pixels`` (``(m,)`` pixels per territory),
        ``nodata_ha`` (``(m,)``), ``coverage`` (``(m,)`` counted area / polygon area),
        ``poorly_covered`` (rows below 50 %: outside the raster, on no-data, smaller than a pixel
        or overlapped by another territory).

    Raises
    ------
    InputError
        rasterio missing, raster unreadable or in a geographic CRS, band out of range,
        territories empty or invalid.
    """
    rasterio = _rasterio()
    geoms = np.asarray(territories, dtype=object).ravel()
    _check_territories(geoms, validity=False)  # rasterising needs no valid polygons
    m = geoms.shape[0]
    own = not hasattr(raster, "read")
    try:
        ds = rasterio.open(raster) if own else raster
    except Exception as exc:  # rasterio.errors.RasterioIOError and friends
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Cannot read the raster {path}: {error}"),
            path=str(raster),
            error=str(exc),
        ) from None
    # The territories' areas (for the coverage) are measured beside the count: GEOS releases the
    # GIL.
    side = ThreadPoolExecutor(max_workers=1)
    try:
        area = side.submit(shapely.area, geoms)
        return _count_raster(
            ds,
            geoms,
            area,
            m,
            mapping,
            territories_crs,
            labels,
            band,
            all_touched,
            strip_pixels,
            names,
            progress,
            is_canceled,
        )
    finally:
        side.shutdown(wait=True)
        if own:
            ds.close()


def _count_raster(
    ds: Any,
    geoms: GeomArray,
    area: Future[FloatArray],
    m: int,
    mapping: LandcoverMapping,
    territories_crs: Any,
    labels: Optional[LabelGrid],
    band: int,
    all_touched: bool,
    strip_pixels: int,
    names: Optional[Sequence[str]],
    progress: Progress,
    is_canceled: IsCanceled,
) -> FarmlandResult:
    rasterio = _rasterio()
    if not 1 <= band <= ds.count:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The raster has {count} bands; band {band} asked."),
            count=ds.count,
            band=band,
        )
    crs = ds.crs
    warnings: list[Message] = []
    if crs is not None and crs.is_geographic:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "The raster is in a geographic CRS ({crs}): pixel areas are not constant. "
                "Reproject it to a projected CRS in metres (Lambert-93 in France) first.",
            ),
            crs=crs.to_string(),
        )
    unit = 1.0
    if crs is not None:
        try:
            unit = float(crs.linear_units_factor[1])
        except Exception:  # CRS without linear units: assume metres
            unit = 1.0
    elif territories_crs is not None:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "The raster has no CRS: it is assumed to be in the territories' CRS.",
                ),
                {},
            )
        )
    t = ds.transform
    pixel_area_m2 = abs(t.a * t.e - t.b * t.d) * unit * unit
    shape = (ds.height, ds.width)
    terr_crs = territories_crs if crs is not None else None
    reused = labels is not None and labels.key == label_grid_key(
        geoms, t, shape, raster_crs=crs, territories_crs=terr_crs, all_touched=all_touched
    )
    if not reused or labels is None:
        labels = _build_label_grid(geoms, t, shape, crs, terr_crs, all_touched)
    if labels.reprojected:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "The territories were reprojected to the raster's CRS ({crs}) to be counted.",
                ),
                {"crs": crs.to_string() if crs is not None else ""},
            )
        )
    tick(progress, 0.3 if not reused else 0.05)

    nodata = ds.nodatavals[band - 1]
    dtype = np.dtype(ds.dtypes[band - 1])
    lut, n_idx = _class_index(mapping, dtype, nodata)
    c = mapping.classes.shape[0]
    counts = np.zeros((m + 1) * n_idx, dtype=np.int64)
    unknown: dict[float, int] = {}
    lab = np.ascontiguousarray(labels.labels)
    h, w = lab.shape
    if h and w:
        strip = max(1, int(strip_pixels) // max(w, 1))
        block_h = ds.block_shapes[band - 1][0] if ds.block_shapes else 1
        if block_h > 1 and strip > block_h:
            strip -= strip % block_h
        start_p = 0.3 if not reused else 0.05

        def strips() -> Strips:
            """``(labels, raw values)`` of each strip, read in turn."""
            for r in range(0, h, strip):
                check_canceled(is_canceled)
                hh = min(strip, h - r)
                window = rasterio.windows.Window(labels.col_off, labels.row_off + r, w, hh)
                yield lab[r : r + hh], ds.read(band, window=window)
                tick(progress, start_p + (1 - start_p) * (r + hh) / h)

        kernels = _compiled_kernels()
        if kernels is not None:
            _count_compiled(kernels, strips(), mapping, lut, n_idx, nodata, counts, unknown)
        else:
            _count_numpy(strips(), mapping, lut, n_idx, nodata, counts, unknown)
    grid = counts.reshape(m + 1, n_idx)[1:].astype(np.float64)
    ha_px = pixel_area_m2 / M2_PER_HA
    hectares = grid[:, :c] @ mapping.shares * ha_px
    hectares[:, _UNCLASSIFIED_I] += grid[:, c] * ha_px
    nodata_ha = grid[:, c + 1] * ha_px
    pixels = grid.sum(axis=1)
    poly_ha = area.result() / M2_PER_HA * (unit * unit if crs is not None else 1.0)
    if labels.reprojected:
        poly_ha = pixels * ha_px  # areas in the territories' CRS are not comparable
        poly_ha = np.where(poly_ha > 0, poly_ha, np.nan)
    counted = (pixels - grid[:, c + 1]) * ha_px
    coverage = np.divide(counted, poly_ha, out=np.zeros(m), where=poly_ha > 0)
    poorly = np.flatnonzero(coverage < 0.5)
    unknown_codes = {f"{v:g}": k * ha_px for v, k in sorted(unknown.items())}
    if unknown_codes:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "Raster classes absent from the mapping table cover {ha:,.1f} ha, counted as "
                    "'non classé': {codes}.",
                ),
                {"ha": float(sum(unknown_codes.values())), "codes": _codes_text(unknown_codes)},
            )
        )
    if nodata_ha.sum() > 0:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{ha:,.1f} ha of the territories are 'no data' in the raster."
                ),
                {"ha": float(nodata_ha.sum())},
            )
        )
    if poorly.size:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} territories are less than half covered by the raster's pixels (outside "
                    "its extent, on no data, smaller than a pixel or overlapped by another "
                    "territory): {rows}.",
                ),
                {
                    "n": int(poorly.size),
                    "rows": _names_text(poorly, names),
                    "row_ids": poorly.tolist(),
                },
            )
        )
    tick(progress, 1.0)
    return FarmlandResult(
        hectares=hectares,
        source="raster",
        unknown_codes=unknown_codes,
        outside_ha=0.0,
        warnings=warnings,
        details={
            "labels": labels,
            "labels_reused": reused,
            "pixel_area_m2": pixel_area_m2,
            "pixels": pixels.astype(np.int64),
            "nodata_ha": nodata_ha,
            "coverage": coverage,
            "poorly_covered": poorly,
        },
    )


__all__ = [
    "FarmlandResult",
    "LabelGrid",
    "build_label_grid",
    "farmland_from_raster",
    "farmland_from_rpg",
    "geometry_digest",
    "label_grid_key",
    "subdivide",
]
