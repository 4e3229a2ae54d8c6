"""``reterr:flow_indicators`` — placeholder being written (issue 10)."""

from __future__ import annotations

from .base import ComplementarityAlgorithm


class FlowIndicators(ComplementarityAlgorithm):
    """Flow indicators and flow lines."""

    ALG_ID = "flow_indicators"

    def displayName(self) -> str:
        return self.tr("Flow indicators and flow lines")

    def initAlgorithm(self, config=None) -> None:
        pass

    def execute(self, parameters, context, feedback):
        return {}
