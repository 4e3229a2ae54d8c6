"""The plugin as a batch user meets it: ``qgis_process`` through ``scripts/qgis_process.sh``.

Each test starts the real ``qgis_process`` binary of the installed QGIS with the plugin of this
checkout enabled (a throw-away profile under ``build/``), so they check what the in-process
Processing tests cannot: the plugin loads in ``qgis_process``, its parameters are documented there,
defaults and outputs behave on the command line, and failures give a non-zero exit code and a
message a planner can act on, without leaving a half-written output behind.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import expected_algorithm_ids

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "qgis_process.sh"
TIMEOUT = 180

pytestmark = pytest.mark.slow

#: Public parameter names (an interface for models and scripts: they must not disappear).
_SERVICE_COMMON = {
    "DEMAND",
    "POPULATION_FIELD",
    "FACILITIES",
    "CATEGORY_FIELD",
    "NETWORK",
    "SPEED_FIELD",
    "CLASS_FIELD",
    "ONEWAY_FIELD",
    "SPEED",
    "DETOUR",
    "OUTPUT",
}
PUBLIC_PARAMETERS = {
    "reterr:floating_catchment": _SERVICE_COMMON
    | {"METHOD", "CATCHMENT", "SUPPLY_FIELD", "ANCHORS", "AGE_FIELDS"},
    "reterr:nearest_service": _SERVICE_COMMON | {"TYPES", "CUTOFF", "COUNT"},
    "reterr:service_basket": _SERVICE_COMMON | {"BASKET", "TYPES", "VINTAGE", "THRESHOLD"},
    "reterr:service_gaps": _SERVICE_COMMON
    | {"TYPES", "THRESHOLD", "GROUP_FIELD", "CANDIDATES", "UNDERSERVED"},
    "reterr:suggest_locations": _SERVICE_COMMON | {"TYPE", "THRESHOLD", "K", "CANDIDATES"},
    "reterr:build_network": {
        "NETWORK",
        "SPEED_FIELD",
        "CLASS_FIELD",
        "SPEED_TABLE",
        "ONEWAY_FIELD",
        "TOLERANCE",
        "NODES",
    },
    "reterr:import_bpe": {"INPUT", "VINTAGE", "TYPES", "DEPARTEMENTS", "OUTPUT"},
    "reterr:territory_profile": {
        "INPUT",
        "POPULATION_FIELD",
        "AGE_0_19_FIELD",
        "AGE_20_64_FIELD",
        "AGE_65P_FIELD",
        "DWELLINGS_FIELD",
        "VACANT_FIELD",
        "NAME_FIELD",
        "GROUP_FIELD",
        "GROUP_NAME_FIELD",
        "ZONES",
        "ZONE_METHOD",
        "OUTPUT",
    },
    "reterr:export_council_map": {
        "INPUT",
        "FIELD",
        "TITLE",
        "TERRITORY",
        "BOUNDARIES",
        "SOURCES",
        "PROFILE_TERRITORY",
        "PROFILE_LAYER",
        "PROFILE_PEERS",
        "TEMPLATE",
        "DPI",
        "OUTPUT_PDF",
        "OUTPUT_PNG",
    },
}


def _available() -> bool:
    has_binary = Path("/usr/bin/qgis_process.bin").exists() or shutil.which("qgis_process")
    return SCRIPT.exists() and bool(has_binary)


if not _available():  # pragma: no cover - depends on the machine
    pytest.skip("qgis_process is not installed", allow_module_level=True)


def qgis_process(*args: str) -> subprocess.CompletedProcess:
    """Run ``scripts/qgis_process.sh ARGS`` and return the completed process (text)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # English messages whatever the machine's locale: the assertions read them.
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def parse_json(proc: subprocess.CompletedProcess) -> dict:
    """The JSON document of a ``--json`` run (QGIS 3.22 may print a Python warning first)."""
    out = proc.stdout
    start = out.find("{")
    assert start >= 0, f"no JSON in stdout:\n{out}\nstderr:\n{proc.stderr}"
    return json.loads(out[start:])


def run_ok(alg_id: str, **params: str) -> dict:
    proc = qgis_process("--json", "run", alg_id, "--", *(f"{k}={v}" for k, v in params.items()))
    assert proc.returncode == 0, f"{alg_id} failed ({proc.returncode}):\n{proc.stderr}"
    return parse_json(proc)


@pytest.fixture(scope="module")
def epci_profile(sample_gpkg, tmp_path_factory) -> Path:
    """The EPCI profile of the sample communes, written by qgis_process to a GeoPackage."""
    out = tmp_path_factory.mktemp("qgis_process") / "epci.gpkg"
    result = run_ok(
        "reterr:territory_profile",
        INPUT=f"{sample_gpkg}|layername=communes",
        GROUP_FIELD="siren_epci",
        GROUP_NAME_FIELD="nom_epci",
        OUTPUT=f"ogr:dbname='{out}' table=\"epci\" (geom)",
    )
    assert Path(str(result["results"]["OUTPUT"]).split("|")[0]) == out
    assert "20 territories profiled." in result["log"]["info"]
    return out


