import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../src/map-error';

describe('parseErrorBody', () => {
  it('reads the documented 401 body', () => {
    expect(
      parseErrorBody({ statusCode: 401, type: 'unauthorized', message: 'Unauthorized user', errors: [] }),
    ).toStrictEqual({
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
    expect(parseErrorBody(body)).toStrictEqual({
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

  it('falls back to param, then to the element position, to "invalid" and to code; skips null', () => {
    expect(
      parseErrorBody({
        errors: [
          null,
          { param: 'sku', code: 'required' },
          { field: 7, message: 'bad', type: 'any.invalid', code: 'ignored' },
          {
            field: 'a',
            path: 'ignored',
            key: 'ignored',
            param: 'ignored',
            message: 'first wins',
            error: 'ignored',
          },
        ],
      }),
    ).toStrictEqual({
      issues: [
        { field: 'sku', message: 'invalid', code: 'required' },
        { field: 'errors.2', message: 'bad', code: 'any.invalid' },
        { field: 'a', message: 'first wins' },
      ],
    });
  });

  it('a body with only unreadable errors has no issues', () => {
    expect(parseErrorBody({ errors: [null, 1] })).toStrictEqual({});
  });
});
