"""Line geometries from Well-Known Binary (WKB) to coordinate arrays, with numpy only.

The road network builder needs each line's vertices as one ``(n, 2)`` array cut into parts; this
reads them straight from the WKB that QGIS writes (``QgsGeometry.asWkb()``, ISO flavour), so that
building a road graph needs no shapely.

Accepted: LineString (type 2) and MultiLineString (5), with Z, M or ZM (ISO codes 1002, 2002, 3002,
1005, 2005, 3005, or the EWKB high-bit Z/M flags with an optional SRID), in either byte order.
Only x and y are kept. Empty lines, empty collections and parts without points give no part
(shapely's ``get_parts`` keeps an empty LineString, or an empty part of a MultiLineString, as a part
without vertices: it adds nothing to a road graph).

The headers of plain linestrings (most roads) are read for all features at once with numpy, the
others (MultiLineStrings, SRIDs, errors) feature by feature with :mod:`struct`; the coordinates of
all features are then copied at once (a gather of 8-byte blocks from one byte array), never vertex
by vertex.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from .errors import QT_TRANSLATE_NOOP, InputError

__all__ = ["line_parts"]

_LINESTRING = 2
_MULTILINESTRING = 5
#: EWKB flags (PostGIS): Z, M, and an SRID after the type.
_EWKB_Z = 0x80000000
_EWKB_M = 0x40000000
_EWKB_SRID = 0x20000000
#: ``struct`` readers of an unsigned 32-bit integer, by WKB byte-order byte (0 big, 1 little).
_U32 = {0: struct.Struct(">I"), 1: struct.Struct("<I")}

_NOT_LINES = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} features are not lines (or their geometry cannot be read): a road network needs "
    "LineString or MultiLineString geometries.",
)


class _Malformed(Exception):
    """A geometry that is not a (multi)linestring, or whose bytes are cut short."""


def _header(wkb: bytes, pos: int) -> tuple[int, int, int, int]:
    """Read a geometry header at ``pos``: ``(byte order, base type, dimension, next position)``.

    The dimension is the number of doubles per point (2 to 4)."""
    if pos + 5 > len(wkb):
        raise _Malformed
    order = wkb[pos]
    if order not in (0, 1):
        raise _Malformed
    code = _U32[order].unpack_from(wkb, pos + 1)[0]
    pos += 5
    flags = code & 0xE0000000
    code &= 0x1FFFFFFF
    if flags & _EWKB_SRID:
        pos += 4
    iso, base = divmod(code, 1000)
    if iso > 3:
        raise _Malformed
    has_z = iso in (1, 3) or bool(flags & _EWKB_Z)
    has_m = iso in (2, 3) or bool(flags & _EWKB_M)
    return order, base, 2 + has_z + has_m, pos


def _count(wkb: bytes, order: int, pos: int) -> int:
    """An unsigned 32-bit count at ``pos``."""
    if pos + 4 > len(wkb):
        raise _Malformed
    return _U32[order].unpack_from(wkb, pos)[0]


def _line(wkb: bytes, order: int, dim: int, pos: int, out: list) -> int:
    """Record the points of a linestring body at ``pos`` in ``out`` as ``(byte position of the
    first point, points, bytes per point, byte order)``; returns the position after it."""
    n = _count(wkb, order, pos)
    pos += 4
    stride = 8 * dim
    end = pos + n * stride
    if end > len(wkb):
        raise _Malformed
    if n:
        out.append((pos, n, stride, order))
    return end


def _parse(wkb: bytes, out: list) -> None:
    """Record the parts of one geometry in ``out`` (positions relative to ``wkb``)."""
    order, base, dim, pos = _header(wkb, 0)
    if base == _LINESTRING:
        _line(wkb, order, dim, pos, out)
    elif base == _MULTILINESTRING:
        parts = _count(wkb, order, pos)
        pos += 4
        for _ in range(parts):
            p_order, p_base, p_dim, pos = _header(wkb, pos)
            if p_base != _LINESTRING:
                raise _Malformed
            pos = _line(wkb, p_order, p_dim, pos, out)
    else:
        raise _Malformed


def _windows(blob: bytes, dtype: str, size: int) -> NDArray:
    """Every ``size``-byte window of ``blob`` as one number: element ``i`` is the number at
    byte ``i`` (an overlapping, unaligned view; nothing is copied)."""
    n = max(len(blob) - size + 1, 0)
    if n == 0:
        return np.zeros(0, dtype=dtype)
    return np.ndarray(shape=(n,), dtype=dtype, buffer=blob, offset=0, strides=(1,))


def _read(blob: bytes, at: NDArray[np.int64], little: NDArray[np.bool_], kind: str) -> NDArray:
    """The numbers of type ``kind`` (``"f8"``, ``"u4"``) at byte positions ``at`` of ``blob``, each
    in its byte order (``little``: little-endian)."""
    size = int(kind[1:])
    out = np.empty(at.shape, dtype="<" + kind)
    for flag, prefix in ((True, "<"), (False, ">")):
        sel = little if flag else ~little
        if sel.all():
            out[...] = _windows(blob, prefix + kind, size)[at]
            break
        if sel.any():
            out[sel] = _windows(blob, prefix + kind, size)[at[sel]]
    return out


def line_parts(
    wkbs: Sequence[bytes],
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """The parts of line geometries given as WKB, as flat coordinate arrays.

    Parameters
    ----------
    wkbs
        One WKB per feature (``bytes``, ``bytearray`` or ``memoryview``): LineString or
        MultiLineString, 2D, Z, M or ZM, either byte order.

    Returns
    -------
    coords
        ``(n, 2)`` float64: x and y of every vertex, part after part (Z and M dropped).
    offsets
        ``(parts + 1,)`` int64: part ``p``'s vertices are ``coords[offsets[p]:offsets[p + 1]]``.
    owner
        ``(parts,)`` int64: the position in ``wkbs`` of each part's feature.

    Raises
    ------
    InputError
        Naming the rows whose geometry is not a line (points, polygons, curves…) or whose bytes are
        cut short.
    """
    blobs = [bytes(w) for w in wkbs]
    blob = b"".join(blobs)
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs))
    first = np.zeros(len(blobs), dtype=np.int64)
    np.cumsum(lengths[:-1], out=first[1:])

    # Plain linestrings (most roads) are read at once: byte order, type and point count.
    byte = np.frombuffer(blob, dtype=np.uint8)
    head = np.flatnonzero(lengths >= 9)
    head = head[byte[first[head]] <= 1]
    h_little = byte[first[head]] == 1
    code = _read(blob, first[head] + 1, h_little, "u4").astype(np.int64)
    flags = code & 0xE0000000
    iso, kind = np.divmod(code & 0x1FFFFFFF, 1000)
    simple = (kind == _LINESTRING) & (iso <= 3) & ((flags & _EWKB_SRID) == 0)
    head, h_little, iso, flags = head[simple], h_little[simple], iso[simple], flags[simple]
    dim = (
        2
        + ((iso == 1) | (iso == 3) | ((flags & _EWKB_Z) != 0))
        + ((iso == 2) | (iso == 3) | ((flags & _EWKB_M) != 0))
    ).astype(np.int64)
    h_npts = _read(blob, first[head] + 5, h_little, "u4").astype(np.int64)
    fits = 9 + h_npts * 8 * dim <= lengths[head]
    head, h_little, dim, h_npts = head[fits], h_little[fits], dim[fits], h_npts[fits]
    keep = h_npts > 0
    fast = np.stack((first[head] + 9, h_npts, 8 * dim, h_little.astype(np.int64), head), axis=1)[
        keep
    ]

    # The others (multilinestrings, EWKB with an SRID, errors) feature by feature.
    rest = np.ones(len(blobs), dtype=bool)
    rest[head] = False
    found: list[tuple[int, int, int, int, int]] = []
    bad: list[int] = []
    for row in np.flatnonzero(rest).tolist():
        wkb = blobs[row]
        parts: list[tuple[int, int, int, int]] = []
        try:
            _parse(wkb, parts)
        except (_Malformed, struct.error):
            bad.append(row)
            continue
        base = int(first[row])
        found.extend((base + pos, n, stride, order, row) for pos, n, stride, order in parts)
    if bad:
        raise InputError(_NOT_LINES, bad, n=len(bad))

    table = fast
    if found:
        table = np.concatenate((fast, np.array(found, dtype=np.int64)))
        table = table[np.argsort(table[:, 4], kind="stable")]
    start, npts, stride, order, owner = (np.ascontiguousarray(c) for c in table.T)
    offsets = np.zeros(len(table) + 1, dtype=np.int64)
    np.cumsum(npts, out=offsets[1:])
    total = int(offsets[-1])
    coords = np.empty((total, 2), dtype=np.float64)
    if total == 0:
        return coords, offsets, owner

    # Byte position of each vertex's x: its part's first point + rank in the part × point size.
    rank = np.arange(total, dtype=np.int64) - np.repeat(offsets[:-1], npts)
    at = np.repeat(start, npts) + rank * np.repeat(stride, npts)
    little = np.repeat(order == 1, npts)
    coords[:, 0] = _read(blob, at, little, "f8")
    coords[:, 1] = _read(blob, at + 8, little, "f8")
    return coords, offsets, owner
