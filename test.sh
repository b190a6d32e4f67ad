#!/usr/bin/env bash
# Runs every test: unit, integration and end-to-end (the whole application model, started by the tests).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
exec dotnet test TaxiHailing.sln "$@"
