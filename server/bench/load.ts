import { ProviderClient, type EditingClient } from './clients.js';
import { wireEndpoint, type Target } from './target.js';
import type { TokenLedger } from './tokens.js';
import { closeAll } from './drive.js';
import { mapLimit } from './util.js';
import { WireClient } from './wire.js';

/**
 * Opens `count` clients on one document: the first `fullClients` are stock providers (full
 * replicas, used for the convergence check), the rest are wire clients. Every frame any of
 * them receives is shown to the ledger, which records the arrival of each token.
 */
export async function openClients(
  target: Target,
  docName: string,
  count: number,
  options: { fullClients: number; ledger?: TokenLedger; concurrency?: number },
): Promise<EditingClient[]> {
  const { ledger } = options;
  const clients: EditingClient[] = Array.from({ length: count }, (_, i) => {
    const probe = ledger
      ? { onFrame: (b: Uint8Array, at: number) => ledger.observe(i, b, at) }
      : {};
    return i < options.fullClients
      ? new ProviderClient(target, docName, i, probe)
      : new WireClient(wireEndpoint(target, docName, i), docName, i, probe);
  });
  try {
    await mapLimit(clients, options.concurrency ?? 20, (c) => c.connect());
  } catch (err) {
    closeAll(clients);
    throw err;
  }
  return clients;
}
