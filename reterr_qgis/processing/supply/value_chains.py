"""``reterr:value_chains`` — per territory and value chain, the stages present and the missing
links: stages absent while an earlier stage is present, whose nearest establishment is farther
than a threshold."""

from __future__ import annotations

import re

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...adapters.i18n import ui_language
from ...adapters.layers import engine_messages, read_features, require_projected
from ...engine.core.errors import Canceled
from ...engine.routing import NetworkCosts
from ...engine.supply.chains import (
    DEFAULT_MAX_MINUTES,
    ChainTable,
    chain_presence,
    load_value_chains,
    missing_links,
    nearest_request,
    run_nearest,
)
from ..common.feedback import engine_guard, listing, progress_to, warn
from ..common.inputs import DemandInput, feature_source, layer_label
from ..common.outputs import cell, open_output, write_units
from ..common.params import ParseError, decimals, parse_pairs, split_codes, to_number
from ..common.travel import (
    add_road_network_parameters,
    add_straight_line_parameters,
    describe_costs,
    locate_points,
    push_engine_warnings,
    travel_costs,
)
from .base import SupplyAlgorithm
from .establishments import (
    ESTABLISHMENTS,
    SIRENE_FIELDS,
    add_establishment_parameters,
    add_territory_parameters,
    assign_establishments,
    assign_points,
    field_parameter,
    read_establishments,
    read_territories,
)

#: Longest chain prefix in the per-chain field names (``<prefix>_st`` fits a shapefile's 10).
PREFIX_LENGTH = 7


def chain_prefixes(chain_ids: list[str]) -> list[str]:
    """Short, distinct field prefixes of the chains: ``cereales_pain`` → ``cereale``,
    ``lait`` → ``lait`` (lower case, letters, digits and ``_``; repeats numbered)."""
    out: list[str] = []
    for cid in chain_ids:
        base = re.sub(r"[^a-z0-9_]", "_", cid.lower())[:PREFIX_LENGTH].rstrip("_") or "chain"
        name, k = base, 1
        while name in out:
            k += 1
            name = f"{base[: PREFIX_LENGTH - len(str(k))]}{k}"
        out.append(name)
    return out


