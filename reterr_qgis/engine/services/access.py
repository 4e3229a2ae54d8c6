"""Access to services: nearest facility, facilities within reach, the everyday basket, population
beyond a threshold, what-if, and where new facilities would cover the most people.

Definitions (METHODS.md §1.2 and §1.4):

* nearest facility ``d_i = min_j c_ij`` per demand unit and facility type, and the cumulative
  opportunities ``O_i(T) = Σ_j [c_ij ≤ T]`` (facilities of the type within ``T`` minutes);
* share of population beyond a threshold, ``Σ_i P_i [d_i > T] / Σ_i P_i`` per zone;
* basket ("panier de la vie courante", INSEE Première n°1579): share of the basket's types whose
  nearest facility is within ``T``, and the mean and max of the times to the nearest facility of
  each type;
* greedy maximal covering location (Church & ReVelle 1974).

The times come from a travel-cost source of :mod:`..routing.travel` (:class:`TravelCosts`: straight
line or road network), which these indicators take as their first argument.

Conventions
-----------
* Times are **minutes** and measure travel **from the demand unit to the facility** (home →
  service), access time to the network included at both ends (see :mod:`..routing.travel`).
* "Within ``T``" is inclusive (``c ≤ T``); "beyond ``T``" is ``c > T``. Unreachable units (not
  snapped to the network, or on another component, or beyond the search cut-off) have an infinite
  time: they are beyond every threshold.
* Points are located once (``costs.locate``: snapped to the network) and the functions accept the
  located ``Places`` as well as raw ``(n, 2)`` coordinates, so that repeated runs snap once.
* ``progress`` callbacks receive a fraction from 0 to 1 (as in :mod:`..routing.callbacks`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from ..routing.callbacks import IsCanceled, Progress, check_canceled
from ..routing.costs import CostPairs
from ..routing.search import check_cutoff
from ..routing.travel import NetworkCosts, PointsLike, TravelCosts

sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Gains of :func:`greedy_max_cover` closer than this share of the total uncovered weight are
#: ties (incremental updates accumulate rounding errors of about 1e-16 per step).
COVER_TIE_TOLERANCE = 1e-10


def _demand_weights(values: ArrayLike, n: int, what: str) -> FloatArray:
    """``n`` finite, non-negative demand weights (population); errors name the bad rows."""
    w = np.asarray(values, dtype=np.float64).ravel()
    if w.shape[0] != n:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}."),
            what=what,
            got=w.shape[0],
            expected=n,
        )
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "{n} demand units have a missing or negative population."
            ),
            bad,
            n=bad.size,
        )
    return w


# ---------------------------------------------------------------------------------------------
# Facility types
# ---------------------------------------------------------------------------------------------


#: A BPE facility type code: a letter and three digits (D265).
_BPE_CODE = re.compile(r"[A-Za-z][0-9]{3}")


def type_code(value: object) -> object:
    """A facility type as matched: trimmed text, a BPE code (a letter and three digits) in upper
    case so that ``d265`` is D265; None stays None."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text.upper() if _BPE_CODE.fullmatch(text) else text


def type_codes(values: ArrayLike) -> NDArray[np.object_]:
    """:func:`type_code` of each value (an object array)."""
    arr = np.asarray(values, dtype=object).ravel()
    out = np.empty(arr.shape[0], dtype=object)
    out[:] = [type_code(v) for v in arr]
    return out


def _type_keys(values: ArrayLike) -> NDArray[np.str_]:
    """Facility types as trimmed text ("" for None/NaN), compared as such."""
    arr = np.asarray(values, dtype=object).ravel()
    null = np.equal(arr, None) | np.not_equal(arr, arr)
    text = np.where(null, "", arr).astype(str)
    return np.char.strip(text)


def _requested(types: Iterable[Hashable]) -> tuple[list[Hashable], list[str]]:
    """Requested types without repeats (first occurrence kept) and their text keys."""
    seen: dict[str, Hashable] = {}
    for t in types:
        k = "" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t).strip()
        seen.setdefault(k, t)
    if not seen:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Select at least one facility type."))
    return list(seen.values()), list(seen.keys())


