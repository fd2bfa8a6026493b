import { z } from 'zod';

/** Field errors: `{field: [messages]}` (the seed), a message string per field, or one string. */
const WireFieldErrors = z.union([
  z.record(z.string(), z.union([z.array(z.unknown()), z.string()])),
  z.string(),
]);

/**
 * 400 `{message}`, 422 `{message, errors}` (the seed), and Yii2's `{name, message, code, status}`
 * for the statuses the seed does not document. Real clients also see the 422 body as a list of
 * such objects.
 */
export const WireErrorSchema = z.looseObject({
  message: z.string().optional(),
  name: z.string().optional(),
  errors: WireFieldErrors.optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

export const WireErrorBodySchema = z.union([WireErrorSchema, z.array(WireErrorSchema)]);
