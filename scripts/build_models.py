"""Build the Processing models shipped in ``resources/models/`` (``*.model3``).

The models are written by this script rather than drawn by hand in the model designer, so that a
change of an algorithm's parameters is carried into the models by re-running it, and the models
stay reviewable as Python. Run it from the repository root with the QGIS Python:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/build_models.py [OUTPUT_FOLDER]

with QGIS 3.22 (Debian 12): QGIS 3.40 reads the files it writes, with the same names.

The ReTerr provider loads every ``*.model3`` of ``resources/models/`` (``reterr:<model name>``).

Optional inputs skip their theme: each theme's first step depends on a branch of a
``native:condition`` step that is taken only when the theme's input was given. Processing then
skips the theme's steps and every step that uses their results (the joins, the resilience index
and the council map in the diagnostic model: the index needs every theme's indicators).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# A fixed hash seed makes Qt write the XML attributes in the same order at each run, so that
# re-running the script leaves unchanged models unchanged (set before Qt starts).
os.environ["QT_HASH_SEED"] = "0"

ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = ROOT / "resources" / "models"
sys.path.insert(0, str(ROOT))

#: The model group in the toolbox (under the ReTerr provider).
GROUP = "Modèles (chaînes complètes)"
GROUP_ID = "models"
AUTHOR = "ReTerr"

#: Indicators of the resilience index, by theme (the fields ``scripts/demo.sh`` uses).
PROFILE_FIELDS = ["share_65p", "share_0_19", "vacancy_rate"]
SERVICES_FIELDS = ["basket_share", "basket_mean_min"]
FOOD_FIELDS = ["adq_cap"]
ECONOMY_FIELDS = ["siege_terr", "shannon_n"]
FLOWS_FIELDS = ["auto_off"]


def _qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from reterr_qgis.processing.provider import ReterrProvider

    provider = ReterrProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


class ModelBuilder:
    """A thin layer over QgsProcessingModelAlgorithm: parameters, steps, outputs, conditions."""

    def __init__(self, name: str, display_name: str, help_fr: str, help_en: str):
        from qgis.core import QgsProcessingModelAlgorithm

        self.model = QgsProcessingModelAlgorithm(display_name, GROUP, GROUP_ID)
        self.model.setName(name)
        self.name = name
        self.help = {
            "ALG_DESC": f"{help_fr}\n\n{help_en}",
            "ALG_CREATOR": AUTHOR,
            "ALG_HELP_CREATOR": AUTHOR,
        }
        self._y = 60.0
        self.conditions: list[dict] = []

    # --- model parameters -------------------------------------------------------------------
    def parameter(self, definition, help_text: str = ""):
        from qgis.core import QgsProcessingModelParameter
        from qgis.PyQt.QtCore import QPointF

        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120.0, 60.0 + 70.0 * len(self.model.parameterComponents())))
        self.model.addModelParameter(definition, component)
        if help_text:
            self.help[definition.name()] = help_text

    def vector(self, name, description, geometry, optional=False, help_text=""):
        from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource

        types = {
            "polygon": [QgsProcessing.TypeVectorPolygon],
            "point": [QgsProcessing.TypeVectorPoint],
            "line": [QgsProcessing.TypeVectorLine],
        }[geometry]
        self.parameter(
            QgsProcessingParameterFeatureSource(name, description, types, None, optional),
            help_text,
        )

    def file(self, name, description, optional=False, help_text=""):
        from qgis.core import QgsProcessingParameterFile

        self.parameter(
            QgsProcessingParameterFile(
                name,
                description,
                QgsProcessingParameterFile.File,
                "",
                None,
                optional,
                "CSV (*.csv *.CSV);;",
            ),
            help_text,
        )

    def field(self, name, description, parent, default, optional=True, help_text=""):
        from qgis.core import QgsProcessingParameterField

        self.parameter(
            QgsProcessingParameterField(
                name,
                description,
                default,
                parent,
                QgsProcessingParameterField.Any,
                False,
                optional,
            ),
            help_text,
        )

    def string(self, name, description, default, optional=True, help_text=""):
        from qgis.core import QgsProcessingParameterString

        self.parameter(
            QgsProcessingParameterString(name, description, default, False, optional),
            help_text,
        )

    # --- steps ------------------------------------------------------------------------------
    def step(self, child_id, alg_id, description, params, outputs=None, after=(), branch=None):
        """Add a step. ``params`` values: ``("param", NAME)`` (a model input), ``("child", ID,
        OUTPUT)`` (another step's output), a list of static values, or a static value."""
        from qgis.core import (
            QgsProcessing,
            QgsProcessingModelChildAlgorithm,
            QgsProcessingModelChildDependency,
            QgsProcessingModelChildParameterSource,
            QgsProcessingModelOutput,
        )
        from qgis.PyQt.QtCore import QPointF

        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(480.0, self._y))
        self._y += 90.0
        for key, value in params.items():
            sources = []
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, tuple) and v[0] == "param":
                    sources.append(QgsProcessingModelChildParameterSource.fromModelParameter(v[1]))
                elif isinstance(v, tuple) and v[0] == "child":
                    sources.append(
                        QgsProcessingModelChildParameterSource.fromChildOutput(v[1], v[2])
                    )
                else:
                    sources.append(QgsProcessingModelChildParameterSource.fromStaticValue(v))
            child.addParameterSources(key, sources)
        dependencies = [QgsProcessingModelChildDependency(c) for c in after]
        if branch:
            dependencies.append(QgsProcessingModelChildDependency("themes", branch))
        child.setDependencies(dependencies)
        model_outputs = {}
        for output_name, (child_output, description_out) in (outputs or {}).items():
            out = QgsProcessingModelOutput(output_name, description_out)
            out.setChildId(child_id)
            out.setChildOutputName(child_output)
            # Not asked for: the output goes to a temporary layer or file (as in the dialog).
            out.setMandatory(False)
            out.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)
            model_outputs[output_name] = out
        child.setModelOutputs(model_outputs)
        self._fill_defaults(child, params)
        self.model.addChildAlgorithm(child)
        return child_id

    @staticmethod
    def _fill_defaults(child, params) -> None:
        """Give every other input of the step its default, as the model designer does (a model
        validates only when each mandatory input of each step has a value)."""
        from qgis.core import QgsApplication, QgsProcessingModelChildParameterSource

        alg = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
        if alg is None:
            raise SystemExit(f"unknown algorithm {child.algorithmId()}")
        for definition in alg.parameterDefinitions():
            if definition.name() in params or definition.isDestination():
                continue
            if definition.defaultValue() is None:
                continue
            child.addParameterSources(
                definition.name(),
                [QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())],
            )

    def branch(self, name: str, parameter: str) -> str:
        """A branch of the ``themes`` condition step, taken when ``parameter`` was given."""
        self.conditions.append(
            {"name": name, "expression": f"coalesce(to_string(@{parameter}), '') <> ''"}
        )
        return name

    def save(self) -> Path:
        from qgis.core import QgsProcessingModelChildAlgorithm
        from qgis.PyQt.QtCore import QPointF

        if self.conditions:
            child = QgsProcessingModelChildAlgorithm("native:condition")
            child.setChildId("themes")
            child.setDescription("Thèmes à calculer (selon les couches fournies)")
            child.setConfiguration({"conditions": self.conditions})
            child.setPosition(QPointF(840.0, 60.0))
            self.model.addChildAlgorithm(child)
        self.model.setHelpContent(self.help)
        self.model.updateDestinationParameters()
        MODELS_DIR.mkdir(parents=True, exist_ok=True)
        path = MODELS_DIR / f"{self.name}.model3"
        if not self.model.toFile(str(path)):
            raise SystemExit(f"could not write {path}")
        return path


