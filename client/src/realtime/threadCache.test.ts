import type { ThreadView } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { upsertThread } from './threadCache';

function thread(id: string, lastActivityAt: string, bodies: string[] = ['hi']): ThreadView {
  return {
    id,
    documentId: 'd',
    workingGroupId: 'g',
    priority: 'financing',
    status: 'open',
    authorId: 'u',
    quote: 'q',
    anchorState: 'anchored',
    createdAt: '2026-01-01T00:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    lastActivityAt,
    lastActivityBy: 'u',
    messageCount: bodies.length,
    people: [],
    messages: bodies.map((body, i) => ({
      id: `${id}-${i}`,
      threadId: id,
      authorId: 'u',
      body,
      mentions: [],
      createdAt: lastActivityAt,
      editedAt: null,
      deletedAt: null,
    })),
  };
}

describe('upsertThread', () => {
  it('adds a new thread on top and replaces a known one', () => {
    const a = thread('a', '2026-01-01T00:01:00.000Z');
    const b = thread('b', '2026-01-01T00:02:00.000Z');
    expect(upsertThread([a], b).map((t) => t.id)).toEqual(['b', 'a']);
    const a2 = thread('a', '2026-01-01T00:03:00.000Z', ['hi', 'reply']);
    expect(upsertThread([b, a], a2)[1]).toBe(a2);
  });

  it('never lets an older event overwrite a newer thread', () => {
    const newer = thread('a', '2026-01-01T00:05:00.000Z', ['hi', 'reply']);
    const older = thread('a', '2026-01-01T00:04:00.000Z');
    expect(upsertThread([newer], older)[0]).toBe(newer);
  });
});
