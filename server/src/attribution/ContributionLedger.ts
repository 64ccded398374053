import type { ClientBinding, Contribution } from '@polisee/domain';
import type { Logger } from 'pino';
import type { Doc } from 'yjs';
import type { DecodedUpdate } from '../content/schemaGuard.js';
import type { ServiceContext } from '../services/context.js';
import { witnessUpdate, type WitnessedChange } from './witnessUpdate.js';

/** A room's view of who sent an update: enough to stamp it. */
interface Sender {
  readonly userId: string;
}

/** What one update did, as the room integrated it, waiting to be written. */
interface Witnessed {
  documentId: string;
  userId: string;
  at: string;
  changes: WitnessedChange[];
}

interface Affiliation {
  organisationId: string;
  country: string;
  readAt: number;
}

/** Writes are batched: at most one write of the ledger per interval, never on the hot path. */
const FLUSH_INTERVAL_MS = 1000;
/** A user's organisation is re-read after this long (a person may move to another partner). */
const AFFILIATION_TTL_MS = 60_000;

/**
 * The contribution ledger's writer (decision 0069). Rooms hand it each member update as they
 * integrate it (`witness`, a RoomRules hook); it reads what the update did right there, inside
 * the room's transaction, and queues the result. Off the hot path, once a second, it binds the
 * Yjs client ids that wrote to their first user, stamps each entry with the user's organisation
 * and country from the server's own records, merges one user's entries of one kind and
 * document into one, and appends them.
 *
 * Text inserted under a client id bound to another user is credited to no one (and logged): a
 * client may legitimately send others' items (its sync step 2 after the server lost updates in a
 * crash carries them), so the update is not refused, but its sender did not write them.
 */
export class ContributionLedger {
  private queue: Witnessed[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly affiliations = new Map<string, Affiliation>();
  /** Per document: client id → the user it is bound to, as stored. */
  private readonly owners = new Map<string, Map<number, string>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly logger: Logger,
    private readonly flushIntervalMs = FLUSH_INTERVAL_MS,
  ) {}

  /** The RoomRules hook: applies the update and notes what it did. Never fails the update. */
  witness = (
    room: { documentId: string; doc: Doc },
    member: Sender,
    decoded: DecodedUpdate,
    apply: () => void,
  ) => {
    let applied = false;
    let changes: WitnessedChange[];
    try {
      changes = witnessUpdate(room.doc, decoded, member.userId, () => {
        apply();
        applied = true;
      });
    } catch (err) {
      // An update that fails to apply is the room's business (it closes the member).
      if (!applied) throw err;
      this.logger.error(
        { err, documentId: room.documentId },
        'reading an update for the ledger failed',
      );
      return;
    }
    if (changes.length === 0) return;
    this.queue.push({
      documentId: room.documentId,
      userId: member.userId,
      at: this.ctx.now().toISOString(),
      changes,
    });
    this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs);
  };

  /** Writes everything queued so far; resolves once it is stored (or logged as lost). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    // One write at a time, in order: bindings are first-come.
    this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  async close() {
    await this.flush();
  }

  /** Drops what is cached of a document that closed (its bindings are re-read when it opens). */
  forget(documentId: string) {
    this.owners.delete(documentId);
  }

  private async write(batch: Witnessed[]) {
    if (batch.length === 0) return;
    try {
      const entries = new Map<string, Contribution>();
      for (const w of batch) {
        const affiliation = await this.affiliationOf(w.userId);
        if (!affiliation) continue;
        const owners = await this.ownersOf(w, affiliation);
        for (const change of w.changes) {
          const owner = change.clientId === null ? w.userId : owners.get(change.clientId);
          if (owner !== w.userId) {
            this.logger.warn(
              { documentId: w.documentId, userId: w.userId, owner, clientId: change.clientId },
              'text under another user’s client id: not credited',
            );
            continue;
          }
          const key = `${w.documentId}\u0000${w.userId}\u0000${change.kind}`;
          const entry = entries.get(key);
          if (!entry) {
            entries.set(key, {
              documentId: w.documentId,
              userId: w.userId,
              organisationId: affiliation.organisationId,
              country: affiliation.country,
              at: w.at,
              kind: change.kind,
              inserted: change.inserted,
              deleted: change.deleted,
              suggestionIds: [...change.suggestionIds],
            });
            continue;
          }
          entry.inserted += change.inserted;
          entry.deleted += change.deleted;
          for (const id of change.suggestionIds)
            if (!entry.suggestionIds.includes(id)) entry.suggestionIds.push(id);
        }
      }
      await this.ctx.store.attribution.appendContributions([...entries.values()]);
    } catch (err) {
      // The ledger never holds the document back: a failed write is logged, the edits stand.
      this.logger.error({ err, entries: batch.length }, 'writing the contribution ledger failed');
    }
  }

  private async affiliationOf(userId: string): Promise<Affiliation | null> {
    const known = this.affiliations.get(userId);
    if (known && Date.now() - known.readAt < AFFILIATION_TTL_MS) return known;
    const user = await this.ctx.store.users.get(userId);
    const organisation = user && (await this.ctx.store.organisations.get(user.organisationId));
    if (!organisation) return null;
    const affiliation = {
      organisationId: organisation.id,
      country: organisation.country,
      readAt: Date.now(),
    };
    this.affiliations.set(userId, affiliation);
    return affiliation;
  }

  /** The owners of the client ids this update wrote with, binding those not bound yet. */
  private async ownersOf(w: Witnessed, affiliation: Affiliation) {
    let owners = this.owners.get(w.documentId);
    if (!owners) {
      owners = new Map();
      for (const b of await this.ctx.store.attribution.listBindings(w.documentId))
        owners.set(b.clientId, b.userId);
      this.owners.set(w.documentId, owners);
    }
    const unbound = new Set<number>();
    for (const c of w.changes)
      if (c.clientId !== null && !owners.has(c.clientId)) unbound.add(c.clientId);
    if (unbound.size > 0) {
      const bindings: ClientBinding[] = [...unbound].map((clientId) => ({
        documentId: w.documentId,
        clientId,
        userId: w.userId,
        organisationId: affiliation.organisationId,
        country: affiliation.country,
        boundAt: w.at,
      }));
      for (const b of await this.ctx.store.attribution.bindClients(bindings))
        owners.set(b.clientId, b.userId);
    }
    return owners;
  }
}
