"""Value chains: which stages each territory holds, and the missing links to the nearest stage.

A chain is an ordered list of stages, each a set of NAF rév. 2 sous-classes (METHODS.md §2.4,
SUPPLY_AND_COMPLEMENTARITY.md §B5): e.g. grain farms ``01.11Z`` → grain wholesale → flour mills
``10.61A`` → bakeries ``10.71C`` → bread shops. The table is shipped as an editable CSV,
``resources/supply/value_chains.csv`` (:func:`load_value_chains`); an establishment belongs to
every stage listing its code (``01.11Z`` is the first stage of three chains).

Per territory and stage (:func:`chain_presence`): establishments and jobs; the stage is *present*
when the territory has at least one establishment of it. A stage is *missing* in a territory when
an earlier stage of its chain is present there (or the chain's production is, from farmland or
livestock data the caller gives) but the stage itself is not. Whether a missing stage is a
*missing link* depends on distance: the travel time from the territory to the nearest
establishment of that stage, anywhere (the facilities may reach beyond the territories), is
compared with the stage's threshold (``max_minutes`` of the table — 60 min for abattoirs, 30 min
for dairies and mills, defaults to verify — or a default). The times come from the access engine:
:func:`nearest_request` makes the stages usable as facility "types" of
:func:`~..services.access.nearest_by_type` (an establishment in several stages is one facility
per stage), :func:`run_nearest` calls it, and :func:`missing_links` reads its result.

Conventions: times in minutes from the territory's point (or its demand units) to the
establishment, "beyond" is ``t > threshold`` (a stage with no establishment within the search
cut-off is beyond every threshold, time inf), as in :mod:`..services.access`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from ..routing.callbacks import IsCanceled, Progress
from ..routing.travel import Places, PointsLike, TravelCosts
from ..services.access import NearestByType, nearest_by_type

sparse = lazy_module("scipy.sparse")

PathLike = Union[str, Path]
IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
StrArray = NDArray[np.str_]

#: Folder of the shipped tables (``resources/supply``).
DEFAULT_TABLE_DIR = Path(__file__).resolve().parents[3] / "resources" / "supply"
CHAINS_FILE = "value_chains.csv"
#: Threshold (minutes) of a stage that has none in the table nor in the caller's overrides: a
#: parameter default chosen here (the dairy/mill example of §B5), not a sourced figure [V].
DEFAULT_MAX_MINUTES = 30.0
#: NAF rév. 2 sous-classe: two digits, dot, two digits, capital letter (``10.71C``).
NAF_PATTERN = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
_COMPACT = re.compile(r"^\d{4}[A-Z]$")

_MSG_BAD_TABLE = QT_TRANSLATE_NOOP("ReterrEngine", "The table {path} is not valid: {problem}.")
_MSG_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}.")
_MSG_TERRITORY = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} establishments have a territory index outside 0..{last} (-1 marks those outside "
    "every territory).",
)
_MSG_JOBS = QT_TRANSLATE_NOOP("ReterrEngine", "{n} establishments have missing or negative jobs.")
_MSG_UNKNOWN_STAGE = QT_TRANSLATE_NOOP("ReterrEngine", "Unknown value-chain stages: {stages}.")
_MSG_THRESHOLD = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The threshold of stage {stage} must be a positive number of minutes."
)
_MSG_PRODUCTION = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The production flags must be a (territories × chains) table: {shape}."
)
_MSG_DEMAND = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} demand units have a territory index outside 0..{last}.",
)
_MSG_NO_FACILITY = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "No establishment of stage {stages} among the facilities: where that stage is missing it "
    "counts as a missing link.",
)


def normalize_naf(codes: Iterable[str]) -> StrArray:
    """NAF codes as ``"10.71C"``: trimmed, upper case, the dot restored in ``"1071C"``."""
    arr = np.asarray(list(codes) if not isinstance(codes, np.ndarray) else codes, dtype=str)
    if arr.size == 0:
        return arr.astype("U6")
    uniq, inverse = np.unique(arr, return_inverse=True)
    out = []
    for u in uniq.tolist():
        c = u.strip().upper()
        if _COMPACT.match(c):
            c = f"{c[:2]}.{c[2:]}"
        out.append(c)
    return np.array(out, dtype=str)[inverse]


# ---------------------------------------------------------------------------------------------
# The chain table
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """One stage of a chain.

    Attributes
    ----------
    chain_id, stage_id
        Stable ids (``"lait"``, ``"transformation"``); :attr:`key` joins them.
    order
        Position in the chain (1 = production).
    naf_codes
        NAF rév. 2 sous-classes of the stage.
    max_minutes
        Travel time beyond which a missing stage is a missing link (None: the default applies).
    max_minutes_status
        ``a_verifier`` when ``max_minutes`` is a default still to verify.
    """

    chain_id: str
    order: int
    stage_id: str
    label_fr: str
    label_en: str
    naf_codes: tuple[str, ...]
    max_minutes: Optional[float]
    max_minutes_status: str
    status: str
    source: str

    @property
    def key(self) -> str:
        """``"chain_id:stage_id"``, the stage's facility type for :func:`nearest_by_type`."""
        return f"{self.chain_id}:{self.stage_id}"


