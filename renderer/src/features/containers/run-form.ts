// The Run dialog's text fields turned into the contract's RunSpec parts. Pure, so every
// rule is unit-tested; errors name the line and say what is expected.

export class FormError extends Error {}

/** Splits a command line as a shell would for words and quotes (no expansion). */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw new FormError(`The command has an unclosed ${quote === '"' ? 'double' : 'single'} quote.`);
  if (inWord) out.push(cur);
  return out;
}

export interface PortSpec {
  hostIp?: string;
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

function portNumber(text: string, line: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) throw new FormError(`"${line}": ${text || 'an empty port'} is not a port (1-65535).`);
  return n;
}

/** "8080:80", "127.0.0.1:8080:80/udp", "80" (the engine picks the host port). */
export function parsePort(line: string): PortSpec {
  const m = /^(?:(.*):)?([^:/]*)(?:\/(tcp|udp|sctp))?$/i.exec(line.trim());
  if (!m) throw new FormError(`"${line}" is not a port mapping: write host:container[/tcp|udp], as in 8080:80.`);
  const protocol = (m[3]?.toLowerCase() ?? 'tcp') as PortSpec['protocol'];
  const containerPort = portNumber(m[2]!, line);
  if (m[1] === undefined) return { containerPort, protocol };
  const hostPart = m[1];
  const colon = hostPart.lastIndexOf(':');
  const hostIp = colon >= 0 ? hostPart.slice(0, colon).replace(/^\[|\]$/g, '') : undefined;
  const hostPortText = colon >= 0 ? hostPart.slice(colon + 1) : hostPart;
  return { ...(hostIp ? { hostIp } : {}), ...(hostPortText ? { hostPort: portNumber(hostPortText, line) } : {}), containerPort, protocol };
}

export interface MountSpec {
  type: 'bind' | 'volume';
  source: string;
  target: string;
  readOnly: boolean;
}

/** "/host/path:/in/container[:ro]" (bind), "name:/data" (volume), "/data" (anonymous volume). */
export function parseMount(line: string): MountSpec {
  const parts = line.trim().split(':');
  let readOnly = false;
  if (parts.length > 1 && /^(ro|rw)$/.test(parts.at(-1)!)) readOnly = parts.pop() === 'ro';
  if (parts.length === 1) {
    if (!parts[0]!.startsWith('/')) throw new FormError(`"${line}": the path inside the container must be absolute.`);
    return { type: 'volume', source: '', target: parts[0]!, readOnly };
  }
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new FormError(`"${line}" is not a mount: write source:/path[:ro].`);
  const [source, target] = parts as [string, string];
  if (!target.startsWith('/')) throw new FormError(`"${line}": the path inside the container must be absolute.`);
  const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  return { type: bind ? 'bind' : 'volume', source, target, readOnly };
}

export interface EnvRow {
  key: string;
  value: string;
}

/** A .env file: KEY=VALUE lines, # comments, optional `export`, quoted values. */
export function parseEnvFile(text: string): EnvRow[] {
  const rows: EnvRow[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    rows.push({ key: m[1]!, value });
  }
  return rows;
}

/** Non-empty lines of a multi-line field, each parsed; the first bad line throws. */
export function eachLine<T>(text: string, parse: (line: string) => T): T[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(parse);
}

/** "key=value" lines into labels. */
export function parseLabel(line: string): [string, string] {
  const eq = line.indexOf('=');
  if (eq === 0) throw new FormError(`"${line}": a label needs a key before "=".`);
  return eq < 0 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)];
}
