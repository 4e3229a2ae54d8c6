"""The kits shared by the algorithms: text parameters, the one writer (refused feature, cancel),
parameter groups composed on any algorithm, and the plugin menu built from the provider."""

import sqlite3

import pytest

pytestmark = pytest.mark.qgis


# -- params ----------------------------------------------------------------------------------------


def test_split_codes():
    from reterr_qgis.processing.common.params import split_codes

    assert split_codes("D265; D307,B207;;D265") == ["D265", "D307", "B207"]
    assert split_codes(" 12 ; 2a", upper=True) == ["12", "2A"]
    assert split_codes("") == [] and split_codes(None) == []


def test_numbers_with_decimal_commas():
    from reterr_qgis.processing.common.params import (
        ParseError,
        parse_numbers,
        parse_steps,
        to_number,
    )

    assert to_number("1 234,5") == 1234.5
    assert to_number("1\u202f000") == 1000.0
    assert parse_numbers("10;20,5; 30") == [10.0, 20.5, 30.0]
    assert parse_steps("10:1; 20:0,68;30 : 0.22") == {10.0: 1.0, 20.0: 0.68, 30.0: 0.22}
    for bad in ("abc", "", "inf", "nan"):
        with pytest.raises(ParseError):
            to_number(bad)
    with pytest.raises(ParseError) as err:
        parse_numbers("10;x;30")
    assert err.value.item == "x"
    with pytest.raises(ParseError):
        parse_steps("10-1")


def test_pairs_and_their_error_message(qgis_app):
    from reterr_qgis.adapters.layers import error_message
    from reterr_qgis.processing.common.params import ParseError, parse_pairs

    assert parse_pairs("a:+\nb : 2,5;ns:x:1") == [("a", "+"), ("b", "2,5"), ("ns:x", "1")]
    with pytest.raises(ParseError) as err:
        parse_pairs("a:1;oops")
    assert err.value.item == "oops"
    assert error_message(err.value) == "'oops' is not of the form 'name:value'."


