"""reterr:local_sourcing and reterr:import_sirene through processing.run, on small Lambert-93
layers and a tiny SIRENE stock written here, against hand-computed numbers (the engine is tested
on its own: here the wiring — parameters, field mapping, outputs, messages, cancel, style)."""

from __future__ import annotations

import csv
import sqlite3

import pytest

pytestmark = pytest.mark.qgis

X0, Y0 = 700_000.0, 6_400_000.0


def square(cx, cy, half=500.0):
    """A square polygon centred on (cx, cy): its point on surface is the centre."""
    x0, y0, x1, y1 = cx - half, cy - half, cx + half, cy + half
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def memory_layer(rows, fields, geom="MultiPolygon", name="territories"):
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


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


# ---- local_sourcing ----------------------------------------------------------------------------

#: code, name, x offset (km), cereals balance, fodder balance (ha).
TERRITORIES = (
    ("12001", "A", 0, 10.0, -5.0),
    ("12002", "B", 10, -6.0, 2.0),
    ("12003", "C", 30, -8.0, 0.0),
    ("12004", "D", 100, -3.0, 20.0),
)


def territories(fields=("sol_cer", "sol_fou")):
    spec = "field=code_insee:string&field=nom:string&" + "&".join(
        f"field={f}:double" for f in fields
    )
    return memory_layer(
        [((c, n, cer, fou), square(X0 + 1000.0 * km, Y0)) for c, n, km, cer, fou in TERRITORIES],
        spec,
    )


def flows_of(layer):
    return {
        (f["famille"], f["orig_nom"], f["dest_nom"]): f
        for f in layer.getFeatures()  # one flow per family and pair
    }


def test_local_sourcing_by_hand(run_alg):
    """Cereals: A (+10) supplies B (−6, 10 km) and C (−8, 30 km); D (−3) is 100 km away. The
    maximum volume is 10; the cheapest way to move it fills B first: A→B 6, A→C 4 (180 ha·km).
    Fodder: B (+2) covers part of A's deficit (−5); D's surplus is out of reach."""
    res = run_alg(
        "reterr:local_sourcing",
        {
            "INPUT": territories(),
            "RADIUS": 40,
            "OUTPUT": "memory:",
            "OUTPUT_TERRITORIES": "memory:",
        },
    )
    fb = res["_feedback"]
    assert any("sol_cer, sol_fou" in i for i in fb.infos)  # Food adequacy's fields by default
    assert any("solver" in i for i in fb.infos)  # the log says which solver ran
    flows = flows_of(res["OUTPUT"])
    assert set(flows) == {
        ("cereales", "A", "B"),
        ("cereales", "A", "C"),
        ("fourrages", "B", "A"),
    }
    ab, ac, ba = (
        flows[("cereales", "A", "B")],
        flows[("cereales", "A", "C")],
        flows[("fourrages", "B", "A")],
    )
    assert (ab["orig_code"], ab["dest_code"]) == ("12001", "12002")
    assert ab["vol_ha"] == pytest.approx(6.0)
    assert ac["vol_ha"] == pytest.approx(4.0)
    assert ba["vol_ha"] == pytest.approx(2.0)
    assert ab["dist_km"] == pytest.approx(10.0)
    assert ac["dist_km"] == pytest.approx(30.0)
    assert ac["ha_km"] == pytest.approx(120.0)
    assert null(ab["time_min"]) and null(ab["ha_min"])
    # Lines go from the supplying territory's point to the receiving one's.
    line = ab.geometry().asPolyline()
    assert (line[0].x(), line[-1].x()) == (pytest.approx(X0), pytest.approx(X0 + 10_000))

    terr = {f["nom"]: f for f in res["OUTPUT_TERRITORIES"].getFeatures()}
    a, b, c, d = terr["A"], terr["B"], terr["C"], terr["D"]
    assert null(a["couv_cer"])  # no cereal deficit
    assert a["envoi_cer"] == pytest.approx(10.0)
    assert a["exc_cer"] == pytest.approx(0.0)
    assert a["couv_fou"] == pytest.approx(40.0)
    assert a["recu_fou"] == pytest.approx(2.0)
    assert a["def_fou"] == pytest.approx(3.0)
    assert b["couv_cer"] == pytest.approx(100.0)
    assert b["envoi_fou"] == pytest.approx(2.0)
    assert c["couv_cer"] == pytest.approx(50.0)
    assert c["def_cer"] == pytest.approx(4.0)
    assert d["couv_cer"] == pytest.approx(0.0)
    assert d["def_cer"] == pytest.approx(3.0)
    assert d["exc_fou"] == pytest.approx(20.0)
    assert a["sol_cer"] == pytest.approx(10.0)  # the input's attributes are kept
    # Received volume × straight-line km, and its mean distance.
    assert a["ha_km"] == pytest.approx(20.0)
    assert c["ha_km"] == pytest.approx(120.0)
    assert c["dist_moy"] == pytest.approx(30.0)
    assert d["ha_km"] == pytest.approx(0.0) and null(d["dist_moy"])


