"""``reterr:food_adequacy`` — farmland against the land needed to feed the population: raw and
capped (non-compensating) adequacy, balance per crop group, people fed; several diet scenarios
in one run."""

from __future__ import annotations

from functools import partial

import numpy as np
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ...adapters import compat
from ...engine.supply import GROUP_IDS, food_adequacy, food_needs
from ..common.feedback import engine_guard, warn
from ..common.inputs import add_field_parameter, feature_source, read_layer
from ..common.outputs import write_units
from .base import SupplyAlgorithm
from .farmland import farmland_field
from .food_needs import (
    DIET_IDS,
    GROUP_CODES,
    add_lever_parameters,
    add_population_and_name_fields,
    diet_options,
    needs_field,
    read_levers,
    read_needs_table,
)

#: Suffix of the output fields of each diet scenario when several are compared (``adq_cap_25``).
SCENARIO_SUFFIXES: dict[str, str] = {
    "actuel": "_ac",
    "moins_25_animal": "_25",
    "moins_50_animal": "_50",
}


def adequacy_columns(result, suffix: str = "") -> list[tuple]:
    """Output columns of one scenario (names ≤ 10 characters with a 3-character suffix)."""
    cols = [
        ("adq_bru" + suffix, compat.FIELD_DOUBLE, 100.0 * result.raw),
        ("adq_cap" + suffix, compat.FIELD_DOUBLE, 100.0 * result.capped),
        ("nourris" + suffix, compat.FIELD_DOUBLE, result.people_fed),
    ]
    for j, code in enumerate(GROUP_CODES):
        cols.append((f"adq_{code}{suffix}", compat.FIELD_DOUBLE, 100.0 * result.raw_by_group[:, j]))
        cols.append(
            (f"cap_{code}{suffix}", compat.FIELD_DOUBLE, 100.0 * result.capped_by_group[:, j])
        )
        cols.append((f"sol_{code}{suffix}", compat.FIELD_DOUBLE, result.balance_ha[:, j]))
    return cols


