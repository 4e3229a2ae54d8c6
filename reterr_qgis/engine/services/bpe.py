"""INSEE BPE (Base permanente des équipements): versioned code table and geolocated-file reader.

The BPE classifies facilities by a four-character type code ``TYPEQU`` whose first letter is the
domain (A services to individuals, B shops, C education, D health and social care, E transport,
F sports, leisure and culture, G tourism). Codes change between vintages (the 2023 revision
renumbered shops and schools, 2024 renumbered health professionals), so nothing here hard-codes a
vintage: the code table ``resources/bpe/typequ.csv`` holds one row per code and vintage range, the
crosswalk ``crosswalk_2023.csv`` links old and new codes, and ``baskets.csv`` lists the
everyday-services baskets with the vintage their codes belong to.

:func:`read_bpe_csv` reads the geolocated file as INSEE publishes it (``;``-separated, UTF-8 or
Latin-1, decimal dot or comma, possibly quoted), drops the rows that have no location and counts
them, keeps rows whose type is unknown (domain ``"?"``) and reports those codes. Coordinates are
Lambert-93 (EPSG:2154) in metropolitan France and UTM overseas; :data:`DEP_EPSG` gives the CRS of
each overseas département, and every facility carries its EPSG code.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from ..core.errors import QT_TRANSLATE_NOOP, Canceled, InputError, Message

#: Folder of the shipped code table (``resources/bpe`` of the plugin; computed here rather than
#: imported from ``reterr_qgis.about`` because the engine imports nothing outside itself).
DEFAULT_TABLE_DIR = Path(__file__).resolve().parents[3] / "resources" / "bpe"
TYPEQU_FILE = "typequ.csv"
CROSSWALK_FILE = "crosswalk_2023.csv"
BASKETS_FILE = "baskets.csv"

#: Domain letter → (French, English) label.
DOMAINS: dict[str, tuple[str, str]] = {
    "A": ("Services aux particuliers", "Services to individuals"),
    "B": ("Commerces", "Shops"),
    "C": ("Enseignement", "Education"),
    "D": ("Santé et action sociale", "Health and social care"),
    "E": ("Transports et déplacements", "Transport"),
    "F": ("Sports, loisirs et culture", "Sports, leisure and culture"),
    "G": ("Tourisme", "Tourism"),
}
#: Domain given to rows whose TYPEQU is not in the code table for their vintage.
UNKNOWN_DOMAIN = "?"
#: INSEE gammes (groups of facilities with a similar location pattern), from local to rare.
GAMMES: tuple[str, str, str] = ("proximité", "intermédiaire", "supérieure")
#: Default everyday-services basket (METHODS.md §1.4).
DEFAULT_BASKET = "ot2024"

#: CRS of the BPE coordinates per overseas département (UTM of the local RGAF09, RGFG95, RGR92,
#: RGM04 frames); every other département is in Lambert-93.
DEP_EPSG: dict[str, int] = {
    "971": 5490,  # Guadeloupe: RGAF09 / UTM zone 20N
    "972": 5490,  # Martinique: RGAF09 / UTM zone 20N
    "973": 2972,  # Guyane: RGFG95 / UTM zone 22N
    "974": 2975,  # La Réunion: RGR92 / UTM zone 40S
    "976": 4471,  # Mayotte: RGM04 / UTM zone 38S
}
METROPOLE_EPSG = 2154

#: Plausible extent ``(xmin, ymin, xmax, ymax)`` in metres of the BPE coordinates per CRS:
#: metropolitan France and Corsica in Lambert-93 (the extent ``reterr:import_sirene`` uses), each
#: overseas département in its UTM zone (Guadeloupe and Martinique share one), with a margin.
#: Coordinates outside (degrees, a number cut short, another CRS) cannot be placed; rows in a CRS
#: not listed here are not checked.
PLAUSIBLE_EXTENT: dict[int, tuple[float, float, float, float]] = {
    2154: (50_000.0, 6_000_000.0, 1_300_000.0, 7_150_000.0),
    5490: (550_000.0, 1_500_000.0, 800_000.0, 1_900_000.0),
    2972: (50_000.0, 150_000.0, 600_000.0, 700_000.0),
    2975: (280_000.0, 7_600_000.0, 420_000.0, 7_720_000.0),
    4471: (470_000.0, 8_530_000.0, 570_000.0, 8_640_000.0),
}
#: How many offending rows a warning names.
NAMED_ROWS = 10

#: Columns of the geolocated BPE file used by the reader (upper case). ``DEPCOM``, ``TYPEQU``,
#: ``LAMBERT_X`` and ``LAMBERT_Y`` are required; ``AN`` is required unless a vintage is given.
REQUIRED_COLUMNS: tuple[str, ...] = ("DEPCOM", "TYPEQU", "LAMBERT_X", "LAMBERT_Y")
KNOWN_COLUMNS: tuple[str, ...] = (
    "REG",
    "DEP",
    "DEPCOM",
    "DCIRIS",
    "AN",
    "TYPEQU",
    "LAMBERT_X",
    "LAMBERT_Y",
    "QUALITE_XY",
    "EPSG",
)

#: Canonical ``QUALITE_XY`` codes. Files up to 2021 spell the quality out ("Bonne",
#: "Acceptable", "Mauvaise", "Non géolocalisé"); newer files use the codes B, A, M, _Z (not
#: located) and _U (undetermined).
QUALITY_CODES: dict[str, str] = {
    "B": "B",
    "BONNE": "B",
    "A": "A",
    "ACCEPTABLE": "A",
    "M": "M",
    "MAUVAISE": "M",
    "_Z": "_Z",
    "Z": "_Z",
    "NON GEOLOCALISE": "_Z",
    "NON GEOLOCALISEE": "_Z",
    "_U": "_U",
    "U": "_U",
    "INDETERMINE": "_U",
    "INDETERMINEE": "_U",
    "": "",
}
NOT_LOCATED = "_Z"

#: Reasons for dropping a row, in the order they are tested.
DROP_REASONS: tuple[str, ...] = (
    "malformed",  # wrong number of fields
    "not_geolocated",  # QUALITE_XY says the facility is not located
    "missing_coordinates",  # LAMBERT_X or LAMBERT_Y empty
    "invalid_coordinates",  # not a number, or infinite
    "truncated",  # the file's last line is cut (fewer fields, or a coordinate cut short)
    "implausible_coordinates",  # outside PLAUSIBLE_EXTENT for the row's CRS (degrees, …)
)
#: Reasons always present in :attr:`BpeReadReport.dropped` (the others only when they occur).
ALWAYS_REPORTED: tuple[str, ...] = DROP_REASONS[:4]

Progress = Callable[[float], None]
IsCanceled = Callable[[], bool]


# ---- code table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeInfo:
    """One facility type over a range of vintages (one row of ``typequ.csv``)."""

    typequ: str
    vintage_from: int
    vintage_to: int | None  # None: still in use in the latest vintage of the table
    domain: str
    subdomain: str
    label_fr: str
    label_en: str
    gamme: str  # one of GAMMES, or "" when INSEE gives none
    baskets: frozenset[str]
    note: str = ""

    def covers(self, vintage: int) -> bool:
        """Whether this row applies to ``vintage``."""
        return self.vintage_from <= vintage and (
            self.vintage_to is None or vintage <= self.vintage_to
        )

    @property
    def uncertain(self) -> bool:
        """Whether the table marks something of this row as to be verified ("[V]")."""
        return "[V]" in self.note


@dataclass(frozen=True)
class CrosswalkRow:
    """``old_code`` (valid up to ``last_old_vintage``) became ``new_code`` from ``first_new_vintage``.

    ``relation`` is ``same`` (renumbered), ``renamed`` (scope or label changed), ``split`` (one row
    per part), ``merged`` (one row per merged code) or ``removed`` (``new_code`` empty).
    """

    old_code: str
    new_code: str
    relation: str
    last_old_vintage: int
    first_new_vintage: int
    note: str = ""


@dataclass(frozen=True)
class Basket:
    """A list of facility types, expressed in the codes of ``vintage``."""

    basket_id: str
    vintage: int
    codes: tuple[str, ...]
    label_fr: str = ""
    label_en: str = ""
    source: str = ""
    status: str = ""
    note: str = ""


_MSG_UNKNOWN_BASKET = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Unknown basket '{basket}' (known: {known})."
)


def _table_error(path: object, problem: str) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP("ReterrEngine", "BPE code table {path}: {problem}"),
        path=str(path),
        problem=problem,
    )


def _read_semicolon_table(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f, delimiter=";")
            rows = [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]
            fields = [name.strip() for name in reader.fieldnames or []]
    except OSError as exc:
        raise _table_error(path, str(exc)) from exc
    missing = [c for c in required if c not in fields]
    if missing:
        raise _table_error(path, "missing columns " + ", ".join(missing))
    return rows


def _int(value: str, path: Path, line: int, allow_empty: bool = False) -> int | None:
    if value == "" and allow_empty:
        return None
    try:
        return int(value)
    except ValueError:
        raise _table_error(path, f"line {line}: bad vintage {value!r}") from None


class CodeTable:
    """The BPE facility types of every vintage, with the crosswalk and the baskets.

    Parameters
    ----------
    types
        One :class:`TypeInfo` per code and vintage range; ranges of one code must not overlap.
    crosswalk
        Links between the codes of successive nomenclatures.
    baskets
        Everyday-services baskets.

    Vintages older than the oldest one of the table are read with the oldest nomenclature
    (:meth:`resolve_vintage`); open-ended rows (``vintage_to`` None) cover every later vintage.
    """

    def __init__(
        self,
        types: Iterable[TypeInfo],
        crosswalk: Iterable[CrosswalkRow] = (),
        baskets: Iterable[Basket] = (),
    ) -> None:
        self.types: list[TypeInfo] = sorted(types, key=lambda t: (t.typequ, t.vintage_from))
        self.crosswalk: list[CrosswalkRow] = list(crosswalk)
        self.baskets: dict[str, Basket] = {b.basket_id: b for b in baskets}
        self._by_code: dict[str, list[TypeInfo]] = {}
        for info in self.types:
            rows = self._by_code.setdefault(info.typequ, [])
            if rows and (rows[-1].vintage_to is None or rows[-1].vintage_to >= info.vintage_from):
                raise _table_error("", f"overlapping vintage ranges for {info.typequ}")
            rows.append(info)
        if not self.types:
            raise _table_error("", "no facility type")
        self.first_vintage = min(t.vintage_from for t in self.types)
        #: First vintage of the latest nomenclature known to the table.
        self.last_vintage = max(
            max(t.vintage_from for t in self.types),
            max((r.first_new_vintage for r in self.crosswalk), default=self.first_vintage),
        )
        self._bounds = sorted({r.first_new_vintage for r in self.crosswalk})

    # -- lookups

    def resolve_vintage(self, vintage: int) -> int:
        """The vintage whose nomenclature applies to ``vintage`` (older ones read as the oldest)."""
        return max(int(vintage), self.first_vintage)

    def lookup(self, code: str, vintage: int) -> TypeInfo | None:
        """The row of ``code`` in ``vintage``, or None when the code does not exist then."""
        v = self.resolve_vintage(vintage)
        for info in self._by_code.get(code.strip().upper(), ()):
            if info.covers(v):
                return info
        return None

    def codes(self, vintage: int | None = None) -> list[str]:
        """Every code of ``vintage`` (of any vintage when None), sorted."""
        if vintage is None:
            return sorted(self._by_code)
        v = self.resolve_vintage(vintage)
        return sorted({t.typequ for t in self.types if t.covers(v)})

    def types_of(self, vintage: int) -> list[TypeInfo]:
        """The rows that apply to ``vintage``, sorted by code."""
        v = self.resolve_vintage(vintage)
        return [t for t in self.types if t.covers(v)]

    def codes_in_domain(self, domain: str, vintage: int) -> list[str]:
        """Codes of a domain (``"D"``) or subdomain (``"D2"``) in ``vintage``."""
        key = domain.strip().upper()
        return [t.typequ for t in self.types_of(vintage) if t.typequ.startswith(key)]

    def codes_in_gamme(self, gamme: str, vintage: int) -> list[str]:
        """Codes of a gamme (``"proximité"``, ``"intermédiaire"``, ``"supérieure"``)."""
        return [t.typequ for t in self.types_of(vintage) if t.gamme == gamme]

    # -- baskets

    def basket(self, basket_id: str) -> Basket:
        """The basket ``basket_id`` (``InputError`` when unknown)."""
        try:
            return self.baskets[basket_id]
        except KeyError:
            raise InputError(
                _MSG_UNKNOWN_BASKET,
                basket=basket_id,
                known=", ".join(sorted(self.baskets)),
            ) from None

    def basket_codes(self, basket_id: str, vintage: int) -> list[str]:
        """The codes of a basket in the nomenclature of ``vintage`` (through the crosswalk)."""
        basket = self.basket(basket_id)
        translated = self.translate_codes(basket.codes, basket.vintage, vintage)
        return sorted({c for codes in translated.values() for c in codes})

    def in_basket(self, code: str, vintage: int, basket_id: str) -> bool:
        """Whether ``code`` of ``vintage`` belongs to the basket."""
        return code.strip().upper() in self.basket_codes(basket_id, vintage)

    # -- crosswalk

    def _valid(self, code: str, vintage: int) -> bool:
        return self.lookup(code, vintage) is not None

    def translate_codes(
        self, codes: Iterable[str], from_vintage: int, to_vintage: int
    ) -> dict[str, list[str]]:
        """Codes of ``from_vintage`` expressed in the nomenclature of ``to_vintage``.

        Walks the crosswalk one revision at a time, forwards or backwards. A code without a
        crosswalk row at a revision is kept when it still exists on the other side, dropped
        otherwise (as is a ``removed`` code).

        Returns
        -------
        dict
            Each input code → its codes in ``to_vintage`` (sorted; empty when there is none).
        """
        v1, v2 = self.resolve_vintage(from_vintage), self.resolve_vintage(to_vintage)
        out: dict[str, list[str]] = {}
        for code in codes:
            key = code.strip().upper()
            current = {key}
            if v2 >= v1:
                for bound in self._bounds:
                    if v1 < bound <= v2:
                        current = self._step(current, bound, forward=True)
            else:
                for bound in reversed(self._bounds):
                    if v2 < bound <= v1:
                        current = self._step(current, bound, forward=False)
            out[code] = sorted(current)
        return out

    def _step(self, codes: set[str], bound: int, forward: bool) -> set[str]:
        result: set[str] = set()
        for code in codes:
            if forward:
                rows = [
                    r for r in self.crosswalk if r.old_code == code and r.first_new_vintage == bound
                ]
                if rows:
                    result.update(r.new_code for r in rows if r.new_code)
                elif self._valid(code, bound):
                    result.add(code)
            else:
                rows = [
                    r for r in self.crosswalk if r.new_code == code and r.first_new_vintage == bound
                ]
                if rows:
                    result.update(r.old_code for r in rows)
                elif self._valid(code, bound - 1):
                    result.add(code)
        return result


_TABLE_CACHE: dict[tuple[str, ...], CodeTable] = {}


def load_code_table(
    path: str | Path | None = None,
    *,
    crosswalk_path: str | Path | None = None,
    baskets_path: str | Path | None = None,
) -> CodeTable:
    """Load the versioned BPE code table.

    Parameters
    ----------
    path
        ``typequ.csv`` (default: the one shipped in ``resources/bpe``).
    crosswalk_path, baskets_path
        Default to ``crosswalk_2023.csv`` and ``baskets.csv`` beside ``path`` (skipped when absent).

    Raises
    ------
    InputError
        When a file lacks a column, has a bad vintage or overlapping ranges for one code.
    """
    table_path = Path(path) if path is not None else DEFAULT_TABLE_DIR / TYPEQU_FILE
    folder = table_path.parent
    cw_path = Path(crosswalk_path) if crosswalk_path is not None else folder / CROSSWALK_FILE
    bk_path = Path(baskets_path) if baskets_path is not None else folder / BASKETS_FILE
    key = tuple(
        f"{p.resolve()}:{p.stat().st_mtime_ns}" if p.exists() else str(p)
        for p in (table_path, cw_path, bk_path)
    )
    cached = _TABLE_CACHE.get(key)
    if cached is not None:
        return cached

    rows = _read_semicolon_table(
        table_path,
        ("typequ", "vintage_from", "vintage_to", "domain", "label_fr", "label_en", "gamme"),
    )
    types = []
    for line, row in enumerate(rows, start=2):
        code = row["typequ"].upper()
        domain = row["domain"].upper()
        if len(code) != 4 or domain not in DOMAINS or not code.startswith(domain):
            raise _table_error(table_path, f"line {line}: bad code or domain {code!r}/{domain!r}")
        gamme = row["gamme"]
        if gamme and gamme not in GAMMES:
            raise _table_error(table_path, f"line {line}: bad gamme {gamme!r}")
        baskets = frozenset(
            name[len("basket_") :]
            for name, value in row.items()
            if name.startswith("basket_") and value not in ("", "0")
        )
        types.append(
            TypeInfo(
                typequ=code,
                vintage_from=_int(row["vintage_from"], table_path, line),  # type: ignore[arg-type]
                vintage_to=_int(row["vintage_to"], table_path, line, allow_empty=True),
                domain=domain,
                subdomain=row.get("subdomain") or code[:2],
                label_fr=row["label_fr"],
                label_en=row["label_en"],
                gamme=gamme,
                baskets=baskets,
                note=row.get("note", ""),
            )
        )
    try:
        table_types = CodeTable(types)  # validates the ranges
    except InputError as exc:
        raise _table_error(table_path, exc.msg.params.get("problem", str(exc))) from None

    crosswalk = []
    if cw_path.exists():
        cw_rows = _read_semicolon_table(
            cw_path,
            ("old_code", "new_code", "relation", "last_old_vintage", "first_new_vintage"),
        )
        for line, row in enumerate(cw_rows, start=2):
            crosswalk.append(
                CrosswalkRow(
                    old_code=row["old_code"].upper(),
                    new_code=row["new_code"].upper(),
                    relation=row["relation"],
                    last_old_vintage=_int(row["last_old_vintage"], cw_path, line),  # type: ignore[arg-type]
                    first_new_vintage=_int(row["first_new_vintage"], cw_path, line),  # type: ignore[arg-type]
                    note=row.get("note", ""),
                )
            )
    baskets = []
    if bk_path.exists():
        bk_rows = _read_semicolon_table(bk_path, ("basket", "vintage", "codes"))
        for line, row in enumerate(bk_rows, start=2):
            baskets.append(
                Basket(
                    basket_id=row["basket"],
                    vintage=_int(row["vintage"], bk_path, line),  # type: ignore[arg-type]
                    codes=tuple(c.upper() for c in row["codes"].replace(",", " ").split()),
                    label_fr=row.get("label_fr", ""),
                    label_en=row.get("label_en", ""),
                    source=row.get("source", ""),
                    status=row.get("status", ""),
                    note=row.get("note", ""),
                )
            )
    table = CodeTable(table_types.types, crosswalk, baskets)
    _TABLE_CACHE[key] = table
    return table


def epsg_for_dep(dep: str) -> int:
    """EPSG code of the BPE coordinates of a département (``"974"`` → 2975, ``"12"`` → 2154)."""
    return DEP_EPSG.get(dep.strip(), METROPOLE_EPSG)


# ---- reader ----------------------------------------------------------------------------------


@dataclass
class BpeReadReport:
    """What :func:`read_bpe_csv` found and did.

    Attributes
    ----------
    rows_read
        Data rows in the file (header excluded).
    rows_kept
        Rows returned (located ones).
    dropped
        Rows dropped, by reason (:data:`DROP_REASONS`): zero counts included for the first four
        (:data:`ALWAYS_REPORTED`), ``truncated`` and ``implausible_coordinates`` when they occur.
    unknown_codes
        TYPEQU codes not in the code table for their vintage → number of rows (kept, domain "?").
    vintages
        Vintage → number of rows returned.
    quality
        Canonical ``QUALITE_XY`` code → number of rows returned.
    epsg
        EPSG code → number of rows returned.
    warnings
        Plain-language notes (translatable templates).
    """

    path: str
    encoding: str
    delimiter: str
    decimal_comma: bool
    columns: list[str]
    rows_read: int
    rows_kept: int
    dropped: dict[str, int]
    unknown_codes: dict[str, int]
    vintages: dict[int, int]
    quality: dict[str, int]
    epsg: dict[int, int]
    seconds: float
    warnings: list[Message] = field(default_factory=list)

    @property
    def rows_dropped(self) -> int:
        """Total number of rows dropped."""
        return sum(self.dropped.values())


@dataclass
class BpeFacilities:
    """Located BPE facilities as parallel arrays (one entry per facility).

    ``x``/``y`` are in the CRS given by ``epsg`` (Lambert-93 in metropolitan France, UTM
    overseas). String arrays hold the values as read (``typequ`` upper-cased); ``an`` is 0 where
    the file gave no vintage, ``vintage`` is the vintage used for the code lookup. ``domain`` is
    ``"?"`` and ``known`` False for codes missing from the table. ``baskets`` maps a basket id to
    a membership mask; ``extra`` holds every other column of the file, by its original name.
    ``source_row`` is the 0-based position of the row among the file's records (header
    excluded, blank lines counted).
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    typequ: NDArray[np.str_]
    depcom: NDArray[np.str_]
    dciris: NDArray[np.str_]
    dep: NDArray[np.str_]
    reg: NDArray[np.str_]
    an: NDArray[np.int32]
    vintage: NDArray[np.int32]
    qualite_xy: NDArray[np.str_]
    epsg: NDArray[np.int32]
    domain: NDArray[np.str_]
    subdomain: NDArray[np.str_]
    label_fr: NDArray[np.object_]
    label_en: NDArray[np.object_]
    gamme: NDArray[np.object_]
    known: NDArray[np.bool_]
    baskets: dict[str, NDArray[np.bool_]]
    extra: dict[str, NDArray[np.object_]]
    source_row: NDArray[np.int64]
    report: BpeReadReport

    _ARRAYS = (
        "x",
        "y",
        "typequ",
        "depcom",
        "dciris",
        "dep",
        "reg",
        "an",
        "vintage",
        "qualite_xy",
        "epsg",
        "domain",
        "subdomain",
        "label_fr",
        "label_en",
        "gamme",
        "known",
        "source_row",
    )

    def __len__(self) -> int:
        return int(self.x.shape[0])

    def select(self, mask: NDArray[np.bool_] | NDArray[np.integer]) -> BpeFacilities:
        """The facilities where ``mask`` is true (or at the given positions); same report."""
        arrays = {name: getattr(self, name)[mask] for name in self._ARRAYS}
        return replace(
            self,
            **arrays,
            baskets={k: v[mask] for k, v in self.baskets.items()},
            extra={k: v[mask] for k, v in self.extra.items()},
        )

    def of_types(self, codes: Iterable[str]) -> NDArray[np.bool_]:
        """Mask of the facilities whose TYPEQU is one of ``codes``."""
        wanted = np.array(sorted({c.strip().upper() for c in codes}), dtype=str)
        return np.isin(self.typequ, wanted)

    def xy(self) -> NDArray[np.float64]:
        """``(n, 2)`` coordinates."""
        return np.column_stack([self.x, self.y])


