"""``reterr:build_network`` — a road line layer to a cached routing graph, with a report."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)

from ..adapters import compat
from ..adapters.network import add_network_parameters, graph_for_layer
from .base import ReterrAlgorithm, canceled_error, discard_output, write_error


class BuildNetwork(ReterrAlgorithm):
    """Build (or load from the cache) the graph other ReTerr algorithms route on."""

    ALG_ID = "build_network"
    GROUP_ID = "services"
    NODES = "NODES"

    def group(self) -> str:
        return self.tr("Services and access")

    def displayName(self) -> str:
        return self.tr("Build road network")

    def shortHelpString(self) -> str:
        return self.tr(
            "Turns a road line layer into the routing graph used by the ReTerr access algorithms, "
            "and reports what it found: nodes (junctions and dead ends), road segments, connected "
            "components and dangling ends (often lines that miss a junction).\n\n"
            "Travel time of a segment = length / speed, in minutes. Speeds come from a speed field "
            "(km/h) or from a table by road class (OSM highway, BD TOPO nature or importance; car "
            "defaults documented with their sources, several to be confirmed). One-way streets "
            "follow the OSM 'oneway' or BD TOPO 'sens_de_circulation' values. Lines meet only at "
            "shared vertices (within the tolerance): a bridge does not connect to the road below.\n\n"
            "The graph is cached in the QGIS profile and reused by every algorithm given the same "
            "layer and parameters, until the layer file changes. The optional nodes layer shows "
            "each node's component and degree, to find the gaps."
        )

    def initAlgorithm(self, config=None) -> None:
        add_network_parameters(self, optional=False)
        self.addParameter(
            self.add_help(
                QgsProcessingParameterFeatureSink(
                    self.NODES,
                    self.tr("Network nodes"),
                    compat.TYPE_VECTOR_POINT,
                    optional=True,
                    createByDefault=False,
                ),
                self.tr("Points with their component, degree and a dangling flag."),
            )
        )
        for name, label in (
            ("N_NODES", self.tr("Nodes")),
            ("N_EDGES", self.tr("Road segments")),
            ("N_COMPONENTS", self.tr("Connected components")),
            ("LARGEST_COMPONENT", self.tr("Nodes in the largest component")),
            ("DANGLING_ENDS", self.tr("Dangling ends")),
            ("LENGTH_KM", self.tr("Length (km)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        graph, _cached = graph_for_layer(self, parameters, context, feedback)
        rep = graph.report
        feedback.pushInfo(
            self.tr(
                "{nodes} nodes, {edges} road segments, {km:.1f} km; {comp} connected components "
                "(largest: {largest} nodes); {dangling} dangling ends."
            ).format(
                nodes=rep.n_nodes,
                edges=rep.n_edges,
                km=rep.total_length_km,
                comp=rep.n_components,
                largest=rep.largest_component,
                dangling=rep.dangling_ends,
            )
        )
        if rep.n_components > 1:
            feedback.pushInfo(
                self.tr(
                    "Places on the smaller components cannot reach the rest: check the nodes layer "
                    "(component field) for missing junctions."
                )
            )
        results = {
            "N_NODES": rep.n_nodes,
            "N_EDGES": rep.n_edges,
            "N_COMPONENTS": rep.n_components,
            "LARGEST_COMPONENT": rep.largest_component,
            "DANGLING_ENDS": rep.dangling_ends,
            "LENGTH_KM": rep.total_length_km,
        }
        if parameters.get(self.NODES):
            source = self.parameterAsSource(parameters, "NETWORK", context)
            fields = QgsFields()
            fields.append(QgsField("node", compat.FIELD_LONG))
            fields.append(QgsField("component", compat.FIELD_LONG))
            fields.append(QgsField("degree", compat.FIELD_INT))
            fields.append(QgsField("dangling", compat.FIELD_INT))
            sink, dest_id = self.parameterAsSink(
                parameters, self.NODES, context, fields, compat.WKB_POINT, source.sourceCrs()
            )
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.NODES))
            adj = graph.adj
            sym = (adj + adj.T).tocsr()
            degree = np.diff(sym.indptr)
            for k in range(graph.n_nodes):
                if k % 10000 == 0 and feedback.isCanceled():
                    del sink
                    discard_output(dest_id)
                    raise canceled_error()
                feat = QgsFeature(fields)
                feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*map(float, graph.xy[k]))))
                feat.setAttributes(
                    [k, int(graph.component[k]), int(degree[k]), int(degree[k] == 1)]
                )
                if not sink.addFeature(feat, compat.SINK_FAST_INSERT):
                    error = write_error(sink)
                    del sink
                    discard_output(dest_id)
                    raise error
            del sink
            results[self.NODES] = dest_id
        feedback.setProgress(100)
        return results
