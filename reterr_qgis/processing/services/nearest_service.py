"""``reterr:nearest_service`` — time to the nearest facility of each type, and facilities within T."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...engine.services.access import nearest_by_type
from ..common.feedback import engine_guard, progress_to
from ..common.inputs import (
    FACILITIES,
    add_demand_parameters,
    add_facility_parameters,
    population_summary,
    read_demand,
    read_points,
)
from ..common.outputs import write_units
from ..common.params import bpe_types_widget, decimals
from ..common.travel import add_travel_parameters, costs_and_places, push_engine_warnings
from .base import ServicesAlgorithm
from .facility_types import (
    DEFAULT_TYPES,
    check_types,
    parse_types,
    report_absent_types,
    type_fields,
)


class NearestService(ServicesAlgorithm):
    """Per demand unit and facility type: minutes to the nearest one, number within the cut-off."""

    ALG_ID = "nearest_service"

    TYPES = "TYPES"
    CUTOFF = "CUTOFF"
    COUNT = "COUNT"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Nearest facility by type")

    def help_text(self) -> str:
        return self.tr(
            "For each demand unit (commune, IRIS, grid cell, address point) and each facility "
            "type: the travel time to the nearest facility of that type and, optionally, the "
            "number of facilities of the type reachable within the cut-off.\n\n"
            "t_<TYPE> = min_j c_ij in minutes, from the demand unit to the facility (home → "
            "service: on a network with one-way streets this is not the return time); NULL when "
            "no facility of the type lies within the cut-off or none can be reached. n_<TYPE> = "
            "Σ_j [c_ij ≤ T], the cumulative opportunities within T minutes (METHODS §1.2). "
            "Defaults: types D265;D307;B207 (general practitioners, pharmacies, bakeries in the "
            "BPE codes of 2024), cut-off 30 minutes.\n\n"
            "Types are compared as text with the type field (BPE: TYPEQU). A type that is neither "
            "a BPE code (any vintage of the code table shipped in resources/bpe) nor present in "
            "the layer is an error; a BPE type with no facility gives a warning (NULL times, zero "
            "counts), with a hint when the layer holds the same facility in another vintage's "
            "codes (e.g. D201 before 2024 for D265).\n\n"
            "Travel times: on the road network when one is given (graph cached; one search per "
            "type from all its facilities at once, stopped at the cut-off; places snapped to the "
            "nearest node within the maximum distance and reached at the access speed), else "
            "straight line × detour factor at a constant speed "
            "(defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published "
            "figure; change them under Advanced parameters, or give a road network). Polygons start from a point inside them, or from the matching point of "
            "the anchor layer (e.g. the town hall)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_demand_parameters(self)
        add_facility_parameters(self)
        self.addParameter(
            h(
                bpe_types_widget(
                    QgsProcessingParameterString(
                        self.TYPES, self.tr("Facility types"), DEFAULT_TYPES, optional=False
                    )
                ),
                self.tr(
                    "Codes separated by ';' (BPE 2024: D265 general practitioner, D307 pharmacy, "
                    "B207 bakery, C108 primary school, B105 supermarket…)."
                ),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.CUTOFF,
                        self.tr("Cut-off (minutes)"),
                        compat.NUMBER_DOUBLE,
                        30.0,
                        minValue=0.01,
                    ),
                    self.tr(
                        "Searches stop there: farther facilities give NULL times and are not counted."
                    ),
                ),
                0,
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.COUNT, self.tr("Count the facilities within the cut-off"), True
                ),
                self.tr("Adds n_<TYPE>, the number of facilities of each type within the cut-off."),
            )
        )
        add_travel_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Nearest facilities")),
                self.tr("The demand layer with t_<TYPE> (minutes) and n_<TYPE> per type."),
            )
        )

    def execute(self, parameters, context, feedback):
        types = parse_types(self.parameterAsString(parameters, self.TYPES, context))
        cutoff = self.parameterAsDouble(parameters, self.CUTOFF, context)
        counts = self.parameterAsBoolean(parameters, self.COUNT, context)

        demand = read_demand(
            self, parameters, context, feedback, population="optional", progress_span=(0, 25)
        )
        feedback.setProgressText(self.tr("Reading facilities…"))
        facilities = read_points(
            self,
            parameters,
            FACILITIES,
            context,
            feedback,
            demand,
            category=True,
            progress_span=(25, 35),
        )
        types, vocabulary = check_types(types, facilities)
        feedback.setProgressText(self.tr("Searching the nearest facilities…"))
        costs, d_places, f_places = costs_and_places(
            self, parameters, context, feedback, demand, facilities
        )
        with engine_guard(demand.table, demand.name):
            result = nearest_by_type(
                costs,
                d_places,
                f_places,
                facilities.types,
                types,
                cutoff,
                known_types=vocabulary,
                counts=counts,
                progress=progress_to(feedback, 40, 85),
                is_canceled=feedback.isCanceled,
            )
        push_engine_warnings(feedback, result.warnings, costs, d_places, f_places)
        report_absent_types(feedback, result.absent_types, facilities)

        columns: list[tuple] = []
        for code, t_name, n_name in zip(types, type_fields("t_", types), type_fields("n_", types)):
            columns.append((t_name, compat.FIELD_DOUBLE, result[code].time))
            if counts:
                columns.append((n_name, compat.FIELD_INT, result[code].count_within))
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            demand.source,
            demand.table,
            columns,
            progress_span=(85, 98),
        )

        population = demand.population
        for code in types:
            beyond = ~(result[code].time <= cutoff)
            if population is not None:
                pop, share = population_summary(population, beyond)
                feedback.pushInfo(
                    self.tr(
                        "{type}: {n} of {total} demand units ({pop} inhabitants, {share} %) "
                        "have no facility within {t} minutes."
                    ).format(
                        type=code,
                        n=int(beyond.sum()),
                        total=len(demand),
                        pop=f"{pop:.0f}",
                        share=f"{share:.1f}",
                        t=f"{cutoff:g}",
                    )
                )
            else:
                feedback.pushInfo(
                    self.tr(
                        "{type}: {n} of {total} demand units have no facility within {t} minutes."
                    ).format(type=code, n=int(beyond.sum()), total=len(demand), t=f"{cutoff:g}")
                )
        out.finalize(
            type_fields("t_", types)[0],
            self.tr("Nearest facilities"),
            self.tr(
                "Minutes from each unit of '{demand}' to the nearest facility of each type "
                "({types}) of '{facilities}', cut-off {t} minutes."
            ).format(
                demand=demand.name,
                types=", ".join(types),
                facilities=facilities.name,
                t=f"{cutoff:g}",
            ),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
