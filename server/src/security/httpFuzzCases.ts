/** A seeded PRNG (mulberry32): the same seed gives the same cases on every run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}
type Random = ReturnType<typeof seededRandom>;

export interface FuzzCase {
  kind: 'http' | 'upgrade';
  /** What the case is made of, to name it when it fails. */
  label: string;
  bytes: Buffer;
}

export interface FuzzTargets {
  /** A real document id and a signed-in session, so authenticated routes decode their params. */
  documentId: string;
  cookie: string;
  origin: string;
}

// prettier-ignore
const MALFORMED = [
  '%', '%E0%A4%A', '%zz', '%C0%AF', '%00', '%FF', '%ED%A0%80', '%%', '%2', '%u0041',
  '%F4%90%80%80', '%2e%2e%2f', '%252F', '%C3', '%E2%82', '%F0%9F%98', '\u00e9t\u00e9', '\x00',
  '\x7f', '\\', '..', '%20', '%0d%0a', ';', '@', '~', '\u{1F600}',
];
// prettier-ignore
const METHODS = [
  'GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS',
  'TRACE', 'CONNECT', 'PROPFIND', 'FOO', 'get', 'G\x00T', 'A'.repeat(300), 'M-SEARCH',
];
// prettier-ignore
const VERSIONS = [
  'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0',
  'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/1.x', 'HTTP/1.1 extra',
];

function basePaths(t: FuzzTargets) {
  // prettier-ignore
  return [
    '/', '/api/health', '/api/documents', `/api/documents/${t.documentId}`,
    `/api/documents/${t.documentId}/threads`, '/api/invitations/abc', '/api/auth/login',
    '/api/templates/x', '/collab/', `/collab/${t.documentId}`, '/collab', '/socket.io/',
    '/socket.io/?EIO=4&transport=websocket', '/socket.io/?EIO=4&transport=polling',
    '/socket.io/?EIO=3&transport=websocket', '/socket.io/?EIO=4&transport=websocket&sid=nope',
    '/socket.io/?EIO=4&transport=bogus', '/nothing-here', '/index.html', '/assets/app.js',
    '/documents/abc', '//', '/./', '/../..', '*',
  ];
}

function target(r: Random, t: FuzzTargets): string {
  let path = r.pick(basePaths(t));
  const mutations = r.chance(0.4) ? 0 : 1 + Math.floor(r.next() * 3);
  for (let i = 0; i < mutations; i++) {
    const m = r.next();
    if (m < 0.45) path += (path.endsWith('/') ? '' : '/') + r.pick(MALFORMED);
    else if (m < 0.6) path += `${path.includes('?') ? '&' : '?'}q=${r.pick(MALFORMED)}`;
    else if (m < 0.67) path += `#${r.pick(MALFORMED)}`;
    else if (m < 0.75) path = `http://127.0.0.1${path.startsWith('/') ? path : '/'}`;
    else if (m < 0.8) path += '/'.repeat(1 + Math.floor(r.next() * 50));
    else if (m < 0.84) path += 'a'.repeat(64 * 1024);
    else if (m < 0.9) path = path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
    else path += `/${'x'.repeat(Math.floor(r.next() * 2000))}`;
  }
  return path;
}

// prettier-ignore
const KEYS = ['dGhlIHNhbXBsZSBub25jZQ==', 'short', '', '!!!!!!!!!!!!!!!!!!!!!!==', 'a'.repeat(5000)];

/** Well-formed websocket headers, then none, one or two of them spoiled. */
function upgradeHeaders(r: Random, t: FuzzTargets): string[] {
  const h = new Map<string, string[]>([
    ['Connection', ['Upgrade']],
    ['Upgrade', ['websocket']],
    ['Sec-WebSocket-Version', ['13']],
    ['Sec-WebSocket-Key', [randomKey(r)]],
  ]);
  if (r.chance(0.3))
    h.set('Origin', [r.pick([t.origin, 'http://evil.example', 'null', '%', 'http://[', ''])]);
  const spoils = r.chance(0.4) ? 0 : 1 + Math.floor(r.next() * 2);
  for (let i = 0; i < spoils; i++) {
    const name = r.pick([
      'Connection',
      'Upgrade',
      'Sec-WebSocket-Version',
      'Sec-WebSocket-Key',
      'Sec-WebSocket-Protocol',
      'Sec-WebSocket-Extensions',
    ]);
    const values: Record<string, string[]> = {
      Connection: ['upgrade, keep-alive', 'close, Upgrade', 'keep-alive', ''],
      Upgrade: ['WebSocket', 'h2c', 'websocket, h2c', '', 'x'.repeat(1000)],
      'Sec-WebSocket-Version': ['8', '0', '99', '-1', '13, 13', 'abc', ''],
      'Sec-WebSocket-Key': KEYS,
      'Sec-WebSocket-Protocol': ['a, b', ',,,', 'x'.repeat(5000), '"quoted"', 'a, a', ''],
      'Sec-WebSocket-Extensions': [
        'permessage-deflate',
        'permessage-deflate; client_max_window_bits=99',
        'x;;;',
        '=',
        'permessage-deflate; server_no_context_takeover; server_no_context_takeover',
        'permessage-deflate; client_max_window_bits="8"',
      ],
    };
    const how = r.next();
    if (how < 0.15) h.delete(name);
    else if (how < 0.3) h.set(name, [...(h.get(name) ?? []), r.pick(values[name]!)]);
    else h.set(name, [r.pick(values[name]!)]);
  }
  return [...h].flatMap(([name, vs]) => vs.map((v) => `${name}: ${v}`));
}

