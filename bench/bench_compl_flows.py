"""Commuting flows and functional areas (issue 10 targets).

* ``flows import 8M rows``: a synthetic national detail file in the official ``FD_MOBPRO`` layout
  (the 32 columns of RP 2016, ``;``, one row per person, ``IPONDI`` with 15 decimals), 8,000,000
  rows (≈ 0.8 GB), 35,000-odd communes in 98 départements plus the arrondissements of Paris, Lyon
  and Marseille (residence ``COMMUNE`` = the city and ``ARM`` = the arrondissement, place of work
  ``DCLT`` = the arrondissement), ≈ 40 % working in their commune, most others in their
  département (attracted by population), 5 % anywhere, 1 % abroad (``99…`` country codes and a
  filled ``DCFLT``), 0.2 % with ``DCLT = ZZZZZ``. Generated once (≈ 30 s, streamed in
  500,000-row chunks) into ``build/bench_compl_flows_<key>.csv`` and reused. Target ≤ 30 s and
  ≥ 3× the peer.

  Ours: :func:`read_flow_file` (every row classified, arrondissements mapped, outside kinds kept).
  Peer: ``pandas.read_csv(usecols=[COMMUNE, DCLT, IPONDI], dtype=str codes)`` of the whole file
  (its fastest form: only the three columns are converted) and ``groupby([COMMUNE, DCLT]).sum()``.
  The check compares the total weight and every pair between two ordinary communes (not an
  arrondissement, not outside) to 1e-9.

* ``functional areas 35k communes``: 35,000 communes uniform over 740 km × 740 km (France's
  area), lognormal populations, 300 job poles; each commune's employed residents (42 % of its
  population) go to itself, its 8 nearest communes and its 3 nearest poles with a gravity law
  (jobs × exp(−d / 12 km)): 417,336 directed flows. Community detection (igraph Leiden,
  modularity, seeded) target ≤ 30 s, peer networkx ``louvain_communities`` on the same
  symmetrised graph; the LabourMarketAreas regrouping from the communes target ≤ 120 s (no peer:
  the reference implementation is R).

Peak memory is reported by ``bench/run.py`` for each case. ``RETERR_BENCH_QUICK=1`` runs smaller
variants (1 M rows, 5,000 communes) while developing.

Indicative run (shared 2-core machine, load ≈ 3, ``--repeat 1``): flows 7.8 s against pandas
30.4 s (3.9×), peak 0.7 GB against 1.5 GB; Leiden 3.0 s against networkx Louvain 17.9 s;
regrouping 18.9 s (251 areas, 41,149 steps).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from reterr_qgis.engine.complementarity import flows as flows_mod
from reterr_qgis.engine.complementarity.flows import read_flow_file
from reterr_qgis.engine.complementarity.functional_areas import (
    adjusted_rand_index,
    detect_communities,
    lma_regroup,
    symmetric_graph,
)

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# Flows import
# ---------------------------------------------------------------------------------------------

#: The 32 columns of FD_MOBPRO (RP 2016, SUPPLY_AND_COMPLEMENTARITY.md §A3), in the file's order.
MOBPRO_COLUMNS = (
    "COMMUNE",
    "ARM",
    "DCFLT",
    "DCLT",
    "AGEREVQ",
    "CS1",
    "DEROU",
    "DIPL_15",
    "EMPL",
    "ILT",
    "ILTUU",
    "IMMI",
    "INATC",
    "INEEM",
    "INPOM",
    "INPSM",
    "IPONDI",
    "LPRM",
    "METRODOM",
    "MOCO",
    "NA5",
    "NPERR",
    "REGION",
    "REGLT",
    "SEXE",
    "STAT",
    "STOCD",
    "TP",
    "TRANS",
    "TYPL",
    "TYPMR",
    "VOIT",
)
PARAMS = {
    "rows": 8_000_000,
    "seed": 8,
    "same_commune": 0.40,
    "anywhere": 0.05,
    "abroad": 0.01,
    "missing": 0.002,
    "layout": len(MOBPRO_COLUMNS),
    "version": 2,
}
CHUNK_ROWS = 500_000
COUNTRIES = np.array(["99109", "99131", "99134", "99137", "99138", "99140"], dtype=object)


def national_communes(seed: int = 3) -> np.ndarray:
    """35,000-odd commune codes in 98 départements (Paris, Lyon and Marseille by their city
    code; their arrondissements are added by the generator)."""
    rng = np.random.default_rng(seed)
    deps = [f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"]
    # Codes of the arrondissements (751xx, 6938x, 132xx) are never commune codes.
    top = {"13": 199, "69": 380, "75": 0}
    codes = []
    for d in deps:
        n = min(int(rng.integers(150, 600)), top.get(d, 999))
        codes += [f"{d}{i:03d}" for i in range(1, n + 1)]
    codes += ["75056", "69123", "13055"]
    return np.array(sorted(set(codes)))


def _field_pools(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Pre-rendered runs of the columns between DCLT and IPONDI, and after IPONDI."""
    mids, tails = [], []
    for _ in range(4000):
        mids.append(
            ";".join(
                [
                    str(rng.integers(15, 80)),
                    str(rng.integers(1, 7)),
                    "Z",
                    str(rng.choice(["A", "B", "C", "D", "E", "F", "G", "H"])),
                    str(rng.integers(11, 24)),
                    str(rng.integers(1, 8)),
                    str(rng.integers(1, 4)),
                    str(rng.integers(1, 3)),
                    str(rng.integers(1, 5)),
                    str(rng.integers(1, 5)),
                    str(rng.integers(1, 3)),
                    str(rng.integers(1, 3)),
                ]
            )
        )
        tails.append(
            ";".join(
                [
                    str(rng.integers(1, 4)),
                    "1",
                    str(rng.integers(10, 33)),
                    str(rng.choice(["AZ", "BE", "FZ", "GU", "OQ"])),
                    str(rng.integers(1, 9)),
                    str(rng.choice(["11", "24", "27", "28", "32", "44", "52", "53", "75", "76"])),
                    str(rng.choice(["11", "24", "27", "28", "32", "44", "52", "53", "75", "76"])),
                    str(rng.integers(1, 3)),
                    str(rng.integers(1, 3)),
                    str(rng.integers(0, 3)),
                    str(rng.integers(1, 3)),
                    str(rng.integers(1, 7)),
                    str(rng.integers(1, 3)),
                    str(rng.integers(11, 44)),
                    str(rng.integers(0, 4)),
                ]
            )
        )
    return np.array(mids, dtype=object), np.array(tails, dtype=object)


