"""Compiled raster kernels of ``reterr_qgis.engine.supply.farmland`` (numba), no QGIS.

The compiled label fill must give the numpy fill's grid pixel for pixel (and its None when
territories overlap), hence GDAL's (``rasterio.features.rasterize``) wherever no pixel centre lies
exactly on an edge; the compiled count must give the numpy count's hectares, unknown classes and
pixels exactly. Random territories with holes, nested territories, multipolygons, territories
beyond every edge of the window, south-up grids, degenerate rows (vertices and horizontal edges on
pixel-centre rows), several threads, 32-bit labels and every raster dtype.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
import shapely

from reterr_qgis.engine import Canceled
from reterr_qgis.engine.supply import farmland as fl
from reterr_qgis.engine.supply import groups

pytest.importorskip("numba")

NO_NUMBA = "RETERR_NO_NUMBA"


@pytest.fixture(autouse=True)
def _compiled(monkeypatch):
    monkeypatch.delenv(NO_NUMBA, raising=False)
    if not fl.accelerated():
        pytest.skip("numba is installed but its kernels are unusable here")


def fills(terr, inverse, height, width, dtype=np.uint16):
    """The numpy and the compiled grid of the same territories."""
    arrays = fl._PolygonArrays.of(np.asarray(terr, dtype=object))
    ref = fl._scanline_labels(arrays, inverse, height, width, dtype, compiled=False)
    out = fl._scanline_labels(arrays, inverse, height, width, dtype, compiled=True)
    return ref, out


def assert_same(ref, out):
    if ref is None:
        assert out is None
    else:
        assert out is not None and out.dtype == ref.dtype
        assert np.array_equal(out, ref)


def gdal(terr, transform, height, width):
    features = pytest.importorskip("rasterio.features")
    from affine import Affine

    return features.rasterize(
        zip(list(terr), range(1, len(terr) + 1)),
        out_shape=(height, width),
        transform=Affine(*transform),
        fill=0,
        dtype=np.uint16,
    )


def random_territories(seed, extent, n=60, segment=None):
    """Voronoi cells beyond ``extent`` on every side, with a hole holding a nested territory, a
    second hole left empty, and a multipolygon made of two far apart pieces."""
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = extent
    dx, dy = x1 - x0, y1 - y0
    ext = shapely.box(x0 - 0.137 * dx, y0 - 0.093 * dy, x1 + 0.071 * dx, y1 + 0.113 * dy)
    pts = shapely.multipoints(rng.uniform([x0, y0], [x1, y1], (n, 2)))
    terr = shapely.intersection(
        shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=ext)), ext
    )
    if segment:
        terr = shapely.segmentize(terr, segment)
    scale = min(dx, dy)
    hole = shapely.buffer(shapely.centroid(terr[0]), 0.061 * scale)
    empty_hole = shapely.buffer(shapely.centroid(terr[1]), 0.043 * scale)
    nested = shapely.buffer(shapely.centroid(hole), 0.031 * scale)
    far = shapely.box(x1 - 0.083 * dx, y1 - 0.091 * dy, x1 + 0.02 * dx, y1 + 0.05 * dy)
    multi = shapely.union(nested, far)
    terr[0] = shapely.difference(terr[0], hole)
    terr[1] = shapely.difference(terr[1], empty_hole)
    return np.concatenate([shapely.difference(terr, multi), [multi]])


# ---------------------------------------------------------------------------------------------
# Label fill
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "seed, transform, shape",
    [
        (0, (5.0, 0.0, -3.3, 0.0, -5.0, 1502.7), (302, 402)),
        (1, (7.3, 0.0, 11.1, 0.0, -4.1, 997.9), (241, 271)),
        (2, (4.0, 0.0, 0.7, 0.0, 6.0, -2.9), (167, 503)),  # south-up (e > 0)
        (3, (25.0, 0.0, 0.3, 0.0, -25.0, 1000.4), (40, 80)),  # coarse: many thin slivers
    ],
)
def test_fill_equals_numpy_and_gdal(seed, transform, shape):
    a, _, c, _, e, f = transform
    h, w = shape
    ys = sorted((f, f + h * e))
    terr = random_territories(seed, (c, ys[0], c + w * a, ys[1]), segment=3 * abs(a))
    ref, out = fills(terr, (a, c, e, f), h, w)
    assert_same(ref, out)
    assert np.array_equal(out, gdal(terr, transform, h, w))
    # nearly every territory got pixels, and territories cross every edge of the window
    assert np.unique(out).size > terr.size - 3
    for edge in (out[0], out[-1], out[:, 0], out[:, -1]):
        assert (edge > 0).mean() > 0.8


@pytest.mark.parametrize("seed", range(4))
def test_build_label_grid_is_the_same_with_and_without_numba(monkeypatch, seed):
    transform = (10.0, 0.0, 1000.3, 0.0, -10.0, 5000.7)
    terr = random_territories(seed, (1200, 2100, 3300, 4700), n=40)  # beyond the raster's left
    fast = fl.build_label_grid(terr, transform, (500, 400))
    monkeypatch.setenv(NO_NUMBA, "1")
    assert not fl.accelerated()
    slow = fl.build_label_grid(terr, transform, (500, 400))
    assert (fast.row_off, fast.col_off, fast.key) == (slow.row_off, slow.col_off, slow.key)
    assert fast.labels.dtype == slow.labels.dtype
    assert np.array_equal(fast.labels, slow.labels)
    # the window the territories cover (their bounds from shapely)
    xmin, ymin, xmax, ymax = shapely.total_bounds(terr)
    c0, c1 = max(int(np.floor((xmin - 1000.3) / 10)), 0), int(np.ceil((xmax - 1000.3) / 10))
    r0, r1 = int(np.floor((5000.7 - ymax) / 10)), min(int(np.ceil((5000.7 - ymin) / 10)), 500)
    assert c0 == 0 and c1 < 400 and r1 < 500  # a window clipped by the raster on the left only
    assert (fast.row_off, fast.col_off) == (r0, c0)
    assert fast.labels.shape == (r1 - r0, c1 - c0)


def test_fill_degenerate_rows():
    """Vertices and horizontal edges on pixel-centre rows and on pixel edges, collinear rings,
    slivers, repeated vertices, one-row and one-column grids, rings outside the window."""
    rng = np.random.default_rng(11)
    h, w = 23, 31
    inverse = (1.0, 0.0, -1.0, float(h))
    cases = [
        [shapely.box(2.5, 3.5, 9.5, 7.5)],  # every edge through pixel centres
        [shapely.box(2, 3, 9, 7)],  # every edge on pixel edges
        [shapely.Polygon([(1, 1.5), (20, 1.5), (10, 1.5), (1, 1.5)])],  # collinear, on a row
        [shapely.Polygon([(0.5, 0.5), (30.5, 22.5), (30.5, 22.5), (0.5, 0.6), (0.5, 0.5)])],
        [shapely.box(-5, -5, 40, 30)],  # covers the whole window
        [shapely.box(-9, 2, -1, 9), shapely.box(3, 30, 9, 35), shapely.box(33, 2, 39, 9)],
        [shapely.box(3.2, 4.5, 3.7, 12.5), shapely.box(5, 9.49, 17, 9.51)],  # slivers
    ]
    for step in (0.5, 1.0, 0.25):  # random convex and star polygons on lattices
        for _ in range(60):
            pts = np.round(rng.uniform(-3, [w + 3, h + 3], (7, 2)) / step) * step
            cases.append([shapely.convex_hull(shapely.multipoints(pts))])
            ang = np.sort(rng.uniform(0, 2 * np.pi, 9))
            rad = rng.uniform(1, 12, 9)
            ctr = np.round(rng.uniform(0, [w, h]) / step) * step
            star = np.round((ctr + np.c_[rad * np.cos(ang), rad * np.sin(ang)]) / step) * step
            cases.append([shapely.Polygon(star)])
    n_none = 0
    for terr in cases:
        terr = [g for g in terr if g.geom_type == "Polygon"]
        if not terr:
            continue
        for height, width in ((h, w), (1, w), (h, 1)):
            ref, out = fills(terr, inverse, height, width)
            assert_same(ref, out)
            n_none += ref is None
    assert n_none == 0


def test_fill_detects_overlaps_like_numpy():
    inverse = (10.0, 0.0, -10.0, 100.0)
    a = shapely.box(0, 0, 60, 60)
    cases = [
        [a, shapely.box(30.3, 30.3, 95, 95)],  # two squares overlapping
        [a, a],  # a duplicate
        [shapely.box(0, 0, 90, 90), shapely.box(20.1, 20.1, 50.2, 50.2)],  # nested, no hole
        [a, shapely.box(10.1, 10.1, 30, 30), shapely.box(15, 15, 25, 25)],  # triple overlap
        [a, shapely.box(60, 0, 95, 60)],  # touching only: no overlap
    ]
    results = []
    for terr in cases:
        ref, out = fills(terr, inverse, 10, 10)
        assert_same(ref, out)
        results.append(ref is None)
    assert results == [True, True, True, True, False]


def test_fill_in_several_threads(monkeypatch):
    monkeypatch.setattr(fl, "_FILL_BAND_PIXELS", 1)
    monkeypatch.setattr(fl, "_raster_workers", lambda: 5)
    transform = (5.0, 0.0, -3.3, 0.0, -5.0, 1502.7)
    terr = random_territories(5, (-3.3, -7.3, 1997.7, 1502.7))
    ref, out = fills(terr, (5.0, -3.3, -5.0, 1502.7), 302, 400)
    assert_same(ref, out)
    assert np.array_equal(out, gdal(terr, transform, 302, 400))
    # an overlap in the last band only
    overlap = np.concatenate([terr, [shapely.box(1900.3, -5.1, 1990.7, 10.2)]])
    assert fills(overlap, (5.0, -3.3, -5.0, 1502.7), 302, 400) == (None, None)


def test_fill_32_bit_labels():
    """65,792 territories: labels above 65,535 (uint32 grid)."""
    rows, cols = 257, 256
    x, y = np.meshgrid(np.arange(cols, dtype=float), np.arange(rows, dtype=float))
    boxes = shapely.box(x.ravel(), y.ravel(), x.ravel() + 1, y.ravel() + 1)  # row by row
    inverse = (1.0, 0.0, -1.0, float(rows))
    ref, out = fills(boxes, inverse, rows, cols, np.uint32)
    assert_same(ref, out)
    expected = np.arange(1, rows * cols + 1, dtype=np.uint32).reshape(rows, cols)[::-1]
    assert np.array_equal(out, expected)
    grid = fl.build_label_grid(boxes, (1.0, 0, 0, 0, -1.0, float(rows)), (rows, cols))
    assert grid.labels.dtype == np.uint32 and np.array_equal(grid.labels, expected)


def test_key_is_unchanged():
    """The digest and the key of a fixed input, as computed before the compiled kernels (and by
    the documented definition: SHA-256 of types, ring sizes, ring owners, coordinates)."""
    terr = np.array(
        [
            shapely.box(0, 0, 100, 100),
            shapely.Polygon(
                [(100, 0), (200, 0), (200, 100), (100, 100)],
                [[(120, 20), (140, 20), (140, 40), (120, 20)]],
            ),
            shapely.MultiPolygon([shapely.box(300, 0, 310, 10), shapely.box(320, 0, 330, 10)]),
        ],
        dtype=object,
    )
    transform = (10.0, 0.0, -5.0, 0.0, -10.0, 105.0)
    arrays = fl._PolygonArrays.of(terr)
    h = hashlib.sha256()
    for arr in (arrays.types, arrays.ring_sizes, arrays.ring_owner, arrays.coords):
        h.update(arr.tobytes())
    assert fl.geometry_digest(terr) == h.digest()
    assert arrays.ring_sizes.tolist() == [5, 5, 4, 5, 5]
    key = "0a7d7618835968a64f9b687ac86c0bc6bb98cd74"
    assert fl.label_grid_key(terr, transform, (12, 40)) == key
    assert fl.build_label_grid(terr, transform, (12, 40)).key == key


# ---------------------------------------------------------------------------------------------
# Count
# ---------------------------------------------------------------------------------------------

PX = 10.0
X0, Y1 = 600_000.0, 6_300_000.0
MAPPING = groups.LandcoverMapping.from_dict(
    {
        1: "cereales",
        2: "fourrages",
        3: {"cereales": 0.25, "oleoproteagineux": 0.75},
        4: "non_agricole",
        5: "exclu",
        300: "fruits_legumes",
        -7: "autres",
    },
    "test",
)


def write_raster(path, data, dtype, nodata):
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
        crs="EPSG:2154",
        transform=Affine(PX, 0, X0, 0, -PX, Y1),
        nodata=nodata,
        tiled=True,
        blockxsize=16,
        blockysize=16,
    ) as dst:
        dst.write(data.astype(dtype), 1)
    return path


@pytest.mark.parametrize(
    "dtype, values, nodata",
    [
        ("uint8", [1, 2, 3, 4, 5, 9, 200, 255], 255),
        ("int8", [1, 2, 3, -7, -100, 9, -128], -128),
        ("uint16", [1, 2, 3, 300, 65000, 9, 0], 0),
        ("int16", [1, 2, 3, -7, -9999, -300, 300, 32767], -9999),
        ("int32", [1, 2, 3, -7, 300, 70000, -1], -1),
        ("float32", [1, 2, 3, -7, 300, 2.5, -9999], -9999),
        ("uint8", [1, 2, 3, 4, 5, 9], None),
    ],
)
def test_count_equals_numpy(tmp_path, monkeypatch, dtype, values, nodata):
    rng = np.random.default_rng(len(values))
    data = rng.choice(np.array(values), size=(61, 83))
    if dtype == "float32":
        data = data.astype(np.float32)
        data[rng.random(data.shape) < 0.03] = np.nan
    path = write_raster(tmp_path / "lc.tif", data, dtype, nodata)
    terr = random_territories(7, (X0, Y1 - 61 * PX, X0 + 83 * PX, Y1), n=25)
    monkeypatch.setattr(fl, "_raster_workers", lambda: 3)  # bands of rows in three threads

    def run():
        return fl.farmland_from_raster(path, terr, MAPPING, strip_pixels=700)

    fast = run()
    monkeypatch.setenv(NO_NUMBA, "1")
    slow = run()
    assert np.array_equal(fast.hectares, slow.hectares)
    assert fast.unknown_codes == slow.unknown_codes
    assert list(fast.unknown_codes) == list(slow.unknown_codes)
    for name in ("pixels", "nodata_ha", "coverage", "poorly_covered"):
        assert np.array_equal(fast.details[name], slow.details[name])
    assert np.array_equal(fast.details["labels"].labels, slow.details["labels"].labels)
    assert [str(m) for m in fast.warnings] == [str(m) for m in slow.warnings]
    assert fast.unknown_codes and fast.hectares[:, :5].sum() > 0
    # an independent count of the pixels of each territory
    lab = fast.details["labels"]
    full = np.zeros(data.shape, dtype=np.int64)
    hh, ww = lab.labels.shape
    full[lab.row_off : lab.row_off + hh, lab.col_off : lab.col_off + ww] = lab.labels
    pixels = np.bincount(full.ravel(), minlength=terr.size + 1)[1:]
    assert np.array_equal(fast.details["pixels"], pixels)


def test_count_cancel_stops_the_threads(tmp_path, monkeypatch):
    data = np.random.default_rng(1).choice([1, 2, 3, 9], size=(64, 64))
    path = write_raster(tmp_path / "lc.tif", data, "uint8", 255)
    terr = random_territories(2, (X0, Y1 - 64 * PX, X0 + 64 * PX, Y1), n=10)
    monkeypatch.setattr(fl, "_raster_workers", lambda: 2)
    calls = []

    def is_canceled():
        calls.append(1)
        return len(calls) > 3  # after the label grid and two strips

    with pytest.raises(Canceled):
        fl.farmland_from_raster(path, terr, MAPPING, strip_pixels=640, is_canceled=is_canceled)
    res = fl.farmland_from_raster(path, terr, MAPPING, strip_pixels=640)  # nothing left behind
    assert res.details["pixels"].sum() > 0


def test_kernels_self_check_and_switch(monkeypatch):
    from reterr_qgis.engine.supply import _raster_kernels

    _raster_kernels.self_check()
    assert fl.accelerated()
    monkeypatch.setenv(NO_NUMBA, "1")
    assert not fl.accelerated()
    arrays = fl._PolygonArrays.of(np.array([shapely.box(0, 0, 1, 1)], dtype=object))
    with pytest.raises(RuntimeError):
        fl._scanline_labels(arrays, (1.0, 0.0, -1.0, 1.0), 1, 1, np.uint16, compiled=True)
