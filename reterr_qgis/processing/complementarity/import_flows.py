"""``reterr:import_flows`` — placeholder being written (issue 10)."""

from __future__ import annotations

from .base import ComplementarityAlgorithm


class ImportFlows(ComplementarityAlgorithm):
    """Import INSEE commuting flows (MOBPRO, MOBSCO)."""

    ALG_ID = "import_flows"

    def displayName(self) -> str:
        return self.tr("Import INSEE commuting flows (MOBPRO, MOBSCO)")

    def initAlgorithm(self, config=None) -> None:
        pass

    def execute(self, parameters, context, feedback):
        return {}
