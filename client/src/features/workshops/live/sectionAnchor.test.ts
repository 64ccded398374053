import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headingNearestTop, headingsOf } from './headings';
import {
  blockStartAt,
  encodeSectionAnchor,
  resolveSectionAnchor,
  type YBinding,
} from './sectionAnchor';

const schema = buildSchema();
const heading = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function seeded() {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: [
        heading(1, 'Plan'),
        paragraph('Intro'),
        heading(2, 'Objectives'),
        paragraph('Grow'),
        heading(2, 'Budget'),
      ],
    },
    ydoc.getXmlFragment(FRAGMENT_NAME),
  );
  return ydoc;
}

/** The ProseMirror view of a Y.Doc and the binding's mapping, as the editor would hold them. */
function bound(ydoc: Y.Doc) {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const binding: YBinding = { doc: ydoc, fragment, mapping };
  return { doc, binding };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const textAt = (doc: ReturnType<typeof bound>['doc'], pos: number | null) =>
  pos === null ? null : (doc.nodeAt(pos)?.textContent ?? null);

describe('resolveSectionAnchor', () => {
  it('finds a heading from an anchor the editor made, after concurrent edits before it', () => {
    const ydoc = seeded();
    const { doc, binding } = bound(ydoc);
    const objectives = headingsOf(doc).find((h) => h.text === 'Objectives')!;
    const anchor = encodeSectionAnchor(objectives.pos, binding);

    // Another participant inserts two paragraphs at the top, in their own replica.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const otherFragment = other.getXmlFragment(FRAGMENT_NAME);
    const inserted = [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')];
    inserted.forEach((p, i) => p.insert(0, [new Y.XmlText(`New ${i}`)]));
    otherFragment.insert(0, inserted);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));

    const after = bound(ydoc);
    const pos = resolveSectionAnchor(anchor, after.binding, after.doc);
    expect(pos).not.toBe(objectives.pos);
    expect(textAt(after.doc, pos)).toBe('Objectives');
  });

  it('finds a heading from an anchor on the heading element itself (as the server makes them)', () => {
    const ydoc = seeded();
    const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
    const anchor = toBase64(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, 4)),
    );
    fragment.insert(0, [new Y.XmlElement('paragraph')]);
    const { doc, binding } = bound(ydoc);
    expect(textAt(doc, resolveSectionAnchor(anchor, binding, doc))).toBe('Budget');
  });

  it('gives null for an anchor of another document or a malformed one', () => {
    const { doc, binding } = bound(seeded());
    const stranger = seeded();
    const { binding: strangerBinding, doc: strangerDoc } = bound(stranger);
    const foreign = encodeSectionAnchor(headingsOf(strangerDoc)[1]!.pos, strangerBinding);
    expect(resolveSectionAnchor(foreign, binding, doc)).toBeNull();
    expect(resolveSectionAnchor('!!!!', binding, doc)).toBeNull();
  });
});

describe('blockStartAt', () => {
  it('maps a position inside or before a heading to the heading’s start', () => {
    const { doc } = bound(seeded());
    const budget = headingsOf(doc).find((h) => h.text === 'Budget')!;
    expect(blockStartAt(doc, budget.pos)).toBe(budget.pos);
    expect(blockStartAt(doc, budget.pos + 3)).toBe(budget.pos);
    expect(blockStartAt(doc, doc.content.size + 1)).toBeNull();
  });
});

describe('headingNearestTop', () => {
  const headings = [
    { pos: 0, level: 1, text: 'A' },
    { pos: 10, level: 2, text: 'B' },
    { pos: 20, level: 2, text: 'C' },
  ];
  it('takes the last heading scrolled past the top, or the first one below it', () => {
    const tops: Record<number, number> = { 0: -400, 10: -20, 20: 300 };
    expect(headingNearestTop(headings, (p) => tops[p] ?? null, 80)?.text).toBe('B');
    const below: Record<number, number> = { 0: 200, 10: 600, 20: 900 };
    expect(headingNearestTop(headings, (p) => below[p] ?? null, 80)?.text).toBe('A');
    expect(headingNearestTop([], () => 0, 80)).toBeNull();
  });
});
