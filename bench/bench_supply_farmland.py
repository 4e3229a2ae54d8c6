"""Farmland per crop group: a land-cover raster of 25 Mpx on 35k territories, and 500k RPG parcels.

Synthetic inputs, generated here (reproducible seeds):

* **raster** — 5,000 × 5,000 pixels of 150 m (750 km square: France at OSO-like classes
  resampled to 150 m has about this many pixels), uint8, deflate-compressed tiled GeoTIFF cached
  in ``build/``; classes of the OSO 2018 nomenclature drawn per 10 × 10-pixel block with a
  grassland-dominant mix, 0.5 % of the blocks an unknown class (24), a 20-pixel no-data border.
  Territories: 35,000 Voronoi cells (≈ 700 pixels each, like communes at that resolution), edges
  cut every 150 m (≈ 110 vertices per territory; real communes have several hundred).
* **RPG** — 500,000 parcels: a jittered grid of 100 m quadrilaterals (70 km square), plus 100
  duplicated parcels (overlaps to report); ``CODE_GROUP`` drawn from an Aveyron-like mix
  (grassland and fodder dominant), ``CODE_CULTU`` for maize silage and potatoes, 0.1 % unknown
  codes. Territories: 1,000 Voronoi cells with edges cut every 20 m (≈ 450 vertices each), so that
  about one parcel in ten crosses a boundary.

Peers (same inputs, same process):

* raster: ``rasterstats`` is not installed in the venv, so the peer is the naive per-territory
  loop that it (and QGIS's zonal tools) amounts to — for each territory, rasterise it alone in
  its bounding-box window (``rasterio.features.rasterize``) and count the classes under it with
  ``np.bincount``, on the raster read once into memory (which favours the peer);
* raster, second peer: QGIS's own ``native:zonalhistogram`` (what a planner would run in the
  toolbox) on the same raster file and the same 35,000 polygons in a memory layer (building the
  layer is not timed);
* RPG: ``geopandas.overlay(how="intersection")`` + area + ``groupby`` (the usual recipe).

The checks compare the hectares per territory and group (raster: equal pixel counts; RPG: rtol
1e-6).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import shapely

from reterr_qgis.engine.supply.farmland import (
    build_label_grid,
    farmland_from_raster,
    farmland_from_rpg,
)
from reterr_qgis.engine.supply.groups import (
    TARGET_IDS,
    load_landcover_mapping,
    load_rpg_mapping,
)

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# Raster case
# ---------------------------------------------------------------------------------------------

RASTER_PARAMS = {
    "side": 5000,
    "pixel_m": 150.0,
    "block": 10,
    "n_territories": 35_000,
    "unknown_share": 0.005,
    "border": 20,
    "segment_m": 150.0,
    "seed": 3,
}
# OSO 2018 classes and weights of the synthetic mix (grassland dominant).
OSO_MIX = {
    13: 30,
    6: 12,
    16: 12,
    17: 6,
    10: 5,
    5: 3,
    7: 1,
    9: 2,
    12: 1,
    14: 1,
    15: 2,
    18: 6,
    19: 5,
    2: 4,
    1: 1,
    3: 1,
    4: 1,
    23: 2,
    20: 1,
}
MAPPING = load_landcover_mapping("oso2018")


def _raster_path() -> Path:
    key = hashlib.sha1(json.dumps(RASTER_PARAMS, sort_keys=True).encode()).hexdigest()[:12]
    return ROOT / "build" / f"bench_supply_landcover_{key}.tif"


def _make_raster(path: Path) -> None:
    import rasterio
    from affine import Affine

    p = RASTER_PARAMS
    rng = np.random.default_rng(p["seed"])
    nb = p["side"] // p["block"]
    classes = np.array(list(OSO_MIX), dtype=np.uint8)
    weights = np.array(list(OSO_MIX.values()), dtype=np.float64)
    blocks = rng.choice(classes, size=(nb, nb), p=weights / weights.sum())
    blocks[rng.random((nb, nb)) < p["unknown_share"]] = 24
    data = np.repeat(np.repeat(blocks, p["block"], axis=0), p["block"], axis=1)
    b = p["border"]
    data[:b], data[-b:], data[:, :b], data[:, -b:] = 0, 0, 0, 0
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.tif")
    with rasterio.open(
        tmp,
        "w",
        driver="GTiff",
        width=p["side"],
        height=p["side"],
        count=1,
        dtype="uint8",
        crs="EPSG:2154",
        transform=Affine(p["pixel_m"], 0, 100_000.0, 0, -p["pixel_m"], 6_900_000.0),
        nodata=0,
        tiled=True,
        blockxsize=256,
        blockysize=256,
        compress="deflate",
    ) as dst:
        dst.write(data, 1)
    tmp.replace(path)


def _territories_raster() -> np.ndarray:
    p = RASTER_PARAMS
    rng = np.random.default_rng(p["seed"] + 1)
    side_m = p["side"] * p["pixel_m"]
    x0, y1 = 100_000.0, 6_900_000.0
    ext = shapely.box(x0, y1 - side_m, x0 + side_m, y1)
    pts = rng.uniform(0, side_m, (p["n_territories"], 2)) + [x0, y1 - side_m]
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=ext))
    cells = shapely.intersection(cells, ext)
    return shapely.segmentize(cells, p["segment_m"])


RASTER = _raster_path()
if not RASTER.exists():
    _make_raster(RASTER)
TERRITORIES_R = _territories_raster()
_GRID: dict = {}


def raster_ours():
    res = farmland_from_raster(RASTER, TERRITORIES_R, MAPPING, territories_crs="EPSG:2154")
    _GRID["labels"] = res.details["labels"]
    return res


def raster_cached():
    if "labels" not in _GRID:
        import rasterio

        with rasterio.open(RASTER) as ds:
            _GRID["labels"] = build_label_grid(
                TERRITORIES_R,
                ds.transform,
                (ds.height, ds.width),
                raster_crs=ds.crs,
                territories_crs="EPSG:2154",
            )
    res = farmland_from_raster(
        RASTER, TERRITORIES_R, MAPPING, territories_crs="EPSG:2154", labels=_GRID["labels"]
    )
    assert res.details["labels_reused"]
    return res


def raster_peer():
    """Per-territory loop: rasterise each territory in its window and count its classes."""
    import rasterio
    import rasterio.features
    import rasterio.windows

    with rasterio.open(RASTER) as ds:
        data = ds.read(1)
        transform = ds.transform
    n_classes = 256
    counts = np.zeros((TERRITORIES_R.shape[0], n_classes), dtype=np.int64)
    bounds = shapely.bounds(TERRITORIES_R)
    for i, geom in enumerate(TERRITORIES_R):
        win = rasterio.windows.from_bounds(*bounds[i], transform=transform)
        r0 = max(int(np.floor(win.row_off)), 0)
        c0 = max(int(np.floor(win.col_off)), 0)
        r1 = min(int(np.ceil(win.row_off + win.height)) + 1, data.shape[0])
        c1 = min(int(np.ceil(win.col_off + win.width)) + 1, data.shape[1])
        sub_t = rasterio.windows.transform(
            rasterio.windows.Window(c0, r0, c1 - c0, r1 - r0), transform
        )
        mask = rasterio.features.rasterize(
            [(geom, 1)], out_shape=(r1 - r0, c1 - c0), transform=sub_t, fill=0, dtype=np.uint8
        ).astype(bool)
        counts[i] = np.bincount(data[r0:r1, c0:c1][mask], minlength=n_classes)
    return counts


_ZONAL: dict = {}


def _zonal_layer():
    """The territories as a QGIS memory layer (built once, not timed), and the algorithm."""
    if not _ZONAL:
        from qgis.analysis import QgsNativeAlgorithms
        from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsVectorLayer

        if QgsApplication.instance() is None:
            from qgis.testing import start_app

            _ZONAL["app"] = start_app(cleanup=False)
        registry = QgsApplication.processingRegistry()
        if registry.providerById("native") is None:
            registry.addProvider(QgsNativeAlgorithms())
        layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=tid:integer", "territories", "memory")
        features = []
        for i, wkb in enumerate(shapely.to_wkb(TERRITORIES_R)):
            feature = QgsFeature(layer.fields())
            feature.setAttributes([i])
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(geometry)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        _ZONAL["layer"] = layer
        _ZONAL["alg"] = registry.createAlgorithmById("native:zonalhistogram")
    return _ZONAL["layer"], _ZONAL["alg"]


def raster_zonal_peer():
    """QGIS ``native:zonalhistogram``: pixel counts per class and territory (a 256-column array)."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    layer, alg = _zonal_layer()
    context = QgsProcessingContext()
    result, ok = alg.run(
        {
            "INPUT_RASTER": str(RASTER),
            "RASTER_BAND": 1,
            "INPUT_VECTOR": layer,
            "COLUMN_PREFIX": "H_",
            "OUTPUT": "memory:",
        },
        context,
        QgsProcessingFeedback(),
    )
    assert ok, "native:zonalhistogram failed"
    out = result["OUTPUT"]
    out = context.getMapLayer(out) if isinstance(out, str) else out
    names = out.fields().names()
    cols = [(k, int(n[2:])) for k, n in enumerate(names) if n[2:].isdigit()]
    tid = names.index("tid")
    counts = np.zeros((TERRITORIES_R.shape[0], 256), dtype=np.int64)
    for feature in out.getFeatures():
        attrs = feature.attributes()
        counts[attrs[tid], [c for _k, c in cols]] = [attrs[k] or 0 for k, _c in cols]
    return counts


