import type { EditingClient } from './clients.js';
import type { TokenLedger } from './tokens.js';
import { clock, seededRandom, sleep } from './util.js';

export function closeAll(clients: readonly EditingClient[]): void {
  for (const c of clients) {
    try {
      c.close();
    } catch {
      // closing is best effort: a client that failed to connect has nothing to close
    }
  }
}

/**
 * Each client appends one token every 1/rate seconds, at a random phase so that sends spread
 * over the interval. A late tick (a busy generator) sends what is due at once: the offered rate
 * holds on average, and each token carries its real send time, so lateness is not hidden.
 * `startAt` (bench clock) lets several generator threads begin together.
 */
export async function driveEdits(
  clients: readonly EditingClient[],
  ledger: TokenLedger,
  options: { seconds: number; editsPerSecond: number; seed?: number; startAt?: number },
): Promise<LoadWindow> {
  const interval = 1000 / options.editsPerSecond;
  const random = seededRandom(options.seed ?? 1);
  if (options.startAt !== undefined && options.startAt > clock()) {
    await sleep(options.startAt - clock());
  }
  const start = options.startAt ?? clock();
  const end = start + options.seconds * 1000;
  const due = clients.map(() => start + random() * interval);
  let sent = 0;
  let refused = 0;
  while (clock() < end) {
    const now = clock();
    for (let i = 0; i < clients.length; i++) {
      while (due[i]! <= now && due[i]! < end) {
        const client = clients[i]!;
        due[i]! += interval;
        const token = ledger.issue(client.index);
        if (!token) {
          refused++;
          continue;
        }
        ledger.sent(token.id);
        client.append(`${token.text} `);
        sent++;
      }
    }
    await sleep(2);
  }
  if (refused > 0) throw new Error(`the token ledger was too small: ${refused} edits not sent`);
  return { start, end: clock(), sent };
}

export interface LoadWindow {
  start: number;
  end: number;
  sent: number;
}
