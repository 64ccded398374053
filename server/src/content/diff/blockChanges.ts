import type { BlockChange } from '@polisee/contracts';
import type {
  AssessmentMatrixData,
  DocumentBlocks,
  ForesightBoardData,
  PilotIndicatorsData,
} from '@polisee/editor-schema';

/**
 * What changed inside the method blocks between two states, by item: the history names "Jobs:
 * target 10 → 12" instead of showing an indicator removed and another added. Blocks and items
 * are matched by their ids (set on insert, never edited), so a renamed row is the same row.
 * Order is not compared: moving a row is not a change people look for in a history.
 */

type Value = BlockChange['from'];
type BlockRef = BlockChange['block'];
type ItemRef = NonNullable<BlockChange['item']>;

/** How to compare one kind of item: its id, its name, and the fields a change is named by. */
interface ItemKind<T> {
  type: ItemRef['type'];
  id: (item: T) => string;
  ref: (item: T) => Omit<ItemRef, 'type' | 'id'>;
  /** Fields compared by value. */
  fields: (keyof T & string)[];
  /**
   * Fields that are not short values (a narrative, a list of links): compared whole, reported
   * by `show` (a count, say) or without values.
   */
  derived?: Record<string, { compare: (item: T) => unknown; show?: (item: T) => Value }>;
}

function itemChanges<T>(
  block: BlockRef,
  kind: ItemKind<T>,
  before: readonly T[],
  after: readonly T[],
  out: BlockChange[],
) {
  const old = new Map(before.map((item) => [kind.id(item), item]));
  const kept = new Set(after.map(kind.id));
  const itemRef = (item: T): ItemRef => ({ type: kind.type, id: kind.id(item), ...kind.ref(item) });
  const entry = (
    change: BlockChange['change'],
    item: T,
    field: string | null,
    from: Value,
    to: Value,
  ) => out.push({ change, block, item: itemRef(item), field, from, to });

  for (const item of before) if (!kept.has(kind.id(item))) entry('removed', item, null, null, null);
  for (const item of after) {
    const was = old.get(kind.id(item));
    if (!was) {
      entry('added', item, null, null, null);
      continue;
    }
    for (const field of kind.fields) {
      const from = was[field] as Value;
      const to = item[field] as Value;
      if (from !== to) entry('changed', item, field, from, to);
    }
    for (const [field, { compare, show }] of Object.entries(kind.derived ?? {})) {
      if (JSON.stringify(compare(was)) !== JSON.stringify(compare(item)))
        entry('changed', item, field, show?.(was) ?? null, show?.(item) ?? null);
    }
  }
}

function blockFieldChanges(
  block: BlockRef,
  fields: Record<string, [Value, Value]>,
  out: BlockChange[],
) {
  for (const [field, [from, to]] of Object.entries(fields))
    if (from !== to) out.push({ change: 'changed', block, item: null, field, from, to });
}

/** Pairs blocks of one type by id: removed, added, and the pairs present on both sides. */
function pairBlocks<T>(
  before: readonly T[],
  after: readonly T[],
  idOf: (block: T) => string,
  refOf: (block: T) => BlockRef,
  out: BlockChange[],
  compare: (was: T, now: T, ref: BlockRef) => void,
) {
  const old = new Map(before.map((b) => [idOf(b), b]));
  const kept = new Set(after.map(idOf));
  for (const block of before)
    if (!kept.has(idOf(block)))
      out.push({
        change: 'removed',
        block: refOf(block),
        item: null,
        field: null,
        from: null,
        to: null,
      });
  for (const block of after) {
    const was = old.get(idOf(block));
    if (was) compare(was, block, refOf(block));
    else
      out.push({
        change: 'added',
        block: refOf(block),
        item: null,
        field: null,
        from: null,
        to: null,
      });
  }
}

