"""``reterr:territory_profile`` — population structure, density and vacancy at any zoning."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...adapters import compat
from ...adapters.i18n import translate
from ...adapters.layers import (
    MAX_NAMED,
    dissolve_geometries,
    engine_messages,
    read_features,
    require_projected,
)
from ...engine.core.errors import Canceled, InputError
from ...engine.profile.territory import (
    AGE_FIELDS,
    HOUSING_FIELDS,
    aggregate_counts,
    group_weights,
    profile_from_counts,
)
from ..base import ReterrAlgorithm
from ..common.feedback import engine_guard, require_packages, warn
from ..common.inputs import feature_source
from ..common.outputs import open_output

# Values of reterr_qgis.engine.core.zones.AssignMethod (that module needs shapely, imported on use).
ZONE_METHODS = ("interior_point", "largest_overlap", "area_weighted")


class TerritoryProfile(ReterrAlgorithm):
    """Territorial profile of polygons, optionally aggregated to a coarser zoning."""

    ALG_ID = "territory_profile"
    #: The profile of each territory needs numpy only (it runs on a QGIS without scipy, e.g.
    #: Debian 12's apt packages); grouping by a field needs scipy (the dissolve goes through the
    #: GEOS of QGIS), assigning to zones scipy and shapely 2 (checked when asked for).
    REQUIRES = ()

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    AGE_0_19_FIELD = "AGE_0_19_FIELD"
    AGE_20_64_FIELD = "AGE_20_64_FIELD"
    AGE_65P_FIELD = "AGE_65P_FIELD"
    DWELLINGS_FIELD = "DWELLINGS_FIELD"
    VACANT_FIELD = "VACANT_FIELD"
    NAME_FIELD = "NAME_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    GROUP_NAME_FIELD = "GROUP_NAME_FIELD"
    ZONES = "ZONES"
    ZONE_METHOD = "ZONE_METHOD"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Territorial profile")

    def help_text(self) -> str:
        return self.tr(
            "Computes the profile of each territory of a polygon layer (communes, IRIS, any zoning) "
            "and, optionally, of a coarser zoning (EPCI code field or a zoning layer).\n\n"
            "Indicators: population; area (km², planimetric, in the layer's projected CRS); "
            "density (inhabitants/km²); shares of the 0-19, 20-64 and 65+ age groups (% of the sum "
            "of the three groups); ageing index (100 × 65+ / under 20, INSEE definition); vacancy "
            "rate (% of dwellings that are vacant).\n\n"
            "Aggregation sums the counts first and then recomputes the ratios, so a zone's shares are "
            "population-weighted, never plain means of its communes' ratios. Units go to the zone "
            "containing their interior point (default), to the zone they overlap most, or are split "
            "by area share (assumes population spread evenly).\n\n"
            "Default field names follow the sample territory (INSEE RP data): population, pop_0_19, "
            "pop_20_64, pop_65p, logements, log_vacants, nom. Age and housing fields are optional: "
            "without them the corresponding indicators are skipped. Needs a projected CRS "
            "(Lambert-93, EPSG:2154, in metropolitan France). The output carries its style and "
            "provenance (algorithm, version, parameters, date)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Territories (polygons)"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr("Polygons of the territories to profile, in a projected CRS."),
            )
        )

        def field(name, label, default, optional=True, numeric=True, help_text=""):
            p = QgsProcessingParameterField(
                name,
                label,
                defaultValue=default,
                parentLayerParameterName=self.INPUT,
                type=compat.FIELD_NUMERIC if numeric else compat.FIELD_ANY,
                optional=optional,
            )
            self.addParameter(h(p, help_text))

        field(
            self.POPULATION_FIELD,
            self.tr("Population field"),
            "population",
            help_text=self.tr("Number of inhabitants (e.g. INSEE legal population)."),
        )
        field(
            self.AGE_0_19_FIELD,
            self.tr("Population aged 0-19 field"),
            "pop_0_19",
            help_text=self.tr("Inhabitants aged under 20 (INSEE RP)."),
        )
        field(
            self.AGE_20_64_FIELD,
            self.tr("Population aged 20-64 field"),
            "pop_20_64",
            help_text=self.tr("Inhabitants aged 20 to 64 (INSEE RP)."),
        )
        field(
            self.AGE_65P_FIELD,
            self.tr("Population aged 65+ field"),
            "pop_65p",
            help_text=self.tr("Inhabitants aged 65 and over (INSEE RP)."),
        )
        field(
            self.DWELLINGS_FIELD,
            self.tr("Dwellings field"),
            "logements",
            help_text=self.tr("Number of dwellings (INSEE RP)."),
        )
        field(
            self.VACANT_FIELD,
            self.tr("Vacant dwellings field"),
            "log_vacants",
            help_text=self.tr("Number of vacant dwellings (INSEE RP)."),
        )
        field(
            self.NAME_FIELD,
            self.tr("Name field"),
            "nom",
            numeric=False,
            help_text=self.tr("Names used in messages and kept in the output."),
        )
        field(
            self.GROUP_FIELD,
            self.tr("Aggregate by code field (e.g. EPCI SIREN)"),
            None,
            numeric=False,
            help_text=self.tr(
                "Aggregate the territories sharing this code; their polygons are "
                "dissolved. Leave empty to keep one row per territory."
            ),
        )
        field(
            self.GROUP_NAME_FIELD,
            self.tr("Name of the aggregate field"),
            None,
            numeric=False,
            help_text=self.tr("Field giving the aggregate's name (e.g. nom_epci)."),
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.ZONES,
                    self.tr("Or aggregate into a zoning layer"),
                    [compat.TYPE_VECTOR_POLYGON],
                    optional=True,
                ),
                self.tr(
                    "A coarser zoning (EPCI, bassins de vie, project areas). Its attributes are "
                    "kept."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.ZONE_METHOD,
                    self.tr("Assignment to zones"),
                    options=[
                        self.tr("Zone containing the interior point"),
                        self.tr("Zone of largest overlap"),
                        self.tr("Split by area share"),
                    ],
                    defaultValue=0,
                ),
                self.tr("How territories are assigned to the zoning layer's zones."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Territorial profile"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr(
                    "Polygons with the counts and indicators; a GeoPackage or a PostGIS table "
                    "keeps the style and the provenance."
                ),
            )
        )

    # -- helpers -------------------------------------------------------------------------------

    def _optional_group(self, parameters, context, source, keys, feedback, what):
        """Field names of an all-or-none group of optional fields, or {} when none is usable."""
        names = {k: self.parameterAsString(parameters, p, context) for k, p in keys.items()}
        fields = source.fields()
        present = {k: n for k, n in names.items() if n and fields.lookupField(n) >= 0}
        if len(present) == len(keys):
            return present
        if present:
            missing = [n or self.tr("(none)") for k, n in names.items() if k not in present]
            raise QgsProcessingException(
                self.tr("The {what} fields must all be given; not found: {fields}.").format(
                    what=what, fields=", ".join(missing)
                )
            )
        feedback.pushInfo(
            self.tr("No {what} fields: those indicators are skipped.").format(what=what)
        )
        return {}

    def execute(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.INPUT, context)
        layer_name = self.layer_label(parameters, self.INPUT, context, source)
        require_projected(source.sourceCrs(), layer_name)
        # Field parameters are optional so that their defaults apply from qgis_process on QGIS 3.22
        # (which rejects a missing mandatory field even with a default); population is required.
        pop_field = (
            self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "population"
        )
        ages = self._optional_group(
            parameters,
            context,
            source,
            dict(zip(AGE_FIELDS, (self.AGE_0_19_FIELD, self.AGE_20_64_FIELD, self.AGE_65P_FIELD))),
            feedback,
            self.tr("age group"),
        )
        housing = self._optional_group(
            parameters,
            context,
            source,
            dict(zip(HOUSING_FIELDS, (self.DWELLINGS_FIELD, self.VACANT_FIELD))),
            feedback,
            self.tr("housing"),
        )
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        if name_field and source.fields().lookupField(name_field) < 0:
            name_field = ""
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context)
        group_name_field = self.parameterAsString(parameters, self.GROUP_NAME_FIELD, context)
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        if group_field and zones is not None:
            raise QgsProcessingException(
                self.tr("Choose either a code field or a zoning layer to aggregate, not both.")
            )
        texts = {}
        if group_field:
            texts["group"] = group_field
            if group_name_field:
                texts["group_name"] = group_name_field

        feedback.setProgressText(self.tr("Reading territories…"))
        table = read_features(
            source,
            numeric={"population": pop_field, **ages, **housing},
            text=texts,
            name_field=name_field or None,
            keep_attributes=not group_field and zones is None,
            layer_name=layer_name,
            feedback=feedback,
            progress_span=(0, 50),
        )
        if feedback.isCanceled():
            raise Canceled()
        if len(table) == 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no features.").format(layer=layer_name)
            )
        counts = dict(table.numbers)
        counts["area_km2"] = np.array([g.area() for g in table.geometries]) / 1e6

        feedback.setProgressText(self.tr("Computing indicators…"))
        # Grouping dissolves through the GEOS of QGIS (Debian 12 packages shapely 1.8 only);
        # assigning to zones still uses shapely 2.
        if group_field:
            require_packages(self.tr("Aggregation"), ("scipy",))
        elif zones is not None:
            require_packages(self.tr("Aggregation"), ("scipy", "shapely2"))
        ztable = None
        if zones is not None:
            ztable = self._read_zones(parameters, context, feedback, source, zones)
        with engine_guard(table, layer_name):
            if group_field:
                codes, weights = group_weights(table.texts["group"])
                profile = self._aggregate(counts, weights, lambda rows: ", ".join(codes[rows]))
                out_geoms = dissolve_geometries(table.geometries, weights)
                out_attrs, out_fields = self._group_attributes(
                    table, codes, weights, group_field, group_name_field
                )
            elif zones is not None:
                profile, out_geoms, out_attrs, out_fields = self._zone_profile(
                    parameters, context, feedback, table, counts, zones, ztable
                )
            else:
                profile = profile_from_counts(counts)
                out_geoms = None
                out_attrs, out_fields = table.attributes, source.fields()
        for msg in engine_messages(profile.warnings):
            warn(feedback, msg)
        if feedback.isCanceled():
            raise Canceled()

        columns = profile.columns()
        fields = QgsFields()
        keep_idx = [i for i, f in enumerate(out_fields) if f.name() not in columns]
        for i in keep_idx:
            fields.append(out_fields[i])
        for name in columns:
            fields.append(QgsField(name, compat.FIELD_DOUBLE))
        values = np.column_stack([columns[c] for c in columns])
        n_out = values.shape[0]
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_MULTIPOLYGON,
            source.sourceCrs(),
            total=n_out,
            progress_span=(70, 95),
        )

        feedback.setProgressText(self.tr("Writing output…"))
        # Names of the output rows in messages: the territories, or the zones' first attribute.
        if out_geoms is None:
            describe = table.describe
        else:
            describe = lambda rows: ", ".join(str(out_attrs[r][0]) for r in rows)  # noqa: E731
        with out:
            for i in range(n_out):
                feat = QgsFeature(fields)
                if out_geoms is None:
                    geom = QgsGeometry(table.geometries[i])
                else:
                    geom = QgsGeometry() if out_geoms[i] is None else QgsGeometry(out_geoms[i])
                geom.convertToMultiType()
                feat.setGeometry(geom)
                attrs = [out_attrs[i][j] for j in keep_idx] if out_attrs else []
                attrs += [None if np.isnan(v) else float(v) for v in values[i]]
                feat.setAttributes(attrs)
                out.add(feat, lambda i=i: describe([i]))

        style_field = "share_65p" if "share_65p" in columns else "density"
        out.finalize(
            style_field,
            self.tr("Territorial profile"),
            self.tr(
                "Population, density, age structure and housing vacancy per territory, "
                "computed by ReTerr from '{layer}'."
            ).format(layer=layer_name),
        )
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{n} territories profiled.").format(n=n_out))
        return {self.OUTPUT: out.dest_id}

    def _group_attributes(self, table, codes, weights, group_field, group_name_field):
        fields = QgsFields()
        fields.append(QgsField(group_field, compat.FIELD_STRING))
        if group_name_field:
            fields.append(QgsField(group_name_field, compat.FIELD_STRING))
        fields.append(QgsField("n_units", compat.FIELD_DOUBLE))
        w = weights.tocsc()
        attrs = []
        for j, code in enumerate(codes):
            members = w.indices[w.indptr[j] : w.indptr[j + 1]]
            row = [str(code)]
            if group_name_field:
                names = [
                    table.texts["group_name"][m] for m in members if table.texts["group_name"][m]
                ]
                row.append(names[0] if names else None)
            row.append(float(len(members)))
            attrs.append(row)
        return attrs, fields

    def _read_zones(self, parameters, context, feedback, source, zones):
        """The zoning layer's features, in the territories' CRS."""
        zone_name = self.layer_label(parameters, self.ZONES, context, zones)
        require_projected(zones.sourceCrs(), zone_name)
        ztable = read_features(
            zones,
            keep_attributes=True,
            layer_name=zone_name,
            feedback=feedback,
            progress_span=(50, 60),
        )
        if len(ztable) == 0:
            raise QgsProcessingException(
                self.tr("The zoning layer '{layer}' has no features.").format(layer=zone_name)
            )
        if zones.sourceCrs() != source.sourceCrs():
            xform = QgsCoordinateTransform(
                zones.sourceCrs(), source.sourceCrs(), context.transformContext()
            )
            for g in ztable.geometries:
                g.transform(xform)
            feedback.pushInfo(
                self.tr("Zones reprojected from {a} to {b}.").format(
                    a=zones.sourceCrs().authid(), b=source.sourceCrs().authid()
                )
            )
        return ztable

    def _warn_outside(self, feedback, table, counts, assignment):
        """Name the territories split by area share whose parts outside every zone are lost, with
        the population left out (a zoning shifted by a kilometre loses a few percent)."""
        if assignment.outside is None:
            return
        partly = np.flatnonzero((assignment.outside > 1e-6) & (assignment.outside < 1.0))
        if not partly.size:
            return
        pop = counts.get("population")
        lost = float(np.nansum(pop[partly] * assignment.outside[partly])) if pop is not None else 0
        total = float(np.nansum(pop)) if pop is not None else 0
        order = partly[np.argsort(-assignment.outside[partly], kind="stable")]
        named = ", ".join(
            f"{table.names[r]} (fid {table.fids[r]}, {100 * assignment.outside[r]:.1f} %)"
            for r in order[:MAX_NAMED]
        )
        if order.size > MAX_NAMED:
            named += self.tr(" and {n} more").format(n=order.size - MAX_NAMED)
        warn(
            feedback,
            self.tr(
                "{n} territories lie partly outside every zone: the part outside is left out, "
                "{lost} inhabitants ({share} of the population) by area share. Check that the "
                "zoning covers the territories (same CRS, same boundaries): {features}."
            ).format(
                n=partly.size,
                lost=f"{lost:.0f}",
                share=f"{100 * lost / total if total > 0 else 0.0:.1f} %",
                features=named,
            ),
        )

    def _zone_profile(self, parameters, context, feedback, table, counts, zones, ztable):
        """Profile of the zones: territories assigned to them, counts summed, ratios recomputed."""
        method = ZONE_METHODS[self.parameterAsEnum(parameters, self.ZONE_METHOD, context)]
        from ...engine.core.zones import zone_weights

        assignment = zone_weights(table.shapely(), ztable.shapely(), method)
        if assignment.unassigned.size:
            warn(
                feedback,
                self.tr(
                    "{n} territories lie outside every zone and are left out: {features}."
                ).format(
                    n=assignment.unassigned.size, features=table.describe(assignment.unassigned)
                ),
            )
        if assignment.ambiguous.size:
            text = (
                self.tr(
                    "{n} territories are covered by overlapping zones: their counts are "
                    "counted in each zone (fix the overlaps of the zoning): {features}."
                )
                if method == "area_weighted"
                else self.tr(
                    "{n} territories fall in several overlapping zones; the first "
                    "zone was used: {features}."
                )
            )
            warn(
                feedback,
                text.format(
                    n=assignment.ambiguous.size, features=table.describe(assignment.ambiguous)
                ),
            )
        if method == "area_weighted":
            self._warn_outside(feedback, table, counts, assignment)
        # A zone that receives no territory has no population and no area: no profile. It is
        # named and left out rather than failing the run (or written as zeros).
        n_units = np.asarray(assignment.weights.sum(axis=0)).ravel()
        kept = np.flatnonzero(n_units > 0)
        if kept.size < n_units.size:
            empty = np.flatnonzero(n_units <= 0)
            if not kept.size:
                raise QgsProcessingException(
                    self.tr(
                        "No zone of '{layer}' contains a territory: check that the zoning covers "
                        "the territories (same area, same CRS)."
                    ).format(layer=ztable.layer_name)
                )
            warn(
                feedback,
                self.tr(
                    "{n} zones of '{layer}' contain no territory and are left out: {features}."
                ).format(n=empty.size, layer=ztable.layer_name, features=ztable.describe(empty)),
            )
        weights = assignment.weights.tocsc()[:, kept]
        profile = self._aggregate(counts, weights, lambda rows: ztable.describe(kept[rows]))
        fields = QgsFields(zones.fields())
        fields.append(QgsField("n_units", compat.FIELD_DOUBLE))
        attrs = [list(ztable.attributes[j]) + [float(n_units[j])] for j in kept]
        geoms = [ztable.geometries[j] for j in kept]
        return profile, geoms, attrs, fields

    def _aggregate(self, counts, weights, describe_zones):
        """Profile of the zones (columns of ``weights``); a problem of the zones' totals (e.g. a
        zone whose territories have no area) names the zones, through ``describe_zones(rows)``."""
        zone_counts = aggregate_counts(counts, weights)  # errors here name the territories
        try:
            return profile_from_counts(zone_counts)
        except InputError as err:
            message = translate(err.context, err.msg.template).format(**err.msg.params)
            raise QgsProcessingException(
                self.tr("{message} Zones: {zones}.").format(
                    message=message, zones=describe_zones(np.asarray(err.rows, dtype=int))
                )
            ) from err