def _join(names: Sequence[str], limit: int = 20) -> str:
    shown = ", ".join(repr(n) if n == "" else n for n in names[:limit])
    return shown + (", …" if len(names) > limit else "")


def _group_rows(
    fac_type: ArrayLike,
    n_fac: int,
    types: Iterable[Hashable],
    known_types: Optional[Iterable[Hashable]],
) -> tuple[list[Hashable], list[IntArray], list[str]]:
    """Rows of the facilities of each requested type, and the requested types with none.

    Raises InputError for requested types outside the vocabulary (``known_types``, or the types
    present among the facilities when None).
    """
    keys = _type_keys(fac_type)
    if keys.shape[0] != n_fac:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}."),
            what="facility type",
            got=keys.shape[0],
            expected=n_fac,
        )
    originals, wanted = _requested(types)
    uniq, inverse = np.unique(keys, return_inverse=True)
    order = np.argsort(inverse, kind="stable").astype(np.int64)
    bounds = np.zeros(uniq.shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(inverse, minlength=uniq.shape[0]), out=bounds[1:])
    present = {str(u): i for i, u in enumerate(uniq) if u != ""}
    if known_types is None:
        vocabulary = set(present)
    else:
        vocabulary = set(_requested(known_types)[1]) | set(present)
    vocabulary.discard("")
    unknown = [k for k in wanted if k not in vocabulary]
    if unknown:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Unknown facility types: {types}."),
            types=_join(unknown),
        )
    rows, absent = [], []
    for k in wanted:
        i = present.get(k)
        if i is None:
            absent.append(k)
            rows.append(np.zeros(0, dtype=np.int64))
        else:
            rows.append(order[bounds[i] : bounds[i + 1]])
    return originals, rows, absent


def _sub_progress(progress: Progress, start: float, stop: float) -> Progress:
    if progress is None:
        return None
    return lambda f: progress(start + (stop - start) * float(min(max(f, 0.0), 1.0)))


# ---------------------------------------------------------------------------------------------
# Nearest facility of each type, facilities within reach
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class NearestTypeResult:
    """Nearest facility of one type from each demand unit.

    Attributes
    ----------
    time
        Minutes from the demand unit to its nearest facility of the type; inf if none is within
        the cut-off (or reachable).
    index
        Row of that facility in the facility arrays given; -1 where ``time`` is inf.
    count_within
        Number of facilities of the type within the cut-off (inclusive); None if not asked.
    n_facilities
        Facilities of the type given (snapped or not).
    """

    time: FloatArray
    index: IntArray
    count_within: Optional[IntArray]
    n_facilities: int


class NearestByType(dict):
    """``{type: NearestTypeResult}`` in the order requested, plus what the user must be told.

    Attributes
    ----------
    warnings
        Types with no facility, points too far from the network.
    absent_types
        Requested types with no facility among those given (their times are inf).
    unreachable_demand
        Rows of the demand units not snapped to the network (always inf).
    """

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[Message] = []
        self.absent_types: list[str] = []
        self.unreachable_demand: IntArray = np.zeros(0, dtype=np.int64)


def _absent_warning(absent: Sequence[str]) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "ReterrEngine",
            "No facility of type {types}: every demand unit is counted as beyond reach of it.",
        ),
        {"types": _join(absent)},
    )


