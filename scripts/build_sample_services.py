#!/usr/bin/env python3
"""Add two **illustrative** layers to the sample GeoPackage: BPE-format facilities and roads.

Neither INSEE's BPE facility points nor a road network of France can be downloaded from a package
registry, so the sample territory gets generated stand-ins, built reproducibly (fixed seed) from
the real communes and town halls of ``resources/sample/aveyron.gpkg`` and labelled illustrative
in their names, in an ``ILLUSTRATIF`` column, in the layer metadata and in ATTRIBUTION.md:

``bpe_illustratif``
    Points in the column format of INSEE's geolocated BPE file (``REG, DEP, DEPCOM, DCIRIS, AN,
    TYPEQU, LAMBERT_X, LAMBERT_Y, QUALITE_XY``), vintage 2024 codes, plus ``capacite`` (full-time
    equivalent of each GP; not a BPE column, empty for the other types) and ``ILLUSTRATIF`` = 1.
    Facilities are placed by population rules (:data:`RULES`) near the commune's town hall, with
    a deterministic jitter that stays inside the commune polygon.

``routes_illustratives``
    Lines joining the town halls: the Gabriel graph of the town-hall points (a subgraph of their
    Delaunay triangulation without its long, thin triangles) restricted to edges inside the
    département and shorter than :data:`MAX_EDGE_M`, plus a minimum spanning tree for
    connectivity, plus short spurs to the few town halls geocoded just outside their commune.
    Road classes follow a hierarchy of towns (:func:`classify_edges`); each line is bent into a
    gentle meander so that its length is 1.2–1.3 × the straight distance (the detour factor is
    stored per line), less near the border where a meander would leave the département.

Only these two layers are (re)written; ``communes``, ``epci`` and ``mairies`` are left as they are
(pyogrio replaces a layer of an existing GeoPackage in place). Run after ``scripts/build_sample.py``,
which rewrites the whole file.

Usage::

    python scripts/build_sample_services.py [--gpkg PATH]

Requirements: geopandas, pyogrio, shapely 2, numpy, scipy.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

try:
    import geopandas as gpd
    import numpy as np
    import pyogrio
    import shapely
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components, dijkstra, minimum_spanning_tree
    from scipy.spatial import Delaunay, cKDTree
    from shapely.prepared import prep
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"ERROR: missing Python dependency ({exc.name}): geopandas pyogrio shapely scipy")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GPKG = REPO_ROOT / "resources" / "sample" / "aveyron.gpkg"
LAYER_BPE = "bpe_illustratif"
LAYER_ROADS = "routes_illustratives"
SEED = 20_240_101
VINTAGE = 2024
REG, DEP = "76", "12"  # Occitanie, Aveyron
# Same fixed timestamp as build_sample.py (gpkg_contents.last_change), for reproducible bytes.
GPKG_TIMESTAMP = "2026-01-01T00:00:00.000Z"
DESCRIPTION = (
    "Aveyron (12) — ILLUSTRATIF : couche générée par scripts/build_sample_services.py, "
    "pas des données réelles (voir ATTRIBUTION)"
)

#: Official column order of the geolocated BPE file, then the extras of this layer.
BPE_COLUMNS = [
    "REG",
    "DEP",
    "DEPCOM",
    "DCIRIS",
    "AN",
    "TYPEQU",
    "LAMBERT_X",
    "LAMBERT_Y",
    "QUALITE_XY",
]
BPE_EXTRA_COLUMNS = ["capacite", "ILLUSTRATIF"]
ROAD_COLUMNS = ["classe", "vitesse_kmh", "sens", "longueur_m", "detour", "ILLUSTRATIF"]


@dataclass(frozen=True)
class Rule:
    """``count(population)`` facilities of type ``typequ`` in every commune with at least
    ``min_pop`` (and less than ``max_pop``) inhabitants."""

    typequ: str
    label: str
    min_pop: int
    count: Callable[[int], int]
    max_pop: int = 10**9


#: Population-driven placement rules (vintage 2024 codes; illustrative orders of magnitude).
RULES: tuple[Rule, ...] = (
    Rule(
        "D265", "médecin généraliste (un point par médecin)", 700, lambda p: max(1, round(p / 1100))
    ),
    Rule("D307", "pharmacie", 1500, lambda p: 1 + (p - 1500) // 3000),
    Rule("B207", "boulangerie-pâtisserie", 400, lambda p: 1 + p // 2500),
    Rule("B202", "épicerie", 300, lambda p: 1, max_pop=1500),
    Rule("B201", "supérette", 1500, lambda p: 1 + p // 8000),
    Rule("B105", "supermarché", 2000, lambda p: 1 + p // 8000),
    Rule("B104", "hypermarché", 10000, lambda p: 1 + p // 20000),
    Rule("A206", "bureau de poste", 1500, lambda p: 1 + p // 10000),
    Rule("A208", "agence postale communale", 500, lambda p: 1, max_pop=1500),
    Rule("A203", "banque", 1500, lambda p: 1 + p // 5000),
    Rule("C108", "école primaire", 350, lambda p: 1 + p // 3000),
    Rule("C107", "école maternelle", 4000, lambda p: p // 4000),
    Rule("C109", "école élémentaire", 4000, lambda p: p // 4000),
    Rule("C201", "collège", 1800, lambda p: 1 + p // 10000),
    Rule("C301", "lycée général et/ou technologique", 7000, lambda p: 1 + p // 15000),
    Rule("D401", "hébergement pour personnes âgées", 1500, lambda p: 1 + p // 8000),
    Rule("D502", "accueil du jeune enfant", 2000, lambda p: 1 + p // 6000),
    Rule("D106", "urgences", 7500, lambda p: 1),
    Rule("B316", "station-service", 1000, lambda p: 1 + p // 8000),
)
GP_PER_PRACTICE = 4  # GPs sharing one address (group practice)
GP_FTE = (0.6, 0.8, 1.0)  # full-time equivalents drawn for each GP
GP_FTE_P = (0.2, 0.3, 0.5)

#: Road classes (OSM ``highway`` values) and the speed given to each, km/h: 80 km/h is the limit
#: on two-lane rural roads since 2018; minor roads are slower in practice [V: orders of magnitude].
SPEEDS = {"primary": 80, "secondary": 70, "tertiary": 60, "unclassified": 50}
MAX_EDGE_M = 14_000.0
DETOUR = (1.2, 1.3)
HALF_WAVE_M = 3_000.0  # one bend of the meander per ~3 km
SPUR_MAX_M = 5_000.0  # town halls geocoded this far outside their commune get a spur
TIERS = {"primary": 5_000, "secondary": 1_500, "tertiary": 500}


# ---- inputs -----------------------------------------------------------------------------------


def load_inputs(gpkg: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    communes = gpd.read_file(gpkg, layer="communes", engine="pyogrio")
    mairies = gpd.read_file(gpkg, layer="mairies", engine="pyogrio")
    communes = communes.sort_values("code_insee").reset_index(drop=True)
    return communes, mairies


def anchors(communes: gpd.GeoDataFrame, mairies: gpd.GeoDataFrame) -> np.ndarray:
    """One point per commune: its town hall when correctly placed, else a point inside it."""
    verified = mairies[mairies["position_verifiee"] == 1].set_index("code_insee")
    out = np.empty((len(communes), 2))
    for i, row in enumerate(communes.itertuples()):
        if row.code_insee in verified.index:
            point = verified.geometry[row.code_insee]
        else:
            point = row.geometry.representative_point()
        out[i] = point.x, point.y
    return out


# ---- facilities -------------------------------------------------------------------------------


def jitter_inside(
    inner, anchor: np.ndarray, radius: float, rng: np.random.Generator
) -> tuple[float, float]:
    """A point at most ``radius`` from ``anchor`` inside ``inner`` (the commune shrunk by 10 m, a
    prepared geometry), rounded to 0.1 m as in the BPE; the anchor itself when no draw fits."""
    for _ in range(60):
        angle = rng.uniform(0, 2 * np.pi)
        r = radius * np.sqrt(rng.uniform(0.02, 1.0))
        x = round(float(anchor[0] + r * np.cos(angle)), 1)
        y = round(float(anchor[1] + r * np.sin(angle)), 1)
        if inner.contains(shapely.Point(x, y)):
            return x, y
    return round(float(anchor[0]), 1), round(float(anchor[1]), 1)


def build_facilities(communes: gpd.GeoDataFrame, anchor_xy: np.ndarray) -> gpd.GeoDataFrame:
    records = []
    for i, row in enumerate(communes.itertuples()):
        pop = int(row.population)
        shrunk = row.geometry.buffer(-10.0)
        inner = prep(shrunk if not shrunk.is_empty else row.geometry)
        radius = min(1800.0, 120.0 + 9.0 * np.sqrt(pop))
        for k, rule in enumerate(RULES):
            if not (rule.min_pop <= pop < rule.max_pop):
                continue
            n = int(rule.count(pop))
            if n <= 0:
                continue
            rng = np.random.default_rng([SEED, int(row.code_insee), k])
            if rule.typequ == "D265":
                practices = -(-n // GP_PER_PRACTICE)
                sites = [jitter_inside(inner, anchor_xy[i], radius, rng) for _ in range(practices)]
                points = [sites[j % practices] for j in range(n)]
                capacity = rng.choice(GP_FTE, size=n, p=GP_FTE_P).tolist()
            else:
                points = [jitter_inside(inner, anchor_xy[i], radius, rng) for _ in range(n)]
                capacity = [None] * n
            for (x, y), cap in zip(points, capacity):
                records.append(
                    {
                        "REG": REG,
                        "DEP": DEP,
                        "DEPCOM": row.code_insee,
                        "DCIRIS": row.code_insee + "0000",
                        "AN": VINTAGE,
                        "TYPEQU": rule.typequ,
                        "LAMBERT_X": x,
                        "LAMBERT_Y": y,
                        "QUALITE_XY": "Bonne",
                        "capacite": cap,
                        "ILLUSTRATIF": 1,
                    }
                )
    frame = gpd.GeoDataFrame(
        records,
        geometry=shapely.points(
            [r["LAMBERT_X"] for r in records], [r["LAMBERT_Y"] for r in records]
        ),
        crs=communes.crs,
    )
    frame["capacite"] = frame["capacite"].astype("float64")
    frame = frame.sort_values(["DEPCOM", "TYPEQU", "LAMBERT_X", "LAMBERT_Y"], kind="stable")
    return frame[BPE_COLUMNS + BPE_EXTRA_COLUMNS + ["geometry"]].reset_index(drop=True)


# ---- roads ------------------------------------------------------------------------------------


def candidate_edges(xy: np.ndarray) -> list[tuple[int, int]]:
    """Edges of the Delaunay triangulation of ``xy`` (i < j)."""
    tri = Delaunay(xy)
    edges = set()
    for a, b, c in tri.simplices:
        for i, j in ((a, b), (b, c), (a, c)):
            edges.add((min(i, j), max(i, j)))
    return sorted((int(i), int(j)) for i, j in edges)


def is_gabriel(xy: np.ndarray, tree: cKDTree, i: int, j: int) -> bool:
    """No other point inside the circle whose diameter is the edge."""
    mid = (xy[i] + xy[j]) / 2
    radius = np.linalg.norm(xy[i] - xy[j]) / 2
    inside = tree.query_ball_point(mid, radius * (1 - 1e-9))
    return not [k for k in inside if k not in (i, j)]


def select_edges(xy: np.ndarray, territory) -> list[tuple[int, int]]:
    """Gabriel edges inside the territory and shorter than MAX_EDGE_M, plus an MST."""
    tree = cKDTree(xy)
    prepared = prep(territory)
    inside = [
        (i, j)
        for i, j in candidate_edges(xy)
        if prepared.covers(shapely.LineString([xy[i], xy[j]]))
    ]
    n = len(xy)
    lengths = np.array([np.linalg.norm(xy[i] - xy[j]) for i, j in inside])
    graph = coo_matrix((lengths, ([e[0] for e in inside], [e[1] for e in inside])), shape=(n, n))
    n_comp, _ = connected_components(graph, directed=False)
    if n_comp != 1:
        raise SystemExit(f"ERROR: the town halls split into {n_comp} groups inside the territory")
    mst = minimum_spanning_tree(graph).tocoo()
    chosen = {(min(i, j), max(i, j)) for i, j in zip(mst.row.tolist(), mst.col.tolist())}
    for (i, j), length in zip(inside, lengths):
        if length <= MAX_EDGE_M and is_gabriel(xy, tree, i, j):
            chosen.add((i, j))
    return sorted(chosen)


def classify_edges(
    xy: np.ndarray, edges: list[tuple[int, int]], population: np.ndarray
) -> list[str]:
    """Road class of each edge from a hierarchy of towns.

    Primary: the shortest paths of a spanning tree joining the towns of 5,000+ inhabitants;
    secondary: the same for towns of 1,500+ (edges not already primary); tertiary: for 500+;
    every other edge is unclassified.
    """
    n = len(xy)
    lengths = np.array([np.linalg.norm(xy[i] - xy[j]) for i, j in edges])
    rows = [e[0] for e in edges] + [e[1] for e in edges]
    cols = [e[1] for e in edges] + [e[0] for e in edges]
    graph = coo_matrix((np.concatenate([lengths, lengths]), (rows, cols)), shape=(n, n)).tocsr()
    dist, pred = dijkstra(graph, directed=False, return_predecessors=True)
    index = {e: k for k, e in enumerate(edges)}
    classes = ["unclassified"] * len(edges)
    for name, threshold in TIERS.items():
        towns = np.flatnonzero(population >= threshold)
        if len(towns) < 2:
            continue
        sub = dist[np.ix_(towns, towns)]
        tree = minimum_spanning_tree(sub).tocoo()
        for a, b in zip(towns[tree.row].tolist(), towns[tree.col].tolist()):
            node = b
            while node != a:
                prev = int(pred[a, node])
                k = index[(min(prev, node), max(prev, node))]
                if classes[k] == "unclassified":
                    classes[k] = name
                node = prev
    return classes


def meander(
    start: np.ndarray, end: np.ndarray, factor: float, sign: float, phase_shift: float
) -> np.ndarray:
    """Vertices of a line from ``start`` to ``end`` whose length is ``factor`` × the straight one:
    a sine of ``k`` half-waves (one per ~3 km) across the straight line, amplitude solved by
    bisection; a small second harmonic breaks the symmetry."""
    vec = end - start
    length = float(np.linalg.norm(vec))
    k = max(1, round(length / HALF_WAVE_M))
    t = np.linspace(0.0, 1.0, 12 * k + 1)
    normal = np.array([-vec[1], vec[0]]) / length
    shape = np.sin(k * np.pi * t) + 0.25 * np.sin(2 * k * np.pi * t + phase_shift) * np.sin(
        np.pi * t
    )

    def build(amplitude: float) -> np.ndarray:
        return start + np.outer(t, vec) + np.outer(sign * amplitude * shape, normal)

    def ratio(amplitude: float) -> float:
        pts = build(amplitude)
        return float(np.sum(np.linalg.norm(np.diff(pts, axis=0), axis=1))) / length

    if factor <= 1.0:
        return np.vstack([start, end])
    lo, hi = 0.0, length
    for _ in range(60):
        mid = (lo + hi) / 2
        if ratio(mid) < factor:
            lo = mid
        else:
            hi = mid
    pts = build((lo + hi) / 2)
    pts[0], pts[-1] = start, end  # exact shared end points
    return pts


def road_geometry(
    start: np.ndarray, end: np.ndarray, prepared_territory, rng: np.random.Generator
) -> tuple[shapely.LineString, float]:
    """A meandering line inside the territory, trying smaller detours near the border."""
    target = rng.uniform(*DETOUR)
    sign = rng.choice((-1.0, 1.0))
    phase = rng.uniform(0, 2 * np.pi)
    for factor in (target, 1.15, 1.1, 1.05, 1.02, 1.0):
        for s in (sign, -sign):
            line = shapely.LineString(meander(start, end, factor, s, phase))
            if prepared_territory.covers(line):
                return line, line.length / float(np.linalg.norm(end - start))
    raise SystemExit("ERROR: an edge leaves the territory")  # excluded by select_edges


def build_roads(
    communes: gpd.GeoDataFrame, mairies: gpd.GeoDataFrame, anchor_xy: np.ndarray
) -> gpd.GeoDataFrame:
    territory = shapely.union_all(communes.geometry.values).buffer(1.0)
    prepared = prep(territory)
    edges = select_edges(anchor_xy, territory)
    classes = classify_edges(anchor_xy, edges, communes["population"].to_numpy())
    lines, attrs = [], []
    for (i, j), cls in zip(edges, classes):
        rng = np.random.default_rng([SEED, i, j])
        line, detour = road_geometry(anchor_xy[i], anchor_xy[j], prepared, rng)
        lines.append(line)
        attrs.append((cls, detour))
    # Spurs to the town halls geocoded a little outside their commune.
    index = {code: k for k, code in enumerate(communes["code_insee"])}
    far = mairies[(mairies["position_verifiee"] == 0) & (mairies["ecart_commune_m"] <= SPUR_MAX_M)]
    for row in far.sort_values("code_insee").itertuples():
        a = np.array([row.geometry.x, row.geometry.y])
        b = anchor_xy[index[row.code_insee]]
        rng = np.random.default_rng([SEED, int(row.code_insee), 99])
        line, detour = road_geometry(a, b, prepared, rng)
        lines.append(line)
        attrs.append(("unclassified", detour))
    frame = gpd.GeoDataFrame(
        {
            "classe": [a[0] for a in attrs],
            "vitesse_kmh": [SPEEDS[a[0]] for a in attrs],
            "sens": "Double sens",
            "longueur_m": [round(line.length, 1) for line in lines],
            "detour": [round(a[1], 3) for a in attrs],
            "ILLUSTRATIF": 1,
        },
        geometry=lines,
        crs=communes.crs,
    )
    frame["geometry"] = shapely.set_precision(frame.geometry.values, 0.1)
    return frame[ROAD_COLUMNS + ["geometry"]]


def check_network(roads: gpd.GeoDataFrame, points: np.ndarray) -> int:
    """Number of connected components of the network (end points joined when identical)."""
    ends = np.array(
        [c for line in roads.geometry for c in (line.coords[0], line.coords[-1])], dtype=float
    )
    keys = {tuple(p): k for k, p in enumerate(map(tuple, np.unique(ends, axis=0)))}
    a = [keys[tuple(ends[2 * k])] for k in range(len(roads))]
    b = [keys[tuple(ends[2 * k + 1])] for k in range(len(roads))]
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(keys), len(keys)))
    n_comp, _ = connected_components(graph, directed=False)
    network = shapely.union_all(roads.geometry.values)
    far = [p for p in points if network.distance(shapely.Point(p)) > 50.0]
    if far:
        raise SystemExit(f"ERROR: {len(far)} town halls are more than 50 m from the network")
    return int(n_comp)


# ---- output -----------------------------------------------------------------------------------


def write_layers(gpkg: Path, layers: dict[str, gpd.GeoDataFrame]) -> None:
    """Replace these layers of the GeoPackage, leaving the others untouched, then compact it."""
    before = set(pyogrio.list_layers(gpkg)[:, 0]) - set(layers)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": GPKG_TIMESTAMP})
    try:
        for name, frame in layers.items():
            pyogrio.write_dataframe(
                frame,
                gpkg,
                layer=name,
                driver="GPKG",
                append=False,
                layer_options={"IDENTIFIER": f"{name} — {DESCRIPTION}", "DESCRIPTION": DESCRIPTION},
            )
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    with sqlite3.connect(gpkg) as con:
        con.execute("VACUUM")
    after = set(pyogrio.list_layers(gpkg)[:, 0])
    if not before <= after:
        raise SystemExit(f"ERROR: layers lost while writing: {sorted(before - after)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gpkg", type=Path, default=DEFAULT_GPKG, help="sample GeoPackage")
    args = parser.parse_args(argv)
    gpkg = args.gpkg.resolve()
    communes, mairies = load_inputs(gpkg)
    anchor_xy = anchors(communes, mairies)
    facilities = build_facilities(communes, anchor_xy)
    roads = build_roads(communes, mairies, anchor_xy)
    spur_ends = mairies[
        (mairies["position_verifiee"] == 0) & (mairies["ecart_commune_m"] <= SPUR_MAX_M)
    ]
    targets = np.vstack([anchor_xy, np.column_stack([spur_ends.geometry.x, spur_ends.geometry.y])])
    n_comp = check_network(roads, targets)
    if n_comp != 1:
        raise SystemExit(f"ERROR: the network has {n_comp} components")
    write_layers(gpkg, {LAYER_BPE: facilities, LAYER_ROADS: roads})

    counts = Counter(facilities["TYPEQU"])
    print(f"{LAYER_BPE}: {len(facilities)} facilities (illustrative, vintage {VINTAGE})")
    for rule in RULES:
        print(f"  {rule.typequ} {rule.label}: {counts.get(rule.typequ, 0)}")
    gp = facilities[facilities["TYPEQU"] == "D265"]
    print(f"  GP full-time equivalents (capacite): {gp['capacite'].sum():.1f}")
    by_class = roads.groupby("classe")["longueur_m"].agg(["count", "sum"])
    print(
        f"{LAYER_ROADS}: {len(roads)} lines, {roads['longueur_m'].sum() / 1000:,.0f} km, 1 component"
    )
    for cls in SPEEDS:
        if cls in by_class.index:
            count, total = by_class.loc[cls]
            print(f"  {cls} ({SPEEDS[cls]} km/h): {int(count)} lines, {total / 1000:,.0f} km")
    print(f"  detour factor: {roads['detour'].min():.2f}–{roads['detour'].max():.2f}")
    print(f"wrote {gpkg} ({gpkg.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
