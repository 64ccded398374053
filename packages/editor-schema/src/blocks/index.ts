import type { AnyExtension } from '@tiptap/core';
import { AssessmentMatrix, MatrixCriterion, MatrixRow } from './assessmentMatrix.js';
import {
  ForesightBoard,
  ForesightDriver,
  ForesightScenario,
  ForesightWildcard,
} from './foresightBoard.js';
import { PilotIndicator, PilotIndicators } from './pilotIndicators.js';

/** The three blocks a document can hold (decision 0049). */
export const METHOD_BLOCK_TYPES = [
  'assessmentMatrix',
  'foresightBoard',
  'pilotIndicators',
] as const;
export type MethodBlockType = (typeof METHOD_BLOCK_TYPES)[number];

/** The children of each block: they are valid only inside it. */
export const METHOD_BLOCK_CHILD_TYPES = [
  'matrixCriterion',
  'matrixRow',
  'foresightDriver',
  'foresightScenario',
  'foresightWildcard',
  'pilotIndicator',
] as const;

/**
 * The id attribute of each block and child: a stable random id set on insert and never edited.
 * Threads, scores, votes, links and the version diff refer to a node by it.
 */
export const BLOCK_ID_ATTRIBUTES = {
  assessmentMatrix: 'matrixId',
  matrixCriterion: 'criterionId',
  matrixRow: 'rowId',
  foresightBoard: 'boardId',
  foresightDriver: 'driverId',
  foresightScenario: 'scenarioId',
  foresightWildcard: 'wildcardId',
  pilotIndicators: 'blockId',
  pilotIndicator: 'indicatorId',
} as const satisfies Record<
  (typeof METHOD_BLOCK_TYPES)[number] | (typeof METHOD_BLOCK_CHILD_TYPES)[number],
  string
>;

/** The id of a block or child node (a ProseMirror node or its JSON); null for any other node. */
export function blockIdOf(node: {
  type: { name: string } | string | undefined;
  attrs?: Record<string, unknown>;
}): string | null {
  const name = typeof node.type === 'string' ? node.type : node.type?.name;
  const attribute = BLOCK_ID_ATTRIBUTES[name as keyof typeof BLOCK_ID_ATTRIBUTES];
  const id = attribute ? node.attrs?.[attribute] : undefined;
  return typeof id === 'string' ? id : null;
}

export function methodBlockExtensions(): AnyExtension[] {
  return [
    AssessmentMatrix,
    MatrixCriterion,
    MatrixRow,
    ForesightBoard,
    ForesightDriver,
    ForesightScenario,
    ForesightWildcard,
    PilotIndicators,
    PilotIndicator,
  ];
}

export { AssessmentMatrix, MatrixCriterion, MatrixRow } from './assessmentMatrix.js';
export {
  ForesightBoard,
  ForesightDriver,
  ForesightScenario,
  ForesightWildcard,
} from './foresightBoard.js';
export { PilotIndicator, PilotIndicators } from './pilotIndicators.js';
export * from './vocabulary.js';
export * from './factories.js';
export * from './readBlocks.js';