def write_detail_file(path: Path, params: dict = PARAMS) -> None:
    """Write the synthetic FD_MOBPRO file (in a temporary file renamed at the end)."""
    rng = np.random.default_rng(params["seed"])
    codes = national_communes()
    n = codes.size
    dep = np.array([c[:2] for c in codes.tolist()])
    dep_start = np.r_[0, np.flatnonzero(dep[1:] != dep[:-1]) + 1]
    dep_size = np.diff(np.r_[dep_start, n])
    dep_of = np.repeat(np.arange(dep_start.size), dep_size)
    pop = rng.lognormal(5.5, 1.4, n)
    plm = {"75056": 20, "69123": 9, "13055": 16}
    arm_first = {"75056": 75101, "69123": 69381, "13055": 13201}
    for c in plm:
        pop[np.searchsorted(codes, c)] = 4e5
    p = pop / pop.sum()
    mids, tails = _field_pools(np.random.default_rng(7))
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(";".join(MOBPRO_COLUMNS) + "\n")
        for a in range(0, params["rows"], CHUNK_ROWS):
            m = min(CHUNK_ROWS, params["rows"] - a)
            o = rng.choice(n, m, p=p)
            u = rng.random(m)
            d = o.copy()
            local = (u >= params["same_commune"]) & (u < 1 - params["anywhere"])
            dd = dep_of[o[local]]
            c1 = dep_start[dd] + (rng.random(dd.size) * dep_size[dd]).astype(np.int64)
            c2 = dep_start[dd] + (rng.random(dd.size) * dep_size[dd]).astype(np.int64)
            d[local] = np.where(pop[c1] > pop[c2], c1, c2)
            far = u >= 1 - params["anywhere"]
            d[far] = rng.choice(n, int(far.sum()), p=p)
            com = codes[o].astype(object)
            dclt = codes[d].astype(object)
            arm = np.full(m, "ZZZZZ", dtype=object)
            for city, k in plm.items():
                live = com == city
                arm[live] = (arm_first[city] + rng.integers(0, k, int(live.sum()))).astype(str)
                work = dclt == city
                dclt[work] = (arm_first[city] + rng.integers(0, k, int(work.sum()))).astype(str)
            dcflt = np.full(m, "ZZZZZ", dtype=object)
            abroad = rng.random(m) < params["abroad"]
            dclt[abroad] = COUNTRIES[rng.integers(0, COUNTRIES.size, int(abroad.sum()))]
            dcflt[abroad] = dclt[abroad]
            missing = ~abroad & (rng.random(m) < params["missing"])
            dclt[missing] = "ZZZZZ"
            weight = np.char.mod("%.15f", rng.gamma(4.0, 1.0, m)).astype(object)
            cols = [
                com,
                arm,
                dcflt,
                dclt,
                mids[rng.integers(0, mids.size, m)],
                weight,
                tails[rng.integers(0, tails.size, m)],
            ]
            f.write("\n".join(map(";".join, zip(*cols))))
            f.write("\n")
    os.replace(tmp, path)


