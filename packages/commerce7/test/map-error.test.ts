import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../src/map-error';

describe('parseErrorBody', () => {
  it('reads the documented 401 body', () => {
    expect(
      parseErrorBody({ statusCode: 401, type: 'unauthorized', message: 'Unauthorized user', errors: [] }),
    ).toEqual({
      message: 'Unauthorized user',
      code: 'unauthorized',
    });
  });

  it('turns errors[] into field issues, whatever spelling an element uses', () => {
    const body = {
      statusCode: 422,
      type: 'validationError',
      message: '"emails.0.email" must be a valid email',
      errors: [
        { field: 'emails.0.email', message: '"emails.0.email" must be a valid email' },
        { path: ['variants', 0, 'price'], message: 'must be an integer', type: 'number.integer' },
        { key: 'title', error: 'is required' },
        'orderNumber is already used',
        42,
      ],
    };
    expect(parseErrorBody(body)).toEqual({
      message: '"emails.0.email" must be a valid email',
      code: 'validationError',
      issues: [
        { field: 'emails.0.email', message: '"emails.0.email" must be a valid email' },
        { field: 'variants.0.price', message: 'must be an integer', code: 'number.integer' },
        { field: 'title', message: 'is required' },
        { field: '(body)', message: 'orderNumber is already used' },
      ],
    });
  });

  it('yields nothing for bodies that are not Commerce7 errors', () => {
    expect(parseErrorBody('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseErrorBody(undefined)).toBeUndefined();
    expect(parseErrorBody({ message: 42 })).toBeUndefined();
  });
});
