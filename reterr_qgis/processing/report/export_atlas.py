"""``reterr:export_atlas`` — one council page per territory of a layer, in one PDF.

The algorithm reads its parameters and the layer; the pages are a QGIS layout atlas built by
:mod:`reterr_qgis.report.atlas` on the council map's template and building blocks
(:mod:`reterr_qgis.report.council_map`).
"""

from __future__ import annotations

import time

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate, QLocale

from ...adapters import compat
from ...adapters.dashboard import guess_name_field, indicator_fields, read_dashboard
from ...adapters.i18n import ui_language
from ...adapters.layers import read_columns
from ...adapters.style import CLASSIFICATIONS
from ...adapters.user_indicators import load_user_indicators
from ...engine.core.errors import Canceled
from ...engine.core.indicators import Polarity
from ...engine.index.dashboard import DIMENSION_FIELD, recognise_fields
from ...engine.profile.territory import COUNT_FIELDS
from ...report import atlas, council_map
from ..base import ReterrAlgorithm
from ..common.feedback import warn
from ..common.outputs import open_file_output

#: Fields of ``reterr:resilience_index`` read for the key figures and the profile.
INDEX_FIELDS = ("score", "rank", "rank_median", "rank_p05", "rank_p95")
#: Resolution of the rasterised parts of the PDF.
DPI = 200


