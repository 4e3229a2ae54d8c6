"""Tiny base of the "Local supply chains" algorithms: their group."""

from __future__ import annotations

from ...adapters.i18n import translate
from ..base import ReterrAlgorithm


class SupplyAlgorithm(ReterrAlgorithm):
    """An algorithm of the "Local supply chains" group."""

    GROUP_ID = "supply"

    def group_title(self) -> str:
        return translate("SupplyAlgorithm", "Local supply chains")
