"""The resilience dock: the chosen territory's radar and indicator table, live with the selection.

Reading a layer's indicators and normalising them (:class:`~..engine.dashboard.Dashboard`) runs in
a :class:`QgsTask`; after that, a selection or a map click updates the panel from the prepared
arrays in about a millisecond plus the repaint (``bench/bench_dock.py``).
"""

from __future__ import annotations

import contextlib
import csv
import time

from qgis.core import (
    QgsApplication,
    QgsMapLayer,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.gui import (
    QgsDockWidget,
    QgsFieldComboBox,
    QgsMapLayerComboBox,
    QgsMapToolIdentifyFeature,
)
from qgis.PyQt.QtCore import QLocale, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..adapters import compat
from ..adapters.dashboard import (
    guess_name_field,
    guess_peer_field,
    index_summary,
    indicator_fields,
    is_index_board,
    peer_kind,
    read_dashboard,
)
from ..adapters.i18n import ui_language
from ..adapters.layers import engine_messages
from ..adapters.user_indicators import load_user_indicators
from ..engine.core.errors import Message
from ..engine.core.indicators import Polarity, get_indicator
from ..engine.index.composite import _W_LOG, _W_WINSOR
from ..engine.index.dashboard import (
    Dashboard,
    Profile,
    profile_csv_rows,
)
from ..report.formatting import has_vintages
from ..report.profile_page import profile_lines, radar_title, reading_line, reference_label
from ..report.radar import RadarSeries
from .radar import RadarWidget

COLOR_A = QColor(31, 119, 180)
COLOR_B = QColor(230, 120, 20)
COLOR_REF = QColor(110, 110, 110)


class DashboardTask(QgsTask):
    """Reads a layer's indicator fields in the background and prepares the dashboard."""

    def __init__(self, layer: QgsVectorLayer, options: dict, done) -> None:
        super().__init__(
            QgsApplication.translate(
                "ReterrDock", "ReTerr: reading the indicators of {layer}"
            ).format(layer=layer.name()),
            compat.TASK_CAN_CANCEL,
        )
        self.source = QgsVectorLayerFeatureSource(layer)
        self.fields = layer.fields()
        self.options = options
        self.done = done
        self.dashboard: Dashboard | None = None
        self.fids: list[int] = []
        self.error: str = ""
        self.seconds = 0.0

    def run(self) -> bool:
        t0 = time.perf_counter()
        read = read_dashboard(self.source, self.fields, is_canceled=self.isCanceled, **self.options)
        if read.canceled:
            return False
        self.dashboard, self.fids, self.error = read.dashboard, read.fids, read.error
        self.seconds = time.perf_counter() - t0
        return True

    def finished(self, result: bool) -> None:
        self.done(self, result)


class ReterrIndicatorDock(QgsDockWidget):
    """Dock panel: radar and indicator table of the selected (or clicked) territory."""

    #: Emitted after each update with the seconds it took (selection → panel painted).
    updated = pyqtSignal(float)
    #: Emitted when a layer's dashboard is ready (or failed: the message is shown).
    loaded = pyqtSignal()

    def __init__(self, iface=None, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("ReterrIndicatorDock")
        self.setWindowTitle(self.tr("ReTerr — resilience indicators"))
        self.layer: QgsVectorLayer | None = None
        self.dashboard: Dashboard | None = None
        self.row_of: dict[int, int] = {}
        self._previous_selection: set[int] = set()
        self._shown_fid: int | None = None
        self.profile_a: Profile | None = None
        self.profile_b: Profile | None = None
        self._task: DashboardTask | None = None
        self._map_tool = None
        self._previous_tool = None
        self.locale = QLocale()
        self._build()
        QgsProject.instance().layerWillBeRemoved.connect(self._layer_removed)

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Layer")))
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setFilters(compat.LAYER_FILTER_VECTOR)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        self.layer_combo.layerChanged.connect(self._layer_chosen)
        row.addWidget(self.layer_combo, 1)
        self.pick_button = QToolButton(body)
        self.pick_button.setText(self.tr("Pick"))
        self.pick_button.setToolTip(self.tr("Click a territory on the map to show its profile"))
        self.pick_button.setCheckable(True)
        self.pick_button.toggled.connect(self._toggle_pick)
        row.addWidget(self.pick_button)
        layout.addLayout(row)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Reference")))
        self.reference_combo = QComboBox(body)
        self.reference_combo.addItem(self.tr("Median of all territories"), "all")
        self.reference_combo.addItem(self.tr("Median of its peers sharing"), "peers")
        self.reference_combo.currentIndexChanged.connect(self._settings_changed)
        row.addWidget(self.reference_combo, 1)
        self.peer_combo = QgsFieldComboBox(body)
        self.peer_combo.setFilters(compat.FIELD_FILTER_ALL)
        self.peer_combo.setEnabled(False)
        self.peer_combo.fieldChanged.connect(self._settings_changed)
        row.addWidget(self.peer_combo, 1)
        layout.addLayout(row)

        row = QHBoxLayout()
        self.compare_check = QCheckBox(self.tr("Compare: keep this territory as A"), body)
        self.compare_check.toggled.connect(self._toggle_compare)
        row.addWidget(self.compare_check, 1)
        self.declare_button = QToolButton(body)
        self.declare_button.setText(self.tr("Declare an indicator…"))
        self.declare_button.clicked.connect(self.declare_indicator)
        row.addWidget(self.declare_button)
        self.export_button = QToolButton(body)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Radar as PNG…"), lambda: self._ask_export("png"))
        menu.addAction(self.tr("Radar as SVG…"), lambda: self._ask_export("svg"))
        menu.addAction(self.tr("Table as CSV…"), lambda: self._ask_export("csv"))
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(False)
        row.addWidget(self.export_button)
        layout.addLayout(row)

        self.title = QLabel(body)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        layout.addWidget(self.title)

        splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.radar = RadarWidget(splitter)
        self.table = QTableWidget(splitter)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        splitter.addWidget(self.radar)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        #: One line under the table: how to read it (rank, colours, which way each indicator counts).
        self.reading = QLabel(body)
        self.reading.setWordWrap(True)
        self.reading.setStyleSheet("color: #333; font-size: small;")
        layout.addWidget(self.reading)
        self.table.itemDoubleClicked.connect(self._row_double_clicked)

        self.notes = QLabel(body)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555;")
        layout.addWidget(self.notes)
        self.setWidget(body)
        self._show_message(self.tr("Choose a layer of territories."))

    # -- layer and settings -------------------------------------------------------------------

    def set_layer(self, layer: QgsVectorLayer | None, background: bool = True) -> None:
        """Show ``layer``'s indicators (prepared in a background task unless ``background`` is
        False, as in tests and benchmarks)."""
        self._background = background
        self.layer_combo.blockSignals(True)
        self.layer_combo.setLayer(layer)
        self.layer_combo.blockSignals(False)
        self._layer_chosen(layer)

    def _layer_chosen(self, layer: QgsMapLayer | None) -> None:
        if self.layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.selectionChanged.disconnect(self._selection_changed)
        self.layer = layer if isinstance(layer, QgsVectorLayer) else None
        self.dashboard = None
        self.profile_a = self.profile_b = None
        self.compare_check.setChecked(False)
        self.peer_combo.blockSignals(True)
        self.peer_combo.setLayer(self.layer)
        if self.layer is not None:
            self.peer_combo.setField(guess_peer_field(self.layer))
        self.peer_combo.blockSignals(False)
        if self._map_tool is not None and self.layer is not None:
            self._map_tool.setLayer(self.layer)
        if self.layer is None:
            self._show_message(self.tr("Choose a layer of territories."))
            return
        self.layer.selectionChanged.connect(self._selection_changed)
        self.reload()

    def _settings_changed(self, *_args) -> None:
        self.peer_combo.setEnabled(self.reference_combo.currentData() == "peers")
        if self.layer is not None:
            self.reload()

    def name_field(self) -> str:
        """The field that names territories (see :func:`guess_name_field`)."""
        return guess_name_field(self.layer)

    def reload(self) -> None:
        """(Re)read the current layer's indicators."""
        if self._task is not None:
            self._task.done = lambda *_: None
            self._task.cancel()
            self._task = None
        layer = self.layer
        if layer is None:
            return
        user = load_user_indicators(layer)
        names = layer.fields().names()
        indicators, index = indicator_fields(layer, user)
        if not indicators and not index:
            self._show_message(
                self.tr(
                    "'{layer}' has no indicator field. Run a ReTerr algorithm on it (territorial "
                    "profile, service access, resilience index) or declare one of its numeric "
                    "fields as an indicator with “Declare an indicator…”."
                ).format(layer=layer.name())
            )
            self.loaded.emit()
            return
        group = ""
        if self.reference_combo.currentData() == "peers":
            group = self.peer_combo.currentField()
            group = group if group in names else ""
        options = {
            "indicators": indicators,
            "index": index,
            "name_field": self.name_field(),
            "group_field": group,
            "user": user,
            "language": "fr" if ui_language() == "fr" else "en",
        }
        self._show_message(
            self.tr("Reading the indicators of '{layer}'…").format(layer=layer.name())
        )
        task = DashboardTask(layer, options, self._task_done)
        self._task = task
        if getattr(self, "_background", True):
            QgsApplication.taskManager().addTask(task)
        else:
            ok = task.run()
            task.finished(ok)

    def _task_done(self, task: DashboardTask, ok: bool) -> None:
        if task is not self._task:
            return
        self._task = None
        if not ok:
            self._show_message(self.tr("Reading the indicators was cancelled."))
            self.loaded.emit()
            return
        if task.dashboard is None:
            self._show_message(task.error)
            self.loaded.emit()
            return
        self.dashboard = task.dashboard
        self.row_of = {fid: i for i, fid in enumerate(task.fids)}
        self._previous_selection, self._shown_fid = set(), None
        self.notes.setText("\n".join(self.plain_notes(self.dashboard.notes)))
        self.export_button.setEnabled(False)
        self.loaded.emit()
        self._selection_changed()

    def _layer_removed(self, layer_id: str) -> None:
        if self.layer is not None and self.layer.id() == layer_id:
            self.layer = None
            self.dashboard = None
            self._show_message(self.tr("Choose a layer of territories."))

    # -- selection ----------------------------------------------------------------------------

    def _selection_changed(self, *_args) -> None:
        """Show the territory just added to the selection (a click, a shift-click), else keep the
        one shown if it is still selected, else the first of the selection."""
        if self.dashboard is None or self.layer is None:
            return
        ids = set(self.layer.selectedFeatureIds())
        added = ids - self._previous_selection
        self._previous_selection = ids
        if not ids:
            if self.profile_a is None:
                self._show_message(
                    self.tr("Select a territory on the map (or use “Pick”) to see its profile."),
                    keep_notes=True,
                )
            return
        if added:
            self.show_feature(min(added))
        elif self._shown_fid not in ids:
            self.show_feature(min(ids))

    def show_feature(self, fid: int) -> float:
        """Update the panel for feature ``fid``; returns the seconds it took."""
        t0 = time.perf_counter()
        row = self.row_of.get(int(fid))
        if self.dashboard is None or row is None:
            return 0.0
        self._shown_fid = int(fid)
        ref_label = self._reference_label(row)
        profile = self.dashboard.profile(row, ref_label)
        if self.compare_check.isChecked() and self.profile_a is not None:
            self.profile_b = profile
        else:
            self.profile_a, self.profile_b = profile, None
        self._render()
        seconds = time.perf_counter() - t0
        self.updated.emit(seconds)
        return seconds

    def _reference_label(self, row: int) -> str:
        group = self.dashboard.group_label(row)
        if group is None:
            return self.tr("Median of all territories")
        field = self.peer_combo.currentField()
        if peer_kind(field):
            text = reference_label(field, group)  # "median of the EPCI CA Rodez Agglomération"
            return text[:1].upper() + text[1:]
        return self.tr("Median of the territories with {field} = {value}").format(
            field=field, value=group
        )

    def _group_title(self, group: str) -> str:
        kind = peer_kind(self.peer_combo.currentField())
        if kind == "epci":
            return self.tr("EPCI {name}").format(name=group)
        if kind == "departement":
            return self.tr("département {name}").format(name=group)
        return f"{self.peer_combo.currentField()} {group}"

    def _toggle_compare(self, on: bool) -> None:
        if not on:
            self.profile_b = None
            if self.profile_a is not None:
                self._render()
        elif self.profile_a is not None:
            self.title.setText(
                self.tr("A: {name} — select another territory to compare").format(
                    name=self.profile_a.name
                )
            )

    # -- drawing ------------------------------------------------------------------------------

    def radar_message(self) -> str:
        """The message shown instead of a profile (empty when a profile is shown)."""
        return self._message

    def _show_message(self, text: str, keep_notes: bool = False) -> None:
        self._message = text
        self.title.setText("")
        self.reading.setText("")
        self.radar.clear(text)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.export_button.setEnabled(False)
        if not keep_notes:
            self.notes.setText("")

    def _render(self) -> None:
        self._message = ""
        a, b = self.profile_a, self.profile_b
        profiles = [p for p in (a, b) if p is not None]
        if b is None:
            title = a.name
            group = self.dashboard.group_label(a.row)
            if group:
                title += f"  ({self._group_title(group)})"
        else:
            title = f"A : {a.name}   —   B : {b.name}"
        self.title.setText(title)
        if a.axes:
            # On an index layer, the index's own scale (0–100, as in the layer and the PDF).
            index = is_index_board(self.dashboard)
            k = 10.0 if index else 1.0

            def scaled(values) -> list[float]:
                return [k * float(v) for v in values]

            series = [
                RadarSeries(
                    a.reference_label,
                    scaled(a.reference_scores),
                    COLOR_REF,
                    filled=False,
                    dashed=True,
                ),
                RadarSeries(a.name if b is None else f"A : {a.name}", scaled(a.scores), COLOR_A),
            ]
            if b is not None:
                series.append(RadarSeries(f"B : {b.name}", scaled(b.scores), COLOR_B))
            if index:
                summary = index_summary(self.dashboard, a.row, self._language())
                self.radar.set_data(a.axes, series, 100.0, radar_title(a, summary))
            else:
                self.radar.set_data(a.axes, series, 10.0, self.tr("Scores out of 10"))
        else:
            self.radar.clear(self.tr("No indicator can be scored on the radar."))
        self._fill_table(profiles)
        self.export_button.setEnabled(True)

    def _language(self) -> str:
        return "fr" if ui_language() == "fr" else "en"

    def _fill_table(self, profiles: list[Profile]) -> None:
        compare = len(profiles) == 2
        if compare:
            headers = [self.tr("Indicator"), "A", "B", self.tr("Reference")]
        else:
            headers = [
                self.tr("Indicator"),
                self.tr("Value"),
                self.tr("Rank"),
                self.tr("Reference"),
            ]
            if has_vintages(profiles[0]):
                headers.append(self.tr("Change"))
        rows = profiles[0].rows
        # The index first on an index layer, then its indicators by dimension; otherwise the
        # indicators (registry's order), context figures (neutral) last.
        summaries = [index_summary(self.dashboard, p.row, self._language()) for p in profiles]
        lines = profile_lines(profiles, summaries, self.locale, len(headers))
        self._line_rows = [k for _, _, k, _ in lines]
        table = self.table
        table.setUpdatesEnabled(False)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(lines))
        for i, (row_cells, tooltip, k, heading) in enumerate(lines):
            for c, (text, colour) in enumerate(row_cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(_RIGHT)
                if colour is not None:
                    item.setBackground(colour)
                if heading:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(i, c, item)
            if k is None:
                if tooltip:
                    table.item(i, 0).setToolTip(tooltip)
                continue
            r = rows[k]
            table.item(i, 0).setToolTip(
                self.tr("{dimension}\nField: {field}\n{polarity}").format(
                    dimension=r.dimension, field=r.field, polarity=self._polarity_text(r.polarity)
                )
            )
            # The value cells (one per profile) tell the rank.
            for c, p in enumerate(profiles, start=1):
                pr = p.rows[k]
                if pr.rank is not None:
                    table.item(i, c).setToolTip(
                        self.tr("Rank {rank} of {n}").format(rank=pr.rank, n=pr.ranked)
                    )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        table.setUpdatesEnabled(True)
        self.reading.setText(self.reading_line(profiles[0]))

    def reading_line(self, profile: Profile) -> str:
        """How to read the table: rank 1 = best placed, the colours, and which way each indicator
        counts (and how to change it where the user declared the indicator)."""
        parts = [reading_line(profile)]
        if self._declared_rows(profile):
            parts.append(
                self.tr("Double-click an indicator you declared to change which way it counts.")
            )
        return " ".join(parts)

    def _declared_rows(self, profile: Profile) -> list[str]:
        """Fields of ``profile`` the user declared (and the index did not set)."""
        if self.layer is None:
            return []
        mine = load_user_indicators(self.layer, with_index=False)
        set_by_index = set(indicator_fields(self.layer, {})[0]) if self._is_index() else set()
        return [r.field for r in profile.rows if r.id in mine and r.field not in set_by_index]

    def _is_index(self) -> bool:
        return is_index_board(self.dashboard)

    def _row_double_clicked(self, item) -> None:
        """Open the declaration of the indicator on that line (to change its polarity)."""
        rows = getattr(self, "_line_rows", [])
        i = item.row()
        if self.profile_a is None or i >= len(rows) or rows[i] is None:
            return
        field = self.profile_a.rows[rows[i]].field
        if field in self._declared_rows(self.profile_a) or (
            not self._is_index() and get_indicator(field) is None
        ):
            self.declare_indicator(field)

    def plain_notes(self, notes: list[Message]) -> list[str]:
        """The dashboard's notes in plain words: indicator labels, not field names; numbers in
        the user's locale; no statistics jargon."""
        lang = self._language()
        labels = {}
        if self.dashboard is not None:
            labels = {c.indicator.id: c.indicator.label(lang) for c in self.dashboard.indicators}
        out = []
        for m in notes:
            params = dict(m.params)
            if "indicator" in params:
                params["indicator"] = labels.get(str(params["indicator"]), params["indicator"])
            for key, value in params.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    params[key] = self.locale.toString(value)
            if m.template == _W_WINSOR:
                n = int(m.params.get("n", 0))
                text = (
                    self.tr(
                        "{indicator}: 1 extreme value brought back to the next value before "
                        "scoring, so that it does not squash the others."
                    )
                    if n == 1
                    else self.tr(
                        "{indicator}: {n} extreme values brought back to the next value before "
                        "scoring, so that they do not squash the others."
                    )
                )
                out.append(text.format(indicator=params["indicator"], n=params["n"]))
            elif m.template == _W_LOG:
                out.append(
                    self.tr(
                        "{indicator}: values too uneven between territories, scored on a "
                        "logarithmic scale."
                    ).format(indicator=params["indicator"])
                )
            else:
                out.extend(engine_messages([Message(m.template, params)]))
        return out

    def _polarity_text(self, polarity: Polarity) -> str:
        if polarity is Polarity.HIGHER_IS_BETTER:
            return self.tr("Higher is better")
        if polarity is Polarity.HIGHER_IS_WORSE:
            return self.tr("Higher is worse")
        return self.tr("Context (neither good nor bad)")

    # -- export -------------------------------------------------------------------------------

    def _ask_export(self, kind: str) -> None:
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG image (*.svg)"),
            "csv": self.tr("CSV table (*.csv)"),
        }
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), "", filters[kind])
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        try:
            self.export(path)
        except OSError as err:
            if self.iface is not None:
                self.iface.messageBar().pushCritical("ReTerr", str(err))

    def export(self, path: str) -> None:
        """Write the radar (``.png``/``.svg``) or the table (``.csv``) of what is shown."""
        if self.profile_a is None:
            raise OSError(self.tr("Nothing to export: select a territory first."))
        lower = path.lower()
        if lower.endswith(".png"):
            self.radar.save_png(path)
        elif lower.endswith(".svg"):
            self.radar.save_svg(path)
        else:
            profiles = [p for p in (self.profile_a, self.profile_b) if p is not None]
            try:
                with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh, delimiter=";")
                    writer.writerows(profile_csv_rows(profiles))
            except OSError as err:
                raise OSError(
                    self.tr("Cannot write '{path}': {error}").format(path=path, error=err.strerror)
                ) from err

    # -- user indicators ----------------------------------------------------------------------

    def declare_indicator(self, field_name: str = "") -> None:
        """Open the dialog that declares one of the layer's numeric fields as an indicator
        (``field_name`` chosen first, when given)."""
        if self.layer is None:
            return
        from .indicator_dialog import IndicatorDialog

        dialog = IndicatorDialog(
            self.layer, self, field_name if isinstance(field_name, str) else ""
        )
        if dialog.exec():
            self.reload()

    # -- map tool -----------------------------------------------------------------------------

    def _toggle_pick(self, on: bool) -> None:
        if self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        if on:
            if self.layer is None:
                self.pick_button.setChecked(False)
                return
            self._map_tool = QgsMapToolIdentifyFeature(canvas, self.layer)
            self._map_tool.featureIdentified.connect(self._picked)
            self._map_tool.deactivated.connect(lambda: self.pick_button.setChecked(False))
            self._previous_tool = canvas.mapTool()
            canvas.setMapTool(self._map_tool)
        elif self._map_tool is not None:
            if canvas.mapTool() is self._map_tool:
                canvas.unsetMapTool(self._map_tool)
                if self._previous_tool is not None:
                    canvas.setMapTool(self._previous_tool)
            self._map_tool = None

    def _picked(self, feature) -> None:
        if self.layer is not None:
            self.layer.selectByIds([feature.id()])

    def cleanup(self) -> None:
        """Disconnect from QGIS before the plugin unloads."""
        if self._task is not None:
            self._task.done = lambda *_: None
            self._task.cancel()
            self._task = None
        self.pick_button.setChecked(False)
        with contextlib.suppress(TypeError, RuntimeError):
            QgsProject.instance().layerWillBeRemoved.disconnect(self._layer_removed)
        if self.layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.selectionChanged.disconnect(self._selection_changed)
        self.layer = None


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
