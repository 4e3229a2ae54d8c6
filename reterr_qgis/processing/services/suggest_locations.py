"""``reterr:suggest_locations`` — where k new facilities of a type would cover the most people
now beyond the threshold (greedy maximal covering)."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...engine.services.access import greedy_max_cover, nearest_by_type
from ..common.feedback import engine_guard, progress_to
from ..common.inputs import (
    DEMAND_ID_FIELD,
    FACILITIES,
    add_demand_parameters,
    add_facility_parameters,
    read_demand,
    read_points,
)
from ..common.outputs import open_output
from ..common.params import bpe_types_widget, decimals
from ..common.travel import (
    add_travel_parameters,
    costs_and_places,
    locate_points,
    push_engine_warnings,
)
from .base import ServicesAlgorithm
from .facility_types import check_types, parse_types, report_absent_types

DEFAULT_TYPE = "D265"
DEFAULT_THRESHOLD = 20.0
DEFAULT_K = 3
OUT_FIELDS = ("rank", "pop_gained", "pop_cumulative")


class SuggestLocations(ServicesAlgorithm):
    """Greedy maximal covering: k sites for new facilities of one type."""

    ALG_ID = "suggest_locations"

    TYPE = "TYPE"
    THRESHOLD = "THRESHOLD"
    K = "K"
    CANDIDATES = "CANDIDATES"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Suggest locations for new facilities")

    def help_text(self) -> str:
        return self.tr(
            "Where k new facilities of one type would bring the most people within the "
            "threshold: the maximal covering location problem (Church & ReVelle 1974) solved by "
            "the greedy method.\n\n"
            "Units already within T minutes of a facility of the type are covered. Each step "
            "picks the candidate site that covers (t ≤ T, home → site) the most population not "
            "covered yet; rank = order of choice, pop_gained = population newly covered by the "
            "site, pop_cumulative = total gained by the sites up to this one. The problem is "
            "NP-hard; the greedy choice is guaranteed to reach at least 1 − 1/e ≈ 63 % of the "
            "best possible coverage (Nemhauser, Wolsey & Fisher 1978) and is often optimal or "
            "close. It stops early when no candidate covers anyone more.\n\n"
            "Candidates: a point layer of possible sites (its attributes are kept), or by "
            "default the demand points themselves (their code and name are kept). Defaults: type "
            "D265 (general practitioner, BPE 2024), threshold 20 minutes, 3 sites. Travel times: "
            "on the road network when one is given, else straight line × detour factor at a "
            "constant speed "
            "(defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published "
            "figure; change them under Advanced parameters, or give a road network)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_demand_parameters(self)
        add_facility_parameters(self)
        self.addParameter(
            h(
                bpe_types_widget(
                    QgsProcessingParameterString(self.TYPE, self.tr("Facility type"), DEFAULT_TYPE),
                    single=True,
                ),
                self.tr("One code (BPE 2024: D265 general practitioner, D307 pharmacy…)."),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.THRESHOLD,
                        self.tr("Threshold (minutes)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_THRESHOLD,
                        minValue=0.0,
                    ),
                    self.tr("A site covers the units at most this far from it."),
                ),
                0,
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.K,
                    self.tr("Number of sites"),
                    compat.NUMBER_INTEGER,
                    DEFAULT_K,
                    minValue=1,
                ),
                self.tr("How many new facilities to place."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.CANDIDATES,
                    self.tr("Candidate sites"),
                    [compat.TYPE_VECTOR_POINT],
                    optional=True,
                ),
                self.tr("Possible sites; empty: the demand points themselves."),
            )
        )
        add_travel_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Suggested sites"), compat.TYPE_VECTOR_POINT
                ),
                self.tr("The chosen sites in order, with rank, pop_gained and pop_cumulative."),
            )
        )

    def execute(self, parameters, context, feedback):
        type_text = self.parameterAsString(parameters, self.TYPE, context)
        wanted = parse_types(type_text)
        if len(wanted) != 1:
            raise QgsProcessingException(
                self.tr("Give one facility type, not {n} ({types}).").format(
                    n=len(wanted), types=", ".join(wanted)
                )
            )
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        k = self.parameterAsInt(parameters, self.K, context)

        demand = read_demand(self, parameters, context, feedback, progress_span=(0, 25))
        feedback.setProgressText(self.tr("Reading facilities…"))
        facilities = read_points(
            self,
            parameters,
            FACILITIES,
            context,
            feedback,
            demand,
            category=True,
            progress_span=(25, 32),
        )
        (code,), vocabulary = check_types(wanted, facilities)
        candidates = None
        if parameters.get(self.CANDIDATES):
            candidates = read_points(
                self,
                parameters,
                self.CANDIDATES,
                context,
                feedback,
                demand,
                keep_attributes=True,
                progress_span=(32, 38),
            )
            if len(candidates) == 0:
                raise QgsProcessingException(
                    self.tr("The candidate layer '{layer}' has no features.").format(
                        layer=candidates.name
                    )
                )
        feedback.setProgressText(self.tr("Finding who is covered already…"))
        costs, d_places, f_places = costs_and_places(
            self, parameters, context, feedback, demand, facilities
        )
        if candidates is not None:
            c_places = locate_points(costs, candidates, feedback, role="candidates")
        else:
            c_places = d_places
        population = demand.population
        with engine_guard(demand.table, demand.name):
            existing = nearest_by_type(
                costs,
                d_places,
                f_places,
                facilities.types,
                [code],
                threshold,
                known_types=vocabulary,
                counts=False,
                progress=progress_to(feedback, 40, 55),
                is_canceled=feedback.isCanceled,
            )
            covered = existing[code].time <= threshold
            feedback.setProgressText(self.tr("Choosing the sites…"))
            pairs = costs.pairs(
                d_places,
                c_places,
                threshold,
                progress=progress_to(feedback, 55, 80),
                is_canceled=feedback.isCanceled,
            )
            cover = greedy_max_cover(
                pairs,
                population,
                k,
                covered,
                progress=progress_to(feedback, 80, 90),
                is_canceled=feedback.isCanceled,
            )
        push_engine_warnings(
            feedback, existing.warnings + cover.warnings, costs, d_places, f_places, c_places
        )
        report_absent_types(feedback, existing.absent_types, facilities)

        # -- output: one point per chosen site
        if candidates is not None:
            src_fields = candidates.source.fields()
            keep_idx = [i for i, f in enumerate(src_fields) if f.name() not in OUT_FIELDS]
            extra = [src_fields[i] for i in keep_idx]
            table, xy = candidates.table, candidates.xy
        else:
            src_fields = demand.source.fields()
            id_field = self.parameterAsString(parameters, DEMAND_ID_FIELD, context) or "code_insee"
            keep_idx = [
                i
                for i in (src_fields.lookupField(id_field), src_fields.lookupField("nom"))
                if i >= 0 and src_fields[i].name() not in OUT_FIELDS
            ]
            keep_idx = list(dict.fromkeys(keep_idx))
            extra = [src_fields[i] for i in keep_idx]
            table, xy = demand.table, demand.xy
        fields = QgsFields()
        fields.append(QgsField("rank", compat.FIELD_INT))
        fields.append(QgsField("pop_gained", compat.FIELD_DOUBLE))
        fields.append(QgsField("pop_cumulative", compat.FIELD_DOUBLE))
        for f in extra:
            fields.append(f)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_POINT,
            demand.source.sourceCrs(),
        )
        with out:
            for rank, step in enumerate(cover.steps, start=1):
                j = step.candidate
                feat = QgsFeature(fields)
                feat.setGeometry(
                    QgsGeometry.fromPointXY(QgsPointXY(float(xy[j, 0]), float(xy[j, 1])))
                )
                attrs = [rank, float(step.gained), float(step.cumulative)]
                attrs += [table.attributes[j][i] for i in keep_idx]
                feat.setAttributes(attrs)
                out.add(feat, table.describe([j]))
                feedback.pushInfo(
                    self.tr(
                        "Site {rank}: {name} covers {gained} more inhabitants ({total} in all)."
                    ).format(
                        rank=rank,
                        name=table.describe([j]),
                        gained=f"{step.gained:.0f}",
                        total=f"{step.cumulative:.0f}",
                    )
                )

        total = float(np.nansum(population))
        feedback.pushInfo(
            self.tr(
                "Before: {uncovered} of {total} inhabitants live more than {t} minutes from a "
                "facility of type {type}; the {n} sites bring {gained} of them ({share} %) within "
                "reach."
            ).format(
                uncovered=f"{cover.uncovered_before:.0f}",
                total=f"{total:.0f}",
                t=f"{threshold:g}",
                type=code,
                n=len(cover.steps),
                gained=f"{cover.steps[-1].cumulative if cover.steps else 0.0:.0f}",
                share=(
                    f"{100.0 * cover.steps[-1].cumulative / cover.uncovered_before:.1f}"
                    if cover.steps and cover.uncovered_before > 0
                    else "0"
                ),
            )
        )
        out.finalize(
            "pop_gained",
            self.tr("Suggested sites"),
            self.tr(
                "{n} sites for new facilities of type {type} covering the most inhabitants of "
                "'{demand}' now more than {t} minutes away (greedy maximal covering)."
            ).format(n=len(cover.steps), type=code, demand=demand.name, t=f"{threshold:g}"),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
