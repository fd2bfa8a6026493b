import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChqCustomer, ChqFulfilment, ChqOrder, ChqProduct, ChqShipment } from '../src/commercehq';
import { type ChqSandbox, call, startChq } from './__fixtures__/commercehq/client';
import customerAddressUpdate from './__fixtures__/commercehq/customer-address-update-request.json';
import customerCreateRequest from './__fixtures__/commercehq/customer-create-request.json';
import customerCreateResponse from './__fixtures__/commercehq/customer-create-response.json';
import customerUpdateRequest from './__fixtures__/commercehq/customer-update-request.json';
import productCreateRequest from './__fixtures__/commercehq/product-create-request.json';
import productCreateResponse from './__fixtures__/commercehq/product-create-response.json';

// A fresh store per test: writes must not leak between them.
let sb: ChqSandbox;
beforeEach(async () => {
  sb = await startChq({ seed: 11, rateLimit: false });
});
afterEach(() => sb.close());

const unix = () => Math.floor(Date.now() / 1000);

describe('commercehq sandbox: customer writes', () => {
  it('creates the seed example customer and answers like the seed', async () => {
    const before = unix();
    const res = await call<ChqCustomer>(sb, 'POST', '/customers', { body: customerCreateRequest });
    expect(res.status).toBe(201);
    const { id, address, created_at, ...rest } = res.body;
    const { id: _id, address: seedAddress, created_at: _c, ...seedRest } = customerCreateResponse;
    expect(rest).toEqual(seedRest);
    expect(address.map(({ id: _a, ...a }) => a)).toEqual(seedAddress.map(({ id: _a, ...a }) => a));
    expect(created_at).toBeGreaterThanOrEqual(before);
    expect(id).toBe(Math.max(...sb.store.ids('customers').map(Number)));
    expect(sb.store.getRaw('customers', String(id))).toEqual(res.body);
    expect(sb.store.summary('customers', String(id))).toMatchObject({
      email: 'hello@world.com',
      firstName: 'James',
      note: 'Some Notes about customer',
    });
  });

  it('accepts several addresses as a list', async () => {
    const res = await call<ChqCustomer>(sb, 'POST', '/customers', {
      body: {
        email: 'two@example.com',
        address: [{ shipping: { city: 'Napa' } }, { billing: { city: 'Austin' }, phone: '1' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.address.map((a) => [a.shipping.city, a.billing.city, a.phone])).toEqual([
      ['Napa', null, null],
      [null, 'Austin', '1'],
    ]);
    expect(new Set(res.body.address.map((a) => a.id)).size).toBe(2);
  });

  it('validates: email required and valid and unused, strings, 2-letter countries', async () => {
    const post = (body: unknown) =>
      call<{ message: string; errors: Record<string, string[]> }>(sb, 'POST', '/customers', { body });
    const missing = await post({ first_name: 'No email' });
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ message: 'Validation Failed', errors: { email: ['Email is required.'] } });
    expect((await post({ email: 'not-an-email' })).body.errors).toEqual({
      email: ['Email address is invalid.'],
    });
    expect((await post({ email: 'Developer@CommerceHQ.com' })).body.errors).toEqual({
      email: ['Email "Developer@CommerceHQ.com" has already been taken.'],
    });
    const types = await post({
      email: 'x@example.com',
      first_name: 5,
      address: { shipping: { country: 'USA' }, phone: 1 },
    });
    expect(types.body.errors).toEqual({
      first_name: ['First name must be a string.'],
      'address.shipping.country': ['Country must be a 2-letter code as per ISO 3166-1.'],
      'address.phone': ['Phone must be a string.'],
    });
    expect((await post({})).status).toBe(422);
    const count = sb.store.count('customers');
    expect(sb.store.count('customers')).toBe(count);
  });

  it('answers a body that is not an object with 400 {message}, and invalid JSON with the seed 400', async () => {
    const arr = await call(sb, 'POST', '/customers', { body: [1] });
    expect(arr.status).toBe(400);
    expect(arr.body).toEqual({ message: 'Request body must be a JSON object.' });
    const broken = await call(sb, 'POST', '/customers', { rawBody: '{"email": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ message: 'Problems parsing JSON' });
  });

  it('updates a customer as the seed example does: an address without id updates the primary one', async () => {
    const res = await call<ChqCustomer>(sb, 'PATCH', '/customers/30', { body: customerUpdateRequest });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 30,
      email: 'hello@world.com',
      first_name: 'James',
      notes: 'Some Notes about customer',
    });
    expect(res.body.address).toHaveLength(1);
    expect(res.body.address[0]).toMatchObject({ id: 67, phone: 'any string here' });
    expect(res.body.address[0]!.shipping).toMatchObject({
      street: '46 Leatherwood St.',
      company: null,
      zip: '91605',
    });
    expect(res.body.updated_at).toBeGreaterThanOrEqual(unix() - 5);
    expect(sb.store.getRaw('customers', '30')).toEqual(res.body);
  });

  it('updates one address by id field by field, and refuses an address the customer lacks', async () => {
    const body = { address: { ...customerAddressUpdate.address, id: 67 } };
    const res = await call<ChqCustomer>(sb, 'PATCH', '/customers/30', { body });
    expect(res.status).toBe(200);
    expect(res.body.address[0]).toMatchObject({ id: 67, phone: '123' });
    expect(res.body.address[0]!.shipping).toMatchObject({
      first_name: 'jamie',
      last_name: 'Duck',
      street: '47 Duck Street',
    });
    const seed = await call(sb, 'PATCH', '/customers/30', { body: customerAddressUpdate });
    expect(seed.status).toBe(422);
    expect(seed.body).toEqual({
      message: 'Validation Failed',
      errors: { 'address.id': ['Address #77 not found.'] },
    });
  });

  it('refuses a taken email on update but keeps the customer own one', async () => {
    const own = await call(sb, 'PATCH', '/customers/30', { body: { email: 'developer@commercehq.com' } });
    expect(own.status).toBe(200);
    const taken = await call(sb, 'PATCH', '/customers/30', { body: { email: 'tester@testmailhq.com' } });
    expect(taken.status).toBe(422);
    expect((await call(sb, 'PATCH', '/customers/99999', { body: {} })).status).toBe(404);
  });

  it('deletes only customers without orders', async () => {
    const busy = await call(sb, 'DELETE', '/customers/30');
    expect(busy.status).toBe(400);
    expect(busy.body).toEqual({ message: 'Only customers without orders can be deleted.' });
    const created = await call<ChqCustomer>(sb, 'POST', '/customers', {
      body: { email: 'gone@example.com' },
    });
    const res = await call(sb, 'DELETE', `/customers/${created.body.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await call(sb, 'GET', `/customers/${created.body.id}`)).status).toBe(404);
    expect(sb.store.summary('customers', String(created.body.id))).toEqual({
      id: String(created.body.id),
      deleted: true,
    });
    expect((await call(sb, 'DELETE', `/customers/${created.body.id}`)).status).toBe(404);
  });
});

describe('commercehq sandbox: product writes', () => {
  it('creates the seed example product with its uploaded images and answers like the seed', async () => {
    const res = await call<ChqProduct>(sb, 'POST', '/products/', { body: productCreateRequest });
    expect(res.status).toBe(201);
    const { id, created_at, updated_at, tags, ...rest } = res.body;
    const { id: _i, created_at: _c, updated_at: _u, tags: _t, ...seedRest } = productCreateResponse;
    expect(rest).toEqual(seedRest);
    expect(tags).toEqual(['tag1', 'tag heuer']);
    expect(created_at).toBe(updated_at);
    const full = await call<ChqProduct>(sb, 'GET', `/products/${id}`, { query: { expand: 'all' } });
    expect(full.body.images.map((i) => i.id)).toEqual([8]);
    expect(full.body.variants).toHaveLength(1);
    expect(full.body.variants[0]).toMatchObject({
      variant: ['red'],
      price: 1,
      sku: 'abc',
      default: true,
      ignore: true,
    });
    expect(full.body.variants[0]!.images.map((i) => i.id)).toEqual([12]);
    expect(full.body.options[1]!.thumbnails![0]).toMatchObject({
      value: 'S',
      color: '#000',
      image: { id: 7 },
    });
    expect(full.body).not.toHaveProperty('price');
  });

  it('creates a single-variant product with a top-level price, exactly', async () => {
    const res = await call<ChqProduct>(sb, 'POST', '/products', {
      body: { title: 'Pinot Noir 2023', price: '19.99', compare_price: 0.3 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      price: 19.99,
      compare_price: 0.3,
      is_multi: false,
      seo_url: 'pinot-noir-2023',
    });
    expect(sb.store.summary('products', String(res.body.id))).toMatchObject({
      price: 1999,
      title: 'Pinot Noir 2023',
    });
  });

  it('fills a multi-variant product with every option combination when no variants are listed', async () => {
    const res = await call<ChqProduct>(sb, 'POST', '/products', {
      body: {
        title: 'Tee',
        is_multi: true,
        price: 12.5,
        options: [
          { title: 'Size', values: ['S', 'M'] },
          { title: 'Color', values: ['Red', 'Blue'] },
        ],
      },
    });
    expect(res.status).toBe(201);
    const full = sb.store.getRaw('products', String(res.body.id)) as unknown as ChqProduct;
    expect(full.variants.map((v) => v.variant)).toEqual([
      ['S', 'Red'],
      ['S', 'Blue'],
      ['M', 'Red'],
      ['M', 'Blue'],
    ]);
    expect(full.variants.every((v) => v.price === 12.5)).toBe(true);
  });

  it('validates what the seed marks required, types, prices to the cent and image ids', async () => {
    const post = (body: unknown) =>
      call<{ errors: Record<string, string[]> }>(sb, 'POST', '/products', { body });
    expect((await post({ price: 1 })).body.errors).toEqual({ title: ['Title is required.'] });
    expect((await post({ title: 'No price' })).body.errors).toEqual({ price: ['Price is required.'] });
    expect((await post({ title: 'Multi', is_multi: true, price: 1 })).body.errors).toEqual({
      options: ['Options are required.'],
    });
    expect((await post({ title: 'Odd', price: 8.165 })).body.errors).toEqual({
      price: ['Price must be a number with at most 2 decimal places.'],
    });
    expect((await post({ title: 'Neg', price: -1 })).body.errors).toEqual({
      price: ['Price must be no less than 0.'],
    });
    expect((await post({ title: 'Bad', price: 'abc' })).body.errors).toEqual({
      price: ['Price must be a number.'],
    });
    expect((await post({ title: 'Img', price: 1, images: [424242] })).body.errors).toEqual({
      images: ['Image #424242 not found: images have to be uploaded first.'],
    });
    const variants = await post({
      title: 'V',
      is_multi: true,
      options: [{ title: 'C', values: ['a'] }],
      variants: [{ sku: 1 }],
    });
    expect(variants.body.errors).toEqual({
      'variants[0].variant': ['Variant is required.'],
      'variants[0].price': ['Price is required.'],
      'variants[0].sku': ['Sku must be a string.'],
    });
    expect((await post({ title: 'T', price: 1, tags: 'x', is_draft: 'maybe' })).body.errors).toEqual({
      tags: ['Tags must be an array of strings.'],
      is_draft: ['Is draft must be either "true" or "false".'],
    });
    expect((await post({ title: 'T', price: 1, textareas: [{ name: 'Description' }] })).body.errors).toEqual({
      'textareas[0].text': ['Text is required.'],
    });
  });

  it('updates a product partially, replacing variants while keeping the ids it names', async () => {
    const patch = await call<ChqProduct>(sb, 'PATCH', '/products/14', {
      body: {
        title: 'Fancy bear 2000',
        is_draft: true,
        variants: [
          { id: 43, variant: ['Red', 'Big'], price: '26.50' },
          { variant: ['Green', 'Big'], price: 27 },
        ],
      },
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ title: 'Fancy bear 2000', is_draft: true, vendor: 'Supplier #1' });
    expect(patch.body).not.toHaveProperty('variants');
    const full = sb.store.getRaw('products', '14') as unknown as ChqProduct;
    expect(full.variants.map((v) => [v.variant.join('/'), v.price])).toEqual([
      ['Red/Big', 26.5],
      ['Green/Big', 27],
    ]);
    expect(full.variants[0]!.id).toBe(43);
    expect(full.variants[1]!.id).not.toBe(44);
    expect(sb.store.summary('products', '14')).toMatchObject({ status: 'draft', price: 2650 });
    const single = (sb.store.rows('products') as unknown as ChqProduct[]).find((p) => !p.is_multi)!;
    const bad = await call(sb, 'PATCH', `/products/${single.id}`, { body: { is_multi: true } });
    expect(bad.status).toBe(422);
    expect((await call(sb, 'PATCH', `/products/${single.id}`, { body: { title: '' } })).status).toBe(422);
    expect(
      (await call(sb, 'PATCH', `/products/${single.id}`, { body: { price: '5.50' } })).body,
    ).toMatchObject({ price: 5.5 });
  });

  it('deletes a product with 204, then 404', async () => {
    const res = await call(sb, 'DELETE', '/products/14');
    expect(res.status).toBe(204);
    expect((await call(sb, 'GET', '/products/14')).status).toBe(404);
    expect((await call(sb, 'DELETE', '/products/14')).status).toBe(404);
    // Orders keep their snapshot of the product.
    expect((await call<ChqOrder>(sb, 'GET', '/orders/91')).body.items[0]!.data.title).toBe('Fancy bear 1000');
  });
});

describe('commercehq sandbox: order edits', () => {
  it('edits notes (and only notes) with PATCH /orders/ID', async () => {
    const res = await call<ChqOrder>(sb, 'PATCH', '/orders/4041', {
      body: { notes: 'You can write anything here', total: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.notes).toBe('You can write anything here');
    expect(res.body.total).toBe(21.89);
    expect(res.body.updated_at).toBeGreaterThanOrEqual(unix() - 5);
    expect(sb.store.summary('orders', '4041')).toMatchObject({ note: 'You can write anything here' });
    expect((await call(sb, 'PATCH', '/orders/4041', { body: { notes: 3 } })).status).toBe(422);
  });

  it('edits the address field by field with the seed example body', async () => {
    const res = await call<ChqOrder>(sb, 'PATCH', '/orders/4041/address', {
      body: {
        shipping: { street: '46 Leatherwood St.', suite: '1432', zip: '91605' },
        billing: { first_name: 'James', last_name: 'C Smith', street: '46 Leatherwood St.' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.address?.shipping).toMatchObject({
      first_name: 'Jack',
      street: '46 Leatherwood St.',
      suite: '1432',
      zip: '91605',
      city: 'Los Santos',
    });
    expect(res.body.address?.billing).toMatchObject({
      first_name: 'James',
      last_name: 'C Smith',
      company: null,
    });
    expect(
      (await call(sb, 'PATCH', '/orders/4041/address', { body: { shipping: { country: 'United States' } } }))
        .status,
    ).toBe(422);
  });

  it('changes the customer, taking their primary address and moving the order between their statistics', async () => {
    const res = await call<ChqOrder>(sb, 'PATCH', '/orders/4041/customer', { body: { id: 30 } });
    expect(res.status).toBe(200);
    expect(res.body.customer).toEqual({
      id: 30,
      email: 'developer@commercehq.com',
      first_name: 'Donald',
      last_name: 'Duck',
    });
    expect(res.body.email).toBe('developer@commercehq.com');
    expect(res.body.address?.shipping.street).toBe('47 Duck Street');
    const donald = sb.store.getRaw('customers', '30') as unknown as ChqCustomer;
    expect(donald.orders.sort()).toEqual([4041, 91].sort());
    expect(donald.statistics).toMatchObject({ order_count: 2, lifetime_spent: 55.89 });
    const jack = sb.store.getRaw('customers', '2819') as unknown as ChqCustomer;
    expect(jack.orders).toEqual([]);
    expect(jack.statistics.order_count).toBe(0);
    const missing = await call(sb, 'PATCH', '/orders/4041/customer', { body: { id: 424242 } });
    expect(missing.body).toEqual({
      message: 'Validation Failed',
      errors: { id: ['Customer #424242 not found.'] },
    });
    expect((await call(sb, 'PATCH', '/orders/424242/customer', { body: { id: 30 } })).status).toBe(404);
  });
});

describe('commercehq sandbox: fulfilments and shipments', () => {
  it('fulfils, ships with tracking and notifies, moving status 0 → 3 → 5', async () => {
    const f = await call<ChqFulfilment>(sb, 'POST', '/orders/4041/fulfilments', {
      body: { items: [{ id: 9550, quantity: 1 }] },
    });
    expect(f.status).toBe(201);
    expect(f.body).toMatchObject({ items: [{ id: 9550, quantity: 1 }], warehouse: null });
    let order = sb.store.getRaw('orders', '4041') as unknown as ChqOrder;
    expect(order.status).toBe(3);
    expect(order.items[0]!.status).toEqual({
      quantity: 1,
      not_fulfilled: 0,
      fulfilled: 1,
      shipped: 0,
      restocked: 0,
    });
    expect(sb.store.summary('orders', '4041')?.fulfillments).toBe(1);

    const s = await call<ChqShipment>(sb, 'POST', '/orders/4041/shipments', {
      body: {
        data: { fulfilment_id: f.body.id, tracking_number: '1Z999', shipping_carrier: 2 },
        notify: true,
      },
    });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({
      fulfilment_id: f.body.id,
      tracking_number: '1Z999',
      shipping_carrier: 2,
      items: [{ id: 9550, quantity: 1 }],
    });
    order = sb.store.getRaw('orders', '4041') as unknown as ChqOrder;
    expect(order.status).toBe(5);
    expect(order.items[0]!.status).toMatchObject({ fulfilled: 0, shipped: 1 });
    expect(sb.store.notifications).toEqual([{ kind: 'shipment', orderId: 4041, at: expect.any(Number) }]);

    const again = await call(sb, 'POST', '/orders/4041/shipments', {
      body: { data: { fulfilment_id: f.body.id } },
    });
    expect(again.body).toEqual({
      message: 'Validation Failed',
      errors: { 'data.fulfilment_id': [`Fulfilment #${f.body.id} has nothing left to ship.`] },
    });
  });

  it('refuses to fulfil more than is open, unknown lines, and tracked products without a warehouse', async () => {
    const over = await call(sb, 'POST', '/orders/4041/fulfilments', {
      body: { items: [{ id: 9550, quantity: 2 }] },
    });
    expect(over.body).toEqual({
      message: 'Validation Failed',
      errors: { items: ['Line item #9550 has 1 unit(s) left to fulfil, not 2.'] },
    });
    const unknown = await call(sb, 'POST', '/orders/4041/fulfilments', {
      body: { items: [{ id: 1, quantity: 1 }] },
    });
    expect(unknown.body).toMatchObject({
      errors: { 'items[0].id': ['Line item #1 not found in this order.'] },
    });
    expect((await call(sb, 'POST', '/orders/4041/fulfilments', { body: { items: [] } })).body).toMatchObject({
      errors: { items: ['Items are required.'] },
    });
    expect(
      (await call(sb, 'POST', '/orders/4041/fulfilments', { body: { items: [{ id: 9550, quantity: 0 }] } }))
        .status,
    ).toBe(422);

    const tracked = (sb.store.rows('orders') as unknown as ChqOrder[]).find(
      (o) => o.status === 0 && o.items.some((l) => l.data.track_inventory),
    )!;
    expect(tracked).toBeDefined();
    const line = tracked.items.find((l) => l.data.track_inventory)!;
    const noWarehouse = await call(sb, 'POST', `/orders/${tracked.id}/fulfilments`, {
      body: { items: [{ id: line.data.id, quantity: 1 }] },
    });
    expect(noWarehouse.body).toMatchObject({
      errors: { 'items[0].warehouse': ['Warehouse is required when the product tracks inventory.'] },
    });
    const badWarehouse = await call(sb, 'POST', `/orders/${tracked.id}/fulfilments`, {
      body: { items: [{ id: line.data.id, quantity: 1, warehouse: 9 }] },
    });
    expect(badWarehouse.body).toMatchObject({
      errors: { 'items[0].warehouse': ['Warehouse #9 not found.'] },
    });
    const ok = await call<ChqFulfilment>(sb, 'POST', `/orders/${tracked.id}/fulfilments`, {
      body: { items: [{ id: line.data.id, quantity: 1, warehouse: 2 }] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.warehouse).toBe(2);
    const after = sb.store.getRaw('orders', String(tracked.id)) as unknown as ChqOrder;
    const total = tracked.items.reduce((n, l) => n + l.status.quantity, 0);
    expect(after.status).toBe(total === 1 ? 3 : 1);
  });

  it('ships part of a fulfilment, several shipments at once, and edits them', async () => {
    const order = (sb.store.rows('orders') as unknown as ChqOrder[]).find(
      (o) =>
        o.status === 0 &&
        o.paid === 1 &&
        o.items.length >= 2 &&
        o.items.every((l) => !l.data.track_inventory),
    )!;
    expect(order).toBeDefined();
    const [a, b] = order.items;
    const f = await call<ChqFulfilment>(sb, 'POST', `/orders/${order.id}/fulfilments`, {
      body: { items: order.items.map((l) => ({ id: l.data.id, quantity: l.status.quantity })) },
    });
    expect((sb.store.getRaw('orders', String(order.id)) as unknown as ChqOrder).status).toBe(3);
    const many = await call<ChqShipment[]>(sb, 'POST', `/orders/${order.id}/shipments`, {
      body: {
        data: [
          {
            fulfilment_id: f.body.id,
            items: [{ id: a!.data.id, quantity: a!.status.quantity }],
            tracking_number: 'A1',
            shipping_carrier: 1,
          },
          {
            fulfilment_id: f.body.id,
            items: [{ id: b!.data.id, quantity: 1 }],
            tracking_number: 'B1',
            shipping_carrier: 3,
          },
        ],
        notify: false,
      },
    });
    expect(many.status).toBe(201);
    expect(many.body.map((s) => s.tracking_number)).toEqual(['A1', 'B1']);
    const afterShip = sb.store.getRaw('orders', String(order.id)) as unknown as ChqOrder;
    const units = order.items.reduce((n, l) => n + l.status.quantity, 0);
    expect(afterShip.status).toBe(a!.status.quantity + 1 === units ? 5 : 4);
    expect(sb.store.notifications).toEqual([]);

    const edit = await call<ChqShipment>(sb, 'PATCH', `/orders/${order.id}/shipments/${many.body[1]!.id}`, {
      body: { data: { tracking_number: 'B2', shipping_carrier: 4 }, notify: true },
    });
    expect(edit.body).toMatchObject({ tracking_number: 'B2', shipping_carrier: 4 });
    const editAll = await call<ChqShipment[]>(sb, 'PATCH', `/orders/${order.id}/shipments`, {
      body: { data: [{ id: many.body[0]!.id, tracking_number: 'A2' }] },
    });
    expect(editAll.body.map((s) => s.tracking_number)).toEqual(['A2']);
    const badCarrier = await call(sb, 'PATCH', `/orders/${order.id}/shipments/${many.body[0]!.id}`, {
      body: { data: { shipping_carrier: 99 } },
    });
    expect(badCarrier.body).toMatchObject({
      errors: { 'data.shipping_carrier': ['Shipping carrier #99 not found.'] },
    });

    // A fulfilment with shipments cannot go; its shipments can, and then it can.
    const blocked = await call(sb, 'DELETE', `/orders/${order.id}/fulfilments/${f.body.id}`);
    expect(blocked.status).toBe(422);
    for (const s of many.body)
      expect((await call(sb, 'DELETE', `/orders/${order.id}/shipments/${s.id}`)).status).toBe(204);
    expect((sb.store.getRaw('orders', String(order.id)) as unknown as ChqOrder).status).toBe(3);
    expect((await call(sb, 'DELETE', `/orders/${order.id}/fulfilments/${f.body.id}`)).status).toBe(204);
    expect((sb.store.getRaw('orders', String(order.id)) as unknown as ChqOrder).status).toBe(0);
    expect((await call(sb, 'DELETE', `/orders/${order.id}/fulfilments/${f.body.id}`)).status).toBe(404);
  });

  it('edits fulfilments, all at once or one, never below what is shipped', async () => {
    const order = sb.store.getRaw('orders', '91') as unknown as ChqOrder;
    const single = await call(sb, 'PATCH', '/orders/91/fulfilments/1', {
      body: { items: [{ id: 101, quantity: 1 }], warehouse: 3 },
    });
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ id: 1, warehouse: 3 });
    const all = await call(sb, 'PATCH', '/orders/91/fulfilments', {
      body: [{ id: 1, items: [{ id: 101, quantity: 1 }] }],
    });
    expect(all.status).toBe(200);
    expect(Array.isArray(all.body)).toBe(true);
    const unknown = await call(sb, 'PATCH', '/orders/91/fulfilments', {
      body: [{ id: 9, items: [{ id: 101, quantity: 1 }] }],
    });
    expect(unknown.body).toMatchObject({ errors: { '[0].id': ['Fulfilment #9 not found in this order.'] } });
    expect((await call(sb, 'PATCH', '/orders/91/fulfilments', { body: { id: 1 } })).status).toBe(400);
    expect(order.shipments).toHaveLength(1);
  });

  it('manages shipping carriers; a deleted carrier cannot be used', async () => {
    const created = await call<{ id: number }>(sb, 'POST', '/shipping-carriers', {
      body: { title: 'UPS', url: 'ups.com' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 8, title: 'UPS', url: 'ups.com', is_deleted: false });
    expect(
      (await call(sb, 'PATCH', '/shipping-carriers/8', { body: { title: 'UPS Ground' } })).body,
    ).toMatchObject({ title: 'UPS Ground' });
    expect((await call(sb, 'POST', '/shipping-carriers', { body: {} })).body).toMatchObject({
      errors: { title: ['Title is required.'] },
    });
    expect((await call(sb, 'DELETE', '/shipping-carriers/8')).status).toBe(204);
    expect((await call(sb, 'GET', '/shipping-carriers/8')).body).toMatchObject({ is_deleted: true });
    await call(sb, 'POST', '/orders/4041/fulfilments', { body: { items: [{ id: 9550, quantity: 1 }] } });
    const order = sb.store.getRaw('orders', '4041') as unknown as ChqOrder;
    const res = await call(sb, 'POST', '/orders/4041/shipments', {
      body: { data: { fulfilment_id: order.fulfilments[0]!.id, shipping_carrier: 8 } },
    });
    expect(res.status).toBe(422);
  });
});

describe('commercehq sandbox: refunds', () => {
  it('refunds in parts until everything is refunded, then refuses', async () => {
    const first = await call<ChqOrder>(sb, 'POST', '/orders/4041/refund', {
      body: { refund: 5, notify: true },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ refunded: 5, paid: -1, refund_possible: true });
    const over = await call(sb, 'POST', '/orders/4041/refund', { body: { refund: '16.90' } });
    expect(over.body).toEqual({
      message: 'Validation Failed',
      errors: { refund: ['Refund can not be more than the 16.89 left to refund.'] },
    });
    const rest = await call<ChqOrder>(sb, 'POST', '/orders/4041/refund', { body: { refund: '16.89' } });
    expect(rest.body).toMatchObject({ refunded: 21.89, paid: -2, refund_possible: false });
    expect(sb.store.summary('orders', '4041')).toMatchObject({ refunded: 2189 });
    const done = await call(sb, 'POST', '/orders/4041/refund', { body: { refund: 1 } });
    expect(done.body).toEqual({
      message: 'Validation Failed',
      errors: { base: ['Refunding this order is no longer possible.'] },
    });
    expect(sb.store.notifications.map((n) => n.kind)).toEqual(['refund']);
  });

  it('validates the amount: required, positive, to the cent', async () => {
    const post = (body: unknown) =>
      call<{ errors: Record<string, string[]> }>(sb, 'POST', '/orders/4041/refund', { body });
    expect((await post({})).body.errors).toEqual({ refund: ['Refund is required.'] });
    expect((await post({ refund: 0 })).body.errors).toEqual({ refund: ['Refund must be greater than 0.'] });
    expect((await post({ refund: 8.165 })).body.errors).toEqual({
      refund: ['Refund must be a number with at most 2 decimal places.'],
    });
    expect((await post({ refund: 1, notify: 'yes' })).body.errors).toEqual({
      notify: ['Notify must be either "true" or "false".'],
    });
    const unpaid = (sb.store.rows('orders') as unknown as ChqOrder[]).find((o) => o.paid === 0)!;
    const res = await call(sb, 'POST', `/orders/${unpaid.id}/refund`, { body: { refund: 1 } });
    expect(res.body).toMatchObject({
      errors: { base: ['The order is not paid: there is nothing to refund.'] },
    });
    expect((sb.store.getRaw('orders', '4041') as unknown as ChqOrder).refunded).toBe(0);
  });

  it('restocks shipped items sent with the refund', async () => {
    const res = await call<ChqOrder>(sb, 'POST', '/orders/91/refund', {
      body: { refund: 34, shipments: [{ id: 1, items: [{ id: 101, quantity: 1 }] }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.restocks).toEqual([
      {
        id: expect.any(Number),
        shipment_id: 1,
        items: [{ id: 101, quantity: 1 }],
        created_at: expect.any(Number),
      },
    ]);
    expect(res.body.items[0]!.status.restocked).toBe(1);
    expect(res.body.paid).toBe(-2);
    const twice = await call(sb, 'POST', '/orders/91/refund', {
      body: { refund: 1, shipments: [{ id: 1, items: [{ id: 101, quantity: 1 }] }] },
    });
    expect(twice.status).toBe(422);
    expect((await call(sb, 'DELETE', '/orders/91/shipments/1')).status).toBe(422);
  });
});
