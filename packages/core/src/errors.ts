/** Which platform an error came from; `'core'` for errors raised before any platform is involved. */
export type ErrorPlatform = 'commerce7' | 'commercehq' | 'commerce-api' | 'core' | (string & {});

/** One field-level problem reported by a platform (or by input validation before sending). */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `email` or `lineItems.0.quantity`. */
  field: string;
  /** Human-readable message, as the platform sent it where it sent one. */
  message: string;
  /** Platform or validator code for the problem, where there is one. */
  code?: string;
}

export interface CommerceErrorOptions {
  platform?: ErrorPlatform;
  status?: number;
  code?: string;
  retryable?: boolean;
  requestId?: string;
  /** Response headers, already redacted. */
  headers?: Record<string, string>;
  /** The parsed error body, already redacted. */
  body?: unknown;
  cause?: unknown;
}

const MARKER = Symbol.for('storeport.error');
const KIND = Symbol.for('storeport.error.kind');

/**
 * Base of every error storeport raises. Checks work across two loaded copies of core (ESM and CJS):
 * use `NotFoundError.isInstance(e)` rather than `instanceof` when that can happen.
 */
export class CommerceError extends Error {
  static readonly kind: string = 'CommerceError';
  readonly [MARKER] = true;
  readonly platform: ErrorPlatform;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly body: unknown;

  constructor(message: string, options: CommerceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = (new.target as typeof CommerceError).kind;
    this.platform = options.platform ?? 'core';
    this.status = options.status;
    this.code = options.code;
    this.retryable = options.retryable ?? false;
    this.requestId = options.requestId;
    this.headers = options.headers;
    this.body = options.body;
    // Every subclass in the chain is recorded so isInstance() follows inheritance across copies.
    const kinds: string[] = [];
    // Stryker disable next-line OptionalChaining: equivalent, the chain ends at Error (no kind) before null
    for (let c = new.target as unknown as { kind?: string } | null; c?.kind; c = Object.getPrototypeOf(c)) {
      kinds.push(c.kind);
    }
    Object.defineProperty(this, KIND, { value: kinds, enumerable: false });
  }

  /** True for an error of this class (or a subclass), even one created by another copy of core. */
  static isInstance<T extends typeof CommerceError>(this: T, value: unknown): value is InstanceType<T> {
    if (typeof value !== 'object' || value === null || !(value as Record<symbol, unknown>)[MARKER])
      return false;
    const kinds = (value as Record<symbol, unknown>)[KIND];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      platform: this.platform,
      status: this.status,
      code: this.code,
      retryable: this.retryable,
      requestId: this.requestId,
    };
  }
}

export class AuthenticationError extends CommerceError {
  static override readonly kind = 'AuthenticationError';
}
export class PermissionError extends CommerceError {
  static override readonly kind = 'PermissionError';
}
export class NotFoundError extends CommerceError {
  static override readonly kind = 'NotFoundError';
}
export class ConflictError extends CommerceError {
  static override readonly kind = 'ConflictError';
}

export class ValidationError extends CommerceError {
  static override readonly kind = 'ValidationError';
  /** Field-level problems; empty when the platform named none. */
  readonly issues: FieldIssue[];
  constructor(message: string, options: CommerceErrorOptions & { issues?: FieldIssue[] } = {}) {
    super(message, options);
    this.issues = options.issues ?? [];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

export class RateLimitError extends CommerceError {
  static override readonly kind = 'RateLimitError';
  /** How long the platform asked us to wait, where it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: CommerceErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, { retryable: true, ...options });
    this.retryAfterMs = options.retryAfterMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

export class ServerError extends CommerceError {
  static override readonly kind = 'ServerError';
}
export class NetworkError extends CommerceError {
  static override readonly kind = 'NetworkError';
  constructor(message: string, options: CommerceErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }
}
export class TimeoutError extends CommerceError {
  static override readonly kind = 'TimeoutError';
  constructor(message: string, options: CommerceErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }
}
/** The call was cancelled through its `AbortSignal`. */
export class AbortError extends CommerceError {
  static override readonly kind = 'AbortError';
}
export class InvalidCursorError extends CommerceError {
  static override readonly kind = 'InvalidCursorError';
}
export class UnsupportedOperationError extends CommerceError {
  static override readonly kind = 'UnsupportedOperationError';
}
/** The platform answered with something the adapter cannot read; `field` names the first bad path. */
export class ResponseShapeError extends CommerceError {
  static override readonly kind: string = 'ResponseShapeError';
  readonly field: string;
  constructor(message: string, options: CommerceErrorOptions & { field: string }) {
    super(message, options);
    this.field = options.field;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}
/**
 * One record of a page failed validation while iterating (`onInvalidRecord: 'throw'`, the default).
 * The records before it were yielded; `resumeCursor` continues right after it.
 */
export class InvalidRecordError extends ResponseShapeError {
  static override readonly kind = 'InvalidRecordError';
  readonly resource: string;
  readonly recordId: string | null;
  readonly issues: FieldIssue[];
  readonly raw: unknown;
  /** Pass as `cursor` to go on with the record after this one. */
  readonly resumeCursor: string | null;
  constructor(
    message: string,
    options: CommerceErrorOptions & {
      field: string;
      resource: string;
      recordId: string | null;
      issues: FieldIssue[];
      raw: unknown;
      resumeCursor: string | null;
    },
  ) {
    super(message, { ...options, code: options.code ?? 'invalid_record' });
    this.resource = options.resource;
    this.recordId = options.recordId;
    this.issues = options.issues;
    this.raw = options.raw;
    this.resumeCursor = options.resumeCursor;
  }
  override toJSON(): Record<string, unknown> {
    // `raw` stays out: it may be large, and it is the platform's data, not the error's.
    return {
      ...super.toJSON(),
      resource: this.resource,
      recordId: this.recordId,
      issues: this.issues,
      resumeCursor: this.resumeCursor,
    };
  }
}
/** Invalid money or time input or output that cannot be converted exactly. */
export class ConversionError extends CommerceError {
  static override readonly kind = 'ConversionError';
}
/** Adapter options that are missing or wrong, raised at construction. */
export class ConfigurationError extends CommerceError {
  static override readonly kind = 'ConfigurationError';
}
/** A call on an adapter after its `close()`: refused before anything is sent (code `adapter_closed`). */
export class AdapterClosedError extends CommerceError {
  static override readonly kind = 'AdapterClosedError';
}
/**
 * The platform answered with a redirect storeport will not follow: to another origin, to plain
 * http, of a request other than GET/HEAD, an opaque redirect, or one hop too many. `target` names
 * where it pointed (origin and path only: no user info, query or fragment). Not retryable.
 */
export class RedirectError extends CommerceError {
  static override readonly kind = 'RedirectError';
  /** `origin + path` of the refused Location, secrets removed; undefined when the platform named none. */
  readonly target: string | undefined;
  constructor(message: string, options: CommerceErrorOptions & { target?: string }) {
    super(message, { code: 'redirect_refused', ...options, retryable: false });
    this.target = options.target;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), target: this.target };
  }
}
/** A response body larger than `maxResponseBytes`; reading stopped at the cap. Not retryable. */
export class ResponseTooLargeError extends CommerceError {
  static override readonly kind = 'ResponseTooLargeError';
  /** The cap that was exceeded, in bytes. */
  readonly limit: number;
  constructor(message: string, options: CommerceErrorOptions & { limit: number }) {
    super(message, { code: 'response_too_large', ...options, retryable: false });
    this.limit = options.limit;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limit: this.limit };
  }
}
