#!/usr/bin/env bash
# Every check on the API contracts (docs/api-evolution.md), after a build of the solution: the committed OpenAPI and
# AsyncAPI documents are what the code produces, they pass their linters, Trips' generated Passengers client is
# current, and no change breaks the last released contracts. Stops at the first that fails.
set -euo pipefail
cd "$(dirname "$0")"

./check-openapi-drift.sh --no-build
./lint-contracts.sh
./test-spectral-ruleset.sh | tail -n 1
./check-asyncapi.sh
./check-passengers-client.sh
./check-breaking-changes.sh | tail -n 1