def detail_path(params: dict = PARAMS) -> Path:
    key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:12]
    path = ROOT / "build" / f"bench_compl_flows_{key}.csv"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_detail_file(path, params)
    return path


QUICK = os.environ.get("RETERR_BENCH_QUICK", "") not in ("", "0")
FLOW_PARAMS = dict(PARAMS, rows=1_000_000) if QUICK else PARAMS

t0 = time.perf_counter()
PATH = detail_path(FLOW_PARAMS)
READY_SECONDS = time.perf_counter() - t0
SIZE_GB = PATH.stat().st_size / 1e9
t0 = time.perf_counter()
ACCELERATED = flows_mod.accelerated()
COMPILE_SECONDS = time.perf_counter() - t0

_LAST: dict = {}


def flows_ours():
    _LAST["flows"] = read_flow_file(PATH)
    return _LAST["flows"]


def flows_pandas():
    import pandas as pd

    df = pd.read_csv(
        PATH,
        sep=";",
        usecols=["COMMUNE", "DCLT", "IPONDI"],
        dtype={"COMMUNE": str, "DCLT": str, "IPONDI": np.float64},
    )
    return df.groupby(["COMMUNE", "DCLT"], sort=False)["IPONDI"].sum()


def flows_check(ours, theirs) -> None:
    total = float(theirs.sum())
    rep = ours.report
    assert abs(rep.total_weight - total) <= 1e-9 * total, (rep.total_weight, total)
    assert abs(rep.accounted_weight - total) <= 1e-9 * total
    origin = theirs.index.get_level_values(0).to_numpy().astype(str)
    dest = theirs.index.get_level_values(1).to_numpy().astype(str)
    plain = ~np.isin(origin, ["75056", "69123", "13055"])
    plain &= ~np.char.startswith(dest, "99") & (dest != "ZZZZZ")
    plain &= ~np.char.startswith(dest, "751") & ~np.char.startswith(dest, "6938")
    plain &= ~np.char.startswith(dest, "132")
    oi = ours.index_of(origin[plain])
    di = ours.index_of(dest[plain])
    got = np.asarray(ours.matrix[oi, di]).ravel()
    want = theirs.to_numpy()[plain]
    np.testing.assert_allclose(got, want, rtol=1e-9)


def _flows_note() -> str:
    r = (_LAST.get("flows") or flows_ours()).report
    return (
        f"{r.rows_read:,} rows, {SIZE_GB:.2f} GB, engine {r.engine} (numba load/compile "
        f"{COMPILE_SECONDS:.1f} s at import), {_LAST['flows'].matrix.nnz:,} commune pairs, "
        f"outside {r.outside_total:,.0f} of {r.total_weight:,.0f}; file generated once "
        f"({READY_SECONDS:.0f} s this run, cached in build/); peer reads 3 columns "
        "(usecols) then groupby"
    )


CASES = [
    {
        "name": "flows import 8M rows" if not QUICK else "flows import 1M rows (quick)",
        "run": flows_ours,
        "peer": "pandas read_csv + groupby",
        "peer_run": flows_pandas,
        "check": flows_check,
        "repeat": 1,
        "note": _flows_note,
    },
]


# ---------------------------------------------------------------------------------------------
# Functional areas
# ---------------------------------------------------------------------------------------------

