import { z } from 'zod';
import type { DocumentKind } from './documents.js';

/**
 * The kinds whose published versions make the programme's knowledge base (decision 0062):
 * S3 training packages and good practices. Readable by everyone in the workspace once published.
 */
export const KNOWLEDGE_KINDS = [
  'training_package',
  'good_practice',
] as const satisfies readonly DocumentKind[];
export const KnowledgeKindSchema = z.enum(KNOWLEDGE_KINDS);
export type KnowledgeKind = z.infer<typeof KnowledgeKindSchema>;

export function isKnowledgeKind(kind: DocumentKind): kind is KnowledgeKind {
  return (KNOWLEDGE_KINDS as readonly DocumentKind[]).includes(kind);
}
