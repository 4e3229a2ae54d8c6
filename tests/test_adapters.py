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
        # profile, council map, index, 7 service algorithms, dock: every one opens an algorithm
        assert len(iface.menus) == 11
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
