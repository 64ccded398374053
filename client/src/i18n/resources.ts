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
import knowledgeBg from './locales/knowledge/bg.json';
import knowledgeEl from './locales/knowledge/el.json';
import knowledgeEn from './locales/knowledge/en.json';
import knowledgeHu from './locales/knowledge/hu.json';
import knowledgeRo from './locales/knowledge/ro.json';
import knowledgeSq from './locales/knowledge/sq.json';
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
import attributionBg from './locales/attribution/bg.json';
import attributionEl from './locales/attribution/el.json';
import attributionEn from './locales/attribution/en.json';
import attributionHu from './locales/attribution/hu.json';
import attributionRo from './locales/attribution/ro.json';
import attributionSq from './locales/attribution/sq.json';
import signoffsBg from './locales/signoffs/bg.json';
import signoffsEl from './locales/signoffs/el.json';
import signoffsEn from './locales/signoffs/en.json';
import signoffsHu from './locales/signoffs/hu.json';
import signoffsRo from './locales/signoffs/ro.json';
import signoffsSq from './locales/signoffs/sq.json';
import searchBg from './locales/search/bg.json';
import searchEl from './locales/search/el.json';
import searchEn from './locales/search/en.json';
import searchHu from './locales/search/hu.json';
import searchRo from './locales/search/ro.json';
import searchSq from './locales/search/sq.json';
import suggestionsBg from './locales/suggestions/bg.json';
import suggestionsEl from './locales/suggestions/el.json';
import suggestionsEn from './locales/suggestions/en.json';
import suggestionsHu from './locales/suggestions/hu.json';
import suggestionsRo from './locales/suggestions/ro.json';
import suggestionsSq from './locales/suggestions/sq.json';
import auditBg from './locales/audit/bg.json';
import auditEl from './locales/audit/el.json';
import auditEn from './locales/audit/en.json';
import auditHu from './locales/audit/hu.json';
import auditRo from './locales/audit/ro.json';
import auditSq from './locales/audit/sq.json';
import exportBg from './locales/export/bg.json';
import exportEl from './locales/export/el.json';
import exportEn from './locales/export/en.json';
import exportHu from './locales/export/hu.json';
import exportRo from './locales/export/ro.json';
import exportSq from './locales/export/sq.json';

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
    signoffs: signoffsEn,
    attribution: attributionEn,
    programme: programmeEn,
    knowledge: knowledgeEn,
    search: searchEn,
    suggestions: suggestionsEn,
    audit: auditEn,
    export: exportEn,
  },
  sq: {
    ...sq,
    workshops: workshopsSq,
    workshopLive: liveSq,
    blocks: blocksSq,
    foresight: foresightSq,
    assessments: assessmentsSq,
    signoffs: signoffsSq,
    attribution: attributionSq,
    programme: programmeSq,
    knowledge: knowledgeSq,
    search: searchSq,
    suggestions: suggestionsSq,
    audit: auditSq,
    export: exportSq,
  },
  bg: {
    ...bg,
    workshops: workshopsBg,
    workshopLive: liveBg,
    blocks: blocksBg,
    foresight: foresightBg,
    assessments: assessmentsBg,
    signoffs: signoffsBg,
    attribution: attributionBg,
    programme: programmeBg,
    knowledge: knowledgeBg,
    search: searchBg,
    suggestions: suggestionsBg,
    audit: auditBg,
    export: exportBg,
  },
  el: {
    ...el,
    workshops: workshopsEl,
    workshopLive: liveEl,
    blocks: blocksEl,
    foresight: foresightEl,
    assessments: assessmentsEl,
    signoffs: signoffsEl,
    attribution: attributionEl,
    programme: programmeEl,
    knowledge: knowledgeEl,
    search: searchEl,
    suggestions: suggestionsEl,
    audit: auditEl,
    export: exportEl,
  },
  hu: {
    ...hu,
    workshops: workshopsHu,
    workshopLive: liveHu,
    blocks: blocksHu,
    foresight: foresightHu,
    assessments: assessmentsHu,
    signoffs: signoffsHu,
    attribution: attributionHu,
    programme: programmeHu,
    knowledge: knowledgeHu,
    search: searchHu,
    suggestions: suggestionsHu,
    audit: auditHu,
    export: exportHu,
  },
  ro: {
    ...ro,
    workshops: workshopsRo,
    workshopLive: liveRo,
    blocks: blocksRo,
    foresight: foresightRo,
    assessments: assessmentsRo,
    signoffs: signoffsRo,
    attribution: attributionRo,
    programme: programmeRo,
    knowledge: knowledgeRo,
    search: searchRo,
    suggestions: suggestionsRo,
    audit: auditRo,
    export: exportRo,
  },
};

export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([language, translation]) => [language, { translation }]),
);
