"""Shapefile outputs say, before writing, which field names GDAL will cut (issue 13, item 5).

A shapefile (dBASE) field name holds 10 characters: GDAL cuts ``pop_beyond_D265`` to ``pop_beyond``
and the next ``pop_beyond_…`` to ``pop_beyo_1``, so that one cannot tell which service is which,
with only a note of GDAL's on stderr. The run now warns, before writing, with every renamed field
(old → new, as GDAL renames them) and advises a GeoPackage, and the written layer carries the
original names as field aliases (a ``.qml`` default style next to the shapefile).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qgis

KM_MIN = {"SPEED": 60, "DETOUR": 1}


def points_layer(rows, fields):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", "pts", "memory")
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def run_gaps(run_alg, output):
    demand = points_layer(
        [
            (("A", 100, "E1"), (0, 0)),
            (("B", 200, "E1"), (30000, 0)),
            (("C", 50, "E2"), (50000, 0)),
        ],
        "field=nom:string&field=population:double&field=epci:string",
    )
    fac = points_layer(
        [(("D265",), (5000, 0)), (("D307",), (0, 0))],
        "field=TYPEQU:string",
    )
    return run_alg(
        "reterr:service_gaps",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "TYPES": "D265;D307",
            "GROUP_FIELD": "epci",
            **KM_MIN,
            "OUTPUT": output,
        },
    )


def test_shapefile_names_unit():
    from reterr_qgis.processing.common.outputs import shapefile_field_names

    names = ["epci", "n_units", "pop_beyond_D265", "share_beyond_D265", "pop_beyond_D307"]
    names += ["pop_beyond_after", "share_beyond_after", "POP_BEYOND_x", "Population"]
    assert shapefile_field_names(names) == {
        "pop_beyond_D265": "pop_beyond",
        "share_beyond_D265": "share_beyo",
        "pop_beyond_D307": "pop_beyo_1",
        "pop_beyond_after": "pop_beyo_2",
        "share_beyond_after": "share_be_1",
        "POP_BEYOND_x": "POP_BEYO_3",
    }


def test_shapefile_names_are_those_gdal_gives():
    from osgeo import gdal, ogr

    from reterr_qgis.processing.common.outputs import shapefile_field_names

    names = [f"pop_beyond_D{k:03d}" for k in range(12)] + ["Population", "population", "x"]
    names += ["share_beyond_D265", "SHARE_BEYOND_D307", "abcdefghij", "ABCDEFGHIJ"]
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource("/vsimem/item5/t.shp")
        lyr = ds.CreateLayer("t", geom_type=ogr.wkbPoint)
        for n in names:
            assert lyr.CreateField(ogr.FieldDefn(n, ogr.OFTReal)) == 0
        defn = lyr.GetLayerDefn()
        written = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        ds = None
    finally:
        gdal.PopErrorHandler()
        gdal.RmdirRecursive("/vsimem/item5")
    renamed = shapefile_field_names(names)
    assert [renamed.get(n, n) for n in names] == written


def test_shapefile_output_warns_with_the_renamed_fields(run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    shp = tmp_path / "gaps.shp"
    res = run_gaps(run_alg, str(shp))
    warnings = [w for w in res["_feedback"].warnings if "GeoPackage" in w]
    assert len(warnings) == 1, res["_feedback"].warnings
    w = warnings[0]
    for old, new in (
        ("pop_beyond_D265", "pop_beyond"),
        ("share_beyond_D265", "share_beyo"),
        ("pop_beyond_D307", "pop_beyo_1"),
        ("share_beyond_D307", "share_be_1"),
    ):
        assert f"{old} → {new}" in w, w
    assert "epci →" not in w

    # The warning says what GDAL really did, and the layer shows the original names as aliases.
    layer = QgsVectorLayer(str(tmp_path / "gaps.dbf"), "gaps", "ogr")  # zones without geometry
    assert layer.isValid()
    names = layer.fields().names()
    assert "pop_beyond" in names and "pop_beyo_1" in names and "share_be_1" in names
    aliases = {f.name(): f.alias() for f in layer.fields()}
    assert aliases["pop_beyond"] == "pop_beyond_D265"
    assert aliases["pop_beyo_1"] == "pop_beyond_D307"
    assert aliases["epci"] == ""


def test_geopackage_output_does_not_warn(run_alg, tmp_path):
    res = run_gaps(run_alg, str(tmp_path / "gaps.gpkg"))
    assert not [w for w in res["_feedback"].warnings if "shapefile" in w.lower()]


def test_our_algorithms_read_our_shapefile_outputs_back(run_alg, tmp_path):
    """A territory profile written as a shapefile has 'ageing_ind' on disk (GDAL cut it); the
    resilience index reads it with the original names (from the aliases beside it) and combines
    the indicators asked for by those names, with the same values as from a GeoPackage."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    units = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=nom:string&field=population:double&field=pop_0_19:double"
        "&field=pop_20_64:double&field=pop_65p:double&field=dwellings:double"
        "&field=vacant_dwellings:double",
        "communes",
        "memory",
    )
    feats = []
    for k, (pop, young, adults, old, dw, vac) in enumerate(
        [
            (1000, 200, 500, 300, 600, 60),
            (500, 150, 300, 50, 250, 10),
            (800, 100, 400, 300, 500, 90),
        ]
    ):
        f = QgsFeature(units.fields())
        f.setAttributes([f"C{k}", pop, young, adults, old, dw, vac])
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(k * 1000, 0, k * 1000 + 1000, 1000)))
        feats.append(f)
    units.dataProvider().addFeatures(feats)
    shp, gpkg = tmp_path / "profil.shp", tmp_path / "profil.gpkg"
    for out in (shp, gpkg):
        run_alg("reterr:territory_profile", {"INPUT": units, "OUTPUT": str(out)})
    on_disk = QgsVectorLayer(str(shp), "p", "ogr").fields().names()
    assert "ageing_ind" in on_disk and "ageing_index" not in on_disk
    scores = {}
    for out in (shp, gpkg):
        res = run_alg(
            "reterr:resilience_index",
            {
                "INPUT": str(out),
                "FIELDS": ["ageing_index", "share_65p", "share_0_19"],
                "NAME_FIELD": "nom",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        layer = res["OUTPUT"]
        assert "ageing_index" in layer.fields().names()
        scores[out.suffix] = {f["nom"]: f["ageing_index"] for f in layer.getFeatures()}
    assert scores[".shp"] == scores[".gpkg"]
    assert scores[".shp"]["C0"] == pytest.approx(100 * 300 / 200)
