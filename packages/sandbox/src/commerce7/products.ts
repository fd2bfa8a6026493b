import type { SimResponse } from '../types';
import { Checker, isObject } from './check';
import { type C7Env, CURSOR_TAGS, iso, noContent, ok, rejection } from './env';
import { invalid, notFound } from './errors';
import { slugify } from './generate';
import { type FilterDef, listResponse } from './listing';
import type { C7Product, C7Variant } from './wire-types';

type Obj = Record<string, unknown>;

export const PRODUCT_TYPES = [
  'General Merchandise',
  'Tasting',
  'Wine',
  'Cannabis',
  'Bundle',
  'Reservation',
  'Event Ticket',
  'Gift Card',
  'Collateral',
  'Rebate',
] as const;
export const WEB_STATUSES = ['Available', 'Not Available', 'Retired'] as const;
export const ADMIN_STATUSES = ['Available', 'Not Available', 'Hidden'] as const;
const TAX_TYPES = ['Food', 'General Merchandise', 'Wine', 'Not Taxable', 'Cannabis'] as const;
const INVENTORY_POLICIES = ['Back Order', 'Dont Sell'] as const;
const AVAILABLE_TO = ['Public', 'Allocation', 'Group', 'Club'] as const;

/** Documented `GET /product` filters: `q` (name), `updatedAt`, `webStatus`, `adminStatus`, `collectionId`. */
const PRODUCT_FILTERS: readonly FilterDef[] = [
  { param: 'q', kind: 'text', get: (r) => r.title },
  { param: 'updatedAt', kind: 'date', get: (r) => r.updatedAt },
  { param: 'webStatus', kind: 'exact', get: (r) => r.webStatus },
  { param: 'adminStatus', kind: 'exact', get: (r) => r.adminStatus },
  {
    param: 'collectionId',
    kind: 'exact',
    get: (r) => (Array.isArray(r.collections) ? r.collections.map((c) => (c as Obj)?.id) : []),
  },
];

export function listProducts(env: C7Env, query: URLSearchParams): SimResponse {
  return listResponse(query, {
    key: 'products',
    cursor: { tag: CURSOR_TAGS.product, node: env.node, lookahead: env.lookahead },
    filters: PRODUCT_FILTERS,
    rowsAfter: (seq) => env.store.products.rowsAfter(seq),
  });
}

export function getProduct(env: C7Env, id: string): SimResponse {
  const p = env.store.products.get(id);
  return p ? ok(p) : notFound('Product');
}

/**
 * A variant as sent. PUT semantics (API overview, "Put Requests"): a sub-object is replaced whole,
 * "any elements not passed in will be overwritten with a null value" — so every member missing
 * here is null, except the inventory, which is not part of the product write (it has its own
 * `/inventory` API) and stays with the variant id.
 */
function readVariant(
  env: C7Env,
  v: Obj,
  i: number,
  check: Checker,
  previous: C7Variant | undefined,
): C7Variant | undefined {
  const p = `variants.${i}`;
  const sku = check.string(v, 'sku', `${p}.sku`, { required: true, max: 100 });
  const price = check.int(v, 'price', `${p}.price`, { required: true, min: 0 });
  const variant: C7Variant = {
    id: previous?.id ?? env.store.generator.uuid(),
    title: check.string(v, 'title', `${p}.title`) ?? null,
    sku: sku ?? '',
    upcCode: check.string(v, 'upcCode', `${p}.upcCode`) ?? null,
    volumeInML: check.int(v, 'volumeInML', `${p}.volumeInML`, { nullable: true, min: 0 }) ?? null,
    costOfGood: check.int(v, 'costOfGood', `${p}.costOfGood`, { nullable: true, min: 0 }) ?? null,
    price: price ?? 0,
    comparePrice: check.int(v, 'comparePrice', `${p}.comparePrice`, { nullable: true, min: 0 }) ?? null,
    bottleDeposit: check.int(v, 'bottleDeposit', `${p}.bottleDeposit`, { nullable: true, min: 0 }) ?? null,
    sortOrder: check.int(v, 'sortOrder', `${p}.sortOrder`, { nullable: true }) ?? null,
    hasInventory: check.bool(v, 'hasInventory', `${p}.hasInventory`, { nullable: true }) ?? null,
    inventoryPolicy:
      check.oneOf(v, 'inventoryPolicy', `${p}.inventoryPolicy`, INVENTORY_POLICIES, { nullable: true }) ??
      null,
    hasShipping: check.bool(v, 'hasShipping', `${p}.hasShipping`, { nullable: true }) ?? null,
    taxType: check.oneOf(v, 'taxType', `${p}.taxType`, TAX_TYPES, { nullable: true }) ?? null,
    weight: check.number(v, 'weight', `${p}.weight`) ?? null,
    inventory: previous?.inventory ?? [],
  };
  return sku === undefined || price === undefined ? undefined : variant;
}

