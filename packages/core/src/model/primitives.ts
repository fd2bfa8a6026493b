import { z } from 'zod';

/** Platforms storeport ships adapters for; third-party adapters may use their own id. */
export const PLATFORMS = ['commerce7', 'commercehq', 'commerce-api'] as const;
export type KnownPlatform = (typeof PLATFORMS)[number];
export type Platform = KnownPlatform | (string & {});

/** An amount in integer minor units (cents for USD, yen for JPY, fils for BHD) and its ISO 4217 code. */
export const MoneySchema = z.object({
  amount: z.number().int().refine(Number.isSafeInteger, 'amount must be a safe integer'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'),
});
export type Money = z.infer<typeof MoneySchema>;

/** ISO 8601 UTC, e.g. `2026-01-02T03:04:05.000Z`. */
export const TimestampSchema = z.iso.datetime({ offset: false });
export type Timestamp = z.infer<typeof TimestampSchema>;

/** Ids are strings in the unified model, whatever the platform uses. */
export const IdSchema = z.string().min(1);

/**
 * An enum that never fails a record for a value it does not know: such a value becomes `'unknown'`
 * (the platform's own value stays in `raw`). Platforms add statuses; a sync must not stop for it.
 */
export function lenientEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum([...values, 'unknown'] as [...T, 'unknown']).catch('unknown' as const);
}

/** The platform's own payload, untouched. */
export const RawSchema = z.unknown();
