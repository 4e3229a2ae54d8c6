"""Road lines from WKB to coordinate arrays: :func:`~reterr_qgis.engine.core.wkb.line_parts`.

What the road-network builder does with a layer's geometries before building the graph. Input:
200,000 road-like lines generated here (seeded random walks of 2 to 20 vertices with 20–300 m
steps, 10 % of them two-part MultiLineStrings), as little-endian ISO WKB, which is what QGIS's
``QgsGeometry.asWkb()`` writes for a GeoPackage or shapefile road layer.

Peer: what the adapter did before (and needed shapely 2 for), on the same bytes in the same
process: ``shapely.from_wkb`` + ``get_parts`` + ``get_coordinates`` and the offsets from the
vertex counts. The check asserts equal coordinates, offsets and owners.
"""

from __future__ import annotations

import numpy as np
import shapely

from reterr_qgis.engine.core.wkb import line_parts

N_FEATURES = 200_000
MULTI_SHARE = 0.10


def make_wkbs(n: int = N_FEATURES, seed: int = 12) -> list[bytes]:
    """``n`` road-like lines as WKB (ISO, little-endian)."""
    rng = np.random.default_rng(seed)
    multi = rng.random(n) < MULTI_SHARE
    n_lines = n + int(multi.sum())  # a multi has two lines
    counts = rng.integers(2, 21, n_lines)
    total = int(counts.sum())
    first = np.repeat(rng.uniform(0, 200_000, (n_lines, 2)), counts, axis=0)
    heading = np.repeat(rng.uniform(0, 2 * np.pi, n_lines), counts) + rng.normal(0, 0.3, total)
    step = rng.uniform(20, 300, total)
    delta = np.stack((np.cos(heading), np.sin(heading)), axis=1) * step[:, None]
    line_of = np.repeat(np.arange(n_lines), counts)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    delta[starts] = 0.0
    walk = np.cumsum(delta, axis=0)
    walk -= np.repeat(walk[starts], counts, axis=0)
    lines = shapely.linestrings(np.round(first + walk, 2), indices=line_of)
    feature_of_line = np.repeat(np.arange(n), np.where(multi, 2, 1))
    geoms = np.empty(n, dtype=object)
    single = ~multi
    geoms[single] = lines[np.flatnonzero(single[feature_of_line])]
    pairs = lines[np.flatnonzero(multi[feature_of_line])].reshape(-1, 2)
    geoms[multi] = shapely.multilinestrings(
        pairs.ravel(), indices=np.repeat(np.arange(len(pairs)), 2)
    )
    return list(shapely.to_wkb(geoms, byte_order=1, flavor="iso"))


WKBS = make_wkbs()


def ours():
    return line_parts(WKBS)


def shapely_peer():
    parts, owner = shapely.get_parts(shapely.from_wkb(WKBS), return_index=True)
    coords, vidx = shapely.get_coordinates(parts, return_index=True)
    offsets = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(vidx, minlength=len(parts)), out=offsets[1:])
    return coords, offsets, owner


def check_same(a, b) -> None:
    for ours_arr, peer_arr in zip(a, b):
        np.testing.assert_array_equal(ours_arr, peer_arr)


def note() -> str:
    coords, offsets, _ = ours()
    return (
        f"{len(WKBS):,} features, {len(offsets) - 1:,} parts, {len(coords):,} vertices, "
        f"{sum(map(len, WKBS)) / 1e6:.0f} MB of WKB"
    )


CASES = [
    {
        "name": "wkb 200k road lines -> coordinate arrays",
        "run": ours,
        "peer": "shapely from_wkb+get_parts",
        "peer_run": shapely_peer,
        "check": check_same,
        "note": note,
    },
]
