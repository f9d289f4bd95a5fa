// The pieces of a log stream, pure so they are unit-tested: the engine's 8-byte frame
// headers (non-TTY containers multiplex stdout and stderr), lines split per stream,
// the timestamp the engine puts before each line, and a bounded batch queue.

export type StreamName = 'out' | 'err';

/**
 * Splits Docker's multiplexed stream: each frame is [type, 0, 0, 0, size(4, BE)] then
 * `size` bytes; type 1 is stdout, 2 stderr. Chunks may cut frames anywhere.
 */
export class Demuxer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly emit: (stream: StreamName, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    let buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let at = 0;
    while (buf.length - at >= 8) {
      const type = buf[at]!;
      const size = buf.readUInt32BE(at + 4);
      if (buf.length - at - 8 < size) break;
      if (size > 0) this.emit(type === 2 ? 'err' : 'out', buf.subarray(at + 8, at + 8 + size));
      at += 8 + size;
    }
    buf = at === 0 ? buf : buf.subarray(at);
    this.pending = buf.length ? [buf] : [];
    this.pendingBytes = buf.length;
  }
}

const MAX_LINE = 64 * 1024;

/** Turns bytes into lines, one splitter per stream (a partial line waits for its end). */
export class LineSplitter {
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly emit: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) >= 0) {
      this.emit(clip(text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl)));
      start = nl + 1;
    }
    this.rest = text.slice(start);
    if (this.rest.length > MAX_LINE) {
      this.emit(clip(this.rest));
      this.rest = '';
    }
  }

  flush(): void {
    if (this.rest) this.emit(clip(this.rest));
    this.rest = '';
  }
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)} …[line cut at 64 KiB]` : line;
}

const TS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) /;

/** Splits "2024-05-01T10:00:00.123456789Z text" into the time (ns since epoch) and the text. */
export function splitTimestamp(line: string): { ns: bigint; iso: string; text: string } | undefined {
  const m = TS.exec(line);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return undefined;
  const frac = (m[2] ?? '').padEnd(9, '0');
  const ns = BigInt(ms) * 1_000_000n + BigInt(frac);
  const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${frac.slice(0, 6)}Z`);
  return { ns, iso, text: line.slice(m[0].length) };
}

/** The engine's `since` parameter for a time in ns: "seconds.nanoseconds". */
export function sinceParam(ns: bigint): string {
  const s = ns / 1_000_000_000n;
  const rest = ns % 1_000_000_000n;
  return `${s}.${rest.toString().padStart(9, '0')}`;
}

export interface LogLine {
  s: StreamName;
  /** ISO time with microseconds, when the engine gave one. */
  ts?: string;
  text: string;
}

/**
 * Lines waiting to be sent. Bounded: when the reader falls behind a container that
 * writes faster than anyone can read, the oldest waiting lines are dropped and counted.
 */
export class LineQueue {
  private lines: LogLine[] = [];
  private head = 0;
  dropped = 0;

  constructor(private readonly cap: number) {}

  push(line: LogLine): void {
    this.lines.push(line);
    if (this.lines.length - this.head > this.cap) {
      this.head++;
      this.dropped++;
    }
    if (this.head > this.cap) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.lines.length - this.head;
  }

  take(): { lines: LogLine[]; dropped: number } {
    const out = { lines: this.lines.slice(this.head), dropped: this.dropped };
    this.lines = [];
    this.head = 0;
    this.dropped = 0;
    return out;
  }
}
