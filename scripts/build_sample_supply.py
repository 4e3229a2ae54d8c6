#!/usr/bin/env python3
"""Add **illustrative** supply-chain data to the sample territory: crops, land cover, firms, commuting.

No registry package ships the RPG parcels, a land-cover map, the SIRENE establishment stock or
INSEE's home-work flows (SUPPLY_AND_COMPLEMENTARITY.md §A1), so the sample territory gets
generated stand-ins **in the exact published formats**, built reproducibly (fixed seed) from the
real communes and town halls of ``resources/sample/aveyron.gpkg`` and labelled illustrative in
their names, in an ``ILLUSTRATIF`` column or tag, in their metadata and in ATTRIBUTION.md. A
planner's real files drop in where these are read.

``rpg_illustratif`` (layer of aveyron.gpkg)
    Parcels with the columns of the IGN RPG ``PARCELLES_GRAPHIQUES`` layer (``ID_PARCEL,
    SURF_PARC, CODE_CULTU, CODE_GROUP, CULTURE_D1, CULTURE_D2``) plus ``ILLUSTRATIF`` = 1:
    Voronoi cells (one Lloyd step) drawn over the whole département, so that some cross commune
    boundaries, shrunk by :data:`GAP_M` / 2 so that neighbours leave a gap; per commune, the
    cells of a smooth "farmability" field are kept until the parcels cover the commune's area ×
    its farmland share (:func:`farmland_shares`); crops drawn from a plausible Aveyron mix
    (:data:`CROPS`) bent by region (:data:`REGION_EFFECTS`), then calibrated to the mix.
``occupation_sol_illustrative.tif``
    Land cover in the 23 classes of CESBIO's OSO (2018 and later), uint8, 100 m pixels over the
    département's bounding box, 0 = no data outside it: the parcels burnt with the OSO class of
    their crop, the rest urban around the town halls (by population), two lakes, heath and
    grassland on the causses, forest elsewhere.
``StockEtablissement_illustratif.csv``, ``StockUniteLegale_illustratif.csv``, ``sirene_illustratif``
    INSEE's SIRENE stock files as published (UTF-8, comma, header, the 54 / 35 columns in order,
    quoted only when needed) and the same establishments as a point layer: farms from the
    parcels, the food chains' stages placed by hand with **deliberate missing links**, the rest
    of the economy from population rates, head offices of national networks outside Aveyron.
``flux_domicile_travail_illustratif.csv``
    INSEE's aggregated home-work flows (``CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C21_ACTOCC15P``)
    from a doubly-constrained gravity model on the real populations.

Only the two new layers of aveyron.gpkg are (re)written (pyogrio replaces a layer in place);
the other files are written next to it. Run after ``scripts/build_sample_services.py``.

Usage::

    python scripts/build_sample_supply.py [--gpkg PATH] [--out-dir DIR]

Requirements: geopandas, pyogrio, shapely 2, numpy, scipy, pyproj, rasterio.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

# the sibling script and the plugin's engine (column lists of the SIRENE reader)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
try:
    import build_sample_services as services
    import geopandas as gpd
    import numpy as np
    import pyogrio
    import rasterio
    import shapely
    from pyproj import Transformer
    from rasterio.features import rasterize
    from rasterio.transform import from_origin
    from scipy.ndimage import zoom
    from scipy.optimize import brentq
    from shapely.prepared import prep

    from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS, UNITE_LEGALE_COLUMNS
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(
        f"ERROR: missing Python dependency ({exc.name}): geopandas pyogrio shapely scipy pyproj "
        "rasterio (and scripts/build_sample_services.py next to this script)"
    )

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GPKG = REPO_ROOT / "resources" / "sample" / "aveyron.gpkg"
LAYER_RPG = "rpg_illustratif"
LAYER_SIRENE = "sirene_illustratif"
RASTER_FILE = "occupation_sol_illustrative.tif"
ETAB_FILE = "StockEtablissement_illustratif.csv"
UL_FILE = "StockUniteLegale_illustratif.csv"
FLOWS_FILE = "flux_domicile_travail_illustratif.csv"
SEED = 20_250_109
DESCRIPTION = (
    "Aveyron (12) — ILLUSTRATIF : couche générée par scripts/build_sample_supply.py, "
    "pas des données réelles (voir ATTRIBUTION)"
)
EPSG = 2154

#: Date of the illustrative SIRENE stock (every date in it is earlier).
STOCK_DATE = date(2025, 1, 1)
ND = "[ND]"  # value of a masked field of a partially diffusible unit (statutDiffusion = P)

# ---- regions (Lambert-93 centres and spreads, metres; orders of magnitude of the geography) ---

REGIONS: dict[str, tuple[tuple[float, float], float]] = {
    "segala": ((640_000.0, 6_350_000.0), 17_000.0),  # Ségala: Naucelle, Rieupeyroux, Baraqueville
    "ouest": ((624_000.0, 6_366_000.0), 14_000.0),  # Villefranche-de-Rouergue, Causses du Quercy
    "nord_ouest": ((632_000.0, 6_374_000.0), 17_000.0),  # Decazeville, Montbazens, Rignac
    "aubrac": ((692_000.0, 6_399_000.0), 13_000.0),  # Laguiole, Aubrac
    "larzac": ((713_000.0, 6_321_000.0), 13_000.0),  # Causse du Larzac
    "causse_noir": ((717_000.0, 6_340_000.0), 9_000.0),  # Causse Noir, Causse de Sauveterre
    "causse_severac": ((703_000.0, 6_359_000.0), 9_000.0),  # Causse de Sévérac
    "causse_comtal": ((674_000.0, 6_371_000.0), 7_000.0),  # Causse Comtal (north of Rodez)
    "roquefort": ((693_000.0, 6_318_000.0), 17_000.0),  # sheep-milk basin of Roquefort
    "levezou": ((684_000.0, 6_347_000.0), 10_000.0),  # Lévézou plateau, lakes
    "marcillac": ((657_400.0, 6_375_200.0), 3_000.0),  # Vallon de Marcillac vineyard
    "tarn_millau": ((709_000.0, 6_337_000.0), 5_000.0),  # Tarn valley around Millau
    "forest_north": ((663_000.0, 6_405_000.0), 13_000.0),  # Carladez, Lot and Truyère gorges
    "forest_south": ((678_000.0, 6_298_000.0), 14_000.0),  # Rougier, Monts de Lacaune
}
CAUSSES = ("larzac", "causse_noir", "causse_severac", "causse_comtal")
TOWN_SIGMA_M = 4_000.0  # spread of the "near a town" effect (towns of TOWN_POP and more)
TOWN_POP = 5_000


def gauss(xy: np.ndarray, centre: Sequence[float], sigma: float) -> np.ndarray:
    """``exp(−d² / 2σ²)`` of each point's distance to ``centre``."""
    d2 = (xy[:, 0] - centre[0]) ** 2 + (xy[:, 1] - centre[1]) ** 2
    return np.exp(-d2 / (2.0 * sigma**2))


def region_weights(xy: np.ndarray, towns_xy: np.ndarray) -> dict[str, np.ndarray]:
    """Weight in [0, 1] of each region at each point (``causses`` = the strongest causse,
    ``urbain`` = the nearest town of :data:`TOWN_POP` inhabitants or more)."""
    w = {name: gauss(xy, c, s) for name, (c, s) in REGIONS.items()}
    w["causses"] = np.maximum.reduce([w[k] for k in CAUSSES])
    w["urbain"] = np.maximum.reduce([gauss(xy, t, TOWN_SIGMA_M) for t in towns_xy])
    return w


def bump_field(xy: np.ndarray, key: int, n: int, sigma: tuple[float, float], bounds) -> np.ndarray:
    """A smooth random field: ``n`` Gaussian bumps of random sign and spread (reproducible)."""
    rng = np.random.default_rng([SEED, key])
    cx = rng.uniform(bounds[0], bounds[2], n)
    cy = rng.uniform(bounds[1], bounds[3], n)
    s = rng.uniform(sigma[0], sigma[1], n)
    sign = rng.choice((-1.0, 1.0), n)
    out = np.zeros(len(xy))
    for k in range(n):
        out += sign[k] * gauss(xy, (cx[k], cy[k]), s[k])
    return out


def standardise(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / values.std()


# ---- inputs -----------------------------------------------------------------------------------


@dataclass
class Territory:
    """The real sample territory: communes (sorted by code), their anchors and the département."""

    communes: gpd.GeoDataFrame
    mairies: gpd.GeoDataFrame
    anchor_xy: np.ndarray
    departement: shapely.Geometry
    towns_xy: np.ndarray
    postcode: dict[str, str]

    @property
    def codes(self) -> list[str]:
        return self.communes["code_insee"].tolist()

    def index(self, code: str) -> int:
        return self.codes.index(code)


def load_territory(gpkg: Path) -> Territory:
    communes, mairies = services.load_inputs(gpkg)
    anchor_xy = services.anchors(communes, mairies)
    departement = shapely.union_all(communes.geometry.values)
    big = communes["population"].to_numpy() >= TOWN_POP
    # Postcode of each commune from its town hall; the two communes without one take the
    # postcode of the nearest town hall.
    halls = mairies.drop_duplicates("code_insee")
    known = dict(zip(halls["code_insee"], halls["code_postal"].astype(str)))
    halls_xy = np.column_stack([halls.geometry.x, halls.geometry.y])
    postcode = {}
    for i, code in enumerate(communes["code_insee"]):
        nearest = halls["code_insee"].iloc[
            int(np.argmin(np.linalg.norm(halls_xy - anchor_xy[i], axis=1)))
        ]
        postcode[code] = known.get(code, known[nearest])
    return Territory(communes, mairies, anchor_xy, departement, anchor_xy[big], postcode)


# =============================================================================================
# RPG parcels
# =============================================================================================


@dataclass(frozen=True)
class Crop:
    """A PAC crop code: its RPG group, label, share of the farmland and OSO land-cover class."""

    code: str
    group: int
    label: str
    share: float
    oso: int


#: Crops of the sample and their target shares of the parcels' area. Codes and labels:
#: ``@agencebio/rosetta-cultures`` 2.4.1 ``data/cpf.json`` (PAC list); groups: the ASP/IGN
#: code → group table (REF_CULTURES_GROUPES_CULTURES, as mirrored by AgenceBio's CartoBio,
#: ``src/referentiels/codes-pac.json``): PRL is a permanent grassland (18) there, SPH/SPL/BOP are
#: "estives et landes" (17). Shares: a plausible Aveyron profile (grassland and fodder dominant),
#: not statistics.
CROPS: tuple[Crop, ...] = (
    Crop("PPH", 18, "Prairie permanente - herbe prédominante", 0.4254, 13),
    Crop("PRL", 18, "Prairie en rotation longue (6 ans ou plus)", 0.07, 13),
    Crop("PTR", 19, "Autre prairie temporaire de 5 ans ou moins", 0.20, 13),
    Crop("RGA", 19, "Ray-grass de 5 ans ou moins", 0.03, 13),
    Crop("MLG", 16, "Mélange de légumineuses et de graminées fourragères", 0.012, 13),
    Crop("LUZ", 16, "Autre luzerne", 0.012, 13),
    Crop("TRE", 16, "Autre trèfle", 0.006, 13),
    Crop("MIE", 2, "Maïs ensilage", 0.020, 10),
    Crop("BTH", 1, "Blé tendre d’hiver", 0.030, 6),
    Crop("ORH", 3, "Orge d'hiver", 0.028, 6),
    Crop("ORP", 3, "Orge de printemps", 0.006, 6),
    Crop("TTH", 4, "Triticale d’hiver", 0.025, 6),
    Crop("AVH", 4, "Avoine d’hiver", 0.006, 6),
    Crop("MCR", 4, "Mélange de céréales", 0.010, 6),
    Crop("SGH", 4, "Seigle d’hiver", 0.003, 6),
    Crop("MIS", 2, "Maïs (hors maïs doux)", 0.008, 10),
    Crop("CZH", 5, "Colza d’hiver", 0.004, 5),
    Crop("TRN", 6, "Tournesol", 0.004, 9),
    Crop("FVL", 8, "Féverole semée avant le 31/05", 0.003, 7),
    Crop("PHI", 8, "Pois d’hiver", 0.002, 7),
    Crop("SPH", 17, "Surface pastorale - herbe prédominante", 0.060, 18),
    Crop(
        "SPL", 17, "Surface pastorale - ressources fourragères ligneuses prédominantes", 0.020, 19
    ),
    Crop("BOP", 17, "Bois pâturé", 0.003, 19),
    Crop("J5M", 11, "Jachère de 5 ans ou moins", 0.006, 13),
    Crop("VRG", 20, "Verger", 0.0015, 14),
    Crop("NOX", 22, "Noix", 0.0010, 14),
    Crop("CTG", 22, "Châtaigne", 0.0005, 14),
    Crop("VRC", 21, "Vigne : raisins de cuve", 0.0008, 15),
    Crop("FLA", 25, "Autre légume ou fruit annuel", 0.0012, 12),
    Crop("PTC", 25, "Pomme de terre de consommation", 0.0006, 12),
)
#: Catch crops (``CULTURE_D1`` / ``CULTURE_D2``) and their RPG groups.
CATCH_CROPS: dict[str, int] = {"MOT": 24, "VES": 16, "RGA": 19, "PCL": 28}
CATCH_ON = ("BTH", "ORH", "ORP", "TTH", "AVH", "MCR", "SGH", "MIS", "MIE", "CZH", "TRN")
CATCH_SHARE = 0.15  # parcels of those crops with a catch crop (CULTURE_D1), else empty
CATCH_SECOND = 0.1  # of which with a second one (CULTURE_D2)

_CEREALS = ("BTH", "ORH", "ORP", "TTH", "AVH", "MCR", "SGH", "MIS")
#: Multipliers of each crop's odds where a region's weight is 1 (interpolated in between).
REGION_EFFECTS: dict[str, dict[str, float]] = {
    "segala": {
        **dict.fromkeys(_CEREALS, 2.6),
        "MIE": 3.0,
        "PTR": 1.5,
        "RGA": 1.8,
        "PPH": 0.7,
        "SPH": 0.1,
        "SPL": 0.1,
        "CTG": 6.0,
        "NOX": 3.0,
    },
    "ouest": {**dict.fromkeys(_CEREALS, 2.0), "MIE": 2.0, "TRN": 4.0, "CZH": 3.0, "NOX": 6.0},
    "aubrac": {
        "PPH": 1.8,
        "SPH": 3.0,
        **dict.fromkeys(_CEREALS, 0.15),
        "MIE": 0.2,
        "PTR": 0.5,
        "RGA": 0.3,
    },
    "causses": {
        "SPH": 4.0,
        "SPL": 6.0,
        "BOP": 4.0,
        "LUZ": 2.5,
        "ORH": 1.6,
        "PPH": 0.7,
        "PTR": 0.6,
        "MIE": 0.2,
    },
    "roquefort": {"PTR": 1.3, "LUZ": 1.8, "MCR": 1.8, "MIE": 0.5},
    "levezou": {"PTR": 1.2, "PPH": 1.2, **dict.fromkeys(_CEREALS, 0.7)},
    "marcillac": {"VRC": 3000.0, "VRG": 30.0, "NOX": 20.0},
    "tarn_millau": {"VRC": 1000.0, "VRG": 40.0},
    "urbain": {"FLA": 30.0, "PTC": 15.0},
}
#: Parcel size: relative density of Voronoi seeds (smaller parcels where it is higher).
DENSITY_EFFECTS: dict[str, float] = {
    "segala": 0.4,
    "marcillac": 4.0,
    "tarn_millau": 2.0,
    "urbain": 0.8,
    "causses": -0.45,
    "aubrac": -0.35,
}
CELL_HA = 31.0  # mean area of a Voronoi cell (before the selection of farmland)
GAP_M = 12.0  # gap between neighbouring parcels (each cell is shrunk by half of it)
MIN_PARCEL_HA = 0.3
FARMLAND_TARGET = 0.57  # parcels' area / département area (SAU ≈ 55-60 % of Aveyron)


def farmland_shares(ter: Territory) -> np.ndarray:
    """Share of each commune's area covered by parcels.

    ≈ 0.6 with regional shifts (more in the Ségala and on the Aubrac, less in the forested
    north and south) and a per-commune draw of ± 0.05, reduced by the population density
    (towns) and near Rodez and Millau, then scaled so that the département's total is
    :data:`FARMLAND_TARGET`.
    """
    com = ter.communes
    centre = np.column_stack([com.geometry.centroid.x, com.geometry.centroid.y])
    w = region_weights(centre, ter.towns_xy)
    rng = np.random.default_rng([SEED, 1])
    base = (
        0.60
        + 0.07 * w["segala"]
        + 0.06 * w["aubrac"]
        + 0.03 * w["causses"]
        - 0.15 * w["forest_north"]
        - 0.12 * w["forest_south"]
        + rng.uniform(-0.05, 0.05, len(com))
    )
    area_ha = com.geometry.area.to_numpy() / 1e4
    density = com["population"].to_numpy() / area_ha
    urban = np.minimum(0.85, 0.045 * density)
    rodez = ter.anchor_xy[ter.index("12202")]
    millau = ter.anchor_xy[ter.index("12145")]
    near = 0.25 * np.maximum(
        gauss(ter.anchor_xy, rodez, 4_000.0), gauss(ter.anchor_xy, millau, 4_000.0)
    )
    scale = 1.0
    for _ in range(30):
        share = np.clip(scale * base * (1.0 - urban) - near, 0.05, 0.80)
        total = float((share * area_ha).sum() / area_ha.sum())
        scale *= FARMLAND_TARGET / total
    return np.clip(scale * base * (1.0 - urban) - near, 0.05, 0.80)


def voronoi_cells(points: np.ndarray, envelope: shapely.Geometry) -> np.ndarray:
    cells = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=envelope)
    return np.asarray(shapely.get_parts(cells), dtype=object)


