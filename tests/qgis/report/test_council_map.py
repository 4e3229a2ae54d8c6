"""The council map's building blocks, without Processing: template, classes, labels, key figures."""

from __future__ import annotations

import math

import numpy as np
import pytest

pytestmark = pytest.mark.qgis


@pytest.fixture(scope="module")
def cm(qgis_app):
    from reterr_qgis.report import council_map

    return council_map


def squares(rows, fields="nom:string&field=population:double&field=share_65p:double"):
    """A memory layer of 1 km squares in Lambert-93, one per row of attributes."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    layer = QgsVectorLayer(f"Polygon?crs=EPSG:2154&field={fields}", "communes", "memory")
    feats = []
    for i, row in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        x = 700_000 + 1000 * i
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, 6_300_000, x + 1000, 6_301_000)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_key_figures_recompute_the_whole_territory(cm):
    from qgis.PyQt.QtCore import QLocale

    nan = math.nan
    columns = {
        "population": np.array([100.0, 300.0, 0.0]),
        "area_km2": np.array([1.0, 3.0, 1.0]),
        "pop_0_19": np.array([20.0, 60.0, 0.0]),
        "pop_20_64": np.array([50.0, 150.0, 0.0]),
        "pop_65p": np.array([30.0, 90.0, 0.0]),
        "share_65p": np.array([20.0, 30.0, nan]),
    }
    rows = cm.key_figures(columns, "share_65p", "Share 65+", "%", QLocale("en"))
    assert rows == [
        ["Territories mapped", "3"],
        ["Population", "400"],
        ["Area", "5 km²"],
        ["Density", "80.0 inh./km²"],  # 400 inhabitants on 5 km², not the mean of densities
        ["Share 65+, whole territory", "30.0 %"],  # 120 of 400 (summed age groups)
        ["Median of territories", "25.0 %"],
        ["Lowest – highest", "20.0 – 30.0 %"],
        ["Territories without data", "1"],
    ]
    # Without counts: only what the mapped field says, in the locale.
    rows = cm.key_figures({"x": np.array([1.5, 2.5])}, "x", "X", "", QLocale("fr_FR"))
    assert rows == [
        ["Territories mapped", "2"],
        ["Median of territories", "2,0"],
        ["Lowest – highest", "1,5 – 2,5"],
    ]


def test_style_choropleth_classes(cm):
    layer = squares([("A", 10, 1.0), ("B", 20, 1.0), ("C", 30, 2.0)])
    values = np.array([1.0, 1.0, 2.0])
    # Never more classes than distinct values.
    assert cm.style_choropleth(layer, "share_65p", values, 5, "quantile") == cm.Classification(
        "quantile", 2
    )
    assert len(layer.renderer().ranges()) == 2
    # Limits replace the classification.
    got = cm.style_choropleth(layer, "share_65p", values, 5, "jenks", breaks=[1.5])
    assert got == cm.Classification("manual", 2)
    bounds = [(r.lowerValue(), r.upperValue()) for r in layer.renderer().ranges()]
    assert bounds == [(1.0, 1.5), (1.5, 2.0)]
    assert "manual limits, 2 classes" in cm.credit_text("1 janvier 2025", got)


def test_label_towns_keeps_the_largest(cm):
    layer = squares([("A", 10, 1.0), ("B", 30, 1.0), ("C", 20, 2.0)])
    ranks = np.array([10.0, 30.0, 20.0])
    assert cm.label_towns(layer, "nom", 2, "population", ranks)
    assert layer.labelsEnabled()
    rule = layer.labeling().rootRule().children()[0]
    assert rule.filterExpression() == '"population" >= 20.0'
    assert rule.settings().fieldName == "nom"
    # No rank field: every feature is labelled, and the caller is told.
    other = squares([("A", 10, 1.0)])
    assert not cm.label_towns(other, "nom", 2, "", None)
    assert other.labeling().rootRule().children()[0].filterExpression() == "TRUE"
    # No labels asked, or no such field: nothing labelled.
    none = squares([("A", 10, 1.0)])
    assert cm.label_towns(none, "nom", 0, "population", np.array([10.0]))
    assert cm.label_towns(none, "missing", 3, "population", np.array([10.0]))
    assert not none.labelsEnabled()


def test_templates(cm, tmp_path):
    from qgis.core import QgsLayoutItemMap, QgsProject

    from reterr_qgis.adapters.layers import error_message
    from reterr_qgis.engine.core.errors import InputError

    project = QgsProject()
    layout = cm.load_template(project, cm.default_template())
    assert isinstance(layout.itemById("map"), QgsLayoutItemMap)
    assert layout.project() is project

    bad = tmp_path / "bad.qpt"
    bad.write_text("<Layout", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        cm.load_template(project, str(bad))
    assert excinfo.value.context == "ExportCouncilMap"
    assert error_message(excinfo.value) == f"The layout template {bad} is not valid XML."
    no_map = tmp_path / "no_map.qpt"
    no_map.write_text('<Layout name="x" units="mm"></Layout>', encoding="utf-8")
    with pytest.raises(InputError, match="no map item with id 'map'"):
        cm.load_template(project, str(no_map))
    with pytest.raises(InputError, match="Cannot read the layout template"):
        cm.load_template(project, str(tmp_path / "missing.qpt"))


def test_cancel_before_the_export_writes_nothing(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelWhenBuilt(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress >= 40:  # the page is built, the export not started
                self.cancel()

    layer = squares([("A", 10, 1.0), ("B", 30, 2.0)])
    pdf = tmp_path / "m.pdf"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:export_council_map",
            {"INPUT": layer, "FIELD": "share_65p", "OUTPUT_PDF": str(pdf)},
            feedback=CancelWhenBuilt(),
        )
    assert not pdf.exists()


def flow_lines(rows):
    """A memory line layer of flows ``(famille, vol_ha)`` across the squares of :func:`squares`."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(
        "LineString?crs=EPSG:2154&field=famille:string&field=vol_ha:double", "flux", "memory"
    )
    feats = []
    for i, row in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        a = QgsPointXY(700_500 + 1000 * i, 6_300_500)
        b = QgsPointXY(701_500 + 1000 * i, 6_300_500)
        f.setGeometry(QgsGeometry.fromPolylineXY([a, b]))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_flow_layer_arrows_by_family(cm):
    flows = flow_lines([("cereales", 10.0), ("fourrages", 40.0)])
    styled = cm.flow_layer(flows, "Flux", "vol_ha", "famille", {"cereales": "Céréales"})
    assert styled.name() == "Flux" and flows.renderer().type() == "singleSymbol"
    renderer = styled.renderer()
    assert renderer.type() == "categorizedSymbol"
    assert [c.label() for c in renderer.categories()] == ["Céréales", "fourrages"]


