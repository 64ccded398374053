import type { DocumentVersion, PoliDocument } from '@polisee/domain';
import { captureState, decodeVersionState } from '../../content/versionContent.js';
import { createdVersionName } from '../../templates/catalog.js';
import type { ServiceContext } from '../context.js';
import { recordVersion } from './recordVersion.js';

/**
 * Stores the version a document starts its history with: its state as created (the template,
 * or the seeded text), named after the template in the document's language. Without it the
 * first edits had nothing to be compared with until someone saved a version by hand.
 */
export async function recordCreatedVersion(
  ctx: ServiceContext,
  input: {
    document: Pick<PoliDocument, 'id' | 'status' | 'kind' | 'language'>;
    state: Uint8Array;
    createdBy: string;
  },
): Promise<DocumentVersion> {
  const ydoc = decodeVersionState(input.state);
  try {
    return await recordVersion(ctx, {
      document: input.document,
      kind: 'named',
      name: createdVersionName(input.document.kind, input.document.language),
      createdBy: input.createdBy,
      captured: captureState(ydoc),
      // Nobody has edited yet: the template wrote this text.
      contributorIds: [],
    });
  } finally {
    ydoc.destroy();
  }
}
