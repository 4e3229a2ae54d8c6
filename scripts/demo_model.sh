#!/usr/bin/env bash
# The territorial diagnostic of the sample as one Processing model (reterr:territorial_diagnostic,
# resources/models/territorial_diagnostic.model3), run headless through qgis_process: the inputs
# a planner maps once, every output written into out/diagnostic_modele.gpkg, the index as CSV and
# the council map as PDF. The same command runs on another territory with its own layers.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/out"
SAMPLE="$ROOT/resources/sample/aveyron.gpkg"
SIRENE="$ROOT/resources/sample/StockEtablissement_illustratif.csv"
SIRENE_UL="$ROOT/resources/sample/StockUniteLegale_illustratif.csv"
FLUX="$ROOT/resources/sample/flux_domicile_travail_illustratif.csv"
mkdir -p "$OUT"
# Outputs go to a temporary folder and are moved in place only when the whole model passed.
TMP=$(mktemp -d "$OUT/.demo_model.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
GPKG="$TMP/diagnostic_modele.gpkg"
export LANG="${DEMO_LANG:-fr_FR.UTF-8}"
exec 2> >(grep -v -e "PNG driver does not support update" -e "setapi() is deprecated" \
  -e "No geometry column" >&2)

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
  council_map:council_map="$TMP/council_map_modele.pdf" | tail -n 14
echo "Model run in $(($(date +%s) - START)) s."

for f in diagnostic_modele.gpkg indice_resilience_modele.csv council_map_modele.pdf; do
  [ -s "$TMP/$f" ] || { echo "demo_model: $f was not produced" >&2; exit 1; }
done
mv -f "$TMP/diagnostic_modele.gpkg" "$TMP/indice_resilience_modele.csv" \
  "$TMP/council_map_modele.pdf" "$OUT/"
echo "Written: out/diagnostic_modele.gpkg, out/indice_resilience_modele.csv, out/council_map_modele.pdf"