def raster_zonal_check(ours, peer_counts):
    """Same hectares as QGIS up to the pixels whose centre lies exactly on a shared edge (QGIS
    may count them in both territories or in none): the totals agree to 0.1 % per territory."""
    classes = MAPPING.classes.astype(int)
    px_ha = ours.details["pixel_area_m2"] / 10_000
    expected = peer_counts[:, classes] @ MAPPING.shares * px_ha
    known = np.zeros(256, dtype=bool)
    known[classes] = True
    known[0] = True
    expected[:, TARGET_IDS.index("non_classe")] += peer_counts[:, ~known].sum(axis=1) * px_ha
    np.testing.assert_allclose(ours.hectares.sum(), expected.sum(), rtol=1e-3)
    np.testing.assert_allclose(
        ours.hectares.sum(axis=1), expected.sum(axis=1), rtol=1e-2, atol=3 * px_ha
    )


def raster_check(ours, peer_counts):
    classes = MAPPING.classes.astype(int)
    px_ha = ours.details["pixel_area_m2"] / 10_000
    expected = peer_counts[:, classes] @ MAPPING.shares * px_ha
    known = np.zeros(256, dtype=bool)
    known[classes] = True
    known[0] = True  # no data
    expected[:, TARGET_IDS.index("non_classe")] += peer_counts[:, ~known].sum(axis=1) * px_ha
    np.testing.assert_allclose(ours.hectares, expected, rtol=1e-12, atol=1e-9)


