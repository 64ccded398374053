import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { buildSchema } from '../index.js';
import { newAssessmentMatrix, newForesightBoard, newPilotIndicators } from './factories.js';
import { achievementOf, readBlocks } from './readBlocks.js';

const docOf = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

describe('readBlocks', () => {
  it('reads a matrix: its criteria and rows in order, without scores', () => {
    const matrix = newAssessmentMatrix({
      title: 'Assessment',
      allowObservers: true,
      criteria: [{ dac: 'relevance' }, { label: 'Feasibility' }],
      rows: [{ label: 'Cluster financing', priority: 'financing' }, { label: 'Skills' }],
    });
    const { matrices, boards, pilotIndicators } = readBlocks(docOf(matrix));
    expect(boards).toEqual([]);
    expect(pilotIndicators).toEqual([]);
    expect(matrices).toEqual([
      {
        matrixId: matrix.attrs!.matrixId,
        title: 'Assessment',
        allowObservers: true,
        criteria: [
          { criterionId: expect.any(String), label: '', dac: 'relevance' },
          { criterionId: expect.any(String), label: 'Feasibility', dac: null },
        ],
        rows: [
          { rowId: expect.any(String), label: 'Cluster financing', priority: 'financing' },
          { rowId: expect.any(String), label: 'Skills', priority: null },
        ],
      },
    ]);
  });

  it('reads a board: drivers, scenarios with their narrative and links, wildcards', () => {
    const board = newForesightBoard({
      title: 'Futures 2040',
      drivers: [{ category: 'economic', label: 'Energy prices', impact: 4, uncertainty: 5 }],
      wildcards: ['Pandemic'],
    });
    const driverId = board.content![0]!.attrs!.driverId as string;
    board.attrs!.axisX = driverId;
    const scenario = board.content![1]!;
    scenario.attrs!.name = 'Green boom';
    scenario.attrs!.sectionLinks = JSON.stringify([{ documentId: 'plan-1', anchor: 'AQKFq5Pz' }]);
    scenario.content = [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Prices ' },
          { type: 'text', text: 'fall', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'fast.' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Then stay low.' }] },
    ];
    expect(() => buildSchema().nodeFromJSON(docOf(board)).check()).not.toThrow();

    const [read] = readBlocks(docOf(board)).boards;
    expect(read).toMatchObject({ title: 'Futures 2040', axisX: driverId, axisY: null });
    expect(read!.drivers).toEqual([
      { driverId, category: 'economic', label: 'Energy prices', impact: 4, uncertainty: 5 },
    ]);
    expect(read!.scenarios.map((s) => s.quadrant)).toEqual(['hh', 'hl', 'lh', 'll']);
    expect(read!.scenarios[0]).toMatchObject({
      name: 'Green boom',
      narrative: 'Prices fall\nfast.\n\nThen stay low.',
      sectionLinks: [{ documentId: 'plan-1', anchor: 'AQKFq5Pz' }],
    });
    expect(read!.scenarios[1]!.narrative).toBe('');
    expect(read!.wildcards).toEqual([{ wildcardId: expect.any(String), label: 'Pandemic' }]);
  });

  it('reads indicators with their achievement', () => {
    const block = newPilotIndicators({
      title: 'Pilot',
      indicators: [
        { name: 'Jobs', unit: 'FTE', baseline: 10, target: 20, result: 15, source: 'Survey' },
        { name: 'Emissions', unit: 't', baseline: 100, target: 80, result: 90 },
        { name: 'Unknown' },
      ],
    });
    const [read] = readBlocks(docOf(block)).pilotIndicators;
    expect(read!.indicators.map((i) => [i.name, i.achievement])).toEqual([
      ['Jobs', 0.5],
      ['Emissions', 0.5],
      ['Unknown', null],
    ]);
    expect(read!.indicators[0]).toMatchObject({ unit: 'FTE', source: 'Survey', target: 20 });
  });

  it('finds blocks wherever they sit, in document order', () => {
    const first = newPilotIndicators({ title: 'first' });
    const second = newPilotIndicators({ title: 'second' });
    const doc = docOf(first, {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [second] }] }],
    });
    expect(() => buildSchema().nodeFromJSON(doc).check()).not.toThrow();
    expect(readBlocks(doc).pilotIndicators.map((b) => b.title)).toEqual(['first', 'second']);
  });

  it('reads a value the rules refuse as the default, and leaves out what has no valid id', () => {
    const matrix = newAssessmentMatrix({ rows: [{ label: 'kept' }, { label: 'no id' }] });
    const rows = matrix.content!.filter((n) => n.type === 'matrixRow');
    rows[0]!.attrs!.priority = 'not-a-priority';
    rows[0]!.attrs!.label = 'x'.repeat(300);
    rows[1]!.attrs!.rowId = 'bad id';
    const noId = newPilotIndicators();
    delete noId.attrs!.blockId;
    const { matrices, pilotIndicators } = readBlocks(docOf(matrix, noId));
    expect(matrices[0]!.rows).toEqual([
      { rowId: rows[0]!.attrs!.rowId, label: '', priority: null },
    ]);
    expect(pilotIndicators).toEqual([]);
  });
});

describe('achievementOf', () => {
  it('is the share of the way from baseline to target', () => {
    expect(achievementOf(0, 10, 10)).toBe(1);
    expect(achievementOf(0, 10, 12)).toBe(1.2);
    expect(achievementOf(5, 10, 0)).toBe(-1);
    expect(achievementOf(100, 50, 75)).toBe(0.5);
  });

  it('is null when it cannot be computed', () => {
    expect(achievementOf(null, 10, 5)).toBeNull();
    expect(achievementOf(0, null, 5)).toBeNull();
    expect(achievementOf(0, 10, null)).toBeNull();
    expect(achievementOf(10, 10, 12)).toBeNull();
  });
});
