"""Choosing BPE facility types by their labels in the Processing dialogs.

The facility-type parameters stay text parameters holding codes ("D265;D307": scripts and saved
models pass that). Their widget is a line edit holding the codes (typing still works) with a "…"
button opening a searchable list of the BPE types, grouped by domain, labelled in the language of
the interface, the code after the label and in the tooltip; the ticked types are written back as
codes. Codes the list does not know (a domain letter, a type of the layer's own vocabulary) are
kept as typed. In the model designer the parameter keeps QGIS's own widget (which can also take
its value from a model input).

Attached to a parameter by :func:`reterr_qgis.processing.common.params.bpe_types_widget`, through
the ``widget_wrapper`` metadata the Processing framework reads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from processing.gui.wrappers import DIALOG_MODELER, WidgetWrapper, dialogTypes
from qgis.core import NULL
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import ui_language
from ..processing.common.params import split_codes

CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked
CHECKABLE = Qt.ItemFlag.ItemIsUserCheckable
CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _folded(text: str) -> str:
    """Lower case without accents ("Médecin" → "medecin"), for searching."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class BpeType:
    """One entry of the list: a code, its label, the last vintage using it (None: current) and
    its label in the other language (searched too)."""

    code: str
    label: str
    until: int | None = None
    other_label: str = ""


def bpe_type_groups(language: str | None = None) -> list[tuple[str, str, list[BpeType]]]:
    """``(domain, domain label, types)`` per BPE domain, from the shipped code table.

    One entry per code (its latest row); labels in ``language`` (default: the interface's; French
    for "fr", English otherwise, French when the English label is missing).
    """
    from ..engine.services.bpe import DOMAINS, load_code_table

    french = (language or ui_language()).lower().startswith("fr")
    latest: dict[str, object] = {}
    for row in load_code_table().types:  # sorted by code, then vintage
        latest[row.typequ] = row
    groups: dict[str, list[BpeType]] = {}
    for code, row in sorted(latest.items()):
        label = row.label_fr if french or not row.label_en else row.label_en
        other = row.label_en if label == row.label_fr else row.label_fr
        groups.setdefault(row.domain, []).append(BpeType(code, label, row.vintage_to, other))
    out = []
    for domain, types in sorted(groups.items()):
        names = DOMAINS.get(domain)
        name = (names[0] if french else names[1]) if names else domain
        out.append((domain, name, types))
    return out


def merge_codes(typed: Sequence[str], ticked: Sequence[str], known: Iterable[str]) -> list[str]:
    """The codes after the list is closed: those typed stay in their order (the first type can
    matter) unless the list knows them and they were unticked; newly ticked ones follow."""
    known_upper = {k.upper() for k in known}
    ticked_upper = [t.upper() for t in ticked]
    out: list[str] = []
    for code in typed:
        upper = code.upper()
        if upper in known_upper:
            if upper in ticked_upper and upper not in out:
                out.append(upper)
        elif code not in out:
            out.append(code)
    out += [t for t in ticked_upper if t not in out]
    return out


