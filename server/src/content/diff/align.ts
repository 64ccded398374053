import type { Node as PMNode } from '@tiptap/pm/model';
import { blockIdOf } from '@polisee/editor-schema';
import { differingRuns, internKeys } from './sequence.js';

/**
 * Where two documents differ, found by walking their structure: `a[fromA, toA)` was replaced
 * by `b[fromB, toB)`. Between regions both documents hold exactly the same content (marks
 * included). `inline` regions lie inside a textblock and are narrowed character by character
 * afterwards; `whole` regions replace whole nodes (blocks added or removed, code blocks and
 * leaves that changed) and are shown as such.
 */
export interface Region {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
  whole: boolean;
}

export interface Alignment {
  regions: Region[];
  /** Positions in `b` of nodes paired with a node of another type or other attributes. */
  reformatted: number[];
}

/** Blocks of an unequal stretch are paired from its ends only when their words overlap this much. */
const PAIR_SIMILARITY = 0.5;

/**
 * Recreates, from two documents alone, the replacements that turn `a` into `b` — what
 * prosemirror-recreate-steps did with a JSON patch, here along the schema's own structure:
 * children are matched by type and text (Myers), and children that stand
 * in each other's place and hold the same kind of content are compared inside, down to the
 * text of a paragraph, a list item or a table cell.
 */
export function alignDocuments(a: PMNode, b: PMNode): Alignment {
  const aligner = new Aligner();
  aligner.compareContent(a, 0, b, 0);
  return { regions: aligner.regions, reformatted: aligner.reformatted };
}

interface Child {
  node: PMNode;
  pos: number;
}

function childrenOf(node: PMNode, start: number): Child[] {
  const out: Child[] = [];
  node.forEach((child, offset) => out.push({ node: child, pos: start + offset }));
  return out;
}

const end = (c: Child) => c.pos + c.node.nodeSize;

/** Nodes whose inside is not compared: a change shows them whole (code blocks take no marks). */
function isAtomic(node: PMNode): boolean {
  return node.isLeaf || node.isAtom || node.type.spec.code === true;
}

/** Two nodes hold the same kind of content, so their insides can be compared. */
function comparable(x: PMNode, y: PMNode): boolean {
  if (isAtomic(x) || isAtomic(y)) return false;
  if (x.type === y.type) return true;
  if (x.isTextblock && y.isTextblock) return true;
  return x.type.spec.content === y.type.spec.content;
}

const sameMarkup = (x: PMNode, y: PMNode) => x.hasMarkup(y.type, y.attrs, y.marks);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

function similarity(x: PMNode, y: PMNode): number {
  const wx = words(x.textContent);
  const wy = words(y.textContent);
  if (wx.size === 0 && wy.size === 0) return 1;
  let common = 0;
  for (const w of wx) if (wy.has(w)) common++;
  return common / (wx.size + wy.size - common);
}

class Aligner {
  readonly regions: Region[] = [];
  readonly reformatted: number[] = [];

  /**
   * What children are matched by: their type and text. Cheap (no serialisation), and it pairs
   * blocks whose formatting alone changed — matched pairs that are not equal are compared
   * inside, which finds exactly that formatting. Method blocks and their children are matched
   * by their id too: the row renamed is the row with the same id, not the next row.
   */
  private key(node: PMNode): string {
    return `${node.type.name}\u0000${blockIdOf(node) ?? ''}\u0000${node.textContent}`;
  }

