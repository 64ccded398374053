import type { PollView } from '@polisee/contracts';
import type { BallotAllocation } from '@polisee/domain';
import { create } from 'zustand';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { changeDots } from './dotBallot';

/**
 * Ballots being changed on the board, per poll: each +/− changes the draft at once, and the
 * draft is sent whole (a ballot replaces the voter's previous one). One send at a time per
 * poll, always of the latest draft, so quick clicks add up instead of overwriting each other
 * with ballots computed from the same old answer. The server's answer (our own ballot) lands
 * in the polls cache, and the draft goes once nothing newer is waiting.
 */
interface DraftState {
  drafts: Record<string, BallotAllocation[]>;
  errors: Record<string, string>;
}

const useDrafts = create<DraftState>(() => ({ drafts: {}, errors: {} }));
const sending = new Set<string>();

function setDraft(pollId: string, draft: BallotAllocation[] | undefined) {
  useDrafts.setState((s) => {
    const drafts = { ...s.drafts };
    if (draft) drafts[pollId] = draft;
    else delete drafts[pollId];
    return { drafts };
  });
}

function setError(pollId: string, code: string | undefined) {
  useDrafts.setState((s) => {
    const errors = { ...s.errors };
    if (code) errors[pollId] = code;
    else delete errors[pollId];
    return { errors };
  });
}

async function flush(pollId: string, vote: WorkshopSession['vote']) {
  if (sending.has(pollId)) return;
  sending.add(pollId);
  try {
    for (;;) {
      const draft = useDrafts.getState().drafts[pollId];
      if (!draft) return;
      const result = await vote(pollId, draft);
      if (!result.ok) {
        // The cache still holds the ballot the server has: show that, and say why.
        setError(pollId, result.error);
        setDraft(pollId, undefined);
        return;
      }
      setError(pollId, undefined);
      if (useDrafts.getState().drafts[pollId] === draft) {
        setDraft(pollId, undefined);
        return;
      }
    }
  } finally {
    sending.delete(pollId);
  }
}

/** This voter's ballot in an open board poll, as shown (draft first), and how to change it. */
export function useDotBallot(poll: PollView | null, vote: WorkshopSession['vote'] | null) {
  const pollId = poll?.id ?? '';
  const draft = useDrafts((s) => s.drafts[pollId]);
  const error = useDrafts((s) => s.errors[pollId] ?? null);
  const allocations = draft ?? poll?.yourBallot ?? [];
  const change = (optionId: string, delta: 1 | -1): boolean => {
    if (!poll || !vote) return false;
    const base = useDrafts.getState().drafts[poll.id] ?? poll.yourBallot ?? [];
    const next = changeDots(poll, base, optionId, delta);
    if (!next) return false;
    setDraft(poll.id, next);
    void flush(poll.id, vote);
    return true;
  };
  return { allocations, error, change };
}