# --- the inputs a planner maps once ---------------------------------------------------------
def add_communes(b: ModelBuilder) -> None:
    b.vector(
        "COMMUNES",
        "Communes (population, âges, logements, EPCI)",
        "polygon",
        help_text="Communes du territoire avec la population (population), les âges "
        "(pop_0_19, pop_20_64, pop_65p), les logements (logements, log_vacants), le code INSEE "
        "(code_insee), le nom (nom) et l'EPCI (siren_epci, nom_epci). / Communes with "
        "population, age groups, dwellings, INSEE code, name and EPCI.",
    )


def add_town_halls(b: ModelBuilder) -> None:
    b.vector(
        "TOWN_HALLS",
        "Mairies (point d'accès de chaque commune)",
        "point",
        optional=True,
        help_text="Un point par commune (code_insee), d'où partent les trajets ; sans elles, le "
        "centre de la commune. / Town halls: where trips start (else the commune's centre).",
    )


def add_services_inputs(b: ModelBuilder, optional: bool) -> None:
    b.vector(
        "FACILITIES",
        "Équipements (BPE)" + (" — sans eux, pas de thème services" if optional else ""),
        "point",
        optional=optional,
        help_text="Équipements au format de la Base permanente des équipements (TYPEQU). / "
        "Facilities in the BPE format (TYPEQU). Without them the services theme is skipped.",
    )
    b.vector(
        "ROADS",
        "Routes (sinon distance à vol d'oiseau × détour)",
        "line",
        optional=True,
        help_text="Réseau routier ; sans lui, distance à vol d'oiseau multipliée par le détour. "
        "/ Road network; without it, straight-line distance times the detour factor.",
    )
    b.field(
        "SPEED_FIELD",
        "Champ de vitesse des routes (km/h)",
        "ROADS",
        "vitesse_kmh",
        help_text="Vitesse en km/h de chaque tronçon. / Speed of each road segment (km/h).",
    )
    b.field(
        "ONEWAY_FIELD",
        "Champ de sens de circulation des routes",
        "ROADS",
        "sens",
        help_text="Sens unique (valeurs OSM ou BD TOPO). / One-way field.",
    )


