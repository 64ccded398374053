import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The client address on whose behalf code runs, carried through promises and event listeners.
 * Domain events say who did what, not from where; the edges set the address once (HTTP: `req.ip`
 * under TRUST_PROXY; socket.io and collab: the handshake's) and the audit log reads it when an
 * event it records is emitted, synchronously, inside the same call.
 */
const scope = new AsyncLocalStorage<{ address: string | null }>();

export function withAuditAddress<T>(address: string | null | undefined, run: () => T): T {
  return scope.run({ address: address ?? null }, run);
}

/** The address of the request being served; null outside any (timers, the server's own jobs). */
export function currentAuditAddress(): string | null {
  return scope.getStore()?.address ?? null;
}