# ---------------------------------------------------------------------------------------------
# RPG case
# ---------------------------------------------------------------------------------------------

RPG_PARAMS = {
    "side": 707,
    "cell_m": 100.0,
    "jitter_m": 30.0,
    "n_territories": 1000,
    "segment_m": 20.0,
    "duplicates": 100,
    "unknown_share": 0.001,
    "seed": 5,
}
# CODE_GROUP mix of an Aveyron-like département (grassland and fodder dominant).
RPG_MIX = {
    18: 38,
    19: 20,
    16: 8,
    17: 6,
    1: 5,
    3: 5,
    4: 5,
    2: 3,
    28: 3,
    11: 2,
    5: 1,
    8: 1,
    15: 1,
    20: 1,
    21: 1,
}


def _rpg_inputs():
    p = RPG_PARAMS
    rng = np.random.default_rng(p["seed"])
    n, step = p["side"], p["cell_m"]
    xs = np.arange(n + 1) * step
    gx, gy = np.meshgrid(xs, xs)
    gx = gx + rng.uniform(-p["jitter_m"], p["jitter_m"], gx.shape)
    gy = gy + rng.uniform(-p["jitter_m"], p["jitter_m"], gy.shape)
    i, j = (a.ravel() for a in np.meshgrid(np.arange(n), np.arange(n)))
    corners = [(j, i), (j, i + 1), (j + 1, i + 1), (j + 1, i), (j, i)]
    ring = np.stack([np.stack([gx[r, c], gy[r, c]], axis=-1) for r, c in corners], axis=1)
    parcels = shapely.polygons(ring)
    dup = rng.choice(parcels.shape[0], p["duplicates"], replace=False)
    parcels = np.concatenate([parcels, parcels[dup]])
    groups = np.array(list(RPG_MIX))
    w = np.array(list(RPG_MIX.values()), dtype=float)
    code_group = rng.choice(groups, parcels.shape[0], p=w / w.sum()).astype(object)
    code_cultu = np.full(parcels.shape[0], "", dtype=object)
    code_cultu[code_group == 2] = rng.choice(["MIS", "MIE"], int((code_group == 2).sum()))
    code_cultu[code_group == 4] = rng.choice(["TRN", "PTC"], int((code_group == 4).sum()))
    unk = rng.random(parcels.shape[0]) < p["unknown_share"]
    code_group[unk] = 99
    code_cultu[unk] = "ZZZ"
    side_m = n * step
    ext = shapely.box(-50, -50, side_m + 50, side_m + 50)
    pts = rng.uniform(0, side_m, (p["n_territories"], 2))
    terr = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=ext))
    terr = shapely.segmentize(shapely.intersection(terr, ext), p["segment_m"])
    return parcels, code_group, code_cultu, terr


