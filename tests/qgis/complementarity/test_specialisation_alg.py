"""reterr:specialisation through processing.run: a hand-worked case (two territories, three NAF
divisions) read from points and from a table without geometry, a reference table, the sector
table, errors naming what to fix, a GeoPackage output styled."""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

SPEC = "reterr:specialisation"
EST_FIELDS = "field=siret:string&field=commune:string&field=naf:string&field=emplois:double"

# Hand case, level division. A = 12001 (x 0–1000): div 10: 6 jobs, div 11: 2, div 01: 2;
# B = 12002 (x 1000–2000): div 11: 5, div 01: 3 inside + 2 from a point outside every polygon
# whose commune is 12002. A point of A with a NAF rév. 1 code (15.5C, 4 jobs) is left out.
# Study area: 01: 7, 10: 6, 11: 7 of 20 → R = (0.35, 0.30, 0.35).
R = {"01": 0.35, "10": 0.30, "11": 0.35}
S_A = {"01": 0.2, "10": 0.6, "11": 0.2}
S_B = {"01": 0.5, "11": 0.5}
N = 88  # NAF divisions


def entropy(shares):
    return -sum(s * math.log(s) for s in shares if s > 0)


def square(x0, y0, side=1000.0):
    from qgis.core import QgsGeometry

    x1, y1 = x0 + side, y0 + side
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def territories(crs="EPSG:2154"):
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        f"Polygon?crs={crs}&field=code_insee:string&field=nom:string", "territoires", "memory"
    )
    feats = []
    for k, (code, name) in enumerate((("12001", "Alpha"), ("12002", "Beta"))):
        f = QgsFeature(layer.fields())
        f.setAttributes([code, name])
        f.setGeometry(square(1000.0 * k, 0))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def points(rows, fields=EST_FIELDS):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", "etablissements", "memory")
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def establishments():
    return points(
        [
            (("1", "12001", "10.71C", 6.0), (100, 100)),
            (("2", "12001", "1107A", 2.0), (200, 200)),  # undotted sous-classe
            (("3", "12001", "01.11Z", 2.0), (300, 300)),
            (("4", "12001", "15.5C", 4.0), (400, 400)),  # NAF rév. 1: unknown
            (("5", "12002", "11.01Z", 5.0), (1500, 500)),
            (("6", "12002", "01.21Z", 3.0), (1600, 500)),
            (("7", "12002", "01.41Z", 2.0), (5000, 5000)),  # outside: commune 12002
        ]
    )


def counts_table(rows):
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        "None?field=code:string&field=naf:string&field=emplois:double", "comptes", "memory"
    )
    feats = []
    for attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def by_code(layer, key="code_insee"):
    return {f[key]: f for f in layer.getFeatures()}


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def run_spec(run_alg, **params):
    return run_alg(
        SPEC,
        {
            "INPUT": territories(),
            "ESTABLISHMENTS": establishments(),
            "OUTPUT": "TEMPORARY_OUTPUT",
            **params,
        },
    )


def check_hand_case(out):
    a, b = out["12001"], out["12002"]
    assert a["total"] == pytest.approx(10.0)
    assert b["total"] == pytest.approx(10.0)
    assert a["krugman"] == pytest.approx(0.6, abs=1e-12)
    assert a["hoover"] == pytest.approx(0.3, abs=1e-12)
    assert b["krugman"] == pytest.approx(0.15 + 0.30 + 0.15, abs=1e-12)
    hhi_a = 0.04 + 0.36 + 0.04
    assert a["hhi"] == pytest.approx(hhi_a, abs=1e-12)
    assert a["hhi_n"] == pytest.approx((hhi_a - 1 / N) / (1 - 1 / N), abs=1e-12)
    h_a = entropy(S_A.values())
    assert a["shannon"] == pytest.approx(h_a, abs=1e-12)
    assert a["shannon_n"] == pytest.approx(h_a / math.log(N), abs=1e-12)
    # Groups = sections: A: C (10, 11) 0.8, A (01) 0.2; within C: 0.75 / 0.25.
    assert a["var_unrel"] == pytest.approx(entropy([0.8, 0.2]), abs=1e-12)
    assert a["var_rel"] == pytest.approx(0.8 * entropy([0.75, 0.25]), abs=1e-12)
    assert a["var_rel"] + a["var_unrel"] == pytest.approx(a["shannon"], abs=1e-12)
    assert b["var_unrel"] == pytest.approx(math.log(2), abs=1e-12)
    assert b["var_rel"] == pytest.approx(0.0, abs=1e-12)
    # Hachman: 1 / Σ s·LQ = 1 / (0.2·0.2/0.35 + 0.6·2 + 0.2·0.2/0.35).
    assert a["hachman"] == pytest.approx(1 / (2 * 0.04 / 0.35 + 1.2), abs=1e-12)
    assert a["n_secteurs"] == 3 and b["n_secteurs"] == 2
    # Main specialisation: the largest excess s − R. A: division 10 (+0.3, LQ 2, 60 %);
    # B: 01 and 11 tie at +0.15, the smaller code wins.
    assert a["sect_spe"] == "10"
    assert a["lib_spe"]  # a label from INSEE's table
    assert a["lq_spe"] == pytest.approx(2.0)
    assert a["pct_spe"] == pytest.approx(60.0)
    assert b["sect_spe"] == "01"
    assert b["lq_spe"] == pytest.approx(0.5 / 0.35)


