"""Crop groups of the food-autonomy diagnostic and the shipped tables that use them.

The five groups are those of CRATer / Territoires Fertiles (METHODS.md §2.1): cereals, oilseeds
and protein crops, fodder (grassland included), fruit and vegetables, other crops. Farmland that
is not counted in any group is kept apart, never dropped:

* ``exclu`` — agricultural land CRATer counts as non-productive (fallow, summer pastures and
  heath, "divers"; RPG groups 11, 17, 28 and a few crop codes);
* ``non_agricole`` — land-cover classes that are not farmland (built-up, forest, water…);
* ``non_classe`` — codes or classes absent from the mapping table ("non classé").

Three editable tables are shipped in ``resources/supply`` (UTF-8, ``;``-separated, one source and
one status per row, ``a_verifier`` marking what is not confirmed; see the README there):

* ``needs_per_inhabitant.csv`` — hectares per inhabitant per group and diet scenario
  (:func:`load_needs_table`);
* ``rpg_crop_groups.csv`` — RPG ``CODE_GROUP`` → group, with ``CODE_CULTU`` overrides
  (:func:`load_rpg_mapping`);
* ``landcover_crop_groups.csv`` — land-cover classes (OSO, CORINE) → group, with shares
  (:func:`load_landcover_mapping`).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError

#: Folder of the shipped tables (``resources/supply`` of the plugin; computed here because the
#: engine imports nothing outside itself).
DEFAULT_TABLE_DIR = Path(__file__).resolve().parents[3] / "resources" / "supply"
NEEDS_FILE = "needs_per_inhabitant.csv"
RPG_FILE = "rpg_crop_groups.csv"
LANDCOVER_FILE = "landcover_crop_groups.csv"

PathLike = Union[str, Path]


@dataclass(frozen=True)
class CropGroup:
    """A crop group: stable id (used in field names) and labels."""

    id: str
    label_fr: str
    label_en: str


#: The five crop groups, in the order of every ``(n, 5)`` array of this package.
CROP_GROUPS: tuple[CropGroup, ...] = (
    CropGroup("cereales", "Céréales", "Cereals"),
    CropGroup("oleoproteagineux", "Oléoprotéagineux", "Oilseeds and protein crops"),
    CropGroup("fourrages", "Fourrages", "Fodder and grassland"),
    CropGroup("fruits_legumes", "Fruits et légumes", "Fruit and vegetables"),
    CropGroup("autres", "Autres cultures", "Other crops"),
)
GROUP_IDS: tuple[str, ...] = tuple(g.id for g in CROP_GROUPS)
N_GROUPS = len(GROUP_IDS)

#: Land kept apart from the groups (never dropped, reported).
EXCLUDED = "exclu"
NON_AGRICULTURAL = "non_agricole"
UNCLASSIFIED = "non_classe"
OTHER_TARGETS: tuple[CropGroup, ...] = (
    CropGroup(EXCLUDED, "Surfaces peu productives exclues", "Excluded low-productivity land"),
    CropGroup(NON_AGRICULTURAL, "Non agricole", "Non-agricultural"),
    CropGroup(UNCLASSIFIED, "Non classé", "Unclassified"),
)
#: Columns of the farmland matrices: the five groups, then excluded, non-agricultural, unclassified.
TARGET_IDS: tuple[str, ...] = GROUP_IDS + tuple(t.id for t in OTHER_TARGETS)
LABELS: dict[str, CropGroup] = {g.id: g for g in CROP_GROUPS + OTHER_TARGETS}

#: Diet scenarios of the shipped needs table (PARCEL's levers): id → (French, English) label.
DIETS: dict[str, tuple[str, str]] = {
    "actuel": ("Régime actuel", "Current diet"),
    "moins_25_animal": ("−25 % de produits animaux", "−25 % animal products"),
    "moins_50_animal": ("−50 % de produits animaux", "−50 % animal products"),
}
DEFAULT_DIET = "actuel"

#: Values of the ``status`` column: confirmed by the source given, or to be verified.
STATUSES: tuple[str, str] = ("confirme", "a_verifier")
UNCONFIRMED = "a_verifier"


def group_label(group_id: str, language: str = "fr") -> str:
    """Label of a group or other target id (the id itself when unknown)."""
    g = LABELS.get(group_id)
    if g is None:
        return group_id
    return g.label_fr if language.lower().startswith("fr") else g.label_en


# ---------------------------------------------------------------------------------------------
# Reading the tables
# ---------------------------------------------------------------------------------------------


def _table_error(path: Path, problem: str, rows: Sequence[int] = ()) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP("ReterrEngine", "Table {path}: {problem}"),
        rows,
        path=str(path),
        problem=problem,
    )


def _read_table(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a ``;``-separated UTF-8 table (header names lower-cased, values stripped)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f, delimiter=";")
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            rows = [
                {h: (v or "").strip() for h, v in zip(header, row.values())}
                for row in reader
                if any((v or "").strip() for v in row.values())
            ]
    except FileNotFoundError:
        raise _table_error(path, "file not found") from None
    except UnicodeDecodeError:
        raise _table_error(path, "not UTF-8 text") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise _table_error(path, f"missing columns {', '.join(missing)}")
    return rows


def _status(value: str, path: Path, line: int) -> str:
    status = value or UNCONFIRMED
    if status not in STATUSES:
        raise _table_error(path, f"line {line}: status {status!r} is not one of {STATUSES}")
    return status


# ---- needs per inhabitant --------------------------------------------------------------------


@dataclass(frozen=True)
class NeedsTable:
    """Hectares per inhabitant per crop group and diet scenario.

    Attributes
    ----------
    scenarios
        Scenario ids in the order of the file.
    values
        ``{scenario: (5,) array}`` of hectares per inhabitant, in :data:`GROUP_IDS` order
        (current diet, non-organic, fully relocalised, no waste reduction: the levers are applied
        by :func:`~.needs.food_needs`).
    status, source
        ``{(scenario, group): text}`` from the table.
    path
        The file read.
    """

    scenarios: tuple[str, ...]
    values: dict[str, NDArray[np.float64]]
    status: dict[tuple[str, str], str]
    source: dict[tuple[str, str], str]
    path: Optional[Path] = None

    def per_inhabitant(self, scenario: str) -> NDArray[np.float64]:
        """``(5,)`` hectares per inhabitant of ``scenario``; InputError for an unknown one."""
        try:
            return self.values[scenario].copy()
        except KeyError:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "Unknown diet scenario {scenario}; the table has {known}."
                ),
                scenario=scenario,
                known=", ".join(self.scenarios),
            ) from None

    def unconfirmed(self, scenario: Optional[str] = None) -> list[tuple[str, str]]:
        """``(scenario, group)`` pairs whose figure is flagged ``a_verifier``."""
        return [k for k, s in self.status.items() if s == UNCONFIRMED and scenario in (None, k[0])]


def needs_table_from_rows(
    rows: Iterable[Mapping[str, str]], path: Optional[PathLike] = None
) -> NeedsTable:
    """Build a :class:`NeedsTable` from rows with ``group, scenario, ha_per_inhabitant`` (and
    optional ``status, source``). Every scenario must give all five groups exactly once."""
    where = Path(path) if path is not None else Path("<rows>")
    per: dict[str, dict[str, float]] = {}
    status: dict[tuple[str, str], str] = {}
    source: dict[tuple[str, str], str] = {}
    for line, row in enumerate(rows, start=2):
        group = row["group"].strip().lower()
        scenario = row["scenario"].strip()
        if group not in GROUP_IDS:
            raise _table_error(where, f"line {line}: unknown group {group!r}", [line - 2])
        if not scenario:
            raise _table_error(where, f"line {line}: empty scenario", [line - 2])
        try:
            value = float(str(row["ha_per_inhabitant"]).replace(",", "."))
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value >= 0):
            raise _table_error(
                where, f"line {line}: ha_per_inhabitant must be a number >= 0", [line - 2]
            )
        cell = per.setdefault(scenario, {})
        if group in cell:
            raise _table_error(where, f"line {line}: {scenario}/{group} given twice", [line - 2])
        cell[group] = value
        status[(scenario, group)] = _status(row.get("status", ""), where, line)
        source[(scenario, group)] = row.get("source", "")
    if not per:
        raise _table_error(where, "no rows")
    values = {}
    for scenario, cell in per.items():
        missing = [g for g in GROUP_IDS if g not in cell]
        if missing:
            raise _table_error(where, f"scenario {scenario} lacks {', '.join(missing)}")
        values[scenario] = np.array([cell[g] for g in GROUP_IDS], dtype=np.float64)
    return NeedsTable(tuple(per), values, status, source, Path(path) if path else None)


def load_needs_table(path: Optional[PathLike] = None) -> NeedsTable:
    """Read ``needs_per_inhabitant.csv`` (default: the shipped one).

    Raises
    ------
    InputError
        Missing column, unknown group, value not a non-negative number, a scenario without all
        five groups.
    """
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / NEEDS_FILE
    rows = _read_table(p, ("group", "scenario", "ha_per_inhabitant"))
    return needs_table_from_rows(rows, p)


# ---- code → group mappings ---------------------------------------------------------------------


def _target(value: str, path: Path, line: int, allowed: Sequence[str]) -> str:
    t = value.strip().lower()
    if t not in allowed:
        raise _table_error(
            path, f"line {line}: crop_group {value!r} is not one of {', '.join(allowed)}"
        )
    return t


def _code_key(value: object) -> str:
    """Codes compared as trimmed upper-case text; integral numbers without decimals."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value).strip().upper()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text.lstrip("0") if text.isdigit() and text.strip("0") else text


