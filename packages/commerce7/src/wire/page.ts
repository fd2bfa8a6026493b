import { z } from 'zod';
import { WireCustomerSchema } from './customer';
import { WireOrderSchema } from './order';
import { WireProductSchema } from './product';

/**
 * List bodies: `{ <plural>: [...], total }` in page mode, `{ <plural>: [...], cursor }` in cursor
 * mode, where the last page still carries records and has no cursor (API overview, "Cursor").
 */
const paging = {
  cursor: z.string().nullable().optional(),
  total: z.number().int().nonnegative().optional(),
};

export const WireCustomerPageSchema = z.looseObject({ customers: z.array(WireCustomerSchema), ...paging });
export const WireOrderPageSchema = z.looseObject({ orders: z.array(WireOrderSchema), ...paging });
export const WireProductPageSchema = z.looseObject({ products: z.array(WireProductSchema), ...paging });