def add_parcels(b: ModelBuilder, optional: bool) -> None:
    b.vector(
        "PARCELS",
        "Parcelles agricoles (RPG)"
        + (" — sans elles, pas de thème alimentation" if optional else ""),
        "polygon",
        optional=optional,
        help_text="Parcelles du Registre parcellaire graphique (CODE_GROUP, CODE_CULTU). / "
        "Farmland parcels (RPG). Without them the food theme is skipped.",
    )


def add_establishments(b: ModelBuilder, optional: bool) -> None:
    b.file(
        "ESTABLISHMENTS",
        "Établissements : stock SIRENE (CSV)"
        + (" — sans lui, pas de thème économie" if optional else ""),
        optional=optional,
        help_text="Fichier StockEtablissement de l'INSEE (extrait du territoire). / INSEE's "
        "SIRENE establishments file. Without it the economy theme is skipped.",
    )
    b.file(
        "LEGAL_UNITS",
        "Unités légales SIRENE (CSV)",
        optional=True,
        help_text="Fichier StockUniteLegale (catégorie d'entreprise, ESS). / SIRENE legal units.",
    )


def add_flows(b: ModelBuilder, optional: bool) -> None:
    b.file(
        "FLOWS",
        "Flux domicile-travail (INSEE, CSV)"
        + (" — sans lui, pas de thème flux" if optional else ""),
        optional=optional,
        help_text="Base flux de mobilité domicile-lieu de travail de l'INSEE (CODGEO, DCLT, "
        "NBFLUX_C…). / INSEE commuting flows. Without them the flows theme is skipped.",
    )


# --- the steps of each theme (parameter values as in scripts/demo.sh) ----------------------------
def services_steps(b, demand, branch=None):
    b.step(
        "services",
        "reterr:service_basket",
        "Panier de services à moins de 15 minutes",
        {
            "DEMAND": demand,
            "ANCHORS": ("param", "TOWN_HALLS"),
            "FACILITIES": ("param", "FACILITIES"),
            "CATEGORY_FIELD": "TYPEQU",
            "THRESHOLD": 15,
            "NETWORK": ("param", "ROADS"),
            "SPEED_FIELD": ("param", "SPEED_FIELD"),
            "ONEWAY_FIELD": ("param", "ONEWAY_FIELD"),
        },
        {"services": ("OUTPUT", "Panier de services (communes)")},
        branch=branch,
    )


