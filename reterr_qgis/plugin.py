"""The QGIS plugin object: Processing provider, menu and toolbar entries."""

from __future__ import annotations

import contextlib

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .about import PROVIDER_ID, resource_path
from .adapters.i18n import install_translator
from .adapters.log import setup_logging, teardown_logging

#: The algorithm whose menu entry is also on the toolbar.
TOOLBAR_ALGORITHM = "territory_profile"

#: Application property set once the missing packages were reported (once a QGIS session, even
#: when the plugin is reloaded).
DEPENDENCIES_REPORTED = "reterr_dependencies_reported"


class ReterrPlugin:
    """Registers the ReTerr provider and adds a "ReTerr" menu and toolbar.

    The menu lists the provider's algorithms that ask for an entry (``IN_MENU``, see
    :class:`~reterr_qgis.processing.base.ReterrAlgorithm`), then the dock's toggle.
    """

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.actions: list[QAction] = []
        self.toolbar = None
        self.dock = None
        self.dock_action = None
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
        self._report_dependencies()
        icon = QIcon(str(resource_path("icons", "reterr.svg")))
        self.toolbar = self.iface.addToolBar("ReTerr")
        self.toolbar.setObjectName("ReterrToolbar")
        # One entry per algorithm of the provider that asks for one, in the provider's order.
        for alg in self.provider.menu_algorithms():
            # The icon of the algorithm's theme, as in the toolbox.
            action = QAction(alg.icon(), alg.menu_text(), self.iface.mainWindow())
            action.setObjectName("Reterr_" + alg.name())
            alg_id = f"{PROVIDER_ID}:{alg.name()}"
            action.triggered.connect(lambda _checked=False, a=alg_id: self._open(a))
            self.iface.addPluginToMenu(self.tr("&ReTerr"), action)
            self.actions.append(action)
            if alg.name() == TOOLBAR_ALGORITHM:
                self.toolbar.addAction(action)
        self._add_dock(icon)

    def _report_dependencies(self) -> None:
        """One warning in the message bar, once a session, when a package the algorithms need is
        missing: which ones, and the commands that install them on this platform (in "details").
        The algorithms stay listed; those that cannot run say so (``canExecute``)."""
        from .adapters import compat
        from .adapters.dependencies import load_report

        app = QgsApplication.instance()
        if app is not None and app.property(DEPENDENCIES_REPORTED):
            return
        report = load_report()
        if report is None:
            return
        if app is not None:
            app.setProperty(DEPENDENCIES_REPORTED, True)
        text, details = report
        self.iface.messageBar().pushMessage("ReTerr", text, details, compat.LOG_WARNING, 0)

    def _add_dock(self, icon: QIcon) -> None:
        """The resilience dock, docked on the right, shown and hidden by a checkable action."""
        from qgis.PyQt.QtCore import Qt

        from .gui.dock import ReterrIndicatorDock

        self.dock = ReterrIndicatorDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        action = self.dock.toggleViewAction()
        action.setIcon(icon)
        action.setText(self.tr("Resilience indicators"))
        action.setObjectName("Reterr_dock")
        self.iface.addPluginToMenu(self.tr("&ReTerr"), action)
        self.toolbar.addAction(action)
        self.dock_action = action
        self.iface.currentLayerChanged.connect(self._follow_layer)
        self.dock.visibilityChanged.connect(self._dock_shown)

    def _dock_shown(self, visible: bool) -> None:
        if visible and self.dock is not None and self.dock.layer is None:
            self._follow_layer(self.iface.activeLayer())

    def _follow_layer(self, layer) -> None:
        """The dock follows the active layer while it is visible."""
        from qgis.core import QgsVectorLayer

        if self.dock is not None and self.dock.isVisible() and isinstance(layer, QgsVectorLayer):
            self.dock.set_layer(layer)

    def _open(self, alg_id: str) -> None:
        import processing
        from qgis.core import QgsApplication

        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        start = alg.menu_parameters() if hasattr(alg, "menu_parameters") else {}
        processing.execAlgorithmDialog(alg_id, start)

    def unload(self) -> None:
        if self.dock is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.iface.currentLayerChanged.disconnect(self._follow_layer)
            self.iface.removePluginMenu(self.tr("&ReTerr"), self.dock_action)
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
            self.dock_action = None
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
