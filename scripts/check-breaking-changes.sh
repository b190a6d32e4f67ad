#!/usr/bin/env bash
# The breaking-change gate: compares the last released contracts (the baseline) with the current ones and fails
# (exit code 1) when a change would break a client or consumer of what was released; 2 means a contract could not be read.
#   scripts/check-breaking-changes.sh [releasedDir currentDir]     default: contracts/released contracts
# Before the first baseline is released there is nothing to compare against, so a missing releasedDir passes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
released="${1:-$root/contracts/released}"
current="${2:-$root/contracts}"

if [ ! -d "$released" ]; then
  echo "No released contracts at '$released' yet: nothing to compare against, the breaking-change gate passes."
  echo "(A release copies contracts/openapi and contracts/asyncapi to contracts/released/.)"
  exit 0
fi

project="$root/tools/TaxiHailing.ContractGate"
if ! build_output="$(dotnet build "$project" -c Release --nologo -v quiet 2>&1)"; then
  echo "$build_output" >&2
  echo "The contract gate did not build." >&2
  exit 2
fi
exec dotnet "$project/bin/Release/net10.0/TaxiHailing.ContractGate.dll" check "$released" "$current"
