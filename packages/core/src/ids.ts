import { type ErrorPlatform, ValidationError } from './errors';

/** An unpaired UTF-16 surrogate (in `u` mode a surrogate range matches only lone ones). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * A record id as the path segment's text, or a ValidationError (code `invalid_id`) before any
 * request: not a string or finite number, empty or only whitespace, `.`/`..` (URL navigation), or
 * holding a lone surrogate (which `encodeURIComponent` would throw a raw URIError on).
 */
export function checkId(id: unknown, options: { platform?: ErrorPlatform; field?: string } = {}): string {
  const field = options.field ?? 'id';
  const refuse = (why: string): never => {
    const shown =
      typeof id === 'string' ? JSON.stringify(id) : typeof id === 'number' ? String(id) : typeof id;
    const prefix = options.platform ? `${options.platform}: ` : '';
    throw new ValidationError(`${prefix}invalid ${field} ${shown}: ${why}`, {
      ...(options.platform ? { platform: options.platform } : {}),
      code: 'invalid_id',
      issues: [{ field, message: why }],
    });
  };
  if (typeof id === 'number') {
    if (!Number.isFinite(id)) refuse('must be a finite number or a string');
    return String(id);
  }
  if (typeof id !== 'string') return refuse('must be a string');
  if (id.trim().length === 0) refuse('must not be empty or only whitespace');
  if (id === '.' || id === '..') refuse('must not be "." or ".."');
  if (LONE_SURROGATE.test(id)) refuse('must be well-formed Unicode (it holds a lone surrogate)');
  return id;
}
