import { describe, expect, it } from 'vitest';
import { CreateDocumentRequestSchema } from './documents.js';
import { CreateInvitationRequestSchema } from './invitations.js';
import { toFieldIssue, type FieldIssue } from './errors.js';

function issuesOf(schema: { safeParse: (v: unknown, o: object) => unknown }, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true }) as {
    success: boolean;
    error?: { issues: Parameters<typeof toFieldIssue>[0][] };
  };
  return (result.error?.issues ?? []).map((issue) => {
    const { path, code, limit } = toFieldIssue(issue, 'body');
    return { path, code, ...(limit === undefined ? {} : { limit }) } as Partial<FieldIssue>;
  });
}

const validDocument = {
  title: 'Foresight 2040',
  kind: 'foresight_exercise',
  workingGroupId: 'g1',
  thematicPriorities: ['skills'],
  language: 'el',
  countries: ['GR'],
};

describe('field issues', () => {
  it('names an empty or missing field required, whatever zod called it', () => {
    expect(
      issuesOf(CreateDocumentRequestSchema, {
        ...validDocument,
        title: '   ',
        kind: '',
        workingGroupId: undefined,
        thematicPriorities: [],
      }),
    ).toEqual([
      { path: 'title', code: 'required' },
      { path: 'kind', code: 'required' },
      { path: 'workingGroupId', code: 'required' },
      { path: 'thematicPriorities', code: 'too_few', limit: 1 },
    ]);
    expect(issuesOf(CreateInvitationRequestSchema, { email: '', organisationId: 'o1' })).toEqual([
      { path: 'email', code: 'required' },
    ]);
  });

  it('carries the bound a value broke', () => {
    const countries = Array.from({ length: 31 }, () => 'GR');
    expect(
      issuesOf(CreateDocumentRequestSchema, {
        ...validDocument,
        title: 'x'.repeat(201),
        countries,
      }),
    ).toEqual([
      { path: 'title', code: 'too_long', limit: 200 },
      { path: 'countries', code: 'too_many', limit: 30 },
    ]);
  });

  it('tells a malformed value from a value outside the allowed set, and names unknown fields', () => {
    expect(
      issuesOf(CreateDocumentRequestSchema, {
        ...validDocument,
        kind: 'poem',
        countries: ['gr'],
        extra: 1,
      }),
    ).toEqual([
      { path: 'kind', code: 'invalid_value' },
      { path: 'countries.0', code: 'invalid_format' },
      { path: 'body', code: 'unknown_field' },
    ]);
    expect(
      issuesOf(CreateInvitationRequestSchema, { email: 'not-mail', organisationId: 'o1' }),
    ).toEqual([{ path: 'email', code: 'invalid_format' }]);
  });
});