def test_list_shows_provider_and_algorithms():
    proc = qgis_process("--json", "list")
    assert proc.returncode == 0, proc.stderr
    providers = parse_json(proc)["providers"]
    assert "reterr" in providers, sorted(providers)
    reterr = providers["reterr"]
    assert reterr["is_active"]
    assert reterr["name"] == "ReTerr"
    algs = reterr["algorithms"]
    assert {"reterr:territory_profile", "reterr:export_council_map"} <= set(algs)
    assert algs["reterr:territory_profile"]["name"] == "1.1 Territorial profile"
    assert algs["reterr:export_council_map"]["name"] == "6.1 Export council map"
    # The plain listing a user types without --json shows them too.
    plain = qgis_process("list")
    assert plain.returncode == 0
    assert "reterr:territory_profile" in plain.stdout
    assert "reterr:export_council_map" in plain.stdout


@pytest.mark.parametrize("alg_id", expected_algorithm_ids())
def test_help_documents_every_parameter(alg_id):
    proc = qgis_process("--json", "help", alg_id)
    assert proc.returncode == 0, proc.stderr
    doc = parse_json(proc)
    assert doc["algorithm_details"]["id"] == alg_id
    params = doc["parameters"]
    public = PUBLIC_PARAMETERS.get(alg_id, set())
    assert public <= set(params), public - set(params)
    undocumented = [
        name
        for name, p in params.items()
        if not p["is_destination"] and len((p.get("help") or "").strip()) < 8
    ]
    assert not undocumented, f"parameters without help text: {undocumented}"
    assert all(p["description"].strip() for p in params.values())
    # Each destination parameter is an output of the algorithm.
    assert {n for n, p in params.items() if p["is_destination"]} <= set(doc["outputs"])

    # The text help a user reads: description, then every parameter with its help.
    text = qgis_process("help", alg_id)
    assert text.returncode == 0, text.stderr
    assert "Description" in text.stdout
    assert len(text.stdout.split("Arguments")[0]) > 400, "short help string is missing or short"
    for name, p in params.items():
        assert f"{name}: {p['description']}" in text.stdout
        if p.get("help"):
            assert p["help"].splitlines()[0] in text.stdout


def test_profile_epci_into_geopackage(epci_profile):
    con = sqlite3.connect(epci_profile)
    try:
        n, n_codes = con.execute("select count(*), count(distinct siren_epci) from epci").fetchone()
        pop = con.execute("select sum(population) from epci").fetchone()[0]
        styles = con.execute(
            "select styleName, useAsDefault from layer_styles where f_table_name = 'epci'"
        ).fetchall()
        prov = con.execute(
            "select layer, algorithm, plugin_version, parameters from reterr_provenance"
        ).fetchall()
    finally:
        con.close()
    assert (n, n_codes) == (20, 20)
    # Aggregation keeps every inhabitant of the sample (sum of the communes' populations).
    src = sqlite3.connect(ROOT / "resources" / "sample" / "aveyron.gpkg")
    try:
        expected = src.execute("select sum(population) from communes").fetchone()[0]
    finally:
        src.close()
    assert pop == pytest.approx(expected)
    assert any(default for _name, default in styles), styles
    assert len(prov) == 1
    layer, algorithm, version, parameters = prov[0]
    assert (layer, algorithm) == ("epci", "reterr:territory_profile")
    assert version
    assert json.loads(parameters)["GROUP_FIELD"] == "siren_epci"


def test_export_council_map_pdf(epci_profile, tmp_path):
    pdf = tmp_path / "council map.pdf"
    title = "Vieillissement des intercommunalités"
    result = run_ok(
        "reterr:export_council_map",
        INPUT=f"{epci_profile}|layername=epci",
        FIELD="share_65p",
        TITLE=title,
        TERRITORY="Aveyron",
        OUTPUT_PDF=str(pdf),
    )
    assert Path(result["results"]["OUTPUT_PDF"]) == pdf
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 20_000
    if shutil.which("pdftotext") is None:  # pragma: no cover
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert title in text
    assert "Aveyron" in text


@pytest.fixture(scope="module")
def communes_wgs84(sample_gpkg, tmp_path_factory) -> Path:
    """The sample communes reprojected to WGS 84 (EPSG:4326), a geographic CRS."""
    ogr2ogr = shutil.which("ogr2ogr")
    if ogr2ogr is None:  # pragma: no cover
        pytest.skip("ogr2ogr (gdal-bin) not installed")
    out = tmp_path_factory.mktemp("wgs84") / "communes_wgs84.gpkg"
    subprocess.run(
        [ogr2ogr, "-f", "GPKG", "-t_srs", "EPSG:4326", str(out), str(sample_gpkg), "communes"],
        check=True,
        capture_output=True,
    )
    return out


