import { readBlocks, type JSONContent } from '@polisee/editor-schema';
import { cell, type Block, type TableCell } from './exportTree.js';
import { fill, type ExportLabels } from './labels.js';

/**
 * A method block as the tables of its content, the way the block reads in the editor: a
 * matrix's criteria across and measures down (scores are held by the server per scorer, never
 * in the document, so its cells are empty — decision 0051), a board's drivers, scenarios and
 * wildcards, and the indicators with their achievement. Read through `readBlocks`, so an
 * export shows exactly what the editor and the block APIs accept.
 */
export function methodBlockTables(node: JSONContent, labels: ExportLabels): Block[] {
  const blocks = readBlocks({ type: 'doc', content: [node] });
  const number = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(labels.locale, { style: 'percent' });
  const value = (n: number | null) => (n === null ? '' : number.format(n));

  const tables: Block[] = [];
  for (const matrix of blocks.matrices) {
    const criteria = matrix.criteria.map((c) => c.label || (c.dac ? labels.dac[c.dac] : ''));
    tables.push(
      table(matrix.title || labels.untitledMatrix, [
        [labels.measure, labels.priority, ...criteria].map((h) => cell(h, true)),
        ...matrix.rows.map((row) => [
          // An empty label on a priority row reads as the priority's name (as in the editor).
          cell(row.label || (row.priority ? labels.priorities[row.priority] : '')),
          cell(row.priority ? labels.priorities[row.priority] : ''),
          ...criteria.map(() => cell('')),
        ]),
      ]),
    );
  }
  for (const board of blocks.boards) {
    const title = board.title || labels.untitledBoard;
    const driverName = (id: string | null) =>
      board.drivers.find((d) => d.driverId === id)?.label || labels.noAxis;
    const axes = { x: driverName(board.axisX), y: driverName(board.axisY) };
    tables.push(
      table(`${title}: ${labels.drivers}`, [
        [labels.category, labels.driver, labels.impact, labels.uncertainty].map((h) =>
          cell(h, true),
        ),
        ...board.drivers.map((d) => [
          cell(labels.steep[d.category]),
          cell(d.label),
          cell(value(d.impact)),
          cell(value(d.uncertainty)),
        ]),
      ]),
    );
    // A new board has an empty scenario in each quadrant: only those someone wrote are shown.
    const scenarios = board.scenarios.filter((s) => s.name.trim() || s.narrative.trim());
    if (scenarios.length > 0) {
      tables.push(
        table(`${title}: ${labels.scenarios}`, [
          [labels.quadrant, labels.scenario, labels.narrative].map((h) => cell(h, true)),
          ...scenarios.map((s) => [
            cell(fill(labels.quadrants[s.quadrant], axes)),
            cell(s.name),
            narrativeCell(s.narrative),
          ]),
        ]),
      );
    }
    if (board.wildcards.length > 0) {
      tables.push(
        table(`${title}: ${labels.wildcards}`, [
          [cell(labels.wildcards, true)],
          ...board.wildcards.map((w) => [cell(w.label)]),
        ]),
      );
    }
  }
  for (const pilot of blocks.pilotIndicators) {
    tables.push(
      table(pilot.title || labels.untitledIndicators, [
        [
          labels.indicator,
          labels.unit,
          labels.baseline,
          labels.target,
          labels.result,
          labels.source,
          labels.achievement,
        ].map((h) => cell(h, true)),
        ...pilot.indicators.map((i) => [
          cell(i.name),
          cell(i.unit),
          cell(value(i.baseline)),
          cell(value(i.target)),
          cell(value(i.result)),
          cell(i.source),
          cell(i.achievement === null ? '' : percent.format(i.achievement)),
        ]),
      ]),
    );
  }
  return tables;
}

function table(caption: string, rows: TableCell[][]): Block {
  return { kind: 'table', caption, rows };
}

/** Paragraphs of a narrative (separated by a blank line) as paragraphs of the cell. */
function narrativeCell(narrative: string): TableCell {
  const paragraphs = narrative.split('\n\n').filter((p) => p.trim() !== '');
  return { header: false, blocks: paragraphs.flatMap((p) => cell(p).blocks) };
}
