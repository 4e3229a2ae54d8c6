"""Local sourcing: match the surpluses of some territories with the deficits of others nearby.

One problem per product family (a surplus of cereals never covers a deficit of vegetables: the
non-compensation rule, METHODS §2.3). For a family, territory ``i`` has a surplus ``Δ⁺_i`` and
territory ``j`` a deficit ``Δ⁻_j``; a pair may carry produce only if its cost ``c_ij`` is within
the short-chain radius ``D``. The flows ``x_ij`` form a **min-cost maximum matching**::

    maximise Σ x_ij, then minimise Σ c_ij · x_ij    over the allowed pairs (c_ij ≤ D)
    s.t.     Σ_j x_ij ≤ Δ⁺_i,   Σ_i x_ij ≤ Δ⁻_j,   x ≥ 0

Requiring the full volume ``Σ x = min(ΣΔ⁺, ΣΔ⁻)`` is infeasible as soon as the radius blocks a
match (SUPPLY_AND_COMPLEMENTARITY §B4): what cannot be matched within ``D`` is reported as
unmatched surplus and deficit, never forced.

Solvers
-------
* ``"network_simplex"`` (the default when numba is installed): a primal network simplex compiled
  with numba (block-search pivots and a strongly feasible spanning tree, the design of LEMON's
  ``NetworkSimplex`` that POT's ``ot.emd`` also uses). The problem is put in network form with one
  extra node, the *root*: every surplus territory has an arc to the root (unmatched surplus) and the
  root an arc to every deficit territory (unmatched deficit). These arcs are the starting spanning
  tree and cost ``(1, 0)``; a real pair costs ``(0, c_ij)``. Costs are compared
  **lexicographically** (volume first, then cost), so no "big M" is needed and the cost part keeps
  its full precision. The result is checked (primal feasibility, dual feasibility, complementary
  slackness) before it is returned; a failed check falls back to HiGHS.
* ``"highs"`` (the fallback without numba, or on request): ``scipy.optimize.linprog`` with
  ``method="highs"`` on the sparse allowed pairs, one LP with the objective ``c' − M`` (costs
  scaled to ``c' ∈ [0, 1]``). ``M > max c`` is **not** enough: an augmenting path of ``k`` pairs can
  cost up to ``k · max c`` more than the flow it extends (the 2 × 2 example of the tests), so ``M``
  is ``K + 1`` where ``K`` is the largest ``min(#surplus, #deficit)`` over the connected components
  of the allowed pairs (no augmenting path has more pairs than that).

  HiGHS' tolerances are absolute (1e-7), so the volumes are scaled to a largest balance of 1.

Both give an optimal vertex: on 800 random cases (ties, zero costs, unit and 1e±6 volumes) their
matched volumes and costs agreed within 1e-15; the tests hold them to 1e-9 against an
independent maximum flow (networkx) and a two-phase LP. Indicative times on a shared 2-core
machine (``bench/bench_supply_sourcing.py``): 1,254 territories with every surplus → deficit
pair allowed (393,000 pairs) 0.19 s against 17 s for HiGHS; 35,000 territories, 20 km radius
(686,000 pairs) 2.5 s against 58 s. POT's ``ot.emd`` (C++ LEMON) takes 0.05 s on the first but
needs a dense cost matrix and a new dependency; the compiled kernel needs only numba, already the
plugin's optional accelerator, and works on sparse pairs.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, Canceled, InputError, Message
from ..routing.costs import CostPairs
from ..routing.search import NO_NUMBA_ENV

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]
BalanceLike = Union[Mapping[str, ArrayLike], ArrayLike]

#: Solver names accepted by :func:`local_sourcing`.
SOLVERS = ("auto", "network_simplex", "highs")
#: Pivots of the network simplex between two checks of ``is_canceled`` (≈ 0.3 s at 35,000
#: territories).
_PIVOT_CHUNK = 20_000
#: Relative tolerance on reduced costs (costs scaled to [0, 1]): a pivot must gain more than this.
_EPS = 1e-11
#: Flows and leftovers smaller than this fraction of the largest balance are rounding noise.
_NOISE = 1e-12


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass
class SourcingResult:
    """Flows and balances of a local-sourcing run, all families together.

    Territories are the rows of the balances given to :func:`local_sourcing`; ``F`` is the
    number of families. Volumes are in the unit of the balances (ha, t…), costs in the unit of
    the pairs' costs (m, km, minutes): ``total_cost`` is then in ha·km (or ha·m, ha·min…).

    Attributes
    ----------
    families
        Family names, in the order of the columns below.
    flow_family, flow_origin, flow_destination, flow_volume, flow_cost
        One row per flow that carries produce (``volume > 0``): family index, supplying
        territory, receiving territory, volume, and the cost of the pair (per unit of volume).
        Sorted by family, then origin, then destination.
    matched, total_cost, mean_cost
        Per family: matched volume ``Σ x``, cost ``Σ c·x`` and volume-weighted mean cost
        (NaN when nothing is matched).
    surplus, deficit
        ``(n, F)``: ``Δ⁺`` and ``Δ⁻`` per territory (0 where the territory has none).
    sent, received
        ``(n, F)``: volume each territory sends (as a surplus) and receives (as a deficit).
    unmatched_surplus, unmatched_deficit
        ``(n, F)``: ``Δ⁺ − sent`` and ``Δ⁻ − received``.
    covered_share
        ``(n, F)``: ``received / Δ⁻``, the share of each deficit covered within the radius
        (NaN where the territory has no deficit).
    solver
        Per family: ``"network_simplex"``, ``"highs"`` or ``""`` (nothing to solve).
    messages
        Families with nothing to match (no surplus, no deficit, no pair within the radius), or a
        solver fallback. Never an error: an empty result is a valid answer.
    """

    families: list[str]
    flow_family: IntArray
    flow_origin: IntArray
    flow_destination: IntArray
    flow_volume: FloatArray
    flow_cost: FloatArray
    matched: FloatArray
    total_cost: FloatArray
    mean_cost: FloatArray
    surplus: FloatArray
    deficit: FloatArray
    sent: FloatArray
    received: FloatArray
    unmatched_surplus: FloatArray
    unmatched_deficit: FloatArray
    covered_share: FloatArray
    solver: list[str]
    messages: list[Message] = field(default_factory=list)

    @property
    def n_flows(self) -> int:
        """Number of flows (rows of the ``flow_*`` arrays)."""
        return int(self.flow_volume.shape[0])

    def family_flows(self, family: str) -> tuple[IntArray, IntArray, FloatArray, FloatArray]:
        """``origin, destination, volume, cost`` of the flows of one family."""
        k = self.families.index(family)
        sel = self.flow_family == k
        return (
            self.flow_origin[sel],
            self.flow_destination[sel],
            self.flow_volume[sel],
            self.flow_cost[sel],
        )


@dataclass
class _Solved:
    """One family's solution on its arcs: volume per arc and the solver used."""

    volume: FloatArray
    solver: str
    messages: list[Message] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Input checks
