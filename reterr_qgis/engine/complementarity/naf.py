"""NAF rév. 2 codes brought to any level of INSEE's nomenclature and aggregation levels.

The table shipped in ``resources/naf/naf_rev2_levels.csv`` (built by
``scripts/build_naf_tables.py`` from INSEE's tables, Licence Ouverte; see the README there) gives,
for each of the 732 sous-classes, its classe, groupe, division, section and its positions in
INSEE's aggregation levels A10, A17, A38, A64, A88 and A129. :func:`load_naf` reads it;
:func:`map_naf` maps codes as they come in real files to one level:

* ``01.11Z``, ``0111Z``, ``0111z``, `` 01.11Z `` → sous-classe ``01.11Z``; ``111Z`` (the leading
  zero lost in a spreadsheet) → ``01.11Z``, counted as repaired;
* ``01.11`` / ``0111`` → classe, ``01.1`` / ``011`` → groupe, ``01`` (or ``1``) → division,
  ``A`` → section: a code of any NAF level maps to every level that is a function of it
  (a division maps to A38, A17, A10 and the section; a section maps to A10 but not to A38,
  which splits section C: such codes are reported as *too coarse*);
* a code of the target level itself (``CA`` when the target is A38) is kept as it is, and a code
  of another aggregation level maps when it is a function of it (``C10E`` of A129 → ``CA`` of
  A38; ``JZ`` of A10/A17 is too coarse for A38);
* anything else (NAF rév. 1 ``15.5C``, NAF 2025 codes, typos) is *unknown*.

Nothing is dropped silently: :class:`NafMapping` lists every unknown and too-coarse code with
its number of rows and their positions, and an empty code is counted apart.

Levels (:data:`LEVELS`, finest first): ``sous_classe`` (A732), ``classe`` (A615), ``groupe``
(A272), ``A129``, ``division`` (= ``A88``), ``A64``, ``A38``, ``section`` (= A21), ``A17``,
``A10``. A138 is not available (it splits positions into market and non-market parts, which the
NAF code does not tell).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message

PathLike = Union[str, Path]
StrArray = NDArray[np.str_]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Folder of the shipped tables (``resources/naf`` of the plugin; computed here because the
#: engine imports nothing outside itself).
DEFAULT_TABLE_DIR = Path(__file__).resolve().parents[3] / "resources" / "naf"
LEVELS_FILE = "naf_rev2_levels.csv"
LABELS_FILE = "naf_rev2_labels.csv"

#: The five levels of the nomenclature itself, finest first (codes recognised by their form).
NAF_LEVELS: tuple[str, ...] = ("sous_classe", "classe", "groupe", "division", "section")
#: Every level of the table, roughly finest first.
LEVELS: tuple[str, ...] = (
    "sous_classe",
    "classe",
    "groupe",
    "A129",
    "division",
    "A88",
    "A64",
    "A38",
    "section",
    "A17",
    "A10",
)
#: Other names accepted for a level (INSEE's "A" names of the nomenclature levels).
LEVEL_ALIASES: dict[str, str] = {
    "A732": "sous_classe",
    "SOUS_CLASSE": "sous_classe",
    "SOUS-CLASSE": "sous_classe",
    "A615": "classe",
    "CLASSE": "classe",
    "A272": "groupe",
    "GROUPE": "groupe",
    "DIVISION": "division",
    "A21": "section",
    "SECTION": "section",
}

_SOUS_CLASSE = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
_CLASSE = re.compile(r"^\d{2}\.\d{2}$")
_GROUPE = re.compile(r"^\d{2}\.\d$")
_UNDOTTED = (
    (re.compile(r"^\d{4}[A-Z]$"), "sous_classe", lambda c: f"{c[:2]}.{c[2:]}", False),
    (re.compile(r"^\d{3}[A-Z]$"), "sous_classe", lambda c: f"0{c[0]}.{c[1:]}", True),
    (re.compile(r"^\d{4}$"), "classe", lambda c: f"{c[:2]}.{c[2:]}", False),
    (re.compile(r"^\d{3}$"), "groupe", lambda c: f"{c[:2]}.{c[2]}", False),
    (re.compile(r"^\d{2}$"), "division", lambda c: c, False),
    (re.compile(r"^\d$"), "division", lambda c: f"0{c}", True),
    (re.compile(r"^[A-U]$"), "section", lambda c: c, False),
)

#: Cell values read as "no code" (missing cells of a table or a data frame).
_MISSING = frozenset({"", "NONE", "NAN", "NULL"})

_MSG_TABLE = QT_TRANSLATE_NOOP("ReterrEngine", "The NAF table {path} is not valid: {problem}.")
_MSG_LEVEL = QT_TRANSLATE_NOOP("ReterrEngine", "Unknown NAF level '{level}': use one of {levels}.")
_MSG_NOT_COARSER = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The NAF level {coarse} does not group the codes of level {level} (a code of {level} "
    "falls in several positions of {coarse}, e.g. {code}): choose a coarser level.",
)
_MSG_UNKNOWN = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} rows have a code that is not a NAF rév. 2 code ({codes}): they are not counted in "
    "any sector.",
)
_MSG_COARSE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} rows have a NAF code too coarse for level {level} ({codes}): they are not counted in "
    "any sector; give the codes at level {level} or finer.",
)
_MSG_EMPTY = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} rows have no sector code: they are not counted in any sector."
)
_MSG_REPAIRED = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} rows have a NAF code that lost its leading zero (e.g. {code}): read as {fixed}.",
)


def canonical_level(level: str) -> str:
    """The table's name of ``level`` (``"A732"`` → ``"sous_classe"``, ``"a38"`` → ``"A38"``).

    Raises
    ------
    InputError
        An unknown level.
    """
    key = str(level).strip()
    if key in LEVELS:
        return key
    up = key.upper()
    if up in LEVEL_ALIASES:
        return LEVEL_ALIASES[up]
    if up in LEVELS:
        return up
    raise InputError(_MSG_LEVEL, level=level, levels=", ".join(LEVELS))


@dataclass(eq=False)
class NafTable:
    """The sous-classes and their code at every level (:data:`LEVELS`).

    Attributes
    ----------
    columns
        ``level → (732,)`` codes, aligned on :attr:`sous_classes` (sorted).
    label_fr, label_court_fr
        ``(732,)`` INSEE's full and 65-character labels of the sous-classes.
    labels
        ``(level, code) → (label_fr, label_en)`` for every code of every level (``label_en`` is
        ``""`` for the nomenclature levels: INSEE's files give none).
    path
        The file read.
    """

    columns: dict[str, StrArray]
    label_fr: StrArray
    label_court_fr: StrArray
    labels: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    path: Optional[Path] = None
    _maps: dict[tuple[str, str], dict[str, Optional[str]]] = field(default_factory=dict, repr=False)

    @property
    def sous_classes(self) -> StrArray:
        """The 732 sous-classe codes, sorted."""
        return self.columns["sous_classe"]

    def codes(self, level: str) -> StrArray:
        """Sorted distinct codes of ``level`` (e.g. 38 for A38)."""
        return np.unique(self.columns[canonical_level(level)])

    def n_codes(self, level: str) -> int:
        """Number of positions of ``level`` (the ``N`` of a normalised diversity index)."""
        return int(self.codes(level).size)

    def label(self, level: str, code: str, lang: str = "fr") -> str:
        """Label of ``code`` at ``level`` (``""`` when unknown; French when no English exists)."""
        fr, en = self.labels.get((canonical_level(level), str(code)), ("", ""))
        return en or fr if lang == "en" else fr

    def mapping(self, source: str, target: str) -> dict[str, Optional[str]]:
        """``code of source → code of target``, ``None`` where a source code spans several
        target positions (the target is finer than, or cuts across, the source)."""
        key = (canonical_level(source), canonical_level(target))
        if key not in self._maps:
            out: dict[str, Optional[str]] = {}
            for s, t in zip(self.columns[key[0]].tolist(), self.columns[key[1]].tolist()):
                out[s] = t if out.get(s, t) == t else None
            self._maps[key] = out
        return self._maps[key]

    def aggregate(self, level: str, coarse: str) -> tuple[StrArray, StrArray]:
        """Codes of ``level`` and the position of each in ``coarse`` (e.g. the division of each
        sous-classe, the A10 position of each A38 one).

        Returns
        -------
        (codes, coarse_codes)
            Two aligned arrays; ``codes`` as :meth:`codes`.

        Raises
        ------
        InputError
            When ``coarse`` does not group the codes of ``level`` (a code would fall in several
            positions): the message names one such code.
        """
        lv, co = canonical_level(level), canonical_level(coarse)
        m = self.mapping(lv, co)
        codes = self.codes(lv)
        bad = [c for c in codes.tolist() if m.get(c) is None]
        if bad:
            raise InputError(_MSG_NOT_COARSER, level=lv, coarse=co, code=bad[0])
        return codes, np.array([m[c] for c in codes.tolist()], dtype=str)


def _read(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return [
                {k: (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(f, delimiter=";")
            ]
    except OSError as exc:
        raise InputError(_MSG_TABLE, path=str(path), problem=str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(_MSG_TABLE, path=str(path), problem="not UTF-8") from exc


@lru_cache(maxsize=4)
def _load(path: Path, labels_path: Optional[Path]) -> NafTable:
    rows = _read(path)
    if not rows:
        raise InputError(_MSG_TABLE, path=str(path), problem="no rows")
    missing = [c for c in (*LEVELS, "label_fr") if c not in rows[0]]
    if missing:
        raise InputError(
            _MSG_TABLE, path=str(path), problem="missing columns " + ", ".join(missing)
        )
    rows.sort(key=lambda r: r["sous_classe"])
    columns = {lv: np.array([r[lv] for r in rows], dtype=str) for lv in LEVELS}
    sc = columns["sous_classe"]
    bad = [c for c in sc.tolist() if not _SOUS_CLASSE.match(c)]
    if bad or np.unique(sc).size != sc.size:
        problem = f"bad or repeated sous-classes {bad[:5]}" if bad else "repeated sous-classes"
        raise InputError(_MSG_TABLE, path=str(path), problem=problem)
    empty = [lv for lv in LEVELS if (columns[lv] == "").any()]
    if empty:
        raise InputError(_MSG_TABLE, path=str(path), problem="empty codes in " + ", ".join(empty))
    labels: dict[tuple[str, str], tuple[str, str]] = {}
    if labels_path is not None and labels_path.is_file():
        for r in _read(labels_path):
            labels[(r.get("level", ""), r.get("code", ""))] = (
                r.get("label_fr", ""),
                r.get("label_en", ""),
            )
    return NafTable(
        columns=columns,
        label_fr=np.array([r["label_fr"] for r in rows], dtype=str),
        label_court_fr=np.array([r.get("label_court_fr", "") for r in rows], dtype=str),
        labels=labels,
        path=path,
    )


def load_naf(path: Optional[PathLike] = None, labels_path: Optional[PathLike] = None) -> NafTable:
    """Read ``naf_rev2_levels.csv`` (default: the shipped one) and its labels.

    Parameters
    ----------
    path
        The levels table (UTF-8, ``;``; columns :data:`LEVELS` and ``label_fr``).
    labels_path
        The labels table (default: ``naf_rev2_labels.csv`` beside ``path``; skipped when absent).

    Raises
    ------
    InputError
        Missing file or columns, a malformed or repeated sous-classe, an empty code.
    """
    p = Path(path) if path is not None else DEFAULT_TABLE_DIR / LEVELS_FILE
    lp = Path(labels_path) if labels_path is not None else p.parent / LABELS_FILE
    return _load(p.resolve(), lp.resolve())


def parse_naf_code(code: str) -> tuple[str, str, bool]:
    """``(normalised code, NAF level, repaired)`` of one code; level ``""`` when the form is
    not a NAF rév. 2 code of any level (the code is then returned trimmed and upper-cased).

    ``repaired`` is True when a lost leading zero was restored (``111Z`` → ``01.11Z``).
    """
    c = "".join(str(code).split()).upper()
    if "." in c:
        for pattern, level in (
            (_SOUS_CLASSE, "sous_classe"),
            (_CLASSE, "classe"),
            (_GROUPE, "groupe"),
        ):
            if pattern.match(c):
                return c, level, False
        return c, "", False
    for pattern, level, fix, repaired in _UNDOTTED:
        if pattern.match(c):
            return fix(c), level, repaired
    return c, "", False


@dataclass(eq=False)
class NafMapping:
    """Codes mapped to one level, and what could not be.

    Attributes
    ----------
    level
        The target level.
    codes
        ``(n,)`` code at :attr:`level` of each input (``""`` where not mapped).
    mapped
        ``(n,)`` True where :attr:`codes` holds a code.
    source_level
        ``(n,)`` level the input code was read as (``""`` unknown or empty).
    unknown
        ``{code as given: rows}`` of the codes that are not NAF rév. 2 codes (or not in the table).
    too_coarse
        ``{code as given: rows}`` of NAF codes of a level coarser than :attr:`level`.
    n_empty
        Rows without a code.
    n_repaired
        Rows whose code had lost its leading zero (mapped).
    unmapped_rows
        Positions of the rows not mapped (unknown, too coarse or empty).
    warnings
        Plain-language notes naming the codes (the first ten of each kind).
    """

    level: str
    codes: StrArray
    mapped: BoolArray
    source_level: StrArray
    unknown: dict[str, int]
    too_coarse: dict[str, int]
    n_empty: int
    n_repaired: int
    unmapped_rows: IntArray
    warnings: list[Message] = field(default_factory=list)


def _listed(counts: dict[str, int], limit: int = 10) -> str:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(f"{k} ({v})" for k, v in items[:limit])
    return text + (", …" if len(items) > limit else "")


def _from_aggregate(tab: NafTable, code: str, target: str) -> tuple[Optional[str], int, str]:
    """A code of an aggregation level (``C10E`` of A129, ``CA`` of A38) mapped to ``target``:
    ``(code, 0, level)`` when every level holding it gives the same position, ``(None, 2,
    level)`` when it is too coarse, ``(None, 1, "")`` when no level holds it."""
    holders = [lv for lv in LEVELS if lv not in NAF_LEVELS and code in tab.mapping(lv, lv)]
    if not holders:
        return None, 1, ""
    outs = {tab.mapping(lv, target).get(code) for lv in holders}
    if len(outs) == 1 and None not in outs:
        return outs.pop(), 0, holders[0]
    return None, 2, holders[0]


def map_naf(
    codes: Union[ArrayLike, Iterable[str]], level: str, *, table: Optional[NafTable] = None
) -> NafMapping:
    """Map sector codes (any NAF level, any usual spelling) to ``level``.

    Parameters
    ----------
    codes
        One code per row: ``01.11Z``, ``0111Z``, ``01.11``, ``01``, ``A``, or a code of ``level``
        itself; ``""``, None, NaN or ``NULL`` for none.
    level
        Target level (:data:`LEVELS` or an alias of :data:`LEVEL_ALIASES`).
    table
        The NAF table (default: the shipped one).

    Returns
    -------
    NafMapping
        Every row not mapped is counted and named (see the module docstring).
    """
    tab = table if table is not None else load_naf()
    target = canonical_level(level)
    raw = np.asarray(codes if isinstance(codes, np.ndarray) else list(codes)).ravel()
    n = raw.shape[0]
    # None and NaN (missing cells) become "None" / "nan": read as empty below.
    text = raw.astype(str) if n else np.zeros(0, dtype=str)
    uniq, inverse = np.unique(text, return_inverse=True)
    own = set(tab.codes(target).tolist())
    u_code, u_src, u_fix, u_kind = [], [], [], []  # kind: 0 mapped, 1 unknown, 2 coarse, 3 empty
    for u in uniq.tolist():
        c, src, repaired = parse_naf_code(u)
        if c in _MISSING:
            out, kind = None, 3
        elif src:
            known = c in tab.mapping(src, src)
            if known:
                out = tab.mapping(src, target).get(c)
                kind = 0 if out is not None else 2
            else:
                out, kind = None, 1
        elif c in own:
            out, kind, src = c, 0, target
        else:
            out, kind, src = _from_aggregate(tab, c, target)
        u_code.append(out or "")
        u_src.append(src if kind in (0, 2) else "")
        u_fix.append(repaired and kind == 0)
        u_kind.append(kind)
    kinds = np.array(u_kind, dtype=np.int64)[inverse] if n else np.zeros(0, dtype=np.int64)
    mapped = kinds == 0
    counts = np.bincount(inverse, minlength=uniq.size) if n else np.zeros(0, dtype=np.int64)
    unknown = {u: int(k) for u, k, t in zip(uniq.tolist(), counts.tolist(), u_kind) if t == 1}
    coarse = {u: int(k) for u, k, t in zip(uniq.tolist(), counts.tolist(), u_kind) if t == 2}
    n_empty = int(np.count_nonzero(kinds == 3))
    fixed = [i for i, f in enumerate(u_fix) if f]
    n_repaired = int(sum(int(counts[i]) for i in fixed))
    warnings: list[Message] = []
    if unknown:
        warnings.append(
            Message(_MSG_UNKNOWN, {"n": sum(unknown.values()), "codes": _listed(unknown)})
        )
    if coarse:
        warnings.append(
            Message(
                _MSG_COARSE, {"n": sum(coarse.values()), "codes": _listed(coarse), "level": target}
            )
        )
    if n_empty:
        warnings.append(Message(_MSG_EMPTY, {"n": n_empty}))
    if n_repaired:
        i = fixed[0]
        warnings.append(
            Message(
                _MSG_REPAIRED,
                {"n": n_repaired, "code": uniq[i], "fixed": parse_naf_code(uniq[i])[0]},
            )
        )
    return NafMapping(
        level=target,
        codes=np.array(u_code, dtype=str)[inverse] if n else np.zeros(0, dtype=str),
        mapped=mapped,
        source_level=np.array(u_src, dtype=str)[inverse] if n else np.zeros(0, dtype=str),
        unknown=unknown,
        too_coarse=coarse,
        n_empty=n_empty,
        n_repaired=n_repaired,
        unmapped_rows=np.flatnonzero(~mapped).astype(np.int64),
        warnings=warnings,
    )
