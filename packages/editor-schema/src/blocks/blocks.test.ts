import { describe, expect, it } from 'vitest';
import { buildDiffSchema, buildSchema } from '../index.js';
import {
  newAssessmentMatrix,
  newBlockId,
  newForesightBoard,
  newForesightDriver,
  newMatrixRow,
  newPilotIndicator,
  newPilotIndicators,
} from './factories.js';
import { METHOD_BLOCK_CHILD_TYPES, METHOD_BLOCK_TYPES } from './index.js';
import { BLOCK_ID_PATTERN, DAC_CRITERIA, QUADRANTS } from './vocabulary.js';

const schema = buildSchema();
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const docOf = (...content: object[]) => ({ type: 'doc', content });

describe('method blocks in the schema', () => {
  it('has every block and child of decision 0049', () => {
    for (const name of [...METHOD_BLOCK_TYPES, ...METHOD_BLOCK_CHILD_TYPES]) {
      expect(schema.nodes[name], name).toBeDefined();
    }
    for (const name of METHOD_BLOCK_TYPES) {
      expect(schema.nodes[name]!.isInGroup('block'), name).toBe(true);
      expect(schema.nodes[name]!.spec.isolating, name).toBe(true);
    }
    for (const name of METHOD_BLOCK_CHILD_TYPES) {
      expect(schema.nodes[name]!.isInGroup('block'), name).toBe(false);
    }
    for (const name of ['matrixCriterion', 'matrixRow', 'foresightDriver', 'pilotIndicator']) {
      expect(schema.nodes[name]!.isAtom, name).toBe(true);
    }
  });

  it('builds the default blocks and reads them back from JSON unchanged', () => {
    const json = docOf(
      paragraph('Before'),
      newAssessmentMatrix({ title: 'Assessment' }),
      newForesightBoard({
        drivers: [{ category: 'economic', label: 'Energy prices', impact: 4, uncertainty: 5 }],
        wildcards: ['A pandemic'],
      }),
      newPilotIndicators({ indicators: [{ name: 'Jobs', baseline: 1, target: 2.5 }] }),
    );
    const doc = schema.nodeFromJSON(json);
    expect(() => doc.check()).not.toThrow();
    expect(doc.toJSON()).toEqual(json);
  });

  it('fills the defaults: six DAC criteria, a row per priority, a scenario per quadrant', () => {
    const matrix = newAssessmentMatrix();
    const criteria = matrix.content!.filter((n) => n.type === 'matrixCriterion');
    expect(criteria.map((c) => c.attrs!.dac)).toEqual([...DAC_CRITERIA]);
    expect(matrix.content!.filter((n) => n.type === 'matrixRow')).toHaveLength(6);
    const board = newForesightBoard();
    expect(board.content!.map((n) => n.attrs!.quadrant)).toEqual([...QUADRANTS]);
    // An empty list still makes a valid block: the content expressions need one of each.
    const empty = newAssessmentMatrix({ criteria: [], rows: [] });
    expect(() => schema.nodeFromJSON(docOf(empty)).check()).not.toThrow();
  });

  it('gives every block and child a fresh id that fits the id rule', () => {
    const ids = new Set<string>();
    const walk = (node: { attrs?: Record<string, unknown>; content?: object[] }) => {
      for (const [key, value] of Object.entries(node.attrs ?? {}))
        if (/Id$/.test(key)) ids.add(value as string);
      node.content?.forEach((child) => walk(child));
    };
    walk(newAssessmentMatrix());
    walk(newAssessmentMatrix());
    expect(ids.size).toBe(2 * (1 + 6 + 6));
    for (const id of ids) expect(id).toMatch(BLOCK_ID_PATTERN);
    expect(newBlockId()).not.toBe(newBlockId());
  });

  it('refuses a child outside its parent', () => {
    for (const child of [
      newMatrixRow(),
      newForesightDriver(),
      newPilotIndicator(),
      { type: 'foresightScenario', content: [paragraph('x')] },
    ]) {
      expect(() => schema.nodeFromJSON(docOf(child)).check(), child.type).toThrow();
    }
    const matrixWithIndicator = newAssessmentMatrix();
    matrixWithIndicator.content!.push(newPilotIndicator());
    expect(() => schema.nodeFromJSON(docOf(matrixWithIndicator)).check()).toThrow();
    // Criteria come before rows.
    const swapped = newAssessmentMatrix();
    swapped.content!.reverse();
    expect(() => schema.nodeFromJSON(docOf(swapped)).check()).toThrow();
    // A matrix needs a criterion and a row; an indicator table needs an indicator.
    expect(() =>
      schema.nodeFromJSON(docOf({ type: 'assessmentMatrix', content: [newMatrixRow()] })).check(),
    ).toThrow();
    expect(() => schema.nodeFromJSON(docOf({ type: 'pilotIndicators' })).check()).toThrow();
  });

  it('keeps a scenario narrative as paragraphs only', () => {
    const board = newForesightBoard();
    board.content![0]!.content = [{ type: 'heading', attrs: { level: 2 } }];
    expect(() => schema.nodeFromJSON(docOf(board)).check()).toThrow();
  });

  it('survives in the diff schema', () => {
    const diff = buildDiffSchema();
    const matrix = newAssessmentMatrix();
    matrix.attrs = { ...matrix.attrs, diff: 'insert' };
    matrix.content![0]!.attrs = { ...matrix.content![0]!.attrs, diff: 'format' };
    expect(() => diff.nodeFromJSON(docOf(matrix)).check()).not.toThrow();
  });
});
