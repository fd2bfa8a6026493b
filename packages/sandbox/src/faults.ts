import type { Rng } from './rng';
import type { CredentialEcho, FaultRule, SimRequest, SimResponse } from './types';

interface ArmedRule {
  rule: FaultRule;
  seen: number;
  applied: number;
}

/** Decides, request by request, which injected fault (if any) applies. */
export class FaultPlan {
  private rules: ArmedRule[] = [];
  constructor(
    private readonly rng: Rng,
    rules: FaultRule[] = [],
  ) {
    for (const r of rules) this.add(r);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0, applied: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault to apply to this request, consuming one use of it. */
  next(req: Pick<SimRequest, 'method' | 'path'>): FaultRule | undefined {
    for (const armed of this.rules) {
      const { rule } = armed;
      if (!matches(rule, req)) continue;
      armed.seen += 1;
      if (armed.seen <= (rule.after ?? 0)) continue;
      const limit = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY);
      if (armed.applied >= limit) continue;
      if (rule.probability !== undefined && !(this.rng.next() < rule.probability)) continue;
      armed.applied += 1;
      return rule;
    }
    return undefined;
  }
}

function matches(rule: FaultRule, req: Pick<SimRequest, 'method' | 'path'>): boolean {
  const m = rule.match;
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (m.path !== undefined) {
    if (typeof m.path === 'string' ? !req.path.startsWith(m.path) : !m.path.test(req.path)) return false;
  }
  return true;
}

/**
 * The `echo-credentials` fault: a 422 that repeats everything the request authenticated with
 * (every header, the decoded Basic-auth user and password, the body of a login) in the error
 * body, in `x-echo-*` headers, in the request-id headers, as the error code and as a field name.
 * A platform that quotes a request back must not get any of it into an adapter's error.
 */
export function echoCredentials(req: SimRequest, body: (echo: CredentialEcho) => unknown): SimResponse {
  const values: string[] = [];
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(req.headers)) {
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (value === undefined || ['host', 'connection', 'content-length', 'accept-encoding'].includes(name))
      continue;
    values.push(`${name}: ${value}`);
    headers[`x-echo-${name}`] = value;
  }
  let primary = '';
  const auth = String(req.headers.authorization ?? '');
  const basic = /^Basic (.+)$/i.exec(auth);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    values.push(`user=${decoded.slice(0, colon)}`, `password=${decoded.slice(colon + 1)}`);
    primary = decoded.slice(colon + 1);
  }
  const bearer = /^Bearer (.+)$/i.exec(auth);
  if (bearer) primary = bearer[1]!;
  const apiKey = req.headers['x-api-key'];
  if (!primary && typeof apiKey === 'string') primary = apiKey;
  if (req.rawBody) {
    values.push(`body=${req.rawBody}`);
    const password = (req.body as { password?: unknown } | undefined)?.password;
    if (!primary && typeof password === 'string') primary = password;
  }
  primary ||= 'no-credential';
  headers['x-request-id'] = primary;
  headers['request-id'] = primary;
  return {
    status: 422,
    headers,
    body: body({ message: `you sent ${values.join('; ')}`, code: primary, field: primary }),
  };
}
