"""Territorial profile at French scale: 34,875 communes aggregated to 1,254 EPCI.

Peer: the way it is usually done with pandas (groupby-sum of the counts, then ratios), on the same
synthetic counts; and geopandas ``dissolve`` for the EPCI polygons against our ``dissolve``. The
plugin dissolves through the GEOS of QGIS (``adapters.layers.dissolve_geometries``, no shapely 2
needed): timed on the same cells against the shapely ``dissolve`` (the cells are turned into
QgsGeometry once, in the warm-up run, outside the timed runs).
"""

from __future__ import annotations

import functools
import os

import numpy as np
import shapely

from reterr_qgis.engine.core.zones import dissolve
from reterr_qgis.engine.profile.territory import aggregate_profile, group_weights

N_COMMUNES = 34_875
N_EPCI = 1_254
rng = np.random.default_rng(42)
codes = rng.integers(0, N_EPCI, N_COMMUNES).astype(str)
pop = rng.lognormal(6.5, 1.3, N_COMMUNES).round()
shares = rng.dirichlet([2, 5, 2.5], N_COMMUNES)
COUNTS = {
    "population": pop,
    "area_km2": rng.uniform(2, 40, N_COMMUNES),
    "pop_0_19": (pop * shares[:, 0]).round(),
    "pop_20_64": (pop * shares[:, 1]).round(),
    "pop_65p": (pop * shares[:, 2]).round(),
    "dwellings": (pop * 0.55).round(),
    "vacant_dwellings": (pop * 0.55 * rng.uniform(0.02, 0.2, N_COMMUNES)).round(),
}

# A grid of 1 km squares grouped by blocks, for the dissolve comparison (10,000 cells, 400 zones).
side = 100
xs, ys = np.meshgrid(np.arange(side), np.arange(side))
CELLS = shapely.box(
    xs.ravel() * 1000.0, ys.ravel() * 1000.0, xs.ravel() * 1000.0 + 1000, ys.ravel() * 1000.0 + 1000
)
CELL_ZONE = ((ys.ravel() // 5) * (side // 5) + xs.ravel() // 5).astype(str)


def ours():
    _, w = group_weights(codes)
    return aggregate_profile(COUNTS, w).indicators["share_65p"]


def pandas_peer():
    import pandas as pd

    df = pd.DataFrame(COUNTS)
    df["code"] = codes
    g = df.groupby("code", sort=True).sum()
    total = g["pop_0_19"] + g["pop_20_64"] + g["pop_65p"]
    return (100 * g["pop_65p"] / total).to_numpy()


def check_same(a, b):
    np.testing.assert_allclose(a, b, rtol=1e-12)


def ours_dissolve():
    _, w = group_weights(CELL_ZONE)
    return dissolve(CELLS, w)


def geopandas_dissolve():
    import geopandas as gpd

    gdf = gpd.GeoDataFrame({"zone": CELL_ZONE}, geometry=CELLS)
    return gdf.dissolve("zone").geometry.to_numpy()


def check_dissolve(a, b):
    np.testing.assert_allclose(shapely.area(a), shapely.area(np.asarray(b)), rtol=1e-9)


@functools.cache
def _qgis_cells():
    """The cells as QgsGeometry and their zone weights (QGIS started once, offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsGeometry

    if QgsApplication.instance() is None:
        from qgis.testing import start_app

        start_app(cleanup=False)
    cells = []
    for wkb in shapely.to_wkb(CELLS):
        g = QgsGeometry()
        g.fromWkb(wkb)
        cells.append(g)
    _, w = group_weights(CELL_ZONE)
    return cells, w


def qgis_dissolve():
    from reterr_qgis.adapters.layers import dissolve_geometries

    cells, w = _qgis_cells()
    return dissolve_geometries(cells, w)


def shapely_dissolve():
    _, w = _qgis_cells()
    return dissolve(CELLS, w)


def check_qgis_dissolve(a, b):
    np.testing.assert_allclose([g.area() for g in a], shapely.area(np.asarray(b)), rtol=1e-9)


CASES = [
    {
        "name": "profile 34,875 communes -> 1,254 EPCI",
        "run": ours,
        "peer": "pandas groupby-sum",
        "peer_run": pandas_peer,
        "check": check_same,
    },
    {
        "name": "dissolve 10,000 cells -> 400 zones",
        "run": ours_dissolve,
        "peer": "geopandas dissolve",
        "peer_run": geopandas_dissolve,
        "check": check_dissolve,
    },
    {
        "name": "dissolve 10,000 cells -> 400 zones through QGIS's GEOS",
        "run": qgis_dissolve,
        "peer": "shapely dissolve (union_all)",
        "peer_run": shapely_dissolve,
        "check": check_qgis_dissolve,
    },
]