def _fold(text: str) -> str:
    """Upper case without accents, hyphens or surrounding spaces (for code matching)."""
    decomposed = unicodedata.normalize("NFKD", text.strip().upper().replace("-", " "))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _detect_encoding(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(1 << 20)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the 1 MB window is not an error.
        if exc.start < len(head) - 4:
            return "latin-1"
    return "utf-8"


def _detect_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ";"


def _to_float(values: NDArray[np.str_]) -> tuple[NDArray[np.float64], bool]:
    """Parse decimal strings (dot or comma); empty → NaN, unparsable → +inf. Returns (values,
    whether a decimal comma was seen)."""
    arr = np.array(values, dtype=str)
    if arr.size == 0:
        return np.empty(0, np.float64), False
    if arr.dtype.itemsize == 0:  # every value empty
        return np.full(arr.shape, np.nan), False
    codes = arr.view(np.uint32)
    comma = bool((codes == ord(",")).any())
    if comma:
        arr = arr.copy()
        view = arr.view(np.uint32)
        view[view == ord(",")] = ord(".")
    empty = arr == ""
    filled = np.where(empty, "nan", arr)
    try:
        out = filled.astype(np.float64)
    except ValueError:
        out = np.empty(arr.shape, np.float64)
        for i, text in enumerate(filled.tolist()):
            try:
                out[i] = float(text)
            except ValueError:
                out[i] = np.inf
    out[empty] = np.nan
    return out, comma


class _Columns:
    """Column values accumulated chunk by chunk."""

    def __init__(self, n_columns: int) -> None:
        self.parts: list[list[NDArray]] = [[] for _ in range(n_columns)]
        self.rows: list[NDArray[np.int64]] = []
        self.malformed = 0
        self.read = 0
        self.last_length = 0  # fields of the last non-blank record
        self.last_position = -1  # its position among the records


def _read_columns(
    path: Path,
    encoding: str,
    delimiter: str,
    n_fields: int,
    wanted: dict[int, bool],
    chunk_rows: int,
    progress: Progress | None,
    is_canceled: IsCanceled | None,
) -> _Columns:
    """Read the data rows; ``wanted`` maps a column index to True for a compact string column
    (fixed-width numpy strings) or False for an object column."""
    size = max(path.stat().st_size, 1)
    cols = _Columns(len(wanted))
    order = list(wanted)
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        reader = csv.reader(text, delimiter=delimiter)
        next(reader, None)  # header
        base = 0
        while True:
            if is_canceled is not None and is_canceled():
                raise Canceled()
            chunk = list(itertools.islice(reader, chunk_rows))
            if not chunk:
                break
            n = len(chunk)
            positions = np.arange(base, base + n, dtype=np.int64)
            base += n
            lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=n)
            good = lengths == n_fields
            # A blank line (length 0) is skipped without being counted as malformed.
            cols.malformed += int(np.count_nonzero((lengths != n_fields) & (lengths != 0)))
            cols.read += int(np.count_nonzero(lengths != 0))
            nonblank = np.flatnonzero(lengths != 0)
            if nonblank.size:
                cols.last_length = int(lengths[nonblank[-1]])
                cols.last_position = int(positions[nonblank[-1]])
            if not good.all():
                chunk = [row for row, ok in zip(chunk, good.tolist()) if ok]
                positions = positions[good]
            cols.rows.append(positions)
            if chunk:
                columns = list(zip(*chunk))
                for slot, index in enumerate(order):
                    values = columns[index]
                    if wanted[index]:
                        cols.parts[slot].append(np.array(values, dtype=str))
                    else:
                        cols.parts[slot].append(np.array(values, dtype=object))
            else:
                for slot in range(len(order)):
                    cols.parts[slot].append(np.empty(0, dtype=object))
            if progress is not None:
                progress(min(90.0, 90.0 * raw.tell() / size))
    return cols


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(0, io.SEEK_END)
        if f.tell() == 0:
            return True
        f.seek(-1, io.SEEK_END)
        return f.read(1) in (b"\n", b"\r")