@dataclass(frozen=True)
class Chain:
    """A value chain and its stages in order."""

    id: str
    label_fr: str
    label_en: str
    stages: tuple[Stage, ...]


@dataclass(frozen=True)
class ChainTable:
    """The value chains, in the table's order.

    ``stages`` flattens them (chain by chain, stage order within a chain): the columns of every
    ``(n_territories, n_stages)`` array of this module.
    """

    chains: tuple[Chain, ...]

    @property
    def stages(self) -> tuple[Stage, ...]:
        return tuple(s for c in self.chains for s in c.stages)

    @property
    def stage_keys(self) -> list[str]:
        return [s.key for s in self.stages]

    @property
    def chain_ids(self) -> list[str]:
        return [c.id for c in self.chains]

    def stage_chain(self) -> IntArray:
        """Chain index of each stage."""
        return np.array([k for k, c in enumerate(self.chains) for _ in c.stages], dtype=np.int64)

    def naf_codes(self) -> list[str]:
        """Every NAF code of the table, sorted, without repeats."""
        return sorted({code for s in self.stages for code in s.naf_codes})

    def membership(self, naf: ArrayLike) -> sparse.csr_matrix:
        """``(n, n_stages)`` 0/1 matrix: establishment ``i`` belongs to stage ``s``.

        ``naf`` are NAF rév. 2 codes (``"10.71C"`` or ``"1071C"``); other values belong to no
        stage.
        """
        codes = normalize_naf(np.asarray(naf, dtype=str).ravel())
        n = codes.shape[0]
        stage_of: dict[str, list[int]] = {}
        for s, st in enumerate(self.stages):
            for code in st.naf_codes:
                stage_of.setdefault(code, []).append(s)
        uniq, inverse = np.unique(codes, return_inverse=True)
        # (code, stage) pairs, then expanded to the establishments of each code.
        code_rows, code_cols = [], []
        for u, name in enumerate(uniq.tolist()):
            for s in stage_of.get(name, ()):
                code_rows.append(u)
                code_cols.append(s)
        pairs = sparse.csr_matrix(
            (np.ones(len(code_rows)), (code_rows, code_cols)),
            shape=(uniq.shape[0], len(self.stages)),
        )
        pick = sparse.csr_matrix((np.ones(n), (np.arange(n), inverse)), shape=(n, uniq.shape[0]))
        return (pick @ pairs).tocsr()


