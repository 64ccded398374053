import { blockItem, dataAttribute, methodBlock } from './attributes.js';

/** The indicators of a pilot; achievement is computed by readers, never stored. */
export const PilotIndicators = methodBlock(
  'pilotIndicators',
  'pilot-indicators',
  'pilotIndicator+',
  {
    blockId: dataAttribute('blockId', 'string'),
    title: dataAttribute('title', 'string', ''),
  },
);

/** One indicator: baseline, target and result are numbers, or null while unknown. */
export const PilotIndicator = blockItem('pilotIndicator', 'pilot-indicator', {
  indicatorId: dataAttribute('indicatorId', 'string'),
  name: dataAttribute('name', 'string', ''),
  unit: dataAttribute('unit', 'string', ''),
  baseline: dataAttribute('baseline', 'number'),
  target: dataAttribute('target', 'number'),
  result: dataAttribute('result', 'number'),
  source: dataAttribute('source', 'string', ''),
});