def implausible_coordinates(
    x: NDArray[np.float64], y: NDArray[np.float64], epsg: NDArray[np.int32]
) -> NDArray[np.bool_]:
    """Mask of the coordinates outside the :data:`PLAUSIBLE_EXTENT` of their CRS (NaN included);
    rows in a CRS without a known extent are not flagged."""
    bad = np.zeros(x.shape, dtype=bool)
    for code, (x0, y0, x1, y1) in PLAUSIBLE_EXTENT.items():
        sel = epsg == code
        if sel.any():
            xs, ys = x[sel], y[sel]
            with np.errstate(invalid="ignore"):
                bad[sel] = ~((xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1))
    return bad


def _integer_digits(values: NDArray[np.str_]) -> NDArray[np.int64]:
    """Digits before the decimal separator of each number written as text."""
    return np.array(
        [len(v.replace(",", ".").split(".")[0].strip().lstrip("+-")) for v in values.tolist()],
        dtype=np.int64,
    )


def _concat(parts: list[NDArray], compact: bool) -> NDArray:
    parts = [p for p in parts if p.size] or [np.empty(0, dtype=str if compact else object)]
    out = np.concatenate(parts)
    if compact and out.dtype == object:
        out = out.astype(str)
    return out


def _strip(arr: NDArray[np.str_]) -> NDArray[np.str_]:
    """Strip spaces from a string array (a no-op, checked at C speed, when there are none)."""
    arr = arr if arr.dtype.kind == "U" else arr.astype(str)
    if arr.size == 0 or arr.dtype.itemsize == 0:
        return arr
    codes = arr.view(np.uint32)
    if not ((codes == 32) | (codes == 9) | (codes == 0xA0)).any():
        return arr
    return np.char.strip(arr, " \t\u00a0")