def food_steps(b, demand, branch=None):
    b.step(
        "food_needs",
        "reterr:food_needs",
        "Besoins en terres (régime actuel)",
        {"INPUT": demand},
        branch=branch,
    )
    b.step(
        "farmland",
        "reterr:farmland",
        "Surfaces agricoles par groupe de cultures",
        {"INPUT": ("child", "food_needs", "OUTPUT"), "PARCELS": ("param", "PARCELS")},
    )
    b.step(
        "food",
        "reterr:food_adequacy",
        "Adéquation alimentaire",
        {"INPUT": ("child", "farmland", "OUTPUT")},
        {"food": ("OUTPUT", "Autonomie alimentaire (communes)")},
    )


def economy_steps(b, demand, branch=None):
    b.step(
        "sirene",
        "reterr:import_sirene",
        "Établissements SIRENE actifs",
        {
            "FILE": ("param", "ESTABLISHMENTS"),
            "UNITE_LEGALE": ("param", "LEGAL_UNITS"),
            "COMMUNES": ("param", "COMMUNES"),
            "TOWN_HALLS": ("param", "TOWN_HALLS"),
        },
        {"establishments": ("OUTPUT", "Établissements")},
        branch=branch,
    )
    b.step(
        "economy",
        "reterr:endogenous_economy",
        "Économie endogène",
        {"INPUT": demand, "ESTABLISHMENTS": ("child", "sirene", "OUTPUT")},
        {"economy": ("OUTPUT", "Économie endogène (communes)")},
    )


def flows_steps(b, demand, branch=None):
    b.step(
        "import_flows",
        "reterr:import_flows",
        "Flux domicile-travail entre communes",
        {"FILE": ("param", "FLOWS"), "COMMUNES": ("param", "COMMUNES")},
        branch=branch,
    )
    b.step(
        "flows",
        "reterr:flow_indicators",
        "Indicateurs de flux (actifs travaillant sur place)",
        {"INPUT": demand, "FLOWS": ("child", "import_flows", "OUTPUT")},
        {"flows": ("OUTPUT", "Indicateurs de flux (communes)")},
    )


def join(b, child_id, description, left, right_child, fields):
    b.step(
        child_id,
        "native:joinattributestable",
        description,
        {
            "INPUT": left,
            "FIELD": "code_insee",
            "INPUT_2": ("child", right_child, "OUTPUT"),
            "FIELD_2": "code_insee",
            "FIELDS_TO_COPY": list(fields),
            "METHOD": 1,
            "DISCARD_NONMATCHING": False,
            "PREFIX": "",
        },
    )
    return ("child", child_id, "OUTPUT")


def profile_steps(b):
    b.step(
        "profile",
        "reterr:territory_profile",
        "Profil territorial des communes",
        {"INPUT": ("param", "COMMUNES")},
        {"communes": ("OUTPUT", "Profil des communes")},
    )
    b.step(
        "profile_epci",
        "reterr:territory_profile",
        "Profil territorial des EPCI",
        {
            "INPUT": ("param", "COMMUNES"),
            "GROUP_FIELD": "siren_epci",
            "GROUP_NAME_FIELD": "nom_epci",
        },
        {"epci": ("OUTPUT", "Profil des EPCI")},
    )
    return ("child", "profile", "OUTPUT")


