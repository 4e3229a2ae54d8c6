#!/usr/bin/env python3
"""Build ``resources/naf/`` (NAF rév. 2 sous-classes with their aggregation levels) from INSEE's tables.

INSEE publishes the NAF rév. 2 nomenclature and its aggregation levels ("niveaux d'agrégation",
A10 … A129) as spreadsheets; the ``pynsee`` package (MIT; the data are INSEE's, Licence Ouverte)
carries them as ``;``-separated Latin-1 CSV files in ``pynsee/metadata/data/naf.zip``, folder
``naf2008/``. This script reads them straight from the pynsee wheel (no pynsee import, none of its
runtime dependencies) and writes two UTF-8, ``;``-separated tables that the plugin reads at run
time (``reterr_qgis/engine/complementarity/naf.py``):

``naf_rev2_levels.csv``
    One row per sous-classe (732): ``sous_classe;classe;groupe;division;section;A10;A17;A38;A64;
    A88;A129;label_fr;label_court_fr``. From ``table_NAF2-NA.csv`` (sous-classe → classe, groupe,
    A129, A88 = division, A64, A38, A21 = section, A10), checked against ``naf2008_5_niveaux.csv``
    (NIV5 … NIV1). A17 is not in that table: it is derived from INSEE's A17 table
    (``int_eng_na_2008_a17.csv``), whose rows list the divisions of each A17 position
    (e.g. ``DE`` = ``05-09,35-39``); every division must fall in exactly one position. A138 is not
    written: it splits some A129 positions into market / non-market parts, which a NAF code alone
    does not tell. Labels: the full INSEE label of the sous-classe and its 65-character short
    form (``int_courts_naf_rev_2.csv``).

``naf_rev2_labels.csv``
    ``level;code;label_fr;label_en`` for every code used in the first table, at every level:
    sections, divisions, groupes, classes and sous-classes (French labels of
    ``int_courts_naf_rev_2.csv``; no English label in INSEE's files), A10, A17, A38, A64, A88
    and A129 (French and English labels of INSEE's ``int_eng_na_2008_a*.csv`` tables).

Usage::

    python scripts/build_naf_tables.py [--wheel build/pynsee-0.3.0-py3-none-any.whl] [--out resources/naf]

The wheel can be fetched with ``pip download --no-deps pynsee==0.3.0``. The script fails loudly
(a ``SystemExit`` naming the table and the code) if any check does not hold.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WHEEL = ROOT / "build" / "pynsee-0.3.0-py3-none-any.whl"
DEFAULT_OUT = ROOT / "resources" / "naf"
NAF_ZIP = "pynsee/metadata/data/naf.zip"
FOLDER = "naf2008/"

LEVELS_FILE = "naf_rev2_levels.csv"
LABELS_FILE = "naf_rev2_labels.csv"
LEVEL_COLUMNS = (
    "sous_classe",
    "classe",
    "groupe",
    "division",
    "section",
    "A10",
    "A17",
    "A38",
    "A64",
    "A88",
    "A129",
)

SOUS_CLASSE = re.compile(r"^\d{2}\.\d{2}[A-Z]$")


def fail(message: str) -> None:
    raise SystemExit(f"build_naf_tables: {message}")


def read_tables(wheel: Path) -> dict[str, list[list[str]]]:
    """Every CSV of ``naf2008/`` as rows of stripped cells (``;``). INSEE wrote them in
    Windows-1252 (its apostrophes are byte 0x92, a control character in Latin-1)."""
    with zipfile.ZipFile(wheel) as whl:
        inner = io.BytesIO(whl.read(NAF_ZIP))
    tables = {}
    with zipfile.ZipFile(inner) as naf:
        for name in naf.namelist():
            if name.startswith(FOLDER) and name.endswith(".csv"):
                text = naf.read(name).decode("cp1252")
                rows = csv.reader(io.StringIO(text, newline=""), delimiter=";")
                tables[name[len(FOLDER) :]] = [[c.strip() for c in r] for r in rows]
    return tables


def clean(label: str) -> str:
    """One-line label: inner line breaks and repeated spaces collapsed."""
    return " ".join(label.split())


def sous_classes(tables: dict[str, list[list[str]]]) -> list[dict[str, str]]:
    """Rows of ``table_NAF2-NA.csv``, columns located by the level names of its second header row."""
    rows = tables["table_NAF2-NA.csv"]
    levels = [c.replace(" ", "") for c in rows[1]]
    want = {
        "A732": "sous_classe",
        "A615": "classe",
        "A272": "groupe",
        "A129": "A129",
        "A88": "A88",
        "A64": "A64",
        "A38": "A38",
        "A21": "section",
        "A10": "A10",
    }
    pos = {}
    for key, col in want.items():
        if levels.count(key) != 1:
            fail(f"table_NAF2-NA.csv: level {key} not found once in {rows[1]}")
        pos[col] = levels.index(key)
    out = []
    for r in rows[2:]:
        if not r or not r[0]:
            continue
        rec = {col: r[i] for col, i in pos.items()}
        if not SOUS_CLASSE.match(rec["sous_classe"]):
            fail(f"table_NAF2-NA.csv: not a sous-classe code: {rec['sous_classe']!r}")
        rec["label_fr"] = clean(r[1])
        rec["division"] = rec["A88"]
        out.append(rec)
    return out


def check_five_levels(recs: list[dict[str, str]], tables: dict[str, list[list[str]]]) -> None:
    """NIV5 … NIV1 of ``naf2008_5_niveaux.csv`` must equal the hierarchy of table_NAF2-NA."""
    rows = tables["naf2008_5_niveaux.csv"]
    if rows[0][:5] != ["NIV5", "NIV4", "NIV3", "NIV2", "NIV1"]:
        fail(f"naf2008_5_niveaux.csv: unexpected header {rows[0]}")
    five = {r[0]: tuple(r[1:5]) for r in rows[1:] if r and r[0]}
    mine = {r["sous_classe"]: (r["classe"], r["groupe"], r["division"], r["section"]) for r in recs}
    if five != mine:
        diff = sorted(set(five.items()) ^ set(mine.items()))[:10]
        fail(f"naf2008_5_niveaux.csv and table_NAF2-NA.csv disagree: {diff}")
    for code, (classe, groupe, division, _) in mine.items():
        if not (
            code.startswith(classe) and classe.startswith(groupe) and groupe.startswith(division)
        ):
            fail(f"inconsistent hierarchy for {code}: {classe} {groupe} {division}")


def division_ranges(text: str) -> Iterable[int]:
    """``"13-18,20-25, 31-33"`` → 13 … 18, 20 … 25, 31 … 33."""
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        yield from range(int(lo), int(hi or lo) + 1)


def a17_of_divisions(tables: dict[str, list[list[str]]], divisions: set[str]) -> dict[str, str]:
    """Division → A17 from INSEE's A17 table (each division in exactly one position)."""
    rows = tables["int_eng_na_2008_a17.csv"]
    out: dict[str, str] = {}
    for r in rows[1:]:
        if len(r) < 5 or not r[1]:
            continue
        for d in division_ranges(r[4]):
            code = f"{d:02d}"
            if code in out:
                fail(f"int_eng_na_2008_a17.csv: division {code} in {out[code]} and {r[1]}")
            out[code] = r[1]
    missing = sorted(divisions - set(out))
    if missing:
        fail(f"int_eng_na_2008_a17.csv: divisions without an A17 position: {missing}")
    return {d: out[d] for d in divisions}


