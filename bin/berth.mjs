#!/usr/bin/env node
// `berth serve`: Berth in a browser, for hosts without Electron (see README).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'serve') {
  console.error('Usage: berth serve [--port N] [--data-dir DIR]\n(The desktop app starts with "npm start".)');
  process.exit(command ? 2 : 0);
}
const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'server', 'cli.mjs');
if (!existsSync(entry)) {
  console.error('berth: not built yet. Run "npm run build" first.');
  process.exit(1);
}
const { main } = await import(entry);
main(rest).catch((err) => {
  console.error(`berth: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
