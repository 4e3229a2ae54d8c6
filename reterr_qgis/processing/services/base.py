"""Tiny base of the "Services and access" algorithms: their group."""

from __future__ import annotations

from ...adapters.i18n import translate
from ..base import ReterrAlgorithm


class ServicesAlgorithm(ReterrAlgorithm):
    """An algorithm of the "Services and access" group."""

    GROUP_ID = "services"

    def group_title(self) -> str:
        return translate("ServiceAlgorithm", "Services and access")
