import { z } from 'zod';
import { AddressSchema } from './address';
import { IdSchema, MoneySchema, RawSchema, TimestampSchema } from './primitives';

export const CustomerStatsSchema = z.object({
  orderCount: z.number().int().nonnegative().nullable(),
  lifetimeValue: MoneySchema.nullable(),
  lastOrderAt: TimestampSchema.nullable(),
});
export type CustomerStats = z.infer<typeof CustomerStatsSchema>;

export const CustomerSchema = z.object({
  platform: z.string(),
  id: IdSchema,
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  addresses: z.array(AddressSchema),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  /** Null where the platform keeps no statistics. */
  stats: CustomerStatsSchema.nullable(),
  createdAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
  raw: RawSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;
