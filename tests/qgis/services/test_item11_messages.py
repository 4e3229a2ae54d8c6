"""Issue 13, item 11: errors that point the wrong way (the layer and features at fault, type codes
that differ only in case)."""

import pytest

pytestmark = pytest.mark.qgis


def points_layer(name, rows, fields):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", name, "memory")
    feats = []
    for attrs, (x, y) in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


KM_MIN = {"SPEED": 60, "DETOUR": 1}


def communes(*rows):
    return points_layer(
        "communes",
        rows,
        "field=nom:string&field=population:double&field=pop_0_19:double"
        "&field=pop_20_64:double&field=pop_65p:double",
    )


def test_null_supply_names_the_facilities_layer_and_feature(run_alg):
    from qgis.core import QgsProcessingException

    demand = communes((("Rodez", 100, 20, 60, 20), (0, 0)), (("Onet", 300, 60, 180, 60), (5000, 0)))
    gps = points_layer(
        "medecins",
        [
            (("D265", "cabinet du centre", 2), (1000, 0)),
            (("D265", "maison de sante", None), (0, 900)),
        ],
        "field=TYPEQU:string&field=nom:string&field=etp:double",
    )
    with pytest.raises(QgsProcessingException) as err:
        run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": gps,
                "CATEGORIES": "D265",
                "SUPPLY_FIELD": "etp",
                "METHOD": 0,
                **KM_MIN,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
    text = str(err.value)
    assert "medecins" in text, text
    assert "etp" in text, text
    assert "communes" not in text and "Onet" not in text, text


def test_null_age_group_names_the_commune_and_the_field(run_alg):
    from qgis.core import QgsProcessingException

    demand = communes(
        (("Rodez", 100, 20, 60, 20), (0, 0)), (("Onet", 300, 60, 180, None), (5000, 0))
    )
    gps = points_layer(
        "medecins", [(("D265", 1), (1000, 0))], "field=TYPEQU:string&field=etp:double"
    )
    with pytest.raises(QgsProcessingException) as err:
        run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": gps,
                "SUPPLY_FIELD": "etp",
                "METHOD": 5,
                **KM_MIN,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
    text = str(err.value)
    assert "population is zero" not in text, text
    assert "Onet" in text and "Rodez" not in text, text
    assert "pop_65p" in text, text


def test_fca_matches_lower_case_type_codes(run_alg):
    demand = communes((("Rodez", 100, 20, 60, 20), (0, 0)))
    gps = points_layer(
        "medecins",
        [(("d265", 2), (1000, 0)), (("d307", 5), (0, 1000))],
        "field=TYPEQU:string&field=etp:double",
    )
    for asked in ("D265", "d265"):
        res = run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": gps,
                "CATEGORIES": asked,
                "SUPPLY_FIELD": "etp",
                "METHOD": 0,
                **KM_MIN,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        out = next(res["OUTPUT"].getFeatures())
        assert out["fca_access"] == pytest.approx(0.02)  # 2 GPs / 100 inhabitants
        assert out["n_facilities"] == 1


def test_nearest_service_matches_lower_case_type_codes(run_alg):
    demand = communes((("Rodez", 100, 20, 60, 20), (0, 0)))
    fac = points_layer("equipements", [(("d265",), (4000, 3000))], "field=TYPEQU:string")
    res = run_alg(
        "reterr:nearest_service",
        {
            "DEMAND": demand,
            "FACILITIES": fac,
            "TYPES": "D265",
            "COUNT": False,
            **KM_MIN,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    feedback = res["_feedback"]
    assert not any("no facility of type" in w.lower() for w in feedback.warnings), feedback.warnings
    assert next(res["OUTPUT"].getFeatures())["t_D265"] == pytest.approx(5.0)


def test_engine_standardized_demand_names_the_rows_with_a_missing_age_group():
    import numpy as np

    from reterr_qgis.engine.core.errors import InputError
    from reterr_qgis.engine.services.fca import standardized_demand

    with pytest.raises(InputError, match="Age groups 3 have missing") as err:
        standardized_demand([[20, 60, 20], [60, 180, np.nan]], [0.8, 1.0, 1.6])
    assert err.value.rows == [1]


def test_type_codes_upper_case_bpe_codes_only():
    from reterr_qgis.engine.services.access import type_codes

    got = type_codes(["d265", " D307 ", None, "pharmacie", "b2070"])
    assert list(got) == ["D265", "D307", None, "pharmacie", "b2070"]
