"""The council atlas (``reterr:export_atlas``): one page per territory, its figures, its errors."""

from __future__ import annotations

import math
import shutil
import subprocess
import unicodedata

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

needs_poppler = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils not installed",
)


class _Feedback:
    """Built lazily: QgsProcessingFeedback needs the QGIS application of ``qgis_app``."""

    @staticmethod
    def make():
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.errors, self.infos, self.pages, self.warnings = [], [], [], []

            def reportError(self, error, fatalError=False):
                self.errors.append(error)

            def pushInfo(self, info):
                self.infos.append(info)

            def pushWarning(self, warning):
                self.warnings.append(warning)

            def setProgressText(self, text):
                self.pages.append(text)

        return Feedback()


def run_atlas(params, project=None):
    """Run the algorithm itself (it is not registered in the provider here)."""
    from qgis.core import QgsProcessingContext

    from reterr_qgis.processing.report.export_atlas import ExportAtlas

    alg = ExportAtlas()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    if project is not None:
        context.setProject(project)
    feedback = _Feedback.make()
    results, ok = alg.run(params, context, feedback)
    return results, ok, feedback


def pdf_pages(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_text(pdf, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return unicodedata.normalize("NFKC", out)


@pytest.fixture(scope="module")
def profiles(qgis_app, sample_gpkg, tmp_path_factory):
    """The EPCI profile (20 EPCI) and the commune profile of the sample."""
    import processing

    folder = tmp_path_factory.mktemp("atlas_input")
    communes = f"{sample_gpkg}|layername=communes"
    epci = processing.run(
        "reterr:territory_profile",
        {
            "INPUT": communes,
            "GROUP_FIELD": "siren_epci",
            "GROUP_NAME_FIELD": "nom_epci",
            "OUTPUT": str(folder / "epci.gpkg"),
        },
    )["OUTPUT"]
    towns = processing.run(
        "reterr:territory_profile",
        {"INPUT": communes, "OUTPUT": str(folder / "communes.gpkg")},
    )["OUTPUT"]
    return {"epci": epci, "communes": towns}


def _values(layer_path, field):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(layer_path, "t", "ogr")
    assert layer.isValid()
    return [f[field] for f in layer.getFeatures()]


@needs_poppler
def test_one_page_per_epci_first_page_names_the_first(profiles, tmp_path):
    names = _values(profiles["epci"], "nom_epci")
    assert len(names) == 20
    pdf = tmp_path / "atlas_epci.pdf"
    results, ok, feedback = run_atlas(
        {"INPUT": profiles["epci"], "FIELDS": ["share_65p"], "OUTPUT": str(pdf)}
    )
    assert ok, feedback.errors
    assert results["OUTPUT"] == str(pdf)
    assert pdf_pages(pdf) == 20
    # Pages follow the names (the name field is guessed: nom_epci).
    first = sorted(names)[0]
    page1 = pdf_text(pdf, 1)
    assert first in page1
    assert sorted(names)[1] not in page1
    assert sorted(names)[1] in pdf_text(pdf, 2)
    # Progress per page.
    assert "Page 20 of 20…" in feedback.pages
    # The key figures follow the page: the population of the first EPCI on page 1, not the
    # second's (numbers in the interface's locale).
    from qgis.PyQt.QtCore import QLocale

    from reterr_qgis.adapters.i18n import ui_language

    population = dict(zip(names, _values(profiles["epci"], "population")))
    locale = QLocale(ui_language())
    first_pop = locale.toString(float(population[first]), "f", 0)
    second_pop = locale.toString(float(population[sorted(names)[1]]), "f", 0)
    assert first_pop != second_pop
    assert first_pop in page1
    assert second_pop not in page1


@needs_poppler
def test_filter_gives_the_communes_of_one_epci(profiles, tmp_path):
    epci = _values(profiles["communes"], "nom_epci")
    wanted = "CA Rodez Agglomération"
    expected = sum(1 for e in epci if e == wanted)
    assert 2 <= expected < len(epci)
    pdf = tmp_path / "rodez.pdf"
    _results, ok, feedback = run_atlas(
        {
            "INPUT": profiles["communes"],
            "FIELDS": ["share_65p"],
            "FILTER": f"\"nom_epci\" = '{wanted}'",
            "PEER_FIELD": "nom_epci",
            "OUTPUT": str(pdf),
        }
    )
    assert ok, feedback.errors
    assert pdf_pages(pdf) == expected


def test_layout_added_to_the_project(profiles, tmp_path):
    from qgis.core import QgsProject

    project = QgsProject()
    _results, ok, feedback = run_atlas(
        {
            "INPUT": profiles["epci"],
            "TITLE": "Atlas des EPCI",
            "OUTPUT": str(tmp_path / "a.pdf"),
            "ADD_LAYOUT": True,
        },
        project,
    )
    assert ok, feedback.errors
    layout = project.layoutManager().layoutByName("Atlas des EPCI")
    assert layout is not None
    atlas = layout.atlas()
    assert atlas.enabled()
    assert atlas.updateFeatures() == 20
    assert atlas.coverageLayer().id() in project.mapLayers()


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"FIELDS": ["no_such_field"]}, "Field 'no_such_field' not found"),
        ({"FILTER": "\"nom_epci\" = 'Nowhere'"}, "No territory"),
        ({"FILTER": '"nom_epci" = '}, "The filter expression is not valid"),
        ({"PEER_FIELD": "missing_peer"}, "Field 'missing_peer' not found"),
    ],
)
def test_bad_input_is_refused_without_pdf(profiles, tmp_path, extra, message):
    pdf = tmp_path / "bad.pdf"
    _results, ok, feedback = run_atlas({"INPUT": profiles["epci"], "OUTPUT": str(pdf), **extra})
    assert not ok
    assert any(message in e for e in feedback.errors), feedback.errors
    assert not pdf.exists()
    assert list(tmp_path.iterdir()) == []  # nothing left aside either


