import { z } from 'zod';
import { IdSchema } from '@polisee/domain';

/** The formats a document exports to. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'md'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** A query flag: present as `1` (on) or `0` (off); absent means off. */
const FlagSchema = z
  .enum(['0', '1'])
  .default('0')
  .transform((v) => v === '1');

/**
 * `GET /documents/:id/export`: the document as it is now, or one version of it (`versionId`), or
 * the published version (`published=1`); never both. The appendices are opt-in: comments
 * (open threads; resolved ones too with `resolved=1`), the review rounds' verdicts, and the
 * partner sign-offs requested on the exported version (`signoffs=1`: only with a version or the
 * published one, since sign-offs are given on versions, never on the text as it is now).
 */
export const ExportQuerySchema = z
  .strictObject({
    format: ExportFormatSchema,
    versionId: IdSchema.optional(),
    published: FlagSchema,
    comments: FlagSchema,
    resolved: FlagSchema,
    verdicts: FlagSchema,
    signoffs: FlagSchema,
  })
  .refine((q) => !(q.published && q.versionId), {
    message: 'Name a version or ask for the published one, not both.',
    path: ['versionId'],
  })
  .refine((q) => !q.signoffs || q.published || q.versionId, {
    message: 'Sign-offs are given on versions: name a version or ask for the published one.',
    path: ['signoffs'],
  });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
export type ExportQueryInput = z.input<typeof ExportQuerySchema>;

/** The Content-Type each format is answered with. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};
