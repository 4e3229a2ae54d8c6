"""reterr:value_chains and reterr:endogenous_economy through processing.run: hand-worked cases on
three 10 km square territories in Lambert-93 (straight line at 60 km/h with a detour factor of 1,
so that 1 km = 1 minute), field mapping, outputs' fields and values, errors naming what to fix,
cancel, GeoPackage output styled."""

from __future__ import annotations

import math
import sqlite3

import pytest

pytestmark = pytest.mark.qgis

#: Straight line, 1 km = 1 minute.
KM_MIN = {"SPEED": 60, "DETOUR": 1}

#: A chain table of the shipped layout: milk (3 stages) and wood (2 stages).
CHAINS_CSV = (
    "chain_id;chain_fr;chain_en;stage_order;stage_id;stage_fr;stage_en;naf_codes;max_minutes;"
    "max_minutes_status;status;source;note\n"
    "lait;Lait;Milk;1;production;Élevage laitier;Dairy farming;01.41Z;;;confirme;test;\n"
    "lait;Lait;Milk;2;transformation;Fromageries;Cheese making;10.51C;30;a_verifier;confirme;test;\n"
    "lait;Lait;Milk;3;distribution;Crémeries;Cheese shops;47.29Z;;;confirme;test;\n"
    "bois;Bois;Wood;1;production;Exploitation forestière;Logging;02.20Z;;;confirme;test;\n"
    "bois;Bois;Wood;2;sciage;Sciage;Sawmilling;16.10A;60;a_verifier;confirme;test;\n"
)

EST_FIELDS = (
    "field=siret:string&field=siren:string&field=commune:string&field=naf:string"
    "&field=tranche:string&field=emplois:double&field=com_siege:string&field=ess:string"
    "&field=categorie:string"
)


def square(x0, y0, size=10000):
    from qgis.core import QgsGeometry

    return QgsGeometry.fromWkt(
        f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))"
    )


def territories(extra_fields="", extra=None):
    """Three 10 km squares side by side: 12001 (x 0–10 km), 12002 (10–20), 12003 (20–30)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        f"Polygon?crs=EPSG:2154&field=code_insee:string&field=nom:string{extra_fields}",
        "territoires",
        "memory",
    )
    feats = []
    for k, (code, name) in enumerate((("12001", "Alpha"), ("12002", "Beta"), ("12003", "Gamma"))):
        f = QgsFeature(layer.fields())
        f.setAttributes([code, name, *(extra[k] if extra else [])])
        f.setGeometry(square(10000 * k, 0))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def points_layer(rows, fields, name="pts"):
    """Memory point layer in Lambert-93 from ``[(attributes, (x, y)), …]``."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", name, "memory")
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def establishments(rows):
    """Establishments from ``[(siret, commune, naf, jobs, (x, y)), …]`` (other fields empty)."""
    return points_layer(
        [((s, s[:9], c, naf, "", jobs, "", "", ""), xy) for s, c, naf, jobs, xy in rows],
        EST_FIELDS,
        "etablissements",
    )


def chain_establishments():
    """Alpha holds the whole milk chain; Beta a dairy farm only (the cheese dairy of Alpha is
    9 km away, the cheese shop √(10² + 1²) km); Gamma a logging firm, its nearest sawmill 70 km
    east, outside every territory, and a cheese shop 0.5 km south of it (outside the squares,
    in Gamma's commune)."""
    return establishments(
        [
            ("10000000100001", "12001", "01.41Z", 1.5, (5000, 5000)),
            ("10000000200001", "12001", "10.51C", 14.5, (6000, 5000)),
            ("10000000300001", "12001", "47.29Z", 4.0, (5000, 6000)),
            ("10000000400001", "12002", "0141Z", 7.5, (15000, 5000)),
            ("10000000500001", "12003", "02.20Z", 1.0, (25000, 5000)),
            ("10000000600001", "81001", "16.10A", 34.5, (95000, 5000)),
            ("10000000700001", "12003", "47.29Z", 3.0, (25000, -500)),
        ]
    )


def town_halls(rows=None):
    rows = rows or [(("12001", 100.0), (5000, 5000)), (("12002", 50.0), (15000, 5000))]
    return points_layer(rows, "field=code:string&field=population:double", "mairies")


@pytest.fixture
def chains_csv(tmp_path):
    path = tmp_path / "chains.csv"
    path.write_text(CHAINS_CSV, encoding="utf-8")
    return str(path)


