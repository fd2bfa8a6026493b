import type { SimResponse } from '../types';
import { centsToNumber } from './decimal';
import { project } from './listing';
import { badRequest, ErrorBag, json, noContent, notFound } from './responses';
import type { CommerceHQStore, Row } from './store';
import { nowSeconds } from './store';
import {
  type Body,
  isObject,
  readBool,
  readInt,
  readIntArray,
  readMoney,
  readNumber,
  readString,
  readStringArray,
} from './validate';
import type { ChqImage, ChqOption, ChqProduct, ChqVariant } from './wire-types';

/** What a valid create/update body holds, checked before anything is stored. */
interface ProductInput {
  scalars: Partial<ChqProduct>;
  priceCents?: number;
  compareCents?: number | null;
  textareas?: Array<{ name: string; text: string }>;
  images?: ChqImage[];
  options?: ChqOption[];
  variants?: Array<Omit<ChqVariant, 'id'> & { id?: number }>;
}

/**
 * POST /products. Required, per the seed: `title`; `price` for a single-variant product;
 * `options` for a multi-variant one (whose variants, when not listed, are every combination of
 * the option values at `price`, so `price` is then required too); `textareas.name/text`,
 * `options.title/values`, `variants.variant/price` when those lists are used. Image ids must be
 * of images already uploaded.
 */
export function createProduct(store: CommerceHQStore, body: unknown): SimResponse {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const input = readProduct(store, body, bag, true);
  const isMulti = input.scalars.is_multi ?? false;
  checkShape(isMulti, input, undefined, bag);
  if (!bag.empty) return bag.response();
  const now = nowSeconds();
  const title = input.scalars.title!;
  const product: ChqProduct = {
    id: store.nextId('products'),
    title,
    is_multi: isMulti,
    type: null,
    collections: [],
    tags: [],
    shipping_weight: null,
    auto_fulfilment: false,
    track_inventory: false,
    vendor: null,
    sku: null,
    seo_meta: null,
    seo_title: null,
    seo_url: slug(title),
    is_template: false,
    is_draft: false,
    ...input.scalars,
    created_at: now,
    updated_at: now,
    textareas: input.textareas ?? [],
    images: input.images ?? [],
    options: input.options ?? [],
    variants: [],
  };
  applyPricing(store, product, input);
  store.insert('products', product as unknown as Row);
  // Like the seed's create response: the product's own fields, relations only when expanded.
  return json(201, project('products', product as unknown as Row, { fields: null, expand: [] }));
}

/** PATCH /products/{id}: any subset of the create fields; lists sent replace the stored ones. */
export function updateProduct(store: CommerceHQStore, id: number, body: unknown): SimResponse {
  const product = store.product(id);
  if (!product) return notFound(id);
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const input = readProduct(store, body, bag, false);
  const isMulti = input.scalars.is_multi ?? product.is_multi;
  checkShape(isMulti, input, product, bag);
  if (!bag.empty) return bag.response();
  Object.assign(product, input.scalars);
  if (input.textareas) product.textareas = input.textareas;
  if (input.images) product.images = input.images;
  if (input.options) product.options = input.options;
  applyPricing(store, product, input);
  product.updated_at = nowSeconds();
  return json(200, project('products', product as unknown as Row, { fields: null, expand: [] }));
}

export function deleteProduct(store: CommerceHQStore, id: number): SimResponse {
  if (!store.product(id)) return notFound(id);
  store.remove('products', String(id));
  return noContent();
}

