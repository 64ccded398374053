/**
 * A minimal HTTP client for integration tests that keeps the session cookie like a browser
 * would, and sends our own Origin on mutations.
 */
export class TestClient {
  private cookie: string | null = null;
  constructor(readonly baseUrl: string) {}

  get sessionCookie() {
    return this.cookie;
  }

  async request(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any; headers: Headers; text: string }> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('polisee.sid='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'polisee.sid=' ? null : value;
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, json?: unknown) {
    return this.request('POST', path, json === undefined ? {} : { json });
  }
  patch(path: string, json: unknown) {
    return this.request('PATCH', path, { json });
  }
  put(path: string, json: unknown) {
    return this.request('PUT', path, { json });
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${res.text}`);
    return res.body;
  }
}
