import { z } from 'zod';

/**
 * The tags field as typed ("Cluster vouchers, SMEs"), as the list a contract takes: split at
 * commas, blanks dropped. The contract's own schema normalises and checks each tag.
 */
export const TagsTextSchema = z.string().transform((text) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== ''),
);