def code_keys(values: ArrayLike) -> NDArray[np.object_]:
    """Codes as comparable keys (see :func:`_code_key`), computed once per distinct value."""
    arr = np.asarray(values, dtype=object).ravel()
    if arr.size == 0:
        return arr
    _, firsts, inverse = np.unique(arr.astype(str), return_index=True, return_inverse=True)
    keys = np.array([_code_key(arr[i]) for i in firsts], dtype=object)
    return keys[inverse.ravel()]


@dataclass(frozen=True)
class RpgMapping:
    """RPG codes → crop group (or ``exclu``).

    ``CODE_CULTU`` overrides take precedence over the ``CODE_GROUP`` mapping; a parcel whose code
    matches neither is ``non_classe``.
    """

    by_group: dict[str, str]
    by_culture: dict[str, str]
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    status: dict[tuple[str, str], str] = field(default_factory=dict)
    path: Optional[Path] = None

    def classify(
        self, code_group: Optional[ArrayLike], code_cultu: Optional[ArrayLike], n: int
    ) -> tuple[NDArray[np.int64], NDArray[np.object_], NDArray[np.object_]]:
        """Target index (into :data:`TARGET_IDS`) of ``n`` parcels, and their code keys.

        Returns ``(target, group_keys, cultu_keys)``; either input may be None (not given).
        """
        index = {t: i for i, t in enumerate(TARGET_IDS)}
        target = np.full(n, index[UNCLASSIFIED], dtype=np.int64)
        gk = code_keys(code_group) if code_group is not None else np.full(n, "", dtype=object)
        ck = code_keys(code_cultu) if code_cultu is not None else np.full(n, "", dtype=object)
        for what, keys in (("CODE_GROUP", gk), ("CODE_CULTU", ck)):
            if keys.shape[0] != n:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine", "'{what}' has {got} values, expected {expected}."
                    ),
                    what=what,
                    got=keys.shape[0],
                    expected=n,
                )
        for keys, table in ((gk, self.by_group), (ck, self.by_culture)):  # overrides last
            uniq, inverse = np.unique(keys.astype(str), return_inverse=True)
            mapped = np.array([index.get(table.get(u, ""), -1) for u in uniq], dtype=np.int64)
            hit = mapped[inverse]
            target = np.where(hit >= 0, hit, target)
        return target, gk, ck


