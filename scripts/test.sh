#!/usr/bin/env bash
# The one command that runs every test (README): types, build, then the unit, integration
# and end-to-end suites against the real services, then the benchmarks' printed figures.
# Every suite runs even when an earlier one fails; the exit code says whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
status=0
npm run --silent typecheck || exit 1
npm run --silent build >/dev/null || { echo "build failed"; npm run build; exit 1; }
npm run --silent lint:electron || status=1
for suite in unit integration e2e; do
  npx vitest run --project "$suite" --reporter=default --reporter=json --outputFile.json="test-results/$suite.json" || status=1
done
node scripts/test-summary.mjs test-results/unit.json test-results/integration.json test-results/e2e.json || status=1
if [ "${BERTH_SKIP_BENCH:-}" != "1" ]; then
  node --import tsx test/bench/run.ts || status=1
fi
exit $status
