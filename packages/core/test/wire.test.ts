import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Capabilities, ResourceCapabilities } from '../src/adapter';
import {
  ConversionError,
  ResponseShapeError,
  UnsupportedOperationError,
  ValidationError,
} from '../src/errors';
import { CustomerInputSchema } from '../src/model/inputs';
import { supports, unsupported } from '../src/support';
import {
  parseInput,
  parseWire,
  readField,
  shapeErrorFromZod,
  wireDecimal,
  wireMinor,
  wireTime,
  wireUnix,
} from '../src/wire';

/** Runs `fn`, expects it to throw, returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return expect.fail('expected a throw');
}

const PageSchema = z.object({
  data: z.array(z.object({ id: z.number(), total: z.string() })),
  page: z.number().int(),
});

describe('parseWire', () => {
  it('returns the parsed value', () => {
    expect(
      parseWire('commerce-api', 'order page', PageSchema, { data: [{ id: 1, total: '1.00' }], page: 1 }),
    ).toEqual({ data: [{ id: 1, total: '1.00' }], page: 1 });
  });

  it('throws ResponseShapeError naming the first bad field', () => {
    const err = thrown(() =>
      parseWire('commerce-api', 'order page', PageSchema, {
        data: [
          { id: 1, total: '1.00' },
          { id: '2', total: '2.00' },
        ],
        page: 1,
      }),
    );
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    const shape = err as ResponseShapeError;
    expect(shape.field).toBe('data.1.id');
    expect(shape.platform).toBe('commerce-api');
    expect(shape.code).toBe('response_shape');
    expect(shape.retryable).toBe(false);
    expect(shape.message).toMatch(/^commerce-api: unreadable order page: field "data\.1\.id": /);
    expect(shape.message).toMatch(/number/);
  });

  it('names the root when the value itself is wrong', () => {
    const err = thrown(() => parseWire('commercehq', 'customer', PageSchema, 'oops')) as ResponseShapeError;
    expect(err.field).toBe('(root)');
    expect(err.message).toContain('field "(root)"');
  });

  it('shapeErrorFromZod names the root and says "invalid" for an error without issues', () => {
    const err = shapeErrorFromZod('commerce7', 'customer', new z.ZodError([]));
    expect(err.field).toBe('(root)');
    expect(err.message).toBe('commerce7: unreadable customer: field "(root)": invalid');
  });

  it('shapeErrorFromZod carries the status when given', () => {
    const result = PageSchema.safeParse({});
    if (result.success) expect.fail('should not parse');
    const err = shapeErrorFromZod('commerce7', 'GET /customers', result.error, 200);
    expect(err.status).toBe(200);
    expect(err.field).toBe('data');
    expect(shapeErrorFromZod('commerce7', 'x', result.error).status).toBeUndefined();
  });
});

describe('parseInput', () => {
  it('returns the parsed input', () => {
    expect(parseInput('commercehq', 'customer', CustomerInputSchema, { email: 'a@b.co' })).toEqual({
      email: 'a@b.co',
    });
  });

  it('throws ValidationError with one issue per bad field', () => {
    const err = thrown(() =>
      parseInput('commercehq', 'customer', CustomerInputSchema, {
        email: 'nope',
        addresses: [{ country: 'USA' }],
        extra: 1,
      }),
    );
    expect(ValidationError.isInstance(err)).toBe(true);
    const v = err as ValidationError;
    expect(v.platform).toBe('commercehq');
    expect(v.code).toBe('invalid_input');
    expect(v.status).toBeUndefined();
    const fields = v.issues.map((i) => i.field).sort();
    expect(fields).toEqual(['(root)', 'addresses.0.country', 'email']);
    for (const issue of v.issues) {
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.code).toEqual(expect.any(String));
    }
    expect(v.issues.find((i) => i.field === '(root)')?.code).toBe('unrecognized_keys');
    expect(v.message).toMatch(/^commercehq: invalid customer: /);
    expect(v.message).toContain('email: ');
    expect(v.message).toContain('addresses.0.country: country must be an ISO 3166-1 alpha-2 code');
  });

  it('joins the issues in its message with "; ", in the order zod reports them', () => {
    const v = thrown(() =>
      parseInput('commerce7', 'customer', CustomerInputSchema, {
        email: 'nope',
        addresses: [{ country: 'USA' }],
      }),
    ) as ValidationError;
    const summary = v.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    expect(v.issues).toHaveLength(2);
    expect(v.message).toBe(`commerce7: invalid customer: ${summary}`);
  });

  it('reports a refinement on the path it names', () => {
    const v = thrown(() => parseInput('commerce7', 'customer', CustomerInputSchema, {})) as ValidationError;
    expect(v.issues).toEqual([
      {
        field: 'email',
        message: 'a customer needs at least an email, a first name or a last name',
        code: 'custom',
      },
    ]);
  });
});

describe('wire conversions', () => {
  it('wireDecimal converts exactly, from strings and numbers', () => {
    expect(wireDecimal('commercehq', 'price', '7.95', 'USD')).toEqual({ amount: 795, currency: 'USD' });
    expect(wireDecimal('commercehq', 'price', 19.99, 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(wireDecimal('commercehq', 'price', 0.3, 'USD')).toEqual({ amount: 30, currency: 'USD' });
    expect(wireDecimal('commercehq', 'price', '1000', 'JPY')).toEqual({ amount: 1000, currency: 'JPY' });
    expect(wireDecimal('commercehq', 'price', '1.234', 'BHD')).toEqual({ amount: 1234, currency: 'BHD' });
  });

  it('wireDecimal rejects 8.165 USD with a ResponseShapeError naming the field', () => {
    const err = thrown(() => wireDecimal('commercehq', 'items.3.price', 8.165, 'USD'));
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    const shape = err as ResponseShapeError;
    expect(shape.field).toBe('items.3.price');
    expect(shape.platform).toBe('commercehq');
    expect(shape.code).toBe('response_shape');
    expect(shape.message).toMatch(/^commercehq: unreadable field "items\.3\.price": /);
    expect(shape.message).toContain('8.165');
    expect(ConversionError.isInstance(shape.cause)).toBe(true);
  });

  it('wireDecimal rounds half-even only on request', () => {
    expect(wireDecimal('commercehq', 'tax', 8.165, 'USD', 'half-even')).toEqual({
      amount: 816,
      currency: 'USD',
    });
    expect(wireDecimal('commercehq', 'tax', '8.175', 'USD', 'half-even')).toEqual({
      amount: 818,
      currency: 'USD',
    });
  });

  it('wireDecimal rejects what is not a decimal, and unknown currencies', () => {
    for (const [value, currency] of [
      ['1,000.00', 'USD'],
      ['', 'USD'],
      [Number.NaN, 'USD'],
      ['abc', 'USD'],
      ['1.5', 'JPY'],
      ['1.00', 'usd'],
    ] as const) {
      const err = thrown(() => wireDecimal('commercehq', 'total', value, currency));
      expect(ResponseShapeError.isInstance(err), `${String(value)} ${currency}`).toBe(true);
      expect((err as ResponseShapeError).field).toBe('total');
    }
  });

  it('wireMinor reads integer minor units', () => {
    expect(wireMinor('commerce7', 'total', 1999, 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(wireMinor('commerce7', 'total', '1999', 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    const err = thrown(() => wireMinor('commerce7', 'items.0.price', 19.99, 'USD')) as ResponseShapeError;
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect(err.field).toBe('items.0.price');
    expect(ResponseShapeError.isInstance(thrown(() => wireMinor('commerce7', 't', 'x', 'USD')))).toBe(true);
  });

  it('wireUnix reads Unix seconds', () => {
    expect(wireUnix('commercehq', 'created_at', 1_700_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(wireUnix('commercehq', 'created_at', '1700000000')).toBe('2023-11-14T22:13:20.000Z');
    const err = thrown(() => wireUnix('commercehq', 'updated_at', 'yesterday')) as ResponseShapeError;
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect(err.field).toBe('updated_at');
    expect(ResponseShapeError.isInstance(thrown(() => wireUnix('commercehq', 'x', -1)))).toBe(true);
  });

  it('wireTime normalises date strings to ISO 8601 UTC', () => {
    expect(wireTime('commerce7', 'createdAt', '2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000Z');
    expect(wireTime('commerce7', 'createdAt', '2026-01-02T05:04:05+02:00')).toBe('2026-01-02T03:04:05.000Z');
    const err = thrown(() => wireTime('commerce7', 'updatedAt', 'not a date')) as ResponseShapeError;
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect(err.field).toBe('updatedAt');
  });

  it('readField lets errors other than conversions through untouched', () => {
    const boom = new TypeError('boom');
    expect(
      thrown(() =>
        readField('commerce7', 'x', () => {
          throw boom;
        }),
      ),
    ).toBe(boom);
    expect(readField('commerce7', 'x', () => 42)).toBe(42);
  });
});

describe('support', () => {
  const resource = (operations: readonly string[]): ResourceCapabilities => ({
    operations: operations as ResourceCapabilities['operations'],
    filters: [],
    sorts: [],
    maxPageSize: 50,
    defaultPageSize: 20,
    parallelPages: false,
  });
  const capabilities: Capabilities = {
    customers: resource(['list', 'get', 'create', 'update', 'delete']),
    orders: { ...resource(['list', 'get', 'update']), operations: ['list', 'get', 'update', 'fulfill'] },
    products: resource(['list', 'get']),
  };

  it('unsupported throws UnsupportedOperationError naming the platform, resource and operation', () => {
    const err = thrown(() => unsupported('commercehq', 'orders', 'refund', 'the API has no refunds'));
    expect(UnsupportedOperationError.isInstance(err)).toBe(true);
    const e = err as UnsupportedOperationError;
    expect(e.message).toBe('commercehq does not support orders.refund: the API has no refunds');
    expect(e.platform).toBe('commercehq');
    expect(e.code).toBe('unsupported_operation');
    expect(e.retryable).toBe(false);
    expect((thrown(() => unsupported('commerce7', 'products', 'delete')) as Error).message).toBe(
      'commerce7 does not support products.delete',
    );
  });

  it('supports reads the capabilities', () => {
    expect(supports(capabilities, 'orders', 'fulfill')).toBe(true);
    expect(supports(capabilities, 'orders', 'refund')).toBe(false);
    expect(supports(capabilities, 'customers', 'delete')).toBe(true);
    expect(supports(capabilities, 'products', 'create')).toBe(false);
    expect(supports(capabilities, 'products', 'refund')).toBe(false);
  });
});
