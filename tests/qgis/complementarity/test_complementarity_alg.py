"""reterr:complementarity through processing.run: three territories and two families worked by
hand (index, volumes, main families, best partners), neighbours by border and by distance,
pairs without volume, dissimilarity, errors naming what to fix, a GeoPackage output styled."""

from __future__ import annotations

import sqlite3

import pytest

pytestmark = pytest.mark.qgis

COMP = "reterr:complementarity"

# Three 1 km squares in a row: A (x 0–1), B (1–2), C (2–3); A–B and B–C share a border.
# Balances (cereals, oilseeds), hectares: A (+10, +20), B (−6, −2), C (+3, −5).
# S_A = (10, 20), D_A = 0; S_B = 0, D_B = (6, 2); S_C = (3, 0), D_C = (0, 5).
# A→B: s_A = (1/3, 2/3), d_B = (3/4, 1/4): TC = Σ min = 1/3 + 1/4 = 7/12; V = 6 + 2 = 8;
#      B→A: B has no surplus → NULL, 0. Symmetric 7/12. Main family A→B: cereals (6 > 2).
# B–C (a = B): B→C NULL, 0; C→B: s_C = (1, 0), d_B → 3/4; V = min(3, 6) = 3. Symmetric 3/4.
# A–C (within 2.5 km only): A→C: d_C = (0, 1) → 2/3; V = min(20, 5) = 5; C→A NULL. Sym. 2/3.
BALANCES = {"A": (10.0, 20.0), "B": (-6.0, -2.0), "C": (3.0, -5.0)}
TWO = ["sol_cer", "sol_olp"]


def square(x0, y0=0.0, side=1000.0):
    from qgis.core import QgsGeometry

    x1, y1 = x0 + side, y0 + side
    return QgsGeometry.fromWkt(
        f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"
    )


def territories(balances=BALANCES, crs="EPSG:2154", extra=None):
    """Squares in a row, fields code_insee, nom and the five sol_* of 'Food adequacy' (the last
    three 0), plus ``extra`` {name: values}."""
    from qgis.core import QgsFeature, QgsVectorLayer

    extra = extra or {}
    fields = "field=code_insee:string&field=nom:string" + "".join(
        f"&field={f}:double" for f in ["sol_cer", "sol_olp", "sol_fou", "sol_flg", "sol_aut"]
    )
    fields += "".join(f"&field={f}:double" for f in extra)
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}&{fields}", "adequation", "memory")
    feats = []
    for k, (name, bal) in enumerate(balances.items()):
        f = QgsFeature(layer.fields())
        f.setAttributes(
            [f"1200{k + 1}", name, *bal, 0.0, 0.0, 0.0, *(v[k] for v in extra.values())]
        )
        f.setGeometry(square(1000.0 * k))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def links_by_pair(layer):
    return {(f["nom_a"], f["nom_b"]): f for f in layer.getFeatures()}


def by_name(layer):
    return {f["nom"]: f for f in layer.getFeatures()}


def run_comp(run_alg, **params):
    return run_alg(
        COMP,
        {
            "INPUT": territories(),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_TERRITORIES": "TEMPORARY_OUTPUT",
            **params,
        },
    )


