"""``reterr:export_council_map`` — an indicator as a council-ready choropleth map (PDF, PNG).

The algorithm reads its parameters and the layer; the page itself is built by
:mod:`reterr_qgis.report.council_map` (template, choropleth, labels, texts, key figures, export)
and :mod:`reterr_qgis.report.profile_page` (the optional profile page).
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QLocale

from ...adapters import compat
from ...adapters.dashboard import guess_name_field, indicator_fields, present, read_dashboard
from ...adapters.i18n import ui_language
from ...adapters.layers import read_columns
from ...adapters.style import CLASSIFICATIONS, PALETTES
from ...adapters.user_indicators import load_user_indicators
from ...engine.core.errors import Canceled
from ...engine.core.indicators import get_indicator
from ...engine.profile.territory import COUNT_FIELDS
from ...engine.supply.groups import GROUP_IDS, group_label
from ...report import council_map
from ...report.profile_page import add_territory_page
from ..base import ReterrAlgorithm
from ..common.feedback import warn
from ..common.params import ParseError, parse_numbers

PALETTE_CHOICES = ("auto", *PALETTES)


def fold(text: str) -> str:
    """``text`` without accents, case, hyphens or extra spaces, to compare names: "Guéret" and
    " GUERET", "Saint-Affrique" and "saint affrique" fold alike (œ and æ as oe and ae, a typographic
    apostrophe as a straight one)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("œ", "oe").replace("æ", "ae").replace("\u2019", "'").replace("-", " ")
    return " ".join(plain.split())


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
    FLOWS = "FLOWS"
    FLOWS_VOLUME_FIELD = "FLOWS_VOLUME_FIELD"
    FLOWS_CATEGORY_FIELD = "FLOWS_CATEGORY_FIELD"
    FLOWS_LABEL = "FLOWS_LABEL"
    SOURCES = "SOURCES"
    PROFILE_TERRITORY = "PROFILE_TERRITORY"
    PROFILE_LAYER = "PROFILE_LAYER"
    PROFILE_PEERS = "PROFILE_PEERS"
    TEMPLATE = "TEMPLATE"
    DPI = "DPI"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG = "OUTPUT_PNG"

    def group_title(self) -> str:
        return self.tr("Maps")

    def title(self) -> str:
        return self.tr("Export council map")

    def flags(self):
        # Layouts are QGraphicsScenes, not thread-safe: QGIS's own layout exports
        # (native:printlayouttopdf, native:atlaslayouttopdf) run on the main thread too. The
        # profile page's radar needs no widget any more (report.radar paints on an SVG generator),
        # so this is the only reason left.
        return super().flags() | compat.FLAG_NO_THREADING

    def help_text(self) -> str:
        return self.tr(
            "Renders a numeric field of a polygon layer as a classed choropleth into an A4 landscape "
            "print layout (resources/layouts/council_map.qpt, or your own template with the same item "
            "ids) and exports it to PDF and, optionally, PNG.\n\n"
            "The page holds a title (the indicator's label by default), a subtitle with the territory "
            "and the date, the map with the names of the main towns (the N largest by the rank "
            "field, or the largest by area without one), optional boundaries (e.g. EPCI), the legend, a scale bar, a north arrow, a table "
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
            "Flows: a line layer (e.g. the flows of local sourcing between territories) is drawn "
            "as arrows above the map, their width growing with the volume and one colour per "
            "family.\n\n"
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
                self.tr(
                    "Shown in the subtitle with the date (e.g. Aveyron); empty: the date only."
                ),
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
                QgsProcessingParameterVectorLayer(
                    self.FLOWS,
                    self.tr("Flow lines to overlay (e.g. local sourcing flows)"),
                    [compat.TYPE_VECTOR_LINE],
                    optional=True,
                ),
                self.tr(
                    "Drawn as arrows above the choropleth, their width growing with the volume, "
                    "e.g. the flows of 'Local sourcing flows (surplus → deficit)'."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FLOWS_VOLUME_FIELD,
                    self.tr("Volume of the flows"),
                    defaultValue="vol_ha",
                    parentLayerParameterName=self.FLOWS,
                    type=compat.FIELD_NUMERIC,
                    optional=True,
                ),
                self.tr(
                    "Numeric field giving the width of the arrows (vol_ha for sourcing flows)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FLOWS_CATEGORY_FIELD,
                    self.tr("Colour the flows by"),
                    defaultValue="famille",
                    parentLayerParameterName=self.FLOWS,
                    optional=True,
                ),
                self.tr(
                    "Field giving one colour per value (famille: the crop group of sourcing "
                    "flows). Empty: one colour."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.FLOWS_LABEL,
                    self.tr("Legend label of the flows"),
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

    def execute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        field = self.parameterAsString(parameters, self.FIELD, context) or "share_65p"
        if layer.fields().lookupField(field) < 0:
            raise QgsProcessingException(
                self.tr("Field '{field}' not found in layer '{layer}'.").format(
                    field=field,
                    layer=self.layer_label(parameters, self.INPUT, context, None) or layer.name(),
                )
            )
        lang = ui_language()
        locale = QLocale(lang)
        indicator = get_indicator(field)
        label = indicator.label(lang) if indicator else field
        unit = indicator.unit if indicator else ""

        # Lenient read: NULL and values that are not numbers are NaN (drawn as "no data").
        rank_field = self.parameterAsString(parameters, self.RANK_FIELD, context)
        read = read_columns(
            layer, numeric=[field, rank_field, *COUNT_FIELDS], missing="skip", strict=False
        )
        columns = read.numbers
        values = columns[field]
        finite = values[~np.isnan(values)]
        if finite.size == 0:
            raise QgsProcessingException(
                self.tr("Field '{field}' has no value to map (all NULL).").format(field=field)
            )
        n_missing = int(values.size - finite.size)
        breaks_text = self.parameterAsString(parameters, self.BREAKS, context)
        try:
            breaks = parse_numbers(breaks_text)
        except ParseError as err:
            raise QgsProcessingException(
                self.tr("Class limits must be numbers separated by ';', e.g. '2.5;4'.")
            ) from err

        template = (
            self.parameterAsFile(parameters, self.TEMPLATE, context)
            or council_map.default_template()
        )
        project = QgsProject()
        layout = council_map.load_template(project, template)
        feedback.setProgress(10)

        # Layers: choropleth, optional no-data underlay, optional boundaries.
        title = self.parameterAsString(parameters, self.TITLE, context).strip() or label
        # The legend's title: the map's title with the unit of the values.
        legend_title = f"{title} ({unit})" if unit and f"({unit})" not in title else title
        choropleth = council_map.copy_layer(layer, council_map.legend_text(legend_title))
        palette_i = self.parameterAsEnum(parameters, self.PALETTE, context)
        classification = council_map.style_choropleth(
            choropleth,
            field,
            values,
            self.parameterAsInt(parameters, self.CLASSES, context),
            CLASSIFICATIONS[self.parameterAsEnum(parameters, self.METHOD, context)],
            None if palette_i == 0 else PALETTE_CHOICES[palette_i],
            breaks,
        )
        ranked = council_map.label_towns(
            choropleth,
            self.parameterAsString(parameters, self.LABEL_FIELD, context),
            self.parameterAsInt(parameters, self.N_LABELS, context),
            rank_field,
            columns.get(rank_field),
        )
        if not ranked:
            warn(
                feedback,
                self.tr(
                    "No field to rank the towns: the {n} largest territories by area are labelled."
                ).format(
                    n=min(
                        self.parameterAsInt(parameters, self.N_LABELS, context),
                        council_map.MAX_LABELS_BY_AREA,
                    )
                ),
            )
        map_layers = [choropleth]
        if n_missing:
            missing_fids = read.fids[np.isnan(values)].tolist()
            map_layers.append(
                council_map.nodata_layer(layer, field, self.tr("No data"), missing_fids)
            )
        boundaries = self.parameterAsVectorLayer(parameters, self.BOUNDARIES, context)
        if boundaries is not None:
            b_label = (
                self.parameterAsString(parameters, self.BOUNDARIES_LABEL, context)
                or boundaries.name()
            )
            map_layers.insert(0, council_map.outline_layer(boundaries, b_label))
        flows = self.parameterAsVectorLayer(parameters, self.FLOWS, context)
        if flows is not None:
            flow_map_layer = self._flow_layer(flows, parameters, context, lang, feedback)
            if flow_map_layer is not None:
                map_layers.insert(0, flow_map_layer)
        council_map.fill_map(layout, map_layers, choropleth)

        # Texts and key figures.
        territory = self.parameterAsString(parameters, self.TERRITORY, context).strip()
        date = locale.toString(QDate.currentDate(), "d MMMM yyyy")
        sources = self.parameterAsString(parameters, self.SOURCES, context)
        credit = council_map.credit_text(date, classification)
        council_map.fill_texts(
            layout,
            title,
            council_map.subtitle_text(territory, date),
            "\n".join(s for s in (sources, credit) if s),
        )
        council_map.fill_key_figures(
            layout, council_map.key_figures(columns, field, label, unit, locale)
        )

        # The radar SVG of the profile page lives until the export is done, then goes.
        workdir = tempfile.TemporaryDirectory(prefix="reterr_profile_")
        try:
            territory_key = self.parameterAsString(
                parameters, self.PROFILE_TERRITORY, context
            ).strip()
            if territory_key:
                feedback.setProgressText(self.tr("Profile page…"))
                self._profile_page(
                    layout,
                    layer,
                    territory_key,
                    territory,
                    parameters,
                    context,
                    locale,
                    date,
                    workdir.name,
                )
            feedback.setProgress(40)
            if feedback.isCanceled():
                raise Canceled()

            pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
            png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
            dpi = self.parameterAsInt(parameters, self.DPI, context)
            feedback.setProgressText(self.tr("Exporting PDF…"))
            try:
                council_map.export_pdf(layout, pdf, dpi)
                outputs = {self.OUTPUT_PDF: pdf}
                feedback.setProgress(75)
                if png:
                    council_map.export_png(layout, png, dpi)
                    outputs[self.OUTPUT_PNG] = png
            except OSError as err:
                raise QgsProcessingException(str(err)) from err
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

    def _flow_layer(self, flows, parameters, context, lang, feedback):
        """The flow lines styled as arrows, or None (with a message) when there is nothing to draw."""
        volume = self.parameterAsString(parameters, self.FLOWS_VOLUME_FIELD, context) or "vol_ha"
        if flows.fields().lookupField(volume) < 0:
            raise QgsProcessingException(
                self.tr(
                    "Field '{field}' not found in the flow layer '{layer}': choose the field "
                    "holding the volumes."
                ).format(field=volume, layer=flows.name())
            )
        category = self.parameterAsString(parameters, self.FLOWS_CATEGORY_FIELD, context)
        if category and flows.fields().lookupField(category) < 0:
            if category != "famille":
                raise QgsProcessingException(
                    self.tr("Field '{field}' not found in the flow layer '{layer}'.").format(
                        field=category, layer=flows.name()
                    )
                )
            category = ""
        if flows.featureCount() == 0:
            warn(
                feedback,
                self.tr("The flow layer '{layer}' is empty: no flow drawn.").format(
                    layer=flows.name()
                ),
            )
            return None
        labels = {g: group_label(g, lang) for g in GROUP_IDS}
        name = self.parameterAsString(parameters, self.FLOWS_LABEL, context) or flows.name()
        return council_map.flow_layer(flows, name, volume, category, labels)

    # -- reading -------------------------------------------------------------------------------

    def _profile_page(
        self, layout, map_layer, key, territory, parameters, context, locale, date, workdir
    ) -> None:
        """Add the resilience profile page of the territory named or coded ``key`` (``territory``:
        the name of the whole territory given for the subtitles, may be empty)."""
        layer = self.parameterAsVectorLayer(parameters, self.PROFILE_LAYER, context) or map_layer
        param = self.PROFILE_LAYER if parameters.get(self.PROFILE_LAYER) else self.INPUT
        # Messages name the layer (the GeoPackage table), not the file.
        layer_label = self.layer_label(parameters, param, context, None) or layer.name()
        peers = self.parameterAsString(parameters, self.PROFILE_PEERS, context).strip()
        if peers and layer.fields().lookupField(peers) < 0:
            raise QgsProcessingException(
                self.tr("Peer field '{field}' not found in layer '{layer}'.").format(
                    field=peers, layer=layer_label
                )
            )
        user = load_user_indicators(layer)
        indicators, index = indicator_fields(layer, user)
        if not indicators and not index:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' has no indicator field for the profile page: give the output "
                    "of a ReTerr algorithm (e.g. the resilience index) as its indicator layer."
                ).format(layer=layer_label)
            )
        fid = self._find_territory(layer, key, layer_label)
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
        add_territory_page(
            layout,
            read.dashboard,
            read.fids.index(fid),
            peers,
            territory or layer_label,
            date,
            locale,
            Path(workdir),
        )

    def _find_territory(self, layer: QgsVectorLayer, key: str, layer_label: str = "") -> int:
        """Feature id of the territory coded or named ``key`` (accents and case ignored:
        "gueret" finds "Guéret"); ``layer_label`` names the layer in messages.

        A value equal to ``key`` in one feature's code (any text field but the name field) wins;
        else the features whose name equals ``key``: one is the territory, several are homonyms
        and are refused, listed with their code so that the code can be given instead.
        """
        fields = layer.fields()
        text_fields = [f.name() for f in fields if not f.isNumeric()]
        name = guess_name_field(layer)
        order = [name] if name else []
        order += [f for f in text_fields if f != name]
        codes = [f for f in order if f != name]
        layer_label = layer_label or layer.name()
        wanted = fold(key)
        request = QgsFeatureRequest().setFlags(compat.REQUEST_NO_GEOMETRY)
        request.setSubsetOfAttributes(order, fields)
        rows = [
            (
                feat.id(),
                {f: str(feat[f]).strip() if present(feat[f]) else "" for f in order},
            )
            for feat in layer.getFeatures(request)
        ]
        matches = {f: [fid for fid, row in rows if fold(row[f]) == wanted] for f in order}
        for field_name in codes:  # a code: the value of one feature only
            if len(matches[field_name]) == 1:
                return matches[field_name][0]
        found = next((f for f in order if matches[f]), None)
        if found is None:
            raise QgsProcessingException(
                self.tr(
                    "No territory named or coded '{key}' in layer '{layer}' (searched the fields "
                    "{fields})."
                ).format(key=key, layer=layer_label, fields=", ".join(order))
            )
        if len(matches[found]) == 1:
            return matches[found][0]
        # Homonyms: list them with their code (and EPCI) and ask for the code.
        usual = ("code_insee", "insee_com", "codgeo", "code", "siren_epci", "code_epci")
        code = next((f for f in usual if f in codes and f != found), None) or next(
            (f for f in codes if f != found), ""
        )
        epci = next((f for f in ("nom_epci", "lib_epci") if f in order and f != found), "")
        values = dict(rows)
        candidates = []
        shown = 10  # a long list helps no one: the first ones, then how many more
        for fid in matches[found][:shown]:
            row = values[fid]
            label = row[name] if name else row[found]
            if code and epci:
                text = self.tr("{name} ({field} {code}, EPCI {epci})").format(
                    name=label, field=code, code=row[code], epci=row[epci]
                )
            elif code:
                text = self.tr("{name} ({field} {code})").format(
                    name=label, field=code, code=row[code]
                )
            else:
                text = self.tr("{name} (feature {fid})").format(name=label, fid=fid)
            candidates.append(text)
        if len(matches[found]) > shown:
            candidates.append(self.tr("… and {n} more").format(n=len(matches[found]) - shown))
        if code:
            advice = self.tr("Which one? Give its code instead (field '{field}').").format(
                field=code
            )
        else:
            advice = self.tr(
                "The layer has no code field to tell them apart: give a layer with one "
                "(e.g. code_insee)."
            )
        raise QgsProcessingException(
            self.tr(
                "{n} territories are named '{key}' in layer '{layer}' (field '{field}'): "
                "{candidates}. {advice}"
            ).format(
                n=len(matches[found]),
                key=key,
                layer=layer_label,
                field=found,
                candidates="; ".join(candidates),
                advice=advice,
            )
        )
