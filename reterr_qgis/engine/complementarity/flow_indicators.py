"""Flow indicators per territory, and the flow lines worth drawing.

From a square origin × destination flow matrix ``T`` between territories (communes, EPCI, zones
d'emploi, functional areas; e.g. :attr:`.flows.ZoneFlows.matrix`), and optionally what leaves for
outside the study (``X_i``: other territories, abroad, unknown places) and what comes from it
(``Y_i``), per territory ``i`` (METHODS §3.3, SUPPLY_AND_COMPLEMENTARITY §B9):

* internal flow ``T_ii`` (living and working — or studying — in the territory);
* outgoing ``O_i = Σ_{j≠i} T_ij + X_i`` and incoming ``I_i = Σ_{j≠i} T_ji + Y_i``;
* employed residents ``R_i = T_ii + O_i`` (actifs occupés résidents) and jobs held
  ``E_i = T_ii + I_i`` (emplois au lieu de travail, as far as the flows see them);
* gross exchanges ``O_i + I_i`` and net balance ``I_i − O_i`` (> 0: more come in than go out)
  [cartograflow];
* self-containment, **supply side** ``T_ii / R_i`` (share of the employed residents who work in
  the territory, INSEE's "taux d'actifs stables") and **demand side** ``T_ii / E_i`` (share of
  the jobs held by residents), and their minimum, the self-containment LabourMarketAreas uses
  (SUPPLY §B9, and ``StatClusterData`` in cran/LabourMarketAreas: ``SC_supply_side =
  EMP_live_work / EMP_live``, ``SC_demand_side = EMP_live_work / EMP_work``). Labour *supply*
  is the residents, labour *demand* the jobs: supply side divides by residents;
* job ratio (indicateur de concentration d'emploi) ``ICE = 100 · E_i / R_i`` (< 100 residential,
  > 100 employment pole; France 98.3 in 2018 [Observatoire des territoires]);
* dependence on the main destination: the destination ``j ≠ i`` with the largest ``T_ij`` (the
  "oursins" of Géoclip) and its share of the out-commuters ``T_ij / O_i``; ``X_i`` counts in
  ``O_i`` but is never a destination. Ties go to the first destination in the matrix's order.

A territory without any flow (``R_i = E_i = 0``) gets NaN everywhere and is named; ratios whose
denominator is 0 are NaN.

:func:`select_flow_lines` picks the pairs to draw: directed flows, gross (both directions summed,
oriented along the larger one) or net (the difference, oriented along it), above a threshold
(Géoclip/Observatoire des territoires keep flows > 50), the ``k`` largest per origin, with INSEE's
reliability class (< 200 use with caution) and the share of the flows the lines carry. The
geometry (curved lines, QGIS arrows) is the adapter's.

Everything works on the sparse non-zeros (``O(nnz)``): 35,000 communes and 400,000 flows take a
few tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from .flows import ZoneFlows, reliability

sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
StrArray = NDArray[np.str_]

#: Modes of :func:`select_flow_lines`.
LINE_MODES = ("directed", "gross", "net")

_MSG_SQUARE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The flows must be a square origin × destination table of finite values ≥ 0: {problem}.",
)
_MSG_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}.")
_MSG_NO_FLOW = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} territories have no flow at all (neither residents nor jobs in the flows): their "
    "indicators are left empty: {names}.",
)
_MSG_MODE = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Unknown flow line mode '{mode}': use one of {modes}."
)
_MSG_TOP_K = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The number of lines per origin must be at least 1 (got {k})."
)


def _square(matrix: Any) -> sparse.csr_matrix:
    m = sparse.csr_matrix(matrix, dtype=np.float64)
    if m.shape[0] != m.shape[1]:
        raise InputError(_MSG_SQUARE, problem=f"{m.shape[0]} rows × {m.shape[1]} columns")
    if m.nnz and not (np.isfinite(m.data).all() and (m.data >= 0).all()):
        bad = np.unique(np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))[~(m.data >= 0)])
        raise InputError(_MSG_SQUARE, bad, problem="missing or negative values")
    m.sum_duplicates()
    return m


def _vector(values: Optional[ArrayLike], n: int, what: str) -> FloatArray:
    if values is None:
        return np.zeros(n)
    v = np.asarray(values, dtype=np.float64).ravel()
    if v.shape[0] != n:
        raise InputError(_MSG_LENGTH, what=what, got=v.shape[0], expected=n)
    bad = np.flatnonzero(~(np.isfinite(v) & (v >= 0)))
    if bad.size:
        raise InputError(_MSG_SQUARE, bad, problem=f"'{what}' has missing or negative values")
    return v


def _names(codes: Optional[Sequence[str]], rows: IntArray, limit: int = 20) -> str:
    shown = [str(codes[i]) if codes is not None else f"#{i + 1}" for i in rows[:limit].tolist()]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


def _divide(a: FloatArray, b: FloatArray) -> FloatArray:
    out = np.full(a.shape, np.nan)
    ok = b > 0
    out[ok] = a[ok] / b[ok]
    return out


@dataclass(eq=False)
class FlowIndicators:
    """Flow indicators per territory (:func:`territory_flow_indicators`); NaN where undefined.

    Attributes
    ----------
    codes
        Territory codes (as given), or None.
    internal, outgoing, incoming
        ``T_ii``, ``O_i`` and ``I_i`` (persons).
    residents, jobs
        ``R_i = T_ii + O_i`` (employed residents seen in the flows) and ``E_i = T_ii + I_i``.
    gross, net
        ``O_i + I_i`` and ``I_i − O_i``.
    self_containment_supply, self_containment_demand, self_containment
        ``T_ii / R_i``, ``T_ii / E_i`` and their minimum (0–1).
    job_ratio
        ``100 · E_i / R_i``.
    main_destination
        Index of the main destination ``j ≠ i`` (−1 without any out-flow to a territory).
    main_destination_code
        Its code (``""`` when none), when ``codes`` were given.
    main_destination_flow, main_destination_share
        ``T_ij`` of the main destination and ``T_ij / O_i`` (dependence).
    no_flow
        Indices of the territories without any flow.
    warnings
        The territories without any flow, named.
    """

    codes: Optional[StrArray]
    internal: FloatArray
    outgoing: FloatArray
    incoming: FloatArray
    residents: FloatArray
    jobs: FloatArray
    gross: FloatArray
    net: FloatArray
    self_containment_supply: FloatArray
    self_containment_demand: FloatArray
    self_containment: FloatArray
    job_ratio: FloatArray
    main_destination: IntArray
    main_destination_code: StrArray
    main_destination_flow: FloatArray
    main_destination_share: FloatArray
    no_flow: IntArray
    warnings: list[Message] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.internal.shape[0])


def main_destinations(matrix: Any) -> tuple[IntArray, FloatArray]:
    """Per origin, the destination ``j ≠ i`` with the largest flow (−1 and 0 when there is none;
    ties to the lowest ``j``)."""
    m = _square(matrix)
    coo = m.tocoo()
    off = (coo.row != coo.col) & (coo.data > 0)
    r, c, v = coo.row[off], coo.col[off], coo.data[off]
    order = np.lexsort((c, -v, r))
    r, c, v = r[order], c[order], v[order]
    first = np.ones(r.shape[0], dtype=bool)
    first[1:] = r[1:] != r[:-1]
    dest = np.full(m.shape[0], -1, dtype=np.int64)
    flow = np.zeros(m.shape[0])
    dest[r[first]] = c[first]
    flow[r[first]] = v[first]
    return dest, flow


def territory_flow_indicators(
    matrix: Any,
    codes: Optional[Sequence[str]] = None,
    *,
    outgoing_outside: Optional[ArrayLike] = None,
    incoming_outside: Optional[ArrayLike] = None,
) -> FlowIndicators:
    """Flow indicators of each territory (see the module notes for the formulas).

    Parameters
    ----------
    matrix
        ``(n, n)`` origin × destination flows between the territories (sparse or dense).
    codes
        Territory codes, to name the territories in messages and give the main destination's code.
    outgoing_outside
        Per territory, flows to places outside the matrix (``X_i``; e.g.
        :attr:`.flows.ZoneFlows.outgoing_outside`): out-commuters, never a destination.
    incoming_outside
        Per territory, flows from places outside the matrix (``Y_i``; e.g.
        :attr:`.flows.ZoneFlows.incoming_outside`).

    Returns
    -------
    FlowIndicators

    Raises
    ------
    InputError
        A matrix that is not square, negative or missing values, vectors of the wrong length.
    """
    m = _square(matrix)
    n = m.shape[0]
    if codes is not None and len(codes) != n:
        raise InputError(_MSG_LENGTH, what="codes", got=len(codes), expected=n)
    x = _vector(outgoing_outside, n, "outgoing_outside")
    y = _vector(incoming_outside, n, "incoming_outside")
    internal = m.diagonal().astype(np.float64)
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel()
    outgoing = row - internal + x
    incoming = col - internal + y
    residents = internal + outgoing
    jobs = internal + incoming
    sc_s = _divide(internal, residents)
    sc_d = _divide(internal, jobs)
    dest, dest_flow = main_destinations(m)
    share = _divide(dest_flow, outgoing)
    share[dest < 0] = np.nan
    dest_flow = np.where(dest >= 0, dest_flow, np.nan)
    code_arr = np.asarray(list(codes), dtype=str) if codes is not None else None
    if code_arr is not None and n:
        dest_code = np.where(dest >= 0, code_arr[np.maximum(dest, 0)], "")
    else:
        dest_code = np.full(n, "", dtype="U1")
    result = FlowIndicators(
        codes=code_arr,
        internal=internal,
        outgoing=outgoing,
        incoming=incoming,
        residents=residents,
        jobs=jobs,
        gross=outgoing + incoming,
        net=incoming - outgoing,
        self_containment_supply=sc_s,
        self_containment_demand=sc_d,
        self_containment=np.fmin(sc_s, sc_d) if n else np.zeros(0),
        job_ratio=100.0 * _divide(jobs, residents),
        main_destination=dest,
        main_destination_code=dest_code,
        main_destination_flow=dest_flow,
        main_destination_share=share,
        no_flow=np.zeros(0, dtype=np.int64),
    )
    # min(SC_s, SC_d) is undefined as soon as either is.
    result.self_containment[np.isnan(sc_s) | np.isnan(sc_d)] = np.nan
    none = np.flatnonzero((residents <= 0) & (jobs <= 0))
    if none.size:
        for name in (
            "internal",
            "outgoing",
            "incoming",
            "residents",
            "jobs",
            "gross",
            "net",
        ):
            getattr(result, name)[none] = np.nan
        result.no_flow = none.astype(np.int64)
        result.warnings.append(
            Message(_MSG_NO_FLOW, {"n": int(none.size), "names": _names(code_arr, none)})
        )
    return result


def zone_flow_indicators(zone_flows: ZoneFlows) -> FlowIndicators:
    """:func:`territory_flow_indicators` of a zoning's flows, counting the flows to and from communes
    outside the zoning (and abroad) as out- and in-commuters."""
    return territory_flow_indicators(
        zone_flows.matrix,
        zone_flows.zones.tolist(),
        outgoing_outside=zone_flows.outgoing_outside,
        incoming_outside=zone_flows.incoming_outside,
    )


# ---------------------------------------------------------------------------------------------
# Flow lines
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class FlowLines:
    """Flow lines selected by :func:`select_flow_lines`, sorted by volume (largest first).

    Attributes
    ----------
    origin, destination
        Territory indices (the line goes from origin to destination).
    origin_code, destination_code
        Their codes (``""`` without codes).
    volume
        The line's volume: ``T_ij`` (directed), ``T_ij + T_ji`` (gross), ``T_ij − T_ji`` (net).
    forward, backward
        ``T_ij`` and ``T_ji`` of the pair.
    reliability
        INSEE's class of the volume (:func:`.flows.reliability`: 0 < 200, 1, 2 > 500).
    rank
        Rank of the line among its origin's lines (1 = largest), before ``top_k``.
    share_of_origin
        ``volume / O_i`` (directed and net: the share of the origin's out-commuters to
        territories; gross: of the origin's exchanges).
    mode
        ``"directed"``, ``"gross"`` or ``"net"``.
    candidates, candidate_volume
        Pairs with a volume > 0 before the threshold and ``top_k``, and their volume.
    """

    origin: IntArray
    destination: IntArray
    origin_code: StrArray
    destination_code: StrArray
    volume: FloatArray
    forward: FloatArray
    backward: FloatArray
    reliability: NDArray[np.int8]
    rank: IntArray
    share_of_origin: FloatArray
    mode: str
    candidates: int
    candidate_volume: float

    def __len__(self) -> int:
        return int(self.volume.shape[0])

    @property
    def kept_share(self) -> float:
        """Share of the candidates' volume the lines carry (NaN without candidates)."""
        if self.candidate_volume <= 0:
            return float("nan")
        return float(self.volume.sum() / self.candidate_volume)


def select_flow_lines(
    matrix: Any,
    codes: Optional[Sequence[str]] = None,
    *,
    mode: str = "directed",
    threshold: float = 0.0,
    top_k: Optional[int] = None,
) -> FlowLines:
    """The flow lines to draw between territories (never the internal flows).

    Parameters
    ----------
    matrix
        ``(n, n)`` origin × destination flows.
    codes
        Territory codes (for :attr:`FlowLines.origin_code` / ``destination_code``).
    mode
        ``"directed"`` (one line per direction), ``"gross"`` (one line per pair, both directions
        summed, from the endpoint that sends more) or ``"net"`` (one line per pair, the
        difference, from the endpoint that sends more).
    threshold
        Keep the lines whose volume is at least this (and above 0).
    top_k
        Keep at most the ``k`` largest lines of each origin (after the threshold; ties to the
        lowest destination index).

    Returns
    -------
    FlowLines
    """
    if mode not in LINE_MODES:
        raise InputError(_MSG_MODE, mode=mode, modes=", ".join(LINE_MODES))
    if top_k is not None and top_k < 1:
        raise InputError(_MSG_TOP_K, k=top_k)
    m = _square(matrix)
    n = m.shape[0]
    if codes is not None and len(codes) != n:
        raise InputError(_MSG_LENGTH, what="codes", got=len(codes), expected=n)
    off = m.tocoo()
    keep = (off.row != off.col) & (off.data > 0)
    r, c, v = off.row[keep].astype(np.int64), off.col[keep].astype(np.int64), off.data[keep]
    directed = sparse.csr_matrix((v, (r, c)), shape=(n, n))
    outgoing = np.asarray(directed.sum(axis=1)).ravel()
    if mode == "directed":
        o, d, fwd = r, c, v
        bwd = np.asarray(directed[c, r]).ravel() if r.size else np.zeros(0)
        volume = fwd
        base = outgoing
    else:
        both = (directed + directed.T).tocoo()
        upper = both.row < both.col
        i, j = both.row[upper].astype(np.int64), both.col[upper].astype(np.int64)
        t_ij = np.asarray(directed[i, j]).ravel() if i.size else np.zeros(0)
        t_ji = np.asarray(directed[j, i]).ravel() if i.size else np.zeros(0)
        swap = t_ji > t_ij
        o = np.where(swap, j, i)
        d = np.where(swap, i, j)
        fwd = np.where(swap, t_ji, t_ij)
        bwd = np.where(swap, t_ij, t_ji)
        if mode == "gross":
            volume = fwd + bwd
            base = outgoing + np.asarray(directed.sum(axis=0)).ravel()
        else:
            volume = fwd - bwd
            base = outgoing
    positive = volume > 0
    o, d, fwd, bwd, volume = (
        o[positive],
        d[positive],
        fwd[positive],
        bwd[positive],
        volume[positive],
    )
    candidates = int(volume.shape[0])
    candidate_volume = float(volume.sum())
    # Rank within each origin (largest first, ties to the lowest destination).
    order = np.lexsort((d, -volume, o))
    o, d, fwd, bwd, volume = o[order], d[order], fwd[order], bwd[order], volume[order]
    start = np.ones(o.shape[0], dtype=bool)
    start[1:] = o[1:] != o[:-1]
    group_start = np.maximum.accumulate(np.where(start, np.arange(o.shape[0]), 0))
    rank = np.arange(o.shape[0]) - group_start + 1
    # Within an origin the lines are sorted by volume: those above the threshold come first,
    # so their rank is also their rank among the lines kept.
    sel = volume >= threshold
    if top_k is not None:
        sel &= rank <= top_k
    o, d, fwd, bwd, volume, rank = o[sel], d[sel], fwd[sel], bwd[sel], volume[sel], rank[sel]
    final = np.lexsort((d, o, -volume))
    o, d, fwd, bwd, volume, rank = (a[final] for a in (o, d, fwd, bwd, volume, rank))
    code_arr = np.asarray(list(codes), dtype=str) if codes is not None else None
    if code_arr is not None:
        o_code, d_code = code_arr[o], code_arr[d]
    else:
        o_code = d_code = np.full(o.shape[0], "", dtype="U1")
    share = np.full(volume.shape, np.nan)
    ok = base[o] > 0
    share[ok] = volume[ok] / base[o][ok]
    return FlowLines(
        origin=o,
        destination=d,
        origin_code=o_code,
        destination_code=d_code,
        volume=volume,
        forward=fwd,
        backward=bwd,
        reliability=reliability(volume),
        rank=rank.astype(np.int64),
        share_of_origin=share,
        mode=mode,
        candidates=candidates,
        candidate_volume=candidate_volume,
    )
