import { describe, expect, it } from 'vitest';
import { Demuxer, LineQueue, LineSplitter, sinceParam, splitTimestamp } from '../../electron/engines/log-lines';
import { toSample } from '../../electron/engines/container-stats';
import { findMatches, highlightParts, RingBuffer, stripAnsi, type ViewLine } from '../../renderer/src/features/containers/detail/log-buffer';

const frame = (type: number, text: string) => {
  const body = Buffer.from(text);
  const head = Buffer.alloc(8);
  head[0] = type;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
};

describe('log stream parts', () => {
  it('demultiplexes stdout and stderr frames cut at any byte', () => {
    const all = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, 'out two\n')]);
    for (let cut = 1; cut < all.length; cut++) {
      const got: string[] = [];
      const d = new Demuxer((s, p) => got.push(`${s}:${p.toString()}`));
      d.push(all.subarray(0, cut));
      d.push(all.subarray(cut));
      expect(got.join('')).toBe('out:out one\nerr:err one\nout:out two\n');
    }
  });

  it('splits lines across chunks, including a UTF-8 character cut in two, and CRLF', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const bytes = Buffer.from('héllo\r\nwor');
    s.push(bytes.subarray(0, 2));
    s.push(bytes.subarray(2));
    s.push(Buffer.from('ld\npartial'));
    s.flush();
    expect(lines).toEqual(['héllo', 'world', 'partial']);
  });

  it('reads the engine timestamp to the nanosecond and writes it back as `since`', () => {
    const t = splitTimestamp('2024-05-01T10:00:00.123456789Z hello world')!;
    expect(t.text).toBe('hello world');
    expect(t.iso).toBe('2024-05-01T10:00:00.123456Z');
    expect(t.key).toBe('2024-05-01T10:00:00.123456789Z');
    expect(sinceParam(t.key)).toBe('1714557600.123456789');
    expect(splitTimestamp('2024-05-01T12:00:00.5+02:00 x')).toEqual({ key: '2024-05-01T10:00:00.500000000Z', iso: '2024-05-01T10:00:00.500000Z', text: 'x' });
    // Podman gives whole seconds.
    expect(splitTimestamp('2024-05-01T10:00:00Z y')).toEqual({ key: '2024-05-01T10:00:00.000000000Z', iso: '2024-05-01T10:00:00.000000Z', text: 'y' });
    expect(splitTimestamp('2024-05-01T10:00:00.9Z z')!.key > splitTimestamp('2024-05-01T10:00:00.10Z z')!.key).toBe(true);
    expect(splitTimestamp('no timestamp')).toBeUndefined();
  });

  it('bounds the waiting lines and counts what it dropped', () => {
    const q = new LineQueue(3);
    for (let i = 0; i < 10; i++) q.push({ s: 'out', text: String(i) });
    expect(q.take()).toEqual({ lines: ['7', '8', '9'].map((text) => ({ s: 'out', text })), dropped: 7 });
    expect(q.take()).toEqual({ lines: [], dropped: 0 });
  });
});

describe('log view buffer', () => {
  it('keeps the last N lines and reports what fell off', () => {
    const b = new RingBuffer<ViewLine>(3);
    for (let i = 0; i < 5; i++) b.push({ s: 'out', text: `l${i}` });
    expect(b.size).toBe(3);
    expect(b.toArray().map((l) => l.text)).toEqual(['l2', 'l3', 'l4']);
    expect(b.takeEvicted()).toBe(2);
    expect(findMatches(b, 'L3')).toEqual([1]);
    b.clear();
    expect(b.size).toBe(0);
  });

  it('highlights every match and strips terminal colour codes', () => {
    expect(highlightParts('abcABCx', 'bc')).toEqual([
      { text: 'a', hit: false },
      { text: 'bc', hit: true },
      { text: 'A', hit: false },
      { text: 'BC', hit: true },
      { text: 'x', hit: false },
    ]);
    expect(stripAnsi('\x1b[31mred\x1b[0m plain')).toBe('red plain');
  });
});

describe('stats', () => {
  it('computes CPU % and memory as docker stats does', () => {
    const s = toSample({
      read: '2024-05-01T10:00:01Z',
      cpu_stats: { cpu_usage: { total_usage: 2_000_000 }, system_cpu_usage: 20_000_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 1_000_000 }, system_cpu_usage: 10_000_000 },
      memory_stats: { usage: 10_000, limit: 1_000_000, stats: { inactive_file: 4_000 } },
      networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 5 }, { op: 'write', value: 7 }, { op: 'Total', value: 12 }] },
      pids_stats: { current: 3 },
    });
    expect(s).toEqual({ time: Date.parse('2024-05-01T10:00:01Z'), cpuPercent: 20, memUsage: 6_000, memLimit: 1_000_000, netRx: 11, netTx: 22, blkRead: 5, blkWrite: 7, pids: 3 });
  });
});
