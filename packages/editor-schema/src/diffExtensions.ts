import { Extension, getSchema, Mark, type AnyExtension } from '@tiptap/core';

/**
 * Marks and a block attribute for showing a comparison of two versions (read-only). They are
 * never part of `sharedExtensions()`: a document must never contain them, and the live editor's
 * schema rejects them. Render a diff with `[...sharedExtensions(), ...diffExtensions()]`.
 */

/** Text present in the newer version only. */
export const DiffInsertMark = Mark.create({
  name: 'diffInsert',
  inclusive: false,
  // A character is inserted or deleted, never both.
  excludes: 'diffInsert diffDelete',
  parseHTML: () => [{ tag: 'ins[data-diff]' }],
  renderHTML: () => ['ins', { class: 'diff-insert', 'data-diff': 'insert' }, 0],
});

/** Text present in the older version only, put back where it was. */
export const DiffDeleteMark = Mark.create({
  name: 'diffDelete',
  inclusive: false,
  excludes: 'diffInsert diffDelete',
  parseHTML: () => [{ tag: 'del[data-diff]' }],
  renderHTML: () => ['del', { class: 'diff-delete', 'data-diff': 'delete' }, 0],
});

const markNames = (value: string | null) => (value ? value.split(' ').filter(Boolean) : []);

/** Text present in both, whose formatting changed: the names of the marks added and removed. */
export const DiffFormatMark = Mark.create({
  name: 'diffFormat',
  inclusive: false,
  addAttributes() {
    return {
      added: {
        default: [] as string[],
        parseHTML: (element) => markNames(element.getAttribute('data-diff-added')),
        renderHTML: (attributes) => ({
          'data-diff-added': (attributes.added as string[]).join(' '),
        }),
      },
      removed: {
        default: [] as string[],
        parseHTML: (element) => markNames(element.getAttribute('data-diff-removed')),
        renderHTML: (attributes) => ({
          'data-diff-removed': (attributes.removed as string[]).join(' '),
        }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span[data-diff="format"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    { class: 'diff-format', 'data-diff': 'format', ...HTMLAttributes },
    0,
  ],
});

/** Every node type of the shared schema except `doc` and `text`. */
export const DIFF_NODE_TYPES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'assessmentMatrix',
  'matrixCriterion',
  'matrixRow',
  'foresightBoard',
  'foresightDriver',
  'foresightScenario',
  'foresightWildcard',
  'pilotIndicators',
  'pilotIndicator',
] as const;

export const DIFF_BLOCK_VALUES = ['insert', 'delete', 'format'] as const;
export type DiffBlockValue = (typeof DIFF_BLOCK_VALUES)[number];

/**
 * `diff` on a whole node: `insert` / `delete` when the node itself was added or removed (an
 * empty paragraph, a table row, a rule, a code block — code blocks take no marks), `format` when
 * only its type or attributes changed (a paragraph that became a heading, a task ticked).
 */
export const DiffBlockAttribute = Extension.create({
  name: 'diffBlock',
  addGlobalAttributes() {
    return [
      {
        types: [...DIFF_NODE_TYPES],
        attributes: {
          diff: {
            default: null,
            parseHTML: (element) => element.getAttribute('data-diff'),
            renderHTML: (attributes) =>
              attributes.diff ? { 'data-diff': attributes.diff as string } : {},
          },
        },
      },
    ];
  },
});

export function diffExtensions(): AnyExtension[] {
  return [DiffInsertMark, DiffDeleteMark, DiffFormatMark, DiffBlockAttribute];
}

/** The schema a comparison is built and rendered in: the shared schema plus the diff extensions. */
export function diffSchemaOf(base: AnyExtension[]) {
  return getSchema([...base, ...diffExtensions()]);
}
