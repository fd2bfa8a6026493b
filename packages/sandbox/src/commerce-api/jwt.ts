import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of the access tokens the simulator issues. */
export interface AccessClaims {
  /** User id. */
  sub: string;
  email: string;
  /** Space-separated permissions, e.g. `products:read products:write`. */
  scope: string;
  /** Session the token belongs to (logout and refresh-token reuse revoke a session). */
  sid: string;
  jti: string;
  iss: string;
  /** Unix seconds. */
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** A real HS256 JWT, decodable by any JWT library (the adapter may read `exp` from it). */
export function signJwt(claims: AccessClaims, secret: string): string {
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** The claims of a token signed with `secret`, or undefined when it is malformed or tampered with. */
export function verifyJwt(token: string, secret: string): AccessClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) return undefined;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof claims !== 'object' || claims === null) return undefined;
    const c = claims as Partial<AccessClaims>;
    if (typeof c.jti !== 'string' || typeof c.sub !== 'string' || typeof c.sid !== 'string') return undefined;
    return claims as AccessClaims;
  } catch {
    return undefined;
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
