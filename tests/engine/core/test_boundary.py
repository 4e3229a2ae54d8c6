"""The engine boundary, checked mechanically: ``reterr_qgis.engine`` imports neither QGIS nor Qt.

Two independent proofs:

* dynamic: a fresh interpreter (the project venv, which *can* import QGIS and PyQt5) installs an
  import hook that refuses ``qgis``, ``PyQt*``, ``PySide*`` and ``sip``, then imports every module of
  the engine; each must import, none may have tried a refused import itself, and none of those
  packages may end up in ``sys.modules``;
* static: an AST scan of every engine file for such imports anywhere (also inside functions and
  ``try`` blocks, and through ``__import__``/``importlib.import_module``), and for relative imports
  that leave the engine (the adapters and Processing layers import QGIS).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ENGINE = ROOT / "reterr_qgis" / "engine"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
BLOCKED = ("qgis", "PyQt4", "PyQt5", "PyQt6", "PySide", "PySide2", "PySide6", "sip", "shiboken2")


def is_blocked(module: str) -> bool:
    top = module.split(".")[0]
    return top in BLOCKED or top.startswith(("PyQt", "PySide", "shiboken"))


# Runs in a fresh interpreter: argv[1] = repository root. Prints one JSON report.
PROBE = r"""
import importlib, importlib.abc, json, pkgutil, sys, traceback

ROOT = sys.argv[1]
BLOCKED = set(json.loads(sys.argv[2]))
ENGINE_DIR = ROOT + "/reterr_qgis/engine/"
attempts = []


def blocked(name):
    top = name.split(".")[0]
    return top in BLOCKED or top.startswith(("PyQt", "PySide", "shiboken"))


class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if not blocked(name):
            return None
        # The first frame outside the import machinery is the module asking for the import.
        frame, importer = sys._getframe(1), None
        while frame is not None:
            fname = frame.f_code.co_filename
            if not fname.startswith("<frozen") and "importlib" not in fname:
                importer = fname
                break
            frame = frame.f_back
        attempts.append({"module": name, "importer": importer})
        raise ImportError(f"import of {name!r} refused by the engine boundary test")


sys.meta_path.insert(0, Refuse())
sys.path.insert(0, ROOT)

report = {"hook_works": False, "imported": [], "failed": {}, "attempts": attempts}
try:
    import qgis.core  # noqa: F401  (must be refused: proves the hook is active)
except ImportError:
    report["hook_works"] = True
attempts.clear()

names = ["reterr_qgis.engine"]
try:
    import reterr_qgis.engine as engine

    report["engine_file"] = engine.__file__
    names += [m.name for m in pkgutil.walk_packages(engine.__path__, prefix="reterr_qgis.engine.")]
except Exception:
    report["engine_file"] = None
for name in names:
    try:
        importlib.import_module(name)
        report["imported"].append(name)
    except Exception:
        report["failed"][name] = traceback.format_exc()
