"""reterr:food_needs, reterr:farmland and reterr:food_adequacy through processing.run, on small
Lambert-93 layers built here, against hand-computed numbers (the engine is tested on its own)."""

from __future__ import annotations

import sqlite3

import pytest

pytestmark = pytest.mark.qgis

GROUPS = ("cer", "olp", "fou", "flg", "aut")
#: Hectares per inhabitant of the shipped table (current diet and −50 % animal products).
CURRENT = (0.085, 0.030, 0.190, 0.012, 0.004)
MINUS_50 = (0.058, 0.028, 0.095, 0.012, 0.004)


def square(x0, y0, side=1000.0):
    x1, y1 = x0 + side, y0 + side
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def polygons(rows, fields, geom="MultiPolygon", name="territories"):
    """A memory layer in EPSG:2154: ``rows`` are (attributes, WKT)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"{geom}?crs=EPSG:2154&{fields}", name, "memory")
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def by_name(layer, key="nom"):
    return {f[key]: f for f in layer.getFeatures()}


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def communes(pops=(("A", 1000), ("B", 0))):
    return polygons(
        [((nom, pop), square(1000.0 * k, 0)) for k, (nom, pop) in enumerate(pops)],
        "field=nom:string&field=population:double",
    )


# ---- food_needs ----------------------------------------------------------------------------


def test_food_needs_current_diet_by_hand(run_alg):
    res = run_alg("reterr:food_needs", {"INPUT": communes(), "OUTPUT": "TEMPORARY_OUTPUT"})
    out = by_name(res["OUTPUT"])
    for code, s in zip(GROUPS, CURRENT):
        assert out["A"][f"bes_{code}"] == pytest.approx(1000 * s)
        assert out["B"][f"bes_{code}"] == 0
    assert out["A"]["bes_total"] == pytest.approx(321.0)
    assert out["A"]["bes_hab"] == pytest.approx(0.321)
    assert out["B"]["bes_hab"] == pytest.approx(0.321)  # defined without population
    assert out["A"]["population"] == 1000  # input attributes kept
    assert res["OUTPUT"].fields().lookupField("fact_age") < 0


def test_food_needs_levers_and_diet(run_alg):
    # −50 % animal products, organic 50 % (ratio 0.75), waste −10 %, half relocalised:
    # factor 0.5 × 0.9 × (0.5 + 0.5 / 0.75) = 0.525.
    res = run_alg(
        "reterr:food_needs",
        {
            "INPUT": communes(),
            "DIET": 2,
            "ORGANIC_SHARE": 50,
            "WASTE_REDUCTION": 10,
            "RELOCALISED_SHARE": 50,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    a = by_name(res["OUTPUT"])["A"]
    for code, s in zip(GROUPS, MINUS_50):
        assert a[f"bes_{code}"] == pytest.approx(1000 * s * 0.525)
    assert a["bes_total"] == pytest.approx(197 * 0.525)


def test_food_needs_age_weighting(run_alg):
    # Reference structure 21/57/22 → factor 1; only children → 0.86 / (0.21·0.86 + 0.57 +
    # 0.22·0.90) = 0.86 / 0.9486.
    layer = polygons(
        [
            (("ref", 1000, 210, 570, 220), square(0, 0)),
            (("kids", 1000, 1000, 0, 0), square(1000, 0)),
        ],
        "field=nom:string&field=population:double&field=pop_0_19:double"
        "&field=pop_20_64:double&field=pop_65p:double",
    )
    res = run_alg(
        "reterr:food_needs",
        {"INPUT": layer, "AGE_WEIGHTING": True, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    out = by_name(res["OUTPUT"])
    assert out["ref"]["fact_age"] == pytest.approx(1.0)
    assert out["ref"]["bes_total"] == pytest.approx(321.0)
    assert out["kids"]["fact_age"] == pytest.approx(0.86 / 0.9486)
    assert out["kids"]["bes_total"] == pytest.approx(321.0 * 0.86 / 0.9486)


def test_food_needs_negative_population_names_the_territory(run_alg):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Espalion"):
        run_alg(
            "reterr:food_needs",
            {
                "INPUT": communes((("A", 10), ("Espalion", -5))),
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_food_needs_cancel_discards_the_geopackage(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelWhileWriting(QgsProcessingFeedback):
        """Cancels once the computation is done (progress 50 %), i.e. while writing."""

        def isCanceled(self):
            return self.progress() >= 50

    gpkg = tmp_path / "needs.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:food_needs",
            {"INPUT": communes(), "OUTPUT": f"ogr:dbname='{gpkg}' table=\"needs\" (geom)"},
            feedback=CancelWhileWriting(),
        )
    if gpkg.exists():
        con = sqlite3.connect(gpkg)
        try:
            tables = {r[0] for r in con.execute("select table_name from gpkg_contents")}
        finally:
            con.close()
        assert "needs" not in tables


# ---- farmland: RPG -------------------------------------------------------------------------


def rpg_parcels(group="CODE_GROUP", cultu="CODE_CULTU"):
    """1 ha parcels (100 m × 100 m) around the communes A [0, 1000] and B [1000, 2000]."""
    return polygons(
        [
            (("1", "BTH"), box(100, 100, 200, 200)),  # A, cereals
            (("18", "PPH"), box(900, 300, 1100, 400)),  # 2 ha across A|B, fodder: 1 + 1
            (("2", "MIE"), box(1500, 100, 1600, 200)),  # B, silage maize → fodder (override)
            (("99", "ZZZ"), box(1500, 500, 1600, 600)),  # B, unknown codes → non classé
            (("17", "SPL"), box(300, 500, 400, 600)),  # A, summer pastures → excluded
            (("5", "CZH"), box(5000, 0, 5100, 100)),  # outside every territory
        ],
        f"field={group}:string&field={cultu}:string",
        geom="Polygon",
        name="parcelles",
    )


def test_farmland_from_rpg_by_hand(run_alg):
    res = run_alg(
        "reterr:farmland",
        {"INPUT": communes(), "PARCELS": rpg_parcels(), "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    out = by_name(res["OUTPUT"])
    a, b = out["A"], out["B"]
    assert a["sau_cer"] == pytest.approx(1.0)
    assert a["sau_fou"] == pytest.approx(1.0)
    assert a["sau_exclu"] == pytest.approx(1.0)
    assert a["sau_total"] == pytest.approx(2.0)
    assert b["sau_fou"] == pytest.approx(2.0)  # half of the crossing parcel + silage maize
    assert b["non_classe"] == pytest.approx(1.0)
    assert b["sau_cer"] == 0 and b["sau_olp"] == 0 and b["sau_exclu"] == 0
    assert null(a["non_agri"])  # the RPG says nothing of non-agricultural land
    assert a["population"] == 1000
    log = " ".join(res["_feedback"].warnings + res["_feedback"].infos)
    assert "ZZZ" in log  # the unknown code is listed
    assert "fid 6" in log  # the parcel outside is named
    assert "1 parcels lie outside every territory" in log


def test_farmland_renamed_rpg_fields(run_alg):
    from qgis.core import QgsProcessingException

    parcels = rpg_parcels(group="grp", cultu="culture")
    with pytest.raises(QgsProcessingException, match="Available fields: grp, culture"):
        run_alg(
            "reterr:farmland",
            {"INPUT": communes(), "PARCELS": parcels, "OUTPUT": "TEMPORARY_OUTPUT"},
        )
    with pytest.raises(QgsProcessingException, match=r"'CULTU' not found .*grp, culture"):
        run_alg(
            "reterr:farmland",
            {
                "INPUT": communes(),
                "PARCELS": parcels,
                "CODE_GROUP_FIELD": "grp",
                "CODE_CULTU_FIELD": "CULTU",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
    res = run_alg(
        "reterr:farmland",
        {
            "INPUT": communes(),
            "PARCELS": parcels,
            "CODE_GROUP_FIELD": "grp",
            "CODE_CULTU_FIELD": "culture",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert by_name(res["OUTPUT"])["B"]["sau_fou"] == pytest.approx(2.0)


def test_farmland_needs_exactly_one_source(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="exactly one"):
        run_alg("reterr:farmland", {"INPUT": communes(), "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="exactly one"):
        run_alg(
            "reterr:farmland",
            {
                "INPUT": communes(),
                "PARCELS": rpg_parcels(),
                "LANDCOVER": str(landcover_tif(tmp_path)),
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


# ---- farmland: raster ----------------------------------------------------------------------


def landcover_tif(tmp_path):
    """10 m OSO-like pixels over x 0–2000, y 0–1000: in A, cereals (6) in columns 0–49 and
    grassland (13) in 50–99; in B, built-up (1) in 100–149 and an unknown class 99 in 150–199,
    except rows 0–9 of B left as no data (0)."""
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    data = np.zeros((100, 200), dtype=np.uint8)
    data[:, :50] = 6
    data[:, 50:100] = 13
    data[:, 100:150] = 1
    data[:, 150:] = 99
    data[:10, 100:] = 0
    path = tmp_path / "oso.tif"
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=100,
        width=200,
        count=1,
        dtype="uint8",
        crs="EPSG:2154",
        transform=from_origin(0, 1000, 10, 10),
        nodata=0,
    ) as ds:
        ds.write(data, 1)
    return path


def test_farmland_from_raster_by_hand_and_cached(run_alg, tmp_path):
    from reterr_qgis.processing.supply import farmland as alg_module

    tif = landcover_tif(tmp_path)
    alg_module._LABEL_GRIDS.clear()
    params = {"INPUT": communes(), "LANDCOVER": str(tif), "OUTPUT": "TEMPORARY_OUTPUT"}
    res = run_alg("reterr:farmland", params)
    out = by_name(res["OUTPUT"])
    # A: 50 × 100 pixels of 0.01 ha each per class.
    assert out["A"]["sau_cer"] == pytest.approx(50.0)
    assert out["A"]["sau_fou"] == pytest.approx(50.0)
    assert out["A"]["sau_total"] == pytest.approx(100.0)
    assert out["A"]["non_agri"] == 0
    # B: 50 × 90 pixels built-up and 50 × 90 unknown (rows 0–9 are no data).
    assert out["B"]["non_agri"] == pytest.approx(45.0)
    assert out["B"]["non_classe"] == pytest.approx(45.0)
    assert out["B"]["sau_total"] == 0
    log = " ".join(res["_feedback"].warnings + res["_feedback"].infos)
    assert "99" in log and "no data" in log
    assert len(alg_module._LABEL_GRIDS) == 1
    assert "reused" not in log

    res2 = run_alg("reterr:farmland", {**params, "INPUT": communes()})
    assert any("reused" in m for m in res2["_feedback"].infos)
    assert by_name(res2["OUTPUT"])["A"]["sau_cer"] == pytest.approx(50.0)
    assert len(alg_module._LABEL_GRIDS) == 1


# ---- food_adequacy -------------------------------------------------------------------------


def adequacy_layer():
    """A: 100 inhabitants, farmland (10, 5, 50, 2, 1), needs (20, 5, 30, 2, 1);
    Salles: no one, no farmland, no needs."""
    fields = "field=nom:string&field=population:double" + "".join(
        f"&field=sau_{c}:double&field=bes_{c}:double" for c in GROUPS
    )
    farm_a, need_a = (10, 5, 50, 2, 1), (20, 5, 30, 2, 1)
    attrs_a = ["A", 100] + [v for pair in zip(farm_a, need_a) for v in pair]
    attrs_s = ["Salles", 0] + [0] * 10
    return polygons([(attrs_a, square(0, 0)), (attrs_s, square(1000, 0))], fields)


def test_food_adequacy_from_fields_by_hand(run_alg):
    res = run_alg("reterr:food_adequacy", {"INPUT": adequacy_layer(), "OUTPUT": "TEMPORARY_OUTPUT"})
    out = by_name(res["OUTPUT"])
    a = out["A"]
    # Σ farmland 68, Σ needs 58, Σ min 10 + 5 + 30 + 2 + 1 = 48.
    assert a["adq_bru"] == pytest.approx(100 * 68 / 58)
    assert a["adq_cap"] == pytest.approx(100 * 48 / 58)
    assert a["adq_cer"] == pytest.approx(50.0) and a["cap_cer"] == pytest.approx(50.0)
    assert a["adq_fou"] == pytest.approx(100 * 50 / 30) and a["cap_fou"] == pytest.approx(100)
    assert a["sol_cer"] == pytest.approx(-10.0) and a["sol_fou"] == pytest.approx(20.0)
    # People fed: min over groups of farmland / (need / 100) = cereals: 10 / 0.2 = 50.
    assert a["nourris"] == pytest.approx(50.0)
    s = out["Salles"]
    assert null(s["adq_bru"]) and null(s["adq_cap"]) and null(s["nourris"])
    assert any("Salles" in w for w in res["_feedback"].warnings)


def test_food_adequacy_scenarios_into_styled_geopackage(run_alg, tmp_path):
    # 1,000 inhabitants, farmland (100, 30, 100, 12, 4). Current diet: needs (85, 30, 190, 12,
    # 4) = 321, Σ min 231, people fed min(…, 100 / 0.19) = 526.3; −50 %: needs (58, 28, 95, 12,
    # 4) = 197, every group covered: capped 100 %, people fed min(…, 12 / 0.012) = 1,000.
    fields = "field=nom:string&field=population:double" + "".join(
        f"&field=sau_{c}:double" for c in GROUPS
    )
    layer = polygons([(["A", 1000, 100, 30, 100, 12, 4], square(0, 0))], fields)
    gpkg = tmp_path / "adequacy.gpkg"
    run_alg(
        "reterr:food_adequacy",
        {
            "INPUT": layer,
            "SCENARIOS": [0, 2],
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"autonomie\" (geom)",
        },
    )
    from qgis.core import QgsVectorLayer

    a = next(QgsVectorLayer(f"{gpkg}|layername=autonomie", "a", "ogr").getFeatures())
    assert a["adq_bru_ac"] == pytest.approx(100 * 246 / 321)
    assert a["adq_cap_ac"] == pytest.approx(100 * 231 / 321)
    assert a["nourris_ac"] == pytest.approx(100 / 0.19)
    assert a["sol_fou_ac"] == pytest.approx(-90.0)
    assert a["adq_bru_50"] == pytest.approx(100 * 246 / 197)
    assert a["adq_cap_50"] == pytest.approx(100.0)
    assert a["nourris_50"] == pytest.approx(1000.0)
    assert a.fields().lookupField("adq_cap_25") < 0
    assert all(len(f.name()) <= 10 for f in a.fields())
    con = sqlite3.connect(gpkg)
    try:
        style = con.execute(
            "select styleQML from layer_styles where f_table_name = 'autonomie'"
        ).fetchone()
        prov = con.execute("select layer, algorithm from reterr_provenance").fetchall()
    finally:
        con.close()
    assert 'attr="adq_cap_ac"' in style[0]
    assert prov == [("autonomie", "reterr:food_adequacy")]


def test_chain_farmland_needs_adequacy(run_alg):
    """The fields written by farmland and food_needs are the defaults of food_adequacy."""
    farm = run_alg(
        "reterr:farmland",
        {"INPUT": communes(), "PARCELS": rpg_parcels(), "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    needs = run_alg("reterr:food_needs", {"INPUT": farm, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    res = run_alg("reterr:food_adequacy", {"INPUT": needs, "OUTPUT": "TEMPORARY_OUTPUT"})
    a = by_name(res["OUTPUT"])["A"]
    # A: farmland cereals 1 ha, fodder 1 ha; needs 85, 30, 190, 12, 4 ha (1,000 inhabitants).
    assert a["adq_bru"] == pytest.approx(100 * 2 / 321)
    assert a["adq_cap"] == pytest.approx(100 * 2 / 321)
    assert a["sol_cer"] == pytest.approx(1 - 85)
    assert a["nourris"] == 0  # no oilseeds at all
    assert any("B" in w for w in res["_feedback"].warnings)  # B has no population
