"""Issue 13, item 4 (b): reterr:import_bpe keeps the columns of the published file it does not know
(LIBCOM, NOMRS…) as text fields named as in the file, after its own fields."""

import pytest

pytestmark = pytest.mark.qgis

HEADER = "REG;DEP;DEPCOM;LIBCOM;DCIRIS;AN;TYPEQU;NOMRS;LAMBERT_X;LAMBERT_Y;QUALITE_XY;SIRET"
ROWS = [
    "76;12;12202;Rodez;122020000;2024;D265;Cabinet Éloïse;633420,5;6363310,2;Bonne;12345678900012",
    '76;12;12202;Rodez;122020000;2024;D307;"Pharmacie; du marché";633500;6363400;Bonne;',
    "76;12;12145;Millau;121450000;2024;B207;;706000;6335000;Bonne;98765432100034",
]


def _write(path, lines):
    path.write_bytes(("\n".join(lines) + "\n").encode("latin-1"))
    return str(path)


def test_unknown_columns_are_kept_as_text(run_alg, tmp_path):
    path = _write(tmp_path / "bpe.csv", [HEADER, *ROWS])
    res = run_alg("reterr:import_bpe", {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT"})
    out = res["OUTPUT"]
    fields = out.fields()
    names = fields.names()
    for column in ("LIBCOM", "NOMRS", "SIRET"):
        assert column in names, names
        assert fields.field(column).typeName().lower() in ("string", "text"), column
    assert names[-3:] == ["LIBCOM", "NOMRS", "SIRET"]  # in the file's order, after ours
    feats = {f["TYPEQU"]: f for f in out.getFeatures()}
    assert feats["D265"]["LIBCOM"] == "Rodez"
    assert feats["D265"]["NOMRS"] == "Cabinet Éloïse"
    assert feats["D265"]["SIRET"] == "12345678900012"  # text: no leading zero or digit lost
    assert feats["D307"]["NOMRS"] == "Pharmacie; du marché"
    assert feats["B207"]["LIBCOM"] == "Millau"
    for empty in (feats["B207"]["NOMRS"], feats["D307"]["SIRET"]):
        assert empty is None or str(empty) == "NULL"


def test_a_column_named_like_an_output_field_is_kept_under_another_name(run_alg, tmp_path):
    lines = [HEADER + ";gamme", *(row + ";X" for row in ROWS)]
    path = _write(tmp_path / "bpe_gamme.csv", lines)
    res = run_alg("reterr:import_bpe", {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT"})
    names = res["OUTPUT"].fields().names()
    assert "gamme_2" in names
    feats = {f["TYPEQU"]: f for f in res["OUTPUT"].getFeatures()}
    assert feats["D265"]["gamme_2"] == "X"
    assert feats["D265"]["gamme"] != "X"  # ours is untouched
    assert any("'gamme'" in w and "gamme_2" in w for w in res["_feedback"].warnings)
