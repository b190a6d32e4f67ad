#!/usr/bin/env bash
# Every check on the API contracts (docs/api-evolution.md), after a build of the solution: the committed OpenAPI and
# AsyncAPI documents are what the code produces, they pass their linters, Trips' generated Passengers client is
# current, and no change breaks the last released contracts. Stops at the first that fails.
set -euo pipefail
cd "$(dirname "$0")"

# The last line of what a check says when it passes; all of it when it fails.
quietly() {
  local output
  if output=$("$@" 2>&1); then
    tail -n 1 <<<"$output"
  else
    echo "$output" >&2
    return 1
  fi
}

./check-openapi-drift.sh --no-build
./lint-contracts.sh
quietly ./test-spectral-ruleset.sh
./check-asyncapi.sh
./check-passengers-client.sh
quietly ./check-breaking-changes.sh