# ---------------------------------------------------------------------------------------------


def _balances(balance: BalanceLike, n: int) -> tuple[list[str], FloatArray]:
    """Family names and the ``(n, F)`` matrix of balances, checked."""
    if hasattr(balance, "columns") and hasattr(balance, "to_numpy"):  # a pandas DataFrame
        names = [str(c) for c in balance.columns]
        columns = [np.asarray(balance[c], dtype=np.float64) for c in balance.columns]
    elif isinstance(balance, Mapping):
        names = [str(k) for k in balance]
        columns = [np.asarray(v, dtype=np.float64) for v in balance.values()]
    else:
        arr = np.asarray(balance, dtype=np.float64)
        if arr.ndim == 1:
            arr = arr[:, None]
        if arr.ndim != 2:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "The balances must be one value per territory, or one column per family.",
                )
            )
        names = [str(k) for k in range(arr.shape[1])]
        columns = [arr[:, k] for k in range(arr.shape[1])]
    if not columns:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Give at least one product family."))
    if len(set(names)) != len(names):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Product families must have distinct names.")
        )
    for name, col in zip(names, columns):
        if col.shape != (n,):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{family}: {got} balances for {expected} territories in the travel costs.",
                ),
                family=name,
                got=col.size,
                expected=n,
            )
        bad = np.flatnonzero(~np.isfinite(col))
        if bad.size:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{family}: missing or infinite surplus/deficit values."
                ),
                bad,
                family=name,
            )
    return names, np.column_stack(columns)


