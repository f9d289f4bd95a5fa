// Issue 4's figure: push and pull of a ~200 MB image through Berth (the contract over
// `berth serve`'s WebSocket, progress streamed) vs the docker CLI (v28 against dockerd
// 20.10), same registry (127.0.0.1:5001, htpasswd), same daemon.
// Fairness: every transfer moves a layer of fresh random data that the registry has
// never seen (no dedup), and the order alternates (Berth, CLI, CLI, Berth, ...).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, wsClient } from '../support/app';
import { BASE_IMAGE, engineClients, RUN_ID, TEST_LABEL } from '../support/engines';
import { REGISTRY, requireServices } from '../support/services';
import { median, type BenchResult } from './report';

export const name = 'images: push and pull of a 200 MB image, Berth vs docker CLI (issue 4)';

const MB = 200;
const ROUNDS = 2;
const PULL_ROUNDS = 6;
const USER = 'berth';
const PASSWORD = 'berth-password';
const repo = `${REGISTRY}/berth-bench/transfer-${RUN_ID}`;

/** A fresh image: berth-base plus a layer of MB random megabytes. */
function makeImage(tag: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-img-'));
  try {
    execFileSync('sh', ['-c', `head -c ${MB}M /dev/urandom > rand.bin`], { cwd: dir });
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${BASE_IMAGE}\nLABEL ${TEST_LABEL}=${RUN_ID}\nCOPY rand.bin /rand.bin\n`);
    execFileSync('docker', ['build', '-q', '-t', tag, dir], { stdio: 'ignore', env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const time = async (fn: () => Promise<unknown> | unknown) => {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
};

export async function run(): Promise<BenchResult[]> {
  await requireServices('docker', 'registry');
  const cliConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-cli-'));
  execFileSync('docker', ['--config', cliConfig, 'login', '-u', USER, '--password-stdin', REGISTRY], { input: PASSWORD, stdio: ['pipe', 'ignore', 'ignore'] });
  const cli = (...args: string[]) => execFileSync('docker', ['--config', cliConfig, ...args], { stdio: 'ignore' });
  const app = await startApp({ env: { ...process.env, DOCKER_CONFIG: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-cfg-')) } });
  const { client, close } = await wsClient(app);
  const { docker } = engineClients();
  const tags: string[] = [];
  const t = { berthPush: [] as number[], cliPush: [] as number[], berthPull: [] as number[], cliPull: [] as number[] };
  try {
    const engineId = app.backend.registry.list().find((e) => e.kind === 'docker' && e.state === 'connected')!.id;
    const signedIn = await client.registries.signIn({ host: REGISTRY, username: USER, password: PASSWORD });
    if (!signedIn.ok) throw new Error(signedIn.message);
    const drain = async (it: AsyncIterable<{ done: boolean }>) => {
      let last: { done: boolean } | undefined;
      for await (const e of it) last = e;
      if (!last?.done) throw new Error('the transfer did not finish');
    };
    const berthPush = (ref: string) => time(async () => drain(await client.images.push({ engineId, ref })));
    const berthPull = (ref: string) => time(async () => drain(await client.images.pull({ engineId, ref })));
    const cliPush = (ref: string) => time(() => cli('push', '-q', ref));
    const cliPull = (ref: string) => time(() => cli('pull', '-q', ref));
    const rmi = (ref: string) => docker.getImage(ref).remove({ force: true });

    for (let round = 0; round < ROUNDS; round++) {
      const berthTag = `${repo}:b${round}`;
      const cliTag = `${repo}:c${round}`;
      makeImage(berthTag);
      makeImage(cliTag);
      tags.push(berthTag, cliTag);
      // The builds leave ~400 MB of dirty pages; flushing them first keeps that write-back
      // from slowing whichever push happens to go first.
      execFileSync('sync');
      const order = round % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      for (const who of order) {
        if (who === 'berth') t.berthPush.push(await berthPush(berthTag));
        else t.cliPush.push(await cliPush(cliTag));
      }
    }
    // Pulls: each side pulls its own images back after they were removed locally (the daemon
    // has none of their layers then), alternating, more often than pushes: they are cheaper
    // and the machine is shared, so more samples steady the figure.
    for (let round = 0; round < PULL_ROUNDS; round++) {
      const order = round % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      const k = round % ROUNDS;
      for (const tag of [`${repo}:b${k}`, `${repo}:c${k}`]) await rmi(tag).catch(() => undefined);
      for (const who of order) {
        if (who === 'berth') t.berthPull.push(await berthPull(`${repo}:b${k}`));
        else t.cliPull.push(await cliPull(`${repo}:c${k}`));
      }
    }
  } finally {
    close();
    await app.close();
    for (const tag of tags) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    fs.rmSync(cliConfig, { recursive: true, force: true });
  }
  console.log(`  seconds per transfer: ${JSON.stringify(t, (_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
  // Throughput from the median time: one transfer stalled by a neighbour on this shared
  // machine must not decide the figure.
  // Pushes (two, expensive) are averaged; pulls (six) use the median.
  const mbps = (xs: number[]) => MB / median(xs);
  const mean = (xs: number[]) => (MB * xs.length) / xs.reduce((a, b) => a + b, 0);
  return [
    { metric: `push via Berth (${MB} MB, fresh layers, mean of ${ROUNDS})`, value: mean(t.berthPush), unit: 'MB/s' },
    { metric: 'push via docker CLI', value: mean(t.cliPush), unit: 'MB/s' },
    { metric: 'push throughput Berth / CLI', value: mean(t.berthPush) / mean(t.cliPush), unit: '×', goal: '>= 0.95' },
    { metric: `pull via Berth (${MB} MB, median of ${PULL_ROUNDS})`, value: mbps(t.berthPull), unit: 'MB/s' },
    { metric: 'pull via docker CLI', value: mbps(t.cliPull), unit: 'MB/s' },
    { metric: 'pull throughput Berth / CLI', value: mbps(t.berthPull) / mbps(t.cliPull), unit: '×', goal: '>= 0.95' },
  ];
}
