#!/usr/bin/env bash
# Installs what the project needs beyond the .NET SDK: PostgreSQL's server binaries (Debian's packages), from
# which the AppHost starts its own private server (no system cluster is created or started), and the npm tools
# that lint and validate the API contracts (package.json, into node_modules), and the .NET local tools
# (.config/dotnet-tools.json: Kiota, which generates Trips' client of Passengers).
set -euo pipefail

have_postgres() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is missing: install the .NET 10 SDK (see global.json) first." >&2
  exit 1
fi

install_postgres() {
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  echo "Installing PostgreSQL (Debian package postgresql) ..."
  "${as_root[@]}" mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | "${as_root[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq postgresql >/dev/null
  have_postgres || { echo "PostgreSQL did not install." >&2; exit 1; }
}

# npm keeps node_modules/.package-lock.json: when it is older than the lock file, the tools changed.
install_contract_tools() {
  if [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js 20 or later (it brings npm) first." >&2; exit 1; }
  echo "Installing the contract tools (npm ci: Spectral, AsyncAPI CLI) ..."
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
}

cd "$(dirname "$0")/.."
have_postgres || install_postgres
install_contract_tools
dotnet tool restore >/dev/null