def _arcs(pairs: CostPairs, max_cost: float | None) -> tuple[IntArray, IntArray, FloatArray]:
    """The pairs within ``max_cost``, checked, without self-pairs and duplicates (the cheapest
    kept), sorted by origin then destination."""
    if not isinstance(pairs, CostPairs):
        raise TypeError("pairs must be a CostPairs (routing.costs.pairs_within, TravelCosts.pairs)")
    n = int(pairs.n_origins)
    if pairs.n_destinations != n:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "The travel costs must go from the territories to the same territories "
                "({n_o} origins, {n_d} destinations).",
            ),
            n_o=pairs.n_origins,
            n_d=pairs.n_destinations,
        )
    o = np.asarray(pairs.origin, dtype=np.int64)
    d = np.asarray(pairs.destination, dtype=np.int64)
    c = np.asarray(pairs.cost, dtype=np.float64)
    if not (o.shape == d.shape == c.shape) or o.ndim != 1:
        raise ValueError("CostPairs arrays must be 1-D and of the same length")
    if o.size and (o.min() < 0 or d.min() < 0 or o.max() >= n or d.max() >= n):
        raise ValueError("CostPairs indices out of range")
    bad = np.flatnonzero(~(c >= 0) | np.isinf(c))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Travel costs must be finite and not negative."),
            np.unique(o[bad]),
        )
    if max_cost is not None:
        if not max_cost >= 0:
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "The radius must be a number of at least 0.")
            )
        keep = (c <= max_cost) & (o != d)
    else:
        keep = o != d
    o, d, c = o[keep], d[keep], c[keep]
    key = o * n + d
    if key.size > 1 and not (key[1:] > key[:-1]).all():
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        if (sorted_key[1:] == sorted_key[:-1]).any():
            # Duplicated pairs: the cheapest of each comes first, the others are dropped.
            order = np.lexsort((c, key))
            sorted_key = key[order]
            first = np.ones(order.size, dtype=bool)
            first[1:] = sorted_key[1:] != sorted_key[:-1]
            order = order[first]
        o, d, c = o[order], d[order], c[order]
    return o, d, c


# ---------------------------------------------------------------------------------------------
# Network simplex (compiled with numba on first use)
# ---------------------------------------------------------------------------------------------

_TREE, _LOWER = 0, 1
_OPTIMAL, _MORE, _UNBOUNDED = 0, 1, 2


