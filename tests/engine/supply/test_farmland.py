"""Farmland per crop group (``reterr_qgis.engine.supply.farmland``), no QGIS.

RPG: a hand-computed case, the conservation of area (pieces + outside = parcels), and
``geopandas.overlay`` on random cases. Raster: a plain per-pixel count (pixel centres tested with
shapely ``contains``), GDAL's rasterisation (``rasterio.features.rasterize``) for the label grid,
the cache key and reuse, reprojection and bad input.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.supply import groups
from reterr_qgis.engine.supply.farmland import (
    build_label_grid,
    farmland_from_raster,
    farmland_from_rpg,
    label_grid_key,
    subdivide,
)

ROOT = Path(__file__).resolve().parents[3]
T = {t: i for i, t in enumerate(groups.TARGET_IDS)}


# ---------------------------------------------------------------------------------------------
# RPG
# ---------------------------------------------------------------------------------------------


def two_squares():
    return np.array([shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)], dtype=object)


def test_rpg_hand_case():
    bowtie = shapely.Polygon([(20, 60), (40, 80), (40, 60), (20, 80), (20, 60)])  # invalid
    parcels = np.array(
        [
            shapely.box(10, 10, 30, 30),  # 400 m² cereals, in T0
            shapely.box(90, 10, 110, 30),  # 400 m² grassland, 200 + 200 across the boundary
            shapely.box(190, 10, 210, 30),  # 400 m² heath (group 17): 200 in T1, 200 outside
            shapely.box(50, 50, 60, 60),  # 100 m² unknown code
            shapely.box(10, 10, 30, 30),  # duplicate of the first parcel
            None,  # no geometry
            bowtie,  # repaired: two triangles of 100 m² each, cereals
            shapely.box(300, 300, 310, 310),  # wholly outside, 100 m²
            shapely.box(120, 40, 140, 60),  # silage maize: group 2 but CODE_CULTU MIE -> fodder
        ],
        dtype=object,
    )
    code_group = np.array([1, 18, 17, 99, "01", 1, 1, 18, 2], dtype=object)
    code_cultu = np.array(["BTH", "PPH", "SPL", "XYZ", "BTH", None, "", "PPH", "MIE"], dtype=object)
    res = farmland_from_rpg(
        parcels, two_squares(), code_group=code_group, code_cultu=code_cultu, names=["A", "B"]
    )
    ha = res.hectares * 10_000  # m²
    expected = np.zeros((2, len(groups.TARGET_IDS)))
    expected[0, T["cereales"]] = 400 + 400 + 200
    expected[0, T["fourrages"]] = 200
    expected[1, T["fourrages"]] = 200 + 400
    expected[1, T["exclu"]] = 200
    expected[0, T["non_classe"]] = 100
    np.testing.assert_allclose(ha, expected, atol=1e-6)
    assert res.outside_ha == pytest.approx((200 + 100) / 10_000)
    assert res.unknown_codes == pytest.approx({"XYZ": 0.01})
    d = res.details
    assert d["parcels_split"] == 1
    assert d["parcels_outside"].tolist() == [7]
    assert d["parcels_partly_outside"].tolist() == [2]
    assert d["missing_geometry"].tolist() == [5]
    assert d["repaired"].tolist() == [6]
    assert d["overlapping_pairs"].tolist() == [[0, 4]]
    assert d["overlap_ha"] == pytest.approx([0.04])
    assert len(res.warnings) == 5  # repaired, missing, unknown, outside, overlaps
    np.testing.assert_allclose(res.groups_ha, res.hectares[:, :5])
    assert res.excluded_ha[1] == pytest.approx(0.02)


def test_code_cultu_overrides_and_code_keys():
    mapping = groups.load_rpg_mapping()
    target, gk, ck = mapping.classify(
        np.array([1.0, "01", " 2 ", None, 25], dtype=object),
        np.array(["ble", "PTC", "mie", "J6S", None], dtype=object),
        5,
    )
    assert gk.tolist() == ["1", "1", "2", "", "25"]
    assert ck.tolist() == ["BLE", "PTC", "MIE", "J6S", ""]
    assert [groups.TARGET_IDS[t] for t in target] == [
        "cereales",
        "autres",  # potatoes
        "fourrages",  # silage maize
        "exclu",  # fallow, even without CODE_GROUP
        "fruits_legumes",
    ]


def test_rpg_needs_a_code_column_and_valid_territories():
    p = np.array([shapely.box(0, 0, 1, 1)], dtype=object)
    with pytest.raises(InputError):
        farmland_from_rpg(p, two_squares())
    bad = np.array([shapely.box(0, 0, 1, 1), shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])])
    with pytest.raises(InputError) as exc:
        farmland_from_rpg(p, bad, code_group=[1])
    assert exc.value.rows == [1]
    with pytest.raises(InputError):
        farmland_from_rpg(p, two_squares(), code_group=[1, 2])


def random_case(seed: int, n_parcels: int = 400, n_terr: int = 12):
    rng = np.random.default_rng(seed)
    ext = shapely.box(0, 0, 1000, 1000)
    pts = shapely.multipoints(rng.uniform(0, 1000, (n_terr, 2)))
    terr = shapely.intersection(
        shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=ext)), ext
    )
    terr = shapely.segmentize(terr, 15.0)
    # a hole in one territory, and drop one so that some parcels fall outside every territory
    terr[0] = shapely.difference(terr[0], shapely.buffer(shapely.centroid(terr[0]), 30))
    terr = terr[1:]
    centres = rng.uniform(-50, 1050, (n_parcels, 2))
    size = rng.uniform(5, 60, (n_parcels, 2))
    boxes = shapely.box(
        centres[:, 0] - size[:, 0],
        centres[:, 1] - size[:, 1],
        centres[:, 0] + size[:, 0],
        centres[:, 1] + size[:, 1],
    )
    angle = rng.uniform(0, 90, n_parcels)
    parcels = np.array(
        [shapely.affinity.rotate(b, a, origin="centroid") for b, a in zip(boxes, angle)],
        dtype=object,
    )
    codes = rng.choice([1, 2, 5, 16, 17, 18, 19, 20, 21, 28, 77], n_parcels).astype(object)
    return parcels, codes, terr


def overlay_peer(parcels, codes, terr):
    gpd = pytest.importorskip("geopandas")
    target, _, _ = groups.load_rpg_mapping().classify(codes, None, parcels.shape[0])
    left = gpd.GeoDataFrame({"target": target}, geometry=parcels)
    right = gpd.GeoDataFrame({"territory": np.arange(terr.shape[0])}, geometry=terr)
    pieces = gpd.overlay(left, right, how="intersection", keep_geom_type=True)
    out = np.zeros((terr.shape[0], len(groups.TARGET_IDS)))
    np.add.at(
        out,
        (pieces["territory"].to_numpy(), pieces["target"].to_numpy()),
        pieces.geometry.area.to_numpy() / 10_000,
    )
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("max_vertices", [8, 256])
def test_rpg_equals_geopandas_overlay(seed, max_vertices):
    parcels, codes, terr = random_case(seed)
    res = farmland_from_rpg(parcels, terr, code_group=codes, max_vertices=max_vertices)
    np.testing.assert_allclose(res.hectares, overlay_peer(parcels, codes, terr), atol=1e-9)
    # conservation: every square metre of every parcel is in a territory or outside
    total = shapely.area(parcels).sum() / 10_000
    assert res.hectares.sum() + res.outside_ha == pytest.approx(total, rel=1e-12)
    assert res.details["parcels_split"] > 0
    assert res.details["parcels_outside"].size > 0
    assert "77" in res.unknown_codes


def test_rpg_areas_per_commune_sum_to_parcels_on_a_tiling():
    # A tiling of parcels inside the territories: nothing outside, nothing lost.
    rng = np.random.default_rng(9)
    gx, gy = (a.ravel() for a in np.meshgrid(np.arange(0, 200, 5.0), np.arange(0, 200, 5.0)))
    parcels = np.asarray(shapely.box(gx, gy, gx + 5, gy + 5), dtype=object)
    terr = np.array([shapely.box(0, 0, 73.3, 200), shapely.box(73.3, 0, 200, 200)], dtype=object)
    codes = rng.choice([1, 18], parcels.shape[0]).astype(object)
    res = farmland_from_rpg(parcels, terr, code_group=codes)
    assert res.hectares.sum(axis=1) == pytest.approx([73.3 * 200 / 1e4, 126.7 * 200 / 1e4])
    assert res.outside_ha == pytest.approx(0.0, abs=1e-12)
    per_parcel = np.bincount(
        res.details["parcel_territory_ha"]["rows"],
        weights=res.details["parcel_territory_ha"]["ha"],
        minlength=parcels.shape[0],
    )
    np.testing.assert_allclose(per_parcel, shapely.area(parcels) / 1e4, rtol=1e-12)


def test_overlap_checks():
    parcels = np.array(
        [shapely.box(0, 0, 100, 10), shapely.box(90, 0, 200, 10), shapely.box(300, 0, 310, 10)],
        dtype=object,
    )
    terr = np.array([shapely.box(-10, -10, 400, 20)], dtype=object)
    fast = farmland_from_rpg(parcels, terr, code_group=[1, 1, 1])
    # neither parcel's interior point lies in the other: the fast check misses this overlap
    assert fast.details["overlapping_pairs"].shape[0] == 0
    exact = farmland_from_rpg(parcels, terr, code_group=[1, 1, 1], overlap_check="exact")
    assert exact.details["overlapping_pairs"].tolist() == [[0, 1]]
    assert exact.details["overlap_ha"] == pytest.approx([0.01])
    none = farmland_from_rpg(parcels, terr, code_group=[1, 1, 1], overlap_check="none")
    assert none.details["overlapping_pairs"].shape == (0, 2)
    with pytest.raises(InputError):
        farmland_from_rpg(parcels, terr, code_group=[1, 1, 1], overlap_check="maybe")


def test_overlapping_territories_are_reported():
    parcels = np.array([shapely.box(10, 10, 20, 20)], dtype=object)
    terr = np.array([shapely.box(0, 0, 50, 50), shapely.box(5, 5, 60, 60)], dtype=object)
    res = farmland_from_rpg(parcels, terr, code_group=[1])
    assert res.details["double_counted"].tolist() == [0]


def test_rpg_cancel():
    parcels, codes, terr = random_case(4, n_parcels=50)
    with pytest.raises(Canceled):
        farmland_from_rpg(parcels, terr, code_group=codes, is_canceled=lambda: True)
    seen = []
    farmland_from_rpg(parcels, terr, code_group=codes, progress=seen.append)
    assert seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)


def test_subdivide_tiles_the_polygons():
    _, _, terr = random_case(5)
    pieces, owner = subdivide(terr, 10)
    assert shapely.get_num_coordinates(pieces).max() <= 10 < shapely.get_num_coordinates(terr).min()
    np.testing.assert_allclose(
        np.bincount(owner, weights=shapely.area(pieces), minlength=terr.size),
        shapely.area(terr),
        rtol=1e-9,
    )


# ---------------------------------------------------------------------------------------------
# Land-cover raster
# ---------------------------------------------------------------------------------------------

PX = 10.0
X0, Y1 = 600_000.0, 6_300_000.0
CLASSES = {
    1: "cereales",
    2: "fourrages",
    3: {"cereales": 0.25, "oleoproteagineux": 0.75},
    4: "non_agricole",
    5: "exclu",
}
MAPPING = groups.LandcoverMapping.from_dict(CLASSES, "test")
NODATA = 255


def raster_terr(seed: int = 0):
    rng = np.random.default_rng(seed)
    w, h = 40 * PX, 30 * PX
    ext = shapely.box(X0 - 13.3, Y1 - h - 7.1, X0 + w + 11.7, Y1 + 9.3)  # beyond the raster
    pts = shapely.multipoints(rng.uniform([X0, Y1 - h], [X0 + w, Y1], (9, 2)))
    terr = shapely.intersection(
        shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=ext)), ext
    )
    # a hole, a nested territory in it, a multipolygon
    hole = shapely.buffer(shapely.centroid(terr[0]), 37.3)
    terr[0] = shapely.difference(terr[0], hole)
    nested = shapely.buffer(shapely.centroid(hole), 20.1)
    far = shapely.box(X0 + w - 31.7, Y1 - 23.9, X0 + w - 3.2, Y1 - 2.6)
    multi = shapely.union(nested, far)
    return np.concatenate([shapely.difference(terr, multi), [multi]])


def write_raster(path, data, dtype="uint8", nodata=NODATA, crs="EPSG:2154", transform=None):
    rasterio = pytest.importorskip("rasterio")
    from affine import Affine

    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=data.shape[1],
        height=data.shape[0],
        count=1,
        dtype=dtype,
        crs=crs,
        transform=transform or Affine(PX, 0, X0, 0, -PX, Y1),
        nodata=nodata,
        tiled=True,
        blockxsize=16,
        blockysize=16,
    ) as dst:
        dst.write(data.astype(dtype), 1)
    return path


def raster_data(seed: int = 0):
    rng = np.random.default_rng(seed)
    data = rng.choice(
        [1, 2, 3, 4, 5, 9, NODATA], size=(30, 40), p=[0.3, 0.3, 0.1, 0.1, 0.1, 0.05, 0.05]
    )
    return data


def per_pixel_count(data, terr, nodata=NODATA):
    """Independent count: every pixel centre tested against every territory."""
    m = terr.shape[0]
    expected = np.zeros((m, len(groups.TARGET_IDS)))
    unknown: dict[str, float] = {}
    nodata_ha = np.zeros(m)
    px_ha = PX * PX / 10_000
    for r in range(data.shape[0]):
        for c in range(data.shape[1]):
            pt = shapely.Point(X0 + (c + 0.5) * PX, Y1 - (r + 0.5) * PX)
            for i in range(m):
                if shapely.contains(terr[i], pt):
                    v = int(data[r, c])
                    if v == nodata:
                        nodata_ha[i] += px_ha
                    elif v in CLASSES:
                        spec = CLASSES[v]
                        for g, s in ({spec: 1.0} if isinstance(spec, str) else spec).items():
                            expected[i, T[g]] += s * px_ha
                    else:
                        expected[i, T["non_classe"]] += px_ha
                        unknown[str(v)] = unknown.get(str(v), 0.0) + px_ha
    return expected, unknown, nodata_ha


@pytest.mark.parametrize("seed", [0, 1])
def test_raster_equals_per_pixel_count(tmp_path, seed):
    data = raster_data(seed)
    path = write_raster(tmp_path / "lc.tif", data)
    terr = raster_terr(seed)
    res = farmland_from_raster(path, terr, MAPPING, territories_crs="EPSG:2154", strip_pixels=200)
    expected, unknown, nodata_ha = per_pixel_count(data, terr)
    np.testing.assert_allclose(res.hectares, expected, atol=1e-12)
    assert res.unknown_codes == pytest.approx(unknown)
    np.testing.assert_allclose(res.details["nodata_ha"], nodata_ha, atol=1e-12)
    assert expected[-1].sum() > 0  # the multipolygon got pixels


def test_label_grid_equals_gdal():
    features = pytest.importorskip("rasterio.features")
    from affine import Affine

    rng = np.random.default_rng(7)
    ext = shapely.box(0, 0, 2000, 1500)
    pts = shapely.multipoints(rng.uniform(0, 2000, (300, 2)) * [1, 0.75])
    terr = shapely.intersection(
        shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=ext)), ext
    )
    terr = shapely.segmentize(terr, 7.0)
    terr[3] = shapely.difference(terr[3], shapely.buffer(shapely.centroid(terr[3]), 15))
    transform = Affine(5.0, 0, -3.3, 0, -5.0, 1502.7)
    grid = build_label_grid(terr, transform, (302, 402))
    ref = features.rasterize(
        zip(terr.tolist(), range(1, terr.shape[0] + 1)),
        out_shape=(302, 402),
        transform=transform,
        fill=0,
        dtype=np.uint16,
    )
    full = np.zeros((302, 402), dtype=np.uint16)
    h, w = grid.labels.shape
    full[grid.row_off : grid.row_off + h, grid.col_off : grid.col_off + w] = grid.labels
    assert np.array_equal(full, ref)


def test_overlapping_territories_fall_back_to_gdal():
    features = pytest.importorskip("rasterio.features")
    from affine import Affine

    terr = np.array([shapely.box(0, 0, 60, 60), shapely.box(30.3, 30.3, 95, 95)], dtype=object)
    transform = Affine(10.0, 0, 0, 0, -10.0, 100)
    grid = build_label_grid(terr, transform, (10, 10))
    ref = features.rasterize(
        zip(terr.tolist(), [1, 2]), out_shape=(10, 10), transform=transform, dtype=np.uint16
    )
    assert np.array_equal(grid.labels, ref[: grid.labels.shape[0], : grid.labels.shape[1]])
    # pixel centre (45, 45) lies in both squares: the last one wins, as in GDAL
    assert grid.labels[5 - grid.row_off, 4 - grid.col_off] == 2


def test_cached_label_grid(tmp_path):
    data = raster_data(3)
    path = write_raster(tmp_path / "lc.tif", data)
    terr = raster_terr(3)
    first = farmland_from_raster(path, terr, MAPPING)
    grid = first.details["labels"]
    assert not first.details["labels_reused"]
    second = farmland_from_raster(path, terr, MAPPING, labels=grid)
    assert second.details["labels_reused"]
    np.testing.assert_array_equal(second.hectares, first.hectares)
    moved = terr.copy()
    moved[0] = shapely.affinity.translate(moved[0], 0.5, 0)
    third = farmland_from_raster(path, moved, MAPPING, labels=grid)
    assert not third.details["labels_reused"]


def test_label_grid_key():
    from affine import Affine

    terr = raster_terr(4)
    t = Affine(PX, 0, X0, 0, -PX, Y1)
    key = label_grid_key(terr, t, (30, 40))
    assert key == label_grid_key(terr.copy(), t, (30, 40))
    moved = terr.copy()
    coords = shapely.get_coordinates(moved[2])
    coords[1] += 1e-6
    moved[2] = shapely.set_coordinates(moved[2], coords)
    assert label_grid_key(moved, t, (30, 40)) != key
    assert label_grid_key(terr, t, (31, 40)) != key
    assert label_grid_key(terr, Affine(PX, 0, X0 + 1, 0, -PX, Y1), (30, 40)) != key
    assert label_grid_key(terr, t, (30, 40), all_touched=True) != key
    assert label_grid_key(terr, t, (30, 40), territories_crs="EPSG:2154") != key


def test_raster_reprojects_territories(tmp_path):
    pytest.importorskip("rasterio")
    from pyproj import Transformer

    data = raster_data(5)
    path = write_raster(tmp_path / "lc.tif", data)
    terr = raster_terr(5)
    tr = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)
    wgs = shapely.transform(terr, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))
    ref = farmland_from_raster(path, terr, MAPPING, territories_crs="EPSG:2154")
    res = farmland_from_raster(path, wgs, MAPPING, territories_crs="EPSG:4326")
    assert res.details["labels"].reprojected
    np.testing.assert_allclose(res.hectares, ref.hectares, atol=1e-9)
    assert any("reprojected" in str(w) for w in res.warnings)


def test_raster_dtypes(tmp_path):
    data = raster_data(6)
    terr = raster_terr(6)
    expected, _, _ = per_pixel_count(data, terr)
    signed = np.where(data == NODATA, -9999, data)
    res16 = farmland_from_raster(
        write_raster(tmp_path / "i16.tif", signed, dtype="int16", nodata=-9999), terr, MAPPING
    )
    np.testing.assert_allclose(res16.hectares, expected, atol=1e-12)
    res_f = farmland_from_raster(
        write_raster(tmp_path / "f32.tif", signed, dtype="float32", nodata=-9999), terr, MAPPING
    )
    np.testing.assert_allclose(res_f.hectares, expected, atol=1e-12)


def test_raster_bad_input(tmp_path):
    data = raster_data(0)
    terr = raster_terr(0)
    with pytest.raises(InputError):
        farmland_from_raster(tmp_path / "missing.tif", terr, MAPPING)
    geo = write_raster(tmp_path / "geo.tif", data, crs="EPSG:4326")
    with pytest.raises(InputError, match="geographic"):
        farmland_from_raster(geo, terr, MAPPING)
    ok = write_raster(tmp_path / "ok.tif", data)
    with pytest.raises(InputError):
        farmland_from_raster(ok, terr, MAPPING, band=2)
    with pytest.raises(Canceled):
        farmland_from_raster(ok, terr, MAPPING, is_canceled=lambda: True)
    far = shapely.transform(terr, lambda xy: xy + [1e6, 0])
    res = farmland_from_raster(ok, far, MAPPING)
    assert res.hectares.sum() == 0
    assert res.details["poorly_covered"].size == terr.size


def test_engine_imports_and_builds_grids_without_rasterio():
    probe = r"""
import importlib.abc, json, sys
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("rasterio", "affine"):
            raise ImportError("refused")
sys.meta_path.insert(0, Refuse())
sys.path.insert(0, sys.argv[1])
import numpy as np, shapely
from reterr_qgis.engine import InputError
from reterr_qgis.engine.supply import build_label_grid, farmland_from_raster, groups
grid = build_label_grid([shapely.box(0, 0, 20, 20)], (10.0, 0, 0, 0, -10.0, 20), (2, 2))
out = {"labels": grid.labels.tolist()}
try:
    farmland_from_raster("x.tif", [shapely.box(0, 0, 1, 1)], groups.load_landcover_mapping("clc"))
except InputError as exc:
    out["error"] = str(exc)
print(json.dumps(out))
"""
    run = subprocess.run(
        [sys.executable, "-c", probe, str(ROOT)], capture_output=True, text=True, check=True
    )
    out = json.loads(run.stdout)
    assert out["labels"] == [[1, 1], [1, 1]]
    assert "rasterio" in out["error"]
