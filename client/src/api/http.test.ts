import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { api, apiUrl } from './http';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the HTTP client', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.patch('/me', { language: 'el' })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/me');
    expect(init.method).toBe('PATCH');
    expect(init.credentials).toBe('include');
    expect(init.body).toBe('{"language":"el"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns an error body into an ApiError with code, status and field details', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        jsonResponse(400, {
          error: {
            code: 'validation_failed',
            message: 'Invalid',
            details: [
              { path: 'countries.1', code: 'invalid_format', message: 'must be a code' },
              { path: 'title', code: 'too_long', limit: 200, message: 'too long' },
            ],
          },
        }),
      ),
    );
    const error = await api.post('/documents', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.status).toBe(400);
    expect(apiError.fieldErrors()).toEqual({
      countries: { path: 'countries.1', code: 'invalid_format', message: 'must be a code' },
      title: { path: 'title', code: 'too_long', limit: 200, message: 'too long' },
    });
  });

  it('keeps the reason that says why, as with a refused password', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        jsonResponse(400, {
          error: { code: 'password_too_weak', message: 'Too weak', reason: 'contains_email' },
        }),
      ),
    );
    await expect(api.post('/auth/password', {})).rejects.toMatchObject({
      code: 'password_too_weak',
      reason: 'contains_email',
    });
  });

  it('names a failure without a JSON body by its status where that is unambiguous', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>', { status: 429 })));
    await expect(api.get('/activity')).rejects.toMatchObject({ code: 'rate_limited', status: 429 });
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>', { status: 502 })));
    await expect(api.get('/activity')).rejects.toMatchObject({
      code: 'unexpected_response',
      status: 502,
    });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/auth/me')).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('answers 204 with nothing', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('leaves empty filters out of the query string', () => {
    expect(
      apiUrl('/documents', { priority: 'skills', kind: undefined, status: '', country: null }),
    ).toBe('/api/documents?priority=skills');
  });
});