def by_code(layer, field="code_insee"):
    return {f[field]: f for f in layer.getFeatures()}


def null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


# ---- value_chains ----------------------------------------------------------------------------


def run_chains(run_alg, chains_csv, **extra):
    params = {
        "INPUT": territories(),
        "ESTABLISHMENTS": chain_establishments(),
        "CHAINS_TABLE": chains_csv,
        "ANCHORS": town_halls(
            [(("x", 1.0), (5000, 5000)), (("y", 1.0), (15000, 5000)), (("z", 1.0), (25000, 5000))]
        ),
        **KM_MIN,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "MISSING_LINKS": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return run_alg("reterr:value_chains", params)


def test_value_chains_by_hand(run_alg, chains_csv):
    res = run_chains(run_alg, chains_csv, STAGES="TEMPORARY_OUTPUT")
    layer = res["OUTPUT"]
    assert layer.fields().names() == [
        "code_insee",
        "nom",
        "lait_st",
        "lait_jb",
        "lait_ml",
        "bois_st",
        "bois_jb",
        "bois_ml",
        "n_links",
        "links",
    ]
    out = by_code(layer)
    a, b, c = out["12001"], out["12002"], out["12003"]
    assert (a["lait_st"], a["lait_jb"], a["lait_ml"]) == (3, pytest.approx(20.0), 0)
    assert (b["lait_st"], b["lait_jb"], b["lait_ml"]) == (1, pytest.approx(7.5), 0)
    # Gamma's cheese shop lies 500 m outside the squares: counted in its commune's territory.
    assert (c["lait_st"], c["lait_jb"], c["lait_ml"]) == (1, pytest.approx(3.0), 0)
    assert (c["bois_st"], c["bois_jb"], c["bois_ml"]) == (1, pytest.approx(1.0), 1)
    assert [a["n_links"], b["n_links"], c["n_links"]] == [0, 0, 1]
    assert c["links"] == "bois:sciage"
    assert null(a["links"]) or a["links"] == ""

    links = {
        (f["code_insee"], f["chain"], f["stage"]): f for f in res["MISSING_LINKS"].getFeatures()
    }
    assert set(links) == {
        ("12002", "lait", "transformation"),
        ("12002", "lait", "distribution"),
        ("12003", "bois", "sciage"),
    }
    t = links[("12002", "lait", "transformation")]
    assert t["minutes"] == pytest.approx(9.0)
    assert t["threshold"] == pytest.approx(30.0)
    assert t["link"] == 0
    assert t["near_siret"] == "10000000200001"
    assert t["near_com"] == "12001"
    assert t["rank"] == 2
    d = links[("12002", "lait", "distribution")]
    assert d["minutes"] == pytest.approx(math.hypot(10, 1))
    assert d["threshold"] == pytest.approx(30.0)  # default threshold
    s = links[("12003", "bois", "sciage")]
    assert s["minutes"] == pytest.approx(70.0)
    assert s["threshold"] == pytest.approx(60.0)
    assert s["link"] == 1
    assert s["near_siret"] == "10000000600001"
    assert s["near_naf"] == "16.10A"
    assert s.geometry().length() == pytest.approx(70000.0)
    assert s.geometry().asPolyline()[0].x() == pytest.approx(25000.0)

    stages = res["STAGES"]
    assert stages.featureCount() == 3 * 5
    rows = {(f["code_insee"], f["chain"], f["stage"]): f for f in stages.getFeatures()}
    r = rows[("12001", "lait", "transformation")]
    assert (r["n_estab"], r["jobs"], r["present"], r["missing"]) == (1, 14.5, 1, 0)
    r = rows[("12002", "lait", "transformation")]
    assert (r["present"], r["missing"], r["link"]) == (0, 1, 0)
    assert r["minutes"] == pytest.approx(9.0)
    assert any("1 missing links" in i for i in res["_feedback"].infos)


def test_value_chains_thresholds_and_chain_choice(run_alg, chains_csv):
    res = run_chains(
        run_alg,
        chains_csv,
        CHAINS="lait",
        THRESHOLDS="lait:transformation:5",
        DEFAULT_MINUTES=10,
    )
    layer = res["OUTPUT"]
    assert "bois_st" not in layer.fields().names()
    b = by_code(layer)["12002"]
    # 9 min > 5 (override) and 10.05 min > 10 (default threshold): two missing links.
    assert b["lait_ml"] == 2
    assert b["links"] == "lait:transformation; lait:distribution"
    links = {f["stage"]: f for f in res["MISSING_LINKS"].getFeatures()}
    assert links["transformation"]["threshold"] == pytest.approx(5.0)
    assert links["distribution"]["threshold"] == pytest.approx(10.0)


def test_value_chains_population_weighted_origins(run_alg, chains_csv):
    # Beta stands for two points: 9 km (weight 1) and 13 km (weight 3) from Alpha's cheese dairy:
    # (9 + 3 × 13) / 4 = 12 minutes; the line starts from the heavier point, to the nearest dairy.
    halls = town_halls(
        [
            (("a", 10.0), (5000, 5000)),
            (("b1", 1.0), (15000, 5000)),
            (("b2", 3.0), (19000, 5000)),
        ]
    )
    res = run_chains(
        run_alg, chains_csv, CHAINS="lait", ANCHORS=halls, POPULATION_FIELD="population"
    )
    links = {f["stage"]: f for f in res["MISSING_LINKS"].getFeatures()}
    t = links["transformation"]
    assert t["minutes"] == pytest.approx(12.0)
    assert t["near_siret"] == "10000000200001"
    assert t.geometry().asPolyline()[0].x() == pytest.approx(19000.0)


def test_value_chains_without_anchors_uses_points_inside(run_alg, chains_csv):
    res = run_chains(run_alg, chains_csv, ANCHORS=None)
    c = by_code(res["OUTPUT"])["12003"]
    assert c["bois_ml"] == 1
    s = next(f for f in res["MISSING_LINKS"].getFeatures() if f["stage"] == "sciage")
    # The point inside Gamma is within the square: 65 to 75 km from the sawmill.
    assert 65.0 <= s["minutes"] <= 75.0


def test_value_chains_on_a_road_network(run_alg, chains_csv):
    # One straight road at 30 km/h along y = 5 km: 9 km from Beta's town hall to the dairy = 18 min.
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    roads = QgsVectorLayer("LineString?crs=EPSG:2154&field=vitesse:double", "routes", "memory")
    f = QgsFeature(roads.fields())
    f.setAttributes([30.0])
    # A vertex every 500 m (the graph's nodes are vertices).
    wkt = ", ".join(f"{x} 5000" for x in range(0, 100001, 500))
    f.setGeometry(QgsGeometry.fromWkt(f"LINESTRING({wkt})"))
    assert roads.dataProvider().addFeatures([f])[0]
    res = run_chains(run_alg, chains_csv, CHAINS="lait", NETWORK=roads, SPEED_FIELD="vitesse")
    links = {f["stage"]: f for f in res["MISSING_LINKS"].getFeatures()}
    assert links["transformation"]["minutes"] == pytest.approx(18.0)
    assert any("road network" in i for i in res["_feedback"].infos)


def test_value_chains_shipped_table_and_gpkg_styled(run_alg, tmp_path):
    gpkg = tmp_path / "chaines.gpkg"
    res = run_alg(
        "reterr:value_chains",
        {
            "INPUT": territories(),
            "ESTABLISHMENTS": chain_establishments(),
            **KM_MIN,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"chaines_valeur\" (geom)",
            "MISSING_LINKS": f"ogr:dbname='{gpkg}' table=\"liens_manquants\" (geom)",
        },
    )
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(res["OUTPUT"], "c", "ogr")
    names = layer.fields().names()
    # Shipped chains: field prefixes of at most 7 characters, names of at most 10.
    assert {"cereale_st", "lait_st", "viande_ml", "foret_b_jb", "n_links"} <= set(names)
    assert all(len(n) <= 10 for n in names if n != "fid")
    beta = next(f for f in layer.getFeatures() if f["code_insee"] == "12002")
    # Shipped milk chain: dairy farm present; wholesale, dairy and retail absent. The nearest
    # wholesaler (46.33Z) does not exist: a missing link whatever the threshold.
    assert beta["lait_st"] == 1
    assert "lait:collecte" in beta["links"]
    con = sqlite3.connect(gpkg)
    styled = {r[0] for r in con.execute("select f_table_name from layer_styles")}
    prov = con.execute("select count(*) from reterr_provenance").fetchone()[0]
    con.close()
    assert {"chaines_valeur", "liens_manquants"} <= styled
    assert prov >= 2
    assert any("46.33Z" in w or "collecte" in w for w in res["_feedback"].warnings)


def test_value_chains_bad_input(run_alg, chains_csv):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=r"Unknown chains: fromage.*lait, bois"):
        run_chains(run_alg, chains_csv, CHAINS="fromage")
    with pytest.raises(QgsProcessingException, match=r"unknown stages lait:abattoir"):
        run_chains(run_alg, chains_csv, THRESHOLDS="lait:abattoir:20")
    with pytest.raises(QgsProcessingException, match=r"'trente' is not of the form"):
        run_chains(run_alg, chains_csv, THRESHOLDS="lait:transformation:trente")
    with pytest.raises(
        QgsProcessingException, match=r"'code_naf' is not in layer 'etablissements'"
    ):
        run_chains(run_alg, chains_csv, NAF_FIELD="code_naf")
    # A missing number of jobs names the establishment.
    est = chain_establishments()
    est.startEditing()
    f = next(est.getFeatures())
    est.changeAttributeValue(f.id(), est.fields().lookupField("emplois"), None)
    est.commitChanges()
    with pytest.raises(QgsProcessingException, match=r"10000000100001"):
        run_chains(run_alg, chains_csv, ESTABLISHMENTS=est)


