import { THEMATIC_PRIORITIES } from '@polisee/domain';
import { BLOCK_PRIORITIES } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';

describe('the method blocks’ vocabulary', () => {
  it('tags matrix rows with exactly the thematic priorities of the domain', () => {
    // The editor schema imports only TipTap, so it keeps a copy of the list.
    expect([...BLOCK_PRIORITIES]).toEqual([...THEMATIC_PRIORITIES]);
  });
});
