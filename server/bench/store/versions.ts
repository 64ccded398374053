/**
 * Versions on the embedded store, measured server-side: the history of a document with 1,000
 * versions, and the comparison of two versions of a 25,000-word document, through the same
 * service functions the REST routes call (store reads, Yjs decoding, the diff, the JSON
 * encoding Express does). No HTTP hop: the targets are server-side time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, FRAGMENT_NAME, type JSONContent } from '@polisee/editor-schema';
import { Transform } from '@tiptap/pm/transform';
import { pino } from 'pino';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { captureState } from '../../src/content/versionContent.js';
import { encodeInitialState } from '../../src/content/yjsContent.js';
import { createDocument } from '../../src/services/createDocument.js';
import { createServiceContext, type ServiceContext } from '../../src/services/context.js';
import type { LiveDocuments } from '../../src/services/liveDocuments.js';
import { loadActor } from '../../src/services/loadActor.js';
import { recordVersion } from '../../src/services/versions/recordVersion.js';
import { diffVersions, listVersions } from '../../src/services/versions/readVersions.js';
import { seedDemoWorkspace } from '../../src/seed/seedDemoWorkspace.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';
import { runWhenMain, timed, type StoreBenchRow } from './measure.js';

const SIZES = {
  full: { versions: 1000, words: 25_000, listRuns: 50, diffRuns: 20 },
  quick: { versions: 1000, words: 25_000, listRuns: 20, diffRuns: 5 },
};

const VOCABULARY = (
  'cluster region innovation policy funding partners network skills training pilot action ' +
  'assessment strategy regional smart specialisation sustainability financing instrument ' +
  'enterprise university agency public private measure indicator target budget programme'
).split(' ');

/** A plan of about `words` words: sections with headings, paragraphs, lists and a table. */
function longPlan(words: number): JSONContent {
  let seed = 7;
  const word = () => VOCABULARY[(seed = (seed * 31 + 11) % 9973) % VOCABULARY.length]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ') + '.';
  const paragraph = (text: string): JSONContent => ({
    type: 'paragraph',
    content: [{ type: 'text', text }],
  });
  const content: JSONContent[] = [];
  let written = 0;
  for (let section = 1; written < words; section++) {
    content.push({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: `Section ${section}` }],
    });
    for (let p = 0; p < 4; p++) content.push(paragraph(`${sentence(12)} ${sentence(13)}`));
    content.push({
      type: 'bulletList',
      content: [0, 1, 2].map(() => ({ type: 'listItem', content: [paragraph(sentence(8))] })),
    });
    content.push({
      type: 'table',
      content: [0, 1].map(() => ({
        type: 'tableRow',
        content: [0, 1].map(() => ({ type: 'tableCell', content: [paragraph(sentence(4))] })),
      })),
    });
    written += 4 * 25 + 3 * 8 + 4 * 4 + 2;
  }
  return { type: 'doc', content };
}

/**
 * Edits a copy of the state the way an editor would (through y-prosemirror): words typed into
 * one paragraph in twenty, the start of another deleted, some text made bold. Returns the new
 * state.
 */
function edited(state: Uint8Array): Uint8Array {
  const schema = buildSchema();
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const tr = new Transform(doc);
  const paragraphs: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'paragraph' && node.content.size > 20) paragraphs.push(pos);
    return !node.isTextblock;
  });
  // From the end, so earlier positions hold.
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const pos = paragraphs[i]!;
    if (i % 20 === 3) tr.insert(pos + 10, schema.text(' with new partners from the region'));
    else if (i % 20 === 11) tr.delete(pos + 1, pos + 15);
    else if (i % 40 === 17) tr.addMark(pos + 1, pos + 9, schema.marks.bold!.create());
  }
  ydoc.transact(() => updateYFragment(ydoc, fragment, tr.doc, meta));
  return Y.encodeStateAsUpdate(ydoc);
}