def _simplex_pivots(  # pragma: no cover - compiled
    src,
    tgt,
    cost_a,
    cost_c,
    flow,
    state,
    pi_a,
    pi_c,
    parent,
    pred,
    thread,
    rev_thread,
    succ_num,
    last_succ,
    forward,
    dirty,
    initial,
    ints,
    max_pivots,
    eps,
):
    """Run at most ``max_pivots`` pivots of the primal network simplex.

    Arcs have no capacity; costs are pairs ``(cost_a, cost_c)`` compared lexicographically, as are
    the potentials ``(pi_a, pi_c)``; the reduced cost of arc ``e`` is
    ``cost(e) + pi(src[e]) − pi(tgt[e])``. The spanning tree is stored as parent / predecessor arc
    / thread (preorder) / reverse thread / subtree size / last successor, and kept strongly
    feasible by the choice of the leaving arc (the last blocking arc met from the join node in the
    direction of the cycle), which rules out cycling. ``initial`` lists arcs tried first (the
    cheapest arc into each deficit); ``ints`` holds ``[next arc of the block search, block size,
    next initial arc, pivots done]`` between calls.

    Returns 0 when optimal, 1 when ``max_pivots`` were done, 2 when unbounded (impossible here).
    """
    m_all = src.shape[0]
    block = ints[1]
    n_init = initial.shape[0]
    pivots = 0
    while pivots < max_pivots:
        # ---- entering arc
        e_in = -1
        if ints[2] < n_init:
            e = initial[ints[2]]
            ints[2] += 1
            if state[e] != 1:
                continue
            s = src[e]
            t = tgt[e]
            ra = cost_a[e] + pi_a[s] - pi_a[t]
            rc = cost_c[e] + pi_c[s] - pi_c[t]
            scale = max(1.0, abs(pi_c[s]), abs(pi_c[t]))
            if ra < 0 or (ra == 0 and rc < -eps * scale):
                e_in = e
            else:
                continue
        else:
            best_a = 0
            best_c = 0.0
            best = -1
            e = ints[0]
            cnt = block
            for _ in range(m_all):
                if state[e] == 1:
                    s = src[e]
                    t = tgt[e]
                    ra = cost_a[e] + pi_a[s] - pi_a[t]
                    if ra <= best_a:
                        rc = cost_c[e] + pi_c[s] - pi_c[t]
                        if ra < best_a or rc < best_c:
                            best_a = ra
                            best_c = rc
                            best = e
                e += 1
                if e == m_all:
                    e = 0
                cnt -= 1
                if cnt == 0:
                    if best >= 0:
                        scale = max(1.0, abs(pi_c[src[best]]), abs(pi_c[tgt[best]]))
                        if best_a < 0 or best_c < -eps * scale:
                            e_in = best
                            break
                    cnt = block
            if e_in < 0 and best >= 0:
                scale = max(1.0, abs(pi_c[src[best]]), abs(pi_c[tgt[best]]))
                if best_a < 0 or best_c < -eps * scale:
                    e_in = best
            if e_in < 0:
                ints[3] += pivots
                return 0
            ints[0] = e

        # ---- join node: the first common ancestor of the entering arc's ends
        u = src[e_in]
        v = tgt[e_in]
        while u != v:
            if succ_num[u] < succ_num[v]:
                u = parent[u]
            else:
                v = parent[v]
        join = u

        # ---- leaving arc (flow pushed from src to tgt along the entering arc)
        first = src[e_in]
        second = tgt[e_in]
        delta = np.inf
        result = 0
        u_out = -1
        u = first
        while u != join:
            if forward[u]:
                d = flow[pred[u]]
                if d < delta:
                    delta = d
                    u_out = u
                    result = 1
            u = parent[u]
        u = second
        while u != join:
            if not forward[u]:
                d = flow[pred[u]]
                if d <= delta:
                    delta = d
                    u_out = u
                    result = 2
            u = parent[u]
        if result == 0:
            ints[3] += pivots
            return 2
        if result == 1:
            u_in = first
            v_in = second
        else:
            u_in = second
            v_in = first

        # ---- change the flow around the cycle
        if delta > 0:
            flow[e_in] += delta
            u = first
            while u != join:
                a = pred[u]
                if forward[u]:
                    flow[a] -= delta
                else:
                    flow[a] += delta
                u = parent[u]
            u = second
            while u != join:
                a = pred[u]
                if forward[u]:
                    flow[a] += delta
                else:
                    flow[a] -= delta
                u = parent[u]
        state[e_in] = 0
        out_arc = pred[u_out]
        state[out_arc] = 1
        flow[out_arc] = 0.0

        # ---- update the tree: the subtree of u_out hangs from v_in through u_in now
        old_rev_thread = rev_thread[u_out]
        old_succ_num = succ_num[u_out]
        old_last_succ = last_succ[u_out]
        v_out = parent[u_out]

        u = last_succ[u_in]
        right = thread[u]
        last = thread[last_succ[u_out]] if old_rev_thread == v_in else thread[v_in]

        thread[v_in] = u_in
        stem = u_in
        n_dirty = 0
        dirty[n_dirty] = v_in
        n_dirty += 1
        par_stem = v_in
        while stem != u_out:
            new_stem = parent[stem]
            thread[u] = new_stem
            dirty[n_dirty] = u
            n_dirty += 1
            w = rev_thread[stem]
            thread[w] = right
            rev_thread[right] = w
            parent[stem] = par_stem
            par_stem = stem
            stem = new_stem
            u = rev_thread[par_stem] if last_succ[stem] == last_succ[par_stem] else last_succ[stem]
            right = thread[u]
        parent[u_out] = par_stem
        thread[u] = last
        rev_thread[last] = u
        last_succ[u_out] = u

        if old_rev_thread != v_in:
            thread[old_rev_thread] = right
            rev_thread[right] = old_rev_thread

        for k in range(n_dirty):
            u = dirty[k]
            rev_thread[thread[u]] = u

        tmp_sc = 0
        tmp_ls = last_succ[u_out]
        u = u_out
        while u != u_in:
            w = parent[u]
            pred[u] = pred[w]
            forward[u] = not forward[w]
            tmp_sc += succ_num[u] - succ_num[w]
            succ_num[u] = tmp_sc
            last_succ[w] = tmp_ls
            u = w
        pred[u_in] = e_in
        forward[u_in] = u_in == src[e_in]
        succ_num[u_in] = old_succ_num

        up_limit_in = -1
        up_limit_out = -1
        if last_succ[join] == v_in:
            up_limit_out = join
        else:
            up_limit_in = join

        u = v_in
        while u != up_limit_in and last_succ[u] == v_in:
            last_succ[u] = last_succ[u_out]
            u = parent[u]
        u = v_out
        if join != old_rev_thread and v_in != old_rev_thread:
            while u != up_limit_out and last_succ[u] == old_last_succ:
                last_succ[u] = old_rev_thread
                u = parent[u]
        else:
            while u != up_limit_out and last_succ[u] == old_last_succ:
                last_succ[u] = last_succ[u_out]
                u = parent[u]

        u = v_in
        while u != join:
            succ_num[u] += old_succ_num
            u = parent[u]
        u = v_out
        while u != join:
            succ_num[u] -= old_succ_num
            u = parent[u]

        # ---- potentials of the moved subtree
        if forward[u_in]:
            sig_a = pi_a[v_in] - pi_a[u_in] - cost_a[e_in]
            sig_c = pi_c[v_in] - pi_c[u_in] - cost_c[e_in]
        else:
            sig_a = pi_a[v_in] - pi_a[u_in] + cost_a[e_in]
            sig_c = pi_c[v_in] - pi_c[u_in] + cost_c[e_in]
        end = thread[last_succ[u_in]]
        u = u_in
        while u != end:
            pi_a[u] += sig_a
            pi_c[u] += sig_c
            u = thread[u]
        pivots += 1
    ints[3] += pivots
    return 1


