"""Issue 11, item 3: the profile page shows the index that was built — its dimension scores (on
the layer's 0–100 scale), rank and band, and exactly the indicators that were in the index — and
names the peer reference in plain words."""

from __future__ import annotations

import pytest


@pytest.fixture
def index_layer(small_index_layer):
    return small_index_layer


def _page(layer, tmp_path, name="T3"):
    """Build the profile page the way reterr:export_council_map does; return the layout."""
    from qgis.core import QgsPrintLayout, QgsProject
    from qgis.PyQt.QtCore import QLocale

    from reterr_qgis.adapters.dashboard import guess_name_field, indicator_fields, read_dashboard
    from reterr_qgis.adapters.user_indicators import load_user_indicators
    from reterr_qgis.report.profile_page import add_territory_page

    user = load_user_indicators(layer)
    indicators, index = indicator_fields(layer, user)
    read = read_dashboard(
        layer,
        layer.fields(),
        indicators=indicators,
        index=index,
        name_field=guess_name_field(layer),
        group_field="nom_epci",
        user=user,
        language="en",
    )
    fid = next(f.id() for f in layer.getFeatures() if f["nom"] == name)
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    add_territory_page(
        layout,
        read.dashboard,
        read.fids.index(fid),
        "nom_epci",
        "indice",
        "today",
        QLocale("en"),
        tmp_path,
    )
    return layout


def _table(layout):
    from qgis.core import QgsLayoutItemManualTable

    (table,) = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemManualTable)]
    return [[c.content() for c in row] for row in table.tableContents()]


def _labels(layout):
    from qgis.core import QgsLayoutItemLabel

    return [i.text() for i in layout.items() if isinstance(i, QgsLayoutItemLabel)]


def test_profile_page_shows_the_index_built(index_layer, tmp_path, qgis_app):
    layout = _page(index_layer, tmp_path)
    rows = _table(layout)
    labels = [r[0] for r in rows]
    # The dimension scores as the layer holds them (0–100; hand-computed in test_dock_i11.py).
    t3 = next(f for f in index_layer.getFeatures() if f["nom"] == "T3")
    assert t3["dim_vulnerability"] == pytest.approx(75.0)
    assert labels[:4] == [
        "Score: Population vulnerability",
        "Score: Access to essential services",
        "Score: Food and material self-sufficiency",
        "Score: Overall",
    ]
    assert [r[1] for r in rows[:4]] == ["75", "50", "100", "75"]
    assert [r[2] for r in rows[:3]] == ["2 / 5", "3 / 5", "1 / 5"]
    assert rows[4][:2] == ["Rank in the index (1 = best placed)", "1 / 5"]
    assert labels[5] == "Rank when the weights vary (90 % of draws)"
    # Exactly the indicators of the index: the user's "velo" is in, share_0_19 is out.
    indicators = [x for x in labels[6:] if not x.startswith(("Population", "Access", "Food and"))]
    assert len(indicators) == 4
    assert "velo" in indicators
    assert any(x.startswith("Share aged 65+") for x in indicators)
    assert not any(x.startswith("Share aged 0-19") for x in labels)


def test_profile_page_radar_on_the_index_scale(index_layer, tmp_path, qgis_app):
    _page(index_layer, tmp_path)
    (svg,) = tmp_path.glob("radar_page*.svg")
    text = svg.read_text(encoding="utf-8")
    assert "0–100" in text  # the radar's title gives the index's scale
    assert "Scores out of 10" not in text


def test_profile_page_names_the_epci(index_layer, tmp_path, qgis_app):
    layout = _page(index_layer, tmp_path)
    legend = next(t for t in _labels(layout) if t.startswith("Rank 1 = best placed"))
    assert "Reference: median of the EPCI CA Rodez Agglomération." in legend
    assert "nom_epci =" not in legend
    assert "Higher = more vulnerable: Share aged 65+." in legend
