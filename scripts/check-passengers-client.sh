#!/usr/bin/env bash
# Drift check: regenerates Trips' client of Passengers from contracts/openapi/passengers.v1.json into a temporary
# directory and compares it with the committed services/TaxiHailing.Trips/PassengersApi. Fails, listing the
# differences, when the contract (or the generator's version or options) changed without the client being regenerated
# or when the generated code was edited by hand.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
client="services/TaxiHailing.Trips/PassengersApi"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

mkdir -p "$scratch/.config" "$scratch/contracts/openapi"
cp "$repo/.config/dotnet-tools.json" "$scratch/.config/"
cp "$repo/contracts/openapi/passengers.v1.json" "$scratch/contracts/openapi/"
"$repo/scripts/generate-passengers-client.sh" "$scratch"

if ! differences="$(diff -ru "$repo/$client" "$scratch/$client")"; then
  echo "$differences" | sed "s#$scratch/#(regenerated) #g; s#$repo/#(committed) #g"
  echo >&2
  echo "The committed Passengers client ($client) is not what contracts/openapi/passengers.v1.json generates." >&2
  echo "Run scripts/generate-passengers-client.sh and commit the result (never edit the generated files by hand)." >&2
  exit 1
fi
echo "The Passengers client is up to date with contracts/openapi/passengers.v1.json."
