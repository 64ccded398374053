import { buildSchema, newAssessmentMatrix, newPilotIndicators } from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { uniqueBlockIdsPlugin } from './uniqueBlockIds';

const schema = buildSchema();

function stateWith(...blocks: ReturnType<typeof newPilotIndicators>[]) {
  const doc = PMNode.fromJSON(schema, { type: 'doc', content: blocks });
  return EditorState.create({ schema, doc, plugins: [uniqueBlockIdsPlugin()] });
}

const ids = (state: EditorState, attribute: string) => {
  const found: string[] = [];
  state.doc.descendants((node) => {
    if (typeof node.attrs[attribute] === 'string') found.push(node.attrs[attribute] as string);
  });
  return found;
};

describe('unique block ids', () => {
  it('gives a pasted copy of a block (and its items) fresh ids; the original keeps its own', () => {
    const indicators = newPilotIndicators({ indicators: [{ name: 'Jobs' }, { name: 'Firms' }] });
    const state = stateWith(indicators);
    const original = state.doc.firstChild!;
    const tr = state.tr.insert(state.doc.content.size, original.copy(original.content));
    tr.setMeta('uiEvent', 'paste');
    const next = state.apply(tr);

    const blockIds = ids(next, 'blockId');
    expect(blockIds).toHaveLength(2);
    expect(blockIds[0]).toBe(indicators.attrs!.blockId);
    expect(new Set(blockIds).size).toBe(2);
    const indicatorIds = ids(next, 'indicatorId');
    expect(indicatorIds.slice(0, 2)).toEqual(indicators.content!.map((c) => c.attrs!.indicatorId));
    expect(new Set(indicatorIds).size).toBe(4);
  });

  it('leaves typing and remote changes alone, and a pasted block with ids of its own', () => {
    const state = stateWith(newAssessmentMatrix());
    const before = ids(state, 'matrixId');
    const typed = state.apply(state.tr.insertText('x', 0));
    expect(ids(typed, 'matrixId')).toEqual(before);
    const pasted = state.tr.insert(
      state.doc.content.size,
      PMNode.fromJSON(schema, newAssessmentMatrix()),
    );
    pasted.setMeta('uiEvent', 'paste');
    const other = ids(state.apply(pasted), 'matrixId');
    expect(other[0]).toBe(before[0]);
    expect(other).toHaveLength(2);
  });
});