def test_complementarity_border_hand_case(run_alg):
    res = run_comp(run_alg)  # default fields: the five sol_* (three of them 0)
    links = links_by_pair(res["OUTPUT"])
    assert set(links) == {("A", "B"), ("B", "C")}
    ab = links[("A", "B")]
    assert ab["code_a"] == "12001" and ab["code_b"] == "12002"
    assert ab["ic_ab"] == pytest.approx(100 * 7 / 12)
    assert null(ab["ic_ba"])
    assert ab["ic_sym"] == pytest.approx(100 * 7 / 12)
    assert ab["vol_ab"] == pytest.approx(8.0)
    assert ab["vol_ba"] == 0 and ab["vol"] == pytest.approx(8.0)
    assert ab["fam_ab"] in ("Céréales", "Cereals") and null(ab["fam_ba"])
    assert ab["dist_km"] == pytest.approx(1.0)
    assert ab.geometry().length() == pytest.approx(1000.0)
    bc = links[("B", "C")]
    assert null(bc["ic_ab"]) and bc["ic_ba"] == pytest.approx(75.0)
    assert bc["vol_ab"] == 0 and bc["vol_ba"] == pytest.approx(3.0)
    assert bc["ic_sym"] == pytest.approx(75.0)
    assert bc["fam_ba"] in ("Céréales", "Cereals")
    assert res["OUTPUT"].fields().lookupField("dissim") < 0
    # Best partners: B has two, A (58 %, 8 ha) and C (75 %, 3 ha).
    terr = by_name(res["OUTPUT_TERRITORIES"])
    b = terr["B"]
    assert b["nom_ic"] == "C" and b["code_ic"] == "12003"
    assert b["ic_max"] == pytest.approx(75.0)
    assert b["nom_vol"] == "A" and b["vol_max"] == pytest.approx(8.0)
    assert b["n_parten"] == 2 and b["vol_tot"] == pytest.approx(11.0)
    assert terr["A"]["nom_ic"] == "B" and terr["A"]["n_parten"] == 1
    assert terr["C"]["nom_vol"] == "B" and terr["C"]["vol_max"] == pytest.approx(3.0)
    assert all(len(n) <= 10 for n in res["OUTPUT_TERRITORIES"].fields().names())
    log = " ".join(res["_feedback"].warnings)
    assert "no surplus" in log and "B (12002)" in log  # B supplies nobody
    assert "no deficit" in log and "A (12001)" in log


def test_complementarity_within_distance(run_alg):
    res = run_comp(run_alg, FIELDS=TWO, NEIGHBOURS=1, DISTANCE=2.5)
    links = links_by_pair(res["OUTPUT"])
    assert set(links) == {("A", "B"), ("A", "C"), ("B", "C")}
    ac = links[("A", "C")]
    assert ac["ic_ab"] == pytest.approx(100 * 2 / 3)
    assert ac["vol_ab"] == pytest.approx(5.0) and ac["vol"] == pytest.approx(5.0)
    assert ac["fam_ab"] in ("Oléoprotéagineux", "Oilseeds and protein crops")
    assert ac["dist_km"] == pytest.approx(2.0)
    # Best partners now differ by index and by volume.
    terr = by_name(res["OUTPUT_TERRITORIES"])
    assert terr["A"]["nom_ic"] == "C" and terr["A"]["ic_max"] == pytest.approx(100 * 2 / 3)
    assert terr["A"]["nom_vol"] == "B" and terr["A"]["vol_max"] == pytest.approx(8.0)
    assert terr["C"]["nom_ic"] == "B" and terr["C"]["nom_vol"] == "A"
    assert terr["C"]["n_parten"] == 2
    res = run_comp(run_alg, FIELDS=TWO, NEIGHBOURS=1, DISTANCE=1.5)
    assert set(links_by_pair(res["OUTPUT"])) == {("A", "B"), ("B", "C")}


def test_complementarity_pairs_without_volume(run_alg):
    # D (+1, +1) next to C: C has a deficit of oilseeds, D a surplus → C–D has volume; put D
    # next to A instead (both only surpluses): A–D has nothing to exchange.
    balances = {"D": (1.0, 1.0), "A": (10.0, 20.0), "B": (-6.0, -2.0)}
    res = run_comp(run_alg, INPUT=territories(balances), FIELDS=TWO)
    assert set(links_by_pair(res["OUTPUT"])) == {("A", "B")}
    assert any(
        "1 pairs of neighbours have no matchable volume" in i for i in res["_feedback"].infos
    )
    assert by_name(res["OUTPUT_TERRITORIES"])["D"]["n_parten"] == 0
    assert null(by_name(res["OUTPUT_TERRITORIES"])["D"]["ic_max"])
    res = run_comp(run_alg, INPUT=territories(balances), FIELDS=TWO, KEEP_ZERO=True)
    links = links_by_pair(res["OUTPUT"])
    assert set(links) == {("D", "A"), ("A", "B")}
    assert links[("D", "A")]["vol"] == 0 and null(links[("D", "A")]["ic_sym"])


