// The rules that keep `berth serve` to its user: a random per-launch token, proven once
// by the URL and then by an HttpOnly cookie, and requests only from Berth's own origin
// (which also defeats DNS rebinding: the Host must be the loopback address we bound).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'berth_token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

/** The origins a page served by us can have: the bound loopback address and port. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * Decides on one request. `queryToken` counts only for the page load (it is then traded
 * for the cookie); the WebSocket must also come from our own Origin.
 */
export function judge(req: Pick<IncomingMessage, 'headers'>, token: string, port: number, opts: { websocket: boolean; queryToken?: string | null }): Verdict {
  const host = req.headers.host ?? '';
  if (!allowedOrigins(port).has(`http://${host}`)) {
    return { ok: false, status: 403, reason: `Host "${host}" is not this server's loopback address.` };
  }
  if (opts.websocket) {
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins(port).has(origin)) return { ok: false, status: 403, reason: `Origin "${origin ?? ''}" may not use this server.` };
  }
  const presented = opts.queryToken ?? cookieToken(req.headers.cookie) ?? bearer(req.headers.authorization);
  if (!sameToken(presented, token)) {
    return { ok: false, status: 401, reason: 'Missing or wrong token: open the URL that `berth serve` printed (it carries the token).' };
  }
  return { ok: true };
}

function bearer(h: string | undefined): string | undefined {
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
