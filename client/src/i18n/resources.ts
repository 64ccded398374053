import type { Language } from '@polisee/domain';
import bg from './locales/bg.json';
import el from './locales/el.json';
import en from './locales/en.json';
import hu from './locales/hu.json';
import ro from './locales/ro.json';
import sq from './locales/sq.json';

/** Every catalog, bundled: six small JSON files are cheaper than a loading state on each switch. */
export const catalogs: Record<Language, Record<string, unknown>> = { en, sq, bg, el, hu, ro };

export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([language, translation]) => [language, { translation }]),
);