def test_complementarity_border_tolerance(run_alg):
    from qgis.core import QgsFeature, QgsVectorLayer

    # Two squares 0.5 m apart: neighbours with the default 1 m tolerance, not with 0.1 m.
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=code_insee:string&field=nom:string&field=sol_cer:double",
        "t",
        "memory",
    )
    feats = []
    for x0, name, bal in ((0.0, "A", 5.0), (1000.5, "B", -5.0)):
        f = QgsFeature(layer.fields())
        f.setAttributes([name, name, bal])
        f.setGeometry(square(x0))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    res = run_comp(run_alg, INPUT=layer)
    link = next(res["OUTPUT"].getFeatures())
    assert link["ic_sym"] == pytest.approx(100.0) and link["vol"] == pytest.approx(5.0)
    res = run_comp(run_alg, INPUT=layer, TOLERANCE=0.1)
    assert res["OUTPUT"].featureCount() == 0
    assert any("no neighbour" in w for w in res["_feedback"].warnings)


def test_complementarity_dissimilarity(run_alg):
    # Structures (sau_a, sau_b): A (1, 0), B (1, 1), C (0, 2): Krugman A–B |1 − ½| + |0 − ½| = 1.
    extra = {"sau_a": (1.0, 1.0, 0.0), "sau_b": (0.0, 1.0, 2.0)}
    res = run_comp(
        run_alg,
        INPUT=territories(extra=extra),
        FIELDS=TWO,
        DISSIMILARITY_FIELDS=["sau_a", "sau_b"],
    )
    links = links_by_pair(res["OUTPUT"])
    assert links[("A", "B")]["dissim"] == pytest.approx(1.0)
    assert links[("B", "C")]["dissim"] == pytest.approx(1.0)


def test_complementarity_bad_input(run_alg):
    from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer

    with pytest.raises(QgsProcessingException, match=r"Fields not found .*sol_xyz"):
        run_comp(run_alg, FIELDS=["sol_cer", "sol_xyz"])
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        run_comp(run_alg, INPUT=territories(crs="EPSG:4326"))
    bare = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=code_insee:string&field=nom:string&field=x:double",
        "nues",
        "memory",
    )
    feat = QgsFeature(bare.fields())
    feat.setAttributes(["12001", "A", 1.0])
    feat.setGeometry(square(0.0))
    assert bare.dataProvider().addFeatures([feat])[0]
    with pytest.raises(QgsProcessingException, match="none of the fields of 'Food adequacy'"):
        run_comp(run_alg, INPUT=bare)
    empty = territories({})
    with pytest.raises(QgsProcessingException, match="has no features"):
        run_comp(run_alg, INPUT=empty)
    holes = territories({"A": (10.0, None), "B": (-6.0, -2.0), "C": (3.0, -5.0)})
    with pytest.raises(QgsProcessingException, match=r"1 territories .*no value.*A \(fid"):
        run_comp(run_alg, INPUT=holes, FIELDS=TWO)


def test_complementarity_geopackage_styled(run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    gpkg, gpkg_t = tmp_path / "complementarite.gpkg", tmp_path / "partenaires.gpkg"
    res = run_comp(
        run_alg,
        OUTPUT=f"ogr:dbname='{gpkg}' table=\"liens\" (geom)",
        OUTPUT_TERRITORIES=f"ogr:dbname='{gpkg_t}' table=\"partenaires\" (geom)",
    )
    links = QgsVectorLayer(res["OUTPUT"], "liens", "ogr")
    assert links.featureCount() == 2
    styles = {}
    for path in (gpkg, gpkg_t):
        with sqlite3.connect(path) as con:
            styles.update(con.execute("select f_table_name, styleQML from layer_styles"))
            assert con.execute("select count(*) from reterr_provenance").fetchone()[0] >= 1
    assert {"liens", "partenaires"} <= set(styles)
    assert 'attr="ic_sym"' in styles["liens"] and '"vol"' in styles["liens"]
    assert 'attr="ic_max"' in styles["partenaires"]
    renderer = links.renderer()
    assert renderer.classAttribute() == "ic_sym"
    ranges = renderer.ranges()
    assert ranges and ranges[0].symbol().dataDefinedWidth().isActive()
