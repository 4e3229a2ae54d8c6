"""Composite resilience index, COINr-style (METHODS.md §4).

The pipeline, per indicator then per territory:

1. **outlier treatment** (:func:`treat_outliers`): COINr's default rule. An indicator fails when
   ``|skew| > 2`` *and* ``kurtosis > 3.5``, skew and kurtosis being the bias-corrected sample
   statistics of e1071 ``type = 2`` (Excel's SKEW and KURT; the kurtosis is the **excess**
   kurtosis, 0 for a normal distribution). A failing indicator is winsorised: the most extreme
   value, on the side of the skew, is replaced by the next one, the rule is checked again, up to
   5 times. If it still fails, winsorisation is dropped and the original column is log-transformed
   in the direction of its skew (COINr ``log_CT_plus``).
2. **polarity-aware normalisation** (:func:`normalize`): min–max (0–100), z-score, distance to a
   target (0–100, capped), percentile rank (0–100). For a higher-is-worse indicator the score is
   mirrored (``100 − minmax``, ``−z``, reversed rank): raw values are never multiplied by −1
   before a min–max (the GEM IRMT plugin's mistake, which gives the same scores as the
   higher-is-better case).
3. **aggregation** (:func:`aggregate`) within each dimension, then across dimensions: weighted
   arithmetic mean ``Σ wᵢxᵢ / Σ wᵢ`` or weighted geometric mean ``Π xᵢ^(wᵢ/Σw)`` (never
   ``Π wᵢxᵢ``). Missing values: the mean is taken over the indicators a territory has, their
   weights renormalised; a territory with none gets no score (NaN).
4. **ranks** (1 = best) and their **uncertainty** (:func:`rank_uncertainty`): Monte-Carlo over the
   weights, optionally over the normalisation method, giving the median rank and the 5–95 % band.

The overall score is optional (``overall=False``: dimension scores only, the CRATer choice).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.indicators import Indicator, Polarity
from ..core.lazy import lazy_module

stats = lazy_module("scipy.stats")

FloatArray = NDArray[np.float64]

NORMALIZATIONS: tuple[str, ...] = ("minmax", "zscore", "target", "rank")
AGGREGATIONS: tuple[str, ...] = ("arithmetic", "geometric")
WEIGHT_SAMPLINGS: tuple[str, ...] = ("uniform", "dirichlet")

#: COINr defaults (``qTreat``): skew threshold, excess-kurtosis threshold, winsorised points.
SKEW_THRESHOLD = 2.0
KURTOSIS_THRESHOLD = 3.5
WINSOR_MAX = 5
#: Normalised scores s in [0, 100] become 1 + 0.99 s in [1, 100] for the geometric mean.
GEOMETRIC_FLOOR = 1.0

#: An indicator declaration for :func:`composite_index`: (dimension, polarity) or an Indicator.
IndicatorSpec = Union[tuple[Any, Any], Indicator]

_TOO_FEW = QT_TRANSLATE_NOOP("ReterrEngine", "At least two territories are needed, got {n}.")
_CONSTANT = QT_TRANSLATE_NOOP(
    "ReterrEngine", "'{indicator}' has the same value everywhere: it cannot rank territories."
)
_UNKNOWN = QT_TRANSLATE_NOOP("ReterrEngine", "Unknown {what} '{method}': use one of {choices}.")
_BAD_WEIGHT = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The weight of '{name}' must be a positive number, got {value}."
)
_UNKNOWN_NAMES = QT_TRANSLATE_NOOP("ReterrEngine", "Weights given for unknown {what}: {names}.")
_NO_POLARITY = QT_TRANSLATE_NOOP(
    "ReterrEngine", "'{indicator}' has no polarity: say whether higher is better or worse."
)
_NOT_IN_TABLE = QT_TRANSLATE_NOOP("ReterrEngine", "'{indicator}' is missing from the table.")
_ONE_VALUE = QT_TRANSLATE_NOOP("ReterrEngine", "'{field}' must hold one value per territory.")
_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{field}' has {got} values, expected {expected}.")
_NO_INDICATORS = QT_TRANSLATE_NOOP("ReterrEngine", "No indicator to build the index from.")
_NEEDS_TARGET = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Distance to target needs a target value for '{indicator}'."
)
_BAD_TARGET = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The target of '{indicator}' ({target}) is not better than its worst value."
)
_NOT_POSITIVE = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The geometric mean needs positive values: {n} are zero or negative."
)
_GEOMETRIC_Z = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The geometric mean cannot use z-scores: choose another normalisation."
)
_BAD_SPREAD = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The weight spread must be at least 0 and below 1, got {value}."
)
_BAD_SAMPLES = QT_TRANSLATE_NOOP("ReterrEngine", "At least one sample is needed, got {n}.")
_UNKNOWN_DIMENSION = QT_TRANSLATE_NOOP("ReterrEngine", "Unknown dimension '{dimension}'.")
_W_MISSING = QT_TRANSLATE_NOOP(
    "ReterrEngine", "'{indicator}': {n} territories have no value and are left out of it."
)
_W_REWEIGHTED = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} territories lack some values: their means re-weight the others."
)
_W_EMPTY = QT_TRANSLATE_NOOP("ReterrEngine", "{n} territories have no value at all: no score.")
_W_WINSOR = QT_TRANSLATE_NOOP(
    "ReterrEngine", "'{indicator}': {n} outlying values winsorised (skew {skew}, kurtosis {kurt})."
)
_W_LOG = QT_TRANSLATE_NOOP(
    "ReterrEngine", "'{indicator}': too skewed after winsorising, log-transformed instead."
)
_W_TARGET_RAW = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Distance to target: outliers are not treated, targets are in raw units."
)


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _check_choice(value: str, choices: Sequence[str], what: str) -> str:
    if value not in choices:
        raise InputError(_UNKNOWN, what=what, method=value, choices=", ".join(choices))
    return value


def _polarity(value: Any, name: str) -> Polarity:
    try:
        pol = Polarity(value.value if isinstance(value, Enum) else value)
    except ValueError:
        raise InputError(
            _UNKNOWN,
            what="polarity",
            method=str(value),
            choices=", ".join(p.value for p in Polarity),
        ) from None
    if pol is Polarity.NEUTRAL:
        raise InputError(_NO_POLARITY, indicator=name)
    return pol


def _column(values: ArrayLike, name: str, n: int | None = None) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise InputError(_ONE_VALUE, field=name)
    if n is not None and arr.shape[0] != n:
        raise InputError(_LENGTH, field=name, got=arr.shape[0], expected=n)
    if arr.shape[0] < 2:
        raise InputError(_TOO_FEW, n=arr.shape[0])
    return np.where(np.isfinite(arr), arr, np.nan)


def _positive_weight(name: str, value: Any) -> float:
    try:
        w = float(value)
    except (TypeError, ValueError):
        w = float("nan")
    if not (np.isfinite(w) and w > 0):
        raise InputError(_BAD_WEIGHT, name=name, value=value)
    return w


def rank_desc(scores: ArrayLike, axis: int = 0) -> FloatArray:
    """Ranks of ``scores`` along ``axis``, 1 = highest score.

    Ties share the best rank ("1, 2, 2, 4", competition ranking); NaN scores get a NaN rank and
    do not push the others down.
    """
    s = np.asarray(scores, dtype=np.float64)
    missing = np.isnan(s)
    ranks = stats.rankdata(np.where(missing, np.inf, -s), method="min", axis=axis)
    return np.where(missing, np.nan, ranks.astype(np.float64))


def skew_kurtosis(x: ArrayLike) -> tuple[float, float]:
    """Sample skewness and excess kurtosis of the finite values of ``x``.

    Both are the bias-corrected estimators G1 and G2 (e1071 ``type = 2``, Excel's SKEW and KURT),
    the definitions COINr's ``skew()`` and ``kurt()`` use. The kurtosis is the *excess* kurtosis
    (0 for a normal distribution). NaN when fewer than 4 values or when they are all equal.
    """
    v = np.asarray(x, dtype=np.float64)
    v = v[np.isfinite(v)]
    if v.size < 4 or np.ptp(v) == 0:
        return float("nan"), float("nan")
    return (
        float(stats.skew(v, bias=False)),
        float(stats.kurtosis(v, fisher=True, bias=False)),
    )


def _fails(x: FloatArray, skew_threshold: float, kurtosis_threshold: float) -> bool:
    s, k = skew_kurtosis(x)
    return bool(abs(s) > skew_threshold and k > kurtosis_threshold)


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Normalized:
    """A normalised column.

    Attributes
    ----------
    values
        Scores per territory, higher = more resilient whatever the polarity; NaN where the raw
        value was missing.
    missing_rows
        Positions of the missing values (left NaN).
    """

    values: FloatArray
    missing_rows: tuple[int, ...] = ()


def normalize(
    x: ArrayLike,
    method: str,
    polarity: Polarity | str,
    *,
    target: float | None = None,
    name: str = "indicator",
) -> Normalized:
    """Normalise one indicator so that a higher score always means more resilient.

    Parameters
    ----------
    x
        Raw values, one per territory; NaN (or infinite) values stay NaN and are reported.
    method
        ``"minmax"``: ``100 (x − min) / (max − min)``; ``"zscore"``: ``(x − mean) / sd`` (sample
        standard deviation, as R's ``sd`` in COINr's ``n_zscore``); ``"target"``: COINr's
        ``n_dist2targ`` in percent, ``100 (x − min) / (target − min)``, capped at 100;
        ``"rank"``: percentile rank ``100 (r − 1) / (m − 1)`` with r the rank among the m
        values, ties sharing their average rank.
    polarity
        :class:`~.indicators.Polarity`. HIGHER_IS_WORSE mirrors the score: ``100 − minmax``,
        ``−z``, ``100 − rank``, and for a target ``100 (max − x) / (max − target)``.
        NEUTRAL is refused.
    target
        The value to reach, in the indicator's units (``"target"`` only). It must be better
        than the worst value (above the minimum, or below the maximum if higher is worse).
    name
        Indicator name for the error messages.

    Returns
    -------
    Normalized
        The scores and the positions of the missing values.

    Raises
    ------
    InputError
        Fewer than two territories, an unknown method, a neutral polarity, fewer than two distinct
        values (a constant column cannot rank territories), a missing or unusable target.
    """
    _check_choice(method, NORMALIZATIONS, "normalisation")
    pol = _polarity(polarity, name)
    v = _column(x, name)
    finite = np.isfinite(v)
    if finite.sum() < 2 or np.nanmax(v) == np.nanmin(v):
        raise InputError(_CONSTANT, np.flatnonzero(finite).tolist(), indicator=name)
    worse = pol is Polarity.HIGHER_IS_WORSE
    lo, hi = float(np.nanmin(v)), float(np.nanmax(v))
    if method == "minmax":
        out = 100.0 * (v - lo) / (hi - lo)
        out = 100.0 - out if worse else out
    elif method == "zscore":
        z = (v - np.nanmean(v)) / np.nanstd(v, ddof=1)
        out = -z if worse else z
    elif method == "rank":
        out = np.full_like(v, np.nan)
        r = stats.rankdata(v[finite], method="average")
        out[finite] = 100.0 * (r - 1.0) / (r.size - 1.0)
        out = 100.0 - out if worse else out
    else:
        if target is None or not np.isfinite(float(target)):
            raise InputError(_NEEDS_TARGET, indicator=name)
        t = float(target)
        if (worse and t >= hi) or (not worse and t <= lo):
            raise InputError(_BAD_TARGET, indicator=name, target=t)
        out = 100.0 * ((hi - v) / (hi - t) if worse else (v - lo) / (t - lo))
        out = np.minimum(out, 100.0)
    return Normalized(out, tuple(np.flatnonzero(~finite).tolist()))


# --------------------------------------------------------------------------------------------
# Outlier treatment
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TreatmentReport:
    """What :func:`treat_outliers` did to one column.

    Attributes
    ----------
    skew_before, kurtosis_before, skew_after, kurtosis_after
        Sample skewness and excess kurtosis (see :func:`skew_kurtosis`) before and after.
    failed
        Whether the column failed the rule (``|skew| > 2 and kurtosis > 3.5``) before treatment.
    winsorised_rows
        Positions whose value was replaced (empty if none, or if the log transform was used).
    logged
        Whether the column was log-transformed (winsorisation was not enough).
    log_direction
        +1: ``log(x − min + a)`` (right skew), −1: ``−log(max + a − x)`` (left skew), 0: no log.
    """

    skew_before: float
    kurtosis_before: float
    skew_after: float
    kurtosis_after: float
    failed: bool = False
    winsorised_rows: tuple[int, ...] = ()
    logged: bool = False
    log_direction: int = 0

    @property
    def treated(self) -> bool:
        """Whether the column was changed."""
        return bool(self.winsorised_rows) or self.logged


def treat_outliers(
    x: ArrayLike,
    *,
    winmax: int = WINSOR_MAX,
    skew_threshold: float = SKEW_THRESHOLD,
    kurtosis_threshold: float = KURTOSIS_THRESHOLD,
    log_offset: float | None = None,
) -> tuple[FloatArray, TreatmentReport]:
    """Winsorise, or failing that log-transform, a column with outliers (COINr ``Treat``).

    The rule (COINr ``check_SkewKurt`` / ``winsorise`` / ``Treat`` defaults, METHODS.md §4):

    * the column *fails* when ``|skew| > skew_threshold`` **and**
      ``kurtosis > kurtosis_threshold``, with the bias-corrected skewness and **excess** kurtosis
      of :func:`skew_kurtosis` (COINr's ``skew``/``kurt``, e1071 type 2); otherwise it is
      returned unchanged;
    * a failing column is winsorised: if the skew is ≥ 0, the point(s) holding the maximum get the
      next lower value; if it is < 0, the point(s) holding the minimum get the next higher value;
      the rule is re-checked (skew direction included) after each step, at most ``winmax`` steps;
    * if the column still fails after ``winmax`` steps, the winsorisation is discarded and the
      *original* column is log-transformed in the direction of its skew (COINr ``log_CT_plus``):
      ``log(x − min + a)`` for a right skew, ``−log(max + a − x)`` for a left skew. Both are
      increasing in x, so the polarity is kept.

    Parameters
    ----------
    x
        Raw values; NaNs are ignored by the statistics and stay NaN.
    winmax
        Maximum number of winsorisation steps (COINr default 5).
    skew_threshold, kurtosis_threshold
        Rule thresholds (COINr defaults 2 and 3.5).
    log_offset
        ``a`` in the log transform. ``None`` (default): ``0.01 (max − min)`` as COINr's
        ``log_CT``, so that the result does not depend on the unit; 1 gives the original "COIN
        Tool" ``log(x − min + 1)``.

    Returns
    -------
    tuple of (numpy.ndarray, TreatmentReport)
        The treated column and what was done.
    """
    v = np.array(x, dtype=np.float64)
    v[~np.isfinite(v)] = np.nan
    s0, k0 = skew_kurtosis(v)
    if not _fails(v, skew_threshold, kurtosis_threshold):
        return v, TreatmentReport(s0, k0, s0, k0)
    w = v.copy()
    changed = np.zeros(v.shape, dtype=bool)
    for _ in range(max(int(winmax), 0)):
        s, _k = skew_kurtosis(w)
        extreme = np.nanmax(w) if s >= 0 else np.nanmin(w)
        at = w == extreme
        others = w[~at & np.isfinite(w)]
        if others.size == 0:
            break
        w[at] = others.max() if s >= 0 else others.min()
        changed |= at
        if np.nanmax(w) == np.nanmin(w):  # winsorised flat: no ranking left, log instead
            break
        if not _fails(w, skew_threshold, kurtosis_threshold):
            s1, k1 = skew_kurtosis(w)
            rows = tuple(np.flatnonzero(changed & (w != v)).tolist())
            return w, TreatmentReport(s0, k0, s1, k1, True, rows)
    lo, hi = float(np.nanmin(v)), float(np.nanmax(v))
    a = 0.01 * (hi - lo) if log_offset is None else float(log_offset)
    direction = 1 if s0 >= 0 else -1
    out = np.log(v - lo + a) if direction > 0 else -np.log(hi + a - v)
    s1, k1 = skew_kurtosis(out)
    return out, TreatmentReport(s0, k0, s1, k1, True, (), True, direction)


# --------------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------------


def _weighted_means(x: FloatArray, w: FloatArray, method: str) -> FloatArray:
    """Row means of ``x`` (n × k, NaN = missing) for each weight row of ``w`` (S × k) → (n × S).

    Weights are renormalised over each row's available values; rows with none give NaN.
    """
    mask = np.isfinite(x)
    den = mask.astype(np.float64) @ w.T
    if method == "arithmetic":
        num = np.where(mask, x, 0.0) @ w.T
    else:
        num = np.log(np.where(mask, x, 1.0)) @ w.T
    with np.errstate(invalid="ignore", divide="ignore"):
        out = num / den
    if method == "geometric":
        out = np.exp(out)
    out[den <= 0] = np.nan
    return out


@dataclass(frozen=True)
class Aggregated:
    """Row-wise aggregation of indicator scores.

    Attributes
    ----------
    values
        One score per territory (NaN when it has no value at all).
    weights
        The weights as used, renormalised to sum to one.
    reweighted_rows
        Territories with some (not all) values missing, whose weights were renormalised over the
        values they have.
    empty_rows
        Territories with no value at all.
    """

    values: FloatArray
    weights: FloatArray
    reweighted_rows: tuple[int, ...] = ()
    empty_rows: tuple[int, ...] = ()


def aggregate(matrix: ArrayLike, weights: ArrayLike, method: str = "arithmetic") -> Aggregated:
    """Aggregate the columns of ``matrix`` row by row.

    Parameters
    ----------
    matrix
        Normalised scores, n territories × k indicators; NaN = missing.
    weights
        k positive weights (renormalised to sum to one).
    method
        ``"arithmetic"``: ``Σ wᵢxᵢ / Σ wᵢ``; ``"geometric"``: ``Π xᵢ^(wᵢ / Σ w)``, which needs
        strictly positive values (:func:`composite_index` maps the normalised scores to [1, 100]
        first).

    Returns
    -------
    Aggregated
        Scores and the territories whose missing values changed the weighting. Missing-value
        rule: the mean is taken over the values a territory has, with their weights renormalised.

    Raises
    ------
    InputError
        Unknown method, weights not positive or of the wrong length, non-positive values for the
        geometric mean.
    """
    _check_choice(method, AGGREGATIONS, "aggregation")
    x = np.asarray(matrix, dtype=np.float64)
    if x.ndim != 2:
        raise InputError(_ONE_VALUE, field="matrix")
    x = np.where(np.isfinite(x), x, np.nan)
    w = np.array(
        [_positive_weight(str(i), v) for i, v in enumerate(np.ravel(weights))], dtype=np.float64
    )
    if w.size != x.shape[1]:
        raise InputError(_LENGTH, field="weights", got=w.size, expected=x.shape[1])
    if w.size == 0:
        raise InputError(_NO_INDICATORS)
    if method == "geometric":
        bad = np.isfinite(x) & (x <= 0)
        if bad.any():
            raise InputError(_NOT_POSITIVE, np.flatnonzero(bad.any(axis=1)).tolist(), n=bad.sum())
    w = w / w.sum()
    n_present = np.isfinite(x).sum(axis=1)
    values = _weighted_means(x, w[None, :], method)[:, 0]
    return Aggregated(
        values,
        w,
        tuple(np.flatnonzero((n_present > 0) & (n_present < x.shape[1])).tolist()),
        tuple(np.flatnonzero(n_present == 0).tolist()),
    )


# --------------------------------------------------------------------------------------------
# Composite index
# --------------------------------------------------------------------------------------------


@dataclass
class _Prepared:
    names: list[str]
    dims: list[str]
    groups: list[NDArray[np.intp]]  # indicator positions of each dimension
    polarity: list[Polarity]
    raw: FloatArray  # n × k
    treated: FloatArray  # n × k (= raw when not treated)
    targets: dict[str, float]
    w_ind: FloatArray  # k, summing to one within each dimension
    w_dim: FloatArray  # D, summing to one
    aggregation: str
    treatment: dict[str, TreatmentReport] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)

    @property
    def membership(self) -> FloatArray:
        """k × D matrix, 1 where indicator i belongs to dimension d."""
        m = np.zeros((len(self.names), len(self.dims)))
        for d, idx in enumerate(self.groups):
            m[idx, d] = 1.0
        return m


def _dimension_name(value: Any) -> str:
    return str(value.value if isinstance(value, Enum) else value)


def _prepare(
    table: Mapping[str, ArrayLike],
    indicators: Mapping[str, IndicatorSpec],
    *,
    normalization: str,
    treat: bool,
    weights: Mapping[str, float] | None,
    dimension_weights: Mapping[str, float] | None,
    aggregation: str,
    targets: Mapping[str, float] | None,
) -> _Prepared:
    _check_choice(normalization, NORMALIZATIONS, "normalisation")
    _check_choice(aggregation, AGGREGATIONS, "aggregation")
    if aggregation == "geometric" and normalization == "zscore":
        raise InputError(_GEOMETRIC_Z)
    if not indicators:
        raise InputError(_NO_INDICATORS)
    names = list(indicators)
    dims: list[str] = []
    ind_dim: list[int] = []
    polarity: list[Polarity] = []
    columns: list[FloatArray] = []
    n: int | None = None
    for name in names:
        spec = indicators[name]
        if isinstance(spec, Indicator):
            dim, pol = spec.dimension, spec.polarity
        else:
            dim, pol = spec
        polarity.append(_polarity(pol, name))
        dname = _dimension_name(dim)
        if dname not in dims:
            dims.append(dname)
        ind_dim.append(dims.index(dname))
        if name not in table:
            raise InputError(_NOT_IN_TABLE, indicator=name)
        col = _column(table[name], name, n)
        n = col.shape[0]
        finite = np.isfinite(col)
        if finite.sum() < 2 or np.nanmax(col) == np.nanmin(col):
            raise InputError(_CONSTANT, np.flatnonzero(finite).tolist(), indicator=name)
        columns.append(col)
    raw = np.column_stack(columns)
    groups = [np.flatnonzero(np.asarray(ind_dim) == d) for d in range(len(dims))]

    weights = dict(weights or {})
    dimension_weights = dict(dimension_weights or {})
    for given, known, what in (
        (weights, names, "indicators"),
        (dimension_weights, dims, "dimensions"),
    ):
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise InputError(_UNKNOWN_NAMES, what=what, names=", ".join(unknown))
    w_ind = np.array([_positive_weight(nm, weights.get(nm, 1.0)) for nm in names])
    for idx in groups:
        w_ind[idx] /= w_ind[idx].sum()
    w_dim = np.array([_positive_weight(d, dimension_weights.get(d, 1.0)) for d in dims])
    w_dim /= w_dim.sum()

    prep = _Prepared(
        names, dims, groups, polarity, raw, raw, dict(targets or {}), w_ind, w_dim, aggregation
    )
    if treat:
        treated = raw.copy()
        for j, name in enumerate(names):
            col, report = treat_outliers(raw[:, j])
            treated[:, j] = col
            prep.treatment[name] = report
            if report.logged:
                prep.warnings.append(Message(_W_LOG, {"indicator": name}))
            elif report.winsorised_rows:
                prep.warnings.append(
                    Message(
                        _W_WINSOR,
                        {
                            "indicator": name,
                            "n": len(report.winsorised_rows),
                            "skew": f"{report.skew_before:.2f}",
                            "kurt": f"{report.kurtosis_before:.2f}",
                        },
                    )
                )
        prep.treated = treated
    for j, name in enumerate(names):
        n_missing = int(np.isnan(raw[:, j]).sum())
        if n_missing:
            prep.warnings.append(Message(_W_MISSING, {"indicator": name, "n": n_missing}))
    return prep


def _normalized_matrix(prep: _Prepared, method: str) -> FloatArray:
    """n × k normalised scores; in [1, 100] for the geometric mean."""
    if prep.aggregation == "geometric" and method == "zscore":
        raise InputError(_GEOMETRIC_Z)
    # Targets are in raw units: the distance to target is computed on the untreated values.
    source = prep.raw if method == "target" else prep.treated
    out = np.empty_like(source)
    for j, name in enumerate(prep.names):
        out[:, j] = normalize(
            source[:, j], method, prep.polarity[j], target=prep.targets.get(name), name=name
        ).values
    if prep.aggregation == "geometric":
        out = GEOMETRIC_FLOOR + (100.0 - GEOMETRIC_FLOOR) / 100.0 * out
    return out


def _scores(
    prep: _Prepared, z: FloatArray, w_ind: FloatArray, w_dim: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Dimension scores (n × S × D) and overall scores (n × S) for S weight draws.

    ``w_ind`` is S × k, ``w_dim`` S × D; rows need not be normalised (means renormalise).
    """
    method = prep.aggregation
    dim_scores = np.stack(
        [_weighted_means(z[:, idx], w_ind[:, idx], method) for idx in prep.groups], axis=2
    )
    # Overall: the same mean over the dimensions, per draw (weights differ per draw).
    mask = np.isfinite(dim_scores)
    den = np.einsum("nsd,sd->ns", mask.astype(np.float64), w_dim)
    if method == "arithmetic":
        num = np.einsum("nsd,sd->ns", np.where(mask, dim_scores, 0.0), w_dim)
    else:
        num = np.einsum("nsd,sd->ns", np.log(np.where(mask, dim_scores, 1.0)), w_dim)
    with np.errstate(invalid="ignore", divide="ignore"):
        overall = num / den
    if method == "geometric":
        overall = np.exp(overall)
    overall[den <= 0] = np.nan
    return dim_scores, overall


@dataclass
class CompositeResult:
    """Output of :func:`composite_index`.

    Attributes
    ----------
    dimensions
        Dimension names, in the order of first appearance in ``indicators``.
    dimension_scores
        n × n_dimensions scores (0–100 for min–max, rank and target; [1, 100] with the geometric
        mean; z units for z-scores). NaN where a territory has no value in the dimension.
    overall
        Overall score per territory, or ``None`` when ``overall=False`` (no overall score).
    ranks
        Rank of the overall score (1 = best, ties share the best rank), or ``None``.
    dimension_ranks
        n × n_dimensions ranks of the dimension scores.
    normalized
        Normalised score of each indicator (the values that were aggregated).
    weights
        Indicator weights as used, summing to one within each dimension.
    dimension_weights
        Dimension weights as used, summing to one.
    treatment
        Outlier-treatment report per indicator (empty when ``treat=False``).
    reweighted_rows
        Territories with missing values, whose weights were renormalised over the values they
        have (rule: re-weight over the available indicators).
    warnings
        Plain-language notes (missing values, treated outliers).
    """

    dimensions: tuple[str, ...]
    dimension_scores: FloatArray
    overall: FloatArray | None
    ranks: FloatArray | None
    dimension_ranks: FloatArray
    normalized: dict[str, FloatArray]
    weights: dict[str, float]
    dimension_weights: dict[str, float]
    treatment: dict[str, TreatmentReport]
    reweighted_rows: tuple[int, ...]
    warnings: list[Message]


def composite_index(
    table: Mapping[str, ArrayLike],
    indicators: Mapping[str, IndicatorSpec],
    *,
    normalization: str = "minmax",
    treat: bool = True,
    weights: Mapping[str, float] | None = None,
    dimension_weights: Mapping[str, float] | None = None,
    aggregation: str = "arithmetic",
    overall: bool = True,
    targets: Mapping[str, float] | None = None,
) -> CompositeResult:
    """Build a composite index: treat, normalise, aggregate per dimension and overall, rank.

    Parameters
    ----------
    table
        Indicator name → values (one per territory, same order for all).
    indicators
        Indicator name → ``(dimension, polarity)`` (enums or their string values) or an
        :class:`~.indicators.Indicator`. Only these columns of ``table`` are used.
    normalization
        ``"minmax"``, ``"zscore"``, ``"target"`` or ``"rank"`` (see :func:`normalize`).
    treat
        Apply :func:`treat_outliers` to each indicator first (not with ``"target"``, whose
        targets are in raw units).
    weights
        Indicator name → positive weight *within its dimension* (default 1 each: equal weights
        within a dimension). Renormalised to sum to one per dimension.
    dimension_weights
        Dimension → positive weight (default equal across dimensions). Renormalised.
    aggregation
        ``"arithmetic"`` or ``"geometric"``, within dimensions and across them. The geometric
        mean uses the normalised scores mapped to [1, 100] (``1 + 0.99 s``) so that a zero score
        does not cancel a territory; it refuses z-scores.
    overall
        Compute the overall score; ``False`` gives dimension scores only (the CRATer choice).
    targets
        Indicator name → target value, for ``normalization="target"``.

    Returns
    -------
    CompositeResult
        Dimension scores, overall score and ranks, normalised values, weights, warnings.

    Raises
    ------
    InputError
        Fewer than two territories, a constant column, a neutral polarity, unknown methods or
        names, weights not positive, a missing target.
    """
    prep = _prepare(
        table,
        indicators,
        normalization=normalization,
        treat=treat and normalization != "target",
        weights=weights,
        dimension_weights=dimension_weights,
        aggregation=aggregation,
        targets=targets,
    )
    if treat and normalization == "target":
        prep.warnings.append(Message(_W_TARGET_RAW))
    z = _normalized_matrix(prep, normalization)
    dim_scores, total = _scores(prep, z, prep.w_ind[None, :], prep.w_dim[None, :])
    dim_scores, total = dim_scores[:, 0, :], total[:, 0]
    n_present = np.isfinite(z).sum(axis=1)
    reweighted = tuple(np.flatnonzero((n_present > 0) & (n_present < z.shape[1])).tolist())
    empty = int((n_present == 0).sum())
    notes = list(prep.warnings)
    if reweighted:
        notes.append(Message(_W_REWEIGHTED, {"n": len(reweighted)}))
    if empty:
        notes.append(Message(_W_EMPTY, {"n": empty}))
    return CompositeResult(
        dimensions=tuple(prep.dims),
        dimension_scores=dim_scores,
        overall=total if overall else None,
        ranks=rank_desc(total) if overall else None,
        dimension_ranks=rank_desc(dim_scores, axis=0),
        normalized={name: z[:, j] for j, name in enumerate(prep.names)},
        weights={name: float(prep.w_ind[j]) for j, name in enumerate(prep.names)},
        dimension_weights={d: float(prep.w_dim[i]) for i, d in enumerate(prep.dims)},
        treatment=dict(prep.treatment),
        reweighted_rows=reweighted,
        warnings=notes,
    )


# --------------------------------------------------------------------------------------------
# Rank uncertainty
# --------------------------------------------------------------------------------------------


@dataclass
class RankUncertainty:
    """Output of :func:`rank_uncertainty` (ranks: 1 = best).

    Attributes
    ----------
    nominal
        Rank with the nominal weights and normalisation.
    median, low, high
        Median, 5th and 95th percentiles of the rank over the samples: the 5–95 % rank band is
        ``[low, high]``.
    n_samples
        Number of Monte-Carlo samples.
    dimension
        The dimension ranked, or ``None`` for the overall score.
    warnings
        Notes from the index construction.
    """

    nominal: FloatArray
    median: FloatArray
    low: FloatArray
    high: FloatArray
    n_samples: int
    dimension: str | None = None
    warnings: list[Message] = field(default_factory=list)


def _sample_group_weights(
    rng: np.random.Generator,
    nominal: FloatArray,
    groups: Sequence[NDArray[np.intp]],
    n_samples: int,
    spread: float,
    sampling: str,
) -> FloatArray:
    """n_samples × len(nominal) weights, renormalised to sum to one within each group."""
    k = nominal.size
    if spread == 0:
        return np.broadcast_to(nominal, (n_samples, k)).copy()
    out = np.empty((n_samples, k))
    for idx in groups:
        w = nominal[idx] / nominal[idx].sum()
        if idx.size == 1:
            out[:, idx] = 1.0
        elif sampling == "uniform":
            draw = w * rng.uniform(1.0 - spread, 1.0 + spread, size=(n_samples, idx.size))
            out[:, idx] = draw / draw.sum(axis=1, keepdims=True)
        else:
            # Concentration 1/spread²: a weight of 1/2 gets a coefficient of variation ≈ spread.
            out[:, idx] = rng.dirichlet(w / spread**2, size=n_samples)
    return out


def rank_uncertainty(
    table: Mapping[str, ArrayLike],
    indicators: Mapping[str, IndicatorSpec],
    *,
    normalization: str = "minmax",
    treat: bool = True,
    weights: Mapping[str, float] | None = None,
    dimension_weights: Mapping[str, float] | None = None,
    aggregation: str = "arithmetic",
    targets: Mapping[str, float] | None = None,
    n_samples: int = 1000,
    seed: int | None = None,
    weight_spread: float = 0.25,
    sampling: str = "uniform",
    vary_normalization: bool = False,
    normalizations: Sequence[str] = ("minmax", "rank", "zscore"),
    dimension: str | None = None,
) -> RankUncertainty:
    """Monte-Carlo rank bands: how robust is each territory's rank to the weights and methods?

    Each sample draws the indicator weights (within each dimension) and the dimension weights
    around their nominal values, renormalised to sum to one, and, with ``vary_normalization``, a
    normalisation method (the same for all indicators) uniformly from ``normalizations``. The
    index is recomputed and ranked; all samples sharing a method are computed at once as matrix
    products (territories × samples), so there is no loop per territory or per sample.

    Parameters
    ----------
    table, indicators, normalization, treat, weights, dimension_weights, aggregation, targets
        As for :func:`composite_index` (nominal choices).
    n_samples
        Number of samples (≥ 1).
    seed
        Seed of the random generator (same seed, same result).
    weight_spread
        ``"uniform"``: each weight is drawn in ``[w (1 − spread), w (1 + spread)]`` then the
        weights are renormalised; ``"dirichlet"``: Dirichlet with concentration
        ``w / spread²``. 0 keeps the nominal weights. Must be in [0, 1).
    sampling
        ``"uniform"`` or ``"dirichlet"``.
    vary_normalization
        Also draw the normalisation method from ``normalizations``. With the geometric mean,
        ``"zscore"`` is left out of the draw.
    normalizations
        Methods to draw from.
    dimension
        Rank the scores of this dimension instead of the overall score (for an index built with
        no overall score).

    Returns
    -------
    RankUncertainty
        Nominal rank, median rank and the 5–95 % rank band per territory.

    Raises
    ------
    InputError
        As :func:`composite_index`; also a bad number of samples, spread, sampling or dimension.
    """
    n_samples = int(n_samples)
    if n_samples < 1:
        raise InputError(_BAD_SAMPLES, n=n_samples)
    spread = float(weight_spread)
    if not (np.isfinite(spread) and 0.0 <= spread < 1.0):
        raise InputError(_BAD_SPREAD, value=weight_spread)
    _check_choice(sampling, WEIGHT_SAMPLINGS, "weight sampling")
    methods = [normalization]
    if vary_normalization:
        methods = [_check_choice(m, NORMALIZATIONS, "normalisation") for m in normalizations]
        if aggregation == "geometric":
            methods = [m for m in methods if m != "zscore"]
        methods = list(dict.fromkeys(methods)) or [normalization]
    prep = _prepare(
        table,
        indicators,
        normalization=normalization,
        treat=treat,
        weights=weights,
        dimension_weights=dimension_weights,
        aggregation=aggregation,
        targets=targets,
    )
    if dimension is not None and dimension not in prep.dims:
        raise InputError(_UNKNOWN_DIMENSION, dimension=dimension)
    d_index = None if dimension is None else prep.dims.index(dimension)

    def ranked(z: FloatArray, w_ind: FloatArray, w_dim: FloatArray) -> FloatArray:
        dim_scores, total = _scores(prep, z, w_ind, w_dim)
        return rank_desc(total if d_index is None else dim_scores[:, :, d_index], axis=0)

    if treat and normalization == "target":
        prep.treated = prep.raw  # composite_index does not treat with targets either
    nominal = ranked(
        _normalized_matrix(prep, normalization), prep.w_ind[None, :], prep.w_dim[None, :]
    )[:, 0]

    rng = np.random.default_rng(seed)
    w_ind = _sample_group_weights(rng, prep.w_ind, prep.groups, n_samples, spread, sampling)
    w_dim = _sample_group_weights(
        rng, prep.w_dim, [np.arange(len(prep.dims))], n_samples, spread, sampling
    )
    choice = rng.integers(len(methods), size=n_samples) if len(methods) > 1 else None
    ranks = np.empty((nominal.size, n_samples))
    for m, method in enumerate(methods):
        cols = np.arange(n_samples) if choice is None else np.flatnonzero(choice == m)
        if cols.size:
            z = _normalized_matrix(prep, method)
            ranks[:, cols] = ranked(z, w_ind[cols], w_dim[cols])
    with warnings.catch_warnings():  # territories with no score: all-NaN rows stay NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        low, median, high = np.nanpercentile(ranks, [5.0, 50.0, 95.0], axis=1)
    return RankUncertainty(nominal, median, low, high, n_samples, dimension, list(prep.warnings))
