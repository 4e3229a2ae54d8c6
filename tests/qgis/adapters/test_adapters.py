"""QGIS adapters: the log handler, provenance records and the compatibility names."""

import json
import logging

import pytest

pytestmark = pytest.mark.qgis
_KEEP_ALIVE = []


def test_logging_reaches_the_qgis_message_log(qgis_app):
    from qgis.core import QgsApplication

    from reterr_qgis.adapters.log import TAG, setup_logging, teardown_logging

    received = []

    def on_message(message, tag, level):
        received.append((message, tag, int(level)))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(on_message)
    try:
        logger = setup_logging()
        setup_logging()  # idempotent: one handler only
        assert sum(type(h).__name__ == "QgsMessageLogHandler" for h in logger.handlers) == 1
        logging.getLogger("reterr_qgis.engine").warning("vérification %d", 42)
    finally:
        log.messageReceived.disconnect(on_message)
        teardown_logging()
    assert any(tag == TAG and "vérification 42" in msg for msg, tag, _ in received)
    assert not any(
        type(h).__name__ == "QgsMessageLogHandler"
        for h in logging.getLogger("reterr_qgis").handlers
    )


def test_provenance_record_is_plain_json(qgis_app):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProcessingOutputLayerDefinition

    from reterr_qgis import __version__
    from reterr_qgis.adapters.provenance import record

    rec = record(
        "reterr:territory_profile",
        {
            "INPUT": QgsProcessingFeatureSourceDefinition("/data/communes.gpkg|layername=c"),
            "OUTPUT": QgsProcessingOutputLayerDefinition("/tmp/x.gpkg"),
            "N": 3,
        },
    )
    params = json.loads(rec["parameters"])
    assert params == {"INPUT": "/data/communes.gpkg|layername=c", "N": 3, "OUTPUT": "/tmp/x.gpkg"}
    assert rec["plugin_version"] == __version__
    assert rec["algorithm"] == "reterr:territory_profile"


