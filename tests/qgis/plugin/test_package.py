"""The plugin zip (``scripts/package.py``, ``make zip``): contents, plugins.qgis.org rules, imports.

The zip built from this checkout must hold exactly the plugin (one ``reterr_qgis/`` folder: root
``__init__.py``, metadata, licence, docs, code, resources, translations) and nothing of the
development tree, pass the rules plugins.qgis.org applies on upload, and work once extracted: the
plugin package imports from the extracted folder alone and finds its resources and translations
there. The checker itself is exercised on copies of the tree with a rule broken.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import expected_provider_ids

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "package.py"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PACKAGE = "reterr_qgis"
DEV_DIRS = {"tests", "scripts", "bench", ".ci", ".venv", "build", "out", "dist", "zip_build"}

pytestmark = pytest.mark.slow


def metadata_version(root: Path = ROOT) -> str:
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(root / "metadata.txt", encoding="utf-8")
    return cfg["general"]["version"]


def run_package(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def built_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    proc = run_package("--dist", str(dist))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "plugins.qgis.org rules passed" in proc.stdout
    zips = list(dist.iterdir())
    assert [z.name for z in zips] == [f"{PACKAGE}-{metadata_version()}.zip"]
    return zips[0]


def source_files(sub: str, suffixes: tuple[str, ...] | None = None) -> set[str]:
    """Files of the checkout under ``sub`` that must ship (no caches, no dotfiles)."""
    out = set()
    for path in (ROOT / sub).rglob("*"):
        rel = path.relative_to(ROOT)
        if not path.is_file() or any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
            continue
        if path.suffix in (".pyc", ".pyo") or path.name.endswith(("-wal", "-shm", "~")):
            continue
        if suffixes is None or path.suffix in suffixes:
            out.add(rel.as_posix())
    return out


def test_zip_contents(built_zip):
    with zipfile.ZipFile(built_zip) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        files = {n[len(PACKAGE) + 1 :] for n in names if not n.endswith("/")}
        assert {n.split("/")[0] for n in names} == {PACKAGE}
        assert names[0] == f"{PACKAGE}/"
        assert zf.read(f"{PACKAGE}/LICENSE") == (ROOT / "LICENSE").read_bytes()
        assert zf.read(f"{PACKAGE}/metadata.txt") == (ROOT / "metadata.txt").read_bytes()
    assert built_zip.stat().st_size < 25_000_000

    root_files = {"__init__.py", "metadata.txt", "LICENSE", "README.md", "CHANGELOG.md"}
    assert root_files <= files
    code = source_files(PACKAGE)
    resources = source_files("resources")
    i18n = source_files("i18n", (".ts", ".qm"))
    assert any(f.endswith(".ts") for f in i18n), "no .ts in i18n/"
    assert {f[:-3] + ".qm" for f in i18n if f.endswith(".ts")} <= files, "a .qm is missing"
    assert code <= files and resources <= files and i18n <= files
    # Exactly that: nothing else slipped in.
    assert files == root_files | code | resources | i18n | {
        f[:-3] + ".qm" for f in i18n if f.endswith(".ts")
    }
    for name in files:
        parts = name.split("/")
        assert parts[0] not in DEV_DIRS, name
        assert not any(p.startswith(".") for p in parts), name
        assert "__pycache__" not in parts and not name.endswith((".pyc", ".pyo")), name
    assert "reterr_qgis/engine/profile/territory.py" in files
    assert "resources/sample/aveyron.gpkg" in files


IMPORT_CHECK = r"""
import json, sys
ext = sys.argv[1]
sys.path.insert(0, ext)
import reterr_qgis

out = {"file": reterr_qgis.__file__, "classFactory": callable(getattr(reterr_qgis, "classFactory", None))}
from reterr_qgis.reterr_qgis.processing.provider import ReterrProvider
from reterr_qgis.reterr_qgis import about

out["version"] = about.__version__
out["icon"] = str(about.resource_path("icons", "reterr.svg"))
out["icon_exists"] = about.resource_path("icons", "reterr.svg").exists()

from qgis.core import QgsApplication

app = QgsApplication([], False)
app.initQgis()
from reterr_qgis.reterr_qgis.adapters.i18n import install_translator

