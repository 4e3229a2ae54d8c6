"""``reterr:export_council_map`` — an indicator as a council-ready choropleth map (PDF, PNG)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRuleBasedLabeling,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QLocale
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..about import __version__, resource_path
from ..adapters import compat
from ..adapters.dashboard import guess_name_field, indicator_fields, present, read_dashboard
from ..adapters.i18n import ui_language
from ..adapters.profile_page import add_profile_page
from ..adapters.style import CLASSIFICATIONS, PALETTES, graduated_renderer
from ..adapters.user_indicators import load_user_indicators
from ..engine.indicators import get_indicator
from ..engine.profile import COUNT_FIELDS, profile_from_counts
from .base import ReterrAlgorithm, warn

PALETTE_CHOICES = ("auto", *PALETTES)


class ExportCouncilMap(ReterrAlgorithm):
    """Render one indicator of a layer into the council map template and export it."""

    ALG_ID = "export_council_map"
    GROUP_ID = "maps"

    INPUT = "INPUT"
    FIELD = "FIELD"
    TITLE = "TITLE"
    TERRITORY = "TERRITORY"
    LABEL_FIELD = "LABEL_FIELD"
    RANK_FIELD = "RANK_FIELD"
    N_LABELS = "N_LABELS"
    CLASSES = "CLASSES"
    METHOD = "METHOD"
    PALETTE = "PALETTE"
    BREAKS = "BREAKS"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARIES_LABEL = "BOUNDARIES_LABEL"
    SOURCES = "SOURCES"
    PROFILE_TERRITORY = "PROFILE_TERRITORY"
    PROFILE_LAYER = "PROFILE_LAYER"
    PROFILE_PEERS = "PROFILE_PEERS"
    TEMPLATE = "TEMPLATE"
    DPI = "DPI"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"

    def group(self) -> str:
        return self.tr("Maps")

    def displayName(self) -> str:
        return self.tr("Export council map")

    def flags(self):
        # Layouts are QGraphicsScenes: they must be built and rendered on the main thread.
        return super().flags() | compat.FLAG_NO_THREADING

    def shortHelpString(self) -> str:
        return self.tr(
            "Renders a numeric field of a polygon layer as a classed choropleth into an A4 landscape "
            "print layout (resources/layouts/council_map.qpt, or your own template with the same item "
            "ids) and exports it to PDF and, optionally, PNG.\n\n"
            "The page holds a title (the indicator's label by default), a subtitle with the territory "
            "and the date, the map with the names of the main towns (the N largest by the rank "
            "field), optional boundaries (e.g. EPCI), the legend, a scale bar, a north arrow, a table "
            "of key figures and the sources.\n\n"
            "Key figures for a ReTerr indicator are recomputed for the whole territory from the "
            "summed counts (e.g. the share of people aged 65+ of the département), not averaged "
            "over territories. Colours follow the indicator's polarity (reds where a higher value "
            "is worse, greens where it is better) unless a palette is chosen. Territories without "
            "a value are drawn in grey and counted.\n\n"
            "Profile page: give a territory (its name or code) and a second page shows its "
            "resilience profile as in the ReTerr dock — the radar of its scores against the median "
            "of all territories (or of its peers sharing the value of a field, e.g. its EPCI) and "
            "the table of its indicators with value, rank, reference and change between vintages, "
            "coloured by how it stands. The indicators are read from the profile layer (by default "
            "the mapped layer), e.g. the output of the resilience index.\n\n"
            "Runs without an open project (qgis_process)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterVectorLayer(
                    self.INPUT, self.tr("Layer to map"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr("Polygon layer holding the indicator (e.g. a territorial profile output)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FIELD,
                    self.tr("Indicator field"),
                    defaultValue="share_65p",
                    parentLayerParameterName=self.INPUT,
                    type=compat.FIELD_NUMERIC,
                    optional=True,
                ),
                self.tr("Numeric field to map (default: share_65p)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.TITLE, self.tr("Title"), defaultValue="", optional=True
                ),
                self.tr("Map title; empty: the indicator's label."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.TERRITORY, self.tr("Territory name"), defaultValue="", optional=True
                ),
                self.tr("Shown in the subtitle with the date; empty: the layer name."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.LABEL_FIELD,
                    self.tr("Label field"),
                    defaultValue="nom",
                    parentLayerParameterName=self.INPUT,
                    optional=True,
                ),
                self.tr("Names written on the map for the main towns."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.RANK_FIELD,
                    self.tr("Field ranking the towns to label"),
                    defaultValue="population",
                    parentLayerParameterName=self.INPUT,
                    type=compat.FIELD_NUMERIC,
                    optional=True,
                ),
                self.tr("The N features with the largest values are labelled."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.N_LABELS,
                    self.tr("Number of towns to label"),
                    compat.NUMBER_INTEGER,
                    defaultValue=8,
                    minValue=0,
                    maxValue=200,
                ),
                self.tr("0 for no labels."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.CLASSES,
                    self.tr("Number of classes"),
                    compat.NUMBER_INTEGER,
                    defaultValue=5,
                    minValue=2,
                    maxValue=9,
                ),
                self.tr("Classes of the choropleth."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.METHOD,
                    self.tr("Classification"),
                    options=[
                        self.tr("Quantiles"),
                        self.tr("Natural breaks (Jenks)"),
                        self.tr("Equal intervals"),
                        self.tr("Pretty breaks"),
                    ],
                    defaultValue=0,
                ),
                self.tr("How class breaks are chosen."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.PALETTE,
                    self.tr("Colours"),
                    options=[self.tr("Automatic (from the indicator's polarity)"), *PALETTES],
                    defaultValue=0,
                ),
                self.tr("Sequential ColorBrewer palette."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.BREAKS, self.tr("Class limits"), "", optional=True
                ),
                self.tr(
                    "Inner class limits separated by ';' (e.g. '2.5;4' around the APL threshold); "
                    "they replace the classification."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterVectorLayer(
                    self.BOUNDARIES,
                    self.tr("Boundaries to overlay (e.g. EPCI)"),
                    [compat.TYPE_VECTOR_POLYGON],
                    optional=True,
                ),
                self.tr("Drawn as dark outlines above the choropleth."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.BOUNDARIES_LABEL,
                    self.tr("Legend label of the boundaries"),
                    defaultValue="",
                    optional=True,
                ),
                self.tr("Empty: the layer name."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.SOURCES,
                    self.tr("Sources and attribution"),
                    defaultValue="",
                    optional=True,
                    multiLine=True,
                ),
                self.tr("Printed at the bottom of the page."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.PROFILE_TERRITORY, self.tr("Profile page for the territory"), optional=True
                ),
                self.tr(
                    "Name or code of a territory: adds a page with its resilience profile (radar "
                    "and indicator table). Empty: no profile page."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterVectorLayer(
                    self.PROFILE_LAYER,
                    self.tr("Indicators of the profile page"),
                    [compat.TYPE_VECTOR_ANY],
                    optional=True,
                ),
                self.tr("Layer holding the indicator fields; empty: the mapped layer."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.PROFILE_PEERS, self.tr("Profile reference: peers sharing"), optional=True
                ),
                self.tr(
                    "Field whose value defines the territory's peers (e.g. nom_epci): the reference "
                    "is their median. Empty: the median of all territories."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.TEMPLATE, self.tr("Layout template (.qpt)"), extension="qpt", optional=True
                ),
                self.tr("Empty: the ReTerr A4 landscape template."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.DPI,
                    self.tr("Resolution (dpi)"),
                    compat.NUMBER_INTEGER,
                    defaultValue=300,
                    minValue=72,
                    maxValue=600,
                ),
                self.tr("Resolution of rasterised parts and of the PNG."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFileDestination(
                    self.OUTPUT_PDF, self.tr("Map (PDF)"), self.tr("PDF files (*.pdf)")
                ),
                self.tr("The A4 landscape map, with real text."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFileDestination(
                    self.OUTPUT_PNG,
                    self.tr("Map (PNG)"),
                    self.tr("PNG images (*.png)"),
                    optional=True,
                    createByDefault=False,
                ),
                self.tr("Optional image of the page (at most 200 dpi)."),
            )
        )

    # -- main ----------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        field = self.parameterAsString(parameters, self.FIELD, context) or "share_65p"
        if layer.fields().lookupField(field) < 0:
            raise QgsProcessingException(
                self.tr("Field '{field}' not found in layer '{layer}'.").format(
                    field=field, layer=layer.name()
                )
            )
        lang = ui_language()
        locale = QLocale(lang)
        indicator = get_indicator(field)
        label = indicator.label(lang) if indicator else field
        unit = indicator.unit if indicator else ""

        rank_field = self.parameterAsString(parameters, self.RANK_FIELD, context)
        columns = self._columns(layer, [field, rank_field, *COUNT_FIELDS])
        values = columns[field]
        finite = values[~np.isnan(values)]
        if finite.size == 0:
            raise QgsProcessingException(
                self.tr("Field '{field}' has no value to map (all NULL).").format(field=field)
            )
        n_missing = int(values.size - finite.size)

        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or str(
            resource_path("layouts", "council_map.qpt")
        )
        project = QgsProject()
        layout = self._load_layout(project, template)
        feedback.setProgress(10)

        # Layers: choropleth, optional no-data underlay, optional boundaries.
        choropleth = self._copy(layer, f"{label} ({unit})" if unit else label)
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        method = CLASSIFICATIONS[self.parameterAsEnum(parameters, self.METHOD, context)]
        palette_i = self.parameterAsEnum(parameters, self.PALETTE, context)
        palette = None if palette_i == 0 else PALETTE_CHOICES[palette_i]
        if np.unique(finite).size < classes:
            classes = max(int(np.unique(finite).size), 1)
        breaks_text = self.parameterAsString(parameters, self.BREAKS, context)
        try:
            breaks = [float(b.replace(",", ".")) for b in breaks_text.split(";") if b.strip()]
        except ValueError as err:
            raise QgsProcessingException(
                self.tr("Class limits must be numbers separated by ';', e.g. '2.5;4'.")
            ) from err
        if breaks:
            classes = len(breaks) + 1
        choropleth.setRenderer(
            graduated_renderer(choropleth, field, classes, method, palette, breaks=breaks)
        )
        self._label_towns(choropleth, columns, parameters, context, feedback)
        map_layers = [choropleth]
        if n_missing:
            nodata = self._copy(layer, self.tr("No data"))
            nodata.setSubsetString(f'"{field}" IS NULL')
            nodata.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {
                            "color": "#d9d9d9",
                            "outline_color": "#ffffff",
                            "outline_width": "0.15",
                            "style": "solid",
                        }
                    )
                )
            )
            map_layers.append(nodata)
        boundaries = self.parameterAsVectorLayer(parameters, self.BOUNDARIES, context)
        if boundaries is not None:
            b_label = (
                self.parameterAsString(parameters, self.BOUNDARIES_LABEL, context)
                or boundaries.name()
            )
            outline = self._copy(boundaries, b_label)
            outline.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {"style": "no", "outline_color": "#263238", "outline_width": "0.45"}
                    )
                )
            )
            map_layers.insert(0, outline)
        for lyr in reversed(map_layers):
            project.addMapLayer(lyr)

        self._fill_map(layout, map_layers, choropleth)
        territory = self.parameterAsString(parameters, self.TERRITORY, context) or layer.name()
        title = self.parameterAsString(parameters, self.TITLE, context) or label
        date = locale.toString(QDate.currentDate(), "d MMMM yyyy")
        self._set_label(layout, "title", title)
        self._set_label(
            layout,
            "subtitle",
            self.tr("{territory} — {date}").format(territory=territory, date=date),
        )
        self._set_label(layout, "figures_title", self.tr("Key figures"))
        self._fill_figures(layout, columns, field, values, label, unit, locale, n_missing)
        sources = self.parameterAsString(parameters, self.SOURCES, context)
        method_label = {
            "manual": self.tr("manual limits"),
            "quantile": self.tr("quantiles"),
            "jenks": self.tr("natural breaks (Jenks)"),
            "equal": self.tr("equal intervals"),
            "pretty": self.tr("pretty breaks"),
        }
        if breaks:
            method = "manual"
            classes = len(choropleth.renderer().ranges())
        credit = self.tr(
            "Map: ReTerr {version} (QGIS {qgis}), {date}. Classes: {method}, {n} classes."
        ).format(
            version=__version__,
            qgis=Qgis.QGIS_VERSION,
            date=date,
            method=method_label[method],
            n=classes,
        )
        self._set_label(layout, "sources", "\n".join(s for s in (sources, credit) if s))
        # The radar SVG of the profile page lives until the export is done, then goes.
        workdir = tempfile.TemporaryDirectory(prefix="reterr_profile_")
        try:
            territory_key = self.parameterAsString(
                parameters, self.PROFILE_TERRITORY, context
            ).strip()
            if territory_key:
                feedback.setProgressText(self.tr("Profile page…"))
                self._profile_page(
                    layout, layer, territory_key, parameters, context, locale, date, workdir.name
                )
            feedback.setProgress(40)
            if feedback.isCanceled():
                return {}

            pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
            png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
            dpi = self.parameterAsInt(parameters, self.DPI, context)
            exporter = QgsLayoutExporter(layout)
            Path(pdf).parent.mkdir(parents=True, exist_ok=True)
            pdf_settings = QgsLayoutExporter.PdfExportSettings()
            pdf_settings.dpi = dpi
            pdf_settings.rasterizeWholeImage = False
            pdf_settings.forceVectorOutput = True
            # Real text, not outlines: titles, labels and key figures stay searchable and copyable.
            pdf_settings.textRenderFormat = compat.TEXT_ALWAYS_TEXT
            feedback.setProgressText(self.tr("Exporting PDF…"))
            result = exporter.exportToPdf(pdf, pdf_settings)
            if result != compat.EXPORT_SUCCESS:
                raise QgsProcessingException(
                    self.tr("The PDF could not be written to {path} ({error}).").format(
                        path=pdf,
                        error=exporter.errorMessage()
                        if hasattr(exporter, "errorMessage")
                        else result,
                    )
                )
            outputs = {self.OUTPUT_PDF: pdf}
            feedback.setProgress(75)
            if png:
                img = QgsLayoutExporter.ImageExportSettings()
                img.dpi = min(dpi, 200)
                result = exporter.exportToImage(png, img)
                if result != compat.EXPORT_SUCCESS:
                    raise QgsProcessingException(
                        self.tr("The PNG could not be written to {path}.").format(path=png)
                    )
                outputs[self.OUTPUT_PNG] = png
            if n_missing:
                warn(
                    feedback,
                    self.tr("{n} territories have no value and are drawn in grey.").format(
                        n=n_missing
                    ),
                )
            feedback.setProgress(100)
            return outputs
        finally:
            workdir.cleanup()

    # -- helpers -------------------------------------------------------------------------------

    def _profile_page(
        self, layout, map_layer, key, parameters, context, locale, date, workdir
    ) -> None:
        """Add the resilience profile page of the territory named or coded ``key``."""
        layer = self.parameterAsVectorLayer(parameters, self.PROFILE_LAYER, context) or map_layer
        peers = self.parameterAsString(parameters, self.PROFILE_PEERS, context).strip()
        if peers and layer.fields().lookupField(peers) < 0:
            raise QgsProcessingException(
                self.tr("Peer field '{field}' not found in layer '{layer}'.").format(
                    field=peers, layer=layer.name()
                )
            )
        user = load_user_indicators(layer)
        indicators, index = indicator_fields(layer, user)
        if not indicators and not index:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' has no indicator field for the profile page: give the output "
                    "of a ReTerr algorithm (e.g. the resilience index) as its indicator layer."
                ).format(layer=layer.name())
            )
        fid = self._find_territory(layer, key)
        read = read_dashboard(
            layer,
            layer.fields(),
            indicators=indicators,
            index=index,
            name_field=guess_name_field(layer),
            group_field=peers,
            user=user,
            language="fr" if ui_language() == "fr" else "en",
        )
        if read.dashboard is None:
            raise QgsProcessingException(read.error)
        row = read.fids.index(fid)
        board = read.dashboard
        group = board.group_label(row)
        if group is None:
            ref = self.tr("median of all territories")
        else:
            ref = self.tr("median of the territories with {field} = {value}").format(
                field=peers, value=group
            )
        profile = board.profile(row, ref)
        param = self.PROFILE_LAYER if parameters.get(self.PROFILE_LAYER) else self.INPUT
        label = self.layer_label(parameters, param, context, None) or layer.name()
        subtitle = self.tr("{layer}: {n} territories compared — {date}").format(
            layer=label, n=board.n, date=date
        )
        note = self.tr(
            "Radar: each indicator (or dimension of the index) scored from 0 (worst territory) to "
            "10 (best), by its polarity, as in the ReTerr dock and reterr:resilience_index."
        )
        add_profile_page(layout, profile, subtitle, note, locale, Path(workdir))

    def _find_territory(self, layer: QgsVectorLayer, key: str) -> int:
        """Feature id of the territory whose name or code (any text field) equals ``key``."""
        text_fields = [f.name() for f in layer.fields() if not f.isNumeric()]
        name = guess_name_field(layer)
        order = [name] if name else []
        order += [f for f in text_fields if f != name]
        wanted = key.casefold()
        for field_name in order:
            request = QgsFeatureRequest().setFlags(compat.REQUEST_NO_GEOMETRY)
            request.setSubsetOfAttributes([field_name], layer.fields())
            for feat in layer.getFeatures(request):
                value = feat[field_name]
                if present(value) and str(value).strip().casefold() == wanted:
                    return feat.id()
        raise QgsProcessingException(
            self.tr(
                "No territory named or coded '{key}' in layer '{layer}' (searched the fields "
                "{fields})."
            ).format(key=key, layer=layer.name(), fields=", ".join(order))
        )

    @staticmethod
    def _columns(layer: QgsVectorLayer, names: list[str]) -> dict[str, np.ndarray]:
        """The numeric fields ``names`` (those the layer has) as float arrays, NULL as NaN, read in
        one pass over the features."""
        fields = layer.fields()
        names = list(dict.fromkeys(n for n in names if n and fields.lookupField(n) >= 0))
        idx = [fields.lookupField(n) for n in names]
        request = QgsFeatureRequest().setFlags(compat.REQUEST_NO_GEOMETRY)
        request.setSubsetOfAttributes(idx)
        out: list[list[float]] = [[] for _ in names]
        for f in layer.getFeatures(request):
            for column, i in zip(out, idx):
                v = f.attribute(i)
                try:
                    column.append(
                        float(v)
                        if v is not None and not (hasattr(v, "isNull") and v.isNull())
                        else np.nan
                    )
                except (TypeError, ValueError):
                    column.append(np.nan)
        return {n: np.asarray(c, dtype=np.float64) for n, c in zip(names, out)}

    @staticmethod
    def _copy(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
        if layer.providerType() == "memory":
            copy = layer.materialize(QgsFeatureRequest())
        else:
            copy = layer.clone()
        copy.setName(name)
        return copy

    def _load_layout(self, project: QgsProject, template: str) -> QgsPrintLayout:
        doc = QDomDocument()
        try:
            text = Path(template).read_text(encoding="utf-8")
        except OSError as err:
            raise QgsProcessingException(
                self.tr("Cannot read the layout template {path}: {error}").format(
                    path=template, error=err
                )
            ) from err
        if not doc.setContent(text)[0]:
            raise QgsProcessingException(
                self.tr("The layout template {path} is not valid XML.").format(path=template)
            )
        layout = QgsPrintLayout(project)
        _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
        if not ok:
            raise QgsProcessingException(
                self.tr("The layout template {path} could not be loaded.").format(path=template)
            )
        if not isinstance(layout.itemById("map"), QgsLayoutItemMap):
            raise QgsProcessingException(
                self.tr("The layout template {path} has no map item with id 'map'.").format(
                    path=template
                )
            )
        return layout

    def _label_towns(self, layer, columns, parameters, context, feedback) -> None:
        label_field = self.parameterAsString(parameters, self.LABEL_FIELD, context)
        rank_field = self.parameterAsString(parameters, self.RANK_FIELD, context)
        n = self.parameterAsInt(parameters, self.N_LABELS, context)
        fields = layer.fields()
        if n <= 0 or not label_field or fields.lookupField(label_field) < 0:
            return
        expression = "TRUE"
        rank_bounds = None
        if rank_field and fields.lookupField(rank_field) >= 0:
            ranks = columns[rank_field]
            ranks = np.sort(ranks[~np.isnan(ranks)])[::-1]
            if ranks.size > n:
                expression = f'"{rank_field}" >= {float(ranks[n - 1])!r}'
            if ranks.size:
                top = ranks[: max(n, 1)]
                rank_bounds = (float(top.min()), float(max(top.max(), top.min() + 1)))
        else:
            warn(feedback, self.tr("No rank field: every feature is labelled."))
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        # Around the interior point, so that close towns (Rodez and Onet-le-Château) both fit;
        # the largest towns win placement conflicts (priority from the rank).
        settings.placement = compat.LABEL_AROUND_POINT
        settings.centroidInside = True
        settings.dist = 0.5
        settings.priority = 10
        if rank_bounds is not None:
            props = settings.dataDefinedProperties()
            lo, hi = rank_bounds
            props.setProperty(
                compat.LABEL_PRIORITY,
                QgsProperty.fromExpression(f'scale_linear("{rank_field}", {lo!r}, {hi!r}, 5, 10)'),
            )
            settings.setDataDefinedProperties(props)
        fmt = QgsTextFormat()
        font = QFont("DejaVu Sans")
        font.setBold(True)
        fmt.setFont(font)
        fmt.setSize(8)
        fmt.setColor(QColor("#111111"))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        buffer.setColor(QColor(255, 255, 255, 230))
        fmt.setBuffer(buffer)
        settings.setFormat(fmt)
        rule = QgsRuleBasedLabeling.Rule(settings)
        rule.setFilterExpression(expression)
        root = QgsRuleBasedLabeling.Rule(None)
        root.appendChild(rule)
        layer.setLabeling(QgsRuleBasedLabeling(root))
        layer.setLabelsEnabled(True)

    @staticmethod
    def _fill_map(layout, map_layers, choropleth) -> None:
        map_item = layout.itemById("map")
        # Changing the CRS reprojects the stored extent (NaN from an unset CRS) and may alter the
        # item's height: keep the template's size and restore it at the end.
        size = map_item.sizeWithUnits()
        map_item.setCrs(choropleth.crs())
        map_item.setLayers(map_layers)
        map_item.setKeepLayerSet(True)
        extent = choropleth.extent()
        extent.scale(1.04)
        # Fit the extent to the item's aspect ratio ourselves: setExtent would otherwise resize the
        # item, and zoomToExtent fails on a template map whose stored extent is empty.
        aspect = size.width() / size.height() if size.height() > 0 else 1.0
        if extent.width() / max(extent.height(), 1e-9) < aspect:
            grow = (extent.height() * aspect - extent.width()) / 2
            extent.setXMinimum(extent.xMinimum() - grow)
            extent.setXMaximum(extent.xMaximum() + grow)
        else:
            grow = (extent.width() / aspect - extent.height()) / 2
            extent.setYMinimum(extent.yMinimum() - grow)
            extent.setYMaximum(extent.yMaximum() + grow)
        map_item.setExtent(extent)
        map_item.attemptResize(size)
        for item in layout.items():
            if isinstance(item, QgsLayoutItemScaleBar):
                item.setLinkedMap(map_item)
                item.applyDefaultSize(item.units())
            elif isinstance(item, QgsLayoutItemLegend):
                item.setLinkedMap(map_item)
                item.setAutoUpdateModel(True)
                item.adjustBoxSize()
        north = layout.itemById("north")
        if isinstance(north, QgsLayoutItemPicture):
            north.setPicturePath(str(resource_path("icons", "north_arrow.svg")))

    @staticmethod
    def _set_label(layout, item_id: str, text: str) -> None:
        item = layout.itemById(item_id)
        if isinstance(item, QgsLayoutItemLabel):
            item.setText(text)

    def _fill_figures(self, layout, columns, field, values, label, unit, locale, n_missing) -> None:
        tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemTextTable)]
        if not tables:
            return

        def num(v: float, decimals: int = 1) -> str:
            return locale.toString(float(v), "f", decimals)

        rows = [[self.tr("Territories mapped"), locale.toString(int(values.size))]]
        # Whole-territory values recomputed from summed counts when the layer has them.
        counts = {name: columns[name] for name in COUNT_FIELDS if name in columns}
        overall = None
        if "population" in counts and "area_km2" in counts:
            total = {k: np.array([np.nansum(v)]) for k, v in counts.items()}
            try:
                overall = profile_from_counts(total).columns()
            except ValueError:
                overall = None
        if overall is not None:
            rows.append([self.tr("Population"), num(overall["population"][0], 0)])
            rows.append([self.tr("Area"), num(overall["area_km2"][0], 0) + " km²"])
            rows.append(
                [self.tr("Density"), num(overall["density"][0]) + " " + self.tr("inh./km²")]
            )
            if field in overall and field not in ("population", "area_km2", "density"):
                rows.append(
                    [
                        self.tr("{label}, whole territory").format(label=label),
                        num(overall[field][0]) + (f" {unit}" if unit else ""),
                    ]
                )
        finite = values[~np.isnan(values)]
        suffix = f" {unit}" if unit else ""
        rows.append([self.tr("Median of territories"), num(np.median(finite)) + suffix])
        rows.append(
            [self.tr("Lowest – highest"), f"{num(finite.min())} – {num(finite.max())}{suffix}"]
        )
        if n_missing:
            rows.append([self.tr("Territories without data"), locale.toString(n_missing)])
        tables[0].setContents(rows)
        tables[0].refresh()
