"""Functional areas from commuting flows, their contiguity, and their agreement with a zoning.

Units are communes (or any territories); ``T`` is the square origin (residence) × destination
(place of work) flow matrix, e.g. :attr:`.flows.CommuneFlows.matrix`. Four steps, each usable
alone (SUPPLY_AND_COMPLEMENTARITY.md §B10, METHODS §3.3):

**(a) Community detection** (:func:`detect_communities`) on the undirected weighted graph
``S = T + Tᵀ`` (the flows within a unit left out by default, as Intramax does): modularity
``Q = Σ_c [S_cc / 2m − γ (k_c / 2m)²]`` maximised by Leiden (igraph 1.0's built-in
``community_leiden(objective_function="modularity")``, Traag, Waltman & van Eck 2019) or Louvain
(igraph ``community_multilevel``, Blondel et al. 2008), with the resolution ``γ`` and a seed
(igraph draws from a ``random.Random(seed)`` during the run: same seed, same areas). igraph is
an optional dependency, imported inside the function; without it an :class:`InputError` says how
to install it and that the regrouping method works without it. Measured on 35,000 communes and
≈ 420,000 synthetic gravity flows (``bench/bench_compl_flows.py``, shared 2-core machine): Leiden
2–3 s, Louvain 1.2–1.5 s; networkx's ``louvain_communities`` on the same graph 18 s.

**(b) LabourMarketAreas / TTWA regrouping** (:func:`lma_regroup`), ported from Istat's R package
``LabourMarketAreas`` 3.4 (GPL ≥ 2; ``findClusters``, ``getLeastSelfContained``,
``determineCohesion``, ``regroupDissolved(.ncom)``; cran/LabourMarketAreas ``R/LabourMarketAreas.R``),
the method of the British TTWA and of INSEE's zones d'emploi 2020. For an area ``A`` with
residents ``L_A`` (flows leaving its units, wherever they go within the data), jobs ``W_A`` and
internal flows ``T_AA``::

    msc  = min(T_AA / L_A, T_AA / W_A)                      (self-containment)
    Y    = min(msc / tarSC, 1)
    size = max((tarSZ − L_A) / (tarSZ − minSZ), 0)
    Z    = 1 − (1 − minSC / tarSC) · size
    validity = Y · Z · tarSC / minSC        (= 1 when msc = 1: a closed area)

An area is valid when ``validity ≥ 1``: at ``tarSZ`` residents it needs ``msc ≥ minSC``, at
``minSZ`` it needs ``msc ≥ tarSC`` — a trade-off between size and self-containment. Starting from
one area per unit (or from any partition, e.g. (a)'s), repeat: take the least valid area (ties to
the lowest id); stop when it is valid. If it has one unit, move it to the area ``B`` it is most
cohesive with, ``T_cB² / (L_c · W_B) + T_Bc² / (L_B · W_c)`` (a term is 0 when a marginal is), if
that does not lower ``B``'s validity — else put it in a *reserve*. If it has several units, only
the one with the largest ``inflow from outside the area + residents − internal flow`` leaves
(same rule, its area's other units stay together). At the end the reserve's units join, one pass
after the other, the area they are most cohesive with (no validity test). As in the R code, units
with no resident or no job in the data, or whose only flows are internal, are set aside first
(``zero.list``) and the others' flows to them ignored; where the R code leaves them to the user,
they join here the area they are most cohesive with at the end. Units still without any link
become areas of their own, flagged not valid and named. Two simplifications, both for cases the
R code itself flags as exceptional (its "D" event): when the unit leaving a multi-unit area has no
link to another area, it goes to the reserve and the area's other units become areas of their
own (the R code re-runs the least-valid search on them in an inner loop); ties between equally
cohesive areas go to the lowest id. Default parameters are Istat 2011's (minSZ 1,000, minSC
0.6667, tarSZ 10,000, tarSC 0.75) [V]; ONS TTWA use 3,500 / 0.667 / 25,000 / 0.75; INSEE's for
the zones d'emploi 2020 are not published per zone.

Speed: the least valid area comes from a heap updated with the areas each step touches, the
cohesions from the unit's CSR rows, the validity of one area in plain Python: each step costs
``O(degree)`` (plus ``O(n)`` to list the members of a multi-unit area). 35,000 communes and
420,000 flows: 41,000 steps, 19 s (bench).

**(c) Contiguity** (:func:`enforce_contiguity`): modularity and the regrouping know nothing of
space. With a unit adjacency (sparse, e.g. communes sharing a border), each area's connected
parts are found (scipy ``connected_components`` on the adjacency restricted to same-area pairs);
the largest part (by ``size``, residents by default) keeps the area, a smaller part joins the
neighbouring area it exchanges most flows with (``T + Tᵀ`` between the part and the area; no
flow: the longest shared adjacency weight), or becomes an area of its own when its size reaches
``min_part_size``. Rounds repeat until nothing moves. A part with no neighbour at all (an island)
stays and is named.

**(d) Agreement with an official zoning** (:func:`compare_partitions`, :func:`zone_cuts`): the
adjusted Rand index (Hubert & Arabie 1985) and the normalised mutual information (arithmetic
normalisation ``MI / ((H_a + H_b) / 2)``, natural logarithm; the default of scikit-learn and
igraph's ``compare_communities(method="nmi")``) from a sparse contingency table, and per zone the
areas it is split into, per area the zones it cuts (a zone is cut when its units fall in several
areas), per unit whether it lies outside its zone's main area — the map "where my functional
areas cut an EPCI or a zone d'emploi".
"""

from __future__ import annotations

import heapq
import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_callable, lazy_module
from ..routing.callbacks import IsCanceled, Progress, check_canceled, tick

sparse = lazy_module("scipy.sparse")
connected_components = lazy_callable("scipy.sparse.csgraph", "connected_components")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
StrArray = NDArray[np.str_]

#: Methods of :func:`detect_communities`.
COMMUNITY_METHODS = ("leiden", "louvain")

