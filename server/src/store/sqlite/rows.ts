import type { Activity, Organisation, PoliDocument, WorkingGroup } from '@polisee/domain';
import type { StoredInvitation, StoredUser } from '../ports.js';

/** Row ↔ entity mapping for the SQLite adapter: JSON columns and 0/1 booleans are decoded here only. */

export interface UserRow {
  id: string;
  email: string;
  name: string;
  organisation_id: string;
  is_admin: number;
  language: string;
  password_hash: string | null;
  created_at: string;
}

export function decodeUser(r: UserRow): StoredUser {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    organisationId: r.organisation_id,
    isAdmin: r.is_admin === 1,
    language: r.language as StoredUser['language'],
    passwordHash: r.password_hash,
    createdAt: r.created_at,
  };
}

export interface WorkingGroupRow {
  id: string;
  name: string;
  description: string;
  thematic_priorities: string;
}

export function decodeWorkingGroup(r: WorkingGroupRow): WorkingGroup {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    thematicPriorities: JSON.parse(r.thematic_priorities) as WorkingGroup['thematicPriorities'],
  };
}

export function decodeOrganisation(r: Organisation): Organisation {
  return { id: r.id, name: r.name, country: r.country, type: r.type };
}

export interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  working_group_id: string;
  thematic_priorities: string;
  countries: string;
  tags: string;
  language: string;
  status: string;
  owner_ids: string;
  suggest_only_ids: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export function decodeDocument(r: DocumentRow): PoliDocument {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as PoliDocument['kind'],
    workingGroupId: r.working_group_id,
    thematicPriorities: JSON.parse(r.thematic_priorities) as PoliDocument['thematicPriorities'],
    countries: JSON.parse(r.countries) as string[],
    tags: JSON.parse(r.tags) as string[],
    language: r.language as PoliDocument['language'],
    status: r.status as PoliDocument['status'],
    ownerIds: JSON.parse(r.owner_ids) as string[],
    suggestOnlyIds: JSON.parse(r.suggest_only_ids) as string[],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface InvitationRow {
  id: string;
  token_hash: string;
  email: string;
  organisation_id: string;
  is_admin: number;
  membership: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export function decodeInvitation(r: InvitationRow): StoredInvitation {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    email: r.email,
    organisationId: r.organisation_id,
    isAdmin: r.is_admin === 1,
    membership: r.membership ? (JSON.parse(r.membership) as StoredInvitation['membership']) : null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
  };
}

export interface ActivityRow {
  id: string;
  type: string;
  actor_id: string;
  actor_name: string;
  working_group_id: string | null;
  document_id: string | null;
  document_title: string | null;
  at: string;
}

export function decodeActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    type: r.type as Activity['type'],
    actorId: r.actor_id,
    actorName: r.actor_name,
    workingGroupId: r.working_group_id,
    documentId: r.document_id,
    documentTitle: r.document_title,
    at: r.at,
  };
}

/** better-sqlite3 returns BLOBs as Buffers; the port speaks plain Uint8Array. */
export function toBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
