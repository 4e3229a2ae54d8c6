"""The "ReTerr" Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..about import PROVIDER_ID, __version__, resource_path


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
        from .build_network import BuildNetwork
        from .export_council_map import ExportCouncilMap
        from .floating_catchment import FloatingCatchment
        from .import_bpe import ImportBpe
        from .nearest_service import NearestService
        from .resilience_index import ResilienceIndex
        from .service_areas import ServiceAreas
        from .service_basket import ServiceBasket
        from .service_gaps import ServiceGaps
        from .suggest_locations import SuggestLocations
        from .territory_profile import TerritoryProfile

        for alg in (
            TerritoryProfile(),
            ExportCouncilMap(),
            ImportBpe(),
            BuildNetwork(),
            FloatingCatchment(),
            NearestService(),
            ServiceBasket(),
            ServiceGaps(),
            SuggestLocations(),
            ServiceAreas(),
            ResilienceIndex(),
        ):
            self.addAlgorithm(alg)
