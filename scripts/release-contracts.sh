#!/usr/bin/env bash
# Releases the current contracts: copies contracts/openapi and contracts/asyncapi into contracts/released, the baseline
# that scripts/check-breaking-changes.sh holds every later change to. Run it when a release ships, and commit the copy.
set -euo pipefail
cd "$(dirname "$0")/../contracts"

for kind in openapi asyncapi; do
  rm -rf "released/$kind"
  mkdir -p "released/$kind"
  cp "$kind"/*.json "released/$kind/"
done
echo "Released: $(ls released/openapi released/asyncapi | grep -c '\.json$') contracts copied into contracts/released."
