#!/usr/bin/env bash
# Installs what the AppHost needs beyond the .NET SDK: PostgreSQL's server binaries (Debian's packages).
# The AppHost starts its own private server from them; no system cluster is created or started.
set -euo pipefail

have_postgres() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is missing: install the .NET 10 SDK (see global.json) first." >&2
  exit 1
fi

if have_postgres; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
echo "Installing PostgreSQL (Debian package postgresql) ..."
"${as_root[@]}" mkdir -p /etc/postgresql-common
echo "create_main_cluster = false" | "${as_root[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq postgresql >/dev/null
have_postgres || { echo "PostgreSQL did not install." >&2; exit 1; }