function compareMatrices(
  was: AssessmentMatrixData,
  now: AssessmentMatrixData,
  block: BlockRef,
  out: BlockChange[],
) {
  blockFieldChanges(
    block,
    { title: [was.title, now.title], allowObservers: [was.allowObservers, now.allowObservers] },
    out,
  );
  itemChanges(
    block,
    {
      type: 'matrixCriterion',
      id: (c) => c.criterionId,
      ref: (c) => ({ name: c.label, dac: c.dac }),
      fields: ['label', 'dac'],
    },
    was.criteria,
    now.criteria,
    out,
  );
  itemChanges(
    block,
    {
      type: 'matrixRow',
      id: (r) => r.rowId,
      ref: (r) => ({ name: r.label, priority: r.priority }),
      fields: ['label', 'priority'],
    },
    was.rows,
    now.rows,
    out,
  );
}

/** An axis reads as its driver's label; an axis on a driver that is gone, as null. */
const axisLabel = (board: ForesightBoardData, driverId: string | null) =>
  board.drivers.find((d) => d.driverId === driverId)?.label ?? null;

function compareBoards(
  was: ForesightBoardData,
  now: ForesightBoardData,
  block: BlockRef,
  out: BlockChange[],
) {
  blockFieldChanges(
    block,
    {
      title: [was.title, now.title],
      axisX: [axisLabel(was, was.axisX), axisLabel(now, now.axisX)],
      axisY: [axisLabel(was, was.axisY), axisLabel(now, now.axisY)],
    },
    out,
  );
  itemChanges(
    block,
    {
      type: 'foresightDriver',
      id: (d) => d.driverId,
      ref: (d) => ({ name: d.label }),
      fields: ['label', 'category', 'impact', 'uncertainty'],
    },
    was.drivers,
    now.drivers,
    out,
  );
  itemChanges(
    block,
    {
      type: 'foresightScenario',
      id: (s) => s.scenarioId,
      ref: (s) => ({ name: s.name }),
      fields: ['name', 'quadrant'],
      derived: {
        // The narrative's words are marked in the compared document itself.
        narrative: { compare: (s) => s.narrative },
        sectionLinks: { compare: (s) => s.sectionLinks, show: (s) => s.sectionLinks.length },
      },
    },
    was.scenarios,
    now.scenarios,
    out,
  );
  itemChanges(
    block,
    {
      type: 'foresightWildcard',
      id: (w) => w.wildcardId,
      ref: (w) => ({ name: w.label }),
      fields: ['label'],
    },
    was.wildcards,
    now.wildcards,
    out,
  );
}

function comparePilots(
  was: PilotIndicatorsData,
  now: PilotIndicatorsData,
  block: BlockRef,
  out: BlockChange[],
) {
  blockFieldChanges(block, { title: [was.title, now.title] }, out);
  itemChanges(
    block,
    {
      type: 'pilotIndicator',
      id: (i) => i.indicatorId,
      ref: (i) => ({ name: i.name }),
      fields: ['name', 'unit', 'baseline', 'target', 'result', 'source'],
    },
    was.indicators,
    now.indicators,
    out,
  );
}

/** The changes inside the blocks from `before` to `after`: matrices, then boards, then pilots. */
export function diffBlocks(before: DocumentBlocks, after: DocumentBlocks): BlockChange[] {
  const out: BlockChange[] = [];
  pairBlocks(
    before.matrices,
    after.matrices,
    (m) => m.matrixId,
    (m) => ({ type: 'assessmentMatrix', id: m.matrixId, title: m.title }),
    out,
    (was, now, ref) => compareMatrices(was, now, ref, out),
  );
  pairBlocks(
    before.boards,
    after.boards,
    (b) => b.boardId,
    (b) => ({ type: 'foresightBoard', id: b.boardId, title: b.title }),
    out,
    (was, now, ref) => compareBoards(was, now, ref, out),
  );
  pairBlocks(
    before.pilotIndicators,
    after.pilotIndicators,
    (p) => p.blockId,
    (p) => ({ type: 'pilotIndicators', id: p.blockId, title: p.title }),
    out,
    (was, now, ref) => comparePilots(was, now, ref, out),
  );
  return out;
}
