import type { JSONContent } from '@tiptap/core';
import {
  BLOCK_PRIORITIES,
  DAC_CRITERIA,
  QUADRANTS,
  type BlockPriority,
  type DacCriterion,
  type Quadrant,
  type SteepCategory,
} from './vocabulary.js';

/**
 * Builders of new blocks and children as ProseMirror JSON, for the editor's insert commands,
 * templates and tests. Each fresh node gets a fresh id: threads, scores, votes and links refer
 * to it, so it is set once here and never edited.
 *
 * An empty `label` on a DAC criterion or a priority row means "the criterion's (priority's)
 * name in the reader's language": the stored document stays the same in every UI language.
 */

/** A random id, in the browser and in Node (both have Web Crypto's `randomUUID`). */
export function newBlockId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

export interface CriterionInit {
  label?: string;
  dac?: DacCriterion | null;
}
export interface RowInit {
  label?: string;
  priority?: BlockPriority | null;
}

export function newMatrixCriterion({ label = '', dac = null }: CriterionInit = {}): JSONContent {
  return { type: 'matrixCriterion', attrs: { criterionId: newBlockId(), label, dac } };
}

export function newMatrixRow({ label = '', priority = null }: RowInit = {}): JSONContent {
  return { type: 'matrixRow', attrs: { rowId: newBlockId(), label, priority } };
}

/** A matrix with the six DAC criteria and one row per thematic priority, unless told otherwise. */
export function newAssessmentMatrix({
  title = '',
  allowObservers = false,
  criteria = DAC_CRITERIA.map((dac) => ({ dac })),
  rows = BLOCK_PRIORITIES.map((priority) => ({ priority })),
}: {
  title?: string;
  allowObservers?: boolean;
  criteria?: CriterionInit[];
  rows?: RowInit[];
} = {}): JSONContent {
  // The content expression needs one of each: an empty list still gives an editable matrix.
  const columns = criteria.length > 0 ? criteria : [{}];
  const lines = rows.length > 0 ? rows : [{}];
  return {
    type: 'assessmentMatrix',
    attrs: { matrixId: newBlockId(), title, allowObservers },
    content: [...columns.map(newMatrixCriterion), ...lines.map(newMatrixRow)],
  };
}

export interface DriverInit {
  category?: SteepCategory;
  label?: string;
  impact?: number;
  uncertainty?: number;
}

export function newForesightDriver({
  category = 'social',
  label = '',
  impact = 3,
  uncertainty = 3,
}: DriverInit = {}): JSONContent {
  return {
    type: 'foresightDriver',
    attrs: { driverId: newBlockId(), category, label, impact, uncertainty },
  };
}

export function newForesightScenario({
  quadrant,
  name = '',
  narrative = '',
}: {
  quadrant: Quadrant;
  name?: string;
  narrative?: string;
}): JSONContent {
  return {
    type: 'foresightScenario',
    attrs: { scenarioId: newBlockId(), quadrant, name, sectionLinks: '[]' },
    content: [
      narrative
        ? { type: 'paragraph', content: [{ type: 'text', text: narrative }] }
        : { type: 'paragraph' },
    ],
  };
}

export function newForesightWildcard({ label = '' }: { label?: string } = {}): JSONContent {
  return { type: 'foresightWildcard', attrs: { wildcardId: newBlockId(), label } };
}

/** A board with the given drivers and wildcards, and one empty scenario per quadrant. */
export function newForesightBoard({
  title = '',
  drivers = [],
  wildcards = [],
}: { title?: string; drivers?: DriverInit[]; wildcards?: string[] } = {}): JSONContent {
  return {
    type: 'foresightBoard',
    attrs: { boardId: newBlockId(), title, axisX: null, axisY: null },
    content: [
      ...drivers.map(newForesightDriver),
      ...QUADRANTS.map((quadrant) => newForesightScenario({ quadrant })),
      ...wildcards.map((label) => newForesightWildcard({ label })),
    ],
  };
}

export interface IndicatorInit {
  name?: string;
  unit?: string;
  baseline?: number | null;
  target?: number | null;
  result?: number | null;
  source?: string;
}

export function newPilotIndicator({
  name = '',
  unit = '',
  baseline = null,
  target = null,
  result = null,
  source = '',
}: IndicatorInit = {}): JSONContent {
  return {
    type: 'pilotIndicator',
    attrs: { indicatorId: newBlockId(), name, unit, baseline, target, result, source },
  };
}

/** A pilot's indicator table, with one empty indicator unless told otherwise. */
export function newPilotIndicators({
  title = '',
  indicators = [{}],
}: { title?: string; indicators?: IndicatorInit[] } = {}): JSONContent {
  const list = indicators.length > 0 ? indicators : [{}];
  return {
    type: 'pilotIndicators',
    attrs: { blockId: newBlockId(), title },
    content: list.map(newPilotIndicator),
  };
}
