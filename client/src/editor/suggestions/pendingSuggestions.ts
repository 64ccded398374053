import type { Mark, Node as PMNode } from '@tiptap/pm/model';

/** The library marks a suggested paragraph break with zero-width spaces; they are not text. */
const BREAK_MARKER = /\u200B/g;

/** One person's part of one suggestion, as the sidebar lists it. */
export interface PendingSuggestion {
  /** `id` and author together: the library may join a neighbour's text into one id. */
  key: string;
  id: string;
  authorId: string;
  createdAt: string | null;
  /** Suggested text added, and removed (a formatting change is both, with the same words). */
  inserted: string;
  deleted: string;
  /** Inserted only a paragraph break. */
  paragraphBreak: boolean;
  kind: 'insert' | 'delete' | 'replace' | 'format';
  /** Where its text starts and ends now. */
  from: number;
  to: number;
}

export interface SuggestionRun {
  mark: Mark;
  from: number;
  to: number;
}

/** Every run of text carrying an insertion or a deletion, in document order. */
export function suggestionRuns(doc: PMNode): SuggestionRun[] {
  const runs: SuggestionRun[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    if (mark && typeof mark.attrs.id === 'string')
      runs.push({ mark, from: pos, to: pos + node.nodeSize });
    return false;
  });
  return runs;
}

export function suggestionKey(mark: Mark): string {
  return `${String(mark.attrs.id)}:${String(mark.attrs.authorId)}`;
}

function kindOf(inserted: string, deleted: string): PendingSuggestion['kind'] {
  if (!deleted) return 'insert';
  if (!inserted) return 'delete';
  // The library suggests new formatting as the old text deleted and the formatted text inserted.
  return inserted === deleted ? 'format' : 'replace';
}

/** The suggestions in a document, one per suggestion and author, in document order. */
export function pendingSuggestions(doc: PMNode): PendingSuggestion[] {
  const byKey = new Map<string, PendingSuggestion & { rawInserted: string }>();
  for (const { mark, from, to } of suggestionRuns(doc)) {
    const key = suggestionKey(mark);
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        key,
        id: mark.attrs.id as string,
        authorId: (mark.attrs.authorId as string | null) ?? '',
        createdAt: (mark.attrs.createdAt as string | null) ?? null,
        inserted: '',
        rawInserted: '',
        deleted: '',
        paragraphBreak: false,
        kind: 'insert',
        from,
        to,
      };
      byKey.set(key, entry);
    }
    const text = doc.textBetween(from, to);
    if (mark.type.name === 'insertion') entry.rawInserted += text;
    else entry.deleted += text.replace(BREAK_MARKER, '');
    entry.to = to;
  }
  return [...byKey.values()].map(({ rawInserted, ...entry }) => {
    const inserted = rawInserted.replace(BREAK_MARKER, '');
    return {
      ...entry,
      inserted,
      paragraphBreak: rawInserted !== '' && inserted === '',
      kind: kindOf(inserted, entry.deleted),
    };
  });
}
