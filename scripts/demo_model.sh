#!/usr/bin/env bash
# The territorial diagnostic of the sample as one Processing model (reterr:territorial_diagnostic,
# resources/models/territorial_diagnostic.model3), run headless through qgis_process: the inputs
# a planner maps once, every output written into out/diagnostic_modele.gpkg, the index as CSV, the
# council map and the EPCI atlas as PDF. The same command runs on another territory with its own layers.
# shellcheck source=scripts/demo_env.sh
. "$(dirname "$0")/demo_env.sh" demo_model
GPKG="$TMP/diagnostic_modele.gpkg"

# Each output of the model is a parameter "step:output"; layers go into one GeoPackage.
OUTPUTS=()
for name in profile:communes profile_epci:epci services:services food:food \
  sirene:establishments economy:economy flows:flows index:index; do
  OUTPUTS+=("$name=ogr:dbname='$GPKG' table=\"${name#*:}\" (geom)")
done

echo "== Diagnostic de résilience du territoire (reterr:territorial_diagnostic)"
START=$(date +%s)
scripts/qgis_process.sh run reterr:territorial_diagnostic -- \
  COMMUNES="$SAMPLE|layername=communes" TOWN_HALLS="$SAMPLE|layername=mairies" \
  FACILITIES="$SAMPLE|layername=bpe_illustratif" \
  ROADS="$SAMPLE|layername=routes_illustratives" SPEED_FIELD=vitesse_kmh ONEWAY_FIELD=sens \
  PARCELS="$SAMPLE|layername=rpg_illustratif" \
  ESTABLISHMENTS="$SIRENE" LEGAL_UNITS="$SIRENE_UL" FLOWS="$FLUX" \
  TERRITORY="Aveyron (12) — communes" PROFILE_TERRITORY="${DEMO_PROFILE:-Rodez}" \
  "${OUTPUTS[@]}" \
  index:index_csv="$TMP/indice_resilience_modele.csv" \
  council_map:council_map="$TMP/council_map_modele.pdf" atlas:atlas="$TMP/atlas_modele.pdf" \
  | tail -n 14
echo "Model run in $(($(date +%s) - START)) s."

for f in diagnostic_modele.gpkg indice_resilience_modele.csv council_map_modele.pdf atlas_modele.pdf; do
  [ -s "$TMP/$f" ] || { echo "demo_model: $f was not produced" >&2; exit 1; }
done
mv -f "$TMP/diagnostic_modele.gpkg" "$TMP/indice_resilience_modele.csv" \
  "$TMP/council_map_modele.pdf" "$TMP/atlas_modele.pdf" "$OUT/"
echo "Written: out/diagnostic_modele.gpkg, out/indice_resilience_modele.csv," \
  "out/council_map_modele.pdf, out/atlas_modele.pdf"
