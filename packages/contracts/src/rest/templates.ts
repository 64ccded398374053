import { z } from 'zod';

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