out["fr_translation"] = install_translator("fr")
install_translator("en")
provider = ReterrProvider()
out["provider_id"] = provider.id()
QgsApplication.processingRegistry().addProvider(provider)
out["algorithms"] = sorted(a.id() for a in provider.algorithms())
out["modules_outside"] = sorted(
    name for name, mod in sys.modules.items()
    if name.startswith("reterr_qgis") and getattr(mod, "__file__", None)
    and not mod.__file__.startswith(ext)
)
QgsApplication.processingRegistry().removeProvider(provider)
print(json.dumps(out))
"""


@pytest.mark.skipif(not VENV_PYTHON.exists(), reason="project venv not created (make setup)")
def test_extracted_plugin_imports(built_zip, tmp_path):
    ext = tmp_path / "plugins"
    with zipfile.ZipFile(built_zip) as zf:
        zf.extractall(ext)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "runtime")
    (tmp_path / "runtime").mkdir(mode=0o700)
    proc = subprocess.run(
        [str(VENV_PYTHON), "-c", IMPORT_CHECK, str(ext)],
        cwd=tmp_path,  # not the checkout: only the extracted folder can be imported
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert Path(out["file"]) == ext / PACKAGE / "__init__.py"
    assert out["classFactory"]
    assert out["modules_outside"] == []
    assert out["version"] == metadata_version()
    assert out["icon_exists"] and out["icon"].startswith(str(ext / PACKAGE))
    assert out["fr_translation"], "the French .qm was not found in the extracted plugin"
    assert out["provider_id"] == "reterr"
    assert out["algorithms"] == expected_provider_ids()


# -- the checker, on copies of the tree with a rule broken ----------------------------------------


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of the plugin source tree (what pb_tool.cfg lists, plus pb_tool.cfg)."""
    dst = tmp_path / "src"
    dst.mkdir()
    for name in ("__init__.py", "metadata.txt", "LICENSE", "README.md", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, dst / name)
    shutil.copy2(ROOT / "pb_tool.cfg", dst / "pb_tool.cfg")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.gpkg-wal", "*.gpkg-shm")
    for name in (PACKAGE, "resources", "i18n"):
        shutil.copytree(ROOT / name, dst / name, ignore=ignore)
    return dst


def build(tree: Path, tmp_path: Path):
    dist = tmp_path / "dist"
    proc = run_package("--root", str(tree), "--dist", str(dist))
    zips = sorted(dist.glob("*.zip")) if dist.exists() else []
    return proc, zips


def test_junk_is_left_out(tree, tmp_path):
    (tree / PACKAGE / "__pycache__").mkdir()
    (tree / PACKAGE / "__pycache__" / "plugin.cpython-311.pyc").write_bytes(b"\0" * 16)
    (tree / PACKAGE / "engine" / "stale.pyc").write_bytes(b"\0" * 16)
    (tree / "resources" / ".DS_Store").write_bytes(b"x")
    (tree / "resources" / "sample" / "aveyron.gpkg-wal").write_bytes(b"x")
    (tree / "i18n" / "notes.txt").write_text("not shipped")
    for dev in ("tests", "scripts", ".git"):
        (tree / dev).mkdir()
        (tree / dev / "x.py").write_text("x = 1\n")
    proc, zips = build(tree, tmp_path)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(zips[0]) as zf:
        names = zf.namelist()
    assert not [n for n in names if "pycache" in n or ".pyc" in n or "/." in n]
    assert not [n for n in names if n.endswith(("-wal", "notes.txt"))]
    assert not [n for n in names if n.split("/")[1] in ("tests", "scripts", ".git")]


def test_missing_qm_is_built(tree, tmp_path):
    if shutil.which("lrelease") is None:
        pytest.skip("lrelease not installed")
    for qm in (tree / "i18n").glob("*.qm"):
        qm.unlink()
    proc, zips = build(tree, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "built i18n/reterr_qgis_fr.qm" in proc.stdout
    with zipfile.ZipFile(zips[0]) as zf:
        assert f"{PACKAGE}/i18n/reterr_qgis_fr.qm" in zf.namelist()


@pytest.mark.parametrize(
    "breakage, expected",
    [
        ("no_license", "LICENSE"),
        ("no_tracker", "tracker"),
        ("bad_repository", "repository is not a valid http(s) URL"),
        ("slash_author", "author cannot contain slashes"),
        ("no_icon", "icon"),
        ("no_class_factory", "classFactory"),
        ("syntax_error", "does not compile"),
        ("too_big", "25 MB"),
        ("no_ts", "i18n/reterr_qgis_fr.ts"),
    ],
)
def test_violations_fail_without_zip(tree, tmp_path, breakage, expected):
    meta = tree / "metadata.txt"
    text = meta.read_text(encoding="utf-8")
    if breakage == "no_license":
        (tree / "LICENSE").unlink()
    elif breakage == "no_tracker":
        meta.write_text(
            "\n".join(ln for ln in text.splitlines() if not ln.startswith("tracker=")),
            encoding="utf-8",
        )
    elif breakage == "bad_repository":
        meta.write_text(text.replace("repository=https://", "repository=github:"), "utf-8")
    elif breakage == "slash_author":
        meta.write_text(text.replace("author=", "author=A / B, "), encoding="utf-8")
    elif breakage == "no_icon":
        (tree / "resources" / "icons" / "reterr.svg").unlink()
    elif breakage == "no_class_factory":
        (tree / "__init__.py").write_text('"""No entry point."""\n', encoding="utf-8")
    elif breakage == "syntax_error":
        (tree / PACKAGE / "engine" / "broken.py").write_text("def f(:\n", encoding="utf-8")
    elif breakage == "too_big":
        (tree / "resources" / "noise.bin").write_bytes(os.urandom(25_500_000))
    elif breakage == "no_ts":
        for f in (tree / "i18n").iterdir():
            f.unlink()
    proc, zips = build(tree, tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "NOT PACKAGED" in proc.stderr
    assert expected in proc.stderr, proc.stderr
    assert zips == [], "a zip was left behind despite the violation"
    assert not list((tmp_path / "dist").glob(".*")), "a temporary file was left behind"
