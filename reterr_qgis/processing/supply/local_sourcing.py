"""``reterr:local_sourcing`` — surpluses of some territories matched with the deficits of others
nearby, per product family: flow lines and what each territory sends, receives and still lacks."""

from __future__ import annotations

import re

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...adapters import compat
from ...adapters.i18n import ui_language
from ...adapters.layers import engine_messages, require_projected
from ...adapters.style import style_flow_layer
from ...engine.core.errors import Message
from ...engine.routing import pairs_within
from ...engine.supply.groups import GROUP_IDS, group_label
from ...engine.supply.sourcing import local_sourcing
from ..common.feedback import engine_guard, listing, progress_to, warn
from ..common.inputs import (
    ANCHOR_ID_FIELD,
    ANCHORS,
    DEMAND_ID_FIELD,
    DemandInput,
    anchored_xy,
    feature_source,
    read_layer,
)
from ..common.outputs import fields_of, open_output, write_units
from ..common.params import advanced, decimals
from ..common.travel import (
    add_road_network_parameters,
    describe_costs,
    locate_demand,
    travel_costs,
    uses_network,
)
from .base import SupplyAlgorithm
from .food_adequacy import SCENARIO_SUFFIXES
from .food_needs import GROUP_CODES

#: Default short-chain radius (km): the Aveyron-size case measured in SUPPLY_AND_COMPLEMENTARITY
#: §B4 (D = 40 km); a planning choice to set for each territory.
DEFAULT_RADIUS_KM = 40.0
#: Default road-time limit (minutes) with a road network: a ReTerr default of the same order.
DEFAULT_MAX_TIME = 45.0
#: Balance fields written by ``reterr:food_adequacy`` (``sol_cer``…: farmland − need, hectares,
#: surplus > 0, deficit < 0), in the order of the crop groups; used when FIELDS is left empty.
DEFAULT_BALANCE_FIELDS: tuple[str, ...] = tuple(f"sol_{c}" for c in GROUP_CODES)
#: Short code of each crop group in field names (``couv_cer``…: ≤ 10 characters), as in
#: ``reterr:food_adequacy``.
FAMILY_CODES: dict[str, str] = dict(zip(GROUP_IDS, GROUP_CODES))
#: Engine solver names, in the order of the SOLVER options.
SOLVERS = ("auto", "network_simplex", "highs")


def family_of(field_name: str) -> str:
    """The family a balance field stands for: the crop group whose id (``bal_cereales``) or short
    code (``sol_cer``, ``sol_cer_25``) it contains, else the field name itself."""
    lower = field_name.lower()
    found = {g for g in GROUP_IDS if g in lower}
    tokens = set(re.split(r"[^0-9a-z]+", lower))
    found |= {g for g, c in FAMILY_CODES.items() if c in tokens}
    if len(found) == 1:
        return found.pop()
    return field_name


def family_code(family: str) -> str:
    """Suffix of a family's fields: ``cer``, ``fou``… for the crop groups, else the family name
    in lower case with other characters than letters, digits and ``_`` replaced by ``_``."""
    return FAMILY_CODES.get(family) or re.sub(r"[^0-9a-z_]", "_", family.lower())


def default_balance_fields(names: list[str]) -> list[str]:
    """The balance fields of ``reterr:food_adequacy`` among ``names``: ``sol_cer``…, or when it
    compared scenarios, those of the first scenario present (``sol_cer_ac``…)."""
    for suffix in ("", *SCENARIO_SUFFIXES.values()):
        found = [f + suffix for f in DEFAULT_BALANCE_FIELDS if f + suffix in names]
        if found:
            return found
    return []


