import type { Customer, Order, Product } from '@storeport/core';
import { CustomerSchema, OrderSchema, ProductSchema } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../src/formats';
import { csvField, csvRow } from '../src/formats/csv';
import { money } from '../src/formats/record';
import { cell } from '../src/formats/table';

const address = {
  firstName: 'Ann',
  lastName: 'Lee',
  company: null,
  line1: '1 Main St',
  line2: null,
  city: 'Napa',
  region: 'CA',
  postalCode: '94558',
  country: 'US',
  phone: null,
};

const order: Order = OrderSchema.parse({
  platform: 'commercehq',
  id: '1001',
  number: '#1001',
  customerId: '7',
  email: 'ann@example.com',
  status: 'confirmed',
  paymentStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  currency: 'USD',
  channel: null,
  lineItems: [
    {
      id: 'l1',
      productId: 'p1',
      variantId: null,
      sku: 'PN-23',
      title: 'Pinot Noir, "Reserve"',
      quantity: 3,
      unitPrice: { amount: 1999, currency: 'USD' },
      total: { amount: 5997, currency: 'USD' },
    },
  ],
  subtotal: { amount: 5997, currency: 'USD' },
  discountTotal: { amount: 0, currency: 'USD' },
  taxTotal: { amount: 5, currency: 'USD' },
  shippingTotal: { amount: 795, currency: 'USD' },
  total: { amount: 6797, currency: 'USD' },
  refundedTotal: { amount: -5, currency: 'USD' },
  shippingAddress: address,
  billingAddress: null,
  note: 'leave at the door,\nplease',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
  raw: { id: 1001 },
});

const customer: Customer = CustomerSchema.parse({
  platform: 'commerce7',
  id: 'c-1',
  email: 'ann@example.com',
  firstName: 'Ann',
  lastName: 'Lee',
  phone: null,
  addresses: [address],
  tags: ['vip', 'club; gold'],
  note: null,
  stats: { orderCount: 2, lifetimeValue: { amount: 12345, currency: 'USD' }, lastOrderAt: null },
  createdAt: null,
  updatedAt: null,
  raw: {},
});

const product: Product = ProductSchema.parse({
  platform: 'commerce-api',
  id: 'p1',
  title: 'Sake',
  description: null,
  sku: 'SK-1',
  status: 'active',
  price: { amount: 1500, currency: 'JPY' },
  compareAtPrice: null,
  variants: [
    {
      id: 'v1',
      sku: null,
      title: null,
      price: null,
      compareAtPrice: null,
      options: [],
      inventoryQuantity: 4,
    },
    {
      id: 'v2',
      sku: null,
      title: null,
      price: null,
      compareAtPrice: null,
      options: [],
      inventoryQuantity: 6,
    },
  ],
  images: [],
  tags: [],
  vendor: null,
  type: null,
  createdAt: null,
  updatedAt: null,
  raw: {},
});

/** A small RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('money', () => {
  it('writes exact decimals by the currency exponent', () => {
    expect(money({ amount: 1999, currency: 'USD' })).toBe('19.99');
    expect(money({ amount: 5, currency: 'USD' })).toBe('0.05');
    expect(money({ amount: -5, currency: 'USD' })).toBe('-0.05');
    expect(money({ amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(money({ amount: 1234, currency: 'BHD' })).toBe('1.234');
    expect(money(null)).toBe('');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('')).toBe('');
    expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('writes a header and one row per record that read back exactly', () => {
    const f = createFormatter('csv', 'orders');
    const rows = parseCsv(f.header() + f.records([order, order]));
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['platform', 'id', 'number']);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(row).toMatchObject({
      platform: 'commercehq',
      number: '#1001',
      currency: 'USD',
      subtotal: '59.97',
      taxTotal: '0.05',
      shippingTotal: '7.95',
      total: '67.97',
      refundedTotal: '-0.05',
      lineItems: '1',
      quantity: '3',
      shipToCountry: 'US',
      note: 'leave at the door,\nplease',
    });
  });

  it('flattens customers and products with a currency column', () => {
    const c = createFormatter('csv', 'customers');
    const [ch, cr] = parseCsv(c.header() + c.records([customer]));
    const crow = Object.fromEntries(ch!.map((h, i) => [h, cr![i]]));
    expect(crow).toMatchObject({
      lifetimeValue: '123.45',
      currency: 'USD',
      tags: 'vip;club; gold',
      city: 'Napa',
    });
    const p = createFormatter('csv', 'products');
    const [ph, pr] = parseCsv(p.header() + p.records([product]));
    const prow = Object.fromEntries(ph!.map((h, i) => [h, pr![i]]));
    expect(prow).toMatchObject({
      price: '1500',
      currency: 'JPY',
      variants: '2',
      inventory: '10',
      compareAtPrice: '',
    });
  });
});

describe('JSON Lines', () => {
  it('writes one parseable record per line, raw included', () => {
    const f = createFormatter('jsonl', 'orders');
    expect(f.header()).toBe('');
    const lines = f.records([order, order]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const back = OrderSchema.parse(JSON.parse(lines[0]!));
    expect(back.raw).toEqual({ id: 1001 });
    expect(back.platform).toBe('commercehq');
  });
});

describe('table', () => {
  it('pads, cuts with an ellipsis, aligns numbers right and neutralises control characters', () => {
    expect(cell('abc', 5)).toBe('abc  ');
    expect(cell('abc', 5, 'right')).toBe('  abc');
    expect(cell('abcdefgh', 5)).toBe('abcd…');
    expect(cell('a\u001b[31mb', 8)).toBe('a [31mb ');
  });

  it('lines up every row under the header', () => {
    const f = createFormatter('table', 'orders');
    const lines = (f.header() + f.records([order])).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const totalAt = lines[0]!.indexOf('total');
    expect(lines[2]!.slice(totalAt, totalAt + 5)).toBe('67.97');
  });
});
