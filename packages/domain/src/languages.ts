import { z } from 'zod';

/** UI and document languages with complete catalogs. */
export const LANGUAGES = ['en', 'sq', 'bg', 'el', 'hu', 'ro'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
export const DEFAULT_LANGUAGE: Language = 'en';
