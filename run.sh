#!/usr/bin/env bash
# Runs the whole TaxiHailing application: installs what is missing, then starts the AppHost.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-prerequisites.sh
exec dotnet run --project TaxiHailing.AppHost "$@"
