"""``reterr:resilience_index``: hand-computed scores and ranks, no overall score, CSV output, clear
errors, Monte-Carlo rank bands, and a run on the sample communes."""

import csv

import pytest

pytestmark = pytest.mark.qgis

ALG = "reterr:resilience_index"
FIELDS = "nom:string&field=fca_access:double&field=share_65p:double&field=jobs:double"
# (name, fca_access [better, services], share_65p [worse, vulnerability], jobs [user field])
ROWS = [
    ("T1", 10.0, 20.0, 5.0),
    ("T2", 20.0, 30.0, 15.0),
    ("T3", 30.0, 40.0, 10.0),
    ("T4", 40.0, 20.0, 25.0),
]


def sq(x, size=1000):
    return f"MULTIPOLYGON((({x} 0,{x + size} 0,{x + size} {size},{x} {size},{x} 0)))"


def layer(rows=ROWS):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    lyr = QgsVectorLayer(f"MultiPolygon?crs=EPSG:2154&field={FIELDS}", "territoires", "memory")
    feats = []
    for k, row in enumerate(rows):
        f = QgsFeature(lyr.fields())
        f.setAttributes(list(row))
        f.setGeometry(QgsGeometry.fromWkt(sq(1000 * k)))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def base_params(**kw):
    params = {
        "INPUT": layer(),
        "FIELDS": ["fca_access", "share_65p", "jobs"],
        "POLARITIES": "jobs:+",
        "DIMENSIONS": "jobs:services",
        "TREAT": False,
        "SAMPLES": 0,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    params.update(kw)
    return params


def by_name(res):
    return {f["nom"]: f for f in res["OUTPUT"].getFeatures()}


def is_null(v):
    return v is None or str(v) == "NULL"


def test_minmax_arithmetic_hand_computed(run_alg, tmp_path):
    csv_path = tmp_path / "norm.csv"
    res = run_alg(ALG, base_params(OUTPUT_CSV=str(csv_path)))
    out = by_name(res)
    names = res["OUTPUT"].fields().names()
    assert names[:4] == ["nom", "fca_access", "share_65p", "jobs"]  # input attributes kept
    assert {"dim_services", "dim_vulnerability", "score", "rank"} <= set(names)
    assert "rank_median" not in names  # SAMPLES = 0: no uncertainty
    # min-max: fca 0, 33.3, 66.7, 100; share_65p (worse) 100, 50, 0, 100; jobs 0, 50, 25, 100
    services = {"T1": 0.0, "T2": (100 / 3 + 50) / 2, "T3": (200 / 3 + 25) / 2, "T4": 100.0}
    vulnerability = {"T1": 100.0, "T2": 50.0, "T3": 0.0, "T4": 100.0}
    for t in services:
        assert out[t]["dim_services"] == pytest.approx(services[t])
        assert out[t]["dim_vulnerability"] == pytest.approx(vulnerability[t])
        assert out[t]["score"] == pytest.approx((services[t] + vulnerability[t]) / 2)
    # scores 50, 45.83, 22.92, 100
    assert {t: out[t]["rank"] for t in out} == {"T4": 1, "T1": 2, "T2": 3, "T3": 4}

    # The CSV: ';'-separated, UTF-8, one row per territory with its name.
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["fid", "nom", "fca_access", "share_65p", "jobs"]
    table = {r[1]: [float(x) for x in r[2:]] for r in rows[1:]}
    assert len(table) == 4
    assert table["T2"] == pytest.approx([100 / 3, 50.0, 50.0], rel=1e-5)
    assert table["T4"] == pytest.approx([100.0, 100.0, 100.0])
    assert res["OUTPUT_CSV"] == str(csv_path)


def test_weights_per_indicator(run_alg):
    out = by_name(run_alg(ALG, base_params(WEIGHTS="fca_access:3")))
    # services T2 = (3 × 33.33 + 50) / 4 = 37.5; T3 = (3 × 66.67 + 25) / 4 = 56.25
    assert out["T2"]["dim_services"] == pytest.approx(37.5)
    assert out["T3"]["dim_services"] == pytest.approx(56.25)
    assert out["T3"]["score"] == pytest.approx(28.125)


def test_no_overall_score(run_alg):
    res = run_alg(ALG, base_params(OVERALL=False, SAMPLES=50))
    names = res["OUTPUT"].fields().names()
    assert "score" not in names  # decision: the field is absent, not NULL
    out = by_name(res)
    # rank (and band) of the first dimension, services: 0, 41.7, 45.8, 100
    assert {t: out[t]["rank"] for t in out} == {"T4": 1, "T3": 2, "T2": 3, "T1": 4}
    assert out["T4"]["rank_p05"] == 1 and out["T4"]["rank_p95"] == 1


def test_rank_band(run_alg):
    res = run_alg(ALG, base_params(SAMPLES=300, SEED=7))
    out = by_name(res)
    for f in out.values():
        assert 1 <= f["rank_p05"] <= f["rank_median"] <= f["rank_p95"] <= 4
    # T4 is at least as good as every other territory on every indicator: always first.
    assert (out["T4"]["rank_p05"], out["T4"]["rank_p95"]) == (1, 1)
    again = by_name(run_alg(ALG, base_params(SAMPLES=300, SEED=7)))
    assert [again[t]["rank_p95"] for t in sorted(again)] == [
        out[t]["rank_p95"] for t in sorted(out)
    ]


def test_missing_value_is_reweighted_and_named(run_alg):
    rows = [list(r) for r in ROWS]
    rows[1][3] = None  # T2 has no jobs value
    res = run_alg(ALG, base_params(INPUT=layer(rows)))
    out = by_name(res)
    assert out["T2"]["dim_services"] == pytest.approx(100 / 3)  # fca_access alone
    assert any("T2" in w and "re-spread" in w for w in res["_feedback"].warnings)


def test_constant_field_is_named(run_alg):
    from qgis.core import QgsProcessingException

    rows = [(*r[:3], 7.0) for r in ROWS]
    with pytest.raises(QgsProcessingException, match="'jobs' has the same value everywhere"):
        run_alg(ALG, base_params(INPUT=layer(rows)))


def test_unknown_polarity_is_asked_for(run_alg):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="'jobs' has no known polarity") as err:
        run_alg(ALG, base_params(POLARITIES=""))
    assert "jobs:+" in str(err.value)
    with pytest.raises(QgsProcessingException, match="not understood"):
        run_alg(ALG, base_params(POLARITIES="jobs:maybe"))
    with pytest.raises(QgsProcessingException, match="not one of the indicator fields"):
        run_alg(ALG, base_params(POLARITIES="jobs:+;emplois:+"))


