"""Home–work and home–study flows as INSEE publishes them (MOBPRO, MOBSCO), summed to commune pairs.

Four layouts are read, recognised from the header (names matched without regard to case or order;
SUPPLY_AND_COMPLEMENTARITY.md §A3):

* detail files ``FD_MOBPRO_<year>.csv`` / ``FD_MOBSCO_<year>.csv``: ``;``-separated, one row per
  person of the census sample, weight ``IPONDI`` (a decimal number with up to 15 decimals),
  residence ``COMMUNE`` and ``ARM`` (the arrondissement municipal for Paris, Lyon and Marseille,
  ``ZZZZZ`` elsewhere), place of work ``DCLT`` (MOBPRO) or of study ``DCETUF`` (MOBSCO), and the
  foreign border commune ``DCFLT`` / ``DCETUE`` when the place is abroad;
* aggregated "base flux" files: ``CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C<yy>_ACTOCC15P`` (MOBPRO) and
  ``CODGEO;LIBGEO;DCETU;L_DCETU;NBFLUX_C<yy>_SCOL02P`` (MOBSCO).

Each row is an origin (residence), a destination (place of work or study) and a weight; weights
are summed per commune pair into a sparse origin × destination matrix. Nothing is dropped:

* a destination that is not a French commune goes to a per-origin **outside** bucket of three
  kinds — ``abroad`` (a code starting with ``99``, INSEE's country codes, or a filled foreign
  border column), ``missing`` (empty, ``Z``, ``ZZZZZ``) and ``unknown`` (a code that cannot be a
  commune, or one absent from the list of known communes when one is given, e.g. an older COG);
* rows whose residence cannot be read are counted with their weight (``origin_unusable``);
* with a filter (the study's communes), the rows where neither the origin nor the destination is
  in it are counted (``filtered``);

so that ``pairs + outside + origin_unusable + filtered = total weight`` of the file (the tests
hold it to 1e-12). The arrondissements of Paris, Lyon and Marseille are mapped to their city
(``75056``, ``69123``, ``13055``) by default, as the commune layers of the COG have one code per
city; without the mapping the detail files' residence is ``ARM`` where it is filled.
A weight that is not a number stops the import with an error naming its line; a decimal comma is
read (and reported). Rows with the wrong number of fields are counted and named (first line),
not summed.

**Reliability** (METHODS §3.3, SUPPLY §B9; INSEE's rule for census estimates): a flow below 200
is "à utiliser avec prudence" (may not be significant, sampling), above 500 it is reliable, in
between comparisons are fragile. :func:`reliability` classes any flow (a commune pair or an
aggregate) that way.

The foreign-border columns ``DCFLT`` / ``DCETUE`` are used only when the destination column is
not a French commune (a filled value then marks the row abroad): their exact coding in each
vintage is not verified [V], and this reading is right whichever it is.

**Speed** (``bench/bench_compl_flows.py``: a synthetic national detail file in the official
32-column layout, 8 M rows, 0.8 GB; shared 2-core machine, indicative): 7.8 s against 30 s for
``pandas.read_csv(usecols=[COMMUNE, DCLT, IPONDI])`` + ``groupby`` in the same run (3.9×), peak
0.7 GB against 1.5 GB. How: the file is read in 16 MB blocks into one reused buffer by a worker
thread that also scans them with a compiled kernel (numba, the plugin's optional accelerator: one
pass over the bytes; code columns turned into integer keys of 6 bits per character, the weight
parsed in place, the columns after the last one needed only counted), while the main thread
classifies the previous block (vectorised) and sums it into a sparse matrix over dense commune
ids (``(c0 · 36 + c1) · 1000 + ddd``): summing 8 M rows by sparse matrix took 0.9 s where sorting
64-bit pair keys took 2.0 s. Without numba (or with ``RETERR_NO_NUMBA=1``) a numpy scan of the
same blocks (separator positions, fields gathered by sliding windows, vectorised digit parsing)
gives the same sums bit for bit, about 2–3× slower. Limits: a ``;`` inside a quoted value is not
supported (double quotes are removed before the scan; INSEE's codes and weights are never
quoted), and values are not trimmed.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from ..routing.callbacks import IsCanceled, Progress, check_canceled, tick
from ..routing.search import NO_NUMBA_ENV
from ..supply.sirene import PLM_ARRONDISSEMENTS

sparse = lazy_module("scipy.sparse")

PathLike = Union[str, Path]
IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
StrArray = NDArray[np.str_]

#: Default block size of the streamed read (bytes).
DEFAULT_BLOCK_BYTES = 16 << 20

#: The layouts :func:`read_flow_file` recognises.
LAYOUTS: dict[str, dict[str, Any]] = {
    "mobpro_detail": {
        "label": "FD_MOBPRO (detail)",
        "origin": "COMMUNE",
        "destination": "DCLT",
        "weight": "IPONDI",
        "arrondissement": "ARM",
        "foreign": "DCFLT",
    },
    "mobsco_detail": {
        "label": "FD_MOBSCO (detail)",
        "origin": "COMMUNE",
        "destination": "DCETUF",
        "weight": "IPONDI",
        "arrondissement": "ARM",
        "foreign": "DCETUE",
    },
    "mobpro_flux": {
        "label": "base flux MOBPRO (aggregated)",
        "origin": "CODGEO",
        "destination": "DCLT",
        "weight": "NBFLUX_C<yy>_ACTOCC15P",
        "arrondissement": None,
        "foreign": None,
    },
    "mobsco_flux": {
        "label": "base flux MOBSCO (aggregated)",
        "origin": "CODGEO",
        "destination": "DCETU",
        "weight": "NBFLUX_C<yy>_SCOL02P",
        "arrondissement": None,
        "foreign": None,
    },
}
_FLUX_WEIGHT = re.compile(r"^NBFLUX_C\d{2}_[A-Z0-9]+$")
_FLUX_PREFERRED = {"mobpro_flux": "_ACTOCC15P", "mobsco_flux": "_SCOL02P"}

#: Kinds of the outside bucket (columns of :attr:`CommuneFlows.outside`).
OUTSIDE_KINDS: tuple[str, ...] = ("abroad", "missing", "unknown")

#: INSEE's thresholds for census flows (METHODS §3.3, SUPPLY §B9): below ``CAUTION`` a flow is to be
#: used with caution, above ``RELIABLE`` it is reliable.
RELIABILITY_CAUTION = 200.0
RELIABILITY_RELIABLE = 500.0
#: Reliability classes of :func:`reliability`: code → (French label, English label).
RELIABILITY_LABELS: dict[int, tuple[str, str]] = {
    0: ("à utiliser avec prudence (< 200)", "use with caution (< 200)"),
    1: ("comparaisons fragiles (200 à 500)", "fragile comparisons (200 to 500)"),
    2: ("fiable (> 500)", "reliable (> 500)"),
}

# Commune codes as integer keys: 6 bits per character (0–9 → 0–9, A–Z and a–z → 10–35), five
# characters → 30 bits, so that an origin–destination pair fits a 64-bit key.
_CHAR_VALUE = np.full(256, -1, dtype=np.int64)
_CHAR_VALUE[48:58] = np.arange(10)
_CHAR_VALUE[65:91] = np.arange(10, 36)
_CHAR_VALUE[97:123] = np.arange(10, 36)
_KEY_WEIGHTS = np.int64(64) ** np.arange(4, -1, -1, dtype=np.int64)
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Special keys of a code field: empty, only ``Z`` (INSEE's "not applicable"), unreadable.
KEY_EMPTY, KEY_Z, KEY_INVALID = -1, -2, -3
_FOREIGN_PREFIX = 9 * 64 + 9  # key >> 18 of a code starting with "99"
_N_SPECIAL = 3
_KEY_MAX = 36 * 64**4  # every key of five letters or digits is below this
# Flows are summed in a sparse matrix over dense commune ids: a code whose last three characters
# are digits (every COG commune) has the id ``(c0 · 36 + c1) · 1000 + ddd`` (c = character value),
# below ``_BASE_IDS``; other codes get ids above it in order of appearance (at most _RARE_CAP).
# Summing by sparse matrix (counting sort by row) took 0.9 s on 8 M rows where sorting 64-bit pair
# keys took 2.0 s.
_BASE_IDS = 36 * 36 * 1000
_RARE_CAP = 1 << 16
_N_IDS = _BASE_IDS + _RARE_CAP
_SPECIAL_ID0 = _N_IDS  # destination ids of the outside kinds: _N_IDS + kind
# Status bits of a scanned record.
_ST_MALFORMED, _ST_BAD_WEIGHT, _ST_COMMA = 1, 2, 4
# Pending flows summed into the running sparse matrix once they exceed this many entries.
_COMPACT_EVERY = 6_000_000

# Messages (templates for translation; see core/errors.py).
_MSG_NOT_FOUND = QT_TRANSLATE_NOOP("ReterrEngine", "Flow file not found: {path}.")
_MSG_EMPTY = QT_TRANSLATE_NOOP("ReterrEngine", "The flow file {path} is empty.")
_MSG_LAYOUT = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The file {path} is not one of INSEE's flow layouts (columns found: {found}). Expected the "
    "detail file FD_MOBPRO (COMMUNE, ARM, DCLT, IPONDI) or FD_MOBSCO (COMMUNE, ARM, DCETUF, "
    "IPONDI), or the aggregated base flux MOBPRO (CODGEO, LIBGEO, DCLT, L_DCLT, "
    "NBFLUX_C<yy>_ACTOCC15P) or MOBSCO (CODGEO, LIBGEO, DCETU, L_DCETU, NBFLUX_C<yy>_SCOL02P), "
    "separated by semicolons.",
)
_MSG_BAD_WEIGHT = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The weight {column} of line {line} of {path} is not a number ({value}): the file is "
    "damaged or not an INSEE flow file.",
)
_MSG_MALFORMED = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} rows of {path} have a wrong number of fields and were skipped (first at line {line}).",
)
_MSG_OUTSIDE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{weight} of {total} go to a place that is not a French commune: abroad {abroad}, not "
    "given {missing}, unknown code {unknown}{codes}. They are kept in the origin's outside flows.",
)
_MSG_ORIGIN = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{weight} ({rows} rows) have a residence code that is not a known commune{codes}: counted, "
    "but in no commune pair.",
)
_MSG_COMMA = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The weights of {path} use a decimal comma: they were read as numbers."
)
_MSG_ARM = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{rows} rows name an arrondissement of Paris, Lyon or Marseille: counted in the city's "
    "commune.",
)
_MSG_BAD_COMMUNES = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "Commune codes must have 5 letters or digits (e.g. 12202, 2A004): {codes}.",
)
_MSG_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}.")
_MSG_WEIGHTS = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} flows have a missing, negative or non-numeric value."
)
_MSG_ZONING_DUPLICATE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The zoning gives several zones to the same commune: {codes}.",
)
_MSG_ZONING_MISSING = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} communes of the flows are in no zone of the zoning ({codes}): their {weight} of flows "
    "are counted as coming from or going to outside the zoning.",
)
_MSG_TOO_MANY_CODES = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The file holds more than {n} distinct codes that are not commune codes: it is not an INSEE "
    "flow file.",
)
_MSG_SQUARE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The flows must be a square origin × destination table of finite values ≥ 0: {problem}.",
)


def _fmt(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


# ---------------------------------------------------------------------------------------------
# Commune codes as keys
# ---------------------------------------------------------------------------------------------


def encode_codes(codes: Iterable[str]) -> IntArray:
    """Integer keys of commune codes (6 bits per character; see the module notes).

    ``""`` → :data:`KEY_EMPTY`, only ``Z`` characters → :data:`KEY_Z`, anything that is not five
    letters or digits → :data:`KEY_INVALID`. Surrounding spaces are ignored; lower-case letters
    read as upper-case.
    """
    arr = np.asarray(list(codes) if not isinstance(codes, np.ndarray) else codes, dtype=str)
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    uniq, inverse = np.unique(arr.ravel(), return_inverse=True)
    keys = np.empty(uniq.shape[0], dtype=np.int64)
    for k, text in enumerate(uniq.tolist()):
        keys[k] = _key_of(text.strip())
    return keys[inverse]


def _key_of(text: str) -> int:
    if text == "":
        return KEY_EMPTY
    if set(text) == {"Z"}:
        return KEY_Z
    if len(text) != 5:
        return KEY_INVALID
    key = 0
    for ch in text:
        v = _CHAR_VALUE[ord(ch)] if ord(ch) < 256 else -1
        if v < 0:
            return KEY_INVALID
        key = key * 64 + int(v)
    return key


def decode_keys(keys: ArrayLike) -> StrArray:
    """Commune codes of keys made by :func:`encode_codes` (negative keys → ``""``)."""
    arr = np.asarray(keys, dtype=np.int64).ravel()
    if arr.size == 0:
        return np.zeros(0, dtype="U5")
    uniq, inverse = np.unique(arr, return_inverse=True)
    out = []
    for k in uniq.tolist():
        if k < 0 or k >= _KEY_MAX:
            out.append("")
            continue
        out.append("".join(_DIGITS[(k >> (6 * p)) & 63] for p in range(4, -1, -1)))
    return np.array(out, dtype="U5")[inverse]


def _plm_tables() -> tuple[IntArray, IntArray]:
    """(sorted arrondissement keys, their city keys)."""
    arr, city = [], []
    for c, arrs in PLM_ARRONDISSEMENTS.items():
        for a in arrs:
            arr.append(_key_of(a))
            city.append(_key_of(c))
    arr_k = np.array(arr, dtype=np.int64)
    order = np.argsort(arr_k)
    return arr_k[order], np.array(city, dtype=np.int64)[order]


_ARM_KEYS, _ARM_CITY = _plm_tables()
_ARM_PREFIXES = np.unique(_ARM_KEYS >> 12)


def _to_city(keys: IntArray) -> tuple[IntArray, BoolArray]:
    """Keys with the arrondissements replaced by their city, and which were replaced."""
    # The arrondissements' codes start with 751, 693 or 132: look only at those.
    prefix = keys >> 12
    cand = np.flatnonzero(
        (prefix == _ARM_PREFIXES[0]) | (prefix == _ARM_PREFIXES[1]) | (prefix == _ARM_PREFIXES[2])
    )
    hit = np.zeros(keys.shape[0], dtype=bool)
    if cand.size == 0:
        return keys, hit
    sub = keys[cand]
    pos = np.minimum(np.searchsorted(_ARM_KEYS, sub), _ARM_KEYS.shape[0] - 1)
    found = _ARM_KEYS[pos] == sub
    out = keys.copy()
    out[cand[found]] = _ARM_CITY[pos[found]]
    hit[cand[found]] = True
    return out, hit


def _is_commune_key(keys: IntArray) -> BoolArray:
    """Keys that can be a French commune (five characters, not a ``99…`` country code)."""
    return (keys >= 0) & ((keys >> 18) != _FOREIGN_PREFIX)


def _sorted_unique_keys(codes: Iterable[str]) -> IntArray:
    texts = [str(c) for c in codes]
    keys = encode_codes(texts)
    bad = np.flatnonzero(keys < 0)
    if bad.size:
        shown = sorted({texts[i] for i in bad.tolist()})
        raise InputError(_MSG_BAD_COMMUNES, bad, codes=", ".join(shown[:10]) or "''")
    return np.unique(keys)


def _member(keys: IntArray, table: IntArray) -> BoolArray:
    if table.size == 0:
        return np.zeros(keys.shape[0], dtype=bool)
    pos = np.minimum(np.searchsorted(table, keys), table.shape[0] - 1)
    return table[pos] == keys


# ---------------------------------------------------------------------------------------------
# Reliability
# ---------------------------------------------------------------------------------------------


def reliability(values: ArrayLike) -> NDArray[np.int8]:
    """INSEE's reliability class of census flows: 0 below 200 (use with caution), 2 above 500
    (reliable), 1 in between (fragile comparisons); see :data:`RELIABILITY_LABELS`."""
    v = np.asarray(values, dtype=np.float64)
    out = np.ones(v.shape, dtype=np.int8)
    out[v < RELIABILITY_CAUTION] = 0
    out[v > RELIABILITY_RELIABLE] = 2
    return out


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass
class FlowReport:
    """What :func:`read_flow_file` (or :func:`flows_from_pairs`) read, kept and counted.

    Weights are in persons (the sum of ``IPONDI`` or of the ``NBFLUX`` values).

    Attributes
    ----------
    path, layout, columns
        The file, its layout (a key of :data:`LAYOUTS`; ``"pairs"`` for
        :func:`flows_from_pairs`) and its header.
    origin_column, destination_column, weight_column
        The columns read.
    rows_read
        Data records (blank lines excluded), malformed ones included.
    malformed, first_malformed_line
        Records with the wrong number of fields (skipped), and the line of the first (1 = header).
    total_weight
        Sum of the weights of the well-formed records.
    pair_weight
        Weight summed in commune pairs (the matrix).
    outside_weight
        Weight to a place that is not a French commune, by kind (:data:`OUTSIDE_KINDS`).
    outside_rows
        Records of each outside kind.
    unknown_destinations
        Codes of the ``unknown`` kind that look like communes (absent from the known communes)
        → weight, the 20 heaviest.
    origin_unusable_weight, origin_unusable_rows
        Records whose residence is not a (known) commune: counted here only.
    unknown_origins
        Such residence codes → weight, the 20 heaviest (``""`` for unreadable ones).
    filtered_weight, filtered_rows
        Records where neither the residence nor the destination is a commune of the filter.
    arrondissement_rows
        Records whose residence or destination was an arrondissement mapped to its city.
    decimal_comma
        Whether some weights used a decimal comma.
    engine
        ``"compiled"`` (numba) or ``"numpy"``.
    seconds
        Wall time.
    warnings
        Messages for the user (outside flows, unusable residences, malformed rows…).
    """

    path: str
    layout: str
    columns: list[str]
    origin_column: str
    destination_column: str
    weight_column: str
    rows_read: int = 0
    malformed: int = 0
    first_malformed_line: int = 0
    total_weight: float = 0.0
    pair_weight: float = 0.0
    outside_weight: dict[str, float] = field(default_factory=dict)
    outside_rows: dict[str, int] = field(default_factory=dict)
    unknown_destinations: dict[str, float] = field(default_factory=dict)
    origin_unusable_weight: float = 0.0
    origin_unusable_rows: int = 0
    unknown_origins: dict[str, float] = field(default_factory=dict)
    filtered_weight: float = 0.0
    filtered_rows: int = 0
    arrondissement_rows: int = 0
    decimal_comma: bool = False
    engine: str = ""
    seconds: float = 0.0
    warnings: list[Message] = field(default_factory=list)

    @property
    def outside_total(self) -> float:
        """Weight of every outside kind."""
        return float(sum(self.outside_weight.values()))

    @property
    def accounted_weight(self) -> float:
        """``pairs + outside + origin_unusable + filtered``: equals :attr:`total_weight`."""
        return (
            self.pair_weight
            + self.outside_total
            + self.origin_unusable_weight
            + self.filtered_weight
        )


@dataclass(eq=False)
class CommuneFlows:
    """Flows summed to commune pairs.

    Attributes
    ----------
    codes
        Commune codes (sorted), the index of :attr:`matrix`'s rows and columns: every commune
        that is an origin or a destination of a kept flow, and every commune of the filter.
    matrix
        ``(n, n)`` CSR, origin (residence) × destination (place of work or study); the diagonal
        holds the flows within a commune.
    outside
        ``(n, 3)``: per origin, the weight to a place that is not a French commune, by kind
        (:data:`OUTSIDE_KINDS`: abroad, missing, unknown).
    report
        :class:`FlowReport`.
    """

    codes: StrArray
    matrix: sparse.csr_matrix
    outside: FloatArray
    report: FlowReport

    def __len__(self) -> int:
        return int(self.codes.shape[0])

    @property
    def outside_total(self) -> FloatArray:
        """Per origin, the weight of every outside kind."""
        return self.outside.sum(axis=1)

    def index_of(self, codes: Iterable[str]) -> IntArray:
        """Positions of ``codes`` in :attr:`codes` (−1 where absent)."""
        arr = np.asarray(list(codes) if not isinstance(codes, np.ndarray) else codes, dtype=str)
        pos = np.searchsorted(self.codes, arr)
        pos_c = np.minimum(pos, max(len(self) - 1, 0))
        found = (len(self) > 0) & (self.codes[pos_c] == arr) if len(self) else np.zeros(0, bool)
        return np.where(found, pos_c, -1).astype(np.int64)

    def pairs(self) -> tuple[StrArray, StrArray, FloatArray]:
        """The commune pairs with a flow, long form: (origin codes, destination codes, weights),
        sorted by origin then destination."""
        coo = self.matrix.tocoo()
        order = np.lexsort((coo.col, coo.row))
        return self.codes[coo.row[order]], self.codes[coo.col[order]], coo.data[order]


# ---------------------------------------------------------------------------------------------
# The block scanners
# ---------------------------------------------------------------------------------------------


def _scan_block(
    a, start, n, line, sep, comma_ok, nf, slot_of_col, wcol, out_keys, out_w, out_status, out_line
):
    """Scan the records of ``a[start:n]`` (compiled with numba when available); ``a[n - 1]`` must
    be a newline.

    For each non-blank record ``r``: the integer key of each code column (``slot_of_col[j] ≥ 0``)
    in ``out_keys[slot, r]``, the weight in ``out_w[r]``, status bits in ``out_status[r]``
    (1 wrong field count, 2 weight not a number, 4 decimal comma) and the record's line within
    the block in ``out_line[r]`` (``line`` is the line at ``start``). Stops when the outputs are
    full; returns ``(records, position reached, line reached)``.
    """
    cap = out_w.shape[0]
    last_needed = wcol
    for j in range(nf):
        if slot_of_col[j] >= 0 and j > last_needed:
            last_needed = j
    r = 0
    i = start
    while i < n and r < cap:
        c0 = a[i]
        if c0 == 10:
            i += 1
            line += 1
            continue
        if c0 == 13 and a[i + 1] == 10:
            i += 2
            line += 1
            continue
        j = 0
        status = 0
        while True:
            fs = i
            c = a[i]
            while c != sep and c != 10:
                i += 1
                c = a[i]
            fe = i
            last = c == 10
            if last and fe > fs and a[fe - 1] == 13:
                fe -= 1
            if j == wcol:
                mant = 0
                nd = 0
                frac = -1
                valid = fe > fs
                digit = False
                for q in range(fs, fe):
                    b = a[q]
                    if b >= 48 and b <= 57:
                        digit = True
                        if nd < 18:
                            mant = mant * 10 + (b - 48)
                            nd += 1
                            if frac >= 0:
                                frac += 1
                        elif frac < 0:
                            valid = False
                    elif (b == 46 or (b == 44 and comma_ok)) and frac < 0:
                        frac = 0
                        if b == 44:
                            status |= 4
                    else:
                        valid = False
                if valid and digit:
                    if frac > 0:
                        out_w[r] = mant / 10.0**frac
                    else:
                        out_w[r] = float(mant)
                else:
                    out_w[r] = np.nan
                    status |= 2
            elif j < nf:
                slot = slot_of_col[j]
                if slot >= 0:
                    length = fe - fs
                    key = 0
                    if length == 0:
                        key = -1
                    else:
                        allz = True
                        for q in range(fs, fe):
                            if a[q] != 90:
                                allz = False
                                break
                        if allz:
                            key = -2
                        elif length != 5:
                            key = -3
                        else:
                            for q in range(fs, fe):
                                b = a[q]
                                if b >= 48 and b <= 57:
                                    v = b - 48
                                elif b >= 65 and b <= 90:
                                    v = b - 55
                                elif b >= 97 and b <= 122:
                                    v = b - 87
                                else:
                                    key = -3
                                    break
                                key = key * 64 + v
                    out_keys[slot, r] = key
            j += 1
            i += 1
            if last:
                break
            if j > last_needed:
                # The columns left are not read: count their separators up to the newline.
                c = a[i]
                while c != 10:
                    if c == sep:
                        j += 1
                    i += 1
                    c = a[i]
                j += 1
                i += 1
                break
        if j != nf:
            status |= 1
        out_status[r] = status
        out_line[r] = line
        line += 1
        r += 1
    return r, i, line


class _Kernel:
    """The compiled scanner (or None), compiled once per process (numba's disk cache)."""

    fn: Optional[Callable[..., int]] = None
    tried = False
    lock = threading.Lock()


def _compiled_scanner() -> Optional[Callable[..., int]]:
    if os.environ.get(NO_NUMBA_ENV, "").strip() not in ("", "0"):
        return None
    if not _Kernel.tried:
        with _Kernel.lock:
            if not _Kernel.tried:
                try:
                    from numba import njit

                    # numba's disk cache names entries after the qualified name: tag it with this
                    # module's name (the plugin and the tests import it under two names).
                    tag = "m" + format(zlib.crc32(__name__.encode("utf-8")), "08x")
                    _scan_block.__qualname__ = f"_scan_block_{tag}"
                    fn = njit(nogil=True, cache=True)(_scan_block)
                    _self_check(fn)
                except Exception:  # numba missing, or unusable here (broken LLVM, no cache dir)
                    fn = None
                _Kernel.fn = fn
                _Kernel.tried = True
    return _Kernel.fn


def accelerated() -> bool:
    """True when the flow files are scanned by the compiled kernel (numba installed and working,
    ``RETERR_NO_NUMBA`` not set); False means the numpy scanner (same results, slower)."""
    return _compiled_scanner() is not None


def _self_check(fn: Callable[..., int]) -> None:
    buf = b"A;12202;1,5\n\nB;ZZZZZ;2.25\r\nC;2A004;x\nD;1\n"
    slots = np.array([-1, 0, -1], dtype=np.int64)
    got = _scan_with(fn, buf, ord(";"), True, 3, slots, 2, 1)
    want = _scan_numpy(buf, ord(";"), True, 3, slots, 2, 1)
    good = (want[2] & _ST_MALFORMED) == 0
    np.testing.assert_array_equal(got[0][:, good], want[0][:, good])
    np.testing.assert_array_equal(got[1][good], want[1][good])
    np.testing.assert_array_equal(got[2], want[2])
    np.testing.assert_array_equal(got[3], want[3])
    assert got[4] == want[4]


def _scan_with(fn, buf, sep, comma_ok, nf, slots, wcol, n_slots):
    """Run the compiled scanner over a block; same outputs as :func:`_scan_numpy`."""
    n = len(buf)
    a = np.frombuffer(buf, dtype=np.uint8)
    ends_line = n == 0 or a[n - 1] == 10
    if not ends_line:  # the file's last record has no newline: give the scanner one
        a = np.frombuffer(bytes(buf) + b"\n", dtype=np.uint8)
        n += 1
    parts = []
    i = line = 0
    while True:
        # A well-formed record has at least ``nf`` bytes: one pass is enough unless the block
        # holds many short malformed lines.
        cap = (n - i) // max(nf, 1) + 16
        keys = np.full((max(n_slots, 1), cap), KEY_EMPTY, dtype=np.int64)
        w = np.zeros(cap, dtype=np.float64)
        status = np.zeros(cap, dtype=np.int8)
        lines = np.zeros(cap, dtype=np.int64)
        r, i, line = fn(a, i, n, line, sep, comma_ok, nf, slots, wcol, keys, w, status, lines)
        parts.append((keys[:n_slots, :r], w[:r], status[:r], lines[:r]))
        if i >= n:
            break
    if len(parts) == 1:
        return (*parts[0], line)
    keys = np.concatenate([p[0] for p in parts], axis=1)
    return (keys, *(np.concatenate([p[k] for p in parts]) for k in range(1, 4)), line)


def _scan_numpy(buf, sep, comma_ok, nf, slots, wcol, n_slots):
    """The numpy scanner: same outputs as :func:`_scan_block`."""
    buf = bytes(buf)
    n = len(buf)
    pad = 8
    a = np.frombuffer(buf + b"\0" * pad, dtype=np.uint8)
    body = a[:n]
    nl = np.flatnonzero(body == 10)
    if nl.size == 0 or nl[-1] != n - 1:
        nl = np.append(nl, n)
    n_lines = int(nl.shape[0])
    rs = np.empty(nl.shape[0], dtype=np.int64)
    rs[0] = 0
    rs[1:] = nl[:-1] + 1
    re_ = nl.astype(np.int64, copy=True)
    nonempty = re_ > rs
    cr = np.zeros(rs.shape[0], dtype=bool)
    cr[nonempty] = a[re_[nonempty] - 1] == 13
    re_[cr] -= 1
    keep = re_ > rs  # blank lines are skipped (their line numbers still count)
    lines = np.flatnonzero(keep)
    rs, re_ = rs[keep], re_[keep]
    r = rs.shape[0]
    keys = np.full((max(n_slots, 1), r), KEY_EMPTY, dtype=np.int64)
    w = np.zeros(r, dtype=np.float64)
    status = np.zeros(r, dtype=np.int8)
    if r == 0:
        return keys[:n_slots], w, status, lines.astype(np.int64), n_lines
    seps = np.flatnonzero(body == sep)
    first = np.searchsorted(seps, rs)
    count = np.searchsorted(seps, re_) - first
    good = count == nf - 1
    status[~good] |= _ST_MALFORMED
    g = np.flatnonzero(good)
    f0 = first[g]

    def bounds(j: int) -> tuple[IntArray, IntArray]:
        s = rs[g] if j == 0 else seps[f0 + (j - 1)] + 1
        e = re_[g] if j == nf - 1 else seps[f0 + j]
        return s.astype(np.int64), e.astype(np.int64)

    for j in range(nf):
        slot = int(slots[j])
        if j == wcol:
            s, e = bounds(j)
            val, bad, comma = _parse_weights(a, s, e, comma_ok)
            w[g] = val
            status[g[bad]] |= _ST_BAD_WEIGHT
            status[g[comma]] |= _ST_COMMA
        elif slot >= 0:
            s, e = bounds(j)
            keys[slot, g] = _field_keys(a, s, e, buf)
    return keys[:n_slots], w, status, lines.astype(np.int64), n_lines


def _field_keys(a: NDArray[np.uint8], s: IntArray, e: IntArray, buf: bytes) -> IntArray:
    length = e - s
    win = np.lib.stride_tricks.sliding_window_view(a, 5)[np.minimum(s, a.shape[0] - 5)]
    cols = np.arange(5)
    inside = cols[None, :] < length[:, None]
    allz = ((win == 90) | ~inside).all(axis=1) & (length >= 1)
    long = np.flatnonzero(length > 5)
    if long.size:
        allz[long] = [set(buf[s[k] : e[k]]) == {90} for k in long.tolist()]
    vals = _CHAR_VALUE[win]
    key = np.where((vals >= 0).all(axis=1), vals @ _KEY_WEIGHTS, KEY_INVALID)
    key = np.where(length == 5, key, KEY_INVALID)
    key = np.where(allz, KEY_Z, key)
    return np.where(length == 0, KEY_EMPTY, key)


def _parse_weights(
    a: NDArray[np.uint8], s: IntArray, e: IntArray, comma_ok: bool
) -> tuple[FloatArray, BoolArray, BoolArray]:
    """Vectorised decimal parse, digit for digit the compiled kernel's (first 18 digits kept)."""
    length = e - s
    out = np.full(s.shape[0], np.nan)
    bad = np.ones(s.shape[0], dtype=bool)
    comma = np.zeros(s.shape[0], dtype=bool)
    if s.size == 0:
        return out, bad, comma
    width = int(min(max(int(length.max()), 1), 64))
    cols = np.arange(width, dtype=np.int64)
    idx = np.minimum(s[:, None] + cols[None, :], a.shape[0] - 1)
    mat = a[idx].astype(np.int64)
    inside = cols[None, :] < length[:, None]
    digit = (mat >= 48) & (mat <= 57) & inside
    dot = ((mat == 46) | ((mat == 44) & comma_ok)) & inside
    other = inside & ~digit & ~dot
    n_dots = dot.sum(axis=1)
    dot_pos = np.where(n_dots > 0, dot.argmax(axis=1), length)
    rank = np.cumsum(digit, axis=1)  # 1-based rank of each digit
    n_digits = rank[:, -1]
    int_digits = (digit & (cols[None, :] < dot_pos[:, None])).sum(axis=1)
    kept = digit & (rank <= 18)
    n_kept = np.minimum(n_digits, 18)
    power = np.clip(n_kept[:, None] - rank, 0, 18)
    mant = np.where(kept, (mat - 48) * (np.int64(10) ** power), 0).sum(axis=1)
    frac = (kept & (cols[None, :] > dot_pos[:, None])).sum(axis=1)
    ok = (
        (length > 0)
        & (length <= 64)
        & ~other.any(axis=1)
        & (n_dots <= 1)
        & (n_digits > 0)
        & (int_digits <= 18)
    )
    val = mant.astype(np.float64)
    has_frac = frac > 0
    val[has_frac] = val[has_frac] / 10.0 ** frac[has_frac]
    out[ok] = val[ok]
    # As the kernel: a decimal comma is flagged when the first separator met is a comma.
    at_dot = mat[np.arange(s.shape[0]), np.minimum(dot_pos, width - 1)]
    comma = (n_dots >= 1) & (at_dot == 44)
    return out, ~ok, comma


# ---------------------------------------------------------------------------------------------
# Header and layout
# ---------------------------------------------------------------------------------------------


@dataclass
class _Header:
    path: Path
    names: list[str]
    sep: int
    layout: str
    columns: dict[str, int]  # role → position
    column_names: dict[str, str]  # role → name in the file
    data_offset: int


def _read_header(path: Path) -> _Header:
    if not path.is_file():
        raise InputError(_MSG_NOT_FOUND, path=str(path))
    with open(path, "rb") as f:
        raw = f.readline(1 << 20)
    if not raw.strip():
        raise InputError(_MSG_EMPTY, path=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    line = text.rstrip("\r\n")
    sep = ";" if ";" in line else ("\t" if "\t" in line else ",")
    names = [n.strip().strip('"').strip() for n in line.split(sep)]
    upper = [n.upper() for n in names]
    pos = {}
    for i, n in enumerate(upper):
        pos.setdefault(n, i)
    layout = None
    weight_name = None
    if "IPONDI" in pos and "COMMUNE" in pos:
        if "DCLT" in pos:
            layout = "mobpro_detail"
        elif "DCETUF" in pos:
            layout = "mobsco_detail"
        weight_name = "IPONDI"
    elif "CODGEO" in pos and ("DCLT" in pos or "DCETU" in pos):
        layout = "mobpro_flux" if "DCLT" in pos else "mobsco_flux"
        candidates = [n for n in upper if _FLUX_WEIGHT.match(n)]
        preferred = [n for n in candidates if n.endswith(_FLUX_PREFERRED[layout])]
        weight_name = (preferred or candidates or [None])[0]
        if weight_name is None:
            layout = None
    if layout is None or weight_name is None:
        found = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
        raise InputError(_MSG_LAYOUT, path=str(path), found=found or "∅")
    spec = LAYOUTS[layout]
    roles = {"origin": spec["origin"], "destination": spec["destination"], "weight": weight_name}
    for role in ("arrondissement", "foreign"):
        if spec[role] is not None and spec[role] in pos:
            roles[role] = spec[role]
    columns = {role: pos[name] for role, name in roles.items()}
    column_names = {role: names[pos[name]] for role, name in roles.items()}
    return _Header(path, names, ord(sep), layout, columns, column_names, len(raw))


# ---------------------------------------------------------------------------------------------
# Classification and accumulation (shared by the file reader and flows_from_pairs)
# ---------------------------------------------------------------------------------------------


class _Accumulator:
    """Classifies rows (origin, destination, weight) and sums them by pair and outside kind."""

    def __init__(
        self,
        communes: Optional[IntArray],
        known: Optional[IntArray],
        map_arrondissements: bool,
    ) -> None:
        self.map_arm = map_arrondissements
        if known is not None and map_arrondissements:
            known = np.unique(_to_city(known)[0])  # an arrondissement stands for its city
        self.known = known
        if communes is not None:
            if map_arrondissements:
                communes = np.unique(_to_city(communes)[0])
            else:
                extra = _ARM_KEYS[_member(_ARM_CITY, communes)]
                communes = np.unique(np.concatenate([communes, extra]))
        self.communes = communes
        self.oids: list[NDArray[np.int32]] = []
        self.dids: list[NDArray[np.int32]] = []
        self.weights: list[FloatArray] = []
        self.rare: dict[int, int] = {}
        self.sum: Optional[sparse.csr_matrix] = None
        self.pending = 0
        self.total = 0.0
        self.outside_w = np.zeros(_N_SPECIAL)
        self.outside_n = np.zeros(_N_SPECIAL, dtype=np.int64)
        self.unknown_dest: dict[int, float] = {}
        self.origin_w = 0.0
        self.origin_n = 0
        self.unknown_orig: dict[int, float] = {}
        self.filtered_w = 0.0
        self.filtered_n = 0
        self.arm_rows = 0

    def add(
        self,
        origin: IntArray,
        destination: IntArray,
        weight: FloatArray,
        arrondissement: Optional[IntArray] = None,
        foreign: Optional[IntArray] = None,
    ) -> None:
        self.total += float(weight.sum())
        # Residence.
        o = origin
        if arrondissement is not None and not self.map_arm:
            filled = arrondissement >= 0
            o = np.where(filled, arrondissement, o)
        arm_hit = np.zeros(o.shape[0], dtype=bool)
        if self.map_arm:
            o, arm_hit = _to_city(o)
            if arrondissement is not None:
                arm_hit |= arrondissement >= 0
        o_ok = _is_commune_key(o)
        if self.known is not None:
            o_ok &= _member(o, self.known)
        # Destination.
        d = destination
        if self.map_arm:
            d, d_hit = _to_city(d)
            arm_hit |= d_hit
        d_commune = _is_commune_key(d)
        d_known = d_commune & _member(d, self.known) if self.known is not None else d_commune
        kind = np.full(d.shape[0], -1, dtype=np.int64)  # -1: a commune pair
        abroad = ~d_known & ((d >= 0) & ~d_commune)
        if foreign is not None:
            abroad |= ~d_known & (foreign >= 0)
        missing = ~d_known & ~abroad & ((d == KEY_EMPTY) | (d == KEY_Z))
        unknown = ~d_known & ~abroad & ~missing
        kind[abroad] = 0
        kind[missing] = 1
        kind[unknown] = 2
        # Filter.
        if self.communes is not None:
            keep = (o_ok & _member(o, self.communes)) | (d_known & _member(d, self.communes))
            out = ~keep
            if out.any():
                self.filtered_w += float(weight[out].sum())
                self.filtered_n += int(np.count_nonzero(out))
                o, d, weight, o_ok, kind = o[keep], d[keep], weight[keep], o_ok[keep], kind[keep]
                d_known, arm_hit = d_known[keep], arm_hit[keep]
        self.arm_rows += int(np.count_nonzero(arm_hit))
        # Unusable residences.
        bad_o = ~o_ok
        if bad_o.any():
            self.origin_w += float(weight[bad_o].sum())
            self.origin_n += int(np.count_nonzero(bad_o))
            _add_counts(self.unknown_orig, o[bad_o], weight[bad_o])
            o, d, weight, kind = o[~bad_o], d[~bad_o], weight[~bad_o], kind[~bad_o]
        # Outside kinds.
        if (kind >= 0).any():
            for k in range(_N_SPECIAL):
                sel = kind == k
                if sel.any():
                    self.outside_w[k] += float(weight[sel].sum())
                    self.outside_n[k] += int(np.count_nonzero(sel))
            unk = (kind == 2) & _is_commune_key(d)
            if unk.any():
                _add_counts(self.unknown_dest, d[unk], weight[unk])
        oid = self._ids(o)
        did = np.where(kind >= 0, _SPECIAL_ID0 + kind, self._ids(np.where(kind >= 0, 0, d)))
        self.oids.append(oid.astype(np.int32))
        self.dids.append(did.astype(np.int32))
        self.weights.append(weight)
        self.pending += o.shape[0]
        if self.pending > _COMPACT_EVERY:
            self._compact()

    def _ids(self, keys: IntArray) -> IntArray:
        """Dense ids of commune keys (see :data:`_BASE_IDS`); codes whose last three characters
        are not digits get ids above it, in order of appearance."""
        c2, c3, c4 = (keys >> 12) & 63, (keys >> 6) & 63, keys & 63
        tail = (c2 < 10) & (c3 < 10) & (c4 < 10)
        ids = ((keys >> 24) * 36 + ((keys >> 18) & 63)) * 1000 + c2 * 100 + c3 * 10 + c4
        rare = np.flatnonzero(~tail)
        if rare.size:
            uniq, inverse = np.unique(keys[rare], return_inverse=True)
            got = np.empty(uniq.shape[0], dtype=np.int64)
            for i, key in enumerate(uniq.tolist()):
                if key not in self.rare:
                    if len(self.rare) >= _RARE_CAP:
                        raise InputError(_MSG_TOO_MANY_CODES, n=_RARE_CAP)
                    self.rare[key] = _BASE_IDS + len(self.rare)
                got[i] = self.rare[key]
            ids[rare] = got[inverse]
        return ids

    def _compact(self) -> None:
        if not self.oids:
            return
        o = np.concatenate(self.oids)
        d = np.concatenate(self.dids)
        w = np.concatenate(self.weights)
        part = sparse.csr_matrix((w, (o, d)), shape=(_N_IDS, _N_IDS + _N_SPECIAL))
        part.sum_duplicates()
        self.sum = part if self.sum is None else self.sum + part
        self.oids, self.dids, self.weights = [], [], []
        self.pending = 0

    def _keys_of_ids(self, ids: IntArray) -> IntArray:
        keys = np.zeros(ids.shape[0], dtype=np.int64)
        base = ids < _BASE_IDS
        b = ids[base]
        v = np.stack([b // 36000, (b // 1000) % 36, (b // 100) % 10, (b // 10) % 10, b % 10], 1)
        keys[base] = v @ _KEY_WEIGHTS
        if (~base).any():
            rare_keys = np.zeros(len(self.rare), dtype=np.int64)
            for key, i in self.rare.items():
                rare_keys[i - _BASE_IDS] = key
            keys[~base] = rare_keys[ids[~base] - _BASE_IDS]
        return keys

    def result(self) -> tuple[StrArray, sparse.csr_matrix, FloatArray]:
        self._compact()
        total = self.sum
        if total is None:
            total = sparse.csr_matrix((_N_IDS, _N_IDS + _N_SPECIAL))
        indptr, indices, data = total.indptr, total.indices, total.data
        # The communes seen (as origins, or as destinations of a pair) and those of the filter.
        row_ids = np.flatnonzero(np.diff(indptr) > 0)
        col_used = np.bincount(indices, minlength=_N_IDS + _N_SPECIAL)[:_SPECIAL_ID0] > 0
        ids = np.union1d(row_ids, np.flatnonzero(col_used))
        if self.communes is not None:
            ids = np.union1d(ids, self._ids(self.communes))
        keys = self._keys_of_ids(ids)
        order = np.argsort(keys, kind="stable")
        codes_k = keys[order]
        n = codes_k.shape[0]
        lut = np.full(_N_IDS + _N_SPECIAL, -1, dtype=np.int64)
        lut[ids[order]] = np.arange(n)
        lut[_SPECIAL_ID0:] = n + np.arange(_N_SPECIAL)
        # Re-index rows and columns (the outside kinds become columns n, n + 1, n + 2).
        counts = np.diff(indptr)
        rows = np.repeat(lut[np.arange(_N_IDS)], counts)
        cols = lut[indices]
        both = sparse.csr_matrix((data, (rows, cols)), shape=(n, n + _N_SPECIAL))
        both.sum_duplicates()
        outside = both[:, n:].toarray()
        matrix = both[:, :n].tocsr()
        matrix.eliminate_zeros()
        return decode_keys(codes_k), matrix, outside

    def fill(self, report: FlowReport) -> None:
        report.total_weight = self.total
        report.outside_weight = {k: float(v) for k, v in zip(OUTSIDE_KINDS, self.outside_w)}
        report.outside_rows = {k: int(v) for k, v in zip(OUTSIDE_KINDS, self.outside_n)}
        report.unknown_destinations = _top_codes(self.unknown_dest)
        report.origin_unusable_weight = self.origin_w
        report.origin_unusable_rows = self.origin_n
        report.unknown_origins = _top_codes(self.unknown_orig)
        report.filtered_weight = self.filtered_w
        report.filtered_rows = self.filtered_n
        report.arrondissement_rows = self.arm_rows
        total_out = float(self.outside_w.sum())
        if total_out > 0:
            codes = ""
            if report.unknown_destinations:
                codes = " (" + ", ".join(list(report.unknown_destinations)[:10]) + ")"
            report.warnings.append(
                Message(
                    _MSG_OUTSIDE,
                    {
                        "weight": _fmt(total_out),
                        "total": _fmt(self.total),
                        "abroad": _fmt(self.outside_w[0]),
                        "missing": _fmt(self.outside_w[1]),
                        "unknown": _fmt(self.outside_w[2]),
                        "codes": codes,
                    },
                )
            )
        if self.origin_n:
            codes = ", ".join(c or "''" for c in list(report.unknown_origins)[:10])
            report.warnings.append(
                Message(
                    _MSG_ORIGIN,
                    {
                        "weight": _fmt(self.origin_w),
                        "rows": self.origin_n,
                        "codes": f" ({codes})" if codes else "",
                    },
                )
            )
        if self.arm_rows:
            report.warnings.append(Message(_MSG_ARM, {"rows": self.arm_rows}))


def _sum_by_key(k: IntArray, w: FloatArray) -> tuple[IntArray, FloatArray]:
    if k.size == 0:
        return k, w
    order = np.argsort(k)
    ks = k[order]
    start = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
    return ks[start], np.add.reduceat(w[order], start)


def _add_counts(store: dict[int, float], keys: IntArray, weights: FloatArray) -> None:
    uk, sw = _sum_by_key(keys, weights)
    for key, wt in zip(uk.tolist(), sw.tolist()):
        store[key] = store.get(key, 0.0) + wt


def _top_codes(store: dict[int, float], limit: int = 20) -> dict[str, float]:
    items = sorted(store.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    keys = np.array([k for k, _ in items], dtype=np.int64)
    codes = decode_keys(keys).tolist() if items else []
    return {c: float(w) for c, (_, w) in zip(codes, items)}


# ---------------------------------------------------------------------------------------------
# Reading a file
# ---------------------------------------------------------------------------------------------


def _iter_blocks(
    path: Path, offset: int, block_bytes: int
) -> Iterator[tuple[Union[bytes, bytearray], int, float]]:
    """Blocks of complete records: ``(buffer, end, fraction of the file read)``, the records
    being ``buffer[:end]`` (each ends at a newline, or the file's end). The buffer is reused: use
    it before asking for the next block."""
    size = max(path.stat().st_size, 1)
    buf = bytearray(block_bytes)
    view = memoryview(buf)
    carry = 0  # bytes of an incomplete record kept at the buffer's start
    with open(path, "rb") as f:
        f.seek(offset)
        while True:
            if carry == len(buf):  # one record longer than the buffer: grow it
                view.release()
                buf.extend(bytes(len(buf)))
                view = memoryview(buf)
            got = f.readinto(view[carry:])
            filled = carry + got
            if filled == 0:
                break
            if got == 0:  # the file's end: the last record has no newline
                yield buf, filled, 1.0
                break
            end = buf.rfind(b"\n", 0, filled) + 1
            if end == 0:
                carry = filled
                continue
            yield buf, end, f.tell() / size
            carry = filled - end
            if carry:
                view[:carry] = view[end:filled]
    view.release()


@dataclass
class _Scanned:
    """One scanned block: code keys ``(slot, record)``, weights, status bits, lines."""

    keys: IntArray
    weights: FloatArray
    status: NDArray[np.int8]
    line: IntArray
    n_lines: int
    fraction: float
    bad_weight: Optional[tuple[int, str]]


def _scan_file(
    header: _Header,
    block_bytes: int,
    scanner: Optional[Callable[..., Any]],
    slot_of_col: IntArray,
    comma_ok: bool,
    n_slots: int,
) -> Iterator[_Scanned]:
    """The file's blocks, scanned (the block's bytes are not kept: the buffer is reused)."""
    nf = len(header.names)
    wcol = header.columns["weight"]
    scan = _scan_numpy if scanner is None else partial(_scan_with, scanner)
    for buf, end, frac in _iter_blocks(header.path, header.data_offset, block_bytes):
        block: Union[bytes, memoryview] = memoryview(buf)[:end]
        if buf.find(b'"', 0, end) >= 0:
            block = bytes(block).replace(b'"', b"")
        keys, w, status, line, n_lines = scan(
            block, header.sep, comma_ok, nf, slot_of_col, wcol, n_slots
        )
        bad = ((status & _ST_BAD_WEIGHT) != 0) & ((status & _ST_MALFORMED) == 0)
        bad_weight = None
        if bad.any():
            k = int(np.argmax(bad))
            bad_weight = (k, _field_text(block, int(line[k]), wcol, header.sep))
        if isinstance(block, memoryview):
            block.release()
        yield _Scanned(keys, w, status, line, n_lines, frac, bad_weight)


def read_flow_file(
    path: PathLike,
    *,
    communes: Optional[Iterable[str]] = None,
    known_communes: Optional[Iterable[str]] = None,
    map_arrondissements: bool = True,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
    engine: str = "auto",
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> CommuneFlows:
    """Read an INSEE MOBPRO / MOBSCO file (detail or aggregated) and sum it to commune pairs.

    Parameters
    ----------
    path
        The file as published (see the module notes for the four layouts; recognised from the
        header). An extract in the same layout reads the same way.
    communes
        Optional filter: keep the rows whose residence **or** destination is one of these
        communes (the others are counted in ``report.filtered_weight``). The city codes of
        Paris, Lyon and Marseille bring their arrondissements.
    known_communes
        Optional list of the communes that exist (e.g. the commune layer's codes, or the COG):
        a destination outside it goes to the ``unknown`` outside kind, a residence outside it to
        ``origin_unusable`` (both named in the report). Without it any five-character code that
        is not a ``99…`` country code is a commune.
    map_arrondissements
        Count the arrondissements of Paris, Lyon and Marseille in their city (default). False
        keeps them (the residence of the detail files is then ``ARM`` where it is filled).
    block_bytes
        Bytes read at a time (memory ≈ 5 × this plus the pairs).
    engine
        ``"auto"`` (compiled when numba works), ``"compiled"`` or ``"numpy"``.
    progress, is_canceled
        Progress (fraction of the file read) and cancellation (between blocks).

    Returns
    -------
    CommuneFlows

    Raises
    ------
    InputError
        File missing or empty, not one of the layouts (the expected columns named), a weight
        that is not a number (its line named), bad commune codes in ``communes``.
    """
    start_time = time.perf_counter()
    path = Path(path)
    header = _read_header(path)
    roles = ["origin", "destination", "arrondissement", "foreign"]
    present = [r for r in roles if r in header.columns]
    slot_of_col = np.full(len(header.names), -1, dtype=np.int64)
    for slot, role in enumerate(present):
        slot_of_col[header.columns[role]] = slot
    comma_ok = header.sep != ord(",")
    scanner = _choose_scanner(engine)
    acc = _Accumulator(
        None if communes is None else _sorted_unique_keys(communes),
        None if known_communes is None else _sorted_unique_keys(known_communes),
        map_arrondissements,
    )
    report = FlowReport(
        path=str(path),
        layout=header.layout,
        columns=header.names,
        origin_column=header.column_names["origin"],
        destination_column=header.column_names["destination"],
        weight_column=header.column_names["weight"],
        engine="compiled" if scanner is not None else "numpy",
    )
    malformed = 0
    first_malformed = 0
    comma = False
    rows = 0
    lines_before = 0
    blocks = _scan_file(header, block_bytes, scanner, slot_of_col, comma_ok, len(present))
    # Blocks are read and scanned in a worker thread (the compiled scanner releases the GIL)
    # while this one classifies and sums the previous block.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(next, blocks, None)
        try:
            while True:
                item = pending.result()
                if item is None:
                    break
                check_canceled(is_canceled)
                pending = pool.submit(next, blocks, None)
                keys, w, status = item.keys, item.weights, item.status
                rows += int(w.shape[0])
                bad_rows = (status & _ST_MALFORMED) != 0
                if bad_rows.any():
                    if not malformed:
                        first_malformed = lines_before + int(item.line[np.argmax(bad_rows)]) + 2
                    malformed += int(np.count_nonzero(bad_rows))
                if item.bad_weight is not None:
                    k, text = item.bad_weight
                    raise InputError(
                        _MSG_BAD_WEIGHT,
                        path=str(path),
                        line=lines_before + int(item.line[k]) + 2,
                        column=report.weight_column,
                        value=text,
                    )
                comma |= bool(((status & _ST_COMMA) != 0).any())
                if bad_rows.any():
                    keys, w = keys[:, ~bad_rows], w[~bad_rows]
                cols = dict(zip(present, keys))
                acc.add(
                    cols["origin"],
                    cols["destination"],
                    w,
                    cols.get("arrondissement"),
                    cols.get("foreign"),
                )
                lines_before += item.n_lines
                tick(progress, 0.95 * item.fraction)
        finally:
            pending.cancel()
            with contextlib.suppress(Exception):
                pending.result()
            blocks.close()
    check_canceled(is_canceled)
    codes, matrix, outside = acc.result()
    report.rows_read = rows
    report.malformed = malformed
    report.first_malformed_line = first_malformed
    report.decimal_comma = comma
    acc.fill(report)
    report.pair_weight = float(matrix.sum())
    if malformed:
        report.warnings.insert(
            0, Message(_MSG_MALFORMED, {"n": malformed, "path": str(path), "line": first_malformed})
        )
    if comma:
        report.warnings.append(Message(_MSG_COMMA, {"path": str(path)}))
    report.seconds = time.perf_counter() - start_time
    tick(progress, 1.0)
    return CommuneFlows(codes, matrix, outside, report)


def _choose_scanner(engine: str) -> Optional[Callable[..., int]]:
    if engine not in ("auto", "compiled", "numpy"):
        raise ValueError(f"engine must be 'auto', 'compiled' or 'numpy', not {engine!r}")
    if engine == "numpy":
        return None
    fn = _compiled_scanner()
    if fn is None and engine == "compiled":
        raise RuntimeError("the compiled flow scanner needs numba, which is not usable here")
    return fn


def _field_text(block: Union[bytes, memoryview], line: int, j: int, sep: int) -> str:
    lines = bytes(block).split(b"\n")
    raw = lines[line] if line < len(lines) else b""
    parts = raw.rstrip(b"\r").split(bytes([sep]))
    value = parts[j] if j < len(parts) else b""
    return repr(value.decode("latin-1"))


# ---------------------------------------------------------------------------------------------
# From arrays
# ---------------------------------------------------------------------------------------------


def flows_from_pairs(
    origins: Iterable[str],
    destinations: Iterable[str],
    weights: ArrayLike,
    *,
    communes: Optional[Iterable[str]] = None,
    known_communes: Optional[Iterable[str]] = None,
    map_arrondissements: bool = True,
) -> CommuneFlows:
    """Sum long-format flows ``(origin code, destination code, weight)`` to commune pairs, with the
    same rules as :func:`read_flow_file` (outside kinds, filter, arrondissements).

    For a flow table already in QGIS (e.g. the illustrative ``flux_domicile_travail`` layer, or
    any table with a residence code, a destination code and a count).

    Raises
    ------
    InputError
        Arrays of different lengths; weights missing, negative or not numbers (rows named).
    """
    o = encode_codes(origins)
    d = encode_codes(destinations)
    w = np.asarray(weights, dtype=np.float64).ravel()
    if d.shape[0] != o.shape[0]:
        raise InputError(_MSG_LENGTH, what="destinations", got=d.shape[0], expected=o.shape[0])
    if w.shape[0] != o.shape[0]:
        raise InputError(_MSG_LENGTH, what="weights", got=w.shape[0], expected=o.shape[0])
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        raise InputError(_MSG_WEIGHTS, bad, n=bad.size)
    acc = _Accumulator(
        None if communes is None else _sorted_unique_keys(communes),
        None if known_communes is None else _sorted_unique_keys(known_communes),
        map_arrondissements,
    )
    acc.add(o, d, w)
    codes, matrix, outside = acc.result()
    report = FlowReport("", "pairs", [], "origin", "destination", "weight", engine="numpy")
    report.rows_read = int(o.shape[0])
    acc.fill(report)
    report.pair_weight = float(matrix.sum())
    return CommuneFlows(codes, matrix, outside, report)


# ---------------------------------------------------------------------------------------------
# Aggregation to a zoning
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class ZoneFlows:
    """Flows aggregated to a zoning (:func:`aggregate_flows`).

    Attributes
    ----------
    zones
        Zone codes, the index of the rows and columns of :attr:`matrix`.
    matrix
        ``(m, m)`` CSR, origin zone × destination zone (diagonal: flows within a zone).
    to_unzoned
        Per origin zone, the flows to French communes that are in no zone.
    from_unzoned
        Per destination zone, the flows from communes that are in no zone.
    outside
        ``(m, 3)``: per origin zone, the communes' outside flows (:data:`OUTSIDE_KINDS`).
    unzoned_internal
        Flows between communes that are in no zone (and within them).
    unzoned_outside
        Outside flows of communes that are in no zone.
    missing_communes
        Codes of the communes of the flows that the zoning does not cover.
    n_communes
        Communes of the flows in each zone.
    warnings
        The communes the zoning misses.
    """

    zones: StrArray
    matrix: sparse.csr_matrix
    to_unzoned: FloatArray
    from_unzoned: FloatArray
    outside: FloatArray
    unzoned_internal: float
    unzoned_outside: float
    missing_communes: StrArray
    n_communes: IntArray
    warnings: list[Message] = field(default_factory=list)

    @property
    def outgoing_outside(self) -> FloatArray:
        """Per zone, everything that leaves for outside the zoning (unzoned communes + outside)."""
        return self.to_unzoned + self.outside.sum(axis=1)

    @property
    def incoming_outside(self) -> FloatArray:
        """Per zone, everything that comes from outside the zoning (unzoned communes)."""
        return self.from_unzoned


def _check_square(matrix: Any) -> sparse.csr_matrix:
    m = sparse.csr_matrix(matrix, dtype=np.float64)
    if m.shape[0] != m.shape[1]:
        raise InputError(_MSG_SQUARE, problem=f"{m.shape[0]} rows × {m.shape[1]} columns")
    if m.nnz and not (np.isfinite(m.data).all() and (m.data >= 0).all()):
        raise InputError(_MSG_SQUARE, problem="missing or negative values")
    return m


def aggregate_matrix(
    matrix: Any, zone_index: ArrayLike, n_zones: int
) -> tuple[sparse.csr_matrix, FloatArray, FloatArray, float]:
    """Aggregate a square flow matrix to zones, conserving every flow.

    Parameters
    ----------
    matrix
        ``(n, n)`` origin × destination flows (sparse or dense).
    zone_index
        Zone of each of the ``n`` units (0 … ``n_zones − 1``; −1 = in no zone).
    n_zones
        Number of zones.

    Returns
    -------
    zone_matrix, to_unzoned, from_unzoned, unzoned_internal
        ``zone_matrix`` ``(n_zones, n_zones)``; the flows from a zone to units in no zone; the
        flows from units in no zone to a zone; the flows between units in no zone.
        ``zone_matrix.sum() + to_unzoned.sum() + from_unzoned.sum() + unzoned_internal`` equals
        ``matrix.sum()``.
    """
    m = _check_square(matrix)
    z = np.asarray(zone_index, dtype=np.int64).ravel()
    if z.shape[0] != m.shape[0]:
        raise InputError(_MSG_LENGTH, what="zone_index", got=z.shape[0], expected=m.shape[0])
    coo = m.tocoo()
    zr, zc, v = z[coo.row], z[coo.col], coo.data
    both = (zr >= 0) & (zc >= 0)
    zm = sparse.csr_matrix((v[both], (zr[both], zc[both])), shape=(n_zones, n_zones))
    zm.sum_duplicates()
    out_ = (zr >= 0) & (zc < 0)
    in_ = (zr < 0) & (zc >= 0)
    to_unzoned = np.bincount(zr[out_], weights=v[out_], minlength=n_zones).astype(np.float64)
    from_unzoned = np.bincount(zc[in_], weights=v[in_], minlength=n_zones).astype(np.float64)
    internal = float(v[(zr < 0) & (zc < 0)].sum())
    return zm, to_unzoned, from_unzoned, internal


def aggregate_flows(
    flows: CommuneFlows,
    commune_codes: Iterable[str],
    zone_codes: Iterable[str],
    *,
    zones: Optional[Sequence[str]] = None,
) -> ZoneFlows:
    """Aggregate commune flows to a zoning (EPCI, zones d'emploi, functional areas…).

    Parameters
    ----------
    flows
        From :func:`read_flow_file` or :func:`flows_from_pairs`.
    commune_codes, zone_codes
        The zoning, one row per commune (e.g. the commune layer's ``code_insee`` and its
        ``siren_epci``). A commune given twice with two zones is an error.
    zones
        Optional order of the zones (and zones without any commune of the flows); default the
        sorted zone codes.

    Returns
    -------
    ZoneFlows
        Every flow is kept: zone → zone in the matrix, to/from communes in no zone apart, outside
        kinds by zone; the communes of the flows missing from the zoning are named.
    """
    cc = np.asarray(list(commune_codes), dtype=str)
    zc = np.asarray(list(zone_codes), dtype=str)
    if cc.shape[0] != zc.shape[0]:
        raise InputError(_MSG_LENGTH, what="zone_codes", got=zc.shape[0], expected=cc.shape[0])
    cc = np.char.strip(cc)
    zc = np.char.strip(zc)
    # One zone per commune.
    order = np.lexsort((zc, cc))
    cs, zs = cc[order], zc[order]
    dup_pair = np.r_[False, (cs[1:] == cs[:-1]) & (zs[1:] != zs[:-1])]
    if dup_pair.any():
        bad = np.unique(cs[dup_pair])
        raise InputError(_MSG_ZONING_DUPLICATE, order[dup_pair], codes=", ".join(bad[:10].tolist()))
    first = np.r_[True, cs[1:] != cs[:-1]]
    cs, zs = cs[first], zs[first]
    zone_list = np.asarray(list(zones), dtype=str) if zones is not None else np.unique(zs[zs != ""])
    # Zone of each commune of the flows.
    pos = np.searchsorted(cs, flows.codes)
    pos_c = np.minimum(pos, max(cs.shape[0] - 1, 0))
    found = (
        (cs.shape[0] > 0) & (cs[pos_c] == flows.codes) if cs.size else np.zeros(len(flows), bool)
    )
    zone_of = np.full(len(flows), -1, dtype=np.int64)
    if found.any() and zone_list.size:
        sorter = np.argsort(zone_list, kind="stable")
        zone_sorted = zone_list[sorter]
        wanted = zs[pos_c[found]]
        zp = np.minimum(np.searchsorted(zone_sorted, wanted), zone_list.shape[0] - 1)
        zone_of[found] = np.where(zone_sorted[zp] == wanted, sorter[zp], -1)
    n_z = zone_list.shape[0]
    zm, to_u, from_u, internal = aggregate_matrix(flows.matrix, zone_of, n_z)
    inside = zone_of >= 0
    outside = np.zeros((n_z, _N_SPECIAL))
    for k in range(_N_SPECIAL):
        outside[:, k] = np.bincount(
            zone_of[inside], weights=flows.outside[inside, k], minlength=n_z
        )
    unzoned_outside = float(flows.outside[~inside].sum())
    missing = flows.codes[~inside]
    warnings: list[Message] = []
    if missing.size:
        miss_idx = np.flatnonzero(~inside)
        touched = float(
            flows.matrix[miss_idx].sum()
            + flows.matrix[:, miss_idx].sum()
            - flows.matrix[miss_idx][:, miss_idx].sum()
            + flows.outside[miss_idx].sum()
        )
        shown = ", ".join(missing[:15].tolist()) + (", …" if missing.size > 15 else "")
        warnings.append(
            Message(
                _MSG_ZONING_MISSING,
                {"n": int(missing.size), "codes": shown, "weight": _fmt(touched)},
            )
        )
    n_communes = np.bincount(zone_of[inside], minlength=n_z).astype(np.int64)
    return ZoneFlows(
        zones=zone_list,
        matrix=zm,
        to_unzoned=to_u,
        from_unzoned=from_u,
        outside=outside,
        unzoned_internal=internal,
        unzoned_outside=unzoned_outside,
        missing_communes=missing,
        n_communes=n_communes,
        warnings=warnings,
    )
