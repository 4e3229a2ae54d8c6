# Shared by scripts/demo.sh and scripts/demo_model.sh (sourced): the sample's files, out/, a
# temporary folder in it (removed on exit; outputs are moved in only when every step passed), the
# French interface, and GDAL's harmless notes kept out of the log.
# Usage: . scripts/demo_env.sh NAME   (the temporary folder is out/.NAME.XXXXXX)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/out"
SAMPLE="$ROOT/resources/sample/aveyron.gpkg"
SIRENE="$ROOT/resources/sample/StockEtablissement_illustratif.csv"
SIRENE_UL="$ROOT/resources/sample/StockUniteLegale_illustratif.csv"
FLUX="$ROOT/resources/sample/flux_domicile_travail_illustratif.csv"
ZONAGES="$ROOT/resources/sample/zonages_insee_aveyron.csv"
mkdir -p "$OUT"
TMP=$(mktemp -d "$OUT/.$1.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export LANG="${DEMO_LANG:-fr_FR.UTF-8}"
# GDAL notes that it cannot open the PNG output for update (harmless), and says "No geometry
# column" when a table without geometry (the flow tables) is closed: keep the log readable.
exec 2> >(grep -v -e "PNG driver does not support update" -e "setapi() is deprecated" \
  -e "No geometry column" >&2)
