#!/usr/bin/env bash
# Fails, showing the difference, when the OpenAPI contracts that the code produces are not the committed ones in
# contracts/openapi. The build writes them (Directory.Build.targets: every service's registered documents, and it
# deletes those of documents no longer registered), so this builds and asks git what changed: on a clean clone, as
# in CI, that is the difference from the commit; in a working copy, from what is staged. Builds TaxiHailing.sln
# unless given projects or a solution (what an earlier build made is reused: only what changed is built again), or
# nothing with --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."

# --no-build: the caller has just built the solution (test.sh does), so the contracts on disk are the code's.
if [ "${1:-}" = "--no-build" ]; then
  targets=()
else
  targets=("$@")
  [ ${#targets[@]} -gt 0 ] || targets=(TaxiHailing.sln)
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in "${targets[@]}"; do
  dotnet build "$target" -nologo -v:q -clp:ErrorsOnly >"$log" 2>&1 || { cat "$log" >&2; echo "The build failed: no contracts to compare." >&2; exit 1; }
done

if [ -z "$(git status --porcelain -- contracts/openapi)" ]; then
  echo "OpenAPI contracts: contracts/openapi is what the code produces."
  exit 0
fi

echo "OpenAPI contracts drifted: the code produces other documents than the committed contracts/openapi." >&2
echo "If the change is intended, commit the files the build wrote (git add contracts/openapi)." >&2
git --no-pager diff --stat -- contracts/openapi >&2
git --no-pager diff -- contracts/openapi >&2
git ls-files --others --exclude-standard -- contracts/openapi | while read -r added; do
  git --no-pager diff --no-index -- /dev/null "$added" >&2 || true
done
exit 1
