import type { PoliDocument } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { groupByPriority } from './groupByPriority';

function buildDocument(
  id: string,
  updatedAt: string,
  thematicPriorities: PoliDocument['thematicPriorities'],
): PoliDocument {
  return {
    id,
    title: id,
    kind: 'workshop_notes',
    workingGroupId: 'wg1',
    thematicPriorities,
    countries: [],
    tags: [],
    language: 'en',
    status: 'draft',
    ownerIds: [],
    suggestOnlyIds: [],
    createdBy: 'u1',
    createdAt: updatedAt,
    updatedAt,
  };
}

describe('groupByPriority', () => {
  it('lists a document under each of its priorities, newest first, with every priority present', () => {
    const older = buildDocument('older', '2025-01-01T00:00:00.000Z', ['skills']);
    const newer = buildDocument('newer', '2025-02-01T00:00:00.000Z', ['skills', 'financing']);
    const groups = groupByPriority([older, newer]);
    expect(groups.skills.map((d) => d.id)).toEqual(['newer', 'older']);
    expect(groups.financing.map((d) => d.id)).toEqual(['newer']);
    expect(groups.innovation).toEqual([]);
    expect(Object.keys(groups)).toHaveLength(6);
  });
});