# Messages of the reader (templates for translation; see errors.py).
_MSG_NOT_FOUND = QT_TRANSLATE_NOOP("ReterrEngine", "BPE file not found: {path}.")
_MSG_EMPTY = QT_TRANSLATE_NOOP("ReterrEngine", "The BPE file {path} is empty.")
_MSG_MISSING = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The BPE file {path} lacks the columns: {columns}."
)
_MSG_NO_AN = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The BPE file {path} has no AN column: give its vintage."
)
_MSG_AN_DIFFERS = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The file's vintage ({file}) is used, not {given}."
)
_MSG_AN_EMPTY = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} BPE rows have no AN value: vintage {vintage} assumed."
)
_MSG_TOO_OLD = QT_TRANSLATE_NOOP(
    "ReterrEngine", "Vintage {vintage} read with the {first} nomenclature."
)
_MSG_MALFORMED = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} malformed BPE rows (wrong field count) skipped."
)
_MSG_UNLOCATED = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} BPE rows without usable coordinates dropped."
)
_MSG_UNKNOWN = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} BPE rows with unknown TYPEQU kept as '?': {codes}."
)
_MSG_TRUNCATED = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The last line of the BPE file (line {line}) is cut: the file looks truncated. That row is "
    "not read; download the file again if more rows are missing.",
)
_MSG_IMPLAUSIBLE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} BPE rows have coordinates outside the area of their département in its coordinate "
    "system (metres expected): they are not placed. First rows: {rows}.",
)
_MSG_DEGREES = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} of them look like longitude/latitude degrees: LAMBERT_X and LAMBERT_Y must be "
    "projected coordinates in metres.",
)
_MSG_QUALITY = QT_TRANSLATE_NOOP("ReterrEngine", "Unknown QUALITE_XY values kept: {values}.")


