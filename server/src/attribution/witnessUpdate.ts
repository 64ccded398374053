import type { ContributionKind } from '@polisee/domain';
import * as Y from 'yjs';
import { markNameOf, type DecodedUpdate } from '../content/schemaGuard.js';

/**
 * What one member's update did to the text, read on the server while the room integrates it
 * (decision 0069): Yjs says what an update does only once it is applied, so the ids the update
 * adds and the live items its delete set reaches are noted before, and every text it touched is
 * read after, inside the room's transaction (deleted content is still readable there; the
 * garbage collector runs when the transaction ends). Characters are what a person sees: the
 * library's zero-width markers of a deleted block boundary (decision 0056) do not count.
 */
export interface WitnessedChange {
  kind: ContributionKind;
  /** Whose client wrote the inserted characters; null for deletions and mark changes. */
  clientId: number | null;
  inserted: number;
  deleted: number;
  suggestionIds: string[];
}

type Attributes = Map<string, unknown>;
interface Span {
  client: number;
  from: number;
  to: number;
}

const ZERO_WIDTH = /\u200B/g;

function suggestionMark(attributes: Attributes, name: 'insertion' | 'deletion') {
  for (const [key, value] of attributes) {
    if (markNameOf(key) !== name || typeof value !== 'object' || value === null) continue;
    const { id, authorId } = value as { id?: unknown; authorId?: unknown };
    return { id: typeof id === 'string' ? id : null, authorId };
  }
  return null;
}

/** The parts of the delete set's ranges that are live now, i.e. what applying it will delete. */
function liveSpans(doc: Y.Doc, decoded: DecodedUpdate): Span[] {
  const spans: Span[] = [];
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= end) break;
        if (s instanceof Y.Item && !s.deleted)
          spans.push({
            client,
            from: Math.max(clock, s.id.clock),
            to: Math.min(end, s.id.clock + s.length),
          });
      }
    }
  }
  return spans;
}

/**
 * Runs `apply` (which integrates the update into `doc`, inside a transaction the caller holds)
 * and returns what the update did, per kind and writing client.
 */
export function witnessUpdate(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  userId: string,
  apply: () => void,
): WitnessedChange[] {
  const clocksBefore = new Map<number, number>();
  for (const s of decoded.structs)
    if (!clocksBefore.has(s.id.client))
      clocksBefore.set(s.id.client, Y.getState(doc.store, s.id.client));
  const spans = liveSpans(doc, decoded);
  apply();

  const added = (item: Y.Item) => {
    const before = clocksBefore.get(item.id.client);
    return before !== undefined && item.id.clock >= before;
  };
  const removed = (item: Y.Item) =>
    item.deleted &&
    spans.some(
      (s) => s.client === item.id.client && item.id.clock >= s.from && item.id.clock < s.to,
    );

  const texts = new Set<Y.XmlText>();
  const touch = (item: Y.Item) => {
    if (item.parent instanceof Y.XmlText) texts.add(item.parent);
  };
  for (const [client, before] of clocksBefore) {
    const structs = doc.store.clients.get(client) ?? [];
    if (Y.getState(doc.store, client) <= before) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i]!;
      if (s instanceof Y.Item) touch(s);
    }
  }
  for (const span of spans) {
    const structs = doc.store.clients.get(span.client) ?? [];
    for (let i = Y.findIndexSS(structs, span.from); i < structs.length; i++) {
      const s = structs[i]!;
      if (s.id.clock >= span.to) break;
      if (s instanceof Y.Item) touch(s);
    }
  }

  const changes = new Map<string, WitnessedChange>();
  const record = (
    kind: ContributionKind,
    clientId: number | null,
    counts: { inserted?: number; deleted?: number },
    suggestionId: string | null = null,
  ) => {
    const key = `${kind}:${clientId ?? ''}`;
    let change = changes.get(key);
    if (!change)
      changes.set(key, (change = { kind, clientId, inserted: 0, deleted: 0, suggestionIds: [] }));
    change.inserted += counts.inserted ?? 0;
    change.deleted += counts.deleted ?? 0;
    if (suggestionId && !change.suggestionIds.includes(suggestionId))
      change.suggestionIds.push(suggestionId);
  };

  for (const text of texts) {
    // Marks are format items in the text's item list: the attributes in force at an item are
    // those of the format items before it, as the text was (before) and is (after) the update.
    const before: Attributes = new Map();
    const after: Attributes = new Map();
    for (let n = text._start; n !== null; n = n.right) {
      const wasThere = !added(n) && (!n.deleted || removed(n));
      const isThere = !n.deleted;
      if (n.content instanceof Y.ContentFormat) {
        const { key, value } = n.content;
        for (const [there, attributes] of [
          [wasThere, before],
          [isThere, after],
        ] as const) {
          if (!there) continue;
          if (value === null) attributes.delete(key);
          else attributes.set(key, value);
        }
        continue;
      }
      if (!(n.content instanceof Y.ContentString)) continue;
      const chars = n.content.str.replace(ZERO_WIDTH, '').length;
      if (chars === 0) continue;
      if (added(n) && isThere) {
        const insertion = suggestionMark(after, 'insertion');
        if (insertion) record('suggestion', n.id.client, { inserted: chars }, insertion.id);
        else record('edit', n.id.client, { inserted: chars });
      } else if (wasThere && !isThere) {
        const insertion = suggestionMark(before, 'insertion');
        const deletion = suggestionMark(before, 'deletion');
        if (insertion && insertion.authorId === userId)
          // Taking back one's own suggested text.
          record('suggestion', null, { deleted: chars });
        else if (insertion) record('reject', null, { inserted: chars }, insertion.id);
        else if (deletion) record('accept', null, { deleted: chars }, deletion.id);
        else record('edit', null, { deleted: chars });
      } else if (wasThere && isThere) {
        const wasInserted = suggestionMark(before, 'insertion');
        const wasDeleted = suggestionMark(before, 'deletion');
        const isDeleted = suggestionMark(after, 'deletion');
        if (wasInserted && !suggestionMark(after, 'insertion'))
          record('accept', null, { inserted: chars }, wasInserted.id);
        // A deletion mark its author takes back is no one's rejection.
        if (wasDeleted && !isDeleted && wasDeleted.authorId !== userId)
          record('reject', null, { deleted: chars }, wasDeleted.id);
        if (!wasDeleted && isDeleted) record('suggestion', null, { deleted: chars }, isDeleted.id);
      }
    }
  }
  return [...changes.values()];
}
