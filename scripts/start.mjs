// `npm start`: the desktop app when Electron's binary is installed, else `berth serve`
// (Electron's binary cannot be downloaded on every machine; the UI is the same).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
let electronBinary;
try {
  electronBinary = require('electron'); // the package exports the binary's path
} catch {
  electronBinary = undefined;
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (typeof electronBinary === 'string' && existsSync(electronBinary)) {
  run('npx', ['electron-vite', 'build']);
  run(electronBinary, ['.']);
} else {
  console.log('Electron is not installed here: starting `berth serve` instead (open the URL it prints).');
  run('npm', ['run', 'build']);
  run('node', ['bin/berth.mjs', 'serve', ...process.argv.slice(2)]);
}
