import { FRAGMENT_NAME } from '@polisee/editor-schema';
import type { Mark, Node } from '@tiptap/pm/model';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import {
  directUpdate,
  suggestionSchema as schema,
  suggestionUpdate,
} from '../testing/suggestions.js';
import { SuggestionGuard } from './SuggestionGuard.js';

/**
 * The property of the suggest-only guard (decision 0063) on random documents of our schema:
 * a suggestion made the way the editor makes it (the library's transform, the author stamped,
 * y-prosemirror's encoding) always passes; a direct edit, however it is disguised, never does,
 * alone or merged into one update with a valid suggestion. Each run makes three updates.
 * The default (1,000 runs, 3,000 updates) takes ~40 s; `FUZZ_RUNS=3334` makes it ≥ 10,000.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** A failure prints its seed: `FUZZ_SEED=<seed>` replays that run. */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const ME = 'user-me';
const OTHER = 'user-other';

const SUGGESTIONS = [
  'none',
  'none',
  'none',
  'myInsertion',
  'myDeletion',
  'otherInsertion',
  'otherDeletion',
] as const;
const suggestionMark = (kind: (typeof SUGGESTIONS)[number], i: number) => {
  if (kind === 'none') return [];
  const [author, type] = kind.startsWith('my') ? [ME, kind.slice(2)] : [OTHER, kind.slice(5)];
  return [
    { type: type.toLowerCase(), attrs: { id: `seed-${i}`, authorId: author, createdAt: null } },
  ];
};

const word = fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6})?$/);
const run = fc.record({
  text: word,
  bold: fc.boolean(),
  italic: fc.boolean(),
  suggestion: fc.constantFrom(...SUGGESTIONS),
});
const block = fc.record({
  heading: fc.boolean(),
  level: fc.integer({ min: 1, max: 3 }),
  runs: fc.array(run, { minLength: 1, maxLength: 4 }),
});
const documentJSON = fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => ({
  type: 'doc',
  content: blocks.map((b, i) => ({
    type: b.heading ? 'heading' : 'paragraph',
    ...(b.heading ? { attrs: { level: b.level } } : {}),
    content: b.runs.map((r, j) => ({
      type: 'text',
      text: r.text,
      marks: [
        ...(r.bold ? [{ type: 'bold' }] : []),
        ...(r.italic ? [{ type: 'italic' }] : []),
        ...suggestionMark(r.suggestion, i * 10 + j),
      ],
    })),
  })),
}));

const VALID = ['insert', 'delete', 'replace', 'format', 'splitAtEnd', 'join'] as const;
const DIRECT = [
  'plainInsert',
  'plainDelete',
  'unmarkedFormat',
  'removeMark',
  'nodeAttribute',
  'forgedMark',
  'deletionThatDeletes',
] as const;
const choice = fc.record({ a: fc.nat(), b: fc.nat(), text: word });
const scenario = fc.record({
  doc: documentJSON,
  valid: fc.constantFrom(...VALID),
  validAt: choice,
  direct: fc.constantFrom(...DIRECT),
  directAt: choice,
});

interface Span {
  start: number;
  end: number;
  node: Node;
}
function textblocks(doc: Node): Span[] {
  const spans: Span[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) spans.push({ start: pos + 1, end: pos + 1 + node.content.size, node });
    return !node.isTextblock;
  });
  return spans;
}
const marksIn = (doc: Node, from: number, to: number, exceptOwnInsertions = false) => {
  const marks: Mark[] = [];
  doc.nodesBetween(from, to, (node) => {
    if (!exceptOwnInsertions || !node.marks.some((m) => isMine(m, 'insertion')))
      marks.push(...node.marks);
  });
  return marks;
};
const isOthers = (m: Mark) => m.attrs.authorId === OTHER;
const isMine = (m: Mark, type: string) => m.type.name === type && m.attrs.authorId === ME;
/** One's own suggested text is one's own to change: formatting it is still suggesting it. */
function ownInsertionOnly(doc: Node, from: number, to: number) {
  let only = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isText && !node.marks.some((m) => isMine(m, 'insertion'))) only = false;
  });
  return only;
}

/** A range of one textblock (or a point), as far as may be from the other author's suggestions. */
function pick(doc: Node, { a, b }: { a: number; b: number }, width = true) {
  const spans = textblocks(doc);
  const span = spans[a % spans.length]!;
  const size = span.end - span.start;
  const from = span.start + (b % (size + 1));
  const to = width ? Math.min(span.end, from + 1 + ((a >> 3) % 5)) : from;
  return { span, spans, from, to };
}
/**
 * Whether a suggestion over [from, to] would change the other author's suggestions (deleting
 * their insertion is rejecting it, marking their text is speaking over them). Next to them is
 * fair: the library joins abutting suggestions, and the editor keeps one's own under one's own
 * id (`stampSuggestionAuthor`).
 */
