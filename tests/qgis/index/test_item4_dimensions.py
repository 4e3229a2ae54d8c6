"""Issue 13, item 4 (a): reterr:resilience_index gives distinct ``dim_`` fields to dimensions whose
names differ only by punctuation ("Santé & soins", "Santé / soins") and says so in the log."""

import pytest

pytestmark = pytest.mark.qgis

ALG = "reterr:resilience_index"
ROWS = [
    ("T1", 10.0, 5.0, 1.0),
    ("T2", 20.0, 15.0, 3.0),
    ("T3", 30.0, 10.0, 2.0),
    ("T4", 40.0, 25.0, 4.0),
]


def layer():
    from qgis.core import QgsFeature, QgsVectorLayer

    lyr = QgsVectorLayer(
        "None?field=nom:string&field=a:double&field=b:double&field=c:double", "t", "memory"
    )
    feats = []
    for row in ROWS:
        f = QgsFeature(lyr.fields())
        f.setAttributes(list(row))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def test_dimensions_differing_by_punctuation_get_distinct_fields(run_alg):
    res = run_alg(
        ALG,
        {
            "INPUT": layer(),
            "FIELDS": ["a", "b", "c"],
            "POLARITIES": "a:+;b:+;c:-",
            "DIMENSIONS": "a:Santé & soins;b:Santé / soins;c:Emploi",
            "TREAT": False,
            "SAMPLES": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    names = res["OUTPUT"].fields().names()
    dims = [n for n in names if n.startswith("dim_")]
    assert len(dims) == 3, names  # one field per dimension, none merged
    assert len(set(dims)) == 3
    assert "dim_sant_soins" in dims and "dim_sant_soins_2" in dims
    out = {f["nom"]: f for f in res["OUTPUT"].getFeatures()}
    # min-max 0-100: a → 0, 33.3, 66.7, 100; b → 0, 50, 25, 100 (each alone in its dimension)
    assert out["T2"]["dim_sant_soins"] == pytest.approx(100 / 3)
    assert out["T2"]["dim_sant_soins_2"] == pytest.approx(50.0)
    # The log names both dimensions and both fields.
    said = [w for w in res["_feedback"].warnings if "dim_sant_soins_2" in w]
    assert said, res["_feedback"].warnings
    assert "Santé & soins" in said[0] and "Santé / soins" in said[0]


def test_distinct_fields_also_with_overall_off(run_alg):
    res = run_alg(
        ALG,
        {
            "INPUT": layer(),
            "FIELDS": ["a", "b"],
            "POLARITIES": "a:+;b:+",
            "DIMENSIONS": "a:Santé & soins;b:SANTÉ — soins",
            "OVERALL": False,
            "TREAT": False,
            "SAMPLES": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    dims = [n for n in res["OUTPUT"].fields().names() if n.startswith("dim_")]
    assert dims == ["dim_sant_soins", "dim_sant_soins_2"]
