import { CreateDocumentRequestSchema } from '@polisee/contracts';
import type { z } from 'zod';
import { CountriesTextSchema } from '../../ui/countries';

/**
 * The create form checks with the server's own schema; only the countries differ, typed as
 * text ("GR, RO") and read into the list the contract takes. The server checks again; this
 * saves a round trip and puts errors at the field.
 */
export const CreateDocumentFormSchema = CreateDocumentRequestSchema.extend({
  countries: CountriesTextSchema.pipe(CreateDocumentRequestSchema.shape.countries.unwrap()),
});
export type CreateDocumentFormValues = z.input<typeof CreateDocumentFormSchema>;
export type CreateDocumentField = keyof CreateDocumentFormValues;
export const CREATE_DOCUMENT_FIELDS = Object.keys(
  CreateDocumentFormSchema.shape,
) as CreateDocumentField[];