def test_specialisation_hand_case_from_points(run_alg):
    res = run_spec(run_alg, SECTORS="TEMPORARY_OUTPUT")
    out = by_code(res["OUTPUT"])
    check_hand_case(out)
    assert all(len(n) <= 10 for n in res["OUTPUT"].fields().names())
    log = " ".join(res["_feedback"].warnings + res["_feedback"].infos)
    assert "15.5C" in log  # the unknown code is listed
    assert "territory of their commune" in log
    # The long table: one row per territory and sector present.
    rows = {(f["code_insee"], f["secteur"]): f for f in res["SECTORS"].getFeatures()}
    assert set(rows) == {
        ("12001", "01"),
        ("12001", "10"),
        ("12001", "11"),
        ("12002", "01"),
        ("12002", "11"),
    }
    r = rows[("12001", "10")]
    assert r["effectif"] == pytest.approx(6.0)
    assert r["part"] == pytest.approx(60.0)
    assert r["part_ref"] == pytest.approx(30.0)
    assert r["lq"] == pytest.approx(2.0)
    assert r["nom"] == "Alpha"


def test_specialisation_from_a_table_same_numbers(run_alg):
    table = counts_table(
        [
            ("12001", "10.71C", 6.0),
            ("12001", "11.07", 2.0),  # a classe
            ("12001", "01", 2.0),  # a division
            ("12002", "11", 5.0),
            ("12002", "01.21Z", 5.0),
            ("99999", "01", 3.0),  # not a territory: left out, said
        ]
    )
    res = run_spec(run_alg, ESTABLISHMENTS=table, TERRITORY_FIELD="code")
    check_hand_case(by_code(res["OUTPUT"]))
    assert any("99999" in w for w in res["_feedback"].warnings)


def test_specialisation_counts_establishments(run_alg):
    # One per establishment: A: 10: 1, 11: 1, 01: 1 (the unknown code left out); B: 11: 1,
    # 01: 2. R = (3, 1, 2) / 6.
    res = run_spec(run_alg, WEIGHT=1, COUNT_FIELD="absent")
    out = by_code(res["OUTPUT"])
    assert out["12001"]["total"] == 3 and out["12002"]["total"] == 3
    r = np.array([3, 1, 2]) / 6
    assert out["12001"]["krugman"] == pytest.approx(np.abs(np.array([1, 1, 1]) / 3 - r).sum())
    assert out["12002"]["krugman"] == pytest.approx(np.abs(np.array([2, 0, 1]) / 3 - r).sum())