@dataclass
class _Header:
    names: list[str]  # as in the file, stripped
    known: dict[str, int]  # KNOWN_COLUMNS name → index
    extra: dict[str, int]  # other kept columns: original name → index
    delimiter: str


def _parse_header(
    path: Path, encoding: str, vintage: int | None, keep_columns: Iterable[str] | None
) -> _Header:
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        header_line = f.readline()
    if not header_line.strip():
        raise InputError(_MSG_EMPTY, path=str(path))
    delimiter = _detect_delimiter(header_line)
    header = next(csv.reader([header_line], delimiter=delimiter))
    names = [h.strip().strip('"').lstrip("\ufeff").strip() for h in header]
    upper = [n.upper() for n in names]
    index: dict[str, int] = {}
    for i, name in enumerate(upper):
        index.setdefault(name, i)
    required = list(REQUIRED_COLUMNS) + ([] if vintage is not None else ["AN"])
    missing = [c for c in required if c not in index]
    if missing == ["AN"]:
        raise InputError(_MSG_NO_AN, path=str(path))
    if missing:
        raise InputError(_MSG_MISSING, path=str(path), columns=", ".join(missing))
    keep = None if keep_columns is None else {c.strip().upper() for c in keep_columns}
    return _Header(
        names=names,
        known={name: index[name] for name in KNOWN_COLUMNS if name in index},
        extra={
            names[i]: i
            for i, name in enumerate(upper)
            if name and name not in KNOWN_COLUMNS and (keep is None or name in keep)
        },
        delimiter=delimiter,
    )


