"""Bad inputs to the Processing algorithms: each gets a clear error naming what to fix, and no
output is written; edge cases (zero population, zones) give the hand-computed result."""

import os

import pytest

pytestmark = pytest.mark.qgis


def memory_layer(rows, crs="EPSG:2154", fields="nom:string&field=population:double"):
    """Polygons from (name, population, wkt) rows."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}&field={fields}", "territoires", "memory")
    feats = []
    for name, pop, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([name, pop])
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def sq(x, y, size=1000):
    return f"MULTIPOLYGON((({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y})))"


def run_error(run_alg, params, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "out.gpkg"
    params = {**params, "OUTPUT": str(out)}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("reterr:territory_profile", params)
    assert not out.exists(), "a failed run must not leave an output behind"
    return str(err.value)


def test_geographic_crs_is_refused(run_alg, tmp_path):
    layer = memory_layer([("A", 10, "MULTIPOLYGON(((2 44,3 44,3 45,2 45,2 44)))")], crs="EPSG:4326")
    msg = run_error(run_alg, {"INPUT": layer}, tmp_path)
    assert "geographic" in msg and "EPSG:2154" in msg


def test_missing_population_field_is_named(run_alg, tmp_path):
    layer = memory_layer([("A", 10, sq(0, 0))])
    msg = run_error(run_alg, {"INPUT": layer, "POPULATION_FIELD": "habitants"}, tmp_path)
    assert "habitants" in msg and "population" in msg  # names the field and lists the available


def test_text_numbers_french_format_are_read_and_garbage_is_named(run_alg, tmp_path):
    fields = "nom:string&field=population:string"
    ok = memory_layer([("A", "1 234,5", sq(0, 0)), ("B", "10", sq(1000, 0))], fields=fields)
    res = run_alg("reterr:territory_profile", {"INPUT": ok, "OUTPUT": "TEMPORARY_OUTPUT"})
    out = res["OUTPUT"]
    values = sorted(f["population"] for f in out.getFeatures())
    assert values == [10.0, 1234.5]
    bad = memory_layer([("A", "12", sq(0, 0)), ("Bourg", "n/a", sq(1000, 0))], fields=fields)
    msg = run_error(run_alg, {"INPUT": bad}, tmp_path)
    assert "Bourg" in msg and "not numbers" in msg


def test_null_population_names_the_feature(run_alg, tmp_path):
    layer = memory_layer([("A", 10, sq(0, 0)), ("Vide", None, sq(1000, 0))])
    msg = run_error(run_alg, {"INPUT": layer}, tmp_path)
    assert "Vide" in msg and "missing" in msg


def test_empty_and_invalid_geometries_are_named(run_alg, tmp_path):
    layer = memory_layer([("A", 10, sq(0, 0)), ("Sans", 5, None)])
    msg = run_error(run_alg, {"INPUT": layer}, tmp_path)
    assert "Sans" in msg and "no geometry" in msg
    bow_tie = "MULTIPOLYGON(((0 0,1000 1000,1000 0,0 1000,0 0)))"
    layer = memory_layer([("A", 10, sq(0, 0)), ("Noeud", 5, bow_tie)])
    msg = run_error(run_alg, {"INPUT": layer}, tmp_path)
    assert "Noeud" in msg and "Fix geometries" in msg


def test_empty_layer(run_alg, tmp_path):
    msg = run_error(run_alg, {"INPUT": memory_layer([])}, tmp_path)
    assert "no features" in msg


def test_zero_population_gives_null_ratios_and_a_warning(run_alg):
    fields = (
        "nom:string&field=population:double&field=pop_0_19:double&field=pop_20_64:double"
        "&field=pop_65p:double"
    )
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:2154&field={fields}", "t", "memory")
    rows = [("Vide", 0, 0, 0, 0, sq(0, 0)), ("B", 100, 20, 50, 30, sq(1000, 0, 2000))]
    feats = []
    for *attrs, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run_alg("reterr:territory_profile", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})
    out = {f["nom"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Vide"]["share_65p"] is None or str(out["Vide"]["share_65p"]) == "NULL"
    assert out["B"]["share_65p"] == pytest.approx(30.0)
    assert out["B"]["density"] == pytest.approx(25.0)  # 100 inhabitants on 4 km²
    assert out["B"]["ageing_index"] == pytest.approx(150.0)
    assert any("zero population" in w for w in res["_feedback"].warnings)


def test_zones_layer_aggregation_and_reprojection(run_alg):
    # Four 1 km² communes; zone 1 holds the first two, zone 2 the third; the fourth is outside.
    communes = memory_layer(
        [
            ("A", 100, sq(0, 0)),
            ("B", 300, sq(1000, 0)),
            ("C", 50, sq(2000, 0)),
            ("Loin", 7, sq(50000, 0)),
        ]
    )
    zones = memory_layer(
        [("Z1", None, sq(0, 0, 2000)), ("Z2", None, sq(2000, 0, 2000))],
        fields="nom:string&field=x:double",
    )
    res = run_alg(
        "reterr:territory_profile",
        {"INPUT": communes, "ZONES": zones, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    out = {f["nom"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Z1"]["population"] == 400 and out["Z1"]["n_units"] == 2
    assert out["Z1"]["density"] == pytest.approx(200.0)  # 400 inhabitants on the 2 km² of A and B
    assert out["Z2"]["population"] == 50
    assert any("Loin" in w and "outside every zone" in w for w in res["_feedback"].warnings)


def test_code_and_zones_together_refused(run_alg, tmp_path):
    layer = memory_layer([("A", 10, sq(0, 0))])
    msg = run_error(run_alg, {"INPUT": layer, "GROUP_FIELD": "nom", "ZONES": layer}, tmp_path)
    assert "not both" in msg


def test_council_map_exports_pdf_and_png(run_alg, sample_gpkg, tmp_path):
    prof = tmp_path / "p.gpkg"
    run_alg(
        "reterr:territory_profile",
        {"INPUT": f"{sample_gpkg}|layername=communes", "OUTPUT": str(prof)},
    )
    pdf, png = tmp_path / "m.pdf", tmp_path / "m.png"
    res = run_alg(
        "reterr:export_council_map",
        {
            "INPUT": str(prof),
            "FIELD": "vacancy_rate",
            "TITLE": "Logements vacants",
            "TERRITORY": "Aveyron",
            "OUTPUT_PDF": str(pdf),
            "OUTPUT_PNG": str(png),
        },
    )
    assert res["OUTPUT_PDF"] == str(pdf)
    assert pdf.read_bytes()[:4] == b"%PDF" and pdf.stat().st_size > 20_000
    assert png.stat().st_size > 50_000


def test_council_map_refuses_all_null_field(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    layer = memory_layer([("A", None, sq(0, 0))])
    pdf = tmp_path / "m.pdf"
    with pytest.raises(QgsProcessingException, match="no value to map"):
        run_alg(
            "reterr:export_council_map",
            {"INPUT": layer, "FIELD": "population", "OUTPUT_PDF": str(pdf)},
        )
    assert not os.path.exists(pdf)


def test_cancel_while_writing_leaves_no_layer(run_alg, sample_gpkg, tmp_path):
    import sqlite3

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelWhenWriting(QgsProcessingFeedback):
        def setProgressText(self, text):
            if "Writing" in text:
                self.cancel()

    out = tmp_path / "c.gpkg"
    run_alg(
        "reterr:territory_profile",
        {
            "INPUT": f"{sample_gpkg}|layername=communes",
            "OUTPUT": f"ogr:dbname='{out}' table=\"a\" (geom)",
        },
    )
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:territory_profile",
            {
                "INPUT": f"{sample_gpkg}|layername=communes",
                "OUTPUT": f"ogr:dbname='{out}' table=\"b\" (geom)",
            },
            feedback=CancelWhenWriting(),
        )
    con = sqlite3.connect(out)
    tables = {r[0] for r in con.execute("select table_name from gpkg_contents")}
    con.close()
    assert "a" in tables and "b" not in tables


def test_council_map_draws_missing_values_in_grey(run_alg, tmp_path):
    layer = memory_layer([("A", 10, sq(0, 0)), ("B", 30, sq(1000, 0)), ("C", None, sq(2000, 0))])
    pdf = tmp_path / "m.pdf"
    res = run_alg(
        "reterr:export_council_map",
        {"INPUT": layer, "FIELD": "population", "RANK_FIELD": "population", "OUTPUT_PDF": str(pdf)},
    )
    assert pdf.read_bytes()[:4] == b"%PDF"
    assert any("1 territories have no value" in w for w in res["_feedback"].warnings)
