import type { CreateDocumentRequest } from '@polisee/contracts';
import {
  DocumentKindSchema,
  DocumentTitleSchema,
  type Language,
  type ThematicPriority,
} from '@polisee/domain';
import { parseCountries } from '../../ui/countries';

export interface CreateDocumentDraft {
  title: string;
  kind: string;
  workingGroupId: string;
  thematicPriorities: ThematicPriority[];
  language: Language;
  countries: string;
}

export type CreateDocumentField =
  'title' | 'kind' | 'workingGroupId' | 'thematicPriorities' | 'language' | 'countries';

/** Which rule a field broke; the form turns each into a translated message. */
export type DraftProblem =
  | {
      field: CreateDocumentField;
      rule: 'required' | 'tooLong' | 'pickPriority' | 'tooManyCountries';
    }
  | { field: 'countries'; rule: 'invalidCountries'; codes: string[] };

const MAX_COUNTRIES = 30;

/**
 * Checks the draft with the same schemas the server uses and, when it passes, builds the
 * request. The server checks again; this only saves a round trip and puts errors at the field.
 */
export function validateDraft(
  draft: CreateDocumentDraft,
): { ok: true; request: CreateDocumentRequest } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const title = DocumentTitleSchema.safeParse(draft.title);
  if (!title.success)
    problems.push({ field: 'title', rule: draft.title.trim() === '' ? 'required' : 'tooLong' });
  const kind = DocumentKindSchema.safeParse(draft.kind);
  if (!kind.success) problems.push({ field: 'kind', rule: 'required' });
  if (draft.workingGroupId === '') problems.push({ field: 'workingGroupId', rule: 'required' });
  if (draft.thematicPriorities.length === 0)
    problems.push({ field: 'thematicPriorities', rule: 'pickPriority' });
  const countries = parseCountries(draft.countries);
  if (countries.invalid.length > 0) {
    problems.push({ field: 'countries', rule: 'invalidCountries', codes: countries.invalid });
  } else if (countries.codes.length > MAX_COUNTRIES) {
    problems.push({ field: 'countries', rule: 'tooManyCountries' });
  }

  if (problems.length > 0 || !title.success || !kind.success) return { ok: false, problems };
  return {
    ok: true,
    request: {
      title: title.data,
      kind: kind.data,
      workingGroupId: draft.workingGroupId,
      thematicPriorities: draft.thematicPriorities,
      language: draft.language,
      countries: countries.codes,
    },
  };
}
