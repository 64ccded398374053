import { AppError, type PoliDocument } from '@polisee/domain';
import type { CreateDocumentRequestSchema } from '@polisee/contracts';
import type { z } from 'zod';
import { templateToContent } from '../content/templateContent.js';
import { encodeInitialState } from '../content/yjsContent.js';
import { assertWorkingGroup } from '../policies/policy.js';
import { TEMPLATES } from '../templates/catalog.js';
import type { ServiceContext } from './context.js';
import type { AuthenticatedActor } from './loadActor.js';
import { recordActivity } from './recordActivity.js';
import { recordCreatedVersion } from './versions/recordCreatedVersion.js';

/**
 * Creates a document from its kind's template, in the document's language. The template is
 * written into the initial Yjs state here, on the server, so it exists exactly once, and kept
 * as the document's first version, so history and comparison work from the first edit.
 */
export async function createDocument(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: z.output<typeof CreateDocumentRequestSchema>,
): Promise<PoliDocument> {
  if (!(await ctx.store.workingGroups.get(req.workingGroupId))) {
    throw new AppError('validation_failed', 'Unknown working group.', [
      { path: 'workingGroupId', message: 'no such working group' },
    ]);
  }
  assertWorkingGroup(actor, 'workingGroup.createDocument', req.workingGroupId);
  const now = ctx.now().toISOString();
  const doc: PoliDocument = {
    id: ctx.newId(),
    title: req.title,
    kind: req.kind,
    workingGroupId: req.workingGroupId,
    thematicPriorities: [...new Set(req.thematicPriorities)],
    countries: [...new Set(req.countries)],
    tags: [],
    language: req.language,
    status: 'draft',
    ownerIds: [actor.user.id],
    suggestOnlyIds: [],
    createdBy: actor.user.id,
    createdAt: now,
    updatedAt: now,
  };
  const content = templateToContent(doc.title, TEMPLATES[doc.kind][doc.language]);
  const state = encodeInitialState(content);
  await ctx.store.documents.create(doc, state);
  await recordCreatedVersion(ctx, { document: doc, state, createdBy: actor.user.id });
  ctx.events.emit('documentChanged', doc);
  await recordActivity(ctx, {
    type: 'document_created',
    actor: actor.user,
    workingGroupId: doc.workingGroupId,
    document: doc,
  });
  return doc;
}
