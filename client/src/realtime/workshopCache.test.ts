import type { PollView, WorkshopView } from '@polisee/contracts';
import type { WorkshopOutcome } from '@polisee/domain';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../api/queryKeys';
import { newerWorkshop, upsertOutcome, upsertPoll, writePoll } from './workshopCache';

const view = (serverNow: string, currentItem: number) =>
  ({ id: 'w', serverNow, currentItem }) as unknown as WorkshopView;

const poll = (id: string, status: 'open' | 'closed', yourBallot: PollView['yourBallot']) =>
  ({ id, workshopId: 'w', status, results: null, yourBallot }) as unknown as PollView;

describe('newerWorkshop', () => {
  it('keeps whichever view the server sent last', () => {
    const older = view('2026-03-01T10:00:00.000Z', 0);
    const newer = view('2026-03-01T10:00:01.000Z', 1);
    expect(newerWorkshop(older, newer)).toBe(newer);
    expect(newerWorkshop(newer, older)).toBe(newer);
    expect(newerWorkshop(undefined, older)).toBe(older);
  });
});

describe('upsertPoll', () => {
  const mine = [{ optionId: 'a', value: 1 }];

  it('keeps the reader’s own ballot when a broadcast (which never carries one) updates the poll', () => {
    const [updated] = upsertPoll([poll('p', 'open', mine)], poll('p', 'closed', null), false);
    expect(updated).toMatchObject({ status: 'closed', yourBallot: mine });
  });

  it('takes the ballot from an answer addressed to the reader, and adds a new poll at the end', () => {
    const changed = [{ optionId: 'b', value: 1 }];
    const list = upsertPoll([poll('p', 'open', mine)], poll('p', 'open', changed), true);
    expect(list[0]?.yourBallot).toEqual(changed);
    expect(upsertPoll(list, poll('q', 'open', null), false).map((p) => p.id)).toEqual(['p', 'q']);
  });
});

describe('writePoll', () => {
  it('refetches instead of caching a lone poll when no list is cached yet', () => {
    const client = new QueryClient();
    writePoll(client, poll('p', 'open', null), false);
    expect(client.getQueryData(queryKeys.workshops.polls('w'))).toBeUndefined();
    client.setQueryData(queryKeys.workshops.polls('w'), { items: [] });
    writePoll(client, poll('p', 'open', null), false);
    expect(client.getQueryData(queryKeys.workshops.polls('w'))).toEqual({
      items: [poll('p', 'open', null)],
    });
  });
});

describe('upsertOutcome', () => {
  it('adds an outcome once, whether it came by REST or by the broadcast', () => {
    const outcome = { id: 'o' } as WorkshopOutcome;
    expect(upsertOutcome(upsertOutcome([], outcome), outcome)).toHaveLength(1);
  });
});