def test_local_sourcing_any_fields_and_solver(run_alg):
    """Balance fields of any name are families of their own; HiGHS gives the same flows; a
    territory at exactly the radius (C, 30 km) is within it."""
    layer = territories(fields=("wheat", "hay"))
    res = run_alg(
        "reterr:local_sourcing",
        {
            "INPUT": layer,
            "FIELDS": ["wheat", "hay"],
            "RADIUS": 30,
            "SOLVER": 2,
            "OUTPUT": "memory:",
            "OUTPUT_TERRITORIES": "memory:",
        },
    )
    flows = flows_of(res["OUTPUT"])
    assert flows[("wheat", "A", "B")]["vol_ha"] == pytest.approx(6.0)
    assert flows[("wheat", "A", "C")]["vol_ha"] == pytest.approx(4.0)
    assert flows[("hay", "B", "A")]["vol_ha"] == pytest.approx(2.0)
    assert any("highs" in i for i in res["_feedback"].infos)
    terr = {f["nom"]: f for f in res["OUTPUT_TERRITORIES"].getFeatures()}
    assert terr["C"]["couv_wheat"] == pytest.approx(50.0)


def test_local_sourcing_nothing_within_reach_is_not_an_error(run_alg):
    """A radius too small: empty flow layer, warnings per family, every deficit uncovered."""
    res = run_alg(
        "reterr:local_sourcing",
        {
            "INPUT": territories(),
            "RADIUS": 5,
            "OUTPUT": "memory:",
            "OUTPUT_TERRITORIES": "memory:",
        },
    )
    assert res["OUTPUT"].featureCount() == 0
    warnings = " ".join(res["_feedback"].warnings)
    assert "cereales" in warnings and "5 km" in warnings
    terr = {f["nom"]: f for f in res["OUTPUT_TERRITORIES"].getFeatures()}
    assert terr["B"]["couv_cer"] == pytest.approx(0.0)
    assert terr["A"]["exc_cer"] == pytest.approx(10.0)


def test_local_sourcing_no_surplus_warns(run_alg):
    layer = memory_layer(
        [(("1", "A", -1.0), square(X0, Y0)), (("2", "B", -2.0), square(X0 + 5000, Y0))],
        "field=code_insee:string&field=nom:string&field=sol_cer:double",
    )
    res = run_alg(
        "reterr:local_sourcing", {"INPUT": layer, "OUTPUT": "memory:", "OUTPUT_TERRITORIES": None}
    )
    assert res["OUTPUT"].featureCount() == 0
    assert any("no territory has a surplus" in w for w in res["_feedback"].warnings)


