import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireCustomer, WireOrder, WireProduct } from '../src/commerce-api';
import {
  type ApiSandbox,
  call,
  login,
  shapeProblems,
  startCommerceApi,
} from './__fixtures__/commerce-api/client';
import examples from './__fixtures__/commerce-api/seed-examples.json';

let sb: ApiSandbox;
let token: string;
beforeEach(async () => {
  sb = await startCommerceApi({ seed: 7, rateLimit: false });
  token = (await login(sb)).accessToken;
});
afterEach(() => sb.close());

const send = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
  call<T>(sb, method, path, { token, ...(body !== undefined ? { body } : {}) });
const fields = (reply: { body: unknown }) =>
  ((reply.body as { details: { field: string; code?: string }[] | null }).details ?? []).map(
    (d) => `${d.field}:${d.code}`,
  );

const newProduct = {
  sku: 'TEST-SKU-1',
  name: 'Test Runner',
  description: 'A shoe for tests',
  price: 19.99,
  currency: 'USD',
  stock: 5,
  category: 'footwear',
  imageUrl: 'https://cdn.example.com/t.jpg',
};

/** A live, active product in `currency` with at least `stock` units, made so if needed. */
function sellable(currency: string, stock = 10): WireProduct {
  const id = sb.store.ids('products').find((i) => {
    const p = sb.store.getRaw('products', i) as unknown as WireProduct;
    return p.currency === currency && p.active;
  })!;
  const p = sb.store.getRaw('products', id) as unknown as WireProduct;
  sb.store.putRaw('products', id, { ...p, stock });
  return { ...p, stock };
}

