"""The resilience dock, offscreen: selection → radar and table, peers, compare, export, tasks."""

from __future__ import annotations

import csv
import time

import pytest
from conftest import fid_by_name


@pytest.fixture
def layer(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

    lyr = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=nom:string&field=siren_epci:string&field=population:integer"
        "&field=share_65p:double&field=share_0_19:double&field=apl_2021:double"
        "&field=apl_2024:double&field=emplois:double",
        "territoires",
        "memory",
    )
    rows = [
        ("Alpha", "e1", 100, 20.0, 25.0, 3.0, 2.5, 10.0),
        ("Bravo", "e1", 200, 30.0, 15.0, 2.0, 2.0, 20.0),
        ("Charlie", "e2", 300, 25.0, 20.0, 4.0, 4.5, 30.0),
        ("Delta", "e2", 400, None, 30.0, 1.0, 1.5, 40.0),
        ("Echo", "e2", 500, 40.0, 10.0, 5.0, 5.0, 50.0),
    ]
    feats = []
    for i, r in enumerate(rows):
        f = QgsFeature(lyr.fields())
        f.setAttributes(list(r))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700000 + 1000 * i, 6300000)))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(lyr)
    yield lyr
    QgsProject.instance().removeMapLayer(lyr.id())


def _table(dock):
    t = dock.table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    return headers, {
        t.item(r, 0).text(): [t.item(r, c).text() for c in range(t.columnCount())]
        for r in range(t.rowCount())
    }


def test_object_name_and_message_before_a_layer(dock):
    assert dock.objectName().startswith("Reterr")
    assert dock.table.rowCount() == 0
    assert not dock.export_button.isEnabled()


def test_selection_fills_radar_and_table(dock, layer):
    dock.set_layer(layer, background=False)
    assert dock.dashboard is not None
    layer.selectByIds([fid_by_name(layer, "Charlie")])
    assert dock.title.text() == "Charlie"
    headers, rows = _table(dock)
    assert headers == ["Indicator", "Value", "Rank", "Reference", "Change"]
    # share_65p higher is worse: 20 30 25 - 40 → Charlie (25) is 2nd of 4; median of all 27.5
    label = next(k for k in rows if k.startswith("Share aged 65"))
    value, rank, ref = rows[label][1:4]
    assert label.endswith("(%)")
    assert value == "25"  # whole values are shown without decimals
    assert rank == "2 / 4"
    assert ref.replace(",", ".") == "27.5"
    # vintages: apl 2021 → 2024 shows the latest and its change
    apl = next(v for k, v in rows.items() if k.startswith("GP accessibility"))
    assert apl[1].replace(",", ".") == "4.50" and "2021→2024" in apl[4]
    # 'emplois' is not an indicator until declared
    assert not any("emplois" in k for k in rows)
    # the radar got the territory and the dashed reference
    assert dock.profile_a.name == "Charlie"
    assert dock.export_button.isEnabled()


def test_shift_click_shows_the_territory_added(dock, layer):
    dock.set_layer(layer, background=False)
    layer.selectByIds([fid_by_name(layer, "Echo")])
    layer.selectByIds([fid_by_name(layer, "Alpha")], layer.AddToSelection)
    assert dock.profile_a.name == "Alpha"
    layer.removeSelection()
    assert dock.profile_a.name == "Alpha"  # the panel keeps the last profile


def test_value_colour_follows_polarity(dock, layer):
    from reterr_qgis.report.formatting import BAD, GOOD

    dock.set_layer(layer, background=False)
    layer.selectByIds([fid_by_name(layer, "Alpha")])
    t = dock.table
    colours = {t.item(r, 0).text(): t.item(r, 1).background().color() for r in range(t.rowCount())}
    # Alpha has the lowest share of 65+ (best) and the highest share of under-20s but one (good)
    assert colours[next(k for k in colours if k.startswith("Share aged 65"))] == GOOD
    layer.selectByIds([fid_by_name(layer, "Echo")])
    colours = {t.item(r, 0).text(): t.item(r, 1).background().color() for r in range(t.rowCount())}
    assert colours[next(k for k in colours if k.startswith("Share aged 65"))] == BAD


def test_peer_reference(dock, layer):
    dock.set_layer(layer, background=False)
    assert dock.peer_combo.currentField() == "siren_epci"  # guessed (no nom_epci here)
    dock.reference_combo.setCurrentIndex(1)  # peers → reload
    layer.selectByIds([fid_by_name(layer, "Charlie")])
    _, rows = _table(dock)
    label = next(k for k in rows if k.startswith("Share aged 65"))
    assert rows[label][3].replace(",", ".") == "32.5"  # e2: 25, -, 40
    assert "e2" in dock.title.text()
    assert dock.profile_a.reference_label == "Median of the EPCI e2"  # issue 11, item 4


def test_compare_mode_and_csv_export(dock, layer, tmp_path):
    dock.set_layer(layer, background=False)
    layer.selectByIds([fid_by_name(layer, "Alpha")])
    dock.compare_check.setChecked(True)
    layer.selectByIds([fid_by_name(layer, "Echo")])
    headers, rows = _table(dock)
    assert headers == ["Indicator", "A", "B", "Reference"]
    # context figures come last
    assert list(rows)[-1].startswith("Population")
    label = next(k for k in rows if k.startswith("Population"))
    assert rows[label][1:3] == ["100", "500"]
    assert dock.title.text() == "A : Alpha   —   B : Echo"
    path = tmp_path / "profil.csv"
    dock.export(str(path))
    with open(path, encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh, delimiter=";"))
    assert "Alpha value" in table[0] and "Echo value" in table[0]
    pop = next(r for r in table if r[0] == "population")
    assert pop[table[0].index("Echo value")] == "500"
    dock.compare_check.setChecked(False)
    assert dock.table.columnCount() == 5


