import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { decodeStoredState } from '../content/yjsContent.js';
import { createServiceContext } from '../services/context.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { markedText } from '../testing/anchors.js';
import { JSP_THREADS } from './demoThreads.js';
import { seedDemoWorkspace } from './seedDemoWorkspace.js';

describe('demo threads', () => {
  it('seeds the English plan with its discussions, each anchored on the words it quotes', async () => {
    const store = new SqliteStore(':memory:');
    const ctx = createServiceContext(store, pino({ level: 'silent' }));
    await seedDemoWorkspace(ctx, { password: 'demo-password-for-tests' });
    const plan = (await store.documents.list({ kind: 'joint_strategic_plan' })).find(
      (d) => d.language === 'en',
    )!;
    const threads = await store.threads.listForDocument(plan.id, {});
    expect(threads).toHaveLength(JSP_THREADS.length);
    const ydoc = decodeStoredState((await store.documentState.load(plan.id))!);
    for (const { thread, messages } of threads) {
      expect(messages.length).toBeGreaterThan(0);
      if (thread.anchorState === 'anchored') expect(markedText(ydoc, thread.id)).toBe(thread.quote);
    }
    expect(threads.filter((t) => t.thread.anchorState === 'anchored')).toHaveLength(3);
    expect(threads.filter((t) => t.thread.status === 'resolved')).toHaveLength(1);
    await store.close();
  });
});
