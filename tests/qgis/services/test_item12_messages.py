"""Issue 13, item 12: messages instead of tracebacks or silence.

(a) a non-numeric AGE_CONSUMPTION names the parameter and the expected form, in
    ``checkParameterValues`` too; (b) a layer whose CRS is undefined, or whose features cannot be
    reprojected (``QgsCsException``), is named instead of a traceback or silently wrong coordinates;
(c) an empty facility layer for service areas is refused with its name instead of an empty output.
"""

import pytest

pytestmark = pytest.mark.qgis


def points_layer(rows, fields, crs="EPSG:2154", name="pts"):
    """A memory point layer from ((attributes), (x, y)) rows; ``crs`` None: an undefined CRS."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer(f"Point?crs={crs or 'EPSG:2154'}&{fields}", name, "memory")
    if crs is None:
        layer.setCrs(QgsCoordinateReferenceSystem())
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.fixture
def apl_inputs():
    demand = points_layer(
        [(("A", 100, 20, 50, 30), (700000, 6400000))],
        "field=nom:string&field=population:double&field=pop_0_19:double"
        "&field=pop_20_64:double&field=pop_65p:double",
    )
    fac = points_layer([(("D265",), (701000, 6400000))], "field=TYPEQU:string")
    return demand, fac


# -- (a) AGE_CONSUMPTION ---------------------------------------------------------------------------


def test_non_numeric_age_consumption_names_the_parameter(run_alg, apl_inputs, tmp_path):
    from qgis.core import QgsProcessingException

    demand, fac = apl_inputs
    out = tmp_path / "apl.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": fac,
                "METHOD": 5,
                "AGE_CONSUMPTION": "0,8;beaucoup;1,6",
                "OUTPUT": str(out),
            },
        )
    msg = str(err.value)
    assert "AGE_CONSUMPTION" in msg
    assert "'beaucoup' is not a number" in msg
    assert "'0.8;1.0;1.6'" in msg  # the expected form
    assert "Traceback" not in msg
    assert not out.exists()


def test_age_consumption_is_checked_before_the_run(qgis_app, apl_inputs):
    from qgis.core import QgsApplication, QgsProcessingContext

    demand, fac = apl_inputs
    alg = QgsApplication.processingRegistry().createAlgorithmById("reterr:floating_catchment")
    context = QgsProcessingContext()
    params = {
        "DEMAND": demand,
        "FACILITIES": fac,
        "AGE_CONSUMPTION": "0.8;x;1.6",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    ok, message = alg.checkParameterValues({**params, "METHOD": 5}, context)
    assert not ok
    assert "AGE_CONSUMPTION" in message and "'x' is not a number" in message
    # Only the age-standardised methods read it: 2SFCA is not refused for it.
    ok, message = alg.checkParameterValues({**params, "METHOD": 0}, context)
    assert ok, message
    ok, message = alg.checkParameterValues(
        {**params, "METHOD": 5, "AGE_CONSUMPTION": "0,8;1;1,6"}, context
    )
    assert ok, message


# -- (b) CRS: undefined, or a transform that fails -------------------------------------------------


def anchored_run(run_alg, halls):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    communes = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=code_insee:string&field=population:double", "c", "memory"
    )
    f = QgsFeature(communes.fields())
    f.setAttributes(["12001", 500.0])
    f.setGeometry(
        QgsGeometry.fromWkt(
            "MULTIPOLYGON(((700000 6400000,710000 6400000,710000 6410000,700000 6410000,"
            "700000 6400000)))"
        )
    )
    communes.dataProvider().addFeatures([f])
    fac = points_layer([(("D265",), (709000, 6409500))], "field=TYPEQU:string")
    return run_alg(
        "reterr:floating_catchment",
        {
            "DEMAND": communes,
            "FACILITIES": fac,
            "ANCHORS": halls,
            "METHOD": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )


def test_points_that_cannot_be_reprojected_are_named(run_alg):
    """Town halls in Lambert-93 metres in a layer declared in degrees (EPSG:4326): reprojecting
    them raised QgsCsException, a traceback; now a message naming the layer and the points."""
    from qgis.core import QgsProcessingException

    halls = points_layer(
        [(("12001", "Mairie"), (709000, 6409000))],
        "field=code_insee:string&field=nom:string",
        crs="EPSG:4326",
        name="mairies",
    )
    with pytest.raises(QgsProcessingException) as err:
        anchored_run(run_alg, halls)
    msg = str(err.value)
    assert "mairies" in msg and "cannot be reprojected" in msg and "EPSG:4326" in msg
    assert "Mairie" in msg or "feature" in msg


def test_points_with_an_undefined_crs_are_refused(run_alg):
    """A layer without a CRS: the transform silently kept its coordinates as they were."""
    from qgis.core import QgsProcessingException

    halls = points_layer(
        [(("12001",), (709000, 6409000))], "field=code_insee:string", crs=None, name="mairies"
    )
    assert not halls.crs().isValid()
    with pytest.raises(QgsProcessingException) as err:
        anchored_run(run_alg, halls)
    msg = str(err.value)
    assert "mairies" in msg and "no valid coordinate reference system" in msg


def test_feature_table_transform_names_layer_and_features(qgis_app):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
    )

    from reterr_qgis.adapters.layers import error_message, read_features
    from reterr_qgis.engine.core.errors import InputError

    layer = points_layer(
        [(("ok",), (2.5, 44.3)), (("bad",), (709000, 6409000))],
        "field=nom:string",
        crs="EPSG:4326",
        name="sites",
    )
    table = read_features(layer, name_field="nom", layer_name="sites")
    before = [g.asWkt() for g in table.geometries]
    xform = QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance()
    )
    with pytest.raises(InputError) as err:
        table.transform(xform)
    msg = error_message(err.value)
    assert "'sites'" in msg and "bad (fid" in msg and "ok (fid" not in msg
    assert err.value.rows == [1]
    assert [g.asWkt() for g in table.geometries] == before, "nothing moved on failure"


# -- (c) an empty facility layer for service areas -------------------------------------------------


def test_service_areas_refuse_an_empty_facility_layer(run_alg, tmp_path, monkeypatch):
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    monkeypatch.setenv("RETERR_CACHE_DIR", str(tmp_path / "cache"))
    roads = QgsVectorLayer("LineString?crs=EPSG:2154&field=kmh:double", "roads", "memory")
    f = QgsFeature(roads.fields())
    f.setAttributes([60.0])
    f.setGeometry(QgsGeometry.fromWkt("LINESTRING(0 0, 10000 0)"))
    roads.dataProvider().addFeatures([f])
    empty = points_layer([], "field=TYPEQU:string", name="pharmacies")
    out = tmp_path / "areas.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run_alg(
            "reterr:service_areas",
            {
                "FACILITIES": empty,
                "NETWORK": roads,
                "SPEED_FIELD": "kmh",
                "BANDS": "5;10",
                "OUTPUT": str(out),
            },
        )
    assert "Layer 'pharmacies' has no features." in str(err.value)
    assert not out.exists()


def test_apl_with_another_catchment_says_so(run_alg, apl_inputs):
    """The toolbox dialog passes its catchment box (30 min by default) with the APL preset: the
    run says that the published APL uses 20 minutes; given 20, nothing is said."""
    demand, fac = apl_inputs
    said = {}
    for minutes in (30, 20):
        res = run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": fac,
                "METHOD": 5,
                "CATCHMENT": minutes,
                "SPEED": 60,
                "DETOUR": 1,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        said[minutes] = " ".join(res["_feedback"].warnings)
    assert "APL with a 30-minute catchment" in said[30] and "20 minutes" in said[30]
    assert "APL with a" not in said[20]


def test_apl_output_field_names_its_service(run_alg, apl_inputs, tmp_path):
    """The APL field of the output layer carries the service's alias (the registry's generic GP
    label, set first by the layer's style, used to keep the service-specific alias out)."""
    from qgis.core import QgsVectorLayer

    from reterr_qgis.adapters.aliases import field_alias

    demand, fac = apl_inputs
    params = {
        "DEMAND": demand,
        "FACILITIES": fac,
        "CATEGORY_FIELD": "TYPEQU",
        "CATEGORIES": "D265",
        "METHOD": 5,
        "CATCHMENT": 20,
        "SPEED": 60,
        "DETOUR": 1,
    }
    path = tmp_path / "apl.gpkg"
    run_alg("reterr:floating_catchment", {**params, "OUTPUT": str(path)})
    layer = QgsVectorLayer(str(path), "apl", "ogr")
    layer.loadDefaultStyle()
    alias = layer.fields()[layer.fields().lookupField("apl")].alias()
    assert alias == field_alias("apl", "reterr:floating_catchment", params)
    assert "D265" in alias
