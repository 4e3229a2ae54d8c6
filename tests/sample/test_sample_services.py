"""The illustrative layers of the sample GeoPackage (``scripts/build_sample_services.py``), no QGIS.

``bpe_illustratif`` must be a drop-in stand-in for INSEE's geolocated BPE file (same columns, codes
of the 2024 code table, each point in its commune) and ``routes_illustratives`` a usable road
network (one component reaching every town hall, speeds matching the classes, inside the
département).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from reterr_qgis.engine.services import bpe

GPKG = Path(__file__).resolve().parents[2] / "resources" / "sample" / "aveyron.gpkg"
BPE_LAYER, ROADS_LAYER = "bpe_illustratif", "routes_illustratives"
OFFICIAL = [
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
BPE_EXTRAS = ["capacite", "ILLUSTRATIF"]
ROAD_FIELDS = ["classe", "vitesse_kmh", "sens", "longueur_m", "detour", "ILLUSTRATIF"]
CLASSES = ["primary", "secondary", "tertiary", "unclassified"]  # from major to minor
SPUR_MAX_M = 5_000  # town halls geocoded up to this far outside their commune get a spur


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    assert GPKG.exists(), f"{GPKG} is missing: build it with `make sample`"
    con = sqlite3.connect(f"file:{GPKG}?mode=ro", uri=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def layers() -> dict:
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyogrio")
    names = ("communes", "mairies", BPE_LAYER, ROADS_LAYER)
    return {name: gpd.read_file(GPKG, layer=name, engine="pyogrio") for name in names}


def fields(db: sqlite3.Connection, layer: str) -> list[tuple[str, str]]:
    geom = db.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)
    ).fetchone()[0]
    return [
        (r[1], r[2])
        for r in db.execute(f'PRAGMA table_info("{layer}")')
        if r[1] not in ("fid", geom)
    ]


# ---- structure --------------------------------------------------------------------------------


def test_layers_exist_and_say_illustrative(db):
    rows = dict(db.execute("SELECT table_name, description FROM gpkg_contents"))
    for layer in (BPE_LAYER, ROADS_LAYER):
        assert layer in rows
        assert "ILLUSTRATIF" in rows[layer] and "Aveyron (12)" in rows[layer]
    geoms = {
        name: (gtype, srs)
        for name, gtype, srs in db.execute(
            "SELECT table_name, geometry_type_name, srs_id FROM gpkg_geometry_columns"
        )
    }
    assert geoms[BPE_LAYER] == ("POINT", 2154)
    assert geoms[ROADS_LAYER] == ("LINESTRING", 2154)
    # the real layers are still there
    assert {"communes", "epci", "mairies"} <= set(rows)
    assert GPKG.stat().st_size < 8_000_000


def test_bpe_columns_are_the_official_ones_plus_extras(db):
    cols = fields(db, BPE_LAYER)
    assert [name for name, _ in cols] == OFFICIAL + BPE_EXTRAS
    types = dict(cols)
    assert types["AN"] == "INTEGER" and types["ILLUSTRATIF"] == "INTEGER"
    assert types["LAMBERT_X"] == types["LAMBERT_Y"] == types["capacite"] == "REAL"
    for name in ("REG", "DEP", "DEPCOM", "DCIRIS", "TYPEQU", "QUALITE_XY"):
        assert types[name] == "TEXT", name


def test_road_columns(db):
    assert [name for name, _ in fields(db, ROADS_LAYER)] == ROAD_FIELDS


# ---- facilities -------------------------------------------------------------------------------


def test_bpe_values(layers):
    fac = layers[BPE_LAYER]
    assert len(fac) > 500
    assert set(fac["REG"]) == {"76"} and set(fac["DEP"]) == {"12"}
    assert set(fac["AN"]) == {2024} and set(fac["QUALITE_XY"]) == {"Bonne"}
    assert set(fac["ILLUSTRATIF"]) == {1}
    assert (fac["DCIRIS"].str[:5] == fac["DEPCOM"]).all()
    assert np.allclose(fac.geometry.x, fac["LAMBERT_X"]) and np.allclose(
        fac.geometry.y, fac["LAMBERT_Y"]
    )
    assert set(fac["DEPCOM"]) <= set(layers["communes"]["code_insee"])


def test_codes_exist_in_the_2024_code_table(layers):
    table = bpe.load_code_table()
    codes = set(layers[BPE_LAYER]["TYPEQU"])
    assert {c for c in codes if table.lookup(c, 2024) is None} == set()
    # the main everyday-basket types are all there
    assert {"D265", "D307", "B207", "B105", "A206", "C108", "C201"} <= codes
    assert codes & set(table.basket_codes("ot2024", 2024)) >= {"D265", "D307", "B207", "C201"}


def test_every_point_lies_in_its_commune(layers):
    communes = layers["communes"].set_index("code_insee")
    fac = layers[BPE_LAYER]
    polygons = communes.geometry.reindex(fac["DEPCOM"]).values
    inside = [poly.contains(point) for poly, point in zip(polygons, fac.geometry.values)]
    assert all(inside), fac.loc[[not ok for ok in inside], ["DEPCOM", "TYPEQU"]]


def test_capacity_only_for_gps(layers):
    fac = layers[BPE_LAYER]
    gp = fac["TYPEQU"] == "D265"
    assert fac.loc[~gp, "capacite"].isna().all()
    cap = fac.loc[gp, "capacite"]
    assert cap.notna().all() and ((cap > 0) & (cap <= 1)).all()


def test_population_rules(layers):
    communes = layers["communes"].set_index("code_insee")
    counts = layers[BPE_LAYER].groupby(["DEPCOM", "TYPEQU"]).size()
    pop = communes["population"]

    def has(code: str) -> set[str]:
        return {c for (c, t) in counts.index if t == code}

    assert has("D307") == set(pop.index[pop >= 1500])
    assert has("C201") == set(pop.index[pop >= 1800])
    assert has("B104") == set(pop.index[pop >= 10000])
    # about one GP per 1,100 inhabitants where there is one (illustrative density)
    n_gp = counts.xs("D265", level="TYPEQU")
    assert n_gp.sum() == pytest.approx(pop[pop >= 700].sum() / 1100, rel=0.1)
    assert n_gp.idxmax() in ("12202", "12145")  # Rodez or Millau


def test_reads_back_as_a_bpe_file(layers, tmp_path):
    """Exported in the official CSV format, the layer goes through the engine's BPE reader."""
    fac = layers[BPE_LAYER]
    path = tmp_path / "bpe_illustratif.csv"
    fac[OFFICIAL].to_csv(path, sep=";", index=False)
    read = bpe.read_bpe_csv(path)
    assert len(read) == len(fac) and read.known.all()
    assert read.report.vintages == {2024: len(fac)} and read.report.epsg == {2154: len(fac)}
    assert read.baskets["ot2024"].sum() > 0.5 * len(fac)


