import type { Language } from '@polisee/domain';
import bg from './locales/bg.json';
import el from './locales/el.json';
import en from './locales/en.json';
import hu from './locales/hu.json';
import ro from './locales/ro.json';
import sq from './locales/sq.json';
import workshopsBg from './locales/workshops/bg.json';
import workshopsEl from './locales/workshops/el.json';
import workshopsEn from './locales/workshops/en.json';
import workshopsHu from './locales/workshops/hu.json';
import workshopsRo from './locales/workshops/ro.json';
import workshopsSq from './locales/workshops/sq.json';
import liveBg from './locales/workshopLive/bg.json';
import liveEl from './locales/workshopLive/el.json';
import liveEn from './locales/workshopLive/en.json';
import liveHu from './locales/workshopLive/hu.json';
import liveRo from './locales/workshopLive/ro.json';
import liveSq from './locales/workshopLive/sq.json';

/**
 * Every catalog, bundled: six small JSON files are cheaper than a loading state on each switch.
 * A large area keeps its keys in a file of its own per language, under its own top-level key
 * (`workshops.*`, `workshopLive.*`).
 */
export const catalogs: Record<Language, Record<string, unknown>> = {
  en: { ...en, workshops: workshopsEn, workshopLive: liveEn },
  sq: { ...sq, workshops: workshopsSq, workshopLive: liveSq },
  bg: { ...bg, workshops: workshopsBg, workshopLive: liveBg },
  el: { ...el, workshops: workshopsEl, workshopLive: liveEl },
  hu: { ...hu, workshops: workshopsHu, workshopLive: liveHu },
  ro: { ...ro, workshops: workshopsRo, workshopLive: liveRo },
};

export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([language, translation]) => [language, { translation }]),
);
