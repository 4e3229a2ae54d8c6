"""``reterr:service_gaps`` — population beyond a time threshold per service and zone, the
under-served units, and what candidate facilities would change."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...adapters.layers import dissolve_geometries
from ...engine.core.lazy import lazy_module
from ...engine.services.access import nearest_by_type, population_beyond, what_if
from ..common.feedback import engine_guard, listing, progress_to, warn
from ..common.inputs import (
    DEMAND,
    FACILITIES,
    add_demand_parameters,
    add_facility_parameters,
    population_summary,
    read_demand,
    read_points,
)
from ..common.outputs import VectorOutput, cell, open_output, write_units
from ..common.params import bpe_types_widget, decimals
from ..common.travel import (
    add_travel_parameters,
    costs_and_places,
    locate_points,
    push_engine_warnings,
)
from .base import ServicesAlgorithm
from .facility_types import (
    DEFAULT_TYPES,
    check_types,
    parse_types,
    report_absent_types,
    type_fields,
)

sparse = lazy_module("scipy.sparse")

#: Threshold by default (minutes), e.g. "more than 20 minutes from a GP" (METHODS §1.2).
DEFAULT_THRESHOLD = 20.0


class ServiceGaps(ServicesAlgorithm):
    """Who is beyond T minutes of each service, per zone; under-served units; what-if."""

    ALG_ID = "service_gaps"

    TYPES = "TYPES"
    THRESHOLD = "THRESHOLD"
    GROUP_FIELD = "GROUP_FIELD"
    GROUP_NAME_FIELD = "GROUP_NAME_FIELD"
    CANDIDATES = "CANDIDATES"
    UNDERSERVED = "UNDERSERVED"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Service gaps (population beyond a threshold)")

    def help_text(self) -> str:
        return self.tr(
            "Who lives too far from each service: the population beyond a travel-time threshold "
            "per facility type, aggregated to any zoning given by a code field (commune, EPCI "
            "SIREN…), and the under-served units themselves (METHODS §1.2).\n\n"
            "Per zone z and type: pop_beyond_<TYPE> = Σ_i P_i [t_i > T] over its units, "
            "share_beyond_<TYPE> = 100 × pop_beyond / population (%), t_i the time from unit i "
            "to its nearest facility of the type (home → service; unreachable units are beyond "
            "every threshold). Zones without population get an empty share and a warning. Zones "
            "are the dissolved polygons of their units (no geometry when the demand is points); "
            "without a code field, one zone holds every unit.\n\n"
            "Under-served layer: the units beyond T for at least one type, with t_<TYPE> "
            "(minutes, exact: the searches are not stopped at T), n_beyond (number of types "
            "beyond) and beyond (their codes).\n\n"
            "What-if: candidate sites of new facilities of the FIRST type. The under-served "
            "layer then gets t_before and t_after (minutes to the nearest facility of that type "
            "without and with the candidates) and gain_min; the zones get pop_beyond_after and "
            "share_beyond_after.\n\n"
            "Defaults: types D265;D307;B207 (general practitioners, pharmacies, bakeries, BPE "
            "2024 codes), threshold 20 minutes. Travel times: on the road network when one is "
            "given, else straight line × detour factor at a constant speed "
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
                    QgsProcessingParameterString(
                        self.TYPES, self.tr("Facility types"), DEFAULT_TYPES
                    )
                ),
                self.tr(
                    "Codes separated by ';'; the first one is the type of the candidate sites."
                ),
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
                    self.tr("Units whose nearest facility is farther than this are beyond it."),
                ),
                0,
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.GROUP_FIELD,
                    self.tr("Aggregate by code field (e.g. EPCI SIREN)"),
                    None,
                    DEMAND,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr(
                    "Units sharing this code form one zone (e.g. siren_epci); empty: one zone "
                    "for every unit."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.GROUP_NAME_FIELD,
                    self.tr("Name of the aggregate field"),
                    None,
                    DEMAND,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Field giving the zone's name (e.g. nom_epci)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.CANDIDATES,
                    self.tr("Candidate sites of new facilities (what-if)"),
                    [compat.TYPE_VECTOR_POINT],
                    optional=True,
                ),
                self.tr(
                    "Points where facilities of the first type would be added; the outputs then "
                    "show the times and populations before and after."
                ),
            )
        )
        add_travel_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Service gaps by zone")),
                self.tr(
                    "One row per zone: population, pop_beyond_<TYPE> and share_beyond_<TYPE> (%)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.UNDERSERVED,
                    self.tr("Under-served units"),
                    optional=True,
                    createByDefault=True,
                ),
                self.tr("The demand units beyond the threshold for at least one type."),
            )
        )

    def execute(self, parameters, context, feedback):
        types = parse_types(self.parameterAsString(parameters, self.TYPES, context))
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        group_name_field = self.parameterAsString(parameters, self.GROUP_NAME_FIELD, context)
        with_candidates = bool(parameters.get(self.CANDIDATES))
        texts = {}
        if group_field:
            texts["group"] = group_field
            if group_name_field:
                texts["group_name"] = group_name_field

        demand = read_demand(self, parameters, context, feedback, text=texts, progress_span=(0, 25))
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
        types, vocabulary = check_types(types, facilities)
        candidates = None
        if with_candidates:
            candidates = read_points(
                self,
                parameters,
                self.CANDIDATES,
                context,
                feedback,
                demand,
                progress_span=(32, 35),
            )
            if len(candidates) == 0:
                raise QgsProcessingException(
                    self.tr("The candidate layer '{layer}' has no features.").format(
                        layer=candidates.name
                    )
                )
        # Polygon units give the zones their dissolved polygons (through the GEOS of QGIS).
        polygons = all(g.type() == compat.GEOMETRY_POLYGON for g in demand.table.geometries)
        feedback.setProgressText(self.tr("Searching the nearest facilities…"))
        costs, d_places, f_places = costs_and_places(
            self, parameters, context, feedback, demand, facilities
        )
        population = demand.population
        with engine_guard(demand.table, demand.name):
            result = nearest_by_type(
                costs,
                d_places,
                f_places,
                facilities.types,
                types,
                np.inf,
                known_types=vocabulary,
                counts=False,
                progress=progress_to(feedback, 35, 65),
                is_canceled=feedback.isCanceled,
            )
            times = np.column_stack([result[t].time for t in types])
            if group_field:
                from ...engine.profile.territory import group_weights

                codes, weights = group_weights(demand.table.texts["group"])
            else:
                codes, weights = None, sparse.csr_matrix(np.ones((len(demand), 1)))
            gaps = population_beyond(times, population, threshold, weights)
        push_engine_warnings(feedback, result.warnings, costs, d_places, f_places)
        report_absent_types(feedback, result.absent_types, facilities)

        after = gaps_after = None
        if candidates is not None:
            feedback.setProgressText(self.tr("Adding the candidate sites…"))
            c_places = locate_points(costs, candidates, feedback, role="candidates")
            first = types[0]
            rows_first = np.flatnonzero(
                np.array([t is not None and str(t).strip() == first for t in facilities.types])
            )
            before_index = result[first].index
            sub_index = np.where(
                before_index >= 0, np.searchsorted(rows_first, np.maximum(before_index, 0)), -1
            )
            with engine_guard(demand.table, demand.name):
                change = what_if(
                    costs,
                    d_places,
                    f_places.subset(rows_first),
                    c_places,
                    np.inf,
                    before=(result[first].time, sub_index),
                    progress=progress_to(feedback, 65, 75),
                    is_canceled=feedback.isCanceled,
                )
                after = change
                gaps_after = population_beyond(change.after, population, threshold, weights)
        feedback.setProgress(75)

        # -- zones
        if gaps.empty_zones.size:
            names = (
                [str(codes[z]) for z in gaps.empty_zones]
                if codes is not None
                else [self.tr("every unit")]
            )
            warn(
                feedback,
                self.tr(
                    "{n} zones have no population: their share beyond the threshold is left "
                    "empty ({zones})."
                ).format(n=gaps.empty_zones.size, zones=listing(names)),
            )
        beyond_names = type_fields("pop_beyond_", types)
        share_names = type_fields("share_beyond_", types)
        zone_columns: list[tuple] = [("population", compat.FIELD_DOUBLE, gaps.population)]
        for k in range(len(types)):
            zone_columns.append((beyond_names[k], compat.FIELD_DOUBLE, gaps.pop_beyond[:, k]))
            zone_columns.append(
                (share_names[k], compat.FIELD_DOUBLE, 100 * gaps.share_beyond[:, k])
            )
        if gaps_after is not None:
            zone_columns.append(("pop_beyond_after", compat.FIELD_DOUBLE, gaps_after.pop_beyond))
            zone_columns.append(
                ("share_beyond_after", compat.FIELD_DOUBLE, 100 * gaps_after.share_beyond)
            )
        zones = self._write_zones(
            parameters,
            context,
            feedback,
            demand,
            codes,
            weights,
            group_field,
            group_name_field,
            zone_columns,
            polygons,
        )

        # -- under-served units
        beyond = times > threshold
        rows = np.flatnonzero(beyond.any(axis=1))
        t_names = type_fields("t_", types)
        unit_columns: list[tuple] = [
            (t_names[k], compat.FIELD_DOUBLE, times[:, k]) for k in range(len(types))
        ]
        unit_columns.append(("n_beyond", compat.FIELD_INT, beyond.sum(axis=1)))
        unit_columns.append(
            (
                "beyond",
                compat.FIELD_STRING,
                [";".join(t for t, b in zip(types, row) if b) for row in beyond],
            )
        )
        if after is not None:
            unit_columns.append(("t_before", compat.FIELD_DOUBLE, after.before))
            unit_columns.append(("t_after", compat.FIELD_DOUBLE, after.after))
            unit_columns.append(("gain_min", compat.FIELD_DOUBLE, after.gain))
        under = write_units(
            self,
            parameters,
            self.UNDERSERVED,
            context,
            feedback,
            demand.source,
            demand.table,
            unit_columns,
            rows=rows,
            progress_span=(88, 98),
        )

        # -- summary
        for k, code in enumerate(types):
            pop, share = population_summary(population, beyond[:, k])
            feedback.pushInfo(
                self.tr(
                    "{type}: {pop} inhabitants ({share} %) live more than {t} minutes from the "
                    "nearest facility."
                ).format(type=code, pop=f"{pop:.0f}", share=f"{share:.1f}", t=f"{threshold:g}")
            )
        if after is not None:
            pop0, _ = population_summary(population, beyond[:, 0])
            pop1, _ = population_summary(population, after.after > threshold)
            feedback.pushInfo(
                self.tr(
                    "With the {n} candidate sites, {pop1} inhabitants remain more than {t} minutes "
                    "from a facility of type {type} (instead of {pop0})."
                ).format(
                    n=len(candidates),
                    pop1=f"{pop1:.0f}",
                    pop0=f"{pop0:.0f}",
                    t=f"{threshold:g}",
                    type=types[0],
                )
            )
        feedback.pushInfo(
            self.tr("{n} of {total} demand units are under-served for at least one type.").format(
                n=rows.size, total=len(demand)
            )
        )

        zones.finalize(
            share_names[0],
            self.tr("Service gaps by zone"),
            self.tr(
                "Population more than {t} minutes from the nearest facility of each type "
                "({types}), per zone, from '{demand}' and '{facilities}'."
            ).format(
                t=f"{threshold:g}",
                types=", ".join(types),
                demand=demand.name,
                facilities=facilities.name,
            ),
        )
        results = {self.OUTPUT: zones.dest_id}
        if under is not None:
            under.finalize(
                "gain_min" if after is not None else "n_beyond",
                self.tr("Under-served units"),
                self.tr(
                    "Units of '{demand}' more than {t} minutes from the nearest facility of at "
                    "least one type ({types})."
                ).format(demand=demand.name, t=f"{threshold:g}", types=", ".join(types)),
            )
            results[self.UNDERSERVED] = under.dest_id
        feedback.setProgress(100)
        return results

    def _write_zones(
        self,
        parameters,
        context,
        feedback,
        demand,
        codes,
        weights,
        group_field,
        group_name_field,
        columns,
        polygons,
    ) -> VectorOutput:
        """The zones layer: code (and name) or one 'every unit' row, n_units, the columns."""
        fields = QgsFields()
        w = sparse.csc_matrix(weights)
        n_zones = w.shape[1]
        labels: list[list] = []
        if codes is not None:
            fields.append(QgsField(group_field, compat.FIELD_STRING))
            if group_name_field:
                fields.append(QgsField(group_name_field, compat.FIELD_STRING))
            names = demand.table.texts.get("group_name")
            for j, code in enumerate(codes):
                row = [str(code)]
                if group_name_field:
                    members = w.indices[w.indptr[j] : w.indptr[j + 1]]
                    found = [names[m] for m in members if names[m]]
                    row.append(found[0] if found else None)
                labels.append(row)
        else:
            fields.append(QgsField("zone", compat.FIELD_STRING))
            labels.append([self.tr("All demand units")])
        fields.append(QgsField("n_units", compat.FIELD_INT))
        for name, ftype, _values in columns:
            fields.append(QgsField(name, ftype))
        geoms = None
        if polygons:
            geoms = dissolve_geometries(demand.table.geometries, w)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_MULTIPOLYGON if polygons else compat.WKB_NO_GEOMETRY,
            demand.source.sourceCrs(),
            total=n_zones,
            progress_span=(75, 88),
        )
        n_units = np.diff(w.indptr)
        with out:
            for j in range(n_zones):
                feat = QgsFeature(fields)
                if geoms is not None and geoms[j] is not None:
                    geom = QgsGeometry(geoms[j])
                    geom.convertToMultiType()
                    feat.setGeometry(geom)
                attrs = list(labels[j]) + [int(n_units[j])]
                attrs += [cell(values[j], ftype) for _name, ftype, values in columns]
                feat.setAttributes(attrs)
                out.add(feat, str(labels[j][0]))
        return out