FA_PARAMS = {"communes": 35_000, "poles": 300, "neighbours": 8, "pole_links": 3, "seed": 35}


def gravity_flows(params: dict = FA_PARAMS) -> sparse.csr_matrix:
    """The synthetic commune × commune flows of the functional-areas case (module notes)."""

    rng = np.random.default_rng(params["seed"])
    n = params["communes"]
    xy = rng.uniform(0, 740.0, (n, 2))  # km
    pop = rng.lognormal(5.8, 1.2, n)
    poles = rng.choice(n, params["poles"], replace=False)
    pop[poles] *= rng.uniform(20, 200, poles.size)
    jobs = pop.copy()
    jobs[poles] *= 3.0
    workers = 0.42 * pop
    tree = cKDTree(xy)
    _, near = tree.query(xy, k=params["neighbours"] + 1)  # itself first
    _, near_pole = cKDTree(xy[poles]).query(xy, k=params["pole_links"])
    dest = np.concatenate([near, poles[near_pole]], axis=1)
    origin = np.repeat(np.arange(n), dest.shape[1])
    dest = dest.ravel()
    dist = np.hypot(*(xy[origin] - xy[dest]).T)
    attract = jobs[dest] * np.exp(-dist / 12.0)
    attract[origin == dest] *= 4.0  # living and working in the same commune
    share = attract / np.bincount(origin, weights=attract, minlength=n)[origin]
    m = sparse.csr_matrix((workers[origin] * share, (origin, dest)), shape=(n, n))
    m.sum_duplicates()
    return m


QUICK_FA = dict(FA_PARAMS, communes=5_000, poles=40) if QUICK else FA_PARAMS
t0 = time.perf_counter()
FA_MATRIX = gravity_flows(QUICK_FA)
FA_READY_SECONDS = time.perf_counter() - t0


def communities_ours():
    _LAST["communities"] = detect_communities(FA_MATRIX, method="leiden", seed=1)
    return _LAST["communities"]


def communities_networkx():
    import networkx as nx

    upper = sparse.triu(symmetric_graph(FA_MATRIX), k=1).tocoo()
    graph = nx.Graph()
    graph.add_nodes_from(range(FA_MATRIX.shape[0]))
    graph.add_weighted_edges_from(zip(upper.row.tolist(), upper.col.tolist(), upper.data.tolist()))
    parts = nx.community.louvain_communities(graph, weight="weight", seed=1)
    labels = np.empty(FA_MATRIX.shape[0], dtype=np.int64)
    for k, part in enumerate(parts):
        labels[list(part)] = k
    return labels


def communities_check(ours, theirs) -> None:
    # Two heuristics on the same modularity: their areas must largely agree.
    assert adjusted_rand_index(ours.labels, theirs) > 0.5


def _communities_note() -> str:
    p = _LAST.get("communities") or communities_ours()
    return (
        f"{FA_MATRIX.shape[0]:,} communes, {FA_MATRIX.nnz:,} directed flows (synthetic gravity, "
        f"built in {FA_READY_SECONDS:.1f} s): Leiden (igraph, modularity, seed 1) "
        f"{p.n_areas} areas, Q = {p.modularity:.3f}; peer networkx louvain_communities"
    )


def regroup_ours():
    _LAST["regroup"] = lma_regroup(FA_MATRIX)
    return _LAST["regroup"]


def _regroup_note() -> str:
    r = _LAST.get("regroup") or regroup_ours()
    return (
        f"LabourMarketAreas from the {FA_MATRIX.shape[0]:,} communes (Istat 2011 parameters): "
        f"{r.n_areas} areas, {int(r.valid.sum())} valid, {r.iterations:,} steps "
        f"({r.events['moved']:,} moves, {r.events['reserve_refused']:,} refused), "
        f"converged {r.converged}; no peer (the reference is R)"
    )


n_fa = f"{FA_MATRIX.shape[0] // 1000}k"
CASES += [
    {
        "name": f"functional areas {n_fa} communes: communities",
        "run": communities_ours,
        "peer": "networkx louvain",
        "peer_run": communities_networkx,
        "check": communities_check,
        "repeat": 1,
        "note": _communities_note,
    },
    {
        "name": f"functional areas {n_fa} communes: regrouping",
        "run": regroup_ours,
        "repeat": 1,
        "note": _regroup_note,
    },
]
