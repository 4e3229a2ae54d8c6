"""reterr:nearest_service, service_basket, service_gaps and suggest_locations through
processing.run: hand-computed cases (straight line at 60 km/h with a detour factor of 1, so that
1 km = 1 minute), a tiny road network with a one-way street, the sample territory against the
engine called directly, and bad inputs."""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

#: Straight line, 1 km = 1 minute.
KM_MIN = {"SPEED": 60, "DETOUR": 1}


def points_layer(rows, fields, geom="Point"):
    """Memory layer in Lambert-93 from ``[(attributes, (x, y)), …]``."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"{geom}?crs=EPSG:2154&{fields}", "pts", "memory")
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def facilities(rows):
    """Facilities from ``[(TYPEQU, (x, y)), …]``."""
    return points_layer([((t,), xy) for t, xy in rows], "field=TYPEQU:string")


def by_name(layer, field="nom"):
    return {f[field]: f for f in layer.getFeatures()}


def null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


# ---- nearest_service -------------------------------------------------------------------------


def test_nearest_service_by_hand(run_alg):
    # Two GPs at 5 and 8 km east of A, a pharmacy 3 km north of A. C is 7 km from the nearer GP
    # and exactly 10 km from the other (inclusive cut-off: both count); B is 12 km from a GP.
    demand = points_layer(
        [(("A", 100), (0, 0)), (("B", 300), (20000, 0)), (("C", 600), (15000, 0))],
        "field=nom:string&field=population:double",
    )
    fac = facilities(
        [("D265", (5000, 0)), ("D265", (8000, 0)), ("D307", (0, 3000)), ("B207", (90000, 0))]
    )
    res = run_alg(
        "reterr:nearest_service",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "TYPES": "D265;D307",
            "CUTOFF": 10,
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    layer = res["OUTPUT"]
    names = layer.fields().names()
    assert names == ["nom", "population", "t_D265", "n_D265", "t_D307", "n_D307"]
    out = by_name(layer)
    assert out["A"]["t_D265"] == pytest.approx(5.0)
    assert out["A"]["n_D265"] == 2
    assert out["A"]["t_D307"] == pytest.approx(3.0)
    assert out["A"]["n_D307"] == 1
    assert out["C"]["t_D265"] == pytest.approx(7.0)
    assert out["C"]["n_D265"] == 2  # 7 and exactly 10 minutes
    assert null(out["B"]["t_D265"]) and out["B"]["n_D265"] == 0  # 12 minutes > 10
    assert null(out["B"]["t_D307"]) and null(out["C"]["t_D307"])
    infos = res["_feedback"].infos
    # B has no GP within 10 minutes: 300 of 1000 inhabitants.
    assert any("D265: 1 of 3 demand units (300 inhabitants, 30.0 %)" in i for i in infos), infos


def test_nearest_service_without_counts_and_lower_case_code(run_alg):
    demand = points_layer([(("A",), (0, 0))], "field=nom:string")
    fac = facilities([("D265", (4000, 3000))])
    res = run_alg(
        "reterr:nearest_service",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "TYPES": "d265",
            "COUNT": False,
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    layer = res["OUTPUT"]
    assert layer.fields().names() == ["nom", "t_D265"]
    assert next(layer.getFeatures())["t_D265"] == pytest.approx(5.0)  # 3-4-5 triangle


def one_way_roads():
    """A 10 km street from S (10000, 0) to H (0, 0), one-way S → H, and a two-way 30 km detour
    H (0, 0) → (0, 10000) → (10000, 10000) → S, all at 60 km/h (1 minute per km)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    roads = QgsVectorLayer(
        "LineString?crs=EPSG:2154&field=kmh:double&field=oneway:string", "roads", "memory"
    )
    feats = []
    for wkt, oneway in (
        ("LINESTRING(10000 0, 0 0)", "yes"),
        ("LINESTRING(0 0, 0 10000, 10000 10000, 10000 0)", "no"),
    ):
        f = QgsFeature(roads.fields())
        f.setAttributes([60.0, oneway])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    roads.dataProvider().addFeatures(feats)
    return roads


