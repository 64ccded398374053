import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createServiceContext } from '../services/context.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { resolveSectionAnchor } from '../workshops/documentSections.js';
import { seedDemoWorkspace } from './seedDemoWorkspace.js';

describe('the demo workshop', () => {
  it('is planned on the English plan, its items bound to the plan’s headings, with its notes', async () => {
    const store = new SqliteStore(':memory:');
    const ctx = createServiceContext(store, pino({ level: 'silent' }));
    try {
      await seedDemoWorkspace(ctx, { password: 'orchard lantern 59' });
      const [workshop, ...others] = await store.workshops.list({});
      expect(others).toEqual([]);
      expect(workshop!.status).toBe('scheduled');
      expect(Date.parse(workshop!.startsAt)).toBeGreaterThan(Date.now());
      const plan = (await store.documents.get(workshop!.documentIds[0]!))!;
      expect(plan.kind).toBe('joint_strategic_plan');
      expect((await store.documents.get(workshop!.notesDocumentId))!.kind).toBe('workshop_notes');

      const stored = (await store.documentState.load(plan.id))!;
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update);
      expect(workshop!.agenda).toHaveLength(3);
      for (const item of workshop!.agenda) {
        expect(resolveSectionAnchor(doc, item.section!.anchor)?.heading).toBe(item.title);
      }
    } finally {
      await store.close();
    }
  });
});