describe('commerce-api sandbox: product writes', () => {
  it('creates a product (201, seed schema, active by default) that the store and GET then hold', async () => {
    const reply = await send<WireProduct>('POST', '/products', newProduct);
    expect(reply.status).toBe(201);
    expect(shapeProblems('product', reply.body)).toEqual([]);
    expect(reply.body).toMatchObject({ ...newProduct, active: true, updatedAt: null });
    expect(sb.store.getRaw('products', reply.body.productId)).toEqual(reply.body);
    expect(sb.store.summary('products', reply.body.productId)).toMatchObject({
      title: 'Test Runner',
      sku: 'TEST-SKU-1',
      price: 1999,
      status: 'active',
      deleted: false,
    });
    expect((await send('GET', `/products/${reply.body.productId}`)).body).toEqual(reply.body);
    expect(sb.store.ids('products').at(-1)).toBe(reply.body.productId);
  });

  it('answers 400 with one detail per missing or ill-typed field', async () => {
    const missing = await send('POST', '/products', {});
    expect(missing.status).toBe(400);
    expect(fields(missing)).toEqual([
      'sku:required',
      'name:required',
      'price:required',
      'currency:required',
      'stock:required',
      'category:required',
    ]);
    const wrong = await send('POST', '/products', {
      ...newProduct,
      name: '',
      price: '19.99',
      stock: 1.5,
      category: 'food',
      active: 'yes',
      imageUrl: 'ftp://x',
      currency: 'usd',
    });
    expect(fields(wrong)).toEqual([
      'name:too_small',
      'price:invalid_type',
      'currency:invalid_enum',
      'stock:invalid_type',
      'category:invalid_enum',
      'imageUrl:invalid_format',
      'active:invalid_type',
    ]);
    expect((await send('POST', '/products', { ...newProduct, price: -1 })).status).toBe(400);
    expect(sb.store.count('products')).toBe(40);
  });

  it('refuses a price with more decimals than its currency has (8.165 USD, 1200.5 JPY)', async () => {
    const usd = await send('POST', '/products', { ...newProduct, price: 8.165 });
    expect(usd.status).toBe(400);
    expect(fields(usd)).toEqual(['price:invalid_precision']);
    const yen = await send('POST', '/products', { ...newProduct, price: 1200.5, currency: 'JPY' });
    expect(fields(yen)).toEqual(['price:invalid_precision']);
    const yenOk = await send<WireProduct>('POST', '/products', {
      ...newProduct,
      price: 1200,
      currency: 'JPY',
    });
    expect(yenOk.status).toBe(201);
    expect(yenOk.text).toContain('"price":1200,');
    const trailing = await send<WireProduct>('POST', '/products', { ...newProduct, sku: 'T2', price: 7.9 });
    expect(trailing.body.price).toBe(7.9);
  });

  it('answers 409 SKU_EXISTS for a duplicate SKU, on create and on update', async () => {
    const existing = sb.store.getRaw('products', sb.store.ids('products')[0]!)!;
    const dup = await send('POST', '/products', { ...newProduct, sku: existing.sku });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      code: 'SKU_EXISTS',
      message: `SKU "${String(existing.sku)}" already exists`,
      details: [{ field: 'sku', message: `SKU "${String(existing.sku)}" already exists`, code: 'duplicate' }],
    });
    const other = sb.store.ids('products')[1]!;
    expect((await send('PATCH', `/products/${other}`, { sku: existing.sku })).status).toBe(409);
    // Updating a product to its own SKU is not a conflict.
    expect((await send('PATCH', `/products/${existing.productId}`, { sku: existing.sku })).status).toBe(200);
  });

  it('PATCH changes only the supplied fields and stamps updatedAt', async () => {
    const id = sb.store.ids('products')[2]!;
    const before = sb.store.getRaw('products', id) as unknown as WireProduct;
    const reply = await send<WireProduct>('PATCH', `/products/${id}`, {
      name: 'Renamed',
      stock: 3,
      productId: 'ignored',
      createdAt: 'ignored',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...before, name: 'Renamed', stock: 3, updatedAt: reply.body.updatedAt });
    expect(Date.parse(reply.body.updatedAt!)).toBeGreaterThan(Date.now() - 5_000);
    expect(sb.store.getRaw('products', id)).toEqual(reply.body);
    const nulled = await send<WireProduct>('PATCH', `/products/${id}`, { description: null, imageUrl: null });
    expect(nulled.body).toMatchObject({ description: null, imageUrl: null });
    expect(fields(await send('PATCH', `/products/${id}`, { name: null }))).toEqual(['name:invalid_type']);
  });

  it('PATCH checks the price precision against the resulting currency', async () => {
    const id = sb.store
      .ids('products')
      .find(
        (i) =>
          sb.store.getRaw('products', i)!.currency === 'USD' &&
          !Number.isInteger(sb.store.getRaw('products', i)!.price),
      )!;
    expect(fields(await send('PATCH', `/products/${id}`, { currency: 'JPY' }))).toEqual([
      'price:invalid_precision',
    ]);
    expect((await send('PATCH', `/products/${id}`, { currency: 'JPY', price: 980 })).status).toBe(200);
  });

  it('soft-deletes: 204, then 404 and gone from lists, kept in the store as deleted; orders keep their lines', async () => {
    const order = sb.store.getRaw('orders', sb.store.ids('orders')[0]!) as unknown as WireOrder;
    const id = order.items[0]!.productId;
    const del = await send('DELETE', `/products/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await send('GET', `/products/${id}`)).status).toBe(404);
    expect((await send('DELETE', `/products/${id}`)).status).toBe(404);
    expect((await send('PATCH', `/products/${id}`, { name: 'x' })).status).toBe(404);
    expect(sb.store.ids('products')).not.toContain(id);
    expect(sb.store.count('products')).toBe(39);
    expect(sb.store.summary('products', id)).toMatchObject({ deleted: true });
    expect(sb.store.getRaw('products', id)).toBeUndefined();
    const again = await send<WireOrder>('GET', `/orders/${order.orderId}`);
    expect(again.body.items[0]!.productId).toBe(id);
    // A deleted product's SKU can be used again.
    const sku = sb.store.summary('products', id)!.sku!;
    expect((await send('POST', '/products', { ...newProduct, sku })).status).toBe(201);
  });

  it('answers 400 INVALID_JSON to a body that is not JSON and 400 to one that is not an object', async () => {
    const broken = await call(sb, 'POST', '/products', { token, rawBody: '{"sku":' });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({
      code: 'INVALID_JSON',
      message: 'Request body is not valid JSON',
      details: null,
    });
    const array = await send('POST', '/products', [newProduct]);
    expect(array.status).toBe(400);
    expect(fields(array)).toEqual(['body:invalid_type']);
  });

  it('serves a stored awkward amount (8.165 USD) exactly as stored, for adapters to reject or round', async () => {
    const id = sb.store.ids('products')[0]!;
    sb.store.putRaw('products', id, { ...sb.store.getRaw('products', id)!, price: 8.165, currency: 'USD' });
    const reply = await send('GET', `/products/${id}`);
    expect(reply.text).toContain('"price":8.165,');
  });
});

describe('commerce-api sandbox: orders', () => {
  it('creates the seed example order with real ids: 201, pending, priced from the product, stock reserved', async () => {
    const product = sellable('USD', 10);
    const customerId = sb.store.ids('customers')[0]!;
    const customerBefore = sb.store.getRaw('customers', customerId) as unknown as WireCustomer;
    const body = JSON.parse(
      JSON.stringify(examples.createOrder)
        .replace('cust-uuid', customerId)
        .replace('prod-uuid-1', product.productId),
    ) as typeof examples.createOrder;
    const reply = await send<WireOrder>('POST', '/orders', body);
    expect(reply.status).toBe(201);
    expect(shapeProblems('order', reply.body)).toEqual([]);
    expect(reply.body).toMatchObject({
      customerId,
      status: 'pending',
      currency: 'USD',
      discount: null,
      notes: null,
      updatedAt: null,
      items: [
        {
          productId: product.productId,
          sku: product.sku,
          name: product.name,
          quantity: 2,
          unitPrice: product.price,
        },
      ],
    });
    expect(sb.store.getRaw('orders', reply.body.orderId)).toEqual(reply.body);
    expect(sb.store.getRaw('products', product.productId)!.stock).toBe(8);
    const customerAfter = sb.store.getRaw('customers', customerId) as unknown as WireCustomer;
    expect(customerAfter.orderCount).toBe(customerBefore.orderCount + 1);
    expect(customerAfter.lastOrderAt).toBe(reply.body.createdAt);
  });

  it('computes totals in minor units: 3 × 0.10 is 0.3, a 10% coupon, and yen without fractions', async () => {
    const customerId = sb.store.ids('customers')[1]!;
    const dime = sellable('USD');
    sb.store.putRaw('products', dime.productId, {
      ...sb.store.getRaw('products', dime.productId)!,
      price: 0.1,
    });
    const reply = await send<WireOrder>('POST', '/orders', {
      customerId,
      items: [{ productId: dime.productId, quantity: 3 }],
    });
    expect(reply.body).toMatchObject({ subtotal: 0.3, total: 0.3 });
    expect(reply.body.items[0]!.lineTotal).toBe(0.3);

    const shoe = sellable('USD');
    sb.store.putRaw('products', shoe.productId, {
      ...sb.store.getRaw('products', shoe.productId)!,
      price: 19.99,
    });
    const coupon = await send<WireOrder>('POST', '/orders', {
      customerId,
      coupon: 'welcome10',
      items: [{ productId: shoe.productId, quantity: 3 }],
    });
    // 59.97 × 10% = 5.997 → 6.00 (half-up on cents), total 53.97
    expect(coupon.body).toMatchObject({ subtotal: 59.97, discount: 6, total: 53.97, notes: null });

    const yen = sellable('JPY');
    const jp = await send<WireOrder>('POST', '/orders', {
      customerId,
      notes: 'gift',
      items: [{ productId: yen.productId, quantity: 3 }],
    });
    expect(jp.status).toBe(201);
    expect(jp.body).toMatchObject({
      currency: 'JPY',
      subtotal: yen.price * 3,
      total: yen.price * 3,
      notes: 'gift',
    });
  });

  it('answers 400 for a malformed order body, listing each bad field', async () => {
    const reply = await send('POST', '/orders', {
      items: [{ quantity: 0 }, 'x', { productId: 5, quantity: 1 }],
      notes: 3,
    });
    expect(reply.status).toBe(400);
    expect(fields(reply)).toEqual([
      'customerId:required',
      'items.0.productId:required',
      'items.0.quantity:too_small',
      'items.1:invalid_type',
      'items.2.productId:invalid_type',
      'notes:invalid_type',
    ]);
    expect(fields(await send('POST', '/orders', { customerId: 'x', items: [] }))).toEqual([
      'items:too_small',
    ]);
  });

  it('answers 422 for business rules and reserves nothing when any line fails', async () => {
    const customerId = sb.store.ids('customers')[0]!;
    const usd = sellable('USD', 3);
    const yen = sellable('JPY', 3);
    const ordersBefore = sb.store.count('orders');
    const cases: [unknown, string][] = [
      [
        {
          customerId: '00000000-0000-4000-8000-000000000000',
          items: [{ productId: usd.productId, quantity: 1 }],
        },
        'CUSTOMER_NOT_FOUND',
      ],
      [{ customerId, items: [{ productId: 'nope', quantity: 1 }] }, 'PRODUCT_NOT_FOUND'],
      [
        {
          customerId,
          items: [
            { productId: usd.productId, quantity: 2 },
            { productId: usd.productId, quantity: 2 },
          ],
        },
        'INSUFFICIENT_STOCK',
      ],
      [
        {
          customerId,
          items: [
            { productId: usd.productId, quantity: 1 },
            { productId: yen.productId, quantity: 1 },
          ],
        },
        'CURRENCY_MISMATCH',
      ],
      [{ customerId, coupon: 'FREE', items: [{ productId: usd.productId, quantity: 1 }] }, 'INVALID_COUPON'],
    ];
    for (const [body, code] of cases) {
      const reply = await send('POST', '/orders', body);
      expect(reply.status, code).toBe(422);
      expect(reply.body).toMatchObject({ code });
      expect(shapeProblems('error', reply.body)).toEqual([]);
    }
    sb.store.putRaw('products', usd.productId, {
      ...sb.store.getRaw('products', usd.productId)!,
      active: false,
    });
    expect(
      (await send('POST', '/orders', { customerId, items: [{ productId: usd.productId, quantity: 1 }] }))
        .body,
    ).toMatchObject({ code: 'PRODUCT_INACTIVE' });
    expect(sb.store.getRaw('products', usd.productId)!.stock).toBe(3);
    expect(sb.store.getRaw('products', yen.productId)!.stock).toBe(3);
    expect(sb.store.count('orders')).toBe(ordersBefore);
  });

  it('walks the documented lifecycle and records each reason', async () => {
    const product = sellable('USD', 10);
    const created = await send<WireOrder>('POST', '/orders', {
      customerId: sb.store.ids('customers')[0],
      items: [{ productId: product.productId, quantity: 1 }],
    });
    const id = created.body.orderId;
    for (const status of ['confirmed', 'shipped', 'delivered']) {
      const reply = await send<WireOrder>('PATCH', `/orders/${id}/status`, { status });
      expect(reply.status).toBe(200);
      expect(reply.body.status).toBe(status);
      expect(reply.body.updatedAt).not.toBeNull();
    }
    const refunded = await send<WireOrder>('PATCH', `/orders/${id}/status`, {
      status: 'refunded',
      reason: 'Damaged in transit',
    });
    expect(refunded.body.status).toBe('refunded');
    expect(sb.store.getRaw('orders', id)).toEqual(refunded.body);
    expect(sb.store.summary('orders', id)).toMatchObject({
      status: 'refunded',
      refunded: Math.round(product.price * 100),
    });
    expect(sb.store.statusHistory.get(id)!.map((c) => [c.from, c.to, c.reason])).toEqual([
      ['pending', 'confirmed', null],
      ['confirmed', 'shipped', null],
      ['shipped', 'delivered', null],
      ['delivered', 'refunded', 'Damaged in transit'],
    ]);
  });

  it('enforces transitions with 422, requires a reason to cancel or refund (400), and cancelling releases stock', async () => {
    const product = sellable('USD', 10);
    const created = await send<WireOrder>('POST', '/orders', {
      customerId: sb.store.ids('customers')[0],
      items: [{ productId: product.productId, quantity: 4 }],
    });
    const id = created.body.orderId;
    expect(sb.store.getRaw('products', product.productId)!.stock).toBe(6);
    const jump = await send('PATCH', `/orders/${id}/status`, { status: 'delivered' });
    expect(jump.status).toBe(422);
    expect(jump.body).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      message: 'Cannot change an order from pending to delivered',
    });
    expect(fields(await send('PATCH', `/orders/${id}/status`, { status: 'cancelled' }))).toEqual([
      'reason:required',
    ]);
    expect(
      fields(await send('PATCH', `/orders/${id}/status`, { status: 'cancelled', reason: '  ' })),
    ).toEqual(['reason:required']);
    expect(fields(await send('PATCH', `/orders/${id}/status`, { status: 'pending' }))).toEqual([
      'status:invalid_enum',
    ]);
    expect(fields(await send('PATCH', `/orders/${id}/status`, {}))).toEqual(['status:required']);
    const cancelled = await send<WireOrder>('PATCH', `/orders/${id}/status`, {
      status: 'cancelled',
      reason: 'Customer changed their mind',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(sb.store.getRaw('products', product.productId)!.stock).toBe(10);
    expect((await send('PATCH', `/orders/${id}/status`, { status: 'confirmed' })).status).toBe(422);
    expect(
      (await send('PATCH', '/orders/00000000-0000-4000-8000-000000000000/status', { status: 'confirmed' }))
        .status,
    ).toBe(404);
  });
});

describe('commerce-api sandbox: customers (modelled on the seed conventions)', () => {
  const address = { line1: '1 Vine St', city: 'Napa', region: 'CA', postalCode: '94558', country: 'US' };

  it('creates a customer from an email alone or with addresses (first becomes default)', async () => {
    const minimal = await send<WireCustomer>('POST', '/customers', { email: 'new@example.com' });
    expect(minimal.status).toBe(201);
    expect(shapeProblems('customer', minimal.body)).toEqual([]);
    expect(minimal.body).toMatchObject({
      email: 'new@example.com',
      firstName: null,
      addresses: [],
      tags: [],
      orderCount: 0,
      lastOrderAt: null,
    });
    const full = await send<WireCustomer>('POST', '/customers', {
      email: 'full@example.com',
      firstName: 'Zoë',
      lastName: "O'Brien",
      phone: '+1-555-0100',
      tags: ['vip'],
      notes: 'Likes red',
      addresses: [address, { ...address, line1: '2 Elm Ave', isDefault: false }],
    });
    expect(full.status).toBe(201);
    expect(full.body.addresses.map((a) => [a.line1, a.isDefault])).toEqual([
      ['1 Vine St', true],
      ['2 Elm Ave', false],
    ]);
    for (const a of full.body.addresses) expect(shapeProblems('address', a)).toEqual([]);
    expect(sb.store.summary('customers', full.body.customerId)).toMatchObject({
      email: 'full@example.com',
      firstName: 'Zoë',
      lastName: "O'Brien",
      note: 'Likes red',
    });
  });

  it('answers 400 with details for a missing or invalid email and bad addresses, 409 for a taken email', async () => {
    expect(fields(await send('POST', '/customers', { firstName: 'A' }))).toEqual(['email:required']);
    expect(fields(await send('POST', '/customers', { email: 'not-an-email' }))).toEqual([
      'email:invalid_format',
    ]);
    const bad = await send('POST', '/customers', {
      email: 'a@example.com',
      tags: [''],
      addresses: [{ city: 'X', country: 'usa' }],
    });
    expect(fields(bad)).toEqual([
      'tags:invalid_type',
      'addresses.0.line1:required',
      'addresses.0.country:invalid_format',
    ]);
    const twoDefaults = await send('POST', '/customers', {
      email: 'b@example.com',
      addresses: [
        { ...address, isDefault: true },
        { ...address, isDefault: true },
      ],
    });
    expect(fields(twoDefaults)).toEqual(['addresses:invalid']);
    const taken = sb.store.getRaw('customers', sb.store.ids('customers')[0]!)!.email as string;
    const dup = await send('POST', '/customers', { email: taken.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      code: 'EMAIL_EXISTS',
      details: [{ field: 'email', code: 'duplicate' }],
    });
  });

  it('PATCH changes supplied fields, replaces lists, keeps read-only statistics', async () => {
    const id = sb.store.ids('customers')[0]!;
    const before = sb.store.getRaw('customers', id) as unknown as WireCustomer;
    const reply = await send<WireCustomer>('PATCH', `/customers/${id}`, {
      notes: null,
      tags: ['wholesale'],
      addresses: [address],
      orderCount: 99,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      email: before.email,
      firstName: before.firstName,
      notes: null,
      tags: ['wholesale'],
      orderCount: before.orderCount,
    });
    expect(reply.body.addresses).toHaveLength(1);
    expect(sb.store.getRaw('customers', id)).toEqual(reply.body);
    const other = sb.store.getRaw('customers', sb.store.ids('customers')[1]!)!.email;
    expect((await send('PATCH', `/customers/${id}`, { email: other })).status).toBe(409);
  });

  it('soft-deletes a customer', async () => {
    const id = sb.store.ids('customers')[0]!;
    expect((await send('DELETE', `/customers/${id}`)).status).toBe(204);
    expect((await send('GET', `/customers/${id}`)).status).toBe(404);
    expect(sb.store.summary('customers', id)?.deleted).toBe(true);
    expect(sb.store.count('customers')).toBe(59);
    expect((await send('DELETE', `/customers/${id}`)).status).toBe(404);
  });
});
