"""What the resilience dock shows for one territory: its indicators, ranks, reference and radar.

:class:`Dashboard` is built once per layer (in a background task: it normalises every indicator
of every territory) and then answers :meth:`Dashboard.profile` for any territory in well under a
millisecond, so that the dock follows the selection without blocking QGIS.

* **Indicators** are the layer's numeric fields declared in the registry
  (:mod:`.indicators`) or by the user (:func:`user_indicator`); the other fields are ignored.
* **Vintages**: fields ``<indicator>_<year>`` (``apl_2021``, ``apl_2024``) are several vintages of
  one indicator. The table shows the latest one and its change since the previous one; ranks and
  scores use the latest.
* **Rank**: 1 = best by polarity (lowest value first when higher is worse); neutral context
  indicators are ranked by decreasing value. Missing values are not ranked.
* **Reference**: the median of all territories, or of the territories sharing the chosen one's
  group value (its EPCI or département): ``groups``.
* **Radar**: when the layer holds the dimension scores of ``reterr:resilience_index``
  (``dim_*`` fields) they are drawn as they are (0–100, shown /10). Otherwise the dashboard
  computes them with :func:`.composite.composite_index` and its defaults (outlier treatment,
  min–max, arithmetic mean), exactly what the algorithm would give. With fewer than three
  dimensions, the radar shows the normalised score of each indicator instead (a radar needs
  three axes to mean anything).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.indicators import (
    Dimension,
    Indicator,
    Polarity,
    dimension_label,
    get_indicator,
)
from .composite import composite_index

FloatArray = NDArray[np.float64]

#: A field that holds one vintage of an indicator: ``<base>_<year>``.
VINTAGE_FIELD = re.compile(r"^(?P<base>.+?)_(?P<year>(?:19|20)[0-9]{2})$")
#: Dimension-score fields written by ``reterr:resilience_index``.
DIMENSION_FIELD = re.compile(r"^dim_(?P<dim>[0-9a-z_]+)$")
#: Radar axes: the dimensions, or the indicators when there are fewer dimensions than this.
MIN_RADAR_AXES = 3

_NO_INDICATORS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "No indicator field in this layer: run a ReTerr algorithm (territorial profile, services, "
    "resilience index) or declare one of its numeric fields as an indicator.",
)
_NOT_RADAR = QT_TRANSLATE_NOOP(
    "ReterrEngine", "'{indicator}' has the same value everywhere: left out of the radar."
)
_ONE_TERRITORY = QT_TRANSLATE_NOOP(
    "ReterrEngine", "A single territory: ranks and references need at least two."
)


def user_indicator(
    field_name: str,
    label: str,
    *,
    polarity: Polarity | str,
    dimension: Dimension | str,
    unit: str = "",
    definition: str = "",
) -> Indicator:
    """Declare a numeric field of the user's own layer as an indicator.

    ``dimension`` is one of :class:`~.indicators.Dimension` or any name of the user's (it then
    becomes a radar axis of its own).
    """
    pol = Polarity(polarity)
    dim = dimension if isinstance(dimension, Dimension) else _as_dimension(dimension)
    return Indicator(
        field_name,
        label,
        label,
        unit,
        pol,
        dim,  # type: ignore[arg-type]  # user dimensions are plain strings
        "user",
        definition,
    )


def _as_dimension(value: str) -> Dimension | str:
    try:
        return Dimension(value)
    except ValueError:
        return str(value)


def _dim_key(dim: Dimension | str) -> str:
    return dim.value if isinstance(dim, Dimension) else str(dim)


@dataclass(frozen=True)
class IndicatorColumn:
    """One indicator of the layer, with its vintages (oldest first)."""

    indicator: Indicator
    fields: tuple[str, ...]
    years: tuple[int | None, ...]

    @property
    def latest(self) -> str:
        """Field of the latest vintage (the one ranked and scored)."""
        return self.fields[-1]


def recognise_fields(
    field_names: Sequence[str],
    user: Mapping[str, Indicator] | None = None,
) -> list[IndicatorColumn]:
    """The indicators among ``field_names``, vintages grouped, in the layer's field order.

    A user declaration wins over the registry. ``dim_*`` fields (index outputs) are not
    indicators.
    """
    user = dict(user or {})
    groups: dict[str, list[tuple[int | None, str, Indicator]]] = {}
    for name in field_names:
        if DIMENSION_FIELD.match(name):
            continue
        ind = user.get(name) or get_indicator(name)
        base, year = name, None
        if ind is None:
            m = VINTAGE_FIELD.match(name)
            if m is None:
                continue
            base, year = m.group("base"), int(m.group("year"))
            ind = user.get(base) or get_indicator(base)
            if ind is None:
                continue
        groups.setdefault(base, []).append((year, name, replace(ind, id=base)))
    out = []
    for members in groups.values():
        members.sort(key=lambda t: -1 if t[0] is None else t[0])
        out.append(
            IndicatorColumn(
                members[-1][2],
                tuple(m[1] for m in members),
                tuple(m[0] for m in members),
            )
        )
    return out


@dataclass(frozen=True)
class ProfileRow:
    """One line of the dock's table.

    ``status`` is +1 when the value is better than the reference (by polarity), −1 when worse, 0
    when equal, neutral or unknown. ``goodness`` is ``1 − (rank − 1) / (ranked − 1)``: 1 for the
    best territory, 0 for the worst (neutral: by decreasing value); NaN when the value is missing
    or the same everywhere.
    """

    id: str
    label: str
    unit: str
    dimension: str
    polarity: Polarity
    field: str
    value: float
    rank: int | None
    ranked: int
    reference: float
    status: int
    goodness: float
    previous: float = float("nan")
    previous_year: int | None = None
    year: int | None = None

    @property
    def change(self) -> float:
        """Latest minus previous vintage (NaN without two vintages)."""
        return self.value - self.previous


@dataclass(frozen=True)
class Profile:
    """What the dock shows for one territory."""

    row: int
    name: str
    rows: list[ProfileRow]
    axes: list[str]
    scores: FloatArray
    reference_scores: FloatArray
    reference_label: str


@dataclass
class Dashboard:
    """Indicators of one layer, prepared for instant per-territory profiles.

    Parameters
    ----------
    columns
        Field name → values (one per territory); only the indicator fields are used.
    names
        Territory names (for the profile title).
    user
        User-declared indicators by field name (:func:`user_indicator`).
    groups
        Optional peer group of each territory (EPCI code, département): the reference becomes
        the median of the territory's peers.
    language
        ``"fr"`` or ``"en"`` for the labels.
    """

    columns: Mapping[str, ArrayLike]
    names: Sequence[str]
    user: Mapping[str, Indicator] | None = None
    groups: ArrayLike | None = None
    language: str = "fr"
    indicators: list[IndicatorColumn] = field(init=False)
    values: FloatArray = field(init=False)
    notes: list[Message] = field(init=False, default_factory=list)
    axes: list[str] = field(init=False)
    axis_ids: list[str] = field(init=False)
    scores: FloatArray = field(init=False)

    def __post_init__(self) -> None:
        self.indicators = recognise_fields(list(self.columns), self.user)
        if not self.indicators and not self._index_dims():
            raise InputError(_NO_INDICATORS)
        n = len(self.names)
        self.n = n
        if n < 2:
            self.notes.append(Message(_ONE_TERRITORY))
        self.values = np.empty((n, len(self.indicators)))
        self.previous = np.full_like(self.values, np.nan)
        for j, col in enumerate(self.indicators):
            self.values[:, j] = _floats(self.columns[col.latest], n)
            if len(col.fields) > 1:
                self.previous[:, j] = _floats(self.columns[col.fields[-2]], n)
        # Ranks: sorted finite values per column, oriented so that ascending = better first.
        self._sign = np.array([_sign(c.indicator.polarity) for c in self.indicators])
        self._sorted = [
            np.sort(-self._sign[j] * v[np.isfinite(v)]) for j, v in enumerate(self.values.T)
        ]
        self._median_all = _nanmedian_cols(self.values)
        self._group_of: NDArray[np.intp] | None = None
        self._group_labels: NDArray | None = None
        self._group_cache: dict[int, tuple[FloatArray, FloatArray]] = {}
        if self.groups is not None:
            g = np.asarray(self.groups, dtype=object)
            if g.shape != (n,):
                raise ValueError(f"groups has shape {g.shape}, expected ({n},)")
            labels, inv = np.unique(g.astype(str), return_inverse=True)
            self._group_of, self._group_labels = inv, labels
            order = np.argsort(inv, kind="stable")
            starts = np.searchsorted(inv[order], np.arange(labels.size + 1))
            self._members = [order[starts[k] : starts[k + 1]] for k in range(labels.size)]
        self._radar()
        self._median_scores = _nanmedian_cols(self.scores)

    # -- construction helpers ----------------------------------------------------------------

    def _index_dims(self) -> list[str]:
        return [m.group("dim") for name in self.columns if (m := DIMENSION_FIELD.match(name))]

    def _radar(self) -> None:
        """Radar axes and the 0–10 score of every territory on them."""
        dims = [name for name in self.columns if DIMENSION_FIELD.match(name)]
        if len(dims) >= MIN_RADAR_AXES:
            self.axis_ids = dims
            self.axes = [
                dimension_label(DIMENSION_FIELD.match(d).group("dim"), self.language) for d in dims
            ]
            self.scores = np.column_stack([_floats(self.columns[d], self.n) for d in dims]) / 10.0
            return
        specs: dict[str, Indicator] = {}
        table: dict[str, FloatArray] = {}
        for j, col in enumerate(self.indicators):
            ind = col.indicator
            if ind.polarity is Polarity.NEUTRAL:
                continue
            v = self.values[:, j]
            finite = v[np.isfinite(v)]
            if finite.size < 2 or finite.min() == finite.max():
                self.notes.append(Message(_NOT_RADAR, {"indicator": ind.label(self.language)}))
                continue
            specs[ind.id], table[ind.id] = ind, v
        if self.n < 2 or not specs:
            self.axis_ids, self.axes = [], []
            self.scores = np.empty((self.n, 0))
            return
        result = composite_index(table, specs, overall=False)
        self.notes.extend(result.warnings)
        if len(result.dimensions) >= MIN_RADAR_AXES:
            self.axis_ids = list(result.dimensions)
            self.axes = [dimension_label(d, self.language) for d in result.dimensions]
            self.scores = result.dimension_scores / 10.0
        else:
            self.axis_ids = list(result.normalized)
            self.axes = [specs[k].label(self.language) for k in self.axis_ids]
            self.scores = np.column_stack([result.normalized[k] for k in self.axis_ids]) / 10.0

    # -- queries -------------------------------------------------------------------------------

    def group_label(self, row: int) -> str | None:
        """The peer group of a territory, or None without groups."""
        if self._group_of is None:
            return None
        return str(self._group_labels[self._group_of[row]])

    def reference(self, row: int | None = None) -> tuple[FloatArray, FloatArray]:
        """Median indicator values and median radar scores of the reference population.

        With groups and a row: the territory's peers (including itself); otherwise all.
        """
        if self._group_of is None or row is None:
            return self._median_all, self._median_scores
        g = int(self._group_of[row])
        cached = self._group_cache.get(g)
        if cached is None:
            members = self._members[g]
            cached = (
                _nanmedian_cols(self.values[members]),
                _nanmedian_cols(self.scores[members]),
            )
            self._group_cache[g] = cached
        return cached

    def ranks(self, row: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Rank of each indicator value of ``row`` (1 = best; 0 where missing) and ranked count."""
        v = -self._sign * self.values[row]
        ranks = np.zeros(len(self.indicators), dtype=np.int64)
        counts = np.array([s.size for s in self._sorted], dtype=np.int64)
        for j, s in enumerate(self._sorted):
            if np.isfinite(v[j]):
                ranks[j] = 1 + int(np.searchsorted(s, v[j], side="left"))
        return ranks, counts

    def profile(self, row: int, reference_label: str = "") -> Profile:
        """Everything the dock shows for territory ``row``."""
        if not 0 <= row < self.n:
            raise IndexError(f"row {row} outside 0..{self.n - 1}")
        ref_values, ref_scores = self.reference(row)
        ranks, counts = self.ranks(row)
        rows = []
        for j, col in enumerate(self.indicators):
            ind = col.indicator
            value = float(self.values[row, j])
            ref = float(ref_values[j])
            if ind.polarity is Polarity.NEUTRAL or not (np.isfinite(value) and np.isfinite(ref)):
                status = 0
            else:
                status = int(np.sign(self._sign[j] * (value - ref)))
            goodness = float("nan")
            constant = counts[j] > 0 and self._sorted[j][0] == self._sorted[j][-1]
            if constant:
                pass  # every territory has the same value: neither good nor bad
            elif ranks[j] and counts[j] > 1:
                goodness = 1.0 - (ranks[j] - 1) / (counts[j] - 1)
            elif ranks[j]:
                goodness = 1.0
            rows.append(
                ProfileRow(
                    id=ind.id,
                    label=ind.label(self.language),
                    unit=ind.unit,
                    dimension=dimension_label(_dim_key(ind.dimension), self.language),
                    polarity=ind.polarity,
                    field=col.latest,
                    value=value,
                    rank=int(ranks[j]) or None,
                    ranked=int(counts[j]),
                    reference=ref,
                    status=status,
                    goodness=goodness,
                    previous=float(self.previous[row, j]),
                    previous_year=col.years[-2] if len(col.years) > 1 else None,
                    year=col.years[-1],
                )
            )
        return Profile(
            row=row,
            name=str(self.names[row]),
            rows=rows,
            axes=list(self.axes),
            scores=self.scores[row].copy(),
            reference_scores=np.asarray(ref_scores, dtype=float).copy(),
            reference_label=reference_label,
        )


