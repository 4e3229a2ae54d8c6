"""The shipped Processing models (``resources/models/*.model3``, written by
``scripts/build_models.py``): the ReTerr provider lists them, they validate, and the territorial
diagnostic runs on a small extract of the sample (three EPCI, 25 communes) in process and through
``qgis_process`` as a planner runs it in batch.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MODELS = ROOT / "resources" / "models"
SAMPLE_DIR = ROOT / "resources" / "sample"
SCRIPT = ROOT / "scripts" / "qgis_process.sh"

pytestmark = pytest.mark.qgis

MODEL_IDS = {
    "reterr:territorial_diagnostic",
    "reterr:services_access",
    "reterr:supply_chains",
    "reterr:complementarity_flows",
}

#: Three EPCI of the sample: CA Rodez Agglomération, CC du Pays Rignacois, CC du Pays de Salars.
EPCI = ("241200187", "241200625", "241200658")
EXTRACT = "siren_epci IN ({})".format(", ".join(f"'{c}'" for c in EPCI))

#: The layers the diagnostic writes (output name → table) and the index's indicators.
LAYERS = (
    "communes",
    "epci",
    "services",
    "food",
    "establishments",
    "economy",
    "flows",
    "index",
)
INDICATORS = (
    "share_65p",
    "share_0_19",
    "vacancy_rate",
    "basket_share",
    "basket_mean_min",
    "adq_cap",
    "siege_terr",
    "shannon_n",
    "auto_off",
)


def _extract_counts(sample: Path) -> tuple[int, int, int]:
    """Communes, EPCI and active establishments of the extract, read from the files themselves
    (sqlite3 and csv, not QGIS)."""
    with sqlite3.connect(sample) as db:
        codes = {row[0] for row in db.execute(f"SELECT code_insee FROM communes WHERE {EXTRACT}")}
        n_epci = db.execute(
            f"SELECT COUNT(DISTINCT siren_epci) FROM communes WHERE {EXTRACT}"
        ).fetchone()[0]
    with open(SAMPLE_DIR / "StockEtablissement_illustratif.csv", encoding="utf-8") as f:
        active = sum(
            1
            for row in csv.DictReader(f)
            if row["codeCommuneEtablissement"] in codes
            and row["etatAdministratifEtablissement"] == "A"
        )
    return len(codes), n_epci, active


def _inputs(sample: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    communes = f"code_insee IN (SELECT code_insee FROM communes WHERE {EXTRACT})"
    params = {
        "COMMUNES": f"{sample}|layername=communes|subset={EXTRACT}",
        "TOWN_HALLS": f"{sample}|layername=mairies|subset={communes}",
        "FACILITIES": f"{sample}|layername=bpe_illustratif",
        "ROADS": f"{sample}|layername=routes_illustratives",
        "SPEED_FIELD": "vitesse_kmh",
        "ONEWAY_FIELD": "sens",
        "PARCELS": f"{sample}|layername=rpg_illustratif",
        "ESTABLISHMENTS": str(SAMPLE_DIR / "StockEtablissement_illustratif.csv"),
        "LEGAL_UNITS": str(SAMPLE_DIR / "StockUniteLegale_illustratif.csv"),
        "FLOWS": str(SAMPLE_DIR / "flux_domicile_travail_illustratif.csv"),
        "TERRITORY": "Rodez, Rignac, Salars (extrait)",
    }
    for name in skip:
        params.pop(name)
    return params


def _outputs(gpkg: Path, folder: Path) -> dict[str, str]:
    out = {
        f"{child}:{name}": f"ogr:dbname='{gpkg}' table=\"{name}\" (geom)"
        for child, name in (
            ("profile", "communes"),
            ("profile_epci", "epci"),
            ("services", "services"),
            ("food", "food"),
            ("sirene", "establishments"),
            ("economy", "economy"),
            ("flows", "flows"),
            ("index", "index"),
        )
    }
    out["index:index_csv"] = str(folder / "indice.csv")
    out["council_map:council_map"] = str(folder / "council_map.pdf")
    out["atlas:atlas"] = str(folder / "atlas.pdf")
    return out


def _tables(gpkg: Path) -> dict[str, int]:
    with sqlite3.connect(gpkg) as db:
        names = [
            r[0]
            for r in db.execute("SELECT table_name FROM gpkg_contents WHERE data_type='features'")
        ]
        return {n: db.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


def _columns(gpkg: Path, table: str) -> set[str]:
    with sqlite3.connect(gpkg) as db:
        return {r[1] for r in db.execute(f'PRAGMA table_info("{table}")')}


def _pdf_pages(pdf: Path) -> int:
    """Pages of a PDF (poppler's pdfinfo; the Debian package poppler-utils, set up by the tests)."""
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def _check_full_run(gpkg: Path, folder: Path, sample: Path) -> None:
    n_communes, n_epci, n_establishments = _extract_counts(sample)
    assert (n_communes, n_epci, n_establishments) == (25, 3, 1448)
    expected = {name: n_communes for name in LAYERS}
    expected["epci"] = n_epci
    expected["establishments"] = n_establishments
    assert _tables(gpkg) == expected
    assert set(INDICATORS) <= _columns(gpkg, "index")
    assert (folder / "council_map.pdf").read_bytes()[:5] == b"%PDF-"
    assert _pdf_pages(folder / "atlas.pdf") == n_epci  # one page per EPCI
    with open(folder / "indice.csv", encoding="utf-8") as f:
        assert len(list(csv.reader(f))) >= n_communes


def _model(model_id: str):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(model_id)


def test_provider_lists_the_models(qgis_app):
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm

    assert {p.stem for p in MODELS.glob("*.model3")} == {i.split(":")[1] for i in MODEL_IDS}
    provider = QgsApplication.processingRegistry().providerById("reterr")
    listed = {a.id() for a in provider.algorithms()}
    assert listed >= MODEL_IDS
    diagnostic = _model("reterr:territorial_diagnostic")
    assert isinstance(diagnostic, QgsProcessingModelAlgorithm)
    assert diagnostic.displayName() == "Territorial resilience diagnostic"  # French via i18n
    assert diagnostic.create().displayName() == diagnostic.displayName()
    assert diagnostic.provider().id() == "reterr"


def test_models_are_the_output_of_the_build_script(tmp_path):
    """resources/models is what scripts/build_models.py writes (rebuilt here and compared) with
    the QGIS the models are built with (3.22; later versions serialise models differently)."""
    from qgis.core import Qgis

    if Qgis.QGIS_VERSION_INT // 100 != 322:
        pytest.skip("the models are written with QGIS 3.22")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_models.py"), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    built = {p.name: p.read_bytes() for p in tmp_path.glob("*.model3")}
    shipped = {p.name: p.read_bytes() for p in MODELS.glob("*.model3")}
    assert sorted(built) == sorted(shipped)
    stale = [name for name in built if built[name] != shipped[name]]
    assert stale == [], "re-run scripts/build_models.py"


@pytest.mark.parametrize("model_id", sorted(MODEL_IDS))
def test_model_validates(qgis_app, model_id):
    from qgis.core import QgsApplication

    model = _model(model_id)
    registry = QgsApplication.processingRegistry()
    for child in model.childAlgorithms().values():
        alg = registry.algorithmById(child.algorithmId())
        assert alg is not None, child.algorithmId()
        assert child.algorithm() is not None, child.childId()
        # every input the model sets exists on the algorithm (a renamed parameter breaks here)
        known = {d.name() for d in alg.parameterDefinitions()}
        assert set(child.parameterSources()) <= known, child.childId()
    if hasattr(model, "validate"):  # QGIS >= 3.14
        ok, errors = model.validate()
        assert ok, errors
    assert model.canExecute()[0]


def test_diagnostic_ends_with_the_council_map_and_the_atlas(qgis_app):
    """The last steps are the council map (after the index) and the atlas of the EPCI."""
    model = _model("reterr:territorial_diagnostic")
    children = model.childAlgorithms()
    last = sorted(c for c in children if not model.dependentChildAlgorithms(c))
    assert [children[c].algorithmId() for c in last] == [
        "reterr:export_atlas",
        "reterr:export_council_map",
    ]
    assert model.dependsOnChildAlgorithms("council_map") >= {"index", "profile", "profile_epci"}
    assert "profile_epci" in model.dependsOnChildAlgorithms("atlas")


def test_diagnostic_runs_on_an_extract(run_alg, sample_gpkg, tmp_path):
    gpkg = tmp_path / "diagnostic.gpkg"
    params = {**_inputs(sample_gpkg), **_outputs(gpkg, tmp_path)}
    result = run_alg("reterr:territorial_diagnostic", params)
    assert result["index:index"] == f"{gpkg}|layername=index"
    _check_full_run(gpkg, tmp_path, sample_gpkg)


def test_missing_flows_skip_their_theme_and_the_index(run_alg, sample_gpkg, tmp_path):
    """Without commuting flows the flows theme is skipped, and so are the index and the map that
    need its indicator; the other themes still run."""
    gpkg = tmp_path / "diagnostic.gpkg"
    params = {**_inputs(sample_gpkg, skip=("FLOWS",)), **_outputs(gpkg, tmp_path)}
    result = run_alg("reterr:territorial_diagnostic", params)
    assert "flows:flows" not in result
    assert "index:index" not in result
    counts = _tables(gpkg)
    assert set(counts) == {"communes", "epci", "services", "food", "establishments", "economy"}
    assert counts["economy"] == 25
    assert not (tmp_path / "council_map.pdf").exists()
    # The atlas needs only the EPCI profile: it is still made.
    assert _pdf_pages(tmp_path / "atlas.pdf") == 3


def _qgis_process_available() -> bool:
    has_binary = Path("/usr/bin/qgis_process.bin").exists() or shutil.which("qgis_process")
    return SCRIPT.exists() and bool(has_binary)


@pytest.mark.slow
@pytest.mark.skipif(not _qgis_process_available(), reason="qgis_process is not installed")
def test_diagnostic_runs_through_qgis_process(sample_gpkg, tmp_path):
    gpkg = tmp_path / "diagnostic.gpkg"
    params = {**_inputs(sample_gpkg), **_outputs(gpkg, tmp_path)}
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    proc = subprocess.run(
        ["bash", str(SCRIPT), "--json", "run", "reterr:territorial_diagnostic", "--"]
        + [f"{k}={v}" for k, v in params.items()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout[proc.stdout.find("{") :])
    assert document["results"]["council_map:council_map"] == str(tmp_path / "council_map.pdf")
    _check_full_run(gpkg, tmp_path, sample_gpkg)


@pytest.mark.parametrize(
    ("model_id", "outputs"),
    [
        ("reterr:services_access", {"services:services", "gp_access:gp_access"}),
        ("reterr:supply_chains", {"food:food", "sirene:establishments", "economy:economy"}),
        ("reterr:complementarity_flows", {"flows:flows"}),
    ],
)
def test_theme_model_runs_on_an_extract(run_alg, sample_gpkg, tmp_path, model_id, outputs):
    from qgis.core import QgsVectorLayer

    model = _model(model_id)
    names = {d.name() for d in model.parameterDefinitions()}
    params = {k: v for k, v in _inputs(sample_gpkg).items() if k in names}
    gpkg = tmp_path / "theme.gpkg"
    for name in outputs:
        params[name] = f"ogr:dbname='{gpkg}' table=\"{name.split(':')[1]}\" (geom)"
    result = run_alg(model_id, params)
    assert outputs <= set(result)
    n_communes, _, n_establishments = _extract_counts(sample_gpkg)
    for name in outputs:
        layer = QgsVectorLayer(result[name], name, "ogr")
        assert layer.isValid(), name
        expected = n_establishments if name == "sirene:establishments" else n_communes
        assert layer.featureCount() == expected, name
