import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureState } from '../../content/versionContent.js';
import { TestClient } from '../../testing/httpClient.js';
import { insertTestText } from '../../testing/testText.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../testing/testServer.js';
import * as Y from 'yjs';
import { recordAutoVersion } from './recordAutoVersion.js';

/**
 * A version's knowledge-base links are read from its content as it is stored, before it is
 * announced. When a request waits for the version, that read must not go to the background
 * threads: at nice 19 they may not run at all on a busy machine.
 */
let server: TestServer;
let lead: TestClient;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  lead = new TestClient(server.baseUrl);
  await lead.login('lead@polisee.test', TEST_PASSWORD);
  const groups = await lead.get('/api/working-groups');
  const created = await lead.post('/api/documents', {
    title: 'Links and priorities',
    kind: 'workshop_notes',
    workingGroupId: groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead').id,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  documentId = created.body.id;
});

afterAll(() => server.close());

/** Whether each content read since the spy began was a background one. */
function readsDuring(spy: ReturnType<typeof vi.spyOn>): boolean[] {
  return spy.mock.calls.map((call: unknown[]) =>
    Boolean((call[1] as { background?: boolean })?.background),
  );
}

describe('the priority of a version’s links', () => {
  it('reads them at request priority for a version someone saves', async () => {
    const spy = vi.spyOn(server.ctx.contentReader, 'read');
    try {
      const saved = await lead.post(`/api/documents/${documentId}/versions`, { name: 'Draft 1' });
      expect(saved.status).toBe(201);
      expect(readsDuring(spy)).toEqual([false]);
    } finally {
      spy.mockRestore();
    }
  });

  it('reads them in the background for an automatic version', async () => {
    const doc = new Y.Doc();
    insertTestText(doc, 0, 'typed since the last version');
    const spy = vi.spyOn(server.ctx.contentReader, 'read');
    try {
      await recordAutoVersion(server.ctx, {
        documentId,
        captured: captureState(doc),
        contributorIds: [],
      });
      expect(readsDuring(spy)).toEqual([true]);
    } finally {
      spy.mockRestore();
    }
  });
});