def test_radar_exports(dock, layer, tmp_path):
    from qgis.PyQt.QtGui import QImage

    dock.set_layer(layer, background=False)
    with pytest.raises(OSError):
        dock.export(str(tmp_path / "x.png"))  # nothing selected yet
    layer.selectByIds([fid_by_name(layer, "Bravo")])
    dock.export(str(tmp_path / "radar.png"))
    dock.export(str(tmp_path / "radar.svg"))
    assert not QImage(str(tmp_path / "radar.png")).isNull()
    svg = (tmp_path / "radar.svg").read_text(encoding="utf-8")
    assert "Share aged 65" in svg or "Part des 65" in svg


def test_layer_without_indicators_explains_itself(dock, qgis_app):
    from qgis.core import QgsProject, QgsVectorLayer

    lyr = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string&field=foo:double", "x", "memory")
    QgsProject.instance().addMapLayer(lyr)
    try:
        dock.set_layer(lyr, background=False)
        assert dock.dashboard is None
        assert dock.table.rowCount() == 0
        assert "no indicator field" in dock.radar_message()
    finally:
        QgsProject.instance().removeMapLayer(lyr.id())


def test_user_indicator_is_picked_up(dock, layer):
    from reterr_qgis.adapters.user_indicators import load_user_indicators, save_user_indicator
    from reterr_qgis.engine.index.dashboard import user_indicator

    save_user_indicator(
        layer,
        user_indicator(
            "emplois",
            "Emplois locaux",
            polarity="higher_is_better",
            dimension="economy",
            unit="emplois",
        ),
    )
    assert load_user_indicators(layer)["emplois"].unit == "emplois"
    dock.set_layer(layer, background=False)
    layer.selectByIds([fid_by_name(layer, "Bravo")])
    _, rows = _table(dock)
    assert rows["Emplois locaux (emplois)"][2] == "4 / 5"
    # three dimensions now (vulnerability, services, economy): the radar shows them
    assert len(dock.profile_a.axes) == 3


def test_background_task_and_pick(dock, layer, qgis_app):
    from qgis.core import QgsApplication

    done = []
    dock.loaded.connect(lambda: done.append(True))
    dock.set_layer(layer, background=True)
    deadline = time.time() + 20
    while not done and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert done and dock.dashboard is not None
    feature = next(f for f in layer.getFeatures() if f["nom"] == "Delta")
    dock._picked(feature)  # what the map tool does on a click
    assert dock.profile_a.name == "Delta"
    assert layer.selectedFeatureIds() == [feature.id()]


def test_declaration_dialog_saves_and_forgets(layer, qgis_app):
    from reterr_qgis.adapters.user_indicators import load_user_indicators
    from reterr_qgis.engine.core.indicators import Dimension, Polarity
    from reterr_qgis.gui.indicator_dialog import IndicatorDialog

    dlg = IndicatorDialog(layer)
    fields = [dlg.field_combo.itemData(i) for i in range(dlg.field_combo.count())]
    # registered ReTerr fields are not offered; plain numeric fields are
    assert "emplois" in fields and "share_65p" not in fields and "nom" not in fields
    dlg.field_combo.setCurrentIndex(fields.index("emplois"))
    dlg.label_edit.setText("Emplois locaux")
    dlg.unit_edit.setText("emplois")
    dlg.polarity_combo.setCurrentIndex(dlg.polarity_combo.findData("higher_is_worse"))
    dlg.dimension_combo.setCurrentIndex(dlg.dimension_combo.findData("economy"))
    dlg.accept()
    ind = load_user_indicators(layer)["emplois"]
    assert (ind.label_fr, ind.unit, ind.polarity, ind.dimension) == (
        "Emplois locaux",
        "emplois",
        Polarity.HIGHER_IS_WORSE,
        Dimension.ECONOMY,
    )
    # reopening shows the declaration; a typed dimension becomes a dimension of its own
    dlg = IndicatorDialog(layer)
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("emplois"))
    assert dlg.label_edit.text() == "Emplois locaux" and dlg.remove_button.isEnabled()
    dlg.dimension_combo.setEditText("Eau")
    dlg.accept()
    assert load_user_indicators(layer)["emplois"].dimension == "Eau"
    dlg = IndicatorDialog(layer)
    dlg.field_combo.setCurrentIndex(dlg.field_combo.findData("emplois"))
    dlg._remove()
    assert "emplois" not in load_user_indicators(layer)


def test_number_format(qgis_app):
    from qgis.PyQt.QtCore import QLocale

    from reterr_qgis.report.formatting import number

    fr, en = QLocale("fr_FR"), QLocale("en")
    assert number(9.0, en) == "9"  # counts stay whole
    assert number(4.5, en) == "4.50" and number(4.5, fr) == "4,50"
    assert number(27.25, en) == "27.2" or number(27.25, en) == "27.3"
    assert number(1234.6, en) == "1,235"
    assert number(float("nan"), en) == "–"