_MSG_SQUARE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The flows must be a square origin × destination table of finite values ≥ 0: {problem}.",
)
_MSG_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}.")
_MSG_IGRAPH = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "Community detection needs the Python package igraph, which is not installed. Install it "
    "in the Python of QGIS (pip install igraph, or the python3-igraph package of your "
    "distribution) and run the algorithm again. The LabourMarketAreas regrouping method works "
    "without it.",
)
_MSG_METHOD = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Unknown community detection method '{method}': use one of {methods}."
)
_MSG_PARAMETERS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The regrouping parameters must satisfy 0 < minimum size < target size and 0 < minimum "
    "self-containment ≤ target self-containment ≤ 1 (got {params}).",
)
_MSG_RESOLUTION = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The resolution must be a number above 0 (got {value})."
)
_MSG_NOT_CONVERGED = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The regrouping stopped after {n} steps without making every area valid: {invalid} areas "
    "are still below the validity threshold.",
)
_MSG_UNASSIGNED = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} units have no flow linking them to any area: each is left as an area of its own, "
    "flagged not valid: {names}.",
)
_MSG_EXCLUDED = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} units have no resident or no job in the flows (or only internal flows): left out of "
    "the regrouping, then attached to the area they are most linked with: {names}.",
)
_MSG_ISLANDS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} detached parts of areas have no neighbour in another area (islands): they stay in "
    "their area: {names}.",
)
_MSG_ADJACENCY = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The adjacency must be a square table over the {n} units (got {shape})."
)
_MSG_LABELS = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} units have no area (a missing or negative label): {names}."
)

_IGRAPH_LOCK = threading.Lock()


def _square(matrix: Any) -> sparse.csr_matrix:
    m = sparse.csr_matrix(matrix, dtype=np.float64)
    if m.shape[0] != m.shape[1]:
        raise InputError(_MSG_SQUARE, problem=f"{m.shape[0]} rows × {m.shape[1]} columns")
    if m.nnz and not (np.isfinite(m.data).all() and (m.data >= 0).all()):
        raise InputError(_MSG_SQUARE, problem="missing or negative values")
    m.sum_duplicates()
    m.eliminate_zeros()
    return m


def _names(codes: Optional[Sequence[str]], rows: ArrayLike, limit: int = 20) -> str:
    rows = np.asarray(rows, dtype=np.int64)
    shown = [str(codes[i]) if codes is not None else f"#{i + 1}" for i in rows[:limit].tolist()]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


