import { getSchema, type AnyExtension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { HEADING_LEVELS, isAllowedLinkHref } from './attributeRules.js';
import { methodBlockExtensions } from './blocks/index.js';
import { CommentThreadMark } from './commentThreadMark.js';
import { diffSchemaOf } from './diffExtensions.js';
import { suggestionMarkExtensions } from './suggestionMarks.js';

/** Name of the Y.XmlFragment inside each document's Y.Doc (TipTap's Collaboration default). */
export const FRAGMENT_NAME = 'default';

/**
 * Bumped whenever a node or mark changes in a way stored documents must be migrated for, or
 * that an older editor cannot read (2: the suggestion marks, decision 0056).
 */
export const SCHEMA_VERSION = 2;

export interface SharedExtensionOptions {
  /**
   * Collaborative editors turn the built-in undo off: Yjs' UndoManager (through the
   * Collaboration extension) undoes only the local user's changes.
   */
  undoRedo?: boolean;
}

/**
 * The document schema shared by the client editor and the server (rendering, search, export).
 * Headless: no React, no DOM. Anything that changes the schema belongs here, never in one side only.
 */
export function sharedExtensions(options: SharedExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: options.undoRedo === false ? false : {},
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        // Only web and mail links (LINK_PROTOCOLS, through isAllowedLinkHref): `javascript:` and
        // data URLs are never allowed in a document. No `protocols` option: linkify knows these
        // schemes already, and registering them again warned in the console for every editor
        // created after the first.
        isAllowedUri: (url, ctx) => isAllowedLinkHref(url) && ctx.defaultValidate(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    CommentThreadMark,
    ...suggestionMarkExtensions(),
    ...methodBlockExtensions(),
  ];
}

/** The ProseMirror schema built from the shared extensions. */
export function buildSchema() {
  return getSchema(sharedExtensions());
}

/** The schema of a comparison between versions: the shared schema plus `diffExtensions()`. */
export function buildDiffSchema() {
  return diffSchemaOf(sharedExtensions());
}

export type { JSONContent } from '@tiptap/core';
export {
  attributeRule,
  HEADING_LEVELS,
  isAllowedLinkHref,
  isModificationValue,
  isPlainAttributeValue,
  isSectionLinkList,
  LINK_PROTOCOLS,
  MARK_ATTRIBUTE_RULES,
  NODE_ATTRIBUTE_RULES,
  type AttributeRule,
} from './attributeRules.js';
export * from './blocks/index.js';
export { COMMENT_THREAD_ATTRIBUTE, CommentThreadMark } from './commentThreadMark.js';
export {
  DIFF_BLOCK_VALUES,
  DIFF_NODE_TYPES,
  DiffBlockAttribute,
  DiffDeleteMark,
  DiffFormatMark,
  DiffInsertMark,
  diffExtensions,
  type DiffBlockValue,
} from './diffExtensions.js';
export {
  DeletionMark,
  InsertionMark,
  MODIFICATION_TYPES,
  ModificationMark,
  SUGGESTION_MARK_NAMES,
  suggestionMarkExtensions,
  type SuggestionMarkName,
} from './suggestionMarks.js';
export { stampSuggestionAuthor } from './stampSuggestionAuthor.js';
