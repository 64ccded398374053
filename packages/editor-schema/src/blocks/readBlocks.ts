import type { JSONContent } from '@tiptap/core';
import { attributeRule, isSectionLinkList } from '../attributeRules.js';
import type { BlockPriority, DacCriterion, Quadrant, SteepCategory } from './vocabulary.js';

/**
 * Reads the method blocks out of a document as plain data, headless: from ProseMirror JSON,
 * which the client has (`editor.getJSON()`) and the server makes from a live Y.Doc or a
 * version's state alike (`yXmlFragmentToProsemirrorJSON`). Scores are not in the document and
 * so not here.
 *
 * Values are held to the same attribute rules as the collaboration endpoint: a value an older,
 * unguarded server stored and the rules refuse reads as the attribute's default. A block or
 * child without a valid id is left out: nothing (a score, a thread, a vote) can refer to it.
 */

export interface MatrixCriterionData {
  criterionId: string;
  label: string;
  dac: DacCriterion | null;
}
export interface MatrixRowData {
  rowId: string;
  label: string;
  priority: BlockPriority | null;
}
export interface AssessmentMatrixData {
  matrixId: string;
  title: string;
  allowObservers: boolean;
  criteria: MatrixCriterionData[];
  rows: MatrixRowData[];
}

export interface ForesightDriverData {
  driverId: string;
  category: SteepCategory;
  label: string;
  impact: number;
  uncertainty: number;
}
export interface SectionLinkData {
  documentId: string;
  anchor: string;
}
export interface ForesightScenarioData {
  scenarioId: string;
  quadrant: Quadrant;
  name: string;
  /** The narrative as plain text: paragraphs separated by a blank line. */
  narrative: string;
  sectionLinks: SectionLinkData[];
}
export interface ForesightWildcardData {
  wildcardId: string;
  label: string;
}
export interface ForesightBoardData {
  boardId: string;
  title: string;
  axisX: string | null;
  axisY: string | null;
  drivers: ForesightDriverData[];
  scenarios: ForesightScenarioData[];
  wildcards: ForesightWildcardData[];
}

export interface PilotIndicatorData {
  indicatorId: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  result: number | null;
  source: string;
  /** See `achievementOf`. */
  achievement: number | null;
}
export interface PilotIndicatorsData {
  blockId: string;
  title: string;
  indicators: PilotIndicatorData[];
}

/** Every block of a document, each list in document order. */
export interface DocumentBlocks {
  matrices: AssessmentMatrixData[];
  boards: ForesightBoardData[];
  pilotIndicators: PilotIndicatorsData[];
}

/**
 * How far a result went from the baseline towards the target: (result − baseline) /
 * (target − baseline). 0 is the baseline, 1 the target reached; it is above 1 when the target
 * is exceeded and negative when the result moved away from it (it works the same for a target
 * below the baseline, such as a cut in emissions). Null when a value is missing or target
 * equals baseline (no distance to cover). Not rounded: rounding is the display's business.
 */
export function achievementOf(
  baseline: number | null,
  target: number | null,
  result: number | null,
): number | null {
  if (baseline === null || target === null || result === null || target === baseline) return null;
  const achievement = (result - baseline) / (target - baseline);
  return Number.isFinite(achievement) ? achievement : null;
}

/** The value of an attribute if its rule allows it, else `fallback`. */
function attr<T>(node: JSONContent, name: string, fallback: T): T {
  const value = node.attrs?.[name] as unknown;
  if (value === undefined || !attributeRule('node', node.type ?? '', name)(value)) return fallback;
  return value as T;
}

function idOf(node: JSONContent, name: string): string | null {
  return attr<string | null>(node, name, null);
}

const childrenOf = (node: JSONContent, type: string) =>
  (node.content ?? []).filter((child) => child.type === type);

/** Plain text of inline content, a hard break read as a line break. */
function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

function sectionLinksOf(node: JSONContent): SectionLinkData[] {
  const raw = node.attrs?.sectionLinks as unknown;
  if (!isSectionLinkList(raw)) return [];
  return (JSON.parse(raw as string) as SectionLinkData[]).map(({ documentId, anchor }) => ({
    documentId,
    anchor,
  }));
}

