export * from './adapter';
export * from './adapter-kit';
export * from './errors';
export { checkId } from './ids';
export { type Address, type AddressInput, AddressInputSchema, AddressSchema } from './model/address';
export { type Customer, CustomerSchema, type CustomerStats, CustomerStatsSchema } from './model/customer';
export * from './model/inputs';
export * from './model/money';
export * from './model/order';
export * from './model/order-totals';
export * from './model/primitives';
export * from './model/product';
export { CURSOR_VERSION, type CursorPayload, decodeCursor, encodeCursor, sameFilters } from './paging/cursor';
export { iterateList, type NumberedPage, paginate, paginateParallel } from './paging/iterate';
export { filtersOf, nextCursor, type OpenedPage, openPage } from './paging/page-cursor';
export { supports, unsupported } from './support';
export * from './time';
export { DEFAULT_MAX_RESPONSE_BYTES, MAX_ERROR_BODY_BYTES } from './transport/body';
export {
  type ErrorBodyParser,
  errorFromResponse,
  type ParsedErrorBody,
} from './transport/error-from-response';
export { gapLimiter } from './transport/gap-limiter';
export { checkHeaderValue, checkHeaderValues } from './transport/headers';
export {
  type AuthProvider,
  checkBaseUrl,
  type QueryValue,
  Transport,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from './transport/http-client';
export { createMetrics, type TransportMetrics } from './transport/metrics';
export { encodePath, encodeSegment } from './transport/path';
export {
  hashKey,
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  redisLimiter,
  sharedLimiter,
  spacingFor,
} from './transport/rate-limit';
export {
  REDACTED,
  redactError,
  redactHeaders,
  redactString,
  redactValue,
  secretForms,
  toBase64,
} from './transport/redact';
export { MAX_REDIRECTS } from './transport/redirects';
export { DEFAULT_RETRY, isIdempotent, parseRetryAfter, type RetryOptions, sleep } from './transport/retry';
export * from './wire';
