"""Local sourcing, min-cost maximum matching of surpluses and deficits (issue 9 targets).

* ``transport 1,254 x 1,254 dense``: 1,254 EPCI-like territories (the number of EPCI in France),
  uniform over 1,000 km × 1,000 km, balances ``N(0, 1) × lognormal(8, 1)`` ha (about half surplus,
  half deficit), **every** surplus → deficit pair allowed (≈ 393,000 pairs, straight-line km).
  Target ≤ 0.5 s and ≥ 50× the peer.
* ``transport 35k communes, radius``: 35,000 commune-like territories uniform over 740 km × 740 km
  (France's area), balances ``N(0, 1) × lognormal(5, 1)`` ha, the surplus → deficit pairs within
  20 km (≈ 690,000 pairs, from :func:`pairs_within`). Target ≤ 20 s and ≥ 5× the peer.

Both time :func:`local_sourcing` from the balances and the pairs (checks, pair filtering, the
solve, the outputs); the pairs themselves are built once at import for both sides. The peer is
``scipy.optimize.linprog(method="highs")`` on the same allowed pairs, written here on its own: one
LP ``min Σ (c' − M) x`` with ``c'`` the costs scaled to [0, 1] and ``M = min(#surplus, #deficit) +
1`` (``M > max c`` is not enough, see the module notes of ``engine/supply/sourcing.py``), a sparse
constraint matrix. The peers are slow (≈ 30 s and ≈ 2 minutes): they run once. Both sides must
give the same matched volume and cost (relative 1e-9).

Our solver is the compiled network simplex (numba); it is compiled or loaded from numba's cache at
import, before any timing (the time is in the notes). POT's ``ot.emd``, when installed, is timed
on the dense case for information only (the plugin does not use it).
"""

from __future__ import annotations

import time

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from reterr_qgis.engine.routing.costs import CostPairs, pairs_within
from reterr_qgis.engine.supply import sourcing
from reterr_qgis.engine.supply.sourcing import local_sourcing

KM = 1000.0

t0 = time.perf_counter()
ACCELERATED = sourcing.accelerated()
COMPILE_SECONDS = time.perf_counter() - t0


def _dense_case() -> tuple[np.ndarray, CostPairs]:
    rng = np.random.default_rng(1254)
    n = 1254
    xy = rng.uniform(0, 1000 * KM, (n, 2))
    bal = rng.normal(0, 1, n) * rng.lognormal(8, 1, n)
    sur, dfc = np.flatnonzero(bal > 0), np.flatnonzero(bal < 0)
    o = np.repeat(sur, dfc.size)
    d = np.tile(dfc, sur.size)
    km = np.hypot(*(xy[o] - xy[d]).T) / KM
    return bal, CostPairs(o, d, km, n, n)


def _radius_case() -> tuple[np.ndarray, CostPairs]:
    rng = np.random.default_rng(35_000)
    n = 35_000
    xy = rng.uniform(0, 740 * KM, (n, 2))
    bal = rng.normal(0, 1, n) * rng.lognormal(5, 1, n)
    sur, dfc = np.flatnonzero(bal > 0), np.flatnonzero(bal < 0)
    q = pairs_within(xy[sur], xy[dfc], 20 * KM)
    return bal, CostPairs(sur[q.origin], dfc[q.destination], q.cost / KM, n, n)


DENSE_BAL, DENSE_PAIRS = _dense_case()
RADIUS_BAL, RADIUS_PAIRS = _radius_case()


