"""reterr:floating_catchment through processing.run, against hand-computed values and the engine."""

import numpy as np
import pytest

pytestmark = pytest.mark.qgis


def points_layer(rows, fields, geom="Point"):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"{geom}?crs=EPSG:2154&{fields}", "pts", "memory")
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_2sfca_by_hand_through_processing(run_alg):
    # Speed 60 km/h, detour 1: 1 km = 1 minute. Demand A (100) at 0 km, B (300) at 15 km;
    # one GP (capacity 2) at 5 km: A is 5 min away, B 10 min; a pharmacy elsewhere is ignored.
    demand = points_layer(
        [(("A", 100), (0, 0)), (("B", 300), (15000, 0))],
        "field=nom:string&field=population:double",
    )
    fac = points_layer(
        [(("D265", 2), (5000, 0)), (("D307", 9), (0, 100))],
        "field=TYPEQU:string&field=etp:double",
    )
    res = run_alg(
        "reterr:floating_catchment",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "CATEGORIES": "D265",
            "SUPPLY_FIELD": "etp",
            "METHOD": 0,
            "CATCHMENT": 20,
            "SPEED": 60,
            "DETOUR": 1,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    out = {f["nom"]: f for f in res["OUTPUT"].getFeatures()}
    # R = 2 / 400; both reach it: A = B = 0.005; index relative to the mean = 1.
    assert out["A"]["fca_access"] == pytest.approx(0.005)
    assert out["B"]["fca_access"] == pytest.approx(0.005)
    assert out["A"]["fca_index"] == pytest.approx(1.0)
    assert out["A"]["n_facilities"] == 1


def test_apl_preset_by_hand(run_alg):
    # Same hand-worked example as the engine test: standardised demand 800/2.8 and 600/2.8,
    # B 12 minutes from the GP (weight 2/3): APL 12.6 and 8.4 consultations per std inhabitant.
    demand = points_layer(
        [(("A", 200, 100, 0, 100), (0, 0)), (("B", 300, 300, 0, 0), (12000, 0))],
        "field=nom:string&field=population:double&field=pop_0_19:double&field=pop_20_64:double"
        "&field=pop_65p:double",
    )
    fac = points_layer([(("D265", 1), (0, 0))], "field=TYPEQU:string&field=etp:double")
    res = run_alg(
        "reterr:floating_catchment",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "SUPPLY_FIELD": "etp",
            "METHOD": 5,
            "AGE_CONSUMPTION": "2;1;6",
            "SPEED": 60,
            "DETOUR": 1,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    out = {f["nom"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["A"]["apl"] == pytest.approx(12.6)
    assert out["B"]["apl"] == pytest.approx(8.4)
    assert out["A"]["apl_underserved"] == 0


def test_e2sfca_on_sample_communes_equals_engine(run_alg, sample_gpkg):
    from qgis.core import QgsVectorLayer

    from reterr_qgis.engine.routing.costs import pairs_within, straight_line_minutes
    from reterr_qgis.engine.services.fca import E2SFCA_STEPS, floating_catchment, step_weights

    communes = QgsVectorLayer(f"{sample_gpkg}|layername=communes", "c", "ogr")
    halls = QgsVectorLayer(f"{sample_gpkg}|layername=mairies", "m", "ogr")
    res = run_alg(
        "reterr:floating_catchment",
        {
            "DEMAND": communes,
            "FACILITIES": halls,
            "METHOD": 1,
            "CATCHMENT": 30,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    out = res["OUTPUT"]
    got = np.array([f["fca_access"] for f in out.getFeatures()])
    dxy = np.array(
        [
            [p.x(), p.y()]
            for p in (f.geometry().pointOnSurface().asPoint() for f in communes.getFeatures())
        ]
    )
    fxy = np.array(
        [[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in halls.getFeatures()]
    )
    pop = np.array([f["population"] for f in communes.getFeatures()], dtype=float)
    pairs = pairs_within(dxy, fxy, 30 * 50 * 1000 / 60 / 1.3)
    pairs.cost = straight_line_minutes(pairs.cost, 50, 1.3)
    ref = floating_catchment(pairs, pop, np.ones(len(fxy)), 30, step_weights(E2SFCA_STEPS))
    np.testing.assert_allclose(got, ref.access, rtol=1e-12)
    # Conservation: population-weighted accessibility sums to the number of town halls.
    assert np.sum(pop * got) == pytest.approx(len(fxy), rel=1e-9)


def test_unknown_facility_type_is_reported(run_alg):
    from qgis.core import QgsProcessingException

    demand = points_layer([(("A", 100), (0, 0))], "field=nom:string&field=population:double")
    fac = points_layer([(("D265", 1), (0, 0))], "field=TYPEQU:string&field=etp:double")
    with pytest.raises(QgsProcessingException, match="No facility of type D999"):
        run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": fac,
                "CATEGORIES": "D999",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_e2sfca_on_a_road_network_by_hand(run_alg, tmp_path, monkeypatch):
    """Two 10 km road segments at 60 km/h (1 min per km). A is 100 m off the start (0.4 min at
    15 km/h): 10.4 min to the GP (weight 0.68); B sits on the far end: 10 min (weight 1);
    C is 5 km from any node: unreachable."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    monkeypatch.setenv("RETERR_CACHE_DIR", str(tmp_path / "cache"))
    roads = QgsVectorLayer("LineString?crs=EPSG:2154&field=kmh:double", "roads", "memory")
    feats = []
    for wkt in ("LINESTRING(0 0, 10000 0)", "LINESTRING(10000 0, 20000 0)"):
        f = QgsFeature(roads.fields())
        f.setAttributes([60.0])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    roads.dataProvider().addFeatures(feats)
    demand = points_layer(
        [(("A", 100), (0, 100)), (("B", 300), (20000, 0)), (("C", 50), (10000, 5000))],
        "field=nom:string&field=population:double",
    )
    fac = points_layer([(("D265", 1), (10000, 0))], "field=TYPEQU:string&field=etp:double")
    res = run_alg(
        "reterr:floating_catchment",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "METHOD": 1,
            "CATCHMENT": 30,
            "NETWORK": roads,
            "SPEED_FIELD": "kmh",
            "MAX_SNAP": 2000,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    out = {f["nom"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["A"]["fca_access"] == pytest.approx(0.68 / 368)
    assert out["B"]["fca_access"] == pytest.approx(1 / 368)
    assert out["C"]["fca_access"] == 0 and out["C"]["n_facilities"] == 0
    assert any("C (fid" in w and "unreachable" in w for w in res["_feedback"].warnings), res[
        "_feedback"
    ].warnings


def test_anchor_points_replace_interior_points(run_alg):
    """A 10 km square commune whose town hall sits in a corner, 500 m from the GP: with the town
    hall as origin the GP is within a 2-minute catchment (60 km/h), from the interior point not."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    communes = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=code_insee:string&field=population:double", "c", "memory"
    )
    f = QgsFeature(communes.fields())
    f.setAttributes(["12001", 500.0])
    f.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((0 0,10000 0,10000 10000,0 10000,0 0)))"))
    communes.dataProvider().addFeatures([f])
    halls = points_layer(
        [(("12001",), (9000, 9000)), (("99999",), (0, 0))], "field=code_insee:string"
    )
    fac = points_layer([(("D265", 1), (9000, 9500))], "field=TYPEQU:string&field=etp:double")
    common = {
        "DEMAND": communes,
        "FACILITIES": fac,
        "METHOD": 0,
        "CATCHMENT": 2,
        "SPEED": 60,
        "DETOUR": 1,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    without = run_alg("reterr:floating_catchment", common)
    assert next(without["OUTPUT"].getFeatures())["n_facilities"] == 0
    with_halls = run_alg("reterr:floating_catchment", {**common, "ANCHORS": halls})
    feat = next(with_halls["OUTPUT"].getFeatures())
    assert feat["n_facilities"] == 1
    assert feat["fca_access"] == pytest.approx(1 / 500)
    assert any("1 of 1 demand units" in i for i in with_halls["_feedback"].infos)
