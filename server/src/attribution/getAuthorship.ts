import type { AuthorshipResponse } from '@polisee/contracts';
import { PRESENCE_COLORS, presenceColor } from '@polisee/domain';
import { canSeeAuthorship, forbidden, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';

/**
 * Which organisation wrote under each Yjs client id of a document, as the server bound them
 * (decision 0069). An organisation's colour is picked by its name, as suggestions and cursors
 * pick it, so the authorship view and the suggestion marks agree.
 */
export async function getAuthorship(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
): Promise<AuthorshipResponse> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  if (!canSeeAuthorship(actor, doc)) throw forbidden();
  const bindings = await ctx.store.attribution.listBindings(documentId);
  const organisations: AuthorshipResponse['organisations'] = [];
  for (const organisationId of new Set(bindings.map((b) => b.organisationId))) {
    const organisation = await ctx.store.organisations.get(organisationId);
    const binding = bindings.find((b) => b.organisationId === organisationId)!;
    const name = organisation?.name ?? '';
    organisations.push({
      organisationId,
      name,
      country: organisation?.country ?? binding.country,
      colourIndex: PRESENCE_COLORS.indexOf(presenceColor(name) as (typeof PRESENCE_COLORS)[number]),
    });
  }
  return {
    documentId,
    clients: bindings.map((b) => ({ clientId: b.clientId, organisationId: b.organisationId })),
    organisations,
  };
}
