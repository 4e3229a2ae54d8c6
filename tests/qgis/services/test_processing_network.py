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


def test_service_areas_by_hand(run_alg, cache):
    """One 20 km road at 60 km/h (1 min per km), GP in the middle: the 5-minute area runs 5 km
    each way (plus the 150 m walk), the 10-minute one the whole road; nested, one per band."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    roads = QgsVectorLayer("LineString?crs=EPSG:2154&field=kmh:double", "roads", "memory")
    feats = []
    for wkt in ("LINESTRING(0 0, 10000 0)", "LINESTRING(10000 0, 20000 0)"):
        f = QgsFeature(roads.fields())
        f.setAttributes([60.0])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    roads.dataProvider().addFeatures(feats)
    gp = QgsVectorLayer("Point?crs=EPSG:2154&field=TYPEQU:string", "gp", "memory")
    f = QgsFeature(gp.fields())
    f.setAttributes(["D265"])
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(10000, 0)))
    gp.dataProvider().addFeatures([f])
    res = run_alg(
        "reterr:service_areas",
        {
            "FACILITIES": gp,
            "NETWORK": roads,
            "SPEED_FIELD": "kmh",
            "BANDS": "5;10",
            "MAX_EDGE": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    areas = {f["band_min"]: f.geometry().boundingBox() for f in res["OUTPUT"].getFeatures()}
    assert set(areas) == {5.0, 10.0}
    five, ten = areas[5.0], areas[10.0]
    assert five.xMinimum() == pytest.approx(5000 - 150, abs=60)
    assert five.xMaximum() == pytest.approx(15000 + 150, abs=60)
    assert ten.xMinimum() == pytest.approx(-150, abs=60)
    assert ten.xMaximum() == pytest.approx(20150, abs=60)
    assert ten.contains(five)


def test_service_areas_from_a_geopackage_keep_every_band(run_alg, sample_gpkg, cache, tmp_path):
    """Facilities read from a GeoPackage carry a "fid" field: copied onto one area per band, it
    used to repeat and the GeoPackage writer dropped all but one band per facility. Every band of
    every facility must be written, with the facility's fid in facility_fid."""
    import sqlite3

    out = tmp_path / "areas.gpkg"
    run_alg(
        "reterr:service_areas",
        {
            "FACILITIES": f"{sample_gpkg}|layername=bpe_illustratif|subset=\"TYPEQU\" = 'D265'",
            "NETWORK": f"{sample_gpkg}|layername=routes_illustratives",
            "SPEED_FIELD": "vitesse_kmh",
            "ONEWAY_FIELD": "sens",
            "BANDS": "10;20",
            "OUTPUT": str(out),
        },
    )
    con = sqlite3.connect(sample_gpkg)
    n_gp = con.execute("select count(*) from bpe_illustratif where TYPEQU = 'D265'").fetchone()[0]
    con.close()
    con = sqlite3.connect(out)
    layer = con.execute("select table_name from gpkg_contents where data_type = 'features'")
    table = layer.fetchone()[0]
    rows = con.execute(
        f'select count(*), count(distinct facility_fid), count(distinct band_min) from "{table}"'
    ).fetchone()
    con.close()
    assert rows == (2 * n_gp, n_gp, 2)


def test_graph_cache_is_pruned(tmp_path):
    """Stale graphs (old, or beyond the size budget, least recently used first) are deleted; the
    graph just saved always stays."""
    import os

    from reterr_qgis.adapters.graphs import prune_cache

    now = 1_000_000_000.0
    files = {}
    for name, age_days, size in (("old", 90, 10), ("a", 5, 400), ("b", 3, 400), ("new", 0, 400)):
        path = tmp_path / f"{name}.npz"
        path.write_bytes(b"x" * size)
        os.utime(path, (now - age_days * 86400, now - age_days * 86400))
        files[name] = path
    (tmp_path / "notes.txt").write_text("not a graph")
    deleted = prune_cache(tmp_path, keep=files["new"], max_age_days=60, max_bytes=1000, now=now)
    # "old" is past 60 days; then 1,200 bytes > 1,000: the least recently used ("a") goes.
    assert sorted(p.name for p in deleted) == ["a.npz", "old.npz"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.npz", "new.npz", "notes.txt"]
    # The kept graph stays even when it alone exceeds the budget.
    assert prune_cache(tmp_path, keep=files["new"], max_bytes=100, now=now) == [files["b"]]
    assert files["new"].exists()


def test_log_says_which_search_engine_runs(run_alg, cache, monkeypatch):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:2154&field=kmh:double", "r", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes([50.0])
    f.setGeometry(QgsGeometry.fromWkt("LINESTRING(0 0, 1000 0)"))
    layer.dataProvider().addFeatures([f])
    res = run_alg("reterr:build_network", {"NETWORK": layer, "SPEED_FIELD": "kmh"})
    assert any("Road searches: compiled kernels" in i for i in res["_feedback"].infos)
    monkeypatch.setenv("RETERR_NO_NUMBA", "1")
    res = run_alg("reterr:build_network", {"NETWORK": layer, "SPEED_FIELD": "kmh"})
    assert any("scipy's Dijkstra" in i for i in res["_feedback"].infos)


def test_service_areas_name_the_facilities_without_an_area(run_alg, cache):
    """Issue 13, item 4: a facility whose access to the road takes longer than a band gets no area
    in that band; fewer areas than facilities x bands is reported with the facility named."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    roads = QgsVectorLayer("LineString?crs=EPSG:2154&field=kmh:double", "roads", "memory")
    feats = []
    for wkt in ("LINESTRING(0 0, 10000 0)", "LINESTRING(10000 0, 20000 0)"):
        f = QgsFeature(roads.fields())
        f.setAttributes([60.0])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    roads.dataProvider().addFeatures(feats)
    gp = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "cabinets", "memory")
    feats = []
    # On the road; then 1 km off it at 6 km/h: 10 minutes before reaching the road.
    for name, (x, y) in (("bourg", (10000, 0)), ("ferme isolée", (10000, 1000))):
        g = QgsFeature(gp.fields())
        g.setAttributes([name])
        g.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(g)
    gp.dataProvider().addFeatures(feats)
    res = run_alg(
        "reterr:service_areas",
        {
            "FACILITIES": gp,
            "NETWORK": roads,
            "SPEED_FIELD": "kmh",
            "BANDS": "5;20",
            "MAX_SNAP": 2000,
            "ACCESS_SPEED": 6,
            "MAX_EDGE": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    got = sorted((f["nom"], f["band_min"]) for f in res["OUTPUT"].getFeatures())
    assert got == [("bourg", 5.0), ("bourg", 20.0), ("ferme isolée", 20.0)]
    warnings = " ".join(res["_feedback"].warnings)
    assert "1 facilities get no 5 min area" in warnings
    assert "ferme isolée" in warnings
    assert "no 20 min area" not in warnings
