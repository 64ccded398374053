import type { ComponentProps } from 'react';
import { ReadOnlyDocument } from '../../editor/ReadOnlyDocument';
import { blockViewExtensions } from './blockViews';

const BLOCK_VIEWS = blockViewExtensions();

/** A saved state of a document (a version, a comparison), its method blocks drawn read-only. */
export function ReadOnlyDocumentWithBlocks(props: ComponentProps<typeof ReadOnlyDocument>) {
  return <ReadOnlyDocument {...props} extensions={BLOCK_VIEWS} />;
}