def _cheapest_into(d_loc, cost, nd):  # pragma: no cover - compiled
    """Per deficit node, the index of its cheapest incoming arc (-1 if none): one pass."""
    best = np.full(nd, -1, dtype=np.int64)
    for k in range(d_loc.shape[0]):
        j = d_loc[k]
        b = best[j]
        if b < 0 or cost[k] < cost[b]:
            best[j] = k
    return best


@dataclass(frozen=True)
class _Kernels:
    """The compiled functions: the pivots and the first-pivot candidates."""

    pivots: Any
    cheapest_into: Any


_KERNEL: Optional[_Kernels] = None
_KERNEL_TRIED = False
_KERNEL_LOCK = threading.Lock()


def _compiled_kernel() -> Optional[_Kernels]:
    """The compiled network simplex, or None (numba missing, unusable, or switched off)."""
    global _KERNEL, _KERNEL_TRIED
    if os.environ.get(NO_NUMBA_ENV, "").strip() not in ("", "0"):
        return None
    if not _KERNEL_TRIED:
        with _KERNEL_LOCK:
            if not _KERNEL_TRIED:
                try:
                    from numba import njit

                    # numba's disk cache names entries after the function's qualified name: tag
                    # it with this module's name (the plugin and the tests import it under two).
                    tag = "m" + format(zlib.crc32(__name__.encode("utf-8")), "08x")
                    compiled = []
                    for fn in (_simplex_pivots, _cheapest_into):
                        fn.__qualname__ = f"{fn.__name__}_{tag}"
                        compiled.append(njit(nogil=True, cache=True)(fn))
                    kernel = _Kernels(*compiled)
                    _self_check(kernel)
                except Exception:  # numba missing, or unusable here (broken LLVM, no cache dir)
                    kernel = None
                _KERNEL = kernel
                _KERNEL_TRIED = True
    return _KERNEL


def accelerated() -> bool:
    """True when :func:`local_sourcing` can use the compiled network simplex (numba installed and
    working, and ``RETERR_NO_NUMBA`` not set); False means HiGHS for everything."""
    return _compiled_kernel() is not None


def _self_check(kernel: _Kernels) -> None:
    """Solve a 2 × 2 case whose answer is known (compiles the kernel on first use)."""
    # Surpluses A=1, B=1; deficits X=1, Y=1; pairs A→X 0, A→Y 1, B→X 1: volume 2, cost 2.
    vol = _network_simplex(
        kernel,
        2,
        2,
        np.array([0, 0, 1]),
        np.array([0, 1, 0]),
        np.array([0.0, 1.0, 1.0]),
        np.array([1.0, 1.0]),
        np.array([1.0, 1.0]),
    )
    if vol is None or not np.allclose(vol, [0.0, 1.0, 1.0]):
        raise RuntimeError("network simplex self-check failed")


