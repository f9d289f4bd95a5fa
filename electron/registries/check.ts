// Do these credentials work? Asks the registry itself (Docker Registry HTTP API v2):
// GET /v2/ with basic auth, or, when it answers with a Bearer challenge, its token
// realm with basic auth, as the engines do before a push.

export interface CheckResult {
  ok: boolean;
  message: string;
}

/** Loopback registries speak plain HTTP (engines treat 127.0.0.0/8 as insecure); others HTTPS. */
export function registryBase(host: string): string {
  const bare = host.replace(/:\d+$/, '');
  const insecure = bare === 'localhost' || /^127\./.test(bare) || bare === '[::1]';
  return `${insecure ? 'http' : 'https'}://${host}`;
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function challenge(header: string | null): { scheme: string; params: Record<string, string> } | undefined {
  if (!header) return undefined;
  const m = /^(\w+)\s+(.*)$/.exec(header.trim());
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)="([^"]*)"/g)) params[p[1]!] = p[2]!;
  return { scheme: m[1]!.toLowerCase(), params };
}

export async function checkCredentials(host: string, username: string, password: string, fetchImpl: typeof fetch = fetch): Promise<CheckResult> {
  const url = `${registryBase(host)}/v2/`;
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: { authorization: basic(username, password) }, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    return { ok: false, message: `${host} cannot be reached (${(err as Error).message}).` };
  }
  if (res.ok) return { ok: true, message: `Signed in to ${host} as ${username}.` };
  const c = challenge(res.headers.get('www-authenticate'));
  if (res.status === 401 && c?.scheme === 'bearer' && c.params.realm) {
    const realm = new URL(c.params.realm);
    if (c.params.service) realm.searchParams.set('service', c.params.service);
    const token = await fetchImpl(realm, { headers: { authorization: basic(username, password) }, signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    if (token?.ok) return { ok: true, message: `Signed in to ${host} as ${username}.` };
    if (token && (token.status === 401 || token.status === 403)) return { ok: false, message: `${host} refused the user name or password (HTTP ${token.status}).` };
    return { ok: false, message: `${host}'s token service did not answer as expected${token ? ` (HTTP ${token.status})` : ''}.` };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, message: `${host} refused the user name or password (HTTP ${res.status}).` };
  return { ok: false, message: `${host} answered /v2/ with HTTP ${res.status}: is it a container registry?` };
}
