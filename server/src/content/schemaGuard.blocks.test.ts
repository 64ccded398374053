import {
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  newForesightBoard,
  newMatrixRow,
  newPilotIndicators,
  type JSONContent,
} from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { findDamage } from './documentRepair.js';
import { SchemaGuard } from './schemaGuard.js';

const schema = buildSchema();
const guard = new SchemaGuard(schema);

const matrix = newAssessmentMatrix({
  criteria: [{ dac: 'relevance' }],
  rows: [{ label: 'Cluster financing', priority: 'financing' }],
});
const indicators = newPilotIndicators({ indicators: [{ name: 'Jobs', baseline: 1, target: 10 }] });
const start: JSONContent = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Plan' }] }, matrix, indicators],
};

function pair() {
  const server = prosemirrorJSONToYDoc(schema, start, FRAGMENT_NAME);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

function changeOf(server: Y.Doc, client: Y.Doc, change: (doc: Y.Doc) => void) {
  change(client);
  return Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
}

/** An edit the way the editor binding writes it. */
function editAs(json: JSONContent) {
  return (doc: Y.Doc) => {
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    const { meta } = initProseMirrorDoc(fragment, schema);
    doc.transact(() => updateYFragment(doc, fragment, PMNode.fromJSON(schema, json), meta));
  };
}

const element = (doc: Y.Doc, ...path: number[]) =>
  path.reduce<Y.XmlElement | Y.XmlFragment>(
    (at, i) => at.get(i) as Y.XmlElement,
    doc.getXmlFragment(FRAGMENT_NAME),
  ) as Y.XmlElement;

/** A fresh element as y-prosemirror would write it, with its attributes. */
function yElement(name: string, attrs: Record<string, unknown> = {}) {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as never);
  return el;
}

describe('SchemaGuard and the method blocks', () => {
  it('accepts what the editor writes: new blocks, a new row, a changed target', () => {
    const { server, client } = pair();
    const edited = structuredClone(start);
    edited.content!.push(newAssessmentMatrix(), newForesightBoard({ drivers: [{ label: 'x' }] }));
    edited.content![1]!.content!.push(newMatrixRow({ label: 'Skills' }));
    edited.content![2]!.content![0]!.attrs!.target = 12;
    expect(guard.check(server, changeOf(server, client, editAs(edited)))).toBeNull();
  });

  it('accepts a scenario narrative typed as text', () => {
    const { server, client } = pair();
    const withBoard = structuredClone(start);
    withBoard.content!.push(newForesightBoard());
    const inserted = changeOf(server, client, editAs(withBoard));
    expect(guard.check(server, inserted)).toBeNull();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    // board › first scenario › its (empty) narrative paragraph
    const typed = changeOf(server, client, (doc) =>
      element(doc, 3, 0, 0).insert(0, [new Y.XmlText('Prices fall')]),
    );
    expect(guard.check(server, typed)).toBeNull();
  });

  it('refuses a block attribute no editor writes', () => {
    const cases: [number[], string, unknown, RegExp][] = [
      [[1, 1], 'priority', 'not-a-priority', /matrixRow.priority/],
      [[1, 0], 'dac', 'beauty', /matrixCriterion.dac/],
      [[1], 'matrixId', 'a b', /assessmentMatrix.matrixId/],
      [[2, 0], 'target', 'twelve', /pilotIndicator.target/],
      [[2, 0], 'unit', 'x'.repeat(41), /pilotIndicator.unit/],
      [[2, 0], 'onclick', 'alert(1)', /unknown attribute "onclick"/],
    ];
    for (const [path, attribute, value, expected] of cases) {
      const { server, client } = pair();
      const update = changeOf(server, client, (doc) =>
        element(doc, ...path).setAttribute(attribute, value as never),
      );
      expect(guard.check(server, update), attribute).toMatch(expected);
    }
  });

  it('refuses a driver rated out of scale and a scenario with a malformed link list', () => {
    const { server, client } = pair();
    const driver = changeOf(server, client, (doc) =>
      doc.getXmlFragment(FRAGMENT_NAME).insert(3, [yElement('foresightBoard', { boardId: 'b1' })]),
    );
    expect(guard.check(server, driver)).toBeNull();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    const rated = changeOf(server, client, (doc) =>
      element(doc, 3).insert(0, [yElement('foresightDriver', { driverId: 'd1', impact: 9 })]),
    );
    expect(guard.check(server, rated)).toMatch(/foresightDriver.impact/);
    // A new board written in one update, with its scenario inside.
    const linked = pair();
    const board = yElement('foresightBoard', { boardId: 'b2' });
    board.insert(0, [
      yElement('foresightScenario', { scenarioId: 's1', sectionLinks: '[{"href":"x"}]' }),
    ]);
    const links = changeOf(linked.server, linked.client, (doc) =>
      doc.getXmlFragment(FRAGMENT_NAME).insert(3, [board]),
    );
    expect(guard.check(linked.server, links)).toMatch(/foresightScenario.sectionLinks/);
  });

  it('refuses a child outside its parent', () => {
    const cases: [(doc: Y.Doc) => void, RegExp][] = [
      [
        (doc) =>
          doc.getXmlFragment(FRAGMENT_NAME).insert(0, [yElement('matrixRow', { rowId: 'r' })]),
        /matrixRow inside doc/,
      ],
      [
        (doc) => element(doc, 1).insert(1, [yElement('pilotIndicator', { indicatorId: 'i' })]),
        /pilotIndicator inside assessmentMatrix/,
      ],
      [
        (doc) => element(doc, 1).insert(0, [yElement('paragraph')]),
        /paragraph inside assessmentMatrix/,
      ],
      [
        (doc) => element(doc, 1).insert(0, [new Y.XmlText('loose')]),
        /text inside assessmentMatrix/,
      ],
      [
        (doc) => element(doc, 2, 0).insert(0, [yElement('paragraph')]),
        /paragraph inside pilotIndicator/,
      ],
      [
        (doc) => element(doc, 0).insert(0, [yElement('foresightWildcard', { wildcardId: 'w' })]),
        /foresightWildcard inside paragraph/,
      ],
    ];
    for (const [change, expected] of cases) {
      const { server, client } = pair();
      expect(guard.check(server, changeOf(server, client, change))).toMatch(expected);
    }
  });

  it('finds a child outside its parent in a stored document', () => {
    const doc = prosemirrorJSONToYDoc(schema, start, FRAGMENT_NAME);
    expect(findDamage(doc)).toEqual([]);
    element(doc, 1).insert(0, [yElement('pilotIndicator', { indicatorId: 'i' })]);
    expect(findDamage(doc)).toEqual([
      {
        where: '/assessmentMatrix[1]/pilotIndicator[0]',
        violation: 'pilotIndicator inside assessmentMatrix, which cannot hold it',
      },
    ]);
  });
});
