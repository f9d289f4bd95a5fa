// A bounded list of the newest items: pushing past the capacity forgets the oldest (pure; unit-tested).
export class LogRing<T> {
  private buf: T[] = [];
  constructor(readonly capacity: number) {}

  push(items: readonly T[]): void {
    if (items.length >= this.capacity) {
      this.buf = items.slice(items.length - this.capacity);
      return;
    }
    const over = this.buf.length + items.length - this.capacity;
    // Trim in chunks (a tenth of the capacity) so a steady stream does not shift the array per batch.
    if (over > 0) this.buf = this.buf.slice(Math.max(over, Math.min(this.buf.length, Math.ceil(this.capacity / 10))));
    for (const item of items) this.buf.push(item);
  }

  items(): readonly T[] {
    return this.buf;
  }

  clear(): void {
    this.buf = [];
  }
}
