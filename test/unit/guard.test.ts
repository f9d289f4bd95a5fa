import { describe, expect, it } from 'vitest';
import { cookieToken, judge, sameToken } from '../../electron/serve/guard';

const TOKEN = 'secret-token-value';
const req = (headers: Record<string, string>) => ({ headers });

describe('serve guard', () => {
  it('accepts the token from the URL, then from the cookie', () => {
    expect(judge(req({ host: '127.0.0.1:8080' }), TOKEN, 8080, { websocket: false, queryToken: TOKEN })).toEqual({ ok: true });
    expect(judge(req({ host: 'localhost:8080', cookie: `a=1; berth_token=${TOKEN}` }), TOKEN, 8080, { websocket: false })).toEqual({ ok: true });
  });

  it('refuses a request without the token, or with a wrong one', () => {
    expect(judge(req({ host: '127.0.0.1:8080' }), TOKEN, 8080, { websocket: false })).toMatchObject({ ok: false, status: 401 });
    expect(judge(req({ host: '127.0.0.1:8080' }), TOKEN, 8080, { websocket: false, queryToken: 'nope' })).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', () => {
    expect(judge(req({ host: 'evil.example:8080', cookie: `berth_token=${TOKEN}` }), TOKEN, 8080, { websocket: false })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a WebSocket from a foreign or missing Origin even with the token', () => {
    const cookie = `berth_token=${TOKEN}`;
    expect(judge(req({ host: '127.0.0.1:8080', cookie, origin: 'http://evil.example' }), TOKEN, 8080, { websocket: true })).toMatchObject({ ok: false, status: 403 });
    expect(judge(req({ host: '127.0.0.1:8080', cookie }), TOKEN, 8080, { websocket: true })).toMatchObject({ ok: false, status: 403 });
    expect(judge(req({ host: '127.0.0.1:8080', cookie, origin: 'http://127.0.0.1:8080' }), TOKEN, 8080, { websocket: true })).toEqual({ ok: true });
  });

  it('compares tokens in constant time and parses cookies', () => {
    expect(sameToken(undefined, TOKEN)).toBe(false);
    expect(sameToken('short', TOKEN)).toBe(false);
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(cookieToken('x=1; berth_token=abc=def')).toBe('abc=def');
  });
});
