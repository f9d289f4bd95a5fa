// The libpod module's version and path handling, down to the request a real modem sends.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engines/engine';
import { dialOptions, libpod, libpodPath, libpodVersion, libpodVersionFrom, reportErrors } from '../../electron/engines/libpod';

describe('libpodVersionFrom', () => {
  it("reads the Podman Engine component's APIVersion", () => {
    expect(libpodVersionFrom({ Version: '4.3.1', Components: [{ Name: 'Podman Engine', Version: '4.3.1', Details: { APIVersion: '4.3.1' } }] })).toBe('4.3.1');
    expect(libpodVersionFrom({ Version: '5.2.0', Components: [{ Name: 'Conmon' }, { Name: 'Podman Engine', Version: '5.2.0', Details: { APIVersion: '5.2.0' } }] })).toBe('5.2.0');
  });
  it('falls back to the component version, then the top-level version, and cuts suffixes', () => {
    expect(libpodVersionFrom({ Components: [{ Name: 'Podman Engine', Version: '4.9.4-dev' }] })).toBe('4.9.4');
    expect(libpodVersionFrom({ Version: 'v5.0.0-rc1' })).toBe('5.0.0');
    expect(libpodVersionFrom({ Version: '4.2' })).toBe('4.2.0');
  });
  it('refuses a /version without a version', () => {
    expect(() => libpodVersionFrom({ Components: [{ Name: 'Engine' }] })).toThrow(/Podman version/);
  });
});

describe('libpodPath and dialOptions', () => {
  it('puts the version in the path, never a pinned one', () => {
    expect(libpodPath('4.3.1', '/pods/json')).toBe('/v4.3.1/libpod/pods/json');
    expect(libpodPath('5.1.0', '/play/kube')).toBe('/v5.1.0/libpod/play/kube');
    expect(() => libpodPath('4.3', '/pods/json')).toThrow(/not a libpod API version/);
    expect(() => libpodPath('4.3.1', 'pods/json')).toThrow(/start with/);
  });
  it('hands the query to the modem, and sends every body as a Buffer (never the options as JSON)', () => {
    const get = dialOptions('4.3.1', { method: 'GET', path: '/pods/json', query: { filters: { id: ['abc'] }, all: true, skip: undefined } });
    expect(get).toMatchObject({ path: '/v4.3.1/libpod/pods/json?', method: 'GET', options: { _query: { filters: { id: ['abc'] }, all: true } } });
    expect(get['file']).toBeUndefined();
    const post = dialOptions('4.3.1', { method: 'POST', path: '/pods/x/start', accept: [304] });
    expect(post['path']).toBe('/v4.3.1/libpod/pods/x/start');
    expect((post['file'] as Buffer).length).toBe(0);
    expect((post['statusCodes'] as Record<number, unknown>)[304]).toBe(true);
    const yaml = dialOptions('4.3.1', { method: 'DELETE', path: '/play/kube', raw: { body: 'kind: Pod\n', contentType: 'application/x-yaml' } });
    expect((yaml['file'] as Buffer).toString()).toBe('kind: Pod\n');
    expect(yaml['headers']).toEqual({ 'Content-Type': 'application/x-yaml' });
  });
  it('reads per-container failures out of pod reports', () => {
    expect(reportErrors({ Id: 'x', Errs: null })).toBeUndefined();
    expect(reportErrors({ Id: 'x', Errs: [{ message: 'a failed' }, 'b failed'] })).toBe('a failed; b failed');
  });
});

describe('requests through a real modem', () => {
  const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];
  let server: http.Server;
  let socket: string;
  let versionCalls = 0;

  beforeAll(async () => {
    socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-libpod-')), 'fake.sock');
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/version') {
          versionCalls++;
          res.end(JSON.stringify({ Version: '4.7.2', Components: [{ Name: 'Podman Engine', Version: '4.7.2', Details: { APIVersion: '4.7.2' } }] }));
          return;
        }
        seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
        if (req.url?.includes('/missing/')) {
          res.statusCode = 404;
          res.end(JSON.stringify({ cause: 'no such pod', message: 'no pod with name or ID missing found: no such pod', response: 404 }));
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify([]));
      });
    });
    await new Promise<void>((r) => server.listen(socket, r));
  });
  afterAll(() => server?.close());

  const fakeEngine = () => ({ docker: new Docker({ socketPath: socket }), snapshot: { kind: 'podman', name: 'fake', version: '4.7.2' } }) as unknown as Engine;

  it('asks /version once, then sends the exact path, query and body', async () => {
    const engine = fakeEngine();
    expect(await libpodVersion(engine)).toBe('4.7.2');
    await libpod(engine, { method: 'GET', path: '/containers/json', query: { all: true, filters: { pod: ['a', 'b'] } } });
    await libpod(engine, { method: 'GET', path: '/generate/kube', query: { names: ['p1', 'p2'], service: false } });
    await libpod(engine, { method: 'POST', path: '/play/kube', raw: { body: 'kind: Pod\n', contentType: 'application/x-yaml' } });
    await libpod(engine, { method: 'POST', path: '/pods/create', json: { name: 'p' } });
    expect(versionCalls).toBe(1);
    expect(seen.map((s) => s.url)).toEqual([
      `/v4.7.2/libpod/containers/json?all=true&filters=${encodeURIComponent('{"pod":["a","b"]}')}`,
      '/v4.7.2/libpod/generate/kube?names=p1&names=p2&service=false',
      '/v4.7.2/libpod/play/kube',
      '/v4.7.2/libpod/pods/create',
    ]);
    expect(seen[2]).toMatchObject({ method: 'POST', type: 'application/x-yaml', body: 'kind: Pod\n' });
    expect(seen[3]).toMatchObject({ type: 'application/json', body: '{"name":"p"}' });
  });

  it("keeps the engine's words for an error", async () => {
    await expect(libpod(fakeEngine(), { method: 'POST', path: '/pods/missing/start' })).rejects.toMatchObject({
      statusCode: 404,
      json: { message: 'no pod with name or ID missing found: no such pod' },
    });
  });

  it('refuses an engine that is not Podman before sending anything', async () => {
    const docker = { docker: new Docker({ socketPath: socket }), snapshot: { kind: 'docker', name: 'dockerd' } } as unknown as Engine;
    const before = seen.length;
    await expect(libpod(docker, { method: 'GET', path: '/pods/json' })).rejects.toThrow(/Podman feature; dockerd is Docker Engine/);
    expect(seen.length).toBe(before);
  });
});