def load_value_chains(path: Optional[PathLike] = None) -> ChainTable:
    """The chain table (``resources/supply/value_chains.csv`` by default).

    Columns (``;``-separated, UTF-8): ``chain_id, chain_fr, chain_en, stage_order, stage_id,
    stage_fr, stage_en, naf_codes`` (space-separated sous-classes), ``max_minutes`` (empty for
    none), ``max_minutes_status``, ``status``, ``source``, ``note``.

    Raises
    ------
    InputError
        A missing column, a malformed NAF code, stage orders not increasing within a chain, a
        repeated stage id, a non-positive ``max_minutes`` (the line is named).
    """
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / CHAINS_FILE
    need = (
        "chain_id",
        "chain_fr",
        "chain_en",
        "stage_order",
        "stage_id",
        "stage_fr",
        "stage_en",
        "naf_codes",
        "max_minutes",
        "max_minutes_status",
        "status",
    )
    with open(p, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    if not rows or any(c not in rows[0] for c in need):
        raise InputError(_MSG_BAD_TABLE, path=str(p), problem="columns " + ", ".join(need))
    chains: dict[str, list[Stage]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for line, r in enumerate(rows, start=2):
        cid, sid = r["chain_id"].strip(), r["stage_id"].strip()

        def bad(what: str, line: int = line) -> InputError:
            return InputError(_MSG_BAD_TABLE, path=str(p), problem=f"line {line}: {what}")

        if not cid or not sid:
            raise bad("empty id")
        try:
            order = int(r["stage_order"])
        except ValueError:
            raise bad("stage_order") from None
        codes = tuple(r["naf_codes"].replace(",", " ").split())
        if not codes or any(not NAF_PATTERN.match(c) for c in codes):
            raise bad("naf_codes")
        mm_text = r["max_minutes"].strip()
        try:
            mm = float(mm_text.replace(",", ".")) if mm_text else None
        except ValueError:
            raise bad("max_minutes") from None
        if mm is not None and not (np.isfinite(mm) and mm > 0):
            raise bad("max_minutes")
        stages = chains.setdefault(cid, [])
        labels.setdefault(cid, (r["chain_fr"].strip(), r["chain_en"].strip()))
        if stages and order <= stages[-1].order:
            raise bad("stage_order must increase within a chain")
        if any(s.stage_id == sid for s in stages):
            raise bad("repeated stage_id")
        stages.append(
            Stage(
                cid,
                order,
                sid,
                r["stage_fr"].strip(),
                r["stage_en"].strip(),
                codes,
                mm,
                r["max_minutes_status"].strip(),
                r["status"].strip(),
                (r.get("source") or "").strip(),
            )
        )
    return ChainTable(tuple(Chain(cid, *labels[cid], tuple(st)) for cid, st in chains.items()))


# ---------------------------------------------------------------------------------------------
# Stages present per territory
# ---------------------------------------------------------------------------------------------


def _territory_index(territory: ArrayLike, n: int, n_territories: int) -> IntArray:
    t = np.asarray(territory).ravel()
    if t.shape[0] != n:
        raise InputError(_MSG_LENGTH, what="territory", got=t.shape[0], expected=n)
    t = t.astype(np.int64)
    bad = np.flatnonzero((t < -1) | (t >= n_territories))
    if bad.size:
        raise InputError(_MSG_TERRITORY, bad, n=bad.size, last=n_territories - 1)
    return t


def _jobs(jobs: ArrayLike, n: int) -> FloatArray:
    w = np.asarray(jobs, dtype=np.float64).ravel()
    if w.shape[0] != n:
        raise InputError(_MSG_LENGTH, what="jobs", got=w.shape[0], expected=n)
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        raise InputError(_MSG_JOBS, bad, n=bad.size)
    return w


@dataclass(eq=False)
class ChainPresence:
    """Stages of each chain per territory.

    Arrays are ``(n_territories, n_stages)``, stages in the order of ``table.stages``.

    Attributes
    ----------
    counts, jobs
        Establishments and jobs of each stage in each territory.
    present
        ``counts > 0``.
    upstream
        An earlier stage of the same chain is present (or the chain's production flag given).
    missing
        ``upstream & ~present`` (never for a chain's first stage).
    """

    table: ChainTable
    counts: IntArray
    jobs: FloatArray
    present: BoolArray
    upstream: BoolArray
    missing: BoolArray

    @property
    def n_territories(self) -> int:
        return int(self.counts.shape[0])

    def missing_stages(self, territory: int) -> list[str]:
        """Keys of the stages missing in one territory."""
        keys = self.table.stage_keys
        return [keys[s] for s in np.flatnonzero(self.missing[territory])]


def chain_presence(
    table: ChainTable,
    territory: ArrayLike,
    naf: ArrayLike,
    jobs: ArrayLike,
    n_territories: int,
    *,
    production: Optional[ArrayLike] = None,
) -> ChainPresence:
    """Establishments and jobs per territory and stage, stages present and missing.

    Parameters
    ----------
    table
        The chains (:func:`load_value_chains`).
    territory
        Territory index of each establishment (``0 .. n_territories - 1``; -1 for one outside
        every territory, which counts nowhere).
    naf
        NAF rév. 2 sous-classe of each establishment (``SireneEstablishments.naf2``).
    jobs
        Jobs of each establishment (finite, ``≥ 0``).
    n_territories
        Number of territories.
    production
        Optional ``(n_territories, n_chains)`` booleans: the chain's production is present from
        another source (farmland of the relevant crops, livestock), which makes every later stage
        "upstream present" even without a stage-1 establishment.

    Returns
    -------
    ChainPresence

    Raises
    ------
    InputError
        Arrays of different lengths, territory indices out of range, missing or negative jobs
        (rows named), a production table of the wrong shape.
    """
    codes = np.asarray(naf, dtype=str).ravel()
    n = codes.shape[0]
    t = _territory_index(territory, n, n_territories)
    w = _jobs(jobs, n)
    member = table.membership(codes)  # (n, n_stages)
    inside = np.flatnonzero(t >= 0)
    assign = sparse.csr_matrix(
        (np.ones(inside.shape[0]), (t[inside], inside)), shape=(n_territories, n)
    )
    counts = np.rint((assign @ member).toarray()).astype(np.int64)
    jobs_ts = np.asarray((assign.multiply(w[None, :]).tocsr() @ member).toarray())
    present = counts > 0
    n_chains = len(table.chains)
    extra = np.zeros((n_territories, n_chains), dtype=bool)
    if production is not None:
        extra = np.asarray(production, dtype=bool)
        if extra.shape != (n_territories, n_chains):
            raise InputError(_MSG_PRODUCTION, shape=str(extra.shape))
    upstream = np.zeros_like(present)
    start = 0
    for c, chain in enumerate(table.chains):
        k = len(chain.stages)
        cols = slice(start, start + k)
        # Any earlier stage present: a running OR over the chain's columns, shifted by one.
        seen = np.logical_or.accumulate(present[:, cols], axis=1)
        up = np.zeros((n_territories, k), dtype=bool)
        up[:, 1:] = seen[:, :-1] | extra[:, c][:, None]
        upstream[:, cols] = up
        start += k
    return ChainPresence(table, counts, jobs_ts, present, upstream, upstream & ~present)


# ---------------------------------------------------------------------------------------------
# Nearest establishment of the missing stages (through the access engine)
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class NearestRequest:
    """What to ask :func:`~..services.access.nearest_by_type` for the missing stages.

    The facilities are the establishments given, repeated once per stage they belong to.

    Attributes
    ----------
    types
        Stage keys to search (those missing in at least one territory), in the table's order.
    thresholds
        Minutes per stage key (all stages of the table).
    cutoff
        Search cut-off (minutes; inf for none).
    fac_rows
        Establishment row (in the facility arrays given) of each facility.
    fac_types
        Stage key of each facility.
    known_types
        Every stage key of the table (the vocabulary: a requested stage with no facility is a
        warning, not an error).
    """

    types: list[str]
    thresholds: dict[str, float]
    cutoff: float
    fac_rows: IntArray
    fac_types: StrArray
    known_types: list[str]


def stage_thresholds(
    table: ChainTable,
    overrides: Optional[Mapping[str, float]] = None,
    default_minutes: float = DEFAULT_MAX_MINUTES,
) -> dict[str, float]:
    """Threshold in minutes of every stage: the override (by stage key), else the table's
    ``max_minutes``, else ``default_minutes``.

    Raises
    ------
    InputError
        An override for an unknown stage, or a threshold that is not a positive number.
    """
    keys = table.stage_keys
    over = dict(overrides or {})
    unknown = [k for k in over if k not in keys]
    if unknown:
        raise InputError(_MSG_UNKNOWN_STAGE, stages=", ".join(map(str, unknown)))
    out = {}
    for st in table.stages:
        v = over.get(st.key, st.max_minutes if st.max_minutes is not None else default_minutes)
        v = float(v)
        if not (np.isfinite(v) and v > 0):
            raise InputError(_MSG_THRESHOLD, stage=st.key)
        out[st.key] = v
    return out


def nearest_request(
    presence: ChainPresence,
    facility_naf: ArrayLike,
    *,
    thresholds: Optional[Mapping[str, float]] = None,
    default_minutes: float = DEFAULT_MAX_MINUTES,
    cutoff: float = np.inf,
) -> NearestRequest:
    """The nearest-establishment search the missing stages need.

    Parameters
    ----------
    presence
        From :func:`chain_presence`.
    facility_naf
        NAF rév. 2 code of each candidate establishment (any set: those of the territories and
        beyond, so that the nearest abattoir may lie outside the study area).
    thresholds, default_minutes
        Per-stage thresholds (:func:`stage_thresholds`).
    cutoff
        Search cut-off in minutes (inf: the true nearest however far; a finite cut-off bounds
        the network searches, and a stage with none within it gets time inf — beyond every
        threshold not above the cut-off).

    Returns
    -------
    NearestRequest
    """
    table = presence.table
    member = table.membership(np.asarray(facility_naf, dtype=str).ravel()).tocoo()
    keys = np.array(table.stage_keys, dtype=str)
    order = np.lexsort((member.col, member.row))
    wanted = np.flatnonzero(presence.missing.any(axis=0))
    return NearestRequest(
        types=[str(keys[s]) for s in wanted],
        thresholds=stage_thresholds(table, thresholds, default_minutes),
        cutoff=float(cutoff),
        fac_rows=member.row[order].astype(np.int64),
        fac_types=keys[member.col[order]] if member.nnz else np.zeros(0, dtype="U1"),
        known_types=list(keys),
    )


def run_nearest(
    request: NearestRequest,
    costs: TravelCosts,
    demand_xy: PointsLike,
    fac_xy: PointsLike,
    *,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> NearestByType:
    """Call :func:`~..services.access.nearest_by_type` for the request.

    Parameters
    ----------
    request
        From :func:`nearest_request`.
    costs
        Travel-cost source (straight line or road network).
    demand_xy
        One point per territory (or per demand unit, see :func:`missing_links`).
    fac_xy
        ``(n, 2)`` coordinates of the candidate establishments (the rows of ``facility_naf``);
        every one must be located (place those without coordinates at their town hall first).

    Returns
    -------
    NearestByType
        ``{stage key: NearestTypeResult}``; ``index`` there is a facility row of the request:
        ``request.fac_rows[index]`` is the establishment. Empty when no stage is missing.
    """
    if not request.types:
        return NearestByType()
    if isinstance(fac_xy, Places):
        fac: PointsLike = fac_xy.subset(request.fac_rows)
    else:
        fac = np.asarray(fac_xy, dtype=np.float64)[request.fac_rows]
    return nearest_by_type(
        costs,
        demand_xy,
        fac,
        request.fac_types,
        request.types,
        request.cutoff,
        known_types=request.known_types,
        counts=False,
        progress=progress,
        is_canceled=is_canceled,
    )


@dataclass(eq=False)
class MissingLinks:
    """Missing stages and their nearest establishment, one row per (territory, missing stage).

    Attributes
    ----------
    territory, stage
        Territory index and stage index (``table.stages``) of each row.
    chain_id, stage_id
        Ids of the row's stage.
    minutes
        Time to the nearest establishment of the stage (inf: none within the cut-off).
    threshold
        The stage's threshold.
    link_missing
        ``minutes > threshold``: upstream present, stage absent and the nearest one too far.
    nearest
        Row of the nearest establishment in the facility arrays given; -1 where none.
    time, link
        The same as ``(n_territories, n_stages)`` matrices (time NaN and link False where the
        stage is not missing).
    warnings
        Missing stages with no establishment at all among the facilities (the network's
        warnings — points far from the roads — are in the :class:`NearestByType` itself).
    """

    territory: IntArray
    stage: IntArray
    chain_id: StrArray
    stage_id: StrArray
    minutes: FloatArray
    threshold: FloatArray
    link_missing: BoolArray
    nearest: IntArray
    time: FloatArray
    link: BoolArray
    warnings: list[Message] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.territory.shape[0])


def _territory_times(
    time: FloatArray,
    index: IntArray,
    unit_territory: Optional[IntArray],
    weight: Optional[FloatArray],
    n_territories: int,
    how: str,
) -> tuple[FloatArray, IntArray]:
    """Per-territory time (and nearest facility) from per-unit ones."""
    if unit_territory is None:
        return time, index
    t = unit_territory
    out = np.full(n_territories, np.nan)
    near = np.full(n_territories, -1, dtype=np.int64)
    ok = t >= 0
    if how == "min":
        order = np.lexsort((time[ok], t[ok]))
        tt, tm, ti = t[ok][order], time[ok][order], index[ok][order]
        first = np.ones(tt.shape[0], dtype=bool)
        first[1:] = tt[1:] != tt[:-1]
        out[tt[first]] = tm[first]
        near[tt[first]] = ti[first]
    elif how == "max":
        order = np.lexsort((-time[ok], t[ok]))
        tt, tm, ti = t[ok][order], time[ok][order], index[ok][order]
        first = np.ones(tt.shape[0], dtype=bool)
        first[1:] = tt[1:] != tt[:-1]
        out[tt[first]] = tm[first]
        near[tt[first]] = ti[first]
    elif how == "mean":
        w = np.ones(time.shape[0]) if weight is None else weight
        tw = np.where(w > 0, time * w, 0.0)  # inf × 0 would be NaN
        num = np.bincount(t[ok], weights=tw[ok], minlength=n_territories)
        den = np.bincount(t[ok], weights=w[ok], minlength=n_territories)
        np.divide(num, den, out=out, where=den > 0)
    else:
        raise ValueError("how must be 'min', 'mean' or 'max'")
    return out, near


def missing_links(
    presence: ChainPresence,
    nearest: NearestByType,
    request: NearestRequest,
    *,
    unit_territory: Optional[ArrayLike] = None,
    unit_weight: Optional[ArrayLike] = None,
    how: str = "mean",
) -> MissingLinks:
    """Flag the missing links: upstream present, stage absent, nearest establishment too far.

    Parameters
    ----------
    presence
        From :func:`chain_presence`.
    nearest
        From :func:`run_nearest` (or :func:`~..services.access.nearest_by_type` called with the
        request's facilities and types).
    request
        The :class:`NearestRequest` behind ``nearest``.
    unit_territory
        When the demand points were not one per territory (in territory order): the territory
        of each demand unit (-1: none). The territory's time is then the ``how`` of its units'
        times: ``"mean"`` (weighted by ``unit_weight``, e.g. population; inf if one of its
        weighted units has no establishment within the cut-off), ``"min"`` or ``"max"``.

    Returns
    -------
    MissingLinks
        One row per (territory, missing stage), ordered by territory then stage.
    """
    table = presence.table
    n_terr, n_stages = presence.missing.shape
    keys = table.stage_keys
    time = np.full((n_terr, n_stages), np.nan)
    near = np.full((n_terr, n_stages), -1, dtype=np.int64)
    ut = None
    if unit_territory is not None:
        ut = np.asarray(unit_territory).astype(np.int64).ravel()
        bad = np.flatnonzero((ut < -1) | (ut >= n_terr))
        if bad.size:
            raise InputError(_MSG_DEMAND, bad, n=bad.size, last=n_terr - 1)
    uw = None if unit_weight is None else np.asarray(unit_weight, dtype=np.float64).ravel()
    for key, res in nearest.items():
        s = keys.index(str(key))
        t_unit, i_unit = res.time, res.index
        if ut is None and t_unit.shape[0] != n_terr:
            raise InputError(
                _MSG_LENGTH, what="demand points", got=t_unit.shape[0], expected=n_terr
            )
        if ut is not None and t_unit.shape[0] != ut.shape[0]:
            raise InputError(
                _MSG_LENGTH, what="unit territory", got=ut.shape[0], expected=t_unit.shape[0]
            )
        tt, ii = _territory_times(t_unit, i_unit, ut, uw, n_terr, how)
        time[:, s] = tt
        near[:, s] = np.where(ii >= 0, request.fac_rows[np.maximum(ii, 0)], -1)
    miss = presence.missing
    thr = np.array([request.thresholds[k] for k in keys], dtype=np.float64)
    searched = np.isin(np.array(keys), np.array(list(nearest.keys()), dtype=str))
    # A missing stage not searched (not in the request) has no time: treat as unknown (NaN).
    time = np.where(miss & searched[None, :], time, np.nan)
    near = np.where(miss & searched[None, :], near, -1)
    with np.errstate(invalid="ignore"):
        link = miss & (time > thr[None, :])
    rt, rs = np.nonzero(miss)
    stages = table.stages
    warnings: list[Message] = []
    absent = [str(k) for k in nearest.absent_types]
    if absent:
        warnings.append(Message(_MSG_NO_FACILITY, {"stages": ", ".join(absent)}))
    return MissingLinks(
        territory=rt.astype(np.int64),
        stage=rs.astype(np.int64),
        chain_id=np.array([stages[s].chain_id for s in rs.tolist()], dtype=str),
        stage_id=np.array([stages[s].stage_id for s in rs.tolist()], dtype=str),
        minutes=time[rt, rs],
        threshold=thr[rs],
        link_missing=link[rt, rs],
        nearest=near[rt, rs],
        time=time,
        link=link,
        warnings=warnings,
    )