def _network_simplex(
    kernel: _Kernels,
    ns: int,
    nd: int,
    s_loc: IntArray,
    d_loc: IntArray,
    cost: FloatArray,
    surplus: FloatArray,
    deficit: FloatArray,
    is_canceled: IsCanceled = None,
    progress: Progress = None,
) -> FloatArray | None:
    """Volumes on the arcs ``s_loc[k] → d_loc[k]`` of the min-cost maximum matching, or None
    when the solution fails its optimality check (the caller then uses HiGHS).

    ``cost`` is scaled to [0, 1]; surpluses and deficits are > 0.
    """
    m = int(cost.shape[0])
    n = ns + nd
    root = n
    idx = np.int64
    src = np.empty(m + n, dtype=idx)
    tgt = np.empty(m + n, dtype=idx)
    src[:m] = s_loc
    tgt[:m] = d_loc + ns
    # Artificial arcs, the first spanning tree: surplus → root, root → deficit, cost (1, 0).
    src[m : m + ns] = np.arange(ns)
    tgt[m : m + ns] = root
    src[m + ns :] = root
    tgt[m + ns :] = np.arange(ns, n)
    cost_a = np.zeros(m + n, dtype=idx)
    cost_a[m:] = 1
    cost_c = np.zeros(m + n, dtype=np.float64)
    cost_c[:m] = cost
    flow = np.zeros(m + n, dtype=np.float64)
    flow[m : m + ns] = surplus
    flow[m + ns :] = deficit
    state = np.full(m + n, _LOWER, dtype=np.int8)
    state[m:] = _TREE
    pi_a = np.zeros(n + 1, dtype=idx)
    pi_a[:ns] = -1
    pi_a[ns:n] = 1
    pi_c = np.zeros(n + 1, dtype=np.float64)
    parent = np.full(n + 1, root, dtype=idx)
    parent[root] = -1
    pred = np.empty(n + 1, dtype=idx)
    pred[:n] = np.arange(m, m + n)
    pred[root] = -1
    thread = np.arange(1, n + 2, dtype=idx)
    thread[root] = 0
    rev_thread = np.arange(-1, n, dtype=idx)
    rev_thread[0] = root
    succ_num = np.ones(n + 1, dtype=idx)
    succ_num[root] = n + 1
    last_succ = np.arange(n + 1, dtype=idx)
    last_succ[root] = n - 1
    forward = np.zeros(n + 1, dtype=np.bool_)
    forward[:ns] = True
    dirty = np.empty(n + 1, dtype=idx)
    # First pivots: the cheapest arc into each deficit (LEMON's initial pivots).
    initial = kernel.cheapest_into(d_loc, cost, nd)
    block = max(int(np.sqrt(m + n)), 10)
    ints = np.array([0, block, 0, 0], dtype=idx)
    budget = 50 * (m + n) + 100_000  # far beyond what a non-cycling run needs
    while True:
        if is_canceled is not None and is_canceled():
            raise Canceled()
        status = kernel.pivots(
            src,
            tgt,
            cost_a,
            cost_c,
            flow,
            state,
            pi_a,
            pi_c,
            parent,
            pred,
            thread,
            rev_thread,
            succ_num,
            last_succ,
            forward,
            dirty,
            initial,
            ints,
            _PIVOT_CHUNK,
            _EPS,
        )
        if status == _OPTIMAL:
            break
        if status != _MORE or ints[3] > budget:
            return None
        if progress is not None:
            progress(min(0.95, ints[3] / (5.0 * n + 1.0)))  # ~5 pivots per node seen
    # Optimality certificate: conservation, dual feasibility, complementary slackness.
    scale = max(float(surplus.max()), float(deficit.max()))
    net = np.bincount(src, weights=flow, minlength=n + 1) - np.bincount(
        tgt, weights=flow, minlength=n + 1
    )
    expect = np.concatenate((surplus, -deficit, [deficit.sum() - surplus.sum()]))
    if np.abs(net - expect).max() > 1e-9 * scale * max(1.0, np.sqrt(n)):
        return None
    ra = cost_a + pi_a[src] - pi_a[tgt]
    rc = cost_c + pi_c[src] - pi_c[tgt]
    tol = 1e-8 * np.maximum(1.0, np.maximum(np.abs(pi_c[src]), np.abs(pi_c[tgt])))
    if ((ra < 0) | ((ra == 0) & (rc < -tol))).any():
        return None
    used = flow > _NOISE * scale
    if (ra[used] != 0).any() or (np.abs(rc[used]) > tol[used]).any():
        return None
    return flow[:m]


# ---------------------------------------------------------------------------------------------
# HiGHS
# ---------------------------------------------------------------------------------------------


