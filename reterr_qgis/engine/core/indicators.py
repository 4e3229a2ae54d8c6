"""Registry of the indicators ReTerr produces.

Every indicator is declared once, here: its field name in output layers, French and English labels, unit,
polarity and resilience dimension. Maps (legend titles, colour ramps) and, later, the resilience dock read
this registry instead of repeating labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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


#: French and English labels of the default dimensions (the radar's axes).
DIMENSION_LABELS: dict[str, tuple[str, str]] = {
    Dimension.SERVICES.value: ("Accès aux services essentiels", "Access to essential services"),
    Dimension.SELF_SUFFICIENCY.value: (
        "Autonomie alimentaire et matérielle",
        "Food and material self-sufficiency",
    ),
    Dimension.ECONOMY.value: (
        "Diversité économique et économie endogène",
        "Economic diversity and endogenous economy",
    ),
    Dimension.COMPLEMENTARITY.value: (
        "Complémentarité et ouverture",
        "Complementarity and openness",
    ),
    Dimension.VULNERABILITY.value: ("Vulnérabilité de la population", "Population vulnerability"),
    Dimension.CONTEXT.value: ("Contexte", "Context"),
}


def dimension_label(dimension: str | Dimension, language: str = "fr") -> str:
    """Label of a dimension; a user-defined dimension is its own label."""
    key = dimension.value if isinstance(dimension, Dimension) else str(dimension)
    labels = DIMENSION_LABELS.get(key)
    if labels is None:
        return key
    return labels[0] if language.startswith("fr") else labels[1]


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
_NEAREST = "reterr:nearest_service"
_BASKET = "reterr:service_basket"
_GAPS = "reterr:service_gaps"
_SUGGEST = "reterr:suggest_locations"
_ADEQUACY = "reterr:food_adequacy"
_CHAINS = "reterr:value_chains"
_ENDOGENOUS = "reterr:endogenous_economy"
_SPECIALISATION = "reterr:specialisation"
_COMPLEMENTARITY = "reterr:complementarity"
_FLOWS = "reterr:flow_indicators"
_AREAS = "reterr:functional_areas"

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
        Indicator(
            "basket_share",
            "Part du panier de services accessible",
            "Share of the services basket within reach",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            _BASKET,
            "100 × basket types whose nearest facility is within the threshold / basket types.",
        ),
        Indicator(
            "basket_mean_min",
            "Temps moyen d'accès au panier",
            "Mean time to the basket",
            "min",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _BASKET,
            "Mean over the basket types (with a facility) of the time to the nearest one.",
        ),
        Indicator(
            "basket_max_min",
            "Temps maximal d'accès au panier",
            "Longest time to the basket",
            "min",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _BASKET,
            "Max over the basket types (with a facility) of the time to the nearest one.",
        ),
        Indicator(
            "basket_missing",
            "Services du panier hors d'atteinte",
            "Basket services out of reach",
            "types",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _BASKET,
            "Basket types whose nearest facility is beyond the threshold.",
        ),
        Indicator(
            "n_beyond",
            "Services au-delà du seuil",
            "Services beyond the threshold",
            "types",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "Facility types whose nearest facility is beyond the threshold.",
        ),
        Indicator(
            "t_before",
            "Temps d'accès avant ajout",
            "Time before the additions",
            "min",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "Minutes to the nearest facility of the first type, existing facilities only.",
        ),
        Indicator(
            "t_after",
            "Temps d'accès après ajout",
            "Time after the additions",
            "min",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "Minutes to the nearest facility of the first type, candidate sites included.",
        ),
        Indicator(
            "gain_min",
            "Temps gagné",
            "Time saved",
            "min",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            _GAPS,
            "t_before - t_after.",
        ),
        Indicator(
            "pop_beyond_after",
            "Population au-delà du seuil après ajout",
            "Population beyond the threshold after the additions",
            "hab.",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "Population of the zone beyond the threshold of the first type, candidates included.",
        ),
        Indicator(
            "share_beyond_after",
            "Part de la population au-delà du seuil après ajout",
            "Share of the population beyond the threshold after the additions",
            "%",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "100 × pop_beyond_after / population.",
        ),
        Indicator(
            "pop_gained",
            "Population nouvellement desservie",
            "Population newly covered",
            "hab.",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            _SUGGEST,
            "Population within the threshold of the site and of no earlier site or facility.",
        ),
        Indicator(
            "pop_cumulative",
            "Population desservie cumulée",
            "Cumulative population covered",
            "hab.",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            _SUGGEST,
            "Population newly covered by the sites up to this one.",
        ),
        Indicator(
            "adq_cap",
            "Adéquation alimentaire (plafonnée)",
            "Food adequacy (capped)",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SELF_SUFFICIENCY,
            _ADEQUACY,
            "100 × Σ_g min(farmland_g, needs_g) / Σ_g needs_g over the five crop groups: a surplus "
            "in one group never offsets a deficit in another (capped at 100 %).",
        ),
        Indicator(
            "adq_bru",
            "Adéquation alimentaire (brute)",
            "Food adequacy (raw)",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SELF_SUFFICIENCY,
            _ADEQUACY,
            "100 × Σ_g farmland_g / Σ_g needs_g (surpluses compensate deficits).",
        ),
        Indicator(
            "n_links",
            "Maillons manquants des filières",
            "Missing links in value chains",
            "maillons",
            Polarity.HIGHER_IS_WORSE,
            Dimension.ECONOMY,
            _CHAINS,
            "Number of chain stages missing from the territory whose nearest establishment lies "
            "beyond the stage's travel-time threshold while an earlier stage is present.",
        ),
        Indicator(
            "siege_terr",
            "Emplois d'établissements dont le siège de l'unité légale est dans le territoire",
            "Jobs in establishments whose legal unit's head office is in the territory",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.ECONOMY,
            _ENDOGENOUS,
            "100 × jobs of establishments whose legal unit's head office commune lies in the "
            "territory / jobs of the territory (SIRENE; legal unit, not group: understates "
            "external control).",
        ),
        Indicator(
            "siege_dep",
            "Emplois d'établissements dont le siège de l'unité légale est dans le département",
            "Jobs in establishments whose legal unit's head office is in the département",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.ECONOMY,
            _ENDOGENOUS,
            "As siege_terr, with the head office in the territory's département.",
        ),
        Indicator(
            "siege_reg",
            "Emplois d'établissements dont le siège de l'unité légale est dans la région",
            "Jobs in establishments whose legal unit's head office is in the region",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.ECONOMY,
            _ENDOGENOUS,
            "As siege_terr, with the head office in the territory's region.",
        ),
        Indicator(
            "ess_pct",
            "Part des emplois de l'économie sociale et solidaire",
            "Share of jobs in the social and solidarity economy",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.ECONOMY,
            _ENDOGENOUS,
            "100 × jobs of establishments whose legal unit is ESS (SIRENE "
            "economieSocialeSolidaireUniteLegale = O) / jobs.",
        ),
        Indicator(
            "shannon_n",
            "Diversité sectorielle (Shannon normalisé)",
            "Sector diversity (normalised Shannon)",
            "indice 0-1",
            Polarity.HIGHER_IS_BETTER,
            Dimension.ECONOMY,
            _ENDOGENOUS,
            "−Σ_s p_s ln p_s / ln N over the NAF sectors s of the chosen level (N sectors), p_s the "
            "share of jobs.",
        ),
        # -- complementarity: specialisation (reterr:specialisation) --
        Indicator(
            "krugman",
            "Spécialisation (indice de Krugman)",
            "Specialisation (Krugman index)",
            "indice 0-2",
            Polarity.HIGHER_IS_WORSE,
            Dimension.COMPLEMENTARITY,
            _SPECIALISATION,
            "Σ_i |s_i − R_i| over the NAF sectors i, s_i the territory's share of jobs (or "
            "establishments) in sector i, R_i the reference share (study area or reference "
            "table): 0 = the reference structure, 2 = nothing in common.",
        ),
        Indicator(
            "hhi_n",
            "Concentration sectorielle (Herfindahl normalisé)",
            "Sector concentration (normalised Herfindahl)",
            "indice 0-1",
            Polarity.HIGHER_IS_WORSE,
            Dimension.COMPLEMENTARITY,
            _SPECIALISATION,
            "(Σ_i s_i² − 1/N) / (1 − 1/N), N the number of sectors of the NAF level: 0 = jobs "
            "spread evenly over every sector, 1 = one sector.",
        ),
        Indicator(
            "var_unrel",
            "Variété non liée",
            "Unrelated variety",
            "nats",
            Polarity.HIGHER_IS_BETTER,
            Dimension.COMPLEMENTARITY,
            _SPECIALISATION,
            "−Σ_g P_g ln P_g over the sector groups g (e.g. NAF sections), P_g the share of jobs "
            "in g (Frenken, Van Oort & Verburg 2007): spreads the risk of a sector shock.",
        ),
        Indicator(
            "var_rel",
            "Variété liée",
            "Related variety",
            "nats",
            Polarity.HIGHER_IS_BETTER,
            Dimension.COMPLEMENTARITY,
            _SPECIALISATION,
            "Σ_g P_g H_g, H_g the Shannon entropy of the sectors within group g (Frenken, Van "
            "Oort & Verburg 2007); related + unrelated variety = Shannon entropy.",
        ),
        # -- complementarity: complementarity (reterr:complementarity) --
        Indicator(
            "ic_max",
            "Complémentarité avec le meilleur voisin",
            "Complementarity with the best neighbour",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.COMPLEMENTARITY,
            _COMPLEMENTARITY,
            "Highest symmetric trade complementarity index with a neighbour: 100 × (1 − ½ Σ_k "
            "|s_k − d_k|) of one's surplus shares against the other's deficit shares, both "
            "directions weighted by their matchable volumes (pairs with a volume > 0).",
        ),
        Indicator(
            "n_parten",
            "Voisins complémentaires",
            "Complementary neighbours",
            "territoires",
            Polarity.HIGHER_IS_BETTER,
            Dimension.COMPLEMENTARITY,
            _COMPLEMENTARITY,
            "Neighbours with a matchable volume > 0: one has a surplus of a family the other "
            "lacks.",
        ),
        # -- complementarity: flows (reterr:flow_indicators) --
        Indicator(
            "auto_off",
            "Actifs travaillant sur place",
            "Residents working locally",
            "%",
            Polarity.HIGHER_IS_BETTER,
            Dimension.COMPLEMENTARITY,
            _FLOWS,
            "100 × T_ii / (T_ii + O_i): share of the employed residents seen in the flows who "
            "work in the territory (INSEE's 'taux d'actifs stables'; LabourMarketAreas' "
            "supply-side self-containment).",
        ),
        Indicator(
            "auto_dem",
            "Emplois occupés par des résidents (autonomie, côté demande)",
            "Jobs held by residents (self-containment, demand side)",
            "%",
            Polarity.NEUTRAL,
            Dimension.COMPLEMENTARITY,
            _FLOWS,
            "100 × T_ii / (T_ii + I_i): share of the territory's jobs seen in the flows that are "
            "held by its residents (LabourMarketAreas' demand-side self-containment).",
        ),
        Indicator(
            "ratio_emp",
            "Indicateur de concentration d'emploi",
            "Job ratio (jobs per 100 employed residents)",
            "emplois pour 100 actifs",
            Polarity.NEUTRAL,
            Dimension.COMPLEMENTARITY,
            _FLOWS,
            "100 × (T_ii + I_i) / (T_ii + O_i): jobs per 100 employed residents, from the flows "
            "(< 100 residential, > 100 employment pole; France 98.3 in 2018).",
        ),
        Indicator(
            "dep_max",
            "Dépendance à la première destination des actifs sortants",
            "Dependence on the main destination of out-commuters",
            "%",
            Polarity.HIGHER_IS_WORSE,
            Dimension.COMPLEMENTARITY,
            _FLOWS,
            "100 × T_ij / O_i for the destination territory j ≠ i receiving the most of the "
            "territory's out-commuters (flows to outside count in O_i, never as a destination).",
        ),
        # -- complementarity: functional areas (reterr:functional_areas) --
        Indicator(
            "validite",
            "Validité de l'aire fonctionnelle (règle des zones d'emploi)",
            "Functional area validity (travel-to-work area rule)",
            "indice",
            Polarity.HIGHER_IS_BETTER,
            Dimension.COMPLEMENTARITY,
            _AREAS,
            "LabourMarketAreas validity of the area: min(msc / tarSC, 1) × (1 − (1 − minSC / "
            "tarSC) × max((tarSZ − L) / (tarSZ − minSZ), 0)) × tarSC / minSC, msc = min(internal "
            "/ employed residents, internal / jobs), L the employed residents; ≥ 1: a valid area "
            "(Istat 2011 parameters by default).",
        ),
    )
}

#: Indicators computed per facility type, in fields ``<prefix><TYPE>`` where TYPE is a BPE code
#: (a letter and three digits, e.g. ``t_D265``); :func:`get_indicator` adds the code to the labels.
TYPE_INDICATORS: dict[str, Indicator] = {
    ind.id: ind
    for ind in (
        Indicator(
            "t_",
            "Temps jusqu'à l'équipement le plus proche",
            "Time to the nearest facility",
            "min",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _NEAREST,
            "Minutes from the demand unit to the nearest facility of the type (home → service).",
        ),
        Indicator(
            "n_",
            "Équipements accessibles dans le temps limite",
            "Facilities within the cut-off",
            "équip.",
            Polarity.HIGHER_IS_BETTER,
            Dimension.SERVICES,
            _NEAREST,
            "Number of facilities of the type within the cut-off (cumulative opportunities).",
        ),
        Indicator(
            "pop_beyond_",
            "Population au-delà du seuil",
            "Population beyond the threshold",
            "hab.",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "Population of the zone whose nearest facility of the type is beyond the threshold.",
        ),
        Indicator(
            "share_beyond_",
            "Part de la population au-delà du seuil",
            "Share of the population beyond the threshold",
            "%",
            Polarity.HIGHER_IS_WORSE,
            Dimension.SERVICES,
            _GAPS,
            "100 × pop_beyond_<TYPE> / population.",
        ),
    )
}
_TYPE_CODE = re.compile(r"[A-Z][0-9]{3}")


def get_indicator(field_name: str) -> Indicator | None:
    """The declared indicator of an output field, or ``None`` for a user field.

    Per-type fields (``t_D265``, ``share_beyond_D307``…) get the indicator of their prefix with
    the type code in the labels ("Temps jusqu'à l'équipement le plus proche — D265").
    """
    ind = INDICATORS.get(field_name)
    if ind is not None:
        return ind
    for prefix, pattern in TYPE_INDICATORS.items():
        code = field_name[len(prefix) :]
        if field_name.startswith(prefix) and _TYPE_CODE.fullmatch(code):
            return replace(
                pattern,
                id=field_name,
                label_fr=f"{pattern.label_fr} — {code}",
                label_en=f"{pattern.label_en} — {code}",
            )
    return None
