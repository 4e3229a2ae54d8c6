"""``reterr:floating_catchment`` — 2SFCA family and the APL preset, straight-line travel times."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...engine.services.access import type_codes
from ...engine.services.fca import (
    APL_CATCHMENT,
    APL_UNDERSERVED,
    DEFAULT_CATCHMENT,
    FCA_METHODS,
    resolve_method,
    standardized_demand,
)
from ..common.feedback import engine_guard, warn
from ..common.inputs import (
    CATEGORY_FIELD,
    DEMAND,
    FACILITIES,
    add_demand_parameters,
    add_facility_parameters,
    feature_source,
    read_demand,
    read_points,
)
from ..common.outputs import write_units
from ..common.params import (
    ParseError,
    advanced,
    bpe_types_widget,
    decimals,
    parse_numbers,
    parse_steps,
    split_codes,
)
from ..common.travel import (
    add_travel_parameters,
    locate_demand,
    locate_points,
    push_engine_warnings,
    travel_costs,
)
from .base import ServicesAlgorithm

#: Method ids in the order of the METHOD enum (the engine's table: decays and presets live there).
METHODS = tuple(FCA_METHODS)
#: Relative GP consumption by age group (0-19, 20-64, 65+) for the APL standardisation.
#: A ReTerr default (DREES weights by a finer age-sex table, not published as three groups);
#: override with AGE_CONSUMPTION.
APL_DEFAULT_CONSUMPTION = "0.8;1.0;1.6"


class FloatingCatchment(ServicesAlgorithm):
    """Floating catchment accessibility of demand units to facilities."""

    ALG_ID = "floating_catchment"
    # DEMAND, POPULATION_FIELD, FACILITIES, CATEGORY_FIELD (common.inputs), SPEED, DETOUR,
    # ANCHORS, DEMAND_ID_FIELD, ANCHOR_ID_FIELD, NETWORK…, MAX_SNAP, ACCESS_SPEED (common.travel):
    # the parameter groups composed in initAlgorithm (names are a public interface).
    AGE_FIELDS = "AGE_FIELDS"
    AGE_CONSUMPTION = "AGE_CONSUMPTION"
    CATEGORIES = "CATEGORIES"
    SUPPLY_FIELD = "SUPPLY_FIELD"
    METHOD = "METHOD"
    CATCHMENT = "CATCHMENT"
    STEPS = "STEPS"
    SIGMA = "SIGMA"
    GRAVITY_ALPHA = "GRAVITY_ALPHA"
    GRAVITY_MIN = "GRAVITY_MIN"
    NORMALIZE = "NORMALIZE"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Access to a service (APL, floating catchment)")

    def menu_parameters(self) -> dict:
        """The menu entry says APL: it opens on the APL preset for general practitioners (BPE
        D265), the indicator the DREES publishes; every other method stays one click away."""
        return {
            self.METHOD: METHODS.index("apl"),
            self.CATEGORIES: "D265",
            # A dialog passes every value: the catchment shown must be APL's, not the default.
            self.CATCHMENT: APL_CATCHMENT,
        }

    def help_text(self) -> str:
        return self.tr(
            "Potential accessibility of each demand unit (commune, IRIS, grid cell) to facilities, "
            "taking competition between users into account.\n\n"
            "Supply-to-demand ratio of facility j: R_j = S_j / Σ_i w(c_ij)·P_i; accessibility of "
            "unit i: A_i = Σ_j w(c_ij)·R_j, over the pairs within the catchment. Methods: 2SFCA "
            "(w = 1), E2SFCA (steps, default ≤10 min 1, ≤20 0.68, ≤30 0.22, as PySAL access), 3SFCA "
            "(steps 10/20/30/60 min 0.962/0.704/0.377/0.042 and selection weights), Gaussian "
            "exp(-c²/2σ²), gravity (max(c, c_min)/1)^α.\n\n"
            "APL preset (DREES/IRDES 'Accessibilité Potentielle Localisée'): 20-minute catchment, "
            "steps < 10 min 1, 10-15 2/3, 15-20 1/3 (ReTerr's reading of the DREES/IRDES method, "
            "Barlet et al. 2012, not checked against DREES's latest note: give other steps in "
            "Steps), demand standardised by age (relative consumption of the age groups, default "
            "0.8/1.0/1.6: a ReTerr default for three age groups, where DREES uses a finer age-sex "
            "table; give your own values), supply = full-time GPs × 5,400 consultations a year "
            "(ARS Bourgogne-Franche-Comté); result in consultations per "
            "standardised inhabitant and year; below 2.5 the unit is under-served (DREES).\n\n"
            "Travel times: on the road network when one is given (graph cached, searches stopped "
            "at the catchment, places snapped to the nearest node within the maximum distance), "
            "else straight line × detour factor at a constant speed "
            "(defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published "
            "figure; change them under Advanced parameters, or give a road network). Results "
            "equal PySAL access on the same costs."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_demand_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.AGE_FIELDS,
                    self.tr("Age group fields (APL)"),
                    "pop_0_19;pop_20_64;pop_65p",
                    DEMAND,
                    compat.FIELD_NUMERIC,
                    allowMultiple=True,
                    optional=True,
                ),
                self.tr("For the APL age standardisation, in the order of the consumption values."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.AGE_CONSUMPTION,
                    self.tr("Relative consumption per age group (APL)"),
                    APL_DEFAULT_CONSUMPTION,
                    optional=True,
                ),
                self.tr(
                    "One value per age field, separated by ';' (default 0.8;1.0;1.6: a ReTerr "
                    "default, not a DREES table)."
                ),
            )
        )
        add_facility_parameters(self)
        self.addParameter(
            h(
                bpe_types_widget(
                    QgsProcessingParameterString(
                        self.CATEGORIES, self.tr("Facility types to keep"), "", optional=True
                    )
                ),
                self.tr("Codes separated by ';' (e.g. D265 for GPs); empty: every facility."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.SUPPLY_FIELD,
                    self.tr("Capacity field"),
                    None,
                    FACILITIES,
                    compat.FIELD_NUMERIC,
                    optional=True,
                ),
                self.tr("Supply of each facility (e.g. full-time GPs); empty: 1 per facility."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.METHOD,
                    self.tr("Method"),
                    options=[
                        "2SFCA",
                        "E2SFCA",
                        "3SFCA",
                        self.tr("Gaussian decay"),
                        self.tr("Gravity decay"),
                        self.tr("APL (DREES preset)"),
                    ],
                    defaultValue=1,
                ),
                self.tr("Weighting of travel times."),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.CATCHMENT,
                        self.tr("Catchment (minutes)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_CATCHMENT,
                        minValue=0.1,
                    ),
                    self.tr("Pairs beyond this travel time are ignored (APL: 20)."),
                ),
                0,
            )
        )
        self.addParameter(
            advanced(
                h(
                    QgsProcessingParameterString(
                        self.STEPS, self.tr("Steps (minutes:weight;…)"), "", optional=True
                    ),
                    self.tr("Override the method's default steps, e.g. '10:1;20:0.68;30:0.22'."),
                )
            )
        )
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.SIGMA,
                            self.tr("Gaussian sigma (minutes)"),
                            compat.NUMBER_DOUBLE,
                            10.0,
                            minValue=0.01,
                        ),
                        self.tr("Width of the Gaussian decay."),
                    ),
                    1,
                )
            )
        )
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.GRAVITY_ALPHA,
                            self.tr("Gravity exponent"),
                            compat.NUMBER_DOUBLE,
                            -1.0,
                        ),
                        self.tr("Negative for a decay."),
                    ),
                    2,
                )
            )
        )
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.GRAVITY_MIN,
                            self.tr("Gravity minimum time (minutes)"),
                            compat.NUMBER_DOUBLE,
                            1.0,
                            minValue=0.0,
                        ),
                        self.tr("Times below are raised to it (avoids infinite weights)."),
                    ),
                    1,
                )
            )
        )
        add_travel_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.NORMALIZE, self.tr("Add the index relative to the mean"), True
                ),
                self.tr("fca_index = access / population-weighted mean access."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Accessibility")),
                self.tr("The demand layer with the accessibility fields."),
            )
        )

    def age_consumption(self, parameters, context) -> list[float]:
        """The AGE_CONSUMPTION values; a Processing error naming the parameter and its expected
        form when one of them is not a number."""
        text = self.parameterAsString(parameters, self.AGE_CONSUMPTION, context)
        try:
            return parse_numbers(text)
        except ParseError as err:
            raise QgsProcessingException(
                self.tr(
                    "Relative consumption per age group (AGE_CONSUMPTION): '{item}' is not a "
                    "number. Give one number per age group field, separated by ';', e.g. "
                    "'0.8;1.0;1.6'."
                ).format(item=err.item)
            ) from err

    def checkParameterValues(self, parameters, context):
        """The common checks, then AGE_CONSUMPTION (read only by the age-standardised methods)."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        if FCA_METHODS[method].age_standardized:
            try:
                self.age_consumption(parameters, context)
            except QgsProcessingException as err:
                return False, str(err)
        return ok, message

    def execute(self, parameters, context, feedback):
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        age_standardized = FCA_METHODS[method].age_standardized
        age_fields = (
            compat.parameter_as_fields(self, parameters, self.AGE_FIELDS, context)
            if age_standardized
            else []
        )
        # Not given: the method's preset catchment (APL: 20 minutes), else the parameter default.
        catchment = (
            self.parameterAsDouble(parameters, self.CATCHMENT, context)
            if self.CATCHMENT in parameters
            else None
        )
        if method == "apl" and catchment is not None and catchment != APL_CATCHMENT:
            # The toolbox dialog passes the catchment box's value (30 by default): say it.
            warn(
                feedback,
                self.tr(
                    "APL with a {t:g}-minute catchment: the DREES's APL uses 20 minutes (set "
                    "'Catchment' to 20 for the published indicator)."
                ).format(t=catchment),
            )

        demand = read_demand(
            self,
            parameters,
            context,
            feedback,
            numeric={f"age{k}": f for k, f in enumerate(age_fields)},
            progress_span=(0, 30),
        )
        dtable, d_name = demand.table, demand.name
        facilities_src = feature_source(self, parameters, FACILITIES, context)
        f_name = self.layer_label(parameters, FACILITIES, context, facilities_src)
        feedback.setProgressText(self.tr("Reading facilities…"))
        cat_field = self.parameterAsString(parameters, CATEGORY_FIELD, context)
        # Type codes matched as read_points reads them: a BPE code in lower case (d265) is D265.
        categories = list(
            dict.fromkeys(
                type_codes(
                    split_codes(self.parameterAsString(parameters, self.CATEGORIES, context))
                )
            )
        )
        if categories and (not cat_field or facilities_src.fields().lookupField(cat_field) < 0):
            raise QgsProcessingException(
                self.tr(
                    "Facility types were given but the type field '{field}' is not in layer "
                    "'{layer}'."
                ).format(field=cat_field, layer=f_name)
            )
        supply_field = self.parameterAsString(parameters, self.SUPPLY_FIELD, context)
        facilities = read_points(
            self,
            parameters,
            FACILITIES,
            context,
            feedback,
            demand,
            category=bool(categories),
            numeric={"supply": supply_field} if supply_field else None,
            progress_span=(30, 45),
        )
        keep = np.ones(len(facilities), dtype=bool)
        if categories:
            keep = np.isin(facilities.types.astype(str), categories)
            if not keep.any():
                raise QgsProcessingException(
                    self.tr("No facility of type {types} in layer '{layer}'.").format(
                        types=", ".join(categories), layer=f_name
                    )
                )
        ftable = facilities.table
        supply = ftable.numbers["supply"][keep] if supply_field else np.ones(int(keep.sum()))
        if supply_field:
            # Named here, as features of the facilities layer (the engine only sees positions).
            values = ftable.numbers["supply"]
            bad = np.flatnonzero(keep & ~(np.isfinite(values) & (values >= 0)))
            if bad.size:
                raise QgsProcessingException(
                    self.tr(
                        "The capacity field '{field}' is empty (NULL), negative or infinite for "
                        "facilities of layer '{layer}': {features}. Give them a capacity (0 for "
                        "none), or leave the capacity field empty to count 1 per facility."
                    ).format(field=supply_field, layer=f_name, features=ftable.describe(bad))
                )
        steps_text = self.parameterAsString(parameters, self.STEPS, context)
        costs = travel_costs(self, parameters, context, feedback, demand)

        feedback.setProgressText(self.tr("Computing accessibility…"))
        try:
            steps = parse_steps(steps_text) if steps_text else None
        except ParseError as err:
            raise QgsProcessingException(
                self.tr("Steps must read 'minutes:weight;…', e.g. '10:1;20:0.68;30:0.22'.")
            ) from err
        d_places = locate_demand(costs, demand, feedback)
        f_places = locate_points(costs, facilities, feedback, rows=np.flatnonzero(keep))
        with engine_guard(dtable, d_name):
            plan = resolve_method(
                method,
                catchment=catchment,
                steps=steps,
                sigma=self.parameterAsDouble(parameters, self.SIGMA, context),
                alpha=self.parameterAsDouble(parameters, self.GRAVITY_ALPHA, context),
                min_cost=self.parameterAsDouble(parameters, self.GRAVITY_MIN, context),
            )
            catchment = plan.max_cost
            pairs = costs.pairs(d_places, f_places, plan.support, is_canceled=feedback.isCanceled)
            population = dtable.numbers["population"]
            if age_standardized:
                if len(age_fields) == 0:
                    raise QgsProcessingException(
                        self.tr("The APL preset needs the age group fields.")
                    )
                consumption = self.age_consumption(parameters, context)
                if len(consumption) != len(age_fields):
                    raise QgsProcessingException(
                        self.tr("Give one consumption value per age field ({n} fields).").format(
                            n=len(age_fields)
                        )
                    )
                by_age = np.column_stack(
                    [dtable.numbers[f"age{k}"] for k in range(len(age_fields))]
                )
                bad_age = ~(np.isfinite(by_age) & (by_age >= 0))
                if bad_age.any():
                    raise QgsProcessingException(
                        self.tr(
                            "Age group fields {fields} are empty (NULL), negative or infinite "
                            "for units of layer '{layer}': {features}. Fill them in, or leave "
                            "these units out."
                        ).format(
                            fields=", ".join(
                                f"'{age_fields[k]}'" for k in np.flatnonzero(bad_age.any(axis=0))
                            ),
                            layer=d_name,
                            features=dtable.describe(np.flatnonzero(bad_age.any(axis=1))),
                        )
                    )
                population = standardized_demand(by_age, consumption)
            result = plan.compute(pairs, population, supply)
        push_engine_warnings(feedback, result.warnings, costs, d_places, f_places)
        feedback.setProgress(70)

        columns: list[tuple] = []
        if method == "apl":
            columns.append(("apl", compat.FIELD_DOUBLE, result.access))
            columns.append(("apl_pop_std", compat.FIELD_DOUBLE, population))
        else:
            columns.append(("fca_access", compat.FIELD_DOUBLE, result.access))
            if self.parameterAsBoolean(parameters, self.NORMALIZE, context):
                columns.append(("fca_index", compat.FIELD_DOUBLE, result.normalized(population)))
        columns.append(
            ("n_facilities", compat.FIELD_DOUBLE, result.facilities_reached.astype(float))
        )
        if method == "apl":
            under = (result.access < APL_UNDERSERVED).astype(int)
            columns.append(("apl_underserved", compat.FIELD_INT, under))
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            demand.source,
            demand.table,
            columns,
            progress_span=(70, 100),
        )
        feedback.pushInfo(
            self.tr("{pairs} demand–facility pairs within {t} minutes; {n} facilities.").format(
                pairs=len(pairs), t=catchment, n=int(keep.sum())
            )
        )
        out.finalize(
            "apl" if method == "apl" else "fca_access",
            self.tr("Potential accessibility"),
            self.tr(
                "Floating catchment accessibility ({method}) of '{demand}' to '{facilities}'."
            ).format(method=method.upper(), demand=d_name, facilities=f_name),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
