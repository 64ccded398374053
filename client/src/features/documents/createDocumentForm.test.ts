import { describe, expect, it } from 'vitest';
import { validateDraft, type CreateDocumentDraft } from './createDocumentForm';

function buildDraft(overrides: Partial<CreateDocumentDraft> = {}): CreateDocumentDraft {
  return {
    title: '  Regional foresight 2035 ',
    kind: 'foresight_exercise',
    workingGroupId: 'wg1',
    thematicPriorities: ['innovation', 'skills'],
    language: 'el',
    countries: 'gr, ro',
    ...overrides,
  };
}

describe('validateDraft', () => {
  it('builds the request the API expects', () => {
    expect(validateDraft(buildDraft())).toEqual({
      ok: true,
      request: {
        title: 'Regional foresight 2035',
        kind: 'foresight_exercise',
        workingGroupId: 'wg1',
        thematicPriorities: ['innovation', 'skills'],
        language: 'el',
        countries: ['GR', 'RO'],
      },
    });
  });

  it('names every field that is wrong', () => {
    const result = validateDraft(
      buildDraft({
        title: ' ',
        kind: '',
        workingGroupId: '',
        thematicPriorities: [],
        countries: 'Greece',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'title', rule: 'required' },
      { field: 'kind', rule: 'required' },
      { field: 'workingGroupId', rule: 'required' },
      { field: 'thematicPriorities', rule: 'pickPriority' },
      { field: 'countries', rule: 'invalidCountries', codes: ['Greece'] },
    ]);
  });

  it('refuses a title longer than the schema allows', () => {
    const result = validateDraft(buildDraft({ title: 'x'.repeat(201) }));
    expect(result.ok).toBe(false);
  });
});
