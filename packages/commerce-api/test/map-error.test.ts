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
    ).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Request validation failed',
      issues: [
        { field: 'sku', message: 'is required', code: 'required' },
        { field: 'items.0.quantity', message: 'must be at least 1' },
      ],
    });
  });

  it('reads a body without details, and gives up on one that is not the API’s', () => {
    expect(parseErrorBody({ code: 'NOT_FOUND', message: 'Product not found', details: null })).toEqual({
      code: 'NOT_FOUND',
      message: 'Product not found',
    });
    expect(parseErrorBody('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseErrorBody({ code: 5 })).toBeUndefined();
  });
});
