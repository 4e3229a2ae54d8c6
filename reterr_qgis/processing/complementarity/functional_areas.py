"""``reterr:functional_areas`` — areas whose communes function together, found from commuting
flows (community detection, or the LabourMarketAreas / TTWA regrouping of INSEE's zones
d'emploi), made contiguous, dissolved into polygons, and compared with an official zoning."""

from __future__ import annotations

import re
from typing import Any, Optional

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProperty,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...adapters import compat
from ...adapters.layers import engine_messages, read_columns, require_projected
from ...engine.complementarity.functional_areas import (
    DEFAULT_LMA,
    LmaParameters,
    compare_partitions,
    detect_communities,
    enforce_contiguity,
    lma_regroup,
    lma_validity,
    zone_cuts,
)
from ...engine.core.errors import Canceled
from ..common.feedback import engine_guard, listing, progress_to, require_shapely, warn
from ..common.inputs import feature_source, read_layer
from ..common.outputs import fields_of, open_output, write_units
from ..common.params import decimals
from .base import ComplementarityAlgorithm

#: Values of METHOD: community detection (Leiden, Louvain), the LabourMarketAreas regrouping,
#: or Leiden's areas regrouped.
METHODS = ("leiden", "louvain", "lma", "leiden_lma")

#: Qualitative colours of the areas (ColorBrewer "Set3", Cynthia Brewer, Apache-2.0): neighbouring
#: areas never share one (greedy colouring of the areas' adjacency, least used colour first).
AREA_COLORS: tuple[str, ...] = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#d9d9d9",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
)

#: Longest text written in a field (a shapefile holds 254 characters).
MAX_TEXT = 254

#: Output fields of the areas (names ≤ 10 characters, a shapefile may be the output).
AREA_FIELDS = (
    ("aire", compat.FIELD_INT),
    ("nom", compat.FIELD_STRING),
    ("n_communes", compat.FIELD_INT),
    ("population", compat.FIELD_DOUBLE),
    ("actifs", compat.FIELD_DOUBLE),
    ("emplois", compat.FIELD_DOUBLE),
    ("internes", compat.FIELD_DOUBLE),
    ("auto_off", compat.FIELD_DOUBLE),
    ("auto_dem", compat.FIELD_DOUBLE),
    ("validite", compat.FIELD_DOUBLE),
    ("valide", compat.FIELD_INT),
    ("zones_cut", compat.FIELD_STRING),
)


