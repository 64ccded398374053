import type { ClientBinding, Contribution } from '@polisee/domain';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { base, int, str, strings, type SchemaPaths } from '../../store/mongo/modelParts.js';

/**
 * The ledger and the client-id bindings on MongoDB. Stored shapes are derived from the domain
 * types (decision 0044). Neither has an id of its own: an entry is appended (default ObjectId),
 * a binding is unique on (document, client id), which makes a second binding of an id a no-op.
 */

export type ContributionDoc = Contribution & { _id: Types.ObjectId };
export const contributionSchema = new Schema<ContributionDoc>(
  {
    documentId: str,
    userId: str,
    organisationId: str,
    country: str,
    at: str,
    kind: str,
    inserted: int,
    deleted: int,
    suggestionIds: strings,
  } satisfies SchemaPaths<Contribution>,
  { ...base, collection: 'contributions' },
);
contributionSchema.index({ documentId: 1, at: 1 }, { name: 'document_at' });

export type ClientBindingDoc = ClientBinding & { _id: Types.ObjectId };
export const clientBindingSchema = new Schema<ClientBindingDoc>(
  {
    documentId: str,
    clientId: int,
    userId: str,
    organisationId: str,
    country: str,
    boundAt: str,
  } satisfies SchemaPaths<ClientBinding>,
  { ...base, collection: 'clientBindings' },
);
clientBindingSchema.index(
  { documentId: 1, clientId: 1 },
  { unique: true, name: 'document_client' },
);

export interface AttributionModels {
  Contribution: Model<ContributionDoc>;
  ClientBinding: Model<ClientBindingDoc>;
}

export function createAttributionModels(connection: Connection): AttributionModels {
  return {
    Contribution: connection.model<ContributionDoc>('Contribution', contributionSchema),
    ClientBinding: connection.model<ClientBindingDoc>('ClientBinding', clientBindingSchema),
  };
}
