import { z } from 'zod';

/** `/tag/customer`: customer writes reference tags by id. */
export const WireTagSchema = z.looseObject({ id: z.string().min(1), title: z.string() });
export type WireTag = z.infer<typeof WireTagSchema>;

export const WireTagPageSchema = z.looseObject({
  tags: z.array(WireTagSchema),
  total: z.number().int().nonnegative().optional(),
});
