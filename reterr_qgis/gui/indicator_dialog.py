"""Dialog that declares one of a layer's numeric fields as a resilience indicator."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from ..adapters.i18n import ui_language
from ..adapters.user_indicators import (
    load_user_indicators,
    remove_user_indicator,
    save_user_indicator,
)
from ..engine.core.indicators import Dimension, Polarity, dimension_label, get_indicator
from ..engine.index.dashboard import user_indicator

#: Dimensions offered (CONTEXT excluded: a declared indicator should say something).
DIMENSIONS = [d for d in Dimension if d is not Dimension.CONTEXT]


class IndicatorDialog(QDialog):
    """Field, label, unit, polarity and dimension of a user indicator, kept with the layer."""

    def __init__(self, layer, parent=None, field_name: str = "") -> None:
        super().__init__(parent)
        self.layer = layer
        self.setObjectName("ReterrIndicatorDialog")
        self.setWindowTitle(self.tr("Declare an indicator"))
        # Only the user's own declarations (not those the index layer carries).
        self.user = load_user_indicators(layer, with_index=False)
        lang = "fr" if ui_language() == "fr" else "en"
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr(
                    "The field becomes an indicator of the dock for this layer (saved with the "
                    "project). Fields already produced by ReTerr are declared already."
                )
            )
        )
        self.field_combo = QComboBox(self)
        for f in layer.fields():
            if f.isNumeric() and (f.name() in self.user or get_indicator(f.name()) is None):
                self.field_combo.addItem(f.name(), f.name())
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        form.addRow(self.tr("Field"), self.field_combo)
        self.label_edit = QLineEdit(self)
        form.addRow(self.tr("Label"), self.label_edit)
        self.unit_edit = QLineEdit(self)
        form.addRow(self.tr("Unit"), self.unit_edit)
        self.polarity_combo = QComboBox(self)
        self.polarity_combo.addItem(self.tr("Higher is better"), Polarity.HIGHER_IS_BETTER.value)
        self.polarity_combo.addItem(self.tr("Higher is worse"), Polarity.HIGHER_IS_WORSE.value)
        self.polarity_combo.addItem(
            self.tr("Context (neither good nor bad)"), Polarity.NEUTRAL.value
        )
        form.addRow(self.tr("Polarity"), self.polarity_combo)
        self.dimension_combo = QComboBox(self)
        self.dimension_combo.setEditable(True)
        for d in DIMENSIONS:
            self.dimension_combo.addItem(dimension_label(d, lang), d.value)
        form.addRow(self.tr("Dimension"), self.dimension_combo)
        self.remove_button = QPushButton(self.tr("Forget this declaration"), self)
        self.remove_button.clicked.connect(self._remove)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        k = self.field_combo.findData(field_name) if field_name else -1
        if k >= 0:
            self.field_combo.setCurrentIndex(k)
        self._field_changed()

    def _field_changed(self, *_args) -> None:
        name = self.field_combo.currentData()
        ind = self.user.get(name) if name else None
        self.remove_button.setEnabled(ind is not None)
        self.label_edit.setText(ind.label_fr if ind else (name or ""))
        self.unit_edit.setText(ind.unit if ind else "")
        if ind is not None:
            self.polarity_combo.setCurrentIndex(self.polarity_combo.findData(ind.polarity.value))
            dim = ind.dimension.value if isinstance(ind.dimension, Dimension) else ind.dimension
            k = self.dimension_combo.findData(dim)
            if k >= 0:
                self.dimension_combo.setCurrentIndex(k)
            else:
                self.dimension_combo.setEditText(str(dim))

    def dimension(self) -> str:
        """The chosen dimension: a default one's id, or the name the user typed."""
        text = self.dimension_combo.currentText().strip()
        k = self.dimension_combo.findText(text)
        if k >= 0:
            return self.dimension_combo.itemData(k)
        return text or Dimension.SERVICES.value

    def accept(self) -> None:
        name = self.field_combo.currentData()
        if name:
            save_user_indicator(
                self.layer,
                user_indicator(
                    name,
                    self.label_edit.text().strip() or name,
                    polarity=self.polarity_combo.currentData(),
                    dimension=self.dimension(),
                    unit=self.unit_edit.text().strip(),
                ),
            )
        super().accept()

    def _remove(self) -> None:
        name = self.field_combo.currentData()
        if name and remove_user_indicator(self.layer, name):
            super().accept()
