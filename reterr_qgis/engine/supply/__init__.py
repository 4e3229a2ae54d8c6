"""Local supply chains (food autonomy, sourcing flows, value chains).

Food autonomy (METHODS.md §2.1–2.2):

* :mod:`.groups` — the five crop groups and the shipped tables (needs per inhabitant, RPG and
  land-cover mappings) in ``resources/supply``;
* :mod:`.needs` — land needed to feed each territory, per group (PARCEL-like levers);
* :mod:`.farmland` — farmland per group and territory from RPG parcels or a land-cover raster
  (``rasterio`` needed for the raster only, imported when used);
* :mod:`.adequacy` — needs against farmland: raw and capped adequacy, balances, people fed.

Local sourcing, value chains and the endogenous economy (METHODS.md §2.3–2.4):

* :mod:`.sourcing` — surpluses matched to deficits within a radius (min-cost maximum matching,
  compiled network simplex with scipy's HiGHS as fallback);
* :mod:`.sirene` — the SIRENE establishment stock read as published, streamed and filtered;
* :mod:`.chains` — value chains as NAF stages: stages present, missing links and their distance;
* :mod:`.endogenous` — local head-office share, ESS share, size structure, sector diversity.
"""

from .adequacy import AdequacyResult, compare_scenarios, food_adequacy
from .chains import (
    ChainTable,
    chain_presence,
    load_value_chains,
    missing_links,
    nearest_request,
    run_nearest,
)
from .endogenous import EndogenousResult, endogenous_economy
from .farmland import (
    FarmlandResult,
    LabelGrid,
    build_label_grid,
    farmland_from_raster,
    farmland_from_rpg,
    label_grid_key,
)
from .groups import (
    CROP_GROUPS,
    DIETS,
    EXCLUDED,
    GROUP_IDS,
    NON_AGRICULTURAL,
    TARGET_IDS,
    UNCLASSIFIED,
    CropGroup,
    LandcoverMapping,
    NeedsTable,
    RpgMapping,
    group_label,
    landcover_nomenclatures,
    load_landcover_mapping,
    load_needs_table,
    load_rpg_mapping,
)
from .needs import (
    DEFAULT_AGE_WEIGHTING,
    AgeWeighting,
    NeedsParameters,
    NeedsResult,
    food_needs,
    food_needs_scenarios,
)
from .sirene import load_tranches, read_stock_etablissement, read_stock_unite_legale
from .sourcing import SourcingResult, local_sourcing

__all__ = [
    "CROP_GROUPS",
    "DEFAULT_AGE_WEIGHTING",
    "DIETS",
    "EXCLUDED",
    "GROUP_IDS",
    "NON_AGRICULTURAL",
    "TARGET_IDS",
    "UNCLASSIFIED",
    "AdequacyResult",
    "AgeWeighting",
    "ChainTable",
    "CropGroup",
    "EndogenousResult",
    "FarmlandResult",
    "LabelGrid",
    "LandcoverMapping",
    "NeedsParameters",
    "NeedsResult",
    "NeedsTable",
    "RpgMapping",
    "SourcingResult",
    "build_label_grid",
    "chain_presence",
    "compare_scenarios",
    "endogenous_economy",
    "farmland_from_raster",
    "farmland_from_rpg",
    "food_adequacy",
    "food_needs",
    "food_needs_scenarios",
    "group_label",
    "label_grid_key",
    "landcover_nomenclatures",
    "load_landcover_mapping",
    "load_needs_table",
    "load_rpg_mapping",
    "load_tranches",
    "load_value_chains",
    "local_sourcing",
    "missing_links",
    "nearest_request",
    "read_stock_etablissement",
    "read_stock_unite_legale",
    "run_nearest",
]