def _sign(polarity: Polarity) -> float:
    """+1 when higher is better (or neutral: ranked by decreasing value), −1 when worse."""
    return -1.0 if polarity is Polarity.HIGHER_IS_WORSE else 1.0


def _floats(values: ArrayLike, n: int) -> FloatArray:
    """A float column with None/NaN/inf as NaN."""
    arr = np.asarray(
        [np.nan if v is None else v for v in values]
        if not isinstance(values, np.ndarray)
        else values,
        dtype=float,
    )
    if arr.shape != (n,):
        raise ValueError(f"column has shape {arr.shape}, expected ({n},)")
    return np.where(np.isfinite(arr), arr, np.nan)


def _nanmedian_cols(m: FloatArray) -> FloatArray:
    """Column medians ignoring NaN (NaN for an all-missing column), without warnings."""
    if m.shape[1] == 0:
        return np.empty(0)
    out = np.full(m.shape[1], np.nan)
    for j in range(m.shape[1]):
        col = m[:, j]
        col = col[np.isfinite(col)]
        if col.size:
            out[j] = float(np.median(col))
    return out


def profile_csv_rows(profiles: Sequence[Profile]) -> list[list[str]]:
    """Rows of the CSV export of one or several profiles (compare mode), header first.

    Numbers are written with a dot, unformatted (``repr`` precision), missing as empty cells.
    """

    def num(v: float) -> str:
        return "" if v is None or not np.isfinite(v) else f"{float(v):.10g}"

    header = ["indicator", "label", "unit", "dimension", "polarity"]
    for p in profiles:
        header += [f"{p.name} value", f"{p.name} rank", f"{p.name} change"]
    header += ["ranked", "reference"]
    out = [header]
    first = profiles[0]
    for j, r in enumerate(first.rows):
        line = [r.field, r.label, r.unit, r.dimension, r.polarity.value]
        for p in profiles:
            pr = p.rows[j]
            line += [num(pr.value), "" if pr.rank is None else str(pr.rank), num(pr.change)]
        line += [str(r.ranked), num(r.reference)]
        out.append(line)
    return out
