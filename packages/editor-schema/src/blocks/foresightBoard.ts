import { mergeAttributes, Node } from '@tiptap/core';
import { blockTag, dataAttribute } from './attributes.js';

/**
 * A foresight scenario board: STEEP drivers, the scenarios of a 2×2 built on two of them
 * (`axisX`, `axisY`: driver ids), and wildcards. Dot votes are ballots of the workshop voting
 * service, not part of the document.
 */
export const ForesightBoard = Node.create({
  name: 'foresightBoard',
  group: 'block',
  content: 'foresightDriver* foresightScenario* foresightWildcard*',
  isolating: true,
  defining: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      boardId: dataAttribute('boardId', 'string'),
      title: dataAttribute('title', 'string', ''),
      axisX: dataAttribute('axisX', 'string'),
      axisY: dataAttribute('axisY', 'string'),
    };
  },
  parseHTML: () => [blockTag('foresight-board')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'foresight-board' }, HTMLAttributes),
    0,
  ],
});

/** A driver of change, rated 1–5 for impact and for uncertainty. */
export const ForesightDriver = Node.create({
  name: 'foresightDriver',
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      driverId: dataAttribute('driverId', 'string'),
      category: dataAttribute('category', 'string', 'social'),
      label: dataAttribute('label', 'string', ''),
      impact: dataAttribute('impact', 'number', 3),
      uncertainty: dataAttribute('uncertainty', 'number', 3),
    };
  },
  parseHTML: () => [blockTag('foresight-driver')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'foresight-driver' }, HTMLAttributes),
  ],
});

/**
 * A named scenario in one quadrant. Its narrative is real paragraphs, so partners write it
 * together as text (merged character by character), not as one attribute.
 */
export const ForesightScenario = Node.create({
  name: 'foresightScenario',
  content: 'paragraph+',
  isolating: true,
  defining: true,
  selectable: true,

  addAttributes() {
    return {
      scenarioId: dataAttribute('scenarioId', 'string'),
      quadrant: dataAttribute('quadrant', 'string', 'hh'),
      name: dataAttribute('name', 'string', ''),
      // A JSON list of {documentId, anchor}: links follow the section, like workshop agendas.
      sectionLinks: dataAttribute('sectionLinks', 'string', '[]'),
    };
  },
  parseHTML: () => [blockTag('foresight-scenario')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'foresight-scenario' }, HTMLAttributes),
    0,
  ],
});

/** A wildcard: a low-probability, high-impact event outside the 2×2. */
export const ForesightWildcard = Node.create({
  name: 'foresightWildcard',
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      wildcardId: dataAttribute('wildcardId', 'string'),
      label: dataAttribute('label', 'string', ''),
    };
  },
  parseHTML: () => [blockTag('foresight-wildcard')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'foresight-wildcard' }, HTMLAttributes),
  ],
});
