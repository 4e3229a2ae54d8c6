"""``reterr:food_needs`` — farmland needed to feed each territory's population, per crop group
(PARCEL-like levers: diet, organic share, waste reduction, share relocalised, age weighting).

Also the pieces ``reterr:food_adequacy`` shares with it: the short crop-group codes of the output
field names (:data:`GROUP_CODES`), the diet scenarios offered (:data:`DIET_IDS`) and the lever
parameters (:func:`add_population_and_name_fields`, :func:`add_lever_parameters`,
:func:`read_levers`, :func:`read_needs_table`).
"""

from __future__ import annotations

from functools import partial

import numpy as np
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ...adapters import compat
from ...adapters.i18n import translate
from ...adapters.layers import engine_messages
from ...engine.supply import (
    DEFAULT_AGE_WEIGHTING,
    GROUP_IDS,
    AgeWeighting,
    NeedsParameters,
    food_needs,
    load_needs_table,
)
from ..common.feedback import engine_guard, warn
from ..common.inputs import add_field_parameter, feature_source, read_layer
from ..common.outputs import write_units
from ..common.params import decimals
from .base import SupplyAlgorithm

#: Short code of each crop group in output field names (``bes_cer``, ``sau_cer``, ``cap_cer``…),
#: in :data:`~reterr_qgis.engine.supply.GROUP_IDS` order: cereals, oilseeds and protein crops,
#: fodder (grassland included), fruit and vegetables, other crops. Public: fields are pinned.
GROUP_CODES: tuple[str, ...] = ("cer", "olp", "fou", "flg", "aut")

#: Diet scenarios of the shipped needs table, in the order of the DIET / SCENARIOS enums.
DIET_IDS: tuple[str, ...] = ("actuel", "moins_25_animal", "moins_50_animal")

#: Lever parameters shared by food_needs and food_adequacy (names are public).
ORGANIC_SHARE = "ORGANIC_SHARE"
ORGANIC_YIELD_RATIO = "ORGANIC_YIELD_RATIO"
WASTE_REDUCTION = "WASTE_REDUCTION"
RELOCALISED_SHARE = "RELOCALISED_SHARE"
NEEDS_TABLE = "NEEDS_TABLE"

#: Prefix of the needs fields written by food_needs (read back by food_adequacy).
NEEDS_PREFIX = "bes_"


def needs_field(group_index: int) -> str:
    """Name of the needs field of a crop group: ``bes_cer`` …"""
    return NEEDS_PREFIX + GROUP_CODES[group_index]


def diet_options() -> list[str]:
    """Labels of the diet scenarios (translated), in :data:`DIET_IDS` order."""
    return [
        translate("FoodNeeds", "Current diet"),
        translate("FoodNeeds", "−25 % animal products"),
        translate("FoodNeeds", "−50 % animal products"),
    ]


def add_population_and_name_fields(alg) -> None:
    """The population and name field parameters of the INPUT territories (optional, so that
    their defaults apply from ``qgis_process`` on QGIS 3.22)."""
    field = partial(add_field_parameter, alg, parent=alg.INPUT)
    field(
        alg.POPULATION_FIELD,
        translate("FoodNeeds", "Population field"),
        "population",
        translate("FoodNeeds", "Number of inhabitants (default: population)."),
    )
    field(
        alg.NAME_FIELD,
        translate("FoodNeeds", "Name field"),
        "nom",
        translate("FoodNeeds", "Names of the territories in messages (default: nom)."),
        numeric=False,
    )


