"""Ready for QGIS 4 (Qt 6): a static scan of the plugin's code, and compat's scoped-enum lookups.

The scan reads every ``.py`` of the plugin as shipped (the root ``__init__.py`` and
``reterr_qgis/``) with :mod:`ast` and fails on what QGIS's own migration script
(``qgis/QGIS: scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py``) rewrites or warns about, and what
``flake8-qgis`` reports as its Qt 6 rules (QGS103/104, QGS107, QGS401-QGS410):

* PyQt5/PyQt6/sip imported directly instead of through ``qgis.PyQt``;
* ``exec_`` (calls and definitions);
* unscoped Qt enum members (``Qt.AlignLeft``, ``QSizePolicy.Expanding``, ``QFont.Bold`` ...): the
  table of ``(class, member) -> enum`` is built as the migration script builds it, by walking the
  classes of the Qt modules of the PyQt installed here (PyQt5 5.15 or PyQt6);
* ``QVariant.<Type>`` and ``QVariant()`` outside ``adapters/compat.py``; ``QRegExp``,
  ``QDesktopWidget``, QtWebKit, ``qApp``, ``.toPyObject``, ``.desktop()``, ``activated[str]``;
* old unscoped QGIS enum spellings (``QgsProcessing.TypeVectorPolygon``, ``QgsWkbTypes.Unknown``,
  ``Qgis.Info`` ...) outside ``adapters/compat.py``, which is the one place for them.

The second part evaluates compat's module-level lookups against fake QGIS 4 classes that hold
only the new scoped names (``Qgis.ProcessingSourceType.VectorPolygon`` ...), and against fake
QGIS 3.40 classes holding both spellings, where the new one must win.
"""

from __future__ import annotations

import ast
import configparser
import enum
import importlib
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "reterr_qgis"
COMPAT = PACKAGE / "adapters" / "compat.py"

QT_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtXml",
    "QtNetwork",
    "QtPrintSupport",
    "QtSvg",
    "QtSql",
    "QtTest",
)
REMOVED_NAMES = {
    "QRegExp": "QRegExp is removed in Qt6: use QRegularExpression",
    "QRegExpValidator": "QRegExpValidator is removed in Qt6: use QRegularExpressionValidator",
    "QDesktopWidget": "QDesktopWidget is removed in Qt6: use QScreen",
    "qApp": "qApp is removed in PyQt6: use QApplication.instance()",
    "QtWebKit": "QtWebKit is removed in Qt6",
    "QtWebKitWidgets": "QtWebKit is removed in Qt6",
}
QGIS_OWNER = re.compile(r"^(Qgs\w+|Qgis)$")
CAMEL_MEMBER = re.compile(r"^[A-Z][a-z]\w*$")


def plugin_files() -> list[Path]:
    return [ROOT / "__init__.py", *sorted(PACKAGE.rglob("*.py"))]


def _is_enum_type(obj: object) -> bool:
    if not inspect.isclass(obj):
        return False
    if issubclass(obj, enum.Enum):
        return True
    return type(obj).__name__ == "enumtype"  # sip enums (PyQt5)