def test_local_sourcing_errors_name_fields_and_features(run_alg):
    from qgis.core import QgsProcessingException

    layer = territories(fields=("wheat", "hay"))
    with pytest.raises(QgsProcessingException, match="Choose the balance fields"):
        run_alg("reterr:local_sourcing", {"INPUT": layer, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match=r"'sol_cer'.*'bal_cereales'"):
        both = territories(fields=("sol_cer", "bal_cereales"))
        run_alg(
            "reterr:local_sourcing",
            {"INPUT": both, "FIELDS": ["sol_cer", "bal_cereales"], "OUTPUT": "memory:"},
        )
    bad = memory_layer(
        [(("1", "Alpha", None), square(X0, Y0)), (("2", "Beta", 2.0), square(X0 + 5000, Y0))],
        "field=code_insee:string&field=nom:string&field=sol_cer:double",
    )
    with pytest.raises(QgsProcessingException, match="Alpha"):
        run_alg("reterr:local_sourcing", {"INPUT": bad, "OUTPUT": "memory:"})


def test_local_sourcing_geopackage_styled(run_alg, tmp_path):
    from qgis.core import QgsArrowSymbolLayer, QgsVectorLayer

    gpkg = tmp_path / "flux.gpkg"
    res = run_alg(
        "reterr:local_sourcing",
        {
            "INPUT": territories(),
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"flux\" (geom)",
            "OUTPUT_TERRITORIES": "memory:",
        },
    )
    layer = QgsVectorLayer(res["OUTPUT"], "flux", "ogr")
    assert layer.featureCount() == 3
    with sqlite3.connect(gpkg) as con:
        rows = con.execute(
            "select styleQML, useAsDefault from layer_styles where f_table_name = 'flux'"
        ).fetchall()
        assert con.execute("select count(*) from reterr_provenance").fetchone()[0] >= 1
    assert len(rows) == 1 and rows[0][1]
    assert "ArrowLine" in rows[0][0] and "categorizedSymbol" in rows[0][0]
    renderer = layer.renderer()  # the default style, loaded from the GeoPackage
    assert renderer.type() == "categorizedSymbol"
    categories = renderer.categories()  # copies: keep them alive while their symbols are read
    assert {c.value() for c in categories} == {"cereales", "fourrages"}
    symbol = categories[0].symbol()
    arrow = symbol.symbolLayer(0)
    assert isinstance(arrow, QgsArrowSymbolLayer) and not arrow.isCurved()
    props = arrow.dataDefinedProperties()
    assert any("vol_ha" in props.property(k).expressionString() for k in props.propertyKeys())


def test_local_sourcing_cancel_discards(run_alg, tmp_path):
    """Canceled while writing the flows: the run ends with an error and leaves no output."""
    from qgis.core import QgsProcessingException

    gpkg = tmp_path / "flux.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:local_sourcing",
            {
                "INPUT": territories(),
                "OUTPUT": f"ogr:dbname='{gpkg}' table=\"flux\" (geom)",
                "OUTPUT_TERRITORIES": None,
            },
            feedback=cancel_at(70),
        )
    assert not gpkg.exists()


def cancel_at(at):
    """A feedback that cancels once the progress reaches ``at`` %."""
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.infos, self.stop = [], [], False

        def setProgress(self, value):
            if value >= at:
                self.stop = True
            super().setProgress(value)

        def isCanceled(self):
            return self.stop or super().isCanceled()

        def pushWarning(self, warning):
            self.warnings.append(warning)

        def reportError(self, error, fatalError=False):
            self.warnings.append(error)

        def pushInfo(self, info):
            self.infos.append(info)

    return Feedback()


def test_local_sourcing_road_times(run_alg):
    """With a road network (60 km/h, so a minute per km), times replace the radius: the same
    flows as in the straight-line case within 35 minutes, with their times."""
    roads = memory_layer(
        [
            ((60.0,), f"LINESTRING({X0 + 10_000 * k} {Y0}, {X0 + 10_000 * (k + 1)} {Y0})")
            for k in range(10)
        ],
        "field=speed:double",
        geom="LineString",
        name="roads",
    )
    res = run_alg(
        "reterr:local_sourcing",
        {
            "INPUT": territories(),
            "MAX_TIME": 35,
            "RADIUS": 1,  # ignored with a network
            "NETWORK": roads,
            "SPEED_FIELD": "speed",
            "OUTPUT": "memory:",
            "OUTPUT_TERRITORIES": "memory:",
        },
    )
    flows = flows_of(res["OUTPUT"])
    assert set(flows) == {("cereales", "A", "B"), ("cereales", "A", "C"), ("fourrages", "B", "A")}
    ac = flows[("cereales", "A", "C")]
    assert ac["vol_ha"] == pytest.approx(4.0)
    assert ac["time_min"] == pytest.approx(30.0)
    assert ac["ha_min"] == pytest.approx(120.0)
    assert ac["dist_km"] == pytest.approx(30.0)


