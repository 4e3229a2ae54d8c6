"""The "ReTerr" Processing provider."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..about import PROVIDER_ID, __version__, resource_path
from ..engine.core.errors import QT_TRANSLATE_NOOP


def algorithm_classes() -> tuple[type, ...]:
    """Every ReTerr algorithm class, in the order of the plugin menu (the toolbox sorts by name).

    A new algorithm is added here; it then appears in the menu too unless its class says
    ``IN_MENU = False``.
    """
    from .complementarity.complementarity import Complementarity
    from .complementarity.flow_indicators import FlowIndicators
    from .complementarity.functional_areas import FunctionalAreas
    from .complementarity.import_flows import ImportFlows
    from .complementarity.specialisation import Specialisation
    from .index.resilience_index import ResilienceIndex
    from .network.build_network import BuildNetwork
    from .profile.territory_profile import TerritoryProfile
    from .report.export_atlas import ExportAtlas
    from .report.export_council_map import ExportCouncilMap
    from .services.floating_catchment import FloatingCatchment
    from .services.import_bpe import ImportBpe
    from .services.nearest_service import NearestService
    from .services.service_areas import ServiceAreas
    from .services.service_basket import ServiceBasket
    from .services.service_gaps import ServiceGaps
    from .services.suggest_locations import SuggestLocations
    from .supply.endogenous_economy import EndogenousEconomy
    from .supply.farmland import Farmland
    from .supply.food_adequacy import FoodAdequacy
    from .supply.food_needs import FoodNeeds
    from .supply.import_sirene import ImportSirene
    from .supply.local_sourcing import LocalSourcing
    from .supply.value_chains import ValueChains

    return (
        TerritoryProfile,
        ExportCouncilMap,
        ExportAtlas,
        ResilienceIndex,
        ImportBpe,
        BuildNetwork,
        FloatingCatchment,
        NearestService,
        ServiceBasket,
        ServiceGaps,
        SuggestLocations,
        ServiceAreas,
        FoodNeeds,
        Farmland,
        FoodAdequacy,
        LocalSourcing,
        ImportSirene,
        ValueChains,
        EndogenousEconomy,
        Specialisation,
        Complementarity,
        ImportFlows,
        FlowIndicators,
        FunctionalAreas,
    )


def model_files() -> list:
    """The Processing models shipped in ``resources/models`` (``*.model3``), by file name."""
    folder = resource_path("models")
    return sorted(folder.glob("*.model3")) if folder.is_dir() else []


#: Toolbox names of the shipped models, by model name (the id is ``reterr:<model name>``).
MODEL_TITLES = {
    "territorial_diagnostic": QT_TRANSLATE_NOOP(
        "ReterrModels", "Territorial resilience diagnostic"
    ),
    "services_access": QT_TRANSLATE_NOOP("ReterrModels", "Theme: access to services"),
    "supply_chains": QT_TRANSLATE_NOOP("ReterrModels", "Theme: food autonomy and local economy"),
    "complementarity_flows": QT_TRANSLATE_NOOP("ReterrModels", "Theme: complementarity and flows"),
}


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model of ``resources/models``: QGIS's model algorithm, with a translated toolbox name
    (a model's name is also its id)."""

    def __init__(self, path: str = ""):
        super().__init__()
        self._path = path
        if path and self.fromFile(path):
            self.setSourceFilePath(path)

    def displayName(self) -> str:
        title = MODEL_TITLES.get(self.name())
        return QCoreApplication.translate("ReterrModels", title) if title else self.name()

    def group(self) -> str:
        """Listed first in the toolbox ("0 · …"): the models chain the numbered steps."""
        return "0 · " + QCoreApplication.translate("ReterrModels", "Complete diagnostics (models)")

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "reterr.svg")))

    def svgIconPath(self) -> str:
        return str(resource_path("icons", "reterr.svg"))

    def createInstance(self):
        return ShippedModel(self._path)


def load_models() -> list:
    """The shipped models as algorithms (``reterr:<model name>``); a file that does not load is
    skipped, as QGIS's own model provider does."""
    models = []
    for path in model_files():
        model = ShippedModel(str(path))
        if model.name():
            models.append(model)
    return models


class ReterrProvider(QgsProcessingProvider):
    """Provider of the ReTerr algorithms (id ``reterr``)."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "ReTerr"

    def longName(self) -> str:
        return QCoreApplication.translate(
            "ReterrProvider", "ReTerr — territorial resilience ({version})"
        ).format(version=__version__)

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "reterr.svg")))

    def svgIconPath(self) -> str:
        return str(resource_path("icons", "reterr.svg"))

    def versionInfo(self) -> str:
        return __version__

    def loadAlgorithms(self) -> None:
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        for model in load_models():
            self.addAlgorithm(model)
        if not self._models_resolved:
            # The models' steps are looked up in the Processing registry, which holds this
            # provider only once it has loaded: load the models again when it is registered
            # (QGIS's own model provider waits for the other providers the same way).
            self._models_resolved = True
            registry = QgsApplication.processingRegistry()
            if registry.providerById(self.id()) is None:
                registry.providerAdded.connect(self._on_provider_added)

    _models_resolved = False

    def _on_provider_added(self, provider_id: str) -> None:
        if provider_id != self.id():
            return
        registry = QgsApplication.processingRegistry()
        registry.providerAdded.disconnect(self._on_provider_added)
        if registry.providerById(provider_id) is self:
            self.refreshAlgorithms()

    def menu_algorithms(self) -> list:
        """The registered algorithms that have a menu entry (``IN_MENU``), in the menu's order."""
        order = {cls.ALG_ID: k for k, cls in enumerate(algorithm_classes())}
        shown = [a for a in self.algorithms() if getattr(a, "IN_MENU", False)]
        return sorted(shown, key=lambda a: order.get(a.name(), len(order)))