class ValueChains(SupplyAlgorithm):
    """Stages of the value chains present in each territory, and the missing links."""

    ALG_ID = "value_chains"
    IN_MENU = True

    NAF_FIELD = "NAF_FIELD"
    JOBS_FIELD = "JOBS_FIELD"
    SIRET_FIELD = "SIRET_FIELD"
    COMMUNE_FIELD = "COMMUNE_FIELD"
    CHAINS_TABLE = "CHAINS_TABLE"
    CHAINS = "CHAINS"
    THRESHOLDS = "THRESHOLDS"
    DEFAULT_MINUTES = "DEFAULT_MINUTES"
    ANCHORS = "ANCHORS"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT = "OUTPUT"
    MISSING_LINKS = "MISSING_LINKS"
    STAGES = "STAGES"

    def title(self) -> str:
        return self.tr("Value chains and missing links")

    def help_text(self) -> str:
        return self.tr(
            "Which stages of the local value chains (grain → mill → bakery, milk → dairy, "
            "livestock → abattoir → butcher, forest → sawmill → joinery…) each territory holds, "
            "and the missing links: stages absent from the territory while an earlier stage of "
            "the same chain is there, whose nearest establishment is too far.\n\n"
            "Chains: an editable table of stages, each a list of NAF rév. 2 sous-classes "
            "(resources/supply/value_chains.csv, columns chain_id; stage_order; stage_id; "
            "naf_codes; max_minutes…). An establishment belongs to every stage listing its NAF "
            "code. The establishments are points with a NAF code and jobs, e.g. the output of "
            "'Import SIRENE establishments'; each counts in the territory containing it (a point "
            "just outside every territory, in the territory of its commune).\n\n"
            "Method. A stage is present in a territory when it has at least one establishment "
            "of it; it is missing when an earlier stage of its chain is present but not the "
            "stage itself. For a missing stage, t = the travel time (minutes) from the "
            "territory to the nearest establishment of that stage among ALL the establishments "
            "given (they may lie beyond the territories: give the surrounding départements too). "
            "A missing link is a missing stage with t > threshold. The territory's origin is a "
            "point inside it, or the points standing for it (e.g. the town halls of its "
            "communes, or population grid cells), t being then their mean weighted by the "
            "population field. Travel times on the road network when one is given, else "
            "straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h).\n\n"
            "Thresholds: per stage, the max_minutes of the table, else the default threshold "
            "(30 minutes). The shipped table gives 30 minutes for mills and dairies and 60 "
            "minutes for abattoirs (the examples of ReTerr's reference notes), 60 minutes for "
            "collection, wholesale, feed and oil mills (a département-size reach), 45 minutes "
            "for the other processing stages and 15 minutes for bakeries and food shops (the "
            "everyday reach of the services basket). These are ReTerr defaults: no published "
            "norm fixes a distance to a mill, a dairy or an abattoir; set your own in "
            "'Thresholds per stage' or in the table.\n\n"
            "Outputs. Territories: per chain, <chain>_st the stages present, <chain>_jb the "
            "jobs in the chain's establishments, <chain>_ml the missing links; n_links and "
            "links (every missing link, 'chain:stage'). Missing links layer: one line per "
            "territory and missing stage, from the territory's point to the nearest "
            "establishment of that stage, with minutes, threshold, link (1: beyond the "
            "threshold, a missing link; 0: absent but within reach) and that establishment's "
            "siret, commune and NAF code. Optional stage table: establishments, jobs, presence "
            "and time per territory and stage."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_territory_parameters(self)
        add_establishment_parameters(self)
        field_parameter(
            self,
            self.NAF_FIELD,
            self.tr("NAF code field"),
            SIRENE_FIELDS["naf"],
            ESTABLISHMENTS,
            self.tr("NAF rév. 2 sous-classe of each establishment ('10.71C' or '1071C')."),
        )
        field_parameter(
            self,
            self.JOBS_FIELD,
            self.tr("Jobs field"),
            SIRENE_FIELDS["jobs"],
            ESTABLISHMENTS,
            self.tr("Jobs of each establishment (from the SIRENE size class)."),
            numeric=True,
        )
        field_parameter(
            self,
            self.SIRET_FIELD,
            self.tr("Establishment identifier field (SIRET)"),
            SIRENE_FIELDS["siret"],
            ESTABLISHMENTS,
            self.tr("Written in the missing links layer for the nearest establishment."),
        )
        field_parameter(
            self,
            self.COMMUNE_FIELD,
            self.tr("Establishment commune field"),
            SIRENE_FIELDS["commune"],
            ESTABLISHMENTS,
            self.tr(
                "Commune code of each establishment: places the points lying just outside "
                "every territory, and is written for the nearest establishment."
            ),
        )
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.CHAINS_TABLE,
                    self.tr("Value chain table (CSV)"),
                    extension="csv",
                    optional=True,
                ),
                self.tr(
                    "Chains and their stages as NAF codes (';'-separated, UTF-8). Empty: the "
                    "table shipped with the plugin (resources/supply/value_chains.csv), which "
                    "can be copied and edited."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.CHAINS, self.tr("Chains to include"), "", optional=True
                ),
                self.tr(
                    "Chain ids separated by ';' (e.g. lait; viande); empty: every chain of the "
                    "table."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.THRESHOLDS,
                    self.tr("Thresholds per stage (minutes)"),
                    "",
                    optional=True,
                ),
                self.tr(
                    "'chain:stage:minutes' separated by ';' (e.g. viande:abattage:45; "
                    "lait:transformation:20); they replace the table's values."
                ),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.DEFAULT_MINUTES,
                        self.tr("Default threshold (minutes)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_MAX_MINUTES,
                        minValue=0.1,
                    ),
                    self.tr("Threshold of the stages that have none in the table."),
                ),
                0,
            )
        )
        add_straight_line_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.ANCHORS,
                    self.tr("Points standing for the territories (e.g. town halls)"),
                    [compat.TYPE_VECTOR_POINT],
                    optional=True,
                ),
                self.tr(
                    "Origins of the trips: the points inside each territory (town halls of its "
                    "communes, population grid cells); a territory without any starts from a "
                    "point inside it."
                ),
            )
        )
        field_parameter(
            self,
            self.POPULATION_FIELD,
            self.tr("Population field of the points"),
            "population",
            self.ANCHORS,
            self.tr(
                "Weights of the points in their territory's mean time; empty or absent: equal "
                "weights."
            ),
            numeric=True,
        )
        add_road_network_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Value chains by territory"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr(
                    "The territories with, per chain, the stages present, the jobs and the "
                    "missing links."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.MISSING_LINKS,
                    self.tr("Missing links"),
                    compat.TYPE_VECTOR_LINE,
                    optional=True,
                    createByDefault=True,
                ),
                self.tr(
                    "One line per territory and missing stage, to the nearest establishment "
                    "of that stage."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.STAGES,
                    self.tr("Stages by territory (table)"),
                    compat.TYPE_VECTOR_ANY,
                    optional=True,
                    createByDefault=False,
                ),
                self.tr(
                    "One row per territory and stage: establishments, jobs, present, missing, "
                    "minutes, link."
                ),
            )
        )

    # -- parameters ------------------------------------------------------------------------------

    def _chain_table(self, parameters, context, feedback) -> ChainTable:
        path = self.parameterAsFile(parameters, self.CHAINS_TABLE, context)
        table = load_value_chains(path or None)
        wanted = split_codes(self.parameterAsString(parameters, self.CHAINS, context))
        if wanted:
            known = table.chain_ids
            unknown = [c for c in wanted if c not in known]
            if unknown:
                raise QgsProcessingException(
                    self.tr("Unknown chains: {unknown}. The table has: {known}.").format(
                        unknown=", ".join(unknown), known=", ".join(known)
                    )
                )
            table = ChainTable(tuple(c for c in table.chains if c.id in wanted))
        feedback.pushInfo(
            self.tr("{n} value chains ({chains}), {s} stages, from {path}.").format(
                n=len(table.chains),
                chains=", ".join(table.chain_ids),
                s=len(table.stages),
                path=path or "resources/supply/value_chains.csv",
            )
        )
        return table

    def _thresholds(self, parameters, context, table: ChainTable) -> dict[str, float]:
        text = self.parameterAsString(parameters, self.THRESHOLDS, context)
        keys = table.stage_keys
        out: dict[str, float] = {}
        try:
            pairs = parse_pairs(text)
            for key, value in pairs:
                out[key] = to_number(value)
        except ParseError as err:
            raise QgsProcessingException(
                self.tr(
                    "Thresholds per stage: '{item}' is not of the form chain:stage:minutes "
                    "(e.g. viande:abattage:45)."
                ).format(item=err.item)
            ) from None
        unknown = [k for k in out if k not in keys]
        if unknown:
            raise QgsProcessingException(
                self.tr(
                    "Thresholds per stage: unknown stages {unknown}; the stages are: {keys}."
                ).format(unknown=", ".join(unknown), keys=listing(keys, 60))
            )
        bad = [k for k, v in out.items() if not v > 0]
        if bad:
            raise QgsProcessingException(
                self.tr(
                    "Thresholds per stage: the threshold of {stages} must be a positive number "
                    "of minutes."
                ).format(stages=", ".join(bad))
            )
        return out

    # -- origins ---------------------------------------------------------------------------------

    def _origins(self, parameters, context, feedback, territories):
        """Demand points: ``(xy, unit_territory or None, weights or None, start_xy)``.

        Without ANCHORS, one point inside each territory (in territory order). With them, the
        points inside each territory (a territory without any gets its interior point),
        weighted by the population field. ``start_xy`` is the start of each territory's lines
        (its heaviest point)."""
        inner = territories.table.anchor_xy()
        if not parameters.get(self.ANCHORS):
            return inner, None, None, inner
        source = feature_source(self, parameters, self.ANCHORS, context)
        name = layer_label(self, parameters, self.ANCHORS, context, source)
        require_projected(source.sourceCrs(), name)
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        numeric = {}
        if pop_field and source.fields().lookupField(pop_field) >= 0:
            numeric["population"] = pop_field
        elif pop_field:
            feedback.pushInfo(
                self.tr(
                    "Layer '{layer}' has no field '{field}': its points weigh the same."
                ).format(layer=name, field=pop_field)
            )
        table = read_features(source, numeric=numeric, layer_name=name)
        if source.sourceCrs() != territories.source.sourceCrs():
            table.transform(
                QgsCoordinateTransform(
                    source.sourceCrs(), territories.source.sourceCrs(), context.transformContext()
                )
            )
        axy = table.anchor_xy()
        at, _amb = assign_points(territories, axy)
        weight = table.numbers.get("population", np.ones(len(table)))
        weight = np.where(np.isfinite(weight) & (weight > 0), weight, 0.0)
        keep = at >= 0
        n = len(territories)
        covered = np.zeros(n, dtype=bool)
        covered[at[keep]] = True
        # A territory whose points all weigh 0 takes them with equal weights.
        wsum = np.bincount(at[keep], weights=weight[keep], minlength=n)
        zero = keep & (wsum[np.maximum(at, 0)] <= 0)
        weight = np.where(zero, 1.0, weight)
        lone = np.flatnonzero(~covered)
        xy = np.vstack([axy[keep], inner[lone]])
        ut = np.concatenate([at[keep], lone]).astype(np.int64)
        uw = np.concatenate([weight[keep], np.ones(lone.size)])
        feedback.pushInfo(
            self.tr(
                "{n} points of '{layer}' stand for {t} territories; {lone} territories without "
                "any start from a point inside them."
            ).format(n=int(keep.sum()), layer=name, t=n - lone.size, lone=lone.size)
        )
        start = inner.copy()
        order = np.lexsort((-uw, ut))
        first = np.ones(order.size, dtype=bool)
        first[1:] = ut[order][1:] != ut[order][:-1]
        start[ut[order][first]] = xy[order][first]
        return xy, ut, uw, start

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        table = self._chain_table(parameters, context, feedback)
        overrides = self._thresholds(parameters, context, table)
        default_minutes = self.parameterAsDouble(parameters, self.DEFAULT_MINUTES, context)
        territories = read_territories(self, parameters, context, feedback)
        text = {}
        for key, param in (("siret", self.SIRET_FIELD), ("commune", self.COMMUNE_FIELD)):
            field = self.parameterAsString(parameters, param, context)
            source = feature_source(self, parameters, ESTABLISHMENTS, context)
            if field and source.fields().lookupField(field) >= 0:
                text[key] = field
        est = read_establishments(
            self,
            parameters,
            context,
            feedback,
            territories,
            required={"naf": (self.NAF_FIELD, "text"), "jobs": (self.JOBS_FIELD, "number")},
            text=text,
        )
        naf = est.text("naf")
        commune = est.text("commune")
        terr = assign_establishments(territories, est, feedback, commune)
        n_terr = len(territories)

        feedback.setProgressText(self.tr("Stages present per territory…"))
        with engine_guard(est.table, est.name):
            presence = chain_presence(table, terr, naf, est.table.numbers["jobs"], n_terr)
            request = nearest_request(
                presence, naf, thresholds=overrides, default_minutes=default_minutes
            )
        in_stage = np.asarray(table.membership(naf).sum(axis=1)).ravel() > 0
        feedback.pushInfo(
            self.tr("{n} of the {total} establishments belong to a stage of the chains.").format(
                n=int(in_stage.sum()), total=len(est)
            )
        )
        if feedback.isCanceled():
            raise Canceled()

        feedback.setProgressText(self.tr("Searching the nearest establishment of each stage…"))
        xy, ut, uw, start = self._origins(parameters, context, feedback, territories)
        demand = DemandInput(territories.source, territories.name, territories.table, xy)
        costs = travel_costs(self, parameters, context, feedback, demand)
        feedback.pushInfo(describe_costs(costs))
        with engine_guard():
            d_places = costs.locate(xy, "demand")
        if d_places.unsnapped.size and isinstance(costs, NetworkCosts):
            rows = np.unique(d_places.unsnapped if ut is None else ut[d_places.unsnapped])
            warn(
                feedback,
                self.tr(
                    "Territories whose points are more than {d} m from the road network (their "
                    "missing stages count as out of reach): {features}."
                ).format(d=f"{costs.max_snap_m:g}", features=territories.table.describe(rows)),
            )
        f_places = locate_points(costs, est, feedback)
        with engine_guard(territories.table, territories.name):
            nearest = run_nearest(
                request,
                costs,
                d_places,
                f_places,
                progress=progress_to(feedback, 35, 75),
                is_canceled=feedback.isCanceled,
            )
            links = missing_links(
                presence, nearest, request, unit_territory=ut, unit_weight=uw, how="mean"
            )
            nearest_rows = (
                links.nearest
                if ut is None
                else missing_links(presence, nearest, request, unit_territory=ut, how="min").nearest
            )
        # The engine's "no facility of type" warning is said per stage by missing_links.
        absent = set(nearest.absent_types)
        push_engine_warnings(
            feedback,
            [m for m in nearest.warnings if not (absent and set(m.params) == {"types"})],
            costs,
            d_places,
            f_places.subset(request.fac_rows),  # the facilities searched (snapping said above)
        )
        for msg in engine_messages(links.warnings):
            warn(feedback, msg)
        feedback.setProgress(75)

        outputs = self._write(
            parameters,
            context,
            feedback,
            table,
            territories,
            est,
            terr,
            presence,
            links,
            nearest_rows,
            start,
        )
        n_links = int(links.link_missing.sum())
        feedback.pushInfo(
            self.tr(
                "{n} missing links (stage absent, nearest establishment beyond its threshold) "
                "in {t} of the {total} territories; {m} missing stages in all."
            ).format(
                n=n_links,
                t=int(np.unique(links.territory[links.link_missing]).size),
                total=n_terr,
                m=len(links),
            )
        )
        feedback.setProgress(100)
        return outputs

    # -- outputs ---------------------------------------------------------------------------------

    def _write(
        self,
        parameters,
        context,
        feedback,
        table,
        territories,
        est,
        terr,
        presence,
        links,
        nearest_rows,
        start,
    ):
        stage_chain = table.stage_chain()
        prefixes = chain_prefixes(table.chain_ids)
        n_terr = len(territories)
        keys = table.stage_keys
        # Jobs per chain: an establishment in several stages of one chain counts once.
        member = table.membership(est.text("naf")).tocsc()
        onehot = np.zeros((len(keys), len(table.chains)))
        onehot[np.arange(len(keys)), stage_chain] = 1.0
        in_chain = (member @ onehot) > 0
        jobs = est.table.numbers["jobs"]
        chain_jobs = np.zeros((n_terr, len(table.chains)))
        inside = terr >= 0
        np.add.at(chain_jobs, terr[inside], in_chain[inside] * jobs[inside, None])

        columns: list[tuple] = []
        for c, prefix in enumerate(prefixes):
            cols = stage_chain == c
            columns.append(
                (f"{prefix}_st", compat.FIELD_INT, presence.present[:, cols].sum(axis=1))
            )
            columns.append((f"{prefix}_jb", compat.FIELD_DOUBLE, chain_jobs[:, c]))
            columns.append((f"{prefix}_ml", compat.FIELD_INT, links.link[:, cols].sum(axis=1)))
        columns.append(("n_links", compat.FIELD_INT, links.link.sum(axis=1)))
        columns.append(
            (
                "links",
                compat.FIELD_STRING,
                ["; ".join(keys[s] for s in np.flatnonzero(row)) for row in links.link],
            )
        )
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            territories.source,
            territories.table,
            columns,
            progress_span=(75, 85),
        )
        out.finalize(
            "n_links",
            self.tr("Value chains by territory"),
            self.tr(
                "Stages of the value chains present in each territory of '{layer}' and missing "
                "links (nearest establishment of an absent stage beyond its threshold), from "
                "the establishments of '{est}'."
            ).format(layer=territories.name, est=est.name),
        )
        results = {self.OUTPUT: out.dest_id}

        lines = self._write_links(
            parameters, context, feedback, table, territories, est, links, nearest_rows, start
        )
        if lines is not None:
            results[self.MISSING_LINKS] = lines
        stages = self._write_stages(
            parameters, context, feedback, table, territories, presence, links
        )
        if stages is not None:
            results[self.STAGES] = stages
        return results

    def _territory_fields(self, territories) -> tuple[QgsFields, list[str]]:
        fields = QgsFields()
        names = [territories.code_field]
        if territories.name_field and territories.name_field != territories.code_field:
            names.append(territories.name_field)
        for n in names:
            fields.append(QgsField(n, compat.FIELD_STRING))
        return fields, names

    def _territory_cells(self, territories, k) -> list:
        cells = [territories.codes[k] or None]
        if territories.name_field and territories.name_field != territories.code_field:
            cells.append(territories.table.names[k])
        return cells

    def _write_links(
        self, parameters, context, feedback, table, territories, est, links, nearest_rows, start
    ):
        fields, _names = self._territory_fields(territories)
        for name, ftype in (
            ("chain", compat.FIELD_STRING),
            ("stage", compat.FIELD_STRING),
            ("stage_lbl", compat.FIELD_STRING),
            ("rank", compat.FIELD_INT),
            ("minutes", compat.FIELD_DOUBLE),
            ("threshold", compat.FIELD_DOUBLE),
            ("link", compat.FIELD_INT),
            ("near_siret", compat.FIELD_STRING),
            ("near_com", compat.FIELD_STRING),
            ("near_naf", compat.FIELD_STRING),
        ):
            fields.append(QgsField(name, ftype))
        out = open_output(
            self,
            parameters,
            self.MISSING_LINKS,
            context,
            feedback,
            fields,
            compat.WKB_LINESTRING,
            territories.source.sourceCrs(),
            total=len(links),
            progress_span=(85, 95),
        )
        if out is None:
            return None
        stages = table.stages
        french = ui_language() == "fr"
        siret = est.text("siret")
        commune = est.text("commune")
        naf = est.text("naf")
        with out:
            for r in range(len(links)):
                k, s = int(links.territory[r]), int(links.stage[r])
                st = stages[s]
                near = int(nearest_rows[r])
                feat = QgsFeature(fields)
                if near >= 0:
                    a, b = start[k], est.xy[near]
                    feat.setGeometry(
                        QgsGeometry.fromPolylineXY(
                            [QgsPointXY(*map(float, a)), QgsPointXY(*map(float, b))]
                        )
                    )
                attrs = self._territory_cells(territories, k)
                attrs += [
                    st.chain_id,
                    st.stage_id,
                    st.label_fr if french else st.label_en,
                    int(st.order),
                    cell(links.minutes[r], compat.FIELD_DOUBLE),
                    float(links.threshold[r]),
                    int(bool(links.link_missing[r])),
                    _text(siret, near),
                    _text(commune, near),
                    _text(naf, near),
                ]
                feat.setAttributes(attrs)
                out.add(feat, lambda k=k, s=s: f"{territories.label(k)} — {keys_of(stages, s)}")
        out.finalize(
            "minutes",
            self.tr("Missing links"),
            self.tr(
                "Stages absent from the territories of '{layer}' while an earlier stage is "
                "present: line to the nearest establishment of the stage; link = 1 when it is "
                "beyond the stage's threshold."
            ).format(layer=territories.name),
        )
        return out.dest_id

    def _write_stages(self, parameters, context, feedback, table, territories, presence, links):
        fields, _names = self._territory_fields(territories)
        for name, ftype in (
            ("chain", compat.FIELD_STRING),
            ("stage", compat.FIELD_STRING),
            ("rank", compat.FIELD_INT),
            ("n_estab", compat.FIELD_INT),
            ("jobs", compat.FIELD_DOUBLE),
            ("present", compat.FIELD_INT),
            ("missing", compat.FIELD_INT),
            ("minutes", compat.FIELD_DOUBLE),
            ("link", compat.FIELD_INT),
        ):
            fields.append(QgsField(name, ftype))
        n_terr, n_stages = presence.counts.shape
        out = open_output(
            self,
            parameters,
            self.STAGES,
            context,
            feedback,
            fields,
            compat.WKB_NO_GEOMETRY,
            territories.source.sourceCrs(),
            total=n_terr * n_stages,
            progress_span=(95, 99),
        )
        if out is None:
            return None
        stages = table.stages
        with out:
            for k in range(n_terr):
                for s, st in enumerate(stages):
                    feat = QgsFeature(fields)
                    feat.setAttributes(
                        self._territory_cells(territories, k)
                        + [
                            st.chain_id,
                            st.stage_id,
                            int(st.order),
                            int(presence.counts[k, s]),
                            float(presence.jobs[k, s]),
                            int(presence.present[k, s]),
                            int(presence.missing[k, s]),
                            cell(links.time[k, s], compat.FIELD_DOUBLE),
                            int(links.link[k, s]),
                        ]
                    )
                    out.add(feat, lambda k=k: territories.label(k))
        out.finalize(
            "jobs",
            self.tr("Stages by territory"),
            self.tr(
                "Establishments, jobs and presence of each value-chain stage per territory of '{layer}'."
            ).format(layer=territories.name),
        )
        return out.dest_id


def _text(values, row: int):
    """``values[row]`` as a Python str (numpy strings reach QGIS as Python objects, which a
    text field refuses), None when empty, absent or ``row`` is -1."""
    if values is None or row < 0:
        return None
    return str(values[row]) or None


def keys_of(stages, s: int) -> str:
    return stages[s].key
