import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a worker thread's module is, for Piscina: beside the calling module when running from
 * source (tests and `npm run dev`, through tsx, which the worker then loads too), and
 * `<bundled>.js` beside the bundle in production (a tsup entry of its own, tsup.config.ts).
 */
export function workerFile(
  callerUrl: string,
  names: { source: string; bundled: string },
): { filename: string; execArgv: string[] } {
  const caller = fileURLToPath(callerUrl);
  const here = path.dirname(caller);
  if (caller.endsWith('.ts'))
    return { filename: path.join(here, `${names.source}.ts`), execArgv: ['--import', 'tsx'] };
  return { filename: path.join(here, `${names.bundled}.js`), execArgv: [] };
}
