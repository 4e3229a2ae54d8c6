"""Compiled loops (numba) of the land-cover raster count, the optional accelerator of
:mod:`.farmland`.

Imported only when numba is installed (see :func:`.farmland._compiled_kernels`, which first runs
:func:`self_check`); the numpy code of :mod:`.farmland` stays the fallback and gives the same
grids and counts, bit for bit. The kernels are compiled on first use (then cached on disk by
numba) and **release the GIL**: :mod:`.farmland` runs them on bands of rows in several Python
threads at once. numba's own parallel layer is not used, for the reason given in
:mod:`..routing._kernels` (its work queue aborts the process when two threads enter it at once,
which QGIS does: Processing algorithms run in background threads).

Scanline fill
-------------
:func:`crossings` turns the polygon edges into the crossings of the pixel-centre rows, bucketed
by row (a count pass, then a scatter pass: no sort, no ``repeat`` arrays): the crossing of row
``r`` by an edge is at ``x = x1 + (r + 0.5 - y1) · (x2 - x1) / (y2 - y1)`` in pixel units, the very
expression (and order of operations) of the numpy fill, so that both give the same columns.
:func:`fill_rows` then XORs each row's toggles into a row buffer and sweeps it once (prefix XOR),
checking the crossing parity where the state changes, as the numpy fill does at the crossings.

Count
-----
:func:`count_lut` reads a strip of labels and raw class values once: the class index comes from
the lookup table and ``counts[label · n_index + index]`` is incremented in place (no
``label · n_index + index`` temporary, no ``bincount``); the raw values of unknown classes inside
the territories are tallied in a histogram of the raw values. :func:`count_index` counts
precomputed class indices (float and 32-bit rasters).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
from numba import njit
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Bit 31 of a toggle: its crossing's parity (the label is in the low bits).
PARITY = 1 << 31

#: See :data:`..routing._kernels._NAME_TAG`: numba's disk cache refers to the module by name, and
#: the plugin and the tests import it under two names.
_NAME_TAG = "m" + format(zlib.crc32(__name__.encode("utf-8")), "08x")

F = TypeVar("F", bound=Callable[..., Any])


def _kernel(fn: F) -> F:
    """``numba.njit(nogil=True, cache=True)``, cached apart for each name of this module."""
    fn.__qualname__ = f"{fn.__name__}_{_NAME_TAG}"
    return njit(nogil=True, cache=True)(fn)


@_kernel
def _row_of(y: float, e: float, f: float, height: int) -> tuple[float, int]:  # pragma: no cover
    """Row coordinate ``(y - f) / e`` of a vertex, and the first pixel-centre row at or below it
    (``ceil(row - 0.5)`` clipped to ``0..height``)."""
    row = (y - f) / e
    v = np.ceil(row - 0.5)
    if v > height:
        v = float(height)
    if not v >= 0:  # NaN too
        v = 0.0
    return row, np.int64(v)


@_kernel
def crossings(
    coords: FloatArray,
    ring_sizes: IntArray,
    ring_owner: IntArray,
    a: float,
    c: float,
    e: float,
    f: float,
    height: int,
    width: int,
) -> tuple[IntArray, NDArray[np.int32], NDArray[np.uint32]]:  # pragma: no cover - compiled
    """Crossings of the pixel-centre rows by the ring edges, bucketed by row.

    Returns ``row_start`` (``(height + 1,)``: the crossings of row ``r`` are
    ``row_start[r]:row_start[r + 1]``), their columns (``ceil(x - 0.5)`` clipped to
    ``0..width``) and their toggles (``owner + 1``, bit 31 set). The rows of the vertices are
    computed on the fly in both passes (arrays of them would cost more to allocate than to
    recompute).
    """
    n_rings = ring_sizes.shape[0]
    # Count pass: crossings per row, as a difference array (an edge within a row adds 0).
    diff = np.zeros(height + 1, dtype=np.int64)
    start = 0
    for ring in range(n_rings):
        stop = start + ring_sizes[ring]
        if stop > start:
            r0 = _row_of(coords[start, 1], e, f, height)[1]
            for j in range(start + 1, stop):
                r1 = _row_of(coords[j, 1], e, f, height)[1]
                diff[min(r0, r1)] += 1
                diff[max(r0, r1)] -= 1
                r0 = r1
        start = stop
    row_start = np.empty(height + 1, dtype=np.int64)
    total = 0
    running = 0
    for r in range(height):
        row_start[r] = total
        running += diff[r]
        total += running
    row_start[height] = total
    fill = row_start[:height].copy()
    cols = np.empty(total, dtype=np.int32)
    toggles = np.empty(total, dtype=np.uint32)
    # Scatter pass (the toggles of a row are XORed afterwards: their order is free).
    start = 0
    for ring in range(n_rings):
        stop = start + ring_sizes[ring]
        tog = np.uint32((ring_owner[ring] + 1) | PARITY)
        if stop > start:
            y0, r0 = _row_of(coords[start, 1], e, f, height)
            for j in range(start, stop - 1):
                y1, r1 = _row_of(coords[j + 1, 1], e, f, height)
                if r0 != r1:
                    ex1 = (coords[j, 0] - c) / a
                    dx = (coords[j + 1, 0] - c) / a - ex1
                    dy = y1 - y0
                    for rr in range(min(r0, r1), max(r0, r1)):
                        # The numpy fill's expression, in its order: the same column.
                        xc = ex1 + (rr + 0.5 - y0) * dx / dy
                        col = np.ceil(xc - 0.5)
                        if col > width:
                            col = float(width)
                        if not col >= 0:
                            col = 0.0
                        k = fill[rr]
                        fill[rr] = k + 1
                        cols[k] = np.int32(col)
                        toggles[k] = tog
                y0 = y1
                r0 = r1
        start = stop
    return row_start, cols, toggles


@_kernel
def fill_rows(
    row_start: IntArray,
    cols: NDArray[np.int32],
    toggles: NDArray[np.uint32],
    labels: NDArray[np.integer],
    r0: int,
    r1: int,
) -> bool:  # pragma: no cover - compiled
    """Fill rows ``r0:r1`` of ``labels`` (``(height, width)``) from their crossings; False as soon
    as a pixel's crossing parity disagrees with its label (overlapping territories)."""
    width = labels.shape[1]
    buf = np.zeros(width + 1, dtype=np.uint32)
    mask = np.uint32(PARITY - 1)
    parity = np.uint32(PARITY)
    zero = np.uint32(0)
    for r in range(r0, r1):
        for k in range(row_start[r], row_start[r + 1]):
            buf[cols[k]] ^= toggles[k]
        out = labels[r]
        state = zero
        for col in range(width):
            b = buf[col]
            if b != zero:
                state ^= b
                buf[col] = zero
                if (state >= parity) != ((state & mask) != zero):
                    return False
            out[col] = state & mask
        # buf[width] gathers the crossings right of the window; it is never read.
    return True


