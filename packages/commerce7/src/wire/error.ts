import { z } from 'zod';

/**
 * Commerce7's error body. Documented once, for a 401: `{ statusCode: 401, type: "unauthorized",
 * message: "Unauthorized user", errors: [] }` (NOTES-research §1.7). The shape of an `errors[]`
 * element is not documented, so every element is accepted and read for a field and a message.
 */
export const WireErrorSchema = z.looseObject({
  statusCode: z.number().optional(),
  type: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;
