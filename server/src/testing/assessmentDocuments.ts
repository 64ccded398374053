import {
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  type JSONContent,
} from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { liveDocumentsOver } from '../collab/liveDocuments.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { TestServer } from './testServer.js';

/** The running test server's live documents, as its services see them. */
export function liveDocumentsOf(server: TestServer): LiveDocuments {
  return liveDocumentsOver(server.collab().rooms, server.ctx.store.documentState, {
    take: () => [],
  });
}

/**
 * Appends an assessment matrix to a document as the server changes documents (one transaction
 * in the live room, stored like any edit), written as the editor's binding writes it.
 */
export async function appendMatrix(
  server: TestServer,
  documentId: string,
  options: Parameters<typeof newAssessmentMatrix>[0] = {},
): Promise<{ matrixId: string; rowIds: string[]; criterionIds: string[] }> {
  const matrix = newAssessmentMatrix(options);
  const schema = buildSchema();
  const live = liveDocumentsOf(server);
  await live.change(documentId, (doc, origin) => {
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    const current = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
    const edited = { ...current, content: [...(current.content ?? []), matrix] };
    const { meta } = initProseMirrorDoc(fragment, schema);
    doc.transact(
      () => updateYFragment(doc, fragment, PMNode.fromJSON(schema, edited), meta),
      origin,
    );
  });
  const matrixId = matrix.attrs!.matrixId as string;
  const children = matrix.content ?? [];
  return {
    matrixId,
    rowIds: children.filter((c) => c.type === 'matrixRow').map((c) => c.attrs!.rowId as string),
    criterionIds: children
      .filter((c) => c.type === 'matrixCriterion')
      .map((c) => c.attrs!.criterionId as string),
  };
}
