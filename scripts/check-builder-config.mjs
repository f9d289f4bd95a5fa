// Validates electron-builder.yml against electron-builder's own schema, and the targets and
// icon it must name, without packaging (packaging downloads Electron; CI does not do it).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
await validateConfiguration(config, new DebugLogger(false));

const problems = [];
const targets = (t) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x?.target));
const want = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] };
for (const [os, names] of Object.entries(want)) {
  const have = targets(config[os]?.target);
  for (const n of names) if (!have.includes(n)) problems.push(`${os} does not build ${n}`);
}
for (const os of ['linux', 'mac', 'win']) {
  const icon = config[os]?.icon ?? config.icon;
  const file = icon && path.join(root, icon);
  if (!file || !fs.existsSync(file)) {
    problems.push(`${os}: icon ${icon ?? '(none)'} is missing`);
    continue;
  }
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.readUInt32BE(16) < 512 || head.readUInt32BE(20) < 512) problems.push(`${os}: ${icon} is smaller than 512x512`);
}
if (problems.length) {
  console.error(`electron-builder.yml:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('electron-builder.yml: valid (AppImage, deb, dmg, nsis; icon 512x512)');
