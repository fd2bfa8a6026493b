import { type Product, type RoundingMode, wireDecimal, wireTime } from '@storeport/core';
import { mapProductStatus } from './map-status';
import { PLATFORM } from './platform';
import type { WireProduct } from './wire/product';

/**
 * A Commerce API product is one SKU: it becomes a unified product with one variant (same id and
 * SKU) that carries the price and the stock, the unified model's home for inventory. A price with
 * more decimals than the currency has is refused, or rounded with `'half-even'`.
 */
export function mapProduct(p: WireProduct, rounding: RoundingMode = 'reject'): Product {
  const price = wireDecimal(PLATFORM, 'price', p.price, p.currency, rounding);
  return {
    platform: PLATFORM,
    id: p.productId,
    title: p.name,
    description: p.description ?? null,
    sku: p.sku,
    status: mapProductStatus(p.active),
    price,
    compareAtPrice: null,
    variants: [
      {
        id: p.productId,
        sku: p.sku,
        title: null,
        price,
        compareAtPrice: null,
        options: [],
        inventoryQuantity: p.stock,
      },
    ],
    images: p.imageUrl ? [{ id: null, url: p.imageUrl, alt: null }] : [],
    tags: [],
    vendor: null,
    type: p.category,
    createdAt: p.createdAt === undefined ? null : wireTime(PLATFORM, 'createdAt', p.createdAt),
    updatedAt: p.updatedAt == null ? null : wireTime(PLATFORM, 'updatedAt', p.updatedAt),
    raw: p,
  };
}
