"""Line geometries from WKB without shapely (:func:`reterr_qgis.engine.core.wkb.line_parts`).

Checked against shapely 2 on random lines (both byte orders, Z, M, ZM, empty geometries and empty
parts), on a case computed by hand, and on the errors (not lines, bytes cut short).
"""

from __future__ import annotations

import struct

import numpy as np
import pytest

from reterr_qgis.engine.core.errors import InputError
from reterr_qgis.engine.core.wkb import line_parts

shapely = pytest.importorskip("shapely", minversion="2")


def pack_line(points, order: int = 1, code: int = 2) -> bytes:
    """A linestring's WKB by hand: ``points`` rows of 2 to 4 doubles, ``code`` its type."""
    end = "<" if order else ">"
    pts = np.asarray(points, dtype=float).ravel()
    body = struct.pack(f"{end}{pts.size}d", *pts)
    return struct.pack(f"{end}BII", order, code, len(points)) + body


def pack_multi(lines, order: int = 1, code: int = 5) -> bytes:
    """A multilinestring's WKB by hand from the WKB of its parts."""
    end = "<" if order else ">"
    return struct.pack(f"{end}BII", order, code, len(lines)) + b"".join(lines)


def shapely_parts(wkbs):
    """What the adapter computed with shapely 2: coords, offsets, owner (parts without points
    dropped, as :func:`line_parts` does)."""
    geoms = shapely.from_wkb(wkbs)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    coords, vidx = shapely.get_coordinates(parts, return_index=True)
    counts = np.bincount(vidx, minlength=len(parts))
    keep = counts > 0
    offsets = np.zeros(int(keep.sum()) + 1, dtype=np.int64)
    np.cumsum(counts[keep], out=offsets[1:])
    return coords, offsets, owner[keep]


def random_geometry(rng):
    """A shapely line, multiline or empty geometry with 2D or Z coordinates."""
    kind = rng.integers(0, 10)
    if kind == 0:
        return shapely.from_wkt(rng.choice(["LINESTRING EMPTY", "MULTILINESTRING EMPTY"]))
    dims = 3 if rng.random() < 0.3 else 2

    def line():
        return shapely.linestrings(rng.normal(0, 1e5, (rng.integers(2, 12), dims)))

    if kind <= 3:
        return shapely.multilinestrings([line() for _ in range(rng.integers(1, 4))])
    return line()


@pytest.mark.parametrize("seed", range(4))
def test_same_arrays_as_shapely_on_random_lines(seed):
    rng = np.random.default_rng(seed)
    geoms = [random_geometry(rng) for _ in range(300)]
    wkbs = []
    for g in geoms:
        order = int(rng.integers(0, 2))
        dim = 3 if shapely.has_z(g) else 2
        wkbs.append(shapely.to_wkb(g, byte_order=order, output_dimension=dim, flavor="iso"))
    coords, offsets, owner = line_parts(wkbs)
    ref_coords, ref_offsets, ref_owner = shapely_parts(wkbs)
    assert coords.dtype == np.float64 and coords.shape[1] == 2
    assert offsets.dtype == np.int64 and owner.dtype == np.int64
    np.testing.assert_array_equal(coords, ref_coords)
    np.testing.assert_array_equal(offsets, ref_offsets)
    np.testing.assert_array_equal(owner, ref_owner)