def _highs(
    ns: int,
    nd: int,
    s_loc: IntArray,
    d_loc: IntArray,
    cost: FloatArray,
    surplus: FloatArray,
    deficit: FloatArray,
) -> FloatArray:
    """Volumes of the min-cost maximum matching by one HiGHS LP, objective ``c' − M``.

    ``cost`` is scaled to [0, 1] (and the volumes inside); ``M = K + 1`` with ``K`` the largest ``min(#surplus,
    #deficit)`` of a connected component of the pairs: an augmenting path has at most ``K`` pairs,
    so one more unit of volume always outweighs any change of cost.
    """
    from scipy import sparse
    from scipy.optimize import linprog
    from scipy.sparse.csgraph import connected_components

    m = int(cost.shape[0])
    n = ns + nd
    rows = np.concatenate((s_loc, d_loc + ns))
    cols = np.concatenate((np.arange(m), np.arange(m)))
    a_ub = sparse.csr_matrix((np.ones(2 * m), (rows, cols)), shape=(n, m))
    graph = sparse.csr_matrix((np.ones(m), (s_loc, d_loc + ns)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    n_s = np.bincount(label[:ns], minlength=label.max() + 1)
    n_d = np.bincount(label[ns:], minlength=label.max() + 1)
    big = float(np.minimum(n_s, n_d).max()) + 1.0
    # HiGHS' tolerances are absolute (1e-7): volumes are scaled to a largest balance of 1.
    unit = max(float(surplus.max()), float(deficit.max()))
    res = linprog(
        cost - big,
        A_ub=a_ub,
        b_ub=np.concatenate((surplus, deficit)) / unit,
        bounds=(0, None),
        method="highs",
    )
    if res.status != 0 or res.x is None:
        raise RuntimeError(f"HiGHS could not solve the matching: {res.message}")
    return np.maximum(np.asarray(res.x, dtype=np.float64), 0.0) * unit


# ---------------------------------------------------------------------------------------------
# One family, then all
# ---------------------------------------------------------------------------------------------


def _solve(
    s_loc: IntArray,
    d_loc: IntArray,
    cost: FloatArray,
    surplus: FloatArray,
    deficit: FloatArray,
    solver: str,
    is_canceled: IsCanceled,
    progress: Progress,
) -> _Solved:
    """Volumes per arc of one family's problem (nodes and arcs already reduced)."""
    ns, nd = surplus.size, deficit.size
    top = float(cost.max()) if cost.size else 0.0
    scaled = cost / top if top > 0 else np.zeros_like(cost)
    messages: list[Message] = []
    if solver in ("auto", "network_simplex"):
        kernel = _compiled_kernel()
        if kernel is not None:
            vol = _network_simplex(
                kernel, ns, nd, s_loc, d_loc, scaled, surplus, deficit, is_canceled, progress
            )
            if vol is not None:
                return _Solved(vol, "network_simplex")
            messages.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine",
                        "The network simplex did not prove its solution optimal: solved again "
                        "with HiGHS.",
                    )
                )
            )
        elif solver == "network_simplex":
            messages.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine",
                        "The compiled solver needs numba, which is not installed or switched "
                        "off: solved with HiGHS (slower on large problems).",
                    )
                )
            )
    if is_canceled is not None and is_canceled():
        raise Canceled()
    return _Solved(_highs(ns, nd, s_loc, d_loc, scaled, surplus, deficit), "highs", messages)


def _local(rows: IntArray, n: int) -> tuple[IntArray, IntArray]:
    """The distinct values of ``rows`` (ascending) and each row's position among them."""
    mark = np.zeros(n, dtype=bool)
    mark[rows] = True
    lookup = np.cumsum(mark, dtype=np.int64) - 1
    return np.flatnonzero(mark).astype(np.int64), lookup[rows]