def test_specialisation_reference_table(run_alg, tmp_path):
    ref = tmp_path / "france.csv"
    # Sous-classes are brought to divisions: 01: 30 + 20, 10: 25, 11: 25.
    ref.write_text("code;emplois\n01.11Z;30\n01.41Z;20\n10;25\n11.01Z;25\n", encoding="utf-8")
    res = run_spec(run_alg, REFERENCE=str(ref), SECTORS="TEMPORARY_OUTPUT")
    a = by_code(res["OUTPUT"])["12001"]
    assert a["krugman"] == pytest.approx(0.3 + 0.35 + 0.05, abs=1e-12)
    rows = {(f["code_insee"], f["secteur"]): f for f in res["SECTORS"].getFeatures()}
    assert rows[("12001", "10")]["lq"] == pytest.approx(0.6 / 0.25)
    assert rows[("12001", "10")]["part_ref"] == pytest.approx(25.0)
    # A sector absent from the reference: no LQ, said.
    ref.write_text("01;0,5\n10;0,5\n", encoding="utf-8")
    res = run_spec(run_alg, REFERENCE=str(ref), SECTORS="TEMPORARY_OUTPUT")
    rows = {(f["code_insee"], f["secteur"]): f for f in res["SECTORS"].getFeatures()}
    assert null(rows[("12001", "11")]["lq"])
    assert rows[("12001", "10")]["lq"] == pytest.approx(1.2)
    assert any("absent from the reference" in w for w in res["_feedback"].warnings)


def test_specialisation_levels_and_groups(run_alg):
    from qgis.core import QgsProcessingException

    # Level A10 (index 9): 01 → AZ, 10 and 11 → BE; no coarser group level: variety NULL.
    res = run_spec(run_alg, NAF_LEVEL=9)
    a = by_code(res["OUTPUT"])["12001"]
    assert a["shannon"] == pytest.approx(entropy([0.2, 0.8]), abs=1e-12)
    assert a["shannon_n"] == pytest.approx(entropy([0.2, 0.8]) / math.log(10), abs=1e-12)
    assert null(a["var_rel"]) and null(a["var_unrel"])
    # Groups finer than the sectors: refused.
    with pytest.raises(QgsProcessingException, match="coarser level"):
        run_spec(run_alg, NAF_LEVEL=7, GROUP_LEVEL=5)  # sections grouped by divisions


def test_specialisation_bad_input(run_alg):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    with pytest.raises(QgsProcessingException, match=r"'code_naf' is not in layer.*naf"):
        run_spec(run_alg, NAF_FIELD="code_naf")
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        run_spec(run_alg, INPUT=territories("EPSG:4326"))
    empty = QgsVectorLayer(f"Point?crs=EPSG:2154&{EST_FIELDS}", "vide", "memory")
    with pytest.raises(QgsProcessingException, match="'vide' has no features"):
        run_spec(run_alg, ESTABLISHMENTS=empty)
    unknown = points([(("1", "12001", "15.5C", 3.0), (100, 100))])
    with pytest.raises(QgsProcessingException, match="No job or establishment"):
        run_spec(run_alg, ESTABLISHMENTS=unknown)
    table = counts_table([("75056", "10", 1.0)])
    with pytest.raises(QgsProcessingException, match=r"No code of field 'code'.*75056"):
        run_spec(run_alg, ESTABLISHMENTS=table, TERRITORY_FIELD="code")
    negative = points([(("1", "12001", "10.71C", -3.0), (100, 100))])
    with pytest.raises(QgsProcessingException, match="negative"):
        run_spec(run_alg, ESTABLISHMENTS=negative)


def test_specialisation_geopackage_styled(run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    gpkg = tmp_path / "specialisation.gpkg"
    res = run_spec(run_alg, OUTPUT=f"ogr:dbname='{gpkg}' table=\"specialisation\" (geom)")
    layer = QgsVectorLayer(res["OUTPUT"], "s", "ogr")
    assert layer.featureCount() == 2
    with sqlite3.connect(gpkg) as con:
        styles = con.execute(
            "select styleQML from layer_styles where f_table_name = 'specialisation'"
        ).fetchall()
        assert con.execute("select count(*) from reterr_provenance").fetchone()[0] >= 1
    assert len(styles) == 1 and "graduatedSymbol" in styles[0][0]
    assert 'attr="shannon_n"' in styles[0][0]
    assert layer.renderer().classAttribute() == "shannon_n"


def test_specialisation_cancel_leaves_no_output(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelWhileWriting(QgsProcessingFeedback):
        """Cancels once the indices are computed (progress 60 %), i.e. while writing."""

        def isCanceled(self):
            return self.progress() >= 60

    gpkg = tmp_path / "spec.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            SPEC,
            {
                "INPUT": territories(),
                "ESTABLISHMENTS": establishments(),
                "OUTPUT": f"ogr:dbname='{gpkg}' table=\"specialisation\" (geom)",
            },
            feedback=CancelWhileWriting(),
        )
    assert not gpkg.exists()
