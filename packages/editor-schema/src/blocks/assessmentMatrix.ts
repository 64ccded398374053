import { blockItem, dataAttribute, methodBlock } from './attributes.js';

/**
 * An assessment matrix: criteria (columns) then rows (measures or priorities), each a child
 * node so two partners adding rows at once both keep theirs (decision 0049). Scores are not
 * in the document: they are held per scorer on the server.
 */
export const AssessmentMatrix = methodBlock(
  'assessmentMatrix',
  'assessment-matrix',
  'matrixCriterion+ matrixRow+',
  {
    matrixId: dataAttribute('matrixId', 'string'),
    title: dataAttribute('title', 'string', ''),
    allowObservers: dataAttribute('allowObservers', 'boolean', false),
  },
);

/** A column of a matrix: a criterion, one of the DAC criteria or a custom one (`dac` null). */
export const MatrixCriterion = blockItem('matrixCriterion', 'matrix-criterion', {
  criterionId: dataAttribute('criterionId', 'string'),
  label: dataAttribute('label', 'string', ''),
  dac: dataAttribute('dac', 'string'),
});

/** A row of a matrix: a measure, tagged with the thematic priority it serves (or none). */
export const MatrixRow = blockItem('matrixRow', 'matrix-row', {
  rowId: dataAttribute('rowId', 'string'),
  label: dataAttribute('label', 'string', ''),
  priority: dataAttribute('priority', 'string'),
});
