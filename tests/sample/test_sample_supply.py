"""The illustrative supply-chain data of the sample (``scripts/build_sample_supply.py``), no QGIS.

Each file must be a drop-in stand-in for the official one (IGN RPG ``PARCELLES_GRAPHIQUES``
columns, an OSO-class GeoTIFF, INSEE's SIRENE stock CSVs, INSEE's aggregated home-work flows),
rebuild byte for byte, and carry what it was designed to show: a grassland-dominated crop mix,
about 57 % farmland with parcels crossing commune boundaries, a land cover consistent with the
parcels, closed and unlocated establishments, head offices outside the département, and the
deliberate missing links of the value chains (read back through the engine).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import os
import sqlite3
import sys
from pathlib import Path
from typing import Optional

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
GPKG = SAMPLE / "aveyron.gpkg"
RASTER = SAMPLE / "occupation_sol_illustrative.tif"
ETAB = SAMPLE / "StockEtablissement_illustratif.csv"
UL = SAMPLE / "StockUniteLegale_illustratif.csv"
FLOWS = SAMPLE / "flux_domicile_travail_illustratif.csv"
RPG_LAYER, SIRENE_LAYER = "rpg_illustratif", "sirene_illustratif"
RPG_FIELDS = [
    "ID_PARCEL",
    "SURF_PARC",
    "CODE_CULTU",
    "CODE_GROUP",
    "CULTURE_D1",
    "CULTURE_D2",
    "ILLUSTRATIF",
]
FLOW_HEADER = "CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C21_ACTOCC15P"
#: Size of aveyron.gpkg before the two layers of this generator (build_sample_services output).
GPKG_WITHOUT_SUPPLY = 1_249_280
#: RPG group of each crop code of the sample, typed here from the ASP/IGN code → group table
#: (REF_CULTURES_GROUPES_CULTURES as mirrored by AgenceBio's CartoBio) independently of the
#: generator's table.
OFFICIAL_GROUP = {
    "PPH": 18, "PRL": 18, "PTR": 19, "RGA": 19, "MLG": 16, "LUZ": 16, "TRE": 16, "MIE": 2,
    "MIS": 2, "BTH": 1, "ORH": 3, "ORP": 3, "TTH": 4, "AVH": 4, "MCR": 4, "SGH": 4, "CZH": 5,
    "TRN": 6, "FVL": 8, "PHI": 8, "SPH": 17, "SPL": 17, "BOP": 17, "J5M": 11, "VRG": 20,
    "NOX": 22, "CTG": 22, "VRC": 21, "FLA": 25, "PTC": 25, "MOT": 24, "VES": 16, "PCL": 28,
}  # fmt: skip
# EPCI (SIREN) named in the checks
CA_RODEZ = "241200187"
OUEST_AVEYRON = "200069383"  # Villefranche-de-Rouergue
BAS_SEGALA = "241200807"  # Rieupeyroux
DECAZEVILLE = "200067064"
RODEZ, MILLAU, VILLEFRANCHE = "12202", "12145", "12300"


# ---- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gen():
    """The generator script as a module (its tables and functions)."""
    for p in (str(ROOT / "scripts"), str(ROOT)):
        if p not in sys.path:
            sys.path.insert(0, p)
    pytest.importorskip("geopandas")
    pytest.importorskip("rasterio")
    spec = importlib.util.spec_from_file_location(
        "build_sample_supply", ROOT / "scripts" / "build_sample_supply.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses resolve their annotations there
    spec.loader.exec_module(module)
    return module


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
    names = ("communes", "epci", "mairies", "routes_illustratives", RPG_LAYER, SIRENE_LAYER)
    out = {name: gpd.read_file(GPKG, layer=name, engine="pyogrio") for name in names}
    out["communes"] = out["communes"].sort_values("code_insee").reset_index(drop=True)
    out["epci"] = out["epci"].sort_values("siren_epci").reset_index(drop=True)
    return out


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def etab() -> list[dict[str, str]]:
    return read_rows(ETAB)


@pytest.fixture(scope="module")
def units() -> list[dict[str, str]]:
    return read_rows(UL)


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def fields(db: sqlite3.Connection, layer: str) -> list[tuple[str, str]]:
    geom = db.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)
    ).fetchone()[0]
    return [
        (r[1], r[2])
        for r in db.execute(f'PRAGMA table_info("{layer}")')
        if r[1] not in ("fid", geom)
    ]


# ---- GeoPackage layers ----------------------------------------------------------------------------


def test_layers_say_illustrative(db):
    rows = dict(db.execute("SELECT table_name, description FROM gpkg_contents"))
    for layer in (RPG_LAYER, SIRENE_LAYER):
        assert "ILLUSTRATIF" in rows[layer] and "Aveyron (12)" in rows[layer]
        assert "build_sample_supply.py" in rows[layer]
    geoms = {
        name: (gtype, srs)
        for name, gtype, srs in db.execute(
            "SELECT table_name, geometry_type_name, srs_id FROM gpkg_geometry_columns"
        )
    }
    assert geoms[RPG_LAYER] == ("POLYGON", 2154)
    assert geoms[SIRENE_LAYER] == ("POINT", 2154)
    assert {"communes", "epci", "mairies", "bpe_illustratif", "routes_illustratives"} <= set(rows)


def test_rpg_columns_are_the_official_ones(db):
    cols = fields(db, RPG_LAYER)
    assert [name for name, _ in cols] == RPG_FIELDS
    types = dict(cols)
    assert types["SURF_PARC"] == "REAL" and types["ILLUSTRATIF"] == "INTEGER"
    for name in ("ID_PARCEL", "CODE_CULTU", "CODE_GROUP", "CULTURE_D1", "CULTURE_D2"):
        assert types[name] == "TEXT", name


def test_sirene_layer_columns(db):
    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS

    cols = fields(db, SIRENE_LAYER)
    assert [name for name, _ in cols] == [*ETABLISSEMENT_COLUMNS, "ILLUSTRATIF"]
    assert all(t == "TEXT" for name, t in cols if name != "ILLUSTRATIF")


# ---- RPG parcels ------------------------------------------------------------------------------------


def test_rpg_geometries_and_areas(layers):
    shapely = pytest.importorskip("shapely")
    rpg = layers[RPG_LAYER]
    assert 15_000 <= len(rpg) <= 30_000
    assert set(rpg.geom_type) == {"Polygon"}
    assert shapely.is_valid(rpg.geometry.values).all()
    assert rpg["ID_PARCEL"].is_unique and rpg["ID_PARCEL"].str.isdigit().all()
    area_ha = rpg.geometry.area.to_numpy() / 1e4
    assert np.abs(rpg["SURF_PARC"].to_numpy() - area_ha).max() <= 0.005 + 1e-9
    assert set(rpg["ILLUSTRATIF"]) == {1}
    # gaps between parcels: no two parcels overlap
    tree = shapely.STRtree(rpg.geometry.values)
    pairs = tree.query(rpg.geometry.values, predicate="overlaps")
    assert pairs.size == 0


def test_rpg_codes_are_valid_pairs(gen, layers):
    from reterr_qgis.engine.supply.groups import TARGET_IDS, UNCLASSIFIED, load_rpg_mapping

    rpg = layers[RPG_LAYER]
    pairs = set(zip(rpg["CODE_CULTU"], rpg["CODE_GROUP"]))
    assert {(c, str(OFFICIAL_GROUP[c])) for c, _ in pairs} == pairs
    assert {(c.code, c.group) for c in gen.CROPS} <= set(OFFICIAL_GROUP.items())
    assert {(c, g) for c, g in gen.CATCH_CROPS.items()} <= set(OFFICIAL_GROUP.items())
    # catch crops: mostly empty, a second one only after a first one
    d1, d2 = rpg["CULTURE_D1"], rpg["CULTURE_D2"]
    assert 0.0 < d1.notna().mean() < 0.1
    assert d2.notna().sum() > 0 and d1[d2.notna()].notna().all()
    assert set(d1.dropna()) | set(d2.dropna()) <= set(gen.CATCH_CROPS)
    # every parcel gets a crop group of the shipped table: no "non classé"
    target, _, _ = load_rpg_mapping().classify(rpg["CODE_GROUP"], rpg["CODE_CULTU"], len(rpg))
    assert not (target == TARGET_IDS.index(UNCLASSIFIED)).any()


def _rosetta_pac_codes() -> Optional[set[str]]:
    """PAC codes of ``@agencebio/rosetta-cultures`` (``data/cpf.json``) if a copy is cached under
    build/ (``npm pack @agencebio/rosetta-cultures@2.4.1``, unpacked) or named by
    ``RETERR_ROSETTA_CPF``."""
    import json

    candidates = [os.environ.get("RETERR_ROSETTA_CPF", "")]
    # Under build/rosetta*/ (not the whole of build/, which may hold a Debian 13 chroot).
    candidates += [str(p) for p in sorted((ROOT / "build").glob("rosetta*/**/data/cpf.json"))]
    for c in candidates:
        if c and Path(c).is_file():
            data = json.loads(Path(c).read_text(encoding="utf-8"))
            return {row["code"] for row in data["PAC"]}
    return None


def test_crop_codes_exist_in_the_pac_list(gen):
    codes = _rosetta_pac_codes()
    if codes is None:
        pytest.skip("rosetta-cultures cpf.json not cached under build/ (RETERR_ROSETTA_CPF)")
    used = {c.code for c in gen.CROPS} | set(gen.CATCH_CROPS)
    assert used - codes == set()


def test_rpg_crop_mix(gen, layers):
    rpg = layers[RPG_LAYER]
    area = rpg.geometry.area.to_numpy()
    group = rpg["CODE_GROUP"].astype(int).to_numpy()
    code = rpg["CODE_CULTU"].to_numpy()

    def share(mask) -> float:
        return float(area[mask].sum() / area.sum())

    assert 0.70 <= share(np.isin(group, [18, 19])) <= 0.75  # grassland
    assert 0.04 <= share((group == 16) | (code == "MIE")) <= 0.06  # fodder
    assert 0.10 <= share(np.isin(group, [1, 3, 4]) | (code == "MIS")) <= 0.12  # cereals
    assert 0.01 <= share(np.isin(group, [5, 6, 7, 8, 15])) <= 0.02  # oilseeds, protein
    assert 0.05 <= share(group == 17) <= 0.12  # pastoral land
    assert 0.0 < share(np.isin(group, [20, 21, 22, 25])) < 0.01  # orchards, vines, vegetables

    xy = np.column_stack([rpg.geometry.centroid.x, rpg.geometry.centroid.y])
    w = {name: gen.gauss(xy, c, s) for name, (c, s) in gen.REGIONS.items()}
    w["causses"] = np.maximum.reduce([w[k] for k in gen.CAUSSES])

    def local_share(mask, where) -> float:
        return float(area[mask & where].sum() / area[where].sum())

    # pastoral land on the causses and the Aubrac, cereals in the Ségala, vines near
    # Marcillac-Vallon and Millau
    high = (w["causses"] > 0.5) | (w["aubrac"] > 0.5)
    assert local_share(group == 17, high) > 2.5 * local_share(group == 17, ~high)
    segala = w["segala"] > 0.5
    cereals = np.isin(group, [1, 3, 4]) | (code == "MIS")
    assert local_share(cereals, segala) > 1.5 * share(cereals)
    vines = code == "VRC"
    near = (w["marcillac"] > 0.01) | (w["tarn_millau"] > 0.01)
    assert area[vines & near].sum() > 0.9 * area[vines].sum()


def test_farmland_per_commune(gen, layers):
    from reterr_qgis.engine.supply import TARGET_IDS, farmland_from_rpg

    rpg, communes = layers[RPG_LAYER], layers["communes"]
    res = farmland_from_rpg(
        rpg.geometry.values,
        communes.geometry.values,
        code_group=rpg["CODE_GROUP"].to_numpy(),
        code_cultu=rpg["CODE_CULTU"].to_numpy(),
    )
    assert res.unknown_codes == {} and res.outside_ha < 1.0
    assert res.hectares[:, TARGET_IDS.index("non_classe")].sum() == 0
    # parcels crossing a commune boundary, split by area by the engine
    assert res.details["parcels_split"] >= 0.05 * len(rpg)
    total = res.hectares.sum(axis=1)
    area = communes.geometry.area.to_numpy() / 1e4
    assert 0.55 <= total.sum() / area.sum() <= 0.60
    # each commune ≈ its area × its farmland share (parcels are kept by their centroid, so the
    # pieces across boundaries move a little area from one commune to the next)
    ter = gen.load_territory(GPKG)
    rel = total / (gen.farmland_shares(ter) * area) - 1.0
    assert np.median(np.abs(rel)) < 0.03
    assert np.mean(np.abs(rel) < 0.10) > 0.9
    own = total / area
    codes = communes["code_insee"].tolist()
    for town in (RODEZ, MILLAU):
        assert own[codes.index(town)] < 0.75 * total.sum() / area.sum(), town


# ---- land cover -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raster():
    rasterio = pytest.importorskip("rasterio")
    with rasterio.open(RASTER) as ds:
        yield ds, ds.read(1)


def test_raster_format(raster):
    ds, grid = raster
    assert RASTER.stat().st_size <= 1_500_000
    assert ds.count == 1 and ds.dtypes[0] == "uint8" and ds.nodata == 0
    assert ds.crs.to_epsg() == 2154 and ds.res == (100.0, 100.0)
    assert ds.profile["tiled"] and ds.profile["compress"].lower() == "deflate"
    tags = ds.tags()
    assert tags["ILLUSTRATIF"] == "1" and "ILLUSTRATIF" in tags["DESCRIPTION"]
    assert tags["NOMENCLATURE"] == "oso2018"
    assert set(np.unique(grid).tolist()) <= set(range(24))


def test_raster_zero_outside_the_departement(raster, layers):
    shapely = pytest.importorskip("shapely")
    features = pytest.importorskip("rasterio.features")
    ds, grid = raster
    dep = shapely.union_all(layers["communes"].geometry.values)
    assert ds.bounds.left <= dep.bounds[0] and ds.bounds.top >= dep.bounds[3]
    inside = features.rasterize([(dep, 1)], out_shape=grid.shape, transform=ds.transform)
    assert (grid[inside == 0] == 0).all()
    assert (grid[inside == 1] > 0).all()


def test_raster_classes_match_the_parcels(gen, raster, layers):
    """Pixels (1 ha each) of every agricultural class = the area of the parcels of that class."""
    _, grid = raster
    rpg = layers[RPG_LAYER]
    oso = {c.code: c.oso for c in gen.CROPS}
    ha = (rpg.geometry.area / 1e4).groupby(rpg["CODE_CULTU"].map(oso)).sum()
    pixels = np.bincount(grid.ravel(), minlength=24)
    checked = 0
    for cls, area in ha.items():
        if cls in (18, 19):  # heath and grassland also fill the causses beyond the parcels
            assert pixels[cls] >= 0.9 * area
        elif area >= 200:
            assert abs(pixels[cls] / area - 1.0) <= 0.10, cls
            checked += 1
    assert checked >= 8
    assert pixels[[16, 17]].sum() > 0 and pixels[23] > 0 and pixels[[1, 2]].sum() > 0


def test_raster_through_the_engine(layers):
    from reterr_qgis.engine.supply import (
        GROUP_IDS,
        TARGET_IDS,
        farmland_from_raster,
        load_landcover_mapping,
    )

    epci = layers["epci"]
    res = farmland_from_raster(RASTER, epci.geometry.values, load_landcover_mapping("oso2018"))
    assert res.unknown_codes == {}
    totals = dict(zip(TARGET_IDS, res.hectares.sum(axis=0)))
    assert totals["non_classe"] == 0
    assert max(GROUP_IDS, key=totals.get) == "fourrages"
    assert 0.5 < sum(totals[g] for g in GROUP_IDS) / sum(totals.values()) < 0.6


# ---- SIRENE stock -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path,kind", [(ETAB, "etab"), (UL, "ul")])
def test_sirene_csv_as_published(path, kind):
    """UTF-8, comma, header of the published columns in order, LF, quotes only when needed."""
    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS, UNITE_LEGALE_COLUMNS

    columns = ETABLISSEMENT_COLUMNS if kind == "etab" else UNITE_LEGALE_COLUMNS
    assert len(columns) == (54 if kind == "etab" else 35)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert b"\r" not in raw and text.endswith("\n")
    lines = text.split("\n")[:-1]
    assert lines[0] == ",".join(columns)
    quoted = 0
    for line in lines[1:]:
        (values,) = list(csv.reader([line]))
        assert len(values) == len(columns)
        out = io.StringIO()
        csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="").writerow(values)
        assert out.getvalue() == line  # no quote a minimal writer would not put
        quoted += '"' in line
    if kind == "etab":
        assert path.stat().st_size <= 4_000_000
        assert 8_000 <= len(lines) - 1 <= 12_000
        assert quoted > 0  # the reader's quoted-record path is exercised


def test_sirene_identifiers_and_head_offices(etab, units):
    sirets = [r["siret"] for r in etab]
    assert len(set(sirets)) == len(sirets)
    for r in etab:
        s, n = r["siren"], r["nic"]
        assert len(s) == 9 and s.isdigit() and luhn(s), s
        assert len(n) == 5 and n.isdigit() and r["siret"] == s + n and luhn(s + n), r["siret"]
    ul = {u["siren"]: u for u in units}
    assert len(ul) == len(units) and set(ul) == {r["siren"] for r in etab}
    sieges: dict[str, list[str]] = {}
    states: dict[str, set[str]] = {}
    for r in etab:
        assert r["etablissementSiege"] in ("true", "false")
        if r["etablissementSiege"] == "true":
            sieges.setdefault(r["siren"], []).append(r["nic"])
        states.setdefault(r["siren"], set()).add(r["etatAdministratifEtablissement"])
    for siren, u in ul.items():
        assert sieges.get(siren) == [u["nicSiegeUniteLegale"]], siren
        # a ceased unit (C) has only closed establishments, an active one at least one open
        assert (u["etatAdministratifUniteLegale"] == "C") == (states[siren] == {"F"}), siren


def test_sirene_values(etab, units):
    from reterr_qgis.engine.supply.sirene import load_tranches

    tranches = set(load_tranches())
    assert {r["trancheEffectifsEtablissement"] for r in etab} <= tranches
    assert {u["trancheEffectifsUniteLegale"] for u in units} <= tranches
    assert {r["etatAdministratifEtablissement"] for r in etab} == {"A", "F"}
    assert {r["nomenclatureActivitePrincipaleEtablissement"] for r in etab} == {"NAFRev2"}
    assert {r["activitePrincipaleNAF25Etablissement"] for r in etab} == {""}
    assert {r["statutDiffusionEtablissement"] for r in etab} == {"O", "P"}
    assert {u["categorieEntreprise"] for u in units} == {"", "PME", "ETI", "GE"}
    assert {u["economieSocialeSolidaireUniteLegale"] for u in units} == {"O", "N"}
    dates = [r["dateCreationEtablissement"] for r in etab] + [r["dateDebut"] for r in etab]
    assert max(dates) < "2025-01-01" and min(dates) >= "1940-01-01"
    # sizes: mostly micro, a few large
    sizes = [r["trancheEffectifsEtablissement"] for r in etab]
    small = sum(s in ("NN", "00", "01", "02") for s in sizes) / len(sizes)
    assert small > 0.8 and sum(s >= "21" and s != "NN" for s in sizes) > 10
    # cooperatives and associations are in the social and solidarity economy
    for u in units:
        if u["categorieJuridiqueUniteLegale"] in ("9220", "6316", "6317", "6318"):
            assert u["economieSocialeSolidaireUniteLegale"] == "O"
    naf = {r["activitePrincipaleEtablissement"] for r in etab}
    assert len({c[:2] for c in naf}) >= 30  # a diversified economy
    assert {"01.41Z", "01.45Z", "01.42Z", "01.11Z", "02.20Z", "86.21Z", "84.11Z"} <= naf


def test_naf_codes_exist(etab, units, insee_naf_rev2):
    codes = insee_naf_rev2
    used = {r["activitePrincipaleEtablissement"] for r in etab}
    used |= {u["activitePrincipaleUniteLegale"] for u in units}
    assert used - codes == set()


@pytest.fixture(scope="module")
def stock(layers):
    from reterr_qgis.engine.supply import read_stock_etablissement

    codes = layers["communes"]["code_insee"].tolist()
    return read_stock_etablissement(ETAB, codes, unites_legales=UL)


def test_sirene_through_the_engine(stock, etab):
    """Read as a planner's real stock: counts of closed rows, rows without coordinates and rows
    of other communes as designed, every legal unit joined, every head office known."""
    rep = stock.report
    aveyron = [r for r in etab if r["codeCommuneEtablissement"].startswith("12")]
    assert rep.rows_read == len(etab) and rep.malformed == 0
    assert rep.outside == len(etab) - len(aveyron) and 200 <= rep.outside <= 500
    assert rep.closed + rep.rows_kept == len(aveyron)
    assert 0.11 <= rep.closed / len(aveyron) <= 0.13
    unlocated = rep.no_coordinates + rep.masked_coordinates
    assert rep.no_coordinates > 0 and rep.masked_coordinates > 0 and rep.invalid_coordinates == 0
    assert 0.02 <= unlocated / rep.rows_kept <= 0.04
    assert rep.unknown_tranches == {} and rep.other_nomenclature == {}
    assert rep.siege_unknown == 0 and rep.units_missing == 0 and rep.siege_nic_mismatch == 0
    # branches of networks run from Paris, Toulouse, Albi… and local head offices
    assert 100 <= rep.siege_outside <= 0.1 * rep.rows_kept
    assert stock.located.sum() == rep.rows_kept - unlocated
    assert set(stock.unit["categorieEntreprise"]) >= {"PME", "ETI", "GE", ""}


def test_sirene_layer_matches_the_csv(layers, etab):
    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS

    layer = layers[SIRENE_LAYER]
    assert len(layer) == len(etab) and set(layer["ILLUSTRATIF"]) == {1}
    for col in ETABLISSEMENT_COLUMNS:
        values = layer[col].fillna("").tolist()
        assert values == [r[col] for r in etab], col
    x = layer["coordonneeLambertAbscisseEtablissement"]
    located = x.notna() & (x != "[ND]")
    assert layer.geometry[~located].isna().all()
    pts = layer.geometry[located]
    assert np.allclose(pts.x, x[located].astype(float))
    assert np.allclose(
        pts.y, layer["coordonneeLambertOrdonneeEtablissement"][located].astype(float)
    )


def test_sirene_points_lie_in_their_commune(layers, etab):
    communes = layers["communes"].set_index("code_insee")
    layer = layers[SIRENE_LAYER]
    own = layer[layer["codeCommuneEtablissement"].str.startswith("12") & layer.geometry.notna()]
    polygons = communes.geometry.reindex(own["codeCommuneEtablissement"]).values
    inside = np.array([p.covers(g) for p, g in zip(polygons, own.geometry.values)])
    assert inside.all()


def _active(etab, prefix: str) -> set[str]:
    return {
        r["codeCommuneEtablissement"]
        for r in etab
        if r["activitePrincipaleEtablissement"].startswith(prefix)
        and r["etatAdministratifEtablissement"] == "A"
    }


def test_deliberate_missing_links_in_the_stock(etab):
    aveyron = lambda codes: {c for c in codes if c.startswith("12")}  # noqa: E731
    assert aveyron(_active(etab, "10.61")) == set()  # no flour mill in Aveyron
    assert _active(etab, "10.61") == {"81004"}  # … the nearest is in Albi
    assert _active(etab, "10.41") == set()  # no oil mill anywhere
    assert aveyron(_active(etab, "10.11")) == {RODEZ}  # one abattoir, in Rodez
    assert aveyron(_active(etab, "10.51")) <= {RODEZ, "12119", "12203", "12208"}
    closed = {
        (r["codeCommuneEtablissement"], r["activitePrincipaleEtablissement"][:5])
        for r in etab
        if r["etatAdministratifEtablissement"] == "F"
    }
    assert {(VILLEFRANCHE, "10.51"), (VILLEFRANCHE, "10.11"), ("12198", "10.61")} <= closed
    # milk production everywhere, dairy cows mostly in the north-west and the Ségala
    assert len(aveyron(_active(etab, "01.41"))) > 50 and len(aveyron(_active(etab, "01.45"))) > 50


@pytest.fixture(scope="module")
def chains_at_epci(layers, stock):
    """Value chains of the EPCI, missing stages timed on the illustrative road network from the
    communes' town halls (mean weighted by population), as the algorithm does."""
    from reterr_qgis.engine.routing.graph import build_graph
    from reterr_qgis.engine.routing.travel import NetworkCosts
    from reterr_qgis.engine.supply import (
        chain_presence,
        load_value_chains,
        missing_links,
        nearest_request,
        read_stock_etablissement,
        run_nearest,
    )

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_sample_services as services

    communes, epci = layers["communes"], layers["epci"]
    anchor = services.anchors(communes, layers["mairies"])
    anchor_of = dict(zip(communes["code_insee"], anchor))
    epci_of = dict(zip(communes["code_insee"], communes["siren_epci"]))
    index = {s: i for i, s in enumerate(epci["siren_epci"])}
    table = load_value_chains()
    territory = np.array([index[epci_of[c]] for c in stock.commune])
    presence = chain_presence(table, territory, stock.naf2, stock.jobs, len(epci))
    # facilities: every active establishment of the file (beyond Aveyron too), the unlocated ones
    # at their town hall
    every = read_stock_etablissement(ETAB, None, head_offices=False)
    xy = every.xy().copy()
    for i in np.flatnonzero(~every.located):
        xy[i] = anchor_of.get(every.commune[i], (np.nan, np.nan))
    keep = np.isfinite(xy[:, 0])
    roads = layers["routes_illustratives"]
    graph = build_graph(
        [np.asarray(line.coords) for line in roads.geometry], roads["vitesse_kmh"].to_numpy(float)
    )
    costs = NetworkCosts(graph, max_snap_m=5_000.0)
    request = nearest_request(presence, every.naf2[keep])
    nearest = run_nearest(request, costs, anchor, xy[keep])
    unit_territory = np.array([index[s] for s in communes["siren_epci"]])
    links = missing_links(
        presence,
        nearest,
        request,
        unit_territory=unit_territory,
        unit_weight=communes["population"].to_numpy(float),
    )
    return table, presence, links, index


