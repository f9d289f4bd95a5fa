// Small display helpers shared by the tables.
export function relativeTime(unixSeconds: number, now = Date.now()): string {
  const s = Math.max(0, Math.round(now / 1000 - unixSeconds));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function formatPorts(ports: { ip?: string; privatePort: number; publicPort?: number; type: string }[]): string {
  const seen = new Set<string>();
  for (const p of ports) {
    const host = p.publicPort ? `${p.ip && p.ip !== '0.0.0.0' && p.ip !== '::' ? `${p.ip}:` : ''}${p.publicPort}→` : '';
    seen.add(`${host}${p.privatePort}/${p.type}`);
  }
  return [...seen].join(', ');
}
