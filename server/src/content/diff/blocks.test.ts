import {
  buildDiffSchema,
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  newForesightBoard,
  newForesightScenario,
  newPilotIndicator,
  newPilotIndicators,
  readBlocks,
  type JSONContent,
} from '@polisee/editor-schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import { diffStates } from '../versionContent.js';
import { diffBlocks } from './blockChanges.js';
import { diffDocuments } from './index.js';

const diffSchema = buildDiffSchema();
const docJSON = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const intro = { type: 'paragraph', content: [{ type: 'text', text: 'The plan.' }] };

/** A document with one block of each kind, and a way to edit a copy of it. */
function fixture() {
  const matrix = newAssessmentMatrix({
    title: 'Assessment',
    criteria: [{ dac: 'relevance' }, { label: 'Feasibility' }],
    rows: [
      { label: 'Cluster financing', priority: 'financing' },
      { label: 'Skills academies', priority: 'skills' },
    ],
  });
  const board = newForesightBoard({
    title: 'Futures',
    drivers: [
      { category: 'economic', label: 'Energy prices', impact: 2, uncertainty: 4 },
      { category: 'political', label: 'EU funding', impact: 4, uncertainty: 3 },
    ],
  });
  const pilot = newPilotIndicators({
    title: 'Pilot',
    indicators: [
      { name: 'Jobs', unit: 'FTE', baseline: 0, target: 10 },
      { name: 'Firms', unit: 'firms', baseline: 5, target: 20 },
    ],
  });
  const before = docJSON(intro, matrix, board, pilot);
  return { before, after: structuredClone(before) };
}

const [MATRIX, BOARD, PILOT] = [1, 2, 3];
const child = (doc: JSONContent, block: number, index: number) =>
  doc.content![block]!.content![index]!;

/** Blocks flagged with the `diff` attribute: `type:value`. */
function flagged(result: PMNode): string[] {
  const out: string[] = [];
  result.descendants((node) => {
    if (node.attrs.diff) out.push(`${node.type.name}:${node.attrs.diff as string}`);
    return true;
  });
  return out;
}

const compare = (a: JSONContent, b: JSONContent) => {
  const { doc } = diffDocuments(diffSchema.nodeFromJSON(a), diffSchema.nodeFromJSON(b));
  doc.check();
  return doc;
};

describe('the comparison document with method blocks', () => {
  it('flags an edited row, driver or indicator as changed, not as removed and added', () => {
    const { before, after } = fixture();
    child(after, MATRIX, 2).attrs!.label = 'Cluster finance';
    child(after, BOARD, 0).attrs!.impact = 4;
    child(after, PILOT, 0).attrs!.target = 12;
    const result = compare(before, after);
    expect(flagged(result)).toEqual([
      'matrixRow:format',
      'foresightDriver:format',
      'pilotIndicator:format',
    ]);
    // Each edited item once, as it reads now.
    expect(result.child(PILOT).childCount).toBe(2);
    expect(result.child(PILOT).child(0).attrs.target).toBe(12);
  });

  it('puts a removed item back, flagged, and flags an added one', () => {
    const { before, after } = fixture();
    after.content![PILOT]!.content!.splice(0, 1);
    after.content![BOARD]!.content!.push(newForesightScenario({ quadrant: 'hh', name: 'Boom' }));
    const result = compare(before, after);
    expect(flagged(result)).toEqual(['foresightScenario:insert', 'pilotIndicator:delete']);
    expect(result.child(PILOT).child(0).attrs.name).toBe('Jobs');
  });

  it('flags a block whose own attributes changed', () => {
    const { before, after } = fixture();
    after.content![MATRIX]!.attrs!.title = 'Regional assessment';
    expect(flagged(compare(before, after))).toEqual(['assessmentMatrix:format']);
  });
});

