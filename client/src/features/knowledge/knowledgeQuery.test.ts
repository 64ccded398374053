import { describe, expect, it } from 'vitest';
import { knowledgeQueryFrom } from './knowledgeQuery';

describe('the knowledge base query in the address', () => {
  it('keeps the filters the contract accepts and drops the others', () => {
    const params = new URLSearchParams(
      'priority=financing&country=RO&tag=Cluster%20Vouchers&kind=joint_strategic_plan&q=voucher&x=1',
    );
    expect(knowledgeQueryFrom(params)).toEqual({
      priority: 'financing',
      country: 'RO',
      tag: 'cluster-vouchers',
      q: 'voucher',
    });
    expect(knowledgeQueryFrom(new URLSearchParams('priority=nope'))).toEqual({});
  });
});