report["loaded_blocked"] = sorted(m for m in sys.modules if blocked(m))
print(json.dumps(report))
"""


def engine_files() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def test_engine_exists():
    names = {p.name for p in engine_files()}
    assert {"__init__.py", "errors.py", "territory.py", "zones.py", "search.py"} <= names


@pytest.mark.skipif(not VENV_PYTHON.exists(), reason="project venv not created (make setup)")
def test_engine_imports_without_qgis_or_qt():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    proc = subprocess.run(
        [str(VENV_PYTHON), "-c", PROBE, str(ROOT), json.dumps(BLOCKED)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["hook_works"], "the import hook did not refuse qgis.core"
    assert report["failed"] == {}, "\n".join(report["failed"].values())
    assert Path(report["engine_file"]).resolve() == ENGINE / "__init__.py"
    expected = {module_name(p).removesuffix(".__init__") for p in engine_files()}
    assert expected <= set(report["imported"]), expected - set(report["imported"])
    # No engine module asked for a refused import (a third-party library probing optionally for
    # Qt would be harmless, and would show up here with its own file as importer).
    engine_dir = str(ENGINE)
    own = [a for a in report["attempts"] if a["importer"] and a["importer"].startswith(engine_dir)]
    assert own == [], own
    assert report["loaded_blocked"] == []


def scan_source(source: str, module: str) -> list[str]:
    """Forbidden imports in ``source`` of the engine module ``module`` (dotted name)."""
    problems = []
    package = module.rsplit(".", 1)[0] if not module.endswith("__init__") else module[:-9]
    tree = ast.parse(source)
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            problems += [f"{line}: import {a.name}" for a in node.names if is_blocked(a.name)]
            problems += [
                f"{line}: import {a.name} (outside the engine)"
                for a in node.names
                if a.name.split(".")[0] == "reterr_qgis"
                and not a.name.startswith("reterr_qgis.engine")
            ]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if is_blocked(target):
                problems.append(f"{line}: from {target} import ...")
            elif target.split(".")[0] == "reterr_qgis" and not (
                target == "reterr_qgis.engine" or target.startswith("reterr_qgis.engine.")
            ):
                problems.append(f"{line}: from {target} import ... (outside the engine)")
        elif isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name in ("__import__", "import_module") and node.args:
                arg = node.args[0]
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and is_blocked(arg.value)
                ):
                    problems.append(f"{line}: {name}({arg.value!r})")
    return problems


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    return ".".join(rel.parts)


def test_engine_source_has_no_qgis_or_qt_import():
    problems = {}
    for path in engine_files():
        found = scan_source(path.read_text(encoding="utf-8"), module_name(path))
        if found:
            problems[str(path.relative_to(ROOT))] = found
    assert problems == {}


def test_scanner_catches_forbidden_imports():
    """The static scan must be able to fail: every way of importing Qt or QGIS is caught."""
    mod = "reterr_qgis.engine.example"
    bad = {
        "import qgis.core": 1,
        "from qgis.PyQt.QtCore import QCoreApplication": 1,
        "import PyQt5.QtCore as qc": 1,
        "from PySide6 import QtCore": 1,
        "import sip": 1,
        "def f():\n    try:\n        from qgis.core import QgsGeometry\n    except ImportError:\n"
        "        pass": 1,
        "__import__('qgis.core')": 1,
        "import importlib\nimportlib.import_module('PyQt5.QtWidgets')": 1,
        "from ..adapters import layers": 1,
        "from ..processing.base import warn": 1,
        "import reterr_qgis.adapters.log": 1,
    }
    for source, n in bad.items():
        assert len(scan_source(source, mod)) == n, source
    good = [
        "from .errors import InputError",
        "from . import profile",
        "from reterr_qgis.engine.core.errors import InputError",
        "import numpy as np\nfrom scipy import sparse\nimport shapely",
        "import qgisish_lib",  # a different package that merely starts with the letters
    ]
    for source in good:
        assert scan_source(source, mod) == [], source
    assert scan_source("from .errors import InputError", "reterr_qgis.engine.__init__") == []
    assert scan_source("from ..about import x", "reterr_qgis.engine.__init__") != []


# -- the layers above the engine -----------------------------------------------------------------

PACKAGE = ROOT / "reterr_qgis"
#: Layer → the layers it must never import (directly, relatively, or inside a function).
LAYER_RULES = {
    "engine": ("adapters", "report", "processing", "gui", "plugin"),
    "adapters": ("report", "processing", "gui", "plugin"),
    "report": ("processing", "gui", "plugin"),
    "processing": ("gui", "plugin"),
}


def imported_modules(source: str, module: str) -> list[tuple[int, str]]:
    """Every ``reterr_qgis`` module (dotted, without the package prefix) that ``source`` imports."""
    package = module.rsplit(".", 1)[0] if not module.endswith("__init__") else module[:-9]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((node.lineno, target))
            # "from .. import gui" names a layer as the imported name
            out += [(node.lineno, f"{target}.{a.name}") for a in node.names]
    return [
        (line, name.split(".", 1)[1])
        for line, name in out
        if name.startswith("reterr_qgis.") and name.count(".") >= 1
    ]


def layer_violations(source: str, module: str) -> list[str]:
    layer = module.split(".")[1]
    banned = LAYER_RULES.get(layer, ())
    return [
        f"{line}: imports reterr_qgis.{name}"
        for line, name in imported_modules(source, module)
        if name.split(".")[0] in banned
    ]


def test_layers_never_import_upwards():
    """adapters/ never imports report/, processing/ or gui/; report/ never processing/ or gui/;
    processing/ never gui/ (the rules of ARCHITECTURE.md)."""
    problems = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        found = layer_violations(path.read_text(encoding="utf-8"), module_name(path))
        if found:
            problems[str(path.relative_to(ROOT))] = found
    assert problems == {}


def test_layer_scanner_can_fail():
    assert layer_violations("from ..gui.radar import RadarWidget", "reterr_qgis.adapters.x")
    assert layer_violations("from ...processing.base import warn", "reterr_qgis.adapters.a.b")
    assert layer_violations("from .. import processing", "reterr_qgis.report.x")
    assert layer_violations("def f():\n    from ..gui import dock", "reterr_qgis.report.x")
    assert layer_violations("import reterr_qgis.gui.dock", "reterr_qgis.processing.x")
    assert not layer_violations("from ..report.radar import paint", "reterr_qgis.gui.dock")
    assert not layer_violations("from ..adapters import compat", "reterr_qgis.report.x")
    assert not layer_violations("from .common import inputs", "reterr_qgis.processing.x")
