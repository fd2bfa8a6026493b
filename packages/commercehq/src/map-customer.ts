import { type Customer, type RoundingMode, wireDecimal } from '@storeport/core';
import { mapAddressPart } from './map-address';
import { unixTime } from './map-time';
import { PLATFORM } from './platform';
import type { WireCustomer } from './wire/customer';

/**
 * A CommerceHQ customer → Customer. Each stored address maps from its shipping part (with the
 * address id and phone); billing parts stay in `raw`. CommerceHQ keeps no phone on the customer:
 * `phone` is the first address phone. `updatedAt` falls back to `createdAt` for a customer never
 * updated (`updated_at` null or 0).
 */
export function mapCustomer(
  wire: WireCustomer,
  currency: string,
  rounding: RoundingMode = 'reject',
): Customer {
  const addresses = (wire.address ?? []).flatMap((a) => {
    const mapped = mapAddressPart(a.shipping ?? a.billing, a.phone, a.id);
    return mapped ? [mapped] : [];
  });
  const stats = wire.statistics;
  const createdAt = unixTime('created_at', wire.created_at);
  return {
    platform: PLATFORM,
    id: String(wire.id),
    email: wire.email ?? null,
    firstName: wire.first_name ?? null,
    lastName: wire.last_name ?? null,
    phone:
      (wire.address ?? []).map((a) => a.phone).find((p) => typeof p === 'string' && p.trim() !== '') ?? null,
    addresses,
    tags: wire.tags ?? [],
    note: wire.notes ?? null,
    stats: stats
      ? {
          orderCount: stats.order_count ?? wire.orders?.length ?? null,
          lifetimeValue:
            stats.lifetime_spent === null || stats.lifetime_spent === undefined
              ? null
              : wireDecimal(PLATFORM, 'statistics.lifetime_spent', stats.lifetime_spent, currency, rounding),
          lastOrderAt: unixTime('statistics.last_purchase', stats.last_purchase),
        }
      : null,
    createdAt,
    updatedAt: unixTime('updated_at', wire.updated_at) ?? createdAt,
    raw: wire,
  };
}
