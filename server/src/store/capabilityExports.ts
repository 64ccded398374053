import type { ExportRecord, Store } from './ports.js';

/** Audit entries read per page when exporting the log. */
const AUDIT_PAGE = 500;

/** Versions read per page when listing a document's version ids. */
const VERSION_PAGE = 200;

/**
 * The records of the capabilities that keep their own ports (sign-offs, attribution, audit,
 * and the knowledge base's links and summaries, derived from versions but never re-derived by
 * a copy),
 * read through those ports alone so that both adapters export exactly what the ports return:
 * each adapter's `exportAll` ends with these. Order: signatories by group then organisation,
 * sign-off requests by document (oldest first, the order they were made), a document's
 * contributions and client bindings together, each document's incoming links and its
 * versions' summaries, then the audit log newest first.
 */
export async function* exportCapabilities(
  store: Pick<
    Store,
    'workingGroups' | 'documents' | 'versions' | 'signoffs' | 'attribution' | 'knowledge' | 'audit'
  >,
): AsyncGenerator<ExportRecord> {
  const groups = (await store.workingGroups.list()).map((g) => g.id).sort();
  for (const groupId of groups) {
    for (const signatory of await store.signoffs.listSignatories(groupId)) {
      yield { kind: 'signatory', value: signatory };
    }
  }
  const documentIds = (await store.documents.list({ includeArchived: true }))
    .map((d) => d.id)
    .sort();
  for (const documentId of documentIds) {
    // Listed newest first; exported (and so imported) oldest first.
    const requests = await store.signoffs.listForDocument(documentId);
    for (const request of requests.reverse()) yield { kind: 'signoff', value: request };
  }
  for (const documentId of documentIds) {
    const contributions = await store.attribution.listContributions({ documentIds: [documentId] });
    const bindings = await store.attribution.listBindings(documentId);
    if (contributions.length === 0 && bindings.length === 0) continue;
    yield { kind: 'attribution', value: { documentId, contributions, bindings } };
  }
  for (const documentId of documentIds) {
    const linkedFrom = await store.knowledge.linksTo(documentId);
    const summaries = await store.knowledge.summaries(await versionIds(store, documentId));
    if (linkedFrom.length === 0 && summaries.size === 0) continue;
    yield {
      kind: 'knowledge',
      value: {
        documentId,
        linkedFrom,
        summaries: [...summaries]
          .map(([versionId, summary]) => ({ versionId, summary }))
          .sort((a, b) => (a.versionId < b.versionId ? -1 : 1)),
      },
    };
  }
  let cursor: string | undefined;
  do {
    const page = await store.audit.list({ limit: AUDIT_PAGE, cursor });
    for (const entry of page.items) yield { kind: 'audit', value: entry };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function versionIds(store: Pick<Store, 'versions'>, documentId: string): Promise<string[]> {
  const ids: string[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await store.versions.list(documentId, { limit: VERSION_PAGE, before });
    ids.push(...page.map((v) => v.id));
    if (page.length < VERSION_PAGE) return ids;
    before = page[page.length - 1]!.number;
  }
}
