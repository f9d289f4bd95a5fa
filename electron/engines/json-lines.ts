// Engines stream JSON objects one per line (events, progress). This splits the chunks
// into parsed objects; a line that is not JSON is skipped, as the CLIs do.

/** Returns a feeder for chunks; `flush` parses what is left when the stream ends. */
export function jsonLines<T>(onObject: (value: T) => void): { push(chunk: Buffer | string): void; flush(): void } {
  let buffered = '';
  const parse = (text: string) => {
    const line = text.trim();
    if (!line) return;
    let value: T;
    try {
      value = JSON.parse(line) as T;
    } catch {
      return;
    }
    onObject(value);
  };
  return {
    push(chunk) {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        parse(line);
      }
    },
    flush() {
      const rest = buffered;
      buffered = '';
      parse(rest);
    },
  };
}