function readProduct(env: C7Env, body: Obj, check: Checker, current: C7Product | undefined) {
  const creating = current === undefined;
  const patch: Partial<C7Product> = {};
  const set = <K extends keyof C7Product>(k: K, v: C7Product[K] | undefined) => {
    if (v !== undefined) patch[k] = v;
  };
  set(
    'title',
    check.string(body, 'title', 'title', { required: creating, nullable: false, nonEmpty: true, max: 255 }) ??
      undefined,
  );
  set('type', check.oneOf(body, 'type', 'type', PRODUCT_TYPES, { required: creating }) ?? undefined);
  set('subTitle', check.string(body, 'subTitle', 'subTitle'));
  set('teaser', check.string(body, 'teaser', 'teaser'));
  set('content', check.string(body, 'content', 'content'));
  set('image', check.string(body, 'image', 'image'));
  set('webStatus', check.oneOf(body, 'webStatus', 'webStatus', WEB_STATUSES) ?? undefined);
  set('adminStatus', check.oneOf(body, 'adminStatus', 'adminStatus', ADMIN_STATUSES) ?? undefined);
  set('slug', check.string(body, 'slug', 'slug', { nullable: false, nonEmpty: true }) ?? undefined);
  set('departmentId', check.string(body, 'departmentId', 'departmentId'));
  set('vendorId', check.string(body, 'vendorId', 'vendorId'));
  set('metaData', check.object(body, 'metaData', 'metaData'));

  const images = check.objects(body, 'images', 'images');
  if (images) {
    patch.images = [];
    images.forEach((img, i) => {
      const src = check.string(img, 'src', `images.${i}.src`, { required: true });
      const sortOrder = check.int(img, 'sortOrder', `images.${i}.sortOrder`, { nullable: true });
      if (typeof src === 'string') {
        const keep = current?.images.find((x) => x.id === img.id);
        patch.images!.push({ id: keep?.id ?? env.store.generator.uuid(), src, sortOrder: sortOrder ?? i });
      }
    });
  }
  const collections = check.objects(body, 'collections', 'collections');
  if (collections) {
    patch.collections = [];
    collections.forEach((c, i) => {
      const found = env.store.catalog.collections.find((x) => x.id === c.id);
      if (!found) check.fail(`collections.${i}.id`, `"collections.${i}.id" is not the id of a collection`);
      else patch.collections!.push(found);
    });
  }
  const wine = check.object(body, 'wine', 'wine');
  if (wine !== undefined) {
    patch.wine =
      wine === null
        ? null
        : {
            type: check.string(wine, 'type', 'wine.type') ?? null,
            varietal: check.string(wine, 'varietal', 'wine.varietal') ?? null,
            countryCode: check.countryCode(wine, 'countryCode', 'wine.countryCode') ?? null,
            region: check.string(wine, 'region', 'wine.region') ?? null,
            appellation: check.string(wine, 'appellation', 'wine.appellation') ?? null,
            vintage:
              check.int(wine, 'vintage', 'wine.vintage', { nullable: true, min: 1800, max: 2100 }) ?? null,
          };
  }
  const seo = check.object(body, 'seo', 'seo');
  if (seo !== undefined) {
    patch.seo =
      seo === null
        ? null
        : {
            title: check.string(seo, 'title', 'seo.title') ?? null,
            description: check.string(seo, 'description', 'seo.description') ?? null,
          };
  }
  const security = check.object(body, 'security', 'security');
  if (security !== undefined) {
    patch.security =
      security === null
        ? null
        : {
            availableTo:
              check.oneOf(security, 'availableTo', 'security.availableTo', AVAILABLE_TO) ?? 'Public',
          };
  }

  // "Product must have at least one variant ... SKUs must be unique" (products docs).
  const conflicts: Checker['errors'] = [];
  const variants = check.objects(body, 'variants', 'variants', { required: creating, min: 1 });
  if (variants) {
    const taken = new Map<string, string>();
    for (const p of env.store.products.values()) {
      if (p.id === current?.id || !Array.isArray(p.variants)) continue;
      for (const v of p.variants) if (typeof v?.sku === 'string') taken.set(v.sku.toLowerCase(), p.id);
    }
    const seen = new Set<string>();
    const out: C7Variant[] = [];
    variants.forEach((v, i) => {
      let previous: C7Variant | undefined;
      if (v.id !== undefined) {
        previous = current?.variants.find((x) => x.id === v.id);
        if (!previous) check.fail(`variants.${i}.id`, `"variants.${i}.id" is not a variant of this product`);
      }
      const variant = readVariant(env, v, i, check, previous);
      if (!variant) return;
      const key = variant.sku.toLowerCase();
      if (seen.has(key))
        check.fail(`variants.${i}.sku`, `"variants.${i}.sku" is used by another variant of this product`);
      else if (taken.has(key)) {
        conflicts.push({
          field: `variants.${i}.sku`,
          message: `SKU ${variant.sku} is already used by another product`,
        });
      }
      seen.add(key);
      out.push(variant);
    });
    patch.variants = out;
  }
  return { patch, conflicts };
}

