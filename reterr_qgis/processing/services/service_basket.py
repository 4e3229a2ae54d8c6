"""``reterr:service_basket`` — share of the everyday-services basket within reach, mean and max time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Optional

import numpy as np
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...adapters.i18n import ui_language
from ...engine.services.access import basket_access
from ...engine.services.bpe import DEFAULT_BASKET
from ..common.feedback import engine_guard, listing, progress_to, warn
from ..common.inputs import (
    FACILITIES,
    add_demand_parameters,
    add_facility_parameters,
    feature_source,
    population_summary,
    read_demand,
    read_points,
)
from ..common.outputs import write_units
from ..common.params import bpe_types_widget, decimals
from ..common.travel import add_travel_parameters, costs_and_places, push_engine_warnings
from .base import ServicesAlgorithm
from .facility_types import check_types, code_table, parse_types, report_absent_types

#: Vintage of the BPE codes by default (the nomenclature of the sample and of recent files).
DEFAULT_VINTAGE = 2024
#: Threshold by default: INSEE Première n°1579 (2016) reads the basket at 7 minutes.
DEFAULT_THRESHOLD = 7.0


def most_common(values: Iterable[object]) -> Optional[str]:
    """The most frequent non-empty value as text (None if there is none)."""
    counts = Counter(str(v).strip() for v in values if v is not None and str(v).strip())
    return counts.most_common(1)[0][0] if counts else None


class ServiceBasket(ServicesAlgorithm):
    """Share of a basket of facility types within T minutes of each demand unit."""

    ALG_ID = "service_basket"

    BASKET = "BASKET"
    TYPES = "TYPES"
    VINTAGE = "VINTAGE"
    THRESHOLD = "THRESHOLD"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Everyday-services basket")

    def help_text(self) -> str:
        return self.tr(
            "For each demand unit: the share of a basket of facility types whose nearest "
            "facility is within the threshold, and the mean and longest time to the basket "
            "(METHODS §1.4).\n\n"
            "basket_share = 100 × (types whose nearest facility is at ≤ T minutes) / (types of "
            "the basket), in %; basket_missing = types not reached within T; basket_mean_min and "
            "basket_max_min = mean and max over the types of the time to their nearest facility, "
            "in minutes (home → service). The basket is fixed, as INSEE counts it: a type with no "
            "facility in the layer stays in the denominator (a warning names it) but is left out "
            "of the mean and max times; a type that cannot be reached on the network makes them "
            "NULL.\n\n"
            "Baskets (resources/bpe/baskets.csv): the 'panier de la vie courante' of the "
            "Observatoire des territoires in the BPE codes of 2024 (25 types, default; third-party "
            "list, not INSEE's own) and the INSEE Première n°1579 (2016) basket (reconstructed by "
            "ReTerr from the publication). Their codes are translated to the vintage chosen through the "
            "crosswalk of the BPE code table (e.g. D265 → D201 for 2021); a list of types "
            "replaces the basket. Default threshold 7 minutes: INSEE Première n°1579 reads "
            "the basket at 7 minutes (in some regions more than a quarter of residents live "
            "farther; half of metropolitan residents reach it within 4 minutes by road).\n\n"
            "Travel times: on the road network when one is given (one search per type from all "
            "its facilities at once), else straight line × detour factor at a constant speed "
            "(defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published "
            "figure; change them under Advanced parameters, or give a road network)."
        )

    @staticmethod
    def _baskets():
        return list(code_table().baskets.values())

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_demand_parameters(self)
        add_facility_parameters(self)
        french = ui_language() == "fr"
        baskets = self._baskets()
        ids = [b.basket_id for b in baskets]
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.BASKET,
                    self.tr("Basket"),
                    options=[
                        f"{(b.label_fr if french else b.label_en) or b.basket_id} ({b.basket_id})"
                        for b in baskets
                    ],
                    defaultValue=ids.index(DEFAULT_BASKET) if DEFAULT_BASKET in ids else 0,
                ),
                self.tr(
                    "Baskets of resources/bpe/baskets.csv, in the order of the file (new ones are "
                    "added at the end)."
                ),
            )
        )
        self.addParameter(
            h(
                bpe_types_widget(
                    QgsProcessingParameterString(
                        self.TYPES,
                        self.tr("Or facility types (replace the basket)"),
                        "",
                        optional=True,
                    )
                ),
                self.tr("Codes separated by ';', taken as they are (no vintage translation)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.VINTAGE,
                    self.tr("BPE vintage of the facilities' codes"),
                    compat.NUMBER_INTEGER,
                    DEFAULT_VINTAGE,
                    minValue=2000,
                    maxValue=2100,
                ),
                self.tr(
                    "The basket's codes are translated to this vintage's nomenclature (the 2023 "
                    "and 2024 revisions renumbered shops, schools and health professionals)."
                ),
            )
        )
        self.addParameter(
            decimals(
                h(
                    QgsProcessingParameterNumber(
                        self.THRESHOLD,
                        self.tr("Threshold (minutes)"),
                        compat.NUMBER_DOUBLE,
                        DEFAULT_THRESHOLD,
                        minValue=0.0,
                    ),
                    self.tr("A type is reached when its nearest facility is at most this far."),
                ),
                0,
            )
        )
        add_travel_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Basket of services")),
                self.tr(
                    "The demand layer with basket_share (%), basket_mean_min, basket_max_min "
                    "(minutes) and basket_missing."
                ),
            )
        )

    def execute(self, parameters, context, feedback):
        table = code_table()
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        vintage = self.parameterAsInt(parameters, self.VINTAGE, context)
        types_text = self.parameterAsString(parameters, self.TYPES, context).strip()
        baskets = self._baskets()
        basket = baskets[self.parameterAsEnum(parameters, self.BASKET, context)]

        demand = read_demand(
            self, parameters, context, feedback, population="optional", progress_span=(0, 25)
        )
        feedback.setProgressText(self.tr("Reading facilities…"))
        facilities_src = feature_source(self, parameters, FACILITIES, context)
        has_vintage = facilities_src.fields().lookupField("AN") >= 0
        facilities = read_points(
            self,
            parameters,
            FACILITIES,
            context,
            feedback,
            demand,
            category=True,
            text={"an": "AN"} if has_vintage else None,
            progress_span=(25, 35),
        )
        if types_text:
            codes, _vocabulary = check_types(parse_types(types_text), facilities)
            feedback.pushInfo(
                self.tr("Basket of {n} types given: {codes}.").format(
                    n=len(codes), codes=", ".join(codes)
                )
            )
        else:
            codes = table.basket_codes(basket.basket_id, vintage)
            feedback.pushInfo(
                self.tr(
                    "Basket '{basket}' ({source}) in the codes of {vintage}: {n} types ({codes})."
                ).format(
                    basket=basket.basket_id,
                    source=basket.source or basket.label_en,
                    vintage=vintage,
                    n=len(codes),
                    codes=", ".join(codes),
                )
            )
            if has_vintage:
                an = most_common(facilities.table.texts["an"])
                if an is not None and an.isdigit() and int(an) != vintage:
                    warn(
                        feedback,
                        self.tr(
                            "The facilities are of BPE vintage {an} (field AN) but the basket is "
                            "read in the codes of {vintage}: set the vintage to {an}."
                        ).format(an=an, vintage=vintage),
                    )
        feedback.setProgressText(self.tr("Searching the nearest facility of each type…"))
        costs, d_places, f_places = costs_and_places(
            self, parameters, context, feedback, demand, facilities
        )
        with engine_guard(demand.table, demand.name):
            result = basket_access(
                costs,
                d_places,
                f_places,
                facilities.types,
                codes,
                threshold,
                progress=progress_to(feedback, 40, 85),
                is_canceled=feedback.isCanceled,
            )
        push_engine_warnings(feedback, result.warnings, costs, d_places, f_places)
        report_absent_types(feedback, result.absent_types, facilities)

        columns = [
            ("basket_share", compat.FIELD_DOUBLE, 100.0 * result.share),
            ("basket_mean_min", compat.FIELD_DOUBLE, result.mean_time),
            ("basket_max_min", compat.FIELD_DOUBLE, result.max_time),
            ("basket_missing", compat.FIELD_INT, result.missing),
        ]
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            demand.source,
            demand.table,
            columns,
            progress_span=(85, 98),
        )
        population = demand.population
        if population is not None:
            pop = np.where(np.isfinite(population), population, 0.0)
            if pop.sum() > 0:
                full = result.missing == 0
                _n, share_full = population_summary(population, full)
                feedback.pushInfo(
                    self.tr(
                        "Population-weighted mean share of the basket within {t} minutes: "
                        "{share} %; {full} % of the population reach the whole basket."
                    ).format(
                        t=f"{threshold:g}",
                        share=f"{float(np.average(100.0 * result.share, weights=pop)):.1f}",
                        full=f"{share_full:.1f}",
                    )
                )
        if result.absent_types:
            feedback.pushInfo(
                self.tr(
                    "Types of the basket without any facility in '{layer}' (counted as not "
                    "reached): {types}."
                ).format(layer=facilities.name, types=listing(result.absent_types))
            )
        out.finalize(
            "basket_share",
            self.tr("Everyday-services basket"),
            self.tr(
                "Share of the basket ({n} types) within {t} minutes of each unit of '{demand}', "
                "facilities of '{facilities}'."
            ).format(
                n=len(codes), t=f"{threshold:g}", demand=demand.name, facilities=facilities.name
            ),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
