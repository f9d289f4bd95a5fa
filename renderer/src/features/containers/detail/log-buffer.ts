// The log view's memory: a ring buffer of the last N lines. However long a chatty
// container runs, the page holds at most `capacity` lines.
export interface ViewLine {
  s: 'out' | 'err' | 'notice';
  ts?: string;
  text: string;
}

export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private count = 0;
  /** Lines pushed out of the front since the last `takeEvicted()`. */
  private evicted = 0;

  constructor(readonly capacity: number) {
    this.items = new Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count++;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
      this.evicted++;
    }
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  takeEvicted(): number {
    const n = this.evicted;
    this.evicted = 0;
    return n;
  }

  clear(): void {
    this.items = new Array(this.capacity);
    this.start = 0;
    this.count = 0;
    this.evicted = 0;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.get(i)!);
    return out;
  }
}

/** Finds every line index whose text holds `query` (case-insensitive). */
export function findMatches(buffer: RingBuffer<ViewLine>, query: string): number[] {
  const q = query.toLowerCase();
  if (!q) return [];
  const out: number[] = [];
  for (let i = 0; i < buffer.size; i++) if (buffer.get(i)!.text.toLowerCase().includes(q)) out.push(i);
  return out;
}

/** Splits text around the matches of `query`, for <mark> highlighting. */
export function highlightParts(text: string, query: string): { text: string; hit: boolean }[] {
  if (!query) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  let i: number;
  while ((i = lower.indexOf(q, at)) >= 0) {
    if (i > at) parts.push({ text: text.slice(at, i), hit: false });
    parts.push({ text: text.slice(i, i + q.length), hit: true });
    at = i + q.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

// ANSI colour and cursor sequences: the list shows text, not terminal control codes.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*(\x07|\x1b\\)/g;
export const stripAnsi = (s: string) => (s.includes('\x1b') ? s.replace(ANSI, '') : s);