def test_plugin_loads_through_class_factory_and_unloads(qgis_app):
    """The real classFactory with a minimal iface: provider registered, then removed."""
    import importlib.util
    import sys

    from conftest import ROOT
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QObject, pyqtSignal
    from qgis.PyQt.QtWidgets import QMainWindow, QToolBar

    class Iface(QObject):
        currentLayerChanged = pyqtSignal(object)  # noqa: N815 - the QGIS iface API

        def __init__(self):
            super().__init__()
            self.window = QMainWindow()
            self.menus = []
            self.docks = []

        def addDockWidget(self, area, dock):
            self.window.addDockWidget(area, dock)
            self.docks.append(dock)

        def removeDockWidget(self, dock):
            self.window.removeDockWidget(dock)
            self.docks.remove(dock)

        def activeLayer(self):
            return None

        def mainWindow(self):
            return self.window

        def addToolBar(self, name):
            return self.window.addToolBar(name) or QToolBar(name)

        def addPluginToMenu(self, menu, action):
            self.menus.append((menu, action))

        def removePluginMenu(self, menu, action):
            self.menus.remove((menu, action))

    spec = importlib.util.spec_from_file_location(
        "reterr_plugin_root", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["reterr_plugin_root"] = module
    spec.loader.exec_module(module)
    registry = QgsApplication.processingRegistry()
    before = registry.providerById("reterr")
    if before is not None:  # the session fixture's provider: take it out for this test
        registry.removeProvider(before)
    try:
        iface = Iface()
        plugin = module.classFactory(iface)
        plugin.initGui()
        provider = registry.providerById("reterr")
        assert provider is not None
        ids = {a.id() for a in provider.algorithms()}
        assert {"reterr:territory_profile", "reterr:export_council_map"} <= ids
        # profile, council map, atlas, index, 7 service algorithms, 3 supply algorithms, dock:
        # every one opens an algorithm
        assert len(iface.menus) == 15
        alg_ids = {a.objectName().removeprefix("Reterr_") for _, a in iface.menus}
        assert alg_ids - {"dock"} <= {i.split(":")[1] for i in ids}
        assert [d.objectName() for d in iface.docks] == ["ReterrIndicatorDock"]
        assert not iface.docks[0].isVisible()  # hidden until asked for
        plugin.unload()
        assert registry.providerById("reterr") is None
        assert iface.menus == [] and iface.docks == []
    finally:
        from reterr_qgis.processing.provider import ReterrProvider

        if registry.providerById("reterr") is None:
            _KEEP_ALIVE.append(ReterrProvider())  # Python must keep the provider object alive
            registry.addProvider(_KEEP_ALIVE[-1])


# --- One attribute reader, one NULL policy (adapters/layers.py) -----------------------------------


def _memory_layer(fields: list[tuple[str, str]], rows: list[list], geometry: str = "None"):
    """A memory layer with ``fields`` [(name, 'double'|'string'|'integer'|'boolean')] and
    attribute ``rows`` (None stands for NULL)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    spec = "&".join(f"field={name}:{kind}" for name, kind in fields)
    layer = QgsVectorLayer(f"{geometry}?{spec}", "communes", "memory")
    assert layer.isValid()
    feats = []
    for row in rows:
        feat = QgsFeature(layer.fields())
        feat.setAttributes(row)
        feats.append(feat)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def test_null_policy_of_to_float_and_is_null(qgis_app):
    from qgis.core import NULL
    from qgis.PyQt.QtCore import QVariant

    from reterr_qgis.adapters.layers import is_null, to_float

    assert is_null(None) and is_null(NULL) and is_null(QVariant())
    assert not is_null("") and not is_null(0) and not is_null(0.0) and not is_null("NULL")
    assert to_float(None) is None
    assert to_float(NULL) is None
    assert to_float("") is None
    assert to_float("  ") is None
    assert to_float("\u202f") is None  # a lone narrow no-break space is blank, not a number
    assert to_float(3) == 3.0 and isinstance(to_float(3), float)
    assert to_float(2.5) == 2.5
    assert to_float("1 234,5") == 1234.5
    assert to_float("1\u202f234,5") == 1234.5  # narrow no-break space (French thousands)
    assert to_float("12\xa0000") == 12000.0  # no-break space
    assert to_float(" -0,25 ") == -0.25
    assert to_float("1e3") == 1000.0
    for bad in (True, False, "abc", "1,2,3", "12 %"):
        with pytest.raises(ValueError):
            to_float(bad)


def test_read_columns_numbers_texts_and_nulls(qgis_app):
    import numpy as np

    from reterr_qgis.adapters.layers import read_columns

    layer = _memory_layer(
        [("nom", "string"), ("pop", "double"), ("txt", "string")],
        [
            ["Rodez", 24000.0, "1 234,5"],
            [None, None, ""],
            ["Millau", 22000.0, "7\u202f000"],
            ["", 0.0, None],
        ],
    )
    cols = read_columns(layer, ["pop", "txt"], ["nom"])
    assert len(cols) == 4 and cols.fids.dtype == np.int64
    assert [int(f) for f in cols.fids] == [f.id() for f in layer.getFeatures()]
    np.testing.assert_array_equal(cols.numbers["pop"], [24000.0, np.nan, 22000.0, 0.0])
    np.testing.assert_array_equal(cols.numbers["txt"], [1234.5, np.nan, 7000.0, np.nan])
    assert cols.numbers["pop"].dtype == np.float64
    assert cols.texts["nom"].dtype == object
    assert list(cols.texts["nom"]) == ["Rodez", None, "Millau", ""]
    assert cols.bad == {} and not cols.canceled


def test_read_columns_names_the_features_that_are_not_numbers(qgis_app):
    from reterr_qgis.adapters.layers import error_message, read_columns
    from reterr_qgis.engine.core.errors import InputError

    layer = _memory_layer(
        [("pop", "string"), ("ok", "boolean")],
        [["12", True], ["douze", False], [None, None], ["n/a", True]],
    )
    fids = [f.id() for f in layer.getFeatures()]
    with pytest.raises(InputError) as exc:
        read_columns(layer, ["pop"], layer_name="communes")
    err = exc.value
    assert err.context == "ReterrLayers" and err.rows == [1, 3]
    assert error_message(err) == (
        "Field 'pop' of layer 'communes' holds values that are not numbers for: "
        f"feature {fids[1]} (fid {fids[1]}), feature {fids[3]} (fid {fids[3]}). "
        "Correct them or choose another field."
    )
    # A boolean is not a number either (a yes/no field is not a count).
    with pytest.raises(InputError, match="Field 'ok' of layer 'communes'"):
        read_columns(layer, ["ok"], layer_name="communes")


def test_read_columns_lenient_and_missing_fields(qgis_app):
    import numpy as np

    from reterr_qgis.adapters.layers import read_columns
    from reterr_qgis.engine.core.errors import InputError

    layer = _memory_layer([("pop", "string")], [["12"], ["douze"], [None], ["3,5"]])
    cols = read_columns(layer, ["pop", "absent"], ["absent"], missing="skip", strict=False)
    np.testing.assert_array_equal(cols.numbers["pop"], [12.0, np.nan, np.nan, 3.5])
    assert cols.bad == {"pop": [1]}  # NULL is missing, not bad
    assert "absent" not in cols.numbers and "absent" not in cols.texts
    with pytest.raises(InputError) as exc:
        read_columns(layer, ["pop", "absent"], strict=False, layer_name="communes")
    assert str(exc.value) == (
        "Field 'absent' not found in layer 'communes'. Available fields: pop."
    )


def test_read_columns_cancel_and_request(qgis_app):
    from qgis.core import QgsFeatureRequest

    from reterr_qgis.adapters.layers import read_columns

    layer = _memory_layer([("pop", "double")], [[1.0], [2.0], [3.0]])
    cols = read_columns(layer, ["pop"], is_canceled=lambda: True)
    assert cols.canceled and len(cols) == 0
    cols = read_columns(layer, ["pop"], request=QgsFeatureRequest().setFilterExpression("pop > 1"))
    assert cols.numbers["pop"].tolist() == [2.0, 3.0]


def test_read_features_shares_the_policy_and_raises_input_errors(qgis_app):
    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem

    from reterr_qgis.adapters.layers import (
        error_message,
        read_features,
        require_projected,
    )
    from reterr_qgis.engine.core.errors import InputError

    layer = _memory_layer(
        [("nom", "string"), ("pop", "string")],
        [["Rodez", "1 234,5"], [None, None], ["Millau", "beaucoup"]],
    )
    fids = [f.id() for f in layer.getFeatures()]
    with pytest.raises(InputError) as exc:
        read_features(layer, numeric={"p": "pop"}, name_field="nom", with_geometry=False)
    assert exc.value.rows == [2]
    assert error_message(exc.value) == (
        "Field 'pop' of layer 'communes' holds values that are not numbers for: "
        f"Millau (fid {fids[2]}). Correct them or choose another field."
    )
    layer.dataProvider().deleteFeatures([fids[2]])
    table = read_features(layer, numeric={"p": "pop"}, text={"n": "nom"}, with_geometry=False)
    np.testing.assert_array_equal(table.numbers["p"], [1234.5, np.nan])
    assert list(table.texts["n"]) == ["Rodez", None]
    assert table.names == [f"feature {fids[0]}", f"feature {fids[1]}"]
    with pytest.raises(InputError, match="Field 'nb' not found in layer 'communes'"):
        read_features(layer, numeric={"p": "nb"}, with_geometry=False)

    with pytest.raises(InputError) as exc:
        require_projected(QgsCoordinateReferenceSystem("EPSG:4326"), "communes")
    assert exc.value.context == "ReterrLayers"
    assert "Layer 'communes' is in a geographic CRS (EPSG:4326)" in error_message(exc.value)
    require_projected(QgsCoordinateReferenceSystem("EPSG:2154"), "communes")


def test_check_geometries_names_the_features(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from reterr_qgis.adapters.layers import error_message, read_features
    from reterr_qgis.engine.core.errors import InputError

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "zones", "memory")
    feats = []
    for name, wkt in [
        ("ok", "POLYGON((0 0,1 0,1 1,0 1,0 0))"),
        ("vide", None),
        ("noeud", "POLYGON((0 0,1 1,1 0,0 1,0 0))"),  # a bow tie: invalid
    ]:
        f = QgsFeature(layer.fields())
        f.setAttributes([name])
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    fids = [f.id() for f in layer.getFeatures()]
    with pytest.raises(InputError) as exc:
        read_features(layer, name_field="nom", layer_name="zones")
    assert exc.value.rows == [1]
    assert error_message(exc.value) == (
        f"Layer 'zones': 1 features have no geometry: vide (fid {fids[1]}). Remove them or give "
        "them a geometry."
    )
    layer.dataProvider().deleteFeatures([fids[1]])
    with pytest.raises(InputError) as exc:
        read_features(layer, name_field="nom", layer_name="zones")
    # The table passed to error_message does not add a second list of features.
    message = error_message(exc.value, object(), "zones")
    assert message == (
        f"Layer 'zones': 1 features have an invalid geometry: noeud (fid {fids[2]}). Run 'Fix "
        "geometries' on the layer first."
    )


def test_read_dashboard_reads_null_as_missing(qgis_app):
    import math

    from reterr_qgis.adapters.dashboard import present, read_dashboard

    layer = _memory_layer(
        [("nom", "string"), ("nom_epci", "string"), ("share_65p", "double")],
        [
            ["Rodez", "CA Rodez", 25.0],
            [None, None, None],
            ["Millau", "CC Millau", 30.0],
            ["Onet", "CA Rodez", 20.0],
        ],
    )
    fids = [f.id() for f in layer.getFeatures()]
    read = read_dashboard(
        layer,
        layer.fields(),
        indicators=["share_65p"],
        index=[],
        name_field="nom",
        group_field="nom_epci",
    )
    assert read.error == "" and not read.canceled
    assert read.fids == fids
    board = read.dashboard
    assert board.n == 4
    assert board.group_label(0) == "CA Rodez"
    assert board.group_label(2) == "CC Millau"
    profile = board.profile(1, "median")
    assert profile.name == f"#{fids[1]}"  # NULL name: the feature id stands in
    row = next(r for r in profile.rows if r.field == "share_65p")
    assert math.isnan(row.value)
    canceled = read_dashboard(
        layer, layer.fields(), indicators=["share_65p"], index=[], is_canceled=lambda: True
    )
    assert canceled.canceled and canceled.dashboard is None
    assert not present(None) and present("") and present(0)


@pytest.mark.parametrize(
    ("authid", "words"),
    [
        ("EPSG:3857", ("Mercator", "EPSG:3857", "EPSG:2154")),
        ("EPSG:3395", ("Mercator", "EPSG:3395")),
        ("EPSG:2263", ("not the metre", "EPSG:2263")),
    ],
)
def test_projected_crs_unfit_for_distances_is_refused(qgis_app, run_alg, authid, words):
    """Web Mercator metres are stretched by 1/cos(latitude) (areas doubled in Aveyron): the
    profile of a square in EPSG:3857 is refused, as a geographic CRS is, instead of computed."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

    from reterr_qgis.adapters.layers import require_projected
    from reterr_qgis.engine.core.errors import InputError

    with pytest.raises(InputError) as excinfo:
        require_projected(QgsCoordinateReferenceSystem(authid), "communes")
    from reterr_qgis.adapters.layers import error_message

    text = error_message(excinfo.value)
    assert all(w in text for w in words), text
    require_projected(QgsCoordinateReferenceSystem("EPSG:2154"), "communes")  # Lambert-93 is fine
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        f"Polygon?crs={authid}&field=nom:string&field=population:double", "c", "memory"
    )
    f = QgsFeature(layer.fields())
    f.setAttributes(["A", 100.0])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"))
    layer.dataProvider().addFeatures([f])
    with pytest.raises(QgsProcessingException, match=words[0]):
        run_alg("reterr:territory_profile", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})