def _row_vintages(
    an_raw: NDArray[np.str_] | None,
    n: int,
    vintage: int | None,
    path: Path,
    warnings: list[Message],
) -> tuple[NDArray[np.int32], NDArray[np.int32]]:
    """(AN as read, 0 where empty; vintage used per row)."""
    an = np.zeros(n, dtype=np.int32)
    if n == 0:  # header only: nothing to date
        return an, np.full(0, vintage or 0, dtype=np.int32)
    if an_raw is not None:
        uniq, inverse = np.unique(an_raw, return_inverse=True)
        values = np.array([int(u) if u.isdigit() else 0 for u in uniq.tolist()], dtype=np.int32)
        an = values[inverse]
    have_an = an > 0
    if have_an.any():
        in_file = Counter(an[have_an].tolist())
        if vintage is not None and set(in_file) != {int(vintage)}:
            listed = ", ".join(map(str, sorted(in_file)))
            warnings.append(Message(_MSG_AN_DIFFERS, {"file": listed, "given": vintage}))
        fallback = int(vintage) if vintage is not None else in_file.most_common(1)[0][0]
    elif vintage is not None:
        fallback = int(vintage)
    else:
        raise InputError(_MSG_NO_AN, path=str(path))
    missing = int(n - np.count_nonzero(have_an))
    if missing and an_raw is not None:
        warnings.append(Message(_MSG_AN_EMPTY, {"n": missing, "vintage": fallback}))
    return an, np.where(have_an, an, fallback).astype(np.int32)


def _enrich(
    typequ: NDArray[np.str_],
    row_vintage: NDArray[np.int32],
    table: CodeTable,
) -> tuple[dict[str, NDArray], dict[str, NDArray[np.bool_]], Counter[str]]:
    """Code-table attributes of every facility (looked up once per distinct code and vintage)."""
    m = typequ.shape[0]
    attrs: dict[str, NDArray] = {
        "domain": np.full(m, UNKNOWN_DOMAIN, dtype="U1"),
        "subdomain": np.full(m, UNKNOWN_DOMAIN, dtype="U2"),
        "label_fr": np.full(m, "", dtype=object),
        "label_en": np.full(m, "", dtype=object),
        "gamme": np.full(m, "", dtype=object),
        "known": np.zeros(m, dtype=bool),
    }
    basket_ids = sorted(table.baskets) or sorted({b for t in table.types for b in t.baskets})
    baskets = {b: np.zeros(m, dtype=bool) for b in basket_ids}
    unknown: Counter[str] = Counter()
    for v in np.unique(row_vintage).tolist():
        sel = np.flatnonzero(row_vintage == v)
        uniq, inverse = np.unique(typequ[sel], return_inverse=True)
        codes = uniq.tolist()
        infos = [table.lookup(code, v) for code in codes]
        per_code = {
            "domain": [i.domain if i else UNKNOWN_DOMAIN for i in infos],
            "subdomain": [i.subdomain if i else UNKNOWN_DOMAIN for i in infos],
            "label_fr": [i.label_fr if i else "" for i in infos],
            "label_en": [i.label_en if i else "" for i in infos],
            "gamme": [i.gamme if i else "" for i in infos],
            "known": [i is not None for i in infos],
        }
        for name, values in per_code.items():
            attrs[name][sel] = np.array(values, dtype=attrs[name].dtype)[inverse]
        for b in basket_ids:
            if b in table.baskets:
                members = set(table.basket_codes(b, v))
                flags = [code in members for code in codes]
            else:
                flags = [i is not None and b in i.baskets for i in infos]
            baskets[b][sel] = np.array(flags, dtype=bool)[inverse]
        counts = np.bincount(inverse, minlength=len(codes)).tolist()
        for code, count, info in zip(codes, counts, infos):
            if info is None:
                unknown[code] += count
    return attrs, baskets, unknown