# ---- import_sirene -----------------------------------------------------------------------------


def stock_row(**values):
    """One StockEtablissement row: every column empty but those given."""
    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS

    unknown = set(values) - set(ETABLISSEMENT_COLUMNS)
    assert not unknown, unknown
    return [values.get(c, "") for c in ETABLISSEMENT_COLUMNS]


def establishment(siren, nic, commune, x="", y="", etat="A", tranche="", siege="false", **more):
    return stock_row(
        siren=siren,
        nic=nic,
        siret=siren + nic,
        statutDiffusionEtablissement="O",
        trancheEffectifsEtablissement=tranche,
        etablissementSiege=siege,
        codeCommuneEtablissement=commune,
        coordonneeLambertAbscisseEtablissement=x,
        coordonneeLambertOrdonneeEtablissement=y,
        etatAdministratifEtablissement=etat,
        nomenclatureActivitePrincipaleEtablissement="NAFRev2",
        **more,
    )


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return str(path)


@pytest.fixture
def stock(tmp_path):
    """Seven rows: five active establishments of the two communes (one at its coordinates, one
    without any, one [ND], one outside Lambert-93, one with a quoted name), a closed one and one
    of another commune."""
    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS

    rows = [
        establishment(
            "111111111",
            "00011",
            "12202",
            "700500",
            "6400500",
            tranche="12",
            siege="true",
            activitePrincipaleEtablissement="10.51C",
            activitePrincipaleNAF25Etablissement="10.51C",
            denominationUsuelleEtablissement="Laiterie du Ségala",
        ),
        establishment(
            "111111111",
            "00029",
            "12145",
            tranche="01",
            activitePrincipaleEtablissement="47.29Z",
        ),
        establishment(
            "222222222",
            "00013",
            "12202",
            "[ND]",
            "[ND]",
            tranche="NN",
            siege="true",
            activitePrincipaleEtablissement="01.41Z",
        ),
        establishment("333333333", "00015", "12202", "700600", "6400600", etat="F", tranche="11"),
        establishment("444444444", "00017", "46042", "600000", "6400000", tranche="11"),
        establishment(
            "555555555", "00019", "12202", "5000000", "6400000", tranche="03", siege="true"
        ),
        establishment(
            "666666666",
            "00011",
            "12145",
            "710200",
            "6400200",
            tranche="00",
            siege="true",
            enseigne1Etablissement="Fromagerie, du Lévézou",
        ),
    ]
    return write_csv(tmp_path / "StockEtablissement_utf8.csv", ETABLISSEMENT_COLUMNS, rows)


@pytest.fixture
def unites(tmp_path):
    from reterr_qgis.engine.supply.sirene import UNITE_LEGALE_COLUMNS

    def unit(siren, category, ess, nic):
        values = dict.fromkeys(UNITE_LEGALE_COLUMNS, "")
        values.update(
            siren=siren,
            categorieEntreprise=category,
            economieSocialeSolidaireUniteLegale=ess,
            nicSiegeUniteLegale=nic,
            categorieJuridiqueUniteLegale="5710",
            etatAdministratifUniteLegale="A",
        )
        return [values[c] for c in UNITE_LEGALE_COLUMNS]

    rows = [unit("111111111", "PME", "O", "00011"), unit("222222222", "GE", "N", "00013")]
    return write_csv(tmp_path / "StockUniteLegale_utf8.csv", UNITE_LEGALE_COLUMNS, rows)


