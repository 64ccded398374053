import type { ProgrammeFilter } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { latestRounds } from './countedScores.js';
import { readableDocuments } from './readableDocuments.js';
import type { RoundTallies, RoundTally } from './roundTallies.js';

export interface RevealedInProgramme {
  documents: Map<string, PoliDocument>;
  /** The latest revealed round of each matrix in those documents, tallied. */
  tallies: RoundTally[];
  countryOf: Map<string, string>;
}

/**
 * What both programme reads start from: the reader's documents under the filter, the latest
 * revealed round of each of their matrices with its tallies (no document opened; scores read
 * only for rounds not tallied yet), and each organisation's country.
 */
export async function loadRevealed(
  ctx: ServiceContext,
  roundTallies: RoundTallies,
  actor: Actor,
  filter: ProgrammeFilter,
): Promise<RevealedInProgramme> {
  const [docs, organisations] = await Promise.all([
    readableDocuments(ctx, actor, filter),
    ctx.store.organisations.list(),
  ]);
  const rounds = latestRounds(
    await ctx.store.assessments.listRevealedRounds(docs.map((d) => d.id)),
  );
  return {
    documents: new Map(docs.map((d) => [d.id, d])),
    tallies: await roundTallies.of(ctx, rounds),
    countryOf: new Map(organisations.map((o) => [o.id, o.country])),
  };
}
