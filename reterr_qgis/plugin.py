"""The QGIS plugin object: Processing provider, menu and toolbar entries."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .about import PROVIDER_ID, resource_path
from .adapters.i18n import install_translator
from .adapters.log import setup_logging, teardown_logging


class ReterrPlugin:
    """Registers the ReTerr provider and adds a "ReTerr" menu and toolbar."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.actions: list[QAction] = []
        self.toolbar = None
        install_translator()

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("ReterrPlugin", text)

    def initProcessing(self) -> None:
        """Register the Processing provider (also called by qgis_process, without GUI)."""
        from .processing.provider import ReterrProvider

        if self.provider is None:
            self.provider = ReterrProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        setup_logging()
        self.initProcessing()
        icon = QIcon(str(resource_path("icons", "reterr.svg")))
        self.toolbar = self.iface.addToolBar("ReTerr")
        self.toolbar.setObjectName("ReterrToolbar")
        entries = (
            (self.tr("Territorial profile…"), f"{PROVIDER_ID}:territory_profile"),
            (self.tr("Export council map…"), f"{PROVIDER_ID}:export_council_map"),
        )
        for text, alg_id in entries:
            action = QAction(icon, text, self.iface.mainWindow())
            action.setObjectName("Reterr_" + alg_id.split(":")[1])
            action.triggered.connect(lambda _checked=False, a=alg_id: self._open(a))
            self.iface.addPluginToMenu(self.tr("&ReTerr"), action)
            self.actions.append(action)
        self.toolbar.addAction(self.actions[0])

    def _open(self, alg_id: str) -> None:
        import processing

        processing.execAlgorithmDialog(alg_id, {})

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(self.tr("&ReTerr"), action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        teardown_logging()
