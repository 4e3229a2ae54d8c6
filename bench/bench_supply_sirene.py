"""SIRENE stock import: 5 million establishments in the official 54-column layout, one département.

The file is synthetic but in the exact published layout (``StockEtablissement_utf8.csv``: UTF-8,
comma, header, quotes only where a value holds a comma or a quote): 5,000,000 rows (≈ 1.1 GB),
sorted by siren like the real stock, ≈ 1.4 establishments per legal unit, one head office per
unit, 55 % closed establishments, 5 % not diffusible (``[ND]`` coordinates), 4 % without
coordinates, accented and quoted names, 3 % in an older NAF nomenclature. 35,000 communes in 96
départements; the filter keeps the 285 communes of département 12 and the active
establishments (≈ 32,000 rows). It is generated once (≈ 1–2 min) into
``build/bench_supply_sirene_<key>.csv`` and reused.

Ours: :func:`read_stock_etablissement` with the head-office map (a siren → head-office commune map
over every row of the file; its share of the time is in the note). Peer: ``pandas.read_csv`` of
the whole file (every column as text, 500,000-row chunks so that it fits in memory — one
``read_csv`` of the whole file needs about 8 GB here) and the same filter on each chunk. The
check compares the sirets kept, in order.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np

from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS, read_stock_etablissement

ROOT = Path(__file__).resolve().parent.parent
PARAMS = {
    "rows": 5_000_000,
    "seed": 5,
    "units_p": 0.72,  # geometric law of establishments per legal unit (mean ≈ 1.4)
    "closed": 0.55,
    "not_diffusible": 0.05,
    "no_xy": 0.04,
    "far": 0.2,  # establishments outside their unit's home département
    "layout": len(ETABLISSEMENT_COLUMNS),
}
DEPARTEMENT = "12"
CHUNK_ROWS = 500_000

NAF = [
    "01.11Z",
    "01.41Z",
    "01.45Z",
    "01.42Z",
    "01.46Z",
    "01.47Z",
    "01.13Z",
    "01.21Z",
    "02.10Z",
    "02.20Z",
    "10.11Z",
    "10.13B",
    "10.51C",
    "10.61A",
    "10.71C",
    "10.71D",
    "16.10A",
    "16.23Z",
    "31.09B",
    "43.32A",
    "46.21Z",
    "46.33Z",
    "47.11B",
    "47.22Z",
    "47.24Z",
    "47.29Z",
    "56.10A",
    "56.29A",
    "62.01Z",
    "68.20A",
    "70.22Z",
    "86.21Z",
    "85.20Z",
    "41.20A",
    "43.21A",
    "45.20A",
    "49.41A",
    "94.99Z",
    "93.12Z",
    "96.02A",
]
NAF_WEIGHTS = np.array(
    [3, 2, 2, 3, 1, 1, 1, 1, 1, 1, 0.2, 0.5, 0.3, 0.1, 1, 0.5, 0.3, 0.5, 0.3, 1]
    + [0.5, 0.2, 1, 0.8, 0.3, 0.3, 3, 0.3, 4, 8, 6, 2, 1, 2, 2, 1, 1, 6, 1, 2]
)
TRANCHES = [
    "NN",
    "00",
    "01",
    "02",
    "03",
    "11",
    "12",
    "21",
    "22",
    "31",
    "32",
    "41",
    "42",
    "51",
    "52",
    "53",
]
TRANCHE_WEIGHTS = np.array(
    [60, 10, 10, 7, 5, 4, 2.5, 0.8, 0.4, 0.1, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002]
)
STREETS = np.array(
    [
        "DE LA REPUBLIQUE",
        "DES ECOLES",
        "DU MOULIN",
        "JEAN JAURES",
        "DE L'ÉGLISE",
        "DU STADE",
        "VICTOR HUGO",
        "DE LA GARE",
        "DES PRÉS",
        "DU CHÂTEAU",
    ],
    dtype=object,
)
VOIES = np.array(["RUE", "AV", "CHE", "RTE", "PL", "BD", "IMP", "LD"], dtype=object)
NAMES = np.array(
    [
        "BOULANGERIE DU CENTRE",
        '"CAFE, BAR DES SPORTS"',
        "GARAGE MARTIN",
        "FROMAGERIE DU LÉVÉZOU",
        '"BOUCHERIE ""LE BON"" GOÛT"',
        "SCIERIE DES MONTS",
        "LA FERME",
        "CABINET MÉDICAL",
    ],
    dtype=object,
)


def communes(seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """35,000-odd commune codes in 96 départements (285 in the filtered one) and their
    département index."""
    rng = np.random.default_rng(seed)
    deps = [f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"]
    codes, dep_index = [], []
    for k, d in enumerate(deps):
        n = 285 if d == DEPARTEMENT else int(rng.integers(150, 600))
        codes += [f"{d}{i:03d}" for i in range(1, n + 1)]
        dep_index += [k] * n
    return np.array(codes), np.array(dep_index)


CODES, DEP_INDEX = communes()
TARGET = [c for c in CODES.tolist() if c.startswith(DEPARTEMENT)]


def write_stock(path: Path, params: dict = PARAMS) -> None:
    """Write the synthetic stock (in a temporary file renamed at the end)."""
    rng = np.random.default_rng(params["seed"])
    n_rows = params["rows"]
    n_com = CODES.size
    cx = rng.uniform(150_000, 1_200_000, n_com)
    cy = rng.uniform(6_100_000, 7_100_000, n_com)
    per = rng.geometric(params["units_p"], int(n_rows / 1.3) + 10)
    per = per[: np.searchsorted(np.cumsum(per), n_rows) + 1]
    per[-1] -= per.sum() - n_rows
    n_units = per.size
    siren = np.sort(100_000_000 + rng.choice(899_999_999, n_units, replace=False))
    unit = np.repeat(np.arange(n_units), per)
    first = np.r_[0, np.cumsum(per)[:-1]]
    home = rng.integers(0, n_com, n_units)
    dep_start = np.r_[0, np.flatnonzero(np.diff(DEP_INDEX)) + 1]
    dep_size = np.diff(np.r_[dep_start, n_com])
    hd = DEP_INDEX[home[unit]]
    com = dep_start[hd] + (rng.random(n_rows) * dep_size[hd]).astype(np.int64)
    far = rng.random(n_rows) < params["far"]
    com[far] = rng.integers(0, n_com, int(far.sum()))
    siege_row = first + (rng.random(n_units) * per).astype(np.int64)
    com[siege_row] = home
    is_siege = np.zeros(n_rows, dtype=bool)
    is_siege[siege_row] = True
    nic_seq = np.arange(n_rows) - first[unit] + 1
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(ETABLISSEMENT_COLUMNS) + "\n")
        for a in range(0, n_rows, CHUNK_ROWS):
            b = min(n_rows, a + CHUNK_ROWS)
            m = b - a
            sir = siren[unit[a:b]].astype(str)
            nic = np.char.zfill((nic_seq[a:b] * 7 + 3).astype(str), 5)
            diffusion = np.where(rng.random(m) < params["not_diffusible"], "P", "O")
            date = np.char.add(rng.integers(1970, 2024, m).astype(str), "-03-15")
            tranche = np.array(TRANCHES)[
                rng.choice(len(TRANCHES), m, p=TRANCHE_WEIGHTS / TRANCHE_WEIGHTS.sum())
            ]
            c = com[a:b]
            code = CODES[c]
            state = np.where(rng.random(m) < params["closed"], "F", "A")
            xs = np.char.mod("%.1f", cx[c] + rng.normal(0, 2500, m)).astype(object)
            ys = np.char.mod("%.1f", cy[c] + rng.normal(0, 2500, m)).astype(object)
            no_xy = rng.random(m) < params["no_xy"]
            xs[no_xy] = ""
            ys[no_xy] = ""
            masked = diffusion == "P"
            xs[masked] = "[ND]"
            ys[masked] = "[ND]"
            naf = np.array(NAF)[rng.choice(len(NAF), m, p=NAF_WEIGHTS / NAF_WEIGHTS.sum())]
            address = np.char.add(
                np.char.add(code, "_"), np.char.zfill(rng.integers(0, 9999, m).astype(str), 4)
            )
            values = {
                "siren": sir,
                "nic": nic,
                "siret": np.char.add(sir, nic),
                "statutDiffusionEtablissement": diffusion,
                "dateCreationEtablissement": date,
                "trancheEffectifsEtablissement": tranche,
                "anneeEffectifsEtablissement": np.where(tranche == "NN", "", "2022"),
                "dateDernierTraitementEtablissement": np.full(m, "2024-03-01T10:00:00.000"),
                "etablissementSiege": np.where(is_siege[a:b], "true", "false"),
                "nombrePeriodesEtablissement": rng.integers(1, 5, m).astype(str),
                "numeroVoieEtablissement": rng.integers(1, 120, m).astype(str),
                "typeVoieEtablissement": VOIES[rng.integers(0, VOIES.size, m)],
                "libelleVoieEtablissement": STREETS[rng.integers(0, STREETS.size, m)],
                "codePostalEtablissement": np.array([s[:2] + "100" for s in code.tolist()]),
                "libelleCommuneEtablissement": np.char.add("COMMUNE ", code),
                "codeCommuneEtablissement": code,
                "identifiantAdresseEtablissement": np.where(no_xy, "", address),
                "coordonneeLambertAbscisseEtablissement": xs,
                "coordonneeLambertOrdonneeEtablissement": ys,
                "dateDebut": date,
                "etatAdministratifEtablissement": state,
                "enseigne1Etablissement": np.where(
                    rng.random(m) < 0.2, NAMES[rng.integers(0, NAMES.size, m)], ""
                ),
                "activitePrincipaleEtablissement": naf,
                "nomenclatureActivitePrincipaleEtablissement": np.where(
                    rng.random(m) < 0.97, "NAFRev2", "NAFRev1"
                ),
                "caractereEmployeurEtablissement": np.where(tranche == "NN", "N", "O"),
                "activitePrincipaleNAF25Etablissement": np.where(state == "A", naf, ""),
            }
            # Runs of always-empty columns are written as one string of commas.
            fields: list = []
            run = 0
            for name in ETABLISSEMENT_COLUMNS:
                if name in values:
                    if run:
                        fields.append("," * (run - 1))
                        run = 0
                    fields.append(np.asarray(values[name], dtype=object))
                else:
                    run += 1
            if run:
                fields.append("," * (run - 1))
            cols = [np.full(m, v, dtype=object) if isinstance(v, str) else v for v in fields]
            f.write("\n".join(map(",".join, zip(*cols))))
            f.write("\n")
    os.replace(tmp, path)


def stock_path(params: dict = PARAMS) -> Path:
    key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:12]
    path = ROOT / "build" / f"bench_supply_sirene_{key}.csv"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_stock(path, params)
    return path


t0 = time.perf_counter()
PATH = stock_path()
READY_SECONDS = time.perf_counter() - t0
SIZE_GB = PATH.stat().st_size / 1e9


_LAST: dict = {}


def ours():
    _LAST["result"] = read_stock_etablissement(PATH, TARGET)
    return _LAST["result"]


def pandas_peer():
    import pandas as pd

    wanted = set(TARGET)
    parts = []
    for chunk in pd.read_csv(PATH, dtype=str, keep_default_na=False, chunksize=CHUNK_ROWS):
        keep = chunk.codeCommuneEtablissement.isin(wanted) & (
            chunk.etatAdministratifEtablissement == "A"
        )
        parts.append(chunk.loc[keep, "siret"].to_numpy())
    return np.concatenate(parts)


def check_same(ours_result, theirs):
    np.testing.assert_array_equal(ours_result.siret, theirs.astype(str))


def _note() -> str:
    r = (_LAST.get("result") or ours()).report
    return (
        f"{r.rows_read:,} rows, {SIZE_GB:.2f} GB, {len(TARGET)} communes of département "
        f"{DEPARTEMENT}: {r.rows_kept:,} kept, {r.closed:,} closed, {r.outside:,} outside, "
        f"{r.without_coordinates:,} without coordinates; head-office map of {r.siege_rows:,} "
        f"units {r.siege_seconds:.2f} s of {r.seconds:.2f} s; file generated once "
        f"({READY_SECONDS:.0f} s this run, cached in build/); peer reads 500k-row chunks "
        "(a single read_csv of the file needs ≈ 8 GB)"
    )


CASES = [
    {
        "name": "sirene import 5M rows",
        "run": ours,
        "peer": "pandas read_csv + filter",
        "peer_run": pandas_peer,
        "check": check_same,
        "repeat": 1,
        "note": _note,
    },
]