def load_rpg_mapping(path: Optional[PathLike] = None) -> RpgMapping:
    """Read ``rpg_crop_groups.csv`` (default: the shipped one).

    Rows have ``level`` ``group`` (``CODE_GROUP`` number) or ``culture`` (``CODE_CULTU``
    three-letter code) and a ``crop_group`` among the five groups or ``exclu``.
    """
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / RPG_FILE
    rows = _read_table(p, ("level", "code", "crop_group"))
    allowed = (*GROUP_IDS, EXCLUDED)
    by_group: dict[str, str] = {}
    by_culture: dict[str, str] = {}
    labels: dict[tuple[str, str], str] = {}
    status: dict[tuple[str, str], str] = {}
    for line, row in enumerate(rows, start=2):
        level = row["level"].lower()
        if level not in ("group", "culture"):
            raise _table_error(p, f"line {line}: level must be 'group' or 'culture'")
        key = _code_key(row["code"])
        if not key:
            raise _table_error(p, f"line {line}: empty code")
        table = by_group if level == "group" else by_culture
        if key in table:
            raise _table_error(p, f"line {line}: {level} code {key} given twice")
        table[key] = _target(row["crop_group"], p, line, allowed)
        labels[(level, key)] = row.get("label", "")
        status[(level, key)] = _status(row.get("status", ""), p, line)
    return RpgMapping(by_group, by_culture, labels, status, p)


