import {
  newAssessmentMatrix,
  newForesightBoard,
  newPilotIndicators,
  type JSONContent,
} from '@polisee/editor-schema';

/** Test content: one of each node and mark the export walks, in Greek, Bulgarian and English. */

export const GREEK_HEADING = 'Στρατηγικό σχέδιο συστάδων';
export const BULGARIAN_PARAGRAPH = 'Иновации и интелигентна специализация в региона';
export const GREEK_CELL = 'Περιφερειακή ανάπτυξη';

const t = (text: string, marks: JSONContent['marks'] = []): JSONContent => ({
  type: 'text',
  text,
  ...(marks.length > 0 ? { marks } : {}),
});
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });

export function buildExportContent(): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [t(GREEK_HEADING)] },
      p(
        t(BULGARIAN_PARAGRAPH),
        t(' bold', [{ type: 'bold' }]),
        t(' italic', [{ type: 'italic' }]),
        t(' underlined', [{ type: 'underline' }]),
        t(' struck', [{ type: 'strike' }]),
        t(' code', [{ type: 'code' }]),
        { type: 'hardBreak' },
        t('a link', [{ type: 'link', attrs: { href: 'https://example.org/plan' } }]),
        t(' a commented phrase', [{ type: 'commentThread', attrs: { threadId: 't1' } }]),
        t(' proposed', [{ type: 'insertion', attrs: { id: 's1', authorId: null } }]),
        t(' removed', [{ type: 'deletion', attrs: { id: 's2', authorId: null } }]),
        t(' evil', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        t(' <script>alert(1)</script>'),
      ),
      { type: 'heading', attrs: { level: 2 }, content: [t('Objectives')] },
      {
        type: 'bulletList',
        content: [
          li(p(t('First objective')), {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [li(p(t('Nested step')))],
          }),
          li(p(t('Second objective'))),
        ],
      },
      { type: 'orderedList', attrs: { start: 3 }, content: [li(p(t('Third action')))] },
      {
        type: 'taskList',
        content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(t('Done task'))] }],
      },
      { type: 'blockquote', content: [p(t('A quoted remark'))] },
      { type: 'codeBlock', content: [t('const a = 1;\nconst b = 2;')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [p(t('Region'))] },
              { type: 'tableHeader', content: [p(t('Measure'))] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(t(GREEK_CELL))] },
              { type: 'tableCell', content: [p(t('Cluster vouchers'))] },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 3 }, content: [t('Method blocks')] },
      newAssessmentMatrix({
        title: 'Policy mix assessment',
        criteria: [{ dac: 'relevance' }, { label: 'Custom criterion' }],
        rows: [{ label: 'Cluster vouchers', priority: 'innovation' }, { priority: 'skills' }],
      }),
      newForesightBoard({
        title: 'Scenarios 2035',
        drivers: [{ category: 'technological', label: 'Automation', impact: 5, uncertainty: 4 }],
        wildcards: ['Pandemic'],
      }),
      newPilotIndicators({
        title: 'Pilot indicators',
        indicators: [
          { name: 'Firms supported', unit: 'firms', baseline: 10, target: 30, result: 20 },
        ],
      }),
    ],
  };
}
