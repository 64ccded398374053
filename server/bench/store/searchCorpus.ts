/**
 * The search benchmark's corpus (issue 17): the demo workspace, then documents, their index
 * entries and thread-message entries of made-up words. Building it at full size takes minutes,
 * so it is built once into a SQLite file kept in the OS temp dir, keyed by its size, by
 * CORPUS_VERSION and by the search tables' schema, and each run works on a copy of it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  THEMATIC_PRIORITIES,
  type Language,
  type PoliDocument,
  type SearchEntry,
} from '@polisee/domain';
import { pino } from 'pino';
import { encodeInitialState } from '../../src/content/yjsContent.js';
import { entryIds } from '../../src/search/searchEntries.js';
import { seedDemoWorkspace } from '../../src/seed/seedDemoWorkspace.js';
import { createServiceContext } from '../../src/services/context.js';
import { migrate } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';

/** Bump whenever what is generated changes: kept corpora of another version are rebuilt. */
const CORPUS_VERSION = 2;
export const BENCH_PASSWORD = 'bench-password-0000';
const LANGUAGES: Language[] = ['en', 'el', 'bg', 'ro', 'hu', 'sq'];
const COUNTRIES = ['GR', 'RO', 'BG', 'HU', 'AL', 'RS', 'SI', 'HR', 'AT', 'IT'];
/**
 * Entries per `upsert`, each one transaction: large, so that the build is not a string of
 * small commits and FTS5 writes fewer, larger segments (about 16 MB of text per batch).
 */
const BATCH = 1_000;

export interface CorpusSize {
  documents: number;
  words: number;
  messages: number;
}

/** Zipf-like words: a few hundred frequent ones, a long tail, some of them Greek and Cyrillic. */
export function vocabulary(size: number): string[] {
  const syllables = ['ka', 'ri', 'po', 'le', 'tin', 'dra', 'ме', 'на', 'πο', 'λι', 'ș', 'gy'];
  return Array.from({ length: size }, (_, i) => {
    let w = '';
    for (let n = i + 7; n > 0; n = Math.floor(n / syllables.length)) {
      w += syllables[n % syllables.length];
    }
    return w;
  });
}

/** A deterministic pseudo-random sequence (mulberry32): the same corpus on every build. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What the search tables look like after every migration. A kept corpus whose search schema
 * differs is stale; other tables are not part of the key, since opening the copy migrates them
 * as it would a production file.
 */
function searchSchemaKey(): string {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const schema = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE name LIKE 'search%' ORDER BY name")
      .all();
    return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 12);
  } finally {
    db.close();
  }
}

async function buildCorpus(file: string, size: CorpusSize) {
  const store = new SqliteStore(file);
  const ctx = createServiceContext(store, pino({ level: 'silent' }));
  try {
    await seedDemoWorkspace(ctx, { password: BENCH_PASSWORD });
    const lead = (await store.users.getByEmail('lead@polisee.test'))!;
    const groups = (await store.workingGroups.list()).map((g) => g.id);
    const words = vocabulary(20_000);
    const rand = random(17);
    // Zipf: the n-th word about 1/n as frequent as the first.
    const word = () => words[Math.floor(Math.exp(rand() * Math.log(words.length))) - 1]!;
    const text = (n: number) => Array.from({ length: n }, word).join(' ');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

    const emptyState = encodeInitialState({ type: 'doc', content: [{ type: 'paragraph' }] });
    const docs: PoliDocument[] = [];
    const now = new Date().toISOString();
    for (let d = 0; d < size.documents; d++) {
      const doc: PoliDocument = {
        id: `bench-doc-${d}`,
        title: text(5),
        kind: 'policy_assessment',
        workingGroupId: groups[d % groups.length]!,
        thematicPriorities: [pick(THEMATIC_PRIORITIES)],
        countries: [pick(COUNTRIES), pick(COUNTRIES)].filter((c, i, a) => a.indexOf(c) === i),
        tags: [],
        language: pick(LANGUAGES),
        status: 'draft',
        ownerIds: [lead.id],
        suggestOnlyIds: [],
        createdBy: lead.id,
        createdAt: now,
        updatedAt: now,
      };
      // The rows the per-hit policy check reads; the text goes to the index only.
      await store.documents.create(doc, emptyState);
      docs.push(doc);
    }
    for (let d = 0; d < docs.length; d += BATCH) {
      const batch: SearchEntry[] = docs.slice(d, d + BATCH).map((doc) => ({
        id: entryIds.document(doc.id),
        type: 'document',
        documentId: doc.id,
        threadId: null,
        workshopId: null,
        workingGroupId: doc.workingGroupId,
        title: doc.title,
        body: text(size.words),
        thematicPriorities: doc.thematicPriorities,
        kind: doc.kind,
        countries: doc.countries,
        status: doc.status,
        language: doc.language,
        updatedAt: doc.updatedAt,
      }));
      await store.search.upsert(batch);
    }
    for (let m = 0; m < size.messages; m += BATCH) {
      const batch: SearchEntry[] = [];
      for (let i = m; i < Math.min(m + BATCH, size.messages); i++) {
        const doc = docs[i % docs.length]!;
        batch.push({
          id: entryIds.thread(`bench-thread-${i}`),
          type: 'thread',
          documentId: doc.id,
          threadId: `bench-thread-${i}`,
          workshopId: null,
          workingGroupId: doc.workingGroupId,
          title: text(6),
          body: text(15 + Math.floor(rand() * 60)),
          thematicPriorities: [pick(THEMATIC_PRIORITIES)],
          kind: doc.kind,
          countries: doc.countries,
          status: rand() < 0.7 ? 'open' : 'resolved',
          language: doc.language,
          updatedAt: now,
        });
      }
      await store.search.upsert(batch);
    }
  } finally {
    await ctx.contentReader.close();
    // Closing the last connection checkpoints the WAL into the file: the file alone is whole.
    await store.close();
  }
}

/**
 * A fresh copy of the corpus of this size at `target`, building the kept one first if it is
 * missing or stale (an older build of the same size is deleted then).
 */
export async function copyCorpus(size: CorpusSize, target: string, log: (line: string) => void) {
  const dir = path.join(os.tmpdir(), 'polisee-bench-search');
  const prefix = `corpus-${size.documents}x${size.words}+${size.messages}-`;
  const kept = path.join(dir, `${prefix}v${CORPUS_VERSION}-${searchSchemaKey()}.db`);
  if (!existsSync(kept)) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix)) rmSync(path.join(dir, name), { force: true });
    }
    const started = performance.now();
    // Built under another name and renamed once complete: an interrupted build is never kept.
    const building = `${kept}.building`;
    await buildCorpus(building, size);
    renameSync(building, kept);
    log(
      `search: built the corpus (${size.documents} documents × ${size.words} words, ${size.messages} messages) in ${((performance.now() - started) / 1000).toFixed(0)} s, kept as ${kept}`,
    );
  } else {
    log(`search: corpus kept from an earlier run: ${kept}`);
  }
  copyFileSync(kept, target);
}
