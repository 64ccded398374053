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
import blocksBg from './locales/blocks/bg.json';
import blocksEl from './locales/blocks/el.json';
import blocksEn from './locales/blocks/en.json';
import blocksHu from './locales/blocks/hu.json';
import blocksRo from './locales/blocks/ro.json';
import blocksSq from './locales/blocks/sq.json';
import programmeBg from './locales/programme/bg.json';
import programmeEl from './locales/programme/el.json';
import programmeEn from './locales/programme/en.json';
import programmeHu from './locales/programme/hu.json';
import programmeRo from './locales/programme/ro.json';
import programmeSq from './locales/programme/sq.json';
import foresightBg from './locales/foresight/bg.json';
import foresightEl from './locales/foresight/el.json';
import foresightEn from './locales/foresight/en.json';
import foresightHu from './locales/foresight/hu.json';
import foresightRo from './locales/foresight/ro.json';
import foresightSq from './locales/foresight/sq.json';
import assessmentsBg from './locales/assessments/bg.json';
import assessmentsEl from './locales/assessments/el.json';
import assessmentsEn from './locales/assessments/en.json';
import assessmentsHu from './locales/assessments/hu.json';
import assessmentsRo from './locales/assessments/ro.json';
import assessmentsSq from './locales/assessments/sq.json';

/**
 * Every catalog, bundled: six small JSON files are cheaper than a loading state on each switch.
 * A large area keeps its keys in a file of its own per language, under its own top-level key
 * (`workshops.*`, `workshopLive.*`, `blocks.*`, `assessments.*`).
 */
export const catalogs: Record<Language, Record<string, unknown>> = {
  en: {
    ...en,
    workshops: workshopsEn,
    workshopLive: liveEn,
    blocks: blocksEn,
    foresight: foresightEn,
    assessments: assessmentsEn,
    programme: programmeEn,
  },
  sq: {
    ...sq,
    workshops: workshopsSq,
    workshopLive: liveSq,
    blocks: blocksSq,
    foresight: foresightSq,
    assessments: assessmentsSq,
    programme: programmeSq,
  },
  bg: {
    ...bg,
    workshops: workshopsBg,
    workshopLive: liveBg,
    blocks: blocksBg,
    foresight: foresightBg,
    assessments: assessmentsBg,
    programme: programmeBg,
  },
  el: {
    ...el,
    workshops: workshopsEl,
    workshopLive: liveEl,
    blocks: blocksEl,
    foresight: foresightEl,
    assessments: assessmentsEl,
    programme: programmeEl,
  },
  hu: {
    ...hu,
    workshops: workshopsHu,
    workshopLive: liveHu,
    blocks: blocksHu,
    foresight: foresightHu,
    assessments: assessmentsHu,
    programme: programmeHu,
  },
  ro: {
    ...ro,
    workshops: workshopsRo,
    workshopLive: liveRo,
    blocks: blocksRo,
    foresight: foresightRo,
    assessments: assessmentsRo,
    programme: programmeRo,
  },
};

export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([language, translation]) => [language, { translation }]),
);