def test_sample_communes(run_alg, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    prof = tmp_path / "profile.gpkg"
    run_alg(
        "reterr:territory_profile",
        {"INPUT": f"{sample_gpkg}|layername=communes", "OUTPUT": str(prof)},
    )
    fields = ["share_65p", "ageing_index", "vacancy_rate", "density"]
    # density is NEUTRAL in the registry: it needs a polarity.
    with pytest.raises(QgsProcessingException, match="'density' is a neutral indicator"):
        run_alg(ALG, {"INPUT": str(prof), "FIELDS": fields, "OUTPUT": "TEMPORARY_OUTPUT"})
    out_gpkg = tmp_path / "index.gpkg"
    res = run_alg(
        ALG,
        {"INPUT": str(prof), "FIELDS": fields[:3], "SAMPLES": 200, "OUTPUT": str(out_gpkg)},
    )
    out = QgsVectorLayer(res["OUTPUT"], "idx", "ogr")
    assert out.isValid() and out.featureCount() == 285
    feats = list(out.getFeatures())
    ranks = sorted(f["rank"] for f in feats)
    assert ranks == list(range(1, 286))
    assert "dim_vulnerability" in out.fields().names()
    for f in feats:
        assert f["rank_p05"] <= f["rank_median"] <= f["rank_p95"]
        assert 0 <= f["score"] <= 100
