"""``reterr:functional_areas`` — placeholder being written (issue 10)."""

from __future__ import annotations

from .base import ComplementarityAlgorithm


class FunctionalAreas(ComplementarityAlgorithm):
    """Functional areas from flows."""

    ALG_ID = "functional_areas"

    def displayName(self) -> str:
        return self.tr("Functional areas from flows")

    def initAlgorithm(self, config=None) -> None:
        pass

    def execute(self, parameters, context, feedback):
        return {}
