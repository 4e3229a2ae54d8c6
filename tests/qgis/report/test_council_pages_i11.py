"""Council pages that hold on any territory (issue 11, section 3): whole-territory ratios over
complete rows, missing values never classed as 0, zero-heavy and APL classes, a long title in its
box, labels without a rank field, accent-blind territory search, titles and subtitle."""

from __future__ import annotations

import math
import shutil
import subprocess

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

NAN = math.nan


@pytest.fixture(scope="module")
def cm(qgis_app):
    from reterr_qgis.report import council_map

    return council_map


def rects(rows, fields="nom:string&field=code_insee:string&field=share_65p:double", name="t"):
    """A memory layer of rectangles in Lambert-93: rows of (width in m, attributes…)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    layer = QgsVectorLayer(f"Polygon?crs=EPSG:2154&field={fields}", name, "memory")
    feats = []
    x = 700_000
    for width, *attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, 6_300_000, x + width, 6_301_000)))
        x += width + 100
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def bounds(renderer):
    return [(r.lowerValue(), r.upperValue()) for r in renderer.ranges()]


def test_whole_territory_ratio_leaves_out_incomplete_rows(cm):
    from qgis.PyQt.QtCore import QLocale

    columns = {
        "population": np.array([100.0, 300.0, 100.0]),
        "area_km2": np.array([1.0, 3.0, 1.0]),
        "pop_0_19": np.array([20.0, 60.0, 10.0]),
        "pop_20_64": np.array([50.0, 150.0, 20.0]),
        "pop_65p": np.array([30.0, NAN, 70.0]),  # the 65+ count of the second row is missing
        "share_65p": np.array([30.0, NAN, 70.0]),
    }
    rows = dict(map(tuple, cm.key_figures(columns, "share_65p", "Share 65+", "%", QLocale("en"))))
    # Rows 1 and 3 only: 100 aged 65+ of 200 (not 100 of the 410 of all three rows: 24.4 %).
    label = "Share 65+, whole territory (territories left out, counts missing: 1)"
    assert rows[label] == "50.0 %"
    # Population and area are complete: 500 inhabitants on 5 km².
    assert rows["Density"] == "100.0 inh./km²"


def test_missing_values_are_not_classed_as_zero(qgis_app):
    from reterr_qgis.adapters.style import graduated_renderer

    layer = rects(
        [(1000, "A", "1", None), (1000, "B", "2", None)]
        + [(1000, c, str(k), v) for k, (c, v) in enumerate(zip("CDEFG", (5.0, 6.0, 7.0, 8.0, 9.0)))]
    )
    renderer = graduated_renderer(layer, "share_65p", 2, "quantile")
    lows = [r.lowerValue() for r in renderer.ranges()]
    assert min(lows) == 5.0  # not 0: the two NULL do not count
    assert renderer.ranges()[0].label().startswith("5.0 – ")


def test_quantiles_survive_many_zeros(qgis_app):
    from reterr_qgis.adapters.style import class_limits, graduated_renderer

    values = [0.0] * 8 + [5.0, 6.0, 7.0]
    layer = rects([(1000, "x", str(k), v) for k, v in enumerate(values)])
    renderer = graduated_renderer(layer, "share_65p", 5, "quantile")
    labels = [r.label() for r in renderer.ranges()]
    assert "0.0 – 0.0" not in labels
    assert len(set(labels)) == len(labels)
    # Zero is a class of its own; the other values share the four others.
    assert bounds(renderer)[0] == (0.0, 0.0) and labels[0] == "0.0"
    assert bounds(renderer)[1][0] == 5.0
    assert bounds(renderer)[-1][1] == 7.0
    # A minimum shared by many gets its own class, the others never an empty "a – a" class.
    limits = class_limits([1.0, 1.0, 1.0, 1.0, 2.0, 3.0], 5)
    assert limits[0] == (1.0, 1.0)
    assert limits[1:] and all(a < b for a, b in limits[1:])


def test_apl_classes_break_at_the_underserved_threshold(qgis_app):
    from reterr_qgis.adapters.style import graduated_renderer

    values = [1.0, 1.5, 2.0, 2.2, 2.4, 2.6, 3.0, 3.5, 4.0, 5.0]
    layer = rects(
        [(1000, "x", str(k), v) for k, v in enumerate(values)],
        fields="nom:string&field=code_insee:string&field=apl:double",
    )
    renderer = graduated_renderer(layer, "apl", 4, "quantile")
    uppers = [r.upperValue() for r in renderer.ranges()]
    assert 2.5 in uppers
    assert len(uppers) == 4
    for r in renderer.ranges():
        assert r.label().endswith("(under-served)") == (r.upperValue() <= 2.5), r.label()


def test_long_title_wraps_inside_its_box(cm):
    from qgis.core import QgsLayoutUtils, QgsProject

    from reterr_qgis.adapters import compat

    project = QgsProject()
    layout = cm.load_template(project, cm.default_template())
    title = (
        "Part des personnes âgées de 65 ans et plus dans la population des communes de "
        "l'Aveyron en 2021, comparée à la moyenne régionale et nationale"
    )
    cm.fill_texts(layout, title, "Aveyron — 7 décembre 2026", "")
    item = layout.itemById("title")
    font = compat.label_font(item)  # font() is deprecated on QGIS 3.40
    assert font.pointSizeF() < 20
    lines = cm.wrap_lines(item.text(), font, item.rect().width())
    assert len(lines) * QgsLayoutUtils.fontHeightMM(font) <= item.rect().height()
    assert max(QgsLayoutUtils.textWidthMM(font, line) for line in lines) <= item.rect().width()
    # A short title keeps the template's size.
    short = cm.load_template(project, cm.default_template())
    cm.fill_texts(short, "Share aged 65+", "", "")
    assert compat.label_font(short.itemById("title")).pointSizeF() == 20


def test_without_rank_field_the_largest_by_area_are_labelled(cm):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    widths = [100 * (k + 1) for k in range(40)]  # areas 0.1 km² … 4 km²
    layer = rects([(w, f"T{k}", str(k), 1.0) for k, w in enumerate(widths)])
    assert not cm.label_towns(layer, "nom", 40, "", None)
    rule = layer.labeling().rootRule().children()[0]
    expression = QgsExpression(rule.filterExpression())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    labelled = []
    for feat in layer.getFeatures():
        context.setFeature(feat)
        if expression.evaluate(context):
            labelled.append(feat["nom"])
    assert labelled == [f"T{k}" for k in range(25, 40)]  # the 15 largest


def test_territory_search_ignores_accents_and_case(qgis_app):
    from qgis.core import QgsProcessingException

    from reterr_qgis.processing.report.export_council_map import ExportCouncilMap

    layer = rects(
        [
            (1000, "Guéret", "23096", 1.0),
            (1000, "Aubusson", "23008", 2.0),
            (1000, "Saint-Sulpice-le-Guérétois", "23247", 3.0),
        ],
        name="communes",
    )
    alg = ExportCouncilMap()
    ids = {f["nom"]: f.id() for f in layer.getFeatures()}
    assert alg._find_territory(layer, "GUERET") == ids["Guéret"]
    assert alg._find_territory(layer, " guéret ") == ids["Guéret"]
    saint = ids["Saint-Sulpice-le-Guérétois"]
    assert alg._find_territory(layer, "saint sulpice le gueretois") == saint
    with pytest.raises(QgsProcessingException, match="in layer 'communes d'Creuse'"):
        alg._find_territory(layer, "Limoges", "communes d'Creuse")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_titles_subtitle_and_layer_names(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorFileWriter

    layer = rects(
        [(1000, "A", "1", 20.0), (1000, "B", "2", 30.0), (1000, "C", "3", NAN)],
        name="communes",
    )
    gpkg = tmp_path / "export_2021.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "communes"
    written = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(gpkg), layer.transformContext(), options
    )
    assert written[0] == QgsVectorFileWriter.NoError
    source = f"{gpkg}|layername=communes"
    pdf = tmp_path / "m.pdf"
    run_alg(
        "reterr:export_council_map",
        {
            "INPUT": source,
            "FIELD": "share_65p",
            "TITLE": "Seniors in the towns",
            "OUTPUT_PDF": str(pdf),
        },
    )
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert "Seniors in the towns (%)" in text  # the legend: the given title with its unit
    assert "export_2021 —" not in text and "communes —" not in text  # no file or table name
    with pytest.raises(QgsProcessingException) as err:
        run_alg(
            "reterr:export_council_map",
            {
                "INPUT": source,
                "FIELD": "share_65p",
                "PROFILE_TERRITORY": "Nowhere",
                "OUTPUT_PDF": str(tmp_path / "n.pdf"),
            },
        )
    assert "No territory named or coded 'Nowhere' in layer 'communes'" in str(err.value)


def test_values_that_are_not_numbers_are_drawn_as_no_data(cm, run_alg, tmp_path):
    from PIL import Image

    # A NaN stored as a number (not NULL) and a NULL: both missing, both grey.
    rows = [(1000, "A", "1", 20.0), (1000, "B", "2", NAN), (1000, "C", "3", 30.0)]
    layer = rects([*rows, (1000, "D", "4", None)])
    fids = [f.id() for f in layer.getFeatures() if f["nom"] in ("B", "D")]
    nodata = cm.nodata_layer(layer, "share_65p", "No data", fids)
    assert sorted(f["nom"] for f in nodata.getFeatures()) == ["B", "D"]
    assert nodata.name() == "No data"

    res = run_alg(
        "reterr:export_council_map",
        {
            "INPUT": layer,
            "FIELD": "share_65p",
            "N_LABELS": 0,
            "DPI": 100,
            "OUTPUT_PDF": str(tmp_path / "m.pdf"),
            "OUTPUT_PNG": str(tmp_path / "m.png"),
        },
    )
    image = np.asarray(Image.open(res["OUTPUT_PNG"]).convert("RGB"), dtype=np.int16)
    grey = (np.abs(image - np.array([0xD9, 0xD9, 0xD9])).sum(axis=2) <= 6).sum()
    # Each 1 km square is about 44 mm wide on the map (192 mm for 4.3 km), some 28,000 pixels at
    # 100 dpi: both missing squares are grey (one only if the NaN were left out).
    assert grey > 1.5 * 28_000
