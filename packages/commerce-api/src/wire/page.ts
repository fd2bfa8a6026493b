import { z } from 'zod';

/**
 * `{data,total,page,pageSize,pages}`: the envelope only (each record is validated on its own).
 * Only `data` is indispensable; the counts (unstarred in the seed) are used when present.
 */
export const WirePageSchema = z.looseObject({
  data: z.array(z.unknown()),
  total: z.number().int().nonnegative().optional(),
  page: z.number().int().positive().optional(),
  pageSize: z.number().int().positive().optional(),
  pages: z.number().int().nonnegative().optional(),
});
export type WirePage = z.infer<typeof WirePageSchema>;
