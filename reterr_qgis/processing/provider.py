"""The "ReTerr" Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..about import PROVIDER_ID, __version__, resource_path


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

    def menu_algorithms(self) -> list:
        """The registered algorithms that have a menu entry (``IN_MENU``), in the menu's order."""
        order = {cls.ALG_ID: k for k, cls in enumerate(algorithm_classes())}
        shown = [a for a in self.algorithms() if getattr(a, "IN_MENU", False)]
        return sorted(shown, key=lambda a: order.get(a.name(), len(order)))
