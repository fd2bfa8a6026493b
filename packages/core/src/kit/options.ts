import { z } from 'zod';
import { ConfigurationError } from '../errors';
import type { LimiterLike } from '../transport/rate-limit';

const isFunction = (v: unknown) => typeof v === 'function';

/**
 * The transport settings every adapter's options take, as one zod shape to `extend`: each
 * platform adds its credentials and particulars.
 */
export const TransportSettingsSchema = z.object({
  /** https, or http on a loopback host. */
  baseUrl: z.string().optional(),
  fetch: z.custom<typeof globalThis.fetch>(isFunction, 'must be a fetch function').optional(),
  /** A bottleneck limiter of your own (`{ schedule }`), or `false` for no client-side limit. */
  limiter: z
    .union([
      z.literal(false),
      z.custom<LimiterLike>(
        (v) => typeof v === 'object' && v !== null && isFunction((v as LimiterLike).schedule),
        'must have a schedule() method, or be false',
      ),
    ])
    .optional(),
  rateLimit: z
    .object({ limit: z.number().positive().finite(), windowMs: z.number().positive().finite() })
    .optional(),
  redis: z.record(z.string(), z.unknown()).optional(),
  retry: z
    .union([
      z.literal(false),
      z.object({
        retries: z.number().int().nonnegative().optional(),
        baseDelayMs: z.number().nonnegative().optional(),
        maxDelayMs: z.number().nonnegative().optional(),
        maxRetryAfterMs: z.number().nonnegative().optional(),
        statuses: z.array(z.number().int()).optional(),
      }),
    ])
    .optional(),
  timeoutMs: z.number().positive().finite().optional(),
  maxResponseBytes: z.number().int().positive().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export type TransportSettings = z.infer<typeof TransportSettingsSchema>;

/**
 * Options checked against a platform's schema; the first problem is a ConfigurationError naming
 * the option (`@storeport/<platform>: "tenant" is required`), never echoing its value.
 */
export function parseOptions<S extends z.ZodType>(platform: string, schema: S, input: unknown): z.output<S> {
  if (input === null || typeof input !== 'object') {
    throw new ConfigurationError(`@storeport/${platform}: options are required`, {
      platform,
      code: 'invalid_options',
    });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const option = issue.path.length > 0 ? issue.path.map(String).join('.') : 'options';
  const given = (input as Record<string, unknown>)[String(issue.path[0])];
  const message = given === undefined && issue.code === 'invalid_type' ? 'is required' : issue.message;
  throw new ConfigurationError(`@storeport/${platform}: "${option}" ${message}`, {
    platform,
    code: 'invalid_options',
  });
}
