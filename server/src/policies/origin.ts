/**
 * Whether a browser's `Origin` is our own: the configured public origin when there is one,
 * else the host the request was sent to. Cookie-authenticated requests (REST mutations, the
 * socket.io handshake, the collaboration upgrade) from any other origin are refused, so one
 * rule serves http, realtime and collab alike.
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  publicOrigin: string | undefined,
): boolean {
  if (publicOrigin) return origin === new URL(publicOrigin).origin;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
