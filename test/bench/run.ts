// Runs every benchmark in one process and prints its figures (ratios measured in the
// same run, so the machine's speed cancels out). `npm run bench`; also run by `npm test`.
// A benchmark module exports `name` and `run(): Promise<BenchResult[]>`; add it to BENCHES.
import type { BenchResult } from './report';
import { printResults } from './report';

const BENCHES: Array<() => Promise<{ name: string; run(): Promise<BenchResult[]> }>> = [
  () => import('./containers-list.bench'),
  () => import('./events-log.bench'),
  () => import('./aws.bench'),
  () => import('./pod-logs.bench'),
  () => import('./images-transfer.bench'),
  () => import('./containers-ui.bench'),
];

const only = process.argv[2];
let failed = false;
for (const load of BENCHES) {
  const bench = await load();
  if (only && !bench.name.includes(only)) continue;
  console.log(`\n== ${bench.name}`);
  // One retry: a benchmark drives real engines hard, and an engine can fail under it
  // (Podman 4.3 sometimes reads a log file mid-write). Both failures are printed.
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      printResults(await bench.run());
      break;
    } catch (err) {
      console.error(`benchmark "${bench.name}" could not run (attempt ${attempt} of 2): ${(err as Error).stack ?? err}`);
      if (attempt === 2) failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
