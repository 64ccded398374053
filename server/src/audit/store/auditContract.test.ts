import { randomUUID } from 'node:crypto';
import { AuditEntrySchema, type AuditEntry } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { contractAdapters, storeUnderTest } from '../../testing/storeContract.js';

/**
 * The audit log's store contract (`AuditRepo`, port.ts): every adapter passes it, SQLite always
 * and MongoDB when MONGODB_URI names a server (`npm run test:mongo -- src/audit`).
 */
const ADAPTERS = contractAdapters('audit-contract');

/** Timestamps a fixed distance apart, so ordering never depends on the clock. */
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function buildAuditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return AuditEntrySchema.parse({
    id: randomUUID(),
    at: at(0),
    action: 'auth.signed_in',
    actorId: 'user-a',
    actorName: 'Ana Popescu',
    organisationId: 'org-ro',
    organisationName: 'ADR Nord-Est',
    address: '203.0.113.7',
    targetType: 'user',
    targetId: 'user-a',
    details: {},
    ...over,
  });
}

for (const adapter of ADAPTERS) {
  describe(`audit contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);
    const all = async (filter = {}) =>
      (await store.audit.list({ ...filter, limit: 100 })).items.map((e) => e.id);

    it('keeps an entry exactly as appended, across a restart', async () => {
      const entry = buildAuditEntry({
        actorId: null,
        actorName: null,
        organisationId: null,
        organisationName: null,
        address: null,
        targetType: null,
        targetId: null,
        action: 'auth.sign_in_failed',
        details: { email: 'x@example.org', attempts: 3, locked: false, note: null },
      });
      const bare = buildAuditEntry({ details: {} });
      await store.audit.append(entry);
      await store.audit.append(bare);
      await store.reopen();
      const { items } = await store.audit.list({ limit: 10 });
      expect(items.find((e) => e.id === entry.id)).toEqual(entry);
      expect(items.find((e) => e.id === bare.id)).toEqual(bare);
    });

    it('ignores an id appended twice (a retried write)', async () => {
      const entry = buildAuditEntry();
      await store.audit.append(entry);
      await store.audit.append({ ...entry, action: 'audit.purged' });
      const { items } = await store.audit.list({ limit: 10 });
      expect(items).toEqual([entry]);
    });

    it('lists newest first, in pages that neither skip nor repeat (ties broken by id)', async () => {
      const entries = [
        buildAuditEntry({ id: 'e-1', at: at(1) }),
        buildAuditEntry({ id: 'e-3', at: at(2) }),
        buildAuditEntry({ id: 'e-2', at: at(2) }),
        buildAuditEntry({ id: 'e-4', at: at(3) }),
        buildAuditEntry({ id: 'e-5', at: at(4) }),
      ];
      for (const e of entries) await store.audit.append(e);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.audit.list({ limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['e-5', 'e-4', 'e-3', 'e-2', 'e-1']);
    });

    it('filters by time range, action, actor, organisation and target, all together', async () => {
      await store.audit.append(buildAuditEntry({ id: 'old', at: at(1) }));
      await store.audit.append(
        buildAuditEntry({
          id: 'role',
          at: at(5),
          action: 'membership.role_changed',
          actorId: 'admin',
          organisationId: 'org-gr',
          targetId: 'user-b',
        }),
      );
      await store.audit.append(buildAuditEntry({ id: 'late', at: at(9) }));
      expect(await all({ from: at(5) })).toEqual(['late', 'role']);
      expect(await all({ to: at(5) })).toEqual(['old']);
      expect(await all({ from: at(2), to: at(9) })).toEqual(['role']);
      expect(await all({ action: 'membership.role_changed' })).toEqual(['role']);
      expect(await all({ actorId: 'admin' })).toEqual(['role']);
      expect(await all({ organisation: 'org-gr' })).toEqual(['role']);
      expect(await all({ targetId: 'user-b' })).toEqual(['role']);
      expect(await all({ targetId: 'user-a', from: at(2) })).toEqual(['late']);
      expect(await all({ action: 'auth.signed_in', actorId: 'admin' })).toEqual([]);
    });

    it('purges only what is older than the cut-off, and says how many', async () => {
      await store.audit.append(buildAuditEntry({ id: 'a', at: at(1) }));
      await store.audit.append(buildAuditEntry({ id: 'b', at: at(2) }));
      await store.audit.append(buildAuditEntry({ id: 'c', at: at(3) }));
      expect(await store.audit.purgeBefore(at(3))).toBe(2);
      expect(await all()).toEqual(['c']);
      expect(await store.audit.purgeBefore(at(3))).toBe(0);
    });
  });
}