def nomenclature_labels(tables: dict[str, list[list[str]]]) -> dict[str, tuple[str, str]]:
    """Code → (full label, 65-character label) from ``int_courts_naf_rev_2.csv``; sections as
    ``"A"`` (the file writes ``SECTION A``)."""
    out = {}
    for r in tables["int_courts_naf_rev_2.csv"][1:]:
        if len(r) < 4 or not r[1]:
            continue
        code = r[1].removeprefix("SECTION ").strip()
        out[code] = (clean(r[2]), clean(r[3]))
    return out


def aggregate_labels(tables: dict[str, list[list[str]]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(level, code) → (label_fr, label_en) from INSEE's English/French tables of A10 … A129."""
    out: dict[tuple[str, str], tuple[str, str]] = {}

    def take(level: str, name: str, code_col: int, en_col: int, fr_col: int) -> None:
        for r in tables[name][1:]:
            if len(r) <= max(code_col, en_col, fr_col) or not r[code_col]:
                continue
            out.setdefault((level, r[code_col]), (clean(r[fr_col]), clean(r[en_col])))

    take("A10", "int_eng_na_2008_a10.csv", 1, 3, 4)
    take("A17", "int_eng_na_2008_a17.csv", 1, 5, 6)
    take("A38", "int_eng_na_2008_a38.csv", 0, 2, 3)
    take("A64", "int_eng_na_2008_a64.csv", 0, 2, 3)
    take("A88", "int_eng_na_2008_a88.csv", 2, 3, 4)
    take("A129", "int_eng_na_2008_a138.csv", 1, 4, 5)
    return out


def build(wheel: Path, out_dir: Path) -> tuple[int, int]:
    if not wheel.is_file():
        fail(f"wheel not found: {wheel} (pip download --no-deps pynsee==0.3.0)")
    tables = read_tables(wheel)
    recs = sous_classes(tables)
    if len(recs) != 732:
        fail(f"table_NAF2-NA.csv: {len(recs)} sous-classes, expected 732")
    check_five_levels(recs, tables)
    a17 = a17_of_divisions(tables, {r["division"] for r in recs})
    names = nomenclature_labels(tables)
    for r in recs:
        r["A17"] = a17[r["division"]]
        _, short = names.get(r["sous_classe"], ("", ""))
        if not short:
            fail(f"int_courts_naf_rev_2.csv: no label for {r['sous_classe']}")
        r["label_court_fr"] = short
    # Each aggregate must be a function of the finer NAF levels it is built from.
    for level, parent in (
        ("A129", "groupe"),
        ("A88", "division"),
        ("A64", "division"),
        ("A38", "division"),
    ):
        seen: dict[str, str] = {}
        for r in recs:
            if seen.setdefault(r[parent], r[level]) != r[level]:
                fail(f"{level} is not a function of the {parent}: {r[parent]}")
    aggregates = aggregate_labels(tables)
    labels: list[tuple[str, str, str, str]] = []
    for level in LEVEL_COLUMNS:
        for code in sorted({r[level] for r in recs}):
            if level in ("section", "division", "groupe", "classe", "sous_classe"):
                if code not in names:
                    fail(f"int_courts_naf_rev_2.csv: no label for {level} {code}")
                labels.append((level, code, names[code][0], ""))
            else:
                if (level, code) not in aggregates:
                    fail(f"no label for {level} {code} in INSEE's aggregation tables")
                fr, en = aggregates[(level, code)]
                labels.append((level, code, fr, en))
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / LEVELS_FILE).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow([*LEVEL_COLUMNS, "label_fr", "label_court_fr"])
        for r in sorted(recs, key=lambda r: r["sous_classe"]):
            w.writerow([r[c] for c in (*LEVEL_COLUMNS, "label_fr", "label_court_fr")])
    with (out_dir / LABELS_FILE).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["level", "code", "label_fr", "label_en"])
        w.writerows(labels)
    return len(recs), len(labels)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--wheel", type=Path, default=DEFAULT_WHEEL)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    n_rows, n_labels = build(args.wheel, args.out)
    print(f"{LEVELS_FILE}: {n_rows} sous-classes; {LABELS_FILE}: {n_labels} labels -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