def nearest_by_type(
    costs: TravelCosts,
    demand_xy: PointsLike,
    fac_xy: PointsLike,
    fac_type: ArrayLike,
    types: Iterable[Hashable],
    cutoff: float = np.inf,
    *,
    known_types: Optional[Iterable[Hashable]] = None,
    counts: bool = True,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> NearestByType:
    """Per demand unit and facility type: time to the nearest facility, and facilities within T.

    ``d_i = min_j c_ij`` and ``O_i(T) = Σ_j [c_ij ≤ T]`` over the facilities of each type
    (METHODS.md §1.2), ``c_ij`` measured from the demand unit to the facility.

    Parameters
    ----------
    costs
        :class:`StraightLineCosts` or :class:`NetworkCosts`.
    demand_xy, fac_xy
        ``(n, 2)`` coordinates (or :class:`Places` from ``costs.locate``).
    fac_type
        Type (category, e.g. BPE ``TYPEQU``) of each facility; compared as trimmed text.
    types
        Types to compute, in the order of the result.
    cutoff
        Search cut-off ``T`` in minutes (inclusive); ``inf`` for none (nearest only: counts then
        count every reachable facility, which on a network lists every pair, so give a cut-off).
    known_types
        The vocabulary of types (e.g. a BPE code table). Requested types outside it raise an
        error; types in it with no facility give a warning (inf times, zero counts). When None,
        the vocabulary is the types present among the facilities, so a requested type with no
        facility is an error (most likely a typo).
    counts
        Also count the facilities within the cut-off (straight line: ball counts; network: sparse
        OD matrix, one bounded search per distinct node on the side with fewer nodes).
    progress, is_canceled
        Optional callbacks (checked between types and inside the searches).

    Returns
    -------
    NearestByType
        ``{type: NearestTypeResult}``, with ``warnings``.

    Raises
    ------
    InputError
        Missing coordinates (rows), a type column of the wrong length, unknown types (listed), a
        negative cut-off, counts on a network without a finite cut-off.
    """
    c = check_cutoff(cutoff)
    demand = costs.locate(demand_xy, "demand")
    facilities = costs.locate(fac_xy, "facilities")
    if counts and isinstance(costs, NetworkCosts):
        check_cutoff(c, finite=True)
    originals, rows_by_type, absent = _group_rows(fac_type, len(facilities), types, known_types)
    out = NearestByType()
    out.absent_types = absent
    out.unreachable_demand = demand.unsnapped
    for places in (demand, facilities):
        w = costs.snap_warning(places)
        if w is not None:
            out.warnings.append(w)
    if absent:
        out.warnings.append(_absent_warning(absent))
    n = len(demand)
    n_types = len(originals)
    for k, (t, rows) in enumerate(zip(originals, rows_by_type)):
        check_canceled(is_canceled)
        start, stop = k / n_types, (k + 1) / n_types
        if rows.size == 0:
            time = np.full(n, np.inf)
            index = np.full(n, -1, dtype=np.int64)
            cnt = np.zeros(n, dtype=np.int64) if counts else None
        else:
            sub = facilities.subset(rows)
            mid = (start + stop) / 2 if counts else stop
            time, j = costs.nearest(
                demand,
                sub,
                c,
                progress=_sub_progress(progress, start, mid),
                is_canceled=is_canceled,
            )
            index = np.where(j >= 0, rows[np.maximum(j, 0)], -1)
            cnt = None
            if counts:
                cnt = costs.count(
                    demand,
                    sub,
                    c,
                    progress=_sub_progress(progress, mid, stop),
                    is_canceled=is_canceled,
                )
        out[t] = NearestTypeResult(time, index, cnt, int(rows.size))
        if progress is not None:
            progress(stop)
    return out


# ---------------------------------------------------------------------------------------------
# Everyday-services basket
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class BasketResult:
    """Access of each demand unit to a basket of facility types.

    Attributes
    ----------
    types
        The basket's types, in the column order of ``times``.
    times
        ``(n_units, n_types)`` minutes to the nearest facility of each type (inf beyond the
        search cut-off, unreachable, or no facility of the type).
    nearest_index
        ``(n_units, n_types)`` facility row of that nearest facility, -1 where none.
    reached
        Number of basket types whose nearest facility is within the threshold.
    share
        ``reached / len(types)``, from 0 to 1: the denominator is the whole basket, types with no
        facility included (they count as not reached).
    missing
        ``len(types) - reached``.
    mean_time, max_time
        Mean and max of ``times`` over the types that have at least one facility (inf if one of
        them is beyond the search cut-off or unreachable; NaN if no type has a facility).
    absent_types
        Basket types with no facility among those given.
    warnings
        Absent types, points too far from the network.
    """

    types: list[Hashable]
    times: FloatArray
    nearest_index: IntArray
    reached: IntArray
    share: FloatArray
    missing: IntArray
    mean_time: FloatArray
    max_time: FloatArray
    absent_types: list[str] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def basket_access(
    costs: TravelCosts,
    demand_xy: PointsLike,
    fac_xy: PointsLike,
    fac_type: ArrayLike,
    basket_types: Iterable[Hashable],
    threshold: float,
    *,
    search_cutoff: float = np.inf,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> BasketResult:
    """Share of a basket of facility types reachable within ``threshold``, mean and max time.

    METHODS.md §1.4 (INSEE Première n°1579: the "panier de la vie courante"). One nearest search
    per basket type (network: one multi-source search per type, not per facility).

    Parameters
    ----------
    costs, demand_xy, fac_xy, fac_type
        As in :func:`nearest_by_type`.
    basket_types
        The basket (e.g. the BPE codes of the everyday basket of a vintage).
    threshold
        ``T`` in minutes: a type is reached if its nearest facility is at ``≤ T``.
    search_cutoff
        Cut-off of the searches, ``≥ threshold`` (default none: the mean and max times are exact;
        a finite value is faster on a large network, and gives inf times beyond it).
    progress, is_canceled
        Optional callbacks.

    Returns
    -------
    BasketResult

    Notes
    -----
    The basket is fixed, as INSEE counts it: a type with no facility in the data stays in the
    share's denominator (nobody reaches it: in a study area clipped from a larger territory the
    facility may lie just outside, hence the warning), but it is left out of the mean and max
    times, which cannot be measured for it.
    """
    t = check_cutoff(threshold)
    s = check_cutoff(search_cutoff)
    if s < t:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "The search cut-off must be at least the threshold ({t} min)."
            ),
            t=f"{t:g}",
        )
    basket = list(basket_types)
    res = nearest_by_type(
        costs,
        demand_xy,
        fac_xy,
        fac_type,
        basket,
        s,
        known_types=basket,
        counts=False,
        progress=progress,
        is_canceled=is_canceled,
    )
    types = list(res.keys())
    n = len(res[types[0]].time)
    times = np.empty((n, len(types)))
    index = np.empty((n, len(types)), dtype=np.int64)
    for k, typ in enumerate(types):
        times[:, k] = res[typ].time
        index[:, k] = res[typ].index
    reached = np.count_nonzero(times <= t, axis=1).astype(np.int64)
    share = reached / float(len(types))
    present = np.array([res[typ].n_facilities > 0 for typ in types], dtype=bool)
    if present.any():
        mean_time = times[:, present].mean(axis=1)
        max_time = times[:, present].max(axis=1)
    else:
        mean_time = np.full(n, np.nan)
        max_time = np.full(n, np.nan)
    return BasketResult(
        types=types,
        times=times,
        nearest_index=index,
        reached=reached,
        share=share,
        missing=len(types) - reached,
        mean_time=mean_time,
        max_time=max_time,
        absent_types=res.absent_types,
        warnings=res.warnings,
    )