def test_council_map_draws_the_flows(run_alg, tmp_path):
    from PIL import Image

    layer = squares([("A", 10, 1.0), ("B", 30, 2.0), ("C", 20, 3.0)])
    base = {"INPUT": layer, "FIELD": "share_65p", "DPI": 100}
    plain = run_alg(
        "reterr:export_council_map",
        {**base, "OUTPUT_PDF": str(tmp_path / "a.pdf"), "OUTPUT_PNG": str(tmp_path / "a.png")},
    )
    flows = flow_lines([("cereales", 10.0), ("fourrages", 40.0)])
    drawn = run_alg(
        "reterr:export_council_map",
        {
            **base,
            "FLOWS": flows,
            "FLOWS_LABEL": "Flux",
            "OUTPUT_PDF": str(tmp_path / "b.pdf"),
            "OUTPUT_PNG": str(tmp_path / "b.png"),
        },
    )
    a = np.asarray(Image.open(plain["OUTPUT_PNG"]).convert("RGB"), dtype=np.int16)
    b = np.asarray(Image.open(drawn["OUTPUT_PNG"]).convert("RGB"), dtype=np.int16)
    assert a.shape == b.shape
    # Arrows over the map and their legend entries: some hundreds of pixels change.
    assert (np.abs(a - b).sum(axis=2) > 60).sum() > 200
    empty = flow_lines([])
    res = run_alg(
        "reterr:export_council_map",
        {**base, "FLOWS": empty, "OUTPUT_PDF": str(tmp_path / "c.pdf")},
    )
    assert any("no flow drawn" in w for w in res["_feedback"].warnings)
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="holding the volumes"):
        run_alg(
            "reterr:export_council_map",
            {
                **base,
                "FLOWS": flows,
                "FLOWS_VOLUME_FIELD": "tonnes",
                "OUTPUT_PDF": str(tmp_path / "d.pdf"),
            },
        )
    assert not (tmp_path / "d.pdf").exists()