def test_value_chains_cancel_writes_nothing(run_alg, chains_csv, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelWhenSearching(QgsProcessingFeedback):
        def setProgressText(self, text):
            if "nearest" in text:
                self.cancel()

    gpkg = tmp_path / "c.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:value_chains",
            {
                "INPUT": territories(),
                "ESTABLISHMENTS": chain_establishments(),
                "CHAINS_TABLE": chains_csv,
                **KM_MIN,
                "OUTPUT": f"ogr:dbname='{gpkg}' table=\"c\" (geom)",
                "MISSING_LINKS": f"ogr:dbname='{gpkg}' table=\"l\" (geom)",
            },
            feedback=CancelWhenSearching(),
        )
    assert not gpkg.exists()


# ---- endogenous_economy ----------------------------------------------------------------------


def firms():
    """Alpha: five establishments whose legal units' head offices lie in Alpha, in Beta (same
    département), in Toulouse (same region), in Paris, and unknown; Beta: one local ESS farm;
    Gamma: none."""
    rows = [
        # siret, commune, naf, tranche, jobs, siège commune, ess, category, (x, y)
        ("10000000100001", "12001", "10.51C", "11", 14.5, "12001", "N", "PME", (1000, 1000)),
        ("10000000200001", "12001", "47.29Z", "02", 4.0, "12002", "O", "PME", (2000, 1000)),
        ("10000000300001", "12001", "4729Z", "01", 1.5, "31555", "N", "ETI", (3000, 1000)),
        ("10000000400001", "12001", "10.51C", "12", 34.5, "75056", "N", "GE", (4000, 1000)),
        ("10000000500001", "12001", None, "NN", 1.0, None, None, None, (5000, 1000)),
        ("10000000600001", "12002", "01.41Z", "00", 1.0, "12002", "O", "PME", (15000, 1000)),
    ]
    return points_layer(
        [
            ((s, s[:9], c, naf, tr, jobs, sc, ess, cat), xy)
            for s, c, naf, tr, jobs, sc, ess, cat, xy in rows
        ],
        EST_FIELDS,
        "etablissements",
    )


