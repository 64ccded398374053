import { describe, expect, it } from 'vitest';
import { toFieldIssue } from '@polisee/contracts';
import { CreateDocumentFormSchema, type CreateDocumentFormValues } from './createDocumentForm';

function buildValues(overrides: Partial<Record<keyof CreateDocumentFormValues, unknown>> = {}) {
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

function problemsOf(values: unknown) {
  const result = CreateDocumentFormSchema.safeParse(values, { reportInput: true });
  return (result.error?.issues ?? []).map((issue) => {
    const { path, code, limit } = toFieldIssue(issue, 'root');
    return limit === undefined ? { path, code } : { path, code, limit };
  });
}

describe('the create-document form schema', () => {
  it('builds the request the API expects', () => {
    expect(CreateDocumentFormSchema.parse(buildValues())).toEqual({
      title: 'Regional foresight 2035',
      kind: 'foresight_exercise',
      workingGroupId: 'wg1',
      thematicPriorities: ['innovation', 'skills'],
      language: 'el',
      countries: ['GR', 'RO'],
    });
  });

  it('names every field that is wrong, with the codes the server would send', () => {
    expect(
      problemsOf(
        buildValues({
          title: ' ',
          kind: '',
          workingGroupId: '',
          thematicPriorities: [],
          countries: 'GR, Greece',
        }),
      ),
    ).toEqual([
      { path: 'title', code: 'required' },
      { path: 'kind', code: 'required' },
      { path: 'workingGroupId', code: 'required' },
      { path: 'thematicPriorities', code: 'too_few', limit: 1 },
      { path: 'countries.1', code: 'invalid_format' },
    ]);
  });

  it('carries the limits of the contract', () => {
    const countries =
      'AL AT BA BG HR GR HU IT MD ME MK RO RS SI SK UA FR DE ES PT PL CZ NL BE LU IE DK SE FI EE LV';
    expect(problemsOf(buildValues({ title: 'x'.repeat(201), countries }))).toEqual([
      { path: 'title', code: 'too_long', limit: 200 },
      { path: 'countries', code: 'too_many', limit: 30 },
    ]);
  });
});
