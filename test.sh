#!/usr/bin/env bash
# Runs every check: the API contracts (scripts/check-contracts.sh), then every test: unit, integration and
# end-to-end (the whole application model, started by the tests).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
dotnet build TaxiHailing.sln -nologo -v:q -clp:ErrorsOnly
scripts/check-contracts.sh
exec dotnet test TaxiHailing.sln --no-build "$@"
