import type { SimResponse } from '../../types';
import { invalid, notFound } from '../errors';
import { exponentOf, SUPPORTED_CURRENCIES, toMinor } from '../money';
import { paginate, QueryReader, type SortKey, sortEntries } from '../paging';
import type { BodyReader } from '../validate';
import { isHttpUrl } from '../validate';
import { CATEGORIES, type WireProduct } from '../wire';
import { type ApiContext, conflict, isResponse, NO_CONTENT, nowIso, objectBody, ok } from './context';

const SORTS: Record<string, (p: WireProduct) => SortKey> = {
  name: (p) => (typeof p.name === 'string' ? p.name.toLowerCase() : undefined),
  price: (p) => (typeof p.price === 'number' ? p.price : undefined),
  stock: (p) => (typeof p.stock === 'number' ? p.stock : undefined),
  createdAt: (p) => (typeof p.createdAt === 'string' ? p.createdAt : undefined),
};

/** GET /products: `search`, `category`, `active`, `sort` + `order`, paged. Default: creation order. */
export function listProducts({ req, store }: ApiContext): SimResponse {
  const q = new QueryReader(req.query);
  const { page, pageSize } = q.paging();
  const search = q.text('search')?.toLowerCase();
  const category = q.oneOf('category', CATEGORIES);
  const active = q.boolean('active');
  const sort = q.oneOf('sort', Object.keys(SORTS));
  const order = q.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
  if (q.details.length > 0) return invalid(q.details, 'Invalid query parameters');

  let entries = store.products.liveEntries();
  if (search !== undefined || category !== undefined || active !== undefined) {
    entries = entries.filter(({ record: p }) => {
      if (category !== undefined && p.category !== category) return false;
      if (active !== undefined && p.active !== active) return false;
      if (search !== undefined) {
        const haystack = `${typeof p.name === 'string' ? p.name : ''}\n${typeof p.description === 'string' ? p.description : ''}`;
        if (!haystack.toLowerCase().includes(search)) return false;
      }
      return true;
    });
  }
  if (sort !== undefined) entries = sortEntries(entries, SORTS[sort]!, order);
  else if (order === 'desc') entries = [...entries].reverse();
  return ok(paginate(entries, page, pageSize));
}

export function getProduct({ store, params }: ApiContext): SimResponse {
  const entry = store.products.get(params[0]!);
  return entry ? ok(entry.record) : notFound('Product');
}

export function createProduct({ req, store }: ApiContext): SimResponse {
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const fields = readProductFields(reader, undefined);
  if (reader.details.length > 0) return invalid(reader.details);
  const sku = fields.sku!;
  if (store.productBySku(sku)) return conflict('SKU_EXISTS', `SKU "${sku}" already exists`, 'sku');
  const product: WireProduct = {
    productId: store.factory.uuid(),
    sku,
    name: fields.name!,
    description: fields.description ?? null,
    price: fields.price!,
    currency: fields.currency!,
    stock: fields.stock!,
    category: fields.category!,
    imageUrl: fields.imageUrl ?? null,
    active: fields.active ?? true,
    createdAt: nowIso(),
    updatedAt: null,
  };
  store.products.add(product);
  return ok(product, 201);
}

/** PATCH: "Only supplied fields are changed" (the seed), so nothing is required despite the schema's stars. */
export function updateProduct({ req, store, params }: ApiContext): SimResponse {
  const entry = store.products.get(params[0]!);
  if (!entry) return notFound('Product');
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const fields = readProductFields(reader, entry.record);
  if (reader.details.length > 0) return invalid(reader.details);
  if (fields.sku !== undefined && store.productBySku(fields.sku, entry.record.productId))
    return conflict('SKU_EXISTS', `SKU "${fields.sku}" already exists`, 'sku');
  entry.record = { ...entry.record, ...fields, updatedAt: nowIso() };
  return ok(entry.record);
}

/** Soft delete: the product disappears from the API; orders that reference it keep their lines. */
export function deleteProduct({ store, params }: ApiContext): SimResponse {
  return store.products.softDelete(params[0]!) ? NO_CONTENT : notFound('Product');
}

type ProductFields = Partial<Omit<WireProduct, 'productId' | 'createdAt' | 'updatedAt'>>;

/** Writable product fields; read-only ones (`productId`, `createdAt`, `updatedAt`) are ignored. */
function readProductFields(reader: BodyReader, existing: WireProduct | undefined): ProductFields {
  const required = existing === undefined;
  const out: ProductFields = {};
  const sku = reader.string('sku', { required, nonEmpty: true, maxLength: 64 });
  if (typeof sku === 'string') out.sku = sku;
  const name = reader.string('name', { required, nonEmpty: true, maxLength: 255 });
  if (typeof name === 'string') out.name = name;
  const description = reader.string('description', { nullable: true });
  if (description !== undefined) out.description = description;
  const price = reader.number('price', { required, min: 0 });
  const currency = reader.string('currency', { required });
  if (typeof currency === 'string') {
    if (exponentOf(currency) === undefined)
      reader.fail(
        'currency',
        `must be a supported ISO 4217 code (${SUPPORTED_CURRENCIES.join(', ')})`,
        'invalid_enum',
      );
    else out.currency = currency;
  }
  if (typeof price === 'number') out.price = price;
  // Precision is checked against the currency the product will have after this write.
  const finalCurrency = out.currency ?? existing?.currency;
  const finalPrice = out.price ?? existing?.price;
  if (
    (out.price !== undefined || out.currency !== undefined) &&
    typeof finalPrice === 'number' &&
    typeof finalCurrency === 'string' &&
    toMinor(finalPrice, finalCurrency) === undefined
  ) {
    reader.fail(
      'price',
      `has more decimal places than ${finalCurrency} allows (${exponentOf(finalCurrency)})`,
      'invalid_precision',
    );
    delete out.price;
  }
  const stock = reader.integer('stock', { required, min: 0 });
  if (typeof stock === 'number') out.stock = stock;
  const category = reader.oneOf('category', CATEGORIES, { required });
  if (typeof category === 'string') out.category = category;
  const imageUrl = reader.string('imageUrl', { nullable: true });
  if (typeof imageUrl === 'string' && !isHttpUrl(imageUrl))
    reader.fail('imageUrl', 'must be an http(s) URL', 'invalid_format');
  else if (imageUrl !== undefined) out.imageUrl = imageUrl;
  const active = reader.boolean('active');
  if (typeof active === 'boolean') out.active = active;
  return out;
}
