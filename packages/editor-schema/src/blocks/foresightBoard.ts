import { blockItem, blockItemWithText, dataAttribute, methodBlock } from './attributes.js';

/**
 * A foresight scenario board: STEEP drivers, the scenarios of a 2×2 built on two of them
 * (`axisX`, `axisY`: driver ids), and wildcards. Dot votes are ballots of the workshop voting
 * service, not part of the document.
 */
export const ForesightBoard = methodBlock(
  'foresightBoard',
  'foresight-board',
  'foresightDriver* foresightScenario* foresightWildcard*',
  {
    boardId: dataAttribute('boardId', 'string'),
    title: dataAttribute('title', 'string', ''),
    axisX: dataAttribute('axisX', 'string'),
    axisY: dataAttribute('axisY', 'string'),
  },
);

/** A driver of change, rated 1–5 for impact and for uncertainty. */
export const ForesightDriver = blockItem('foresightDriver', 'foresight-driver', {
  driverId: dataAttribute('driverId', 'string'),
  category: dataAttribute('category', 'string', 'social'),
  label: dataAttribute('label', 'string', ''),
  impact: dataAttribute('impact', 'number', 3),
  uncertainty: dataAttribute('uncertainty', 'number', 3),
});

/**
 * A named scenario in one quadrant. Its narrative is real paragraphs, so partners write it
 * together as text (merged character by character), not as one attribute.
 */
export const ForesightScenario = blockItemWithText(
  'foresightScenario',
  'foresight-scenario',
  'paragraph+',
  {
    scenarioId: dataAttribute('scenarioId', 'string'),
    quadrant: dataAttribute('quadrant', 'string', 'hh'),
    name: dataAttribute('name', 'string', ''),
    // A JSON list of {documentId, anchor}: links follow the section, like workshop agendas.
    sectionLinks: dataAttribute('sectionLinks', 'string', '[]'),
  },
);

/** A wildcard: a low-probability, high-impact event outside the 2×2. */
export const ForesightWildcard = blockItem('foresightWildcard', 'foresight-wildcard', {
  wildcardId: dataAttribute('wildcardId', 'string'),
  label: dataAttribute('label', 'string', ''),
});
