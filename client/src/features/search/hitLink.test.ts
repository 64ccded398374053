import type { SearchItem } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { documentAtMatch, hitLink, matchFromParams } from './hitLink';

function buildItem(overrides: Partial<SearchItem> = {}): SearchItem {
  return {
    id: 'doc:d1',
    type: 'document',
    documentId: 'd1',
    threadId: null,
    workshopId: null,
    workingGroupId: 'g1',
    title: 'Plan',
    titleRanges: [],
    snippet: { text: '', ranges: [], cutStart: false, cutEnd: false },
    match: null,
    kind: 'joint_strategic_plan',
    priorities: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('where a hit opens', () => {
  it('opens a document at its quote, and reads the quote back from that address', () => {
    const match = { exact: 'πολιτική', prefix: 'δημιουργούν ', suffix: ' να & ?' };
    const link = hitLink(buildItem({ match }));
    expect(link?.startsWith('/documents/d1?find=')).toBe(true);
    expect(matchFromParams(new URL(link!, 'http://x').searchParams)).toEqual(match);
  });

  it('opens a document at its top when the match is only in the title', () => {
    expect(hitLink(buildItem())).toBe('/documents/d1');
    expect(documentAtMatch('d1', { exact: '', prefix: '', suffix: '' })).toBe('/documents/d1');
  });

  it('opens a thread in its document with the sidebar on it', () => {
    expect(hitLink(buildItem({ type: 'thread', threadId: 't1' }))).toBe('/documents/d1?thread=t1');
  });

  it('opens a workshop decision in its workshop', () => {
    expect(hitLink(buildItem({ type: 'decision', documentId: null, workshopId: 'w1' }))).toBe(
      '/workshops/w1',
    );
  });

  it('opens a knowledge-base entry in its published view, not its draft', () => {
    expect(hitLink(buildItem({ type: 'knowledge' }))).toBe('/knowledge/d1');
  });

  it('opens nothing for a hit that names nothing', () => {
    expect(hitLink(buildItem({ type: 'knowledge', documentId: null }))).toBeNull();
  });
});
