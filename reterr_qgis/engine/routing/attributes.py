"""Line attributes → graph inputs: road classes to speeds (:func:`speeds_from_classes`, with the
tables of :mod:`.speeds`), one-way values to direction codes (:func:`oneway_from_values`,
:data:`ONEWAY_VALUES`), and OSM tags out of GDAL's ``other_tags`` (:func:`osm_tag_values`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError

FloatArray = NDArray[np.float64]

#: One-way values understood by :func:`oneway_from_values` (compared lower-cased and trimmed):
#: 1 = digitising direction only, -1 = reverse direction only, 0 = both ways.
ONEWAY_VALUES: dict[str, int] = {
    # OSM oneway=*
    "yes": 1,
    "true": 1,
    "1": 1,
    "1.0": 1,
    "-1": -1,
    "-1.0": -1,
    "reverse": -1,
    "no": 0,
    "false": 0,
    "0": 0,
    "0.0": 0,
    "": 0,
    # time-dependent directions: either way is possible at some time
    "alternating": 0,
    "reversible": 0,
    # IGN BD TOPO sens_de_circulation
    "double sens": 0,
    "sens direct": 1,
    "sens inverse": -1,
    "sans objet": 0,
}


def _normalise(values: ArrayLike) -> tuple[NDArray[np.str_], NDArray[np.bool_]]:
    """Lower-cased, trimmed strings of ``values`` and the mask of nulls (None, NaN)."""
    arr = np.asarray(values, dtype=object).ravel()
    null = np.equal(arr, None) | np.not_equal(arr, arr)
    text = np.where(null, "", arr).astype(str)
    return np.char.lower(np.char.strip(text)), null


def speeds_from_classes(
    classes: ArrayLike,
    table: Mapping[str, float],
    default: float | None = None,
) -> FloatArray:
    """Speed in km/h of each line from its road class.

    Parameters
    ----------
    classes
        Road class of each line (e.g. OSM ``highway``, BD TOPO ``nature`` or ``importance``);
        compared with the table keys trimmed and case-insensitively. None/NaN is a null class.
    table
        Class → km/h, e.g. :data:`~.speeds.OSM_CAR_SPEEDS`, :data:`~.speeds.BDTOPO_NATURE_SPEEDS`.
    default
        Speed for classes missing from the table (and nulls); None to report them as an error.

    Returns
    -------
    numpy.ndarray
        float64 km/h per line.

    Raises
    ------
    InputError
        Classes absent from the table when no default is given (rows and values named).
    """
    lookup: dict[str, float] = {}
    for k, v in table.items():
        speed = float(v)
        if not (np.isfinite(speed) and speed > 0):
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "Speed table: '{cls}' has no positive speed."),
                cls=k,
            )
        lookup[str(k).strip().lower()] = speed
    if default is not None and not (np.isfinite(default) and default > 0):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "The default speed must be positive (km/h).")
        )
    text, null = _normalise(classes)
    uniq, inverse = np.unique(text, return_inverse=True)
    u_speed = np.array([lookup.get(u, np.nan) for u in uniq], dtype=np.float64)
    out = u_speed[inverse]
    out[null] = np.nan
    missing = np.isnan(out)
    if missing.any():
        if default is None:
            rows = np.flatnonzero(missing)
            raw = np.asarray(classes, dtype=object).ravel()[rows]
            names = sorted({"NULL" if n else str(r) for r, n in zip(raw, null[rows])})
            shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{n} lines have a road class with no speed: {values}."
                ),
                rows,
                n=rows.size,
                values=shown,
            )
        out[missing] = float(default)
    return out


def oneway_from_values(
    values: ArrayLike | None,
    *,
    highway: ArrayLike | None = None,
    junction: ArrayLike | None = None,
    n: int | None = None,
) -> NDArray[np.int8]:
    """Direction code of each line from a one-way attribute.

    Parameters
    ----------
    values
        OSM ``oneway`` (``yes``, ``true``, ``1``, ``-1``, ``reverse``, ``no``, ``false``, ``0``,
        ``alternating`` and ``reversible`` as two-way, null) or BD TOPO ``sens_de_circulation``
        (``Double sens``, ``Sens direct``, ``Sens inverse``, ``Sans objet``); numbers -1/0/1 too.
        None when the layer has no such field (then ``n`` gives the number of lines).
    highway, junction
        Optional OSM tags: a null ``oneway`` is one-way (digitising direction) on
        ``highway=motorway`` and ``junction=roundabout``/``circular``, as OSM implies.
    n
        Number of lines when ``values`` is None.

    Returns
    -------
    numpy.ndarray
        int8 per line: 0 both ways, 1 digitising direction only, -1 reverse only.

    Raises
    ------
    InputError
        Values that are none of the above (rows and values named).
    """
    if values is None:
        if n is None:
            if highway is None and junction is None:
                raise ValueError("give the values, the OSM tags or n")
            n = np.asarray(highway if highway is not None else junction, dtype=object).size
        text = np.full(int(n), "", dtype=str)
        null = np.ones(int(n), dtype=bool)
    else:
        text, null = _normalise(values)
    uniq, inverse = np.unique(text, return_inverse=True)
    u_code = np.array([ONEWAY_VALUES.get(u, 99) for u in uniq], dtype=np.int16)
    code = u_code[inverse]
    bad = np.flatnonzero(code == 99)
    if bad.size:
        raw = np.asarray(values, dtype=object).ravel()[bad]
        names = sorted({str(r) for r in raw})
        shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} lines have an unknown one-way value: {values}."),
            bad,
            n=bad.size,
            values=shown,
        )
    unset = null | (text == "")
    implied = np.zeros(code.shape[0], dtype=bool)
    for tags, names in ((highway, ("motorway",)), (junction, ("roundabout", "circular"))):
        if tags is not None:
            t, _ = _normalise(tags)
            if t.shape[0] != code.shape[0]:
                raise ValueError("OSM tags must have one value per line")
            implied |= np.isin(t, names)
    code[unset & implied] = 1
    return code.astype(np.int8)


_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


def osm_tag_values(other_tags: ArrayLike, key: str) -> NDArray[np.object_]:
    """Value of one OSM tag from GDAL's ``other_tags`` (hstore text ``"k"=>"v","k2"=>"v2"``).

    Parameters
    ----------
    other_tags
        The ``other_tags`` field of GDAL's OSM driver, one string (or null) per feature.
    key
        Tag name, e.g. ``"oneway"``, ``"junction"``, ``"maxspeed"``.

    Returns
    -------
    numpy.ndarray
        Object array: the tag's value, or None where absent.
    """
    arr = np.asarray(other_tags, dtype=object).ravel()
    out = np.full(arr.shape[0], None, dtype=object)
    needle = f'"{key}"=>'
    for i, text in enumerate(arr):
        if isinstance(text, str) and needle in text:
            for k, v in _TAG.findall(text):
                if k == key:
                    out[i] = v.replace('\\"', '"').replace("\\\\", "\\")
                    break
    return out
