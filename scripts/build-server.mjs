// Bundles the `berth serve` backend for plain Node into out/server (dependencies stay
// external: they are installed next to it).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'electron/serve/cli.ts' },
  outdir: 'out/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
