import type { AuthorshipResponse } from '@polisee/contracts';
import type { ClientBinding } from '@polisee/domain';
import { canSeeAuthorship, forbidden, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import { authorshipColourIndices } from './authorshipColours.js';

/**
 * Which organisation wrote under each Yjs client id of a document, as the server bound them
 * (decision 0069). An organisation's colour is picked by its name, as suggestions and cursors
 * pick it, unless an organisation that wrote earlier in the document already shows that colour
 * (see authorshipColourIndices).
 */
export async function getAuthorship(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
): Promise<AuthorshipResponse> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  if (!canSeeAuthorship(actor, doc)) throw forbidden();
  const bindings = await ctx.store.attribution.listBindings(documentId);
  // Each organisation once, in the order it first wrote here (ties by id, for a stable answer).
  const firstBound = new Map<string, ClientBinding>();
  for (const b of bindings) {
    const known = firstBound.get(b.organisationId);
    if (!known || b.boundAt < known.boundAt) firstBound.set(b.organisationId, b);
  }
  const writers = [...firstBound.values()].sort((a, b) =>
    a.boundAt === b.boundAt
      ? a.organisationId.localeCompare(b.organisationId)
      : a.boundAt.localeCompare(b.boundAt),
  );
  const details = await Promise.all(
    writers.map((w) => ctx.store.organisations.get(w.organisationId)),
  );
  const colours = authorshipColourIndices(details.map((o) => o?.name ?? ''));
  const organisations: AuthorshipResponse['organisations'] = writers.map((w, i) => ({
    organisationId: w.organisationId,
    name: details[i]?.name ?? '',
    country: details[i]?.country ?? w.country,
    colourIndex: colours[i]!,
  }));
  return {
    documentId,
    clients: bindings.map((b) => ({ clientId: b.clientId, organisationId: b.organisationId })),
    organisations,
  };
}
