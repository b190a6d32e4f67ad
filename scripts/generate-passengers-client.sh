#!/usr/bin/env bash
# Regenerates Trips' client of Passengers (services/TaxiHailing.Trips/PassengersApi) from the committed contract
# contracts/openapi/passengers.v1.json with Kiota, the local tool pinned in .config/dotnet-tools.json. Only the
# operation Trips calls is generated, reading JSON only. Run it after the contract changes and commit the result.
# With a directory argument it works in that directory instead of the repository (it must hold .config/ and the
# contract at the same paths): the drift check, scripts/check-passengers-client.sh, uses this.
set -euo pipefail

root="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
cd "$root"

# No update check (offline), no telemetry, plain output.
export KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false KIOTA_CONSOLE_COLORS_ENABLED=false

dotnet tool restore >/dev/null
# Relative paths, so that kiota-lock.json records the same descriptionLocation wherever this runs.
if ! output="$(dotnet kiota generate \
  --language CSharp --openapi contracts/openapi/passengers.v1.json \
  --output services/TaxiHailing.Trips/PassengersApi --clean-output \
  --include-path "/v1/passengers/{id}#GET" \
  --class-name PassengersClient --namespace-name TaxiHailing.Trips.PassengersApi --type-access-modifier Internal \
  --exclude-backward-compatible \
  --serializer Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory \
  --deserializer Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory \
  --structured-mime-types application/json \
  --disable-validation-rules NoServerEntry \
  --log-level Error 2>&1)"; then
  echo "$output" >&2
  echo "Kiota could not generate the Passengers client from contracts/openapi/passengers.v1.json." >&2
  exit 1
fi
