#!/usr/bin/env bash
# Renders the system AsyncAPI document as one self-contained HTML page with the AsyncAPI HTML template (an npm dev
# dependency, used from node_modules so that nothing is fetched): docs/asyncapi/index.html, or into the folder given.
set -euo pipefail
cd "$(dirname "$0")/.."

output=${1:-docs/asyncapi}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x node_modules/.bin/asyncapi ] || { echo "node_modules/.bin/asyncapi is missing: run scripts/install-prerequisites.sh." >&2; exit 1; }
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >"$work/analytics.json"
if ! ASYNCAPI_METRICS_CONFIG_PATH="$work/analytics.json" SUPPRESS_NO_CONFIG_WARNING=1 NO_COLOR=1 \
    node_modules/.bin/asyncapi generate fromTemplate contracts/asyncapi/taxihailing.json ./node_modules/@asyncapi/html-template \
    --no-interactive --param singleFile=true --output "$work/html" >"$work/log" 2>&1; then
  echo "Rendering contracts/asyncapi/taxihailing.json as HTML failed:" >&2
  grep -v -e '^\s*$' -e '^WARNING: ' "$work/log" >&2 || true
  exit 1
fi
mkdir -p "$output"
cp "$work/html/index.html" "$output/index.html"