def test_nearest_service_one_way_street_home_to_service(run_alg, tmp_path, monkeypatch):
    """Times run from the home to the service: from H the GP at S is 30 minutes away (the
    one-way street runs the other way), while from S the pharmacy at H is 10 minutes away."""
    monkeypatch.setenv("RETERR_CACHE_DIR", str(tmp_path / "cache"))
    demand = points_layer(
        [(("H", 100), (0, 0)), (("S", 100), (10000, 0))],
        "field=nom:string&field=population:double",
    )
    fac = facilities([("D265", (10000, 0)), ("D307", (0, 0))])
    common = {
        "DEMAND": demand,
        "FACILITIES": fac,
        "TYPES": "D265;D307",
        "NETWORK": one_way_roads(),
        "SPEED_FIELD": "kmh",
        "ONEWAY_FIELD": "oneway",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    res = run_alg("reterr:nearest_service", {**common, "CUTOFF": 60})
    out = by_name(res["OUTPUT"])
    assert out["H"]["t_D265"] == pytest.approx(30.0)
    assert out["S"]["t_D307"] == pytest.approx(10.0)
    assert out["H"]["t_D307"] == pytest.approx(0.0)
    assert out["S"]["t_D265"] == pytest.approx(0.0)
    assert any("road network" in i for i in res["_feedback"].infos)
    # With a 20-minute cut-off, the GP is out of H's reach (the 10-minute street is one-way).
    res = run_alg("reterr:nearest_service", {**common, "CUTOFF": 20})
    out = by_name(res["OUTPUT"])
    assert null(out["H"]["t_D265"]) and out["H"]["n_D265"] == 0
    assert out["S"]["t_D307"] == pytest.approx(10.0) and out["S"]["n_D307"] == 1


def test_nearest_service_on_sample_equals_engine(run_alg, sample_gpkg, tmp_path, monkeypatch):
    """GPs of the illustrative BPE over the illustrative roads, from the town halls: every
    commune reaches one, and the times equal the engine called directly on the same graph."""
    from qgis.core import QgsGeometry, QgsProcessingFeedback, QgsVectorLayer

    from reterr_qgis.adapters.graphs import NetworkSpec, build_from_source
    from reterr_qgis.engine.routing import NetworkCosts
    from reterr_qgis.engine.services.access import nearest_by_type

    monkeypatch.setenv("RETERR_CACHE_DIR", str(tmp_path / "cache"))
    communes = QgsVectorLayer(f"{sample_gpkg}|layername=communes", "communes", "ogr")
    halls = QgsVectorLayer(f"{sample_gpkg}|layername=mairies", "mairies", "ogr")
    bpe = QgsVectorLayer(f"{sample_gpkg}|layername=bpe_illustratif", "bpe", "ogr")
    roads = QgsVectorLayer(f"{sample_gpkg}|layername=routes_illustratives", "roads", "ogr")
    res = run_alg(
        "reterr:nearest_service",
        {
            "DEMAND": communes,
            "FACILITIES": bpe,
            "TYPES": "D265",
            "CUTOFF": 60,
            "ANCHORS": halls,
            "NETWORK": roads,
            "SPEED_FIELD": "vitesse_kmh",
            "ONEWAY_FIELD": "sens",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    got_t = np.array([f["t_D265"] for f in res["OUTPUT"].getFeatures()], dtype=object)
    got_n = np.array([f["n_D265"] for f in res["OUTPUT"].getFeatures()])
    assert len(got_t) == communes.featureCount() == 285
    assert not any(null(t) for t in got_t), "a commune has no GP within 60 minutes"
    assert not [w for w in res["_feedback"].warnings if "unreachable" in w]

    # The same computation, directly: town hall inside its commune, else a point on the surface.
    hall_xy = {}
    for f in halls.getFeatures():
        hall_xy.setdefault(str(f["code_insee"]), f.geometry().asPoint())
    dxy = []
    for f in communes.getFeatures():
        p = hall_xy.get(str(f["code_insee"]))
        if p is None or not f.geometry().contains(QgsGeometry.fromPointXY(p)):
            p = f.geometry().pointOnSurface().asPoint()
        dxy.append((p.x(), p.y()))
    fxy = [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in bpe.getFeatures()]
    types = [f["TYPEQU"] for f in bpe.getFeatures()]
    spec = NetworkSpec(speed_field="vitesse_kmh", oneway_field="sens", max_edge_m=500.0)
    graph = build_from_source(roads, spec, "roads", QgsProcessingFeedback())
    ref = nearest_by_type(NetworkCosts(graph, 2000.0, 15.0), dxy, fxy, types, ["D265"], 60.0)
    np.testing.assert_allclose(got_t.astype(float), ref["D265"].time, rtol=1e-12)
    np.testing.assert_array_equal(got_n, ref["D265"].count_within)
    assert np.isfinite(ref["D265"].time).all()


def test_unknown_type_is_an_error_naming_it(run_alg):
    from qgis.core import QgsProcessingException

    demand = points_layer([(("A", 1), (0, 0))], "field=nom:string&field=population:double")
    fac = facilities([("D265", (0, 0))])
    with pytest.raises(QgsProcessingException, match=r"Unknown facility types: ZZ99\b.*D265"):
        run_alg(
            "reterr:nearest_service",
            {
                "DEMAND": demand,
                "FACILITIES": fac,
                "TYPES": "D265;ZZ99",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_absent_type_is_a_warning_with_a_vintage_hint(run_alg):
    """D307 (pharmacy) has no facility: warning, NULL times, zero counts. The layer holds D201,
    the GP code before 2024: asking for D265 points at it."""
    demand = points_layer([(("A", 1), (0, 0))], "field=nom:string&field=population:double")
    fac = facilities([("D201", (1000, 0))])
    res = run_alg(
        "reterr:nearest_service",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "TYPES": "D201;D307;D265",
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    feat = next(res["OUTPUT"].getFeatures())
    assert feat["t_D201"] == pytest.approx(1.0)
    assert null(feat["t_D307"]) and feat["n_D307"] == 0
    warnings = res["_feedback"].warnings
    assert any("No facility of type D307, D265" in w for w in warnings), warnings
    assert any("type D265 but holds D201" in w for w in warnings), warnings


def test_cancel_before_start(run_alg):
    """A canceled run stops while reading and says so."""
    from qgis.core import QgsProcessingException

    demand = points_layer([(("A", 1), (0, 0))], "field=nom:string&field=population:double")
    fac = facilities([("D265", (0, 0))])
    from qgis.core import QgsProcessingFeedback

    class Canceled(QgsProcessingFeedback):
        def isCanceled(self):
            return True

    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:nearest_service",
            {"DEMAND": demand, "FACILITIES": fac, "TYPES": "D265", "OUTPUT": "TEMPORARY_OUTPUT"},
            feedback=Canceled(),
        )


# ---- service_basket --------------------------------------------------------------------------


def test_service_basket_by_hand(run_alg):
    # A: GP 5 min, pharmacy 10 min, bakery 3 min → 2 of 3 within 7 min, mean 6, max 10.
    # B at (3000, 4000): GP √(2²+4²) km, pharmacy √(3²+6²) km, bakery 4 km → all three within 7.
    demand = points_layer(
        [(("A", 100), (0, 0)), (("B", 300), (3000, 4000))],
        "field=nom:string&field=population:double",
    )
    fac = facilities([("D265", (5000, 0)), ("D307", (0, 10000)), ("B207", (3000, 0))])
    res = run_alg(
        "reterr:service_basket",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "TYPES": "D265;D307;B207",
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    out = by_name(res["OUTPUT"])
    assert out["A"]["basket_share"] == pytest.approx(200 / 3)
    assert out["A"]["basket_mean_min"] == pytest.approx(6.0)
    assert out["A"]["basket_max_min"] == pytest.approx(10.0)
    assert out["A"]["basket_missing"] == 1
    b = [math.hypot(2, 4), math.hypot(3, 6), 4.0]
    assert out["B"]["basket_share"] == pytest.approx(100.0)
    assert out["B"]["basket_mean_min"] == pytest.approx(sum(b) / 3)
    assert out["B"]["basket_max_min"] == pytest.approx(max(b))
    assert out["B"]["basket_missing"] == 0
    # Population-weighted: (100 × 66.7 + 300 × 100) / 400 = 91.7 %; 75 % reach the whole basket.
    infos = res["_feedback"].infos
    assert any("91.7 %; 75.0 % of the population" in i for i in infos), infos


def test_service_basket_default_basket_and_vintage(run_alg):
    """The default basket has 25 types in the 2024 codes: one GP within reach is 1/25 = 4 %, the
    24 absent types stay in the denominator. Read in the 2021 codes (24 types after the
    crosswalk), a D201 GP counts."""
    demand = points_layer([(("A", 10), (0, 0))], "field=nom:string&field=population:double")
    res = run_alg(
        "reterr:service_basket",
        {
            "DEMAND": demand,
            "FACILITIES": facilities([("D265", (1000, 0))]),
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    feat = next(res["OUTPUT"].getFeatures())
    assert feat["basket_share"] == pytest.approx(4.0)
    assert feat["basket_missing"] == 24
    assert feat["basket_mean_min"] == pytest.approx(1.0)  # absent types left out of the mean
    assert feat["basket_max_min"] == pytest.approx(1.0)
    assert any("No facility of type" in w and "D307" in w for w in res["_feedback"].warnings)
    assert any("in the codes of 2024: 25 types" in i for i in res["_feedback"].infos)

    old = points_layer([(("D201", "2021"), (1000, 0))], "field=TYPEQU:string&field=AN:string")
    common = {"DEMAND": demand, "FACILITIES": old, **KM_MIN, "OUTPUT": "TEMPORARY_OUTPUT"}
    res = run_alg("reterr:service_basket", {**common, "VINTAGE": 2021})
    feat = next(res["OUTPUT"].getFeatures())
    assert feat["basket_share"] == pytest.approx(100 / 24)
    assert feat["basket_missing"] == 23
    # Left at 2024, the basket misses the old code, and the user is told why.
    res = run_alg("reterr:service_basket", common)
    feat = next(res["OUTPUT"].getFeatures())
    assert feat["basket_share"] == 0 and feat["basket_missing"] == 25
    warnings = res["_feedback"].warnings
    assert any("vintage 2021 (field AN)" in w for w in warnings), warnings
    assert any("type D265 but holds D201" in w for w in warnings), warnings


# ---- service_gaps ----------------------------------------------------------------------------


def gaps_demand():
    """A and B in EPCI E1, C in E2, D (nobody) in E3."""
    return points_layer(
        [
            (("A", 100, "E1", "Un"), (0, 0)),
            (("B", 200, "E1", "Un"), (30000, 0)),
            (("C", 50, "E2", "Deux"), (50000, 0)),
            (("D", 0, "E3", "Trois"), (0, 50000)),
        ],
        "field=nom:string&field=population:double&field=epci:string&field=nom_epci:string",
    )


def test_service_gaps_by_hand_with_what_if(run_alg):
    # GP at 5 km from A: A 5, B 25, C 45, D √(5² + 50²) = 50.25 min. Pharmacies at A and at
    # (50000, 10000): A 0, B √(20² + 10²) = 22.36, C 10, D 50 min. Threshold 20 minutes.
    fac = facilities([("D265", (5000, 0)), ("D307", (0, 0)), ("D307", (50000, 10000))])
    candidates = points_layer([(("site B",), (30000, 0))], "field=nom:string")
    res = run_alg(
        "reterr:service_gaps",
        {
            "DEMAND": gaps_demand(),
            "FACILITIES": fac,
            "TYPES": "D265;D307",
            "GROUP_FIELD": "epci",
            "GROUP_NAME_FIELD": "nom_epci",
            "CANDIDATES": candidates,
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "UNDERSERVED": "TEMPORARY_OUTPUT",
        },
    )
    zones = res["OUTPUT"]
    assert not zones.isSpatial()  # point demand: zones without geometry
    assert zones.fields().names() == [
        "epci",
        "nom_epci",
        "n_units",
        "population",
        "pop_beyond_D265",
        "share_beyond_D265",
        "pop_beyond_D307",
        "share_beyond_D307",
        "pop_beyond_after",
        "share_beyond_after",
    ]
    z = by_name(zones, "epci")
    assert (z["E1"]["nom_epci"], z["E1"]["n_units"], z["E1"]["population"]) == ("Un", 2, 300)
    assert z["E1"]["pop_beyond_D265"] == 200 and z["E1"]["share_beyond_D265"] == pytest.approx(
        200 / 3
    )
    assert z["E1"]["pop_beyond_D307"] == 200
    assert z["E2"]["pop_beyond_D265"] == 50 and z["E2"]["share_beyond_D265"] == 100
    assert z["E2"]["pop_beyond_D307"] == 0 and z["E2"]["share_beyond_D307"] == 0
    assert z["E3"]["population"] == 0 and null(z["E3"]["share_beyond_D265"])
    # A GP at B: B 0 min, C 20 (not beyond: 'beyond' is > T), D unchanged (nobody lives there).
    assert z["E1"]["pop_beyond_after"] == 0 and z["E2"]["pop_beyond_after"] == 0
    assert z["E2"]["share_beyond_after"] == 0 and null(z["E3"]["share_beyond_after"])
    warnings = res["_feedback"].warnings
    assert any("1 zones have no population" in w and "E3" in w for w in warnings), warnings

    under = by_name(res["UNDERSERVED"])
    assert sorted(under) == ["B", "C", "D"]
    assert under["B"]["t_D265"] == pytest.approx(25.0)
    assert under["B"]["t_D307"] == pytest.approx(math.hypot(20, 10))
    assert (under["B"]["n_beyond"], under["B"]["beyond"]) == (2, "D265;D307")
    assert (under["C"]["n_beyond"], under["C"]["beyond"]) == (1, "D265")
    assert under["C"]["t_D307"] == pytest.approx(10.0)
    assert under["D"]["t_D265"] == pytest.approx(math.hypot(5, 50))
    assert (under["B"]["t_before"], under["B"]["t_after"]) == (pytest.approx(25), 0)
    assert under["B"]["gain_min"] == pytest.approx(25.0)
    assert under["C"]["t_after"] == pytest.approx(20.0) and under["C"]["gain_min"] == 25
    assert under["D"]["gain_min"] == 0
    assert under["D"]["population"] == 0  # the demand attributes are kept
    infos = res["_feedback"].infos
    assert any("0 inhabitants remain" in i and "(instead of 250)" in i for i in infos), infos


def square(x0, y0, side=2000):
    return f"MULTIPOLYGON((({x0} {y0},{x0 + side} {y0},{x0 + side} {y0 + side},{x0} {y0 + side},{x0} {y0})))"


def test_service_gaps_polygons_dissolved_into_geopackage(run_alg, tmp_path):
    """2 km squares, two per EPCI; their centres are 0, 2, 20 and 22 km from the GP. Zones are
    the dissolved squares; the GeoPackage outputs carry a default style and their provenance."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    communes = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=nom:string&field=population:double"
        "&field=siren_epci:string",
        "communes",
        "memory",
    )
    feats = []
    for nom, pop, epci, x0 in (
        ("a", 10, "200001", 0),
        ("b", 20, "200001", 2000),
        ("c", 30, "200002", 20000),
        ("d", 40, "200002", 22000),
    ):
        f = QgsFeature(communes.fields())
        f.setAttributes([nom, pop, epci])
        f.setGeometry(QgsGeometry.fromWkt(square(x0, 0)))
        feats.append(f)
    communes.dataProvider().addFeatures(feats)
    gpkg = tmp_path / "gaps.gpkg"
    res = run_alg(
        "reterr:service_gaps",
        {
            "DEMAND": communes,
            "FACILITIES": facilities([("D265", (1000, 1000))]),
            "TYPES": "D265",
            "THRESHOLD": 15,
            "GROUP_FIELD": "siren_epci",
            **KM_MIN,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"zones\" (geom)",
            "UNDERSERVED": f"ogr:dbname='{gpkg}' table=\"under\" (geom)",
        },
    )
    zones = QgsVectorLayer(f"{gpkg}|layername=zones", "zones", "ogr")
    z = {f["siren_epci"]: f for f in zones.getFeatures()}
    assert z["200001"].geometry().area() == pytest.approx(8e6)
    assert z["200002"].geometry().area() == pytest.approx(8e6)
    assert z["200001"]["share_beyond_D265"] == 0
    assert z["200002"]["pop_beyond_D265"] == 70 and z["200002"]["share_beyond_D265"] == 100
    under = QgsVectorLayer(f"{gpkg}|layername=under", "under", "ogr")
    t = {f["nom"]: f["t_D265"] for f in under.getFeatures()}
    assert t == {"c": pytest.approx(20.0), "d": pytest.approx(22.0)}
    con = sqlite3.connect(gpkg)
    try:
        styled = {r[0] for r in con.execute("select f_table_name from layer_styles")}
        prov = dict(con.execute("select layer, algorithm from reterr_provenance"))
    finally:
        con.close()
    assert styled == {"zones", "under"}
    assert prov == {"zones": "reterr:service_gaps", "under": "reterr:service_gaps"}
    assert "UNDERSERVED" in res


def test_service_gaps_null_population_names_the_unit(run_alg):
    from qgis.core import QgsProcessingException

    demand = points_layer(
        [(("A", 10), (0, 0)), (("B", None), (1000, 0))], "field=nom:string&field=population:double"
    )
    with pytest.raises(QgsProcessingException, match=r"population.*B \(fid"):
        run_alg(
            "reterr:service_gaps",
            {
                "DEMAND": demand,
                "FACILITIES": facilities([("D265", (0, 0))]),
                "TYPES": "D265",
                "OUTPUT": "TEMPORARY_OUTPUT",
                "UNDERSERVED": "TEMPORARY_OUTPUT",
            },
        )


# ---- suggest_locations -----------------------------------------------------------------------


def cover_demand():
    return points_layer(
        [
            (("12001", "A", 100), (0, 0)),
            (("12002", "B", 200), (12000, 0)),
            (("12003", "C", 300), (50000, 0)),
            (("12004", "D", 50), (60000, 0)),
            (("12005", "E", 1000), (100000, 0)),
        ],
        "field=code_insee:string&field=nom:string&field=population:double",
    )


def test_suggest_locations_greedy_by_hand(run_alg):
    """A is covered by the existing GP, B (12 km away) is not. Within 10 minutes: a site at E
    gains 1000, at C or D 350 (C first: ties go to the first candidate), at B 200, at A 0."""
    common = {
        "DEMAND": cover_demand(),
        "FACILITIES": facilities([("D265", (0, 0))]),
        "TYPE": "D265",
        "THRESHOLD": 10,
        **KM_MIN,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    res = run_alg("reterr:suggest_locations", {**common, "K": 3})
    layer = res["OUTPUT"]
    assert layer.fields().names() == ["rank", "pop_gained", "pop_cumulative", "code_insee", "nom"]
    rows = [
        (f["rank"], f["nom"], f["code_insee"], f["pop_gained"], f["pop_cumulative"])
        for f in layer.getFeatures()
    ]
    assert rows == [
        (1, "E", "12005", 1000, 1000),
        (2, "C", "12003", 350, 1350),
        (3, "B", "12002", 200, 1550),
    ]
    first = next(layer.getFeatures()).geometry().asPoint()
    assert (first.x(), first.y()) == (100000, 0)
    infos = res["_feedback"].infos
    assert any("1550 of them (100.0 %)" in i for i in infos), infos
    # Asking for more sites than useful: stops after 3, with a warning.
    res = run_alg("reterr:suggest_locations", {**common, "K": 5})
    assert res["OUTPUT"].featureCount() == 3
    assert any("Only 3 sites were chosen" in w for w in res["_feedback"].warnings)


def test_suggest_locations_from_candidate_layer(run_alg):
    candidates = points_layer(
        [(("site 1", 7), (55000, 0)), (("site 2", 8), (95000, 0))],
        "field=name:string&field=parcel:integer",
    )
    res = run_alg(
        "reterr:suggest_locations",
        {
            "DEMAND": cover_demand(),
            "FACILITIES": facilities([("D265", (0, 0))]),
            "CANDIDATES": candidates,
            "THRESHOLD": 10,
            "K": 1,
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    (feat,) = list(res["OUTPUT"].getFeatures())
    assert (feat["rank"], feat["name"], feat["parcel"], feat["pop_gained"]) == (
        1,
        "site 2",
        8,
        1000,
    )


def test_suggest_locations_one_type_only(run_alg):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="one facility type"):
        run_alg(
            "reterr:suggest_locations",
            {
                "DEMAND": cover_demand(),
                "FACILITIES": facilities([("D265", (0, 0))]),
                "TYPE": "D265;D307",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
