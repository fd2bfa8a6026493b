import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { C7Customer, C7Order, C7Product, Commerce7Store } from '../src/commerce7';
import { type Sandbox, startSandbox } from '../src/index';
import { c7 } from './__fixtures__/commerce7/client';

type Rec = Record<string, unknown>;
const fixture = (name: string): Rec =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/commerce7/${name}.json`, import.meta.url), 'utf8')) as Rec;

describe('commerce7 sandbox: writes and their validation', () => {
  let sb: Sandbox<Commerce7Store>;
  beforeAll(async () => {
    sb = await startSandbox<Commerce7Store>({ platform: 'commerce7', seed: 5, rateLimit: false });
  });
  afterAll(() => sb.close());

  describe('customers', () => {
    it('creates a customer from the documented request and stores it in wire format', async () => {
      const r = await c7<C7Customer>(sb, 'POST', '/customer', { body: fixture('create-customer') });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        firstName: 'Andrea',
        lastName: 'Kowalski',
        countryCode: 'CA',
        emails: [{ id: expect.any(String), email: 'andrea.kowalski@example.com' }],
        phones: [{ id: expect.any(String), phone: '+16045550143' }],
        tags: [],
        orderInformation: { orderCount: 0, lifetimeValue: 0 },
      });
      expect(sb.store.getRaw('customers', r.body.id)).toEqual(r.body);
      expect(sb.store.ids('customers').at(-1)).toBe(r.body.id);
      expect(sb.store.summary('customers', r.body.id)).toMatchObject({
        email: 'andrea.kowalski@example.com',
      });
    });

    it('requires an email, a valid one, unique on the customer (422) and in the tenant (409)', async () => {
      const noEmail = await c7(sb, 'POST', '/customer', { body: { firstName: 'Nobody' } });
      expect(noEmail.status).toBe(422);
      expect(noEmail.body).toMatchObject({
        statusCode: 422,
        type: 'validationError',
        errors: [{ field: 'emails' }],
      });
      const empty = await c7(sb, 'POST', '/customer', { body: { emails: [] } });
      expect(empty.body.errors).toEqual([
        { field: 'emails', message: expect.stringContaining('at least 1') },
      ]);
      const bad = await c7(sb, 'POST', '/customer', {
        body: {
          emails: [{ email: 'not-an-email' }],
          honorific: 'Sir',
          birthDate: '1990-13-45',
          countryCode: 'usa',
        },
      });
      expect(bad.status).toBe(422);
      expect((bad.body.errors as Rec[]).map((e) => e.field).sort()).toEqual(
        ['birthDate', 'countryCode', 'emails.0.email', 'honorific'].sort(),
      );
      const twice = await c7(sb, 'POST', '/customer', {
        body: { emails: [{ email: 'a@x.io' }, { email: 'A@x.io' }] },
      });
      expect(twice.body.errors).toMatchObject([{ field: 'emails.1.email' }]);
      const taken = sb.store.customers.get(sb.store.ids('customers')[0]!)!.emails[0]!.email;
      const dup = await c7(sb, 'POST', '/customer', { body: { emails: [{ email: taken.toUpperCase() }] } });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({
        statusCode: 409,
        type: 'conflict',
        errors: [{ field: 'emails.0.email' }],
      });
      const notObject = await c7(sb, 'POST', '/customer', { body: [1, 2] });
      expect(notObject.status).toBe(422);
      const noBody = await c7(sb, 'POST', '/customer');
      expect(noBody.status).toBe(422);
    });

    it('PUT updates the fields sent and replaces sent arrays whole', async () => {
      const id = sb.store.ids('customers')[1]!;
      const before = sb.store.customers.get(id)!;
      const r = await c7<C7Customer>(sb, 'PUT', `/customer/${id}`, { body: { birthDate: '1973-11-15' } });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        ...before,
        birthDate: '1973-11-15',
        updatedAt: r.body.updatedAt,
        lastActivityDate: r.body.updatedAt,
      });
      expect(r.body.updatedAt > before.updatedAt).toBe(true);

      const phones = await c7<C7Customer>(sb, 'PUT', `/customer/${id}`, {
        body: { phones: [{ phone: '+17075550000' }] },
      });
      expect(phones.body.phones).toEqual([{ id: expect.any(String), phone: '+17075550000' }]);
      expect(phones.body.emails).toEqual(before.emails);

      const vip = sb.store.catalog.customerTags.find((t) => t.title === 'VIP')!;
      const tagged = await c7<C7Customer>(sb, 'PUT', `/customer/${id}`, { body: { tags: [{ id: vip.id }] } });
      expect(tagged.body.tags).toEqual([vip]);
      const badTag = await c7(sb, 'PUT', `/customer/${id}`, { body: { tags: [{ title: 'VIP' }] } });
      expect(badTag.status).toBe(422);
      expect(badTag.body.errors).toMatchObject([{ field: 'tags.0.id' }]);

      const keepEmailId = before.emails[0]!;
      const emails = await c7<C7Customer>(sb, 'PUT', `/customer/${id}`, {
        body: { emails: [keepEmailId, { email: 'second@example.net' }] },
      });
      expect(emails.body.emails[0]).toEqual(keepEmailId);
      expect(emails.body.emails[1]!.email).toBe('second@example.net');
      const cleared = await c7(sb, 'PUT', `/customer/${id}`, { body: { emails: [] } });
      expect(cleared.status).toBe(422);
      expect((await c7(sb, 'PUT', '/customer/unknown', { body: {} })).status).toBe(404);
    });

    it('DELETE answers 204 with no body; the record is gone', async () => {
      const id = sb.store.ids('customers')[2]!;
      const r = await c7(sb, 'DELETE', `/customer/${id}`);
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
      expect((await c7(sb, 'GET', `/customer/${id}`)).status).toBe(404);
      expect(sb.store.summary('customers', id)).toEqual({ id, deleted: true });
      expect(sb.store.addressesOf(id)).toEqual([]);
      expect((await c7(sb, 'DELETE', `/customer/${id}`)).status).toBe(404);
    });
  });

  describe('customer addresses', () => {
    it('creates, lists, reads, updates and deletes one customer’s addresses', async () => {
      const cid = sb.store.ids('customers')[3]!;
      const before = sb.store.addressesOf(cid).length;
      const created = await c7(sb, 'POST', `/customer/${cid}/address`, { body: fixture('create-address') });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        customerId: cid,
        address: '33925 Araki Ct',
        isDefault: false,
        countryCode: 'CA',
      });
      const aid = created.body.id as string;
      const list = await c7(sb, 'GET', `/customer/${cid}/address`);
      expect(list.body.total).toBe(before + 1);
      expect((list.body.customerAddresses as Rec[]).map((a) => a.id)).toContain(aid);
      expect((await c7(sb, 'GET', `/customer/${cid}/address/${aid}`)).body).toEqual(created.body);

      const updated = await c7(sb, 'PUT', `/customer/${cid}/address/${aid}`, {
        body: { company: 'Commerce7', isDefault: true },
      });
      expect(updated.body).toMatchObject({ company: 'Commerce7', isDefault: true, city: 'Mission' });
      expect(
        sb.store
          .addressesOf(cid)
          .filter((a) => a.isDefault)
          .map((a) => a.id),
      ).toEqual([aid]);

      const search = await c7(sb, 'GET', `/customer/${cid}/address?searchText=araki`);
      expect(search.body.total).toBe(1);

      expect((await c7(sb, 'DELETE', `/customer/${cid}/address/${aid}`)).status).toBe(204);
      expect(sb.store.addressesOf(cid)).toHaveLength(before);
      expect(sb.store.addressesOf(cid).filter((a) => a.isDefault)).toHaveLength(before > 0 ? 1 : 0);
      expect((await c7(sb, 'GET', `/customer/${cid}/address/${aid}`)).status).toBe(404);
    });

    it('validates addresses and scopes them to their customer', async () => {
      const [a, b] = sb.store.ids('customers').slice(4, 6);
      const bad = await c7(sb, 'POST', `/customer/${a}/address`, {
        body: { address: '', countryCode: 'Canada' },
      });
      expect(bad.status).toBe(422);
      expect((bad.body.errors as Rec[]).map((e) => e.field).sort()).toEqual([
        'address',
        'city',
        'countryCode',
      ]);
      const other = sb.store.addressesOf(b!)[0]!;
      expect((await c7(sb, 'GET', `/customer/${a}/address/${other.id}`)).status).toBe(404);
      expect(
        (await c7(sb, 'POST', '/customer/missing/address', { body: fixture('create-address') })).status,
      ).toBe(404);
    });

    it('POST /customer-address creates a customer with its first (default) address', async () => {
      const r = await c7<C7Customer>(sb, 'POST', '/customer-address', {
        body: fixture('create-customer-with-address'),
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ firstName: 'Carlos', city: 'Napa', stateCode: 'CA', honorific: 'Mr' });
      const addresses = sb.store.addressesOf(r.body.id);
      expect(addresses).toEqual([
        expect.objectContaining({
          address: '123 Main St',
          address2: 'Apt 201',
          zipCode: '94558',
          isDefault: true,
        }),
      ]);
    });
  });

  describe('products', () => {
    it('creates a product with its variants from the documented request', async () => {
      const r = await c7<C7Product>(sb, 'POST', '/product', { body: fixture('create-product') });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        title: 'Spectrum Red 2023',
        type: 'Wine',
        slug: 'spectrum-red-2023',
        webStatus: 'Available',
        variants: [
          { sku: 'SR-2023-750', price: 1500, comparePrice: 1700, inventory: [] },
          { sku: 'SR-2023-1500', price: 3500, comparePrice: null, upcCode: null, inventory: [] },
        ],
      });
      expect(sb.store.summary('products', r.body.id)).toMatchObject({
        sku: 'SR-2023-750',
        price: 1500,
        title: 'Spectrum Red 2023',
      });
    });

    it('refuses missing fields and non-cent prices (422), and a SKU another product uses (409)', async () => {
      const empty = await c7(sb, 'POST', '/product', { body: {} });
      expect(empty.status).toBe(422);
      expect((empty.body.errors as Rec[]).map((e) => e.field).sort()).toEqual(['title', 'type', 'variants']);
      const cents = await c7(sb, 'POST', '/product', {
        body: {
          title: 'Float',
          type: 'Wine',
          variants: [
            { sku: 'F-1', price: 19.99 },
            { sku: 'F-2', price: '7.95' },
          ],
        },
      });
      expect(cents.status).toBe(422);
      expect((cents.body.errors as Rec[]).map((e) => e.field)).toEqual([
        'variants.0.price',
        'variants.1.price',
      ]);
      const noVariants = await c7(sb, 'POST', '/product', {
        body: { title: 'X', type: 'Wine', variants: [] },
      });
      expect(noVariants.body.errors).toMatchObject([{ field: 'variants' }]);
      const badType = await c7(sb, 'POST', '/product', {
        body: { title: 'X', type: 'Beer', webStatus: 'Live', variants: [{ sku: 'B-1', price: 100 }] },
      });
      expect((badType.body.errors as Rec[]).map((e) => e.field).sort()).toEqual(['type', 'webStatus']);
      const sameTwice = await c7(sb, 'POST', '/product', {
        body: {
          title: 'X',
          type: 'Wine',
          variants: [
            { sku: 'D-1', price: 100 },
            { sku: 'd-1', price: 100 },
          ],
        },
      });
      expect(sameTwice.status).toBe(422);
      const taken = sb.store.products.get(sb.store.ids('products')[0]!)!.variants[0]!.sku;
      const dup = await c7(sb, 'POST', '/product', {
        body: { title: 'X', type: 'Wine', variants: [{ sku: taken, price: 100 }] },
      });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ type: 'conflict', errors: [{ field: 'variants.0.sku' }] });
    });

    it('PUT: top-level fields are partial; a variant sent is replaced whole (missing members become null)', async () => {
      const id = sb.store.ids('products').find((pid) => {
        const p = sb.store.products.get(pid)!;
        return (
          p.variants.length >= 2 && p.variants[0]!.inventory.length > 0 && p.variants[0]!.upcCode !== null
        );
      });
      expect(id).toBeDefined();
      const before = sb.store.products.get(id!)!;
      const slug = await c7<C7Product>(sb, 'PUT', `/product/${id}`, { body: { slug: 'renamed' } });
      expect(slug.body.variants).toEqual(before.variants);
      expect(slug.body.slug).toBe('renamed');

      const v = before.variants[0]!;
      const r = await c7<C7Product>(sb, 'PUT', `/product/${id}`, {
        body: { variants: [{ id: v.id, sku: v.sku, price: 4321 }] },
      });
      expect(r.status).toBe(200);
      expect(r.body.variants).toHaveLength(1);
      expect(r.body.variants[0]).toMatchObject({
        id: v.id,
        sku: v.sku,
        price: 4321,
        upcCode: null,
        title: null,
        comparePrice: null,
      });
      expect(r.body.variants[0]!.inventory).toEqual(v.inventory);
      const foreign = await c7(sb, 'PUT', `/product/${id}`, {
        body: { variants: [{ id: 'nope', sku: 'Z', price: 1 }] },
      });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors).toMatchObject([{ field: 'variants.0.id' }]);
    });

    it('DELETE answers 204, then the product is 404', async () => {
      const id = sb.store.ids('products')[5]!;
      expect((await c7(sb, 'DELETE', `/product/${id}`)).status).toBe(204);
      expect((await c7(sb, 'GET', `/product/${id}`)).status).toBe(404);
      expect(sb.store.count('products')).toBe(40);
    });
  });

  describe('orders', () => {
    it('imports a historical order (POST /order) with the documented body, string orderNumber included', async () => {
      const r = await c7<C7Order>(sb, 'POST', '/order', { body: fixture('create-order') });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        orderNumber: 123456,
        channel: 'Web',
        paymentStatus: 'Paid',
        fulfillmentStatus: 'Fulfilled',
        orderFulfilledDate: '2018-02-22T15:32:01.301Z',
        subTotal: 1250,
        total: 3413,
        items: [{ sku: '10000542012', price: 1250, quantity: 1, quantityFulfilled: 1 }],
        tenders: [{ amountTendered: 3413, chargeType: 'Sale' }],
      });
      expect(sb.store.getRaw('orders', r.body.id)).toEqual(r.body);
      const next = await c7<C7Order>(sb, 'POST', '/order', {
        body: { ...fixture('create-order'), orderNumber: undefined },
      });
      expect(next.body.orderNumber).toBeGreaterThan(1000);
    });

    it('refuses a used order number (409) and an invalid order (422)', async () => {
      const used = sb.store.orders.get(sb.store.ids('orders')[0]!)!.orderNumber;
      const dup = await c7(sb, 'POST', '/order', { body: { ...fixture('create-order'), orderNumber: used } });
      expect(dup.status).toBe(409);
      expect(dup.body.errors).toMatchObject([{ field: 'orderNumber' }]);
      const bad = await c7(sb, 'POST', '/order', {
        body: {
          channel: 'Phone',
          items: [{ sku: 'X', price: 10.5, quantity: 0 }],
          orderNumber: 2_147_483_648,
        },
      });
      expect(bad.status).toBe(422);
      expect((bad.body.errors as Rec[]).map((e) => e.field).sort()).toEqual(
        [
          'channel',
          'items.0.price',
          'items.0.productTitle',
          'items.0.quantity',
          'orderNumber',
          'subTotal',
          'total',
        ].sort(),
      );
      const ghost = await c7(sb, 'POST', '/order', {
        body: { ...fixture('create-order'), orderNumber: 77, customerId: 'ghost' },
      });
      expect(ghost.body.errors).toMatchObject([{ field: 'customerId' }]);
    });

    it('PUT /order/upsert replaces the order with that number', async () => {
      const body = { ...fixture('create-order'), orderNumber: 555001, externalOrderNumber: 'EXT-1' };
      const first = await c7<C7Order>(sb, 'PUT', '/order/upsert', { body });
      expect(first.status).toBe(200);
      const second = await c7<C7Order>(sb, 'PUT', '/order/upsert', { body: { ...body, total: 9999 } });
      expect(second.body.total).toBe(9999);
      expect(sb.store.orders.get(first.body.id)).toBeUndefined();
      expect([...sb.store.orders.values()].filter((o) => o.orderNumber === 555001)).toHaveLength(1);
      const missing = await c7(sb, 'PUT', '/order/upsert', {
        body: { ...fixture('create-order'), externalOrderNumber: undefined },
      });
      expect(missing.status).toBe(422);
    });

    it('updates the customer’s orderInformation when an order is imported for them', async () => {
      const cid = sb.store.ids('customers')[7]!;
      const before = { ...sb.store.customers.get(cid)!.orderInformation };
      const r = await c7<C7Order>(sb, 'POST', '/order', {
        body: {
          ...fixture('create-order'),
          orderNumber: 888,
          customerId: cid,
          orderSubmittedDate: '2099-01-01T00:00:00.000Z',
        },
      });
      const after = sb.store.customers.get(cid)!.orderInformation;
      expect(after.orderCount).toBe(before.orderCount + 1);
      expect(after.lifetimeValue).toBe(before.lifetimeValue + 3413);
      expect(after.lastOrderId).toBe(r.body.id);
    });
  });

  describe('fulfilments', () => {
    const openOrder = (minQty = 1) =>
      [...sb.store.orders.values()].find(
        (o) =>
          o.fulfillmentStatus === 'Not Fulfilled' &&
          o.paymentStatus === 'Paid' &&
          o.items.reduce((s, it) => s + it.quantity, 0) >= minQty &&
          sb.store.summary('orders', o.id)!.fulfillments === 0,
      )!;

    it('fulfils every open item with tracking (POST /order/{id}/fulfillment/all)', async () => {
      const o = openOrder();
      const r = await c7<C7Order>(sb, 'POST', `/order/${o.id}/fulfillment/all`, {
        body: fixture('fulfillment-shipped'),
      });
      expect(r.status).toBe(200);
      expect(r.body.fulfillmentStatus).toBe('Fulfilled');
      expect(r.body.orderFulfilledDate).toBe('2026-05-01T10:59:32.000Z');
      expect(r.body.fulfillments.at(-1)).toMatchObject({
        type: 'Shipped',
        shipped: { trackingNumbers: ['1Z525R5EA803600000'], carrier: 'UPS' },
        items: o.items.map((it) => ({ sku: it.sku, quantityFulfilled: it.quantity })),
      });
      expect(r.body.items.every((it) => it.quantityFulfilled === it.quantity)).toBe(true);
      expect(sb.store.summary('orders', o.id)!.fulfillments).toBe(1);
      const again = await c7(sb, 'POST', `/order/${o.id}/fulfillment/all`, {
        body: fixture('fulfillment-shipped'),
      });
      expect(again.status).toBe(422);
    });

    it('fulfils chosen items partially, refuses more than is open, and can be undone', async () => {
      const o = openOrder(2);
      const first = o.items[0]!;
      const partial = await c7<C7Order>(sb, 'POST', `/order/${o.id}/fulfillment`, {
        body: {
          type: 'Picked Up',
          packageCount: 1,
          items: [{ sku: first.sku, quantityFulfilled: 1 }],
          pickedUp: { pickedUpBy: 'Ava' },
        },
      });
      expect(partial.status).toBe(200);
      expect(partial.body.fulfillmentStatus).toBe('Partially Fulfilled');
      expect(partial.body.orderFulfilledDate).toBeNull();
      const fid = partial.body.fulfillments.at(-1)!.id;

      const tooMany = await c7(sb, 'POST', `/order/${o.id}/fulfillment`, {
        body: { type: 'Shipped', items: [{ sku: first.sku, quantityFulfilled: first.quantity + 5 }] },
      });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors).toMatchObject([{ field: 'items.0.quantityFulfilled' }]);
      const unknown = await c7(sb, 'POST', `/order/${o.id}/fulfillment`, {
        body: { type: 'Shipped', items: [{ sku: 'NOPE', quantityFulfilled: 1 }] },
      });
      expect(unknown.body.errors).toMatchObject([{ field: 'items.0.sku' }]);
      const noType = await c7(sb, 'POST', `/order/${o.id}/fulfillment`, { body: { items: [] } });
      expect((noType.body.errors as Rec[]).map((e) => e.field).sort()).toEqual(['items', 'type']);
      expect(sb.store.orders.get(o.id)!.items[0]!.quantityFulfilled).toBe(1);

      const undo = await c7(sb, 'DELETE', `/order/${o.id}/fulfillment/${fid}`);
      expect(undo.status).toBe(204);
      const after = sb.store.orders.get(o.id)!;
      expect(after.fulfillmentStatus).toBe('Not Fulfilled');
      expect(after.items.every((it) => it.quantityFulfilled === 0)).toBe(true);
      expect((await c7(sb, 'DELETE', `/order/${o.id}/fulfillment/${fid}`)).status).toBe(404);
    });

    it('marks "No Fulfillment Required" and 404s unknown orders', async () => {
      const o = openOrder();
      const r = await c7<C7Order>(sb, 'POST', `/order/${o.id}/fulfillment`, {
        body: {
          type: 'No Fulfillment Required',
          sendTransactionEmail: false,
          fulfillmentDate: '2026-09-26T10:59:32.000Z',
          packageCount: 1,
        },
      });
      expect(r.body.fulfillmentStatus).toBe('No Fulfillment Required');
      expect(r.body.orderFulfilledDate).toBe('2026-09-26T10:59:32.000Z');
      expect(
        (await c7(sb, 'POST', '/order/missing/fulfillment/all', { body: { type: 'Shipped' } })).status,
      ).toBe(404);
    });
  });

  describe('notes and tags', () => {
    it('attaches notes to orders and customers; the store reports the latest', async () => {
      const oid = sb.store.ids('orders')[9]!;
      const r = await c7(sb, 'POST', '/note', { body: { ...fixture('note'), orderId: oid } });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        type: 'Note',
        orderId: oid,
        customerId: null,
        content: 'Customer asked for a gift receipt',
      });
      expect(sb.store.summary('orders', oid)!.note).toBe('Customer asked for a gift receipt');
      const list = await c7(sb, 'GET', `/note?orderId=${oid}`);
      expect(list.body).toEqual({ notes: [r.body], total: 1 });
      const upd = await c7(sb, 'PUT', `/note/${r.body.id}`, { body: { content: 'Updated' } });
      expect(upd.body.content).toBe('Updated');
      expect(sb.store.summary('orders', oid)!.note).toBe('Updated');
      expect((await c7(sb, 'DELETE', `/note/${r.body.id}`)).status).toBe(204);
      expect(sb.store.summary('orders', oid)!.note).toBeNull();

      const cid = sb.store.ids('customers')[8]!;
      await c7(sb, 'POST', '/note', { body: { content: 'Prefers reds', customerId: cid } });
      expect(sb.store.summary('customers', cid)!.note).toBe('Prefers reds');
    });

    it('refuses a note without content or owner', async () => {
      const r = await c7(sb, 'POST', '/note', { body: { type: 'Note' } });
      expect(r.status).toBe(422);
      expect((r.body.errors as Rec[]).map((e) => e.field)).toEqual(['content']);
      const orphan = await c7(sb, 'POST', '/note', { body: { content: 'x' } });
      expect(orphan.body.errors).toMatchObject([{ field: 'customerId' }]);
      const ghost = await c7(sb, 'POST', '/note', { body: { content: 'x', orderId: 'ghost' } });
      expect(ghost.body.errors).toMatchObject([{ field: 'orderId' }]);
    });

    it('lists and creates customer tags; titles are unique', async () => {
      const list = await c7(sb, 'GET', '/tag/customer');
      expect(list.body.total).toBe(5);
      expect((list.body.tags as Rec[]).map((t) => t.title)).toContain('VIP');
      const created = await c7(sb, 'POST', '/tag/customer', {
        body: { title: 'Allocation List', type: 'Manual' },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        title: 'Allocation List',
        objectType: 'Customer',
        type: 'Manual',
      });
      expect((await c7(sb, 'GET', `/tag/customer/${created.body.id}`)).body).toEqual(created.body);
      const dup = await c7(sb, 'POST', '/tag/customer', { body: { title: 'vip' } });
      expect(dup.status).toBe(409);
      expect((await c7(sb, 'GET', '/tag/product')).status).toBe(404);
      const cid = sb.store.ids('customers')[10]!;
      const tagged = await c7<C7Customer>(sb, 'PUT', `/customer/${cid}`, {
        body: { tags: [{ id: created.body.id }] },
      });
      expect(tagged.body.tags.map((t) => t.title)).toEqual(['Allocation List']);
    });
  });
});
