"""Output fields carry aliases a planner reads, and the APL names its service (issue 11, §5).

The aliases come from one place (``adapters.aliases``): registry labels with their unit, the
resilience index's dimensions, ranks and rank band, and the other fields our algorithms write.
They are stored with the style of a GeoPackage output; a field that already has an alias (a
shapefile's original field name) keeps it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qgis


def test_registry_fields_get_their_label_and_unit(qgis_app):
    from reterr_qgis.adapters.aliases import field_alias

    assert field_alias("share_65p", language="fr") == "Part des 65 ans et plus (%)"
    assert field_alias("share_65p", language="en") == "Share aged 65+ (%)"
    assert field_alias("nom", language="fr") is None  # an input field carried over


def test_apl_names_the_service_it_measures(qgis_app):
    from reterr_qgis.adapters.aliases import apl_service, field_alias

    alg = "reterr:floating_catchment"
    # Labels of the shipped BPE code table (resources/bpe/typequ.csv, D265 and D307).
    assert field_alias("apl", alg, {"CATEGORIES": "d265"}, "fr") == (
        "APL — Médecin généraliste (D265)"
    )
    assert field_alias("apl", alg, {"CATEGORIES": "D265;D307"}, "en") == (
        "APL — General practitioner, Pharmacy (D265, D307)"
    )
    # Unknown service: not "APL médecins généralistes" for what may be pharmacies.
    assert field_alias("apl", alg, {}, "en") == "Potential accessibility (APL)"
    assert apl_service(alg, {"CATEGORIES": ["D265"]}) == "General practitioner (D265)" or (
        apl_service(alg, {"CATEGORIES": ["D265"]}) == "Médecin généraliste (D265)"
    )


def test_index_dimensions_ranks_and_band(qgis_app):
    from reterr_qgis.adapters.aliases import field_alias

    alg = "reterr:resilience_index"
    assert field_alias("dim_services", alg, language="en") == (
        "Score: Access to essential services"
    )
    assert field_alias("dim_emploi", alg, {"DIMENSIONS": "a:Santé;c:Emploi"}, "en") == (
        "Score: Emploi"
    )
    assert field_alias("rank", alg, language="en") == "Rank (1 = best placed)"
    assert field_alias("rank_p05", alg, language="en") == "Rank band: best (5th percentile)"
    assert field_alias("rank_p95", alg, language="en") == "Rank band: worst (95th percentile)"
    # The same field name means something else in another algorithm.
    assert field_alias("rank", "reterr:suggest_locations", language="en") == "Order of choice"


def test_geopackage_output_stores_the_aliases(run_alg, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    src = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=nom:string&field=fca_access:double&field=share_65p:double",
        "t",
        "memory",
    )
    feats = []
    for k, (name, a, b) in enumerate((("T1", 10.0, 20.0), ("T2", 20.0, 30.0), ("T3", 30.0, 40.0))):
        f = QgsFeature(src.fields())
        f.setAttributes([name, a, b])
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(k * 10, 0, k * 10 + 10, 10)))
        feats.append(f)
    assert src.dataProvider().addFeatures(feats)[0]
    out = tmp_path / "index.gpkg"
    run_alg(
        "reterr:resilience_index",
        {
            "INPUT": src,
            "FIELDS": ["fca_access", "share_65p"],
            "TREAT": False,
            "SAMPLES": 0,
            "OUTPUT": str(out),
        },
    )
    layer = QgsVectorLayer(str(out), "index", "ogr")
    assert layer.isValid()
    aliases = {f.name(): f.alias() for f in layer.fields()}
    assert aliases["score"] == "Resilience score"
    assert aliases["rank"] == "Rank (1 = best placed)"
    assert aliases["dim_services"] in (
        "Score: Access to essential services",
        "Score: Accès aux services essentiels",
    )
    assert aliases["nom"] == ""


def test_an_alias_already_there_is_kept(qgis_app):
    from qgis.core import QgsVectorLayer

    from reterr_qgis.adapters.aliases import apply_field_aliases

    layer = QgsVectorLayer("None?field=share_beyo:double&field=score:double", "t", "memory")
    layer.setFieldAlias(0, "share_beyond_D265")  # a shapefile's cut name: how we read it back
    assert apply_field_aliases(layer, "reterr:resilience_index") == 1
    assert layer.fields()[0].alias() == "share_beyond_D265"
    assert layer.fields()[1].alias() == "Resilience score"


def test_loaded_output_gets_a_meaningful_name(qgis_app):
    from reterr_qgis.processing.common.outputs import output_layer_name

    name = output_layer_name(
        "Potential accessibility", "reterr:floating_catchment", {"CATEGORIES": "D265"}
    )
    assert name in (
        "Potential accessibility — General practitioner (D265)",
        "Potential accessibility — Médecin généraliste (D265)",
    )
    assert output_layer_name("Resilience index", "reterr:resilience_index", {}) == (
        "Resilience index"
    )
