import {
  type Image,
  type Money,
  type Product,
  type RoundingMode,
  type Variant,
  wireDecimal,
} from '@storeport/core';
import { productStatus } from './map-status';
import { unixTime } from './map-time';
import { PLATFORM } from './platform';
import type { WireProduct } from './wire/product';

/**
 * A CommerceHQ product (fetched with its relations expanded) → Product.
 * - Single-variant products carry `price` themselves and have no variants (CommerceHQ gives them
 *   no variant id); multi-variant products price their variants, and the product's price is
 *   its default variant's (else the first usable one's).
 * - Variants marked `ignore` ("should not be used") are left out; they stay in `raw`.
 * - `description` is the text of the textarea named "Description".
 * - Images: the product's, then each variant's, once each.
 * - CommerceHQ's API has no stock level: `inventoryQuantity` is null.
 */
export function mapProduct(wire: WireProduct, currency: string, rounding: RoundingMode = 'reject'): Product {
  const money = (field: string, v: string | number | null | undefined): Money | null =>
    v === null || v === undefined ? null : wireDecimal(PLATFORM, field, v, currency, rounding);
  const variants: Variant[] = [];
  let defaultIndex = -1;
  (wire.variants ?? []).forEach((v, i) => {
    if (v.ignore === true) return;
    if (v.default === true && defaultIndex < 0) defaultIndex = variants.length;
    variants.push({
      id: String(v.id),
      sku: v.sku ?? null,
      title: v.variant.length > 0 ? v.variant.join(' / ') : null,
      price: money(`variants.${i}.price`, v.price),
      compareAtPrice: money(`variants.${i}.compare_price`, v.compare_price),
      options: v.variant,
      inventoryQuantity: null,
    });
  });
  const isMulti = wire.is_multi ?? variants.length > 0;
  const lead = isMulti ? (variants[defaultIndex] ?? variants[0]) : undefined;
  const images: Image[] = [];
  const seen = new Set<number>();
  const addImages = (list: WireProduct['images']) => {
    for (const img of list ?? []) {
      if (seen.has(img.id)) continue;
      seen.add(img.id);
      images.push({ id: String(img.id), url: img.path });
    }
  };
  addImages(wire.images);
  for (const v of wire.variants ?? []) addImages(v.images);
  const description = (wire.textareas ?? []).find((t) => t.name.trim().toLowerCase() === 'description');
  const createdAt = unixTime('created_at', wire.created_at);
  return {
    platform: PLATFORM,
    id: String(wire.id),
    title: wire.title,
    description: description?.text ?? null,
    sku: wire.sku ?? null,
    status: productStatus(wire.is_draft, wire.is_template),
    price: isMulti ? (lead?.price ?? null) : money('price', wire.price),
    compareAtPrice: isMulti ? (lead?.compareAtPrice ?? null) : money('compare_price', wire.compare_price),
    variants: isMulti ? variants : [],
    images,
    tags: wire.tags ?? [],
    vendor: wire.vendor ?? null,
    type: wire.type ?? null,
    createdAt,
    updatedAt: unixTime('updated_at', wire.updated_at) ?? createdAt,
    raw: wire,
  };
}