@pytest.fixture
def points():
    """A point layer in Lambert-93 from ((attributes), (x, y)) rows."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    def make(rows, fields):
        layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", "pts", "memory")
        feats = []
        for attrs, (x, y) in rows:
            f = QgsFeature(layer.fields())
            f.setAttributes(list(attrs))
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
        return layer

    return make


def test_a_bad_number_ends_the_run_with_a_clear_message(run_alg, points, tmp_path):
    from qgis.core import QgsProcessingException

    demand = points(
        [(("A", 100, 20, 50, 30), (0, 0))],
        "field=nom:string&field=population:double&field=pop_0_19:double"
        "&field=pop_20_64:double&field=pop_65p:double",
    )
    fac = points([(("D265",), (1000, 0))], "field=TYPEQU:string")
    out = tmp_path / "apl.gpkg"
    with pytest.raises(QgsProcessingException, match="'abc' is not a number"):
        run_alg(
            "reterr:floating_catchment",
            {
                "DEMAND": demand,
                "FACILITIES": fac,
                "METHOD": 5,
                "AGE_CONSUMPTION": "0,8;abc;1,6",
                "OUTPUT": str(out),
            },
        )
    assert not out.exists()


# -- the writer ------------------------------------------------------------------------------------


def polygons(rows):
    """Polygons with a 'fid' attribute that a GeoPackage output refuses when it repeats."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:2154&field=fid:integer&field=nom:string&field=population:double",
        "t",
        "memory",
    )
    feats = []
    for k, (fid, name) in enumerate(rows):
        x = 1000 * k
        f = QgsFeature(layer.fields())
        f.setAttributes([fid, name, 10.0])
        f.setGeometry(
            QgsGeometry.fromWkt(
                f"MULTIPOLYGON((({x} 0,{x + 1000} 0,{x + 1000} 1000,{x} 1000,{x} 0)))"
            )
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_refused_feature_is_named_and_nothing_is_kept(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "r.gpkg"
    # A GeoPackage refuses a repeated fid: the second territory, "Bourg".
    layer = polygons([(1, "Ville"), (1, "Bourg"), (2, "Hameau")])
    with pytest.raises(QgsProcessingException) as err:
        run_alg("reterr:territory_profile", {"INPUT": layer, "OUTPUT": str(out)})
    msg = str(err.value)
    assert "Writing the output failed, nothing was kept" in msg and "Bourg" in msg
    assert not out.exists(), "the GeoPackage made for the output must go with it"

    # Into a GeoPackage holding another table: that table stays, the refused one goes.
    run_alg(
        "reterr:territory_profile",
        {"INPUT": polygons([(1, "A")]), "OUTPUT": f"ogr:dbname='{out}' table=\"a\" (geom)"},
    )
    # That writer only meets the refusal when it closes: the run fails all the same.
    with pytest.raises(QgsProcessingException, match=r"nothing was kept.*refused"):
        run_alg(
            "reterr:territory_profile",
            {"INPUT": layer, "OUTPUT": f"ogr:dbname='{out}' table=\"b\" (geom)"},
        )
    con = sqlite3.connect(out)
    tables = {r[0] for r in con.execute("select table_name from gpkg_contents")}
    con.close()
    assert "a" in tables and "b" not in tables


def test_cancel_after_the_last_feature_still_discards(qgis_app, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsFeedback,
        QgsFields,
        QgsVectorFileWriter,
    )

    from reterr_qgis.adapters import compat
    from reterr_qgis.adapters.writer import SafeSink
    from reterr_qgis.engine.core.errors import Canceled

    path = tmp_path / "c.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "c"
    sink = QgsVectorFileWriter.create(
        str(path),
        QgsFields(),
        compat.WKB_POINT,
        QgsCoordinateReferenceSystem("EPSG:2154"),
        QgsCoordinateTransformContext(),
        options,
    )
    feedback = QgsFeedback()
    out = SafeSink(sink, f"{path}|layername=c", feedback, total=1)
    del sink
    with pytest.raises(Canceled), out:
        out.add(QgsFeature())
        feedback.cancel()
    assert not path.exists()


# -- parameter groups and the menu -----------------------------------------------------------------


def test_parameter_groups_compose_on_any_algorithm(qgis_app):
    from reterr_qgis.processing.base import ReterrAlgorithm
    from reterr_qgis.processing.common.inputs import add_demand_parameters
    from reterr_qgis.processing.common.travel import add_travel_parameters

    class SupplyChain(ReterrAlgorithm):  # a theme that is not "services"
        ALG_ID = "supply_chain_test"

        def initAlgorithm(self, config=None):
            add_demand_parameters(self)
            add_travel_parameters(self)

    alg = SupplyChain()
    alg.initAlgorithm()
    names = [p.name() for p in alg.parameterDefinitions()]
    assert names[:6] == [
        "DEMAND",
        "POPULATION_FIELD",
        "SPEED",
        "DETOUR",
        "ANCHORS",
        "DEMAND_ID_FIELD",
    ]
    assert names[-3:] == ["MAX_EDGE", "MAX_SNAP", "ACCESS_SPEED"]
    assert all(p.help() for p in alg.parameterDefinitions() if hasattr(p, "help"))


def test_an_algorithm_may_not_override_run(qgis_app):
    from reterr_qgis.processing.base import ReterrAlgorithm

    with pytest.raises(TypeError, match="execute"):

        class Wrong(ReterrAlgorithm):
            def run(self, parameters, context, feedback):
                return {}


def test_menu_comes_from_the_provider(qgis_app):
    from reterr_qgis.processing.provider import ReterrProvider

    provider = ReterrProvider()
    provider.loadAlgorithms()
    entries = [(a.name(), a.menu_text()) for a in provider.menu_algorithms()]
    # The entries and order of the hand-kept list this replaces.
    assert entries == [
        ("territory_profile", "Territorial profile…"),
        ("export_council_map", "Export council map…"),
        ("export_atlas", "Export council atlas (one page per territory)…"),
        ("resilience_index", "Resilience index…"),
        ("import_bpe", "Import BPE facilities (INSEE)…"),
        ("floating_catchment", "Access to a service (APL, floating catchment)…"),
        ("nearest_service", "Nearest facility by type…"),
        ("service_basket", "Everyday-services basket…"),
        ("service_gaps", "Service gaps (population beyond a threshold)…"),
        ("suggest_locations", "Suggest locations for new facilities…"),
        ("service_areas", "Service areas (isochrones)…"),
        ("food_adequacy", "Food adequacy (farmland against needs)…"),
        ("value_chains", "Value chains and missing links…"),
        ("endogenous_economy", "Endogenous economy (local head offices, ESS, size, diversity)…"),
    ]
