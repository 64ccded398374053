export { useBlockEditing } from './useBlockEditing';
export { ReadOnlyDocumentWithBlocks } from './ReadOnlyDocumentWithBlocks';
export { blockViewExtensions } from './blockViews';
export { MatrixCellSlot, type MatrixCellSlotProps } from './matrix/MatrixCellSlot';
