#!/usr/bin/env bash
# The one command that runs every test (README): types, build, then the unit, integration
# and end-to-end suites against the real services, then the benchmarks' printed figures.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent typecheck
npm run --silent build >/dev/null
npx vitest run --project unit
npx vitest run --project integration
npx vitest run --project e2e
if [ "${BERTH_SKIP_BENCH:-}" != "1" ]; then
  node --import tsx test/bench/run.ts
fi
