"""Issue 11 §5: facility types chosen from the labelled BPE types, the code in the tooltip.

The facility-type parameters stay text parameters ("D265;D307"); their dialog widget is a line
edit plus a "…" button listing the BPE types of the shipped table, grouped by domain.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

TABLE = Path(__file__).resolve().parents[3] / "resources" / "bpe" / "typequ.csv"

#: Every facility-type parameter: (algorithm, parameter, optional, default).
FACILITY_TYPE_PARAMETERS = [
    ("reterr:nearest_service", "TYPES", False, "D265;D307;B207"),
    ("reterr:service_gaps", "TYPES", False, "D265;D307;B207"),
    ("reterr:service_areas", "TYPES", True, ""),
    ("reterr:floating_catchment", "CATEGORIES", True, ""),
    ("reterr:import_bpe", "TYPES", True, ""),
    ("reterr:service_basket", "TYPES", True, ""),
]


def _alg(alg_id):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    assert alg is not None, alg_id
    return alg


def _table_rows() -> dict[str, dict[str, str]]:
    """Latest row per code of the shipped table, read here with the csv module."""
    with TABLE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    out: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: (r["typequ"], int(r["vintage_from"]))):
        out[row["typequ"]] = row
    return out


def _standard_wrapper(qgis_app, alg_id="reterr:nearest_service", name="TYPES"):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    dialog = AlgorithmDialog(_alg(alg_id))
    return dialog, dialog.mainWidget().wrappers[name]


@pytest.mark.parametrize("alg_id,name,optional,default", FACILITY_TYPE_PARAMETERS)
def test_facility_type_parameter_gets_the_picker_and_keeps_its_definition(
    qgis_app, alg_id, name, optional, default
):
    from processing.gui.wrappers import WidgetWrapperFactory
    from qgis.PyQt.QtWidgets import QWidget

    from reterr_qgis.gui.bpe_types import BpeTypesWidgetWrapper

    alg = _alg(alg_id)
    param = alg.parameterDefinition(name)
    assert param.type() == "string"
    assert bool(param.flags() & param.FlagOptional) is optional
    assert (param.defaultValue() or "") == default
    holder = QWidget()
    wrapper = WidgetWrapperFactory.create_wrapper(param, holder)
    assert isinstance(wrapper, BpeTypesWidgetWrapper)
    assert wrapper.value() == default


def test_every_type_or_category_text_parameter_is_listed(qgis_app):
    """No facility-type parameter of the provider is left with a bare text box."""
    from qgis.core import QgsApplication

    found = []
    for alg in QgsApplication.processingRegistry().providerById("reterr").algorithms():
        for d in alg.parameterDefinitions():
            if d.type() == "string" and d.name() in ("TYPES", "CATEGORIES"):
                found.append((alg.id(), d.name()))
                wrapper = (d.metadata() or {}).get("widget_wrapper") or {}
                assert str(wrapper.get("class", "")).endswith(
                    "gui.bpe_types.BpeTypesWidgetWrapper"
                ), (alg.id(), d.name())
    assert sorted(found) == sorted((a, n) for a, n, _, _ in FACILITY_TYPE_PARAMETERS)


def test_single_type_parameter_keeps_one_ticked_type(qgis_app):
    """Suggest locations takes one facility type: ticking a second unticks the first."""
    from qgis.PyQt.QtCore import Qt

    from reterr_qgis.gui.bpe_types import BpeTypesWidgetWrapper

    _dialog, wrapper = _standard_wrapper(qgis_app, "reterr:suggest_locations", "TYPE")
    assert isinstance(wrapper, BpeTypesWidgetWrapper)
    param = wrapper.parameterDefinition()
    assert param.type() == "string" and param.defaultValue() == "D265"
    assert wrapper.value() == "D265"
    picker = wrapper.widget.dialog()
    assert picker.codes() == ["D265"]
    picker.items["D307"].setCheckState(0, Qt.CheckState.Checked)
    assert picker.codes() == ["D307"]
    wrapper.widget.apply(picker)
    assert wrapper.value() == "D307"


def test_standard_dialog_lists_labelled_types_with_the_code_in_the_tooltip(qgis_app):
    from reterr_qgis.adapters.i18n import ui_language
    from reterr_qgis.gui.bpe_types import CODE_ROLE, BpeTypesPanel

    _dialog, wrapper = _standard_wrapper(qgis_app)
    assert isinstance(wrapper.widget, BpeTypesPanel)
    assert wrapper.value() == "D265;D307;B207"  # the default, as before
    picker = wrapper.widget.dialog()
    rows = _table_rows()
    assert sorted(picker.items) == sorted(rows)  # one item per code of the table (291 rows)
    label = "label_fr" if ui_language() == "fr" else "label_en"
    for code in ("D265", "D307", "B207", "C108"):
        item = picker.items[code]
        assert item.toolTip(0) == code
        assert item.text(0).startswith(f"{rows[code][label]} ({code})")
    # grouped by domain: the GP sits under the health domain with the other D types
    group = picker.items["D265"].parent()
    assert group.text(0) in ("Health and social care", "Santé et action sociale")
    assert {group.child(i).data(0, CODE_ROLE) for i in range(group.childCount())} == {
        c for c, r in rows.items() if r["domain"] == "D"
    }
    # the default's codes are ticked
    assert picker.codes() == ["B207", "D265", "D307"]
    # a code used only in older vintages says so (D201: GPs up to 2023)
    assert "2023" in picker.items["D201"].text(0)


def test_ticking_two_types_gives_their_codes(qgis_app):
    from qgis.PyQt.QtCore import Qt

    _dialog, wrapper = _standard_wrapper(qgis_app, "reterr:service_areas")
    assert wrapper.value() == ""
    picker = wrapper.widget.dialog()
    assert picker.codes() == []
    picker.items["D265"].setCheckState(0, Qt.CheckState.Checked)
    picker.items["D307"].setCheckState(0, Qt.CheckState.Checked)
    assert picker.count_label.text().startswith("2")
    wrapper.widget.apply(picker)
    assert wrapper.value() == "D265;D307"


def test_set_value_ticks_the_codes_in_any_case(qgis_app):
    from qgis.PyQt.QtCore import Qt

    _dialog, wrapper = _standard_wrapper(qgis_app)
    wrapper.setValue("d265; D307")
    assert wrapper.value() == "d265; D307"  # typing is kept as typed until the list is used
    picker = wrapper.widget.dialog()
    assert picker.codes() == ["D265", "D307"]
    # the typed order is kept (service gaps: the first type is the candidate sites') and a new
    # tick follows
    wrapper.setValue("D307;D265")
    picker = wrapper.widget.dialog()
    picker.items["B207"].setCheckState(0, Qt.CheckState.Checked)
    wrapper.widget.apply(picker)
    assert wrapper.value() == "D307;D265;B207"
    # unticking removes the code; what the list does not know (a domain letter) is kept
    wrapper.setValue("D;D265")
    picker = wrapper.widget.dialog()
    picker.items["D265"].setCheckState(0, Qt.CheckState.Unchecked)
    wrapper.widget.apply(picker)
    assert wrapper.value() == "D"


def test_search_filters_by_label_or_code(qgis_app):
    from reterr_qgis.gui.bpe_types import BpeTypesDialog

    picker = BpeTypesDialog()
    picker.filter("d307")
    shown = [c for c, item in picker.items.items() if not item.isHidden()]
    assert shown == ["D307"]
    # either language, accents ignored: "medecin generaliste" finds the GP in an English list too
    picker.filter("medecin generaliste")
    assert "D265" in [c for c, item in picker.items.items() if not item.isHidden()]
    picker.filter("")
    assert not any(item.isHidden() for item in picker.items.values())


def test_batch_and_modeler_dialogs_still_get_a_string(qgis_app):
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.modeler.ModelerParametersDialog import ModelerParametersDialog
    from qgis.core import QgsProcessingModelAlgorithm

    from reterr_qgis.gui.bpe_types import BpeTypesWidgetWrapper

    alg = _alg("reterr:nearest_service")
    batch = BatchAlgorithmDialog(alg)
    wrappers = [w for row in batch.mainWidget().wrappers for w in row if w is not None]
    ours = [w for w in wrappers if isinstance(w, BpeTypesWidgetWrapper)]
    assert len(ours) == 1 and ours[0].value() == "D265;D307;B207"
    # the model designer keeps QGIS's widget (it can take the value from a model input)
    modeler = ModelerParametersDialog(alg, QgsProcessingModelAlgorithm())
    assert not isinstance(modeler.widget.widget.wrappers["TYPES"], BpeTypesWidgetWrapper)
    source = modeler.createAlgorithm().parameterSources()["TYPES"][0]
    assert source.staticValue() == "D265;D307;B207"


def test_labels_follow_the_interface_language(qgis_app):
    from reterr_qgis.gui.bpe_types import bpe_type_groups

    rows = _table_rows()
    for language, label, domain in (
        ("fr", "label_fr", "Santé et action sociale"),
        ("en", "label_en", "Health and social care"),
    ):
        groups = {d: (name, types) for d, name, types in bpe_type_groups(language)}
        assert sorted(groups) == list("ABCDEFG")
        name, types = groups["D"]
        assert name == domain
        by_code = {t.code: t.label for t in types}
        assert by_code["D265"] == rows["D265"][label]
        assert by_code["D307"] == rows["D307"][label]
