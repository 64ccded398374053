import {
  ACTIVITY_TYPES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  ERROR_CODES,
  LANGUAGES,
  MEMBERSHIP_ROLES,
  ORGANISATION_TYPES,
  PASSWORD_WEAKNESSES,
  ROLES,
  THEMATIC_PRIORITIES,
} from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import type { ClientErrorCode } from '../api/ApiError';
import { flattenCatalog } from './catalogTools';
import { catalogs } from './resources';

const CLIENT_ERROR_CODES: ClientErrorCode[] = ['network_error', 'unexpected_response'];

/** Every key the UI builds from a domain value: a new enum member without a label fails here. */
const REQUIRED_KEYS = [
  ...THEMATIC_PRIORITIES.flatMap((p) => [`priorities.${p}.name`, `priorities.${p}.description`]),
  ...DOCUMENT_KINDS.map((k) => `kinds.${k}`),
  ...DOCUMENT_STATUSES.map((s) => `statuses.${s}`),
  ...MEMBERSHIP_ROLES.map((r) => `roles.${r}`),
  ...ROLES.map((r) => `roles.${r}`),
  ...ORGANISATION_TYPES.map((o) => `organisationTypes.${o}`),
  ...ACTIVITY_TYPES.map((a) => `activity.types.${a}`),
  ...LANGUAGES.map((l) => `languageNames.${l}`),
  ...Object.keys(ERROR_CODES).map((c) => `errors.codes.${c}`),
  ...CLIENT_ERROR_CODES.map((c) => `errors.codes.${c}`),
  ...PASSWORD_WEAKNESSES.map((w) => `errors.passwordWeaknesses.${w}`),
];

describe('domain values have labels', () => {
  it.each(LANGUAGES)('in %s', (language) => {
    const entries = flattenCatalog(catalogs[language]);
    const missing = REQUIRED_KEYS.filter(
      (key) => typeof entries[key] !== 'string' || entries[key] === '',
    );
    expect(missing).toEqual([]);
  });

  it('has the workspace admin among the roles', () => {
    expect(flattenCatalog(catalogs.en)['roles.admin']).toBe('Workspace admin');
  });
});
