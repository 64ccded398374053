import { randomUUID } from 'node:crypto';
import type { AssessmentScore, MatrixStructure } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { buildAssessmentRound, buildAssessmentScore } from '../../testing/assessmentFactories.js';
import { buildDocument, seedStoreDocument } from '../../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../../testing/storeContract.js';
import { exportAssessment, importAssessment } from './assessmentTransfer.js';

/**
 * The assessments' store contract (`AssessmentRepo`, port.ts): every adapter passes it, SQLite
 * always and MongoDB when MONGODB_URI names a server (see store/contract.test.ts).
 */
const ADAPTERS = contractAdapters('assessment-contract');

/** Timestamps a fixed distance apart, so ordering never depends on the clock. */
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

const STRUCTURE: MatrixStructure = {
  rows: [
    { rowId: 'row-b', label: 'Cluster financing', priority: 'financing' },
    { rowId: 'row-a', label: '', priority: null },
  ],
  criteria: [{ criterionId: 'crit-1', label: '', dac: 'relevance' }],
};

for (const adapter of ADAPTERS) {
  describe(`assessment contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    async function seed() {
      const { user, org, group, doc } = await seedStoreDocument(store, yUpdate('plan'));
      const matrixId = randomUUID();
      const score = (over: Partial<AssessmentScore> = {}) =>
        buildAssessmentScore({
          documentId: doc.id,
          matrixId,
          userId: user.id,
          organisationId: org.id,
          updatedAt: at(1),
          ...over,
        });
      return { user, org, group, doc, matrixId, score };
    }

    it('keeps one score per scorer, round and cell: a second replaces the first', async () => {
      const { doc, matrixId, score } = await seed();
      const first = score({ userId: 'user-b', rowId: 'row-1', criterionId: 'c-1', score: 2 });
      const again = {
        ...first,
        score: 5,
        rationale: 'Revised after the site visit',
        updatedAt: at(3),
      };
      const other = score({ userId: 'user-a', rowId: 'row-1', criterionId: 'c-1', score: 4 });
      const secondRound = score({ userId: 'user-a', rowId: 'row-1', criterionId: 'c-1', round: 2 });
      const elsewhere = score({ matrixId: randomUUID(), userId: 'user-a' });
      for (const s of [first, other, again, secondRound, elsewhere]) {
        await store.assessments.putScore(s);
      }
      // Ordered by round, user, row, criterion.
      expect(await store.assessments.listScores(doc.id, matrixId)).toEqual([
        other,
        again,
        secondRound,
      ]);
      expect(await store.assessments.listScoresOf(doc.id, matrixId, 'user-a')).toEqual([
        other,
        secondRound,
      ]);
      expect(await store.assessments.listScoresOf(doc.id, matrixId, 'nobody')).toEqual([]);
      expect(await store.assessments.countScorers(doc.id, matrixId, 1)).toBe(2);
      expect(await store.assessments.countScorers(doc.id, matrixId, 2)).toBe(1);
      expect(await store.assessments.countScorers(doc.id, randomUUID(), 1)).toBe(0);
    });

    it('deletes one scorer’s score of one cell in one round, and says whether there was one', async () => {
      const { doc, matrixId, score } = await seed();
      const mine = score({ userId: 'user-a', rowId: 'r', criterionId: 'c' });
      const theirs = score({ userId: 'user-b', rowId: 'r', criterionId: 'c' });
      await store.assessments.putScore(mine);
      await store.assessments.putScore(theirs);
      const key = {
        documentId: doc.id,
        matrixId,
        round: 1 as const,
        userId: 'user-a',
        rowId: 'r',
        criterionId: 'c',
      };
      expect(await store.assessments.deleteScore({ ...key, round: 2 })).toBe(false);
      expect(await store.assessments.deleteScore(key)).toBe(true);
      expect(await store.assessments.deleteScore(key)).toBe(false);
      expect(await store.assessments.listScores(doc.id, matrixId)).toEqual([theirs]);
    });

    it('stores a round once, and reveals it once with its structure', async () => {
      const { doc, matrixId } = await seed();
      const round1 = buildAssessmentRound({ documentId: doc.id, matrixId, startedAt: at(1) });
      expect(await store.assessments.listRounds(doc.id, matrixId)).toEqual([]);
      expect(await store.assessments.createRound(round1)).toBe(true);
      // Of two first scorers at once, one creates the round.
      expect(await store.assessments.createRound({ ...round1, startedAt: at(2) })).toBe(false);
      expect(await store.assessments.listRounds(doc.id, matrixId)).toEqual([round1]);

      const key = { documentId: doc.id, matrixId, round: 1 as const };
      const reveal = { revealedAt: at(5), revealedBy: 'lead', structure: STRUCTURE };
      expect(await store.assessments.revealRound({ ...key, round: 2 }, reveal)).toBe(false);
      expect(await store.assessments.revealRound(key, reveal)).toBe(true);
      // Of two revealers, one wins: the first reveal stands.
      expect(
        await store.assessments.revealRound(key, { ...reveal, revealedAt: at(6), revealedBy: 'x' }),
      ).toBe(false);
      const revealed = { ...round1, phase: 'revealed' as const, ...reveal };
      const round2 = buildAssessmentRound({
        documentId: doc.id,
        matrixId,
        round: 2,
        startedAt: at(7),
      });
      expect(await store.assessments.createRound(round2)).toBe(true);
      expect(await store.assessments.listRounds(doc.id, matrixId)).toEqual([revealed, round2]);
    });

    it('lists revealed rounds of a set of documents with the scores each may show', async () => {
      const { user, group, doc, matrixId, score } = await seed();
      const otherDoc = buildDocument({ workingGroupId: group.id, createdBy: user.id });
      await store.documents.create(otherDoc, yUpdate('other'));
      const hiddenMatrix = randomUUID();
      const reveal = { revealedAt: at(5), revealedBy: 'lead', structure: STRUCTURE };

      // doc/matrixId: round 1 revealed, round 2 scoring (its scores must not be listed).
      const r1 = score({ userId: 'u1', rowId: 'row-a', criterionId: 'crit-1', score: 2 });
      const r2 = score({ userId: 'u1', rowId: 'row-a', criterionId: 'crit-1', score: 4, round: 2 });
      await store.assessments.putScore(r1);
      await store.assessments.putScore(r2);
      await store.assessments.createRound(
        buildAssessmentRound({ documentId: doc.id, matrixId, startedAt: at(1) }),
      );
      await store.assessments.revealRound({ documentId: doc.id, matrixId, round: 1 }, reveal);
      await store.assessments.createRound(
        buildAssessmentRound({ documentId: doc.id, matrixId, round: 2, startedAt: at(6) }),
      );
      // doc/hiddenMatrix: still scoring, never listed.
      await store.assessments.putScore(score({ matrixId: hiddenMatrix }));
      await store.assessments.createRound(
        buildAssessmentRound({ documentId: doc.id, matrixId: hiddenMatrix }),
      );
      // otherDoc: round 1 revealed.
      const otherMatrix = randomUUID();
      const o1 = score({ documentId: otherDoc.id, matrixId: otherMatrix, userId: 'u2' });
      await store.assessments.putScore(o1);
      await store.assessments.createRound(
        buildAssessmentRound({ documentId: otherDoc.id, matrixId: otherMatrix, startedAt: at(1) }),
      );
      await store.assessments.revealRound(
        { documentId: otherDoc.id, matrixId: otherMatrix, round: 1 },
        reveal,
      );

      const listed = await store.assessments.listRevealed([doc.id, otherDoc.id]);
      const summary = listed.map((l) => [
        l.round.documentId,
        l.round.matrixId,
        l.round.round,
        l.scores,
      ]);
      expect(summary).toEqual(
        [
          [doc.id, matrixId, 1, [r1]],
          [otherDoc.id, otherMatrix, 1, [o1]],
        ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
      );
      expect(listed[0]!.round.structure).toEqual(STRUCTURE);
      // The rounds alone (programme view): the same rounds in the same order.
      expect(await store.assessments.listRevealedRounds([doc.id, otherDoc.id])).toEqual(
        listed.map((l) => l.round),
      );

      // Round 2 revealed: its round-2 scores come with round 1's (for the fallback).
      await store.assessments.revealRound({ documentId: doc.id, matrixId, round: 2 }, reveal);
      const again = await store.assessments.listRevealed([doc.id]);
      expect(again.map((l) => [l.round.round, l.scores])).toEqual([
        [1, [r1]],
        [2, [r1, r2]],
      ]);
      expect(await store.assessments.listRevealedRounds([doc.id])).toEqual(
        again.map((l) => l.round),
      );
      expect(await store.assessments.listRevealedRounds([])).toEqual([]);
      expect(await store.assessments.listRevealed([])).toEqual([]);
      expect(await store.assessments.listRevealed([randomUUID()])).toEqual([]);
    });

    it('exports each matrix by document then matrix, and imports it as it was', async () => {
      const { doc, matrixId, score } = await seed();
      const s1 = score({ userId: 'u1', rationale: 'Strong regional demand' });
      const roundOnly = randomUUID();
      await store.assessments.putScore(s1);
      await store.assessments.createRound(
        buildAssessmentRound({ documentId: doc.id, matrixId, startedAt: at(1) }),
      );
      await store.assessments.revealRound(
        { documentId: doc.id, matrixId, round: 1 },
        { revealedAt: at(2), revealedBy: 'lead', structure: STRUCTURE },
      );
      await store.assessments.createRound(
        buildAssessmentRound({ documentId: doc.id, matrixId: roundOnly }),
      );
      const keys = await store.assessments.listMatrices();
      expect(keys).toEqual(
        [
          { documentId: doc.id, matrixId },
          { documentId: doc.id, matrixId: roundOnly },
        ].sort((a, b) => (a.matrixId < b.matrixId ? -1 : 1)),
      );
      const exported = await exportAssessment(store.assessments, { documentId: doc.id, matrixId });
      expect(exported.scores).toEqual([s1]);
      expect(exported.rounds[0]).toMatchObject({ phase: 'revealed', structure: STRUCTURE });

      // Into an empty matrix slot (what store:copy does on an empty store).
      const copy = { ...exported, matrixId: randomUUID() };
      copy.rounds = copy.rounds.map((r) => ({ ...r, matrixId: copy.matrixId }));
      copy.scores = copy.scores.map((s) => ({ ...s, matrixId: copy.matrixId }));
      await importAssessment(store.assessments, copy);
      expect(await exportAssessment(store.assessments, copy)).toEqual(copy);
    });
  });
}