ALPHA_JOBS = 55.5
ALPHA_KNOWN = 54.5


def run_endogenous(run_alg, **extra):
    params = {"INPUT": territories(), "ESTABLISHMENTS": firms(), "OUTPUT": "TEMPORARY_OUTPUT"}
    params.update(extra)
    return run_alg("reterr:endogenous_economy", params)


def test_endogenous_by_hand(run_alg):
    res = run_endogenous(run_alg)
    layer = res["OUTPUT"]
    assert layer.fields().names() == [
        "code_insee",
        "nom",
        "jobs",
        "n_estab",
        "siege_terr",
        "siege_unk",
        "ess_pct",
        "ess_unk",
        "micro_pct",
        "pme_pct",
        "eti_pct",
        "ge_pct",
        "size_unk",
        "shannon",
        "shannon_n",
        "n_sectors",
    ]
    out = by_code(layer)
    a, b, c = out["12001"], out["12002"], out["12003"]
    assert a["jobs"] == pytest.approx(ALPHA_JOBS)
    assert a["n_estab"] == 5
    assert a["siege_terr"] == pytest.approx(100 * 14.5 / ALPHA_KNOWN)
    assert a["siege_unk"] == pytest.approx(100 * 1 / ALPHA_JOBS)
    assert a["ess_pct"] == pytest.approx(100 * 4 / ALPHA_JOBS)
    assert a["ess_unk"] == pytest.approx(100 * 1 / ALPHA_JOBS)
    # PME of 10+ → pme; PME < 10 and unknown < 10 (NN) → micro; ETI; GE.
    assert a["micro_pct"] == pytest.approx(100 * 5 / ALPHA_JOBS)
    assert a["pme_pct"] == pytest.approx(100 * 14.5 / ALPHA_JOBS)
    assert a["eti_pct"] == pytest.approx(100 * 1.5 / ALPHA_JOBS)
    assert a["ge_pct"] == pytest.approx(100 * 34.5 / ALPHA_JOBS)
    assert a["size_unk"] == pytest.approx(0.0)
    # Divisions 10 (49 jobs) and 47 (5.5 jobs); the establishment without NAF is left out.
    p = [49 / 54.5, 5.5 / 54.5]
    h = -sum(x * math.log(x) for x in p)
    assert a["shannon"] == pytest.approx(h)
    assert a["shannon_n"] == pytest.approx(h / math.log(88))
    assert a["n_sectors"] == 2
    assert (b["siege_terr"], b["ess_pct"], b["micro_pct"], b["shannon"]) == (100, 100, 100, 0)
    assert c["jobs"] == 0 and null(c["siege_terr"]) and null(c["ess_pct"])
    assert any("Gamma" in w and "no jobs" in w for w in res["_feedback"].warnings)


