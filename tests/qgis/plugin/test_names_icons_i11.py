"""Names, order and icons of the algorithms (issue 11, §5).

* The menu and the toolbox name an algorithm alike: the menu reads the toolbox name without its
  step number, followed by "…".
* The toolbox lists the themes, and each theme's algorithms, in the order of the diagnostic:
  Processing sorts groups and algorithms by their translated names, so groups carry a number
  ("2 · Services and access") and algorithms their step ("2.1 Import BPE facilities (INSEE)"),
  an order no translation changes.
* Each theme has its own icon, in the toolbox and in the menu.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qgis


def _algorithms():
    from reterr_qgis.processing.provider import algorithm_classes

    return [cls() for cls in algorithm_classes()]


def test_menu_and_toolbox_names_agree(qgis_app):
    from reterr_qgis.processing.base import workflow_step

    for alg in _algorithms():
        step = workflow_step(alg.groupId(), alg.name())
        assert step, alg.name()
        assert alg.displayName() == f"{step} {alg.title()}"
        assert alg.menu_text() == alg.title() + "…"
    names = {a.name(): a.displayName() for a in _algorithms()}
    # The menu's APL entry and its toolbox name were two different names.
    assert names["floating_catchment"] == "2.5 Access to a service (APL, floating catchment)"
    assert names["import_bpe"] == "2.1 Import BPE facilities (INSEE)"


def test_toolbox_order_follows_the_workflow(qgis_app):
    from qgis.PyQt.QtCore import QCollator

    collator = QCollator()  # the locale-aware comparison of QGIS's toolbox
    by_group: dict[str, list] = {}
    for alg in _algorithms():
        by_group.setdefault(alg.group(), []).append(alg)
    groups = sorted(by_group, key=collator.sortKey)
    assert [by_group[g][0].groupId() for g in groups] == [
        "diagnostic",
        "services",
        "supply",
        "complementarity",
        "indicators",
        "maps",
    ]
    services = sorted(by_group[groups[1]], key=lambda a: collator.sortKey(a.displayName()))
    assert [a.name() for a in services] == [
        "import_bpe",
        "build_network",
        "nearest_service",
        "service_areas",
        "floating_catchment",
        "service_basket",
        "service_gaps",
        "suggest_locations",
    ]
    supply = sorted(by_group[groups[2]], key=lambda a: collator.sortKey(a.displayName()))
    assert [a.name() for a in supply][:3] == ["food_needs", "farmland", "food_adequacy"]
    maps = sorted(by_group[groups[5]], key=lambda a: collator.sortKey(a.displayName()))
    assert [a.name() for a in maps] == ["export_council_map", "export_atlas"]


def test_models_come_first(qgis_app):
    from reterr_qgis.processing.provider import load_models

    models = load_models()
    if not models:
        pytest.skip("no shipped model loads here")
    assert all(m.group().startswith("0 · ") for m in models)
    assert all(not m.icon().isNull() for m in models)


def test_each_theme_has_its_own_icon(qgis_app):
    from pathlib import Path

    from qgis.PyQt.QtSvg import QSvgRenderer

    paths = {}
    for alg in _algorithms():
        path = alg.svgIconPath()
        assert Path(path).is_file(), path
        assert QSvgRenderer(path).isValid(), path
        assert not alg.icon().isNull()
        paths.setdefault(alg.groupId() if alg.name() != "build_network" else "network", set())
        paths["network" if alg.name() == "build_network" else alg.groupId()].add(path)
    assert all(len(p) == 1 for p in paths.values()), paths
    icons = [next(iter(p)) for p in paths.values()]
    assert len(set(icons)) == len(icons) == 7  # six themes and the road network
    assert not any(Path(p).name == "reterr.svg" for p in icons)


def test_menu_entries_carry_the_theme_icons(qgis_app):
    from unittest.mock import MagicMock

    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QMainWindow, QToolBar

    from reterr_qgis.plugin import ReterrPlugin

    window = QMainWindow()
    iface = MagicMock()
    iface.mainWindow.return_value = window
    iface.addToolBar.side_effect = lambda name: QToolBar(name, window)
    plugin = ReterrPlugin(iface)
    # The session's provider (a second "reterr" provider is refused): not removed by unload.
    plugin.provider = QgsApplication.processingRegistry().providerById("reterr")
    plugin.initGui()
    try:
        by_id = {a.objectName()[len("Reterr_") :]: a for a in plugin.actions}
        algs = {a.name(): a for a in plugin.provider.algorithms()}
        keys = {}
        for alg_id, action in by_id.items():
            assert action.text() == algs[alg_id].menu_text()
            assert not action.icon().isNull()
            keys[alg_id] = action.icon().pixmap(32, 32).toImage()
        # The plugin's one icon for every entry before; now the theme's.
        assert keys["territory_profile"] != keys["floating_catchment"]
        assert keys["floating_catchment"] == keys["nearest_service"]
    finally:
        plugin.provider = None
        plugin.unload()


def test_the_apl_menu_entry_opens_on_apl(qgis_app):
    """Issue 11 §5: the menu entry reads "APL": its dialog starts on the APL preset (for GPs),
    while the other entries start on their defaults."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    fca = registry.algorithmById("reterr:floating_catchment")
    start = fca.menu_parameters()
    method = next(d for d in fca.parameterDefinitions() if d.name() == "METHOD")
    assert method.options()[start["METHOD"]].startswith("APL")
    assert start["CATEGORIES"] == "D265"
    assert start["CATCHMENT"] == 20  # APL's catchment (DREES), not the other methods' 30
    assert "APL" in fca.menu_text()
    assert registry.algorithmById("reterr:territory_profile").menu_parameters() == {}


def test_numbers_stored_as_text_can_be_picked(qgis_app, run_alg):
    """Issue 11 §5: a numeric field parameter offers text fields too (planners' files hold
    "1 234,5"), marked as expecting numbers; such a field then runs and is read as numbers."""
    from qgis.core import (
        QgsApplication,
        QgsFeature,
        QgsGeometry,
        QgsProcessingParameterField,
        QgsRectangle,
        QgsVectorLayer,
    )

    from reterr_qgis.adapters import compat

    numeric_kind = []
    for alg in QgsApplication.processingRegistry().providerById("reterr").algorithms():
        for d in alg.parameterDefinitions():
            if isinstance(d, QgsProcessingParameterField) and d.metadata().get("reterr_numbers"):
                numeric_kind.append(d.dataType() == compat.FIELD_ANY)
    assert len(numeric_kind) > 10 and all(numeric_kind)
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=nom:string&field=habitants:string", "communes", "memory"
    )
    feats = []
    for k, pop in enumerate(["1 234,5", "800"]):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"C{k}", pop])
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(k * 1000, 0, k * 1000 + 1000, 1000)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run_alg(
        "reterr:territory_profile",
        {"INPUT": layer, "POPULATION_FIELD": "habitants", "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    got = sorted(f["population"] for f in res["OUTPUT"].getFeatures())
    assert got == [800.0, 1234.5]
