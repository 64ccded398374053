/**
 * Preloaded into a server process by processGuard.test.ts (never by the server itself): on
 * SIGUSR2 it raises an unhandled rejection and an uncaught exception, the two faults the
 * process guard must survive once the server is serving.
 */
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('injected unhandled rejection'));
  setImmediate(() => {
    throw new Error('injected uncaught exception');
  });
});
