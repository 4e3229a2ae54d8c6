"""``reterr:endogenous_economy`` — per territory: share of jobs whose legal unit's head office
(siège de l'unité légale) is local, ESS share, size structure and sector diversity."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink

from ...adapters import compat
from ...adapters.layers import engine_messages
from ...engine.supply.chains import NAF_PATTERN, normalize_naf
from ...engine.supply.endogenous import departement_of, endogenous_economy
from ..common.feedback import engine_guard, listing, warn
from ..common.inputs import feature_source
from ..common.outputs import write_units
from .base import SupplyAlgorithm
from .establishments import (
    ESTABLISHMENTS,
    INPUT,
    SIRENE_FIELDS,
    add_establishment_parameters,
    add_territory_parameters,
    assign_establishments,
    commune_territory,
    establishment_field,
    field_parameter,
    read_establishments,
    read_territories,
)

#: Values of SCOPE: where the legal unit's siège must lie for its jobs to count as local, and the
#: name of the output field.
SCOPES = ("territory", "departement", "region")
SCOPE_FIELDS = {"territory": "siege_terr", "departement": "siege_dep", "region": "siege_reg"}

#: NAF rév. 2 levels of the diversity index: (characters of "10.71C" kept, number of positions
#: of the level in the nomenclature — INSEE: 88 divisions, 272 groups, 615 classes, 732
#: sous-classes).
NAF_LEVELS = ((2, 88), (4, 272), (5, 615), (6, 732))

#: Région (code officiel géographique, INSEE, regions since 2016) of each département.
DEPARTEMENT_REGION: dict[str, str] = {
    **dict.fromkeys(("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"), "84"),
    **dict.fromkeys(("21", "25", "39", "58", "70", "71", "89", "90"), "27"),
    **dict.fromkeys(("22", "29", "35", "56"), "53"),
    **dict.fromkeys(("18", "28", "36", "37", "41", "45"), "24"),
    **dict.fromkeys(("2A", "2B"), "94"),
    **dict.fromkeys(("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"), "44"),
    **dict.fromkeys(("02", "59", "60", "62", "80"), "32"),
    **dict.fromkeys(("75", "77", "78", "91", "92", "93", "94", "95"), "11"),
    **dict.fromkeys(("14", "27", "50", "61", "76"), "28"),
    **dict.fromkeys(("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"), "75"),
    **dict.fromkeys(
        ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"), "76"
    ),
    **dict.fromkeys(("44", "49", "53", "72", "85"), "52"),
    **dict.fromkeys(("04", "05", "06", "13", "83", "84"), "93"),
    "971": "01",
    "972": "02",
    "973": "03",
    "974": "04",
    "976": "06",
}


def naf_sector(naf: np.ndarray, level: int) -> np.ndarray:
    """NAF rév. 2 code cut to the level (``"10.71C"`` → ``"10"``, ``"10.7"``, ``"10.71"``,
    ``"10.71C"``); ``""`` for a value that is not a NAF rév. 2 sous-classe."""
    codes = normalize_naf(naf)
    width = NAF_LEVELS[level][0]
    uniq, inverse = np.unique(codes, return_inverse=True)
    cut = [u[:width] if NAF_PATTERN.match(u) else "" for u in uniq.tolist()]
    return np.array(cut, dtype=str)[inverse] if codes.size else codes


class EndogenousEconomy(SupplyAlgorithm):
    """Local control (siège de l'unité légale), ESS, size structure and diversity of the jobs."""

    ALG_ID = "endogenous_economy"
    IN_MENU = True

    REGION_FIELD = "REGION_FIELD"
    JOBS_FIELD = "JOBS_FIELD"
    COMMUNE_FIELD = "COMMUNE_FIELD"
    SIEGE_COMMUNE_FIELD = "SIEGE_COMMUNE_FIELD"
    ESS_FIELD = "ESS_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    TRANCHE_FIELD = "TRANCHE_FIELD"
    NAF_FIELD = "NAF_FIELD"
    SCOPE = "SCOPE"
    NAF_LEVEL = "NAF_LEVEL"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Endogenous economy (local head offices, ESS, size, diversity)")

    def help_text(self) -> str:
        return self.tr(
            "How much of each territory's employment is run from within, from the SIRENE "
            "establishments (e.g. the output of 'Import SIRENE establishments'): each "
            "establishment counts in the territory containing it, with its jobs (from its "
            "size class).\n\n"
            "Local head offices (siège de l'unité légale): siege_terr, siege_dep or siege_reg = "
            "100 × jobs of the establishments whose legal unit's head office (siège de l'unité "
            "légale) lies in the same territory, the same département or the same region (the "
            "scope parameter) / jobs whose head-office commune is known (%). siege_unk: % of "
            "the jobs whose head-office commune is unknown. Same territory: the head-office "
            "commune's territory (the territory whose code is that commune, or that holds its "
            "establishments). Same département: the first 2 characters of the commune codes "
            "(3 for the overseas départements, 97x). Same region: the region field of the "
            "territories when given (the regions of the départements of the territories; a "
            "head office elsewhere is in another region, unless the field holds official "
            "region codes), else the official regions (COG, since 2016).\n\n"
            "Caveat: the legal unit's siège is not the group's decision centre. A subsidiary "
            "registered locally counts as local even when its group is run from elsewhere: "
            "SIRENE understates the external control of subsidiaries. INSEE's LIFI survey "
            "measures group control (e.g. 44 % of private jobs in Provence-Alpes-Côte d'Azur "
            "controlled from outside the region).\n\n"
            "ESS: ess_pct = 100 × jobs of legal units of the social and solidarity economy "
            "(flag O) / all jobs; ess_unk: % of jobs without the flag (StockUniteLegale not "
            "joined).\n\n"
            "Size structure (% of jobs): micro_pct (legal units of fewer than 10 employees), "
            "pme_pct (other SMEs), eti_pct (mid-sized), ge_pct (large enterprises), size_unk, "
            "from the company category (categorieEntreprise) and the size class. The size "
            "class is that of the establishment: exact for single-establishment units, an "
            "approximation for the others.\n\n"
            "Sector diversity: shannon = −Σ p_s ln p_s over the sectors s of the jobs (NAF rév. "
            "2 at the chosen level, division by default), shannon_n = shannon / ln N with N the "
            "number of positions of that level in the NAF (88 divisions, 272 groups, 615 "
            "classes, 732 sous-classes): 0 = one sector, 1 = jobs spread evenly over every "
            "sector of the nomenclature; n_sectors = sectors present. Also jobs and n_estab."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_territory_parameters(self)
        field_parameter(
            self,
            self.REGION_FIELD,
            self.tr("Region field of the territories"),
            None,
            INPUT,
            self.tr(
                "Region of each territory, for the 'same region' scope; empty: the official "
                "regions of the départements."
            ),
        )
        add_establishment_parameters(self)
        for name, label, key, help_text, numeric in (
            (
                self.JOBS_FIELD,
                self.tr("Jobs field"),
                "jobs",
                self.tr("Jobs of each establishment (from the SIRENE size class)."),
                True,
            ),
            (
                self.COMMUNE_FIELD,
                self.tr("Establishment commune field"),
                "commune",
                self.tr("Commune code of each establishment (codeCommuneEtablissement)."),
                False,
            ),
            (
                self.SIEGE_COMMUNE_FIELD,
                self.tr("Head-office commune field (siège de l'unité légale)"),
                "siege_commune",
                self.tr(
                    "Commune code of the head office of the establishment's legal unit; empty "
                    "values: unknown."
                ),
                False,
            ),
            (
                self.ESS_FIELD,
                self.tr("ESS flag field"),
                "ess",
                self.tr("economieSocialeSolidaireUniteLegale: O (yes), N (no), empty (unknown)."),
                False,
            ),
            (
                self.CATEGORY_FIELD,
                self.tr("Company category field"),
                "category",
                self.tr("categorieEntreprise: PME, ETI, GE (empty: unknown)."),
                False,
            ),
            (
                self.TRANCHE_FIELD,
                self.tr("Size class field"),
                "tranche",
                self.tr(
                    "SIRENE size class (trancheEffectifs…: NN, 00, 01 … 53): the legal unit's "
                    "when you have it, else the establishment's."
                ),
                False,
            ),
            (
                self.NAF_FIELD,
                self.tr("NAF code field"),
                "naf",
                self.tr("NAF rév. 2 sous-classe of each establishment ('10.71C' or '1071C')."),
                False,
            ),
        ):
            field_parameter(
                self, name, label, SIRENE_FIELDS[key], ESTABLISHMENTS, help_text, numeric=numeric
            )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.SCOPE,
                    self.tr("Local means the head office is in the same"),
                    options=[self.tr("territory"), self.tr("département"), self.tr("region")],
                    defaultValue=0,
                ),
                self.tr(
                    "Where the siège de l'unité légale must lie for its jobs to count as "
                    "locally run."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.NAF_LEVEL,
                    self.tr("Sector level of the diversity index"),
                    options=[
                        self.tr("NAF division (2 digits, 88)"),
                        self.tr("NAF group (3 digits, 272)"),
                        self.tr("NAF class (4 digits, 615)"),
                        self.tr("NAF sous-classe (732)"),
                    ],
                    defaultValue=0,
                ),
                self.tr("Sectors over which the Shannon index is computed."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Endogenous economy"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr("The territories with the indicators (shares in %)."),
            )
        )

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        scope = SCOPES[self.parameterAsEnum(parameters, self.SCOPE, context)]
        level = self.parameterAsEnum(parameters, self.NAF_LEVEL, context)
        region_field = self.parameterAsString(parameters, self.REGION_FIELD, context)
        texts = {}
        if scope == "region" and region_field:
            texts["region"] = region_field
        territories = read_territories(self, parameters, context, feedback, text=texts)

        source = feature_source(self, parameters, ESTABLISHMENTS, context)
        est_name = self.layer_label(parameters, ESTABLISHMENTS, context, source)

        def optional(param, what):
            return establishment_field(
                self, parameters, param, context, source, est_name, feedback, what
            )

        optional_fields = {
            "commune": optional(
                self.COMMUNE_FIELD, self.tr("the local head-office share is left empty")
            ),
            "siege_commune": optional(
                self.SIEGE_COMMUNE_FIELD, self.tr("the local head-office share is left empty")
            ),
            "ess": optional(self.ESS_FIELD, self.tr("the ESS share is left empty")),
            "category": optional(
                self.CATEGORY_FIELD,
                self.tr("mid-sized and large enterprises are not told apart"),
            ),
            "tranche": optional(self.TRANCHE_FIELD, self.tr("the size structure is left empty")),
            "naf": optional(self.NAF_FIELD, self.tr("the sector diversity is left empty")),
        }
        est = read_establishments(
            self,
            parameters,
            context,
            feedback,
            territories,
            required={"jobs": (self.JOBS_FIELD, "number")},
            text={k: f for k, f in optional_fields.items() if f},
        )
        commune = est.text("commune")
        siege = est.text("siege_commune")
        terr = assign_establishments(territories, est, feedback, commune)
        n_terr = len(territories)

        commune_area = None
        if commune is not None and siege is not None:
            commune_area = self._commune_area(
                scope, territories, commune, siege, terr, feedback, bool(texts)
            )
        sector = None
        n_ref = None
        naf = est.text("naf")
        if naf is not None:
            sector = naf_sector(naf, level)
            n_ref = NAF_LEVELS[level][1]
            unknown = int(np.count_nonzero((sector == "") & (terr >= 0)))
            if unknown:
                feedback.pushInfo(
                    self.tr(
                        "{n} establishments have no NAF rév. 2 code: they are left out of the "
                        "sector diversity."
                    ).format(n=unknown)
                )
        feedback.setProgressText(self.tr("Computing the indicators…"))
        with engine_guard(est.table, est.name):
            result = endogenous_economy(
                terr,
                est.table.numbers["jobs"],
                n_terr,
                commune=commune if commune_area is not None else None,
                siege_commune=siege,
                commune_area=commune_area,
                ess=est.text("ess"),
                category=est.text("category"),
                unit_tranche=est.text("tranche"),
                sector=sector,
                n_sectors_reference=n_ref,
            )
        if result.empty_territories.size:
            warn(
                feedback,
                self.tr(
                    "{n} territories have no jobs among the establishments: their shares are "
                    "left empty ({features})."
                ).format(
                    n=result.empty_territories.size,
                    features=territories.table.describe(result.empty_territories),
                ),
            )
        # The engine's "territories without jobs" note is said above with their names.
        others = [m for m in result.warnings if set(m.params) != {"n"}]
        for msg in engine_messages(others):
            warn(feedback, msg)
        feedback.setProgress(70)

        pct = 100.0
        size = {c: result.size_shares[:, k] for k, c in enumerate(("micro", "pme", "eti", "ge"))}
        columns = [
            ("jobs", compat.FIELD_DOUBLE, result.jobs),
            ("n_estab", compat.FIELD_INT, result.establishments),
            (SCOPE_FIELDS[scope], compat.FIELD_DOUBLE, pct * result.local_share),
            ("siege_unk", compat.FIELD_DOUBLE, pct * result.siege_unknown_share),
            ("ess_pct", compat.FIELD_DOUBLE, pct * result.ess_share),
            ("ess_unk", compat.FIELD_DOUBLE, pct * result.ess_unknown_share),
            ("micro_pct", compat.FIELD_DOUBLE, pct * size["micro"]),
            ("pme_pct", compat.FIELD_DOUBLE, pct * size["pme"]),
            ("eti_pct", compat.FIELD_DOUBLE, pct * size["eti"]),
            ("ge_pct", compat.FIELD_DOUBLE, pct * size["ge"]),
            ("size_unk", compat.FIELD_DOUBLE, pct * result.size_shares[:, 4]),
            ("shannon", compat.FIELD_DOUBLE, result.shannon),
            ("shannon_n", compat.FIELD_DOUBLE, result.shannon_normalised),
            ("n_sectors", compat.FIELD_INT, result.n_sectors),
        ]
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            territories.source,
            territories.table,
            columns,
            progress_span=(70, 98),
        )
        scope_label = {
            "territory": self.tr("the same territory"),
            "departement": self.tr("the same département"),
            "region": self.tr("the same region"),
        }[scope]
        out.finalize(
            SCOPE_FIELDS[scope],
            self.tr("Endogenous economy"),
            self.tr(
                "Per territory of '{layer}': share of jobs whose siège de l'unité légale is in "
                "{scope} (legal-unit head office, not the group's: it understates external "
                "control), ESS share, size structure and sector diversity, from '{est}'."
            ).format(layer=territories.name, scope=scope_label, est=est.name),
        )
        # Overall: local jobs over jobs with a known head office, all territories together.
        known = result.jobs * (1.0 - np.nan_to_num(result.siege_unknown_share))
        local = np.nansum(result.local_share * known)
        if np.isfinite(result.local_share).any() and np.nansum(known) > 0:
            feedback.pushInfo(
                self.tr(
                    "{share} % of the {jobs} jobs whose head office is known depend on a siège "
                    "de l'unité légale in {scope}."
                ).format(
                    share=f"{100 * local / np.nansum(known):.1f}",
                    jobs=f"{np.nansum(known):.0f}",
                    scope=scope_label,
                )
            )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}

    # -- commune → area --------------------------------------------------------------------------

    def _commune_area(self, scope, territories, commune, siege, terr, feedback, with_field):
        """The ``(codes, areas)`` mapping of the scope over every commune seen."""
        codes = np.unique(np.concatenate([commune, siege]))
        codes = codes[codes != ""]
        if scope == "territory":
            mapping = commune_territory(territories, commune, terr)
            return {c: mapping[c] for c in codes if c in mapping}
        deps = departement_of(codes)
        if scope == "departement":
            return dict(zip(codes.tolist(), deps.tolist()))
        dep_region = dict(DEPARTEMENT_REGION)
        if with_field:
            regions = [
                "" if r is None else str(r).strip() for r in territories.table.texts["region"]
            ]
            official = set(DEPARTEMENT_REGION.values())
            if not all(r in official for r in regions if r):
                dep_region = {}  # the field's regions are not official codes: do not mix them
            # The territories' départements take their region from the field.
            mapping = commune_territory(territories, commune, terr)
            seen: dict[str, str] = {}
            for c, d in zip(codes.tolist(), deps.tolist()):
                k = mapping.get(c)
                if k is not None and regions[k]:
                    seen.setdefault(d, regions[k])
            dep_region.update(seen)
        out = {c: dep_region[d] for c, d in zip(codes.tolist(), deps.tolist()) if d in dep_region}
        outside = sorted({d for d in deps.tolist() if d not in dep_region})
        if outside:
            warn(
                feedback,
                self.tr(
                    "The region of the départements {deps} is not known: head offices there "
                    "count as outside the region."
                ).format(deps=listing(outside)),
            )
        return out
