#!/usr/bin/env bash
# Refresh the French translation source from the code: extract every string marked for translation
# (self.tr, QCoreApplication.translate / translate with a literal context, QT_TRANSLATE_NOOP) with
# pylupdate5 into i18n/reterr_qgis_fr.ts, keeping the existing translations and dropping the strings
# that are gone from the code. New strings come out as "unfinished": translate them (Qt Linguist or
# by editing the .ts), then `make translations` builds the .qm files.
#
# Usage: scripts/update_translations.sh [TS_FILE]   (default: i18n/reterr_qgis_fr.ts)
#
# pylupdate5 silently skips a translate()/QT_TRANSLATE_NOOP() call whose source string is followed
# by a trailing comma, which ruff format adds whenever it splits the arguments one per line. The
# sources are therefore scanned from a temporary copy where such commas are blanked out (same line
# and column, so the locations written in the .ts stay right); the code itself is left as it is.
set -euo pipefail
TS_NAME=reterr_qgis_fr.ts
out="${1:-}"
[ -n "$out" ] && out=$(realpath -m -- "$out")
cd "$(dirname "$0")/.."
out="${out:-i18n/$TS_NAME}"

if ! command -v pylupdate5 >/dev/null 2>&1; then
  echo "pylupdate5 not found: install the Debian package pyqt5-dev-tools (scripts/setup.sh does)." >&2
  exit 1
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The plugin sources: the root __init__.py and every module of the reterr_qgis package.
sources=(__init__.py)
while IFS= read -r -d '' f; do
  sources+=("$f")
done < <(find reterr_qgis -name '*.py' -not -path '*/__pycache__/*' -print0 | sort -z)

python3 - "$stage" "${sources[@]}" <<'PY'
import io
import sys
import tokenize
from pathlib import Path

stage, files = Path(sys.argv[1]), sys.argv[2:]
skip = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
for name in files:
    text = Path(name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in skip]
    for tok, nxt in zip(tokens, tokens[1:]):
        if tok.string == "," and nxt.string == ")":
            row, col = tok.start
            line = lines[row - 1]
            lines[row - 1] = line[:col] + " " + line[col + 1 :]
    dest = stage / name
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("".join(lines), encoding="utf-8")
PY

# Place the .ts where it lives in the repository, so that its locations read ../reterr_qgis/...
mkdir -p "$stage/i18n"
if [ -f "$out" ]; then
  cp "$out" "$stage/i18n/$TS_NAME"
fi
(
  cd "$stage"
  PYTHONWARNINGS=ignore::DeprecationWarning pylupdate5 -verbose -noobsolete "${sources[@]}" \
    -ts "i18n/$TS_NAME"
)
mkdir -p "$(dirname "$out")"
cp "$stage/i18n/$TS_NAME" "$out"

unfinished=$(grep -c 'type="unfinished"' "$out" || true)
if [ "$unfinished" -gt 0 ]; then
  echo "$out: $unfinished message(s) to translate (type=\"unfinished\")."
fi