def seed_points(ter: Territory, n: int) -> np.ndarray:
    """``n`` seeds inside the département (buffered 1 km), denser where parcels are smaller."""
    rng = np.random.default_rng([SEED, 2])
    area = shapely.buffer(ter.departement, 1_000.0)
    xmin, ymin, xmax, ymax = area.bounds
    shapely.prepare(area)
    out: list[np.ndarray] = []
    count = 0
    dmax = 1.0 + sum(v for v in DENSITY_EFFECTS.values() if v > 0)
    while count < n:
        xy = np.column_stack([rng.uniform(xmin, xmax, 20_000), rng.uniform(ymin, ymax, 20_000)])
        xy = xy[shapely.contains_xy(area, xy[:, 0], xy[:, 1])]
        w = region_weights(xy, ter.towns_xy)
        density = np.maximum(0.3, 1.0 + sum(v * w[k] for k, v in DENSITY_EFFECTS.items()))
        xy = xy[rng.uniform(0, dmax, len(xy)) < density]
        out.append(xy)
        count += len(xy)
    return np.concatenate(out)[:n]


def parcel_cells(ter: Territory) -> np.ndarray:
    """Shrunk Voronoi cells (one Lloyd step) clipped to the département: Polygons."""
    area_ha = ter.departement.area / 1e4
    seeds = seed_points(ter, round(area_ha / CELL_HA))
    envelope = shapely.box(*shapely.buffer(ter.departement, 5_000.0).bounds)
    cells = voronoi_cells(seeds, envelope)
    # one Lloyd step: regularises the cells without making them a lattice
    clip = shapely.buffer(ter.departement, 1_000.0)
    centroids = shapely.centroid(shapely.intersection(cells, clip))
    cells = voronoi_cells(shapely.get_coordinates(centroids), envelope)
    cells = shapely.buffer(cells, -GAP_M / 2.0, join_style="mitre")
    shapely.prepare(ter.departement)
    inside = shapely.within(cells, ter.departement)
    cells = cells.copy()
    border = np.flatnonzero(~inside & shapely.intersects(cells, ter.departement))
    cells[border] = shapely.intersection(cells[border], ter.departement)
    keep = inside.copy()
    keep[border] = True
    cells = cells[keep]
    # a clipped cell may fall apart: keep its largest polygon
    out = []
    for geom in cells:
        parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
        if parts:
            out.append(max(parts, key=lambda p: p.area))
    cells = shapely.set_precision(np.asarray(out, dtype=object), 0.01)
    cells = cells[(shapely.area(cells) >= MIN_PARCEL_HA * 1e4) & shapely.is_valid(cells)]
    cells = cells[shapely.get_type_id(cells) == 3]
    return cells


def commune_of_points(ter: Territory, xy: np.ndarray) -> np.ndarray:
    """Index of the commune containing each point (the nearest one for points outside all)."""
    tree = shapely.STRtree(ter.communes.geometry.values)
    pts = shapely.points(xy)
    p, c = tree.query(pts, predicate="within")
    out = np.full(len(xy), -1, dtype=np.int64)
    out[p] = c
    missing = np.flatnonzero(out < 0)
    if missing.size:
        _, near = tree.query_nearest(pts[missing], return_distance=False, all_matches=False)
        out[missing] = near
    return out


