"""``reterr:complementarity`` — placeholder being written (issue 10)."""

from __future__ import annotations

from .base import ComplementarityAlgorithm


class Complementarity(ComplementarityAlgorithm):
    """Complementarity between neighbouring territories."""

    ALG_ID = "complementarity"

    def displayName(self) -> str:
        return self.tr("Complementarity between neighbouring territories")

    def initAlgorithm(self, config=None) -> None:
        pass

    def execute(self, parameters, context, feedback):
        return {}