@pytest.mark.parametrize("seed", range(3))
def test_m_and_zm_packed_by_hand_keep_x_and_y(seed):
    """M and ZM (ISO 2002/3002/2005/3005, and the EWKB flags) read as the 2D lines shapely gives."""
    rng = np.random.default_rng(100 + seed)
    wkbs, flat = [], []
    for _ in range(200):
        order = int(rng.integers(0, 2))
        extra, line_code = [(0, 2), (1, 1002), (1, 2002), (2, 3002), (1, 0x80000002),
                            (1, 0x40000002), (2, 0xC0000002)][rng.integers(0, 7)]  # fmt: skip
        parts = []
        for _ in range(rng.integers(1, 4)):
            pts = rng.normal(0, 1e4, (rng.choice([0, 2, 3, 5]), 2))  # GEOS refuses 1 point
            full = np.hstack([pts, rng.normal(0, 10, (len(pts), extra))])
            parts.append((pts, pack_line(full, order, line_code)))
        if rng.random() < 0.5:
            wkbs.append(pack_multi([w for _, w in parts], order, line_code + 3))
        else:
            parts = parts[:1]
            wkbs.append(parts[0][1])
        flat.append([pts for pts, _ in parts])
    coords, offsets, owner = line_parts(wkbs)
    expected = [(row, pts) for row, parts in enumerate(flat) for pts in parts if len(pts)]
    assert len(offsets) == len(expected) + 1
    np.testing.assert_array_equal(owner, [row for row, _ in expected])
    for p, (_row, pts) in enumerate(expected):
        np.testing.assert_array_equal(coords[offsets[p] : offsets[p + 1]], pts)
    # shapely (GEOS) reads these codes too: the same arrays.
    for ours, theirs in zip((coords, offsets, owner), shapely_parts(wkbs)):
        np.testing.assert_array_equal(ours, theirs)


def test_hand_computed_case():
    wkbs = [
        pack_line([(0, 0), (3, 4)]),  # little-endian 2D
        pack_multi(
            [pack_line([(1, 2, 9), (5, 6, 9), (7, 8, 9)], 0, 1002), pack_line([], 0)], order=0
        ),  # big-endian, a Z part and an empty part
        pack_line([]),  # empty: no part
        pack_multi([]),  # empty collection: no part
        struct.pack("<BIII", 1, 0x20000005, 2154, 1)
        + pack_line([(10, 11, 0, 1), (12, 13, 0, 1)], 1, 3002),  # EWKB with an SRID, ZM part
    ]
    coords, offsets, owner = line_parts(wkbs)
    np.testing.assert_array_equal(
        coords, [(0, 0), (3, 4), (1, 2), (5, 6), (7, 8), (10, 11), (12, 13)]
    )
    np.testing.assert_array_equal(offsets, [0, 2, 5, 7])
    np.testing.assert_array_equal(owner, [0, 1, 4])


def test_no_geometry_gives_empty_arrays():
    coords, offsets, owner = line_parts([])
    assert coords.shape == (0, 2) and offsets.tolist() == [0] and owner.size == 0
    coords, offsets, owner = line_parts([pack_line([])])
    assert coords.shape == (0, 2) and offsets.tolist() == [0] and owner.size == 0


def test_bytes_like_inputs():
    line = pack_line([(1, 2), (3, 4)])
    coords, _, owner = line_parts([bytearray(line), memoryview(line)])
    np.testing.assert_array_equal(coords, [(1, 2), (3, 4), (1, 2), (3, 4)])
    np.testing.assert_array_equal(owner, [0, 1])


def test_polygons_points_and_curves_are_named():
    line = pack_line([(0, 0), (1, 1)])
    wkbs = [
        line,
        shapely.to_wkb(shapely.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))")),
        line,
        shapely.to_wkb(shapely.from_wkt("POINT (1 2)")),
        struct.pack("<BII", 1, 8, 0),  # CircularString
        pack_multi([line, shapely.to_wkb(shapely.from_wkt("POINT (1 2)"))]),  # a point inside
    ]
    with pytest.raises(InputError) as err:
        line_parts(wkbs)
    assert err.value.rows == [1, 3, 4, 5]
    assert "4 features are not lines" in err.value.message


def test_bytes_cut_short_are_named():
    line = pack_line([(0, 0), (1, 1), (2, 2)])
    multi = pack_multi([line, line], order=0)
    wkbs = [line, line[:-1], line[:3], b"", multi[:-8], multi, b"\x07" + line[1:]]
    with pytest.raises(InputError) as err:
        line_parts(wkbs)
    assert err.value.rows == [1, 2, 3, 4, 6]