def test_empty_coverage_is_refused_without_pdf(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=nom:string&field=share_65p:double", "vide", "memory"
    )
    pdf = tmp_path / "empty.pdf"
    _results, ok, feedback = run_atlas({"INPUT": layer, "OUTPUT": str(pdf)})
    assert not ok
    assert any("has no territory" in e for e in feedback.errors), feedback.errors
    assert not pdf.exists()


def test_page_lines_of_an_index_layer(qgis_app):
    """Key figures and profile of three territories, hand-computed."""
    from qgis.PyQt.QtCore import QLocale

    from reterr_qgis.report.atlas import AtlasLine, territory_rows

    nan = math.nan
    columns = {
        "population": np.array([1000.0, 250.0, 4000.0]),
        "area_km2": np.array([10.0, 50.0, 20.0]),
        "dim_vulnerability": np.array([80.0, 20.0, 50.0]),
        "score": np.array([80.0, 20.0, 50.0]),
        "rank": np.array([1.0, 3.0, 2.0]),
        "rank_p05": np.array([1.0, 2.0, 1.0]),
        "rank_p95": np.array([2.0, 3.0, 3.0]),
        "share_65p": np.array([30.0, nan, 25.5]),
    }
    rows = territory_rows(
        columns, ["score"], QLocale("fr_FR"), groups=["A", "B", "A"], language="fr"
    )
    assert len(rows) == 3
    figures = [(x.label, x.value) for x in rows[0] if x.kind == "figure"]
    assert figures == [
        ("Population", "1\u202f000"),  # French: a narrow no-break space
        ("Area", "10 km²"),
        ("Density", "100 inh./km²"),  # 1 000 inhabitants on 10 km²
        ("Index score", "80"),
        ("Rank in the index (1 = best)", "1 of 3 (90 % band: 1 – 2)"),
    ]
    # Density computed (no density field): 250 / 50 = 5.
    assert ("Density", "5 inh./km²") in [(x.label, x.value) for x in rows[1]]
    profile = [x for x in rows[2] if x.kind == "profile"]
    # Territory 3: score 50 is 2nd of 3 (goodness 0.5: amber); its peers (group A) are
    # territories 1 and 3: median of 80 and 50 = 65.
    assert profile[0] == AtlasLine("profile", "Index score", "50", "2 / 3", "65", 0)
    assert profile[1].value == "50" and profile[1].rank == "2 / 3"
    assert profile[1].reference == "65"
    # Territory 2 alone in group B: its own value is the reference; last: red.
    assert [x.tone for x in rows[1] if x.kind == "profile"] == [-1, -1]
    assert [x.tone for x in rows[0] if x.kind == "profile"] == [1, 1]


def test_cancel_during_the_pages_leaves_no_pdf(profiles, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from reterr_qgis.processing.report.export_atlas import ExportAtlas

    class CancelAtPage3(QgsProcessingFeedback):
        def setProgressText(self, text):
            if text.startswith("Page 3 "):
                self.cancel()

    alg = ExportAtlas()
    alg.initAlgorithm()
    pdf = tmp_path / "canceled.pdf"
    _results, ok = alg.run(
        {"INPUT": profiles["epci"], "OUTPUT": str(pdf)}, QgsProcessingContext(), CancelAtPage3()
    )
    assert not ok
    assert not pdf.exists()
    assert list(tmp_path.iterdir()) == []


def test_without_a_project_the_layout_is_only_in_the_pdf(profiles, tmp_path):
    pdf = tmp_path / "a.pdf"
    _results, ok, feedback = run_atlas(
        {"INPUT": profiles["epci"], "OUTPUT": str(pdf), "ADD_LAYOUT": True}
    )
    assert ok, feedback.errors
    assert pdf.exists()
    assert feedback.warnings == ["No open project: the layout is only in the PDF."]
