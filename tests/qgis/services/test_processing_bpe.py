"""reterr:import_bpe on a file in the published format (Latin-1, ';', decimal commas)."""

import pytest

pytestmark = pytest.mark.qgis

HEADER = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY"
ROWS = [
    "76;12;12202;122020000;2024;D265;633420,5;6363310,2;Bonne",
    "76;12;12202;122020000;2024;D307;633500;6363400;Acceptable",
    "76;12;12145;121450000;2024;B207;706000;6335000;Bonne",
    "76;12;12145;121450000;2024;Z999;706100;6335100;Bonne",  # unknown code: kept, reported
    "76;12;12145;121450000;2024;D265;;;Non géolocalisé",  # unlocated: dropped, counted
]


@pytest.fixture
def bpe_file(tmp_path):
    path = tmp_path / "bpe24_ensemble_xy.csv"
    path.write_bytes(("\n".join([HEADER, *ROWS]) + "\n").encode("latin-1"))
    return path


def test_import_bpe_tags_and_counts(run_alg, bpe_file):
    res = run_alg("reterr:import_bpe", {"INPUT": str(bpe_file), "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = res["OUTPUT"]
    assert layer.crs().authid() == "EPSG:2154"
    feats = {f["TYPEQU"]: f for f in layer.getFeatures()}
    assert set(feats) == {"D265", "D307", "B207", "Z999"}
    gp = feats["D265"]
    assert gp["domaine"] == "D" and gp["code_connu"] == 1
    assert gp.geometry().asPoint().x() == pytest.approx(633420.5)
    assert feats["Z999"]["domaine"] == "?" and feats["Z999"]["code_connu"] == 0
    assert feats["D307"]["panier"] == 1  # pharmacy is in the everyday basket
    fb = res["_feedback"]
    assert any("1 rows dropped" in i for i in fb.infos)
    assert any("Z999 (1)" in w for w in fb.warnings)


def test_import_bpe_filters_types_and_domains(run_alg, bpe_file):
    res = run_alg(
        "reterr:import_bpe",
        {"INPUT": str(bpe_file), "TYPES": "B;D307", "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert sorted(f["TYPEQU"] for f in res["OUTPUT"].getFeatures()) == ["B207", "D307"]


def test_import_bpe_missing_columns_named(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    path = tmp_path / "bad.csv"
    path.write_text("DEPCOM;TYPEQU\n12202;D265\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="LAMBERT_X"):
        run_alg("reterr:import_bpe", {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