def _link(chains, epci: str, stage: str) -> tuple[bool, bool, float]:
    table, presence, links, index = chains
    s = table.stage_keys.index(stage)
    t = index[epci]
    return bool(presence.missing[t, s]), bool(links.link[t, s]), float(links.time[t, s])


def test_missing_links_through_the_engine(chains_at_epci):
    # milk of the north-west and the Ségala: no dairy within 30 minutes
    for epci in (OUEST_AVEYRON, BAS_SEGALA, DECAZEVILLE):
        missing, link, minutes = _link(chains_at_epci, epci, "lait:transformation")
        assert missing and link and minutes > 30.0, epci
    assert not _link(chains_at_epci, CA_RODEZ, "lait:transformation")[0]  # a dairy in Rodez
    # livestock of the Villefranche area: the abattoir of Rodez is more than an hour away
    missing, link, minutes = _link(chains_at_epci, OUEST_AVEYRON, "viande:abattage")
    assert missing and link and minutes > 60.0
    assert not _link(chains_at_epci, CA_RODEZ, "viande:abattage")[0]
    # no mill, no oil mill reachable anywhere
    _, presence, links, _ = chains_at_epci
    for stage in ("cereales_pain:meunerie", "oleagineux:trituration"):
        s = chains_at_epci[0].stage_keys.index(stage)
        assert presence.missing[:, s].all() and links.link[:, s].all(), stage


