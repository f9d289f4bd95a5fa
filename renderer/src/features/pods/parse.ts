// What users type in the pod forms, read into the contract's shapes (pure; unit-tested).

export interface ParsedPort {
  containerPort: number;
  hostPort?: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIp?: string;
}

const port = (s: string, what: string): number => {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 65535) throw new Error(`${what} "${s}" is not a port (1-65535)`);
  return n;
};

/**
 * "8080:80, 127.0.0.1:5353:53/udp, 9000" as `podman pod create -p` reads them:
 * [ip:][hostPort:]containerPort[/protocol], separated by commas or spaces.
 */
export function parsePorts(text: string): ParsedPort[] {
  const out: ParsedPort[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const [spec, proto = 'tcp'] = item.split('/');
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new Error(`"${item}": the protocol must be tcp, udp or sctp`);
    const m = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+):)?(\d+)$/.exec(spec ?? '');
    if (!m) throw new Error(`"${item}" is not a port mapping: use hostPort:containerPort, e.g. 8080:80`);
    out.push({
      containerPort: port(m[3]!, 'container port'),
      ...(m[2] ? { hostPort: port(m[2], 'host port') } : {}),
      protocol: proto as ParsedPort['protocol'],
      ...(m[1] ? { hostIp: m[1].replace(/^\[|\]$/g, '') } : {}),
    });
  }
  return out;
}

/** "key=value" per line (or comma-separated); a key alone has an empty value. */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const raw of text.split(/\n|,(?=[^=,]+=)/)) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!key || /\s/.test(key)) throw new Error(`"${line}": a label is key=value, and the key has no spaces`);
    labels[key] = eq < 0 ? '' : line.slice(eq + 1).trim();
  }
  return labels;
}

/** A command line split into words as a POSIX shell would (quotes and backslashes), without expansion. */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) word += text[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`the command has an unclosed ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}
