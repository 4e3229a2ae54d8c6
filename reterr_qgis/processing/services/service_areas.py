"""``reterr:service_areas`` — isochrone polygons of facilities on the road network."""

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
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...adapters.layers import require_projected
from ...engine.services.access import type_codes
from ..common.feedback import engine_guard, warn
from ..common.inputs import feature_source, read_layer
from ..common.outputs import open_output
from ..common.params import (
    ParseError,
    advanced,
    bpe_types_widget,
    decimals,
    parse_numbers,
    split_codes,
)
from ..common.travel import NETWORK, add_network_parameters, network_graph
from .base import ServicesAlgorithm


class ServiceAreas(ServicesAlgorithm):
    """Areas from which each facility is reached within each time band (or reached from it)."""

    ALG_ID = "service_areas"
    REQUIRES = ("scipy", "shapely2")

    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    TYPES = "TYPES"
    BANDS = "BANDS"
    DIRECTION = "DIRECTION"
    BUFFER = "BUFFER"
    MAX_SNAP = "MAX_SNAP"
    ACCESS_SPEED = "ACCESS_SPEED"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Service areas (isochrones)")

    def help_text(self) -> str:
        return self.tr(
            "Polygons of the area from which each facility is reached within each time band "
            "(home → facility, the direction that matters for access; or, optionally, reached "
            "from the facility), on the road network.\n\n"
            "One search per facility, stopped at the largest band, gives every band. A road "
            "segment whose start is reached within the band counts up to the point reached "
            "(interpolated along the segment, drawn straight between junctions); the polygon is "
            "the area within the buffer distance (default 150 m, a short walk) of the reachable "
            "roads. Bands are nested: the 20-minute area contains the 10-minute one. Times in "
            "minutes; facilities snapped to the nearest node within the maximum distance and "
            "reached at the access speed. Unlike QGIS's own service area tools, the output is "
            "polygons, the speeds are car speeds in km/h and the cost is in minutes."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
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
                self.tr("Field holding the facility type."),
            )
        )
        self.addParameter(
            h(
                bpe_types_widget(
                    QgsProcessingParameterString(
                        self.TYPES, self.tr("Facility types to keep"), "", optional=True
                    )
                ),
                self.tr("Codes separated by ';' (e.g. D265); empty: every facility."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.BANDS, self.tr("Time bands (minutes)"), "10;20;30"
                ),
                self.tr("Increasing limits separated by ';'."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.DIRECTION,
                    self.tr("Direction"),
                    options=[self.tr("To the facility (access)"), self.tr("From the facility")],
                    defaultValue=0,
                ),
                self.tr("One-way streets make the two differ."),
            )
        )
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.BUFFER,
                            self.tr("Walk around reachable roads (m)"),
                            compat.NUMBER_DOUBLE,
                            150.0,
                            minValue=1.0,
                        ),
                        self.tr("Width of the area kept on each side of a reachable road."),
                    ),
                    0,
                )
            )
        )
        add_network_parameters(self, optional=False)
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.MAX_SNAP,
                            self.tr("Maximum distance to the network (m)"),
                            compat.NUMBER_DOUBLE,
                            2000.0,
                            minValue=1.0,
                        ),
                        self.tr(
                            "Facilities farther from any road node get no area (and are named)."
                        ),
                    ),
                    0,
                )
            )
        )
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.ACCESS_SPEED,
                            self.tr("Speed to reach the network (km/h)"),
                            compat.NUMBER_DOUBLE,
                            15.0,
                            minValue=1.0,
                        ),
                        self.tr("Over the straight line between a facility and its node."),
                    ),
                    0,
                )
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Service areas"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr("One polygon per facility and band, with the facility's attributes."),
            )
        )

    def execute(self, parameters, context, feedback):
        from ...engine import routing as net
        from ...engine.routing.isochrones import service_areas

        source = feature_source(self, parameters, self.FACILITIES, context)
        f_name = self.layer_label(parameters, self.FACILITIES, context, source)
        require_projected(source.sourceCrs(), f_name)
        try:
            bands = sorted(
                set(parse_numbers(self.parameterAsString(parameters, self.BANDS, context)))
            )
        except ParseError as err:
            raise QgsProcessingException(
                self.tr("Time bands must be minutes separated by ';', e.g. '10;20;30'.")
            ) from err
        if not bands or bands[0] <= 0:
            raise QgsProcessingException(self.tr("Give at least one positive time band."))
        # Type codes matched as read_points does: a BPE code in lower case (d265) is D265.
        types = list(
            dict.fromkeys(
                type_codes(split_codes(self.parameterAsString(parameters, self.TYPES, context)))
            )
        )
        cat_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        if types and (not cat_field or source.fields().lookupField(cat_field) < 0):
            raise QgsProcessingException(
                self.tr(
                    "Facility types were given but the type field '{field}' is not in layer "
                    "'{layer}'."
                ).format(field=cat_field, layer=f_name)
            )
        # An empty layer is refused with its name (it would write nothing and say nothing).
        table = read_layer(
            source,
            text={"category": cat_field} if types else None,
            keep_attributes=True,
            # Facilities named in messages as read_points names them: "nom", else their type.
            name_field="nom"
            if source.fields().lookupField("nom") >= 0
            else (cat_field if types else None),
            layer_name=f_name,
            feedback=feedback,
            progress_span=(0, 10),
        )
        keep = np.ones(len(table), dtype=bool)
        if types:
            keep = np.isin(type_codes(table.texts["category"]).astype(str), types)
            if not keep.any():
                raise QgsProcessingException(
                    self.tr("No facility of type {types} in layer '{layer}'.").format(
                        types=", ".join(types), layer=f_name
                    )
                )
        graph, _cached = network_graph(self, parameters, context, feedback)
        network = feature_source(self, parameters, NETWORK, context)
        if source.sourceCrs() != network.sourceCrs():
            table.transform(
                QgsCoordinateTransform(
                    source.sourceCrs(), network.sourceCrs(), context.transformContext()
                )
            )
        rows = np.flatnonzero(keep)
        xy = table.anchor_xy()[rows]
        with engine_guard(table, f_name):
            snap = net.snap_points(
                graph,
                xy,
                max_distance_m=self.parameterAsDouble(parameters, self.MAX_SNAP, context),
                access_speed_kmh=self.parameterAsDouble(parameters, self.ACCESS_SPEED, context),
            )
            if snap.unsnapped.size:
                warn(
                    feedback,
                    self.tr(
                        "{n} facilities are too far from the road network and get no area: "
                        "{features}."
                    ).format(n=snap.unsnapped.size, features=table.describe(rows[snap.unsnapped])),
                )
            feedback.setProgressText(self.tr("Computing service areas…"))
            areas = service_areas(
                graph,
                snap.node,
                snap.access_min,
                bands,
                reverse=self.parameterAsEnum(parameters, self.DIRECTION, context) == 0,
                buffer_m=self.parameterAsDouble(parameters, self.BUFFER, context),
                progress=lambda v: feedback.setProgress(40 + 50 * v),
                is_canceled=feedback.isCanceled,
            )

        src_fields = source.fields()
        fields = QgsFields()
        # Several areas per facility (one per band): a GeoPackage "fid" copied from the source would
        # repeat and the writer would refuse the repeats. It is kept as facility_fid instead.
        own = ("band_min", "facility_fid")
        keep_idx = [
            i for i, f in enumerate(src_fields) if f.name() not in own and f.name().lower() != "fid"
        ]
        for i in keep_idx:
            fields.append(src_fields[i])
        fields.append(QgsField("facility_fid", compat.FIELD_LONG))
        fields.append(QgsField("band_min", compat.FIELD_DOUBLE))
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_MULTIPOLYGON,
            network.sourceCrs(),
            total=len(rows) * len(bands),
            progress_span=(90, 100),
        )
        # Facilities that get no area in a band (unsnapped, or reached after more than the band
        # from the road): named, so that fewer areas than facilities x bands is never silent.
        empty = {b: [] for b in range(len(bands))}
        unsnapped = set(snap.unsnapped.tolist())
        with out:
            # Largest band first, so that smaller ones draw on top of it.
            for b in range(len(bands) - 1, -1, -1):
                for k, row in enumerate(rows):
                    poly = areas[k][b]
                    if poly is None or poly.is_empty:
                        if k not in unsnapped:  # those were named above
                            empty[b].append(row)
                        continue
                    geom = QgsGeometry()
                    geom.fromWkb(poly.wkb)
                    geom.convertToMultiType()
                    feat = QgsFeature(fields)
                    feat.setGeometry(geom)
                    attrs = [table.attributes[row][i] for i in keep_idx]
                    attrs += [int(table.fids[row]), bands[b]]
                    feat.setAttributes(attrs)
                    out.add(feat, lambda row=row: table.describe([row]))
        written = out.count
        for b, missing in empty.items():
            if missing:
                warn(
                    feedback,
                    self.tr(
                        "{n} facilities get no {band} min area (their access to the road network "
                        "takes longer than the band): {features}."
                    ).format(
                        n=len(missing), band=f"{bands[b]:g}", features=table.describe(missing)
                    ),
                )
        feedback.pushInfo(
            self.tr("{n} service areas written ({f} facilities, bands {bands} min).").format(
                n=written, f=len(rows), bands=", ".join(f"{b:g}" for b in bands)
            )
        )
        out.finalize(
            "band_min",
            self.tr("Service areas"),
            self.tr("Isochrones of '{layer}' computed by ReTerr.").format(layer=f_name),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