@_kernel
def count_lut(
    labels: NDArray[np.integer],
    data: NDArray[np.integer],
    lut: NDArray[np.uint16],
    n_index: int,
    unknown_index: int,
    counts: IntArray,
    unknown_hist: IntArray,
) -> None:  # pragma: no cover - compiled
    """``counts[label · n_index + lut[value]] += 1`` over two flat arrays of the same size, and
    ``unknown_hist[value] += 1`` for the pixels of a territory whose index is ``unknown_index``."""
    for p in range(labels.shape[0]):
        label = np.int64(labels[p])
        value = data[p]
        index = np.int64(lut[value])
        counts[label * n_index + index] += 1
        if index == unknown_index and label != 0:
            unknown_hist[value] += 1


@_kernel
def count_index(
    labels: NDArray[np.integer], index: NDArray[np.integer], n_index: int, counts: IntArray
) -> None:  # pragma: no cover - compiled
    """``counts[label · n_index + index] += 1`` over two flat arrays of the same size."""
    for p in range(labels.shape[0]):
        counts[np.int64(labels[p]) * n_index + np.int64(index[p])] += 1


def self_check() -> None:
    """Compile (or load) the kernels and run them on a 2 × 3 grid; raise if anything is wrong.

    A square of pixels ``(0..2, 0..1)`` (label 1) and the common dtypes (uint16 labels, uint8
    values).
    """
    coords = np.array([[0.0, 0.0], [2.0, 0.0], [2.0, -1.0], [0.0, -1.0], [0.0, 0.0]])
    sizes = np.array([5], dtype=np.int64)
    owner = np.array([0], dtype=np.int64)
    row_start, cols, toggles = crossings(coords, sizes, owner, 1.0, 0.0, -1.0, 0.0, 2, 3)
    labels = np.zeros((2, 3), dtype=np.uint16)
    ok = fill_rows(row_start, cols, toggles, labels, 0, 2)
    ok &= row_start.tolist() == [0, 2, 2] and sorted(cols.tolist()) == [0, 2]
    ok &= labels.tolist() == [[1, 1, 0], [0, 0, 0]]
    data = np.array([[3, 7, 3], [1, 1, 1]], dtype=np.uint8)
    lut = np.array([2, 0, 2, 1, 2, 2, 2, 2], dtype=np.uint16)  # 1 -> 0, 3 -> 1, else unknown (2)
    lut = np.concatenate([lut, np.full(248, 2, dtype=np.uint16)])
    counts = np.zeros(2 * 3, dtype=np.int64)
    hist = np.zeros(256, dtype=np.int64)
    count_lut(labels.ravel(), data.ravel(), lut, 3, 2, counts, hist)
    ok &= counts.tolist() == [3, 1, 0, 0, 1, 1] and hist[7] == 1 and hist.sum() == 1
    counts[:] = 0
    count_index(labels.ravel(), lut[data.ravel()], 3, counts)
    ok &= counts.tolist() == [3, 1, 0, 0, 1, 1]
    if not ok:
        raise RuntimeError("the compiled raster kernels gave wrong results on a 2 x 3 grid")
