import type { ContainerInspectInfo } from 'dockerode';
import { describe, expect, it } from 'vitest';
import { humanDuration, rowFromInspect, statusText } from '../../electron/engines/rows';

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('status words as docker ps prints them', () => {
  it.each([
    [500, 'Less than a second'],
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [90_000, 'About a minute'],
    [10 * 60_000, '10 minutes'],
    [3600_000, 'About an hour'],
    [5 * 3600_000, '5 hours'],
    [3 * 86400_000, '3 days'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

  it('words each state', () => {
    const base = { StartedAt: '2026-01-01T11:59:30Z', FinishedAt: '2026-01-01T11:50:00Z', ExitCode: 137 } as ContainerInspectInfo['State'];
    expect(statusText({ ...base, Status: 'running' }, NOW)).toBe('Up 30 seconds');
    expect(statusText({ ...base, Status: 'paused' }, NOW)).toBe('Up 30 seconds (Paused)');
    expect(statusText({ ...base, Status: 'exited' }, NOW)).toBe('Exited (137) 10 minutes ago');
    expect(statusText({ ...base, Status: 'created', FinishedAt: '0001-01-01T00:00:00Z' }, NOW)).toBe('Created');
  });
});

describe('rowFromInspect', () => {
  it('maps names, ports (bound and only exposed) and times', () => {
    const row = rowFromInspect(
      'docker-1',
      {
        Id: 'abc',
        Name: '/web',
        Created: '2026-01-01T11:00:00Z',
        Path: 'httpd',
        Args: ['-f', '-p', '8080'],
        Image: 'sha256:1',
        Config: { Image: 'berth-base:latest', Labels: { a: 'b' } },
        State: { Status: 'running', StartedAt: '2026-01-01T11:59:00Z', FinishedAt: '', ExitCode: 0 },
        NetworkSettings: { Ports: { '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '18080' }], '53/udp': null } },
      } as unknown as ContainerInspectInfo,
      NOW,
    );
    expect(row).toMatchObject({
      name: 'web',
      image: 'berth-base:latest',
      command: 'httpd -f -p 8080',
      state: 'running',
      status: 'Up About a minute',
      created: Date.parse('2026-01-01T11:00:00Z') / 1000,
      labels: { a: 'b' },
    } as never);
  });
});