def sirene_communes(codes=("12202", "12145")):
    return memory_layer(
        [((code,), square(X0 + 500 + 10_000 * k, Y0 + 500)) for k, code in enumerate(codes)],
        "field=code_insee:string",
        name="communes",
    )


def town_halls():
    return memory_layer(
        [(("12202",), f"POINT({X0 + 100} {Y0 + 100})")],
        "field=code_insee:string",
        geom="Point",
        name="mairies",
    )


def test_import_sirene_by_hand(run_alg, stock, unites):
    res = run_alg(
        "reterr:import_sirene",
        {
            "FILE": stock,
            "UNITE_LEGALE": unites,
            "COMMUNES": sirene_communes(),
            "TOWN_HALLS": town_halls(),
            "OUTPUT": "memory:",
        },
    )
    layer = res["OUTPUT"]
    assert layer.crs().authid() == "EPSG:2154"
    got = {f["siret"]: f for f in layer.getFeatures()}
    assert set(got) == {
        "11111111100011",
        "11111111100029",
        "22222222200013",
        "55555555500019",
        "66666666600011",
    }
    dairy = got["11111111100011"]
    assert dairy["placement"] == "lambert"
    assert (dairy.geometry().asPoint().x(), dairy.geometry().asPoint().y()) == (700500, 6400500)
    assert dairy["naf"] == "10.51C" and dairy["naf25"] == "10.51C"
    assert dairy["emplois"] == pytest.approx(34.5)
    assert dairy["siege"] == 1 and dairy["com_siege"] == "12202"
    assert dairy["categorie"] == "PME" and dairy["ess"] == "O"
    assert dairy["nom"] == "Laiterie du Ségala"
    assert dairy["tranche"] == "12" and dairy["actif"] == 1
    # No coordinates and no town hall for 12145: a point inside the commune (its centre).
    shop = got["11111111100029"]
    assert shop["placement"] == "commune"
    assert shop.geometry().asPoint().x() == pytest.approx(X0 + 10_500)
    assert shop["siege"] == 0 and shop["com_siege"] == "12202"
    assert shop["emplois"] == pytest.approx(1.5)
    # [ND] and coordinates outside Lambert-93: the town hall of 12202.
    for siret in ("22222222200013", "55555555500019"):
        assert got[siret]["placement"] == "mairie"
        assert got[siret].geometry().asPoint().x() == pytest.approx(X0 + 100)
    assert got["22222222200013"]["categorie"] == "GE"
    assert got["55555555500019"]["emplois"] == pytest.approx(7.5)
    assert null(got["55555555500019"]["categorie"])  # legal unit not in StockUniteLegale
    quoted = got["66666666600011"]
    assert quoted["nom"] == "Fromagerie, du Lévézou" and quoted["emplois"] == pytest.approx(1.0)
    fb = res["_feedback"]
    log = " ".join(fb.infos)
    assert "7 rows read" in log and "1 closed" in log and "1 rows of other communes" in log
    assert "2 at their town hall, 1 at a point inside their commune" in log
    assert "45.5 jobs" in log
    assert any("outside metropolitan Lambert-93" in w for w in fb.warnings)


def test_imported_establishments_feed_the_chain_and_endogenous_tools(run_alg, stock, unites):
    """The import's field names are the defaults of value_chains and endogenous_economy: the
    three run in a row (a model, qgis_process) without choosing a field."""
    imported = run_alg(
        "reterr:import_sirene",
        {"FILE": stock, "UNITE_LEGALE": unites, "COMMUNES": sirene_communes(), "OUTPUT": "memory:"},
    )["OUTPUT"]
    territories = sirene_communes()
    endo = run_alg(
        "reterr:endogenous_economy",
        {"INPUT": territories, "ESTABLISHMENTS": imported, "OUTPUT": "memory:"},
    )
    assert not any("has no field" in w for w in endo["_feedback"].warnings)
    rows = {f["code_insee"]: f for f in endo["OUTPUT"].getFeatures()}
    # 12202: the dairy (34.5 jobs, head office here), the [ND] GE branch and the shop of unit
    # 555… placed at the town hall; the jobs are the import's, summed.
    imported_jobs = {}
    for f in imported.getFeatures():
        imported_jobs[f["commune"]] = imported_jobs.get(f["commune"], 0.0) + f["emplois"]
    for code, row in rows.items():
        assert row["jobs"] == pytest.approx(imported_jobs.get(code, 0.0))
    chains = run_alg(
        "reterr:value_chains",
        {"INPUT": territories, "ESTABLISHMENTS": imported, "OUTPUT": "memory:"},
    )
    assert not any("has no field" in w for w in chains["_feedback"].warnings)
    dairy = {f["code_insee"]: f for f in chains["OUTPUT"].getFeatures()}["12202"]
    assert dairy["lait_jb"] > 0