@dataclass(frozen=True)
class LandcoverMapping:
    """Land-cover classes of one nomenclature → shares of targets.

    Attributes
    ----------
    nomenclature
        Id of the nomenclature (``oso2018``, ``oso2016``, ``clc`` in the shipped table).
    classes
        The class values (sorted).
    shares
        ``(n_classes, len(TARGET_IDS))`` share of each class's area going to each target; rows
        sum to 1 (a class may be split between groups, e.g. CORINE arable land).
    labels
        Class value → label.
    """

    nomenclature: str
    classes: NDArray[np.float64]
    shares: NDArray[np.float64]
    labels: dict[float, str] = field(default_factory=dict)
    path: Optional[Path] = None

    @classmethod
    def from_dict(
        cls, mapping: Mapping[Hashable, Union[str, Mapping[str, float]]], nomenclature: str = ""
    ) -> LandcoverMapping:
        """``{class: target}`` or ``{class: {target: share}}`` (shares summing to 1)."""
        index = {t: i for i, t in enumerate(TARGET_IDS)}
        if not mapping:
            raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The class mapping is empty."))
        classes = sorted(float(c) for c in mapping)  # type: ignore[arg-type]
        shares = np.zeros((len(classes), len(TARGET_IDS)))
        for c, spec in mapping.items():
            row = classes.index(float(c))  # type: ignore[arg-type]
            parts = {spec: 1.0} if isinstance(spec, str) else dict(spec)
            for target, share in parts.items():
                if target not in index or target == UNCLASSIFIED:
                    raise InputError(
                        QT_TRANSLATE_NOOP("ReterrEngine", "Unknown crop group {group}."),
                        group=target,
                    )
                shares[row, index[target]] += float(share)
        _check_shares(shares, classes, Path("<mapping>"))
        return cls(nomenclature, np.asarray(classes), shares)


def _check_shares(shares: NDArray[np.float64], classes: Sequence[float], path: Path) -> None:
    sums = shares.sum(axis=1)
    bad = np.flatnonzero(np.abs(sums - 1.0) > 1e-6)
    if bad.size:
        listed = ", ".join(f"{classes[i]:g} ({sums[i]:g})" for i in bad[:10])
        raise _table_error(path, f"shares of classes {listed} do not sum to 1")


def landcover_nomenclatures(path: Optional[PathLike] = None) -> list[str]:
    """Nomenclature ids present in the land-cover table."""
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / LANDCOVER_FILE
    rows = _read_table(p, ("nomenclature", "class", "crop_group"))
    return list(dict.fromkeys(r["nomenclature"] for r in rows))


def load_landcover_mapping(nomenclature: str, path: Optional[PathLike] = None) -> LandcoverMapping:
    """Read the rows of ``nomenclature`` from ``landcover_crop_groups.csv`` (default: shipped).

    A class may appear on several rows with a ``share`` each (summing to 1); ``share`` empty
    means 1.
    """
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / LANDCOVER_FILE
    rows = _read_table(p, ("nomenclature", "class", "crop_group"))
    allowed = (*GROUP_IDS, EXCLUDED, NON_AGRICULTURAL)
    index = {t: i for i, t in enumerate(TARGET_IDS)}
    parts: dict[float, list[tuple[int, float]]] = {}
    labels: dict[float, str] = {}
    for line, row in enumerate(rows, start=2):
        if row["nomenclature"] != nomenclature:
            continue
        try:
            value = float(row["class"].replace(",", "."))
            share = float(row.get("share", "").replace(",", ".") or 1.0)
        except ValueError:
            raise _table_error(p, f"line {line}: class and share must be numbers") from None
        if not (math.isfinite(value) and math.isfinite(share) and 0 <= share <= 1):
            raise _table_error(p, f"line {line}: bad class or share")
        target = _target(row["crop_group"], p, line, allowed)
        _status(row.get("status", ""), p, line)
        parts.setdefault(value, []).append((index[target], share))
        labels.setdefault(value, row.get("label", ""))
    if not parts:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "Land-cover nomenclature {name} is not in the table {path}."
            ),
            name=nomenclature,
            path=str(p),
        )
    classes = sorted(parts)
    shares = np.zeros((len(classes), len(TARGET_IDS)))
    for row_i, c in enumerate(classes):
        for t, s in parts[c]:
            shares[row_i, t] += s
    _check_shares(shares, classes, p)
    return LandcoverMapping(nomenclature, np.asarray(classes), shares, labels, p)
