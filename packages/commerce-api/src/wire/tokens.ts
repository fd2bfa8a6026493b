import { z } from 'zod';

/** The login and refresh responses. */
export const WireTokensSchema = z.looseObject({
  accessToken: z.string().min(1),
  tokenType: z.string(),
  expiresIn: z.number().int().positive(),
  refreshToken: z.string().min(1).nullable().optional(),
});
export type WireTokens = z.infer<typeof WireTokensSchema>;
