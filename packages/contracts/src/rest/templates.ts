import { z } from 'zod';
import { SteepCategorySchema } from './blocks.js';

/**
 * A document template as `GET /api/templates/:kind` returns it: the sections a new document of a
 * kind starts with, each with a guiding prompt and, where the kind calls for it, a structured block.
 */
export const TemplateBlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('table'),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal('bullets'), items: z.array(z.string()) }),
  z.object({ type: z.literal('tasks'), items: z.array(z.string()) }),
  /**
   * The method blocks (decision 0049). A template's matrix has the six DAC criteria and one row
   * per thematic priority; its labels stay empty, so each reader sees them in their language.
   */
  z.object({ type: z.literal('assessmentMatrix') }),
  /** A board with one driver per listed STEEP category (labels as the template gives them). */
  z.object({
    type: z.literal('foresightBoard'),
    drivers: z.array(z.object({ category: SteepCategorySchema, label: z.string() })),
  }),
  /** An indicator table with the listed indicators (name and unit; values left empty). */
  z.object({
    type: z.literal('pilotIndicators'),
    indicators: z.array(z.object({ name: z.string(), unit: z.string() })),
  }),
]);
export type TemplateBlock = z.infer<typeof TemplateBlockSchema>;

export const TemplateSectionSchema = z.object({
  heading: z.string(),
  prompt: z.string(),
  block: TemplateBlockSchema.optional(),
});
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

export const DocumentTemplateSchema = z.object({
  /** One-line description of the kind, shown when choosing a template. */
  summary: z.string(),
  sections: z.array(TemplateSectionSchema),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplateSchema>;
