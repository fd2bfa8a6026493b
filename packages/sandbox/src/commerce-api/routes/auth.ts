import type { SimRequest, SimResponse } from '../../types';
import { fail, invalid } from '../errors';
import { isFailure, type Principal, type SessionManager } from '../sessions';
import { isEmail } from '../validate';
import { isResponse, NO_CONTENT, objectBody, ok } from './context';

/** `WWW-Authenticate` on every 401, as RFC 6750 asks of bearer-token APIs. */
export function unauthorized(code: string, message: string): SimResponse {
  const error = code === 'UNAUTHORIZED' ? '' : ', error="invalid_token"';
  return fail(401, code, message, undefined, { 'www-authenticate': `Bearer realm="commerce-api"${error}` });
}

/** POST /auth/login: `{email, password, remember?}` → tokens (401 on a wrong email or password). */
export function login(req: SimRequest, sessions: SessionManager): SimResponse {
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const email = reader.string('email', { required: true });
  if (typeof email === 'string' && !isEmail(email))
    reader.fail('email', 'must be an email address', 'invalid_format');
  const password = reader.string('password', { required: true });
  const remember = reader.boolean('remember');
  if (reader.details.length > 0) return invalid(reader.details);
  const result = sessions.login(email!, password!, remember === true);
  if (isFailure(result)) return fail(401, result.code, result.message);
  return ok(result);
}

/** POST /auth/refresh: `{refreshToken}` → new tokens; the presented refresh token is spent. */
export function refresh(req: SimRequest, sessions: SessionManager): SimResponse {
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const token = reader.string('refreshToken', { required: true, nonEmpty: true });
  if (reader.details.length > 0) return invalid(reader.details);
  const result = sessions.refresh(token!);
  if (isFailure(result)) return fail(401, result.code, result.message);
  return ok(result);
}

/** DELETE /auth/logout (BearerAuth): revokes the session. An API key has no session to end. */
export function logout(principal: Principal, sessions: SessionManager): SimResponse {
  if (principal.kind !== 'user') return unauthorized('UNAUTHORIZED', 'Logout requires a bearer token');
  sessions.logout(principal);
  return NO_CONTENT;
}

/** Rate-limit key of a public auth request: the account it is about, so auth traffic counts too. */
export function publicPrincipalKey(req: SimRequest, sessions: SessionManager): string {
  const body = req.body as { email?: unknown; refreshToken?: unknown } | undefined;
  if (typeof body?.email === 'string') {
    const user = sessions.findUser(body.email);
    return user ? `user:${user.userId}` : `login:${body.email.toLowerCase()}`;
  }
  if (typeof body?.refreshToken === 'string') {
    const userId = sessions.userOfRefreshToken(body.refreshToken);
    if (userId) return `user:${userId}`;
  }
  return 'anonymous';
}