def test_endogenous_economy_is_informative(layers, stock):
    """Head offices outside the territory and a sector mix that varies between EPCI."""
    from reterr_qgis.engine.supply import endogenous_economy

    communes, epci = layers["communes"], layers["epci"]
    epci_of = dict(zip(communes["code_insee"], communes["siren_epci"]))
    index = {s: i for i, s in enumerate(epci["siren_epci"])}
    territory = np.array([index[epci_of[c]] for c in stock.commune])
    res = endogenous_economy(
        territory,
        stock.jobs,
        len(epci),
        commune=stock.commune,
        siege_commune=stock.siege_commune,
        commune_area=epci_of,
        ess=stock.unit["economieSocialeSolidaireUniteLegale"],
        category=stock.unit["categorieEntreprise"],
        unit_tranche=stock.unit["trancheEffectifsUniteLegale"],
        sector=np.array([c[:2] for c in stock.naf2]),
    )
    rodez = index[CA_RODEZ]
    assert 0.5 < res.local_share[rodez] < 0.9  # banks, post, retail chains, plant run from outside
    assert (res.local_share > 0.6).all() and (res.ess_share > 0).all()
    h = res.shannon_normalised
    assert 0.4 < h.min() < h.max() < 0.9 and h.max() - h.min() > 0.1