function overOthers(doc: Node, from: number, to: number) {
  return marksIn(doc, from, to).some(isOthers);
}

/** A valid suggestion of ME's, or, when the chosen one would change OTHER's, text at the end. */
function validSuggestion(
  doc: Y.Doc,
  kind: (typeof VALID)[number],
  at: { a: number; b: number; text: string },
) {
  let used: string = kind;
  const update = suggestionUpdate(doc, ME, (tr, pm) => {
    const { from, to, span, spans } = pick(pm, at, kind !== 'insert' && kind !== 'splitAtEnd');
    const next = spans[spans.indexOf(span) + 1];
    if (kind === 'insert') tr.insertText(at.text, from);
    else if (kind === 'delete' && to > from && !overOthers(pm, from, to)) tr.delete(from, to);
    else if (kind === 'replace' && to > from && !overOthers(pm, from, to))
      tr.insertText(at.text, from, to);
    else if (kind === 'format' && to > from && !overOthers(pm, from, to))
      tr.addMark(from, to, schema.marks.italic!.create());
    else if (kind === 'splitAtEnd') tr.split(span.end);
    else if (kind === 'join' && next && !overOthers(pm, span.end - 1, next.start + 1))
      tr.delete(Math.max(span.start, span.end - 1), Math.min(next.end, next.start + 1));
    else {
      used = 'insert';
      tr.insertText(at.text, spans.at(-1)!.end);
    }
  });
  return { update, used };
}

/** A raw change to a copy of `doc`, as a hand-made client would send it. */
function rawUpdate(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.transact(() => change(copy.getXmlFragment(FRAGMENT_NAME)));
  return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc));
}
const firstText = (fragment: Y.XmlFragment, a: number) => {
  const blocks = fragment.toArray() as Y.XmlElement[];
  return blocks[a % blocks.length]!.get(0) as Y.XmlText;
};
/** Offsets of the characters of `text` that are not ME's own insertions. */
function notOwnInsertions(text: Y.XmlText): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const op of text.toDelta() as {
    insert: string;
    attributes?: Record<string, { authorId?: string }>;
  }[]) {
    const own = op.attributes?.insertion?.authorId === ME;
    for (let i = 0; i < op.insert.length; i++, at++) if (!own) offsets.push(at);
  }
  return offsets;
}
/** In OTHER's name: never only a new id on an existing mark of theirs (the library's relabel). */
const forged = { id: 'forged', authorId: OTHER, createdAt: '2020-01-01T00:00:00.000Z' };
const mine = { id: 'mine', authorId: ME, createdAt: null };

/** A direct edit: it changes the document, and at least part of it is not a suggestion of ME's. */
function directEdit(
  doc: Y.Doc,
  kind: (typeof DIRECT)[number],
  at: { a: number; b: number; text: string },
) {
  let used: string = kind;
  const plainInsert = () => {
    used = 'plainInsert';
    return directUpdate(doc, (tr, pm) => tr.insert(pick(pm, at, false).from, schema.text(at.text)));
  };
  const update = (() => {
    switch (kind) {
      case 'plainInsert':
        return plainInsert();
      case 'plainDelete': {
        let applicable = true;
        const update = directUpdate(doc, (tr, pm) => {
          const { from, to } = pick(pm, at);
          // Deleting nothing but one's own insertion is how a suggestion is taken back.
          applicable = to > from && !ownInsertionOnly(pm, from, to);
          if (applicable) tr.delete(from, to);
        });
        return applicable ? update : plainInsert();
      }
      case 'unmarkedFormat': {
        let applicable = true;
        const update = directUpdate(doc, (tr, pm) => {
          const { from, to } = pick(pm, at);
          applicable =
            to > from &&
            !pm.rangeHasMark(from, to, schema.marks.bold!) &&
            !ownInsertionOnly(pm, from, to);
          if (applicable) tr.addMark(from, to, schema.marks.bold!.create());
        });
        return applicable ? update : plainInsert();
      }
      case 'removeMark': {
        let applicable = false;
        const update = directUpdate(doc, (tr, pm) => {
          const { from, to } = pick(pm, at);
          // Any mark on text that is not one's own insertion, but one's own deletion (whose
          // removal is taking one's suggestion back).
          const removable = marksIn(pm, from, to, true).find((m) => !isMine(m, 'deletion'));
          applicable = to > from && removable !== undefined;
          if (applicable) tr.removeMark(from, to, removable!);
        });
        return applicable ? update : plainInsert();
      }
      case 'nodeAttribute':
        return rawUpdate(doc, (fragment) => {
          const blocks = fragment.toArray() as Y.XmlElement[];
          const target = blocks[at.a % blocks.length]!;
          if (target.nodeName === 'heading')
            target.setAttribute('level', ((Number(target.getAttribute('level')) % 3) + 1) as never);
          else target.setAttribute('textAlign' as never, 'center' as never);
        });
      case 'forgedMark':
        return rawUpdate(doc, (fragment) => {
          const text = firstText(fragment, at.a);
          if (at.b % 2) text.insert(at.b % (text.length + 1), at.text, { insertion: forged });
          else text.format(0, text.length, { deletion: forged });
        });
      case 'deletionThatDeletes': {
        let applicable = true;
        const update = rawUpdate(doc, (fragment) => {
          const text = firstText(fragment, at.a);
          // A character that is not one's own insertion (deleting that is taking it back).
          const others = notOwnInsertions(text);
          applicable = others.length > 0;
          if (!applicable) return;
          text.format(0, text.length, { deletion: mine });
          text.delete(others[at.b % others.length]!, 1);
        });
        return applicable ? update : plainInsert();
      }
    }
  })();
  return { update, used };
}

