import { RedirectError } from '../errors';
import { redactString } from './redact';

/** Same-origin GET redirects followed before giving up. */
export const MAX_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** True when `fetch` (called with `redirect: 'manual'`) handed back a redirect rather than an answer. */
export function isRedirect(response: Response): boolean {
  // Browsers hide a manual redirect behind an opaque response (status 0); Node returns the 3xx itself.
  return (
    response.type === 'opaqueredirect' || response.status === 0 || REDIRECT_STATUSES.has(response.status)
  );
}

/** Where a redirect may be shown: origin and path, never user info, query or fragment, secrets removed. */
export function describeTarget(target: URL | undefined, secrets: readonly string[]): string | undefined {
  if (!target) return undefined;
  return redactString(`${target.protocol}//${target.host}${target.pathname}`, secrets);
}

export interface RedirectContext {
  platform: string;
  /** The configured base URL (already checked). */
  baseUrl: string;
  /** The URL that answered with the redirect. */
  from: string;
  method: string;
  /** `METHOD /path` for messages, secrets removed. */
  where: string;
  /** Redirects already followed for this request. */
  hops: number;
  secrets: readonly string[];
}

/**
 * The URL to follow a redirect to, or a RedirectError. Only a GET/HEAD redirect to the configured
 * origin (so the credentials and the https rule go where they were meant to) is followed, and at
 * most MAX_REDIRECTS times.
 */
export function nextHop(response: Response, ctx: RedirectContext): string {
  const location = response.headers.get('location');
  let target: URL | undefined;
  if (location) {
    try {
      target = new URL(location, ctx.from);
    } catch {
      target = undefined;
    }
  }
  const shown = describeTarget(target, ctx.secrets);
  const refuse = (why: string) =>
    new RedirectError(
      `${ctx.platform}: ${ctx.where} was redirected${response.status ? ` (${response.status})` : ''}${shown ? ` to ${shown}` : ''}: ${why}`,
      {
        platform: ctx.platform,
        ...(response.status ? { status: response.status } : {}),
        ...(shown ? { target: shown } : {}),
      },
    );
  if (response.status === 0 || response.type === 'opaqueredirect')
    throw refuse('the redirect is opaque (its target cannot be checked), so it is not followed');
  if (!target) throw refuse('the Location header is missing or not a URL');
  const base = new URL(ctx.baseUrl);
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && LOOPBACK.test(target.hostname)))
    throw refuse('only https is followed (plain http only on loopback)');
  if (target.origin !== base.origin)
    throw refuse(`only redirects to the configured origin (${base.origin}) are followed`);
  if (target.username || target.password) throw refuse('the target carries user info');
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD')
    throw refuse(`a ${ctx.method} is never redirected (its body would be sent again)`);
  if (ctx.hops >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`);
  target.hash = '';
  return target.toString();
}