# --- the models ---------------------------------------------------------------------------------
def territorial_diagnostic() -> Path:
    b = ModelBuilder(
        "territorial_diagnostic",
        "Diagnostic de résilience du territoire",
        "Le diagnostic complet d'un territoire en une fois : profil des communes et des EPCI, "
        "accès aux services de la vie courante, autonomie alimentaire, économie endogène, flux "
        "domicile-travail, indice de résilience des communes, carte pour le conseil et atlas des EPCI (une page par EPCI). Une couche "
        "facultative absente saute son thème ; l'indice et la carte demandent tous les thèmes.",
        "The whole diagnostic of a territory in one run: profile of the communes and EPCI, "
        "access to everyday services, food autonomy, endogenous economy, commuting flows, "
        "resilience index of the communes, the council map and the atlas of the EPCI (one page each). A missing optional input skips "
        "its theme; the index and the map need every theme.",
    )
    add_communes(b)
    add_town_halls(b)
    add_services_inputs(b, optional=True)
    add_parcels(b, optional=True)
    add_establishments(b, optional=True)
    add_flows(b, optional=True)
    b.string(
        "TERRITORY",
        "Nom du territoire (titre de la carte)",
        "",
        help_text="Par exemple « Aveyron (12) — communes ». / Name of the territory on the map.",
    )
    b.string(
        "PROFILE_TERRITORY",
        "Commune dont la carte montre le profil",
        "",
        help_text="Nom d'une commune (par exemple la plus peuplée). / Commune whose profile page "
        "the map shows.",
    )
    b.string(
        "SOURCES",
        "Sources citées sous la carte",
        "",
        help_text="Les sources des données, imprimées en bas de la carte. / Data sources printed "
        "at the bottom of the map.",
    )
    profile = profile_steps(b)
    services_steps(b, profile, b.branch("services", "FACILITIES"))
    food_steps(b, profile, b.branch("food", "PARCELS"))
    economy_steps(b, profile, b.branch("economy", "ESTABLISHMENTS"))
    flows_steps(b, profile, b.branch("flows", "FLOWS"))
    joined = join(b, "join_services", "Joindre : services", profile, "services", SERVICES_FIELDS)
    joined = join(b, "join_food", "Joindre : alimentation", joined, "food", FOOD_FIELDS)
    joined = join(b, "join_economy", "Joindre : économie", joined, "economy", ECONOMY_FIELDS)
    joined = join(b, "join_flows", "Joindre : flux", joined, "flows", FLOWS_FIELDS)
    b.step(
        "index",
        "reterr:resilience_index",
        "Indice de résilience des communes",
        {
            "INPUT": joined,
            "FIELDS": PROFILE_FIELDS
            + SERVICES_FIELDS
            + FOOD_FIELDS
            + ECONOMY_FIELDS
            + FLOWS_FIELDS,
            "NAME_FIELD": "nom",
            "OVERALL": False,
            "SAMPLES": 500,
        },
        {
            "index": ("OUTPUT", "Indice de résilience"),
            "index_csv": ("OUTPUT_CSV", "Indice de résilience (CSV)"),
        },
    )
    b.step(
        "council_map",
        "reterr:export_council_map",
        "Carte pour le conseil",
        {
            "INPUT": ("child", "profile", "OUTPUT"),
            "FIELD": "share_65p",
            "TERRITORY": ("param", "TERRITORY"),
            "BOUNDARIES": ("child", "profile_epci", "OUTPUT"),
            "BOUNDARIES_LABEL": "Intercommunalités (EPCI)",
            "PROFILE_TERRITORY": ("param", "PROFILE_TERRITORY"),
            "PROFILE_LAYER": ("child", "index", "OUTPUT"),
            "PROFILE_PEERS": "nom_epci",
            "SOURCES": ("param", "SOURCES"),
        },
        {
            "council_map": ("OUTPUT_PDF", "Carte pour le conseil (PDF)"),
            "council_map_png": ("OUTPUT_PNG", "Carte pour le conseil (PNG)"),
        },
    )
    b.step(
        "atlas",
        "reterr:export_atlas",
        "Atlas des EPCI pour le conseil",
        {
            "INPUT": ("child", "profile_epci", "OUTPUT"),
            "FIELDS": ["share_65p"],
            "NAME_FIELD": "nom_epci",
            "TITLE": "Profil des intercommunalités",
            "ADD_LAYOUT": False,
        },
        {"atlas": ("OUTPUT", "Atlas des EPCI (PDF, une page par EPCI)")},
    )
    return b.save()


