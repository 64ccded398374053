import { describe, expect, it } from 'vitest';
import { canReadPublished, type KnowledgeRef } from './knowledgeRules.js';
import { canOnDocument, type Actor } from './rules.js';

const observerElsewhere: Actor = {
  user: { id: 'u1', isAdmin: false },
  memberships: [{ userId: 'u1', workingGroupId: 'wg2', role: 'observer' }],
};
const groupObserver: Actor = {
  user: { id: 'u1', isAdmin: false },
  memberships: [{ userId: 'u1', workingGroupId: 'wg1', role: 'observer' }],
};

function entry(overrides: Partial<KnowledgeRef> = {}): KnowledgeRef {
  return {
    workingGroupId: 'wg1',
    ownerIds: ['someone-else'],
    status: 'published',
    kind: 'good_practice',
    published: true,
    ...overrides,
  };
}

describe('reading the knowledge base', () => {
  it('lets anyone in the workspace read a published good practice or training package', () => {
    for (const kind of ['good_practice', 'training_package'] as const) {
      expect(canReadPublished(observerElsewhere, entry({ kind }))).toBe(true);
    }
  });

  it('keeps the draft of that entry to its group', () => {
    const doc = entry({ status: 'draft' });
    expect(canReadPublished(observerElsewhere, doc)).toBe(true);
    expect(canOnDocument(observerElsewhere, 'document.read', doc)).toBe(false);
  });

  it('shows nothing that was never published, nor an archived entry', () => {
    expect(canReadPublished(observerElsewhere, entry({ published: false, status: 'draft' }))).toBe(
      false,
    );
    expect(canReadPublished(observerElsewhere, entry({ status: 'archived' }))).toBe(false);
    expect(canReadPublished(groupObserver, entry({ published: false }))).toBe(false);
  });

  it('leaves published documents of other kinds to their group', () => {
    const plan = entry({ kind: 'joint_strategic_plan' });
    expect(canReadPublished(observerElsewhere, plan)).toBe(false);
    expect(canReadPublished(groupObserver, plan)).toBe(true);
  });
});
