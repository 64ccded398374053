import { findDamage, repairDocument, type Damage } from '../content/documentRepair.js';
import type { ServiceContext } from './context.js';
import type { LiveDocuments } from './liveDocuments.js';

export interface RepairReport {
  documentId: string;
  /** What the document held outside the editor schema: removed unless this was a dry run. */
  damage: Damage[];
  repaired: boolean;
}

/**
 * Removes from a document what the editor schema cannot read (stored before the collaboration
 * endpoint refused such updates), as one change of the server's: broadcast to anyone editing
 * and written to the update log like any edit, so history keeps what was removed.
 */
export async function repairDocumentContent(
  ctx: ServiceContext,
  live: LiveDocuments,
  documentId: string,
  options: { dryRun?: boolean } = {},
): Promise<RepairReport> {
  const damage = options.dryRun
    ? await live.read(documentId, findDamage)
    : await live.change(documentId, (doc, origin) => repairDocument(doc, origin));
  const repaired = !options.dryRun && damage.length > 0;
  if (damage.length > 0)
    ctx.logger.warn(
      { documentId, damaged: damage.length, repaired },
      repaired ? 'repaired content outside the editor schema' : 'found content outside the schema',
    );
  return { documentId, damage, repaired };
}