class BpeTypesDialog(QDialog):
    """A searchable list of the BPE types, with check boxes, grouped by domain."""

    def __init__(
        self, codes: Sequence[str] = (), parent: QWidget | None = None, single: bool = False
    ) -> None:
        super().__init__(parent)
        self.single = single
        self.setWindowTitle(QCoreApplication.translate("BpeTypes", "Facility types"))
        self.resize(520, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("BpeTypes", "Search a type or a code…")
        )
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.count_label = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch()
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.items: dict[str, QTreeWidgetItem] = {}
        for _domain, name, types in bpe_type_groups():
            group = QTreeWidgetItem(self.tree, [name])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for t in types:
                text = f"{t.label} ({t.code})"
                if t.until is not None:
                    text += " – " + QCoreApplication.translate(
                        "BpeTypes", "BPE code until {year}"
                    ).format(year=t.until)
                item = QTreeWidgetItem(group, [text])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | CHECKABLE)
                item.setData(0, CODE_ROLE, t.code)
                item.setData(0, SEARCH_ROLE, _folded(f"{text} {t.other_label}"))
                item.setToolTip(0, t.code)
                item.setCheckState(0, UNCHECKED)
                self.items[t.code] = item
        self.set_codes(codes)
        self.tree.itemChanged.connect(self._item_changed)
        self.search.textChanged.connect(self.filter)
        self._update_count()

    def set_codes(self, codes: Iterable[str]) -> None:
        """Tick these codes (any case) and only these; open the domains holding one."""
        wanted = {c.strip().upper() for c in codes}
        for code, item in self.items.items():
            item.setCheckState(0, CHECKED if code in wanted else UNCHECKED)
        self._expand_ticked()

    def _expand_ticked(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            ticked = any(group.child(j).checkState(0) == CHECKED for j in range(group.childCount()))
            group.setExpanded(ticked)

    def codes(self) -> list[str]:
        """Ticked codes, in the order of the list."""
        return [c for c, item in self.items.items() if item.checkState(0) == CHECKED]

    def filter(self, text: str) -> None:
        """Show the types whose label (in either language) or code holds ``text`` (any case,
        accents ignored); all when empty."""
        needle = _folded(text.strip())
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                item = group.child(j)
                hit = not needle or needle in item.data(0, SEARCH_ROLE)
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
            if needle:
                group.setExpanded(shown > 0)
        if not needle:
            self._expand_ticked()

    def _item_changed(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if self.single and item.checkState(0) == CHECKED:
            self.tree.blockSignals(True)
            for other in self.items.values():
                if other is not item:
                    other.setCheckState(0, UNCHECKED)
            self.tree.blockSignals(False)
        self._update_count()

    def _update_count(self, *_args) -> None:
        self.count_label.setText(
            QCoreApplication.translate("BpeTypes", "{n} selected").format(n=len(self.codes()))
        )


class BpeTypesPanel(QWidget):
    """A line edit holding the codes and a "…" button opening :class:`BpeTypesDialog`."""

    def __init__(self, parent: QWidget | None = None, single: bool = False) -> None:
        super().__init__(parent)
        self.single = single
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(
            QCoreApplication.translate("BpeTypes", "Codes separated by ';', or choose with …")
        )
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(
            QCoreApplication.translate("BpeTypes", "Choose the facility types from the list")
        )
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.button)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:
        self.line_edit.setText(text)

    def dialog(self) -> BpeTypesDialog:
        """The list, ticked as the line edit says."""
        return BpeTypesDialog(split_codes(self.text()), self, single=self.single)

    def apply(self, dialog: BpeTypesDialog) -> None:
        """Write the codes ticked in ``dialog`` back to the line edit ("D265;D307")."""
        codes = merge_codes(split_codes(self.text()), dialog.codes(), dialog.items)
        if self.single and dialog.codes():
            codes = dialog.codes()[:1]
        self.setText(";".join(codes))

    def choose(self) -> None:
        dialog = self.dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply(dialog)


class BpeTypesWidgetWrapper(WidgetWrapper):
    """Processing widget wrapper of a facility-type text parameter (standard and batch dialogs;
    the model designer gets QGIS's own widget for the parameter). Metadata ``single``: the
    parameter takes one type (ticking one unticks the others)."""

    def __new__(cls, param, dialog, row=0, col=0, **kwargs):
        if dialogTypes.get(dialog.__class__.__name__) == DIALOG_MODELER:
            wrapper = QgsGui.processingGuiRegistry().createModelerParameterWidget(
                dialog.model, dialog.childId, param, dialog.context
            )
            if wrapper is not None:
                wrapper.setDialog(dialog)
                return wrapper
        return super().__new__(cls)

    def createWidget(self, single=False, **kwargs):
        return BpeTypesPanel(single=bool(single))

    def setValue(self, value):
        if value is None or value == NULL:
            return
        self.widget.setText(str(value))

    def value(self):
        return self.widget.text()