class FoodAdequacy(SupplyAlgorithm):
    """Farmland against needs per territory and crop group, for one or several scenarios."""

    ALG_ID = "food_adequacy"
    IN_MENU = True

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    NAME_FIELD = "NAME_FIELD"
    SCENARIOS = "SCENARIOS"
    OUTPUT = "OUTPUT"
    #: NEEDS_<GROUP>_FIELD and FARMLAND_<GROUP>_FIELD, e.g. NEEDS_CER_FIELD, FARMLAND_CER_FIELD.
    NEEDS_FIELDS = tuple(f"NEEDS_{c.upper()}_FIELD" for c in GROUP_CODES)
    FARMLAND_FIELDS = tuple(f"FARMLAND_{c.upper()}_FIELD" for c in GROUP_CODES)

    def title(self) -> str:
        return self.tr("Food adequacy (farmland against needs)")

    def help_text(self) -> str:
        return self.tr(
            "Compares each territory's farmland with the land needed to feed its population, per "
            "crop group: the 'potentiel nourricier' of PARCEL and CRATer.\n\n"
            "Input: ONE layer holding the farmland per crop group (fields sau_cer … sau_aut "
            "written by 'Farmland per crop group') and either the needs per group (fields "
            "bes_cer … bes_aut written by 'Food needs') or, when diet scenarios are chosen, the "
            "population only: the needs are then recomputed for each scenario with the levers "
            "below (without age weighting). Join the two outputs first, or chain the algorithms "
            "in a model.\n\n"
            "Output fields, in % unless stated: adq_bru (raw adequacy) = Σ farmland / Σ needs; "
            "adq_cap (capped adequacy) = Σ min(farmland_g, need_g) / Σ needs — a surplus in "
            "one group never offsets a deficit in another, so it never exceeds 100 % nor the "
            "raw adequacy; per group g (cer cereals, olp oilseeds and protein crops, fou fodder, "
            "flg fruit and vegetables, aut other crops): adq_g = farmland / need, cap_g = "
            "min(farmland, need) / need, sol_g = farmland − need (ha, > 0 surplus, < 0 "
            "deficit); nourris (people fed) = the largest population, with the territory's diet "
            "and needs per inhabitant, whose needs in every group its farmland covers (min over "
            "the groups of farmland_g / need per inhabitant_g). With several scenarios each field "
            "gets a suffix: _ac current diet, _25 and _50 for 25 % and 50 % fewer animal "
            "products.\n\n"
            "Territories without population (or without any need) get empty ratios and are "
            "named in a warning. Default needs per inhabitant: the shipped table (0.321 ha, "
            "current diet, calibrated on PARCEL; the split per group is a ReTerr default, see "
            "'Food needs')."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT,
                    self.tr("Territories with farmland and needs"),
                    [compat.TYPE_VECTOR_POLYGON],
                ),
                self.tr(
                    "One layer with the farmland fields (sau_*) and the needs fields (bes_*) or "
                    "the population."
                ),
            )
        )

        add_population_and_name_fields(self)
        field = partial(add_field_parameter, self, parent=self.INPUT)
        labels = (
            self.tr("cereals"),
            self.tr("oilseeds and protein crops"),
            self.tr("fodder and grassland"),
            self.tr("fruit and vegetables"),
            self.tr("other crops"),
        )
        for j, label in enumerate(labels):
            field(
                self.FARMLAND_FIELDS[j],
                self.tr("Farmland field (ha): {group}").format(group=label),
                farmland_field(j),
                self.tr(
                    "Hectares of farmland of the group (written by 'Farmland per crop group')."
                ),
            )
        for j, label in enumerate(labels):
            field(
                self.NEEDS_FIELDS[j],
                self.tr("Needs field (ha): {group}").format(group=label),
                needs_field(j),
                self.tr(
                    "Hectares needed for the group (written by 'Food needs'); not used when "
                    "diet scenarios are chosen."
                ),
            )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.SCENARIOS,
                    self.tr("Diet scenarios to compare (needs recomputed from the population)"),
                    options=diet_options(),
                    allowMultiple=True,
                    optional=True,
                ),
                self.tr(
                    "Empty: the needs fields are used. One or more scenarios: the needs are "
                    "recomputed from the population for each, with the levers below, and the "
                    "output fields get a suffix per scenario (_ac, _25, _50). With qgis_process: "
                    "SCENARIOS=0,2."
                ),
            )
        )
        add_lever_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Food adequacy"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr(
                    "The territories with adq_bru, adq_cap, nourris and, per group, adq_*, cap_* "
                    "(%) and sol_* (ha)."
                ),
            )
        )

    def _field_names(self, parameters, context, params, defaults):
        return [
            self.parameterAsString(parameters, p, context) or d for p, d in zip(params, defaults)
        ]

    def execute(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.INPUT, context)
        layer_name = self.layer_label(parameters, self.INPUT, context, source)
        pop_field = (
            self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "population"
        )
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or "nom"
        if source.fields().lookupField(name_field) < 0:
            name_field = ""
        scenarios: list[str] = []
        # QGIS reads an optional multiple enum left empty as [0]: look at the raw value first.
        if parameters.get(self.SCENARIOS) not in (None, "", []):
            chosen = self.parameterAsEnums(parameters, self.SCENARIOS, context)
            scenarios = list(dict.fromkeys(DIET_IDS[k] for k in chosen))
        n_groups = len(GROUP_IDS)
        farm_fields = self._field_names(
            parameters, context, self.FARMLAND_FIELDS, [farmland_field(j) for j in range(n_groups)]
        )
        numeric = {"population": pop_field}
        numeric.update({f"farm{j}": f for j, f in enumerate(farm_fields)})
        if not scenarios:
            need_fields = self._field_names(
                parameters, context, self.NEEDS_FIELDS, [needs_field(j) for j in range(n_groups)]
            )
            numeric.update({f"need{j}": f for j, f in enumerate(need_fields)})

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
        farmland = np.column_stack([table.numbers[f"farm{j}"] for j in range(n_groups)])
        population = table.numbers["population"]

        results = []
        with engine_guard(table, layer_name):
            if scenarios:
                needs_table = read_needs_table(self, parameters, context, feedback)
                for diet in scenarios:
                    needs = food_needs(
                        population,
                        read_levers(self, parameters, context, diet),
                        table=needs_table,
                        scenario=diet,
                        names=table.names,
                    )
                    results.append(food_adequacy(farmland, needs, names=table.names))
            else:
                needs = np.column_stack([table.numbers[f"need{j}"] for j in range(n_groups)])
                results.append(food_adequacy(farmland, needs, population, names=table.names))
        feedback.setProgress(50)

        no_need = results[0].no_need
        if no_need.size:
            warn(
                feedback,
                self.tr(
                    "{n} territories have no population (or need no land): their adequacy is "
                    "left empty: {features}."
                ).format(n=no_need.size, features=table.describe(no_need)),
            )
        columns: list[tuple] = []
        for diet, result in zip(scenarios or [""], results):
            suffix = SCENARIO_SUFFIXES[diet] if scenarios else ""
            columns += adequacy_columns(result, suffix)
            t = result.totals
            feedback.pushInfo(
                self.tr(
                    "{scenario}all territories together: raw adequacy {raw} %, capped "
                    "adequacy {capped} %, people fed {fed} of {pop} inhabitants."
                ).format(
                    scenario=(diet_options()[DIET_IDS.index(diet)] + " — ") if diet else "",
                    raw=f"{100 * t['raw']:.1f}",
                    capped=f"{100 * t['capped']:.1f}",
                    fed=f"{t['people_fed']:.0f}",
                    pop=f"{t['population']:.0f}",
                )
            )
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
        style_field = "adq_cap" + (SCENARIO_SUFFIXES[scenarios[0]] if scenarios else "")
        out.finalize(
            style_field,
            self.tr("Food adequacy"),
            self.tr(
                "Farmland against the land needed to feed the population of '{layer}', per crop "
                "group (capped adequacy: a surplus never offsets a deficit), computed by ReTerr."
            ).format(layer=layer_name),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
