import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../src/map-error';
import seed422 from './__fixtures__/error-422.json';

describe('parseErrorBody', () => {
  it('reads the seed 422 body into one issue per message', () => {
    expect(parseErrorBody(seed422)).toStrictEqual({
      message:
        'Validation Failed: username: Username is required.; username: Username must contain only word characters.; email: Email address is invalid.',
      code: 'validation_failed',
      issues: [
        { field: 'username', message: 'Username is required.' },
        { field: 'username', message: 'Username must contain only word characters.' },
        { field: 'email', message: 'Email address is invalid.' },
      ],
    });
  });

  it('reads the seed 400 body', () => {
    expect(parseErrorBody({ message: 'Problems parsing JSON' })).toStrictEqual({
      message: 'Problems parsing JSON',
    });
  });

  it('reads a single message per field, a `base` error, a string of errors and a list of bodies', () => {
    expect(
      parseErrorBody({
        message: 'Validation Failed',
        errors: { email: 'Email is taken.', base: ['Order is locked.'] },
      })?.issues,
    ).toEqual([
      { field: 'email', message: 'Email is taken.' },
      { field: 'base', message: 'Order is locked.' },
    ]);
    expect(parseErrorBody({ message: 'Validation Failed', errors: 'Something is off.' })).toMatchObject({
      message: 'Validation Failed: Something is off.',
      issues: [{ field: 'base', message: 'Something is off.' }],
    });
    const list = parseErrorBody([
      { message: 'Validation Failed', errors: { title: ['Title is required.'] } },
      { message: 'Validation Failed', errors: { price: ['Price is required.'] } },
    ]);
    expect(list?.message).toBe('Validation Failed: title: Title is required.; price: Price is required.');
    expect(list?.issues).toHaveLength(2);
  });

  it("reads Yii2's body for the other statuses", () => {
    expect(
      parseErrorBody({ name: 'Not Found', message: 'Object not found: 99', code: 0, status: 404 }),
    ).toStrictEqual({
      message: 'Object not found: 99',
      code: 'not_found',
    });
  });

  it('gives up quietly on a body it does not know', () => {
    expect(parseErrorBody('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseErrorBody({ message: 5 })).toBeUndefined();
    expect(parseErrorBody(undefined)).toBeUndefined();
  });

  it('errors without a message make the message; a message that is not text is kept as JSON', () => {
    expect(parseErrorBody({ errors: { qty: [5, 'Qty is low.'] } })).toStrictEqual({
      message: 'qty: 5; qty: Qty is low.',
      code: 'validation_failed',
      issues: [
        { field: 'qty', message: '5' },
        { field: 'qty', message: 'Qty is low.' },
      ],
    });
    expect(parseErrorBody({ errors: { base: 'Order is locked.' } })?.message).toBe('Order is locked.');
  });

  it('an empty errors object still reports an empty issue list, and no code', () => {
    expect(parseErrorBody({ message: 'Validation Failed', errors: {} })).toStrictEqual({
      message: 'Validation Failed',
      issues: [],
    });
    expect(parseErrorBody({})).toStrictEqual({});
  });

  it('the code is the Yii2 name as a slug, trimmed of separators at either end', () => {
    expect(parseErrorBody({ name: ' Too Many Requests! ', message: 'Slow down' })?.code).toBe(
      'too_many_requests',
    );
    expect(parseErrorBody({ name: '__Internal__Error__' })?.code).toBe('internal_error');
    expect(parseErrorBody([{ message: 'A' }, { name: 'Bad Request', message: 'A' }])).toStrictEqual({
      message: 'A',
      code: 'bad_request',
    });
  });
});