# ---- roads ------------------------------------------------------------------------------------


def test_road_attributes(layers):
    roads = layers[ROADS_LAYER]
    assert len(roads) > 285
    assert set(roads["classe"]) == set(CLASSES)
    assert set(roads["sens"]) == {"Double sens"} and set(roads["ILLUSTRATIF"]) == {1}
    speed = roads.groupby("classe")["vitesse_kmh"].agg(["min", "max"])
    assert (speed["min"] == speed["max"]).all(), "one speed per class"
    ordered = [int(speed.loc[c, "min"]) for c in CLASSES]
    assert ordered == sorted(ordered, reverse=True) and ordered[-1] >= 30 and ordered[0] <= 90
    assert np.allclose(roads["longueur_m"], roads.geometry.length, atol=0.5)


def test_road_detour(layers):
    roads = layers[ROADS_LAYER]
    starts = np.array([line.coords[0] for line in roads.geometry])
    ends = np.array([line.coords[-1] for line in roads.geometry])
    ratio = roads.geometry.length.to_numpy() / np.linalg.norm(ends - starts, axis=1)
    assert np.allclose(ratio, roads["detour"], atol=2e-3)
    assert (ratio >= 0.999).all() and (ratio <= 1.301).all()
    # most lines get the full 1.2-1.3 detour; the others are near the border
    assert np.mean(ratio >= 1.199) > 0.9


def test_roads_inside_the_departement(layers):
    shapely = pytest.importorskip("shapely")
    territory = shapely.union_all(layers["communes"].geometry.values).buffer(2.0)
    outside = [
        i for i, line in enumerate(layers[ROADS_LAYER].geometry) if not territory.covers(line)
    ]
    assert not outside


def test_network_is_connected_and_reaches_every_town_hall(layers):
    shapely = pytest.importorskip("shapely")
    sparse = pytest.importorskip("scipy.sparse")
    csgraph = pytest.importorskip("scipy.sparse.csgraph")
    roads = layers[ROADS_LAYER]
    ends = [p for line in roads.geometry for p in (line.coords[0], line.coords[-1])]
    nodes = {p: k for k, p in enumerate(sorted(set(ends)))}
    a, b = [nodes[p] for p in ends[0::2]], [nodes[p] for p in ends[1::2]]
    graph = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(len(nodes), len(nodes)))
    n_comp, _ = csgraph.connected_components(graph, directed=False)
    assert n_comp == 1

    # town halls: the directory's point when placed in (or near) its commune, else a point inside
    # the commune (2 communes have no town hall in the directory, 3 are geocoded 30-90 km off)
    communes, mairies = layers["communes"], layers["mairies"]
    placed = mairies[
        (mairies["position_verifiee"] == 1) | (mairies["ecart_commune_m"] <= SPUR_MAX_M)
    ]
    missing = communes[
        ~communes["code_insee"].isin(mairies.loc[mairies["position_verifiee"] == 1, "code_insee"])
    ]
    points = list(placed.geometry) + [g.representative_point() for g in missing.geometry]
    assert len(placed) >= 280
    network = shapely.union_all(roads.geometry.values)
    far = [p for p in points if network.distance(p) > 50.0]
    assert not far