# ---------------------------------------------------------------------------------------------
# Population beyond a threshold, per zone
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class PopulationBeyond:
    """Population beyond a time threshold, per zone.

    Attributes
    ----------
    pop_beyond
        ``Σ_i w_iz P_i [t_i > T]`` per zone (``(n_zones,)``, or ``(n_zones, k)`` for ``k`` columns
        of times).
    share_beyond
        ``pop_beyond / population``, NaN for zones without population.
    population
        ``Σ_i w_iz P_i`` per zone.
    empty_zones
        Zones without population.
    warnings
        Zones without population.
    """

    pop_beyond: FloatArray
    share_beyond: FloatArray
    population: FloatArray
    empty_zones: IntArray
    warnings: list[Message] = field(default_factory=list)

    def __iter__(self):
        """Unpack as ``pop_beyond, share_beyond``."""
        return iter((self.pop_beyond, self.share_beyond))


def population_beyond(
    times: ArrayLike,
    population: ArrayLike,
    threshold: float,
    zone_weights: Union[sparse.spmatrix, ArrayLike, None] = None,
) -> PopulationBeyond:
    """Population whose time exceeds ``threshold``, and its share, per zone.

    Parameters
    ----------
    times
        Minutes per demand unit (``(n,)``, or ``(n, k)`` for several services); inf (unreachable,
        beyond the search cut-off) counts as beyond.
    population
        ``P_i`` per demand unit, finite and ``≥ 0``.
    threshold
        ``T`` in minutes; beyond means ``t > T``.
    zone_weights
        ``(n_units, n_zones)`` weights of each unit in each zone, as from
        :func:`~..profile.territory.group_weights` or :func:`~..core.zones.zone_weights` (sparse
        or dense); None for one zone holding every unit. Units in no zone are not counted.

    Returns
    -------
    PopulationBeyond
        Unpacks as ``pop_beyond, share_beyond``.

    Raises
    ------
    InputError
        Missing or negative times or population (rows), weights of the wrong shape or negative.
    """
    t = np.asarray(times, dtype=np.float64)
    if t.ndim not in (1, 2):
        raise ValueError("times must be (n,) or (n, k)")
    n = t.shape[0]
    thr = check_cutoff(threshold)
    bad = np.flatnonzero(
        np.isnan(t).reshape(n, -1).any(axis=1) | (t < 0).reshape(n, -1).any(axis=1)
    )
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} demand units have a missing or negative time."),
            bad,
            n=bad.size,
        )
    p = _demand_weights(population, n, "population")
    if zone_weights is None:
        w = sparse.csr_matrix(np.ones((n, 1)))
    else:
        w = sparse.csr_matrix(zone_weights, dtype=np.float64)
        if w.shape[0] != n:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "'{what}' has {got} values, expected {expected}."
                ),
                what="zone weights",
                got=w.shape[0],
                expected=n,
            )
        if w.nnz and not (np.isfinite(w.data).all() and (w.data >= 0).all()):
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "Zone weights must be finite and not negative.")
            )
    beyond = (t > thr).astype(np.float64)
    pop_beyond = np.asarray(w.T @ (beyond * (p if t.ndim == 1 else p[:, None])))
    total = np.asarray(w.T @ p).ravel()
    tot = total if t.ndim == 1 else total[:, None]
    share = np.full(pop_beyond.shape, np.nan)
    np.divide(pop_beyond, tot, out=share, where=np.broadcast_to(tot > 0, share.shape))
    empty = np.flatnonzero(~(total > 0)).astype(np.int64)
    warnings = []
    if empty.size:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} zones have no population: their share beyond the threshold is left empty.",
                ),
                {"n": int(empty.size)},
            )
        )
    return PopulationBeyond(pop_beyond, share, total, empty, warnings)


