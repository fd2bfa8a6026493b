import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../src/map-error';

describe('parseErrorBody', () => {
  it('reads {code, message, details} with field details', () => {
    expect(
      parseErrorBody({
        code: 'VALIDATION_ERROR',
        message: 'Request validation failed',
        details: [
          { field: 'sku', message: 'is required', code: 'required' },
          { path: ['items', 0, 'quantity'], msg: 'must be at least 1' },
          'not an object',
        ],
      }),
    ).toStrictEqual({
      code: 'VALIDATION_ERROR',
      message: 'Request validation failed',
      issues: [
        { field: 'sku', message: 'is required', code: 'required' },
        { field: 'items.0.quantity', message: 'must be at least 1' },
      ],
    });
  });

  it('reads a body without details, and gives up on one that is not the API’s', () => {
    expect(parseErrorBody({ code: 'NOT_FOUND', message: 'Product not found', details: null })).toStrictEqual({
      code: 'NOT_FOUND',
      message: 'Product not found',
    });
    expect(parseErrorBody('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseErrorBody({ code: 5 })).toBeUndefined();
  });

  it('reads the aliases name/path and msg/reason, prefers field and message, and skips null details', () => {
    expect(
      parseErrorBody({
        details: [
          null,
          { name: 'email', reason: 'is taken' },
          { path: 'sku', message: 'is required', msg: 'ignored' },
          { field: 'title', name: 'ignored', path: 'ignored', message: 'is too long', code: 'too_long' },
          { code: 7 },
        ],
      }),
    ).toStrictEqual({
      issues: [
        { field: 'email', message: 'is taken' },
        { field: 'sku', message: 'is required' },
        { field: 'title', message: 'is too long', code: 'too_long' },
        { field: '', message: '' },
      ],
    });
  });

  it('an empty body of the right shape gives nothing but is still read', () => {
    expect(parseErrorBody({})).toStrictEqual({});
    expect(parseErrorBody({ details: [] })).toStrictEqual({ issues: [] });
  });
});