describe('diffBlocks', () => {
  const changes = (before: JSONContent, after: JSONContent) =>
    diffBlocks(readBlocks(before), readBlocks(after));

  it('names nothing when nothing changed inside the blocks', () => {
    const { before, after } = fixture();
    after.content![0] = { type: 'paragraph', content: [{ type: 'text', text: 'Another plan.' }] };
    expect(changes(before, after)).toEqual([]);
  });

  it('names a target 10 → 12, a row renamed and a driver’s impact 2 → 4', () => {
    const { before, after } = fixture();
    child(after, PILOT, 0).attrs!.target = 12;
    child(after, MATRIX, 2).attrs!.label = 'Cluster finance';
    child(after, BOARD, 0).attrs!.impact = 4;
    const pilotId = after.content![PILOT]!.attrs!.blockId as string;
    expect(changes(before, after)).toEqual([
      {
        change: 'changed',
        block: { type: 'assessmentMatrix', id: expect.any(String), title: 'Assessment' },
        item: {
          type: 'matrixRow',
          id: child(after, MATRIX, 2).attrs!.rowId,
          name: 'Cluster finance',
          priority: 'financing',
        },
        field: 'label',
        from: 'Cluster financing',
        to: 'Cluster finance',
      },
      {
        change: 'changed',
        block: { type: 'foresightBoard', id: expect.any(String), title: 'Futures' },
        item: { type: 'foresightDriver', id: expect.any(String), name: 'Energy prices' },
        field: 'impact',
        from: 2,
        to: 4,
      },
      {
        change: 'changed',
        block: { type: 'pilotIndicators', id: pilotId, title: 'Pilot' },
        item: { type: 'pilotIndicator', id: expect.any(String), name: 'Jobs' },
        field: 'target',
        from: 10,
        to: 12,
      },
    ]);
  });

  it('names items added and removed, a scenario’s narrative and links, and the axes', () => {
    const { before, after } = fixture();
    const board = after.content![BOARD]!;
    const energy = board.content![0]!.attrs!.driverId as string;
    board.attrs!.axisX = energy;
    const scenario = board.content!.find((n) => n.type === 'foresightScenario')!;
    scenario.content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Cheap power.' }] }];
    scenario.attrs!.sectionLinks = JSON.stringify([{ documentId: 'plan', anchor: 'AQKFq5Pz' }]);
    board.content!.push(newForesightScenario({ quadrant: 'll', name: 'Stagnation' }));
    after.content![PILOT]!.content!.splice(1, 1, newPilotIndicator({ name: 'Patents' }));
    const named = changes(before, after).map(
      (c) =>
        `${c.change} ${c.item?.type ?? c.block.type}:${c.item?.name ?? ''} ${c.field ?? ''} ${c.from}→${c.to}`,
    );
    expect(named).toEqual([
      'changed foresightBoard: axisX null→Energy prices',
      'changed foresightScenario: narrative null→null',
      'changed foresightScenario: sectionLinks 0→1',
      'added foresightScenario:Stagnation  null→null',
      'removed pilotIndicator:Firms  null→null',
      'added pilotIndicator:Patents  null→null',
    ]);
  });

  it('names blocks added and removed whole', () => {
    const { before, after } = fixture();
    after.content!.splice(MATRIX, 1);
    after.content!.push(newPilotIndicators({ title: 'Second pilot' }));
    expect(changes(before, after).map((c) => [c.change, c.block.title, c.item])).toEqual([
      ['removed', 'Assessment', null],
      ['added', 'Second pilot', null],
    ]);
  });
});

describe('diffStates', () => {
  it('compares two states of a Y.Doc, block changes included', () => {
    const schema = buildSchema();
    const { before, after } = fixture();
    child(after, PILOT, 1).attrs!.result = 14;
    const from = prosemirrorJSONToYDoc(schema, before, FRAGMENT_NAME);
    const to = prosemirrorJSONToYDoc(schema, after, FRAGMENT_NAME);
    const { blockChanges, stats } = diffStates(from, to);
    expect(blockChanges).toMatchObject([
      { change: 'changed', item: { name: 'Firms' }, field: 'result', from: null, to: 14 },
    ]);
    expect(stats.formatChanged).toBe(1);
  });
});
