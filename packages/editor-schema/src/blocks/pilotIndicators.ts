import { mergeAttributes, Node } from '@tiptap/core';
import { blockTag, dataAttribute } from './attributes.js';

/** The indicators of a pilot; achievement is computed by readers, never stored. */
export const PilotIndicators = Node.create({
  name: 'pilotIndicators',
  group: 'block',
  content: 'pilotIndicator+',
  isolating: true,
  defining: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      blockId: dataAttribute('blockId', 'string'),
      title: dataAttribute('title', 'string', ''),
    };
  },
  parseHTML: () => [blockTag('pilot-indicators')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'pilot-indicators' }, HTMLAttributes),
    0,
  ],
});

/** One indicator: baseline, target and result are numbers, or null while unknown. */
export const PilotIndicator = Node.create({
  name: 'pilotIndicator',
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      indicatorId: dataAttribute('indicatorId', 'string'),
      name: dataAttribute('name', 'string', ''),
      unit: dataAttribute('unit', 'string', ''),
      baseline: dataAttribute('baseline', 'number'),
      target: dataAttribute('target', 'number'),
      result: dataAttribute('result', 'number'),
      source: dataAttribute('source', 'string', ''),
    };
  },
  parseHTML: () => [blockTag('pilot-indicator')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'pilot-indicator' }, HTMLAttributes),
  ],
});
