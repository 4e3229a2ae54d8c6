"""SIRENE establishment stock (``StockEtablissement``) as INSEE publishes it, streamed and filtered.

The national stock has tens of millions of rows (≈ 200 bytes each): it is never loaded. The file
is read in blocks of bytes and each block is indexed with numpy — record ends (newlines), field
separators (commas), the few fields the filter needs (``codeCommuneEtablissement``,
``etatAdministratifEtablissement``, and for the head-office map ``siren``, ``nic`` and
``etablissementSiege``) compared as bytes — so that only the rows kept are ever turned into
Python strings. Records holding a double quote (a quoted value, e.g. a name with a comma) are
indexed the same way, the commas inside quotes (after an odd number of quotes in the record)
not being separators, and ``""`` read back as ``"``.

Why not ``pandas.read_csv``: it tokenises every field of every row into Python objects before the
filter can run. On a synthetic 5 M-row file in the exact 54-column layout (1.1 GB), filtered to
one département's communes and the active establishments (2-core machine, indicative):
``read_csv`` of everything in 500 k-row chunks then filter 28–38 s (the whole file at once: 65 s
and 8.3 GB of memory); with ``usecols`` (12 columns) 24 s; this reader 6–9 s with the head-office
map (≈ 1.8 s of it), ≈ 0.6 GB peak. Blocks of 16 MB were faster than 8 or 32 MB. pandas and
pyarrow are not needed (neither ships with QGIS on Debian).

What the reader does, and counts (:class:`SireneReport`):

* checks the header: the 54 columns of the current layout (SUPPLY_AND_COMPLEMENTARITY.md §A3),
  ``activitePrincipaleNAF25Etablissement`` optional (stocks before 2025 lack it); an
  :class:`~..core.errors.InputError` names the missing columns. Names are matched without regard
  to case; the order does not matter;
* checks the encoding: UTF-8 (the header, the first block, and every row kept); a file in another
  encoding is an error naming the line;
* keeps the rows whose ``codeCommuneEtablissement`` is one of the given communes (Paris, Lyon and
  Marseille are matched through their arrondissements) and, by default, whose
  ``etatAdministratifEtablissement`` is ``A`` (active); counts the closed rows of those communes
  and the rows of other communes;
* locates by ``coordonneeLambertAbscisseEtablissement`` / ``…Ordonnee…`` (Lambert-93 in
  metropolitan France); rows without them (empty, ``[ND]`` for partially diffusible
  establishments, unreadable) are kept with NaN and counted, so that the adapter places them at
  their commune's town hall;
* jobs from ``trancheEffectifsEtablissement`` with the class midpoints of
  ``resources/supply/sirene_tranches.csv`` (METHODS.md §2.4, BASIC);
* NAF rév. 2 (``activitePrincipaleEtablissement`` when ``nomenclature…`` is ``NAFRev2``; older
  nomenclatures are kept but counted) and NAF 2025 when the column exists;
* the head office of each legal unit: a map ``siren → commune`` built during the same pass from
  every row flagged ``etablissementSiege = true`` (the siège may be outside the filtered communes);
  its cost is measured (``SireneReport.siege_seconds``). With a ``StockUniteLegale`` file
  (:func:`read_stock_unite_legale`), its ``nicSiegeUniteLegale`` is compared with the stock's
  siège and the unit's ``categorieEntreprise``, ``economieSocialeSolidaireUniteLegale``,
  ``categorieJuridiqueUniteLegale`` and ``trancheEffectifsUniteLegale`` are joined.

Known limit: a value holding a line break (legal in CSV; INSEE's addresses are single-line)
splits its record; both halves are counted as malformed rows.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional, Union

import numpy as np
from numpy.typing import NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..routing.callbacks import IsCanceled, Progress, check_canceled, tick

PathLike = Union[str, Path]
IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
StrArray = NDArray[np.str_]

#: Folder of the shipped tables (``resources/supply``; computed here because the engine imports
#: nothing outside itself).
DEFAULT_TABLE_DIR = Path(__file__).resolve().parents[3] / "resources" / "supply"
TRANCHES_FILE = "sirene_tranches.csv"

#: The 54 columns of ``StockEtablissement`` (SUPPLY_AND_COMPLEMENTARITY.md §A3), in the file's order.
ETABLISSEMENT_COLUMNS: tuple[str, ...] = (
    "siren",
    "nic",
    "siret",
    "statutDiffusionEtablissement",
    "dateCreationEtablissement",
    "trancheEffectifsEtablissement",
    "anneeEffectifsEtablissement",
    "activitePrincipaleRegistreMetiersEtablissement",
    "dateDernierTraitementEtablissement",
    "etablissementSiege",
    "nombrePeriodesEtablissement",
    "complementAdresseEtablissement",
    "numeroVoieEtablissement",
    "indiceRepetitionEtablissement",
    "dernierNumeroVoieEtablissement",
    "indiceRepetitionDernierNumeroVoieEtablissement",
    "typeVoieEtablissement",
    "libelleVoieEtablissement",
    "codePostalEtablissement",
    "libelleCommuneEtablissement",
    "libelleCommuneEtrangerEtablissement",
    "distributionSpecialeEtablissement",
    "codeCommuneEtablissement",
    "codeCedexEtablissement",
    "libelleCedexEtablissement",
    "codePaysEtrangerEtablissement",
    "libellePaysEtrangerEtablissement",
    "identifiantAdresseEtablissement",
    "coordonneeLambertAbscisseEtablissement",
    "coordonneeLambertOrdonneeEtablissement",
    "complementAdresse2Etablissement",
    "numeroVoie2Etablissement",
    "indiceRepetition2Etablissement",
    "typeVoie2Etablissement",
    "libelleVoie2Etablissement",
    "codePostal2Etablissement",
    "libelleCommune2Etablissement",
    "libelleCommuneEtranger2Etablissement",
    "distributionSpeciale2Etablissement",
    "codeCommune2Etablissement",
    "codeCedex2Etablissement",
    "libelleCedex2Etablissement",
    "codePaysEtranger2Etablissement",
    "libellePaysEtranger2Etablissement",
    "dateDebut",
    "etatAdministratifEtablissement",
    "enseigne1Etablissement",
    "enseigne2Etablissement",
    "enseigne3Etablissement",
    "denominationUsuelleEtablissement",
    "activitePrincipaleEtablissement",
    "nomenclatureActivitePrincipaleEtablissement",
    "caractereEmployeurEtablissement",
    "activitePrincipaleNAF25Etablissement",
)
#: Columns of the layout a file may lack (added to the stock in 2025).
OPTIONAL_ETABLISSEMENT_COLUMNS: tuple[str, ...] = ("activitePrincipaleNAF25Etablissement",)

#: The 35 columns of ``StockUniteLegale``: the 33 of the public parsers seen (SUPPLY_AND_
#: COMPLEMENTARITY.md §A3) plus ``societeMissionUniteLegale`` and
#: ``activitePrincipaleNAF25UniteLegale``; the position of these two is not verified (the reader
#: matches names, not positions).
UNITE_LEGALE_COLUMNS: tuple[str, ...] = (
    "siren",
    "statutDiffusionUniteLegale",
    "unitePurgeeUniteLegale",
    "dateCreationUniteLegale",
    "sigleUniteLegale",
    "sexeUniteLegale",
    "prenom1UniteLegale",
    "prenom2UniteLegale",
    "prenom3UniteLegale",
    "prenom4UniteLegale",
    "prenomUsuelUniteLegale",
    "pseudonymeUniteLegale",
    "identifiantAssociationUniteLegale",
    "trancheEffectifsUniteLegale",
    "anneeEffectifsUniteLegale",
    "dateDernierTraitementUniteLegale",
    "nombrePeriodesUniteLegale",
    "categorieEntreprise",
    "anneeCategorieEntreprise",
    "dateDebut",
    "etatAdministratifUniteLegale",
    "nomUniteLegale",
    "nomUsageUniteLegale",
    "denominationUniteLegale",
    "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale",
    "denominationUsuelle3UniteLegale",
    "categorieJuridiqueUniteLegale",
    "activitePrincipaleUniteLegale",
    "nomenclatureActivitePrincipaleUniteLegale",
    "nicSiegeUniteLegale",
    "economieSocialeSolidaireUniteLegale",
    "societeMissionUniteLegale",
    "caractereEmployeurUniteLegale",
    "activitePrincipaleNAF25UniteLegale",
)
#: Columns of ``StockUniteLegale`` the join needs (the others may be absent).
REQUIRED_UNITE_LEGALE_COLUMNS: tuple[str, ...] = (
    "siren",
    "categorieEntreprise",
    "economieSocialeSolidaireUniteLegale",
    "nicSiegeUniteLegale",
    "categorieJuridiqueUniteLegale",
)
_UL_OPTIONAL = ("trancheEffectifsUniteLegale", "etatAdministratifUniteLegale")

#: Columns returned as attributes of :class:`SireneEstablishments` (the others on request).
_CORE = (
    "siren",
    "nic",
    "siret",
    "trancheEffectifsEtablissement",
    "etablissementSiege",
    "codeCommuneEtablissement",
    "coordonneeLambertAbscisseEtablissement",
    "coordonneeLambertOrdonneeEtablissement",
    "etatAdministratifEtablissement",
    "activitePrincipaleEtablissement",
    "nomenclatureActivitePrincipaleEtablissement",
)
#: Extra columns kept by default (names and dates a planner wants on the map).
DEFAULT_EXTRA_COLUMNS: tuple[str, ...] = (
    "denominationUsuelleEtablissement",
    "enseigne1Etablissement",
    "dateCreationEtablissement",
    "libelleCommuneEtablissement",
    "caractereEmployeurEtablissement",
)

#: Commune codes of the arrondissements of Paris, Lyon and Marseille, which SIRENE uses in
#: ``codeCommuneEtablissement`` where the commune layers (COG) have one code per city.
PLM_ARRONDISSEMENTS: dict[str, tuple[str, ...]] = {
    "75056": tuple(f"751{i:02d}" for i in range(1, 21)),
    "69123": tuple(f"6938{i}" for i in range(1, 10)),
    "13055": tuple(f"132{i:02d}" for i in range(1, 17)),
}
_ARRONDISSEMENT_TO_CITY = {a: c for c, arrs in PLM_ARRONDISSEMENTS.items() for a in arrs}

#: Value of ``nomenclatureActivitePrincipaleEtablissement`` for NAF rév. 2.
NAF_REV2 = "NAFRev2"
#: Default block size of the streamed read (bytes).
DEFAULT_BLOCK_BYTES = 16 << 20
_MASKED = "[ND]"

# Messages (templates for translation; see core/errors.py).
_MSG_NOT_FOUND = QT_TRANSLATE_NOOP("ReterrEngine", "SIRENE file not found: {path}.")
_MSG_EMPTY = QT_TRANSLATE_NOOP("ReterrEngine", "The SIRENE file {path} is empty.")
_MSG_MISSING = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The file {path} is not the official {layout} layout: it lacks the columns {columns}.",
)
_MSG_DELIMITER = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The file {path} is not comma-separated: the official {layout} file is a CSV with commas.",
)
_MSG_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The file {path} is not UTF-8 (line {line}): use the official {layout}_utf8.csv file.",
)
_MSG_NO_COMMUNE = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Give at least one commune code to filter the SIRENE stock on."
)
_MSG_BAD_COMMUNES = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Commune codes must have 5 characters (e.g. 12202, 2A004): {codes}."
)
_MSG_UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Unknown SIRENE columns requested: {columns}."
)
_MSG_BAD_TABLE = QT_TRANSLATE_NOOP("ReterrEngine", "The table {path} is not valid: {problem}.")
_MSG_MALFORMED = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} malformed SIRENE rows (wrong number of fields) skipped, e.g. line {line}."
)
_MSG_NO_XY = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} establishments have no Lambert coordinates ({masked} not diffusible): they are placed "
    "at their commune's town hall.",
)
_MSG_OTHER_NAF = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} establishments are coded in an older nomenclature than NAF rév. 2 ({names}): they "
    "belong to no value-chain stage.",
)
_MSG_TRANCHES = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} establishments have an empty or unknown size class ({codes}): counted as non-employers.",
)
_MSG_NO_SIEGE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The head office of {n} establishments' legal units is not in the file: their head-office "
    "commune is left empty.",
)
_MSG_UL_MISSING = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} legal units of the establishments kept are not in the StockUniteLegale file: their "
    "category and ESS flag are left empty.",
)
_MSG_SIEGE_MISMATCH = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "For {n} legal units the head office flagged in StockEtablissement differs from "
    "nicSiegeUniteLegale: the establishment stock's is used.",
)


# ---------------------------------------------------------------------------------------------
# Size classes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tranche:
    """One SIRENE size class (``trancheEffectifs…``) and the jobs counted for it."""

    code: str
    label_fr: str
    label_en: str
    salaries_min: int
    salaries_max: Optional[int]
    jobs: float
    status: str
    source: str


def load_tranches(path: Optional[PathLike] = None) -> dict[str, Tranche]:
    """The size-class table (``resources/supply/sirene_tranches.csv`` by default).

    Returns
    -------
    dict
        ``{code: Tranche}`` in the file's order.

    Raises
    ------
    InputError
        A missing column, a duplicated code, a missing or negative ``jobs`` value.
    """
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / TRANCHES_FILE
    with open(p, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    need = ("code", "label_fr", "label_en", "salaries_min", "salaries_max", "jobs", "status")
    if not rows or any(c not in rows[0] for c in need):
        raise InputError(_MSG_BAD_TABLE, path=str(p), problem="columns " + ", ".join(need))
    out: dict[str, Tranche] = {}
    for line, r in enumerate(rows, start=2):
        code = r["code"].strip()
        try:
            jobs = float(r["jobs"].strip().replace(",", "."))
            lo = int(r["salaries_min"])
            hi = int(r["salaries_max"]) if r["salaries_max"].strip() else None
        except ValueError:
            raise InputError(_MSG_BAD_TABLE, path=str(p), problem=f"line {line}") from None
        if code in out or not jobs >= 0:
            raise InputError(_MSG_BAD_TABLE, path=str(p), problem=f"line {line}")
        out[code] = Tranche(
            code,
            r["label_fr"],
            r["label_en"],
            lo,
            hi,
            jobs,
            r["status"].strip(),
            (r.get("source") or "").strip(),
        )
    if "NN" not in out:
        raise InputError(_MSG_BAD_TABLE, path=str(p), problem="no NN row")
    return out


def jobs_from_tranches(
    codes: Iterable[str], tranches: Optional[dict[str, Tranche]] = None
) -> tuple[FloatArray, dict[str, int]]:
    """Jobs of each establishment from its size-class code.

    Parameters
    ----------
    codes
        ``trancheEffectifs…`` values (``"NN"``, ``"00"``, ``"01"`` … ``"53"``).
    tranches
        The table (default :func:`load_tranches`).

    Returns
    -------
    jobs, unknown
        Jobs per row; ``{code: rows}`` for the empty or unknown codes, which get the ``NN`` value.
    """
    table = tranches if tranches is not None else load_tranches()
    arr = np.char.strip(
        np.asarray(list(codes) if not isinstance(codes, np.ndarray) else codes, dtype=str)
    )
    if arr.size == 0:
        return np.zeros(0), {}
    uniq, inverse = np.unique(arr, return_inverse=True)
    fallback = table["NN"].jobs
    values = np.array([table[u].jobs if u in table else fallback for u in uniq.tolist()])
    counts = np.bincount(inverse, minlength=uniq.size)
    unknown = {u: int(c) for u, c in zip(uniq.tolist(), counts.tolist()) if u not in table}
    return values[inverse].astype(np.float64), unknown


# ---------------------------------------------------------------------------------------------
# Commune codes
# ---------------------------------------------------------------------------------------------


def city_of_arrondissement(codes: Iterable[str]) -> StrArray:
    """Commune codes with the arrondissements of Paris, Lyon and Marseille replaced by the city's
    code (``75108`` → ``75056``, ``69383`` → ``69123``, ``13205`` → ``13055``)."""
    arr = np.asarray(list(codes) if not isinstance(codes, np.ndarray) else codes, dtype=str)
    if arr.size == 0:
        return arr.astype("U5")
    uniq, inverse = np.unique(arr, return_inverse=True)
    mapped = np.array([_ARRONDISSEMENT_TO_CITY.get(u, u) for u in uniq.tolist()], dtype=str)
    return mapped[inverse]


def _code_key(code: str) -> int:
    """Integer key of a 5-character ASCII code (the bytes, big-endian)."""
    return int.from_bytes(code.encode("ascii"), "big")


def _key_codes(keys: IntArray) -> StrArray:
    """Inverse of :func:`_code_key` (``-1`` → ``""``)."""
    if keys.size == 0:
        return np.zeros(0, dtype="U5")
    uniq, inverse = np.unique(keys, return_inverse=True)
    text = [
        "" if k < 0 else int(k).to_bytes(5, "big").decode("ascii", "replace") for k in uniq.tolist()
    ]
    return np.array(text, dtype="U5")[inverse]


def _target_keys(communes: Iterable[str]) -> IntArray:
    """Sorted keys of the communes to keep (arrondissements of Paris, Lyon, Marseille added)."""
    codes = {str(c).strip() for c in communes}
    codes.discard("")
    if not codes:
        raise InputError(_MSG_NO_COMMUNE)
    bad = sorted(c for c in codes if len(c) != 5 or not c.isascii())
    if bad:
        raise InputError(_MSG_BAD_COMMUNES, codes=", ".join(bad[:10]))
    for city, arrs in PLM_ARRONDISSEMENTS.items():
        if city in codes:
            codes.update(arrs)
    return np.array(sorted(_code_key(c) for c in codes), dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# The byte-level scanner
# ---------------------------------------------------------------------------------------------


@dataclass
class _Header:
    path: Path
    layout: str
    names: list[str]
    index: dict[str, int]  # canonical name → position
    n_fields: int
    data_offset: int  # bytes before the first data record


def _read_header(
    path: Path, layout: str, canonical: Sequence[str], required: Sequence[str]
) -> _Header:
    if not path.is_file():
        raise InputError(_MSG_NOT_FOUND, path=str(path))
    with open(path, "rb") as f:
        raw = f.readline(1 << 20)
    if not raw.strip():
        raise InputError(_MSG_EMPTY, path=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(_MSG_NOT_UTF8, path=str(path), line=1, layout=layout) from None
    line = text.rstrip("\r\n")
    if "," not in line and (";" in line or "\t" in line):
        raise InputError(_MSG_DELIMITER, path=str(path), layout=layout)
    names = [n.strip() for n in next(csv.reader([line]))]
    lower = {c.lower(): c for c in canonical}
    index: dict[str, int] = {}
    for i, n in enumerate(names):
        c = lower.get(n.lower())
        if c is not None:
            index.setdefault(c, i)
    missing = [c for c in required if c not in index]
    if missing:
        raise InputError(_MSG_MISSING, path=str(path), layout=layout, columns=", ".join(missing))
    return _Header(path, layout, names, index, len(names), len(raw))


class _Fields:
    """Field bounds of a group of records of one block, and vectorised reads of their fields.

    ``rows`` are the records' 0-based positions in the file. Field ``j`` of record ``k`` spans
    ``[start(j)[k], end(j)[k])`` in the block's bytes, enclosing quotes excluded when
    ``quoted`` (the group of records that hold a double quote; ``""`` inside a quoted value is
    turned back into ``"`` by :meth:`strings`).
    """

    def __init__(
        self,
        arr: NDArray[np.uint8],
        rows: IntArray,
        rs: IntArray,
        re: IntArray,
        n_fields: int,
        commas: IntArray,
        first: Optional[IntArray] = None,
        quoted: bool = False,
    ) -> None:
        self.arr = arr
        self.rows = rows
        self._rs = rs
        self._re = re
        self.n_fields = n_fields
        self._commas = commas  # all commas of the block (first given) or a (n, n_fields-1) matrix
        self._first = first
        self.quoted = quoted

    def __len__(self) -> int:
        return int(self.rows.shape[0])

    def bounds(self, j: int, sel: Optional[IntArray] = None) -> tuple[IntArray, IntArray]:
        """``(start, end)`` of field ``j`` of the records (or of those at positions ``sel``)."""
        if j == 0:
            s = self._rs if sel is None else self._rs[sel]
        elif self._first is None:
            s = self._commas[:, j - 1] if sel is None else self._commas[sel, j - 1]
            s = s + 1
        else:
            first = self._first if sel is None else self._first[sel]
            s = self._commas[first + (j - 1)] + 1
        if j == self.n_fields - 1:
            e = self._re if sel is None else self._re[sel]
        elif self._first is None:
            e = self._commas[:, j] if sel is None else self._commas[sel, j]
        else:
            first = self._first if sel is None else self._first[sel]
            e = self._commas[first + j]
        if self.quoted:
            last = self.arr.shape[0] - 1
            q = (e - s >= 2) & (self.arr[np.minimum(s, last)] == 34)
            s = s + q
            e = e - q
        return s, e

    def _matrix(self, j: int, width: int, sel: Optional[IntArray]) -> tuple[NDArray, BoolArray]:
        """Bytes ``(n, width)`` of field ``j`` (zero-padded) and whether its length is ``width``."""
        s, e = self.bounds(j, sel)
        ok = (e - s) == width
        # A field of ``width`` bytes ends by the block's end: clamping only moves the windows of
        # the fields of another length (flagged not ok), at most the block's last few records.
        s = np.minimum(s, self.arr.shape[0] - width)
        if s.size and s.min() < 0:  # a block shorter than ``width`` bytes
            s = np.maximum(s, 0)
            pad = np.zeros(width, dtype=np.uint8)
            arr = np.concatenate([self.arr, pad])
            return arr[s[:, None] + np.arange(width)[None, :]], ok
        return self._windows(width)[s], ok

    def _windows(self, width: int) -> NDArray[np.uint8]:
        """``(len - width + 1, width)`` view: row ``i`` is ``arr[i : i + width]`` (no copy)."""
        return np.lib.stride_tricks.sliding_window_view(self.arr, width)

    def equals(self, j: int, value: bytes, sel: Optional[IntArray] = None) -> BoolArray:
        """Records whose field ``j`` is exactly ``value``."""
        s, e = self.bounds(j, sel)
        last = self.arr.shape[0] - 1
        ok = (e - s) == len(value)
        # Byte by byte on the candidates only (the first byte rules out most records).
        for k, b in enumerate(value):
            cand = np.flatnonzero(ok)
            ok[cand] = self.arr[np.minimum(s[cand] + k, last)] == b
        return ok

    def key5(self, j: int, sel: Optional[IntArray] = None) -> IntArray:
        """Integer key of field ``j`` (:func:`_code_key`) when it has 5 ASCII characters, else -1."""
        mat, ok = self._matrix(j, 5, sel)
        ok &= (mat < 128).all(axis=1)
        key = mat.astype(np.int64) @ (np.int64(1) << np.arange(32, -1, -8, dtype=np.int64))
        return np.where(ok, key, -1)

    def digits(self, j: int, width: int, sel: Optional[IntArray] = None) -> IntArray:
        """Field ``j`` as an integer when it has exactly ``width`` digits, else -1."""
        mat, ok = self._matrix(j, width, sel)
        d = mat.astype(np.int64) - 48
        ok &= ((d >= 0) & (d <= 9)).all(axis=1)
        value = d @ (10 ** np.arange(width - 1, -1, -1, dtype=np.int64))
        return np.where(ok, value, -1)

    def strings(self, j: int, sel: IntArray) -> tuple[StrArray, Optional[int]]:
        """Field ``j`` of the records at ``sel`` as text; also the position (in ``sel``) of the
        first value that is not valid UTF-8, or None."""
        s, e = self.bounds(j, sel)
        text, bad = _gather_text(self.arr, s, e)
        if self.quoted and text.size:
            has = np.char.find(text, '""') >= 0
            if has.any():
                text = text.astype(object)
                text[has] = [t.replace('""', '"') for t in text[has].tolist()]
                text = text.astype(str)
        return text, bad


class _Block:
    """One block of complete records (it ends at a newline), indexed with numpy.

    Records are the lines between newlines (a trailing carriage return dropped). ``groups`` holds
    up to two :class:`_Fields`: the records without a double quote, whose fields are the spans
    between commas, and the records with one, whose commas inside quotes (an odd number of quotes
    since the record's start) are not separators. Records with the wrong number of fields are
    counted in ``malformed`` (their row positions) and left out.
    """

    def __init__(self, buf: bytes, end: int, nl: IntArray, n_fields: int, first_row: int) -> None:
        arr = np.frombuffer(buf, dtype=np.uint8, count=end)
        n = nl.shape[0]
        rs = np.empty(n, dtype=np.int64)
        if n:
            rs[0] = 0
            rs[1:] = nl[:-1] + 1
        re = nl.astype(np.int64, copy=True)
        nonempty = re > rs
        cr = np.zeros(n, dtype=bool)
        cr[nonempty] = arr[re[nonempty] - 1] == 13
        re[cr] -= 1  # CRLF: the record ends before the carriage return
        rows = first_row + np.arange(n, dtype=np.int64)
        blank = re == rs
        self.n_records = int(n - np.count_nonzero(blank))
        commas = np.flatnonzero(arr == 44)
        first = np.searchsorted(commas, rs)
        counts = np.diff(first, append=commas.shape[0])
        quoted = np.zeros(n, dtype=bool)
        q = None
        if buf.find(b'"', 0, end) >= 0:
            q = np.flatnonzero(arr == 34)
            quoted[np.unique(np.searchsorted(nl, q))] = True
        plain = ~quoted & ~blank
        fast = plain & (counts == n_fields - 1)
        malformed = [rows[plain & ~fast]]
        f = np.flatnonzero(fast)
        self.groups = [_Fields(arr, rows[f], rs[f], re[f], n_fields, commas, first[f])]
        if q is not None:
            qr = np.flatnonzero(quoted & ~blank)
            # The commas of the quoted records, and the quotes before each (within its record).
            c_first, c_count = first[qr], counts[qr]
            owner = np.repeat(np.arange(qr.shape[0]), c_count)
            offsets = np.arange(owner.shape[0]) - np.repeat(np.cumsum(c_count) - c_count, c_count)
            pos = commas[c_first[owner] + offsets]
            before = np.searchsorted(q, pos) - np.searchsorted(q, rs[qr])[owner]
            outside = (before & 1) == 0
            pos, owner = pos[outside], owner[outside]
            real = np.bincount(owner, minlength=qr.shape[0])
            good = real == n_fields - 1
            malformed.append(rows[qr[~good]])
            matrix = pos[good[owner]].reshape(-1, n_fields - 1)
            g = qr[good]
            self.groups.append(_Fields(arr, rows[g], rs[g], re[g], n_fields, matrix, quoted=True))
        self.malformed = np.concatenate(malformed)


def _gather_text(
    arr: NDArray[np.uint8], s: IntArray, e: IntArray
) -> tuple[StrArray, Optional[int]]:
    """The byte spans ``[s, e)`` of ``arr`` decoded as UTF-8; also the position of the first span
    that is not valid UTF-8 (decoded with replacement characters), or None."""
    n = s.shape[0]
    if n == 0:
        return np.zeros(0, dtype="U1"), None
    lengths = e - s
    width = int(lengths.max())
    if width <= 0:
        return np.full(n, "", dtype="U1"), None
    cols = np.arange(width, dtype=np.int64)
    mat = arr[np.minimum(s[:, None] + cols[None, :], arr.shape[0] - 1)]
    mat[cols[None, :] >= lengths[:, None]] = 0
    raw = np.ascontiguousarray(mat).view(f"S{width}").ravel()
    if not (mat >= 128).any():
        return raw.astype(f"U{width}"), None
    out = []
    bad = None
    for k, b in enumerate(raw.tolist()):
        try:
            out.append(b.decode("utf-8"))
        except UnicodeDecodeError:
            if bad is None:
                bad = k
            out.append(b.decode("utf-8", "replace"))
    return np.array(out, dtype=str), bad


def _iter_blocks(
    header: _Header,
    block_bytes: int,
    progress: Progress,
    is_canceled: IsCanceled,
    progress_span: tuple[float, float] = (0.0, 1.0),
) -> Iterator[_Block]:
    """The file's data records, block by block (each block ends at a newline)."""
    size = max(header.path.stat().st_size, 1)
    lo, hi = progress_span
    first_row = 0
    checked_utf8 = False
    with open(header.path, "rb") as f:
        f.seek(header.data_offset)
        carry = b""
        while True:
            check_canceled(is_canceled)
            data = f.read(block_bytes)
            buf = carry + data if carry else data
            if not buf:
                break
            final = not data
            arr = np.frombuffer(buf, dtype=np.uint8)
            nl = np.flatnonzero(arr == 10)
            if final:
                if nl.size == 0 or nl[-1] != len(buf) - 1:
                    nl = np.append(nl, len(buf))
                end = len(buf)
            else:
                if nl.size == 0:  # one record longer than the block: read more
                    carry = buf
                    continue
                end = int(nl[-1]) + 1
            if not checked_utf8:
                # The first block is decoded whole: a file in another encoding stops here.
                checked_utf8 = True
                try:
                    buf[:end].decode("utf-8")
                except UnicodeDecodeError as exc:
                    line = 2 + buf.count(b"\n", 0, exc.start)
                    raise InputError(
                        _MSG_NOT_UTF8, path=str(header.path), line=line, layout=header.layout
                    ) from None
            block = _Block(buf, end, nl, header.n_fields, first_row)
            first_row += nl.shape[0]
            carry = buf[end:]
            yield block
            tick(progress, lo + (hi - lo) * min(1.0, f.tell() / size))
            if final:
                break


# ---------------------------------------------------------------------------------------------
# StockEtablissement
# ---------------------------------------------------------------------------------------------


@dataclass
class SireneReport:
    """What :func:`read_stock_etablissement` read, kept and counted.

    Attributes
    ----------
    rows_read
        Data records (blank lines excluded).
    rows_kept
        Establishments returned.
    outside
        Records of communes outside the filter (all states).
    closed
        Records of the filtered communes dropped because not active (``etat…`` ≠ ``A``).
    malformed
        Records with the wrong number of fields (skipped).
    no_coordinates, masked_coordinates, invalid_coordinates
        Establishments kept without usable Lambert coordinates: empty, ``[ND]`` (not
        diffusible), unreadable. All three are returned with NaN.
    other_nomenclature
        Establishments kept whose activity is not coded in NAF rév. 2: nomenclature → count.
    unknown_tranches
        Empty or unknown size-class codes → count (counted as ``NN``).
    siege_rows
        Head-office records seen in the whole file (the siren → commune map's size).
    siege_unknown
        Establishments kept whose legal unit has no head-office record in the file.
    siege_outside
        Establishments kept whose head office is in a commune outside the filter.
    has_naf25
        Whether the file has the NAF 2025 column.
    seconds, siege_seconds
        Wall time of the whole read, and of the head-office map within it.
    """

    path: str
    columns: list[str]
    rows_read: int
    rows_kept: int
    outside: int
    closed: int
    malformed: int
    no_coordinates: int
    masked_coordinates: int
    invalid_coordinates: int
    other_nomenclature: dict[str, int]
    unknown_tranches: dict[str, int]
    siege_rows: int
    siege_unknown: int
    siege_outside: int
    has_naf25: bool
    seconds: float
    siege_seconds: float
    units_missing: int = 0
    siege_nic_mismatch: int = 0
    warnings: list[Message] = field(default_factory=list)

    @property
    def without_coordinates(self) -> int:
        """Establishments kept without usable coordinates (placed at their town hall)."""
        return self.no_coordinates + self.masked_coordinates + self.invalid_coordinates


@dataclass
class SireneEstablishments:
    """Establishments kept from the stock, as parallel arrays (one entry per establishment).

    Attributes
    ----------
    siren, nic, siret
        Identifiers as text (leading zeros kept).
    commune
        ``codeCommuneEtablissement`` with the arrondissements of Paris, Lyon and Marseille
        replaced by the city's code (``commune_raw`` keeps the file's code).
    x, y
        Lambert-93 coordinates; NaN where the file has none (``located`` False).
    naf, naf_nomenclature
        ``activitePrincipaleEtablissement`` and its nomenclature as read.
    naf2
        The NAF rév. 2 sous-classe (``"10.71C"``), ``""`` where the nomenclature is another.
    naf25
        ``activitePrincipaleNAF25Etablissement`` (``""`` when the file has no such column).
    tranche, jobs
        Size class and the jobs counted for it (:func:`jobs_from_tranches`).
    active
        ``etatAdministratifEtablissement == "A"`` (all True unless ``active_only=False``).
    siege
        Whether the establishment is its legal unit's head office.
    siege_commune
        Commune of the legal unit's head office (same normalisation as ``commune``; ``""`` when
        the file has no head-office record for the siren).
    unit
        Legal-unit attributes joined from ``StockUniteLegale`` (``categorieEntreprise``,
        ``economieSocialeSolidaireUniteLegale``, ``categorieJuridiqueUniteLegale``,
        ``trancheEffectifsUniteLegale``, ``nicSiegeUniteLegale``), ``""`` where unknown; empty
        dict without that file.
    extra
        Other columns asked for, by their file name.
    source_row
        0-based position of the record in the file (header excluded, blank lines counted).
    report
        :class:`SireneReport`.
    """

    siren: StrArray
    nic: StrArray
    siret: StrArray
    commune: StrArray
    commune_raw: StrArray
    x: FloatArray
    y: FloatArray
    located: BoolArray
    naf: StrArray
    naf_nomenclature: StrArray
    naf2: StrArray
    naf25: StrArray
    tranche: StrArray
    jobs: FloatArray
    active: BoolArray
    siege: BoolArray
    siege_commune: StrArray
    unit: dict[str, StrArray]
    extra: dict[str, StrArray]
    source_row: IntArray
    report: SireneReport

    _ARRAYS = (
        "siren",
        "nic",
        "siret",
        "commune",
        "commune_raw",
        "x",
        "y",
        "located",
        "naf",
        "naf_nomenclature",
        "naf2",
        "naf25",
        "tranche",
        "jobs",
        "active",
        "siege",
        "siege_commune",
        "source_row",
    )

    def __len__(self) -> int:
        return int(self.siren.shape[0])

    def xy(self) -> FloatArray:
        """``(n, 2)`` Lambert-93 coordinates (NaN rows for the unlocated)."""
        return np.column_stack([self.x, self.y])

    def select(self, mask: Union[BoolArray, IntArray]) -> SireneEstablishments:
        """The establishments where ``mask`` is true (or at the given positions); same report."""
        return replace(
            self,
            **{name: getattr(self, name)[mask] for name in self._ARRAYS},
            unit={k: v[mask] for k, v in self.unit.items()},
            extra={k: v[mask] for k, v in self.extra.items()},
        )


class _Kept:
    """Values of the kept records, accumulated block by block."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self.parts: dict[str, list[StrArray]] = {n: [] for n in names}
        self.rows: list[IntArray] = []

    def add(self, rows: IntArray, values: dict[str, StrArray]) -> None:
        self.rows.append(rows)
        for n in self.names:
            self.parts[n].append(values[n])

    def column(self, name: str) -> StrArray:
        parts = [p for p in self.parts[name] if p.size]
        return np.concatenate(parts).astype(str) if parts else np.zeros(0, dtype="U1")

    def source_rows(self) -> IntArray:
        return np.concatenate(self.rows) if self.rows else np.zeros(0, dtype=np.int64)


def _parse_coordinates(text: StrArray) -> tuple[FloatArray, BoolArray, BoolArray]:
    """(values, empty, masked) of a coordinate column; unreadable values are NaN too."""
    t = np.char.strip(text.astype(str))
    empty = t == ""
    masked = t == _MASKED
    out = np.full(t.shape, np.nan)
    fill = ~(empty | masked)
    if fill.any():
        vals = t[fill]
        try:
            out[fill] = vals.astype(np.float64)
        except ValueError:
            parsed = np.empty(vals.shape[0])
            for k, v in enumerate(vals.tolist()):
                try:
                    parsed[k] = float(v.replace(",", "."))
                except ValueError:
                    parsed[k] = np.nan
            out[fill] = parsed
    out[~np.isfinite(out)] = np.nan
    return out, empty, masked


def _take(
    g: _Fields, sel: IntArray, col: dict[str, int], path: Path, layout: str
) -> dict[str, StrArray]:
    """Text of the columns ``col`` for the records at ``sel`` of group ``g`` (UTF-8 checked)."""
    values = {}
    for name, j in col.items():
        text, bad = g.strings(j, sel)
        if bad is not None:
            line = int(g.rows[sel[bad]]) + 2
            raise InputError(_MSG_NOT_UTF8, path=str(path), line=line, layout=layout)
        values[name] = text
    return values


def read_stock_etablissement(
    path: PathLike,
    communes: Optional[Iterable[str]],
    *,
    active_only: bool = True,
    columns: Optional[Iterable[str]] = None,
    head_offices: bool = True,
    unites_legales: Optional[PathLike] = None,
    tranches: Optional[dict[str, Tranche]] = None,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> SireneEstablishments:
    """Read ``StockEtablissement_utf8.csv``, keeping the (active) establishments of some communes.

    Parameters
    ----------
    path
        The stock as published (UTF-8, comma, header; the 54 columns of
        :data:`ETABLISSEMENT_COLUMNS`, the NAF 2025 one optional). An extract in the same layout
        (e.g. one département) reads the same way.
    communes
        Codes of the communes to keep (5 characters, COG: ``12202``, ``2A004``; the city codes of
        Paris, Lyon and Marseille bring their arrondissements). None keeps every commune.
    active_only
        Keep only ``etatAdministratifEtablissement == "A"`` (the closed ones are counted).
    columns
        Other columns of the layout to return in ``extra`` (default
        :data:`DEFAULT_EXTRA_COLUMNS`; ``()`` for none).
    head_offices
        Build the ``siren → head-office commune`` map from the whole file (one pass, measured in
        ``report.siege_seconds``). False leaves ``siege_commune`` empty.
    unites_legales
        Optional ``StockUniteLegale_utf8.csv``: its rows for the sirens kept are joined
        (:func:`read_stock_unite_legale`).
    tranches
        Size-class table (default :func:`load_tranches`).
    block_bytes
        Bytes read at a time (memory ≈ 10 × this).
    progress, is_canceled
        Progress (fraction of the bytes read, 0–1) and cancellation (raises
        :class:`~..core.errors.Canceled` between blocks).

    Returns
    -------
    SireneEstablishments
        With its :class:`SireneReport` (counts and warnings).

    Raises
    ------
    InputError
        File missing or empty, not comma-separated, missing columns (all named), not UTF-8 (the
        line named), bad commune codes or unknown extra columns.
    """
    start_time = time.perf_counter()
    path = Path(path)
    layout = "StockEtablissement"
    required = [c for c in ETABLISSEMENT_COLUMNS if c not in OPTIONAL_ETABLISSEMENT_COLUMNS]
    header = _read_header(path, layout, ETABLISSEMENT_COLUMNS, required)
    extra_names = list(DEFAULT_EXTRA_COLUMNS if columns is None else columns)
    unknown_cols = [c for c in extra_names if c not in ETABLISSEMENT_COLUMNS]
    if unknown_cols:
        raise InputError(_MSG_UNKNOWN_COLUMN, columns=", ".join(unknown_cols))
    extra_names = [c for c in dict.fromkeys(extra_names) if c in header.index and c not in _CORE]
    has_naf25 = "activitePrincipaleNAF25Etablissement" in header.index
    wanted = list(_CORE) + (["activitePrincipaleNAF25Etablissement"] if has_naf25 else [])
    wanted += [c for c in extra_names if c not in wanted]
    col = {name: header.index[name] for name in wanted}
    targets = None if communes is None else _target_keys(communes)
    table = tranches if tranches is not None else load_tranches()

    j_com = col["codeCommuneEtablissement"]
    j_etat = col["etatAdministratifEtablissement"]
    j_siege = col["etablissementSiege"]
    j_siren, j_nic = col["siren"], col["nic"]
    kept = _Kept(wanted)
    siege_parts: list[tuple[NDArray[np.int32], NDArray[np.int32], IntArray, IntArray]] = []
    rows_read = outside = closed = malformed = 0
    first_malformed = -1
    siege_seconds = 0.0
    span = (0.0, 0.9) if unites_legales is not None else (0.0, 1.0)
    for blk in _iter_blocks(header, block_bytes, progress, is_canceled, span):
        rows_read += blk.n_records
        malformed += blk.malformed.shape[0]
        if blk.malformed.size and first_malformed < 0:
            first_malformed = int(blk.malformed.min())
        for g in blk.groups:
            if not len(g):
                continue
            # The filter, on bytes.
            com_key = g.key5(j_com)
            in_set = np.ones(len(g), dtype=bool) if targets is None else np.isin(com_key, targets)
            sel = np.flatnonzero(in_set)
            outside += len(g) - sel.shape[0]
            if active_only:
                active = g.equals(j_etat, b"A", sel)
                closed += int(sel.shape[0] - np.count_nonzero(active))
                sel = sel[active]
            if sel.size:
                kept.add(g.rows[sel], _take(g, sel, col, path, layout))
            if head_offices:
                t0 = time.perf_counter()
                is_siege = np.flatnonzero(g.equals(j_siege, b"true"))
                if is_siege.size:
                    # siren (< 10⁹) and nic fit in 32 bits: the map of a national stock
                    # (≈ 29 M units) stays near 700 MB.
                    siege_parts.append(
                        (
                            g.digits(j_siren, 9, is_siege).astype(np.int32),
                            (
                                g.digits(j_nic, 5, is_siege).astype(np.int32)
                                if unites_legales is not None
                                else np.full(is_siege.shape[0], -1, dtype=np.int32)
                            ),
                            com_key[is_siege],
                            g.rows[is_siege],
                        )
                    )
                siege_seconds += time.perf_counter() - t0

    # Assemble the kept establishments (each block gives its unquoted records, then its quoted
    # ones: restore the file's order).
    source_row = kept.source_rows()
    order = np.argsort(source_row, kind="stable")
    source_row = source_row[order]

    def column(name: str) -> StrArray:
        return np.char.strip(kept.column(name)[order]) if source_row.size else np.zeros(0, "U1")

    n = source_row.shape[0]
    siren, nic, siret = column("siren"), column("nic"), column("siret")
    commune_raw = column("codeCommuneEtablissement")
    commune = city_of_arrondissement(commune_raw)
    x, x_empty, x_masked = _parse_coordinates(column("coordonneeLambertAbscisseEtablissement"))
    y, y_empty, y_masked = _parse_coordinates(column("coordonneeLambertOrdonneeEtablissement"))
    located = np.isfinite(x) & np.isfinite(y)
    masked = ~located & (x_masked | y_masked)
    empty = ~located & ~masked & (x_empty | y_empty)
    invalid = ~located & ~masked & ~empty
    naf = column("activitePrincipaleEtablissement")
    nomenclature = column("nomenclatureActivitePrincipaleEtablissement")
    is_rev2 = nomenclature == NAF_REV2
    naf2 = np.where(is_rev2, naf, "")
    naf25 = column("activitePrincipaleNAF25Etablissement") if has_naf25 else np.full(n, "", "U1")
    tranche = column("trancheEffectifsEtablissement")
    jobs, unknown_tranches = jobs_from_tranches(tranche, table)
    active = column("etatAdministratifEtablissement") == "A"
    siege = column("etablissementSiege") == "true"
    extra = {name: column(name) for name in extra_names}

    # Head-office commune of each kept establishment's legal unit.
    t0 = time.perf_counter()
    siege_commune = np.full(n, "", dtype="U5")
    siege_nic = np.full(n, -1, dtype=np.int64)
    siege_rows = siege_unknown = siege_outside = 0
    if head_offices:
        if siege_parts:
            s_siren = np.concatenate([p[0] for p in siege_parts])
            s_nic = np.concatenate([p[1] for p in siege_parts])
            s_key = np.concatenate([p[2] for p in siege_parts])
            s_row = np.concatenate([p[3] for p in siege_parts])
        else:
            s_siren = s_nic = np.zeros(0, dtype=np.int32)
            s_key = s_row = np.zeros(0, dtype=np.int64)
        ok = s_siren >= 0
        s_siren, s_nic, s_key, s_row = s_siren[ok], s_nic[ok], s_key[ok], s_row[ok]
        siege_rows = int(s_siren.shape[0])
        # By siren, then file order: a siren flagged twice keeps its first head-office row.
        o = np.lexsort((s_row, s_siren))
        s_siren, s_nic, s_key = s_siren[o], s_nic[o], s_key[o]
        kept_siren = np.array([int(s) if s.isdigit() else -1 for s in siren.tolist()], np.int64)
        pos = np.searchsorted(s_siren, kept_siren)
        pos_c = np.minimum(pos, max(siege_rows - 1, 0))
        found = (siege_rows > 0) & (kept_siren >= 0)
        if siege_rows:
            found &= s_siren[pos_c] == kept_siren
        keys = np.where(found, s_key[pos_c] if siege_rows else -1, -1)
        siege_commune = city_of_arrondissement(_key_codes(keys))
        siege_nic = np.where(found, s_nic[pos_c] if siege_rows else -1, -1).astype(np.int64)
        siege_unknown = int(np.count_nonzero(~found))
        if targets is not None:
            outside_codes = ~np.isin(keys, targets) & found
            siege_outside = int(np.count_nonzero(outside_codes))
    siege_seconds += time.perf_counter() - t0

    warnings: list[Message] = []
    if malformed:
        warnings.append(Message(_MSG_MALFORMED, {"n": malformed, "line": first_malformed + 2}))
    n_without = int(np.count_nonzero(~located))
    if n_without:
        warnings.append(
            Message(_MSG_NO_XY, {"n": n_without, "masked": int(np.count_nonzero(masked))})
        )
    other_nom = Counter(nomenclature[~is_rev2].tolist())
    if other_nom:
        names = ", ".join(f"{k or '?'} ({v})" for k, v in other_nom.most_common(5))
        warnings.append(Message(_MSG_OTHER_NAF, {"n": sum(other_nom.values()), "names": names}))
    if unknown_tranches:
        codes = ", ".join(f"{k or '∅'} ({v})" for k, v in sorted(unknown_tranches.items()))
        warnings.append(
            Message(_MSG_TRANCHES, {"n": sum(unknown_tranches.values()), "codes": codes})
        )
    if head_offices and siege_unknown:
        warnings.append(Message(_MSG_NO_SIEGE, {"n": siege_unknown}))

    report = SireneReport(
        path=str(path),
        columns=header.names,
        rows_read=rows_read,
        rows_kept=n,
        outside=outside,
        closed=closed,
        malformed=malformed,
        no_coordinates=int(np.count_nonzero(empty)),
        masked_coordinates=int(np.count_nonzero(masked)),
        invalid_coordinates=int(np.count_nonzero(invalid)),
        other_nomenclature=dict(other_nom.most_common()),
        unknown_tranches=unknown_tranches,
        siege_rows=siege_rows,
        siege_unknown=siege_unknown,
        siege_outside=siege_outside,
        has_naf25=has_naf25,
        seconds=0.0,
        siege_seconds=siege_seconds,
        warnings=warnings,
    )
    out = SireneEstablishments(
        siren=siren,
        nic=nic,
        siret=siret,
        commune=commune,
        commune_raw=commune_raw,
        x=x,
        y=y,
        located=located,
        naf=naf,
        naf_nomenclature=nomenclature,
        naf2=naf2,
        naf25=naf25,
        tranche=tranche,
        jobs=jobs,
        active=active,
        siege=siege,
        siege_commune=siege_commune,
        unit={},
        extra=extra,
        source_row=source_row,
        report=report,
    )
    if unites_legales is not None:
        units = read_stock_unite_legale(
            unites_legales,
            siren,
            progress=None if progress is None else (lambda f: progress(0.9 + 0.1 * f)),
            is_canceled=is_canceled,
        )
        _join_units(out, units, siege_nic if head_offices else None)
    report.seconds = time.perf_counter() - start_time
    tick(progress, 1.0)
    return out


# ---------------------------------------------------------------------------------------------
# StockUniteLegale
# ---------------------------------------------------------------------------------------------


@dataclass
class UnitesLegales:
    """Rows of ``StockUniteLegale`` for some sirens.

    Attributes
    ----------
    siren
        The sirens found, as integers, sorted.
    columns
        Column name → text values (aligned with ``siren``): the required columns of
        :data:`REQUIRED_UNITE_LEGALE_COLUMNS` and, when present, ``trancheEffectifsUniteLegale``
        and ``etatAdministratifUniteLegale``.
    rows_read
        Data records of the file.
    requested, missing
        Distinct sirens asked for, and those not in the file.
    """

    siren: IntArray
    columns: dict[str, StrArray]
    rows_read: int
    requested: int
    missing: int


def _siren_ints(sirens: Iterable[str]) -> IntArray:
    arr = np.asarray(list(sirens) if not isinstance(sirens, np.ndarray) else sirens, dtype=str)
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    uniq, inverse = np.unique(np.char.strip(arr), return_inverse=True)
    vals = np.array([int(u) if len(u) == 9 and u.isdigit() else -1 for u in uniq.tolist()])
    return vals.astype(np.int64)[inverse]


def read_stock_unite_legale(
    path: PathLike,
    sirens: Iterable[str],
    *,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> UnitesLegales:
    """Read the rows of ``StockUniteLegale_utf8.csv`` whose ``siren`` is one of ``sirens``.

    Streams like :func:`read_stock_etablissement` (the siren is compared as a number while the
    block is still bytes).

    Parameters
    ----------
    path
        The stock as published (UTF-8, comma, header with at least
        :data:`REQUIRED_UNITE_LEGALE_COLUMNS`).
    sirens
        The sirens wanted (9-digit text).
    progress, is_canceled
        As in :func:`read_stock_etablissement`.

    Returns
    -------
    UnitesLegales

    Raises
    ------
    InputError
        As :func:`read_stock_etablissement` (file, separator, columns, encoding).
    """
    path = Path(path)
    layout = "StockUniteLegale"
    header = _read_header(path, layout, UNITE_LEGALE_COLUMNS, REQUIRED_UNITE_LEGALE_COLUMNS)
    names = list(REQUIRED_UNITE_LEGALE_COLUMNS) + [c for c in _UL_OPTIONAL if c in header.index]
    col = {n: header.index[n] for n in names}
    wanted = np.unique(_siren_ints(sirens))
    wanted = wanted[wanted >= 0]
    kept = _Kept(names)
    rows_read = 0
    for blk in _iter_blocks(header, block_bytes, progress, is_canceled):
        rows_read += blk.n_records
        for g in blk.groups:
            if not len(g):
                continue
            sel = np.flatnonzero(np.isin(g.digits(col["siren"], 9), wanted))
            if sel.size:
                kept.add(g.rows[sel], _take(g, sel, col, path, layout))
    siren_text = np.char.strip(kept.column("siren"))
    siren = _siren_ints(siren_text)
    order = np.argsort(siren, kind="stable")
    siren = siren[order]
    columns = {n: np.char.strip(kept.column(n))[order] for n in names}
    # One row per siren (the stock has one; keep the first if a file repeats one).
    first = np.ones(siren.shape[0], dtype=bool)
    first[1:] = siren[1:] != siren[:-1]
    siren = siren[first]
    columns = {n: v[first] for n, v in columns.items()}
    missing = int(wanted.shape[0] - np.count_nonzero(np.isin(wanted, siren)))
    return UnitesLegales(siren, columns, rows_read, int(wanted.shape[0]), missing)


def _join_units(
    est: SireneEstablishments, units: UnitesLegales, siege_nic: Optional[IntArray]
) -> None:
    """Attach the legal-unit columns to ``est`` (in place) and count what did not match."""
    n = len(est)
    keys = _siren_ints(est.siren)
    pos = np.searchsorted(units.siren, keys)
    m = units.siren.shape[0]
    pos_c = np.minimum(pos, max(m - 1, 0))
    found = (m > 0) & (keys >= 0)
    if m:
        found &= units.siren[pos_c] == keys
    unit: dict[str, StrArray] = {}
    for name, values in units.columns.items():
        if name == "siren":
            continue
        if m:
            unit[name] = np.where(found, values[pos_c], "")
        else:
            unit[name] = np.full(n, "", dtype="U1")
    est.unit = unit
    rep = est.report
    rep.units_missing = int(np.unique(keys[~found]).shape[0]) if n else 0
    if rep.units_missing:
        rep.warnings.append(Message(_MSG_UL_MISSING, {"n": rep.units_missing}))
    if siege_nic is not None and m:
        ul_nic = np.array(
            [int(v) if v.isdigit() else -1 for v in unit["nicSiegeUniteLegale"].tolist()],
            dtype=np.int64,
        )
        differ = found & (siege_nic >= 0) & (ul_nic >= 0) & (ul_nic != siege_nic)
        rep.siege_nic_mismatch = int(np.unique(keys[differ]).shape[0])
        if rep.siege_nic_mismatch:
            rep.warnings.append(Message(_MSG_SIEGE_MISMATCH, {"n": rep.siege_nic_mismatch}))
