import { describe, expect, it } from 'vitest';
import { attributeRule, isSectionLinkList } from '../attributeRules.js';
import { buildSchema } from '../index.js';
import { METHOD_BLOCK_CHILD_TYPES, METHOD_BLOCK_TYPES } from './index.js';

const rule = (node: string, attribute: string) => attributeRule('node', node, attribute);
const anchor = 'AQKFq5PzCwA=';

describe('attribute rules of the method blocks', () => {
  it('has a rule for every attribute the blocks declare', () => {
    const schema = buildSchema();
    for (const name of [...METHOD_BLOCK_TYPES, ...METHOD_BLOCK_CHILD_TYPES]) {
      for (const attribute of Object.keys(schema.nodes[name]!.spec.attrs ?? {})) {
        // The fallback rule takes any short string: a real rule refuses one of 5,000 characters.
        expect(rule(name, attribute)('x'.repeat(5000)), `${name}.${attribute}`).toBe(false);
      }
    }
  });

  it('takes ids of word characters and dashes only', () => {
    expect(rule('matrixRow', 'rowId')('3f2b6c1e-8d4a-4c3e-9f00-1a2b3c4d5e6f')).toBe(true);
    expect(rule('matrixRow', 'rowId')('a b')).toBe(false);
    expect(rule('matrixRow', 'rowId')('<script>')).toBe(false);
    expect(rule('matrixRow', 'rowId')('')).toBe(false);
    expect(rule('matrixRow', 'rowId')('x'.repeat(65))).toBe(false);
    expect(rule('foresightBoard', 'axisX')(null)).toBe(true);
  });

  it('holds labels to their length', () => {
    expect(rule('matrixCriterion', 'label')('Relevance')).toBe(true);
    expect(rule('matrixCriterion', 'label')('x'.repeat(201))).toBe(false);
    expect(rule('pilotIndicator', 'unit')('x'.repeat(41))).toBe(false);
    expect(rule('pilotIndicator', 'source')(42)).toBe(false);
  });

  it('takes ratings 1–5, whole', () => {
    for (const value of [1, 3, 5]) expect(rule('foresightDriver', 'impact')(value)).toBe(true);
    for (const value of [0, 6, 2.5, '3', null])
      expect(rule('foresightDriver', 'uncertainty')(value)).toBe(false);
  });

  it('takes finite numbers or null for indicator values', () => {
    for (const value of [0, -3.5, 1e9, null])
      expect(rule('pilotIndicator', 'target')(value)).toBe(true);
    for (const value of [Infinity, NaN, '10'])
      expect(rule('pilotIndicator', 'baseline')(value)).toBe(false);
  });

  it('takes the fixed vocabularies only', () => {
    expect(rule('matrixCriterion', 'dac')('relevance')).toBe(true);
    expect(rule('matrixCriterion', 'dac')(null)).toBe(true);
    expect(rule('matrixCriterion', 'dac')('beauty')).toBe(false);
    expect(rule('matrixRow', 'priority')('financing')).toBe(true);
    expect(rule('matrixRow', 'priority')('finance')).toBe(false);
    expect(rule('foresightDriver', 'category')('political')).toBe(true);
    expect(rule('foresightDriver', 'category')(null)).toBe(false);
    expect(rule('foresightScenario', 'quadrant')('hl')).toBe(true);
    expect(rule('foresightScenario', 'quadrant')('mid')).toBe(false);
    expect(rule('assessmentMatrix', 'allowObservers')('true')).toBe(false);
  });

  it('takes a JSON list of at most 20 section links', () => {
    const link = { documentId: 'doc-1', anchor };
    expect(isSectionLinkList('[]')).toBe(true);
    expect(isSectionLinkList(JSON.stringify([link]))).toBe(true);
    expect(isSectionLinkList(JSON.stringify(Array(20).fill(link)))).toBe(true);
    expect(isSectionLinkList(JSON.stringify(Array(21).fill(link)))).toBe(false);
    expect(isSectionLinkList(JSON.stringify([{ ...link, extra: 1 }]))).toBe(false);
    expect(isSectionLinkList(JSON.stringify([{ ...link, anchor: 'not base64!' }]))).toBe(false);
    expect(isSectionLinkList(JSON.stringify([{ ...link, documentId: '../x' }]))).toBe(false);
    expect(isSectionLinkList(JSON.stringify({ documentId: 'doc-1', anchor }))).toBe(false);
    expect(isSectionLinkList('[{')).toBe(false);
    expect(isSectionLinkList(null)).toBe(false);
  });
});
