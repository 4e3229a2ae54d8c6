"""Layer → :class:`~..engine.dashboard.Dashboard`: which fields to read, how to name territories.

Shared by the dock (in a background task) and the council map's profile page.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
from qgis.core import QgsExpression

from ..engine.core.errors import InputError
from ..engine.core.indicators import Indicator, Polarity, dimension_label
from ..engine.index.dashboard import DIMENSION_FIELD, Dashboard, recognise_fields
from .layers import engine_messages, is_null, read_columns

#: Fields tried, in order, for the territory's name when the display expression is not a field.
NAME_FIELDS = ("nom", "name", "nom_commune", "libelle", "nom_epci", "lib_com", "NOM", "LIBELLE")
#: Peer fields proposed first for the reference (EPCI, then département).
PEER_FIELDS = ("nom_epci", "lib_epci", "siren_epci", "code_epci", "epci", "nom_dep", "code_dep")
#: Peer fields that name an EPCI, and a département (the reference then reads "median of the
#: EPCI …").
EPCI_FIELDS = ("nom_epci", "lib_epci", "siren_epci", "code_epci", "epci")
DEPARTEMENT_FIELDS = ("nom_dep", "lib_dep", "code_dep", "dep")
#: Fields written by ``reterr:resilience_index`` beside the dimension scores.
SCORE_FIELD = "score"
RANK_FIELD = "rank"
BAND_FIELDS = ("rank_median", "rank_p05", "rank_p95")
INDEX_ALGORITHM = "reterr:resilience_index"
_BETTER = {"+", "better", "higher_is_better", "up", "high", "mieux", "positive"}
_WORSE = {"-", "worse", "higher_is_worse", "down", "low", "pire", "negative"}


def peer_kind(field_name: str) -> str:
    """ "epci", "departement" or "" for a peer field."""
    low = (field_name or "").lower()
    if low in EPCI_FIELDS:
        return "epci"
    if low in DEPARTEMENT_FIELDS:
        return "departement"
    return ""


@dataclass(frozen=True)
class IndexSpec:
    """How a layer's index was built, from the provenance ``reterr:resilience_index`` keeps in
    the layer's metadata: the indicator fields (in the order given), their polarities and
    dimensions when given as parameters."""

    fields: tuple[str, ...]
    polarities: dict[str, Polarity]
    dimensions: dict[str, str]


def _pairs(text) -> dict[str, str]:
    out = {}
    for item in str(text or "").split(";"):
        key, sep, value = item.partition(":")
        if sep and key.strip():
            out[key.strip()] = value.strip()
    return out


def index_spec(layer) -> IndexSpec | None:
    """The index a layer made by ``reterr:resilience_index`` holds (None for another layer).

    The layer must have dimension-score fields (``dim_*``) and the run's provenance in its
    metadata history (written by the algorithm; kept by GeoPackage outputs).
    """
    if layer is None or not any(DIMENSION_FIELD.match(n) for n in layer.fields().names()):
        return None
    try:
        history = list(layer.metadata().history())
    except (AttributeError, RuntimeError):
        return None
    for item in reversed(history):
        at = item.find(f" {INDEX_ALGORITHM} ")
        brace = item.find("{", at + 1)
        if at < 0 or brace < 0:
            continue
        try:
            params = json.loads(item[brace:])
        except ValueError:
            continue
        names = params.get("FIELDS") or []
        if isinstance(names, str):
            names = [n for n in names.split(";") if n]
        polarities = {}
        for key, token in _pairs(params.get("POLARITIES")).items():
            if token.lower() in _BETTER:
                polarities[key] = Polarity.HIGHER_IS_BETTER
            elif token.lower() in _WORSE:
                polarities[key] = Polarity.HIGHER_IS_WORSE
        dims = _pairs(params.get("DIMENSIONS"))
        return IndexSpec(tuple(dict.fromkeys(str(n) for n in names)), polarities, dims)
    return None


def indicator_fields(layer, user: Mapping[str, Indicator]) -> tuple[list[str], list[str]]:
    """The layer's numeric indicator fields (all vintages) and its index fields.

    On a layer made by ``reterr:resilience_index`` (:func:`index_spec`): exactly the indicator
    fields the index was built from, and its dimension scores, overall score, rank and rank band
    (``user`` should then come from :func:`~.user_indicators.load_user_indicators`, which
    declares the index's own indicators). On another layer: the registry's and the user's
    indicators, and the dimension fields.
    """
    numeric = [f.name() for f in layer.fields() if f.isNumeric()]
    dims = [f for f in numeric if DIMENSION_FIELD.match(f)]
    spec = index_spec(layer)
    if spec is not None:
        indicators = [f for f in spec.fields if f in numeric]
        extra = [f for f in (SCORE_FIELD, RANK_FIELD, *BAND_FIELDS) if f in numeric]
        return indicators, [*dims, *extra]
    indicators = [f for c in recognise_fields(numeric, user) for f in c.fields]
    return indicators, dims


@dataclass(frozen=True)
class IndexRow:
    """One dimension (or the overall score) of the index for a territory.

    ``goodness``: 1 for the best score, 0 for the worst (NaN when missing), as for indicators.
    """

    field: str
    label: str
    value: float
    rank: int | None
    ranked: int
    reference: float
    goodness: float


@dataclass(frozen=True)
class IndexSummary:
    """What the index says of one territory: its dimension scores (on the scale the algorithm
    wrote them), overall score, rank (1 = best placed) and Monte-Carlo rank band."""

    dimensions: list[IndexRow]
    overall: IndexRow | None
    rank: int | None
    ranked: int
    band: tuple[float, float] | None
    median_rank: float | None
    dimension_order: list[str]


def _column(board: Dashboard, name: str) -> np.ndarray | None:
    if name not in board.columns:
        return None
    return np.asarray([np.nan if v is None else float(v) for v in board.columns[name]], dtype=float)


def _index_row(board, name, label, row, members) -> IndexRow:
    col = _column(board, name)
    value = float(col[row])
    finite = col[np.isfinite(col)]
    peers = col[members]
    peers = peers[np.isfinite(peers)]
    reference = float(np.median(peers)) if peers.size else math.nan
    rank, goodness = None, math.nan
    if math.isfinite(value):
        rank = 1 + int(np.sum(finite > value))
        if finite.size > 1 and finite.min() != finite.max():
            goodness = 1.0 - (rank - 1) / (finite.size - 1)
    return IndexRow(name, label, value, rank, int(finite.size), reference, goodness)


def is_index_board(board: Dashboard | None) -> bool:
    """Whether ``board`` was read from an index layer (its rank field with dimension scores)."""
    if board is None:
        return False
    names = list(board.columns)
    return RANK_FIELD in names and any(DIMENSION_FIELD.match(n) for n in names)


def index_summary(board: Dashboard, row: int, language: str = "fr") -> IndexSummary | None:
    """The index of territory ``row`` of a board read from an index layer (else None).

    References are medians over the same territories as the indicators' (all, or the peers).
    """
    if not is_index_board(board):
        return None
    if board.groups is not None:
        groups = [str(g) for g in board.groups]
        members = np.array([i for i, g in enumerate(groups) if g == groups[row]], dtype=int)
    else:
        members = np.arange(board.n)
    dims = [n for n in board.columns if DIMENSION_FIELD.match(n)]
    rows = [
        _index_row(
            board,
            d,
            dimension_label(DIMENSION_FIELD.match(d).group("dim"), language),
            row,
            members,
        )
        for d in dims
    ]
    overall = None
    if SCORE_FIELD in board.columns:
        overall = _index_row(board, SCORE_FIELD, "", row, members)
    ranks = _column(board, RANK_FIELD)
    finite = ranks[np.isfinite(ranks)]
    rank = int(ranks[row]) if math.isfinite(ranks[row]) else None
    band = median = None
    if all(n in board.columns for n in BAND_FIELDS):
        med, low, high = (float(_column(board, n)[row]) for n in BAND_FIELDS)
        if math.isfinite(low) and math.isfinite(high):
            band = (low, high)
        median = med if math.isfinite(med) else None
    order = [DIMENSION_FIELD.match(d).group("dim") for d in dims]
    return IndexSummary(rows, overall, rank, int(finite.size), band, median, order)


def guess_name_field(layer) -> str:
    """The display expression when it is a plain field, else a usual name field, else ''."""
    names = layer.fields().names()
    expr = QgsExpression(layer.displayExpression())
    if expr.isField():
        cols = expr.referencedColumns()
        name = next(iter(cols)) if cols else ""
        if name in names:
            return name
    return next((f for f in NAME_FIELDS if f in names), "")


def guess_peer_field(layer) -> str:
    names = layer.fields().names()
    return next((f for f in PEER_FIELDS if f in names), "")


def present(value) -> bool:
    """False for NULL (None, QGIS 3.22's NULL QVariant): ``not`` :func:`~.layers.is_null`."""
    return not is_null(value)


@dataclass
class DashboardRead:
    """Result of :func:`read_dashboard`: the dashboard (None with an error) and feature ids."""

    dashboard: Dashboard | None
    fids: list[int] = field(default_factory=list)
    error: str = ""
    canceled: bool = False


def read_dashboard(
    source,
    fields,
    *,
    indicators: list[str],
    index: list[str],
    name_field: str = "",
    group_field: str = "",
    user: Mapping[str, Indicator] | None = None,
    language: str = "fr",
    is_canceled: Callable[[], bool] | None = None,
) -> DashboardRead:
    """Read the indicator columns of ``source`` (a feature source; safe in a worker thread with a
    :class:`QgsVectorLayerFeatureSource`) and prepare the dashboard."""
    wanted = [*indicators, *index]
    labels = [f for f in (name_field, group_field) if f]
    # Lenient, as the dock has always been: a missing field or a value that is not a number reads
    # as NaN (the dashboard then reports what it cannot use).
    columns = read_columns(
        source,
        wanted,
        labels,
        missing="skip",
        strict=False,
        is_canceled=is_canceled,
        fields=fields,
    )
    if columns.canceled:
        return DashboardRead(None, canceled=True)
    fids = [int(f) for f in columns.fids]
    nan = np.full(len(fids), np.nan)
    numeric = {n: columns.numbers.get(n, nan).tolist() for n in wanted}
    if name_field:
        names = columns.texts.get(name_field, [None] * len(fids))
        territory = [f"#{f}" if v is None else v for v, f in zip(names, fids)]
    else:
        territory = [f"#{f}" for f in fids]
    groups = None
    if group_field:
        groups = [v or "" for v in columns.texts.get(group_field, [None] * len(fids))]
    try:
        board = Dashboard(numeric, territory, user=user, groups=groups, language=language)
    except InputError as err:
        return DashboardRead(None, fids, "\n".join(engine_messages([err.msg])))
    return DashboardRead(board, fids)
