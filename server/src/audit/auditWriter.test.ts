import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '@polisee/domain';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { AuditWriter } from './auditWriter.js';
import type { AuditRepo } from './store/port.js';

/** A failing audit write is retried in order, and logged with its entry meanwhile. */
const dir = mkdtempSync(path.join(tmpdir(), 'polisee-audit-writer-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (id: string, minute: number): AuditEntry => ({
  id,
  at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  action: 'auth.signed_in',
  actorId: 'u',
  actorName: 'U',
  organisationId: null,
  organisationName: null,
  address: '127.0.0.1',
  targetType: null,
  targetId: null,
  details: {},
});

describe('AuditWriter', () => {
  it('retries a refused write, keeps the order, and logs the entry as an error', async () => {
    const store = new SqliteStore(path.join(dir, 'audit.db'));
    // The real SQLite repo behind an outage of two writes.
    let outage = 2;
    const appended: string[] = [];
    const repo: AuditRepo = {
      purgeBefore: (before) => store.audit.purgeBefore(before),
      append: async (e) => {
        if (outage-- > 0) throw new Error('disk full');
        appended.push(e.id);
        await store.audit.append(e);
      },
      list: (q) => store.audit.list(q),
    };
    const logged: unknown[] = [];
    const logger = pino(
      { level: 'error' },
      { write: (line: string) => logged.push(JSON.parse(line)) },
    );
    const writer = new AuditWriter(repo, logger);
    await writer.write(entry('first', 1));
    await writer.write(entry('second', 2));
    expect(writer.pending).toBe(2);
    expect(logged[0]).toMatchObject({
      msg: expect.stringMatching(/retrying/),
      auditEntry: { id: 'first' },
    });
    await vi.waitFor(() => expect(writer.pending).toBe(0), { timeout: 6000 });
    expect(appended).toEqual(['first', 'second']);
    expect((await store.audit.list({ limit: 10 })).items.map((e) => e.id)).toEqual([
      'second',
      'first',
    ]);
    await writer.close();
    await store.close();
  });
});
