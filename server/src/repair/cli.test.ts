import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findDamage } from '../content/documentRepair.js';
import { decodeStoredState } from '../content/yjsContent.js';
import { mongoUriWithDatabase, TEST_MONGODB_URI } from '../testing/mongo.js';
import { startTestServer, testDatabaseName, type TestServer } from '../testing/testServer.js';

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `npm run doc:repair` on a stopped server's data: the SQLite file in its DATA_DIR, or, when the
 * suite runs on MongoDB, the test server's database.
 */
function repair(dataDir: string, ...args: string[]) {
  const mongo = TEST_MONGODB_URI
    ? { MONGODB_URI: mongoUriWithDatabase(TEST_MONGODB_URI, testDatabaseName(dataDir)) }
    : {};
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/repair/cli.ts', ...args], {
    cwd: SERVER_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dataDir, ...mongo },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('npm run doc:repair', () => {
  it('lists (--dry-run) and then removes what the schema cannot read, keeping the rest', async () => {
    const server = await startTestServer();
    const documentId = (await server.ctx.store.documents.list({}))[0]!.id;
    const before = decodeStoredState((await server.ctx.store.documentState.load(documentId))!);
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(before));
    const sv = Y.encodeStateVector(attacker);
    attacker.getArray('comments').insert(0, ['x']);
    attacker.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlElement('script')]);
    await server.ctx.store.documentState.append(documentId, [Y.encodeStateAsUpdate(attacker, sv)]);
    await server.close({ keepData: true });

    const dry = repair(server.dataDir, '--dry-run', documentId);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('2 place(s) outside the schema');
    expect(dry.out).toContain('unknown element "script"');

    const fixed = repair(server.dataDir, documentId);
    expect(fixed.code, fixed.err).toBe(0);
    expect(fixed.out).toContain('removed');
    expect(repair(server.dataDir, documentId).out).toContain('nothing outside the schema');
    expect(repair(server.dataDir, 'no-such-document').code).toBe(2);

    const again = await startTestServer({ dataDir: server.dataDir });
    servers.push(again);
    const repaired = decodeStoredState((await again.ctx.store.documentState.load(documentId))!);
    expect(findDamage(repaired)).toEqual([]);
    // Only the damage went: the template's text is all there.
    expect(repaired.getXmlFragment(FRAGMENT_NAME).toString()).toBe(
      before.getXmlFragment(FRAGMENT_NAME).toString(),
    );
  });
});