def _relabel(labels: IntArray) -> IntArray:
    """Labels renumbered 0 … k−1 in the order of their first unit."""
    if labels.size == 0:
        return labels.astype(np.int64)
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(first.shape[0], dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(first.shape[0])
    return rank[inverse]


def _gather(csr: sparse.csr_matrix, rows: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
    """The non-zeros of some rows: (position of the row in ``rows``, column, value)."""
    starts = csr.indptr[rows].astype(np.int64)
    counts = csr.indptr[rows + 1].astype(np.int64) - starts
    total = int(counts.sum())
    owner = np.repeat(np.arange(rows.shape[0]), counts)
    offset = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    idx = np.repeat(starts, counts) + offset
    return owner, csr.indices[idx].astype(np.int64), csr.data[idx]


# ---------------------------------------------------------------------------------------------
# Area statistics
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class AreaStatistics:
    """Size and self-containment of each area of a partition (:func:`area_statistics`).

    Attributes
    ----------
    n_units
        Units per area.
    residents, jobs, internal
        Flows leaving the area's units (``L``), arriving in them (``W``), and between them.
    self_containment_supply, self_containment_demand, self_containment
        ``T_AA / L``, ``T_AA / W`` and their minimum (NaN where a denominator is 0).
    validity
        The LabourMarketAreas validity with the given parameters (:func:`lma_validity`).
    """

    n_units: IntArray
    residents: FloatArray
    jobs: FloatArray
    internal: FloatArray
    self_containment_supply: FloatArray
    self_containment_demand: FloatArray
    self_containment: FloatArray
    validity: FloatArray


@dataclass(frozen=True)
class LmaParameters:
    """The four parameters of the LabourMarketAreas validity (see the module notes)."""

    min_size: float = 1000.0
    min_self_containment: float = 0.6667
    target_size: float = 10000.0
    target_self_containment: float = 0.75

    def check(self) -> None:
        """Raise :class:`InputError` unless ``0 < minSZ < tarSZ``, ``0 < minSC ≤ tarSC ≤ 1``."""
        ok = (
            0 < self.min_size < self.target_size
            and 0 < self.min_self_containment <= self.target_self_containment <= 1
        )
        if not ok:
            raise InputError(_MSG_PARAMETERS, params=str(self))


#: Istat 2011's parameters [V] (see the module notes).
DEFAULT_LMA = LmaParameters()


def lma_validity(
    residents: ArrayLike,
    jobs: ArrayLike,
    internal: ArrayLike,
    params: LmaParameters = DEFAULT_LMA,
) -> FloatArray:
    """LabourMarketAreas validity of areas (``getLeastSelfContained``); ``≥ 1`` means valid.

    ``msc = min(T/L, T/W)``, ``Y = min(msc / tarSC, 1)``,
    ``size = max((tarSZ − L) / (tarSZ − minSZ), 0)``, ``Z = 1 − (1 − minSC/tarSC) · size``,
    ``validity = Y · Z · tarSC / minSC``, and 1 when ``msc = 1``. An area without residents or
    jobs has NaN.
    """
    params.check()
    live = np.asarray(residents, dtype=np.float64)
    work = np.asarray(jobs, dtype=np.float64)
    inside = np.asarray(internal, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        msc = np.minimum(inside / live, inside / work)
    msc = np.where((live > 0) & (work > 0), msc, np.nan)
    tar_sc, min_sc = params.target_self_containment, params.min_self_containment
    y = np.minimum(msc / tar_sc, 1.0)
    size = np.maximum((params.target_size - live) / (params.target_size - params.min_size), 0.0)
    z = 1.0 - (1.0 - min_sc / tar_sc) * size
    validity = y * z * tar_sc / min_sc
    return np.where(msc == 1.0, 1.0, validity)


def area_statistics(
    matrix: Any,
    labels: ArrayLike,
    params: LmaParameters = DEFAULT_LMA,
) -> AreaStatistics:
    """Residents, jobs, internal flows, self-containment and validity of each area (labels
    0 … k−1; every unit must have one)."""
    m = _square(matrix)
    lab = _check_labels(labels, m.shape[0])
    k = int(lab.max()) + 1 if lab.size else 0
    coo = m.tocoo()
    residents = np.bincount(lab[coo.row], weights=coo.data, minlength=k)
    jobs = np.bincount(lab[coo.col], weights=coo.data, minlength=k)
    same = lab[coo.row] == lab[coo.col]
    internal = np.bincount(lab[coo.row[same]], weights=coo.data[same], minlength=k)
    with np.errstate(divide="ignore", invalid="ignore"):
        sc_s = np.where(residents > 0, internal / residents, np.nan)
        sc_d = np.where(jobs > 0, internal / jobs, np.nan)
    return AreaStatistics(
        n_units=np.bincount(lab, minlength=k).astype(np.int64),
        residents=residents,
        jobs=jobs,
        internal=internal,
        self_containment_supply=sc_s,
        self_containment_demand=sc_d,
        self_containment=np.minimum(sc_s, sc_d),
        validity=lma_validity(residents, jobs, internal, params),
    )


def _check_labels(labels: ArrayLike, n: int, codes: Optional[Sequence[str]] = None) -> IntArray:
    lab = np.asarray(labels)
    if lab.shape[0] != n:
        raise InputError(_MSG_LENGTH, what="labels", got=lab.shape[0], expected=n)
    lab_f = lab.astype(np.float64)
    bad = np.flatnonzero(~np.isfinite(lab_f) | (lab_f < 0))
    if bad.size:
        raise InputError(_MSG_LABELS, bad, n=bad.size, names=_names(codes, bad))
    return _relabel(lab.astype(np.int64))


# ---------------------------------------------------------------------------------------------
# (a) Community detection
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Partition:
    """Areas found by :func:`detect_communities`.

    Attributes
    ----------
    labels
        Area of each unit (0 … ``n_areas − 1``, numbered in the order of their first unit).
    n_areas
        Number of areas (units without any flow are areas of their own).
    modularity
        ``Q`` of the partition on the graph used, at the resolution used.
    method, resolution, seed
        As asked.
    """

    labels: IntArray
    n_areas: int
    modularity: float
    method: str
    resolution: float
    seed: int


def symmetric_graph(matrix: Any, include_internal: bool = False) -> sparse.csr_matrix:
    """``S = T + Tᵀ`` (the undirected weights), its diagonal zero unless ``include_internal``
    (then ``S_ii = 2 T_ii``, a loop of weight ``T_ii`` counted twice in the degree)."""
    m = _square(matrix)
    s = (m + m.T).tocsr()
    if not include_internal:
        s = (s - sparse.diags(s.diagonal())).tocsr()
        s.eliminate_zeros()
    return s


def modularity(matrix: Any, labels: ArrayLike, resolution: float = 1.0) -> float:
    """Modularity of a partition of the undirected weighted graph ``matrix`` (symmetric):
    ``Σ_c [S_cc / 2m − γ (k_c / 2m)²]`` with ``2m = Σ S``."""
    s = sparse.csr_matrix(matrix, dtype=np.float64)
    lab = np.asarray(labels, dtype=np.int64)
    two_m = float(s.sum())
    if two_m <= 0:
        return float("nan")
    coo = s.tocoo()
    same = lab[coo.row] == lab[coo.col]
    k = int(lab.max()) + 1 if lab.size else 0
    inside = np.bincount(lab[coo.row[same]], weights=coo.data[same], minlength=k)
    degree = np.asarray(s.sum(axis=1)).ravel()
    tot = np.bincount(lab, weights=degree, minlength=k)
    return float(inside.sum() / two_m - resolution * np.sum((tot / two_m) ** 2))


def detect_communities(
    matrix: Any,
    *,
    method: str = "leiden",
    resolution: float = 1.0,
    seed: int = 0,
    include_internal: bool = False,
    n_iterations: int = -1,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> Partition:
    """Areas that function together: modularity communities of the flow graph (igraph).

    Parameters
    ----------
    matrix
        ``(n, n)`` origin × destination flows.
    method
        ``"leiden"`` (igraph ``community_leiden``, objective modularity) or ``"louvain"``
        (igraph ``community_multilevel``).
    resolution
        ``γ`` of the modularity: above 1 more and smaller areas, below 1 fewer and larger.
    seed
        Seed of the random draws: the same seed gives the same areas.
    include_internal
        Count the flows within a unit as loops of the graph (default: left out).
    n_iterations
        Leiden iterations (−1: until the partition no longer improves).

    Returns
    -------
    Partition

    Raises
    ------
    InputError
        igraph is not installed (the message says how to install it), a bad method or
        resolution, a matrix that is not square or has negative values.
    """
    if method not in COMMUNITY_METHODS:
        raise InputError(_MSG_METHOD, method=method, methods=", ".join(COMMUNITY_METHODS))
    if not (np.isfinite(resolution) and resolution > 0):
        raise InputError(_MSG_RESOLUTION, value=resolution)
    try:
        import igraph
    except ImportError:
        raise InputError(_MSG_IGRAPH) from None
    s = symmetric_graph(matrix, include_internal)
    n = s.shape[0]
    check_canceled(is_canceled)
    tick(progress, 0.05)
    upper = sparse.triu(s, k=0 if include_internal else 1).tocoo()
    weights = upper.data.copy()
    loops = upper.row == upper.col
    weights[loops] /= 2.0  # a loop counts twice in igraph's degree
    # Plain lists: older python-igraph (Debian 12's 0.10) does not take numpy arrays everywhere.
    edges = list(zip(upper.row.tolist(), upper.col.tolist()))
    graph = igraph.Graph(n=n, edges=edges, directed=False)
    graph.es["weight"] = weights.tolist()
    with _IGRAPH_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            if method == "leiden":
                clusters = graph.community_leiden(
                    objective_function="modularity",
                    weights="weight",
                    resolution=resolution,
                    n_iterations=n_iterations,
                )
            else:
                clusters = graph.community_multilevel(weights="weight", resolution=resolution)
        finally:
            igraph.set_random_number_generator(random)
    check_canceled(is_canceled)
    labels = _relabel(np.asarray(clusters.membership, dtype=np.int64))
    tick(progress, 1.0)
    return Partition(
        labels=labels,
        n_areas=int(labels.max()) + 1 if n else 0,
        modularity=modularity(s, labels, resolution),
        method=method,
        resolution=float(resolution),
        seed=int(seed),
    )


# ---------------------------------------------------------------------------------------------
# (b) LabourMarketAreas regrouping
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class RegroupResult:
    """Areas of :func:`lma_regroup`.

    Attributes
    ----------
    labels
        Area of each unit (0 … ``n_areas − 1``, in the order of their first unit).
    n_areas
        Number of areas.
    statistics
        :class:`AreaStatistics` of the areas on the whole matrix.
    valid
        Per area, ``validity ≥ 1``.
    converged
        Whether every area of the iterations became valid (before the reserve and the set-aside
        units joined).
    iterations
        Steps of the main loop.
    moves
        Per unit, how many times it changed area during the loop.
    events
        Count of each step outcome: ``moved`` (a unit joined another area), ``reserve_refused``
        (the move would have lowered the receiving area's validity: "A"/"C" in the R code),
        ``reserve_no_link`` ("B"/"D").
    reserve
        Units that were in the reserve at the end of the loop (they then joined an area).
    excluded
        Units set aside at the start (no resident, no job, or only internal flows).
    unassigned
        Units linked to no area: each is an area of its own.
    params
        The parameters used.
    warnings
        Non-convergence, set-aside and unassigned units, named.
    """

    labels: IntArray
    n_areas: int
    statistics: AreaStatistics
    valid: BoolArray
    converged: bool
    iterations: int
    moves: IntArray
    events: dict[str, int]
    reserve: IntArray
    excluded: IntArray
    unassigned: IntArray
    params: LmaParameters
    warnings: list[Message] = field(default_factory=list)


class _Regrouper:
    """State of the regrouping: unit labels, area marginals, the heap of validities."""

    RESERVE = -1
    EXCLUDED = -2

    def __init__(self, m: sparse.csr_matrix, active: BoolArray, params: LmaParameters) -> None:
        n = m.shape[0]
        self.params = params
        keep = sparse.diags(active.astype(np.float64))
        self.m = (keep @ m @ keep).tocsr()
        self.m.eliminate_zeros()
        self.mt = self.m.T.tocsr()
        self.live = np.asarray(self.m.sum(axis=1)).ravel()
        self.work = np.asarray(self.m.sum(axis=0)).ravel()
        self.self_flow = self.m.diagonal().astype(np.float64)
        self.lab = np.where(active, np.arange(n), self.EXCLUDED).astype(np.int64)
        cap = 2 * n + 16
        self.L = np.zeros(cap)
        self.W = np.zeros(cap)
        self.I = np.zeros(cap)
        self.count = np.zeros(cap, dtype=np.int64)
        self.version = np.zeros(cap, dtype=np.int64)
        self.next_id = n
        self.heap: list[tuple[float, int, int]] = []
        self.moves = np.zeros(n, dtype=np.int64)

    # -- areas ------------------------------------------------------------------------------

    def start(self, initial: Optional[IntArray]) -> None:
        """Areas from ``initial`` labels (the lowest unit of each group gives its id) or one per
        unit; marginals and heap."""
        active = self.lab >= 0
        if initial is not None:
            lab = np.where(active, initial, -1)
            groups = np.unique(lab[lab >= 0])
            first = np.full(int(groups.max()) + 1 if groups.size else 0, -1, dtype=np.int64)
            units = np.flatnonzero(lab >= 0)
            # The lowest unit of each group: units are in increasing order, keep the first.
            g = lab[units]
            order = np.argsort(g, kind="stable")
            g_sorted, u_sorted = g[order], units[order]
            head = np.r_[True, g_sorted[1:] != g_sorted[:-1]]
            first[g_sorted[head]] = u_sorted[head]
            self.lab[units] = first[g]
        ids = self.lab[active]
        cap = self.L.shape[0]
        self.L[:] = 0
        self.W[:] = 0
        self.I[:] = 0
        self.count[:] = 0
        np.add.at(self.L, ids, self.live[active])
        np.add.at(self.W, ids, self.work[active])
        np.add.at(self.count, ids, 1)
        coo = self.m.tocoo()
        lr, lc = self.lab[coo.row], self.lab[coo.col]
        same = (lr == lc) & (lr >= 0)
        self.I[:] = np.bincount(lr[same], weights=coo.data[same], minlength=cap)[:cap]
        alive = np.flatnonzero(self.count > 0)
        validity = self.validity(self.L[alive], self.W[alive], self.I[alive])
        # NaN (no resident or no job) sorts first, like the least valid.
        validity = np.where(np.isnan(validity), -np.inf, validity)
        self.heap = [(float(v), int(a), 0) for v, a in zip(validity.tolist(), alive.tolist())]
        heapq.heapify(self.heap)

    def validity(self, L: FloatArray, W: FloatArray, T: FloatArray) -> FloatArray:
        return lma_validity(L, W, T, self.params)

    def one_validity(self, live: float, work: float, inside: float) -> float:
        """:func:`lma_validity` of one area, in plain Python (called at every step)."""
        if not (live > 0 and work > 0):
            return float("nan")
        p = self.params
        msc = min(inside / live, inside / work)
        if msc == 1.0:
            return 1.0
        y = min(msc / p.target_self_containment, 1.0)
        size = max((p.target_size - live) / (p.target_size - p.min_size), 0.0)
        z = 1.0 - (1.0 - p.min_self_containment / p.target_self_containment) * size
        return y * z * p.target_self_containment / p.min_self_containment

    def push(self, area: int) -> None:
        self.version[area] += 1
        if self.count[area] > 0:
            v = self.one_validity(self.L[area], self.W[area], self.I[area])
            v = -np.inf if v != v else v  # NaN first
            heapq.heappush(self.heap, (v, area, int(self.version[area])))

    def least_valid(self) -> Optional[tuple[float, int]]:
        while self.heap:
            v, area, ver = self.heap[0]
            if self.count[area] > 0 and ver == self.version[area]:
                return v, area
            heapq.heappop(self.heap)
        return None

    def new_id(self) -> int:
        if self.next_id >= self.L.shape[0]:
            grow = self.L.shape[0]
            for name in ("L", "W", "I"):
                setattr(self, name, np.concatenate([getattr(self, name), np.zeros(grow)]))
            for name in ("count", "version"):
                arr = getattr(self, name)
                setattr(self, name, np.concatenate([arr, np.zeros(grow, dtype=np.int64)]))
        self.next_id += 1
        return self.next_id - 1

    # -- links ------------------------------------------------------------------------------

    def links(self, c: int, exclude: int) -> tuple[IntArray, FloatArray, FloatArray]:
        """Areas linked to unit ``c`` (other than ``exclude``, the reserve and the set-aside):
        (areas, flows c → area, flows area → c)."""
        m, mt, lab = self.m, self.mt, self.lab
        s0, s1 = m.indptr[c], m.indptr[c + 1]
        t0, t1 = mt.indptr[c], mt.indptr[c + 1]
        out_lab = lab[m.indices[s0:s1]]
        in_lab = lab[mt.indices[t0:t1]]
        areas = np.concatenate([out_lab, in_lab])
        values = np.concatenate([m.data[s0:s1], mt.data[t0:t1]])
        is_out = np.zeros(areas.shape[0], dtype=bool)
        is_out[: s1 - s0] = True
        ok = (areas >= 0) & (areas != exclude)
        if not ok.any():
            return np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
        areas, values, is_out = areas[ok], values[ok], is_out[ok]
        uniq, inv = np.unique(areas, return_inverse=True)
        to = np.bincount(inv, weights=np.where(is_out, values, 0.0), minlength=uniq.shape[0])
        frm = np.bincount(inv, weights=np.where(is_out, 0.0, values), minlength=uniq.shape[0])
        return uniq, to, frm

    def best_area(
        self, areas: IntArray, to: FloatArray, frm: FloatArray, live_c: float, work_c: float
    ) -> int:
        """The most cohesive area (``T_cB² / (L_c W_B) + T_Bc² / (L_B W_c)``; ties: lowest id)."""
        wb, lb = self.W[areas], self.L[areas]
        strength = np.zeros(areas.shape[0])
        if live_c > 0:
            ok = wb > 0
            strength[ok] += to[ok] * to[ok] / (live_c * wb[ok])
        if work_c > 0:
            ok = lb > 0
            strength[ok] += frm[ok] * frm[ok] / (lb[ok] * work_c)
        best = np.flatnonzero(strength == strength.max())
        return int(areas[best].min())

    # -- moves ------------------------------------------------------------------------------

    def internal_with(self, c: int, area: int) -> float:
        """Flows between unit ``c`` and the other units of ``area``, both ways."""
        m, mt, lab = self.m, self.mt, self.lab
        s0, s1 = m.indptr[c], m.indptr[c + 1]
        t0, t1 = mt.indptr[c], mt.indptr[c + 1]
        out_i, in_i = m.indices[s0:s1], mt.indices[t0:t1]
        a = m.data[s0:s1][(lab[out_i] == area) & (out_i != c)].sum()
        b = mt.data[t0:t1][(lab[in_i] == area) & (in_i != c)].sum()
        return float(a + b)

    def remove(self, c: int, area: int) -> None:
        """Take unit ``c`` out of ``area`` (marginals updated; the label is the caller's)."""
        self.I[area] -= self.internal_with(c, area) + self.self_flow[c]
        self.L[area] -= self.live[c]
        self.W[area] -= self.work[c]
        self.count[area] -= 1
        if self.count[area] == 0:
            self.L[area] = self.W[area] = self.I[area] = 0.0

    def add(self, c: int, area: int, to: float, frm: float) -> None:
        """Put unit ``c`` in ``area`` given its flows with the area's units."""
        self.I[area] += to + frm + self.self_flow[c]
        self.L[area] += self.live[c]
        self.W[area] += self.work[c]
        self.count[area] += 1
        self.lab[c] = area

    def try_move(self, c: int, own: int, events: dict[str, int]) -> None:
        """The step of the R code for one unit leaving its area ``own`` (already removed from
        it): join the most cohesive area if its validity does not fall, else the reserve."""
        areas, to, frm = self.links(c, own)
        if areas.size == 0:
            self.lab[c] = self.RESERVE
            events["reserve_no_link"] += 1
            return
        b = self.best_area(areas, to, frm, self.live[c], self.work[c])
        k = int(np.searchsorted(areas, b))
        before = self.one_validity(self.L[b], self.W[b], self.I[b])
        after = self.one_validity(
            self.L[b] + self.live[c],
            self.W[b] + self.work[c],
            self.I[b] + to[k] + frm[k] + self.self_flow[c],
        )
        if after >= before:
            self.add(c, b, float(to[k]), float(frm[k]))
            self.moves[c] += 1
            self.push(b)
            events["moved"] += 1
        else:
            self.lab[c] = self.RESERVE
            events["reserve_refused"] += 1

    def step(self, area: int, events: dict[str, int]) -> None:
        """Dissolve the least valid ``area`` (one unit leaves it)."""
        members = np.flatnonzero(self.lab == area)
        if members.shape[0] == 1:
            c = int(members[0])
            self.remove(c, area)
            self.lab[c] = self.RESERVE
            self.push(area)
            self.try_move(c, area, events)
            return
        # The unit that leaves: largest inflow from outside the area + residents − internal.
        owner, src, val = _gather(self.mt, members)
        from_outside = np.bincount(
            owner, weights=np.where(self.lab[src] != area, val, 0.0), minlength=members.shape[0]
        )
        order_key = from_outside + self.live[members] - self.self_flow[members]
        c = int(members[np.flatnonzero(order_key == order_key.max())[0]])
        self.remove(c, area)
        self.lab[c] = self.RESERVE
        areas, _, _ = self.links(c, area)
        if areas.size == 0:
            # The R code's "D" event: the unit goes to the reserve, the area's other units
            # become areas of their own (see the module notes).
            events["reserve_no_link"] += 1
            rest = members[members != c]
            for u in rest[1:].tolist():
                self.remove(u, area)
                new = self.new_id()
                self.add(u, new, 0.0, 0.0)
                self.push(new)
            self.push(area)
            return
        self.push(area)
        self.try_move(c, area, events)

    def attach(self, units: IntArray, matrix: Optional[sparse.csr_matrix] = None) -> IntArray:
        """Units join the area they are most cohesive with, in passes until none moves; the
        marginals grow with them when ``matrix`` is None (the reserve), not for the set-aside
        units (``matrix`` is then the whole one, their flows being outside the data).
        Returns the units left without any link."""
        left = [int(u) for u in units.tolist()]
        if matrix is not None:
            saved = (self.m, self.mt)
            self.m, self.mt = matrix, matrix.T.tocsr()
            live = np.asarray(matrix.sum(axis=1)).ravel()
            work = np.asarray(matrix.sum(axis=0)).ravel()
        else:
            live, work = self.live, self.work
        while left:
            still = []
            for c in left:
                areas, to, frm = self.links(c, -10)
                if areas.size == 0:
                    still.append(c)
                    continue
                b = self.best_area(areas, to, frm, live[c], work[c])
                if matrix is None:
                    k = int(np.searchsorted(areas, b))
                    self.add(c, b, float(to[k]), float(frm[k]))
                else:
                    self.lab[c] = b
            if len(still) == len(left):
                break
            left = still
        if matrix is not None:
            self.m, self.mt = saved
        return np.array(left, dtype=np.int64)


def _excluded_units(m: sparse.csr_matrix) -> BoolArray:
    """Units LabourMarketAreas sets aside (``zero.list``), found again after each removal:
    no resident or no job among the remaining units' flows, or only internal flows."""
    n = m.shape[0]
    active = np.ones(n, dtype=bool)
    diag = m.diagonal()
    while True:
        a = active.astype(np.float64)
        live = (m @ a) * a
        work = (m.T @ a) * a
        drop = active & ((live <= 0) | (work <= 0) | ((diag == live) & (diag == work)))
        if not drop.any():
            return ~active
        active &= ~drop


def lma_regroup(
    matrix: Any,
    *,
    params: LmaParameters = DEFAULT_LMA,
    initial: Optional[ArrayLike] = None,
    codes: Optional[Sequence[str]] = None,
    max_iterations: Optional[int] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> RegroupResult:
    """Regroup units into valid areas with the LabourMarketAreas procedure (module notes, (b)).

    Parameters
    ----------
    matrix
        ``(n, n)`` origin (residence) × destination (work) flows; its diagonal holds the flows
        within a unit.
    params
        :class:`LmaParameters` (Istat 2011's by default [V]).
    initial
        Optional starting areas (one label ≥ 0 per unit, e.g. :attr:`Partition.labels`); by
        default one area per unit.
    codes
        Unit codes, to name units in messages.
    max_iterations
        Safety bound on the steps (default ``20 · n + 1000``); reaching it is reported.
    progress, is_canceled
        Progress (the share of areas already valid, roughly) and cancellation (checked every
        few hundred steps).

    Returns
    -------
    RegroupResult
    """
    params.check()
    m = _square(matrix)
    n = m.shape[0]
    init = None if initial is None else _check_labels(initial, n, codes)
    excluded = _excluded_units(m)
    state = _Regrouper(m, ~excluded, params)
    state.start(init)
    events = {"moved": 0, "reserve_refused": 0, "reserve_no_link": 0}
    limit = max_iterations if max_iterations is not None else 20 * n + 1000
    iterations = 0
    converged = True
    n_active = int(np.count_nonzero(~excluded))
    while True:
        top = state.least_valid()
        if top is None or top[0] >= 1.0:
            break
        if iterations >= limit:
            converged = False
            break
        state.step(top[1], events)
        iterations += 1
        if iterations % 256 == 0:
            check_canceled(is_canceled)
            # About one step per unit (a unit may move more than once): a rough fraction.
            tick(progress, 0.9 * min(1.0, iterations / max(1.2 * n_active, 1.0)))
    check_canceled(is_canceled)
    reserve = np.flatnonzero(state.lab == _Regrouper.RESERVE)
    warnings: list[Message] = []
    if not converged:
        alive = np.flatnonzero(state.count > 0)
        v = state.validity(state.L[alive], state.W[alive], state.I[alive])
        warnings.append(
            Message(_MSG_NOT_CONVERGED, {"n": iterations, "invalid": int(np.sum(~(v >= 1)))})
        )
    left = state.attach(reserve)
    ex_units = np.flatnonzero(excluded)
    left_ex = state.attach(ex_units, m) if ex_units.size else np.zeros(0, dtype=np.int64)
    unassigned = np.union1d(left, left_ex).astype(np.int64)
    lab = state.lab.copy()
    for u in unassigned.tolist():
        lab[u] = state.new_id()
    labels = _relabel(lab)
    stats = area_statistics(m, labels, params)
    valid = stats.validity >= 1.0
    if unassigned.size:
        valid[np.unique(labels[unassigned])] = False
        warnings.append(
            Message(
                _MSG_UNASSIGNED, {"n": int(unassigned.size), "names": _names(codes, unassigned)}
            )
        )
    if ex_units.size:
        warnings.append(
            Message(_MSG_EXCLUDED, {"n": int(ex_units.size), "names": _names(codes, ex_units)})
        )
    tick(progress, 1.0)
    return RegroupResult(
        labels=labels,
        n_areas=int(labels.max()) + 1 if n else 0,
        statistics=stats,
        valid=valid,
        converged=converged,
        iterations=iterations,
        moves=state.moves,
        events=events,
        reserve=reserve.astype(np.int64),
        excluded=ex_units.astype(np.int64),
        unassigned=unassigned,
        params=params,
        warnings=warnings,
    )


# ---------------------------------------------------------------------------------------------
# (c) Contiguity
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class ContiguityResult:
    """Areas made contiguous by :func:`enforce_contiguity`.

    Attributes
    ----------
    labels
        Area of each unit (0 … ``n_areas − 1``, in the order of their first unit).
    n_areas
        Number of areas.
    reattached
        Units of the detached parts that joined a neighbouring area.
    split
        Units of the detached parts large enough to become areas of their own.
    islands
        Units of detached parts without any neighbour in another area (left in their area).
    rounds
        Rounds run.
    warnings
        Islands, named.
    """

    labels: IntArray
    n_areas: int
    reattached: IntArray
    split: IntArray
    islands: IntArray
    rounds: int
    warnings: list[Message] = field(default_factory=list)


def enforce_contiguity(
    labels: ArrayLike,
    adjacency: Any,
    matrix: Optional[Any] = None,
    *,
    size: Optional[ArrayLike] = None,
    min_part_size: float = np.inf,
    codes: Optional[Sequence[str]] = None,
    max_rounds: int = 20,
) -> ContiguityResult:
    """Split the non-contiguous parts of areas and reattach the small ones (module notes, (c)).

    Parameters
    ----------
    labels
        Area of each unit (≥ 0).
    adjacency
        ``(n, n)`` unit adjacency (sparse; symmetrised; a weight, e.g. the shared border length,
        breaks ties between neighbours).
    matrix
        Optional ``(n, n)`` flows: a detached part joins the neighbouring area it exchanges most
        with (``T + Tᵀ``). Without it, the neighbour with the largest adjacency weight.
    size
        Size of each unit (default: its residents, the row sums of ``matrix``; one per unit
        without a matrix): the largest part keeps the area.
    min_part_size
        A detached part at least this large becomes an area of its own (default: never, every
        detached part is reattached).
    codes
        Unit codes, to name the islands.
    max_rounds
        Bound on the rounds.
    """
    lab = _check_labels(labels, np.asarray(labels).shape[0], codes)
    n = lab.shape[0]
    adj = sparse.csr_matrix(adjacency, dtype=np.float64)
    if adj.shape != (n, n):
        raise InputError(_MSG_ADJACENCY, n=n, shape=f"{adj.shape[0]} × {adj.shape[1]}")
    adj = abs(adj)
    adj = (adj + adj.T).tocsr()
    adj = (adj - sparse.diags(adj.diagonal())).tocsr()
    adj.eliminate_zeros()
    flows = None
    if matrix is not None:
        fm = _square(matrix)
        if fm.shape[0] != n:
            raise InputError(_MSG_LENGTH, what="matrix", got=fm.shape[0], expected=n)
        flows = (fm + fm.T).tocsr()
        flows = (flows - sparse.diags(flows.diagonal())).tocsr()
        flows.eliminate_zeros()
    if size is not None:
        sz = np.asarray(size, dtype=np.float64).ravel()
        if sz.shape[0] != n:
            raise InputError(_MSG_LENGTH, what="size", got=sz.shape[0], expected=n)
    elif matrix is not None:
        sz = np.asarray(_square(matrix).sum(axis=1)).ravel()
    else:
        sz = np.ones(n)
    reattached: list[IntArray] = []
    split: list[IntArray] = []
    islands = np.zeros(0, dtype=np.int64)
    coo = adj.tocoo()
    rounds = 0
    while rounds < max_rounds:
        rounds += 1
        islands = np.zeros(0, dtype=np.int64)
        same = lab[coo.row] == lab[coo.col]
        within = sparse.csr_matrix(
            (np.ones(int(same.sum())), (coo.row[same], coo.col[same])), shape=(n, n)
        )
        n_parts, part = connected_components(within, directed=False)
        part_area = np.zeros(n_parts, dtype=np.int64)
        part_area[part] = lab
        part_size = np.bincount(part, weights=sz, minlength=n_parts)
        part_first = np.full(n_parts, n, dtype=np.int64)
        np.minimum.at(part_first, part, np.arange(n))
        # The main part of each area: the largest, ties to the part of the lowest unit.
        order = np.lexsort((part_first, -part_size, part_area))
        head = np.r_[True, part_area[order][1:] != part_area[order][:-1]]
        is_main = np.zeros(n_parts, dtype=bool)
        is_main[order[head]] = True
        detached = np.flatnonzero(~is_main)
        if detached.size == 0:
            break
        big = detached[part_size[detached] >= min_part_size]
        small = detached[part_size[detached] < min_part_size]
        changed = False
        if big.size:
            k = int(lab.max()) + 1
            new_label = np.full(n_parts, -1, dtype=np.int64)
            new_label[big] = k + np.arange(big.size)
            move = np.isin(part, big)
            split.append(np.flatnonzero(move))
            lab = np.where(move, new_label[part], lab)
            changed = True
        if small.size:
            k = int(lab.max()) + 1
            # Part → area adjacency and flows, for the small parts only.
            sel = np.isin(part, small)
            p_index = np.full(n_parts, -1, dtype=np.int64)
            p_index[small] = np.arange(small.size)
            rows = p_index[part[coo.row]]
            other = (rows >= 0) & (lab[coo.col] != lab[coo.row])
            nb = sparse.csr_matrix(
                (coo.data[other], (rows[other], lab[coo.col[other]])), shape=(small.size, k)
            )
            nb.sum_duplicates()
            score = nb.copy()
            score.data = np.zeros_like(score.data)
            if flows is not None:
                fc = flows.tocoo()
                fr = p_index[part[fc.row]]
                fo = (fr >= 0) & (lab[fc.col] != lab[fc.row])
                fl = sparse.csr_matrix(
                    (fc.data[fo], (fr[fo], lab[fc.col[fo]])), shape=(small.size, k)
                )
                # Only neighbouring areas are candidates: keep the flows where there is a border.
                score = fl.multiply(nb > 0).tocsr()
            target = np.full(small.size, -1, dtype=np.int64)
            nb_coo = nb.tocoo()
            sc = np.asarray(score[nb_coo.row, nb_coo.col]).ravel() if nb_coo.nnz else np.zeros(0)
            order = np.lexsort((nb_coo.col, -nb_coo.data, -sc, nb_coo.row))
            r_sorted = nb_coo.row[order]
            first = np.r_[True, r_sorted[1:] != r_sorted[:-1]] if r_sorted.size else r_sorted
            target[r_sorted[first]] = nb_coo.col[order][first]
            has = target >= 0
            if has.any():
                move = sel & (target[np.maximum(p_index[part], 0)] >= 0)
                reattached.append(np.flatnonzero(move))
                lab = np.where(move, target[np.maximum(p_index[part], 0)], lab)
                changed = True
            islands = np.flatnonzero(sel & ~has[np.maximum(p_index[part], 0)])
        if not changed:
            break
        lab = _relabel(lab)
    warnings: list[Message] = []
    if islands.size:
        warnings.append(
            Message(_MSG_ISLANDS, {"n": int(islands.size), "names": _names(codes, islands)})
        )
    lab = _relabel(lab)

    def _all(parts: list[IntArray]) -> IntArray:
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    return ContiguityResult(
        labels=lab,
        n_areas=int(lab.max()) + 1 if n else 0,
        reattached=_all(reattached),
        split=_all(split),
        islands=islands.astype(np.int64),
        rounds=rounds,
        warnings=warnings,
    )


# ---------------------------------------------------------------------------------------------
# (d) Agreement with an official zoning
# ---------------------------------------------------------------------------------------------


def contingency(
    a: ArrayLike, b: ArrayLike, weights: Optional[ArrayLike] = None
) -> tuple[sparse.csr_matrix, NDArray[Any], NDArray[Any]]:
    """Contingency table of two labelings of the same units: ``(table, a's classes, b's
    classes)``, ``table[i, j]`` = units (or their weights) in class ``i`` of ``a`` and ``j`` of
    ``b``."""
    a_arr, b_arr = np.asarray(a), np.asarray(b)
    if a_arr.shape[0] != b_arr.shape[0]:
        raise InputError(_MSG_LENGTH, what="zoning", got=b_arr.shape[0], expected=a_arr.shape[0])
    ca, ia = np.unique(a_arr, return_inverse=True)
    cb, ib = np.unique(b_arr, return_inverse=True)
    w = np.ones(a_arr.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64)
    table = sparse.csr_matrix((w, (ia, ib)), shape=(ca.shape[0], cb.shape[0]))
    table.sum_duplicates()
    return table, ca, cb


def _comb2(x: FloatArray) -> FloatArray:
    return x * (x - 1.0) / 2.0


def adjusted_rand_index(a: ArrayLike, b: ArrayLike) -> float:
    """Adjusted Rand index of two partitions (Hubert & Arabie 1985): 1 identical, ≈ 0 random.
    1 when both put every unit in one class, or each unit in its own (as scikit-learn)."""
    table, _, _ = contingency(a, b)
    n = float(table.sum())
    index = float(_comb2(table.data).sum())
    sum_a = float(_comb2(np.asarray(table.sum(axis=1)).ravel()).sum())
    sum_b = float(_comb2(np.asarray(table.sum(axis=0)).ravel()).sum())
    total = _comb2(np.array([n]))[0]
    expected = sum_a * sum_b / total if total > 0 else 0.0
    maximum = (sum_a + sum_b) / 2.0
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def normalized_mutual_information(a: ArrayLike, b: ArrayLike) -> float:
    """Normalised mutual information ``MI / ((H_a + H_b) / 2)`` (natural logarithm): 1 identical,
    0 independent; 1 when both have a single class."""
    table, _, _ = contingency(a, b)
    n = float(table.sum())
    pa = np.asarray(table.sum(axis=1)).ravel() / n
    pb = np.asarray(table.sum(axis=0)).ravel() / n
    h_a = float(-np.sum(pa[pa > 0] * np.log(pa[pa > 0])))
    h_b = float(-np.sum(pb[pb > 0] * np.log(pb[pb > 0])))
    if h_a == 0.0 and h_b == 0.0:
        return 1.0
    coo = table.tocoo()
    p = coo.data / n
    mi = float(np.sum(p * (np.log(p) - np.log(pa[coo.row]) - np.log(pb[coo.col]))))
    return max(mi, 0.0) / ((h_a + h_b) / 2.0)


@dataclass(eq=False)
class Agreement:
    """:func:`compare_partitions`: ARI, NMI and the sizes of both partitions."""

    adjusted_rand_index: float
    normalized_mutual_information: float
    n_areas: int
    n_zones: int


def compare_partitions(areas: ArrayLike, zones: ArrayLike) -> Agreement:
    """Agreement of functional areas with an official zoning over the same units."""
    a, z = np.asarray(areas), np.asarray(zones)
    return Agreement(
        adjusted_rand_index=adjusted_rand_index(a, z),
        normalized_mutual_information=normalized_mutual_information(a, z),
        n_areas=int(np.unique(a).shape[0]),
        n_zones=int(np.unique(z).shape[0]),
    )


@dataclass(eq=False)
class ZoneCuts:
    """Where functional areas cut an official zoning (:func:`zone_cuts`).

    Attributes
    ----------
    areas, zones
        The area labels and zone codes (sorted), the index of the arrays below.
    zone_n_areas
        Per zone, the number of areas its units fall in (> 1: the zone is cut).
    zone_main_area, zone_main_share
        Per zone, the area holding most of its weight, and that share.
    area_zones
        Per area, the zones it overlaps (codes, heaviest first).
    area_zones_cut
        Per area, the zones it overlaps that are cut (also in another area).
    area_main_zone, area_main_share
        Per area, its heaviest zone and that zone's share of the area.
    unit_off_main
        Per unit, whether it lies outside its zone's main area (the units to show on a map).
    """

    areas: NDArray[Any]
    zones: NDArray[Any]
    zone_n_areas: IntArray
    zone_main_area: NDArray[Any]
    zone_main_share: FloatArray
    area_zones: list[list[str]]
    area_zones_cut: list[list[str]]
    area_main_zone: NDArray[Any]
    area_main_share: FloatArray
    unit_off_main: BoolArray


def zone_cuts(areas: ArrayLike, zones: ArrayLike, weights: Optional[ArrayLike] = None) -> ZoneCuts:
    """Per zone the areas it is split into, per area the zones it cuts, per unit whether it is
    outside its zone's main area. ``weights`` (e.g. population) weigh the shares (default: one
    per unit); ties go to the first area / zone in sorted order."""
    table, ca, cz = contingency(areas, zones, weights)
    csc = table.tocsc()
    coo = table.tocoo()
    zone_n = np.diff(csc.indptr).astype(np.int64)
    # Heaviest area of each zone (column) and zone of each area (row).
    order = np.lexsort((coo.row, -coo.data, coo.col))
    head = np.r_[True, coo.col[order][1:] != coo.col[order][:-1]]
    zone_main = np.zeros(cz.shape[0], dtype=np.int64)
    zone_main[coo.col[order][head]] = coo.row[order][head]
    zone_total = np.asarray(table.sum(axis=0)).ravel()
    zone_main_w = np.zeros(cz.shape[0])
    zone_main_w[coo.col[order][head]] = coo.data[order][head]
    order_r = np.lexsort((coo.col, -coo.data, coo.row))
    head_r = np.r_[True, coo.row[order_r][1:] != coo.row[order_r][:-1]]
    area_main = np.zeros(ca.shape[0], dtype=np.int64)
    area_main[coo.row[order_r][head_r]] = coo.col[order_r][head_r]
    area_total = np.asarray(table.sum(axis=1)).ravel()
    area_main_w = np.zeros(ca.shape[0])
    area_main_w[coo.row[order_r][head_r]] = coo.data[order_r][head_r]
    zone_codes = [str(z) for z in cz.tolist()]
    rows_sorted, cols_sorted = coo.row[order_r], coo.col[order_r]
    area_zones: list[list[str]] = [[] for _ in range(ca.shape[0])]
    area_cut: list[list[str]] = [[] for _ in range(ca.shape[0])]
    for r, c in zip(rows_sorted.tolist(), cols_sorted.tolist()):
        area_zones[r].append(zone_codes[c])
        if zone_n[c] > 1:
            area_cut[r].append(zone_codes[c])
    a_idx = np.searchsorted(ca, np.asarray(areas))
    z_idx = np.searchsorted(cz, np.asarray(zones))
    with np.errstate(divide="ignore", invalid="ignore"):
        zone_share = np.where(zone_total > 0, zone_main_w / zone_total, np.nan)
        area_share = np.where(area_total > 0, area_main_w / area_total, np.nan)
    return ZoneCuts(
        areas=ca,
        zones=cz,
        zone_n_areas=zone_n,
        zone_main_area=ca[zone_main],
        zone_main_share=zone_share,
        area_zones=area_zones,
        area_zones_cut=area_cut,
        area_main_zone=cz[area_main],
        area_main_share=area_share,
        unit_off_main=zone_main[z_idx] != a_idx,
    )