def _assert_failed_cleanly(proc, out_dir: Path) -> str:
    assert proc.returncode != 0, f"expected a failure, got exit code 0:\n{proc.stdout}"
    message = proc.stdout + proc.stderr
    assert "Traceback" not in message, message
    assert list(out_dir.iterdir()) == [], f"output left behind: {list(out_dir.iterdir())}"
    return message


def test_geographic_crs_is_refused(communes_wgs84, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = qgis_process(
        "run",
        "reterr:territory_profile",
        "--",
        f"INPUT={communes_wgs84}|layername=communes",
        f"OUTPUT={out_dir / 'profile.gpkg'}",
    )
    message = _assert_failed_cleanly(proc, out_dir)
    assert "geographic CRS" in message
    assert "EPSG:4326" in message
    assert "EPSG:2154" in message


def test_missing_population_field_is_named(sample_gpkg, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = qgis_process(
        "run",
        "reterr:territory_profile",
        "--",
        f"INPUT={sample_gpkg}|layername=communes",
        "POPULATION_FIELD=pop_totale",
        f"OUTPUT={out_dir / 'profile.gpkg'}",
    )
    message = _assert_failed_cleanly(proc, out_dir)
    assert "'pop_totale' not found" in message
    # The message helps to fix the call: it lists the fields that do exist.
    assert "population" in message.split("pop_totale", 1)[1]


def _landcover_inputs(folder: Path, territories_crs: str) -> tuple[Path, Path]:
    """A 10 m OSO-like GeoTIFF in EPSG:2154 over x 0–2000, y 0–1000 (cereals 6 and grassland 13
    in A, built-up 1 and an unknown class 99 in B) and the two 1 km squares A and B as GeoJSON in
    ``territories_crs``."""
    np = pytest.importorskip("numpy")
    rasterio = pytest.importorskip("rasterio")
    from rasterio.transform import from_origin
    from rasterio.warp import transform_geom

    data = np.zeros((100, 200), dtype=np.uint8)
    data[:, :50] = 6
    data[:, 50:100] = 13
    data[:, 100:150] = 1
    data[:, 150:] = 99
    tif = folder / "oso.tif"
    with rasterio.open(
        tif,
        "w",
        driver="GTiff",
        height=100,
        width=200,
        count=1,
        dtype="uint8",
        crs="EPSG:2154",
        transform=from_origin(0, 1000, 10, 10),
        nodata=0,
    ) as ds:
        ds.write(data, 1)
    features = []
    for k, nom in enumerate(("A", "B")):
        x0, x1 = 1000.0 * k, 1000.0 * (k + 1)
        ring = [[x0, 0.0], [x1, 0.0], [x1, 1000.0], [x0, 1000.0], [x0, 0.0]]
        geom = transform_geom(
            "EPSG:2154", territories_crs, {"type": "Polygon", "coordinates": [ring]}
        )
        features.append({"type": "Feature", "properties": {"nom": nom}, "geometry": geom})
    code = territories_crs.split(":")[1]
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{code}"}},
        "features": features,
    }
    territories = folder / "territories.geojson"
    territories.write_text(json.dumps(doc), encoding="utf-8")
    return territories, tif


@pytest.mark.parametrize("territories_crs", ["EPSG:2154", "EPSG:27572"])
def test_farmland_from_raster_exits_cleanly(tmp_path, territories_crs):
    """Regression: counting a land-cover raster used to write a correct output, then abort at
    exit ("double free or corruption", exit code 134) — a pyproj wheel's own PROJ clashed with
    the system PROJ that qgis_process links. EPSG:27572 takes the reprojection path."""
    territories, tif = _landcover_inputs(tmp_path, territories_crs)
    out = tmp_path / "farmland.gpkg"
    proc = qgis_process(
        "run",
        "reterr:farmland",
        "--",
        f"INPUT={territories}",
        f"LANDCOVER={tif}",
        f"OUTPUT={out}",
    )
    assert proc.returncode == 0, f"exit code {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    assert "double free" not in proc.stderr
    con = sqlite3.connect(out)
    try:
        rows = con.execute(
            "select nom, sau_cer, sau_fou, sau_total, non_agri, non_classe from farmland"
        ).fetchall()
    finally:
        con.close()
    got = {r[0]: r[1:] for r in rows}
    assert set(got) == {"A", "B"}
    # A: 50 × 100 pixels of 0.01 ha per class; B: 50 × 100 built-up and 50 × 100 unknown.
    assert got["A"] == pytest.approx((50.0, 50.0, 100.0, 0.0, 0.0), abs=0.5)
    assert got["B"] == pytest.approx((0.0, 0.0, 0.0, 50.0, 50.0), abs=0.5)
