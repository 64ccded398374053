import { Mark, mergeAttributes, type Attributes } from '@tiptap/core';

/**
 * The marks of suggestion mode (decision 0056). Their names, exclusions and `id` attribute are
 * the contract of `@handlewithcare/prosemirror-suggest-changes`, whose transforms find them by
 * name in the schema; a test holds them to the library's own specs. They are declared here, as
 * TipTap marks, because the schema is shared and this package imports only TipTap.
 *
 * Each mark carries who suggested it (`authorId`, a user id) besides its `id`: the library
 * reuses the id of an adjacent suggestion when someone types next to it, so one id may cover
 * text of several people. The server checks `authorId` against the connection's user and
 * stamps organisation, country and time into its ledger; the mark never carries those.
 */

export const SUGGESTION_MARK_NAMES = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARK_NAMES)[number];

/** What a `modification` records (the library's values): a node attribute, a node mark, a node type. */
export const MODIFICATION_TYPES = ['attr', 'mark', 'nodeType'] as const;

const SUGGESTION_ID_ATTRIBUTE = 'data-suggestion-id';
const SUGGESTION_AUTHOR_ATTRIBUTE = 'data-suggestion-author';
const SUGGESTION_TIME_ATTRIBUTE = 'data-suggestion-time';

/**
 * `id`, `authorId` and `createdAt` (ISO 8601, the author's clock when the suggestion was made,
 * offline included), null until set: the library creates marks with `{ id }` only.
 */
function suggestionAttributes(): Attributes {
  return {
    id: {
      default: null,
      parseHTML: (element) => element.getAttribute(SUGGESTION_ID_ATTRIBUTE),
      renderHTML: (attributes) => ({ [SUGGESTION_ID_ATTRIBUTE]: attributes.id as string }),
    },
    authorId: {
      default: null,
      parseHTML: (element) => element.getAttribute(SUGGESTION_AUTHOR_ATTRIBUTE),
      renderHTML: (attributes) =>
        attributes.authorId ? { [SUGGESTION_AUTHOR_ATTRIBUTE]: attributes.authorId as string } : {},
    },
    createdAt: {
      default: null,
      parseHTML: (element) => element.getAttribute(SUGGESTION_TIME_ATTRIBUTE),
      renderHTML: (attributes) =>
        attributes.createdAt ? { [SUGGESTION_TIME_ATTRIBUTE]: attributes.createdAt as string } : {},
    },
  };
}

/**
 * A text suggestion: an insertion or a deletion, each excluding every other suggestion mark on
 * the same text, never extended by typing at its edge (a new change the library marks itself).
 */
function textSuggestionMark(name: 'insertion' | 'deletion', tag: 'ins' | 'del', excludes: string) {
  return Mark.create({
    name,
    inclusive: false,
    // As the library defines it (its own mark specs are the reference, see the test).
    excludes,
    addAttributes: suggestionAttributes,
    parseHTML: () => [{ tag: `${tag}[${SUGGESTION_ID_ATTRIBUTE}]` }],
    renderHTML: ({ HTMLAttributes }) => [
      tag,
      mergeAttributes({ class: `suggestion-${name}` }, HTMLAttributes),
      0,
    ],
  });
}

/** Content someone proposes to add: text, or (as a node mark) a whole block. */
export const InsertionMark = textSuggestionMark(
  'insertion',
  'ins',
  'deletion modification insertion',
);

/** Content someone proposes to remove: it stays in the document until the change is applied. */
export const DeletionMark = textSuggestionMark(
  'deletion',
  'del',
  'insertion modification deletion',
);

/**
 * A node whose attribute, mark or type someone proposes to change, with the value before and
 * after. The library only ever puts it on nodes (node marks), which the Yjs bindings do not
 * store yet (decision 0056); it is in the schema because the library requires it.
 */
export const ModificationMark = Mark.create({
  name: 'modification',
  inclusive: false,
  // Not itself: a node may carry one modification per attribute.
  excludes: 'deletion insertion',
  addAttributes() {
    return {
      ...suggestionAttributes(),
      type: { default: null, rendered: false },
      attrName: { default: null, rendered: false },
      previousValue: { default: null, rendered: false },
      newValue: { default: null, rendered: false },
    };
  },
  parseHTML: () => [{ tag: `span[data-modification][${SUGGESTION_ID_ATTRIBUTE}]` }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes({ class: 'suggestion-modification', 'data-modification': '' }, HTMLAttributes),
    0,
  ],
});

export function suggestionMarkExtensions() {
  return [InsertionMark, DeletionMark, ModificationMark];
}