PARCELS, CODE_GROUP, CODE_CULTU, TERRITORIES_RPG = _rpg_inputs()
RPG_MAPPING = load_rpg_mapping()


def rpg_ours():
    res = farmland_from_rpg(
        PARCELS,
        TERRITORIES_RPG,
        code_group=CODE_GROUP,
        code_cultu=CODE_CULTU,
        mapping=RPG_MAPPING,
    )
    _GRID["rpg"] = res
    return res


def rpg_peer():
    import geopandas as gpd

    target, _, _ = RPG_MAPPING.classify(CODE_GROUP, CODE_CULTU, PARCELS.shape[0])
    left = gpd.GeoDataFrame({"target": target}, geometry=PARCELS)
    right = gpd.GeoDataFrame(
        {"territory": np.arange(TERRITORIES_RPG.shape[0])}, geometry=TERRITORIES_RPG
    )
    pieces = gpd.overlay(left, right, how="intersection", keep_geom_type=True)
    pieces["ha"] = pieces.geometry.area / 10_000
    table = pieces.groupby(["territory", "target"])["ha"].sum()
    out = np.zeros((TERRITORIES_RPG.shape[0], len(TARGET_IDS)))
    idx = table.index.to_frame().to_numpy()
    out[idx[:, 0], idx[:, 1]] = table.to_numpy()
    return out


def rpg_check(ours, peer):
    np.testing.assert_allclose(ours.hectares, peer, rtol=1e-6, atol=1e-6)


def _rpg_note():
    res = rpg_ours() if "rpg" not in _GRID else _GRID["rpg"]
    d = res.details
    return (
        f"{d['n_parcels']:,} parcels, {TERRITORIES_RPG.shape[0]:,} territories; "
        f"{d['parcels_split']:,} split, {d['overlapping_pairs'].shape[0]} overlapping pairs, "
        f"{len(res.unknown_codes)} unknown codes; target <= 30 s, >= 5x overlay"
    )


CASES = [
    {
        "name": "farmland raster 25 Mpx, 35k territories",
        "run": raster_ours,
        "peer": "per-territory rasterize+bincount",
        "peer_run": raster_peer,
        "check": raster_check,
        "repeat": 1,
        "note": "label grid included; target <= 1.5 s (peer: naive loop, rasterstats absent)",
    },
    {
        "name": "farmland raster 25 Mpx, 35k territories vs QGIS",
        "run": raster_ours,
        "peer": "native:zonalhistogram",
        "peer_run": raster_zonal_peer,
        "check": raster_zonal_check,
        "note": "label grid included; target >= 20x QGIS zonal histogram",
    },
    {
        "name": "farmland raster 25 Mpx, 35k territories (cached) vs QGIS",
        "run": raster_cached,
        "peer": "native:zonalhistogram",
        "peer_run": raster_zonal_peer,
        "check": raster_zonal_check,
        "note": "label grid reused; target >= 20x QGIS zonal histogram",
    },
    {
        "name": "farmland raster 25 Mpx, 35k territories (cached labels)",
        "run": raster_cached,
        "note": "label grid reused (key recomputed); target <= 0.5 s",
    },
    {
        "name": "farmland rpg 500k parcels",
        "run": rpg_ours,
        "peer": "geopandas.overlay + groupby",
        "peer_run": rpg_peer,
        "check": rpg_check,
        "repeat": 1,
        "note": _rpg_note,
    },
]