/** Versions are compared with each other here: the live document is never asked. */
const noLive: LiveDocuments = {
  change: () => Promise.reject(new Error('not used')),
  read: () => Promise.reject(new Error('not used')),
  readOpen: () => undefined,
  takeContributors: () => [],
};

async function version(ctx: ServiceContext, documentId: string, state: Uint8Array) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const captured = captureState(ydoc);
  ydoc.destroy();
  return recordVersion(ctx, {
    document: { id: documentId, status: 'draft' },
    kind: 'named',
    createdBy: null,
    captured,
    contributorIds: [],
  });
}

export async function runVersionBench(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<StoreBenchRow[]> {
  const size = options.quick ? SIZES.quick : SIZES.full;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polisee-bench-versions-'));
  const store = new SqliteStore(path.join(dir, 'polisee.db'));
  const ctx = createServiceContext(store, pino({ level: 'silent' }));
  try {
    await seedDemoWorkspace(ctx, { password: 'bench-password-0000' });
    const lead = (await loadActor(ctx, (await store.users.getByEmail('lead@polisee.test'))!.id))!;
    const group = lead.memberships.find((m) => m.role === 'wg_lead')!.workingGroupId;
    const authors = (await store.memberships.listForGroup(group)).map((m) => m.userId);
    const rows: StoreBenchRow[] = [];

    options.log(`versions: seeding a document with ${size.versions} versions`);
    const busy = await createDocument(ctx, lead, {
      title: 'Bench history',
      kind: 'joint_strategic_plan',
      workingGroupId: group,
      thematicPriorities: ['innovation'],
      language: 'en',
      countries: [],
    });
    const state = (await store.documentState.load(busy.id))!.snapshot!;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const captured = captureState(ydoc);
    for (let i = 0; i < size.versions; i++) {
      const users = await Promise.all(
        [authors[i % authors.length]!, authors[(i + 1) % authors.length]!].map((id) =>
          store.users.get(id),
        ),
      );
      await store.versions.create(
        {
          id: ctx.newId(),
          documentId: busy.id,
          name: i % 10 === 0 ? `Milestone ${i / 10}` : null,
          kind: i % 10 === 0 ? 'named' : 'auto',
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 600_000).toISOString(),
          createdBy: i % 10 === 0 ? lead.user.id : null,
          contributors: users.map((u) => ({ userId: u!.id, organisationId: u!.organisationId })),
          documentStatus: 'draft',
          sourceVersionId: null,
          stateVector: captured.stateVector,
          contentHash: captured.contentHash,
        },
        captured.state,
      );
    }
    const list = await timed(size.listRuns, () =>
      listVersions(ctx, lead, busy.id, { limit: size.versions }),
    );
    rows.push({
      case: 'list a document’s versions (metadata, no bytes)',
      size: `${size.versions} versions`,
      runs: size.listRuns,
      ...list,
      target: 50,
    });

    options.log(`versions: a ${size.words}-word document, edited, as two versions`);
    const plan = longPlan(size.words);
    const long = await createDocument(ctx, lead, {
      title: 'Bench long plan',
      kind: 'joint_strategic_plan',
      workingGroupId: group,
      thematicPriorities: ['innovation'],
      language: 'en',
      countries: [],
    });
    const before = encodeInitialState(plan);
    const after = edited(before);
    const a = await version(ctx, long.id, before);
    const b = await version(ctx, long.id, after);
    const diff = await timed(size.diffRuns, () =>
      diffVersions(ctx, noLive, lead, long.id, { from: a.id, to: b.id }),
    );
    const stats = (await diffVersions(ctx, noLive, lead, long.id, { from: a.id, to: b.id })).stats;
    rows.push({
      case: 'compare two versions (diff as ProseMirror JSON)',
      size: `${size.words.toLocaleString('en')} words, ${stats.inserted} insertions, ${stats.deleted} deletions, ${stats.formatChanged} formatting changes`,
      runs: size.diffRuns,
      ...diff,
      target: 500,
    });
    return rows;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, runVersionBench);
