"""Issue 11, item 4: on a layer made by reterr:resilience_index the dock shows the index itself
(dimension scores on the layer's 0–100 scale, rank and Monte-Carlo band, then exactly the
indicators of the index by dimension), one line says how to read the table, notes and the peer
reference are in plain words."""

from __future__ import annotations

import pytest
from conftest import fid_by_name

# Five territories. In the index: share_65p (population vulnerability, higher is worse),
# basket_share and a field of the user's, "velo" (given "+" and the services dimension in the
# parameters: unknown to the registry), adq_cap (self-sufficiency). share_0_19 is an indicator of
# the registry that the index was NOT built from.
# Min-max scores, higher = more resilient (hand-computed):
#   vulnerability = share_65p mirrored: (40 - v) / 20 * 100 → 100, 50, 75, 25, 0
#   services = mean(basket_share (10..50 → 0..100), velo (1..5 → 0..100)) → 0, 25, 50, 75, 100
#   self-sufficiency = adq_cap (60..100) → 0, 50, 100, 25, 75
#   overall = mean of the three → 33.3, 41.7, 75, 41.7, 58.3: T3 is ranked 1st of 5.
T3_DIMENSIONS = {
    "Population vulnerability": (75.0, "2 / 5"),
    "Access to essential services": (50.0, "3 / 5"),
    "Food and material self-sufficiency": (100.0, "1 / 5"),
}


@pytest.fixture
def index_layer(small_index_layer):
    from qgis.core import QgsProject

    QgsProject.instance().addMapLayer(small_index_layer)
    yield small_index_layer
    QgsProject.instance().removeMapLayer(small_index_layer.id())


def _lines(dock):
    t = dock.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def _num(text):
    return float(text.replace("\u202f", "").replace("\xa0", "").replace(",", "."))


def test_index_layer_shows_the_index_then_its_indicators(dock, index_layer):
    dock.set_layer(index_layer, background=False)
    index_layer.selectByIds([fid_by_name(index_layer, "T3")])
    lines = _lines(dock)
    labels = [ln[0] for ln in lines]
    # Dimension scores first, on the layer's own 0–100 scale, with their rank among the 5.
    for k, (dim, (score, rank)) in enumerate(T3_DIMENSIONS.items()):
        assert labels[k] == f"Score: {dim}"
        assert _num(lines[k][1]) == pytest.approx(score, abs=0.05)
        assert lines[k][2] == rank
    assert labels[3] == "Score: Overall"
    assert _num(lines[3][1]) == pytest.approx(75.0, abs=0.05)
    assert lines[4][:2] == ["Rank in the index (1 = best placed)", "1 / 5"]
    assert labels[5] == "Rank when the weights vary (90 % of draws)"
    low, high = (_num(x) for x in lines[5][1].split(" – "))
    assert 1 <= low <= 1 <= high <= 5  # T3 is first by a wide margin
    # Then exactly the indicators of the index, under their dimension: the user's field "velo"
    # is there, share_0_19 (not in the index) is not.
    rest = labels[6:]
    assert rest == [
        "Population vulnerability",
        "Share aged 65+ (%)",
        "Access to essential services",
        next(x for x in rest if x.startswith("Share of the services basket")),
        "velo",
        "Food and material self-sufficiency",
        next(x for x in rest if x.startswith("Food adequacy")),
    ]
    assert not any(x.startswith("Share aged 0-19") for x in labels)
    # The radar: the dimension scores as the layer holds them (0–100), not tenths.
    radar = dock.radar
    assert radar.maximum() == 100.0
    assert "0–100" in radar.title()
    territory = radar.series()[1]
    assert list(territory.values) == pytest.approx([75.0, 50.0, 100.0], abs=0.05)


def test_reading_line_and_polarity(dock, index_layer):
    dock.set_layer(index_layer, background=False)
    index_layer.selectByIds([fid_by_name(index_layer, "T1")])
    text = dock.reading.text()
    assert text.startswith("Rank 1 = best placed. Green: best third of territories;")
    assert "Higher = more vulnerable: Share aged 65+." in text
    assert "Higher = more resilient: " in text and "velo" in text


def test_declared_indicator_can_be_turned_around(dock, qgis_app):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    from reterr_qgis.adapters.user_indicators import save_user_indicator
    from reterr_qgis.engine.index.dashboard import user_indicator

    lyr = QgsVectorLayer(
        "None?field=nom:string&field=share_65p:double&field=bus:double", "t", "memory"
    )
    feats = []
    for r in [("A", 20.0, 3.0), ("B", 30.0, 1.0), ("C", 25.0, 2.0)]:
        f = QgsFeature(lyr.fields())
        f.setAttributes(list(r))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(lyr)
    try:
        save_user_indicator(
            lyr, user_indicator("bus", "Bus lines", polarity="higher_is_better", dimension="x")
        )
        dock.set_layer(lyr, background=False)
        lyr.selectByIds([next(f.id() for f in lyr.getFeatures() if f["nom"] == "A")])
        assert "Higher = more resilient: Bus lines." in dock.reading.text()
        assert "Double-click an indicator you declared" in dock.reading.text()
        assert dock._declared_rows(dock.profile_a) == ["bus"]
    finally:
        QgsProject.instance().removeMapLayer(lyr.id())


def test_peer_reference_names_the_epci(dock, index_layer):
    dock.set_layer(index_layer, background=False)
    assert dock.peer_combo.currentField() == "nom_epci"
    dock.reference_combo.setCurrentIndex(1)
    index_layer.selectByIds([fid_by_name(index_layer, "T3")])
    assert dock.profile_a.reference_label == "Median of the EPCI CA Rodez Agglomération"
    assert dock.title.text() == "T3  (EPCI CA Rodez Agglomération)"
    # The reference of a dimension score is the median of the EPCI's: T1..T3 → 100, 50, 75.
    first = _lines(dock)[0]
    assert _num(first[3]) == pytest.approx(75.0, abs=0.05)


def test_notes_in_plain_words(dock, qgis_app):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QLocale

    from reterr_qgis.engine.core.errors import Message
    from reterr_qgis.engine.index.composite import _W_WINSOR

    lyr = QgsVectorLayer("None?field=nom:string&field=share_65p:double", "t", "memory")
    feats = []
    for r in [("A", 20.0), ("B", 30.0)]:
        f = QgsFeature(lyr.fields())
        f.setAttributes(list(r))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(lyr)
    try:
        dock.set_layer(lyr, background=False)
        dock.locale = QLocale(QLocale.Language.French, QLocale.Country.France)
        msg = Message(_W_WINSOR, {"indicator": "share_65p", "n": 1204, "skew": "7.49"})
        (text,) = dock.plain_notes([msg])
        n = dock.locale.toString(1204)  # "1 204" with the French group separator
        assert n != "1204"
        assert text.startswith(f"Share aged 65+: {n} extreme values brought back")
        assert "share_65p" not in text and "7.49" not in text and "skew" not in text
    finally:
        QgsProject.instance().removeMapLayer(lyr.id())