/** Keeps the items whose id was valid. */
function withIds<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

function readMatrix(node: JSONContent): AssessmentMatrixData | null {
  const matrixId = idOf(node, 'matrixId');
  if (!matrixId) return null;
  return {
    matrixId,
    title: attr(node, 'title', ''),
    allowObservers: attr(node, 'allowObservers', false),
    criteria: withIds(
      childrenOf(node, 'matrixCriterion').map((c) => {
        const criterionId = idOf(c, 'criterionId');
        return criterionId
          ? { criterionId, label: attr(c, 'label', ''), dac: attr(c, 'dac', null) }
          : null;
      }),
    ),
    rows: withIds(
      childrenOf(node, 'matrixRow').map((r) => {
        const rowId = idOf(r, 'rowId');
        return rowId
          ? { rowId, label: attr(r, 'label', ''), priority: attr(r, 'priority', null) }
          : null;
      }),
    ),
  };
}

function readBoard(node: JSONContent): ForesightBoardData | null {
  const boardId = idOf(node, 'boardId');
  if (!boardId) return null;
  return {
    boardId,
    title: attr(node, 'title', ''),
    axisX: attr(node, 'axisX', null),
    axisY: attr(node, 'axisY', null),
    drivers: withIds(
      childrenOf(node, 'foresightDriver').map((d) => {
        const driverId = idOf(d, 'driverId');
        return driverId
          ? {
              driverId,
              category: attr(d, 'category', 'social'),
              label: attr(d, 'label', ''),
              impact: attr(d, 'impact', 3),
              uncertainty: attr(d, 'uncertainty', 3),
            }
          : null;
      }),
    ),
    scenarios: withIds(
      childrenOf(node, 'foresightScenario').map((s) => {
        const scenarioId = idOf(s, 'scenarioId');
        return scenarioId
          ? {
              scenarioId,
              quadrant: attr(s, 'quadrant', 'hh'),
              name: attr(s, 'name', ''),
              narrative: (s.content ?? []).map(inlineText).join('\n\n'),
              sectionLinks: sectionLinksOf(s),
            }
          : null;
      }),
    ),
    wildcards: withIds(
      childrenOf(node, 'foresightWildcard').map((w) => {
        const wildcardId = idOf(w, 'wildcardId');
        return wildcardId ? { wildcardId, label: attr(w, 'label', '') } : null;
      }),
    ),
  };
}

function readPilotIndicators(node: JSONContent): PilotIndicatorsData | null {
  const blockId = idOf(node, 'blockId');
  if (!blockId) return null;
  return {
    blockId,
    title: attr(node, 'title', ''),
    indicators: withIds(
      childrenOf(node, 'pilotIndicator').map((i) => {
        const indicatorId = idOf(i, 'indicatorId');
        if (!indicatorId) return null;
        const baseline = attr<number | null>(i, 'baseline', null);
        const target = attr<number | null>(i, 'target', null);
        const result = attr<number | null>(i, 'result', null);
        return {
          indicatorId,
          name: attr(i, 'name', ''),
          unit: attr(i, 'unit', ''),
          baseline,
          target,
          result,
          source: attr(i, 'source', ''),
          achievement: achievementOf(baseline, target, result),
        };
      }),
    ),
  };
}

/** The blocks of a document (its ProseMirror JSON), wherever they sit: a table cell may hold one. */
export function readBlocks(doc: JSONContent): DocumentBlocks {
  const blocks: DocumentBlocks = { matrices: [], boards: [], pilotIndicators: [] };
  const visit = (node: JSONContent) => {
    switch (node.type) {
      case 'assessmentMatrix': {
        const matrix = readMatrix(node);
        if (matrix) blocks.matrices.push(matrix);
        return;
      }
      case 'foresightBoard': {
        const board = readBoard(node);
        if (board) blocks.boards.push(board);
        return;
      }
      case 'pilotIndicators': {
        const pilot = readPilotIndicators(node);
        if (pilot) blocks.pilotIndicators.push(pilot);
        return;
      }
      default:
        node.content?.forEach(visit);
    }
  };
  visit(doc);
  return blocks;
}
