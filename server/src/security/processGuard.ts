import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

/**
 * The request (or upgrade) on whose behalf code runs, carried through callbacks and promises,
 * so that an error nobody caught can still be logged with the request that caused it.
 */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs `handle` in a fresh request scope. The id is also set as `req.id`, which pino-http
 * keeps, so the access log and an error logged by the guard name the same request.
 */
export function inRequestScope<T>(req: IncomingMessage & { id?: unknown }, handle: () => T): T {
  const requestId = randomUUID();
  req.id = requestId;
  return requestScope.run({ requestId }, handle);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/**
 * Once the server is serving, nothing a request triggers may end the process: an uncaught
 * exception or an unhandled rejection is logged with its request id and the process goes on
 * (decision 0031). Startup is not guarded: a server that cannot start should stop.
 */
export function guardProcess(logger: Logger, target: NodeJS.Process = process) {
  target.on('unhandledRejection', (reason) => {
    logger.error({ err: reason, requestId: currentRequestId() }, 'unhandled rejection');
  });
  target.on('uncaughtException', (err, origin) => {
    logger.error({ err, origin, requestId: currentRequestId() }, 'uncaught exception');
  });
}
