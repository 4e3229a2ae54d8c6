"""reterr:territory_profile through processing.run, on the real sample and on hand-made layers."""

import sqlite3

import pytest

pytestmark = pytest.mark.qgis


def layer_rows(path, layer, fields):
    from qgis.core import QgsVectorLayer

    lyr = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert lyr.isValid()
    return [{f: feat[f] for f in fields} for feat in lyr.getFeatures()], lyr


def test_profile_communes_and_epci(run_alg, sample_gpkg, tmp_path):
    out = tmp_path / "diag.gpkg"
    src = f"{sample_gpkg}|layername=communes"
    run_alg(
        "reterr:territory_profile",
        {"INPUT": src, "OUTPUT": f"ogr:dbname='{out}' table=\"communes\" (geom)"},
    )
    rows, _lyr = layer_rows(
        out, "communes", ["code_insee", "population", "share_65p", "density", "area_km2"]
    )
    assert len(rows) == 285
    rodez = next(r for r in rows if r["code_insee"] == "12202")
    assert rodez["population"] == 23981
    assert rodez["density"] == pytest.approx(rodez["population"] / rodez["area_km2"])
    # Style stored inside the GeoPackage as the default.
    con = sqlite3.connect(out)
    styles = con.execute("select f_table_name, useAsDefault from layer_styles").fetchall()
    prov = con.execute("select layer, algorithm, plugin_version from reterr_provenance").fetchall()
    con.close()
    assert ("communes", 1) in styles
    assert prov[0][:2] == ("communes", "reterr:territory_profile")

    # EPCI aggregation by code: weighted, equals the sums over communes.
    run_alg(
        "reterr:territory_profile",
        {
            "INPUT": src,
            "GROUP_FIELD": "siren_epci",
            "GROUP_NAME_FIELD": "nom_epci",
            "OUTPUT": f"ogr:dbname='{out}' table=\"epci\" (geom)",
        },
    )
    epci, _ = layer_rows(
        out, "epci", ["siren_epci", "nom_epci", "population", "share_65p", "n_units"]
    )
    assert len(epci) == 20
    from qgis.core import QgsVectorLayer

    com = QgsVectorLayer(src, "c", "ogr")
    by = {}
    for f in com.getFeatures():
        d = by.setdefault(f["siren_epci"], [0, 0, 0])
        d[0] += f["population"]
        d[1] += f["pop_65p"]
        d[2] += f["pop_0_19"] + f["pop_20_64"] + f["pop_65p"]
    for r in epci:
        pop, p65, tot = by[r["siren_epci"]]
        assert r["population"] == pytest.approx(pop)
        assert r["share_65p"] == pytest.approx(100 * p65 / tot)
    assert sum(r["n_units"] for r in epci) == 285
    assert any(r["nom_epci"] == "CA Rodez Agglomération" for r in epci)


def test_area_share_names_the_population_outside_every_zone(run_alg):
    """Issue 13, item 4: with a zoning that does not cover a territory, the area-share split
    loses the part outside; the run says how many inhabitants (hand-computed) and who."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    units = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=nom:string&field=population:double", "communes", "memory"
    )
    feats = []
    for name, pop, x0 in (("Amont", 1000.0, 0), ("Aval", 400.0, 10000)):
        f = QgsFeature(units.fields())
        f.setAttributes([name, pop])
        f.setGeometry(QgsGeometry.fromRect(_rect(x0, 0, x0 + 10000, 10000)))
        feats.append(f)
    units.dataProvider().addFeatures(feats)
    zones = QgsVectorLayer("Polygon?crs=EPSG:2154&field=zone:string", "zonage", "memory")
    z = QgsFeature(zones.fields())
    z.setAttributes(["Z1"])
    # Shifted zoning: covers Amont and 3/4 of Aval, so 100 of Aval's 400 inhabitants are lost.
    z.setGeometry(QgsGeometry.fromRect(_rect(0, 0, 17500, 10000)))
    zones.dataProvider().addFeatures([z])
    res = run_alg(
        "reterr:territory_profile",
        {"INPUT": units, "ZONES": zones, "ZONE_METHOD": 2, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    (zone,) = list(res["OUTPUT"].getFeatures())
    assert zone["population"] == pytest.approx(1300.0)
    warnings = " ".join(res["_feedback"].warnings)
    assert "1 territories lie partly outside every zone" in warnings
    assert "100 inhabitants (7.1 % of the population)" in warnings
    assert "Aval (fid 2, 25.0 %)" in warnings


def _rect(x0, y0, x1, y1):
    from qgis.core import QgsRectangle

    return QgsRectangle(x0, y0, x1, y1)


def test_a_zone_without_territory_is_named_and_left_out(run_alg):
    """Found by the random-input test: a zone that receives no territory (no population, no
    area) made the run fail with an IndexError while naming it. It is now left out, with a
    warning naming it; the other zones are profiled."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    units = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=nom:string&field=population:double", "communes", "memory"
    )
    f = QgsFeature(units.fields())
    f.setAttributes(["Amont", 1000.0])
    f.setGeometry(QgsGeometry.fromRect(_rect(0, 0, 10000, 10000)))
    units.dataProvider().addFeatures([f])
    zones = QgsVectorLayer("Polygon?crs=EPSG:2154&field=zone:string", "zonage", "memory")
    feats = []
    for name, x0 in (("Z1", 0), ("Z2", 50000)):
        z = QgsFeature(zones.fields())
        z.setAttributes([name])
        z.setGeometry(QgsGeometry.fromRect(_rect(x0, 0, x0 + 10000, 10000)))
        feats.append(z)
    zones.dataProvider().addFeatures(feats)
    res = run_alg(
        "reterr:territory_profile",
        {"INPUT": units, "ZONES": zones, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert [(z["zone"], z["population"]) for z in res["OUTPUT"].getFeatures()] == [("Z1", 1000.0)]
    warnings = " ".join(res["_feedback"].warnings)
    assert (
        "1 zones of 'zonage' contain no territory and are left out: feature 2 (fid 2)" in warnings
    )