def add_lever_parameters(alg) -> None:
    """ORGANIC_SHARE, ORGANIC_YIELD_RATIO, WASTE_REDUCTION, RELOCALISED_SHARE and NEEDS_TABLE
    (labels in the ``FoodNeeds`` translation context, literal for pylupdate)."""
    h = alg.add_help
    alg.addParameter(
        decimals(
            h(
                QgsProcessingParameterNumber(
                    ORGANIC_SHARE,
                    translate("FoodNeeds", "Organic share (%)"),
                    compat.NUMBER_DOUBLE,
                    0.0,
                    minValue=0.0,
                    maxValue=100.0,
                ),
                translate(
                    "FoodNeeds",
                    "Share of the food produced organically. Organic land yields less: it needs "
                    "1 / (organic yield ratio) times the area.",
                ),
            ),
            0,
        )
    )
    alg.addParameter(
        decimals(
            h(
                QgsProcessingParameterNumber(
                    ORGANIC_YIELD_RATIO,
                    translate("FoodNeeds", "Organic yield ratio (organic / conventional)"),
                    compat.NUMBER_DOUBLE,
                    0.75,
                    minValue=0.01,
                    maxValue=2.0,
                ),
                translate(
                    "FoodNeeds",
                    "Organic yield divided by conventional yield; used only with an organic share. "
                    "Default 0.75 (Seufert et al. 2012, Nature).",
                ),
            ),
            2,
        )
    )
    alg.addParameter(
        decimals(
            h(
                QgsProcessingParameterNumber(
                    WASTE_REDUCTION,
                    translate("FoodNeeds", "Waste reduction (% of the needs saved)"),
                    compat.NUMBER_DOUBLE,
                    0.0,
                    minValue=0.0,
                    maxValue=99.0,
                ),
                translate(
                    "FoodNeeds",
                    "Share of the land needed that less food waste saves (e.g. 5 when waste making "
                    "10 % of the needs is halved).",
                ),
            ),
            0,
        )
    )
    alg.addParameter(
        decimals(
            h(
                QgsProcessingParameterNumber(
                    RELOCALISED_SHARE,
                    translate("FoodNeeds", "Share of the food produced locally (%)"),
                    compat.NUMBER_DOUBLE,
                    100.0,
                    minValue=0.0,
                    maxValue=100.0,
                ),
                translate(
                    "FoodNeeds",
                    "100: the territory aims to produce all its food itself (PARCEL's reference).",
                ),
            ),
            0,
        )
    )
    alg.addParameter(
        h(
            QgsProcessingParameterFile(
                NEEDS_TABLE,
                translate("FoodNeeds", "Needs per inhabitant table (CSV)"),
                extension="csv",
                optional=True,
            ),
            translate(
                "FoodNeeds",
                "Hectares per inhabitant per crop group and diet scenario (columns group; "
                "scenario; ha_per_inhabitant). Empty: the table shipped with the plugin "
                "(resources/supply/needs_per_inhabitant.csv), which can be copied and edited.",
            ),
        )
    )


def read_levers(alg, parameters, context, diet: str) -> NeedsParameters:
    """The levers of the run as engine parameters (percentages → fractions)."""
    return NeedsParameters(
        diet=diet,
        organic_share=alg.parameterAsDouble(parameters, ORGANIC_SHARE, context) / 100.0,
        organic_yield_ratio=alg.parameterAsDouble(parameters, ORGANIC_YIELD_RATIO, context),
        waste_reduction=alg.parameterAsDouble(parameters, WASTE_REDUCTION, context) / 100.0,
        relocalised_share=alg.parameterAsDouble(parameters, RELOCALISED_SHARE, context) / 100.0,
    )


def read_needs_table(alg, parameters, context, feedback):
    """The needs table chosen (or the shipped one), with a note on the figures to confirm."""
    path = alg.parameterAsFile(parameters, NEEDS_TABLE, context)
    table = load_needs_table(path or None)
    feedback.pushInfo(
        translate("FoodNeeds", "Needs per inhabitant read from {path}.").format(path=table.path)
    )
    return table


