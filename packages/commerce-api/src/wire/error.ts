import { z } from 'zod';

/** `{code, message, details}` on every error; `details` holds field-level problems (shape unspecified by the seed). */
export const WireErrorSchema = z.looseObject({
  code: z.string().optional(),
  message: z.string().optional(),
  details: z.array(z.unknown()).nullable().optional(),
});
