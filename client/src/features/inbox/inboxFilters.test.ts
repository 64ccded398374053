import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  defaultInboxPriority,
  priorityFromParam,
  totalUnread,
  viewFromSearchParams,
  withView,
} from './inboxFilters';

describe('inbox view in the URL', () => {
  it('shows open threads for everyone when the address names nothing', () => {
    expect(viewFromSearchParams(new URLSearchParams())).toEqual(DEFAULT_VIEW);
    expect(DEFAULT_VIEW).toEqual({ status: 'open', filter: 'all' });
  });

  it('reads the status and the filter the API takes', () => {
    expect(viewFromSearchParams(new URLSearchParams('status=resolved&filter=mentions'))).toEqual({
      status: 'resolved',
      filter: 'mentions',
    });
    expect(viewFromSearchParams(new URLSearchParams('filter=mine'))).toEqual({
      status: 'open',
      filter: 'mine',
    });
  });

  it('falls back to the default for a value that is not valid, keeping the other', () => {
    expect(viewFromSearchParams(new URLSearchParams('status=closed&filter=mentions'))).toEqual({
      status: 'open',
      filter: 'mentions',
    });
    expect(viewFromSearchParams(new URLSearchParams('status=resolved&filter=MINE'))).toEqual({
      status: 'resolved',
      filter: 'all',
    });
  });

  it('writes one part of the view, drops defaults and keeps other parameters', () => {
    const params = new URLSearchParams('filter=mine&utm=x');
    expect(withView(params, 'status', 'resolved').toString()).toBe(
      'filter=mine&utm=x&status=resolved',
    );
    expect(withView(params, 'filter', 'all').toString()).toBe('utm=x');
    expect(withView(new URLSearchParams('status=resolved'), 'status', 'open').toString()).toBe('');
    // The original is left alone: React Router's params must not be mutated in place.
    expect(params.toString()).toBe('filter=mine&utm=x');
  });

  it('round-trips every view through the address', () => {
    for (const status of ['open', 'resolved'] as const) {
      for (const filter of ['all', 'mine', 'mentions'] as const) {
        const params = withView(
          withView(new URLSearchParams(), 'status', status),
          'filter',
          filter,
        );
        expect(viewFromSearchParams(params)).toEqual({ status, filter });
      }
    }
  });
});

describe('inbox priority in the path', () => {
  it('accepts the six priorities and nothing else', () => {
    expect(priorityFromParam('financing')).toBe('financing');
    expect(priorityFromParam('space')).toBeNull();
    expect(priorityFromParam(undefined)).toBeNull();
  });
});

describe('totalUnread', () => {
  it('adds the unread threads of every priority', () => {
    expect(totalUnread(undefined)).toBe(0);
    expect(totalUnread([{ unread: 2 }, { unread: 0 }, { unread: 5 }])).toBe(7);
  });
});

describe('defaultInboxPriority', () => {
  const counts = (entries: [string, number, number][]) =>
    entries.map(([priority, open, unread]) => ({ priority: priority as never, open, unread }));

  it('opens the first priority with unread threads, in the programme order', () => {
    expect(
      defaultInboxPriority(
        counts([
          ['skills', 4, 1],
          ['financing', 2, 1],
          ['innovation', 5, 0],
        ]),
      ),
    ).toBe('financing');
  });

  it('else the first with open threads, else the first priority', () => {
    expect(
      defaultInboxPriority(
        counts([
          ['skills', 4, 0],
          ['sustainability', 1, 0],
        ]),
      ),
    ).toBe('sustainability');
    expect(defaultInboxPriority(counts([['skills', 0, 0]]))).toBe('innovation');
    expect(defaultInboxPriority(undefined)).toBe('innovation');
  });
});
