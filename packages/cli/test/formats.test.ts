import type { Customer, Order, Product } from '@storeport/core';
import { CustomerSchema, OrderSchema, ProductSchema } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../src/formats';
import { csvField, csvRow } from '../src/formats/csv';
import { MAX_DEPTH, safeJson } from '../src/formats/json';
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
  kind: 'sale',
  originalOrderId: null,
  refundOrderIds: [],
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
  otherCharges: [{ type: 'tip', title: 'Tip', amount: { amount: 250, currency: 'USD' } }],
  otherChargesTotal: { amount: 250, currency: 'USD' },
  taxesIncluded: false,
  adjustmentTotal: { amount: 0, currency: 'USD' },
  total: { amount: 7047, currency: 'USD' },
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
      kind: 'sale',
      originalOrderId: '',
      currency: 'USD',
      subtotal: '59.97',
      taxTotal: '0.05',
      shippingTotal: '7.95',
      otherChargesTotal: '2.50',
      adjustmentTotal: '0.00',
      total: '70.47',
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
  it('pads, cuts with an ellipsis, aligns numbers right and shows control characters as escapes', () => {
    expect(cell('abc', 5)).toBe('abc  ');
    expect(cell('abc', 5, 'right')).toBe('  abc');
    expect(cell('abcdefgh', 5)).toBe('abcd…');
    expect(cell('a\u001b[31mb', 14)).toBe('a\\u001b[31mb  ');
  });

  it('lines up every row under the header', () => {
    const f = createFormatter('table', 'orders');
    const lines = (f.header() + f.records([order])).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const totalAt = lines[0]!.indexOf('total');
    expect(lines[2]!.slice(totalAt, totalAt + 5)).toBe('70.47');
  });
});

describe('CSV formula guard (OWASP CSV injection)', () => {
  it('prefixes a quote to cells that start like a formula, and quotes them where RFC 4180 needs it', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('＝1+1')).toBe("'＝1+1");
    expect(csvField('-')).toBe("'-");
    expect(csvField('-1e3')).toBe("'-1e3");
  });

  it('leaves plain numbers (negative amounts included) and ordinary text alone', () => {
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('19.99')).toBe('19.99');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('ann@example.com')).toBe('ann@example.com');
  });

  it('guards every column of a formatted page, and --no-csv-guard writes the cells as they are', () => {
    const hostile = { ...order, email: '=cmd|"/C calc"!A0', note: '@evil', number: '+1' } as Order;
    const guarded = parseCsv(createFormatter('csv', 'orders').records([hostile]))[0]!;
    expect(guarded).toContain(`'=cmd|"/C calc"!A0`);
    expect(guarded).toContain("'@evil");
    expect(guarded).toContain("'+1");
    expect(guarded).toContain('-0.05');
    const raw = parseCsv(createFormatter('csv', 'orders', { guard: false }).records([hostile]))[0]!;
    expect(raw).toContain('=cmd|"/C calc"!A0');
    expect(raw).toContain('@evil');
    expect(raw).not.toContain("'@evil");
  });
});

/** A value `levels` arrays deep, built without recursion. */
function deep(levels: number): unknown {
  const root: unknown[] = [];
  let at = root;
  for (let i = 1; i < levels; i++) {
    const next: unknown[] = [];
    at.push(next);
    at = next;
  }
  at.push('bottom');
  return root;
}

describe('a record nested 20,000 levels deep', () => {
  const deepRaw = { ...order, raw: { payload: deep(20_000) } } as Order;
  const deepNote = { ...order, note: deep(20_000) } as unknown as Order;
  const deepTags = { ...customer, tags: [deep(20_000)] } as unknown as Customer;

  it('JSON Lines: valid JSON, cut at the depth limit with a placeholder', () => {
    const line = createFormatter('jsonl', 'orders').records([deepRaw]);
    const back = JSON.parse(line) as { raw: { payload: unknown } };
    let at: unknown = back.raw.payload;
    let levels = 0;
    while (Array.isArray(at)) {
      at = at[0];
      levels++;
    }
    expect(at).toBe('[nested too deep]');
    expect(levels).toBe(MAX_DEPTH - 2);
    expect(back).toMatchObject({ id: '1001', number: '#1001' });
  });

  it('CSV and table: the cell holds bounded JSON instead of overflowing the stack', () => {
    for (const format of ['csv', 'table'] as const) {
      const text = createFormatter(format, 'orders').records([deepNote]);
      expect(text).toContain('1001');
      if (format === 'csv') expect(text).toContain('[nested too deep]');
      const tags = createFormatter(format, 'customers').records([deepTags]);
      expect(tags).toContain('c-1');
    }
  });

  it('a record just within the limit is written whole, exactly as JSON.stringify writes it', () => {
    const within = { ...order, raw: deep(MAX_DEPTH - 1) } as Order;
    expect(createFormatter('jsonl', 'orders').records([within])).toBe(`${JSON.stringify(within)}\n`);
  });

  it('shared objects are written twice, a cycle as "[circular]"', () => {
    const shared = { city: 'Napa' };
    expect(JSON.parse(safeJson({ a: shared, b: shared }))).toEqual({ a: shared, b: shared });
    const cyclic: Record<string, unknown> = { x: 1 };
    cyclic.self = cyclic;
    expect(JSON.parse(safeJson(cyclic))).toEqual({ x: 1, self: '[circular]' });
  });
});

describe('JSON output and terminal-active characters', () => {
  it('escapes C1, DEL, bidi and invisible characters as \\u escapes that parse back to the same text', () => {
    const note = 'a\u009b2J\u007f\u202etxt.exe\u2066\u200b\u2028z\u{e0041}';
    const line = createFormatter('jsonl', 'orders').records([{ ...order, note }]);
    expect(line).toMatch(/^[\x20-\x7e\n]*$/);
    expect(line).toContain('\\u009b2J\\u007f\\u202etxt.exe\\u2066\\u200b\\u2028z\\udb40\\udc41');
    expect((JSON.parse(line) as Order).note).toBe(note);
  });

  it('leaves ordinary text, emoji and joiners byte for byte as JSON.stringify writes them', () => {
    const note = 'café 👩‍👩‍👧 می‌خواهم "q"\n';
    const line = createFormatter('jsonl', 'orders').records([{ ...order, note }]);
    expect(line).toBe(`${JSON.stringify({ ...order, note })}\n`);
  });
});
