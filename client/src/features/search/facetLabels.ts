import {
  DocumentKindSchema,
  DocumentStatusSchema,
  LanguageSchema,
  SearchEntryTypeSchema,
  ThematicPrioritySchema,
  ThreadStatusSchema,
  WorkshopStatusSchema,
  type SearchFacet,
} from '@polisee/domain';
import type { TFunction } from 'i18next';
import { formatCountry } from '../../i18n/format';

/**
 * The catalog key that names a status: a status facet mixes the vocabularies of documents,
 * threads and workshops (their values do not overlap), each already labelled by its area.
 */
export function statusLabelKey(value: string): string | null {
  if (DocumentStatusSchema.safeParse(value).success) return `statuses.${value}`;
  if (ThreadStatusSchema.safeParse(value).success) return `comments.status.${value}`;
  if (WorkshopStatusSchema.safeParse(value).success) return `workshops.status.${value}`;
  return null;
}

/**
 * A facet value as the reader says it, through the labels the rest of the app uses for the
 * same domain values; a value the client does not know (a newer server) is shown as it is.
 * Working groups are named by the caller, which holds the list of groups.
 */
export function facetValueLabel(
  t: TFunction,
  language: string,
  facet: SearchFacet,
  value: string,
  groupName: (id: string) => string | undefined,
): string {
  switch (facet) {
    case 'type':
      return SearchEntryTypeSchema.safeParse(value).success ? t(`search.types.${value}`) : value;
    case 'priority':
      return ThematicPrioritySchema.safeParse(value).success
        ? t(`priorities.${value}.name`)
        : value;
    case 'kind':
      return DocumentKindSchema.safeParse(value).success ? t(`kinds.${value}`) : value;
    case 'status': {
      const key = statusLabelKey(value);
      return key ? t(key) : value;
    }
    case 'language':
      return LanguageSchema.safeParse(value).success ? t(`languageNames.${value}`) : value;
    case 'country':
      return formatCountry(value, language);
    case 'workingGroup':
      return groupName(value) ?? t('search.unknownGroup');
  }
}