  /** Compares the content of `a` (starting at `startA`) with the content of `b`. */
  compareContent(a: PMNode, startA: number, b: PMNode, startB: number) {
    const ca = childrenOf(a, startA);
    const cb = childrenOf(b, startB);
    let head = 0;
    while (head < ca.length && head < cb.length && ca[head]!.node.eq(cb[head]!.node)) head++;
    let tailA = ca.length;
    let tailB = cb.length;
    while (tailA > head && tailB > head && ca[tailA - 1]!.node.eq(cb[tailB - 1]!.node)) {
      tailA--;
      tailB--;
    }
    if (head === tailA && head === tailB) return;
    const posA = (i: number) => (i < ca.length ? ca[i]!.pos : startA + a.content.size);
    const posB = (i: number) => (i < cb.length ? cb[i]!.pos : startB + b.content.size);

    if (a.inlineContent || b.inlineContent) {
      // Text is narrowed later, character by character: one region for the differing middle.
      this.regions.push({
        fromA: posA(head),
        toA: posA(tailA),
        fromB: posB(head),
        toB: posB(tailB),
        whole: false,
      });
      return;
    }

    const middleA = ca.slice(head, tailA);
    const middleB = cb.slice(head, tailB);
    const [keysA, keysB] = internKeys(
      middleA.map((c) => this.key(c.node)),
      middleB.map((c) => this.key(c.node)),
    );
    const runs = differingRuns(keysA!, keysB!) ?? [
      { aFrom: 0, aTo: middleA.length, bFrom: 0, bTo: middleB.length },
    ];
    let matchedA = 0;
    let matchedB = 0;
    const compareMatched = (toA: number) => {
      // Same type and text; formatting or attributes may still differ.
      for (; matchedA < toA; matchedA++, matchedB++) {
        const x = middleA[matchedA]!;
        const y = middleB[matchedB]!;
        if (!x.node.eq(y.node)) this.comparePair(x, y);
      }
    };
    for (const run of runs) {
      compareMatched(run.aFrom);
      this.compareRun(
        middleA.slice(run.aFrom, run.aTo),
        middleB.slice(run.bFrom, run.bTo),
        posA(head + run.aFrom),
        posB(head + run.bFrom),
      );
      matchedA = run.aTo;
      matchedB = run.bTo;
    }
    compareMatched(middleA.length);
  }

  /** Children that stand where the other side's children stand, with nothing matching between. */
  private compareRun(ra: Child[], rb: Child[], atA: number, atB: number) {
    if (ra.length === rb.length && ra.every((c, i) => comparable(c.node, rb[i]!.node))) {
      ra.forEach((c, i) => this.comparePair(c, rb[i]!));
      return;
    }
    // Unequal stretches: pair similar blocks from both ends, show the rest as whole blocks.
    let head = 0;
    const pairs = (i: number, j: number) =>
      comparable(ra[i]!.node, rb[j]!.node) &&
      similarity(ra[i]!.node, rb[j]!.node) >= PAIR_SIMILARITY;
    while (head < ra.length && head < rb.length && pairs(head, head)) head++;
    let tailA = ra.length;
    let tailB = rb.length;
    while (tailA > head && tailB > head && pairs(tailA - 1, tailB - 1)) {
      tailA--;
      tailB--;
    }
    for (let i = 0; i < head; i++) this.comparePair(ra[i]!, rb[i]!);
    const fromA = head < ra.length ? ra[head]!.pos : ra.length ? end(ra.at(-1)!) : atA;
    const fromB = head < rb.length ? rb[head]!.pos : rb.length ? end(rb.at(-1)!) : atB;
    const toA = tailA > head ? end(ra[tailA - 1]!) : fromA;
    const toB = tailB > head ? end(rb[tailB - 1]!) : fromB;
    if (toA > fromA || toB > fromB) this.regions.push({ fromA, toA, fromB, toB, whole: true });
    for (let i = 0; i < ra.length - tailA; i++) this.comparePair(ra[tailA + i]!, rb[tailB + i]!);
  }

  private comparePair(ca: Child, cb: Child) {
    const x = ca.node;
    const y = cb.node;
    if (!comparable(x, y)) {
      // A block's atom (a matrix row, a driver, an indicator) whose attributes changed is the
      // same item edited, not one removed and another added: flagged, its change named by the
      // block changes of the comparison.
      const id = blockIdOf(x);
      if (id !== null && x.type === y.type && blockIdOf(y) === id) {
        if (!x.eq(y)) this.reformatted.push(cb.pos);
        return;
      }
      if (!x.eq(y)) {
        this.regions.push({
          fromA: ca.pos,
          toA: end(ca),
          fromB: cb.pos,
          toB: end(cb),
          whole: true,
        });
      }
      return;
    }
    if (!sameMarkup(x, y)) this.reformatted.push(cb.pos);
    this.compareContent(x, ca.pos + 1, y, cb.pos + 1);
  }
}
