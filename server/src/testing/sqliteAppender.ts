import { SqliteStore } from '../store/sqlite/SqliteStore.js';

/**
 * A process of its own appending to one document's update log on a shared SQLite file as fast
 * as it can for a while, as several server processes do on the embedded store: prints how many
 * appends succeeded and how many were refused. Started by writeTransaction.test.ts.
 */
const [file, documentId, durationMs] = process.argv.slice(2);
const store = new SqliteStore(file!);
const until = Date.now() + Number(durationMs);
let appended = 0;
let refused = 0;
while (Date.now() < until) {
  try {
    await store.documentState.append(documentId!, [new Uint8Array([0, 0])]);
    appended++;
  } catch {
    refused++;
  }
}
await store.close();
console.log(JSON.stringify({ appended, refused }));
