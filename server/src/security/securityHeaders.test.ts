import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';

/**
 * Issue 11, finding 7: no CSP, nosniff, frame protection or Referrer-Policy anywhere, no HSTS
 * behind https, and the bundle's source maps were public. The real server answers with a
 * stand-in client build (an index.html, a script and its source map) in a temporary folder.
 */
const TOKEN = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PAGES = ['/', '/api/health', '/api/auth/me', `/invite/${TOKEN}`, `/api/invitations/${TOKEN}`];

let clientDist: string;
let plain: TestServer;
let secure: TestServer;

beforeAll(async () => {
  clientDist = mkdtempSync(path.join(tmpdir(), 'polisee-dist-'));
  mkdirSync(path.join(clientDist, 'assets'));
  writeFileSync(
    path.join(clientDist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index.js"></script>',
  );
  writeFileSync(
    path.join(clientDist, 'assets/index.js'),
    'export {};\n//# sourceMappingURL=index.js.map',
  );
  writeFileSync(
    path.join(clientDist, 'assets/index.js.map'),
    '{"version":3,"sources":["secret.ts"]}',
  );
  plain = await startTestServer({ env: { CLIENT_DIST: clientDist } });
  secure = await startTestServer({
    env: { CLIENT_DIST: clientDist, PUBLIC_ORIGIN: 'https://polisee.example.org' },
  });
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
  rmSync(clientDist, { recursive: true, force: true });
});

/** The CSP as a map from directive to its sources. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('security headers', () => {
  it.each(PAGES)('%s carries the CSP, nosniff, frame denial and no-referrer', async (page) => {
    const res = await fetch(plain.baseUrl + page);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // HSTS over plain http would lock a local install out of itself.
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('the client pages are the app, not an error that happens to carry headers', async () => {
    for (const page of ['/', `/invite/${TOKEN}`]) {
      const res = await fetch(plain.baseUrl + page);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('/assets/index.js');
    }
  });

  it('pins https and names the secure websocket origin when PUBLIC_ORIGIN is https', async () => {
    for (const page of PAGES) {
      const res = await fetch(secure.baseUrl + page);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('connect-src')).toEqual(["'self'", 'wss://polisee.example.org']);
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
    }
  });

  it('serves the bundle but never its source maps, however the name is spelled', async () => {
    expect((await fetch(`${plain.baseUrl}/assets/index.js`)).status).toBe(200);
    for (const map of ['/assets/index.js.map', '/assets/index.js%2emap', '/assets/index.js.MAP']) {
      const res = await fetch(plain.baseUrl + map);
      expect(res.status, map).toBe(404);
      expect(await res.text(), map).not.toContain('secret.ts');
    }
  });
});
