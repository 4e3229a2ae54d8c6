"""Checks of the sample territory GeoPackage ``resources/sample/aveyron.gpkg``.

The file is built by ``scripts/build_sample.py`` (``make sample``) from real open data. These tests
do not need QGIS: the structure is read with ``sqlite3``, the geometries with pyogrio/shapely when
they are installed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

GPKG = Path(__file__).resolve().parents[2] / "resources" / "sample" / "aveyron.gpkg"

EXPECTED_FIELDS = {
    "communes": [
        "code_insee",
        "nom",
        "population",
        "pop_0_19",
        "pop_20_64",
        "pop_65p",
        "logements",
        "log_vacants",
        "siren_epci",
        "nom_epci",
        "code_dep",
    ],
    "epci": [
        "siren_epci",
        "nom_epci",
        "nature",
        "fiscalite",
        "population",
        "nb_communes",
        "perimetre_partiel",
        "nb_communes_hors_dep",
        "population_epci_totale",
    ],
    "mairies": [
        "code_insee",
        "code_insee_origine",
        "nom",
        "adresse",
        "code_postal",
        "commune",
        "horaires",
        "telephone",
        "site_web",
        "position_verifiee",
        "ecart_commune_m",
    ],
}
EXPECTED_GEOMETRY = {
    "communes": "MULTIPOLYGON",
    "epci": "MULTIPOLYGON",
    "mairies": "POINT",
    # Illustrative layers added by scripts/build_sample_services.py (tests/test_sample_services.py).
    "bpe_illustratif": "POINT",
    "routes_illustratives": "LINESTRING",
    # Illustrative layers added by scripts/build_sample_supply.py (tests/sample/test_sample_supply.py).
    "rpg_illustratif": "POLYGON",
    "sirene_illustratif": "POINT",
}

# Plausible Lambert-93 envelope of Aveyron (the département spans about 608-736 km east and
# 6288-6427 km north); a layer left in degrees or in another CRS falls far outside.
BBOX = (590_000.0, 6_270_000.0, 760_000.0, 6_450_000.0)
# Superficie of Aveyron published by INSEE (km²); the simplified contours must match within 2 %.
INSEE_AREA_KM2 = 8735.0
RODEZ, MILLAU = "12202", "12145"


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    """Open the GeoPackage read-only with sqlite3."""
    assert GPKG.exists(), f"{GPKG} is missing: build it with `make sample`"
    con = sqlite3.connect(f"file:{GPKG}?mode=ro", uri=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def layers() -> dict:
    """Read the three layers as GeoDataFrames (skipped without geopandas/pyogrio)."""
    gpd = pytest.importorskip("geopandas")
    pytest.importorskip("pyogrio")
    assert GPKG.exists(), f"{GPKG} is missing: build it with `make sample`"
    return {name: gpd.read_file(GPKG, layer=name, engine="pyogrio") for name in EXPECTED_FIELDS}


# ---- structure (sqlite3 only) ---------------------------------------------------------------


def test_file_is_small(db: sqlite3.Connection) -> None:
    assert GPKG.stat().st_size < 8_000_000


def test_layers_are_lambert93(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT g.table_name, g.geometry_type_name, s.organization, s.organization_coordsys_id "
        "FROM gpkg_geometry_columns g JOIN gpkg_spatial_ref_sys s USING (srs_id)"
    ).fetchall()
    found = {name: (geom_type, org.upper(), code) for name, geom_type, org, code in rows}
    assert set(found) == set(EXPECTED_GEOMETRY)
    for name, (geom_type, org, code) in found.items():
        assert (org, code) == ("EPSG", 2154), name
        assert geom_type == EXPECTED_GEOMETRY[name], name


@pytest.mark.parametrize("layer", sorted(EXPECTED_FIELDS))
def test_layer_fields_exact(db: sqlite3.Connection, layer: str) -> None:
    geom_col = db.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)
    ).fetchone()[0]
    columns = [row[1] for row in db.execute(f'PRAGMA table_info("{layer}")')]
    assert columns[0] == "fid"
    assert [c for c in columns if c not in ("fid", geom_col)] == EXPECTED_FIELDS[layer]


def test_layer_description(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT table_name, description FROM gpkg_contents").fetchall()
    for name, description in rows:
        assert "Aveyron (12)" in (description or ""), name


def test_code_insee_unique_and_in_aveyron(db: sqlite3.Connection) -> None:
    codes = [row[0] for row in db.execute("SELECT code_insee FROM communes")]
    assert len(codes) > 250
    assert len(codes) == len(set(codes))
    bad = [c for c in codes if not (isinstance(c, str) and len(c) == 5 and c.startswith("12"))]
    assert not bad


def test_commune_attributes(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT code_insee, population, pop_0_19, pop_20_64, pop_65p, logements, log_vacants, "
        "siren_epci, code_dep FROM communes"
    ).fetchall()
    no_pop = [r[0] for r in rows if not r[1] or r[1] <= 0]
    no_ages = [r[0] for r in rows if (r[2] or 0) + (r[3] or 0) + (r[4] or 0) <= 0]
    vacancy = [r[0] for r in rows if r[6] is None or r[5] is None or r[6] > r[5] or r[6] < 0]
    bad_siren = [r[0] for r in rows if not (r[7] and len(r[7]) == 9 and r[7].isdigit())]
    bad_dep = [r[0] for r in rows if r[8] != "12"]
    assert not no_pop, f"population <= 0: {no_pop}"
    assert not no_ages, f"no RP 2021 age counts: {no_ages}"
    assert not vacancy, f"log_vacants > logements: {vacancy}"
    assert not bad_siren, f"bad siren_epci: {bad_siren}"
    assert not bad_dep, f"bad code_dep: {bad_dep}"


def test_rp2021_age_total_close_to_legal_population(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT code_insee, nom, population, pop_0_19 + pop_20_64 + pop_65p FROM communes"
    ).fetchall()
    failures = [
        f"{code} {name}: {rp}/{pop} = {rp / pop:.2f}"
        for code, name, pop, rp in rows
        if not 0.7 <= rp / pop <= 1.3
    ]
    assert not failures, "RP 2021 / legal population out of [0.7, 1.3]: " + "; ".join(failures)


def test_epci_population_is_sum_of_communes(db: sqlite3.Connection) -> None:
    sums = dict(db.execute("SELECT siren_epci, SUM(population) FROM communes GROUP BY siren_epci"))
    counts = dict(db.execute("SELECT siren_epci, COUNT(*) FROM communes GROUP BY siren_epci"))
    epci = {
        row[0]: row[1:]
        for row in db.execute("SELECT siren_epci, population, nb_communes FROM epci")
    }
    assert set(epci) == set(sums)
    for siren, (population, nb_communes) in epci.items():
        assert population == sums[siren], siren
        assert nb_communes == counts[siren], siren


def test_enough_epci(db: sqlite3.Connection) -> None:
    (count,) = db.execute("SELECT COUNT(*) FROM epci").fetchone()
    assert count >= 5


def test_partial_epci_flag(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT siren_epci, perimetre_partiel, nb_communes_hors_dep, population, "
        "population_epci_totale FROM epci"
    ).fetchall()
    for siren, partial, outside, population, total in rows:
        assert partial in (0, 1), siren
        assert (partial == 1) == (outside > 0), siren
        if not partial:
            # whole EPCI inside the département: same municipal population as etalab's total
            assert population == total, siren


def test_rodez_then_millau(db: sqlite3.Connection) -> None:
    top = db.execute(
        "SELECT code_insee, nom FROM communes ORDER BY population DESC LIMIT 2"
    ).fetchall()
    assert top[0] == (RODEZ, "Rodez")
    assert top[1] == (MILLAU, "Millau")


def test_mairies_refer_to_communes(db: sqlite3.Connection) -> None:
    orphans = db.execute(
        "SELECT code_insee FROM mairies WHERE code_insee NOT IN (SELECT code_insee FROM communes)"
    ).fetchall()
    assert not orphans
    (count,) = db.execute("SELECT COUNT(DISTINCT code_insee) FROM mairies").fetchone()
    (communes,) = db.execute("SELECT COUNT(*) FROM communes").fetchone()
    assert count >= 0.95 * communes


# ---- geometry (geopandas / shapely) ---------------------------------------------------------


@pytest.mark.parametrize("layer", sorted(EXPECTED_FIELDS))
def test_geometries_valid_and_in_bbox(layers: dict, layer: str) -> None:
    gdf = layers[layer]
    assert gdf.crs is not None and gdf.crs.to_epsg() == 2154
    assert len(gdf) > 0
    assert gdf.geometry.notna().all()
    assert not gdf.geometry.is_empty.any()
    invalid = gdf.loc[~gdf.geometry.is_valid].index.tolist()
    assert not invalid, f"invalid geometries in {layer}: {invalid}"
    expected = {"mairies": "Point"}.get(layer, "MultiPolygon")
    assert set(gdf.geom_type) == {expected}
    xmin, ymin, xmax, ymax = gdf.total_bounds
    assert BBOX[0] <= xmin and BBOX[1] <= ymin and xmax <= BBOX[2] and ymax <= BBOX[3]


def test_total_area_matches_insee(layers: dict) -> None:
    area_km2 = layers["communes"].geometry.area.sum() / 1e6
    assert abs(area_km2 - INSEE_AREA_KM2) / INSEE_AREA_KM2 < 0.02, area_km2


def test_communes_do_not_overlap(layers: dict) -> None:
    shapely = pytest.importorskip("shapely")
    communes = layers["communes"]
    union = shapely.union_all(communes.geometry.values)
    assert abs(communes.geometry.area.sum() - union.area) < 1e6  # < 1 km² in total


def test_epci_cover_the_communes(layers: dict) -> None:
    communes, epci = layers["communes"], layers["epci"]
    assert abs(epci.geometry.area.sum() - communes.geometry.area.sum()) < 1e6
    for row in epci.itertuples():
        members = communes[communes["siren_epci"] == row.siren_epci]
        assert abs(row.geometry.area - members.geometry.area.sum()) < 1e5, row.siren_epci


def test_mairie_position_flag(layers: dict) -> None:
    communes = layers["communes"].set_index("code_insee")
    mairies = layers["mairies"]
    verified = mairies[mairies["position_verifiee"] == 1]
    assert len(verified) >= 0.9 * len(mairies)
    for row in mairies.itertuples():
        distance = row.geometry.distance(communes.geometry[row.code_insee])
        assert abs(distance - row.ecart_commune_m) <= 1, row.code_insee_origine
        assert (row.position_verifiee == 1) == (distance == 0), row.code_insee_origine
