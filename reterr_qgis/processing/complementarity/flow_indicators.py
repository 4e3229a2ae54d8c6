"""``reterr:flow_indicators`` — per territory, the commuting flows out, in and within, its
self-containment, job ratio and dependence on its main destination; and the flow lines between
territories, as curved arrows whose width follows the volume."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...adapters import compat
from ...adapters.layers import read_columns
from ...adapters.style import style_flow_layer
from ...engine.complementarity.flow_indicators import (
    LINE_MODES,
    select_flow_lines,
    territory_flow_indicators,
)
from ...engine.core.errors import Canceled
from ...engine.core.lazy import lazy_module
from ..common.feedback import engine_guard, listing, warn
from ..common.inputs import feature_source, layer_label
from ..common.outputs import fields_of, open_output, write_units
from ..common.params import decimals
from ..supply.establishments import CODE_FIELD, INPUT, NAME_FIELD, read_territories
from .base import ComplementarityAlgorithm

sparse = lazy_module("scipy.sparse")

#: Default minimum flow of a drawn line (persons) and lines per origin.
DEFAULT_THRESHOLD = 100.0
DEFAULT_TOP_K = 5
#: Bend of the curved lines: the middle vertex is moved sideways by this share of the length.
BEND = 0.15


def line_vertices(a, b, curved: bool) -> list[tuple[float, float]]:
    """The vertices of a flow line from ``a`` to ``b``: straight, or bent to the left of its
    direction at its middle (so that the lines A → B and B → A do not overlap)."""
    (x0, y0), (x1, y1) = (float(a[0]), float(a[1])), (float(b[0]), float(b[1]))
    if not curved:
        return [(x0, y0), (x1, y1)]
    dx, dy = x1 - x0, y1 - y0
    return [(x0, y0), ((x0 + x1) / 2 - BEND * dy, (y0 + y1) / 2 + BEND * dx), (x1, y1)]


class FlowIndicators(ComplementarityAlgorithm):
    """Flow indicators and flow lines."""

    ALG_ID = "flow_indicators"

    INPUT = INPUT
    CODE_FIELD = CODE_FIELD
    NAME_FIELD = NAME_FIELD
    FLOWS = "FLOWS"
    ORIGIN_FIELD = "ORIGIN_FIELD"
    DESTINATION_FIELD = "DESTINATION_FIELD"
    FLOW_FIELD = "FLOW_FIELD"
    MODE = "MODE"
    THRESHOLD = "THRESHOLD"
    TOP_K = "TOP_K"
    CURVED = "CURVED"
    OUTPUT = "OUTPUT"
    FLOW_LINES = "FLOW_LINES"

    def title(self) -> str:
        return self.tr("Flow indicators and flow lines")

    def help_text(self) -> str:
        return self.tr(
            "How each territory works with the others through commuting: how many of its "
            "working residents leave it, how many come in to work, how many live and work there, "
            "whether it is a job pole or residential, and how much it depends on one "
            "destination; and a map of the main flows between territories.\n\n"
            "Input: the territories (communes, EPCI, zones…) and a flow table with an origin "
            "code, a destination code and a number of persons, e.g. the output of 'Import INSEE "
            "commuting flows' at the same level (its ZONING field set to the territories' code). "
            "A row whose origin or destination is not a territory (HORS, ETRANGER, another "
            "commune) counts as leaving for, or coming from, outside.\n\n"
            "Method (METHODS §3.3; INSEE, Observatoire des territoires). For territory i, with "
            "T_ij the persons living in i and working in j: internes = T_ii; sortants O_i = "
            "Σ_{j≠i} T_ij + the flows to outside; entrants I_i = Σ_{j≠i} T_ji + the flows from "
            "outside; brut = O_i + I_i; net = I_i − O_i (> 0: more come in than go out); "
            "auto_off = 100 · T_ii / (T_ii + O_i), supply-side self-containment, the share of the "
            "working residents who work in the territory (INSEE's 'taux d'actifs stables'); "
            "auto_dem = 100 · T_ii / (T_ii + I_i), demand-side self-containment, the share of the "
            "jobs held by residents (LabourMarketAreas uses the smaller of the two); ratio_emp = "
            "100 · jobs / working residents = 100 · (T_ii + I_i) / (T_ii + O_i), INSEE's job ratio "
            "(indicateur de concentration d'emploi: < 100 residential, > 100 employment pole; "
            "France 98.3 in 2018); dep_max = 100 · T_ij / O_i for the destination j ≠ i with the "
            "largest flow (dest_max, nom_dmax: its code and name), the dependence on the main "
            "destination. A territory without any flow gets empty values and is named in the "
            "log.\n\n"
            "Flow lines: one line per pair of territories between points inside them (never the "
            "internal flows): directed (one line per direction), gross (both directions summed, "
            "from the territory that sends more) or net (the difference, in its direction). "
            "Kept: volumes of at least the threshold (default 100 persons; Géoclip and the "
            "Observatoire des territoires keep flows above 50 for communes) and, per origin, the "
            "k largest (default 5; 0 keeps all). Fields: orig, dest, noms, flux, fiable (INSEE "
            "reliability: 0 below 200 persons, use with caution; 1 from 200 to 500; 2 above "
            "500), part (% of the origin's out-commuters, or exchanges for gross lines), rang "
            "(rank among the origin's lines). Drawn with QGIS's arrow symbol layer, curved, "
            "width growing with the square root of the volume."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Territories (polygons)"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr(
                    "Communes, EPCI or any zoning, in a projected CRS (Lambert-93 in metropolitan "
                    "France), with the codes used in the flow table."
                ),
            )
        )
        for name, label, default, text in (
            (
                self.CODE_FIELD,
                self.tr("Territory code field"),
                "code_insee",
                self.tr("Code of each territory, as in the flow table's origins and destinations."),
            ),
            (
                self.NAME_FIELD,
                self.tr("Territory name field"),
                "nom",
                self.tr("Name of each territory, used in messages and the lines' names."),
            ),
        ):
            self.addParameter(
                h(
                    QgsProcessingParameterField(
                        name, label, default, self.INPUT, compat.FIELD_ANY, optional=True
                    ),
                    text,
                )
            )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.FLOWS,
                    self.tr("Flow table (e.g. from 'Import INSEE commuting flows')"),
                    [compat.TYPE_VECTOR_OR_TABLE],
                ),
                self.tr("One row per origin–destination pair with a number of persons."),
            )
        )
        for name, label, default, numeric, text in (
            (
                self.ORIGIN_FIELD,
                self.tr("Origin code field"),
                "orig",
                False,
                self.tr("Code of the territory of residence."),
            ),
            (
                self.DESTINATION_FIELD,
                self.tr("Destination code field"),
                "dest",
                False,
                self.tr("Code of the territory of work (or study)."),
            ),
            (
                self.FLOW_FIELD,
                self.tr("Flow field"),
                "flux",
                True,
                self.tr("Number of persons of the pair."),
            ),
        ):
            self.addParameter(
                h(
                    QgsProcessingParameterField(
                        name,
                        label,
                        default,
                        self.FLOWS,
                        compat.FIELD_NUMERIC if numeric else compat.FIELD_ANY,
                        optional=True,
                    ),
                    text,
                )
            )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.MODE,
                    self.tr("Flow lines"),
                    options=[
                        self.tr("Directed (one line per direction)"),
                        self.tr("Gross (both directions summed)"),
                        self.tr("Net (difference of the two directions)"),
                    ],
                    defaultValue=0,
                ),
                self.tr("What each line carries."),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.THRESHOLD,
                        self.tr("Smallest flow drawn (persons)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_THRESHOLD,
                        minValue=0.0,
                    ),
                    self.tr(
                        "Lines carrying fewer persons are not drawn (they still count in the "
                        "indicators). Below 200 INSEE advises caution."
                    ),
                ),
                0,
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.TOP_K,
                    self.tr("Largest lines kept per origin (0: all)"),
                    compat.NUMBER_INTEGER,
                    DEFAULT_TOP_K,
                    minValue=0,
                ),
                self.tr("Keeps the map readable: the k largest lines leaving each territory."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(self.CURVED, self.tr("Curved lines"), True),
                self.tr(
                    "Bend each line at its middle so that the two directions of a pair do not "
                    "overlap; off: straight lines."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Flow indicators"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr(
                    "The territories with sortants, entrants, internes, brut, net, auto_off, "
                    "auto_dem, ratio_emp, dep_max, dest_max, nom_dmax."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.FLOW_LINES,
                    self.tr("Flow lines"),
                    compat.TYPE_VECTOR_LINE,
                    optional=True,
                    createByDefault=True,
                ),
                self.tr("The flows between territories kept by the threshold and per origin."),
            )
        )

    # -- inputs ------------------------------------------------------------------------------------

    def _flow_field(self, parameters, name, default, context, source, layer) -> str:
        value = self.parameterAsString(parameters, name, context) or default
        if source.fields().lookupField(value) < 0:
            raise QgsProcessingException(
                self.tr(
                    "The field '{field}' is not in the flow table '{layer}' (its fields: "
                    "{fields}): choose it in the parameter '{param}'."
                ).format(
                    field=value,
                    layer=layer,
                    fields=listing(source.fields().names()),
                    param=self.parameterDefinition(name).description(),
                )
            )
        return value

    def _read_flows(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.FLOWS, context)
        layer = layer_label(self, parameters, self.FLOWS, context, source)
        o_f = self._flow_field(parameters, self.ORIGIN_FIELD, "orig", context, source, layer)
        d_f = self._flow_field(parameters, self.DESTINATION_FIELD, "dest", context, source, layer)
        v_f = self._flow_field(parameters, self.FLOW_FIELD, "flux", context, source, layer)
        feedback.setProgressText(self.tr("Reading the flows…"))
        with engine_guard():
            cols = read_columns(
                source,
                numeric=[v_f],
                text=[o_f, d_f],
                layer_name=layer,
                is_canceled=feedback.isCanceled,
            )
        if cols.canceled:
            raise Canceled()
        if len(cols) == 0:
            raise QgsProcessingException(
                self.tr("The flow table '{layer}' has no rows.").format(layer=layer)
            )
        flux = cols.numbers[v_f]
        bad = np.flatnonzero(~(np.isfinite(flux) & (flux >= 0)))
        if bad.size:
            raise QgsProcessingException(
                self.tr(
                    "{n} rows of '{layer}' have an empty or negative '{field}' (fid {fids}): "
                    "give each pair a number of persons ≥ 0."
                ).format(
                    n=bad.size, layer=layer, field=v_f, fids=listing(cols.fids[bad].tolist(), 10)
                )
            )

        def clean(values):
            return np.array(["" if v is None else str(v).strip() for v in values], dtype=object)

        return layer, clean(cols.texts[o_f]), clean(cols.texts[d_f]), flux

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        mode = LINE_MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        top_k = self.parameterAsInt(parameters, self.TOP_K, context)
        curved = self.parameterAsBoolean(parameters, self.CURVED, context)
        territories = read_territories(self, parameters, context, feedback)
        codes = territories.codes
        index: dict[str, int] = {}
        duplicates: list[int] = []
        no_code: list[int] = []
        for k, c in enumerate(codes):
            c = c.strip()
            if not c:
                no_code.append(k)
            elif c in index:
                duplicates.append(k)
            else:
                index[c] = k
        if duplicates:
            raise QgsProcessingException(
                self.tr(
                    "Several territories of '{layer}' have the same code in '{field}': "
                    "{features}. Give each territory its own code (or dissolve them first)."
                ).format(
                    layer=territories.name,
                    field=territories.code_field,
                    features=territories.table.describe(duplicates),
                )
            )
        if no_code:
            warn(
                feedback,
                self.tr("{n} territories have no code: no flow can be theirs ({features}).").format(
                    n=len(no_code), features=territories.table.describe(no_code)
                ),
            )
        layer, orig, dest, flux = self._read_flows(parameters, context, feedback)
        feedback.setProgress(30)
        n = len(territories)
        oi = np.array([index.get(c, -1) for c in orig], dtype=np.int64)
        di = np.array([index.get(c, -1) for c in dest], dtype=np.int64)
        both = (oi >= 0) & (di >= 0)
        out_only = (oi >= 0) & (di < 0)
        in_only = (oi < 0) & (di >= 0)
        neither = (oi < 0) & (di < 0)
        if not (both | out_only | in_only).any():
            raise QgsProcessingException(
                self.tr(
                    "No origin or destination of '{flows}' is a territory code of '{layer}' "
                    "(flows: {fcodes}; territories: {tcodes}). Use flows at the territories' "
                    "level: in 'Import INSEE commuting flows', set the zoning field to the field "
                    "of the territories' codes (e.g. siren_epci)."
                ).format(
                    flows=layer,
                    layer=territories.name,
                    fcodes=listing(sorted(set(orig.tolist()) - {""}), 5),
                    tcodes=listing(sorted(index), 5),
                )
            )
        matrix = sparse.csr_matrix((flux[both], (oi[both], di[both])), shape=(n, n))
        matrix.sum_duplicates()
        x = np.bincount(oi[out_only], weights=flux[out_only], minlength=n)
        y = np.bincount(di[in_only], weights=flux[in_only], minlength=n)
        code_list = [c.strip() for c in codes]
        with engine_guard(territories.table, territories.name):
            ind = territory_flow_indicators(
                matrix, code_list, outgoing_outside=x, incoming_outside=y
            )
        if neither.any():
            feedback.pushInfo(
                self.tr(
                    "{n} rows of '{flows}' ({w} persons) have neither end in the territories and "
                    "are not counted."
                ).format(n=int(neither.sum()), flows=layer, w=f"{float(flux[neither].sum()):.0f}")
            )
        if ind.no_flow.size:
            warn(
                feedback,
                self.tr(
                    "{n} territories have no flow at all (neither residents nor jobs in the "
                    "flows): their indicators are left empty: {features}."
                ).format(n=ind.no_flow.size, features=territories.table.describe(ind.no_flow)),
            )
        if feedback.isCanceled():
            raise Canceled()

        names = territories.table.names
        dest_name = [names[j] if j >= 0 else None for j in ind.main_destination.tolist()]
        pct = 100.0
        columns = [
            ("sortants", compat.FIELD_DOUBLE, ind.outgoing),
            ("entrants", compat.FIELD_DOUBLE, ind.incoming),
            ("internes", compat.FIELD_DOUBLE, ind.internal),
            ("brut", compat.FIELD_DOUBLE, ind.gross),
            ("net", compat.FIELD_DOUBLE, ind.net),
            ("auto_off", compat.FIELD_DOUBLE, pct * ind.self_containment_supply),
            ("auto_dem", compat.FIELD_DOUBLE, pct * ind.self_containment_demand),
            ("ratio_emp", compat.FIELD_DOUBLE, ind.job_ratio),
            ("dep_max", compat.FIELD_DOUBLE, pct * ind.main_destination_share),
            (
                "dest_max",
                compat.FIELD_STRING,
                [str(c) if c else None for c in ind.main_destination_code.tolist()],
            ),
            ("nom_dmax", compat.FIELD_STRING, dest_name),
        ]
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            territories.source,
            territories.table,
            columns,
            progress_span=(40, 70),
        )
        out.finalize(
            "auto_off",
            self.tr("Commuting flow indicators"),
            self.tr(
                "Out-, in- and internal commuters, self-containment, job ratio and dependence on "
                "the main destination of the territories of '{layer}', from the flows of "
                "'{flows}'."
            ).format(layer=territories.name, flows=layer),
        )
        results = {self.OUTPUT: out.dest_id}
        sc = ind.self_containment_supply
        ok = np.isfinite(sc)
        if ok.any():
            feedback.pushInfo(
                self.tr(
                    "{n} territories: {pole} job poles (ratio_emp > 100); supply-side "
                    "self-containment from {lo} % to {hi} %."
                ).format(
                    n=n,
                    pole=int(np.count_nonzero(ind.job_ratio > 100)),
                    lo=f"{100 * np.nanmin(sc):.1f}",
                    hi=f"{100 * np.nanmax(sc):.1f}",
                )
            )

        lines = self._write_lines(
            parameters,
            context,
            feedback,
            territories,
            matrix,
            code_list,
            mode,
            threshold,
            top_k,
            curved,
            layer,
        )
        if lines is not None:
            results[self.FLOW_LINES] = lines
        feedback.setProgress(100)
        return results

    def _write_lines(
        self,
        parameters,
        context,
        feedback,
        territories,
        matrix,
        codes,
        mode,
        threshold,
        top_k,
        curved,
        layer,
    ):
        with engine_guard(territories.table, territories.name):
            fl = select_flow_lines(
                matrix, codes, mode=mode, threshold=threshold, top_k=top_k or None
            )
        fields = fields_of(
            (
                ("orig", compat.FIELD_STRING),
                ("dest", compat.FIELD_STRING),
                ("noms", compat.FIELD_STRING),
                ("flux", compat.FIELD_DOUBLE),
                ("fiable", compat.FIELD_INT),
                ("part", compat.FIELD_DOUBLE),
                ("rang", compat.FIELD_INT),
            )
        )
        out = open_output(
            self,
            parameters,
            self.FLOW_LINES,
            context,
            feedback,
            fields,
            compat.WKB_LINESTRING,
            territories.source.sourceCrs(),
            total=len(fl),
            progress_span=(70, 99),
        )
        if out is None:
            return None
        xy = territories.table.anchor_xy()
        names = territories.table.names
        arrow = " ↔ " if mode == "gross" else " → "
        with out:
            for r in range(len(fl)):
                o, d = int(fl.origin[r]), int(fl.destination[r])
                feat = QgsFeature(fields)
                feat.setGeometry(
                    QgsGeometry.fromPolylineXY(
                        [QgsPointXY(px, py) for px, py in line_vertices(xy[o], xy[d], curved)]
                    )
                )
                share = float(fl.share_of_origin[r])
                feat.setAttributes(
                    [
                        codes[o],
                        codes[d],
                        f"{names[o]}{arrow}{names[d]}",
                        float(fl.volume[r]),
                        int(fl.reliability[r]),
                        100.0 * share if math.isfinite(share) else None,
                        int(fl.rank[r]),
                    ]
                )
                out.add(feat, lambda o=o, d=d: f"{names[o]} → {names[d]}")
        kept = fl.kept_share
        feedback.pushInfo(
            self.tr(
                "{n} flow lines of {c} pairs with a flow ({mode}, ≥ {t} persons, {k} per "
                "origin): they carry {share} % of the flows between territories."
            ).format(
                n=len(fl),
                c=fl.candidates,
                mode=mode,
                t=f"{threshold:g}",
                k=top_k if top_k else self.tr("all"),
                share=f"{100 * kept:.1f}" if math.isfinite(kept) else "—",
            )
        )
        if len(fl) == 0:
            warn(
                feedback,
                self.tr(
                    "No flow between territories reaches the threshold: the flow lines layer is "
                    "empty (lower the smallest flow drawn)."
                ),
            )
        caution = int(np.count_nonzero(fl.reliability == 0))
        if caution:
            feedback.pushInfo(
                self.tr(
                    "{n} lines carry fewer than 200 persons: INSEE advises using them with "
                    "caution (fiable = 0)."
                ).format(n=caution)
            )
        out.finalize(
            "flux",
            self.tr("Commuting flow lines"),
            self.tr(
                "Flows between the territories of '{layer}' from '{flows}' ({mode}, at least {t} "
                "persons, the {k} largest per origin)."
            ).format(
                layer=territories.name,
                flows=layer,
                mode=mode,
                t=f"{threshold:g}",
                k=top_k if top_k else self.tr("all"),
            ),
            style=lambda lyr: style_flow_layer(lyr, "flux", curved=curved),
        )
        return out.dest_id