def read_bpe_csv(
    path: str | Path,
    *,
    vintage: int | None = None,
    table: CodeTable | None = None,
    keep_columns: Iterable[str] | None = None,
    check_coordinates: bool = False,
    progress: Progress | None = None,
    is_canceled: IsCanceled | None = None,
    chunk_rows: int = 200_000,
) -> BpeFacilities:
    """Read the INSEE geolocated BPE file (``bpeXX_ensemble_xy.csv`` and the like).

    Parameters
    ----------
    path
        The CSV as published: ``;``-separated (``,``, tab or ``|`` also detected), header names in
        any case, UTF-8 or Latin-1, decimal dot or comma, fields possibly quoted.
    vintage
        Vintage to use where the file has no ``AN`` value (required when it has no ``AN`` column).
        Where both exist and differ, the file wins and a warning says so.
    table
        Code table (default: :func:`load_code_table`).
    keep_columns
        Other columns to keep in ``extra`` (default: all of them; ``()`` for none).
    check_coordinates
        Drop (reason ``implausible_coordinates``) the rows whose coordinates fall outside the
        :data:`PLAUSIBLE_EXTENT` of their CRS — degrees read as metres, a number cut short —
        and name the first ones in a warning. A cut last line is detected in any case
        (reason ``truncated``).
    progress, is_canceled
        Progress in percent; cancellation raises :class:`~.errors.Canceled`.

    Returns
    -------
    BpeFacilities
        The located facilities with their domain, labels, gamme and basket flags, and a
        :class:`BpeReadReport` counting dropped rows by reason and unknown codes.

    Raises
    ------
    InputError
        When the file is missing or empty, lacks a required column (all missing ones are
        named), or gives no vintage at all.
    """
    start = time.perf_counter()
    path = Path(path)
    if not path.is_file():
        raise InputError(_MSG_NOT_FOUND, path=str(path))
    table = table if table is not None else load_code_table()
    encoding = _detect_encoding(path)
    header = _parse_header(path, encoding, vintage, keep_columns)
    wanted = {i: True for i in header.known.values()}
    for i in header.extra.values():
        wanted.setdefault(i, False)

    def read(enc: str) -> _Columns:
        return _read_columns(
            path,
            enc,
            header.delimiter,
            len(header.names),
            wanted,
            chunk_rows,
            progress,
            is_canceled,
        )

    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of small strings: the cyclic collector would triple the read time
    try:
        try:
            cols = read(encoding)
        except UnicodeDecodeError:  # UTF-8 at the start, something else further down
            encoding = "latin-1"
            cols = read(encoding)
    finally:
        if gc_was_enabled:
            gc.enable()
    slot = {i: s for s, i in enumerate(wanted)}

    def column(name: str) -> NDArray[np.str_] | None:
        if name not in header.known:
            return None
        return _strip(_concat(cols.parts[slot[header.known[name]]], True))

    warnings: list[Message] = []
    rows = np.concatenate(cols.rows) if cols.rows else np.empty(0, np.int64)
    n = rows.shape[0]
    blank = np.full(n, "", dtype="U1")
    typequ = np.char.upper(column("TYPEQU"))
    depcom = column("DEPCOM")
    dciris, reg, dep = column("DCIRIS"), column("REG"), column("DEP")
    dciris = blank if dciris is None else dciris
    reg = blank if reg is None else reg
    dep = _dep_from_depcom(depcom) if dep is None else dep
    x, comma_x = _to_float(column("LAMBERT_X"))
    y, comma_y = _to_float(column("LAMBERT_Y"))
    quality_raw = column("QUALITE_XY")
    quality = np.full(n, "", dtype="U2") if quality_raw is None else _quality_codes(quality_raw)
    odd = sorted(set(np.unique(quality).tolist()) - set(QUALITY_CODES.values()))
    if odd:
        warnings.append(Message(_MSG_QUALITY, {"values": ", ".join(odd[:10])}))
    an, row_vintage = _row_vintages(column("AN"), n, vintage, path, warnings)

    # EPSG: the file's own column where it has one, else from the département.
    epsg = _epsg_from_dep(dep)
    epsg_raw = column("EPSG")
    if epsg_raw is not None and epsg.size:
        uniq, inverse = np.unique(epsg_raw, return_inverse=True)
        values = np.array([int(u) if u.isdigit() else 0 for u in uniq.tolist()], dtype=np.int32)
        epsg = np.where(values[inverse] > 0, values[inverse], epsg).astype(np.int32)

    # A cut last line: fewer fields than the header (already set aside by the reader), or, in
    # a file that does not end with a newline, a last coordinate column cut short.
    truncated = np.zeros(n, dtype=bool)
    n_truncated = 0
    last_line = cols.last_position + 2  # header is line 1 (no quoted line breaks assumed)
    if 0 < cols.last_length < len(header.names):
        n_truncated = 1
        cols.malformed -= 1
    elif (
        n
        and cols.last_length == len(header.names)
        and rows[-1] == cols.last_position
        and not _ends_with_newline(path)
    ):
        coord_names = {
            header.known["LAMBERT_X"]: "LAMBERT_X",
            header.known["LAMBERT_Y"]: "LAMBERT_Y",
        }
        name = coord_names.get(len(header.names) - 1)
        if name is not None and np.isfinite(x[-1]) and np.isfinite(y[-1]):
            raw_col = column(name)
            digits = _integer_digits(raw_col[-1:])[0]
            # the other rows of its CRS give the usual number of integer digits
            peers = raw_col[:-1][(raw_col[:-1] != "") & (epsg[:-1] == epsg[-1])]
            others = _integer_digits(peers)
            cut = bool(
                implausible_coordinates(x[-1:], y[-1:], epsg[-1:])[0]
                or (others.size and digits < others.min())
            )
            if cut:
                truncated[-1] = True
                n_truncated = 1
    if n_truncated:
        warnings.append(Message(_MSG_TRUNCATED, {"line": last_line}))

    # Drop the rows without a location, counting the reason of each.
    not_located = ~truncated & (quality == NOT_LOCATED)
    missing_xy = ~truncated & ~not_located & (np.isnan(x) | np.isnan(y))
    invalid_xy = ~truncated & ~not_located & ~missing_xy & ~(np.isfinite(x) & np.isfinite(y))
    keep = ~(truncated | not_located | missing_xy | invalid_xy)
    implausible = np.zeros(n, dtype=bool)
    if check_coordinates:
        implausible = keep & implausible_coordinates(x, y, epsg)
        keep &= ~implausible
    dropped = {
        "malformed": cols.malformed,
        "not_geolocated": int(np.count_nonzero(not_located)),
        "missing_coordinates": int(np.count_nonzero(missing_xy)),
        "invalid_coordinates": int(np.count_nonzero(invalid_xy)),
        "truncated": n_truncated,
        "implausible_coordinates": int(np.count_nonzero(implausible)),
    }
    dropped = {k: v for k, v in dropped.items() if v or k in ALWAYS_REPORTED}
    if cols.malformed:
        warnings.append(Message(_MSG_MALFORMED, {"n": cols.malformed}))
    unlocated = int(np.count_nonzero(not_located | missing_xy | invalid_xy))
    if unlocated:
        warnings.append(Message(_MSG_UNLOCATED, {"n": unlocated}))
    if implausible.any():
        bad = np.flatnonzero(implausible)
        named = ", ".join(
            f"line {int(rows[k]) + 2} ({typequ[k]} {depcom[k]}: {x[k]:g}, {y[k]:g})"
            for k in bad[:NAMED_ROWS].tolist()
        )
        if bad.size > NAMED_ROWS:
            named += ", …"
        warnings.append(Message(_MSG_IMPLAUSIBLE, {"n": int(bad.size), "rows": named}))
        with np.errstate(invalid="ignore"):
            degrees = int(np.count_nonzero((np.abs(x[bad]) <= 180.0) & (np.abs(y[bad]) <= 90.0)))
        if degrees:
            warnings.append(Message(_MSG_DEGREES, {"n": degrees}))
    x, y, typequ, depcom, dciris = x[keep], y[keep], typequ[keep], depcom[keep], dciris[keep]
    dep, reg, an, row_vintage = dep[keep], reg[keep], an[keep], row_vintage[keep]
    quality, rows, epsg = quality[keep], rows[keep], epsg[keep]

    old = sorted({v for v in np.unique(row_vintage).tolist() if v < table.first_vintage})
    if old:
        listed = ", ".join(map(str, old))
        warnings.append(Message(_MSG_TOO_OLD, {"vintage": listed, "first": table.first_vintage}))
    attrs, baskets, unknown = _enrich(typequ, row_vintage, table)
    if unknown:
        listed = ", ".join(f"{c} ({k})" for c, k in unknown.most_common(12))
        warnings.append(Message(_MSG_UNKNOWN, {"n": sum(unknown.values()), "codes": listed}))

    extra = {name: _concat(cols.parts[slot[i]], False)[keep] for name, i in header.extra.items()}
    if progress is not None:
        progress(100.0)
    report = BpeReadReport(
        path=str(path),
        encoding=encoding,
        delimiter=header.delimiter,
        decimal_comma=comma_x or comma_y,
        columns=header.names,
        rows_read=cols.read,
        rows_kept=int(x.shape[0]),
        dropped=dropped,
        unknown_codes=dict(unknown.most_common()),
        vintages=dict(sorted(Counter(row_vintage.tolist()).items())),
        quality=dict(sorted(Counter(quality.tolist()).items())),
        epsg=dict(sorted(Counter(epsg.tolist()).items())),
        seconds=time.perf_counter() - start,
        warnings=warnings,
    )
    return BpeFacilities(
        x=x,
        y=y,
        typequ=typequ,
        depcom=depcom,
        dciris=dciris,
        dep=dep,
        reg=reg,
        an=an,
        vintage=row_vintage,
        qualite_xy=quality,
        epsg=epsg,
        baskets=baskets,
        extra=extra,
        source_row=rows,
        report=report,
        **attrs,
    )


