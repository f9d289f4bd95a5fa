// Pure parts of images and builds: live row patching, the context packer's .dockerignore,
// upload paths, the renderer's pre-filter, and stream errors in words.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { asRpcError, eventStream } from '../../electron/api/event-stream';
import { contextFilter, packContext } from '../../electron/engines/build';
import { safeRelative } from '../../electron/engines/build-uploads';
import { CancelledError, ProgressStreamError } from '../../electron/engines/progress';
import { patchObject } from '../../renderer/src/lib/object-patch';
import { plainExclusions } from '../../renderer/src/features/images/prefilter';

type Row = { engineId: string; id: string; tags: string[] };
const p = { same: (r: Row, id: string) => r.id === id || r.tags.includes(id), idOf: (r: Row) => r.id };

describe('patchObject', () => {
  const rows: Row[] = [
    { engineId: 'd', id: 'sha256:a', tags: ['app:1'] },
    { engineId: 'p', id: 'sha256:a', tags: ['app:1'] },
  ];
  it('replaces the row an event names, on its engine only', () => {
    const next = patchObject(rows, p, 'd', 'sha256:a', { engineId: 'd', id: 'sha256:a', tags: ['app:1', 'app:2'] })!;
    expect(next[0]!.tags).toEqual(['app:1', 'app:2']);
    expect(next[1]).toBe(rows[1]);
  });
  it('adds a new row, finds one named by reference, and drops a gone one', () => {
    expect(patchObject(rows, p, 'd', 'new:1', { engineId: 'd', id: 'sha256:b', tags: ['new:1'] })!.length).toBe(3);
    expect(patchObject(rows, p, 'd', 'app:1', null)!.map((r) => r.engineId)).toEqual(['p']);
    expect(patchObject(undefined, p, 'd', 'x', null)).toBeUndefined();
  });
});

async function entries(stream: NodeJS.ReadableStream): Promise<string[]> {
  const names: string[] = [];
  const extract = tar.extract();
  extract.on('entry', (h, s, next) => {
    names.push(h.name);
    expect(h.uid).toBe(0);
    s.resume();
    s.on('end', next);
  });
  await new Promise((resolve, reject) => {
    extract.on('finish', () => resolve(undefined));
    extract.on('error', reject);
    stream.pipe(extract);
  });
  return names.sort();
}

describe('packContext', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-pack-'));
  for (const [rel, text] of Object.entries({
    Dockerfile: 'FROM x\n',
    '.dockerignore': '*.log\nsecret.txt\nnode_modules\n**/tmp\nDockerfile\n.dockerignore\n',
    'a.txt': 'a',
    'b.log': 'b',
    'secret.txt': 's',
    'node_modules/m/index.js': 'm',
    'src/tmp/t.txt': 't',
    'src/main.txt': 'm',
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }

  it('leaves out what .dockerignore excludes, but always sends the Dockerfile and .dockerignore', async () => {
    const names = (await entries(packContext(dir))).filter((n) => !n.endsWith('/') && n !== '.' && n !== 'src');
    expect(names).toEqual(['.dockerignore', 'Dockerfile', 'a.txt', 'src/main.txt']);
  });

  it('honours exceptions (!) inside excluded folders', () => {
    fs.writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n!node_modules/m/index.js\n');
    const excluded = contextFilter(dir);
    expect(excluded('node_modules/other.js')).toBe(true);
    expect(excluded('node_modules/m/index.js')).toBe(false);
  });
});

describe('upload paths and the renderer pre-filter', () => {
  it('refuses paths that leave the context', () => {
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', 'C:/x', '']) expect(() => safeRelative(bad)).toThrow(/not a path inside/);
    expect(safeRelative('./a/b.txt')).toBe('a/b.txt');
    expect(safeRelative('a\\b.txt')).toBe('a/b.txt');
  });

  it('skips only what plain lines name, and nothing when exceptions exist', () => {
    const ex = plainExclusions('# c\nnode_modules/\n/dist\n*.log\nDockerfile\n');
    expect(['node_modules/a.js', 'dist', 'dist/x', 'a.log', 'Dockerfile', 'src/node_modules/x'].map(ex)).toEqual([true, true, true, false, false, false]);
    expect(plainExclusions('node_modules\n!node_modules/keep')('node_modules/a')).toBe(false);
  });
});

describe('eventStream', () => {
  it('yields what the operation emits, then its result; an in-stream error becomes words', async () => {
    const out: number[] = [];
    for await (const v of eventStream<number>(undefined, 'Pulling x', async (emit) => (emit(1), emit(2), 3))) out.push(v);
    expect(out).toEqual([1, 2, 3]);
    const failing = eventStream<number>(undefined, 'Pushing x', async () => {
      throw new ProgressStreamError('denied: requested access to the resource is denied');
    });
    await expect(failing.next()).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', message: 'Pushing x failed: denied: requested access to the resource is denied' });
  });

  it('aborts the operation when the client leaves', async () => {
    let aborted = false;
    const it = eventStream<number>(undefined, 'Building', (emit, signal) => {
      emit(1);
      return new Promise((_r, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(new CancelledError('Building')))));
    });
    expect((await it.next()).value).toBe(1);
    await it.return(undefined);
    expect(aborted).toBe(true);
    expect(asRpcError(new CancelledError('Building'), 'Building').code).toBe('CLIENT_CLOSED_REQUEST');
  });
});
