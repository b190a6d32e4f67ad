#!/usr/bin/env bash
# Measures a built AppHost's cold start: from starting its process to every resource Healthy (polled on its control
# API every 100 ms), then the stop: from SIGTERM to the last of its processes gone. Every port is a free one.
#   tools/cold-start.sh [path/to/TaxiHailing.AppHost.dll] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
apphost=${1:-TaxiHailing.AppHost/bin/Debug/net10.0/TaxiHailing.AppHost.dll}
runs=${2:-3}
[ -f "$apphost" ] || { echo "No built AppHost at $apphost: build it first (dotnet build TaxiHailing.AppHost)." >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
# The AppHost, the processes below it, and those below the DCP that watches it (DCP detaches from the AppHost).
processes_of() {
  local roots=("$1") pid
  for pid in $(pgrep -f -- "--monitor $1( |$)" || true); do roots+=("$pid"); done
  for pid in "${roots[@]}"; do pstree -p "$pid" 2>/dev/null | grep -o '([0-9]*)' | tr -d '()'; done | sort -u
}

for run in $(seq 1 "$runs"); do
  control=$(free_port)
  log=$(mktemp)
  start=$(now)
  DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
  ASPNETCORE_URLS="http://localhost:$(free_port)" \
  ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" \
  ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" \
  ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
  Ports__trips=$(free_port) Ports__passengers=$(free_port) Ports__drivers=$(free_port) Ports__notifications=$(free_port) \
  AppHost__ControlPort=$control \
    dotnet "$apphost" > "$log" 2>&1 &
  pid=$!
  healthy=""
  while kill -0 "$pid" 2>/dev/null; do
    states=$(curl -s -m 1 "http://127.0.0.1:$control/api/resources" | grep -o '"state":"[A-Za-z]*"' || true)
    if [ -n "$states" ] && ! grep -qv '"state":"Healthy"' <<< "$states"; then healthy=$(now); break; fi
    if [ "$(echo "$(now) - $start > 120" | bc)" = 1 ]; then break; fi
    sleep 0.1
  done
  [ -n "$healthy" ] || { echo "run $run: not healthy within 120 s; its output:" >&2; tail -20 "$log" >&2; kill -TERM "$pid" 2>/dev/null; exit 1; }
  count=$(grep -o '"state":"Healthy"' <<< "$states" | wc -l)
  sleep 2 # settle: let the services finish their first work before stopping them
  tree=$(processes_of "$pid")
  stop=$(now)
  kill -TERM "$pid"
  while [ -n "$(for p in $tree; do kill -0 "$p" 2>/dev/null && echo "$p"; done)" ]; do
    if [ "$(echo "$(now) - $stop > 60" | bc)" = 1 ]; then echo "run $run: processes still running 60 s after SIGTERM" >&2; break; fi
    sleep 0.1
  done
  gone=$(now)
  printf 'run %d: %d resources healthy after %.1f s; every process gone %.1f s after SIGTERM\n' \
    "$run" "$count" "$(echo "$healthy - $start" | bc)" "$(echo "$gone - $stop" | bc)"
  rm -f "$log"
done
