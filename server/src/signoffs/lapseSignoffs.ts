import { signoffIsLive, type PoliDocument, type SignoffRequest } from '@polisee/domain';
import { logDamage } from '../content/documentRepair.js';
import { contentHashOf } from '../content/versionContent.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { notifySignoff } from './notifySignoff.js';

/** The document's content hash now: the open room's doc when there is one, else the stored state. */
export function currentContentHash(
  ctx: ServiceContext,
  live: LiveDocuments,
  documentId: string,
): Promise<string> {
  return live.read(documentId, (doc) => contentHashOf(doc, logDamage(ctx.logger, { documentId })));
}

/**
 * Lapses the document's live requests whose version no longer reads as the document does
 * (decision 0065): the same content-hash comparison as "changed since" (decision 0025), one hash
 * of the document for all its requests. The store marks a request lapsed once, so of two
 * readers who notice together only one tells the group. Returns the requests as they are now.
 */
export async function lapseChangedSignoffs(
  ctx: ServiceContext,
  live: LiveDocuments,
  doc: PoliDocument,
  requests: SignoffRequest[],
): Promise<SignoffRequest[]> {
  const candidates = requests.filter(signoffIsLive);
  if (candidates.length === 0) return requests;
  const hash = await currentContentHash(ctx, live, doc.id);
  const result: SignoffRequest[] = [];
  for (const request of requests) {
    if (!candidates.includes(request)) {
      result.push(request);
      continue;
    }
    const version = await ctx.store.versions.get(request.versionId);
    if (!version || version.contentHash === hash) {
      result.push(request);
      continue;
    }
    const at = ctx.now().toISOString();
    if (await ctx.store.signoffs.markLapsed(request.id, at)) {
      ctx.events.emit('signoffChanged', { documentId: doc.id, requestId: request.id });
      const requester = await ctx.store.users.get(request.requestedBy);
      await notifySignoff(ctx, {
        // The lapse is the text's doing, not a person's: told in the requester's name.
        actor: { id: request.requestedBy, name: requester?.name ?? '' },
        doc,
        type: 'signoff_lapsed',
        to: 'group',
        text: '',
      });
    }
    result.push((await ctx.store.signoffs.get(request.id)) ?? request);
  }
  return result;
}

/**
 * Lapses requests without waiting for a reader: each new version of a document (an automatic
 * one ends every burst of editing, decision 0025) is a moment its text is known to have moved.
 * Runs after the version is stored; a failure is logged, never thrown into the recorder.
 */
export function watchSignoffLapses(ctx: ServiceContext, live: LiveDocuments): () => void {
  const onVersion = ({ documentId }: { documentId: string }) => {
    void (async () => {
      const requests = await ctx.store.signoffs.listForDocument(documentId);
      if (!requests.some(signoffIsLive)) return;
      const doc = await ctx.store.documents.get(documentId);
      if (doc) await lapseChangedSignoffs(ctx, live, doc, requests);
    })().catch((err: unknown) =>
      ctx.logger.error({ err, documentId }, 'sign-off lapse check failed'),
    );
  };
  ctx.events.on('versionAdded', onVersion);
  return () => ctx.events.off('versionAdded', onVersion);
}