/** Sec-WebSocket-Key is 16 bytes in base64; drawn from the seeded PRNG, not from randomBytes. */
function randomKey(r: Random) {
  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(r.next() * 256))).toString(
    'base64',
  );
}

function oddHeaders(r: Random, t: FuzzTargets): string[] {
  const h: string[] = [];
  const host = r.next();
  if (host < 0.85) h.push('Host: 127.0.0.1');
  else if (host < 0.9) h.push('Host: 127.0.0.1', 'Host: evil.example');
  else if (host < 0.93) h.push('Host: ');
  else if (host < 0.96) h.push(`Host: ${'h'.repeat(10_000)}`);
  else if (host < 0.98) h.push('Host: [::1');
  // else: no Host at all
  if (r.chance(0.3))
    h.push(
      `Cookie: ${r.pick([
        t.cookie,
        t.cookie,
        'polisee.sid=%',
        'polisee.sid=s%3Agarbage.sig',
        `a=${'c'.repeat(8000)}`,
        ';;;=',
        `${t.cookie}; ${t.cookie}`,
        'polisee.sid=s%3A%E0%A4%A.x',
      ])}`,
    );
  const n = Math.floor(r.next() * 3);
  for (let i = 0; i < n; i++) {
    h.push(
      r.pick([
        'X-Forwarded-For: garbage, , ::ffff:300.1.1.1',
        'Accept: */*',
        'Accept-Encoding: gzip, br',
        'X-Nul: a\x00b',
        'Bad Header: x',
        'X-Fold: a\r\n  continued',
        `X-Big: ${'b'.repeat(20_000)}`,
        'Expect: 100-continue',
        'Expect: nonsense',
        'Range: bytes=0-0,1-1,2-2',
        'If-None-Match: *',
        'Accept-Language: ' + 'x,'.repeat(500),
        'Content-Type: text/%',
        ':: :',
        'X-Unicode: \u00e9\u{1F600}',
        'Authorization: Bearer %',
        'Referer: %',
        'Transfer-Encoding: gzip',
        'Connection: close',
        'Connection: \u00e9',
      ]),
    );
  }
  if (r.chance(0.02)) for (let i = 0; i < 200; i++) h.push(`X-Many-${i}: ${i}`);
  return h;
}

// prettier-ignore
const BODIES = [
  '{}', '{"email":"a@b.c","password":"wrong-password"}', '{"a":', '[]', 'null', '"x"',
  '{"title":"%","kind":"x"}', '\x00'.repeat(100), 'a=b&c=%', '{"__proto__":{"x":1}}',
];

// prettier-ignore
const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-16', 'text/plain',
  'application/json; charset=%', 'multipart/form-data',
];

function body(r: Random): { headers: string[]; bytes: Buffer } {
  const kind = r.next();
  const text = Buffer.from(r.chance(0.1) ? '' : r.pick(BODIES), 'latin1');
  const data =
    kind < 0.1 ? Buffer.from(Array.from({ length: 64 }, () => Math.floor(r.next() * 256))) : text;
  const headers = [`Content-Type: ${r.pick(CONTENT_TYPES)}`];
  if (r.chance(0.1))
    headers.push(`Content-Encoding: ${r.pick(['gzip', 'br', 'deflate', 'bogus'])}`);
  const framing = r.next();
  if (framing < 0.75)
    return { headers: [...headers, `Content-Length: ${data.length}`], bytes: data };
  if (framing < 0.82) {
    const chunked = Buffer.concat([
      Buffer.from(`${data.length.toString(16)}\r\n`),
      data,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    return { headers: [...headers, 'Transfer-Encoding: chunked'], bytes: chunked };
  }
  if (framing < 0.86)
    return { headers: [...headers, 'Transfer-Encoding: chunked'], bytes: Buffer.from('zz\r\n') };
  if (framing < 0.9) return { headers: [...headers, 'Content-Length: -1'], bytes: data };
  if (framing < 0.94) return { headers: [...headers, 'Content-Length: abc'], bytes: data };
  if (framing < 0.97)
    return {
      headers: [...headers, `Content-Length: ${data.length}`, `Content-Length: ${data.length + 1}`],
      bytes: data,
    };
  return {
    headers: [...headers, `Content-Length: ${data.length}`, 'Transfer-Encoding: chunked'],
    bytes: data,
  };
}

/**
 * `count` requests, half of them websocket upgrades, each complete as sent (so that a server
 * that neither answers nor closes is at fault, never the request), from a fixed seed.
 */
export function generateFuzzCases(count: number, seed: number, targets: FuzzTargets): FuzzCase[] {
  const r = seededRandom(seed);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const kind = r.chance(0.5) ? 'upgrade' : 'http';
    const method = kind === 'upgrade' && r.chance(0.8) ? 'GET' : r.pick(METHODS);
    const path = target(r, targets);
    const version = kind === 'upgrade' && r.chance(0.8) ? 'HTTP/1.1' : r.pick(VERSIONS);
    const headers = oddHeaders(r, targets);
    if (kind === 'upgrade') headers.push(...upgradeHeaders(r, targets));
    let payload: Buffer = Buffer.alloc(0);
    if (kind === 'http' && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && r.chance(0.8)) {
      const b = body(r);
      headers.push(...b.headers);
      payload = b.bytes;
    } else if (kind === 'http' && r.chance(0.3)) {
      headers.push('Connection: close');
    }
    const head = `${method} ${path} ${version}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`;
    cases.push({
      kind,
      label: `#${i} ${kind} ${JSON.stringify(`${method} ${path.slice(0, 80)}`)} ${headers.length} headers`,
      bytes: Buffer.concat([Buffer.from(head, 'utf8'), payload]),
    });
  }
  return cases;
}
