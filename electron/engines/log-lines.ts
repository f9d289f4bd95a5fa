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

/**
 * A point in time as the engine gives it, normalised to UTC with nine fraction digits
 * ("2024-05-01T10:00:00.123456789Z"), so that plain string comparison orders it.
 */
export type TimeKey = string;

let cachedPrefix = '';
let cachedMs = 0;

/** Splits "2024-05-01T10:00:00.123456789Z text" into the time and the text. Hot: one call per line. */
export function splitTimestamp(line: string): { key: TimeKey; iso: string; text: string } | undefined {
  const sp = line.indexOf(' ');
  // Fast path, the engines' usual form: UTC ("Z").
  if (sp >= 20 && line.charCodeAt(sp - 1) === 90 /* Z */ && line.charCodeAt(10) === 84 /* T */ && line.charCodeAt(4) === 45) {
    const frac = line.charCodeAt(19) === 46 /* . */ ? line.slice(20, sp - 1) : '';
    if (/^\d{0,9}$/.test(frac)) {
      const base = line.slice(0, 19);
      const frac9 = frac.padEnd(9, '0');
      return { key: `${base}.${frac9}Z`, iso: `${base}.${frac9.slice(0, 6)}Z`, text: line.slice(sp + 1) };
    }
  }
  const m = TS.exec(line);
  if (!m) return undefined;
  const prefix = `${m[1]}${m[3]}`;
  if (prefix !== cachedPrefix) {
    cachedMs = Date.parse(prefix);
    cachedPrefix = prefix;
  }
  if (Number.isNaN(cachedMs)) return undefined;
  const frac9 = (m[2] ?? '').padEnd(9, '0');
  const base = new Date(cachedMs).toISOString().slice(0, 19);
  return { key: `${base}.${frac9}Z`, iso: `${base}.${frac9.slice(0, 6)}Z`, text: line.slice(m[0].length) };
}

/** The engine's `since` parameter for a time key: "seconds.nanoseconds". */
export function sinceParam(key: TimeKey): string {
  const seconds = Math.floor(Date.parse(`${key.slice(0, 19)}Z`) / 1000);
  return `${seconds}.${key.slice(20, 29)}`;
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
