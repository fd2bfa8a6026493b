import { z } from 'zod';

/**
 * A cursor-mode list body, `{ <plural>: [...], cursor }`, where the last page still carries
 * records and has no cursor (API overview, "Cursor"). Only the envelope: each record is read
 * with its own schema, so one malformed record does not sink the page.
 */
export const wirePage = (key: string) =>
  z
    .looseObject({ [key]: z.array(z.unknown()), cursor: z.string().nullable().optional() })
    .transform((body) => ({
      records: body[key] as unknown[],
      cursor: body.cursor as string | null | undefined,
    }));
