"""The council map's profile page asks for the code when a name matches several territories."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from qgis.core import QgsProcessingException

RODEZ = "12202"
MILLAU = "12145"  # renamed 'Rodez' in the test layer: a homonym in another EPCI
BROMMAT = "12036"  # renamed '12202' in the test layer: a name that is another commune's code


@pytest.fixture
def homonym_profile(run_alg, sample_gpkg, tmp_path):
    """The territory profile of the sample's communes, Millau renamed 'Rodez', Brommat '12202'."""
    from qgis.core import QgsVectorLayer

    gpkg = tmp_path / "homonyms.gpkg"
    shutil.copyfile(sample_gpkg, gpkg)
    communes = QgsVectorLayer(f"{gpkg}|layername=communes", "communes", "ogr")
    assert communes.isValid()
    nom = communes.fields().lookupField("nom")
    fids = {f["code_insee"]: f.id() for f in communes.getFeatures()}
    assert communes.dataProvider().changeAttributeValues(
        {fids[MILLAU]: {nom: "Rodez"}, fids[BROMMAT]: {nom: RODEZ}}
    )
    del communes
    return run_alg(
        "reterr:territory_profile",
        {"INPUT": f"{gpkg}|layername=communes", "OUTPUT": str(tmp_path / "p.gpkg")},
    )["OUTPUT"]


def _base(layer, tmp_path):
    return {"INPUT": layer, "FIELD": "share_65p", "OUTPUT_PDF": str(tmp_path / "m.pdf")}


def test_homonyms_are_refused_with_their_codes(run_alg, homonym_profile, tmp_path):
    with pytest.raises(QgsProcessingException) as err:
        run_alg(
            "reterr:export_council_map",
            {**_base(homonym_profile, tmp_path), "PROFILE_TERRITORY": "rodez"},
        )
    message = str(err.value)
    assert "2 territories are named 'rodez'" in message
    # Each candidate with its code and its EPCI, and the way out: give the code.
    assert f"code_insee {RODEZ}" in message
    assert f"code_insee {MILLAU}" in message
    assert "CA Rodez Agglomération" in message
    assert "CC de Millau Grands Causses" in message
    assert "Give its code instead (field 'code_insee')" in message
    assert not (tmp_path / "m.pdf").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(("key", "shown"), [(RODEZ, "Rodez"), ("Espalion", "Espalion")])
def test_code_or_unique_name_gives_the_page(run_alg, homonym_profile, tmp_path, key, shown):
    pdf = tmp_path / "m.pdf"
    run_alg(
        "reterr:export_council_map",
        {**_base(homonym_profile, tmp_path), "PROFILE_TERRITORY": key, "PROFILE_PEERS": "nom_epci"},
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M), info
    raw = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    text = unicodedata.normalize("NFKC", raw)  # undoes the PDF's ligatures ("ﬁ" → "fi")
    assert f"Resilience profile — {shown}" in text
    flat = " ".join(text.split())
    epci = "CA Rodez Agglomération" if key == RODEZ else "CC Comtal Lot et Truyère"
    # The commune asked for: not Millau (named 'Rodez'), not Brommat (named '12202').
    assert f"median of the EPCI {epci}" in flat  # the peers in plain words, not a field
