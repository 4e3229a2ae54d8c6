"""``reterr:specialisation`` — placeholder being written (issue 10)."""

from __future__ import annotations

from .base import ComplementarityAlgorithm


class Specialisation(ComplementarityAlgorithm):
    """Specialisation and diversity of the economy."""

    ALG_ID = "specialisation"

    def displayName(self) -> str:
        return self.tr("Specialisation and diversity of the economy")

    def initAlgorithm(self, config=None) -> None:
        pass

    def execute(self, parameters, context, feedback):
        return {}