function uniqueSlug(env: C7Env, wanted: string, selfId: string | undefined): string {
  const used = new Set<string>();
  for (const p of env.store.products.values())
    if (p.id !== selfId && typeof p.slug === 'string') used.add(p.slug);
  let slug = wanted;
  for (let n = 2; used.has(slug); n += 1) slug = `${wanted}-${n}`;
  return slug;
}

export function createProduct(env: C7Env, body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const { patch, conflicts } = readProduct(env, body, check, undefined);
  const rejected = rejection(check, conflicts);
  if (rejected) return rejected;
  const at = iso(env.store.createdNow());
  const title = patch.title!;
  const product: C7Product = {
    id: env.store.generator.uuid(),
    title,
    subTitle: null,
    image: null,
    type: patch.type!,
    departmentId: null,
    vendorId: null,
    teaser: null,
    content: null,
    webStatus: 'Available',
    adminStatus: 'Available',
    slug: '',
    metaData: null,
    productTemplateId: null,
    createdAt: at,
    updatedAt: at,
    images: [],
    bundleItems: [],
    variants: [],
    tenantIds: [],
    collections: [],
    seo: { title, description: null },
    wine: null,
    security: { availableTo: 'Public' },
    overrideOperatingRegions: { isOverride: false, operatingStateCodes: null, operatingCountryCodes: null },
    ...patch,
  };
  product.slug = uniqueSlug(env, patch.slug ?? slugify(title), undefined);
  if (product.image === null && product.images[0]) product.image = product.images[0].src;
  env.store.products.insert(product);
  return ok(product);
}

export function updateProduct(env: C7Env, id: string, body: unknown): SimResponse {
  const current = env.store.products.get(id);
  if (!current) return notFound('Product');
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const { patch, conflicts } = readProduct(env, body, check, current);
  const rejected = rejection(check, conflicts);
  if (rejected) return rejected;
  const next: C7Product = { ...current, ...patch, updatedAt: iso(env.store.createdNow()) };
  if (patch.slug !== undefined) next.slug = uniqueSlug(env, patch.slug, id);
  env.store.products.put(id, next);
  return ok(next);
}

export function deleteProduct(env: C7Env, id: string): SimResponse {
  if (!env.store.remove('products', id)) return notFound('Product');
  return noContent();
}
