import { FIELD_ERROR_CODES } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { flattenCatalog } from '../i18n/catalogTools';
import { catalogs } from '../i18n/resources';
import { fieldErrorKey } from './fieldErrorMessage';

describe('field error codes', () => {
  it.each(Object.keys(catalogs))(
    'each has a message in %s, naming its limit where it has one',
    (language) => {
      const flat = flattenCatalog(catalogs[language as keyof typeof catalogs]);
      for (const code of FIELD_ERROR_CODES) {
        const message = flat[fieldErrorKey(code)];
        expect(message, `${language}: ${code}`).toBeTruthy();
        if (code.startsWith('too_')) expect(message, `${language}: ${code}`).toContain('{{limit}}');
      }
    },
  );
});
