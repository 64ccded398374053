import type { DocumentKind, Language, ThematicPriority } from '@polisee/domain';
import type { JSONContent } from '@polisee/editor-schema';
import { heading, paragraph, table, templateToContent } from '../content/templateContent.js';
import { TEMPLATES } from '../templates/catalog.js';
import {
  ABOUT_BG,
  OBJECTIVES_EL,
  OBJECTIVES_HU,
  OBJECTIVES_SQ,
  REPORTING_PERIODS_HU,
  WORK_PACKAGES_RO,
} from './programmeTexts.js';
import { GOOD_PRACTICE_TITLE, goodPracticeContent, linkToGoodPractice } from './demoKnowledge.js';

export interface DemoDocument {
  title: string;
  kind: DocumentKind;
  workingGroup: 'strategy' | 'financing' | 'skills';
  thematicPriorities: ThematicPriority[];
  countries: string[];
  /** Normalised, as DocumentTagSchema stores them. */
  tags?: string[];
  language: Language;
  content: JSONContent;
  /** Set when other documents link to this one before it is stored. */
  id?: string;
  /** Published at once: the knowledge base of the demo (decision 0062). */
  publish?: boolean;
}

/**
 * A draft as a working group would have it a few weeks in: the programme's own text under a
 * first heading, followed by the kind's template sections still to be written.
 */
function draft(
  kind: DocumentKind,
  language: Language,
  title: string,
  introHeading: string,
  intro: JSONContent[],
): JSONContent {
  const template = templateToContent(title, TEMPLATES[kind][language]);
  const [titleNode, ...sections] = template.content ?? [];
  return { type: 'doc', content: [titleNode!, heading(2, introHeading), ...intro, ...sections] };
}

/** "1. text" lines of the programme documents become an ordered list; the rest stay paragraphs. */
function paragraphsAndLists(texts: string[]): JSONContent[] {
  const out: JSONContent[] = [];
  let list: JSONContent | null = null;
  for (const text of texts) {
    const numbered = /^(\d+)\.\s+(.*)$/.exec(text);
    if (numbered) {
      list ??= { type: 'orderedList', attrs: { start: Number(numbered[1]) }, content: [] };
      list.content!.push({ type: 'listItem', content: [paragraph(numbered[2]!)] });
      continue;
    }
    if (list) {
      out.push(list);
      list = null;
    }
    out.push(paragraph(text));
  }
  if (list) out.push(list);
  return out;
}

/** Reporting periods ("1. jelentési időszak" followed by "- activity" lines) as headings with bullet lists. */
function reportingPeriods(texts: string[]): JSONContent[] {
  const out: JSONContent[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length)
      out.push({
        type: 'bulletList',
        content: items.map((i) => ({ type: 'listItem', content: [paragraph(i)] })),
      });
    items = [];
  };
  for (const text of texts) {
    if (text.startsWith('-')) items.push(text.replace(/^-\s*/, ''));
    else {
      flush();
      out.push(heading(3, text));
    }
  }
  flush();
  return out;
}

const ALL_PARTNER_COUNTRIES = ['AL', 'BG', 'GR', 'HU', 'RO', 'SI', 'HR', 'RS', 'IT', 'AT', 'MK'];

/**
 * The demo's documents, in the order they are stored: a document that others link to comes
 * before them (links are kept only to documents that exist). `goodPractice` names the good
 * practice and the URL the plan links to it by.
 */
