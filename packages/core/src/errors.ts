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
  static override readonly kind = 'ResponseShapeError';
  readonly field: string;
  constructor(message: string, options: CommerceErrorOptions & { field: string }) {
    super(message, options);
    this.field = options.field;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
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