function readProduct(store: CommerceHQStore, body: Body, bag: ErrorBag, creating: boolean): ProductInput {
  const scalars: Partial<ChqProduct> = {};
  const title = readString(body, 'title', bag, {
    required: creating || body.title !== undefined,
    nullable: false,
  });
  if (typeof title === 'string') scalars.title = title;
  for (const key of ['type', 'vendor', 'sku', 'seo_meta', 'seo_title', 'seo_url'] as const) {
    const v = readString(body, key, bag);
    if (v !== undefined) scalars[key] = v;
  }
  for (const key of ['is_multi', 'auto_fulfilment', 'track_inventory', 'is_template', 'is_draft'] as const) {
    const v = readBool(body, key, bag);
    if (v !== undefined) scalars[key] = v;
  }
  const weight = readNumber(body, 'shipping_weight', bag);
  if (weight !== undefined) scalars.shipping_weight = weight;
  const tags = readStringArray(body, 'tags', bag);
  if (tags) scalars.tags = tags;
  const collections = readIntArray(body, 'collections', bag);
  if (collections) scalars.collections = collections;
  const input: ProductInput = { scalars };
  const price = readMoney(body, 'price', bag);
  if (typeof price === 'number') input.priceCents = price;
  const compare = readMoney(body, 'compare_price', bag, { nullable: true });
  if (compare !== undefined) input.compareCents = compare;
  if (body.textareas !== undefined) input.textareas = readTextareas(body.textareas, bag);
  if (body.images !== undefined) input.images = readImages(store, body, 'images', 'images', bag);
  if (body.options !== undefined) input.options = readOptions(store, body.options, bag);
  if (body.variants !== undefined) input.variants = readVariants(store, body.variants, bag);
  return input;
}

function checkShape(
  isMulti: boolean,
  input: ProductInput,
  existing: ChqProduct | undefined,
  bag: ErrorBag,
): void {
  if (!isMulti) {
    const hasPrice =
      input.priceCents !== undefined ||
      (existing !== undefined && !existing.is_multi && existing.price != null);
    if (!hasPrice && bag.errors.price === undefined) bag.add('price', 'Price is required.');
    return;
  }
  const options = input.options ?? (existing?.is_multi ? existing.options : undefined);
  if ((!options || options.length === 0) && bag.errors.options === undefined)
    bag.add('options', 'Options are required.');
  const hasVariants =
    input.variants !== undefined || (existing?.is_multi === true && existing.variants.length > 0);
  if (!hasVariants && input.priceCents === undefined && bag.errors.price === undefined) {
    bag.add('price', 'Price is required when variants are not listed.');
  }
}

/**
 * Single-variant products keep `price` on the product; multi-variant ones on their variants
 * (the seed: `price` is "for single variant products"), so a bare `price` on a multi-variant
 * product changes nothing unless new options rebuild its variants.
 */
function applyPricing(store: CommerceHQStore, product: ChqProduct, input: ProductInput): void {
  if (!product.is_multi) {
    if (input.priceCents !== undefined) product.price = centsToNumber(input.priceCents);
    if (input.compareCents !== undefined)
      product.compare_price = input.compareCents === null ? null : centsToNumber(input.compareCents);
    product.price ??= null;
    product.compare_price ??= null;
    product.variants = [];
    product.options = [];
    return;
  }
  delete product.price;
  delete product.compare_price;
  if (input.variants) {
    const old = new Map(product.variants.map((v) => [v.id, v]));
    product.variants = input.variants.map((v) => ({
      ...v,
      id: v.id !== undefined && old.has(v.id) ? v.id : store.counters.take('variant'),
    }));
  } else if (input.options || product.variants.length === 0) {
    const price = input.priceCents ?? 0;
    const combos = product.options.reduce<string[][]>(
      (acc, o) => acc.flatMap((prefix) => o.values.map((v) => [...prefix, v])),
      [[]],
    );
    product.variants = combos.map((variant, i) => ({
      id: store.counters.take('variant'),
      variant,
      price: centsToNumber(price),
      compare_price: input.compareCents == null ? null : centsToNumber(input.compareCents),
      sku: null,
      default: i === 0,
      ignore: false,
      images: [],
    }));
  }
}

function readTextareas(value: unknown, bag: ErrorBag): Array<{ name: string; text: string }> | undefined {
  if (!Array.isArray(value)) {
    bag.add('textareas', 'Textareas must be an array.');
    return undefined;
  }
  return value.map((t, i) => {
    const entry = isObject(t) ? t : {};
    const name = readString(entry, 'name', bag, { path: `textareas[${i}].name`, required: true });
    const text = readString(entry, 'text', bag, { path: `textareas[${i}].text`, required: true });
    return { name: name ?? '', text: text ?? '' };
  });
}

