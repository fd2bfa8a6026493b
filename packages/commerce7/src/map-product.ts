import { type Image, type Product, type Variant, wireMinor, wireTime } from '@storeport/core';
import { mapProductStatus } from './map-status';
import { PLATFORM } from './platform';
import type { WireProduct, WireVariant } from './wire/product';

const time = (field: string, v: string | null | undefined): string | null =>
  typeof v === 'string' && v !== '' ? wireTime(PLATFORM, field, v) : null;

/** Stock summed over inventory locations; null when the variant does not track inventory. */
export function inventoryQuantity(v: WireVariant): number | null {
  if (v.hasInventory === false || !Array.isArray(v.inventory)) return null;
  if (v.inventory.length === 0) return v.hasInventory === true ? 0 : null;
  let sum = 0;
  for (const loc of v.inventory) sum += loc.availableForSaleCount ?? 0;
  return sum;
}

function mapVariant(v: WireVariant, i: number, currency: string): Variant {
  return {
    id: v.id,
    sku: v.sku ?? null,
    title: v.title ?? null,
    price: wireMinor(PLATFORM, `variants.${i}.price`, v.price, currency),
    compareAtPrice:
      typeof v.comparePrice === 'number'
        ? wireMinor(PLATFORM, `variants.${i}.comparePrice`, v.comparePrice, currency)
        : null,
    // A variant's title (`750ml`, `1.5L Magnum`) is its one option value.
    options: v.title ? [v.title] : [],
    inventoryQuantity: inventoryQuantity(v),
  };
}

/**
 * Wire product → unified. Price, compare-at price and SKU live on variants: the product's are its
 * first variant's. `content` (HTML) is the description. Commerce7 products have no tags and name
 * their vendor by id only (`vendorId`), so `tags` is empty and `vendor` null.
 */
export function mapProduct(w: WireProduct, currency: string): Product {
  const variants = w.variants.map((v, i) => mapVariant(v, i, currency));
  const first = variants[0];
  const images: Image[] = (w.images ?? []).map((img) => ({ id: img.id ?? null, url: img.src }));
  if (images.length === 0 && typeof w.image === 'string' && w.image !== '')
    images.push({ id: null, url: w.image });
  return {
    platform: PLATFORM,
    id: w.id,
    title: w.title,
    description: w.content ?? null,
    sku: first?.sku ?? null,
    status: mapProductStatus(w.webStatus),
    price: first?.price ?? null,
    compareAtPrice: first?.compareAtPrice ?? null,
    variants,
    images,
    tags: [],
    vendor: null,
    type: w.type ?? null,
    createdAt: time('createdAt', w.createdAt),
    updatedAt: time('updatedAt', w.updatedAt),
    raw: w,
  };
}
