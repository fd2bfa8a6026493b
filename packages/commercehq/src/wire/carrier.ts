import { z } from 'zod';
import { WireIdSchema } from './common';

/** GET /shipping-carriers items. */
export const WireCarrierSchema = z.looseObject({
  id: WireIdSchema,
  title: z.string(),
  is_deleted: z.boolean().optional(),
});
export type WireCarrier = z.infer<typeof WireCarrierSchema>;

/** GET /helpers/warehouses. */
export const WireWarehousesSchema = z.looseObject({
  warehouses: z.array(z.looseObject({ id: WireIdSchema, title: z.string().optional() })),
});
