"""Calls QGIS 3.40 reports as deprecated go through ``adapters/compat.py``, which uses the new API
where it exists (``parameterAsStrings``, a label's text format) and the old one on QGIS 3.22."""

import ast
import warnings
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis
PACKAGE = Path(__file__).resolve().parents[3] / "reterr_qgis"
COMPAT = PACKAGE / "adapters" / "compat.py"


def _deprecated_calls(path: Path) -> list[str]:
    """``x.parameterAsFields(...)`` and ``x.saveDefaultStyle()`` anywhere, and ``font()`` /
    ``setFont()`` on a layout label (the plugin's names for a ``QgsLayoutItemLabel`` are ``item``
    and ``label``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        receiver = node.func.value
        on_label = isinstance(receiver, ast.Name) and receiver.id in {"item", "label"}
        bare_style = name == "saveDefaultStyle" and not node.args
        if name == "parameterAsFields" or bare_style or (on_label and name in {"font", "setFont"}):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {name}()")
    return found


def test_no_deprecated_call_outside_compat():
    modules = [p for p in PACKAGE.rglob("*.py") if p != COMPAT and "gui" not in p.parts]
    offenders = [hit for p in modules for hit in _deprecated_calls(p)]
    assert offenders == []


def test_parameter_as_fields_reads_a_multiple_field_parameter(qgis_app):
    from qgis.core import (
        QgsProcessingAlgorithm,
        QgsProcessingContext,
        QgsProcessingParameterField,
    )

    from reterr_qgis.adapters import compat

    class Alg(QgsProcessingAlgorithm):
        def name(self):
            return "fields"

        def createInstance(self):
            return Alg()

        def initAlgorithm(self, config=None):
            self.addParameter(
                QgsProcessingParameterField("FIELDS", "fields", allowMultiple=True, optional=True)
            )

        def processAlgorithm(self, parameters, context, feedback):
            return {}

    alg = Alg()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        assert compat.parameter_as_fields(alg, {"FIELDS": ["pop", "age"]}, "FIELDS", context) == [
            "pop",
            "age",
        ]
        assert compat.parameter_as_fields(alg, {"FIELDS": "pop;age"}, "FIELDS", context) == [
            "pop",
            "age",
        ]
        assert compat.parameter_as_fields(alg, {}, "FIELDS", context) == []


def test_label_font_round_trip_without_deprecation(qgis_app):
    from qgis.core import QgsLayoutItemLabel, QgsPrintLayout, QgsProject
    from qgis.PyQt.QtGui import QColor, QFont

    from reterr_qgis.adapters import compat

    layout = QgsPrintLayout(QgsProject.instance())
    label = QgsLayoutItemLabel(layout)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    font.setBold(True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        if hasattr(label, "setTextFormat"):  # QGIS 3.24+: the colour set before is kept
            fmt = label.textFormat()
            fmt.setColor(QColor("#123456"))
            label.setTextFormat(fmt)
        compat.set_label_font(label, font)
        got = compat.label_font(label)
        if hasattr(label, "textFormat"):
            assert label.textFormat().size() == pytest.approx(7.5)
            assert label.textFormat().color().name() == "#123456"
    assert got.family() == "DejaVu Sans"
    assert got.bold()
    assert got.pointSizeF() == pytest.approx(7.5)


def test_save_qml_default_style_writes_the_qml(qgis_app, tmp_path):
    from qgis.core import QgsVectorFileWriter, QgsVectorLayer

    from reterr_qgis.adapters import compat

    memory = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "pts", "memory")
    path = str(tmp_path / "pts.shp")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    written = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, path, memory.transformContext(), options
    )
    assert written[0] == QgsVectorFileWriter.NoError
    layer = QgsVectorLayer(path, "pts", "ogr")
    layer.setFieldAlias(0, "Nom de la commune")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        _message, ok = compat.save_qml_default_style(layer)
    assert ok
    assert "Nom de la commune" in (tmp_path / "pts.qml").read_text(encoding="utf-8")
