"""``reterr:build_network`` — a road line layer to a cached routing graph, with a report."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
)

from ...adapters import compat
from ..base import ReterrAlgorithm
from ..common.inputs import feature_source
from ..common.outputs import open_output
from ..common.travel import NETWORK, add_network_parameters, network_graph


class BuildNetwork(ReterrAlgorithm):
    """Build (or load from the cache) the graph other ReTerr algorithms route on."""

    ALG_ID = "build_network"
    GROUP_ID = "services"
    ICON = "network"
    REQUIRES = ("scipy",)
    IN_MENU = False
    NODES = "NODES"

    def group_title(self) -> str:
        return self.tr("Services and access")

    def title(self) -> str:
        return self.tr("Build road network")

    def help_text(self) -> str:
        return self.tr(
            "Turns a road line layer into the routing graph used by the ReTerr access algorithms, "
            "and reports what it found: nodes (junctions and dead ends), road segments, connected "
            "components and dangling ends (often lines that miss a junction).\n\n"
            "Travel time of a segment = length / speed, in minutes. Speeds come from a speed field "
            "(km/h) or from a table by road class (OSM highway, BD TOPO nature or importance; car "
            "defaults set by ReTerr a little below the legal limits, documented in the plugin; "
            "give a speed field to use your own). One-way streets "
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

    def execute(self, parameters, context, feedback):
        graph, _cached = network_graph(self, parameters, context, feedback)
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
        fields = QgsFields()
        fields.append(QgsField("node", compat.FIELD_LONG))
        fields.append(QgsField("component", compat.FIELD_LONG))
        fields.append(QgsField("degree", compat.FIELD_INT))
        fields.append(QgsField("dangling", compat.FIELD_INT))
        nodes = open_output(
            self,
            parameters,
            self.NODES,
            context,
            feedback,
            fields,
            compat.WKB_POINT,
            feature_source(self, parameters, NETWORK, context).sourceCrs(),
            total=graph.n_nodes,
            progress_span=(90, 100),
        )
        if nodes is not None:
            adj = graph.adj
            sym = (adj + adj.T).tocsr()
            degree = np.diff(sym.indptr)
            with nodes:
                for k in range(graph.n_nodes):
                    feat = QgsFeature(fields)
                    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*map(float, graph.xy[k]))))
                    feat.setAttributes(
                        [k, int(graph.component[k]), int(degree[k]), int(degree[k] == 1)]
                    )
                    nodes.add(feat)
            results[self.NODES] = nodes.finalize(
                "dangling",
                self.tr("Road network nodes"),
                self.tr(
                    "Junctions and line ends of the road network: connected component, degree "
                    "(lines meeting there), dangling end (degree 1)."
                ),
            )
        feedback.setProgress(100)
        return results
