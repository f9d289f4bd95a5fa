// Electron hardening, checked: builds main and preload with source maps (no Electron binary
// needed), runs Electronegativity on that output, and fails on every finding above
// INFORMATIONAL unless the source line it maps to carries `eng-disable <CHECK>` with an
// explanation in a comment on the line above. Also validates electron-builder.yml.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-eng-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

try {
  run(bin('electron-vite'), ['build', '--sourcemap', '--outDir', path.join(tmp, 'build'), '--logLevel', 'error']);
  const scan = path.join(tmp, 'scan');
  for (const target of ['main', 'preload']) fs.cpSync(path.join(tmp, 'build', target), path.join(scan, target), { recursive: true });
  // Electronegativity reads only .js/.ts files: the CommonJS preload (.cjs) is scanned as .js.
  for (const file of fs.readdirSync(path.join(scan, 'preload'))) {
    if (/\.cjs(\.map)?$/.test(file)) fs.renameSync(path.join(scan, 'preload', file), path.join(scan, 'preload', file.replace('.cjs', '.js')));
  }
  const report = path.join(tmp, 'report.csv');
  // The release-list check fetches from GitHub at every run; the Electron version is pinned instead.
  const eng = spawnSync(bin('electronegativity'), ['-i', scan, '-o', report, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'], { cwd: root, encoding: 'utf8' });
  const output = `${eng.stdout}\n${eng.stderr}`;
  // A file it cannot parse is skipped with only a printed line, which would pass everything: fail instead.
  const parseErrors = output.split('\n').filter((l) => /Error parsing/.test(l) && !/Tolerable/.test(l));
  if (parseErrors.length) {
    console.error(`Electronegativity could not parse the build:\n  ${parseErrors.join('\n  ')}`);
    process.exit(1);
  }
  const findings = parseCsv(fs.readFileSync(report, 'utf8')).slice(1).filter((r) => r.length >= 5);
  const unexplained = [];
  let explained = 0;
  for (const [check, severity, confidence, file, location, , description] of findings) {
    if (severity === 'INFORMATIONAL') continue;
    const [line, column] = location.split(':').map(Number);
    const source = originalLine(path.join(scan, file), line, column);
    if (source && isExplained(source, check)) {
      explained++;
      continue;
    }
    const where = source ? `${path.relative(root, source.file)}:${source.line}` : `${file}:${location} (built)`;
    unexplained.push(`${severity} ${check} (${confidence}) at ${where}: ${description}`);
  }
  if (unexplained.length) {
    console.error(`Electronegativity: ${unexplained.length} unexplained finding(s) above INFORMATIONAL.\nFix them, or explain each with "// eng-disable CHECK" on the line and a comment line above it:\n  ${unexplained.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Electronegativity: no unexplained findings (${findings.length} in all, ${explained} explained at their lines).`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
run(process.execPath, [path.join(root, 'scripts', 'check-builder-config.mjs')]);
console.log('electron-builder.yml: valid.');

/** The source file and lines around a built position, through the build's source map. */
function originalLine(builtFile, line, column) {
  const mapFile = `${builtFile}.map`;
  if (!fs.existsSync(mapFile)) return undefined;
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const entry = new SourceMap(map).findEntry(line - 1, Math.max(0, column - 1));
  if (!entry?.originalSource) return undefined;
  const file = path.resolve(path.dirname(builtFile), entry.originalSource.replace(/^file:\/\//, ''));
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  return { file, line: entry.originalLine + 1, lines };
}

/**
 * Explained: a line within two of the mapped one (source maps of a bundle are approximate
 * to a line) says `eng-disable CHECK`, and the line above it is a comment giving the reason.
 */
function isExplained(source, check) {
  const disabled = new RegExp(`eng-disable\\s+([\\w\\s,]*\\b)?${check}\\b`);
  for (let i = source.line - 3; i <= source.line + 1; i++) {
    if (i < 1 || !disabled.test(source.lines[i] ?? '')) continue;
    if (/^\s*\/\/\s*\S.{8,}/.test(source.lines[i - 1] ?? '')) return true;
  }
  return false;
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field.trim()), (field = '');
    else if (c === '\n') row.push(field.trim()), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field.trim()), rows.push(row);
  return rows;
}