def _advanced(param: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Flag a parameter advanced (``Qgis.ProcessingParameterFlag.Advanced`` on QGIS ≥ 3.36)."""
    param.setFlags(param.flags() | compat.PARAM_FLAG_ADVANCED)
    return param


def clean_codes(values: np.ndarray, reference_width: Optional[int] = None) -> np.ndarray:
    """Codes as stripped texts (NULL → ``""``); ``12001.0`` (a code read from a number field) →
    ``12001``; all-digit codes shorter than ``reference_width`` padded with zeros (``1001`` →
    ``01001``, a commune code whose leading zero a spreadsheet dropped). Each distinct value is
    cleaned once."""
    text = np.array(["" if v is None else str(v) for v in values], dtype=str)
    if text.size == 0:
        return text
    uniq, inverse = np.unique(text, return_inverse=True)
    cleaned = []
    for code in uniq.tolist():
        code = code.strip()
        if re.fullmatch(r"\d+\.0+", code):
            code = code.split(".")[0]
        if reference_width and code.isdigit() and len(code) < reference_width:
            code = code.zfill(reference_width)
        cleaned.append(code)
    return np.array(cleaned, dtype=str)[inverse]


def shared_borders(geoms: np.ndarray):
    """Rook adjacency of polygons (shapely array): a sparse symmetric matrix whose weights are the
    lengths of the shared borders (units of the CRS); polygons touching at a point only are not
    neighbours."""
    import shapely
    from scipy import sparse

    n = geoms.shape[0]
    if n == 0:
        return sparse.csr_matrix((0, 0))
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="intersects")
    keep = i < j
    i, j = i[keep], j[keep]
    boundaries = shapely.boundary(geoms)
    length = shapely.length(shapely.intersection(boundaries[i], boundaries[j]))
    # Overlapping neighbours (digitising slivers) share an area rather than a line: count them.
    overlap = shapely.area(shapely.intersection(geoms[i], geoms[j])) > 0
    weight = np.where(length > 0, length, np.where(overlap, 1.0, 0.0))
    ok = weight > 0
    adj = sparse.coo_matrix((weight[ok], (i[ok], j[ok])), shape=(n, n))
    return (adj + adj.T).tocsr()


def fill_gaps(geom, min_area: float):
    """``geom`` (polygon or multipolygon) without the holes smaller than ``min_area``: gaps
    between the communes' borders (digitising slivers), not enclaves — an enclave is a whole
    commune, at least as large as the smallest one."""
    import shapely

    parts = []
    for part in shapely.get_parts(geom).tolist():
        if shapely.get_type_id(part) != 3:  # not a polygon (never from a union of polygons)
            continue
        holes = [r for r in part.interiors if shapely.Polygon(r).area >= min_area]
        parts.append(shapely.Polygon(part.exterior, holes))
    return shapely.MultiPolygon(parts) if len(parts) != 1 else parts[0]


def area_colors(labels: np.ndarray, adjacency, order: np.ndarray) -> list[str]:
    """A colour per area (``labels`` 0 … k−1) such that neighbouring areas differ: areas taken in
    ``order``, each gets the least used colour among those its coloured neighbours do not have
    (every area has its own colour while there are no more areas than colours)."""
    k = int(labels.max()) + 1 if labels.size else 0
    coo = adjacency.tocoo()
    a, b = labels[coo.row], labels[coo.col]
    between = a != b
    neighbours: list[set[int]] = [set() for _ in range(k)]
    for x, y in zip(a[between].tolist(), b[between].tolist()):
        neighbours[x].add(y)
    n_colors = len(AREA_COLORS)
    slot = np.full(k, -1, dtype=np.int64)
    used = np.zeros(n_colors, dtype=np.int64)
    for area in order.tolist():
        taken = {int(slot[m]) for m in neighbours[area] if slot[m] >= 0}
        free = [c for c in range(n_colors) if c not in taken] or list(range(n_colors))
        choice = min(free, key=lambda c: (used[c], c))
        slot[area] = choice
        used[choice] += 1
    return [AREA_COLORS[s] for s in slot.tolist()]


def _symbol_layer_property(name: str):
    """``QgsSymbolLayer.Property.<name>`` (QGIS ≥ 3.30) or ``QgsSymbolLayer.Property<name>``."""
    from qgis.core import QgsSymbolLayer

    scoped = getattr(QgsSymbolLayer, "Property", None)
    value = getattr(scoped, name, None) if scoped is not None else None
    return value if value is not None else getattr(QgsSymbolLayer, "Property" + name)


def style_areas(
    layer: QgsVectorLayer,
    colors: dict[int, str],
    names: dict[int, str],
    *,
    outline: str = "#333333",
    outline_width: float = 0.6,
    label_field: str = "nom",
    flag_field: str = "",
) -> None:
    """One colour per area (categories of ``aire``, labelled "code — name"), a dark outline, and
    the areas' names as labels; ``flag_field`` (communes outside their zone's main area) draws
    those communes with a thick red outline."""
    categories = []
    for code in sorted(colors):
        symbol = QgsFillSymbol.createSimple(
            {
                "color": colors[code],
                "outline_color": outline,
                "outline_width": str(outline_width),
            }
        )
        if flag_field and layer.fields().lookupField(flag_field) >= 0:
            fill = symbol.symbolLayer(0)
            fill.setDataDefinedProperty(
                _symbol_layer_property("StrokeColor"),
                QgsProperty.fromExpression(f"if(\"{flag_field}\" = 1, '#d7301f', '{outline}')"),
            )
            fill.setDataDefinedProperty(
                _symbol_layer_property("StrokeWidth"),
                QgsProperty.fromExpression(f'if("{flag_field}" = 1, 0.6, {outline_width})'),
            )
        label = f"{code} — {names[code]}" if names.get(code) else str(code)
        categories.append(QgsRendererCategory(code, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("aire", categories))
    if label_field and layer.fields().lookupField(label_field) >= 0:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        text = QgsTextFormat()
        text.setSize(8)
        text.setColor(QColor("#202020"))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        buffer.setColor(QColor("#ffffff"))
        text.setBuffer(buffer)
        settings.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


class FunctionalAreas(ComplementarityAlgorithm):
    """Functional areas from commuting flows, compared with an official zoning."""

    ALG_ID = "functional_areas"

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    FLOWS = "FLOWS"
    ORIGIN_FIELD = "ORIGIN_FIELD"
    DESTINATION_FIELD = "DESTINATION_FIELD"
    FLOW_FIELD = "FLOW_FIELD"
    METHOD = "METHOD"
    RESOLUTION = "RESOLUTION"
    SEED = "SEED"
    MIN_SIZE = "MIN_SIZE"
    TARGET_SIZE = "TARGET_SIZE"
    MIN_SELF_CONTAINMENT = "MIN_SELF_CONTAINMENT"
    TARGET_SELF_CONTAINMENT = "TARGET_SELF_CONTAINMENT"
    CONTIGUITY = "CONTIGUITY"
    OFFICIAL_ZONING = "OFFICIAL_ZONING"
    OUTPUT = "OUTPUT"
    OUTPUT_COMMUNES = "OUTPUT_COMMUNES"
    ARI = "ARI"
    NMI = "NMI"
    N_AREAS = "N_AREAS"

    def title(self) -> str:
        return self.tr("Functional areas from flows")

    def help_text(self) -> str:
        return self.tr(
            "Which communes function together? Groups the communes into areas where people "
            "mostly live and work, from home–work flows (e.g. the output of 'Import INSEE "
            "commuting flows'), and says how far these areas match an official zoning (zones "
            "d'emploi, EPCI…) and where they cut it.\n\n"
            "Method\n"
            "Flows between two communes of the layer make the graph; a row whose destination is "
            "not a commune of the layer (e.g. 'HORS…', outside the communes) is left out of the "
            "graph but counts as leaving its commune in the self-containment; a row from a "
            "commune outside the layer to one inside counts as a job of the latter.\n"
            "Community detection (Leiden, the default, Traag, Waltman & van Eck 2019; or "
            "Louvain, Blondel et al. 2008; implementation: the igraph package, optional) "
            "maximises the modularity Q = Σ_c [S_cc / 2m − γ (k_c / 2m)²] of the undirected "
            "graph S = T + Tᵀ (flows within a commune left out), γ the resolution (default 1: "
            "above, more and smaller areas; below, fewer and larger). The seed fixes the random "
            "draws: the same seed gives the same areas.\n"
            "LabourMarketAreas regrouping (the method of the British travel-to-work areas and "
            "of INSEE's zones d'emploi 2020, ported from Istat's R package LabourMarketAreas "
            "3.4; needs no extra package): starting from one area per commune, the least valid "
            "area gives a commune to the area it is most linked with, until every area is "
            "valid. An area with residents in work L (actifs), jobs W (emplois) and flows "
            "within it T is valid when validity = min(msc / tarSC, 1) × (1 − (1 − minSC / "
            "tarSC) × max((tarSZ − L) / (tarSZ − minSZ), 0)) × tarSC / minSC ≥ 1, with msc = "
            "min(T / L, T / W): at the target size it needs the minimum self-containment, at "
            "the minimum size the target one. Defaults are Istat 2011's: minimum size 1,000 "
            "and target size 10,000 employed residents, minimum self-containment 66.67 % and "
            "target 75 % (the British ONS uses 3,500 / 66.7 % / 25,000 / 75 %; INSEE does not "
            "publish its values). 'Leiden then regrouping' starts the regrouping from Leiden's "
            "areas. The regrouping sees the flows between the layer's communes only.\n"
            "Contiguity (default on): a part of an area that does not touch its main part "
            "(communes sharing a border) joins the neighbouring area it exchanges most flows "
            "with.\n"
            "Official zoning (optional field of the communes, e.g. ZE2020 or siren_epci): "
            "adjusted Rand index (Hubert & Arabie 1985; 1 identical, about 0 no better than "
            "chance) and normalised mutual information (MI / mean of the two entropies; 1 "
            "identical, 0 independent), in the log and as outputs ARI and NMI; per area the "
            "zones it cuts (zones whose communes fall in several areas), and per commune "
            "whether it lies outside its zone's main area (hors_zone).\n\n"
            "Output: one polygon per area, dissolved from its communes: aire (number, largest "
            "first), nom (its most populated commune, or the one with most jobs without a "
            "population field), n_communes, population, actifs (employed residents), emplois "
            "(jobs), internes (living and working in the area), auto_off = 100 × internes / "
            "actifs and auto_dem = 100 × internes / emplois (self-containment, supply and "
            "demand side, %), validite and valide (1 when the LabourMarketAreas rule holds), "
            "zones_cut. Optional: the communes with their area (aire, aire_nom, hors_zone)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Communes (polygons)"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr(
                    "The communes to group (or any territories the flows are given for), in a "
                    "projected CRS (Lambert-93 in metropolitan France)."
                ),
            )
        )
        for name, label, default, help_text, numeric in (
            (
                self.CODE_FIELD,
                self.tr("Commune code field"),
                "code_insee",
                self.tr("Code of each commune, as in the flows' origin and destination fields."),
                False,
            ),
            (
                self.NAME_FIELD,
                self.tr("Commune name field"),
                "nom",
                self.tr("Name of each commune: the areas take the name of their main commune."),
                False,
            ),
            (
                self.POPULATION_FIELD,
                self.tr("Population field"),
                "population",
                self.tr(
                    "Population of each commune, summed per area and used to name the areas "
                    "(without it: the commune with most jobs)."
                ),
                True,
            ),
        ):
            self._field(name, label, default, self.INPUT, help_text, numeric)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.FLOWS, self.tr("Commuting flows (table)"), [compat.TYPE_VECTOR_OR_TABLE]
                ),
                self.tr(
                    "One row per origin → destination pair with a number of persons: the output "
                    "of 'Import INSEE commuting flows' (fields orig, dest, flux) or any such table."
                ),
            )
        )
        for name, label, default, help_text, numeric in (
            (
                self.ORIGIN_FIELD,
                self.tr("Origin (residence) code field"),
                "orig",
                self.tr("Commune of residence of each flow."),
                False,
            ),
            (
                self.DESTINATION_FIELD,
                self.tr("Destination (place of work) code field"),
                "dest",
                self.tr(
                    "Commune of work of each flow; a code that is not a commune of the layer "
                    "(e.g. 'HORS…') counts as leaving for outside."
                ),
                False,
            ),
            (
                self.FLOW_FIELD,
                self.tr("Flow field"),
                "flux",
                self.tr("Number of persons of each flow."),
                True,
            ),
        ):
            self._field(name, label, default, self.FLOWS, help_text, numeric)
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.METHOD,
                    self.tr("Method"),
                    options=[
                        self.tr("Community detection: Leiden (needs igraph)"),
                        self.tr("Community detection: Louvain (needs igraph)"),
                        self.tr("LabourMarketAreas regrouping (zones d'emploi method)"),
                        self.tr("Leiden then LabourMarketAreas regrouping (needs igraph)"),
                    ],
                    defaultValue=0,
                ),
                self.tr(
                    "Community detection finds groups of communes with more flows between them "
                    "than expected; the regrouping makes areas large and self-contained enough "
                    "(the rule of the zones d'emploi)."
                ),
            )
        )
        self.addParameter(
            _advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.RESOLUTION,
                            self.tr("Resolution (community detection)"),
                            compat.NUMBER_DOUBLE,
                            1.0,
                            minValue=0.001,
                        ),
                        self.tr(
                            "γ of the modularity: above 1 more and smaller areas, below 1 fewer and "
                            "larger ones (default 1, the classic modularity)."
                        ),
                    ),
                    2,
                )
            )
        )
        self.addParameter(
            _advanced(
                h(
                    QgsProcessingParameterNumber(
                        self.SEED, self.tr("Random seed"), compat.NUMBER_INTEGER, 0, minValue=0
                    ),
                    self.tr("The same seed gives the same areas (community detection)."),
                )
            )
        )
        for name, label, default, help_text, maximum in (
            (
                self.MIN_SIZE,
                self.tr("Minimum size (employed residents, regrouping)"),
                DEFAULT_LMA.min_size,
                self.tr(
                    "An area this small must reach the target self-containment (Istat 2011: 1,000)."
                ),
                None,
            ),
            (
                self.TARGET_SIZE,
                self.tr("Target size (employed residents, regrouping)"),
                DEFAULT_LMA.target_size,
                self.tr(
                    "An area this large needs only the minimum self-containment (Istat 2011: "
                    "10,000)."
                ),
                None,
            ),
            (
                self.MIN_SELF_CONTAINMENT,
                self.tr("Minimum self-containment (%, regrouping)"),
                100.0 * DEFAULT_LMA.min_self_containment,
                self.tr("Istat 2011: 66.67 %."),
                100.0,
            ),
            (
                self.TARGET_SELF_CONTAINMENT,
                self.tr("Target self-containment (%, regrouping)"),
                100.0 * DEFAULT_LMA.target_self_containment,
                self.tr("Istat 2011: 75 %."),
                100.0,
            ),
        ):
            param = QgsProcessingParameterNumber(
                name, label, compat.NUMBER_DOUBLE, default, minValue=0.0
            )
            if maximum is not None:
                param.setMaximum(maximum)
            places = 0 if maximum is None else 2  # sizes: whole people; shares: 66.67 %
            self.addParameter(_advanced(decimals(h(param, help_text), places)))
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.CONTIGUITY, self.tr("Make the areas contiguous"), defaultValue=True
                ),
                self.tr(
                    "A part of an area that does not touch the rest joins the neighbouring area "
                    "it exchanges most flows with."
                ),
            )
        )
        self._field(
            self.OFFICIAL_ZONING,
            self.tr("Official zoning to compare with (field of the communes)"),
            None,
            self.INPUT,
            self.tr(
                "Zone of each commune in an official zoning (e.g. ZE2020 for the zones d'emploi, "
                "siren_epci for the EPCI): agreement (ARI, NMI) and the zones each area cuts."
            ),
            False,
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Functional areas"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr("One polygon per area with its size and self-containment."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT_COMMUNES,
                    self.tr("Communes with their functional area"),
                    compat.TYPE_VECTOR_POLYGON,
                    optional=True,
                    createByDefault=False,
                ),
                self.tr(
                    "The communes with their area (aire, aire_nom) and, with a zoning, hors_zone "
                    "= 1 where the commune lies outside its zone's main area."
                ),
            )
        )
        for name, label in (
            (self.ARI, self.tr("Adjusted Rand index with the zoning")),
            (self.NMI, self.tr("Normalised mutual information with the zoning")),
            (self.N_AREAS, self.tr("Number of functional areas")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _field(self, name, label, default, parent, help_text, numeric) -> None:
        """An optional field parameter (optional so that its default applies from qgis_process
        on QGIS 3.22)."""
        self.addParameter(
            self.add_help(
                QgsProcessingParameterField(
                    name,
                    label,
                    default,
                    parent,
                    compat.FIELD_NUMERIC if numeric else compat.FIELD_ANY,
                    optional=True,
                ),
                help_text,
            )
        )

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        require_shapely(self.tr("Functional areas"))
        import shapely

        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        params = self._lma_parameters(parameters, context)
        contiguity = self.parameterAsBoolean(parameters, self.CONTIGUITY, context)

        # -- communes ------------------------------------------------------------------------
        source = feature_source(self, parameters, self.INPUT, context)
        layer = self.layer_label(parameters, self.INPUT, context, source)
        with engine_guard():
            require_projected(source.sourceCrs(), layer)
        fields = source.fields()
        code_field = self._chosen_field(parameters, self.CODE_FIELD, context, "code_insee")
        self._require_field(fields, code_field, layer, self.CODE_FIELD)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or ""
        if name_field and fields.lookupField(name_field) < 0:
            warn(
                feedback,
                self.tr(
                    "Layer '{layer}' has no field '{field}': the areas are named by commune code."
                ).format(layer=layer, field=name_field),
            )
            name_field = ""
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or ""
        if pop_field and fields.lookupField(pop_field) < 0:
            feedback.pushInfo(
                self.tr(
                    "Layer '{layer}' has no field '{field}': population left empty, areas named "
                    "after the commune with most jobs."
                ).format(layer=layer, field=pop_field)
            )
            pop_field = ""
        zone_field = self.parameterAsString(parameters, self.OFFICIAL_ZONING, context) or ""
        if zone_field:
            self._require_field(fields, zone_field, layer, self.OFFICIAL_ZONING)
        texts = {"code": code_field}
        if zone_field:
            texts["zone"] = zone_field
        feedback.setProgressText(self.tr("Reading the communes…"))
        table = read_layer(
            source,
            numeric={"population": pop_field} if pop_field else None,
            text=texts,
            name_field=name_field or code_field,
            keep_attributes=True,
            layer_name=layer,
            feedback=feedback,
            progress_span=(0, 10),
        )
        n = len(table)
        codes = clean_codes(table.texts["code"])
        self._check_codes(codes, table, layer, code_field)
        names = [table.names[k] if name_field else codes[k] for k in range(n)]
        population = table.numbers.get("population")

        # -- flows ---------------------------------------------------------------------------
        matrix, residents, jobs, flows_name = self._read_flows(parameters, context, feedback, codes)
        feedback.setProgress(20)

        # -- adjacency -----------------------------------------------------------------------
        feedback.setProgressText(self.tr("Finding the communes' neighbours…"))
        geoms = table.shapely()
        adjacency = shared_borders(geoms)
        if feedback.isCanceled():
            raise Canceled()
        feedback.setProgress(25)

        # -- areas ---------------------------------------------------------------------------
        # Communes named in the engine's messages: "name (code)".
        labelled = [
            names[i] if names[i] == codes[i] else f"{names[i]} ({codes[i]})" for i in range(n)
        ]
        labels = self._areas(method, matrix, params, labelled, parameters, context, feedback)
        if contiguity:
            feedback.setProgressText(self.tr("Making the areas contiguous…"))
            with engine_guard(table, layer):
                cont = enforce_contiguity(labels, adjacency, matrix, size=residents, codes=labelled)
            labels = cont.labels
            moved = cont.reattached.size + cont.split.size
            if moved:
                feedback.pushInfo(
                    self.tr(
                        "Contiguity: {n} communes detached from the rest of their area joined a "
                        "neighbouring area ({names})."
                    ).format(n=moved, names=listing(names[i] for i in cont.reattached))
                )
            for msg in engine_messages(cont.warnings):
                warn(feedback, msg)
        if feedback.isCanceled():
            raise Canceled()
        feedback.setProgress(75)

        # -- statistics, order and names -------------------------------------------------------
        k = int(labels.max()) + 1
        stats = self._statistics(labels, matrix, residents, jobs, population, params)
        size = stats["population"] if population is not None else stats["actifs"]
        first = np.full(k, n, dtype=np.int64)
        np.minimum.at(first, labels, np.arange(n))
        order = np.lexsort((first, -np.nan_to_num(size, nan=-1.0)))  # largest first
        rank = np.empty(k, dtype=np.int64)
        rank[order] = np.arange(k)
        aire = rank + 1  # area number of each label
        weight = np.nan_to_num(population) if population is not None else jobs
        head = np.lexsort((np.arange(n), -weight, labels))  # main commune of each label first
        is_head = np.r_[True, labels[head][1:] != labels[head][:-1]]
        main_commune = np.zeros(k, dtype=np.int64)
        main_commune[labels[head][is_head]] = head[is_head]
        area_name = [names[main_commune[a]] for a in range(k)]

        # -- official zoning -----------------------------------------------------------------
        ari = nmi = None
        zones_cut: list[list[str]] = [[] for _ in range(k)]
        off_main = None
        if zone_field:
            ari, nmi, zones_cut, off_main = self._compare(
                labels, aire, table, population, layer, zone_field, feedback
            )

        # -- dissolve ------------------------------------------------------------------------
        feedback.setProgressText(self.tr("Dissolving the communes into areas…"))
        smallest = 0.5 * float(shapely.area(geoms).min())
        by_label = np.argsort(labels, kind="stable")
        bounds = np.searchsorted(labels[by_label], np.arange(k + 1))
        polygons = []
        for a in range(k):
            if a % 50 == 0:
                if feedback.isCanceled():
                    raise Canceled()
                feedback.setProgress(75 + 10 * a / max(k, 1))
            members = geoms[by_label[bounds[a] : bounds[a + 1]]]
            polygons.append(fill_gaps(shapely.union_all(members), smallest))

        # -- write ---------------------------------------------------------------------------
        out_fields = fields_of(AREA_FIELDS)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            out_fields,
            compat.WKB_MULTIPOLYGON,
            source.sourceCrs(),
            total=k,
            progress_span=(85, 95),
        )
        with out:
            for a in order.tolist():
                geom = QgsGeometry()
                geom.fromWkb(shapely.to_wkb(polygons[a]))
                geom.convertToMultiType()
                feat = QgsFeature(out_fields)
                feat.setGeometry(geom)
                feat.setAttributes(
                    [
                        int(aire[a]),
                        area_name[a],
                        int(stats["n_communes"][a]),
                        _number(stats["population"][a]),
                        _number(stats["actifs"][a]),
                        _number(stats["emplois"][a]),
                        _number(stats["internes"][a]),
                        _number(stats["auto_off"][a]),
                        _number(stats["auto_dem"][a]),
                        _number(stats["validite"][a]),
                        int(stats["valide"][a]),
                        _text(", ".join(zones_cut[a])) if zones_cut[a] else None,
                    ]
                )
                out.add(feat, lambda a=a: area_name[a])
        colors = area_colors(labels, adjacency, order)
        color_of = {int(aire[a]): colors[a] for a in range(k)}
        name_of = {int(aire[a]): area_name[a] for a in range(k)}
        method_label = {
            "leiden": self.tr("Leiden community detection"),
            "louvain": self.tr("Louvain community detection"),
            "lma": self.tr("LabourMarketAreas regrouping"),
            "leiden_lma": self.tr("Leiden then LabourMarketAreas regrouping"),
        }[method]
        out.finalize(
            "aire",
            self.tr("Functional areas"),
            self.tr(
                "Functional areas of the communes of '{layer}' from the flows of '{flows}' "
                "({method}), with their size and self-containment."
            ).format(layer=layer, flows=flows_name, method=method_label),
            style=lambda lyr: style_areas(lyr, color_of, name_of),
        )
        results: dict[str, Any] = {
            self.OUTPUT: out.dest_id,
            self.ARI: ari,
            self.NMI: nmi,
            self.N_AREAS: k,
        }

        columns = [
            ("aire", compat.FIELD_INT, aire[labels]),
            ("aire_nom", compat.FIELD_STRING, [area_name[a] for a in labels.tolist()]),
        ]
        if off_main is not None:
            columns.append(("hors_zone", compat.FIELD_INT, off_main))
        out_c = write_units(
            self,
            parameters,
            self.OUTPUT_COMMUNES,
            context,
            feedback,
            source,
            table,
            columns,
            progress_span=(95, 99),
        )
        if out_c is not None:
            out_c.finalize(
                "aire",
                self.tr("Communes by functional area"),
                self.tr(
                    "The communes of '{layer}' with their functional area ({method}); "
                    "hors_zone = 1 where a commune lies outside its zone's main area."
                ).format(layer=layer, method=method_label),
                style=lambda lyr: style_areas(
                    lyr,
                    color_of,
                    name_of,
                    outline="#ffffff",
                    outline_width=0.15,
                    label_field="",
                    flag_field="hors_zone" if off_main is not None else "",
                ),
            )
            results[self.OUTPUT_COMMUNES] = out_c.dest_id

        n_valid = int(np.count_nonzero(stats["valide"]))
        feedback.pushInfo(
            self.tr(
                "{k} functional areas ({method}) for {n} communes; {valid} meet the "
                "LabourMarketAreas validity rule. Largest: {largest}."
            ).format(
                k=k,
                method=method_label,
                n=n,
                valid=n_valid,
                largest=listing(area_name[a] for a in order[:5].tolist()),
            )
        )
        feedback.setProgress(100)
        return results

    # -- steps -----------------------------------------------------------------------------------

    def _chosen_field(self, parameters, name, context, default) -> str:
        return self.parameterAsString(parameters, name, context) or default

    def _require_field(self, fields, field, layer, param) -> None:
        if fields.lookupField(field) < 0:
            raise QgsProcessingException(
                self.tr(
                    "The field '{field}' is not in layer '{layer}' (its fields: {fields}): "
                    "choose the field holding it in the parameter '{param}'."
                ).format(
                    field=field,
                    layer=layer,
                    fields=listing(fields.names()),
                    param=self.parameterDefinition(param).description(),
                )
            )

    def _check_codes(self, codes, table, layer, code_field) -> None:
        empty = np.flatnonzero(codes == "")
        if empty.size:
            raise QgsProcessingException(
                self.tr(
                    "{n} communes of layer '{layer}' have no code in field '{field}': "
                    "{features}. Fill their codes."
                ).format(
                    n=empty.size, layer=layer, field=code_field, features=table.describe(empty)
                )
            )
        uniq, counts = np.unique(codes, return_counts=True)
        repeated = uniq[counts > 1]
        if repeated.size:
            raise QgsProcessingException(
                self.tr(
                    "Several communes of layer '{layer}' have the same code in field '{field}': "
                    "{codes}. Each commune needs its own code (dissolve the repeated features "
                    "first)."
                ).format(layer=layer, field=code_field, codes=listing(repeated.tolist()))
            )

    def _lma_parameters(self, parameters, context) -> LmaParameters:
        params = LmaParameters(
            min_size=self.parameterAsDouble(parameters, self.MIN_SIZE, context),
            min_self_containment=self.parameterAsDouble(
                parameters, self.MIN_SELF_CONTAINMENT, context
            )
            / 100.0,
            target_size=self.parameterAsDouble(parameters, self.TARGET_SIZE, context),
            target_self_containment=self.parameterAsDouble(
                parameters, self.TARGET_SELF_CONTAINMENT, context
            )
            / 100.0,
        )
        ok = (
            0 < params.min_size < params.target_size
            and 0 < params.min_self_containment <= params.target_self_containment <= 1
        )
        if not ok:
            raise QgsProcessingException(
                self.tr(
                    "The regrouping parameters must satisfy 0 < minimum size < target size and "
                    "0 < minimum self-containment ≤ target self-containment ≤ 100 % (got sizes "
                    "{min_size:g} and {target_size:g}, self-containment {min_sc:g} % and "
                    "{target_sc:g} %)."
                ).format(
                    min_size=params.min_size,
                    target_size=params.target_size,
                    min_sc=100 * params.min_self_containment,
                    target_sc=100 * params.target_self_containment,
                )
            )
        return params

    def _read_flows(self, parameters, context, feedback, codes):
        """(matrix between the communes, residents in work per commune, jobs per commune, name
        of the flow table)."""
        from scipy import sparse

        flows = feature_source(self, parameters, self.FLOWS, context)
        name = self.layer_label(parameters, self.FLOWS, context, flows)
        fields = flows.fields()
        orig_f = self._chosen_field(parameters, self.ORIGIN_FIELD, context, "orig")
        dest_f = self._chosen_field(parameters, self.DESTINATION_FIELD, context, "dest")
        flux_f = self._chosen_field(parameters, self.FLOW_FIELD, context, "flux")
        for field, param in (
            (orig_f, self.ORIGIN_FIELD),
            (dest_f, self.DESTINATION_FIELD),
            (flux_f, self.FLOW_FIELD),
        ):
            self._require_field(fields, field, name, param)
        feedback.setProgressText(self.tr("Reading the flows…"))
        with engine_guard():
            cols = read_columns(
                flows,
                numeric=[flux_f],
                text=[orig_f, dest_f],
                layer_name=name,
                is_canceled=feedback.isCanceled,
            )
        if cols.canceled or feedback.isCanceled():
            raise Canceled()
        if len(cols) == 0:
            raise QgsProcessingException(
                self.tr("The flow table '{layer}' has no rows.").format(layer=name)
            )
        weight = cols.numbers[flux_f]
        bad = np.flatnonzero(~(np.isfinite(weight) & (weight >= 0)))
        if bad.size:
            raise QgsProcessingException(
                self.tr(
                    "{n} rows of the flow table '{layer}' have an empty or negative flow in "
                    "field '{field}' (feature ids {fids}): correct them or remove them."
                ).format(
                    n=bad.size,
                    layer=name,
                    field=flux_f,
                    fids=listing(cols.fids[bad].tolist(), 10),
                )
            )
        width = int(np.median([len(c) for c in codes])) if len(codes) else None
        orig = clean_codes(cols.texts[orig_f], width)
        dest = clean_codes(cols.texts[dest_f], width)
        order = np.argsort(codes)
        sorted_codes = codes[order]

        def index(values):
            pos = np.searchsorted(sorted_codes, values)
            pos = np.minimum(pos, len(sorted_codes) - 1)
            found = sorted_codes[pos] == values
            return np.where(found, order[pos], -1)

        oi, di = index(orig), index(dest)
        n = len(codes)
        inside = (oi >= 0) & (di >= 0)
        matrix = sparse.coo_matrix((weight[inside], (oi[inside], di[inside])), shape=(n, n))
        matrix = matrix.tocsr()
        matrix.sum_duplicates()
        matrix.eliminate_zeros()
        residents = np.bincount(oi[oi >= 0], weights=weight[oi >= 0], minlength=n)
        jobs = np.bincount(di[di >= 0], weights=weight[di >= 0], minlength=n)
        total = float(weight.sum())
        out_w = float(weight[(oi >= 0) & (di < 0)].sum())
        in_w = float(weight[(oi < 0) & (di >= 0)].sum())
        none_rows = np.flatnonzero((oi < 0) & (di < 0))
        between = float(matrix.sum())
        if between <= 0:
            raise QgsProcessingException(
                self.tr(
                    "No flow of '{layer}' links two communes of the layer: check that the "
                    "origin and destination fields hold the same codes as the commune code "
                    "field (flows: {flow_codes}; communes: {codes})."
                ).format(
                    layer=name,
                    flow_codes=listing(np.unique(orig)[:5].tolist(), 5),
                    codes=listing(sorted_codes[:5].tolist(), 5),
                )
            )
        feedback.pushInfo(
            self.tr(
                "Flows read from '{layer}': {total} persons; {between} between communes of the "
                "layer (graph), {out} leaving them for outside, {inside} coming from outside."
            ).format(
                layer=name,
                total=f"{total:.0f}",
                between=f"{between:.0f}",
                out=f"{out_w:.0f}",
                inside=f"{in_w:.0f}",
            )
        )
        if none_rows.size:
            unknown = np.unique(orig[none_rows])
            warn(
                feedback,
                self.tr(
                    "{n} rows of '{layer}' ({weight} persons) have neither their origin nor "
                    "their destination among the communes: ignored (origins {codes})."
                ).format(
                    n=none_rows.size,
                    layer=name,
                    weight=f"{float(weight[none_rows].sum()):.0f}",
                    codes=listing(unknown.tolist(), 10),
                ),
            )
        silent = np.flatnonzero((residents <= 0) & (jobs <= 0))
        if silent.size:
            warn(
                feedback,
                self.tr(
                    "{n} communes have no flow at all: each stays an area of its own ({codes})."
                ).format(n=silent.size, codes=listing(codes[silent].tolist())),
            )
        return matrix, residents, jobs, name

    def _areas(self, method, matrix, params, codes, parameters, context, feedback):
        """Area label of each commune, by the chosen method (``codes``: the communes' names in
        messages)."""
        resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        labels = None
        if method in ("leiden", "louvain", "leiden_lma"):
            feedback.setProgressText(self.tr("Detecting communities…"))
            stop = 60 if method == "leiden_lma" else 70
            with engine_guard():
                part = detect_communities(
                    matrix,
                    method="louvain" if method == "louvain" else "leiden",
                    resolution=resolution,
                    seed=seed,
                    progress=progress_to(feedback, 25, stop),
                    is_canceled=feedback.isCanceled,
                )
            labels = part.labels
            feedback.pushInfo(
                self.tr(
                    "Community detection: {k} communities, modularity {q} (resolution {g}, "
                    "seed {seed})."
                ).format(k=part.n_areas, q=f"{part.modularity:.3f}", g=f"{resolution:g}", seed=seed)
            )
        if method in ("lma", "leiden_lma"):
            feedback.setProgressText(self.tr("Regrouping into valid areas…"))
            start = 60 if method == "leiden_lma" else 25
            with engine_guard():
                reg = lma_regroup(
                    matrix,
                    params=params,
                    initial=labels,
                    codes=codes,
                    progress=progress_to(feedback, start, 70),
                    is_canceled=feedback.isCanceled,
                )
            labels = reg.labels
            feedback.pushInfo(
                self.tr(
                    "Regrouping: {k} areas, {valid} valid, after {steps} steps ({moved} moves)."
                ).format(
                    k=reg.n_areas,
                    valid=int(np.count_nonzero(reg.valid)),
                    steps=reg.iterations,
                    moved=reg.events.get("moved", 0),
                )
            )
            for msg in engine_messages(reg.warnings):
                warn(feedback, msg)
        return labels

    def _statistics(self, labels, matrix, residents, jobs, population, params):
        """Per area: communes, population, employed residents, jobs, internal flows,
        self-containment (%) and LabourMarketAreas validity."""
        k = int(labels.max()) + 1
        coo = matrix.tocoo()
        same = labels[coo.row] == labels[coo.col]
        internal = np.bincount(labels[coo.row[same]], weights=coo.data[same], minlength=k)
        actifs = np.bincount(labels, weights=residents, minlength=k)
        emplois = np.bincount(labels, weights=jobs, minlength=k)
        if population is not None:
            known = np.isfinite(population)
            pop = np.bincount(labels[known], weights=population[known], minlength=k)
            any_known = np.bincount(labels[known], minlength=k) > 0
            pop = np.where(any_known, pop, np.nan)
        else:
            pop = np.full(k, np.nan)
        with np.errstate(divide="ignore", invalid="ignore"):
            auto_off = np.where(actifs > 0, 100.0 * internal / actifs, np.nan)
            auto_dem = np.where(emplois > 0, 100.0 * internal / emplois, np.nan)
        validity = lma_validity(actifs, emplois, internal, params)
        return {
            "n_communes": np.bincount(labels, minlength=k),
            "population": pop,
            "actifs": actifs,
            "emplois": emplois,
            "internes": internal,
            "auto_off": auto_off,
            "auto_dem": auto_dem,
            "validite": validity,
            "valide": (validity >= 1.0).astype(np.int64),
        }

    def _compare(self, labels, aire, table, population, layer, zone_field, feedback):
        """ARI, NMI, the zones each area cuts, and per commune whether it lies outside its
        zone's main area (None where the commune has no zone)."""
        zones = clean_codes(table.texts["zone"])
        has = zones != ""
        missing = np.flatnonzero(~has)
        if missing.size:
            warn(
                feedback,
                self.tr(
                    "{n} communes have no zone in field '{field}': left out of the comparison "
                    "({features})."
                ).format(n=missing.size, field=zone_field, features=table.describe(missing)),
            )
        k = int(labels.max()) + 1
        if not has.any():
            warn(
                feedback,
                self.tr("No commune has a zone in field '{field}': no comparison.").format(
                    field=zone_field
                ),
            )
            return None, None, [[] for _ in range(k)], None
        area_code = aire[labels][has]
        with engine_guard():
            agreement = compare_partitions(area_code, zones[has])
            weights = np.nan_to_num(population[has]) if population is not None else None
            if weights is not None and weights.sum() <= 0:
                weights = None
            cuts = zone_cuts(area_code, zones[has], weights)
        ari = float(agreement.adjusted_rand_index)
        nmi = float(agreement.normalized_mutual_information)
        per_aire = {int(a): cuts.area_zones_cut[i] for i, a in enumerate(cuts.areas.tolist())}
        zones_cut = [per_aire.get(int(aire[a]), []) for a in range(k)]
        off = np.full(labels.shape[0], None, dtype=object)
        off[has] = cuts.unit_off_main.astype(np.int64)
        cut = cuts.zones[cuts.zone_n_areas > 1]
        feedback.pushInfo(
            self.tr(
                "Agreement with '{field}' ({zones} zones, {areas} areas): adjusted Rand index "
                "{ari}, normalised mutual information {nmi}. {cut} zones are split between "
                "several areas ({names}); {off} communes lie outside their zone's main area."
            ).format(
                field=zone_field,
                zones=agreement.n_zones,
                areas=agreement.n_areas,
                ari=f"{ari:.3f}",
                nmi=f"{nmi:.3f}",
                cut=cut.size,
                names=listing(cut.tolist(), 10) if cut.size else "-",
                off=int(np.count_nonzero(cuts.unit_off_main)),
            )
        )
        return ari, nmi, zones_cut, off


def _number(value: float) -> Optional[float]:
    v = float(value)
    return v if np.isfinite(v) else None


def _text(value: str) -> str:
    return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"