def select_farmland(ter: Territory, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cells kept as parcels (indices) and the commune of each cell (by its centroid)."""
    centre = shapely.get_coordinates(shapely.centroid(cells))
    commune = commune_of_points(ter, centre)
    area = shapely.area(cells)
    bounds = ter.departement.bounds
    score = standardise(bump_field(centre, 3, 90, (1_500.0, 5_000.0), bounds))
    score += 0.7 * np.random.default_rng([SEED, 4]).standard_normal(len(cells))
    target = farmland_shares(ter) * ter.communes.geometry.area.to_numpy()
    kept = []
    for c in range(len(ter.communes)):
        idx = np.flatnonzero(commune == c)
        idx = idx[np.argsort(-score[idx], kind="stable")]
        cum = np.cumsum(area[idx])
        k = int(np.searchsorted(cum, target[c]))
        # stop at the cell that brings the total nearest to the target
        if k < len(idx) and (k == 0 or cum[k] - target[c] < target[c] - cum[k - 1]):
            k += 1
        kept.append(idx[:k])
    sel = np.sort(np.concatenate(kept))
    return sel, commune


def draw_crops(ter: Territory, parcels: np.ndarray) -> np.ndarray:
    """Index into :data:`CROPS` of each parcel: regional odds, calibrated to the target mix."""
    xy = shapely.get_coordinates(shapely.centroid(parcels))
    area = shapely.area(parcels)
    w = region_weights(xy, ter.towns_xy)
    codes = [c.code for c in CROPS]
    odds = np.ones((len(parcels), len(CROPS)))
    for region, effects in REGION_EFFECTS.items():
        for code, mult in effects.items():
            if code in codes:
                k = codes.index(code)
                odds[:, k] *= 1.0 + w[region] * (mult - 1.0)
    target = np.array([c.share for c in CROPS])
    target = target / target.sum()
    m = target.copy()
    for _ in range(200):  # expected area shares = target (IPF on the crop margins)
        p = odds * m
        p /= p.sum(axis=1, keepdims=True)
        expected = (area[:, None] * p).sum(axis=0) / area.sum()
        m *= target / expected
    p = odds * m
    p /= p.sum(axis=1, keepdims=True)
    u = np.random.default_rng([SEED, 5]).uniform(size=len(parcels))
    cum = np.cumsum(p, axis=1)
    return np.minimum((cum < u[:, None]).sum(axis=1), len(CROPS) - 1)


def build_rpg(ter: Territory) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """The parcel layer and the commune index (by centroid) of each parcel."""
    cells = parcel_cells(ter)
    sel, commune = select_farmland(ter, cells)
    parcels, commune = cells[sel], commune[sel]
    # stable order: by commune, then north to south, west to east
    xy = shapely.get_coordinates(shapely.centroid(parcels))
    order = np.lexsort((np.round(xy[:, 0]), -np.round(xy[:, 1]), commune))
    parcels, commune = parcels[order], commune[order]
    crop = draw_crops(ter, parcels)
    rng = np.random.default_rng([SEED, 6])
    code = np.array([CROPS[k].code for k in crop])
    d1 = np.full(len(parcels), None, dtype=object)
    d2 = np.full(len(parcels), None, dtype=object)
    arable = np.isin(code, CATCH_ON)
    first = arable & (rng.uniform(size=len(parcels)) < CATCH_SHARE)
    catch = np.array(sorted(CATCH_CROPS))
    d1[first] = rng.choice(catch, int(first.sum()))
    second = first & (rng.uniform(size=len(parcels)) < CATCH_SECOND)
    for i in np.flatnonzero(second):
        d2[i] = str(rng.choice([c for c in catch if c != d1[i]]))
    frame = gpd.GeoDataFrame(
        {
            "ID_PARCEL": [str(10_000_001 + i) for i in range(len(parcels))],
            "SURF_PARC": np.round(shapely.area(parcels) / 1e4, 2),
            "CODE_CULTU": code,
            "CODE_GROUP": [str(CROPS[k].group) for k in crop],
            "CULTURE_D1": d1,
            "CULTURE_D2": d2,
            "ILLUSTRATIF": 1,
        },
        geometry=parcels,
        crs=ter.communes.crs,
    )
    return frame, commune


# =============================================================================================
# Land cover (OSO classes)
# =============================================================================================

PIXEL_M = 100.0
OSO_NAMES: dict[int, str] = {
    1: "Bâtis denses",
    2: "Bâtis diffus",
    3: "Zones industrielles et commerciales",
    4: "Surfaces routes",
    5: "Colza",
    6: "Céréales à pailles",
    7: "Protéagineux",
    8: "Soja",
    9: "Tournesol",
    10: "Maïs",
    11: "Riz",
    12: "Tubercules/racines",
    13: "Prairies",
    14: "Vergers",
    15: "Vignes",
    16: "Forêts de feuillus",
    17: "Forêts de conifères",
    18: "Pelouses",
    19: "Landes ligneuses",
    20: "Surfaces minérales",
    21: "Plages et dunes",
    22: "Glaciers ou neiges",
    23: "Eau",
}
#: Display colours (RGB) close to the usual OSO palette.
OSO_COLOURS: dict[int, tuple[int, int, int]] = {
    1: (255, 0, 255),
    2: (255, 85, 255),
    3: (255, 170, 255),
    4: (0, 255, 255),
    5: (255, 255, 0),
    6: (208, 255, 0),
    7: (161, 214, 0),
    8: (255, 171, 68),
    9: (214, 214, 0),
    10: (255, 85, 0),
    11: (197, 255, 255),
    12: (170, 170, 97),
    13: (170, 170, 0),
    14: (170, 170, 255),
    15: (85, 0, 0),
    16: (0, 156, 0),
    17: (0, 50, 0),
    18: (170, 255, 0),
    19: (85, 170, 127),
    20: (255, 0, 0),
    21: (255, 184, 2),
    22: (190, 190, 255),
    23: (0, 0, 255),
}
DENSE_HA_PER_INH = 0.012  # dense built-up area around a town hall
DIFFUSE_HA_PER_INH = 0.05  # diffuse built-up area (plus VILLAGE_HA for every commune)
VILLAGE_HA = 3.0
INDUSTRY_HA_PER_INH = 0.006  # one business park for each town of TOWN_POP or more
#: Two lakes (centre, semi-axes in metres, rotation in degrees): illustrative places, not the
#: real reservoirs' outlines.
LAKES = (
    ((686_000.0, 6_351_000.0), (2_600.0, 1_300.0), 35.0),  # Lévézou
    ((676_000.0, 6_416_000.0), (3_200.0, 700.0), -30.0),  # north (Truyère)
)


def raster_grid(ter: Territory) -> tuple[rasterio.Affine, int, int]:
    xmin, ymin, xmax, ymax = ter.departement.bounds
    x0 = np.floor(xmin / PIXEL_M) * PIXEL_M
    y1 = np.ceil(ymax / PIXEL_M) * PIXEL_M
    width = int(np.ceil((xmax - x0) / PIXEL_M))
    height = int(np.ceil((y1 - ymin) / PIXEL_M))
    return from_origin(x0, y1, PIXEL_M, PIXEL_M), width, height


def build_landcover(ter: Territory, rpg: gpd.GeoDataFrame) -> tuple[np.ndarray, rasterio.Affine]:
    """The OSO-class grid (uint8, 0 outside the département) and its transform."""
    transform, width, height = raster_grid(ter)
    shape = (height, width)
    inside = rasterize([(ter.departement, 1)], out_shape=shape, transform=transform, dtype="uint8")
    inside = inside.astype(bool)
    oso = {c.code: c.oso for c in CROPS}
    grid = rasterize(
        zip(rpg.geometry.values, [oso[c] for c in rpg["CODE_CULTU"]]),
        out_shape=shape,
        transform=transform,
        fill=0,
        dtype="uint8",
    )
    grid[~inside] = 0
    free = inside & (grid == 0)
    # pixel centres
    cols, rows = np.meshgrid(np.arange(width), np.arange(height))
    px = transform.c + (cols + 0.5) * PIXEL_M
    py = transform.f - (rows + 0.5) * PIXEL_M

    # water: two lakes
    for (cx, cy), (a, b), angle in LAKES:
        t = np.radians(angle)
        u = (px - cx) * np.cos(t) + (py - cy) * np.sin(t)
        v = -(px - cx) * np.sin(t) + (py - cy) * np.cos(t)
        lake = free & ((u / a) ** 2 + (v / b) ** 2 <= 1.0)
        grid[lake] = 23
        free &= ~lake

    # built-up areas around the town halls, by population
    rng = np.random.default_rng([SEED, 10])
    pop = ter.communes["population"].to_numpy()
    for (ax, ay), p in zip(ter.anchor_xy, pop):
        r1 = np.sqrt(DENSE_HA_PER_INH * p * 1e4 / np.pi)
        r2 = np.sqrt((DIFFUSE_HA_PER_INH * p + VILLAGE_HA) * 1e4 / np.pi) + r1
        r3 = 0.0
        if p >= TOWN_POP:
            angle = rng.uniform(0, 2 * np.pi)
            ix, iy = ax + 1.3 * r2 * np.cos(angle), ay + 1.3 * r2 * np.sin(angle)
            r3 = np.sqrt(INDUSTRY_HA_PER_INH * p * 1e4 / np.pi)
        reach = max(r2, 1.3 * r2 + r3) + PIXEL_M
        col0 = max(0, int((ax - reach - transform.c) / PIXEL_M))
        col1 = min(width, int((ax + reach - transform.c) / PIXEL_M) + 1)
        row0 = max(0, int((transform.f - ay - reach) / PIXEL_M))
        row1 = min(height, int((transform.f - ay + reach) / PIXEL_M) + 1)
        win = (slice(row0, row1), slice(col0, col1))
        d = np.hypot(px[win] - ax, py[win] - ay)
        f = free[win]
        sub = grid[win]
        if r3:
            di = np.hypot(px[win] - ix, py[win] - iy)
            sub[f & (di <= r3)] = 3
        sub[f & (d <= r2) & (sub == 0)] = 2
        sub[f & (d <= r1)] = 1
        free[win] &= sub == 0

    # the rest: heath and grassland on the causses, forest elsewhere (smooth patches)
    coarse_t, cw, ch = 500.0, int(np.ceil(width / 5)), int(np.ceil(height / 5))
    gx, gy = np.meshgrid(
        transform.c + (np.arange(cw) + 0.5) * coarse_t,
        transform.f - (np.arange(ch) + 0.5) * coarse_t,
    )
    gxy = np.column_stack([gx.ravel(), gy.ravel()])
    bounds = ter.departement.bounds

    def smooth(key: int) -> np.ndarray:
        f = standardise(bump_field(gxy, key, 120, (1_500.0, 4_000.0), bounds)).reshape(ch, cw)
        return zoom(f, 5, order=1)[:height, :width]

    w = region_weights(np.column_stack([px[free], py[free]]), ter.towns_xy)
    n1 = smooth(11)[free] + 0.5 * rng.standard_normal(int(free.sum()))
    n2 = smooth(12)[free] + 0.5 * rng.standard_normal(int(free.sum()))
    causse = w["causses"]
    conifer_share = np.clip(
        0.15 + 0.5 * w["levezou"] + 0.35 * w["segala"] + 0.45 * w["forest_south"], 0.0, 0.85
    )
    rank1 = _ranks(n1)
    rank2 = _ranks(n2)
    cls = np.where(rank2 < conifer_share, 17, 16).astype(np.uint8)
    cls[rank1 < 0.55 * causse] = 19
    cls[(rank1 >= 0.55 * causse) & (rank1 < 0.8 * causse)] = 18
    cls[(rank1 > 0.985) & (causse < 0.2)] = 19  # scattered heath elsewhere
    grid[free] = cls
    grid[~inside] = 0
    return grid, transform


def _ranks(values: np.ndarray) -> np.ndarray:
    """Rank of each value in [0, 1)."""
    out = np.empty(len(values))
    out[np.argsort(values, kind="stable")] = np.arange(len(values)) / len(values)
    return out


def write_landcover(path: Path, grid: np.ndarray, transform: rasterio.Affine) -> None:
    profile = {
        "driver": "GTiff",
        "width": grid.shape[1],
        "height": grid.shape[0],
        "count": 1,
        "dtype": "uint8",
        "crs": f"EPSG:{EPSG}",
        "transform": transform,
        "nodata": 0,
        "tiled": True,
        "blockxsize": 256,
        "blockysize": 256,
        "compress": "deflate",
        "zlevel": 9,
    }
    tmp = path.with_suffix(".tmp.tif")
    with rasterio.open(tmp, "w", **profile) as ds:
        ds.write(grid, 1)
        ds.write_colormap(1, {k: (*v, 255) for k, v in OSO_COLOURS.items()})
        ds.update_tags(
            ILLUSTRATIF="1",
            DESCRIPTION=(
                "Aveyron (12) — ILLUSTRATIF : occupation du sol générée par "
                "scripts/build_sample_supply.py (parcelles de rpg_illustratif, villes, forêts "
                "tirées au hasard), pas des données réelles ; nomenclature OSO 23 classes "
                "(CESBIO, produits 2018 et suivants), 0 = hors département (voir ATTRIBUTION)"
            ),
            NOMENCLATURE="oso2018",
            CLASSES="; ".join(f"{k} {v}" for k, v in OSO_NAMES.items()),
        )
        ds.set_band_description(1, "classe OSO (ILLUSTRATIF)")
    tmp.replace(path)


# =============================================================================================
# SIRENE stock
# =============================================================================================

#: The 54 and 35 columns, in the published order: the engine's reader's lists
#: (SUPPLY_AND_COMPLEMENTARITY.md §A3), so that the generator and the reader cannot drift apart.
ETAB_COLUMNS: tuple[str, ...] = ETABLISSEMENT_COLUMNS
UL_COLUMNS: tuple[str, ...] = UNITE_LEGALE_COLUMNS

#: Size classes (``trancheEffectifs…``) with the lower bound of employees (sirene_tranches.csv).
TRANCHE_MIN: dict[str, int] = {
    "00": 0,
    "01": 1,
    "02": 3,
    "03": 6,
    "11": 10,
    "12": 20,
    "21": 50,
    "22": 100,
    "31": 200,
    "32": 250,
    "41": 500,
    "42": 1000,
    "51": 2000,
    "52": 5000,
    "53": 10000,
}
TRANCHE_MID: dict[str, float] = {
    "NN": 0.0,
    "00": 0.0,
    "01": 1.5,
    "02": 4.0,
    "03": 7.5,
    "11": 14.5,
    "12": 34.5,
    "21": 74.5,
    "22": 149.5,
    "31": 224.5,
    "32": 374.5,
    "41": 749.5,
    "42": 1499.5,
    "51": 3499.5,
    "52": 7499.5,
    "53": 15000.0,
}
#: Size profiles: probabilities of the size classes.
SIZE_PROFILES: dict[str, dict[str, float]] = {
    "micro": {"NN": 0.50, "00": 0.10, "01": 0.22, "02": 0.12, "03": 0.06},
    "small": {"NN": 0.15, "00": 0.10, "01": 0.25, "02": 0.22, "03": 0.15, "11": 0.09, "12": 0.04},
    "medium": {"02": 0.10, "03": 0.20, "11": 0.35, "12": 0.25, "21": 0.10},
    "liberal": {"NN": 0.80, "01": 0.15, "02": 0.05},
    "assoc": {"NN": 0.80, "00": 0.05, "01": 0.10, "02": 0.04, "03": 0.01},
    "farm": {"NN": 0.58, "00": 0.12, "01": 0.20, "02": 0.08, "03": 0.02},
    "branch": {"01": 0.15, "02": 0.45, "03": 0.30, "11": 0.10},
}
#: Legal-form profiles: ``categorieJuridiqueUniteLegale`` codes and probabilities.
FORM_PROFILES: dict[str, dict[str, float]] = {
    "generic": {"1000": 0.45, "5499": 0.20, "5498": 0.10, "5710": 0.15, "5720": 0.10},
    "company": {"5499": 0.35, "5710": 0.35, "5720": 0.15, "5599": 0.05, "5498": 0.10},
    "liberal": {"1000": 0.80, "5485": 0.20},
    "sci": {"6540": 1.0},
    "assoc": {"9220": 1.0},
    "farm": {"1000": 0.45, "6533": 0.25, "6598": 0.22, "6597": 0.05, "5499": 0.03},
}
#: Legal forms of the social and solidarity economy (associations, cooperatives, mutuals).
ESS_FORMS = frozenset({"9220", "6316", "6317", "6318", "5458", "6411"})
#: Public bodies (never closed or moved here).
PUBLIC_FORMS = frozenset({"7113", "7210", "7220", "7331", "7346", "7348", "7364", "7366"})
FORM_PREFIX = {
    "5499": "SARL",
    "5498": "EURL",
    "5710": "SAS",
    "5720": "SASU",
    "5599": "SA",
    "5485": "SELARL",
    "6540": "SCI",
    "6533": "GAEC",
    "6598": "EARL",
    "6597": "SCEA",
}


@dataclass(frozen=True)
class Sector:
    """Establishments of one NAF sous-classe drawn per commune: Poisson(``per_1000`` × population
    / 1,000) where the commune has ``min_pop`` inhabitants or more."""

    naf: str
    word: str  # first word of generated names
    per_1000: float
    min_pop: int = 0
    forms: str = "generic"
    size: str = "micro"
    place: str = "centre"  # centre (near the town hall), rural (anywhere), zone (business park)


#: The rest of the economy (orders of magnitude for a rural département; illustrative).
SECTORS: tuple[Sector, ...] = (
    # construction
    Sector("41.20A", "CONSTRUCTIONS", 0.25, forms="company", size="small", place="zone"),
    Sector("43.12A", "TERRASSEMENTS", 0.22, forms="company", size="small", place="rural"),
    Sector("43.21A", "ELECTRICITE", 0.70),
    Sector("43.22A", "PLOMBERIE", 0.65),
    Sector("43.29A", "ISOLATION", 0.08),
    Sector("43.31Z", "PLATRERIE", 0.15),
    Sector("43.32A", "MENUISERIE", 0.45),
    Sector("43.33Z", "CARRELAGE", 0.20),
    Sector("43.34Z", "PEINTURE", 0.35),
    Sector("43.39Z", "FINITIONS", 0.15),
    Sector("43.91A", "CHARPENTE", 0.22, forms="company", size="small", place="zone"),
    Sector("43.91B", "COUVERTURE", 0.15),
    Sector("43.99C", "MACONNERIE", 0.75, size="small"),
    # trade and repair
    Sector("45.11Z", "AUTOMOBILES", 0.15, 1500, "company", "small", "zone"),
    Sector("45.20A", "GARAGE", 0.55),
    Sector("46.69B", "FOURNITURES", 0.04, 3000, "company", "small", "zone"),
    Sector("46.90Z", "NEGOCE", 0.08, forms="company"),
    Sector("47.19B", "BAZAR", 0.06, 1500),
    Sector("47.26Z", "TABAC PRESSE", 0.10, 800),
    Sector("47.41Z", "INFORMATIQUE", 0.03, 3000),
    Sector("47.52A", "QUINCAILLERIE", 0.08, 1500),
    Sector("47.59B", "MAISON", 0.06, 2000),
    Sector("47.62Z", "LIBRAIRIE PAPETERIE", 0.04, 3000),
    Sector("47.64Z", "SPORTS", 0.04, 3000),
    Sector("47.71Z", "MODE", 0.25, 1500),
    Sector("47.72A", "CHAUSSURES", 0.05, 3000),
    Sector("47.76Z", "FLEURS", 0.08, 1500),
    Sector("47.77Z", "BIJOUTERIE", 0.04, 3000),
    Sector("47.78C", "BOUTIQUE", 0.20, 800),
    Sector("47.81Z", "MARCHE", 0.08),
    Sector("47.91B", "VENTE A DISTANCE", 0.10),
    # hospitality
    Sector("55.10Z", "HOTEL", 0.30),
    Sector("55.20Z", "GITES", 0.15, place="rural"),
    Sector("55.30Z", "CAMPING", 0.05, place="rural"),
    Sector("56.10A", "RESTAURANT", 1.10),
    Sector("56.10C", "SNACK", 0.20, 1500),
    Sector("56.30Z", "BAR", 0.45),
    # transport
    Sector("49.41A", "TRANSPORTS", 0.30, forms="company", size="small", place="zone"),
    Sector("49.32Z", "TAXI", 0.20),
    Sector("86.90A", "AMBULANCES", 0.06, 1500, "company", "small"),
    # business and personal services
    Sector("62.01Z", "INFORMATIQUE", 0.12, forms="company"),
    Sector("66.22Z", "ASSURANCES", 0.18, 1000, "company"),
    Sector("68.20B", "SCI", 1.00, forms="sci", size="liberal"),
    Sector("68.31Z", "IMMOBILIER", 0.18, 1000, "company"),
    Sector("69.10Z", "AVOCAT", 0.15, 3000, "liberal", "liberal"),
    Sector("69.20Z", "EXPERTISE COMPTABLE", 0.18, 2000, "company", "small"),
    Sector("70.22Z", "CONSEIL", 0.35),
    Sector("71.11Z", "ARCHITECTE", 0.10, 1500, "liberal", "liberal"),
    Sector("71.12B", "INGENIERIE", 0.20, forms="company", size="small"),
    Sector("74.10Z", "DESIGN", 0.10),
    Sector("74.20Z", "PHOTO", 0.05),
    Sector("81.21Z", "NETTOYAGE", 0.15, forms="company", size="small"),
    Sector("81.30Z", "PAYSAGE", 0.20),
    Sector("82.99Z", "SERVICES", 0.12),
    Sector("96.02A", "COIFFURE", 0.65),
    Sector("96.02B", "ESTHETIQUE", 0.30),
    Sector("96.09Z", "SERVICES", 0.12),
    # health and care
    Sector("86.21Z", "CABINET MEDICAL", 0.70, 700, "liberal", "liberal"),
    Sector("86.23Z", "CABINET DENTAIRE", 0.35, 1500, "liberal", "liberal"),
    Sector("86.90D", "INFIRMIER", 0.75, 300, "liberal", "liberal"),
    Sector("86.90E", "KINESITHERAPIE", 0.50, 1000, "liberal", "liberal"),
    Sector("86.90F", "SANTE", 0.15, 1500, "liberal", "liberal"),
    Sector("88.10A", "AIDE A DOMICILE", 0.15, forms="assoc", size="small"),
    Sector("88.99B", "ACTION SOCIALE", 0.20, forms="assoc", size="assoc"),
    # education, culture, sport, associations
    Sector("85.51Z", "SPORT", 0.12),
    Sector("85.53Z", "AUTO-ECOLE", 0.06, 1500),
    Sector("85.59A", "FORMATION", 0.12, forms="company"),
    Sector("85.59B", "COURS", 0.15),
    Sector("90.01Z", "SPECTACLE", 0.12, forms="assoc", size="assoc"),
    Sector("93.12Z", "CLUB SPORTIF", 0.90, forms="assoc", size="assoc"),
    Sector("93.29Z", "LOISIRS", 0.15, forms="assoc", size="assoc"),
    Sector("94.99Z", "ASSOCIATION", 1.90, forms="assoc", size="assoc"),
    # manufacturing and energy
    Sector("25.62B", "MECANIQUE", 0.12, forms="company", size="small", place="zone"),
    Sector("33.12Z", "REPARATION", 0.15, forms="company", place="zone"),
    Sector("18.12Z", "IMPRIMERIE", 0.04, 2000, "company", "small", "zone"),
    Sector("16.23Z", "MENUISERIE INDUSTRIELLE", 0.07, forms="company", size="small", place="zone"),
    Sector("31.09B", "EBENISTERIE", 0.06),
    Sector("35.11Z", "CENTRALE SOLAIRE", 0.15, forms="company", size="liberal", place="rural"),
    Sector("38.11Z", "COLLECTE", 0.03, forms="company", size="small", place="zone"),
    # food trades (beyond the rules below)
    Sector("10.13B", "CHARCUTERIE", 0.12, 800, size="small"),
    Sector("47.21Z", "PRIMEUR", 0.05, 2000),
    Sector("47.24Z", "PATISSERIE", 0.03, 3000),
    Sector("47.25Z", "CAVE", 0.05, 2000),
    Sector("47.29Z", "FROMAGERIE", 0.04, 2000),
)
#: Population rules (as in bpe_illustratif): ``(naf, word, min_pop, max_pop, count(pop), size)``.
RULES: tuple[tuple[str, str, int, int, int, int, str], ...] = (
    # naf, word, min_pop, max_pop, base, per, size  → count = base + pop // per
    ("10.71C", "BOULANGERIE", 400, 10**9, 1, 2500, "small"),
    ("10.71D", "PATISSERIE", 5000, 10**9, 1, 10000, "micro"),
    ("47.22Z", "BOUCHERIE", 600, 10**9, 1, 5000, "micro"),
    ("47.11B", "EPICERIE", 300, 1500, 1, 10**9, "micro"),
    ("47.30Z", "STATION", 1000, 10**9, 1, 8000, "micro"),
    ("47.73Z", "PHARMACIE", 1500, 10**9, 1, 3000, "small"),
    ("75.00Z", "VETERINAIRE", 1500, 10**9, 1, 8000, "small"),
)
RATE_SCALE = 0.72  # all SECTORS rates × this

#: Farms: one per FARM_HA hectares of parcels (Poisson per commune); NAF odds by region.
FARM_HA = 215.0
FARM_TYPES: dict[str, dict[str, float]] = {
    # naf: {"base": odds, region: added odds where the region's weight is 1}
    "01.41Z": {"base": 0.03, "nord_ouest": 1.4, "ouest": 0.6, "segala": 0.35, "aubrac": 0.25},
    "01.45Z": {"base": 0.05, "roquefort": 1.6, "causses": 0.7, "levezou": 0.5},
    "01.42Z": {"base": 0.35, "aubrac": 0.6, "segala": 0.25, "levezou": 0.2},
    "01.11Z": {"base": 0.08, "segala": 0.25, "ouest": 0.25, "causse_comtal": 0.15},
    "01.50Z": {"base": 0.08},
    "01.46Z": {"base": 0.03, "segala": 0.12},
    "01.47Z": {"base": 0.03, "ouest": 0.10},
    "01.49Z": {"base": 0.02},
    "01.13Z": {"base": 0.01, "urbain": 0.40},
    "01.21Z": {"base": 0.0, "marcillac": 2.5, "tarn_millau": 1.2},
    "01.24Z": {"base": 0.003, "marcillac": 0.5, "tarn_millau": 0.4},
    "01.25Z": {"base": 0.004, "segala": 0.06, "ouest": 0.08},
}
LOGGING_HA = 2_500.0
#: Hydroelectric plants of the national producer: the communes nearest these points (the two
#: lakes of the land cover and the Tarn gorges).
HYDRO_SITES = (
    (686_000.0, 6_351_000.0),
    (676_000.0, 6_416_000.0),
    (682_000.0, 6_330_000.0),
)  # one logging business (02.20Z) per this many hectares of woods and heath


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Names for the generated entrepreneurs (common in the Rouergue) and places.
SURNAMES = _words(
    "ALAZARD ANDRIEU ARNAL ASTRUC BALDY BARRIAC BESOMBES BOUDOU BOUSQUET BOUYSSOU BOYER BRU "
    "CABROLIER CALMELS CAMBON CARRIERE CASTANIER CAYLA CLUZEL COMBES COSTES COUFFIGNAL CROS "
    "DALMAS DELMAS DURAND ESPINASSE FABRE FALGUIERES FOISSAC FOULQUIER FRAYSSE GALTIER GARRIC "
    "GAUBERT GINESTE GRIMAL JULIEN LACAN LACOMBE LAFON LAGARRIGUE LAUR LAVERGNE LIAUZUN "
    "MAJOREL MARTY MAUREL MAZARS MIQUEL MOLINIER MONTEILLET NAYRAC NOGARET PAGES PRADEL PUECH "
    "RAYNAL REY RIGAL ROQUES ROUQUETTE SAHUC SALLES SEGUI SERIN SOULIE TRINQUIER TRUEL VABRE "
    "VAYSSETTES VERNHET VIDAL VIGUIER"
)
MALE = _words(
    "ALAIN BERNARD CHRISTIAN DAVID FRANCIS JEAN JEROME JULIEN LAURENT LOUIS MARC NICOLAS "
    "PASCAL PATRICK PIERRE SEBASTIEN THIERRY THOMAS"
)
FEMALE = _words(
    "ANNE CAMILLE CATHERINE CHRISTINE CLAIRE ELODIE EMILIE ISABELLE JULIE LAURA MARIE MARTINE "
    "NATHALIE SANDRINE SOPHIE SYLVIE VALERIE VIRGINIE"
)
LIEUX_DITS = (
    "LA BORIE",
    "LE MAS",
    "LES COMBES",
    "LA PRADE",
    "LE PUECH",
    "LA CAZE",
    "LE BRUEL",
    "LA VAYSSIERE",
    "LE CAYROL",
    "LA GARRIGUE",
    "LE MAZET",
    "LA FAGE",
    "LES FALGUIERES",
    "LE BOUSQUET",
    "LA ROUQUETTE",
    "LE TRUEL",
    "LA BESSE",
    "LES CAMPS",
    "LE COUDERC",
    "LA SERRE",
    "LE FRAYSSE",
    "LE VERDIER",
    "LA BOISSONNADE",
    "LES CAUSSES",
)
STREETS = (
    ("RUE", "DU BOURG"),
    ("RUE", "DE LA REPUBLIQUE"),
    ("AV", "DE RODEZ"),
    ("PL", "DE L'EGLISE"),
    ("RTE", "DE VILLEFRANCHE"),
    ("BD", "GAMBETTA"),
    ("RUE", "DES ECOLES"),
    ("AV", "DU GENERAL DE GAULLE"),
    ("RUE", "DE LA GARE"),
    ("CHE", "DES CRETES"),
    ("IMP", "DES LILAS"),
    ("ALL", "DES PLATANES"),
    ("RUE", "DU FOIRAIL"),
    ("PL", "DU FOIRAIL"),
    ("RUE", "DE LA MAIRIE"),
    ("AV", "JEAN JAURES"),
    ("RUE", "PASTEUR"),
    ("RUE", "NATIONALE"),
    ("RTE", "D'ESPALION"),
    ("AV", "DE MILLAU"),
)
ZONES = ("BEL AIR", "LA GARE", "LES MOLIERES", "LE PUECH", "LA PLAINE", "LES CAZES", "CANTARANNE")


def luhn_ok(digits: str) -> bool:
    """Luhn check of a SIREN (9 digits) or SIRET (14 digits)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_key(digits: str) -> str:
    """The digit that makes ``digits + key`` pass the Luhn check."""
    return next(d for d in "0123456789" if luhn_ok(digits + d))


def upper_ascii(text: str) -> str:
    """``"Sévérac d'Aveyron"`` → ``"SEVERAC D'AVEYRON"`` (SIRENE's commune labels)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return plain.upper()


@dataclass(frozen=True)
class Place:
    """A commune where establishments are placed (outside Aveyron: a city centre)."""

    code: str
    name: str  # libelleCommuneEtablissement
    postcode: str
    xy: tuple[float, float]
    pop: int = 0
    inner: Optional[object] = None  # prepared polygon shrunk by 10 m
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    epci: str = ""
    outside: bool = False


#: Communes outside Aveyron used for head offices and other branches: code, label, postcode,
#: longitude, latitude (city centres, approximate).
OUTSIDE: tuple[tuple[str, str, str, float, float], ...] = (
    ("31555", "TOULOUSE", "31000", 1.4442, 43.6045),
    ("31044", "BALMA", "31130", 1.4994, 43.6111),
    ("81004", "ALBI", "81000", 2.1486, 43.9289),
    ("81065", "CASTRES", "81100", 2.2400, 43.6060),
    ("81060", "CARMAUX", "81400", 2.1586, 44.0506),
    ("46102", "FIGEAC", "46100", 2.0317, 44.6086),
    ("46042", "CAHORS", "46000", 1.4406, 44.4475),
    ("15014", "AURILLAC", "15000", 2.4444, 44.9264),
    ("15187", "SAINT-FLOUR", "15100", 3.0931, 45.0339),
    ("48095", "MENDE", "48000", 3.4994, 44.5181),
    ("48092", "MARVEJOLS", "48100", 3.2911, 44.5539),
    ("34172", "MONTPELLIER", "34000", 3.8767, 43.6108),
    ("34142", "LODEVE", "34700", 3.3197, 43.7314),
    ("82121", "MONTAUBAN", "82000", 1.3547, 44.0176),
    ("53130", "LAVAL", "53000", -0.7706, 48.0706),
    ("91377", "MASSY", "91300", 2.2708, 48.7307),
    ("93070", "SAINT-OUEN-SUR-SEINE", "93400", 2.3342, 48.9119),
    ("92040", "ISSY-LES-MOULINEAUX", "92130", 2.2700, 48.8245),
    ("92026", "COURBEVOIE", "92400", 2.2522, 48.8973),
    ("79191", "NIORT", "79000", -0.4594, 46.3236),
    ("59350", "LILLE", "59000", 3.0573, 50.6292),
    ("42218", "SAINT-ETIENNE", "42000", 4.3872, 45.4340),
    *((f"751{a:02d}", f"PARIS {a}", f"750{a:02d}", 2.3488, 48.8534) for a in range(1, 21)),
)
#: Neighbouring cities where national networks have other branches.
NEIGHBOUR_CITIES = (
    "31555",
    "81004",
    "81065",
    "81060",
    "46102",
    "46042",
    "15014",
    "15187",
    "48095",
    "48092",
    "34172",
    "34142",
    "82121",
)


@dataclass
class Unit:
    """A legal unit (``StockUniteLegale`` row) and its establishments."""

    siren: str
    form: str
    naf: str
    created: date
    name: str = ""  # denominationUniteLegale (legal persons)
    person: Optional[tuple[str, str, str, str]] = None  # nom, prenom1, prenom2, sexe
    ess: str = "N"
    category: Optional[str] = None  # None: drawn from the size
    tranche: Optional[str] = None  # None: from the establishments
    sigle: str = ""
    diffusion: str = "O"
    estabs: list[Estab] = field(default_factory=list)


@dataclass
class Estab:
    """An establishment (``StockEtablissement`` row)."""

    unit: Unit
    place: Place
    naf: str
    tranche: str
    siege: bool
    created: date
    closed: Optional[date] = None
    kind: str = "centre"  # where it is: centre, rural, zone, outside
    enseigne: str = ""
    cedex: tuple[str, str] = ("", "")
    xy: Optional[tuple[float, float]] = None
    coords: str = "ok"  # ok, empty, masked


class SireneBuilder:
    """Builds the illustrative stock: units, establishments, then the two CSV tables."""

    def __init__(self, ter: Territory) -> None:
        self.ter = ter
        self.rng = np.random.default_rng([SEED, 20])
        self.units: list[Unit] = []
        self._sirens: set[str] = set()
        com = ter.communes
        self.places: dict[str, Place] = {}
        for i, row in enumerate(com.itertuples()):
            shrunk = row.geometry.buffer(-10.0)
            self.places[row.code_insee] = Place(
                code=row.code_insee,
                name=upper_ascii(row.nom),
                postcode=ter.postcode[row.code_insee],
                xy=(float(ter.anchor_xy[i, 0]), float(ter.anchor_xy[i, 1])),
                pop=int(row.population),
                inner=prep(shrunk if not shrunk.is_empty else row.geometry),
                bounds=row.geometry.bounds,
                epci=row.siren_epci,
            )
        to_l93 = Transformer.from_crs("EPSG:4326", f"EPSG:{EPSG}", always_xy=True)
        for code, name, cp, lon, lat in OUTSIDE:
            x, y = to_l93.transform(lon, lat)
            self.places[code] = Place(code, name, cp, (float(x), float(y)), outside=True)

    # -- identifiers and dates ---------------------------------------------------------------

    def new_siren(self, prefix: str = "") -> str:
        while True:
            body = prefix + "".join(str(d) for d in self.rng.integers(0, 10, 8 - len(prefix)))
            if body[0] == "0":
                continue
            siren = body + luhn_key(body)
            if siren not in self._sirens:
                self._sirens.add(siren)
                return siren

    def date_between(self, start: date, end: date) -> date:
        span = (end - start).days
        return start + timedelta(days=int(self.rng.integers(0, max(span, 1))))

    def creation_date(self, oldest: int = 1960, mean_age: float = 14.0) -> date:
        age = min(self.rng.exponential(mean_age), STOCK_DATE.year - oldest)
        year = STOCK_DATE.year - 1 - int(age)
        return self.date_between(date(year, 1, 1), date(year, 12, 31))

    def pick(self, profile: dict[str, float]) -> str:
        keys = list(profile)
        p = np.array([profile[k] for k in keys])
        return str(keys[int(self.rng.choice(len(keys), p=p / p.sum()))])

    # -- units and establishments ------------------------------------------------------------

    def person(self) -> tuple[str, str, str, str]:
        sexe = "M" if self.rng.uniform() < 0.6 else "F"
        names = MALE if sexe == "M" else FEMALE
        first = str(self.rng.choice(names))
        second = str(self.rng.choice(names)) if self.rng.uniform() < 0.4 else ""
        return str(self.rng.choice(SURNAMES)), first, second, sexe

    def unit(
        self,
        form: str,
        naf: str,
        name: str = "",
        *,
        created: Optional[date] = None,
        ess: Optional[str] = None,
        category: Optional[str] = None,
        tranche: Optional[str] = None,
        siren: Optional[str] = None,
        sigle: str = "",
    ) -> Unit:
        person = self.person() if form == "1000" else None
        if form != "1000" and not name:
            surname = str(self.rng.choice(SURNAMES))
            name = f"{FORM_PREFIX.get(form, '')} {surname}".strip()
        if siren is None:
            siren = self.new_siren()
        else:
            self._sirens.add(siren)
        u = Unit(
            siren=siren,
            form=form,
            naf=naf,
            created=created or self.creation_date(),
            name=name,
            person=person,
            ess=ess if ess is not None else ("O" if form in ESS_FORMS else "N"),
            category=category,
            tranche=tranche,
            sigle=sigle,
        )
        self.units.append(u)
        return u

    def estab(
        self,
        unit: Unit,
        code: str,
        naf: Optional[str] = None,
        tranche: str = "NN",
        *,
        siege: bool = False,
        kind: str = "centre",
        created: Optional[date] = None,
        closed: Optional[date] = None,
        enseigne: str = "",
        cedex: tuple[str, str] = ("", ""),
    ) -> Estab:
        place = self.places[code]
        if created is None:
            created = (
                unit.created if not unit.estabs else self.date_between(unit.created, STOCK_DATE)
            )
        e = Estab(
            unit=unit,
            place=place,
            naf=naf or unit.naf,
            tranche=tranche,
            siege=siege,
            created=created,
            closed=closed,
            kind="outside" if place.outside else kind,
            enseigne=enseigne,
            cedex=cedex,
        )
        unit.estabs.append(e)
        return e

    def local(
        self,
        code: str,
        naf: str,
        word: str,
        forms: str = "generic",
        size: str = "micro",
        kind: str = "centre",
        *,
        tranche: Optional[str] = None,
        enseigne: str = "",
    ) -> Unit:
        """A single-establishment unit headquartered in commune ``code``."""
        form = self.pick(FORM_PROFILES[forms])
        name = ""
        if form != "1000":
            place = self.places[code].name
            if form in ("9220",):
                name = (
                    f"{word} {place}"
                    if self.rng.uniform() < 0.6
                    else f"{word} {self.rng.choice(LIEUX_DITS)}"
                )
            elif form == "6540":
                name = f"SCI {self.rng.choice(SURNAMES)}"
            else:
                prefix = FORM_PREFIX.get(form, "")
                name = f"{prefix} {word} {self.rng.choice(SURNAMES)}".strip()
        u = self.unit(form, naf, name)
        t = tranche or self.pick(SIZE_PROFILES[size])
        self.estab(u, code, naf, t, siege=True, kind=kind, enseigne=enseigne)
        return u

    # -- the economy -------------------------------------------------------------------------

    def nearest_commune(self, xy: tuple[float, float]) -> str:
        d = np.linalg.norm(self.ter.anchor_xy - np.asarray(xy), axis=1)
        return self.ter.codes[int(np.argmin(d))]

    def build(self, farmland_ha: np.ndarray, wood_ha: np.ndarray) -> None:
        self.public_sector()
        self.farms(farmland_ha, wood_ha)
        self.food_chains()
        self.national_networks()
        self.population_economy()
        self.secondary_sites()
        self.closed_establishments()
        self.no_coordinates()
        self.finish()

    def public_sector(self) -> None:
        """Communes, EPCI, département, hospitals, collèges and State services (ministries'
        head offices in Paris)."""
        com = self.ter.communes
        for row in com.itertuples():
            p = int(row.population)
            tranche = (
                "01"
                if p < 300
                else "02"
                if p < 800
                else "03"
                if p < 2000
                else "11"
                if p < 4000
                else "12"
                if p < 8000
                else "21"
                if p < 12000
                else "32"
            )
            u = self.unit(
                "7210",
                "84.11Z",
                f"COMMUNE DE {self.places[row.code_insee].name}",
                created=date(1983, 3, 1),
                category="",
                siren=self.new_siren("21" + row.code_insee + "0"),
            )
            self.estab(u, row.code_insee, tranche=tranche, siege=True)
        # EPCI: real SIREN (DGCL), head office in the most populated member commune
        epci = self.ter.communes.sort_values("population", ascending=False).drop_duplicates(
            "siren_epci"
        )
        for row in epci.sort_values("siren_epci").itertuples():
            pop = int(com.loc[com["siren_epci"] == row.siren_epci, "population"].sum())
            form = "7348" if row.nom_epci.startswith("CA ") else "7346"
            u = self.unit(
                form,
                "84.11Z",
                upper_ascii(row.nom_epci.replace("CC ", "COMMUNAUTE DE COMMUNES ")),
                created=date(2017, 1, 1),
                category="",
                siren=row.siren_epci,
            )
            t = "21" if pop > 40_000 else "12" if pop > 10_000 else "11"
            if row.siren_epci == "200067361":  # Grand-Figeac: seat in Figeac (Lot)
                self.estab(u, "46102", tranche="21", siege=True)
                self.estab(u, row.code_insee, tranche="02")
            else:
                self.estab(u, row.code_insee, tranche=t, siege=True)
        # département, hospitals, collèges
        dep = self.unit(
            "7220", "84.11Z", "DEPARTEMENT DE L'AVEYRON", created=date(1983, 3, 1), category=""
        )
        self.estab(dep, "12202", tranche="41", siege=True, cedex=("12031", "RODEZ CEDEX 9"))
        for code in ("12145", "12300", "12208", "12096", "12089"):
            self.estab(dep, code, tranche="11")
        for code, tranche in (
            ("12202", "42"),
            ("12145", "32"),
            ("12300", "31"),
            ("12089", "21"),
            ("12208", "21"),
            ("12096", "12"),
        ):
            name = f"CENTRE HOSPITALIER DE {self.places[code].name}"
            u = self.unit("7364", "86.10Z", name, created=date(1970, 1, 1), category="")
            self.estab(u, code, tranche=tranche, siege=True)
        for row in com[com["population"] >= 1800].itertuples():
            u = self.unit(
                "7331", "85.31Z", f"COLLEGE DE {self.places[row.code_insee].name}", category=""
            )
            self.estab(
                u, row.code_insee, tranche=self.pick({"11": 0.3, "12": 0.6, "21": 0.1}), siege=True
            )
        # State services: ministries' head offices in Paris
        interior = self.unit(
            "7113",
            "84.11Z",
            "MINISTERE DE L'INTERIEUR",
            created=date(1983, 3, 1),
            category="",
            tranche="53",
        )
        self.estab(interior, "75108", tranche="41", siege=True)
        self.estab(
            interior,
            "12202",
            tranche="22",
            cedex=("12030", "RODEZ CEDEX 9"),
            enseigne="PREFECTURE DE L'AVEYRON",
        )
        for code in ("12145", "12300"):
            self.estab(interior, code, tranche="11", enseigne="SOUS-PREFECTURE")
        for code in NEIGHBOUR_CITIES[:6]:
            self.estab(interior, code, tranche="12")
        for row in com[com["population"] >= 1500].itertuples():  # gendarmerie brigades
            self.estab(
                interior, row.code_insee, "84.24Z", self.pick({"02": 0.3, "03": 0.5, "11": 0.2})
            )
        for code in NEIGHBOUR_CITIES[:8]:
            self.estab(interior, code, "84.24Z", "11")
        finances = self.unit(
            "7113",
            "84.11Z",
            "MINISTERE DE L'ECONOMIE ET DES FINANCES",
            created=date(1983, 3, 1),
            category="",
            tranche="53",
        )
        self.estab(finances, "75112", tranche="41", siege=True)
        for code, t in (
            ("12202", "21"),
            ("12145", "12"),
            ("12300", "12"),
            ("12208", "11"),
            ("12096", "11"),
            ("12089", "11"),
        ):
            self.estab(finances, code, tranche=t)
        for code in NEIGHBOUR_CITIES[:5]:
            self.estab(finances, code, tranche="12")

    def farms(self, farmland_ha: np.ndarray, wood_ha: np.ndarray) -> None:
        """Farms (∝ parcels' area), CUMA, agricultural contractors, logging businesses."""
        rng = self.rng
        codes = self.ter.codes
        w = region_weights(self.ter.anchor_xy, self.ter.towns_xy)
        nafs = list(FARM_TYPES)
        odds = np.zeros((len(codes), len(nafs)))
        for k, naf in enumerate(nafs):
            spec = FARM_TYPES[naf]
            odds[:, k] = spec["base"] + sum(v * w[r] for r, v in spec.items() if r != "base")
        odds /= odds.sum(axis=1, keepdims=True)
        for i, code in enumerate(codes):
            n = int(rng.poisson(farmland_ha[i] / FARM_HA))
            for _ in range(n):
                naf = nafs[int(rng.choice(len(nafs), p=odds[i]))]
                form = self.pick(FORM_PROFILES["farm"])
                name = ""
                if form in ("6533", "6540", "6597", "6598"):
                    where = str(rng.choice(LIEUX_DITS))
                    name = (
                        f"{FORM_PREFIX[form]} DE {where}"
                        if rng.uniform() < 0.5
                        else f"{FORM_PREFIX[form]} {rng.choice(SURNAMES)}"
                    )
                elif form == "5499":
                    name = f"SARL {rng.choice(SURNAMES)} ELEVAGE"
                u = self.unit(form, naf, name, created=self.creation_date(1965, 16.0))
                self.estab(
                    u, code, tranche=self.pick(SIZE_PROFILES["farm"]), siege=True, kind="rural"
                )
            if n >= 8 and rng.uniform() < 0.35:
                u = self.unit(
                    "6316", "01.61Z", f"CUMA DE {self.places[code].name}", sigle="CUMA", category=""
                )
                self.estab(
                    u,
                    code,
                    tranche=self.pick({"NN": 0.5, "00": 0.2, "01": 0.3}),
                    siege=True,
                    kind="rural",
                )
            if rng.uniform() < 0.25 * min(1.0, n / 10):
                self.local(code, "01.61Z", "TRAVAUX AGRICOLES", "generic", "micro", "rural")
            for naf, per in (
                ("02.20Z", LOGGING_HA),
                ("02.10Z", 4 * LOGGING_HA),
                ("02.40Z", 8 * LOGGING_HA),
            ):
                for _ in range(int(rng.poisson(wood_ha[i] / per))):
                    self.local(code, naf, "EXPLOITATION FORESTIERE", "generic", "micro", "rural")
        # livestock services (insemination cooperative) and veterinarians come from the rules
        coop = self.unit("6317", "01.62Z", "COOPERATIVE D'ELEVAGE DU ROUERGUE", category="PME")
        self.estab(coop, "12202", tranche="12", siege=True, kind="zone")
        for code in ("12300", "12208", "12119"):
            self.estab(coop, code, tranche="02", kind="zone")

    def food_chains(self) -> None:
        """The agri-food stages, placed by hand, with the deliberate missing links.

        * dairies (10.51*) only around Roquefort-sur-Soulzon and in Rodez and Laguiole: the
          dairy farms of the north-west and the Ségala have none within 30 minutes; the dairy
          of Villefranche-de-Rouergue is closed;
        * one abattoir (10.11Z), in Rodez; the one of Villefranche-de-Rouergue is closed;
        * no flour mill (10.61*) in Aveyron (one in Albi, Tarn; the one of Rieupeyroux is
          closed), no oil mill (10.41*) anywhere.
        """
        u = self.unit(
            "6317",
            "10.51C",
            "COOPERATIVE FROMAGERE DE L'AUBRAC",
            category="PME",
            created=date(1960, 6, 1),
        )
        self.estab(u, "12119", tranche="21", siege=True, kind="zone")
        big = self.unit(
            "5710",
            "10.51C",
            "FROMAGERIES DU COMBALOU",
            category="GE",
            tranche="52",
            created=date(1968, 1, 1),
        )
        self.estab(big, "53130", tranche="41", siege=True)
        self.estab(big, "12203", tranche="22", enseigne="CAVES DU COMBALOU")
        self.estab(big, "15014", tranche="21")
        self.estab(big, "48092", tranche="12")
        caves = self.unit(
            "5710", "10.51C", "CAVES ROQUEFORTAISES", category="ETI", created=date(1950, 3, 1)
        )
        self.estab(caves, "12203", tranche="21", siege=True)
        self.local("12203", "10.51C", "AFFINAGE", "company", "micro", tranche="02")
        sheep = self.unit("5710", "10.51C", "FROMAGERIE DU SAINT-AFFRICAIN", category="PME")
        self.estab(sheep, "12208", tranche="12", siege=True, kind="zone")
        dairy = self.unit("5710", "10.51A", "LAITERIE DU ROUERGUE", category="PME")
        self.estab(dairy, "12202", tranche="12", siege=True, kind="zone")
        for code in ("12202", "12208"):
            self.local(code, "46.33Z", "PRODUITS LAITIERS", "company", "small", "zone")
        # meat: one abattoir in Rodez (a semi-public company), processors in the Ségala
        abattoir = self.unit("5515", "10.11Z", "ABATTOIR DU ROUERGUE", category="PME")
        self.estab(abattoir, "12202", tranche="21", siege=True, kind="zone")
        for code in ("12056", "12169"):
            self.local(code, "10.13A", "SALAISONS", "company", "medium", "zone")
        for code in ("12056", "12120", "12197", "12198", "12300", "12119"):
            self.local(code, "46.23Z", "BESTIAUX", "company", "small", "rural")
        for code in ("12202", "12300"):
            self.local(code, "46.32A", "VIANDES", "company", "small", "zone")
        # grain: a cooperative of Rodez collects and stores; the mill is in Albi
        grain = self.unit(
            "6317",
            "46.21Z",
            "COOPERATIVE AGRICOLE DU ROUERGUE",
            category="ETI",
            created=date(1947, 5, 1),
        )
        self.estab(grain, "12202", tranche="22", siege=True, kind="zone")
        for code in ("12056", "12300", "12197", "12120", "12169", "12270", "46102"):
            self.estab(grain, code, tranche=self.pick({"02": 0.5, "03": 0.5}), kind="zone")
        self.estab(grain, "12300", "10.91Z", "11", kind="zone")
        self.local("12056", "10.91Z", "ALIMENTS DU BETAIL", "company", "medium", "zone")
        self.local("12202", "52.10B", "STOCKAGE", "company", "small", "zone")
        mill = self.unit("5710", "10.61A", "MINOTERIE ALBIGEOISE", category="PME")
        self.estab(mill, "81004", tranche="12", siege=True)
        self.local("12202", "10.72Z", "BISCUITERIE", "company", "small", "zone")
        # fruit, vegetables, wine
        self.local("12138", "10.39B", "CONFITURES", "company", "small", "zone")
        self.local("12202", "46.31Z", "PRIMEURS EN GROS", "company", "small", "zone")
        cave = self.unit("6318", "11.02B", "CAVE DES VIGNERONS DU VALLON", category="PME")
        self.estab(cave, "12138", tranche="03", siege=True)
        cave2 = self.unit("6318", "11.02B", "CAVE DES COTES DE MILLAU", category="PME")
        self.estab(cave2, "12145", tranche="02", siege=True)
        self.local("12202", "46.34Z", "VINS", "company", "micro", "zone")
        # wood: sawmills where there are woods, timber trade
        for code in (
            "12198",
            "12169",
            "12197",
            "12250",
            "12224",
            "12096",
            "12300",
            "12089",
            "12208",
        ):
            self.local(code, "16.10A", "SCIERIE", "company", "small", "zone")
        self.local("12197", "16.10B", "TRAITEMENT DU BOIS", "company", "small", "zone")
        self.local("12202", "16.24Z", "EMBALLAGES BOIS", "company", "small", "zone")
        for code in ("12202", "12300"):
            self.local(code, "46.73A", "BOIS ET MATERIAUX", "company", "small", "zone")
        heat = self.unit("5515", "35.30Z", "RESEAU DE CHALEUR DU GRAND RODEZ", category="PME")
        self.estab(heat, "12202", tranche="02", siege=True, kind="zone")
        # catering
        for code in ("12202", "12145"):
            self.local(code, "56.29B", "RESTAURATION", "company", "small", "zone")

    def national_networks(self) -> None:
        """Branches of units headquartered outside Aveyron (and their other branches)."""
        com = self.ter.communes
        pop = dict(zip(com["code_insee"], com["population"]))
        rng = self.rng

        def network(
            form, naf, name, hq, category, where, ess="N", tranche="branch", others=0, created=None
        ):
            u = self.unit(
                form,
                naf,
                name,
                ess=ess,
                category=category,
                tranche="53" if category == "GE" else None,
                created=created,
            )
            self.estab(u, hq, tranche="41" if category == "GE" else "12", siege=True)
            for code in where:
                t = self.pick(SIZE_PROFILES[tranche]) if tranche in SIZE_PROFILES else tranche
                self.estab(u, code, tranche=t)
            picks = rng.choice(len(NEIGHBOUR_CITIES), size=others, replace=True)
            for k in picks:
                self.estab(u, NEIGHBOUR_CITIES[int(k)], tranche=self.pick(SIZE_PROFILES["branch"]))
            return u

        def towns(min_pop: int, extra: float = 0.0) -> list[str]:
            out = []
            for code, p in sorted(pop.items()):
                if p >= min_pop or (p >= min_pop / 2 and rng.uniform() < extra):
                    out.append(code)
            return out

        posts = [c for c in towns(1500) for _ in range(1 + pop[c] // 10000)]
        network("5510", "53.10Z", "SOCIETE POSTALE NATIONALE", "75115", "GE", posts, others=60)
        network(
            "5599",
            "64.19Z",
            "CAISSE MUTUALISTE DU SUD-OUEST",
            "81004",
            "GE",
            towns(1500, 0.5),
            ess="O",
            others=40,
        )
        network(
            "5599",
            "64.19Z",
            "BANQUE COOPERATIVE OCCITANE",
            "31044",
            "GE",
            towns(3000),
            ess="O",
            others=30,
        )
        network(
            "5599", "64.19Z", "BANQUE NATIONALE DE DEPOTS", "75109", "GE", towns(7000), others=30
        )
        network(
            "6411",
            "65.12Z",
            "MUTUELLE D'ASSURANCE DES TERRITOIRES",
            "79191",
            "GE",
            ["12202", "12145", "12300", "12208", "12096", "12089"],
            ess="O",
            others=15,
        )
        network(
            "5599",
            "61.10Z",
            "OPERATEUR NATIONAL DE TELECOMMUNICATIONS",
            "92040",
            "GE",
            ["12202", "12145"],
            others=6,
        )
        hydro = [self.nearest_commune(xy) for xy in HYDRO_SITES]
        network(
            "5599",
            "35.11Z",
            "PRODUCTEUR NATIONAL D'ELECTRICITE",
            "75108",
            "GE",
            hydro,
            tranche="11",
            others=4,
        )
        network(
            "5599",
            "35.13Z",
            "GESTIONNAIRE NATIONAL DU RESEAU ELECTRIQUE",
            "92026",
            "GE",
            ["12202", "12145", "12300"],
            tranche="12",
            others=6,
        )
        network(
            "5710",
            "78.20Z",
            "TRAVAIL TEMPORAIRE NATIONAL",
            "75108",
            "GE",
            ["12202", "12202", "12145", "12300"],
            tranche="01",
            others=10,
        )
        network(
            "5710",
            "47.52B",
            "BRICOLAGE NATIONAL",
            "59350",
            "GE",
            ["12202", "12145", "12300"],
            tranche="11",
            others=8,
        )
        network(
            "5710",
            "56.29A",
            "RESTAURATION COLLECTIVE NATIONALE",
            "75116",
            "GE",
            ["12202", "12145"],
            tranche="11",
            others=6,
        )
        network(
            "5710",
            "87.10A",
            "RESIDENCES SENIORS DE FRANCE",
            "75116",
            "GE",
            ["12202"],
            tranche="12",
            others=5,
        )
        plant = network(
            "5710", "29.32Z", "EQUIPEMENTS AUTOMOBILES DE FRANCE", "93070", "GE", [], others=2
        )
        self.estab(plant, "12176", tranche="42", kind="zone", enseigne="USINE DE RODEZ")
        # food retail: an integrated chain (head office near Paris) and independents
        chain = self.unit(
            "5710",
            "47.11D",
            "DISTRIBUTION NATIONALE",
            category="GE",
            tranche="53",
            created=date(1959, 7, 1),
        )
        self.estab(chain, "91377", tranche="41", siege=True)
        prox = self.unit(
            "5710",
            "47.11C",
            "PROXIMITE NATIONALE",
            category="GE",
            tranche="52",
            created=date(1962, 2, 1),
        )
        self.estab(prox, "42218", tranche="32", siege=True)
        for k in rng.choice(len(NEIGHBOUR_CITIES), size=15):
            self.estab(
                chain,
                NEIGHBOUR_CITIES[int(k)],
                tranche=self.pick({"11": 0.4, "12": 0.5, "21": 0.1}),
            )
        for k in rng.choice(len(NEIGHBOUR_CITIES), size=10):
            self.estab(
                prox, NEIGHBOUR_CITIES[int(k)], tranche=self.pick({"01": 0.3, "02": 0.5, "03": 0.2})
            )
        for code, p in sorted(pop.items()):
            if p >= 2000:
                for _ in range(1 + p // 8000):
                    if rng.uniform() < 0.4:
                        self.estab(
                            chain,
                            code,
                            tranche=self.pick({"11": 0.4, "12": 0.5, "21": 0.1}),
                            kind="zone",
                            enseigne="SUPERMARCHE",
                        )
                    else:
                        self.local(code, "47.11D", "SUPERMARCHE", "company", "medium", "zone")
            if p >= 10000:
                for j in range(1 + p // 20000):
                    if code == "12145" and j == 0:
                        self.estab(chain, code, "47.11F", "21", kind="zone", enseigne="HYPERMARCHE")
                    else:
                        self.local(
                            code, "47.11F", "HYPERMARCHE", "company", "medium", "zone", tranche="22"
                        )
            if p >= 1500:
                for _ in range(1 + p // 8000):
                    if rng.uniform() < 0.5:
                        self.estab(
                            prox,
                            code,
                            tranche=self.pick({"01": 0.3, "02": 0.5, "03": 0.2}),
                            enseigne="SUPERETTE",
                        )
                    else:
                        self.local(code, "47.11C", "SUPERETTE", "company", "small")

    def population_economy(self) -> None:
        rng = self.rng
        com = self.ter.communes
        for row in com.itertuples():
            code, p = row.code_insee, int(row.population)
            for naf, word, lo, hi, base, per, size in RULES:
                if lo <= p < hi:
                    for _ in range(base + p // per):
                        enseigne = ""
                        if naf in ("10.71C", "47.22Z") and rng.uniform() < 0.3:
                            enseigne = self._enseigne(word)
                        self.local(
                            code,
                            naf,
                            word,
                            "liberal" if naf == "47.73Z" else "generic",
                            size,
                            enseigne=enseigne,
                        )
            for s in SECTORS:
                if p < s.min_pop:
                    continue
                for _ in range(int(rng.poisson(RATE_SCALE * s.per_1000 * p / 1000.0))):
                    enseigne = (
                        self._enseigne(s.word)
                        if s.naf[:2] in ("47", "56", "55", "96") and rng.uniform() < 0.35
                        else ""
                    )
                    self.local(code, s.naf, s.word, s.forms, s.size, s.place, enseigne=enseigne)
            if p >= 1500:
                for _ in range(1 + p // 8000):
                    form = self.pick({"7366": 0.4, "9220": 0.6})
                    name = (
                        f"EHPAD {self.places[code].name}"
                        if form == "7366"
                        else f"ASSOCIATION LES JARDINS DE {rng.choice(LIEUX_DITS)}"
                    )
                    u = self.unit(form, "87.10A", name, category="" if form == "7366" else None)
                    self.estab(
                        u, code, tranche=self.pick({"11": 0.3, "12": 0.6, "21": 0.1}), siege=True
                    )

    def _enseigne(self, word: str) -> str:
        """A shop sign; a few carry a comma or double quotes (quoted in the CSV)."""
        r = self.rng.uniform()
        place = str(
            self.rng.choice(("DU CENTRE", "DE LA PLACE", "DU MARCHE", "DU PONT", "DE LA GARE"))
        )
        if r < 0.06:
            return f"{word} {place}, {self.rng.choice(SURNAMES)}"
        if r < 0.09:
            return f'{word} "{self.rng.choice(SURNAMES)}"'
        return f"{word} {place}"

    def secondary_sites(self) -> None:
        """A few local firms run a second site in another commune of their EPCI."""
        rng = self.rng
        by_epci: dict[str, list[str]] = {}
        for code, place in self.places.items():
            if not place.outside:
                by_epci.setdefault(place.epci, []).append(code)
        for u in list(self.units):
            if (
                len(u.estabs) != 1
                or u.form in ("1000", "7210", "9220", "6540")
                or u.naf.startswith("01")
            ):
                continue
            e = u.estabs[0]
            if e.place.outside or rng.uniform() > 0.06:
                continue
            others = [c for c in by_epci[e.place.epci] if c != e.place.code]
            if others:
                self.estab(
                    u,
                    str(rng.choice(others)),
                    tranche=self.pick(SIZE_PROFILES["micro"]),
                    kind=e.kind,
                )

    def closed_establishments(self) -> None:
        """≈ 12 % of the Aveyron rows closed: ceased units, moved sites, and the designed ones."""
        rng = self.rng
        designed = (
            ("12300", "10.51C", "LAITERIE DE VILLEFRANCHE", date(2014, 6, 30)),
            ("12300", "10.11Z", "ABATTOIR DE VILLEFRANCHE-DE-ROUERGUE", date(2019, 12, 31)),
            ("12198", "10.61A", "MINOTERIE DU SEGALA", date(2009, 3, 31)),
        )
        for code, naf, name, end in designed:
            u = self.unit("5499", naf, name, created=date(1962, 1, 1), category="")
            self.estab(u, code, tranche="NN", siege=True, kind="zone", closed=end)
        active = sum(
            1 for u in self.units for e in u.estabs if not e.place.outside and e.closed is None
        )
        wanted = round(active * 0.12 / 0.88) - len(designed)
        # moved sites: an older, closed site of an active local unit (the current one opened
        # the next day)
        last = STOCK_DATE - timedelta(days=60)
        movers = [
            u
            for u in self.units
            if u.form not in PUBLIC_FORMS
            and u.created < date(2020, 1, 1)
            and all(not e.place.outside for e in u.estabs)
        ]
        n_moved = wanted // 4
        for k in rng.choice(len(movers), size=n_moved, replace=False):
            u = movers[int(k)]
            first = u.estabs[0]
            end = self.date_between(max(u.created + timedelta(days=365), date(2000, 1, 1)), last)
            old = Estab(u, first.place, first.naf, "NN", False, u.created, end, first.kind)
            u.estabs.insert(0, old)
            first.created = max(first.created, end + timedelta(days=1))
        # ceased units: one closed establishment each, sectors as in the living economy
        pool = [
            e
            for u in self.units
            for e in u.estabs
            if not e.place.outside and e.closed is None and u.form not in PUBLIC_FORMS
        ]
        for k in rng.choice(len(pool), size=wanted - n_moved, replace=True):
            ref = pool[int(k)]
            if ref.unit.form == "9220":
                form, name = "9220", f"ASSOCIATION {rng.choice(LIEUX_DITS)}"
            else:
                form = self.pick(FORM_PROFILES["farm" if ref.naf.startswith("01") else "generic"])
                name = "" if form == "1000" else f"{FORM_PREFIX[form]} {rng.choice(SURNAMES)}"
            created = min(self.creation_date(1960, 18.0), date(2023, 6, 30))
            end = self.date_between(created + timedelta(days=200), last)
            u = self.unit(form, ref.naf, name, created=created, category="")
            self.estab(u, ref.place.code, tranche="NN", siege=True, kind=ref.kind, closed=end)

    def no_coordinates(self) -> None:
        """≈ 3 % of the Aveyron rows without coordinates: ≈ 1 % of the rows belong to partially
        diffusible entrepreneurs (statut P, ``[ND]``), ≈ 2 % are not geolocated (empty)."""
        rng = self.rng
        aveyron = [e for u in self.units for e in u.estabs if not e.place.outside]
        singles = [
            u
            for u in self.units
            if u.form == "1000" and len(u.estabs) == 1 and not u.estabs[0].place.outside
        ]
        n_masked = round(0.01 * len(aveyron))
        for k in rng.choice(len(singles), size=n_masked, replace=False):
            u = singles[int(k)]
            u.diffusion = "P"
            u.estabs[0].coords = "masked"
        # small establishments only (their addresses are the ones geocoding misses here)
        open_rows = [
            e for e in aveyron if e.coords == "ok" and e.tranche in ("NN", "00", "01", "02")
        ]
        for k in rng.choice(len(open_rows), size=round(0.02 * len(aveyron)), replace=False):
            open_rows[int(k)].coords = "empty"

    def finish(self) -> None:
        """NICs (creation order), head-office flags, coordinates."""
        for u in self.units:
            u.estabs.sort(key=lambda e: (e.created, e.closed is None))
            if not any(e.siege for e in u.estabs):
                live = [e for e in u.estabs if e.closed is None]
                (live or u.estabs)[-1].siege = True
            sieges = [e for e in u.estabs if e.siege]
            for e in sieges[1:]:
                e.siege = False
            for e in u.estabs:
                if e.coords == "ok":
                    e.xy = self.locate(e)

    def locate(self, e: Estab) -> tuple[float, float]:
        place = e.place
        if place.outside:
            spread = 2_000.0 if place.code.startswith("75") else 1_500.0
            x = place.xy[0] + self.rng.normal(0, spread)
            y = place.xy[1] + self.rng.normal(0, spread)
            return round(float(x), 1), round(float(y), 1)
        anchor = np.array(place.xy)
        if e.kind == "rural":
            xmin, ymin, xmax, ymax = place.bounds
            for _ in range(100):
                x, y = self.rng.uniform(xmin, xmax), self.rng.uniform(ymin, ymax)
                if place.inner.contains(shapely.Point(x, y)):
                    return round(float(x), 1), round(float(y), 1)
            return round(float(anchor[0]), 1), round(float(anchor[1]), 1)
        radius = min(1_800.0, 120.0 + 9.0 * np.sqrt(max(place.pop, 1)))
        if e.kind == "zone":
            radius *= 1.6
        return services.jitter_inside(place.inner, anchor, radius, self.rng)

    # -- output ------------------------------------------------------------------------------

    def rows(self) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The ``StockEtablissement`` and ``StockUniteLegale`` rows (sorted by SIRET / SIREN)."""
        rng = np.random.default_rng([SEED, 30])
        etab_rows, ul_rows = [], []
        for u in sorted(self.units, key=lambda u: u.siren):
            nic_siege = ""
            jobs = 0.0
            for seq, e in enumerate(u.estabs, start=1):
                body = f"{seq:04d}"
                nic = body + luhn_key(u.siren + body)
                if e.siege:
                    nic_siege = nic
                if e.closed is None:
                    jobs += TRANCHE_MID.get(e.tranche, 0.0)
                etab_rows.append(self._etab_row(u, e, nic, rng))
            ul_rows.append(self._ul_row(u, nic_siege, jobs, rng))
        etab_rows.sort(key=lambda r: r["siret"])
        return etab_rows, ul_rows

    def _processed(self, start: date, rng: np.random.Generator) -> str:
        lo = max(start, date(2015, 1, 1))
        d = lo + timedelta(days=int(rng.integers(0, max((STOCK_DATE - lo).days, 1))))
        s = int(rng.integers(0, 86400))
        return f"{d.isoformat()}T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"

    def _etab_row(self, u: Unit, e: Estab, nic: str, rng: np.random.Generator) -> dict[str, str]:
        row = dict.fromkeys(ETAB_COLUMNS, "")
        closed = e.closed is not None
        periods = 1 + int(rng.integers(0, 3)) + (1 if closed else 0)
        if closed:
            debut = e.closed
        elif periods == 1:
            debut = e.created
        else:
            debut = self.date_between(e.created, STOCK_DATE)
        tranche = "NN" if closed else e.tranche
        row.update(
            siren=u.siren,
            nic=nic,
            siret=u.siren + nic,
            statutDiffusionEtablissement=u.diffusion,
            dateCreationEtablissement=e.created.isoformat(),
            trancheEffectifsEtablissement=tranche,
            anneeEffectifsEtablissement="" if tranche == "NN" else "2022",
            dateDernierTraitementEtablissement=self._processed(debut, rng),
            etablissementSiege="true" if e.siege else "false",
            nombrePeriodesEtablissement=str(periods),
            codePostalEtablissement=e.place.postcode,
            libelleCommuneEtablissement=e.place.name,
            codeCommuneEtablissement=e.place.code,
            codeCedexEtablissement=e.cedex[0],
            libelleCedexEtablissement=e.cedex[1],
            dateDebut=debut.isoformat(),
            etatAdministratifEtablissement="F" if closed else "A",
            enseigne1Etablissement=e.enseigne,
            activitePrincipaleEtablissement=e.naf,
            nomenclatureActivitePrincipaleEtablissement="NAFRev2",
            caractereEmployeurEtablissement="N" if closed or tranche in ("NN",) else "O",
        )
        # address
        if e.kind == "rural":
            row["typeVoieEtablissement"] = "LD"
            row["libelleVoieEtablissement"] = str(rng.choice(LIEUX_DITS))
        else:
            if e.kind == "zone":
                row["complementAdresseEtablissement"] = f"ZA {rng.choice(ZONES)}"
            street = STREETS[int(rng.integers(0, len(STREETS)))]
            if e.kind == "outside" or rng.uniform() < 0.85:
                row["numeroVoieEtablissement"] = str(int(rng.integers(1, 80)))
                if rng.uniform() < 0.03:
                    row["indiceRepetitionEtablissement"] = "B"
            row["typeVoieEtablissement"], row["libelleVoieEtablissement"] = street
        if e.coords == "ok":
            # BAN address id: commune_voie_numéro (commune_voie for an address without number)
            voie = f"{int(rng.integers(0, 10_000)):04d}"
            num = row["numeroVoieEtablissement"]
            ban = f"{e.place.code}_{voie}"
            row["identifiantAdresseEtablissement"] = f"{ban}_{int(num):05d}" if num else ban
            row["coordonneeLambertAbscisseEtablissement"] = f"{e.xy[0]:.1f}"
            row["coordonneeLambertOrdonneeEtablissement"] = f"{e.xy[1]:.1f}"
        elif e.coords == "masked":
            for key in (
                "complementAdresseEtablissement",
                "numeroVoieEtablissement",
                "indiceRepetitionEtablissement",
                "typeVoieEtablissement",
                "libelleVoieEtablissement",
                "identifiantAdresseEtablissement",
                "coordonneeLambertAbscisseEtablissement",
                "coordonneeLambertOrdonneeEtablissement",
            ):
                row[key] = ND
            if row["enseigne1Etablissement"]:
                row["enseigne1Etablissement"] = ND
        return row

    def _ul_row(
        self, u: Unit, nic_siege: str, jobs: float, rng: np.random.Generator
    ) -> dict[str, str]:
        row = dict.fromkeys(UL_COLUMNS, "")
        ceased = all(e.closed is not None for e in u.estabs)
        if u.tranche is not None:
            tranche = u.tranche
        elif ceased or jobs == 0:
            tranche = "NN"
        else:
            tranche = max(
                (t for t, lo in TRANCHE_MIN.items() if jobs >= max(lo, 0.5)),
                key=lambda t: TRANCHE_MIN[t],
            )
        if u.category is not None:
            category = u.category
        elif u.form in ("9220",):
            category = "PME" if tranche not in ("NN", "00") and rng.uniform() < 0.5 else ""
        elif ceased:
            category = ""
        else:
            category = "PME" if (tranche != "NN" or rng.uniform() < 0.45) else ""
        last_end = max((e.closed for e in u.estabs if e.closed), default=None)
        debut = last_end if ceased and last_end else u.created
        row.update(
            siren=u.siren,
            statutDiffusionUniteLegale=u.diffusion,
            dateCreationUniteLegale=u.created.isoformat(),
            sigleUniteLegale=u.sigle,
            trancheEffectifsUniteLegale=tranche,
            anneeEffectifsUniteLegale="" if tranche == "NN" else "2022",
            dateDernierTraitementUniteLegale=self._processed(debut, rng),
            nombrePeriodesUniteLegale=str(1 + int(rng.integers(0, 3)) + (1 if ceased else 0)),
            categorieEntreprise=category,
            anneeCategorieEntreprise="2022" if category else "",
            dateDebut=debut.isoformat(),
            etatAdministratifUniteLegale="C" if ceased else "A",
            denominationUniteLegale=u.name,
            categorieJuridiqueUniteLegale=u.form,
            activitePrincipaleUniteLegale=u.naf,
            nomenclatureActivitePrincipaleUniteLegale="NAFRev2",
            nicSiegeUniteLegale=nic_siege,
            economieSocialeSolidaireUniteLegale=u.ess,
            caractereEmployeurUniteLegale="O" if tranche not in ("NN",) and not ceased else "N",
        )
        if u.person is not None:
            nom, p1, p2, sexe = u.person
            if u.diffusion == "P":
                nom = p1 = sexe = ND
                p2 = ND if p2 else ""
            row.update(
                sexeUniteLegale=sexe,
                nomUniteLegale=nom,
                prenom1UniteLegale=p1,
                prenom2UniteLegale=p2,
                prenomUsuelUniteLegale=p1,
            )
        if u.form == "9220":
            row["identifiantAssociationUniteLegale"] = f"W12{int(rng.integers(0, 10**7)):07d}"
        return row


def write_csv(
    path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]], sep: str = ","
) -> None:
    """UTF-8, header, ``\\n`` line ends, quotes only where a value needs them (as INSEE's files)."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([r[c] for c in columns])
    tmp.replace(path)


def sirene_layer(rows: list[dict[str, str]], crs) -> gpd.GeoDataFrame:
    """The establishments as points (no geometry where the CSV has no coordinates), the 54
    columns as text (empty → NULL) plus ``ILLUSTRATIF``."""
    data = {c: [r[c] or None for r in rows] for c in ETAB_COLUMNS}
    geoms = []
    for r in rows:
        x, y = (
            r["coordonneeLambertAbscisseEtablissement"],
            r["coordonneeLambertOrdonneeEtablissement"],
        )
        geoms.append(shapely.Point(float(x), float(y)) if x and x != ND else None)
    frame = gpd.GeoDataFrame(data, geometry=geoms, crs=crs)
    frame["ILLUSTRATIF"] = 1
    return frame[[*ETAB_COLUMNS, "ILLUSTRATIF", "geometry"]]


# =============================================================================================
# Home-work flows (gravity model)
# =============================================================================================

WORKER_RATE = 0.42  # employed residents aged 15+ / population
POLES = {"12202": 2.2, "12145": 1.8, "12300": 1.8, "12089": 1.4, "12208": 1.5, "12176": 1.3}
POLE_DEFAULT = 0.75
MEAN_COMMUTE_KM = 15.0
#: Propensity to work in one's commune of residence (farms, shops, crafts): the within-commune
#: deterrence is multiplied by it. 7.3 makes ≈ 35 % of the workers work in their commune (with β
#: calibrated), an order of magnitude for a rural département, not a figure checked in a source.
INTRA_FACTOR = 7.3
FLOW_MIN = 1.0


def gravity_flows(ter: Territory) -> tuple[np.ndarray, np.ndarray, float]:
    """Doubly-constrained gravity flows ``T_ij = A_i O_i B_j D_j f_ij`` (Furness balancing).

    ``O_i`` = :data:`WORKER_RATE` × population, ``D_j`` ∝ population × pole factor
    (:data:`POLES`) with the same total; ``f_ij = exp(−β d_ij)`` with ``d_ij`` the straight
    distance between town halls (km), and within a commune ``f_ii = k exp(−β d_ii)``, ``d_ii``
    the mean distance between two points of a disc of the commune's area (0.905 r) and ``k`` =
    :data:`INTRA_FACTOR` a propensity to work where one lives. β is calibrated so that the mean
    distance of all commutes is :data:`MEAN_COMMUTE_KM`.

    Returns
    -------
    flows, distance_km, beta
    """
    com = ter.communes
    pop = com["population"].to_numpy(dtype=float)
    origin = WORKER_RATE * pop
    factor = np.array([POLES.get(c, POLE_DEFAULT) for c in com["code_insee"]])
    dest = pop * factor
    dest *= origin.sum() / dest.sum()
    xy = ter.anchor_xy / 1000.0
    d = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=2)
    radius = np.sqrt(com.geometry.area.to_numpy() / np.pi) / 1000.0
    diag = np.diag_indices_from(d)
    d[diag] = 128.0 / (45.0 * np.pi) * radius

    def solve(beta: float) -> np.ndarray:
        f = np.exp(-beta * d)
        f[diag] *= INTRA_FACTOR
        b = np.ones(len(pop))
        for _ in range(5000):
            a = 1.0 / (f @ (b * dest))
            b_new = 1.0 / (f.T @ (a * origin))
            change = float(np.max(np.abs(b_new - b) / b_new))
            b = b_new
            if change < 1e-9:
                break
        return (a * origin)[:, None] * (b * dest)[None, :] * f

    def mean_distance(beta: float) -> float:
        t = solve(beta)
        return float((t * d).sum() / t.sum())

    beta = brentq(lambda b: mean_distance(b) - MEAN_COMMUTE_KM, 1e-3, 2.0, xtol=1e-7)
    return solve(beta), d, beta


def flow_rows(ter: Territory, t: np.ndarray) -> list[dict[str, str]]:
    """Rows of the flow file: flows ≥ :data:`FLOW_MIN`, rounded to whole workers, written as
    decimals (``12.0``)."""
    com = ter.communes
    codes, names = com["code_insee"].tolist(), com["nom"].tolist()
    rows = []
    for i, j in zip(*np.nonzero(t >= FLOW_MIN)):
        rows.append(
            {
                "CODGEO": codes[i],
                "LIBGEO": names[i],
                "DCLT": codes[j],
                "L_DCLT": names[j],
                "NBFLUX_C21_ACTOCC15P": f"{float(np.round(t[i, j])):.1f}",
            }
        )
    return rows


FLOW_COLUMNS = ("CODGEO", "LIBGEO", "DCLT", "L_DCLT", "NBFLUX_C21_ACTOCC15P")


# =============================================================================================
# Output
# =============================================================================================


def write_layers(gpkg: Path, layers: dict[str, gpd.GeoDataFrame]) -> None:
    """Replace these layers of the GeoPackage, leaving the others untouched, then compact it."""
    before = set(pyogrio.list_layers(gpkg)[:, 0]) - set(layers)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": services.GPKG_TIMESTAMP})
    try:
        for name, frame in layers.items():
            pyogrio.write_dataframe(
                frame,
                gpkg,
                layer=name,
                driver="GPKG",
                append=False,
                layer_options={
                    "IDENTIFIER": f"{name} — {DESCRIPTION}",
                    "DESCRIPTION": DESCRIPTION,
                    # no R-tree: 1.3 MB saved; QGIS builds one on request (layer properties)
                    "SPATIAL_INDEX": "NO",
                },
            )
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    with sqlite3.connect(gpkg) as con:
        con.execute("VACUUM")
    after = set(pyogrio.list_layers(gpkg)[:, 0])
    if not before <= after:
        raise SystemExit(f"ERROR: layers lost while writing: {sorted(before - after)}")


def build(gpkg: Path, out_dir: Path, *, write_gpkg: bool = True) -> dict[str, object]:
    """Generate everything; returns what was built (for the summary and the tests)."""
    t0 = time.perf_counter()
    ter = load_territory(gpkg)
    rpg, parcel_commune = build_rpg(ter)
    area = rpg.geometry.area.to_numpy() / 1e4
    farmland_ha = np.bincount(parcel_commune, weights=area, minlength=len(ter.communes))
    commune_ha = ter.communes.geometry.area.to_numpy() / 1e4
    wood_ha = np.maximum(commune_ha - farmland_ha, 0.0)
    grid, transform = build_landcover(ter, rpg)
    write_landcover(out_dir / RASTER_FILE, grid, transform)
    sirene = SireneBuilder(ter)
    sirene.build(farmland_ha, wood_ha)
    etab_rows, ul_rows = sirene.rows()
    write_csv(out_dir / ETAB_FILE, ETAB_COLUMNS, etab_rows)
    write_csv(out_dir / UL_FILE, UL_COLUMNS, ul_rows)
    flows, dist, beta = gravity_flows(ter)
    write_csv(out_dir / FLOWS_FILE, FLOW_COLUMNS, flow_rows(ter, flows), sep=";")
    if write_gpkg:
        write_layers(
            gpkg, {LAYER_RPG: rpg, LAYER_SIRENE: sirene_layer(etab_rows, ter.communes.crs)}
        )
    return {
        "territory": ter,
        "rpg": rpg,
        "grid": grid,
        "etab_rows": etab_rows,
        "ul_rows": ul_rows,
        "flows": flows,
        "distance_km": dist,
        "beta": beta,
        "seconds": time.perf_counter() - t0,
    }


def summary(built: dict[str, object], gpkg: Path, out_dir: Path) -> None:
    ter: Territory = built["territory"]  # type: ignore[assignment]
    rpg: gpd.GeoDataFrame = built["rpg"]  # type: ignore[assignment]
    area = rpg.geometry.area / 1e4
    dep_ha = ter.departement.area / 1e4
    print(
        f"{LAYER_RPG}: {len(rpg)} parcels, {area.sum():,.0f} ha = {area.sum() / dep_ha:.1%} of the département"
    )
    by_code = area.groupby(rpg["CODE_CULTU"]).sum().sort_values(ascending=False)
    print("  " + ", ".join(f"{c} {v / area.sum():.1%}" for c, v in by_code.items()))
    grid: np.ndarray = built["grid"]  # type: ignore[assignment]
    counts = Counter(grid[grid > 0].tolist())
    print(
        f"{RASTER_FILE}: {grid.shape[1]} x {grid.shape[0]} px, classes "
        + ", ".join(f"{k}:{v}" for k, v in sorted(counts.items()))
    )
    rows: list[dict[str, str]] = built["etab_rows"]  # type: ignore[assignment]
    aveyron = [r for r in rows if r["codeCommuneEtablissement"].startswith("12")]
    closed = sum(r["etatAdministratifEtablissement"] == "F" for r in aveyron)
    no_xy = sum(r["coordonneeLambertAbscisseEtablissement"] in ("", ND) for r in aveyron)
    print(
        f"{ETAB_FILE}: {len(rows)} rows ({len(aveyron)} in Aveyron: {closed} closed = {closed / len(aveyron):.1%}, "
        f"{no_xy} without coordinates = {no_xy / len(aveyron):.1%}; {len(rows) - len(aveyron)} elsewhere); "
        f"{UL_FILE}: {len(built['ul_rows'])} units"  # type: ignore[arg-type]
    )
    t: np.ndarray = built["flows"]  # type: ignore[assignment]
    d: np.ndarray = built["distance_km"]  # type: ignore[assignment]
    print(
        f"{FLOWS_FILE}: β = {built['beta']:.4f} /km, k = {INTRA_FACTOR:g}, "
        f"{np.trace(t) / t.sum():.0%} work in their commune, mean commute "
        f"{(t * d).sum() / t.sum():.1f} km, {int((t >= FLOW_MIN).sum())} flows ≥ {FLOW_MIN:g}"
    )
    for name in (RASTER_FILE, ETAB_FILE, UL_FILE, FLOWS_FILE):
        print(f"  {name}: {(out_dir / name).stat().st_size / 1e6:.2f} MB")
    print(f"wrote {gpkg} ({gpkg.stat().st_size / 1e6:.2f} MB) in {built['seconds']:.0f} s")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gpkg", type=Path, default=DEFAULT_GPKG, help="sample GeoPackage")
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=None,
        help="folder of the other files (default: the GeoPackage's)",
    )
    args = parser.parse_args(argv)
    gpkg = args.gpkg.resolve()
    out_dir = (args.out_dir or gpkg.parent).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    built = build(gpkg, out_dir)
    summary(built, gpkg, out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