class FoodNeeds(SupplyAlgorithm):
    """Hectares needed per crop group to feed each territory's population."""

    ALG_ID = "food_needs"
    IN_MENU = False

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    NAME_FIELD = "NAME_FIELD"
    DIET = "DIET"
    AGE_WEIGHTING = "AGE_WEIGHTING"
    AGE_0_19_FIELD = "AGE_0_19_FIELD"
    AGE_20_64_FIELD = "AGE_20_64_FIELD"
    AGE_65P_FIELD = "AGE_65P_FIELD"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Food needs (farmland needed per crop group)")

    def help_text(self) -> str:
        return self.tr(
            "How much farmland each territory would need to feed its own population, per crop "
            "group, in hectares, as in PARCEL (BASIC, Terre de Liens, FNAB).\n\n"
            "Output fields (added to the territories): bes_cer (cereals), bes_olp (oilseeds and "
            "protein crops), bes_fou (fodder and grassland), bes_flg (fruit and vegetables), "
            "bes_aut (other crops), bes_total (all groups), in hectares; bes_hab (hectares "
            "needed per inhabitant); fact_age (age factor, with age weighting only).\n\n"
            "Method: need_g = population × a × s_g(diet) × r × (1 − w) × ((1 − b) + b / ρ), "
            "with s_g the hectares per inhabitant of crop group g in the needs table for the "
            "diet scenario, r the share of the food produced locally, w the waste reduction, b "
            "the organic share, ρ the organic/conventional yield ratio and a the age factor "
            "(1 without age weighting).\n\n"
            "Defaults and sources: the shipped table's current diet totals 0.321 ha per "
            "inhabitant, calibrated on PARCEL (France, current diet, non-organic, fully "
            "relocalised: 20.9 Mha ≈ 0.32 ha per inhabitant); −25 % and −50 % animal products "
            "total 0.259 and 0.197 ha. The split between crop groups and the diet factors are "
            "ReTerr defaults derived from PARCEL's totals (PARCEL does not publish its per-group "
            "figures openly); the table's notes and resources/supply/README.md say how each was derived, "
            "and you can replace the table. Organic yield ratio 0.75: mean of the "
            "meta-analysis of Seufert, Ramankutty & Foley (2012, Nature 485:229). Age "
            "weighting: consumption index 0.86 for the youngest band (ENNS 2006 energy intakes "
            "of children against adults), 1 for adults, 0.90 for 65 and over (a ReTerr default, "
            "no published index), normalised by a reference age structure 21 % / 57 % / 22 % "
            "(France, rounded) so "
            "that a territory with the national structure keeps a = 1; the index was set for "
            "the bands 0–17 / 18–64 / 65+ and is applied to the age fields given (INSEE's "
            "0–19 / 20–64 / 65+ by default).\n\n"
            "Territories without population get zero needs; a missing or negative population "
            "is an error naming the territories."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Territories"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr("Communes, EPCI or any zoning with a population field."),
            )
        )

        add_population_and_name_fields(self)
        field = partial(add_field_parameter, self, parent=self.INPUT)
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.DIET, self.tr("Diet scenario"), options=diet_options(), defaultValue=0
                ),
                self.tr(
                    "Scenario of the needs table: current diet, or 25 % or 50 % fewer animal "
                    "products."
                ),
            )
        )
        add_lever_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.AGE_WEIGHTING, self.tr("Weight the needs by age"), False
                ),
                self.tr(
                    "Children eat less than adults: with the three age fields below, the needs "
                    "of each territory follow its age structure."
                ),
            )
        )
        field(
            self.AGE_0_19_FIELD,
            self.tr("Youngest age band field"),
            "pop_0_19",
            self.tr("Inhabitants of the youngest band (INSEE RP: under 20)."),
        )
        field(
            self.AGE_20_64_FIELD,
            self.tr("Adult age band field"),
            "pop_20_64",
            self.tr("Inhabitants of the adult band (INSEE RP: 20 to 64)."),
        )
        field(
            self.AGE_65P_FIELD,
            self.tr("Senior age band field"),
            "pop_65p",
            self.tr("Inhabitants aged 65 and over (INSEE RP)."),
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Food needs"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr(
                    "The territories with bes_cer … bes_aut, bes_total (ha) and bes_hab (ha per "
                    "inhabitant)."
                ),
            )
        )

    def execute(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.INPUT, context)
        layer_name = self.layer_label(parameters, self.INPUT, context, source)
        pop_field = (
            self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "population"
        )
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or "nom"
        if source.fields().lookupField(name_field) < 0:
            name_field = ""
        diet = DIET_IDS[self.parameterAsEnum(parameters, self.DIET, context)]
        levers = read_levers(self, parameters, context, diet)
        numeric = {"population": pop_field}
        bands: list[str] = []
        if self.parameterAsBoolean(parameters, self.AGE_WEIGHTING, context):
            defaults = ("pop_0_19", "pop_20_64", "pop_65p")
            params = (self.AGE_0_19_FIELD, self.AGE_20_64_FIELD, self.AGE_65P_FIELD)
            bands = [
                self.parameterAsString(parameters, p, context) or d
                for p, d in zip(params, defaults)
            ]
            for k, band in enumerate(bands):
                numeric[f"age{k}"] = band

        feedback.setProgressText(self.tr("Reading territories…"))
        table = read_layer(
            source,
            numeric=numeric,
            name_field=name_field or None,
            keep_attributes=True,
            layer_name=layer_name,
            feedback=feedback,
            progress_span=(0, 40),
        )
        needs_table = read_needs_table(self, parameters, context, feedback)
        with engine_guard(table, layer_name):
            age_counts = weighting = None
            if bands:
                age_counts = np.column_stack([table.numbers[f"age{k}"] for k in range(3)])
                weighting = AgeWeighting(
                    bands=tuple(bands),
                    index=DEFAULT_AGE_WEIGHTING.index,
                    reference_shares=DEFAULT_AGE_WEIGHTING.reference_shares,
                )
            result = food_needs(
                table.numbers["population"],
                levers,
                table=needs_table,
                age_counts=age_counts,
                age_weighting=weighting,
                names=table.names,
            )
        for msg in engine_messages(result.warnings):
            warn(feedback, msg)
        feedback.setProgress(50)

        columns = [
            (needs_field(j), compat.FIELD_DOUBLE, result.hectares[:, j])
            for j in range(len(GROUP_IDS))
        ]
        columns.append(("bes_total", compat.FIELD_DOUBLE, result.total_ha))
        columns.append(("bes_hab", compat.FIELD_DOUBLE, result.per_inhabitant.sum(axis=1)))
        if bands:
            columns.append(("fact_age", compat.FIELD_DOUBLE, result.age_factor))
        feedback.setProgressText(self.tr("Writing output…"))
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            source,
            table,
            columns,
            progress_span=(50, 95),
        )
        per_inh = float(result.per_inhabitant.sum(axis=1).mean()) if not bands else None
        total = float(result.total_ha.sum())
        feedback.pushInfo(
            self.tr(
                "{n} territories, {pop} inhabitants: {ha} ha needed ({diet}, organic {bio} %, "
                "waste reduction {w} %, produced locally {r} %)."
            ).format(
                n=len(table),
                pop=f"{float(result.population.sum()):.0f}",
                ha=f"{total:.0f}",
                diet=diet_options()[DIET_IDS.index(diet)],
                bio=f"{100 * levers.organic_share:g}",
                w=f"{100 * levers.waste_reduction:g}",
                r=f"{100 * levers.relocalised_share:g}",
            )
        )
        if per_inh is not None:
            feedback.pushInfo(
                self.tr("Farmland needed per inhabitant: {ha} ha.").format(ha=f"{per_inh:.3f}")
            )
        out.finalize(
            "bes_total",
            self.tr("Food needs"),
            self.tr(
                "Farmland needed to feed the population of '{layer}', per crop group (ha), "
                "diet scenario '{diet}', computed by ReTerr."
            ).format(layer=layer_name, diet=diet),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
