import { describe, expect, it } from 'vitest';
import { parseTemplateMarkdown } from './templateMarkdown.js';

const FILE = 'workshop_notes/en.md';

describe('parseTemplateMarkdown', () => {
  it('reads method blocks from fenced blocks named after them', () => {
    const source = [
      '# N',
      '',
      'S',
      '',
      '## A',
      '',
      'P',
      '',
      '```assessment-matrix',
      '```',
      '',
      '## B',
      '',
      'P',
      '',
      '```foresight-board',
      'social: Ageing: fast',
      'political:',
      '```',
      '',
      '## C',
      '',
      'P',
      '',
      '```pilot-indicators',
      'Jobs created | jobs',
      '```',
      '',
    ].join('\n');
    expect(parseTemplateMarkdown(source, FILE).sections.map((s) => s.block)).toEqual([
      { type: 'assessmentMatrix' },
      {
        type: 'foresightBoard',
        drivers: [
          { category: 'social', label: 'Ageing: fast' },
          { category: 'political', label: '' },
        ],
      },
      { type: 'pilotIndicators', indicators: [{ name: 'Jobs created', unit: 'jobs' }] },
    ]);
  });

  it('reads the name, the summary and each section with its block', () => {
    const source = [
      '# Workshop notes',
      '',
      'Minutes of a workshop,',
      '  wrapped over two lines.',
      '',
      '## Agenda',
      '',
      'List the items.',
      '',
      '- Welcome',
      '- Decisions',
      '',
      '## Action items',
      '',
      'Who does what by when.',
      '',
      '- [ ] [Owner] — [action] — by [date]',
      '- [ ] R&D \\*not bold\\*',
      '',
      '## Risks',
      '',
      'Name the risks.',
      '',
      '| Risk | Mitigation \\| owner |',
      '| --- | --- |',
      '| | |',
      '| Late | |',
      '',
      '## Notes',
      '',
      'Anything else.',
      '',
    ].join('\n');
    expect(parseTemplateMarkdown(source, FILE)).toEqual({
      name: 'Workshop notes',
      summary: 'Minutes of a workshop, wrapped over two lines.',
      sections: [
        {
          heading: 'Agenda',
          prompt: 'List the items.',
          block: { type: 'bullets', items: ['Welcome', 'Decisions'] },
        },
        {
          heading: 'Action items',
          prompt: 'Who does what by when.',
          block: { type: 'tasks', items: ['[Owner] — [action] — by [date]', 'R&D *not bold*'] },
        },
        {
          heading: 'Risks',
          prompt: 'Name the risks.',
          block: {
            type: 'table',
            header: ['Risk', 'Mitigation | owner'],
            rows: [
              ['', ''],
              ['Late', ''],
            ],
          },
        },
        { heading: 'Notes', prompt: 'Anything else.' },
      ],
    });
  });

  const broken: [string, string, RegExp][] = [
    ['formatting', '# N\n\nS\n\n## H\n\nA **bold** prompt.\n', /:7: only plain text .* "strong"/],
    [
      'a link',
      '# N\n\nS\n\n## H\n\nSee [this](https://x.test).\n',
      /:7: only plain text .* "link"/,
    ],
    [
      'no name',
      'S\n\n## H\n\nP\n',
      /:1: expected the name of the kind as "# Name", found "paragraph"/,
    ],
    ['no sections', '# N\n\nS\n', /expected at least one section .* found the end of the file/],
    [
      'a level-3 heading',
      '# N\n\nS\n\n### H\n\nP\n',
      /:5: expected a section heading .* found a level-3 heading/,
    ],
    [
      'no prompt',
      '# N\n\nS\n\n## H\n\n## I\n\nP\n',
      /:7: expected the section's prompt paragraph, found a level-2 heading/,
    ],
    [
      'a second paragraph',
      '# N\n\nS\n\n## H\n\nP\n\nQ\n',
      /:9: expected a section heading .* found "paragraph"/,
    ],
    ['a numbered list', '# N\n\nS\n\n## H\n\nP\n\n1. one\n', /:9: use "- " for a list/],
    [
      'bullets mixed with tasks',
      '# N\n\nS\n\n## H\n\nP\n\n- a\n- [ ] b\n',
      /:9: a list is either all/,
    ],
    ['a ticked task', '# N\n\nS\n\n## H\n\nP\n\n- [x] done\n', /:9: a list is either all/],
    [
      'a short table row',
      '# N\n\nS\n\n## H\n\nP\n\n| a | b |\n| - | - |\n| c |\n',
      /:11: a table row has 1 cells, its header 2/,
    ],
    [
      'a driver of an unknown category',
      '# N\n\nS\n\n## H\n\nP\n\n```foresight-board\nsocial: a\nweather: b\n```\n',
      /:11: a driver is "category: label"/,
    ],
    [
      'an indicator without its unit',
      '# N\n\nS\n\n## H\n\nP\n\n```pilot-indicators\nJobs\n```\n',
      /:10: an indicator is "name \| unit"/,
    ],
    [
      'lines in an assessment matrix',
      '# N\n\nS\n\n## H\n\nP\n\n```assessment-matrix\nrow\n```\n',
      /:10: an assessment matrix takes no lines/,
    ],
    [
      'a fenced block that is no method block',
      '# N\n\nS\n\n## H\n\nP\n\n```js\nx\n```\n',
      /:9: a fenced block names a method block/,
    ],
  ];
  for (const [what, source, message] of broken) {
    it(`refuses ${what}, naming the file and line`, () => {
      expect(() => parseTemplateMarkdown(source, FILE)).toThrow(message);
      expect(() => parseTemplateMarkdown(source, FILE)).toThrow(/^workshop_notes\/en\.md/);
    });
  }
});