def test_endogenous_scopes(run_alg):
    # Same département: Alpha and Beta (12); same official region (76): Toulouse too.
    dep = by_code(run_endogenous(run_alg, SCOPE=1)["OUTPUT"])["12001"]
    assert dep["siege_dep"] == pytest.approx(100 * 18.5 / ALPHA_KNOWN)
    reg = by_code(run_endogenous(run_alg, SCOPE=2)["OUTPUT"])["12001"]
    assert reg["siege_reg"] == pytest.approx(100 * 20 / ALPHA_KNOWN)
    # A region field of official codes: the other départements keep their official region.
    layer = territories("&field=reg:string", [["76"], ["76"], ["76"]])
    reg = by_code(run_endogenous(run_alg, INPUT=layer, SCOPE=2, REGION_FIELD="reg")["OUTPUT"])
    assert reg["12001"]["siege_reg"] == pytest.approx(100 * 20 / ALPHA_KNOWN)
    # Regions of the user's own: a head office in a département outside them is elsewhere.
    layer = territories("&field=reg:string", [["Sud"], ["Sud"], ["Sud"]])
    res = run_endogenous(run_alg, INPUT=layer, SCOPE=2, REGION_FIELD="reg")
    assert by_code(res["OUTPUT"])["12001"]["siege_reg"] == pytest.approx(100 * 18.5 / ALPHA_KNOWN)
    assert any("31, 75" in w for w in res["_feedback"].warnings)


def test_endogenous_naf_level_and_missing_fields(run_alg):
    res = run_endogenous(run_alg, NAF_LEVEL=3, ESS_FIELD="ess_flag", CATEGORY_FIELD="")
    a = by_code(res["OUTPUT"])["12001"]
    p = [49 / 54.5, 5.5 / 54.5]
    assert a["shannon_n"] == pytest.approx(-sum(x * math.log(x) for x in p) / math.log(732))
    assert null(a["ess_pct"])
    assert any("'ess_flag'" in w and "ESS" in w for w in res["_feedback"].warnings)
    # Without the category, ETI and GE units of 10+ employees are of unknown size.
    assert a["eti_pct"] == 0 and a["ge_pct"] == 0
    assert a["size_unk"] == pytest.approx(100 * (14.5 + 34.5) / ALPHA_JOBS)


def test_endogenous_errors_and_gpkg(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(
        QgsProcessingException, match=r"'effectif' is not in layer 'etablissements'"
    ):
        run_endogenous(run_alg, JOBS_FIELD="effectif")
    with pytest.raises(QgsProcessingException, match=r"code_commune.*not in layer 'territoires'"):
        run_endogenous(run_alg, CODE_FIELD="code_commune")
    gpkg = tmp_path / "eco.gpkg"
    res = run_endogenous(run_alg, OUTPUT=f"ogr:dbname='{gpkg}' table=\"economie_endogene\" (geom)")
    assert res["OUTPUT"].endswith("economie_endogene")
    con = sqlite3.connect(gpkg)
    styled = {r[0] for r in con.execute("select f_table_name from layer_styles")}
    con.close()
    assert "economie_endogene" in styled