export function demoDocuments(
  goodPractice: { id: string; href: string } = {
    id: 'good-practice',
    href: 'http://localhost:3000/documents/good-practice',
  },
): DemoDocument[] {
  const jspTitle = 'Joint Strategic Plan for Smarter Cluster Policies in South-East Europe';
  const jsp = templateToContent(jspTitle, TEMPLATES.joint_strategic_plan.en);
  jsp.content!.splice(
    1,
    0,
    heading(2, 'Purpose of this plan'),
    paragraph(
      'The main objective of ClusterPoliSEE is to increase the capacity of regional policy makers to face, prevent and anticipate change, and to develop smart specialisation strategies for cluster improvement, accelerating differentiation and structural change towards a knowledge-based economy in which every South-East European region has a place.',
    ),
    paragraph(
      'This plan turns the results of the policy-learning mechanism — the review of past actions, the foresight exercises and the mutual assessment of regional frameworks — into joint actions per thematic priority, with responsible partners, a timeline and indicators.',
    ),
    table(
      ['Operational stage', 'Question for every priority'],
      [
        [
          '(a) Information gaps and barriers',
          'Which gaps and barriers stop regional cluster policy, and how do we remove them?',
        ],
        [
          '(b) Effective policy making',
          'How do we make regional cluster policy more effective, and which pilot tests it?',
        ],
      ],
    ),
    linkToGoodPractice(goodPractice.href),
  );

  return [
    {
      id: goodPractice.id,
      title: GOOD_PRACTICE_TITLE,
      kind: 'good_practice',
      workingGroup: 'financing',
      thematicPriorities: ['financing', 'innovation'],
      countries: ['RO'],
      tags: ['innovation-vouchers', 'cluster-financing', 'smes'],
      language: 'en',
      content: goodPracticeContent(),
      publish: true,
    },
    {
      title: jspTitle,
      kind: 'joint_strategic_plan',
      workingGroup: 'strategy',
      thematicPriorities: ['innovation', 'specialisation', 'internationalisation'],
      countries: ALL_PARTNER_COUNTRIES,
      language: 'en',
      content: jsp,
    },
    {
      title: 'Vlerësimi i politikave rajonale të klasterave — Shqipëri',
      kind: 'policy_assessment',
      workingGroup: 'financing',
      thematicPriorities: ['financing', 'specialisation'],
      countries: ['AL'],
      language: 'sq',
      content: draft(
        'policy_assessment',
        'sq',
        'Vlerësimi i politikave rajonale të klasterave — Shqipëri',
        'Objektivat',
        paragraphsAndLists(OBJECTIVES_SQ),
      ),
    },
    {
      title: 'Άσκηση προοπτικής: συνεργατικοί σχηματισμοί στη ΝΑ Ευρώπη 2035',
      kind: 'foresight_exercise',
      workingGroup: 'strategy',
      thematicPriorities: ['innovation', 'internationalisation'],
      countries: ['GR', 'BG'],
      language: 'el',
      content: draft(
        'foresight_exercise',
        'el',
        'Άσκηση προοπτικής: συνεργατικοί σχηματισμοί στη ΝΑ Ευρώπη 2035',
        'Στόχοι',
        paragraphsAndLists(OBJECTIVES_EL),
      ),
    },
    {
      title: 'Analiza acțiunilor anterioare: pachetele de lucru ClusterPoliSEE',
      kind: 'past_action_review',
      workingGroup: 'financing',
      thematicPriorities: ['financing', 'sustainability'],
      countries: ['RO'],
      language: 'ro',
      content: draft(
        'past_action_review',
        'ro',
        'Analiza acțiunilor anterioare: pachetele de lucru ClusterPoliSEE',
        'Pachete de lucru',
        paragraphsAndLists(WORK_PACKAGES_RO),
      ),
    },
    {
      title: 'Munkacsoport-ülés: célkitűzések és jelentési időszakok',
      kind: 'workshop_notes',
      workingGroup: 'skills',
      thematicPriorities: ['skills', 'innovation'],
      countries: ['HU'],
      language: 'hu',
      content: draft(
        'workshop_notes',
        'hu',
        'Munkacsoport-ülés: célkitűzések és jelentési időszakok',
        'Célkitűzések',
        [...paragraphsAndLists(OBJECTIVES_HU), ...reportingPeriods(REPORTING_PERIODS_HU)],
      ),
    },
    {
      title: 'Обучителен пакет: интелигентна специализация (S3) за клъстерни политики',
      kind: 'training_package',
      workingGroup: 'skills',
      thematicPriorities: ['skills', 'specialisation'],
      countries: ['BG'],
      tags: ['s3', 'обучение'],
      language: 'bg',
      publish: true,
      content: draft(
        'training_package',
        'bg',
        'Обучителен пакет: интелигентна специализация (S3) за клъстерни политики',
        'За ClusterPoliSEE',
        paragraphsAndLists(ABOUT_BG),
      ),
    },
  ];
}
