"""Territorial profile: population structure, density, housing vacancy, at any zoning.

Indicators are always recomputed from summed counts (population, area, age groups, dwellings), never
averaged from ratios: the share of people aged 65+ of an EPCI is Σ pop_65p / Σ (age groups) over its
communes, which equals the population-weighted mean of the communes' shares, not their plain mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module

sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]

#: Count fields understood by the profile, in output order. ``population`` and ``area_km2`` are
#: required; the others are optional and unlock the indicators that need them.
COUNT_FIELDS: tuple[str, ...] = (
    "population",
    "area_km2",
    "pop_0_19",
    "pop_20_64",
    "pop_65p",
    "dwellings",
    "vacant_dwellings",
)
AGE_FIELDS: tuple[str, str, str] = ("pop_0_19", "pop_20_64", "pop_65p")
HOUSING_FIELDS: tuple[str, str] = ("dwellings", "vacant_dwellings")

#: Indicator fields computed from the counts, in output order.
INDICATOR_FIELDS: tuple[str, ...] = (
    "density",
    "share_0_19",
    "share_20_64",
    "share_65p",
    "ageing_index",
    "vacancy_rate",
)


@dataclass
class Profile:
    """Counts and indicators of a set of territories.

    Attributes
    ----------
    counts
        Summable quantities per territory (NaN where a source value was missing).
    indicators
        Ratios recomputed from ``counts`` (NaN where undefined, e.g. zero population).
    warnings
        Plain-language notes on what could not be computed and why.
    """

    counts: dict[str, FloatArray]
    indicators: dict[str, FloatArray]
    warnings: list[Message] = field(default_factory=list)

    def columns(self) -> dict[str, FloatArray]:
        """Counts then indicators, in the documented output order."""
        return {**self.counts, **self.indicators}


def _as_float(name: str, values: ArrayLike, n: int | None) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{field}' must hold one value per territory."),
            field=name,
        )
    if n is not None and arr.shape[0] != n:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{field}' has {got} values, expected {expected}."),
            field=name,
            got=arr.shape[0],
            expected=n,
        )
    return arr


def validate_counts(counts: Mapping[str, ArrayLike]) -> dict[str, FloatArray]:
    """Check count arrays and return them as float64.

    Raises
    ------
    InputError
        When ``population`` or ``area_km2`` is missing, when a value is negative or infinite, when
        ``population`` has missing values, or when an area is not strictly positive. ``rows`` lists the
        offending positions.
    """
    unknown = set(counts) - set(COUNT_FIELDS)
    if unknown:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Unknown count fields: {fields}."),
            fields=", ".join(sorted(unknown)),
        )
    for required in ("population", "area_km2"):
        if required not in counts:
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "The '{field}' values are required."),
                field=required,
            )
    n = len(np.asarray(counts["population"]))
    out = {name: _as_float(name, counts[name], n) for name in COUNT_FIELDS if name in counts}
    for name, arr in out.items():
        bad = np.flatnonzero(np.isinf(arr) | (arr < 0))
        if bad.size:
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "'{field}' has negative or infinite values."),
                bad,
                field=name,
            )
    missing_pop = np.flatnonzero(np.isnan(out["population"]))
    if missing_pop.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The population is missing (NULL)."), missing_pop
        )
    bad_area = np.flatnonzero(~(out["area_km2"] > 0))
    if bad_area.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The area is zero or missing (empty geometry?)."),
            bad_area,
        )
    return out


def _ratio(num: FloatArray, den: FloatArray, scale: float = 1.0) -> FloatArray:
    """``scale * num / den`` with NaN where the denominator is zero or missing."""
    out = np.full(num.shape, np.nan)
    ok = (den > 0) & ~np.isnan(num)
    np.divide(num, den, out=out, where=ok)
    out[ok] *= scale
    return out


def profile_from_counts(counts: Mapping[str, ArrayLike]) -> Profile:
    """Compute the profile indicators of territories from their counts.

    Parameters
    ----------
    counts
        ``population`` and ``area_km2`` (required), and optionally the three age groups
        (``pop_0_19``, ``pop_20_64``, ``pop_65p``, all three or none) and the housing counts
        (``dwellings`` and ``vacant_dwellings``, both or none). NaN marks a missing value.

    Returns
    -------
    Profile
        ``density`` (inhabitants per km²); ``share_0_19``, ``share_20_64``, ``share_65p`` (% of the
        sum of the three age groups, so that the shares add up to 100 even when the age groups come
        from another census vintage than the population); ``ageing_index`` (100 × 65+ / under 20,
        INSEE definition); ``vacancy_rate`` (% of dwellings that are vacant). Indicators whose
        inputs were not given are absent; undefined values (zero denominators) are NaN and counted
        in ``warnings``.
    """
    c = validate_counts(counts)
    given_age = [f for f in AGE_FIELDS if f in c]
    if given_age and len(given_age) != len(AGE_FIELDS):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "Give all three age groups (0-19, 20-64, 65+) or none."
            )
        )
    given_housing = [f for f in HOUSING_FIELDS if f in c]
    if given_housing and len(given_housing) != len(HOUSING_FIELDS):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "Give both dwellings and vacant dwellings, or neither."
            )
        )

    ind: dict[str, FloatArray] = {"density": _ratio(c["population"], c["area_km2"])}
    warnings: list[Message] = []
    zero_pop = int(np.count_nonzero(c["population"] == 0))
    if zero_pop:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP("ReterrEngine", "{n} territories have zero population."),
                {"n": zero_pop},
            )
        )
    if given_age:
        total = c["pop_0_19"] + c["pop_20_64"] + c["pop_65p"]
        for name in AGE_FIELDS:
            ind["share" + name[3:]] = _ratio(c[name], total, 100.0)
        ind["ageing_index"] = _ratio(c["pop_65p"], c["pop_0_19"], 100.0)
        undefined = int(np.count_nonzero(np.isnan(ind["share_65p"])))
        if undefined:
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine", "Age shares undefined for {n} territories (no age data)."
                    ),
                    {"n": undefined},
                )
            )
        undefined = int(np.count_nonzero(np.isnan(ind["ageing_index"]))) - undefined
        if undefined > 0:
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine",
                        "Ageing index undefined for {n} territories (nobody under 20).",
                    ),
                    {"n": undefined},
                )
            )
    if given_housing:
        over = np.flatnonzero(c["vacant_dwellings"] > c["dwellings"])
        if over.size:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "More vacant dwellings than dwellings: check the two fields."
                ),
                over,
            )
        ind["vacancy_rate"] = _ratio(c["vacant_dwellings"], c["dwellings"], 100.0)
        undefined = int(np.count_nonzero(np.isnan(ind["vacancy_rate"])))
        if undefined:
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine", "Vacancy rate undefined for {n} territories (no dwellings)."
                    ),
                    {"n": undefined},
                )
            )
    return Profile(counts=c, indicators=ind, warnings=warnings)


def aggregate_counts(
    counts: Mapping[str, ArrayLike], weights: sparse.spmatrix | NDArray[np.float64]
) -> dict[str, FloatArray]:
    """Sum unit counts into zones.

    Parameters
    ----------
    counts
        Count arrays of ``n_units`` values (see :func:`profile_from_counts`).
    weights
        ``n_units × n_zones`` matrix: the share of each unit's counts that goes to each zone (1 for
        the zone a unit belongs to; an area share for areal interpolation). See
        :func:`reterr_qgis.engine.core.zones.zone_weights`.

    Returns
    -------
    dict
        Count arrays of ``n_zones`` values. A missing (NaN) unit value makes the zone's sum NaN: a
        zone total is never silently short of one of its members.
    """
    c = validate_counts(counts)
    w = sparse.csr_matrix(weights, dtype=np.float64)
    if w.shape[0] != len(c["population"]):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The weights have {rows} rows for {n} units."),
            rows=w.shape[0],
            n=len(c["population"]),
        )
    wt = w.T.tocsr()
    return {name: np.asarray(wt @ arr, dtype=np.float64) for name, arr in c.items()}


def aggregate_profile(
    counts: Mapping[str, ArrayLike], weights: sparse.spmatrix | NDArray[np.float64]
) -> Profile:
    """Profile of zones from the counts of the units they contain (sums first, then ratios)."""
    return profile_from_counts(aggregate_counts(counts, weights))


def group_weights(codes: ArrayLike) -> tuple[NDArray[np.str_], sparse.csr_matrix]:
    """Membership matrix of units grouped by a code (e.g. their EPCI SIREN).

    Returns the sorted distinct codes and the ``n_units × n_codes`` 0/1 matrix. Missing codes
    (None or empty strings) raise :class:`InputError` with their rows.
    """
    arr = np.asarray(codes)
    if arr.dtype.kind == "O":
        none = np.equal(arr, None)
        keys = np.where(none, "", arr).astype(str)
    else:
        none = np.zeros(arr.shape, dtype=bool)
        keys = arr.astype(str)
    missing = np.flatnonzero(none | (keys == "") | np.char.isspace(keys))
    if missing.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The grouping code is missing."), missing
        )
    uniq, inverse = np.unique(keys, return_inverse=True)
    n = keys.shape[0]
    w = sparse.csr_matrix((np.ones(n), (np.arange(n), inverse)), shape=(n, uniq.shape[0]))
    return uniq, w
