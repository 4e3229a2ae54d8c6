"""Tiny base of the "Complementarity" algorithms: their group."""

from __future__ import annotations

from ...adapters.i18n import translate
from ..base import ReterrAlgorithm


class ComplementarityAlgorithm(ReterrAlgorithm):
    """An algorithm of the "Complementarity" group (no menu entry unless it says so)."""

    GROUP_ID = "complementarity"
    IN_MENU = False

    def group_title(self) -> str:
        return translate("ComplementarityAlgorithm", "Complementarity")
