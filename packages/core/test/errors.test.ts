import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  CommerceError,
  ConfigurationError,
  ConflictError,
  ConversionError,
  InvalidCursorError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '../src/errors';

const common = {
  platform: 'commercehq',
  status: 418,
  code: 'teapot',
  requestId: 'req-1',
  headers: { 'content-type': 'application/json' },
  body: { message: 'nope' },
};

/** Every class, how to build it with the common options, and whether it is retryable by default. */
const CLASSES: Array<{ cls: typeof CommerceError; make: () => CommerceError; retryable: boolean }> = [
  { cls: CommerceError, make: () => new CommerceError('m', common), retryable: false },
  { cls: AuthenticationError, make: () => new AuthenticationError('m', common), retryable: false },
  { cls: PermissionError, make: () => new PermissionError('m', common), retryable: false },
  { cls: NotFoundError, make: () => new NotFoundError('m', common), retryable: false },
  { cls: ConflictError, make: () => new ConflictError('m', common), retryable: false },
  { cls: ValidationError, make: () => new ValidationError('m', common), retryable: false },
  { cls: RateLimitError, make: () => new RateLimitError('m', common), retryable: true },
  { cls: ServerError, make: () => new ServerError('m', common), retryable: false },
  { cls: NetworkError, make: () => new NetworkError('m', common), retryable: true },
  { cls: TimeoutError, make: () => new TimeoutError('m', common), retryable: true },
  { cls: AbortError, make: () => new AbortError('m', common), retryable: false },
  { cls: InvalidCursorError, make: () => new InvalidCursorError('m', common), retryable: false },
  {
    cls: UnsupportedOperationError,
    make: () => new UnsupportedOperationError('m', common),
    retryable: false,
  },
  {
    cls: ResponseShapeError,
    make: () => new ResponseShapeError('m', { ...common, field: 'items.0.id' }),
    retryable: false,
  },
  { cls: ConversionError, make: () => new ConversionError('m', common), retryable: false },
  { cls: ConfigurationError, make: () => new ConfigurationError('m', common), retryable: false },
];

const MARKER = Symbol.for('storeport.error');
const KIND = Symbol.for('storeport.error.kind');

/** What another loaded copy of core (its CJS build next to our ESM one) would throw: same markers, other classes. */
function foreignError(kinds: string[], fields: Record<string, unknown> = {}): object {
  const err = Object.assign(new Error('from the other copy'), { [MARKER]: true, ...fields });
  Object.defineProperty(err, KIND, { value: kinds, enumerable: false });
  return err;
}

describe('error classes', () => {
  it.each(CLASSES.map((c) => [c.cls.kind, c] as const))(
    '%s sets every field',
    (kind, { cls, make, retryable }) => {
      const err = make();
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(CommerceError);
      expect(err).toBeInstanceOf(cls);
      expect(err.name).toBe(kind);
      expect(err.message).toBe('m');
      expect(err.platform).toBe('commercehq');
      expect(err.status).toBe(418);
      expect(err.code).toBe('teapot');
      expect(err.requestId).toBe('req-1');
      expect(err.retryable).toBe(retryable);
      expect(err.headers).toEqual(common.headers);
      expect(err.body).toEqual(common.body);
      expect(String(err)).toBe(`${kind}: m`);
      expect(cls.isInstance(err)).toBe(true);
      expect(CommerceError.isInstance(err)).toBe(true);
    },
  );

  it('defaults platform to core and retryable to false; retryable can be overridden both ways', () => {
    const bare = new NotFoundError('gone');
    expect(bare.platform).toBe('core');
    expect(bare.retryable).toBe(false);
    expect(bare.status).toBeUndefined();
    expect(bare.code).toBeUndefined();
    expect(bare.requestId).toBeUndefined();
    expect(new ServerError('x', { retryable: true }).retryable).toBe(true);
    expect(new NetworkError('x', { retryable: false }).retryable).toBe(false);
    expect(new RateLimitError('x').retryable).toBe(true);
  });

  it('keeps the cause', () => {
    const cause = new TypeError('fetch failed');
    expect(new NetworkError('x', { cause }).cause).toBe(cause);
    expect('cause' in new NetworkError('x')).toBe(false);
  });

  it('carries the subclass extras', () => {
    const v = new ValidationError('bad', {
      issues: [{ field: 'email', message: 'invalid', code: 'format' }],
    });
    expect(v.issues).toEqual([{ field: 'email', message: 'invalid', code: 'format' }]);
    expect(new ValidationError('bad').issues).toEqual([]);
    expect(new RateLimitError('slow', { retryAfterMs: 1500 }).retryAfterMs).toBe(1500);
    expect(new RateLimitError('slow').retryAfterMs).toBeUndefined();
    expect(new ResponseShapeError('shape', { field: 'total' }).field).toBe('total');
  });
});

