import { z } from 'zod';

/** The programme's six thematic priorities. The ids are stable: they are stored and sent on the wire. */
export const THEMATIC_PRIORITIES = [
  'innovation',
  'sustainability',
  'internationalisation',
  'financing',
  'specialisation',
  'skills',
] as const;

export const ThematicPrioritySchema = z.enum(THEMATIC_PRIORITIES);
export type ThematicPriority = z.infer<typeof ThematicPrioritySchema>;