def local_sourcing(
    balance: BalanceLike,
    pairs: CostPairs,
    max_cost: float | None = None,
    *,
    solver: str = "auto",
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> SourcingResult:
    """Match surpluses with deficits within a radius: min-cost maximum matching per family.

    Parameters
    ----------
    balance
        Production minus needs per territory: a DataFrame (one column per family), a mapping
        ``family → (n,) values``, or an ``(n,)`` / ``(n, F)`` array (families named ``"0"``,
        ``"1"``…). Positive: surplus ``Δ⁺``; negative: deficit ``Δ⁻ = −balance``; zero: neither.
        Families are independent problems (a surplus never covers another family's deficit).
    pairs
        Costs from territory to territory (origins and destinations are both the ``n``
        territories, in the order of ``balance``; origin = the supplying territory): from
        :func:`~reterr_qgis.engine.routing.costs.pairs_within` (straight line) or
        :meth:`~reterr_qgis.engine.routing.travel.TravelCosts.pairs` (road times). Only the
        pairs listed can carry produce; self-pairs are ignored, and of duplicates the cheapest is
        kept.
    max_cost
        The radius ``D``: pairs costing more are dropped (inclusive, ``c ≤ D``). None keeps every
        pair given.
    solver
        ``"auto"`` (the compiled network simplex when numba works, else HiGHS),
        ``"network_simplex"`` (same, with a message when it falls back) or ``"highs"``.
    progress, is_canceled
        Callbacks: ``progress(fraction)``; ``is_canceled()`` is polled between families and
        every few thousand pivots (a HiGHS solve cannot be interrupted).

    Returns
    -------
    SourcingResult

    Raises
    ------
    InputError
        Balances of the wrong length or not finite (rows named), negative or infinite costs
        (origins named), costs not from the territories to themselves, a negative radius.
    Canceled
        When ``is_canceled`` returns True.

    Notes
    -----
    A family with no surplus, no deficit, or no allowed pair between a surplus and a deficit gets
    no flow and a message; every deficit is then uncovered (share 0) and every surplus unmatched.
    Territories without any allowed pair are left out of the problem (they can only be
    unmatched), as are pairs that do not go from a surplus to a deficit of the family.
    """
    if solver not in SOLVERS:
        raise ValueError(f"solver must be one of {SOLVERS}")
    if not isinstance(pairs, CostPairs):
        raise TypeError("pairs must be a CostPairs (routing.costs.pairs_within, TravelCosts.pairs)")
    n = int(pairs.n_origins)
    names, bal = _balances(balance, n)
    o, d, c = _arcs(pairs, max_cost)
    n_fam = len(names)
    surplus = np.maximum(bal, 0.0)
    deficit = np.maximum(-bal, 0.0)
    sent = np.zeros_like(bal)
    received = np.zeros_like(bal)
    matched = np.zeros(n_fam)
    total = np.zeros(n_fam)
    solvers = [""] * n_fam
    messages: list[Message] = []
    parts: list[tuple[int, IntArray, IntArray, FloatArray, FloatArray]] = []

    for k, name in enumerate(names):
        if is_canceled is not None and is_canceled():
            raise Canceled()
        sur, dfc = surplus[:, k], deficit[:, k]
        if not (sur > 0).any():
            messages.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine", "{family}: no territory has a surplus; nothing to match."
                    ),
                    {"family": name},
                )
            )
            continue
        if not (dfc > 0).any():
            messages.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine", "{family}: no territory has a deficit; nothing to match."
                    ),
                    {"family": name},
                )
            )
            continue
        keep = (sur[o] > 0) & (dfc[d] > 0)
        if not keep.any():
            if max_cost is None:
                template = QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{family}: no pair links a surplus territory to a deficit territory; "
                    "nothing matched.",
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{family}: no deficit territory is within {radius} of a surplus territory; "
                    "nothing matched.",
                )
            params = {"family": name}
            if max_cost is not None:
                params["radius"] = f"{max_cost:g}"
            messages.append(Message(template, params))
            continue
        fo, fd, fc = o[keep], d[keep], c[keep]
        s_rows, s_loc = _local(fo, n)
        d_rows, d_loc = _local(fd, n)

        def sub_progress(f: float, k: int = k) -> None:
            if progress is not None:
                progress((k + f) / n_fam)

        solved = _solve(
            s_loc,
            d_loc,
            fc,
            sur[s_rows],
            dfc[d_rows],
            solver,
            is_canceled,
            sub_progress if progress is not None else None,
        )
        solvers[k] = solved.solver
        messages.extend(solved.messages)
        vol = solved.volume
        # Rounding noise of the solvers is not a flow; keep the caps exact.
        vol = np.where(vol > _NOISE * max(float(sur.max()), float(dfc.max())), vol, 0.0)
        out = np.bincount(s_loc, weights=vol, minlength=s_rows.size)
        inn = np.bincount(d_loc, weights=vol, minlength=d_rows.size)
        sent[s_rows, k] = np.minimum(out, sur[s_rows])
        received[d_rows, k] = np.minimum(inn, dfc[d_rows])
        pos = vol > 0
        parts.append((k, fo[pos], fd[pos], vol[pos], fc[pos]))
        matched[k] = float(vol.sum())
        total[k] = float(np.dot(vol, fc))
        if progress is not None:
            progress((k + 1) / n_fam)

    if parts:
        flow_family = np.concatenate([np.full(p[1].size, p[0], dtype=np.int64) for p in parts])
        flow_origin = np.concatenate([p[1] for p in parts])
        flow_dest = np.concatenate([p[2] for p in parts])
        flow_volume = np.concatenate([p[3] for p in parts])
        flow_cost = np.concatenate([p[4] for p in parts])
    else:
        flow_family = flow_origin = flow_dest = np.zeros(0, dtype=np.int64)
        flow_volume = flow_cost = np.zeros(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(matched > 0, total / np.where(matched > 0, matched, 1.0), np.nan)
        share = np.where(deficit > 0, received / np.where(deficit > 0, deficit, 1.0), np.nan)
    if progress is not None:
        progress(1.0)
    return SourcingResult(
        families=names,
        flow_family=flow_family,
        flow_origin=flow_origin,
        flow_destination=flow_dest,
        flow_volume=flow_volume,
        flow_cost=flow_cost,
        matched=matched,
        total_cost=total,
        mean_cost=mean,
        surplus=surplus,
        deficit=deficit,
        sent=sent,
        received=received,
        unmatched_surplus=surplus - sent,
        unmatched_deficit=deficit - received,
        covered_share=share,
        solver=solvers,
        messages=messages,
    )


__all__ = ["NO_NUMBA_ENV", "SOLVERS", "SourcingResult", "accelerated", "local_sourcing"]