class LocalSourcing(SupplyAlgorithm):
    """Min-cost maximum matching of surpluses and deficits within a radius, per family."""

    ALG_ID = "local_sourcing"
    IN_MENU = False

    INPUT = "INPUT"
    FIELDS = "FIELDS"
    CODE_FIELD = "CODE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    RADIUS = "RADIUS"
    MAX_TIME = "MAX_TIME"
    SOLVER = "SOLVER"
    OUTPUT = "OUTPUT"
    OUTPUT_TERRITORIES = "OUTPUT_TERRITORIES"

    def title(self) -> str:
        return self.tr("Local sourcing flows (surplus → deficit)")

    def help_text(self) -> str:
        return self.tr(
            "Whose surplus can cover whose deficit nearby? For each product family (one balance "
            "field each: surplus > 0, deficit < 0, e.g. the hectares per crop group written by "
            "'Food adequacy'), the surpluses of the territories are matched with the deficits of "
            "the others within a radius, and the result drawn as flow lines.\n\n"
            "Method (METHODS §2.3, SUPPLY_AND_COMPLEMENTARITY §B4): a min-cost maximum matching "
            "per family — first the largest volume that can move between a surplus and a deficit "
            "territory closer than the radius, then, for that volume, the smallest total of "
            "volume × distance (or × time). Families never compensate each other: a surplus of "
            "fodder never covers a deficit of cereals. What cannot be matched within the radius "
            "stays as unmatched surplus or deficit; it is never forced.\n\n"
            "Distances: straight line between the points standing for the territories (a point "
            "inside each polygon, or its town hall when a points layer is given), in km, at "
            "most RADIUS (default 40 km: the radius of a département-size short chain used in "
            "ReTerr's reference notes, a planning choice to set for each territory). With a road "
            "network, road times in minutes instead, at most MAX_TIME (default 45 min, a ReTerr "
            "default of the same order).\n\n"
            "Flow lines: famille, orig_code / orig_nom (supplying territory), dest_code / "
            "dest_nom (receiving territory), vol_ha (volume, in the unit of the balance fields: "
            "hectares for food adequacy), dist_km (straight line), time_min (road time, with a "
            "network), ha_km = vol_ha × dist_km, and ha_min = vol_ha × time_min with a network.\n\n"
            "Territories: the input with, per family (suffix cer, olp, fou, flg, aut for the crop "
            "groups, else the field name): couv_ = share of the deficit covered within the radius "
            "(%, empty without a deficit), envoi_ and recu_ = volume sent and received, exc_ = "
            "unmatched surplus, def_ = unmatched deficit; and over all families ha_km (volume "
            "received × straight-line km) and dist_moy (mean km of the volume received).\n\n"
            "Solver: a compiled network simplex when numba is installed, else scipy's HiGHS "
            "(both give the same optimum; the log says which ran). No surplus, no deficit or "
            "nothing within the radius is not an error: the flow layer is then empty and the log "
            "says why."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT,
                    self.tr("Territories with balances per family"),
                    [compat.TYPE_VECTOR_POLYGON, compat.TYPE_VECTOR_POINT],
                ),
                self.tr(
                    "Polygons or points in a projected CRS, e.g. the output of 'Food adequacy'."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FIELDS,
                    self.tr("Balance fields (one per family)"),
                    None,
                    self.INPUT,
                    compat.FIELD_NUMERIC,
                    allowMultiple=True,
                    optional=True,
                ),
                self.tr(
                    "Surplus (> 0) or deficit (< 0) of each territory, one field per product "
                    "family. Empty: the balance fields of 'Food adequacy' ({fields})."
                ).format(fields=", ".join(DEFAULT_BALANCE_FIELDS)),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.CODE_FIELD,
                    self.tr("Territory code field"),
                    "code_insee",
                    self.INPUT,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr(
                    "Code written on the flow lines and matched with the town halls' codes; "
                    "without it, the feature id."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.NAME_FIELD,
                    self.tr("Territory name field"),
                    "nom",
                    self.INPUT,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Name written on the flow lines and used in messages."),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.RADIUS,
                        self.tr("Radius (km, straight line)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_RADIUS_KM,
                        minValue=0.0,
                    ),
                    self.tr(
                        "Largest straight-line distance between a supplying and a receiving "
                        "territory (without a road network)."
                    ),
                ),
                0,
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.MAX_TIME,
                        self.tr("Largest road time (minutes, with a road network)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_MAX_TIME,
                        minValue=0.0,
                    ),
                    self.tr("Used instead of the radius when a road network is given."),
                ),
                0,
            )
        )
        self.addParameter(
            advanced(
                h(
                    QgsProcessingParameterEnum(
                        self.SOLVER,
                        self.tr("Solver"),
                        options=[
                            self.tr("Automatic"),
                            self.tr("Network simplex (needs numba)"),
                            self.tr("HiGHS (scipy)"),
                        ],
                        defaultValue=0,
                    ),
                    self.tr(
                        "Automatic: the compiled network simplex when numba is installed, else "
                        "HiGHS. Both give the same optimum."
                    ),
                )
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    ANCHORS,
                    self.tr("Points standing for the territories (e.g. town halls)"),
                    [compat.TYPE_VECTOR_POINT],
                    optional=True,
                ),
                self.tr(
                    "Matched on the territory code; used where the point lies inside its "
                    "territory, else a point inside the polygon."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    ANCHOR_ID_FIELD,
                    self.tr("Point code field"),
                    "code_insee",
                    ANCHORS,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Code of each point, as in the territory code field."),
            )
        )
        add_road_network_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Sourcing flows"), compat.TYPE_VECTOR_LINE
                ),
                self.tr(
                    "One line per flow, from the supplying to the receiving territory, styled "
                    "by volume."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT_TERRITORIES,
                    self.tr("Territories: deficits covered, unmatched surplus and deficit"),
                    optional=True,
                    createByDefault=True,
                ),
                self.tr("The territories with, per family, couv_, envoi_, recu_, exc_ and def_."),
            )
        )

    # -- reading -------------------------------------------------------------------------------

    def _balance_fields(self, parameters, context, feedback, source, layer_name) -> list[str]:
        """The balance fields asked for, or those of 'Food adequacy' when none is given."""
        chosen = [
            f for f in compat.parameter_as_fields(self, parameters, self.FIELDS, context) if f
        ]
        fields = source.fields()
        if not chosen:
            chosen = default_balance_fields(fields.names())
            if chosen:
                feedback.pushInfo(
                    self.tr("Balance fields of 'Food adequacy' used: {fields}.").format(
                        fields=", ".join(chosen)
                    )
                )
            else:
                raise QgsProcessingException(
                    self.tr(
                        "Choose the balance fields of layer '{layer}' (one per product family, "
                        "surplus > 0, deficit < 0): it has none of the fields of 'Food "
                        "adequacy' ({defaults})."
                    ).format(layer=layer_name, defaults=", ".join(DEFAULT_BALANCE_FIELDS))
                )
        missing = [f for f in chosen if fields.lookupField(f) < 0]
        if missing:
            raise QgsProcessingException(
                self.tr("Fields not found in layer '{layer}': {fields}.").format(
                    layer=layer_name, fields=", ".join(missing)
                )
            )
        return chosen

    def _families(self, balance_fields: list[str]) -> list[str]:
        families = [family_of(f) for f in balance_fields]
        seen: dict[str, str] = {}
        for fname, fam in zip(balance_fields, families):
            if fam in seen:
                raise QgsProcessingException(
                    self.tr(
                        "The fields '{a}' and '{b}' both stand for the family '{family}': give "
                        "one balance field per family."
                    ).format(a=seen[fam], b=fname, family=fam)
                )
            seen[fam] = fname
        codes = [family_code(f) for f in families]
        if len(set(codes)) != len(codes):
            raise QgsProcessingException(
                self.tr(
                    "The balance fields {fields} give the same output field names: rename them."
                ).format(fields=", ".join(balance_fields))
            )
        return families

    def _optional_field(self, parameters, name, default, context, source, layer_name) -> str:
        """A code or name field: the one given; the default when it exists; else none."""
        value = self.parameterAsString(parameters, name, context)
        if value:
            if source.fields().lookupField(value) < 0:
                raise QgsProcessingException(
                    self.tr("Field '{field}' not found in layer '{layer}'.").format(
                        field=value, layer=layer_name
                    )
                )
            return value
        return default if source.fields().lookupField(default) >= 0 else ""

    # -- run -----------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.INPUT, context)
        name = self.layer_label(parameters, self.INPUT, context, source)
        require_projected(source.sourceCrs(), name)
        balance_fields = self._balance_fields(parameters, context, feedback, source, name)
        families = self._families(balance_fields)
        code_field = self._optional_field(
            parameters, self.CODE_FIELD, "code_insee", context, source, name
        )
        name_field = self._optional_field(parameters, self.NAME_FIELD, "nom", context, source, name)
        solver = SOLVERS[self.parameterAsEnum(parameters, self.SOLVER, context)]
        network = uses_network(parameters)
        limit = self.parameterAsDouble(
            parameters, self.MAX_TIME if network else self.RADIUS, context
        )

        feedback.setProgressText(self.tr("Reading the territories…"))
        texts = {}
        if code_field:
            texts["code"] = code_field
        if name_field:
            texts["name"] = name_field
        table = read_layer(
            source,
            numeric={f"b{k}": f for k, f in enumerate(balance_fields)},
            text=texts,
            name_field=name_field or code_field or None,
            keep_attributes=True,
            layer_name=name,
            feedback=feedback,
            progress_span=(0, 10),
        )
        n = len(table)
        codes = (
            [c if c is not None else "" for c in table.texts["code"]]
            if code_field
            else [str(f) for f in table.fids]
        )
        names = [c if c is not None else "" for c in table.texts["name"]] if name_field else codes
        xy = table.anchor_xy()
        if parameters.get(ANCHORS):
            if not code_field:
                raise QgsProcessingException(
                    self.tr(
                        "Points standing for the territories are matched on the territory code: "
                        "choose the code field of layer '{layer}'."
                    ).format(layer=name)
                )
            xy = anchored_xy(
                self,
                {**parameters, DEMAND_ID_FIELD: code_field},
                context,
                feedback,
                source,
                table,
                xy,
                name,
            )
        balance = {fam: table.numbers[f"b{k}"] for k, fam in enumerate(families)}

        # -- allowed pairs
        feedback.setProgressText(self.tr("Finding the pairs of territories within reach…"))
        with engine_guard(table, name):
            if network:
                territories = DemandInput(source, name, table, xy)
                costs = travel_costs(self, parameters, context, feedback, territories)
                feedback.pushInfo(describe_costs(costs))
                places = locate_demand(costs, territories, feedback)
                pairs = costs.pairs(
                    places,
                    places,
                    limit,
                    progress=progress_to(feedback, 10, 40),
                    is_canceled=feedback.isCanceled,
                )
                unit = self.tr("min")
            else:
                radius_m = max(limit * 1000.0, float(np.nextafter(0.0, 1.0)))
                pairs = pairs_within(xy, xy, radius_m, is_canceled=feedback.isCanceled)
                pairs.cost = pairs.cost / 1000.0
                feedback.pushInfo(
                    self.tr(
                        "Straight-line distances between the territories' points, at most "
                        "{radius} km."
                    ).format(radius=f"{limit:g}")
                )
                unit = self.tr("km")
        feedback.setProgress(40)

        # -- matching
        feedback.setProgressText(self.tr("Matching surpluses and deficits…"))
        with engine_guard(table, name):
            result = local_sourcing(
                balance,
                pairs,
                # The straight-line pairs are already within the radius: the margin keeps the one
                # at exactly the radius after metres → km.
                limit if network else limit * (1.0 + 1e-12),
                solver=solver,
                progress=progress_to(feedback, 40, 70),
                is_canceled=feedback.isCanceled,
            )
        messages = [
            Message(m.template, {**m.params, "radius": f"{limit:g} {unit}"})
            if "radius" in m.params
            else m
            for m in result.messages
        ]
        for text in engine_messages(messages):
            warn(feedback, text)

        # -- flows
        o, d = result.flow_origin, result.flow_destination
        dist_km = np.hypot(*(xy[o] - xy[d]).T) / 1000.0 if o.size else np.zeros(0)
        lang = ui_language()
        fields = fields_of(
            (
                ("famille", compat.FIELD_STRING),
                ("orig_code", compat.FIELD_STRING),
                ("orig_nom", compat.FIELD_STRING),
                ("dest_code", compat.FIELD_STRING),
                ("dest_nom", compat.FIELD_STRING),
                ("vol_ha", compat.FIELD_DOUBLE),
                ("dist_km", compat.FIELD_DOUBLE),
                ("time_min", compat.FIELD_DOUBLE),
                ("ha_km", compat.FIELD_DOUBLE),
                ("ha_min", compat.FIELD_DOUBLE),
            )
        )
        flows = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_LINESTRING,
            source.sourceCrs(),
            total=result.n_flows,
            progress_span=(70, 85),
        )
        with flows:
            for k in range(result.n_flows):
                i, j = int(o[k]), int(d[k])
                vol = float(result.flow_volume[k])
                time = float(result.flow_cost[k]) if network else None
                feat = QgsFeature(fields)
                feat.setGeometry(
                    QgsGeometry.fromPolylineXY(
                        [QgsPointXY(*map(float, xy[i])), QgsPointXY(*map(float, xy[j]))]
                    )
                )
                feat.setAttributes(
                    [
                        result.families[int(result.flow_family[k])],
                        codes[i],
                        names[i],
                        codes[j],
                        names[j],
                        vol,
                        float(dist_km[k]),
                        time,
                        vol * float(dist_km[k]),
                        vol * time if time is not None else None,
                    ]
                )
                flows.add(feat, lambda i=i, j=j: f"{names[i]} → {names[j]}")

        # -- territories
        columns: list[tuple] = []
        for f, fam in enumerate(result.families):
            c = family_code(fam)
            columns += [
                (f"couv_{c}", compat.FIELD_DOUBLE, 100.0 * result.covered_share[:, f]),
                (f"envoi_{c}", compat.FIELD_DOUBLE, result.sent[:, f]),
                (f"recu_{c}", compat.FIELD_DOUBLE, result.received[:, f]),
                (f"exc_{c}", compat.FIELD_DOUBLE, result.unmatched_surplus[:, f]),
                (f"def_{c}", compat.FIELD_DOUBLE, result.unmatched_deficit[:, f]),
            ]
        vol_in = np.bincount(d, weights=result.flow_volume, minlength=n)
        hakm_in = np.bincount(d, weights=result.flow_volume * dist_km, minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_in = np.where(vol_in > 0, hakm_in / np.where(vol_in > 0, vol_in, 1.0), np.nan)
        columns += [
            ("ha_km", compat.FIELD_DOUBLE, hakm_in),
            ("dist_moy", compat.FIELD_DOUBLE, mean_in),
        ]
        terr = write_units(
            self,
            parameters,
            self.OUTPUT_TERRITORIES,
            context,
            feedback,
            source,
            table,
            columns,
            progress_span=(85, 97),
        )

        # -- summary
        for f, fam in enumerate(result.families):
            if not result.solver[f]:
                continue
            matchable = min(float(result.surplus[:, f].sum()), float(result.deficit[:, f].sum()))
            feedback.pushInfo(
                self.tr(
                    "{family}: {matched} matched of {matchable} that could move without a radius "
                    "({share} %), {flows} flows, mean {mean} {unit}; solver: {solver}."
                ).format(
                    family=fam,
                    matched=f"{result.matched[f]:.1f}",
                    matchable=f"{matchable:.1f}",
                    share=f"{100.0 * result.matched[f] / matchable:.1f}" if matchable else "—",
                    flows=int(np.count_nonzero(result.flow_family == f)),
                    mean=f"{result.mean_cost[f]:.1f}",
                    unit=unit,
                    solver=result.solver[f],
                )
            )
        uncovered = np.flatnonzero((result.deficit > 0).any(axis=1) & (result.received == 0).all(1))
        if uncovered.size and result.n_flows:
            feedback.pushInfo(
                self.tr(
                    "{n} territories with a deficit receive nothing within reach: {names}."
                ).format(n=uncovered.size, names=listing(names[i] or codes[i] for i in uncovered))
            )
        if result.n_flows == 0:
            warn(
                feedback,
                self.tr("No flow within reach: the flow layer is empty (see the messages above)."),
            )

        labels = {fam: group_label(fam, lang) for fam in result.families}
        title = self.tr("Local sourcing flows")
        abstract = self.tr(
            "Surpluses matched with deficits within {limit} {unit} per family ({families}), "
            "from '{layer}' (min-cost maximum matching)."
        ).format(
            limit=f"{limit:g}",
            unit=unit,
            families=", ".join(result.families),
            layer=name,
        )
        flows.finalize(
            "vol_ha",
            title,
            abstract,
            style=lambda layer: style_flow_layer(layer, "vol_ha", "famille", labels),
        )
        results = {self.OUTPUT: flows.dest_id}
        if terr is not None:
            first = family_code(result.families[0])
            terr.finalize(
                f"couv_{first}",
                self.tr("Deficits covered by local sourcing"),
                self.tr(
                    "Share of each territory's deficit covered within {limit} {unit}, sent, "
                    "received and unmatched volumes per family, from '{layer}'."
                ).format(limit=f"{limit:g}", unit=unit, layer=name),
            )
            results[self.OUTPUT_TERRITORIES] = terr.dest_id
        feedback.setProgress(100)
        return results