function appendedParagraph(doc: Y.Doc, text: string) {
  return directUpdate(doc, (tr, pm) =>
    tr.insert(pm.content.size, schema.nodes.paragraph!.create(null, schema.text(text))),
  );
}

/**
 * For a batch: the direct edit made on a block the suggestion leaves alone. Made concurrently
 * on the same text, an edit can vanish into the suggestion (y-prosemirror rewrites the marks of
 * the whole text it changes, and a plain insert can land inside the new insertion mark), and
 * the merge then is only a suggestion, which rightly passes.
 */
function directEditBeside(
  doc: Y.Doc,
  suggestion: Uint8Array,
  kind: (typeof DIRECT)[number],
  at: { a: number; b: number; text: string },
) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const blocks = copy.getXmlFragment(FRAGMENT_NAME).toArray();
  const before = blocks.map((b) => b.toString());
  Y.applyUpdate(copy, suggestion);
  const untouched = blocks.findIndex((b, i) => !b._item?.deleted && b.toString() === before[i]);
  if (untouched === -1) return appendedParagraph(doc, at.text);
  // `a` picks the block (modulo their number) and, with its higher bits, the range's width.
  const a = untouched + blocks.length * 8 * ((at.a >> 3) % 1000);
  return directEdit(doc, kind, { ...at, a }).update;
}

/** Suggestion ids that both ME's and OTHER's marks carry after `update`: accepted together. */
function sharedIds(doc: Y.Doc, update: Uint8Array): string[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  const ids: Record<string, Set<string>> = { [ME]: new Set(), [OTHER]: new Set() };
  const visit = (node: unknown) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { attributes?: Record<string, unknown> }[])
        for (const value of Object.values(op.attributes ?? {})) {
          const { id, authorId } = (value ?? {}) as { id?: string; authorId?: string };
          if (id && authorId) ids[authorId]?.add(id);
        }
    } else if (node instanceof Y.XmlElement) node.toArray().forEach(visit);
  };
  copy.getXmlFragment(FRAGMENT_NAME).toArray().forEach(visit);
  return [...ids[ME]!].filter((id) => ids[OTHER]!.has(id));
}

type Tally = Record<string, { generated: number; passed: number; refused: number }>;
const tally: Tally = {};
function count(label: string, passed: boolean) {
  const row = (tally[label] ??= { generated: 0, passed: 0, refused: 0 });
  row.generated++;
  row[passed ? 'passed' : 'refused']++;
}

describe('SuggestionGuard, fuzzed', () => {
  afterAll(() => {
    const total = Object.values(tally).reduce((n, r) => n + r.generated, 0);
    console.info(`suggest-only guard fuzz: ${total} updates\n${JSON.stringify(tally, null, 1)}`);
  });

  it(`lets every suggestion through and no direct edit, in ${RUNS} × 3 updates`, () => {
    fc.assert(
      fc.property(scenario, ({ doc: json, valid, validAt, direct, directAt }) => {
        const doc = prosemirrorJSONToYDoc(schema, json, FRAGMENT_NAME);
        const suggestion = validSuggestion(doc, valid, validAt);
        const edit = directEdit(doc, direct, directAt);
        const mixed = Y.mergeUpdates([
          suggestion.update,
          directEditBeside(doc, suggestion.update, direct, directAt),
        ]);
        const judge = (update: Uint8Array) => new SuggestionGuard(doc).check(update, ME);
        const verdicts = {
          suggestion: judge(suggestion.update),
          edit: judge(edit.update),
          mixed: judge(mixed),
        };
        count(`valid:${suggestion.used}`, verdicts.suggestion === null);
        count(`direct:${edit.used}`, verdicts.edit === null);
        count(`mixed:${edit.used}`, verdicts.mixed === null);
        expect(verdicts.suggestion, `valid ${suggestion.used}`).toBeNull();
        expect(sharedIds(doc, suggestion.update), `ids of ${suggestion.used}`).toEqual([]);
        expect(verdicts.edit, `direct ${edit.used}`).not.toBeNull();
        expect(verdicts.mixed, `mixed with ${edit.used}`).not.toBeNull();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