def qt_enum_table() -> dict[tuple[str, str], str]:
    """``(class name, member) -> enum name`` for the Qt classes, as the migration script builds it.

    Members reachable through a subclass (``QDialog.Accepted``, ``QLabel.NoFrame``) are listed
    under the subclass too; names that are enums themselves are left out.
    """
    pyqt = None
    for name in ("PyQt5", "PyQt6"):
        try:
            pyqt = importlib.import_module(name)
            break
        except ImportError:
            continue
    if pyqt is None:  # pragma: no cover - QGIS always ships one
        pytest.skip("neither PyQt5 nor PyQt6 is importable: no Qt enum table")
    table: dict[tuple[str, str], str] = {}
    for module_name in QT_MODULES:
        try:
            module = importlib.import_module(f"{pyqt.__name__}.{module_name}")
        except ImportError:
            continue
        for cls_name, cls in vars(module).items():
            if not inspect.isclass(cls) or not cls_name.startswith("Q"):
                continue
            for attr in dir(cls):
                if attr.startswith("_"):
                    continue
                try:
                    value = getattr(cls, attr)
                except Exception:
                    continue
                if _is_enum_type(value):
                    if issubclass(value, enum.Enum):  # PyQt6: members live in the enum only
                        for member in value.__members__:
                            table.setdefault((cls_name, member), value.__name__)
                    continue
                if _is_enum_type(type(value)):  # PyQt5: members are class attributes too
                    table[(cls_name, attr)] = type(value).__name__
    enum_names = {(c, e) for (c, _m), e in table.items()}
    return {k: v for k, v in table.items() if k not in enum_names}


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def scan_source(source: str, name: str, qt_enums: dict, *, is_compat: bool = False) -> list[str]:
    """Findings ``"name:line: message"`` for one module's source."""
    tree = ast.parse(source, filename=name)
    parents = _parents(tree)
    found: list[str] = []

    def add(node: ast.AST, message: str) -> None:
        found.append(f"{name}:{node.lineno}: {message}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in ("PyQt5", "PyQt6", "sip"):
                    add(node, f"import {alias.name}: import through qgis.PyQt")
                if any(part in REMOVED_NAMES for part in alias.name.split(".")):
                    add(node, REMOVED_NAMES[alias.name.split(".")[-1]])
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                add(node, f"from {module} import: import through qgis.PyQt")
            for part in module.split("."):
                if part in REMOVED_NAMES:
                    add(node, REMOVED_NAMES[part])
            for alias in node.names:
                if alias.name in REMOVED_NAMES:
                    add(node, REMOVED_NAMES[alias.name])
                if alias.name == "resources_rc":
                    add(node, "compiled resources are not supported by PyQt6")
        elif isinstance(node, ast.Name):
            if node.id in REMOVED_NAMES and isinstance(node.ctx, ast.Load):
                add(node, REMOVED_NAMES[node.id])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.name == "exec_":
                add(node, "def exec_: name it exec")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "exec_":
                add(node, "exec_(): use exec()")
            if isinstance(func, ast.Attribute) and func.attr == "desktop" and not node.args:
                add(node, "QApplication.desktop() (QDesktopWidget) is removed in Qt6")
            if isinstance(func, ast.Name) and func.id == "QVariant" and not is_compat:
                add(node, "QVariant(): use qgis.core.NULL")
        elif isinstance(node, ast.Subscript):
            value = node.value
            if (
                isinstance(value, ast.Attribute)
                and value.attr == "activated"
                and isinstance(node.slice, ast.Name)
                and node.slice.id == "str"
            ):
                add(node, "activated[str] is removed in Qt6: use textActivated")
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr == "toPyObject":
            add(node, ".toPyObject() does not exist in PyQt5/PyQt6 (API v2)")
        if node.attr in REMOVED_NAMES and node.attr != "qApp":
            add(node, REMOVED_NAMES[node.attr])
        if not isinstance(node.value, ast.Name):
            continue
        owner, member = node.value.id, node.attr
        parent = parents.get(node)
        if owner == "QVariant":  # compat keeps the Qt5 field types as its fallback
            if not is_compat:
                add(node, f"QVariant.{member}: use the field types of adapters.compat (QMetaType)")
            continue
        if (owner, member) in qt_enums and not isinstance(parent, ast.Attribute):
            add(
                node,
                f"{owner}.{member}: unscoped enum, use {owner}.{qt_enums[owner, member]}.{member}",
            )
            continue
        if (
            not is_compat
            and QGIS_OWNER.match(owner)
            and CAMEL_MEMBER.match(member)
            and not isinstance(parent, ast.Attribute)
            and not (isinstance(parent, ast.Call) and parent.func is node)
        ):
            add(node, f"{owner}.{member}: old unscoped QGIS enum, go through adapters.compat")
    return found


@pytest.fixture(scope="module")
def qt_enums() -> dict[tuple[str, str], str]:
    return qt_enum_table()


def test_enum_table_is_built_like_the_migration_script(qt_enums):
    assert qt_enums[("Qt", "AlignLeft")] == "AlignmentFlag"
    assert qt_enums[("QSizePolicy", "Expanding")] == "Policy"
    assert qt_enums[("QPainter", "Antialiasing")] == "RenderHint"
    assert qt_enums[("QFont", "Bold")] == "Weight"
    assert qt_enums[("QMessageBox", "Yes")] == "StandardButton"
    assert qt_enums[("QDialog", "Accepted")] == "DialogCode"
    assert ("Qt", "AlignmentFlag") not in qt_enums


def test_scanner_catches_pyqt5_only_constructs(qt_enums):
    bad = """
from PyQt5.QtCore import Qt
import sip
from qgis.PyQt.QtCore import QRegExp, QVariant
from qgis.PyQt.QtWidgets import QDesktopWidget
from qgis.core import QgsProcessing, Qgis
a = Qt.AlignLeft
b = QSizePolicy.Expanding
c = QPainter.Antialiasing | QFont.Bold
d = QMessageBox.Yes
dialog.exec_()
t = QVariant.Int
n = QVariant()
v = x.toPyObject()
s = QgsProcessing.TypeVectorPolygon
lvl = Qgis.Info
w = QApplication.desktop()
combo.activated[str].connect(f)
"""
    found = "\n".join(scan_source(bad, "bad.py", qt_enums))
    for needle in (
        "from PyQt5.QtCore",
        "import sip",
        "QRegExp",
        "QDesktopWidget",
        "Qt.AlignLeft",
        "QSizePolicy.Expanding",
        "QPainter.Antialiasing",
        "QFont.Bold",
        "QMessageBox.Yes",
        "exec_()",
        "QVariant.Int",
        "QVariant()",
        "toPyObject",
        "QgsProcessing.TypeVectorPolygon",
        "Qgis.Info",
        "desktop()",
        "activated[str]",
    ):
        assert needle in found, needle
    good = """
from qgis.PyQt.QtCore import Qt
from qgis.PyQt import sip
from qgis.core import Qgis, QgsProcessing, QgsProject
a = Qt.AlignmentFlag.AlignLeft
b = QSizePolicy.Policy.Expanding
d = dialog.exec()
s = Qgis.ProcessingSourceType.VectorPolygon
p = QgsProject.instance()
o = QgsProcessing.TEMPORARY_OUTPUT
r = QgsFeatureRequest.OrderBy([])
"""
    assert scan_source(good, "good.py", qt_enums) == []


def test_plugin_code_is_qt6_ready(qt_enums):
    files = plugin_files()
    assert len(files) > 50
    findings = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        findings += scan_source(
            path.read_text(encoding="utf-8"), rel, qt_enums, is_compat=path == COMPAT
        )
    assert findings == [], "\n".join(findings)


def scoped_qt_enums(source: str) -> set[tuple[str, str, str]]:
    """``(class, enum, member)`` for each fully scoped Qt enum spelling of a module."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id.startswith("Q")
            and not node.value.value.id.startswith(("Qgs", "Qgis"))
        ):
            out.add((node.value.value.id, node.value.attr, node.attr))
    return out


def test_scoped_qt_enums_exist_on_this_pyqt(qt_enums):
    """Every ``QtClass.Enum.Member`` the plugin spells resolves on the PyQt installed here."""
    enums = {(cls, name) for (cls, _member), name in qt_enums.items()}
    used = set()
    for path in plugin_files():
        used |= scoped_qt_enums(path.read_text(encoding="utf-8"))
    used = {u for u in used if (u[0], u[1]) in enums}
    assert len(used) > 10  # the plugin paints (radar, dock): it does use Qt enums
    wrong = sorted(".".join(u) for u in used if qt_enums.get((u[0], u[2])) != u[1])
    assert wrong == []


def test_metadata_declares_qt6():
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(ROOT / "metadata.txt", encoding="utf-8")
    general = cfg["general"]
    assert general.get("supportsQt6", "").strip().lower() == "true"
    assert float(general["qgisMaximumVersion"]) >= 4.0
    assert float(general["qgisMinimumVersion"]) <= 3.22


# --- compat: the new scoped spelling first ------------------------------------------------------

#: The scoped enums of QGIS ≥ 3.36 and of QGIS 4 (Qt 6) that compat needs, by owner. In QGIS 4
#: the old unscoped names (``QgsProcessing.TypeVectorPolygon``, ``QgsWkbTypes.PolygonGeometry``
#: ...) are gone, and several members were renamed when they were scoped.
QGIS4_ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Qgis": {
        "ProcessingSourceType": (
            "VectorPolygon",
            "VectorAnyGeometry",
            "VectorPoint",
            "VectorLine",
            "Vector",
        ),
        "ProcessingNumberParameterType": ("Integer", "Double"),
        "ProcessingFieldParameterDataType": ("Numeric", "Any"),
        "ProcessingParameterFlag": ("Advanced",),
        "ProcessingAlgorithmFlag": ("NoThreading",),
        "FeatureRequestFlag": ("NoGeometry",),
        "InvalidGeometryCheck": ("NoCheck",),
        "ProcessingFeatureSourceFlag": ("SkipGeometryValidityChecks",),
        "LabelPlacement": ("AroundPoint",),
        "MessageLevel": ("Info", "Warning", "Critical"),
        "TextRenderFormat": ("AlwaysText",),
        "WkbType": ("MultiPolygon", "Point", "LineString", "NoGeometry", "Unknown"),
        "GeometryType": ("Polygon", "Point"),
        "DistanceUnit": ("Meters",),
        "LayerFilter": ("VectorLayer",),
        "LayoutUnit": ("Millimeters",),
        "ScaleBarSegmentSizeMode": ("FitWidth",),
        "PropertyType": ("Static",),
    },
    "QgsFeatureSink": {"Flag": ("FastInsert",)},
    "QgsPalLayerSettings": {"Property": ("Priority",)},
    "QgsLayoutExporter": {"ExportResult": ("Success",)},
    "QgsFieldProxyModel": {"Filter": ("AllTypes",)},
    "QgsTask": {"Flag": ("CanCancel",)},
    "QgsLayoutTable": {
        "WrapBehavior": ("WrapText",),
        "HeaderMode": ("NoHeaders",),
        "EmptyTableMode": ("HideTable",),
    },
    "QgsLayoutItemMap": {"AtlasScalingMode": ("Auto",)},
    "Qt": {"SortOrder": ("AscendingOrder",)},
}


class _Old:
    """A QGIS 3.x class as seen from compat: every old unscoped name exists."""

    def __init__(self, owner: str, scoped: dict[str, type] | None = None):
        self._owner = owner
        for enum_name, cls in (scoped or {}).items():
            setattr(self, enum_name, cls)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return f"OLD {self._owner}.{name}"


def _fake_owners(with_old_names: bool) -> dict[str, object]:
    owners: dict[str, object] = {}
    for owner, enums in QGIS4_ENUMS.items():
        scoped = {
            enum_name: type(enum_name, (), {m: f"NEW {owner}.{enum_name}.{m}" for m in members})
            for enum_name, members in enums.items()
        }
        if with_old_names:
            owners[owner] = _Old(owner, scoped)
        else:
            owners[owner] = type(owner, (), scoped)
    return owners


def _compat_lookups() -> list[tuple[str, ast.expr]]:
    """``(constant, call)`` for each module-level ``X = _first(...)`` / ``_scoped(...)`` of compat."""
    tree = ast.parse(COMPAT.read_text(encoding="utf-8"))
    out = []
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in ("_first", "_scoped")
        ):
            out.append((node.targets[0].id, node.value))
    return out


def _evaluate(call: ast.expr, owners: dict[str, object], with_old_names: bool):
    from reterr_qgis.adapters import compat

    names = {node.id for node in ast.walk(call) if isinstance(node, ast.Name)}
    namespace: dict[str, object] = {"_first": compat._first, "_scoped": compat._scoped}
    for name in names - set(namespace):
        if name in owners:
            namespace[name] = owners[name]
        else:  # a class whose enums all moved to Qgis: empty in QGIS 4
            namespace[name] = _Old(name) if with_old_names else type(name, (), {})
    code = compile(ast.Expression(call), str(COMPAT), "eval")
    return eval(code, namespace)


def test_compat_resolves_on_qgis4_names_only():
    lookups = _compat_lookups()
    assert len(lookups) >= 30
    owners = _fake_owners(with_old_names=False)
    failures = []
    for constant, call in lookups:
        try:
            value = _evaluate(call, owners, with_old_names=False)
        except AttributeError as exc:
            failures.append(f"{constant}: {exc}")
            continue
        if not str(value).startswith("NEW "):
            failures.append(f"{constant}: {value}")
    assert failures == [], "\n".join(failures)


def test_compat_prefers_the_new_spelling_when_both_exist():
    owners = _fake_owners(with_old_names=True)
    picked = {
        constant: _evaluate(call, owners, with_old_names=True)
        for constant, call in _compat_lookups()
    }
    old = {c: v for c, v in picked.items() if not str(v).startswith("NEW ")}
    assert old == {}
