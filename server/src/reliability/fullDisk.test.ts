import { execFile as execFileCallback, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isStorageBehind } from '@polisee/contracts';
import { afterAll, expect, it } from 'vitest';
import {
  freePort,
  killHard,
  removeChildData,
  startChildServer,
  stopGracefully,
} from '../testing/childServer.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import {
  allConverge,
  createPlan,
  startEditStorm,
  storedTextBecomes,
} from '../testing/editStorm.js';
import { TEST_MONGODB_URI } from '../testing/mongo.js';
import { insertTestText } from '../testing/testText.js';
import {
  collectLogs,
  count,
  figureLine,
  pause,
  seconds,
  signInLead,
  size,
  STORM_PACE,
} from './harness.js';

const execFile = promisify(execFileCallback);

/**
 * Case 3: the disk fills up under a SQLite server mid-storm, for real and without root. The
 * process starts under a file-size limit (`ulimit -S -f`, SIGXFSZ ignored) just above the
 * sizes of its files, so that writing past it fails with EFBIG, as a write to a full disk fails
 * with ENOSPC; later util-linux's prlimit lifts the limit on the running process (the space
 * comes back). Meanwhile the editors keep co-editing and are told "not saved yet" (the server's
 * awareness state), the changes are held and retried, and once there is space nothing is lost.
 */
const CLIENTS = size(3, 10);
const FULL_FOR_MS = size(2_000, 10_000);
/** Room for the restart's own writes (a fresh WAL, sessions) before the edits reach the limit. */
const HEADROOM_BYTES = 128 * 1024;
/** `ulimit -f` counts 512-byte blocks in POSIX sh. */
const BLOCK = 512;

let dataDir: string;
let child: ChildProcess | undefined;
const clients: CollabTestClient[] = [];

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  if (child) await killHard(child);
  if (dataDir) await removeChildData(dataDir);
});

const behind = (c: CollabTestClient) => isStorageBehind(c.provider.awareness.getStates().values());
const fileSizeLimit = async (pid: number) =>
  (
    await execFile('prlimit', [
      '--pid',
      String(pid),
      '--fsize',
      '--raw',
      '--noheadings',
      '--output',
      'SOFT',
    ])
  ).stdout.trim();

// SQLite's own files fill the disk here; MongoDB's outage is storageOutage.test.ts.
it.skipIf(TEST_MONGODB_URI)(
  'says "not saved yet" while a SQLite write fails on a full disk, and loses nothing',
  async () => {
    await execFile('prlimit', ['--version']).catch(() => {
      throw new Error("prlimit (util-linux) is needed to give the disk's space back");
    });
    dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-rel-disk-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = await startChildServer(dataDir, port);
    const { cookie, groupId } = await signInLead(baseUrl);
    const documentId = await createPlan(baseUrl, cookie, groupId, 'Plan on a full disk');
    const first = connectCollab(baseUrl, documentId, { cookie });
    await synced(first);
    insertTestText(first.doc, 0, '<before>');
    await storedTextBecomes(dataDir, documentId, () => '<before>');
    first.destroy();
    expect(await stopGracefully(child)).toBe(0);

    const largest = Math.max(
      ...readdirSync(dataDir).map((f) => statSync(path.join(dataDir, f)).size),
    );
    const blocks = Math.ceil((largest + HEADROOM_BYTES) / BLOCK);
    child = await startChildServer(
      dataDir,
      port,
      {},
      { shell: `ulimit -S -f ${blocks}; trap '' XFSZ` },
    );
    const pid = child.pid!;
    expect(await fileSizeLimit(pid)).toBe(String(blocks * BLOCK));
    const logs = collectLogs(child);

    for (let i = 0; i < CLIENTS; i++) clients.push(connectCollab(baseUrl, documentId, { cookie }));
    await Promise.all(clients.map(synced));
    const storm = startEditStorm(() => clients, 'd', STORM_PACE);
    const stormAt = Date.now();
    await waitFor(() => clients.every(behind), 120_000, '"not saved yet" on every client');
    const fullAt = Date.now();
    const typedBefore = storm.tokens.length;
    await pause(FULL_FOR_MS);

    await execFile('prlimit', ['--pid', String(pid), '--fsize=unlimited']);
    const spaceAt = Date.now();
    const typedWhileFull = storm.tokens.length - typedBefore;
    await waitFor(() => !clients.some(behind), 60_000, 'storage to catch up on every client');
    const savedAt = Date.now();
    await storm.stop();
    const text = await allConverge(clients, storm.tokens, 'every client after the disk was full');
    const stored = await storedTextBecomes(dataDir, documentId, () => text, 20_000);
    const lost = ['<before>', ...storm.tokens].filter(
      (t) => !text.includes(t) || !stored.includes(t),
    ).length;

    const failures = logs.filter(
      (l) => l.msg === 'writing document updates failed; retrying' && l.documentId === documentId,
    );
    const codes = [...new Set(failures.map((l) => (l.err as { code?: string }).code))];
    console.info(
      figureLine(
        `full disk (SQLite, ${codes.join('/')}): ${CLIENTS} clients, "not saved yet" ` +
          `${seconds(fullAt - stormAt)} into the storm, ${count(typedWhileFull)} tokens typed while full, ` +
          `${failures.length} failed writes retried, saved ${seconds(savedAt - spaceAt)} after space came back, ` +
          `${count(storm.tokens.length + 1)} tokens in all, ${lost} lost`,
      ),
    );
    // The failure is the disk's: SQLite's own error for a write the file system refused.
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^SQLITE_(IOERR|FULL)/);
    expect(typedWhileFull).toBeGreaterThan(0);
    expect(clients.flatMap((c) => c.closeCodes)).toEqual([]);
    expect(child.exitCode).toBeNull();
    expect(lost).toBe(0);
    expect(stored).toBe(text);
  },
  600_000,
);
