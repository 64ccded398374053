import { mergeAttributes, Node } from '@tiptap/core';
import { blockTag, dataAttribute } from './attributes.js';

/**
 * An assessment matrix: criteria (columns) then rows (measures or priorities), each a child
 * node so two partners adding rows at once both keep theirs (decision 0049). Scores are not
 * in the document: they are held per scorer on the server.
 */
export const AssessmentMatrix = Node.create({
  name: 'assessmentMatrix',
  group: 'block',
  content: 'matrixCriterion+ matrixRow+',
  // Its children make sense only inside it: Enter, Backspace and paste never split it.
  isolating: true,
  defining: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      matrixId: dataAttribute('matrixId', 'string'),
      title: dataAttribute('title', 'string', ''),
      allowObservers: dataAttribute('allowObservers', 'boolean', false),
    };
  },
  parseHTML: () => [blockTag('assessment-matrix')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'assessment-matrix' }, HTMLAttributes),
    0,
  ],
});

/** A column of a matrix: a criterion, one of the DAC criteria or a custom one (`dac` null). */
export const MatrixCriterion = Node.create({
  name: 'matrixCriterion',
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      criterionId: dataAttribute('criterionId', 'string'),
      label: dataAttribute('label', 'string', ''),
      dac: dataAttribute('dac', 'string'),
    };
  },
  parseHTML: () => [blockTag('matrix-criterion')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'matrix-criterion' }, HTMLAttributes),
  ],
});

/** A row of a matrix: a measure, tagged with the thematic priority it serves (or none). */
export const MatrixRow = Node.create({
  name: 'matrixRow',
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      rowId: dataAttribute('rowId', 'string'),
      label: dataAttribute('label', 'string', ''),
      priority: dataAttribute('priority', 'string'),
    };
  },
  parseHTML: () => [blockTag('matrix-row')],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes({ 'data-type': 'matrix-row' }, HTMLAttributes),
  ],
});
