#!/usr/bin/env bash
# The AsyncAPI contract check: the committed system document (contracts/asyncapi/taxihailing.json) is what the
# services' messaging declarations produce (the drift check), it is a valid AsyncAPI document with no governance
# warnings, and docs/asyncapi/index.html is its current rendering. Quiet when it passes; says what failed and how
# to fix it when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."

document=contracts/asyncapi/taxihailing.json
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

if ! dotnet run --project tools/TaxiHailing.AsyncApi -v q -- check "$document" >"$log/drift" 2>&1; then
  echo "AsyncAPI drift check failed:" >&2
  cat "$log/drift" >&2
  exit 1
fi

[ -x node_modules/.bin/asyncapi ] || { echo "node_modules/.bin/asyncapi is missing: run scripts/install-prerequisites.sh." >&2; exit 1; }
# No usage analytics (they would be sent over the network), no spinner or colours in the log.
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >"$log/analytics.json"
if ! ASYNCAPI_METRICS_CONFIG_PATH="$log/analytics.json" SUPPRESS_NO_CONFIG_WARNING=1 NO_COLOR=1 \
    node_modules/.bin/asyncapi validate "$document" --fail-severity warn --diagnostics-format text >"$log/validate" 2>&1; then
  echo "AsyncAPI validation of $document failed (errors or warnings):" >&2
  grep -v -e '^\s*$' -e '^WARNING: ' "$log/validate" >&2 || true
  exit 1
fi
scripts/render-asyncapi-html.sh "$log/html"
if ! cmp -s "$log/html/index.html" docs/asyncapi/index.html; then
  echo "docs/asyncapi/index.html is not the rendering of $document: run scripts/render-asyncapi-html.sh and commit it." >&2
  exit 1
fi
echo "AsyncAPI: $document matches the declarations and is valid; docs/asyncapi/index.html renders it."
