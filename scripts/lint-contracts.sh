#!/usr/bin/env bash
# Lints the committed OpenAPI contracts with Spectral and our ruleset (.spectral.yaml); any warning fails.
# The tools come from scripts/install-prerequisites.sh (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/spectral lint contracts/openapi/*.json --ruleset .spectral.yaml --fail-severity warn