def test_import_sirene_all_states_and_geopackage(run_alg, stock, tmp_path):
    gpkg = tmp_path / "sirene.gpkg"
    res = run_alg(
        "reterr:import_sirene",
        {
            "FILE": stock,
            "COMMUNES": sirene_communes(),
            "ACTIVE_ONLY": False,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"etablissements\" (geom)",
        },
    )
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(res["OUTPUT"], "etablissements", "ogr")
    got = {f["siret"]: f for f in layer.getFeatures()}
    assert len(got) == 6 and got["33333333300015"]["actif"] == 0
    # Without town halls, the rows without usable coordinates go inside their commune.
    assert got["22222222200013"]["placement"] == "commune"
    assert null(got["11111111100011"]["ess"])  # no StockUniteLegale given
    with sqlite3.connect(gpkg) as con:
        styles = con.execute(
            "select useAsDefault from layer_styles where f_table_name = 'etablissements'"
        ).fetchall()
    assert styles == [(1,)]


def test_import_sirene_bad_inputs(run_alg, tmp_path, stock):
    from qgis.core import QgsProcessingException

    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS

    header = [c for c in ETABLISSEMENT_COLUMNS if c != "etatAdministratifEtablissement"]
    bad = write_csv(tmp_path / "bad.csv", header, [])
    with pytest.raises(QgsProcessingException, match="etatAdministratifEtablissement"):
        run_alg(
            "reterr:import_sirene",
            {"FILE": bad, "COMMUNES": sirene_communes(), "OUTPUT": "memory:"},
        )
    with pytest.raises(QgsProcessingException, match="overseas"):
        run_alg(
            "reterr:import_sirene",
            {"FILE": stock, "COMMUNES": sirene_communes(("97411",)), "OUTPUT": "memory:"},
        )
    with pytest.raises(QgsProcessingException, match=r"'insee'.*communes"):
        run_alg(
            "reterr:import_sirene",
            {
                "FILE": stock,
                "COMMUNES": sirene_communes(),
                "COMMUNE_CODE_FIELD": "insee",
                "OUTPUT": "memory:",
            },
        )


def test_import_sirene_overseas_rows_left_out(run_alg, tmp_path):
    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS

    rows = [
        establishment("111111111", "00011", "12202", "700500", "6400500", tranche="01"),
        establishment("777777777", "00011", "97411", "340000", "7690000", tranche="01"),
    ]
    path = write_csv(tmp_path / "stock.csv", ETABLISSEMENT_COLUMNS, rows)
    res = run_alg(
        "reterr:import_sirene",
        {"FILE": path, "COMMUNES": sirene_communes(("12202", "97411")), "OUTPUT": "memory:"},
    )
    assert [f["siret"] for f in res["OUTPUT"].getFeatures()] == ["11111111100011"]
    assert any("overseas" in w for w in res["_feedback"].warnings)


def test_import_sirene_cancel_discards(run_alg, stock, tmp_path):
    from qgis.core import QgsProcessingException

    gpkg = tmp_path / "sirene.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:import_sirene",
            {
                "FILE": stock,
                "COMMUNES": sirene_communes(),
                "OUTPUT": f"ogr:dbname='{gpkg}' table=\"etablissements\" (geom)",
            },
            feedback=cancel_at(80),
        )
    assert not gpkg.exists()
