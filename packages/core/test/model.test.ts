import { describe, expect, it } from 'vitest';
import { type Address, AddressInputSchema, AddressSchema } from '../src/model/address';
import { type Customer, CustomerSchema } from '../src/model/customer';
import {
  CustomerInputSchema,
  CustomerUpdateSchema,
  FulfillmentInputSchema,
  OrderInputSchema,
  OrderStatusInputSchema,
  OrderUpdateSchema,
  ProductInputSchema,
  ProductUpdateSchema,
  RefundInputSchema,
  StatusUpdateOptionsSchema,
  VariantInputSchema,
} from '../src/model/inputs';
import {
  FULFILLMENT_STATUSES,
  FulfillmentStatusSchema,
  type LineItem,
  LineItemSchema,
  ORDER_STATUSES,
  type Order,
  OrderSchema,
  OrderStatusSchema,
  PAYMENT_STATUSES,
  PaymentStatusSchema,
} from '../src/model/order';
import { totalsAdjustment } from '../src/model/order-totals';
import { IdSchema, lenientEnum, MoneySchema, TimestampSchema } from '../src/model/primitives';
import {
  ImageSchema,
  PRODUCT_STATUSES,
  type Product,
  ProductSchema,
  ProductStatusSchema,
  VariantSchema,
} from '../src/model/product';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const T = '2026-01-02T03:04:05.000Z';

const address: Address = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: null,
  line1: '1 Main St',
  line2: null,
  city: 'Napa',
  region: 'CA',
  postalCode: '94558',
  country: 'US',
  phone: null,
};

const customer: Customer = {
  platform: 'commercehq',
  id: '30',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  phone: null,
  addresses: [address],
  tags: ['vip'],
  note: null,
  stats: { orderCount: 3, lifetimeValue: usd(12_000), lastOrderAt: T },
  createdAt: T,
  updatedAt: null,
  raw: { id: 30 },
};

const line: LineItem = {
  id: 'l1',
  productId: 'p1',
  variantId: null,
  sku: 'SKU-1',
  title: 'Pinot Noir 2023',
  quantity: 2,
  unitPrice: usd(4200),
  total: usd(8400),
};

const order: Order = {
  platform: 'commerce7',
  id: 'o1',
  number: '1001',
  customerId: '30',
  email: 'ada@example.com',
  kind: 'sale',
  originalOrderId: null,
  refundOrderIds: [],
  status: 'confirmed',
  paymentStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  currency: 'USD',
  channel: 'web',
  lineItems: [line],
  subtotal: usd(8400),
  discountTotal: usd(0),
  taxTotal: usd(700),
  shippingTotal: usd(1000),
  otherCharges: [{ type: 'tip', title: 'Tip', amount: usd(500) }],
  otherChargesTotal: usd(500),
  taxesIncluded: false,
  adjustmentTotal: usd(0),
  total: usd(10_600),
  refundedTotal: usd(0),
  shippingAddress: address,
  billingAddress: null,
  note: null,
  createdAt: T,
  updatedAt: T,
  raw: { anything: ['goes'] },
};

const product: Product = {
  platform: 'commerce-api',
  id: 'p1',
  title: 'Pinot Noir 2023',
  description: null,
  sku: 'PN-23',
  status: 'active',
  price: usd(4200),
  compareAtPrice: null,
  variants: [
    {
      id: 'v1',
      sku: 'PN-23-750',
      title: '750 ml',
      price: usd(4200),
      compareAtPrice: null,
      options: ['750 ml'],
      inventoryQuantity: 12,
    },
  ],
  images: [{ id: null, url: 'https://cdn.example.com/pn.jpg' }],
  tags: [],
  vendor: null,
  type: 'Wine',
  createdAt: null,
  updatedAt: null,
  raw: null,
};