def services_model() -> Path:
    b = ModelBuilder(
        "services_access",
        "Thème : accès aux services",
        "Accès de chaque commune aux services de la vie courante (panier à moins de 15 minutes) "
        "et aux médecins généralistes (APL sur 20 minutes).",
        "Access of each commune to everyday services (basket within 15 minutes) and to general "
        "practitioners (APL, 20-minute catchment).",
    )
    add_communes(b)
    add_town_halls(b)
    add_services_inputs(b, optional=False)
    services_steps(b, ("param", "COMMUNES"))
    b.step(
        "gp_access",
        "reterr:floating_catchment",
        "Accès aux médecins généralistes (APL)",
        {
            "DEMAND": ("param", "COMMUNES"),
            "FACILITIES": ("param", "FACILITIES"),
            "CATEGORY_FIELD": "TYPEQU",
            "CATEGORIES": "D265",
            "SUPPLY_FIELD": "capacite",
            "METHOD": 5,
            "CATCHMENT": 20,
            "ANCHORS": ("param", "TOWN_HALLS"),
            "NETWORK": ("param", "ROADS"),
            "SPEED_FIELD": ("param", "SPEED_FIELD"),
            "ONEWAY_FIELD": ("param", "ONEWAY_FIELD"),
        },
        {"gp_access": ("OUTPUT", "Accès aux médecins (APL)")},
    )
    return b.save()


def supply_model() -> Path:
    b = ModelBuilder(
        "supply_chains",
        "Thème : autonomie alimentaire et économie locale",
        "Autonomie alimentaire des communes (besoins en terres, surfaces du RPG, adéquation) et "
        "économie endogène (établissements SIRENE). Sans parcelles, pas d'alimentation ; sans "
        "SIRENE, pas d'économie.",
        "Food autonomy of the communes (land needs, RPG farmland, adequacy) and endogenous "
        "economy (SIRENE establishments). Without parcels the food part is skipped; without "
        "SIRENE the economy part.",
    )
    add_communes(b)
    add_town_halls(b)
    add_parcels(b, optional=True)
    add_establishments(b, optional=True)
    food_steps(b, ("param", "COMMUNES"), b.branch("food", "PARCELS"))
    economy_steps(b, ("param", "COMMUNES"), b.branch("economy", "ESTABLISHMENTS"))
    return b.save()


def complementarity_model() -> Path:
    b = ModelBuilder(
        "complementarity_flows",
        "Thème : complémentarités et flux",
        "Flux domicile-travail entre communes, part des actifs travaillant sur place et lignes "
        "des principaux flux.",
        "Commuting flows between communes, share of workers working where they live and lines "
        "of the main flows.",
    )
    add_communes(b)
    add_flows(b, optional=False)
    flows_steps(b, ("param", "COMMUNES"))
    return b.save()


#: The QGIS the models are written with: the oldest supported one. Later versions read these files
#: and keep their output names ("profile:communes"), but a model written by QGIS >= 3.24 or so names
#: its outputs after their descriptions, which would break the scripts that call the models.
BUILD_QGIS = (3, 22)


def main(argv: list[str]) -> int:
    global MODELS_DIR
    any_version = "--any-version" in argv
    argv = [a for a in argv if a != "--any-version"]
    if argv:  # another folder (the tests rebuild the models there and compare)
        MODELS_DIR = Path(argv[0]).resolve()
    from qgis.core import Qgis

    version = divmod(Qgis.QGIS_VERSION_INT // 100, 100)
    if version != BUILD_QGIS and not any_version:
        print(
            "build_models.py: run it with QGIS {}.{} (this is {}.{}); --any-version to force".format(
                *BUILD_QGIS, *version
            ),
            file=sys.stderr,
        )
        return 2
    _app, _provider = _qgis()  # kept alive while the models are built
    for build in (territorial_diagnostic, services_model, supply_model, complementarity_model):
        print(build().name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