function readImages(
  store: CommerceHQStore,
  body: Body,
  key: string,
  path: string,
  bag: ErrorBag,
): ChqImage[] {
  const ids = readIntArray(body, key, bag, path);
  if (!ids) return [];
  const out: ChqImage[] = [];
  for (const id of ids) {
    const image = store.files.get(id);
    if (image) out.push({ ...image });
    else bag.add(path, `Image #${id} not found: images have to be uploaded first.`);
  }
  return out;
}

function readOptions(store: CommerceHQStore, value: unknown, bag: ErrorBag): ChqOption[] | undefined {
  if (!Array.isArray(value)) {
    bag.add('options', 'Options must be an array.');
    return undefined;
  }
  return value.map((o, i) => {
    const entry = isObject(o) ? o : {};
    const p = `options[${i}]`;
    const title = readString(entry, 'title', bag, { path: `${p}.title`, required: true });
    const values = readStringArray(entry, 'values', bag, `${p}.values`);
    if (!values || values.length === 0) {
      if (bag.errors[`${p}.values`] === undefined) bag.add(`${p}.values`, 'Values is required.');
    }
    const option: ChqOption = {
      title: title ?? '',
      changes_look: readBool(entry, 'changes_look', bag, `${p}.changes_look`) ?? false,
      values: values ?? [],
    };
    if (entry.thumbnails !== undefined) {
      if (!Array.isArray(entry.thumbnails)) bag.add(`${p}.thumbnails`, 'Thumbnails must be an array.');
      else
        option.thumbnails = entry.thumbnails.map((t, j) => {
          const th = isObject(t) ? t : {};
          const tp = `${p}.thumbnails[${j}]`;
          const thumb: { value: string; color?: string; image?: unknown } = {
            value: readString(th, 'value', bag, { path: `${tp}.value`, required: true }) ?? '',
          };
          const color = readString(th, 'color', bag, { path: `${tp}.color` });
          if (typeof color === 'string') thumb.color = color;
          const imageId = readInt(th, 'image', bag, { path: `${tp}.image` });
          if (imageId !== undefined) {
            const image = store.files.get(imageId);
            if (image) thumb.image = { ...image };
            else bag.add(`${tp}.image`, `Image #${imageId} not found: images have to be uploaded first.`);
          }
          return thumb;
        });
    }
    return option;
  });
}

function readVariants(
  store: CommerceHQStore,
  value: unknown,
  bag: ErrorBag,
): Array<Omit<ChqVariant, 'id'> & { id?: number }> | undefined {
  if (!Array.isArray(value)) {
    bag.add('variants', 'Variants must be an array.');
    return undefined;
  }
  return value.map((v, i) => {
    const entry = isObject(v) ? v : {};
    const p = `variants[${i}]`;
    const values = readStringArray(entry, 'variant', bag, `${p}.variant`);
    if (!values && bag.errors[`${p}.variant`] === undefined) bag.add(`${p}.variant`, 'Variant is required.');
    const price = readMoney(entry, 'price', bag, { path: `${p}.price`, required: true });
    const compare = readMoney(entry, 'compare_price', bag, { path: `${p}.compare_price`, nullable: true });
    const id = readInt(entry, 'id', bag, { path: `${p}.id` });
    const sku = readString(entry, 'sku', bag, { path: `${p}.sku` });
    return {
      ...(id !== undefined ? { id } : {}),
      variant: values ?? [],
      price: centsToNumber(typeof price === 'number' ? price : 0),
      compare_price: typeof compare === 'number' ? centsToNumber(compare) : null,
      sku: sku ?? null,
      default: readBool(entry, 'default', bag, `${p}.default`) ?? i === 0,
      ignore: readBool(entry, 'ignore', bag, `${p}.ignore`) ?? false,
      images: entry.images === undefined ? [] : readImages(store, entry, 'images', `${p}.images`, bag),
    };
  });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
