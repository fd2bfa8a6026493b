import {
  AuthenticationError,
  CommerceError,
  type CommerceErrorOptions,
  ConflictError,
  type FieldIssue,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../errors';

/** What a platform's error-body parser extracts; every field optional. */
export interface ParsedErrorBody {
  message?: string;
  code?: string;
  issues?: FieldIssue[];
}

export type ErrorBodyParser = (body: unknown, status: number) => ParsedErrorBody | undefined;

export interface ResponseErrorContext {
  platform: string;
  method: string;
  /** Path relative to the base URL, without the query. */
  path: string;
  status: number;
  statusText: string;
  parsed: ParsedErrorBody | undefined;
  requestId?: string;
  headers: Record<string, string>;
  body: unknown;
  retryAfterMs?: number;
}

/** The error class for an HTTP status, with the platform's message and field issues. */
export function errorFromResponse(ctx: ResponseErrorContext): CommerceError {
  const detail = ctx.parsed?.message ?? ctx.statusText ?? '';
  const message = `${ctx.platform}: ${ctx.method} ${ctx.path} failed with ${ctx.status}${detail ? `: ${detail}` : ''}`;
  const options: CommerceErrorOptions = {
    platform: ctx.platform,
    status: ctx.status,
    headers: ctx.headers,
    body: ctx.body,
    ...(ctx.parsed?.code !== undefined ? { code: ctx.parsed.code } : {}),
    ...(ctx.requestId !== undefined ? { requestId: ctx.requestId } : {}),
  };
  const s = ctx.status;
  if (s === 400 || s === 422)
    return new ValidationError(message, { ...options, issues: ctx.parsed?.issues ?? [] });
  if (s === 401) return new AuthenticationError(message, options);
  if (s === 403) return new PermissionError(message, options);
  if (s === 404) return new NotFoundError(message, options);
  if (s === 409) return new ConflictError(message, options);
  if (s === 429) {
    return new RateLimitError(message, {
      ...options,
      ...(ctx.retryAfterMs !== undefined ? { retryAfterMs: ctx.retryAfterMs } : {}),
    });
  }
  if (s === 408) return new CommerceError(message, { ...options, retryable: true });
  if (s >= 500)
    return new ServerError(message, { ...options, retryable: s === 502 || s === 503 || s === 504 });
  return new CommerceError(message, options);
}
