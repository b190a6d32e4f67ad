#!/usr/bin/env bash
# Shows that .spectral.yaml catches what it is for: a small document that keeps every rule passes, and each copy of
# it that breaks one rule fails with that rule's code. Prints "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The good document, and one broken copy per case: "case-name rule-code" on each line of $work/cases.
node - "$work" <<'JS'
const fs = require("fs");
const dir = process.argv[2];
const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/ProblemDetails" } } };
const good = () => ({
  openapi: "3.1.1",
  info: { title: "Ruleset check", version: "1.0.0", description: "A document that keeps every rule.", contact: { name: "TaxiHailing maintainers" } },
  servers: [{ url: "/" }],
  tags: [{ name: "Trips", description: "Trips." }],
  paths: {
    "/v1/trips": {
      post: {
        tags: ["Trips"], operationId: "RequestTrip", summary: "Requests a trip.",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/TripBody" }, example: { pickup: "Dam" } } } },
        responses: { "201": { description: "Created" }, "400": { description: "Bad Request", content: problem } },
      },
    },
    "/v1/trips/{id}": {
      get: {
        tags: ["Trips"], operationId: "GetTrip", summary: "A trip.",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "OK" }, "404": { description: "Not Found", content: problem } },
      },
    },
  },
  components: {
    schemas: {
      TripBody: { type: "object", properties: { pickup: { type: "string" } } },
      ProblemDetails: { type: "object", properties: { title: { type: "string" } } },
    },
  },
});
const post = (doc) => doc.paths["/v1/trips"].post;
const get = (doc) => doc.paths["/v1/trips/{id}"].get;
const cases = {
  "no-operation-id taxihailing-operation-id": (doc) => { delete get(doc).operationId; },
  "camel-case-operation-id taxihailing-operation-id": (doc) => { get(doc).operationId = "getTrip"; },
  "duplicate-operation-id operation-operationId-unique": (doc) => { get(doc).operationId = "RequestTrip"; },
  "no-summary taxihailing-operation-summary": (doc) => { delete get(doc).summary; },
  "error-without-content taxihailing-problem-json": (doc) => { get(doc).responses["404"] = { description: "Not Found" }; },
  "error-as-plain-json taxihailing-problem-json": (doc) => { get(doc).responses["404"].content = { "application/json": { schema: { type: "object" } } }; },
  "server-error-as-plain-json taxihailing-problem-json": (doc) => { post(doc).responses["503"] = { description: "Unavailable", content: { "text/plain": { schema: { type: "string" } } } }; },
  "body-without-example taxihailing-request-body-example": (doc) => { delete post(doc).requestBody.content["application/json"].example; },
};
fs.writeFileSync(`${dir}/good.json`, JSON.stringify(good(), null, 2));
for (const [name, breakIt] of Object.entries(cases)) {
  const doc = good();
  breakIt(doc);
  fs.writeFileSync(`${dir}/${name.split(" ")[0]}.json`, JSON.stringify(doc, null, 2));
}
fs.writeFileSync(`${dir}/cases`, Object.keys(cases).join("\n") + "\n");
JS

lint() { node_modules/.bin/spectral lint "$1" --ruleset .spectral.yaml --fail-severity warn -f text >"$work/out" 2>&1; }
passed=0 failed=0
if lint "$work/good.json"; then
  passed=$((passed + 1)); echo "ok   good document passes"
else
  failed=$((failed + 1)); echo "FAIL good document should pass:"; cat "$work/out"
fi
while read -r name rule; do
  if lint "$work/$name.json"; then
    failed=$((failed + 1)); echo "FAIL $name: passed, but $rule should fail it"
  elif grep -q " $rule " "$work/out"; then
    passed=$((passed + 1)); echo "ok   $name fails with $rule"
  else
    failed=$((failed + 1)); echo "FAIL $name: failed, but not with $rule:"; cat "$work/out"
  fi
done <"$work/cases"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