# ---------------------------------------------------------------------------------------------
# What-if: added facilities
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class WhatIfResult:
    """Nearest-facility times before and after adding facilities.

    Attributes
    ----------
    before, after
        Minutes to the nearest facility (inf beyond the cut-off or unreachable).
    gain
        ``before - after`` (≥ 0): 0 where nothing changes (also inf → inf), inf where a unit
        becomes reachable within the cut-off.
    index_after
        Nearest facility after: rows ``0 .. n_existing - 1`` are the existing facilities,
        ``n_existing + r`` the added one of row ``r``; -1 where none.
    newly_reached
        Units beyond the cut-off before and within it after.
    warnings
        Points too far from the network.
    """

    before: FloatArray
    after: FloatArray
    gain: FloatArray
    index_after: IntArray
    newly_reached: BoolArray
    warnings: list[Message] = field(default_factory=list)


def what_if(
    costs: TravelCosts,
    demand_xy: PointsLike,
    fac_xy_existing: PointsLike,
    fac_xy_added: PointsLike,
    cutoff: float = np.inf,
    *,
    before: Optional[tuple[ArrayLike, ArrayLike]] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> WhatIfResult:
    """Change of the nearest-facility time when candidate facilities are added.

    One nearest search over the added facilities, then the minimum with the existing times
    (those given in ``before``, or one more search). Ties keep the existing facility.

    Parameters
    ----------
    costs, demand_xy
        As in :func:`nearest_by_type`.
    fac_xy_existing, fac_xy_added
        Coordinates (or :class:`Places`) of the facilities there are, and of those to add.
    cutoff
        Search cut-off in minutes.
    before
        ``(time, index)`` of the existing facilities from an earlier run with the same cut-off
        (e.g. a :class:`NearestTypeResult`'s ``time`` and ``index``), to skip their search.
    progress, is_canceled
        Optional callbacks.

    Returns
    -------
    WhatIfResult
    """
    c = check_cutoff(cutoff)
    demand = costs.locate(demand_xy, "demand")
    existing = costs.locate(fac_xy_existing, "facilities")
    added = costs.locate(fac_xy_added, "candidates")
    n = len(demand)
    warnings = [w for w in map(costs.snap_warning, (demand, existing, added)) if w is not None]
    if before is None:
        t0, i0 = costs.nearest(
            demand, existing, c, progress=_sub_progress(progress, 0, 0.5), is_canceled=is_canceled
        )
    else:
        t0 = np.asarray(before[0], dtype=np.float64).ravel()
        i0 = np.asarray(before[1], dtype=np.int64).ravel()
        if t0.shape[0] != n or i0.shape[0] != n:
            raise ValueError("before: one time and one index per demand unit expected")
    t1, i1 = costs.nearest(
        demand, added, c, progress=_sub_progress(progress, 0.5, 1.0), is_canceled=is_canceled
    )
    better = t1 < t0
    after = np.where(better, t1, t0)
    index = np.where(better, i1 + len(existing), i0)
    gain = np.zeros(n)
    changed = after < t0
    with np.errstate(invalid="ignore"):
        gain[changed] = t0[changed] - after[changed]
    newly = np.isinf(t0) & np.isfinite(after)
    if progress is not None:
        progress(1.0)
    return WhatIfResult(t0, after, gain, index, newly, warnings)


# ---------------------------------------------------------------------------------------------
# Greedy maximal covering location
# ---------------------------------------------------------------------------------------------


class CoverStep(NamedTuple):
    """One site chosen by :func:`greedy_max_cover`."""

    candidate: int
    gained: float
    cumulative: float


@dataclass(eq=False)
class CoverResult:
    """Sites chosen by :func:`greedy_max_cover`, in the order chosen.

    Attributes
    ----------
    steps
        ``(candidate index, weight gained, cumulative weight gained)`` per site.
    covered
        Demand units covered at the end (already covered ones included).
    covered_by
        Chosen candidate that first covers each unit, -1 for the others (and the already covered).
    already
        Weight already covered before any site.
    uncovered_before
        Weight not covered before any site (the most the sites can gain).
    warnings
        Early stop (no candidate covers more demand).
    """

    steps: list[CoverStep]
    covered: BoolArray
    covered_by: IntArray
    already: float
    uncovered_before: float
    warnings: list[Message] = field(default_factory=list)

    @property
    def chosen(self) -> IntArray:
        """Candidate indices in the order chosen."""
        return np.array([s.candidate for s in self.steps], dtype=np.int64)


def _coverage_matrix(
    coverage: Union[CostPairs, sparse.spmatrix], threshold: Optional[float]
) -> sparse.csr_matrix:
    """0/1 CSR ``(n_demand, n_candidates)``, one entry per covering pair."""
    if isinstance(coverage, CostPairs):
        i, j = coverage.origin, coverage.destination
        if threshold is not None:
            keep = coverage.cost <= check_cutoff(threshold)
            i, j = i[keep], j[keep]
        shape = (coverage.n_origins, coverage.n_destinations)
    else:
        coo = sparse.coo_matrix(coverage)
        if threshold is not None:
            raise ValueError("threshold applies to CostPairs only")
        i, j, shape = coo.row, coo.col, coo.shape
    m = sparse.csr_matrix(
        (np.ones(np.shape(i)[0], dtype=np.float64), (np.asarray(i), np.asarray(j))), shape=shape
    )
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def greedy_max_cover(
    coverage: Union[CostPairs, sparse.spmatrix],
    demand_weight: ArrayLike,
    k: int,
    already_covered: Optional[ArrayLike] = None,
    *,
    threshold: Optional[float] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> CoverResult:
    """Greedy maximal covering location: ``k`` sites covering the most uncovered demand.

    The maximal covering location problem (Church & ReVelle 1974) picks ``k`` sites among the
    candidates to maximise the demand within ``T`` of a site. It is NP-hard; the greedy choice
    (each step adds the site covering the most demand not yet covered) reaches at least
    ``1 − 1/e ≈ 63 %`` of the optimum (the coverage is a monotone submodular function: Nemhauser,
    Wolsey & Fisher 1978), and is often optimal or close in practice.

    Parameters
    ----------
    coverage
        Which candidate covers which demand unit: :class:`CostPairs` with the demand
        units as origins and the candidates as destinations (as from
        ``costs.pairs(demand_xy, candidate_xy, T)``: travel home → site), or a sparse
        ``(n_demand, n_candidates)`` matrix whose stored entries are the covering pairs.
        Candidates may be the demand points themselves or any set of sites.
    demand_weight
        Weight of each demand unit (population), finite and ``≥ 0``.
    k
        Number of sites to choose (fewer if no candidate covers anything more).
    already_covered
        Boolean mask of units already covered (e.g. ``time <= T`` to the existing facilities):
        they bring no gain.
    threshold
        With :class:`CostPairs`: only pairs with ``cost ≤ threshold`` cover (default:
        every pair given).
    progress, is_canceled
        Optional callbacks, once per site.

    Returns
    -------
    CoverResult
        ``steps``: ``(candidate, gained, cumulative)``.

    Notes
    -----
    Vectorised on sparse matrices: the gain of every candidate is ``Aᵀ u`` (``A`` the 0/1
    coverage, ``u`` the uncovered weights) computed once; after each choice only the newly
    covered units' rows are subtracted (``A[new]ᵀ u[new]``), so a step costs the pairs of the
    newly covered units, not all pairs. Ties go to the lowest candidate index; gains closer than
    :data:`COVER_TIE_TOLERANCE` × the total uncovered weight count as ties (rounding of the
    incremental updates). Stops early when no candidate gains anything.
    """
    a = _coverage_matrix(coverage, threshold)
    n_dem, n_cand = a.shape
    w = _demand_weights(demand_weight, n_dem, "demand weight")
    if int(k) != k or k < 1:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The number of sites must be a positive integer.")
        )
    k = int(k)
    if already_covered is None:
        covered = np.zeros(n_dem, dtype=bool)
    else:
        covered = np.asarray(already_covered, dtype=bool).ravel().copy()
        if covered.shape[0] != n_dem:
            raise ValueError("already_covered: one value per demand unit expected")
    u = np.where(covered, 0.0, w)
    already = float(w[covered].sum())
    total_u = float(u.sum())
    tol = COVER_TIE_TOLERANCE * total_u
    a_csc = a.tocsc()
    gains = np.asarray(a.T @ u, dtype=np.float64).ravel()
    covered_by = np.full(n_dem, -1, dtype=np.int64)
    steps: list[CoverStep] = []
    warnings: list[Message] = []
    cumulative = 0.0
    for step in range(k):
        check_canceled(is_canceled)
        if n_cand == 0:
            break
        best = float(gains.max())
        if not best > tol:
            break
        j = int(np.argmax(gains >= best - tol))  # lowest index among the ties
        col = a_csc.indices[a_csc.indptr[j] : a_csc.indptr[j + 1]]
        new = col[~covered[col]]
        covered[new] = True
        covered_by[new] = j
        weighted = new[u[new] > 0]
        gained = float(u[weighted].sum())
        if weighted.size:
            gains -= np.asarray(a[weighted].T @ u[weighted]).ravel()
            u[weighted] = 0.0
        gains[j] = 0.0
        cumulative += gained
        steps.append(CoverStep(j, gained, cumulative))
        if progress is not None:
            progress((step + 1) / k)
    if len(steps) < k:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "Only {n} sites were chosen: no other candidate covers more demand.",
                ),
                {"n": len(steps)},
            )
        )
    if progress is not None:
        progress(1.0)
    return CoverResult(steps, covered, covered_by, already, total_u, warnings)