describe('isInstance', () => {
  it('follows inheritance and nothing else', () => {
    const nf = new NotFoundError('gone');
    expect(NotFoundError.isInstance(nf)).toBe(true);
    expect(CommerceError.isInstance(nf)).toBe(true);
    expect(AuthenticationError.isInstance(nf)).toBe(false);
    expect(ServerError.isInstance(nf)).toBe(false);
    // The base class is not an instance of a subclass.
    expect(NotFoundError.isInstance(new CommerceError('x'))).toBe(false);
    for (const { cls, make } of CLASSES) {
      const err = make();
      for (const other of CLASSES) {
        const expected = other.cls === cls || other.cls === CommerceError;
        expect(other.cls.isInstance(err), `${other.cls.kind}.isInstance(${cls.kind})`).toBe(expected);
      }
    }
  });

  it('works across two loaded copies (same Symbol.for markers, different classes)', () => {
    const other = foreignError(['NotFoundError', 'CommerceError'], { status: 404 });
    expect(other).not.toBeInstanceOf(CommerceError);
    expect(NotFoundError.isInstance(other)).toBe(true);
    expect(CommerceError.isInstance(other)).toBe(true);
    expect(AuthenticationError.isInstance(other)).toBe(false);
    // A class defined in the other copy recognises ours too: the markers are registry symbols.
    const ours = new RateLimitError('slow') as unknown as Record<symbol, unknown>;
    expect(ours[Symbol.for('storeport.error')]).toBe(true);
    expect(ours[Symbol.for('storeport.error.kind')]).toEqual(['RateLimitError', 'CommerceError']);
  });

  it('the kind list of an error is not enumerable, so it stays out of logs and spreads', () => {
    const err = new ConflictError('dup');
    expect(Object.getOwnPropertyDescriptor(err, KIND)?.enumerable).toBe(false);
  });

  it('rejects look-alikes and non-objects', () => {
    for (const value of [
      undefined,
      null,
      'NotFoundError',
      404,
      new Error('plain'),
      { name: 'NotFoundError', status: 404 },
      foreignError(['NotFoundError']).constructor, // a function, not an error
      Object.assign(new Error('no kinds'), { [MARKER]: true }),
      foreignError(['NotFoundError'], { [MARKER]: false }),
    ]) {
      expect(NotFoundError.isInstance(value)).toBe(false);
    }
  });

  it('narrows the type', () => {
    const value: unknown = new RateLimitError('slow', { retryAfterMs: 5 });
    if (RateLimitError.isInstance(value)) expect(value.retryAfterMs).toBe(5);
    else expect.fail('not recognised');
  });
});

describe('toJSON', () => {
  it('has the public fields and never headers, body or cause', () => {
    for (const { make } of CLASSES) {
      const err = make();
      const json = err.toJSON();
      expect(json).toMatchObject({
        name: err.name,
        message: 'm',
        platform: 'commercehq',
        status: 418,
        code: 'teapot',
        retryable: err.retryable,
        requestId: 'req-1',
      });
      expect(json).not.toHaveProperty('headers');
      expect(json).not.toHaveProperty('body');
      expect(json).not.toHaveProperty('cause');
      const text = JSON.stringify(err);
      expect(text).not.toContain('nope');
      expect(text).not.toContain('content-type');
    }
  });

  it('includes the subclass extras', () => {
    const issues = [{ field: 'email', message: 'taken' }];
    expect(new ValidationError('bad', { issues }).toJSON().issues).toEqual(issues);
    expect(new RateLimitError('slow', { retryAfterMs: 2000 }).toJSON().retryAfterMs).toBe(2000);
    expect(new ResponseShapeError('shape', { field: 'items.0.total' }).toJSON().field).toBe('items.0.total');
  });
});
