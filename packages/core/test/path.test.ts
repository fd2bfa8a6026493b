import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors';
import { encodePath, encodeSegment } from '../src/transport/path';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('encodeSegment', () => {
  it('percent-encodes everything that could end or change a segment', () => {
    expect(encodeSegment('a b/c?d#e%')).toBe('a%20b%2Fc%3Fd%23e%25');
    expect(encodeSegment(42)).toBe('42');
    expect(encodeSegment('...')).toBe('...');
    expect(encodeSegment('%2e%2e')).toBe('%252e%252e');
  });

  it.each([
    ['', 'must not be empty or only whitespace'],
    ['.', 'must not be "." or ".."'],
    ['..', 'must not be "." or ".."'],
  ])('rejects %j with a ValidationError naming the id and why (core checkId)', (id, why) => {
    const err = thrown(() => encodeSegment(id));
    expect(ValidationError.isInstance(err)).toBe(true);
    const v = err as ValidationError;
    expect(v.code).toBe('invalid_id');
    expect(v.message).toBe(`invalid id ${JSON.stringify(id)}: ${why}`);
    expect(v.issues).toEqual([{ field: 'id', message: why }]);
  });
});

describe('encodePath', () => {
  it('keeps the literal parts and encodes each value as one segment', () => {
    expect(encodePath`/customers/${'../admin'}`).toBe('/customers/..%2Fadmin');
    expect(encodePath`/customers/${'a b'}/addresses/${7}`).toBe('/customers/a%20b/addresses/7');
    expect(encodePath`/orders/${'1'}`).toBe('/orders/1');
    expect(encodePath`${'x'}`).toBe('x');
  });

  it('a template without values is returned as written', () => {
    expect(encodePath`/products`).toBe('/products');
  });

  it('rejects a dot segment among the values', () => {
    expect(ValidationError.isInstance(thrown(() => encodePath`/a/${'ok'}/b/${'..'}`))).toBe(true);
  });
});
