#!/usr/bin/env python3
"""Build the plugin zip for plugins.qgis.org and check it against the repository's rules.

Usage: ``python scripts/package.py [--dist DIR] [--root DIR]`` (``make zip``).

Builds ``<dist>/reterr_qgis-<version>.zip`` (version from ``metadata.txt``) holding one top folder
``reterr_qgis/`` with the files that ``pb_tool.cfg`` lists (``python_files``, ``extras``,
``extra_dirs``), minus caches, compiled Python, dotfiles and editor or SQLite leftovers; from
``i18n/`` only the ``.ts`` sources and the ``.qm`` files (built with ``lrelease`` when missing or
older than their ``.ts``).

The archive written is then read back and checked as plugins.qgis.org does on upload
(QGIS-Django ``plugins/validator.py``): size under 25 MB, readable zip, a single top folder with a
valid package name, no path tricks, no ``.pyc``/``__pycache__``/``.git``/``__MACOSX``, root
``__init__.py`` and ``metadata.txt`` with a ``[general]`` section and the mandatory keys (name,
qgisMinimumVersion, description, about, version, author, email, repository, tracker), real
http(s) URLs, no slash in the author, boolean flags that are booleans, and a ``LICENSE`` file. On
top of those: the icon exists, ``classFactory`` is defined, every Python file compiles, a ``.qm``
for each ``.ts`` and each locale of ``pb_tool.cfg``, README and CHANGELOG present, nothing of the
development tree (tests, scripts, bench, .ci, .venv, build, out, dist).

Prints a summary; exits 1 (and leaves no zip) when a rule is violated, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import ast
import configparser
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "reterr_qgis"
MAX_SIZE = 25_000_000  # bytes: PLUGIN_MAX_UPLOAD_SIZE of plugins.qgis.org

REQUIRED_METADATA = (
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "repository",
    "tracker",
)
BOOLEAN_METADATA = ("experimental", "deprecated", "server")
# Placeholders that plugins.qgis.org refuses (left by Plugin Builder).
PLACEHOLDER_URLS = {"http://bugs", "http://repo", "http://homepage"}
REQUIRED_FILES = ("__init__.py", "metadata.txt", "LICENSE", "README.md", "CHANGELOG.md")
REQUIRED_DIRS = (PACKAGE, "resources", "i18n")
DEV_DIRS = {"tests", "scripts", "bench", ".ci", ".venv", "build", "out", "dist", "zip_build"}
FORBIDDEN_COMPONENTS = {"__pycache__", ".git", "__MACOSX"}
EXCLUDED_NAMES = ("__pycache__", "*.pyc", "*.pyo", "*~", "*.swp", "*.gpkg-wal", "*.gpkg-shm")
VERSION_RE = re.compile(r"^\d+(\.\d+){1,3}([-.+]?[0-9A-Za-z.]+)?$")
QGIS_VERSION_RE = re.compile(r"^\d+\.\d+(\.\d+)?$")
PACKAGE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9\-_]+$")


@dataclass
class Report:
    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.violations.append(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


# -- metadata ----------------------------------------------------------------------------------


def parse_metadata(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    parser.read_string(text)
    return parser


def read_version(root: Path) -> str:
    meta = parse_metadata((root / "metadata.txt").read_text(encoding="utf-8"))
    return meta.get("general", "version", fallback="").strip()


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def check_metadata(text: str, names: set[str], report: Report) -> dict[str, str]:
    """Check ``metadata.txt`` as plugins.qgis.org does; returns the [general] items."""
    try:
        meta = parse_metadata(text)
    except configparser.Error as err:
        report.fail(f"metadata.txt cannot be parsed: {err}")
        return {}
    if not meta.has_section("general"):
        report.fail("metadata.txt has no [general] section")
        return {}
    general = {k: v.strip() for k, v in meta.items("general")}
    missing = [k for k in REQUIRED_METADATA if not general.get(k)]
    if missing:
        report.fail(f"metadata.txt lacks mandatory keys: {', '.join(missing)}")
    version = general.get("version", "")
    if version and not VERSION_RE.match(version):
        report.fail(f"metadata.txt version {version!r} is not a version number (e.g. 1.2.0)")
    qmin = general.get("qgisMinimumVersion", "")
    qmax = general.get("qgisMaximumVersion", "")
    for key, value in (("qgisMinimumVersion", qmin), ("qgisMaximumVersion", qmax)):
        if value and not QGIS_VERSION_RE.match(value):
            report.fail(f"metadata.txt {key} {value!r} is not a QGIS version (e.g. 3.22)")
    if (
        qmin
        and qmax
        and QGIS_VERSION_RE.match(qmin)
        and QGIS_VERSION_RE.match(qmax)
        and _version_tuple(qmax) < _version_tuple(qmin)
    ):
        report.fail(f"qgisMaximumVersion {qmax} is lower than qgisMinimumVersion {qmin}")
    author = general.get("author", "")
    if "/" in author:
        report.fail("metadata.txt author cannot contain slashes")
    email = general.get("email", "")
    if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        report.fail(f"metadata.txt email {email!r} is not an e-mail address")
    for key in ("tracker", "repository", "homepage"):
        url = general.get(key)
        if url is None or (key == "homepage" and not url):
            continue
        parsed = urlparse(url)
        if url in PLACEHOLDER_URLS or parsed.scheme not in ("http", "https") or not parsed.netloc:
            report.fail(f"metadata.txt {key} is not a valid http(s) URL: {url!r}")
    for key in BOOLEAN_METADATA:
        value = general.get(key)
        if value is not None and value.lower() not in ("true", "false", "1", "0"):
            report.fail(f"metadata.txt {key} must be True or False, not {value!r}")
    provider = general.get("hasProcessingProvider")
    if provider is not None and provider.lower() not in ("yes", "no", "true", "false"):
        report.fail(f"metadata.txt hasProcessingProvider must be yes or no, not {provider!r}")
    if re.search(r"<\s*[a-zA-Z][^>]*>", general.get("about", "")):
        report.fail("metadata.txt about must be plain text (HTML found)")
    icon = general.get("icon", "")
    if icon:
        icon_path = f"{PACKAGE}/{icon[2:] if icon.startswith('./') else icon}"
        if icon_path not in names:
            report.fail(f"the icon {icon!r} of metadata.txt is not in the zip")
    else:
        report.warn("metadata.txt has no icon")
    if general.get("experimental", "").lower() in ("true", "1"):
        report.notes.append("experimental=True: QGIS lists it only with 'Show experimental'")
    return general


# -- file selection ----------------------------------------------------------------------------


def read_pb_tool(root: Path) -> configparser.ConfigParser:
    path = root / "pb_tool.cfg"
    cfg = configparser.ConfigParser(interpolation=None)
    if not path.exists():
        raise SystemExit(f"package.py: {path} is missing")
    cfg.read(path, encoding="utf-8")
    return cfg


def _excluded(name: str, patterns: tuple[str, ...]) -> bool:
    return name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in patterns)


def select_files(root: Path, cfg: configparser.ConfigParser, report: Report) -> list[Path]:
    """Paths (relative to ``root``) of the files to ship, from pb_tool.cfg, filtered."""
    files_cfg = cfg["files"] if cfg.has_section("files") else {}

    def listed(key: str) -> list[str]:
        return (files_cfg.get(key) or "").split()

    patterns = EXCLUDED_NAMES + tuple(listed("exclude"))
    single = listed("python_files") + listed("main_dialog") + listed("extras")
    dirs = listed("extra_dirs")
    if listed("compiled_ui_files") or listed("resource_files"):
        report.fail("pb_tool.cfg lists compiled ui/resource files: the plugin loads them by path")
    for name in REQUIRED_FILES:
        if name not in single:
            report.fail(f"pb_tool.cfg [files] does not list {name}")
    for name in REQUIRED_DIRS:
        if name not in dirs:
            report.fail(f"pb_tool.cfg extra_dirs does not list {name}/")
    selected: list[Path] = []
    for name in single:
        path = root / name
        if path.is_file():
            selected.append(Path(name))
        else:
            report.fail(f"{name} (listed in pb_tool.cfg) does not exist")
    for name in dirs:
        base = root / name
        if name in DEV_DIRS or not base.is_dir():
            report.fail(f"{name}/ (listed in pb_tool.cfg) is not a plugin directory")
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not _excluded(d, patterns))
            for fname in sorted(filenames):
                if _excluded(fname, patterns):
                    continue
                rel = (Path(dirpath) / fname).relative_to(root)
                if rel.parts[0] == "i18n" and rel.suffix not in (".ts", ".qm"):
                    continue
                selected.append(rel)
    return selected


def build_translations(root: Path, cfg: configparser.ConfigParser, report: Report) -> None:
    """Build each ``i18n/*.qm`` from its ``.ts`` when missing or older (as ``make translations``)."""
    locales = (cfg.get("files", "locales", fallback="") or "").split()
    if not locales:
        report.fail("pb_tool.cfg declares no locale: the French translation must ship")
    for locale in locales:
        name = locale if locale.endswith(".ts") else f"{locale}.ts"
        if not (root / "i18n" / name).exists():
            report.fail(f"i18n/{name} (a locale of pb_tool.cfg) does not exist")
    for ts in sorted((root / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
        if lrelease is None:
            report.fail(f"{qm.name} is missing or stale and lrelease is not installed")
            continue
        proc = subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0 or not qm.exists():
            report.fail(f"lrelease failed on {ts.name}: {proc.stderr.strip()}")
        else:
            report.notes.append(f"built i18n/{qm.name} with lrelease")


# -- zip ---------------------------------------------------------------------------------------


def write_zip(root: Path, files: list[Path], target: Path) -> None:
    """Zip ``files`` (relative to ``root``) under ``reterr_qgis/``, directory entries first."""
    dirs = sorted({parent for f in files for parent in f.parents if parent != Path(".")})

    def dir_entry(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (0o40755 << 16) | 0x10  # drwxr-xr-x, MS-DOS directory flag
        return info

    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(dir_entry(f"{PACKAGE}/"), b"")
        for d in dirs:
            zf.writestr(dir_entry(f"{PACKAGE}/{d.as_posix()}/"), b"")
        for rel in sorted(files):
            zf.write(root / rel, f"{PACKAGE}/{rel.as_posix()}")


def validate_zip(path: Path, report: Report) -> dict[str, str]:
    """Check the written archive; returns its metadata."""
    size = path.stat().st_size
    if size >= MAX_SIZE:
        report.fail(f"the zip is {size / 1e6:.1f} MB, plugins.qgis.org accepts < 25 MB")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        report.fail(f"the zip cannot be read: {err}")
        return {}
    with zf:
        names = zf.namelist()
        bad = zf.testzip()
        if bad:
            report.fail(f"bad zip entry (CRC error): {bad}")
        tops = {n.split("/")[0] for n in names}
        if tops != {PACKAGE}:
            report.fail(f"the zip must hold a single top folder {PACKAGE}/, found {sorted(tops)}")
        if not names or not names[0].startswith(f"{PACKAGE}/"):
            report.fail("the first entry of the zip is not inside the plugin folder")
        if not PACKAGE_RE.match(PACKAGE):
            report.fail(f"invalid plugin folder name {PACKAGE!r}")
        for name in names:
            parts = PurePosixPath(name).parts
            if ".." in name or name.startswith("/") or "\\" in name:
                report.fail(f"path information in the zip: {name}")
            if ".pyc" in name or name.endswith(".pyo"):
                report.fail(f"compiled Python in the zip: {name}")
            if FORBIDDEN_COMPONENTS & set(parts):
                report.fail(f"forbidden directory in the zip: {name}")
            if any(p.startswith(".") for p in parts):
                report.fail(f"dotfile in the zip: {name}")
            if len(parts) > 1 and parts[1] in DEV_DIRS:
                report.fail(f"development file in the zip: {name}")
        files = {n for n in names if not n.endswith("/")}
        for req in REQUIRED_FILES:
            if f"{PACKAGE}/{req}" not in files:
                report.fail(f"{req} is missing from the plugin folder")
        for req in REQUIRED_DIRS:
            if not any(n.startswith(f"{PACKAGE}/{req}/") for n in files):
                report.fail(f"{req}/ is missing from the plugin folder")
        general = {}
        if f"{PACKAGE}/metadata.txt" in files:
            general = check_metadata(
                zf.read(f"{PACKAGE}/metadata.txt").decode("utf-8"), files, report
            )
        init = f"{PACKAGE}/__init__.py"
        for name in sorted(n for n in files if n.endswith(".py")):
            try:
                tree = ast.parse(zf.read(name).decode("utf-8"), filename=name)
            except (SyntaxError, UnicodeDecodeError) as err:
                report.fail(f"{name} does not compile: {err}")
                continue
            if name == init and not any(
                isinstance(n, ast.FunctionDef) and n.name == "classFactory" for n in tree.body
            ):
                report.fail("the root __init__.py does not define classFactory(iface)")
        ts = sorted(n for n in files if n.startswith(f"{PACKAGE}/i18n/") and n.endswith(".ts"))
        if not ts:
            report.fail("no translation (.ts) in i18n/")
        for name in ts:
            if name[:-3] + ".qm" not in files:
                report.fail(f"{name[:-3]}.qm is missing (run make translations)")
        version = general.get("version", "")
        changelog = f"{PACKAGE}/CHANGELOG.md"
        if version and changelog in files and version not in zf.read(changelog).decode("utf-8"):
            report.warn(f"CHANGELOG.md has no entry for version {version}")
        report.notes.append(f"{len(files)} files, {size / 1024:.0f} kB")
        return general


def package(root: Path, dist: Path) -> tuple[Path | None, Report]:
    report = Report()
    cfg = read_pb_tool(root)
    name = cfg.get("plugin", "name", fallback="")
    if name != PACKAGE:
        report.fail(f"pb_tool.cfg [plugin] name is {name!r}, expected {PACKAGE!r}")
    version = read_version(root)
    if not version:
        report.fail("metadata.txt has no version")
        version = "0.0.0"
    build_translations(root, cfg, report)
    files = select_files(root, cfg, report)
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{PACKAGE}-{version}.zip"
    fd, tmp_name = tempfile.mkstemp(prefix=f".{PACKAGE}-", suffix=".zip", dir=dist)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write_zip(root, files, tmp)
        validate_zip(tmp, report)
        if report.violations:
            return None, report
        os.replace(tmp, target)
        umask = os.umask(0)
        os.umask(umask)
        target.chmod(0o666 & ~umask)  # mkstemp made it private
        return target, report
    finally:
        if tmp.exists():
            tmp.unlink()


def summary(path: Path | None, report: Report, root: Path) -> str:
    lines = []
    if path is not None:
        with zipfile.ZipFile(path) as zf:
            counts: dict[str, int] = {}
            for n in zf.namelist():
                if n.endswith("/"):
                    continue
                parts = n.split("/")
                key = parts[1] + ("/" if len(parts) > 2 else "")
                counts[key] = counts.get(key, 0) + 1
        lines.append(f"Plugin zip: {path}")
        lines.append(
            "  " + ", ".join(f"{k} ({v})" if k.endswith("/") else k for k, v in counts.items())
        )
    for note in report.notes:
        lines.append(f"  note: {note}")
    for warning in report.warnings:
        lines.append(f"  warning: {warning}")
    if report.violations:
        lines.append(f"NOT PACKAGED ({root}): {len(report.violations)} rule(s) violated:")
        lines += [f"  - {v}" for v in report.violations]
    else:
        lines.append("  checks: plugins.qgis.org rules passed")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=None, help="output directory (default dist/)")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="plugin source folder (default: this repository)"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    dist = (args.dist or root / "dist").resolve()
    if not (root / "metadata.txt").exists():
        print(f"package.py: {root} has no metadata.txt", file=sys.stderr)
        return 2
    path, report = package(root, dist)
    out = summary(path, report, root)
    print(out, file=sys.stderr if report.violations else sys.stdout)
    return 1 if report.violations else 0


if __name__ == "__main__":
    sys.exit(main())
