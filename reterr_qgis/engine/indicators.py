"""Registry of the indicators ReTerr produces.

Every indicator is declared once, here: its field name in output layers, French and English labels, unit,
polarity and resilience dimension. Maps (legend titles, colour ramps) and, later, the resilience dock read
this registry instead of repeating labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Polarity(str, Enum):
    """Whether a higher value means a more resilient territory."""

    HIGHER_IS_BETTER = "higher_is_better"
    HIGHER_IS_WORSE = "higher_is_worse"
    NEUTRAL = "neutral"


class Dimension(str, Enum):
    """Default resilience dimensions (METHODS.md §4)."""

    SERVICES = "services"
    SELF_SUFFICIENCY = "self_sufficiency"
    ECONOMY = "economy"
    COMPLEMENTARITY = "complementarity"
    VULNERABILITY = "vulnerability"
    CONTEXT = "context"


@dataclass(frozen=True)
class Indicator:
    """Declaration of one indicator."""

    id: str
    label_fr: str
    label_en: str
    unit: str
    polarity: Polarity
    dimension: Dimension
    source: str
    definition_en: str

    def label(self, language: str = "fr") -> str:
        """Label in ``language`` ("fr" or anything else for English)."""
        return self.label_fr if language.startswith("fr") else self.label_en


_PROFILE = "reterr:territory_profile"

INDICATORS: dict[str, Indicator] = {
    ind.id: ind
    for ind in (
        Indicator(
            "population",
            "Population",
            "Population",
            "hab.",
            Polarity.NEUTRAL,
            Dimension.CONTEXT,
            _PROFILE,
            "Population of the territory (the population field).",
        ),
        Indicator(
            "area_km2",
            "Superficie",
            "Area",
            "km²",
            Polarity.NEUTRAL,
            Dimension.CONTEXT,
            _PROFILE,
            "Planimetric area in the layer's projected CRS.",
        ),
        Indicator(
            "density",
            "Densité de population",
            "Population density",
            "hab./km²",
            Polarity.NEUTRAL,
            Dimension.CONTEXT,
            _PROFILE,
            "population / area_km2.",
        ),
        Indicator(
            "share_0_19",
            "Part des moins de 20 ans",
            "Share aged 0-19",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.VULNERABILITY,
            _PROFILE,
            "100 × pop_0_19 / (pop_0_19 + pop_20_64 + pop_65p).",
        ),
        Indicator(
            "share_20_64",
            "Part des 20-64 ans",
            "Share aged 20-64",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.VULNERABILITY,
            _PROFILE,
            "100 × pop_20_64 / (pop_0_19 + pop_20_64 + pop_65p).",
        ),
        Indicator(
            "share_65p",
            "Part des 65 ans et plus",
            "Share aged 65+",
            "%",
            Polarity.HIGHER_IS_WORSE,
            Dimension.VULNERABILITY,
            _PROFILE,
            "100 × pop_65p / (pop_0_19 + pop_20_64 + pop_65p).",
        ),
        Indicator(
            "ageing_index",
            "Indice de vieillissement",
            "Ageing index",
            "65+ pour 100 < 20 ans",
            Polarity.HIGHER_IS_WORSE,
            Dimension.VULNERABILITY,
            _PROFILE,
            "100 × pop_65p / pop_0_19 (INSEE definition).",
        ),
        Indicator(
            "vacancy_rate",
            "Taux de logements vacants",
            "Vacant dwellings rate",
            "%",
            Polarity.HIGHER_IS_WORSE,
            Dimension.VULNERABILITY,
            _PROFILE,
            "100 × vacant dwellings / dwellings.",
        ),
        Indicator(
            "fca_access",
            "Accessibilité potentielle (FCA)",
            "Potential accessibility (FCA)",
            "offre/hab.",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            "reterr:floating_catchment",
            "Floating catchment accessibility A_i = Σ_j w(c_ij) S_j / Σ_k w(c_kj) P_k.",
        ),
        Indicator(
            "fca_index",
            "Accessibilité relative (1 = moyenne)",
            "Relative accessibility (1 = mean)",
            "indice",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            "reterr:floating_catchment",
            "fca_access divided by its population-weighted mean.",
        ),
        Indicator(
            "apl",
            "APL médecins généralistes",
            "GP accessibility (APL)",
            "consult./an/hab.",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            "reterr:floating_catchment",
            "DREES/IRDES APL: E2SFCA, 20 min, consultations per age-standardised inhabitant.",
        ),
    )
}


def get_indicator(field_name: str) -> Indicator | None:
    """The declared indicator of an output field, or ``None`` for a user field."""
    return INDICATORS.get(field_name)
