"""``reterr:floating_catchment`` — 2SFCA family and the APL preset, straight-line travel times."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..adapters import compat
from ..adapters.layers import engine_error, engine_messages, read_features, require_projected
from ..adapters.network import add_network_parameters, graph_for_layer
from ..engine.costs import CostPairs, pairs_within, straight_line_minutes
from ..engine.errors import InputError
from ..engine.fca import (
    APL_STEPS,
    APL_UNDERSERVED,
    E2SFCA_STEPS,
    THREE_SFCA_STEPS,
    apl,
    floating_catchment,
    gaussian_weights,
    gravity_weights,
    standardized_demand,
    step_weights,
)
from .base import ReterrAlgorithm, canceled_error, discard_output, warn

METHODS = ("2sfca", "e2sfca", "3sfca", "gaussian", "gravity", "apl")
#: Relative GP consumption by age group (0-19, 20-64, 65+) for the APL standardisation.
#: [V] to be confirmed against DREES's age-sex consumption table; override with AGE_CONSUMPTION.
APL_DEFAULT_CONSUMPTION = "0.8;1.0;1.6"


def parse_steps(text: str) -> dict[float, float]:
    """'10:1; 20:0.68; 30:0.22' → {10: 1, 20: 0.68, 30: 0.22} (decimal commas accepted)."""
    steps: dict[float, float] = {}
    for part in text.replace(" ", "").split(";"):
        if not part:
            continue
        limit, _, value = part.partition(":")
        steps[float(limit.replace(",", "."))] = float(value.replace(",", "."))
    return steps


class FloatingCatchment(ReterrAlgorithm):
    """Floating catchment accessibility of demand units to facilities."""

    ALG_ID = "floating_catchment"
    GROUP_ID = "services"

    DEMAND = "DEMAND"
    POPULATION_FIELD = "POPULATION_FIELD"
    AGE_FIELDS = "AGE_FIELDS"
    AGE_CONSUMPTION = "AGE_CONSUMPTION"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORIES = "CATEGORIES"
    SUPPLY_FIELD = "SUPPLY_FIELD"
    METHOD = "METHOD"
    CATCHMENT = "CATCHMENT"
    STEPS = "STEPS"
    SIGMA = "SIGMA"
    GRAVITY_ALPHA = "GRAVITY_ALPHA"
    GRAVITY_MIN = "GRAVITY_MIN"
    SPEED = "SPEED"
    DETOUR = "DETOUR"
    NORMALIZE = "NORMALIZE"
    ANCHORS = "ANCHORS"
    DEMAND_ID_FIELD = "DEMAND_ID_FIELD"
    ANCHOR_ID_FIELD = "ANCHOR_ID_FIELD"
    MAX_SNAP = "MAX_SNAP"
    ACCESS_SPEED = "ACCESS_SPEED"
    OUTPUT = "OUTPUT"

    def group(self) -> str:
        return self.tr("Services and access")

    def displayName(self) -> str:
        return self.tr("Floating catchment accessibility (2SFCA, E2SFCA, 3SFCA, APL)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Potential accessibility of each demand unit (commune, IRIS, grid cell) to facilities, "
            "taking competition between users into account.\n\n"
            "Supply-to-demand ratio of facility j: R_j = S_j / Σ_i w(c_ij)·P_i; accessibility of "
            "unit i: A_i = Σ_j w(c_ij)·R_j, over the pairs within the catchment. Methods: 2SFCA "
            "(w = 1), E2SFCA (steps, default ≤10 min 1, ≤20 0.68, ≤30 0.22, as PySAL access), 3SFCA "
            "(steps 10/20/30/60 min 0.962/0.704/0.377/0.042 and selection weights), Gaussian "
            "exp(-c²/2σ²), gravity (max(c, c_min)/1)^α.\n\n"
            "APL preset (DREES/IRDES 'Accessibilité Potentielle Localisée'): 20-minute catchment, "
            "steps < 10 min 1, 10-15 2/3, 15-20 1/3 [to be confirmed], demand standardised by age "
            "(relative consumption of the age groups, default 0.8/1.0/1.6 [to be confirmed]), supply "
            "= full-time GPs × 5,400 consultations a year; result in consultations per "
            "standardised inhabitant and year; below 2.5 the unit is under-served (DREES).\n\n"
            "Travel times: on the road network when one is given (graph cached, searches stopped "
            "at the catchment, places snapped to the nearest node within the maximum distance), "
            "else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h [to "
            "be confirmed]). Results equal PySAL access on the same costs."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.DEMAND,
                    self.tr("Demand (communes, IRIS, grid cells, points)"),
                    [compat.TYPE_VECTOR_ANY],
                ),
                self.tr("Polygons are represented by a point inside each of them."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.POPULATION_FIELD,
                    self.tr("Population field"),
                    "population",
                    self.DEMAND,
                    compat.FIELD_NUMERIC,
                    optional=True,
                ),
                self.tr("Demand of each unit (default: population)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.AGE_FIELDS,
                    self.tr("Age group fields (APL)"),
                    "pop_0_19;pop_20_64;pop_65p",
                    self.DEMAND,
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
                self.tr("One value per age field, separated by ';' [to be confirmed]."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.FACILITIES, self.tr("Facilities (points)"), [compat.TYPE_VECTOR_POINT]
                ),
                self.tr("E.g. the BPE geolocated facilities."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.CATEGORY_FIELD,
                    self.tr("Facility type field"),
                    "TYPEQU",
                    self.FACILITIES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Field holding the facility type (BPE: TYPEQU)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.CATEGORIES, self.tr("Facility types to keep"), "", optional=True
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
                    self.FACILITIES,
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
            h(
                QgsProcessingParameterNumber(
                    self.CATCHMENT,
                    self.tr("Catchment (minutes)"),
                    compat.NUMBER_DOUBLE,
                    30.0,
                    minValue=0.1,
                ),
                self.tr("Pairs beyond this travel time are ignored (APL: 20)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.STEPS, self.tr("Steps (minutes:weight;…)"), "", optional=True
                ),
                self.tr("Override the method's default steps, e.g. '10:1;20:0.68;30:0.22'."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.SIGMA,
                    self.tr("Gaussian sigma (minutes)"),
                    compat.NUMBER_DOUBLE,
                    10.0,
                    minValue=0.01,
                ),
                self.tr("Width of the Gaussian decay."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.GRAVITY_ALPHA, self.tr("Gravity exponent"), compat.NUMBER_DOUBLE, -1.0
                ),
                self.tr("Negative for a decay."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.GRAVITY_MIN,
                    self.tr("Gravity minimum time (minutes)"),
                    compat.NUMBER_DOUBLE,
                    1.0,
                    minValue=0.0,
                ),
                self.tr("Times below are raised to it (avoids infinite weights)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.SPEED, self.tr("Speed (km/h)"), compat.NUMBER_DOUBLE, 50.0, minValue=1.0
                ),
                self.tr("Average door-to-door speed on the straight-line distance × detour."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.DETOUR, self.tr("Detour factor"), compat.NUMBER_DOUBLE, 1.3, minValue=1.0
                ),
                self.tr("Road distance over straight-line distance."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.ANCHORS,
                    self.tr("Points standing for the demand units (e.g. town halls)"),
                    [compat.TYPE_VECTOR_POINT],
                    optional=True,
                ),
                self.tr(
                    "A better origin than a polygon's interior point: the town hall or a "
                    "population-weighted centre, matched on a code; used only when it lies "
                    "inside its unit."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.DEMAND_ID_FIELD,
                    self.tr("Demand code field"),
                    "code_insee",
                    self.DEMAND,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Code matching the points to the demand units."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.ANCHOR_ID_FIELD,
                    self.tr("Point code field"),
                    "code_insee",
                    self.ANCHORS,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Code of each point, as in the demand layer."),
            )
        )
        add_network_parameters(self, optional=True)
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.MAX_SNAP,
                    self.tr("Maximum distance to the network (m)"),
                    compat.NUMBER_DOUBLE,
                    2000.0,
                    minValue=1.0,
                ),
                self.tr("Places farther from any road node are reported as unreachable."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.ACCESS_SPEED,
                    self.tr("Speed to reach the network (km/h)"),
                    compat.NUMBER_DOUBLE,
                    15.0,
                    minValue=1.0,
                ),
                self.tr("Over the straight line between a place and its network node."),
            )
        )
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

    def processAlgorithm(self, parameters, context, feedback):
        demand = self.parameterAsSource(parameters, self.DEMAND, context)
        facilities = self.parameterAsSource(parameters, self.FACILITIES, context)
        if demand is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.DEMAND))
        if facilities is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FACILITIES))
        d_name = self.layer_label(parameters, self.DEMAND, context, demand)
        f_name = self.layer_label(parameters, self.FACILITIES, context, facilities)
        require_projected(demand.sourceCrs(), d_name)
        require_projected(facilities.sourceCrs(), f_name)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        pop_field = (
            self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "population"
        )
        age_fields = (
            self.parameterAsFields(parameters, self.AGE_FIELDS, context) if method == "apl" else []
        )
        catchment = self.parameterAsDouble(parameters, self.CATCHMENT, context)
        if method == "apl" and "CATCHMENT" not in parameters:
            catchment = 20.0

        feedback.setProgressText(self.tr("Reading demand…"))
        numeric = {"population": pop_field}
        numeric.update({f"age{k}": f for k, f in enumerate(age_fields)})
        dtable = read_features(
            demand,
            numeric=numeric,
            keep_attributes=True,
            name_field="nom" if demand.fields().lookupField("nom") >= 0 else None,
            layer_name=d_name,
            feedback=feedback,
            progress_span=(0, 30),
        )
        feedback.setProgressText(self.tr("Reading facilities…"))
        cat_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        categories = [
            c.strip()
            for c in self.parameterAsString(parameters, self.CATEGORIES, context).split(";")
            if c.strip()
        ]
        if categories and (not cat_field or facilities.fields().lookupField(cat_field) < 0):
            raise QgsProcessingException(
                self.tr(
                    "Facility types were given but the type field '{field}' is not in layer "
                    "'{layer}'."
                ).format(field=cat_field, layer=f_name)
            )
        supply_field = self.parameterAsString(parameters, self.SUPPLY_FIELD, context)
        ftable = read_features(
            facilities,
            numeric={"supply": supply_field} if supply_field else None,
            text={"category": cat_field} if categories else None,
            layer_name=f_name,
            feedback=feedback,
            progress_span=(30, 45),
        )
        if feedback.isCanceled():
            return {}
        keep = np.ones(len(ftable), dtype=bool)
        if categories:
            keep = np.isin(ftable.texts["category"].astype(str), categories)
            if not keep.any():
                raise QgsProcessingException(
                    self.tr("No facility of type {types} in layer '{layer}'.").format(
                        types=", ".join(categories), layer=f_name
                    )
                )
        if facilities.sourceCrs() != demand.sourceCrs():
            ftable.transform(
                QgsCoordinateTransform(
                    facilities.sourceCrs(), demand.sourceCrs(), context.transformContext()
                )
            )
        fxy = ftable.anchor_xy()[keep]
        supply = ftable.numbers["supply"][keep] if supply_field else np.ones(int(keep.sum()))
        dxy = dtable.anchor_xy()
        if parameters.get(self.ANCHORS):
            dxy = self._anchored_xy(parameters, context, feedback, demand, dtable, dxy)
        speed = self.parameterAsDouble(parameters, self.SPEED, context)
        detour = self.parameterAsDouble(parameters, self.DETOUR, context)
        steps_text = self.parameterAsString(parameters, self.STEPS, context)
        use_network = bool(parameters.get("NETWORK"))

        feedback.setProgressText(self.tr("Computing accessibility…"))
        try:
            steps = parse_steps(steps_text) if steps_text else None
        except ValueError as err:
            raise QgsProcessingException(
                self.tr("Steps must read 'minutes:weight;…', e.g. '10:1;20:0.68;30:0.22'.")
            ) from err
        try:
            support = catchment
            if method == "3sfca":
                support = max(catchment, max(steps or THREE_SFCA_STEPS))
            if use_network:
                pairs = self._network_pairs(
                    parameters, context, feedback, dxy, fxy, support, dtable, d_name
                )
            else:
                radius_m = support * speed * 1000.0 / 60.0 / detour
                pairs = pairs_within(dxy, fxy, radius_m, is_canceled=feedback.isCanceled)
                pairs.cost = straight_line_minutes(pairs.cost, speed, detour)
            population = dtable.numbers["population"]
            if method == "apl":
                if len(age_fields) == 0:
                    raise QgsProcessingException(
                        self.tr("The APL preset needs the age group fields.")
                    )
                consumption = [
                    float(v.replace(",", "."))
                    for v in self.parameterAsString(
                        parameters, self.AGE_CONSUMPTION, context
                    ).split(";")
                    if v.strip()
                ]
                if len(consumption) != len(age_fields):
                    raise QgsProcessingException(
                        self.tr("Give one consumption value per age field ({n} fields).").format(
                            n=len(age_fields)
                        )
                    )
                by_age = np.column_stack(
                    [dtable.numbers[f"age{k}"] for k in range(len(age_fields))]
                )
                population = standardized_demand(by_age, consumption)
                result = apl(
                    pairs, population, supply, steps=steps or APL_STEPS, max_cost=catchment
                )
            else:
                weight = None
                if method == "e2sfca":
                    weight = step_weights(steps or E2SFCA_STEPS)
                elif method == "3sfca":
                    weight = step_weights(steps or THREE_SFCA_STEPS)
                elif method == "gaussian":
                    weight = gaussian_weights(
                        self.parameterAsDouble(parameters, self.SIGMA, context)
                    )
                elif method == "gravity":
                    weight = gravity_weights(
                        1.0,
                        self.parameterAsDouble(parameters, self.GRAVITY_ALPHA, context),
                        self.parameterAsDouble(parameters, self.GRAVITY_MIN, context),
                    )
                elif steps:
                    weight = step_weights(steps)
                result = floating_catchment(
                    pairs, population, supply, catchment, weight, three_stage=method == "3sfca"
                )
        except InputError as err:
            raise engine_error(err, dtable, d_name) from err
        for msg in engine_messages(result.warnings):
            warn(feedback, msg)
        feedback.setProgress(70)

        columns: dict[str, np.ndarray] = {}
        if method == "apl":
            columns["apl"] = result.access
            columns["apl_pop_std"] = population
        else:
            columns["fca_access"] = result.access
            if self.parameterAsBoolean(parameters, self.NORMALIZE, context):
                columns["fca_index"] = result.normalized(population)
        columns["n_facilities"] = result.facilities_reached.astype(float)

        fields = QgsFields()
        src_fields = demand.fields()
        keep_idx = [i for i, f in enumerate(src_fields) if f.name() not in columns]
        for i in keep_idx:
            fields.append(src_fields[i])
        for name in columns:
            fields.append(QgsField(name, compat.FIELD_DOUBLE))
        if method == "apl":
            fields.append(QgsField("apl_underserved", compat.FIELD_INT))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, demand.wkbType(), demand.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        values = np.column_stack(list(columns.values()))
        for k in range(len(dtable)):
            if feedback.isCanceled():
                del sink
                discard_output(dest_id)
                raise canceled_error()
            feat = QgsFeature(fields)
            feat.setGeometry(dtable.geometries[k])
            attrs = [dtable.attributes[k][i] for i in keep_idx]
            attrs += [None if np.isnan(v) else float(v) for v in values[k]]
            if method == "apl":
                attrs.append(int(result.access[k] < APL_UNDERSERVED))
            feat.setAttributes(attrs)
            sink.addFeature(feat, compat.SINK_FAST_INSERT)
        del sink
        feedback.pushInfo(
            self.tr("{pairs} demand–facility pairs within {t} minutes; {n} facilities.").format(
                pairs=len(pairs), t=catchment, n=int(keep.sum())
            )
        )
        self.finalize_vector_output(
            dest_id,
            parameters,
            context,
            feedback,
            "apl" if method == "apl" else "fca_access",
            self.tr("Potential accessibility"),
            self.tr(
                "Floating catchment accessibility ({method}) of '{demand}' to '{facilities}'."
            ).format(method=method.upper(), demand=d_name, facilities=f_name),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id}

    def _network_pairs(self, parameters, context, feedback, dxy, fxy, cutoff, dtable, d_name):
        """Demand → facility travel times on the road network, within ``cutoff`` minutes."""
        from ..engine import network as net

        graph, _cached = graph_for_layer(self, parameters, context, feedback)
        network = self.parameterAsSource(parameters, "NETWORK", context)
        if (
            network.sourceCrs().authid()
            != self.parameterAsSource(parameters, self.DEMAND, context).sourceCrs().authid()
        ):
            raise QgsProcessingException(
                self.tr(
                    "The road network and the demand layer must share one CRS (reproject the network)."
                )
            )
        max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP, context)
        access_speed = self.parameterAsDouble(parameters, self.ACCESS_SPEED, context)
        d_snap = net.snap_points(
            graph,
            dxy,
            max_distance_m=max_snap,
            access_speed_kmh=access_speed,
            largest_component_only=False,
        )
        f_snap = net.snap_points(graph, fxy, max_distance_m=max_snap, access_speed_kmh=access_speed)
        if d_snap.unsnapped.size:
            warn(
                feedback,
                self.tr(
                    "{n} places are more than {d} m from the road network and count as unreachable: "
                    "{features}."
                ).format(
                    n=d_snap.unsnapped.size,
                    d=f"{max_snap:g}",
                    features=dtable.describe(d_snap.unsnapped),
                ),
            )
        if f_snap.unsnapped.size:
            warn(
                feedback,
                self.tr(
                    "{n} facilities are more than {d} m from the road network and are ignored."
                ).format(n=f_snap.unsnapped.size, d=f"{max_snap:g}"),
            )
        od = net.od_matrix(
            graph,
            d_snap.node,
            d_snap.access_min,
            f_snap.node,
            f_snap.access_min,
            cutoff,
            is_canceled=feedback.isCanceled,
        ).tocoo()
        return CostPairs(
            od.row.astype(np.int64),
            od.col.astype(np.int64),
            od.data.astype(np.float64),
            len(dxy),
            len(fxy),
        )

    def _anchored_xy(self, parameters, context, feedback, demand, dtable, dxy):
        """Replace interior points by matching anchor points lying inside their unit."""
        from qgis.core import QgsGeometry, QgsPointXY

        anchors = self.parameterAsSource(parameters, self.ANCHORS, context)
        d_field = self.parameterAsString(parameters, self.DEMAND_ID_FIELD, context) or "code_insee"
        a_field = self.parameterAsString(parameters, self.ANCHOR_ID_FIELD, context) or "code_insee"
        a_name = self.layer_label(parameters, self.ANCHORS, context, anchors)
        for fname, src, lname in ((d_field, demand, "demand"), (a_field, anchors, a_name)):
            if src.fields().lookupField(fname) < 0:
                raise QgsProcessingException(
                    self.tr("Field '{field}' not found in layer '{layer}'.").format(
                        field=fname, layer=lname
                    )
                )
        atable = read_features(anchors, text={"id": a_field}, layer_name=a_name)
        if anchors.sourceCrs() != demand.sourceCrs():
            atable.transform(
                QgsCoordinateTransform(
                    anchors.sourceCrs(), demand.sourceCrs(), context.transformContext()
                )
            )
        axy = atable.anchor_xy()
        first: dict[str, int] = {}
        for k, code in enumerate(atable.texts["id"]):
            if code is not None and code not in first:
                first[code] = k
        idx = demand.fields().lookupField(d_field)
        out = dxy.copy()
        used = 0
        for k, attrs in enumerate(dtable.attributes):
            code = attrs[idx]
            a = first.get(str(code)) if code is not None else None
            if a is None:
                continue
            point = QgsGeometry.fromPointXY(QgsPointXY(*map(float, axy[a])))
            geom = dtable.geometries[k]
            if geom.type() != compat.GEOMETRY_POLYGON or geom.contains(point):
                out[k] = axy[a]
                used += 1
        feedback.pushInfo(
            self.tr(
                "{used} of {n} demand units start from their point; the others from a point "
                "inside them (no match, or the point lies outside the unit)."
            ).format(used=used, n=len(dtable))
        )
        return out