def _quality_codes(raw: NDArray[np.str_]) -> NDArray[np.str_]:
    if raw.size == 0:
        return np.empty(0, dtype="U2")
    uniq, inverse = np.unique(raw, return_inverse=True)
    mapped = [QUALITY_CODES.get(_fold(u), u.strip()) for u in uniq.tolist()]
    return np.array(mapped, dtype=str)[inverse]


def _dep_from_depcom(depcom: NDArray[np.str_]) -> NDArray[np.str_]:
    """Département of each commune code (3 characters overseas: 971…976)."""
    if depcom.size == 0:
        return np.empty(0, dtype="U3")
    uniq, inverse = np.unique(depcom, return_inverse=True)
    deps = [u[:3] if u.startswith("97") else u[:2] for u in uniq.tolist()]
    return np.array(deps, dtype="U3")[inverse]


def _epsg_from_dep(dep: NDArray[np.str_]) -> NDArray[np.int32]:
    epsg = np.full(dep.shape, METROPOLE_EPSG, dtype=np.int32)
    for code, value in DEP_EPSG.items():
        epsg[dep == code] = value
    return epsg


def counts_by_type(facilities: BpeFacilities) -> dict[str, int]:
    """Number of facilities per TYPEQU, most frequent first."""
    uniq, counts = np.unique(facilities.typequ, return_counts=True)
    order = np.argsort(-counts, kind="stable")
    return {str(uniq[i]): int(counts[i]) for i in order}


def basket_mask(
    facilities: BpeFacilities, basket_id: str = DEFAULT_BASKET, table: CodeTable | None = None
) -> NDArray[np.bool_]:
    """Mask of the facilities in a basket (recomputed from ``table`` when given)."""
    if table is None:
        if basket_id not in facilities.baskets:
            raise InputError(
                _MSG_UNKNOWN_BASKET,
                basket=basket_id,
                known=", ".join(sorted(facilities.baskets)),
            )
        return facilities.baskets[basket_id]
    mask = np.zeros(len(facilities), dtype=bool)
    for v in np.unique(facilities.vintage).tolist():
        sel = facilities.vintage == v
        mask[sel] = np.isin(facilities.typequ[sel], table.basket_codes(basket_id, int(v)))
    return mask


__all__ = [
    "DEFAULT_BASKET",
    "DEP_EPSG",
    "DOMAINS",
    "GAMMES",
    "PLAUSIBLE_EXTENT",
    "UNKNOWN_DOMAIN",
    "Basket",
    "BpeFacilities",
    "BpeReadReport",
    "CodeTable",
    "CrosswalkRow",
    "TypeInfo",
    "basket_mask",
    "counts_by_type",
    "epsg_for_dep",
    "implausible_coordinates",
    "load_code_table",
    "read_bpe_csv",
]
