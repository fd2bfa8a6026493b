import { z } from 'zod';

/**
 * `{data,total,page,pageSize,pages}`. Only `data` is indispensable; the counts (unstarred in the
 * seed) are used when present, and paging falls back to "a full page means there may be more".
 */
export function wirePage<T extends z.ZodType>(record: T) {
  return z.looseObject({
    data: z.array(record),
    total: z.number().int().nonnegative().optional(),
    page: z.number().int().positive().optional(),
    pageSize: z.number().int().positive().optional(),
    pages: z.number().int().nonnegative().optional(),
  });
}
