// "Copy diagnostics": what a bug report needs (versions, engines, endpoints, settings that
// are not secret) as plain text. Everything passes through redactSecrets before it leaves.
import type { EngineInfo } from '../api/schemas';
import type { Settings } from '../settings/store';

export interface DiagnosticsInput {
  appVersion: string;
  transport: 'electron' | 'berth serve';
  platform: string;
  arch: string;
  versions: Record<string, string | undefined>;
  engines: EngineInfo[];
  settings: Settings;
  now?: Date;
}

type Replacer = string | ((match: string) => string);

/** Random-looking: mixed case with digits (base64, base64url), or long hex. Slugs and words are not. */
const opaque = (m: string) => ((/[A-Z]/.test(m) && /[a-z]/.test(m) && /\d/.test(m)) || /^[0-9a-f]{32,}$/i.test(m) ? '[redacted]' : m);

const SECRET_PATTERNS: Array<[RegExp, Replacer]> = [
  // AWS access key ids (long-term AKIA, temporary ASIA, ...).
  [/\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, '[redacted-aws-key-id]'],
  // key=value / key: value pairs whose key names a secret.
  [/\b([A-Za-z_-]*(secret|password|passwd|token|credential|session|api[_-]?key|auth)[A-Za-z_-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1$3[redacted]'],
  // user:password@ in URLs.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+):[^@\s/]+@/gi, '$1:[redacted]@'],
  // Bearer and Basic authorization values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]'],
  // Long opaque strings (tokens, keys, base64 blobs): 32+ characters without separators.
  [/(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/=-]{32,}(?![A-Za-z0-9_+/=-])/g, opaque],
];

export function redactSecrets(text: string): string {
  let out = text;
  // Two calls because TypeScript picks one overload of replace per call.
  for (const [re, by] of SECRET_PATTERNS) out = typeof by === 'string' ? out.replace(re, by) : out.replace(re, by);
  return out;
}

export function diagnosticsText(d: DiagnosticsInput): string {
  const lines: string[] = [];
  lines.push(`Berth ${d.appVersion} (${d.transport})`);
  lines.push(`Date: ${(d.now ?? new Date()).toISOString()}`);
  lines.push(`OS: ${d.platform} ${d.arch}`);
  const versions = ['electron', 'chrome', 'node', 'v8']
    .filter((k) => d.versions[k])
    .map((k) => `${k} ${d.versions[k]}`)
    .join(', ');
  lines.push(`Runtime: ${versions}`);
  lines.push('', `Engines (${d.engines.length}):`);
  for (const e of d.engines) {
    const kind = e.kind === 'podman' ? 'Podman' : e.kind === 'docker' ? 'Docker' : 'unknown kind';
    const version = e.version ? ` ${e.version} (API ${e.apiVersion ?? '?'}, ${e.os ?? '?'}/${e.arch ?? '?'})` : '';
    lines.push(`- ${e.name} [${e.id}]: ${e.state}, ${kind}${version}`);
    lines.push(`  endpoint ${e.endpoint} (${e.source})`);
    if (e.reason && e.state !== 'connected') lines.push(`  reason: ${e.reason}`);
  }
  const s = d.settings;
  lines.push('', `Endpoints added by hand (${s.endpoints.length}):`);
  for (const ep of s.endpoints) lines.push(`- ${ep.name}: ${ep.endpoint}${ep.tls ? ' (TLS files set)' : ''}`);
  lines.push('', 'Settings:');
  lines.push(`  theme ${s.theme}; default engine ${s.defaultEngine ?? '(none)'}`);
  lines.push(`  AWS profile ${s.aws.profile ? 'set' : '(default chain)'}; region ${s.aws.region ?? '(default)'}; ECR registry host ${s.aws.ecrRegistryHost ?? '(AWS)'}`);
  return redactSecrets(lines.join('\n')) + '\n';
}