class ExportAtlas(ReterrAlgorithm):
    """One page per territory: the map zoomed on it, its key figures and its profile."""

    ALG_ID = "export_atlas"
    GROUP_ID = "maps"

    INPUT = "INPUT"
    FIELDS = "FIELDS"
    NAME_FIELD = "NAME_FIELD"
    FILTER = "FILTER"
    PEER_FIELD = "PEER_FIELD"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    ADD_LAYOUT = "ADD_LAYOUT"

    def group_title(self) -> str:
        return self.tr("Maps")

    def title(self) -> str:
        return self.tr("Export council atlas (one page per territory)")

    def flags(self):
        # Layouts are QGraphicsScenes: built and exported on the main thread, as QGIS's own
        # atlas exports; the layout may also be added to the current project.
        return super().flags() | compat.FLAG_NO_THREADING

    def help_text(self) -> str:
        return self.tr(
            "Makes one PDF with one page per territory of a layer (each EPCI, or each commune "
            "of an EPCI with a filter), for a council or a committee.\n\n"
            "Each page shows the map zoomed on the territory, its neighbours in grey; its key "
            "figures (population, area, density, the mapped indicators and, for a layer made by "
            "the resilience index, its rank with the band holding it in 90 % of the weightings); "
            "and its profile: the index dimension scores, then each indicator with its rank and "
            "the median of its peers (the territories sharing the value of the peer field, e.g. "
            "the same EPCI; all territories without one), coloured green, amber or red for the "
            "best, middle and worst third.\n\n"
            "The pages are a QGIS atlas: tick 'Add the layout to the project' to open it in the "
            "layout designer, edit it and export it again (desktop only).\n\n"
            "Runs without an open project (qgis_process)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterVectorLayer(
                    self.INPUT, self.tr("Territories (one page each)"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr(
                    "Polygon layer of the territories, e.g. the EPCI profile or the output of the "
                    "resilience index."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FIELDS,
                    self.tr("Indicators to map"),
                    parentLayerParameterName=self.INPUT,
                    type=compat.FIELD_NUMERIC,
                    allowMultiple=True,
                    optional=True,
                ),
                self.tr(
                    "The first is mapped, all are listed in the key figures. Empty: the index "
                    "score when the layer has one, else its first indicator."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.NAME_FIELD,
                    self.tr("Name of the territories"),
                    parentLayerParameterName=self.INPUT,
                    optional=True,
                ),
                self.tr("Page title; empty: a usual name field (nom, nom_epci…)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterExpression(
                    self.FILTER,
                    self.tr("Only the territories where"),
                    parentLayerParameterName=self.INPUT,
                    optional=True,
                ),
                self.tr(
                    'An expression choosing the pages, e.g. "nom_epci" = \'CA Rodez '
                    "Agglomération'. Empty: every territory."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.PEER_FIELD,
                    self.tr("Peers: the territories sharing"),
                    parentLayerParameterName=self.INPUT,
                    optional=True,
                ),
                self.tr(
                    "Field whose value defines a territory's peers (e.g. nom_epci): the profile "
                    "compares it with their median. Empty: the median of all territories."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.TITLE, self.tr("Title"), defaultValue="", optional=True
                ),
                self.tr("Under each territory's name; empty: the mapped indicator."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFileDestination(
                    self.OUTPUT, self.tr("Atlas (PDF)"), self.tr("PDF files (*.pdf)")
                ),
                self.tr("One A4 landscape page per territory, with real text."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.ADD_LAYOUT,
                    self.tr("Add the layout to the project"),
                    defaultValue=False,
                ),
                self.tr("The atlas layout, to edit in the layout designer (desktop only)."),
            )
        )

    # -- main ----------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        started = time.monotonic()
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        names = layer.fields().names()

        def check_field(name: str) -> None:
            if name and name not in names:
                raise QgsProcessingException(
                    self.tr("Field '{field}' not found in layer '{layer}'.").format(
                        field=name, layer=layer.name()
                    )
                )

        lang = ui_language()
        language = "fr" if lang == "fr" else "en"
        locale = QLocale(lang)
        user = load_user_indicators(layer)
        fields = compat.parameter_as_fields(self, parameters, self.FIELDS, context)
        for name in fields:
            check_field(name)
        if not fields:
            fields = self._default_field(layer, user)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or ""
        check_field(name_field)
        name_field = name_field or guess_name_field(layer)
        peers = self.parameterAsString(parameters, self.PEER_FIELD, context) or ""
        check_field(peers)
        # parameterAsExpression hides an expression that does not parse: read the text to say so.
        expression = (self.parameterAsString(parameters, self.FILTER, context) or "").strip()
        if expression:
            parsed = QgsExpression(expression)
            if parsed.hasParserError():
                raise QgsProcessingException(
                    self.tr("The filter expression is not valid: {error}").format(
                        error=parsed.parserErrorString()
                    )
                )

        field = fields[0]
        label, unit = atlas.field_label(field, language)
        title = self.parameterAsString(parameters, self.TITLE, context).strip() or label

        feedback.setProgressText(self.tr("Reading the territories…"))
        indicators, index = indicator_fields(layer, user)
        numeric = [*dict.fromkeys([*fields, *COUNT_FIELDS, "density", *INDEX_FIELDS, *index])]
        texts = [f for f in (name_field, peers) if f]
        columns = read_columns(layer, numeric=numeric, text=texts, missing="skip", strict=False)
        if len(columns.fids) == 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no territory: no atlas to make.").format(
                    layer=layer.name()
                )
            )
        values = columns.numbers[field]
        if np.isnan(values).all():
            raise QgsProcessingException(
                self.tr("Field '{field}' has no value to map (all NULL).").format(field=field)
            )
        groups = None
        if peers:
            groups = [v or "" for v in columns.texts[peers]]
        board = None
        if indicators:
            read = read_dashboard(
                layer,
                layer.fields(),
                indicators=indicators,
                index=[],
                name_field=name_field,
                group_field=peers,
                user=user,
                language=language,
            )
            if read.dashboard is not None and read.fids == [int(f) for f in columns.fids]:
                board = read.dashboard
            elif read.error:
                warn(feedback, read.error)
        page_columns = {
            k: v for k, v in columns.numbers.items() if k in numeric and not np.isnan(v).all()
        }
        lines = atlas.territory_rows(
            page_columns, fields, locale, groups=groups, board=board, language=language
        )
        date = locale.toString(QDate.currentDate(), "d MMMM yyyy")
        if feedback.isCanceled():
            raise Canceled()

        def make_layout(project: QgsProject):
            choropleth = council_map.copy_layer(layer, f"{label} ({unit})" if unit else label)
            classification = council_map.style_choropleth(
                choropleth, field, values, 5, CLASSIFICATIONS[0]
            )
            map_layers = [choropleth]
            if np.isnan(values).any():
                map_layers.append(council_map.nodata_layer(layer, field, self.tr("No data")))
            table = atlas.page_table([int(f) for f in columns.fids], lines)
            reference = self.tr("Peers' median") if peers else self.tr("Median")
            return atlas.build_atlas(
                project,
                choropleth,
                map_layers,
                table,
                name_field=name_field,
                filter_expression=expression,
                title=title,
                subtitle=council_map.subtitle_text(title, date),
                sources=council_map.credit_text(date, classification),
                profile_reference=reference,
                peer_field=peers,
            )

        feedback.setProgress(5)
        project = QgsProject()
        layout = make_layout(project)
        n = layout.atlas().count()
        if n == 0:
            raise QgsProcessingException(
                self.tr("No territory of layer '{layer}' passes the filter '{filter}'.").format(
                    layer=layer.name(), filter=expression
                )
                if expression
                else self.tr("Layer '{layer}' has no territory: no atlas to make.").format(
                    layer=layer.name()
                )
            )
        out = open_file_output(self, parameters, self.OUTPUT, context)

        def on_page(k: int, total: int) -> None:
            feedback.setProgressText(self.tr("Page {k} of {n}…").format(k=k + 1, n=total))
            feedback.setProgress(5 + 90 * k / max(total, 1))

        feedback.setProgressText(self.tr("Exporting PDF…"))
        export_start = time.monotonic()
        try:
            atlas.export_atlas_pdf(layout, out.path, DPI, feedback, on_page)
        except OSError as err:
            raise QgsProcessingException(str(err)) from err
        if feedback.isCanceled():
            raise Canceled()
        seconds = time.monotonic() - export_start
        feedback.pushInfo(
            self.tr("{n} pages written in {s} s ({p} s per page).").format(
                n=n,
                s=locale.toString(seconds, "f", 1),
                p=locale.toString(seconds / n, "f", 2),
            )
        )

        if self.parameterAsBoolean(parameters, self.ADD_LAYOUT, context):
            self._add_layout(context, feedback, make_layout, title)
        feedback.setProgress(100)
        feedback.pushDebugInfo(f"export_atlas: {time.monotonic() - started:.1f} s")
        return {self.OUTPUT: out.dest}

    def _default_field(self, layer, user) -> list[str]:
        """The index score, else the first indicator of the layer, else an error."""
        numeric = [f.name() for f in layer.fields() if f.isNumeric()]
        if "score" in numeric:
            return ["score"]
        found = recognise_fields(numeric, user)
        # An indicator that ranks territories (not a context figure such as the population).
        ranked = [c for c in found if c.indicator.polarity is not Polarity.NEUTRAL]
        if ranked or found:
            return [(ranked or found)[0].latest]
        dims = [f for f in numeric if DIMENSION_FIELD.match(f)]
        if dims:
            return [dims[0]]
        raise QgsProcessingException(
            self.tr("Layer '{layer}' has no indicator to map: choose the indicator fields.").format(
                layer=layer.name()
            )
        )

    def _add_layout(self, context, feedback, make_layout, title: str) -> None:
        """Build the same atlas in the current project (desktop) for the layout designer."""
        project = context.project()
        if project is None:
            warn(
                feedback,
                self.tr("No open project: the layout is only in the PDF."),
            )
            return
        layout = make_layout(project)
        manager = project.layoutManager()
        name, k = title, 1
        while manager.layoutByName(name) is not None:
            k += 1
            name = f"{title} ({k})"
        layout.setName(name)
        manager.addLayout(layout)
        feedback.pushInfo(self.tr("Layout '{name}' added to the project.").format(name=name))
