"""reterr:build_network on the sample roads: report, cache, bad inputs."""

import pytest

pytestmark = pytest.mark.qgis


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RETERR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_build_network_reports_and_caches(run_alg, sample_gpkg, cache, tmp_path):
    import shutil

    roads = tmp_path / "roads.gpkg"
    shutil.copy(sample_gpkg, roads)
    params = {
        "NETWORK": f"{roads}|layername=routes_illustratives",
        "SPEED_FIELD": "vitesse_kmh",
        "ONEWAY_FIELD": "sens",
        "NODES": "TEMPORARY_OUTPUT",
    }
    first = run_alg("reterr:build_network", params)
    assert first["N_COMPONENTS"] == 1
    assert first["N_NODES"] > 280 and first["N_EDGES"] >= first["N_NODES"] - 1
    assert 4000 < first["LENGTH_KM"] < 4500  # 4,272 km of illustrative roads
    assert len(list(cache.glob("*.npz"))) == 1
    nodes = first["NODES"]
    assert nodes.featureCount() == first["N_NODES"]
    assert sum(f["dangling"] for f in nodes.getFeatures()) == first["DANGLING_ENDS"]
    second = run_alg("reterr:build_network", params)
    assert any("loaded from the cache" in i for i in second["_feedback"].infos)
    assert second["N_EDGES"] == first["N_EDGES"]
    # Other parameters, another graph.
    run_alg("reterr:build_network", {**params, "SPEED_FIELD": None, "CLASS_FIELD": "classe"})
    assert len(list(cache.glob("*.npz"))) == 2


def test_class_speeds_and_unknown_class_named(run_alg, cache):
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:2154&field=highway:string", "r", "memory")
    feats = []
    for cls, wkt in (
        ("primary", "LINESTRING(0 0, 1000 0)"),
        ("chemin_rural", "LINESTRING(1000 0, 2000 0)"),
    ):
        f = QgsFeature(layer.fields())
        f.setAttributes([cls])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    with pytest.raises(QgsProcessingException, match="chemin_rural"):
        run_alg("reterr:build_network", {"NETWORK": layer})
    res = run_alg("reterr:build_network", {"NETWORK": layer, "DEFAULT_SPEED": 20})
    assert res["N_NODES"] == 3 and res["LENGTH_KM"] == pytest.approx(2.0)
    assert not list(cache.glob("*.npz"))  # memory layers are never cached


def test_geographic_network_refused(run_alg, cache):
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=highway:string", "r", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes(["primary"])
    f.setGeometry(QgsGeometry.fromWkt("LINESTRING(2 44, 2.1 44)"))
    layer.dataProvider().addFeatures([f])
    with pytest.raises(QgsProcessingException, match="EPSG:2154"):
        run_alg("reterr:build_network", {"NETWORK": layer})
