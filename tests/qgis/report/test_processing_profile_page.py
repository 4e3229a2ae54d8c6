"""The council map's profile page: the dock's radar and table for one territory, in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from qgis.core import QgsProcessingException

FIELDS = ["share_65p", "share_0_19", "vacancy_rate", "basket_share", "basket_mean_min"]


@pytest.fixture
def index_layer(run_alg, sample_gpkg, tmp_path):
    prof = run_alg(
        "reterr:territory_profile",
        {"INPUT": f"{sample_gpkg}|layername=communes", "OUTPUT": str(tmp_path / "p.gpkg")},
    )["OUTPUT"]
    bask = run_alg(
        "reterr:service_basket",
        {
            "DEMAND": prof,
            "FACILITIES": f"{sample_gpkg}|layername=bpe_illustratif",
            "CATEGORY_FIELD": "TYPEQU",
            "THRESHOLD": 15,
            "OUTPUT": str(tmp_path / "b.gpkg"),
        },
    )["OUTPUT"]
    return run_alg(
        "reterr:resilience_index",
        {
            "INPUT": bask,
            "FIELDS": FIELDS,
            "NAME_FIELD": "nom",
            "SAMPLES": 0,
            "OUTPUT": str(tmp_path / "i.gpkg"),
        },
    )["OUTPUT"]


def _pdf_text(pdf, page: int) -> str:
    # NFKC undoes the typographic ligatures of the PDF text ("ﬁ" → "fi").
    return unicodedata.normalize("NFKC", _run_pdftotext(pdf, page))


def _run_pdftotext(pdf, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_profile_page_for_a_named_commune(run_alg, index_layer, tmp_path):
    import tempfile
    from pathlib import Path

    from qgis.core import QgsVectorLayer

    from reterr_qgis.adapters.dashboard import read_dashboard
    from reterr_qgis.engine.index.dashboard import recognise_fields

    def leftovers():
        return set(Path(tempfile.gettempdir()).glob("reterr_profile_*"))

    before = leftovers()
    pdf = tmp_path / "m.pdf"
    run_alg(
        "reterr:export_council_map",
        {
            "INPUT": index_layer,
            "FIELD": "share_65p",
            "PROFILE_TERRITORY": "rodez",  # names match case-insensitively
            "PROFILE_PEERS": "nom_epci",
            "OUTPUT_PDF": str(pdf),
        },
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M), info
    assert leftovers() == before  # the radar's temporary SVG is gone after the export
    text = _pdf_text(pdf, 2)
    assert "Resilience profile — Rodez" in text
    flat = " ".join(text.split())
    assert "median of the EPCI CA Rodez Agglomération" in flat  # the peer reference is named
    # The table holds the same numbers as the engine for Rodez: rank of the share of 65+.
    layer = QgsVectorLayer(index_layer)
    names = [f.name() for f in layer.fields() if f.isNumeric()]
    cols = [f for c in recognise_fields(names) for f in c.fields]
    read = read_dashboard(
        layer,
        layer.fields(),
        indicators=cols,
        index=[],
        name_field="nom",
        group_field="nom_epci",
        language="en",
    )
    fid = next(f.id() for f in layer.getFeatures() if f["nom"] == "Rodez")
    row = {r.id: r for r in read.dashboard.profile(read.fids.index(fid)).rows}["share_65p"]
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("Share aged 65+"))
    assert f"{row.rank} / {row.ranked}" in line
    from qgis.PyQt.QtCore import QLocale

    from reterr_qgis.report.formatting import number

    assert number(row.value, QLocale("en")) in line


def test_profile_page_errors(run_alg, index_layer, sample_gpkg, tmp_path):
    base = {"INPUT": index_layer, "FIELD": "share_65p", "OUTPUT_PDF": str(tmp_path / "x.pdf")}
    with pytest.raises(QgsProcessingException, match="No territory named or coded 'Atlantis'"):
        run_alg("reterr:export_council_map", {**base, "PROFILE_TERRITORY": "Atlantis"})
    with pytest.raises(QgsProcessingException, match="Peer field 'epci_x' not found"):
        run_alg(
            "reterr:export_council_map",
            {**base, "PROFILE_TERRITORY": "Rodez", "PROFILE_PEERS": "epci_x"},
        )
    with pytest.raises(QgsProcessingException, match="no indicator field"):
        run_alg(
            "reterr:export_council_map",
            {
                **base,
                "PROFILE_TERRITORY": "Rodez",
                "PROFILE_LAYER": f"{sample_gpkg}|layername=mairies",
            },
        )
    assert not (tmp_path / "x.pdf").exists()  # nothing half-written
