import { SectionAtSchema } from '@polisee/contracts';
import type { SectionLinkData } from '@polisee/editor-schema';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/http';
import { queryKeys } from '../../../api/queryKeys';
import { paths } from '../../../routes/paths';

/**
 * The heading a link's anchor names, as its document reads now (a renamed heading shows its new
 * name; null once deleted). Kept under the document's sections key, so whatever refreshes a
 * document's headings refreshes its links too.
 */
export function useLinkedSection(link: SectionLinkData) {
  return useQuery({
    queryKey: [...queryKeys.documents.sections(link.documentId), 'at', link.anchor],
    queryFn: ({ signal }) =>
      api
        .get<unknown>(
          `/documents/${encodeURIComponent(link.documentId)}/sections/at`,
          { anchor: link.anchor },
          signal,
        )
        .then((body) => SectionAtSchema.parse(body).section),
    retry: false,
  });
}

/** The document's page, opened at the heading (see useSectionParam). */
export function sectionPath(link: SectionLinkData): string {
  return `${paths.document(link.documentId)}?section=${encodeURIComponent(link.anchor)}`;
}
