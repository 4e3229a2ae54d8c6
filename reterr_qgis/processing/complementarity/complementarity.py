"""``reterr:complementarity`` — between neighbouring territories (sharing a border, or within a
distance): the trade complementarity index of one's surpluses against the other's deficits,
always with the matchable volume beside it; a "solidarity links" line layer and, per territory,
its best partners."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsLineSymbol,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProperty,
    QgsSingleSymbolRenderer,
)

from ...adapters import compat
from ...adapters.i18n import ui_language
from ...adapters.layers import engine_messages, to_float
from ...adapters.style import graduated_renderer
from ...engine.complementarity.complementarity import (
    best_partners,
    krugman_dissimilarity,
    pair_complementarity,
    pairs_from_adjacency,
    pairs_within_distance,
    split_balance,
)
from ...engine.core.errors import Canceled
from ...engine.supply.groups import GROUP_IDS, group_label
from ..common.feedback import engine_guard, listing, progress_to, require_shapely, warn
from ..common.outputs import cell, fields_of, open_output, write_units
from ..common.params import advanced, decimals
from ..supply.establishments import CODE_FIELD, INPUT, NAME_FIELD, read_territories
from ..supply.local_sourcing import DEFAULT_RADIUS_KM, default_balance_fields, family_of
from .base import ComplementarityAlgorithm

#: Values of NEIGHBOURS.
NEIGHBOUR_MODES = ("border", "distance")
#: Default gap (m) between two polygons still read as a shared border (digitising slivers).
DEFAULT_TOLERANCE_M = 1.0


def border_adjacency(geometries, tolerance: float):
    """``(i, j)`` index arrays of the polygons within ``tolerance`` of each other (sharing a
    border or a corner, or separated by a sliver narrower than it), from shapely's STRtree; each
    pair in both orders, no self-pair."""
    import shapely

    tree = shapely.STRtree(geometries)
    try:
        if tolerance > 0:
            i, j = tree.query(geometries, predicate="dwithin", distance=tolerance)
        else:
            i, j = tree.query(geometries, predicate="intersects")
    except (ValueError, shapely.errors.UnsupportedGEOSVersionError):  # GEOS < 3.10: no dwithin
        i, j = tree.query(shapely.buffer(geometries, tolerance / 2.0), predicate="intersects")
    keep = i != j
    return i[keep].astype(np.int64), j[keep].astype(np.int64)


def style_links(layer) -> None:
    """Lines coloured by the symmetric index (ic_sym), their width following the square root of
    the matchable volume (0.3–3 mm over the layer's range)."""
    idx = layer.fields().lookupField("vol")
    top = layer.maximumValue(idx) if idx >= 0 else None
    try:
        top = float(top)
    except (TypeError, ValueError):
        top = 0.0
    top = top if top > 0 else 1.0
    width = QgsProperty.fromExpression(
        f'scale_linear(sqrt(coalesce("vol", 0)), 0, {math.sqrt(top)!r}, 0.3, 3)'
    )
    renderer = graduated_renderer(layer, "ic_sym", palette="YlGnBu", precision=0)
    if renderer.ranges():
        for k, rng in enumerate(renderer.ranges()):
            symbol = rng.symbol().clone()
            symbol.setDataDefinedWidth(width)
            renderer.updateRangeSymbol(k, symbol)
    else:  # an empty layer, or no index defined
        symbol = QgsLineSymbol.createSimple({"color": "#2c7fb8", "line_width": "0.6"})
        symbol.setDataDefinedWidth(width)
        renderer = QgsSingleSymbolRenderer(symbol)
    layer.setRenderer(renderer)


class Complementarity(ComplementarityAlgorithm):
    """Complementarity between neighbouring territories."""

    ALG_ID = "complementarity"

    FIELDS = "FIELDS"
    NEIGHBOURS = "NEIGHBOURS"
    DISTANCE = "DISTANCE"
    TOLERANCE = "TOLERANCE"
    KEEP_ZERO = "KEEP_ZERO"
    DISSIMILARITY_FIELDS = "DISSIMILARITY_FIELDS"
    OUTPUT = "OUTPUT"
    OUTPUT_TERRITORIES = "OUTPUT_TERRITORIES"

    def title(self) -> str:
        return self.tr("Complementarity between neighbouring territories")

    def help_text(self) -> str:
        return self.tr(
            "Which neighbours have what a territory lacks, and lack what it has? For each pair "
            "of neighbouring territories, how well one's surpluses match the other's deficits "
            "(the complementarity index) and how much could be exchanged at most (the "
            "matchable volume), family by family: a 'solidarity links' layer and each "
            "territory's best partners.\n\n"
            "Input: territories with a signed balance per family (surplus > 0, deficit < 0), "
            "in one unit: by default the crop-group balances of 'Food adequacy' (sol_cer, "
            "sol_olp, sol_fou, sol_flg, sol_aut: farmland − need, hectares), or any fields "
            "(e.g. jobs above or below the reference share per sector). Neighbours: "
            "territories sharing a border (or a corner; a gap narrower than the tolerance, 1 m "
            "by default, counts as shared), or whose interior points lie within a distance "
            "(default 40 km, the short-chain radius of 'Local sourcing flows').\n\n"
            "Method (METHODS §3.2; Michaely's and the World Bank's trade complementarity "
            "index on surplus and deficit structures; Ullman's complementarity). With S_ak = "
            "max(balance, 0), D_bk = max(−balance, 0), s_a the shares of a's surpluses over the "
            "families and d_b those of b's deficits: ic_ab = 100 × (1 − ½ Σ_k |s_ak − d_bk|) "
            "(100 = a's surpluses have exactly the structure of b's deficits, 0 = no family in "
            "common; NULL when a has no surplus or b no deficit); vol_ab = Σ_k min(S_ak, D_bk), "
            "what a could at most supply to b; ic_ba and vol_ba the other way; vol = vol_ab + "
            "vol_ba; ic_sym = (vol_ab ic_ab + vol_ba ic_ba) / vol (both directions weighted by "
            "their volumes); fam_ab, fam_ba the family of the largest matchable volume of each "
            "direction; dist_km between the interior points. Read the index with the volume: "
            "100 % between tiny volumes means little. Pairs with no matchable volume are "
            "dropped by default (counted in the log).\n\n"
            "Optional: dissim = bilateral Krugman dissimilarity Σ_k |p_ak − p_bk| (0 … 2) of "
            "two structures given in other fields (e.g. farmland per crop group, jobs per "
            "sector): how different two territories are, which is not complementarity "
            "(dissimilar territories need not have anything to exchange).\n\n"
            "Territories output: code_ic, nom_ic, ic_max (best partner by index, ties by "
            "volume), code_vol, nom_vol, vol_max (best partner by matchable volume, ties by "
            "index), n_parten (neighbours with a matchable volume > 0), vol_tot (matchable "
            "volume with all of them, both directions)."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    INPUT,
                    self.tr("Territories with a balance per family"),
                    [compat.TYPE_VECTOR_POLYGON],
                ),
                self.tr(
                    "E.g. the output of 'Food adequacy', in a projected CRS in metres "
                    "(Lambert-93 in metropolitan France)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FIELDS,
                    self.tr("Balance fields (one per family)"),
                    None,
                    INPUT,
                    compat.FIELD_NUMERIC,
                    allowMultiple=True,
                    optional=True,
                ),
                self.tr(
                    "Surplus (> 0) or deficit (< 0) of each territory, one field per family, "
                    "all in one unit. Empty: the balance fields of 'Food adequacy' (sol_cer, "
                    "sol_olp, sol_fou, sol_flg, sol_aut)."
                ),
            )
        )
        for name, label, default, help_text in (
            (
                CODE_FIELD,
                self.tr("Territory code field"),
                "code_insee",
                self.tr("Code of each territory, written on the links and in the outputs."),
            ),
            (
                NAME_FIELD,
                self.tr("Territory name field"),
                "nom",
                self.tr("Name of each territory, written on the links and used in messages."),
            ),
        ):
            self.addParameter(
                h(
                    QgsProcessingParameterField(
                        name, label, default, INPUT, compat.FIELD_ANY, optional=True
                    ),
                    help_text,
                )
            )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.NEIGHBOURS,
                    self.tr("Neighbours"),
                    options=[
                        self.tr("Sharing a border"),
                        self.tr("Within a distance (between interior points)"),
                    ],
                    defaultValue=0,
                ),
                self.tr(
                    "Which pairs are compared: territories sharing a border (or a corner), or "
                    "whose interior points lie within the distance below."
                ),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.DISTANCE,
                        self.tr("Distance (km, straight line)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_RADIUS_KM,
                        minValue=0.0,
                    ),
                    self.tr(
                        "With 'Within a distance': the largest straight-line distance between two "
                        "territories' interior points (default 40 km, the short-chain radius of "
                        "'Local sourcing flows')."
                    ),
                ),
                0,
            )
        )
        self.addParameter(
            advanced(
                decimals(
                    h(
                        QgsProcessingParameterNumber(
                            self.TOLERANCE,
                            self.tr("Border tolerance (m)"),
                            compat.NUMBER_DOUBLE,
                            DEFAULT_TOLERANCE_M,
                            minValue=0.0,
                        ),
                        self.tr(
                            "With 'Sharing a border': two territories closer than this still share a "
                            "border (slivers and gaps of digitising)."
                        ),
                    ),
                    1,
                )
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.KEEP_ZERO,
                    self.tr("Keep the pairs without matchable volume"),
                    False,
                ),
                self.tr(
                    "Write a link also between neighbours that have nothing to exchange "
                    "(vol = 0); by default they are left out and counted in the log."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.DISSIMILARITY_FIELDS,
                    self.tr("Structure fields for the dissimilarity (optional)"),
                    None,
                    INPUT,
                    compat.FIELD_NUMERIC,
                    allowMultiple=True,
                    optional=True,
                ),
                self.tr(
                    "Counts ≥ 0 describing each territory's structure (e.g. farmland per crop "
                    "group sau_cer…, jobs per sector): adds dissim, the bilateral Krugman "
                    "dissimilarity of the two structures (not a complementarity)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Solidarity links"), compat.TYPE_VECTOR_LINE
                ),
                self.tr(
                    "One line per pair of neighbours, between their interior points: indices "
                    "(%), matchable volumes, main families, distance."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT_TERRITORIES,
                    self.tr("Best partners by territory"),
                    compat.TYPE_VECTOR_POLYGON,
                    optional=True,
                    createByDefault=True,
                ),
                self.tr(
                    "The territories with their best partner by index and by volume, and their "
                    "number of partners."
                ),
            )
        )

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        mode = NEIGHBOUR_MODES[self.parameterAsEnum(parameters, self.NEIGHBOURS, context)]
        distance_km = self.parameterAsDouble(parameters, self.DISTANCE, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        keep_zero = self.parameterAsBool(parameters, self.KEEP_ZERO, context)
        if mode == "distance" and not distance_km > 0:
            raise QgsProcessingException(
                self.tr("The distance must be a positive number of kilometres.")
            )

        territories = read_territories(self, parameters, context, feedback)
        n = len(territories)
        fields = self._balance_fields(parameters, context, feedback, territories)
        balance = self._numbers(territories, fields)
        with engine_guard(territories.table, territories.name):
            surplus, deficit = split_balance(balance)
        lang = ui_language()
        families = [self._family_label(f, lang) for f in fields]
        xy = territories.table.anchor_xy()
        if feedback.isCanceled():
            raise Canceled()

        feedback.setProgressText(self.tr("Finding the neighbours…"))
        if mode == "border":
            require_shapely(self.tr("Finding the territories sharing a border"))
            i, j = border_adjacency(territories.table.shapely(), tolerance)
            from scipy import sparse

            adjacency = sparse.coo_matrix((np.ones(i.size), (i, j)), shape=(n, n))
            pairs = pairs_from_adjacency(adjacency, xy=xy)
        else:
            with engine_guard(territories.table, territories.name):
                pairs = pairs_within_distance(xy, distance_km * 1000.0)
        lone = np.setdiff1d(np.arange(n), np.concatenate([pairs.a, pairs.b]))
        feedback.pushInfo(
            self.tr("{m} pairs of neighbours among {n} territories.").format(m=len(pairs), n=n)
        )
        if lone.size:
            warn(
                feedback,
                self.tr("{n} territories have no neighbour: {features}.").format(
                    n=lone.size, features=territories.table.describe(lone)
                ),
            )
        feedback.setProgress(35)

        feedback.setProgressText(self.tr("Computing the complementarity of each pair…"))
        labels = [territories.label(k) for k in range(n)]
        with engine_guard(territories.table, territories.name):
            result = pair_complementarity(
                pairs.a,
                pairs.b,
                surplus,
                deficit,
                distance=pairs.distance,
                families=families,
                names=labels,
                progress=progress_to(feedback, 35, 55),
                is_canceled=feedback.isCanceled,
            )
        for msg in engine_messages(result.warnings):
            warn(feedback, msg)
        dissim = self._dissimilarity(parameters, context, territories, result)
        by_index = best_partners(result, 1, by="index")
        by_volume = best_partners(result, 1, by="volume")
        feedback.setProgress(60)

        keep = np.ones(len(result), dtype=bool) if keep_zero else result.volume > 0
        dropped = int((~keep).sum())
        if dropped:
            feedback.pushInfo(
                self.tr(
                    "{n} pairs of neighbours have no matchable volume (neither has a surplus "
                    "of a family the other lacks): no link is drawn between them."
                ).format(n=dropped)
            )
        results = {
            self.OUTPUT: self._write_links(
                parameters, context, feedback, territories, result, xy, keep, dissim, mode
            )
        }
        dest = self._write_territories(
            parameters, context, feedback, territories, by_index, by_volume, result
        )
        if dest is not None:
            results[self.OUTPUT_TERRITORIES] = dest
        if keep.any():
            best = int(np.flatnonzero(keep)[np.argmax(result.volume[keep])])
            feedback.pushInfo(
                self.tr(
                    "{m} solidarity links; the largest matchable volume: {a} – {b}, {vol} "
                    "(index {ic} %)."
                ).format(
                    m=int(keep.sum()),
                    a=labels[result.a[best]],
                    b=labels[result.b[best]],
                    vol=f"{result.volume[best]:.1f}",
                    ic=f"{100.0 * result.index[best]:.0f}",
                )
            )
        feedback.setProgress(100)
        return results

    # -- inputs ----------------------------------------------------------------------------------

    def _balance_fields(self, parameters, context, feedback, territories) -> list[str]:
        """The balance fields asked for, or those of 'Food adequacy' when none is given."""
        names = territories.source.fields().names()
        chosen = [
            f for f in compat.parameter_as_fields(self, parameters, self.FIELDS, context) if f
        ]
        if not chosen:
            chosen = default_balance_fields(names)
            if not chosen:
                raise QgsProcessingException(
                    self.tr(
                        "Choose the balance fields of layer '{layer}' (one per family, surplus "
                        "> 0, deficit < 0): it has none of the fields of 'Food adequacy' "
                        "(sol_cer, sol_olp, sol_fou, sol_flg, sol_aut). Its fields: {fields}."
                    ).format(layer=territories.name, fields=listing(names))
                )
            feedback.pushInfo(
                self.tr("Balance fields used: {fields}.").format(fields=", ".join(chosen))
            )
        missing = [f for f in chosen if f not in names]
        if missing:
            raise QgsProcessingException(
                self.tr(
                    "Fields not found in layer '{layer}': {missing} (its fields: {fields})."
                ).format(layer=territories.name, missing=", ".join(missing), fields=listing(names))
            )
        return chosen

    def _numbers(self, territories, fields: list[str]) -> np.ndarray:
        """``(n, K)`` values of ``fields`` from the attributes kept; a NULL is an error naming
        the territories."""
        idx = [territories.source.fields().lookupField(f) for f in fields]
        rows = []
        for k, attrs in enumerate(territories.table.attributes):
            try:
                rows.append([to_float(attrs[i]) for i in idx])
            except ValueError:
                raise QgsProcessingException(
                    self.tr(
                        "Territory {feature} of '{layer}': a value of {fields} is not a number."
                    ).format(
                        feature=territories.table.describe([k]),
                        layer=territories.name,
                        fields=", ".join(fields),
                    )
                ) from None
        values = np.array(rows, dtype=object).reshape(len(territories), len(fields))
        missing = np.flatnonzero(np.any(values == None, axis=1))  # noqa: E711 (element-wise)
        if missing.size:
            raise QgsProcessingException(
                self.tr(
                    "{n} territories of '{layer}' have no value in {fields}: {features}. Give "
                    "them a value (0 when balanced) or remove them."
                ).format(
                    n=missing.size,
                    layer=territories.name,
                    fields=", ".join(fields),
                    features=territories.table.describe(missing),
                )
            )
        return values.astype(np.float64).reshape(len(territories), len(fields))

    @staticmethod
    def _family_label(field: str, lang: str) -> str:
        family = family_of(field)
        return group_label(family, lang) if family in GROUP_IDS else field

    def _dissimilarity(self, parameters, context, territories, result):
        fields = [
            f
            for f in compat.parameter_as_fields(
                self, parameters, self.DISSIMILARITY_FIELDS, context
            )
            if f
        ]
        if not fields:
            return None
        names = territories.source.fields().names()
        missing = [f for f in fields if f not in names]
        if missing:
            raise QgsProcessingException(
                self.tr("Fields not found in layer '{layer}': {missing}.").format(
                    layer=territories.name, missing=", ".join(missing)
                )
            )
        values = self._numbers(territories, fields)
        with engine_guard(territories.table, territories.name):
            return krugman_dissimilarity(result.a, result.b, values)

    # -- outputs ---------------------------------------------------------------------------------

    def _write_links(
        self, parameters, context, feedback, territories, result, xy, keep, dissim, mode
    ):
        fields = fields_of(
            (
                ("code_a", compat.FIELD_STRING),
                ("nom_a", compat.FIELD_STRING),
                ("code_b", compat.FIELD_STRING),
                ("nom_b", compat.FIELD_STRING),
                ("ic_ab", compat.FIELD_DOUBLE),
                ("ic_ba", compat.FIELD_DOUBLE),
                ("ic_sym", compat.FIELD_DOUBLE),
                ("vol_ab", compat.FIELD_DOUBLE),
                ("vol_ba", compat.FIELD_DOUBLE),
                ("vol", compat.FIELD_DOUBLE),
                ("fam_ab", compat.FIELD_STRING),
                ("fam_ba", compat.FIELD_STRING),
                ("dist_km", compat.FIELD_DOUBLE),
                *((("dissim", compat.FIELD_DOUBLE),) if dissim is not None else ()),
            )
        )
        rows = np.flatnonzero(keep)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_LINESTRING,
            territories.source.sourceCrs(),
            total=int(rows.size),
            progress_span=(60, 85),
        )
        columns = result.columns()
        codes, names = territories.codes, territories.table.names
        with out:
            for r in rows.tolist():
                a, b = int(result.a[r]), int(result.b[r])
                feat = QgsFeature(fields)
                feat.setGeometry(
                    QgsGeometry.fromPolylineXY(
                        [QgsPointXY(*map(float, xy[a])), QgsPointXY(*map(float, xy[b]))]
                    )
                )
                attrs = [
                    codes[a] or None,
                    names[a],
                    codes[b] or None,
                    names[b],
                    cell(columns["complementarite_a_b"][r], compat.FIELD_DOUBLE),
                    cell(columns["complementarite_b_a"][r], compat.FIELD_DOUBLE),
                    cell(columns["complementarite"][r], compat.FIELD_DOUBLE),
                    float(result.volume_ab[r]),
                    float(result.volume_ba[r]),
                    float(result.volume[r]),
                    str(columns["famille_a_b"][r]) or None,
                    str(columns["famille_b_a"][r]) or None,
                    cell(result.distance[r] / 1000.0, compat.FIELD_DOUBLE),
                ]
                if dissim is not None:
                    attrs.append(cell(dissim[r], compat.FIELD_DOUBLE))
                feat.setAttributes(attrs)
                out.add(feat, lambda a=a, b=b: f"{territories.label(a)} – {territories.label(b)}")
        neighbours = (
            self.tr("sharing a border")
            if mode == "border"
            else self.tr("within {d} km").format(
                d=f"{self.parameterAsDouble(parameters, self.DISTANCE, context):g}"
            )
        )
        out.finalize(
            "ic_sym",
            self.tr("Solidarity links"),
            self.tr(
                "Pairs of territories of '{layer}' {neighbours}: trade complementarity index of "
                "one's surpluses against the other's deficits (%, both directions and "
                "volume-weighted) and matchable volume, over the families {families}."
            ).format(
                layer=territories.name, neighbours=neighbours, families=", ".join(result.families)
            ),
            style=style_links,
        )
        return out.dest_id

    def _write_territories(
        self, parameters, context, feedback, territories, by_index, by_volume, result
    ):
        n = len(territories)
        codes, names = territories.codes, territories.table.names

        def best(partners, value):
            code = np.full(n, None, dtype=object)
            name = np.full(n, None, dtype=object)
            val = np.full(n, np.nan)
            for t, p, v in zip(partners.territory.tolist(), partners.partner.tolist(), value):
                code[t], name[t], val[t] = codes[p] or None, names[p], v
            return code, name, val

        ic_code, ic_name, ic_value = best(by_index, 100.0 * by_index.index)
        vol_code, vol_name, vol_value = best(by_volume, by_volume.volume)
        vol_tot = np.bincount(result.a, weights=result.volume, minlength=n) + np.bincount(
            result.b, weights=result.volume, minlength=n
        )
        columns = [
            ("code_ic", compat.FIELD_STRING, ic_code),
            ("nom_ic", compat.FIELD_STRING, ic_name),
            ("ic_max", compat.FIELD_DOUBLE, ic_value),
            ("code_vol", compat.FIELD_STRING, vol_code),
            ("nom_vol", compat.FIELD_STRING, vol_name),
            ("vol_max", compat.FIELD_DOUBLE, vol_value),
            ("n_parten", compat.FIELD_INT, by_index.n_partners),
            ("vol_tot", compat.FIELD_DOUBLE, vol_tot),
        ]
        out = write_units(
            self,
            parameters,
            self.OUTPUT_TERRITORIES,
            context,
            feedback,
            territories.source,
            territories.table,
            columns,
            progress_span=(85, 99),
        )
        if out is None:
            return None
        out.finalize(
            "ic_max",
            self.tr("Best partners by territory"),
            self.tr(
                "Per territory of '{layer}': its most complementary neighbour (index, %) and "
                "the one with the largest matchable volume, over the families {families}."
            ).format(layer=territories.name, families=", ".join(result.families)),
        )
        return out.dest_id