def highs_peer(bal: np.ndarray, pairs: CostPairs) -> tuple[float, float]:
    """Matched volume and cost by one ``linprog(method="highs")`` on the allowed pairs."""
    sur, dfc = np.maximum(bal, 0.0), np.maximum(-bal, 0.0)
    o, d, c = pairs.origin, pairs.destination, pairs.cost
    keep = (sur[o] > 0) & (dfc[d] > 0)
    o, d, c = o[keep], d[keep], c[keep]
    m, n = o.size, bal.size
    a_ub = sparse.csr_matrix(
        (np.ones(2 * m), (np.concatenate((o, n + d)), np.tile(np.arange(m), 2))), shape=(2 * n, m)
    )
    big = min(np.count_nonzero(sur), np.count_nonzero(dfc)) + 1.0
    res = linprog(
        c / c.max() - big,
        A_ub=a_ub,
        b_ub=np.concatenate((sur, dfc)),
        bounds=(0, None),
        method="highs",
    )
    assert res.status == 0, res.message
    return float(res.x.sum()), float(res.x @ c)


def ours(bal: np.ndarray, pairs: CostPairs) -> tuple[float, float]:
    res = local_sourcing(bal, pairs)
    _last["solver"] = res.solver[0]
    _last["flows"] = res.n_flows
    _last["share"] = res.matched[0] / min(res.surplus.sum(), res.deficit.sum())
    return float(res.matched[0]), float(res.total_cost[0])


def same(a: tuple[float, float], b: tuple[float, float]) -> None:
    np.testing.assert_allclose(a, b, rtol=1e-9)


_last: dict[str, object] = {}


def _pot_dense() -> str:
    """Time POT's ``ot.emd`` on the dense case (information only), if POT is installed."""
    try:
        import ot
    except ImportError:
        return "POT not installed"
    bal = DENSE_BAL
    sur, dfc = np.flatnonzero(bal > 0), np.flatnonzero(bal < 0)
    c = DENSE_PAIRS.cost.reshape(sur.size, dfc.size)
    a, b = bal[sur], -bal[dfc]
    t = time.perf_counter()
    # Equal masses: a dummy deficit (or surplus) at cost 0 takes the excess (every pair allowed).
    if a.sum() > b.sum():
        plan = ot.emd(
            a,
            np.append(b, a.sum() - b.sum()),
            np.hstack((c, np.zeros((a.size, 1)))),
            numItermax=10_000_000,
        )[:, :-1]
    else:
        plan = ot.emd(
            np.append(a, b.sum() - a.sum()),
            b,
            np.vstack((c, np.zeros((1, b.size)))),
            numItermax=10_000_000,
        )[:-1]
    seconds = time.perf_counter() - t
    return f"POT {ot.__version__} ot.emd {seconds:.3f} s, cost {float((plan * c).sum()):.6g} (not used)"


def _note(target: str, pairs: CostPairs, extra: str = "") -> str:
    solver = _last.get("solver", "?")
    kernel = (
        f"numba kernel ready in {COMPILE_SECONDS:.1f} s at import"
        if ACCELERATED
        else "numba unavailable"
    )
    return (
        f"{len(pairs):,} allowed pairs; solver {solver}"
        f" ({kernel});"
        f" {_last.get('flows', 0):,} flows, {_last.get('share', 0):.1%} of the matchable volume matched;"
        f" {target}{'; ' + extra if extra else ''}"
    )


CASES = [
    {
        "name": "transport 1,254 x 1,254 dense",
        "run": lambda: ours(DENSE_BAL, DENSE_PAIRS),
        "peer": "scipy linprog HiGHS",
        "peer_run": lambda: highs_peer(DENSE_BAL, DENSE_PAIRS),
        "check": same,
        "repeat": 1,
        "note": lambda: _note("target <= 0.5 s and >= 50x", DENSE_PAIRS, _pot_dense()),
    },
    {
        "name": "transport 35k communes, radius",
        "run": lambda: ours(RADIUS_BAL, RADIUS_PAIRS),
        "peer": "scipy linprog HiGHS",
        "peer_run": lambda: highs_peer(RADIUS_BAL, RADIUS_PAIRS),
        "check": same,
        "repeat": 1,
        "note": lambda: _note("radius 20 km; target <= 20 s and >= 5x", RADIUS_PAIRS),
    },
]
