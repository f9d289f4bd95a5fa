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
  try {
    printResults(await bench.run());
  } catch (err) {
    failed = true;
    console.error(`benchmark "${bench.name}" could not run: ${(err as Error).stack ?? err}`);
  }
}
process.exit(failed ? 1 : 0);