# ---- home-work flows --------------------------------------------------------------------------------


def test_flows_format(gen, layers):
    raw = FLOWS.read_bytes()
    text = raw.decode("utf-8")
    assert b"\r" not in raw
    lines = text.rstrip("\n").split("\n")
    assert lines[0] == FLOW_HEADER
    communes = layers["communes"]
    codes = communes["code_insee"].tolist()
    names = dict(zip(codes, communes["nom"]))
    pairs = set()
    for line in lines[1:]:
        o, lo, d, ld, v = line.split(";")
        assert names[o] == lo and names[d] == ld
        assert (o, d) not in pairs
        pairs.add((o, d))
        assert v.endswith(".0") and float(v) >= 1.0  # whole workers written as decimals
    own = {(c, c) for c in codes}
    assert len(own & pairs) >= 0.95 * len(codes)  # the workers of (almost) every commune


def test_flows_are_the_gravity_model(gen, layers):
    """The file is the model's flows ≥ 1, rounded; the model has the designed margins: workers
    = 0.42 × population, jobs ∝ population × pole factor, mean commute 15 km, about a third of
    the workers in their own commune, Rodez the first destination."""
    communes = layers["communes"]
    codes = communes["code_insee"].tolist()
    ter = gen.load_territory(GPKG)
    t, dist, beta = gen.gravity_flows(ter)
    pop = communes["population"].to_numpy(float)
    assert np.allclose(t.sum(axis=1), gen.WORKER_RATE * pop, rtol=1e-6)
    factor = np.array([gen.POLES.get(c, gen.POLE_DEFAULT) for c in codes])
    jobs = pop * factor * (gen.WORKER_RATE * pop.sum()) / (pop * factor).sum()
    assert np.allclose(t.sum(axis=0), jobs, rtol=1e-6)
    assert (t * dist).sum() / t.sum() == pytest.approx(gen.MEAN_COMMUTE_KM, abs=0.01)
    assert np.trace(t) / t.sum() == pytest.approx(0.35, abs=0.02)
    assert codes[int(np.argmax(t.sum(axis=0)))] == RODEZ
    assert 0 < beta < 1
    published = {}
    with open(FLOWS, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            published[(row["CODGEO"], row["DCLT"])] = float(row["NBFLUX_C21_ACTOCC15P"])
    i, j = np.nonzero(t >= gen.FLOW_MIN)
    assert published == {(codes[a], codes[b]): float(np.round(t[a, b])) for a, b in zip(i, j)}
    # the dropped flows (< 1) are many small long ones: the file keeps about 90 % of the workers
    assert 0.85 < sum(published.values()) / t.sum() < 0.95


# ---- reproducibility and size ----------------------------------------------------------------------


def test_rebuilds_byte_for_byte(gen, tmp_path):
    """Two runs of the generator (the files next to the GeoPackage) give the same bytes."""
    digests = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        out.mkdir()
        gen.build(GPKG, out, write_gpkg=False)
        digests.append(
            {
                name: hashlib.sha256((out / name).read_bytes()).hexdigest()
                for name in (gen.RASTER_FILE, gen.ETAB_FILE, gen.UL_FILE, gen.FLOWS_FILE)
            }
        )
    assert digests[0] == digests[1]


def test_sizes(db):
    new = [RASTER, ETAB, UL, FLOWS]
    added = GPKG.stat().st_size - GPKG_WITHOUT_SUPPLY + sum(p.stat().st_size for p in new)
    assert added <= 10_000_000
    try:
        rows = dict(db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    except sqlite3.OperationalError:
        pytest.skip("SQLite built without the dbstat table")
    assert rows[RPG_LAYER] <= 6_000_000
