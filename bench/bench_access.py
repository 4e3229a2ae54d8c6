"""Access to services at département-and-more scale, on the ~1 M-node synthetic road graph of
:mod:`bench.bench_network` (its cached graph is reused, not rebuilt).

* Nearest facility of one type (2,000 facilities) from 35,000 communes, 30-min cut-off: snapping
  of both sides and one multi-source search on the transposed graph (home → service).
* Facilities within 20 minutes (500 of one type) from the 35,000 communes: the sparse OD matrix,
  one bounded search per facility node (the many-to-many part of ``nearest_service``).
* Everyday basket, 25 types (100 to 5,000 facilities each, ~36,000 in all), from the 35,000
  communes, threshold 7 minutes, no search cut-off (exact mean and max times): one multi-source
  search per type.
* The same basket in straight line (KD-trees), for comparison.

Times include snapping and every search; the graph (and its transpose and node KD-tree, cached on
the graph object as a cached graph would have them) is loaded once at import.
"""

from __future__ import annotations

import time

import numpy as np

from bench.bench_network import GRAPH, GRAPH_NOTE
from reterr_qgis.engine.routing import NetworkCosts, StraightLineCosts
from reterr_qgis.engine.services.access import basket_access, nearest_by_type

N_COMMUNES = 35_000
CUTOFF = 30.0
COUNT_CUTOFF = 20.0
BASKET_THRESHOLD = 7.0
rng = np.random.default_rng(2027)
LO, HI = GRAPH.xy.min(axis=0), GRAPH.xy.max(axis=0)
COMMUNES = rng.uniform(LO, HI, (N_COMMUNES, 2))
COSTS = NetworkCosts(GRAPH, max_snap_m=1000.0, access_speed_kmh=15.0)
LINE = StraightLineCosts(60.0, detour=1.3)

GP = rng.uniform(LO, HI, (2000, 2))
GP_TYPE = np.full(GP.shape[0], "D265")
FEW = rng.uniform(LO, HI, (500, 2))
FEW_TYPE = np.full(FEW.shape[0], "D307")

BASKET = [f"T{k:02d}" for k in range(25)]
_per_type = np.round(np.exp(rng.uniform(np.log(100), np.log(5000), len(BASKET)))).astype(int)
BASKET_XY = rng.uniform(LO, HI, (int(_per_type.sum()), 2))
BASKET_TYPE = np.repeat(BASKET, _per_type)

GRAPH.tree()  # the node KD-tree, built once per graph (as by the first snapping of a session)


def _timed(case: dict, fn, describe, network: bool = True):
    """Run ``fn``, then write the case note from its result and time (the last run's)."""

    def run():
        t = time.perf_counter()
        result = fn()
        note = describe(result, time.perf_counter() - t)
        case["note"] = f"{note}; {GRAPH_NOTE}" if network else note
        return result

    return run


def nearest_gp():
    return nearest_by_type(COSTS, COMMUNES, GP, GP_TYPE, ["D265"], CUTOFF, counts=False)


def count_within():
    return nearest_by_type(COSTS, COMMUNES, FEW, FEW_TYPE, ["D307"], COUNT_CUTOFF)


def basket_network():
    return basket_access(COSTS, COMMUNES, BASKET_XY, BASKET_TYPE, BASKET, BASKET_THRESHOLD)


def basket_line():
    return basket_access(LINE, COMMUNES, BASKET_XY, BASKET_TYPE, BASKET, BASKET_THRESHOLD)


NEAREST = {"name": "access nearest 1 type, 35k communes, network", "note": ""}
NEAREST["run"] = _timed(
    NEAREST,
    nearest_gp,
    lambda r, s: f"{s:.2f} s for {N_COMMUNES:,} communes x {GP.shape[0]:,} facilities, "
    f"{CUTOFF:.0f}-min cut-off, snapping included; median "
    f"{np.median(r['D265'].time[np.isfinite(r['D265'].time)]):.1f} min, "
    f"{np.isfinite(r['D265'].time).mean():.2%} within the cut-off",
)
COUNT = {"name": "access count within 20 min, 35k x 500, network", "note": ""}
COUNT["run"] = _timed(
    COUNT,
    count_within,
    lambda r, s: f"{s:.1f} s ({s / FEW.shape[0] * 1000:.0f} ms per facility search), "
    f"{r['D307'].count_within.sum():,} commune-facility pairs within {COUNT_CUTOFF:.0f} min, "
    f"mean {r['D307'].count_within.mean():.1f} per commune",
)
BASKET_NET = {"name": "access basket 25 types, 35k communes, network", "note": ""}
BASKET_NET["run"] = _timed(
    BASKET_NET,
    basket_network,
    lambda r, s: f"{s:.1f} s ({s / len(BASKET):.2f} s per type), {BASKET_XY.shape[0]:,} "
    f"facilities, no search cut-off; mean share within {BASKET_THRESHOLD:g} min "
    f"{r.share.mean():.1%}, median mean time {np.median(r.mean_time):.1f} min",
)
BASKET_LINE = {"name": "access basket 25 types, 35k communes, straight line", "note": ""}
BASKET_LINE["run"] = _timed(
    BASKET_LINE,
    basket_line,
    lambda r, s: f"{s:.2f} s, 60 km/h x 1.3 detour; mean share within "
    f"{BASKET_THRESHOLD:g} min {r.share.mean():.1%}",
    network=False,
)

CASES = [NEAREST, COUNT, BASKET_NET, BASKET_LINE]