describe('primitives', () => {
  it('Money: integer minor units and an upper-case ISO 4217 code', () => {
    expect(MoneySchema.parse(usd(1999))).toEqual(usd(1999));
    expect(MoneySchema.parse({ amount: -5, currency: 'JPY' })).toEqual({ amount: -5, currency: 'JPY' });
    for (const bad of [
      { amount: 19.99, currency: 'USD' },
      { amount: '1999', currency: 'USD' },
      { amount: Number.MAX_SAFE_INTEGER + 1, currency: 'USD' },
      { amount: Number.NaN, currency: 'USD' },
      { amount: 1, currency: 'usd' },
      { amount: 1, currency: 'US' },
      { amount: 1, currency: 'USDX' },
      { amount: 1 },
      { currency: 'USD' },
    ]) {
      expect(MoneySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('Timestamp: ISO 8601 UTC only', () => {
    expect(TimestampSchema.safeParse(T).success).toBe(true);
    expect(TimestampSchema.safeParse('2026-01-02T03:04:05Z').success).toBe(true);
    expect(TimestampSchema.safeParse('2026-01-02T03:04:05+02:00').success).toBe(false);
    expect(TimestampSchema.safeParse('2026-01-02').success).toBe(false);
    expect(TimestampSchema.safeParse(1_700_000_000).success).toBe(false);
  });

  it('Id: a non-empty string', () => {
    expect(IdSchema.safeParse('1').success).toBe(true);
    expect(IdSchema.safeParse('').success).toBe(false);
    expect(IdSchema.safeParse(1).success).toBe(false);
  });

  it('lenientEnum maps what it does not know to "unknown"', () => {
    const schema = lenientEnum(['a', 'b']);
    expect(schema.parse('a')).toBe('a');
    expect(schema.parse('unknown')).toBe('unknown');
    expect(schema.parse('c')).toBe('unknown');
    expect(schema.parse(42)).toBe('unknown');
    expect(schema.parse(undefined)).toBe('unknown');
  });

  it('the unified status enums are the documented ones, plus unknown', () => {
    expect(ORDER_STATUSES).toEqual(['pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'refunded']);
    expect(PAYMENT_STATUSES).toEqual([
      'unpaid',
      'authorized',
      'paid',
      'partially_refunded',
      'refunded',
      'voided',
    ]);
    expect(FULFILLMENT_STATUSES).toEqual([
      'unfulfilled',
      'partially_fulfilled',
      'fulfilled',
      'partially_shipped',
      'shipped',
      'delivered',
      'not_required',
    ]);
    expect(PRODUCT_STATUSES).toEqual(['active', 'draft', 'archived']);
    for (const s of [...ORDER_STATUSES, 'unknown']) expect(OrderStatusSchema.parse(s)).toBe(s);
    for (const s of PAYMENT_STATUSES) expect(PaymentStatusSchema.parse(s)).toBe(s);
    for (const s of FULFILLMENT_STATUSES) expect(FulfillmentStatusSchema.parse(s)).toBe(s);
    for (const s of PRODUCT_STATUSES) expect(ProductStatusSchema.parse(s)).toBe(s);
    expect(OrderStatusSchema.parse('Shipped')).toBe('unknown');
    expect(PaymentStatusSchema.parse('partially_refunded')).toBe('partially_refunded');
    expect(PaymentStatusSchema.parse('chargeback')).toBe('unknown');
    expect(FulfillmentStatusSchema.parse('not_required')).toBe('not_required');
    expect(FulfillmentStatusSchema.parse('in_transit')).toBe('unknown');
    expect(ProductStatusSchema.parse('archived')).toBe('archived');
    expect(ProductStatusSchema.parse('hidden')).toBe('unknown');
  });
});

describe('Address', () => {
  it('accepts a full address and nulls; id is optional', () => {
    expect(AddressSchema.parse(address)).toEqual(address);
    expect(AddressSchema.parse({ ...address, id: 'a1' }).id).toBe('a1');
    expect(AddressSchema.parse({ ...address, id: null }).id).toBeNull();
  });

  it('rejects a country that is not ISO 3166-1 alpha-2 and missing fields', () => {
    expect(AddressSchema.safeParse({ ...address, country: 'USA' }).success).toBe(false);
    expect(AddressSchema.safeParse({ ...address, country: 'us' }).success).toBe(false);
    const { city: _city, ...noCity } = address;
    expect(AddressSchema.safeParse(noCity).success).toBe(false);
  });

  it('AddressInput: any subset, strict, country checked', () => {
    expect(AddressInputSchema.parse({})).toEqual({});
    expect(AddressInputSchema.parse({ city: 'Napa', country: 'US' })).toEqual({
      city: 'Napa',
      country: 'US',
    });
    expect(AddressInputSchema.safeParse({ country: 'usa' }).success).toBe(false);
    expect(AddressInputSchema.safeParse({ street: '1 Main St' }).success).toBe(false);
    expect(AddressInputSchema.safeParse({ city: null }).success).toBe(false);
  });
});

describe('records', () => {
  it('Customer accepts a valid record, with and without stats', () => {
    expect(CustomerSchema.parse(customer)).toEqual(customer);
    expect(CustomerSchema.parse({ ...customer, stats: null }).stats).toBeNull();
    expect(
      CustomerSchema.parse({
        ...customer,
        stats: { orderCount: null, lifetimeValue: null, lastOrderAt: null },
      }).stats,
    ).toEqual({ orderCount: null, lifetimeValue: null, lastOrderAt: null });
  });

  it('Customer rejects wrong shapes', () => {
    for (const bad of [
      { ...customer, id: 30 },
      { ...customer, id: '' },
      { ...customer, tags: [{ title: 'vip' }] },
      { ...customer, createdAt: '02/01/2026' },
      { ...customer, stats: { ...customer.stats, orderCount: -1 } },
      { ...customer, stats: { ...customer.stats, lifetimeValue: { amount: 1.5, currency: 'USD' } } },
      { ...customer, addresses: [{ ...address, country: 'United States' }] },
      (({ platform: _p, ...rest }) => rest)(customer),
    ]) {
      expect(CustomerSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('raw is kept untouched, whatever it is', () => {
    const raw = { nested: { deep: [1, 'two', null] } };
    expect(CustomerSchema.parse({ ...customer, raw }).raw).toBe(raw);
  });

  it('Order accepts a valid record', () => {
    expect(OrderSchema.parse(order)).toEqual(order);
  });

  it('Order: an unknown status becomes "unknown" without failing the record', () => {
    const parsed = OrderSchema.parse({
      ...order,
      status: 'on_hold',
      paymentStatus: 'chargeback',
      fulfillmentStatus: 'in_transit',
      raw: { status: 'on_hold' },
    });
    expect(parsed.status).toBe('unknown');
    expect(parsed.paymentStatus).toBe('unknown');
    expect(parsed.fulfillmentStatus).toBe('unknown');
    expect(parsed.raw).toEqual({ status: 'on_hold' });
    expect(parsed.total).toEqual(order.total);
  });

  it('Order rejects wrong shapes', () => {
    for (const bad of [
      { ...order, number: 1001 },
      { ...order, currency: 'usd' },
      { ...order, total: { amount: 101.0001, currency: 'USD' } },
      { ...order, total: null },
      { ...order, lineItems: [{ ...line, quantity: 1.5 }] },
      { ...order, lineItems: [{ ...line, title: null }] },
      { ...order, shippingAddress: { line1: 'x' } },
      { ...order, createdAt: 'yesterday' },
    ]) {
      expect(OrderSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('LineItem accepts nullable ids', () => {
    expect(LineItemSchema.parse({ ...line, id: null, productId: null, sku: null })).toMatchObject({
      id: null,
    });
  });

  it('Product accepts a valid record and maps an unknown status to "unknown"', () => {
    expect(ProductSchema.parse(product)).toEqual(product);
    expect(ProductSchema.parse({ ...product, status: 'hidden' }).status).toBe('unknown');
  });

  it('Product, Variant and Image reject wrong shapes', () => {
    for (const bad of [
      { ...product, title: null },
      { ...product, price: { amount: 42, currency: 'usd' } },
      { ...product, variants: [{ ...product.variants[0], id: '' }] },
      { ...product, variants: [{ ...product.variants[0], inventoryQuantity: 1.5 }] },
      { ...product, images: [{ id: null }] },
      { ...product, tags: 'a,b' },
    ]) {
      expect(ProductSchema.safeParse(bad).success).toBe(false);
    }
    expect(VariantSchema.safeParse({ ...product.variants[0], options: 'Red' }).success).toBe(false);
    expect(ImageSchema.safeParse({ id: '1', url: 'u', alt: null }).success).toBe(true);
  });
});

describe('inputs', () => {
  it('CustomerInput needs an email or a name', () => {
    expect(CustomerInputSchema.parse({ email: 'ada@example.com' })).toEqual({ email: 'ada@example.com' });
    expect(CustomerInputSchema.safeParse({ firstName: 'Ada' }).success).toBe(true);
    expect(CustomerInputSchema.safeParse({ lastName: 'Lovelace' }).success).toBe(true);
    const none = CustomerInputSchema.safeParse({ phone: '+1 555 0100', tags: ['vip'] });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.path).toEqual(['email']);
    expect(CustomerInputSchema.safeParse({}).success).toBe(false);
  });

  it('CustomerInput checks the fields it has', () => {
    expect(CustomerInputSchema.safeParse({ email: 'not-an-email' }).success).toBe(false);
    expect(CustomerInputSchema.safeParse({ firstName: '   ' }).success).toBe(false);
    expect(CustomerInputSchema.safeParse({ email: 'a@b.co', tags: [''] }).success).toBe(false);
    expect(CustomerInputSchema.safeParse({ email: 'a@b.co', addresses: [{ country: 'USA' }] }).success).toBe(
      false,
    );
    expect(CustomerInputSchema.parse({ firstName: '  Ada ' }).firstName).toBe('Ada');
    expect(
      CustomerInputSchema.parse({ email: 'a@b.co', platformFields: { custom: { x: 1 } } }).platformFields,
    ).toEqual({ custom: { x: 1 } });
  });

  it('strict objects reject unknown keys', () => {
    expect(CustomerInputSchema.safeParse({ email: 'a@b.co', emial: 'typo' }).success).toBe(false);
    expect(CustomerUpdateSchema.safeParse({ nickname: 'x' }).success).toBe(false);
    expect(ProductInputSchema.safeParse({ title: 'T', colour: 'red' }).success).toBe(false);
    expect(ProductUpdateSchema.safeParse({ name: 'T' }).success).toBe(false);
    expect(VariantInputSchema.safeParse({ size: 'XL' }).success).toBe(false);
    expect(OrderUpdateSchema.safeParse({ note: 'x', status: 'shipped' }).success).toBe(false);
    expect(FulfillmentInputSchema.safeParse({ tracking: '1Z' }).success).toBe(false);
    expect(RefundInputSchema.safeParse({ amount: usd(1), why: 'x' }).success).toBe(false);
    expect(
      ProductInputSchema.safeParse({ title: 'T', images: [{ url: 'https://x.test/a.jpg', w: 1 }] }).success,
    ).toBe(false);
  });

  it('CustomerUpdate takes any subset and clears with null where allowed', () => {
    expect(CustomerUpdateSchema.parse({})).toEqual({});
    expect(CustomerUpdateSchema.parse({ phone: null, note: null })).toEqual({ phone: null, note: null });
    expect(CustomerUpdateSchema.safeParse({ email: null }).success).toBe(false);
  });

  it('ProductInput requires a title; ProductUpdate does not', () => {
    expect(ProductInputSchema.safeParse({ price: usd(4200) }).success).toBe(false);
    expect(ProductInputSchema.safeParse({ title: '' }).success).toBe(false);
    expect(ProductInputSchema.parse({ title: 'Pinot Noir 2023', price: usd(4200) })).toEqual({
      title: 'Pinot Noir 2023',
      price: usd(4200),
    });
    expect(ProductUpdateSchema.parse({ price: usd(1) })).toEqual({ price: usd(1) });
    expect(ProductUpdateSchema.parse({})).toEqual({});
  });

  it('negative prices and stock are rejected, zero is fine', () => {
    expect(ProductInputSchema.safeParse({ title: 'T', price: usd(-1) }).success).toBe(false);
    expect(ProductInputSchema.safeParse({ title: 'T', compareAtPrice: usd(-1) }).success).toBe(false);
    expect(ProductInputSchema.safeParse({ title: 'T', inventoryQuantity: -1 }).success).toBe(false);
    expect(ProductInputSchema.safeParse({ title: 'T', variants: [{ price: usd(-100) }] }).success).toBe(
      false,
    );
    expect(ProductUpdateSchema.safeParse({ price: usd(-1) }).success).toBe(false);
    const neg = ProductInputSchema.safeParse({ title: 'T', price: usd(-1) });
    expect(neg.error?.issues[0]?.path).toEqual(['price', 'amount']);
    expect(ProductInputSchema.safeParse({ title: 'T', price: usd(0) }).success).toBe(true);
    expect(
      ProductInputSchema.safeParse({ title: 'T', price: { amount: 1.5, currency: 'USD' } }).success,
    ).toBe(false);
  });

  it('ProductInput: the status is strict (no "unknown" on the way in)', () => {
    expect(ProductInputSchema.safeParse({ title: 'T', status: 'draft' }).success).toBe(true);
    expect(ProductInputSchema.safeParse({ title: 'T', status: 'unknown' }).success).toBe(false);
    expect(ProductInputSchema.safeParse({ title: 'T', status: 'hidden' }).success).toBe(false);
  });

  it('OrderInput needs line items, each with a product, variant or sku and a positive quantity', () => {
    expect(OrderInputSchema.safeParse({ lineItems: [] }).success).toBe(false);
    expect(OrderInputSchema.safeParse({ lineItems: [{ quantity: 1 }] }).success).toBe(false);
    expect(OrderInputSchema.safeParse({ lineItems: [{ sku: 'S', quantity: 0 }] }).success).toBe(false);
    expect(OrderInputSchema.safeParse({ lineItems: [{ sku: 'S', quantity: 1 }] }).success).toBe(true);
    expect(
      OrderInputSchema.safeParse({ currency: 'usd', lineItems: [{ sku: 'S', quantity: 1 }] }).success,
    ).toBe(false);
  });

  it('RefundInput: amount must be positive integer money', () => {
    expect(RefundInputSchema.parse({ amount: usd(500), notify: true })).toEqual({
      amount: usd(500),
      notify: true,
    });
    for (const amount of [
      usd(0),
      usd(-500),
      { amount: 5.5, currency: 'USD' },
      { amount: 5, currency: 'usd' },
    ]) {
      expect(RefundInputSchema.safeParse({ amount }).success, JSON.stringify(amount)).toBe(false);
    }
    expect(RefundInputSchema.safeParse({}).success).toBe(false);
  });

  it('FulfillmentInput checks quantities and URLs', () => {
    expect(FulfillmentInputSchema.parse({})).toEqual({});
    expect(
      FulfillmentInputSchema.safeParse({ lineItems: [{ id: 'l1', quantity: 1 }], trackingNumber: '1Z' })
        .success,
    ).toBe(true);
    expect(FulfillmentInputSchema.safeParse({ lineItems: [{ id: 'l1', quantity: 0 }] }).success).toBe(false);
    expect(FulfillmentInputSchema.safeParse({ trackingUrl: 'not a url' }).success).toBe(false);
    expect(FulfillmentInputSchema.safeParse({ trackingNumber: '' }).success).toBe(false);
  });

  it('status inputs are strict', () => {
    expect(OrderStatusInputSchema.safeParse('shipped').success).toBe(true);
    expect(OrderStatusInputSchema.safeParse('unknown').success).toBe(false);
    expect(StatusUpdateOptionsSchema.safeParse({ reason: ' ' }).success).toBe(false);
    expect(StatusUpdateOptionsSchema.safeParse({ reason: 'fraud' }).success).toBe(true);
    expect(StatusUpdateOptionsSchema.safeParse({ why: 'fraud' }).success).toBe(false);
  });
});

describe('order totals', () => {
  const parts = {
    subtotal: usd(8400),
    discountTotal: usd(400),
    shippingTotal: usd(1000),
    taxTotal: usd(700),
    otherChargesTotal: usd(500),
    taxesIncluded: false,
    total: usd(10_200),
  };
  it('is zero when the parts add up to the total', () => {
    expect(totalsAdjustment(parts)).toEqual(usd(0));
    expect(totalsAdjustment(order)).toEqual(usd(0));
  });
  it('leaves tax out when prices include it', () => {
    expect(totalsAdjustment({ ...parts, taxesIncluded: true, total: usd(9500) })).toEqual(usd(0));
    expect(totalsAdjustment({ ...parts, taxesIncluded: true })).toEqual(usd(700));
  });
  it('is the signed remainder when the platform total does not add up', () => {
    expect(totalsAdjustment({ ...parts, total: usd(10_199) })).toEqual(usd(-1));
    expect(totalsAdjustment({ ...parts, otherChargesTotal: usd(0) })).toEqual(usd(500));
  });
  it('works on refunds, whose amounts are negative', () => {
    const neg = (m: { amount: number; currency: string }) => ({ ...m, amount: -m.amount });
    expect(
      totalsAdjustment({
        ...parts,
        subtotal: neg(parts.subtotal),
        discountTotal: neg(parts.discountTotal),
        shippingTotal: neg(parts.shippingTotal),
        taxTotal: neg(parts.taxTotal),
        otherChargesTotal: neg(parts.otherChargesTotal),
        total: neg(parts.total),
      }),
    ).toEqual(usd(0));
  });
  it('reads an unknown kind or charge type as unknown rather than refusing the order', () => {
    const parsed = OrderSchema.parse({
      ...order,
      kind: 'layaway',
      otherCharges: [{ type: 'bag-levy', title: null, amount: usd(5) }],
    });
    expect(parsed.kind).toBe('unknown');
    expect(parsed.otherCharges[0]?.type).toBe('unknown');
  });
});
