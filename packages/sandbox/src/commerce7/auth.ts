import type { SimRequest } from '../types';
import type { Commerce7Credentials } from './store';

/**
 * Basic auth with the app id as user name and the app secret as password, plus the `tenant`
 * header (API overview, "App or integration"). Header names are case-insensitive; Node hands
 * them to us lowercased, so `Tenant` from some clients works too.
 */
export function authenticate(req: SimRequest, creds: Commerce7Credentials): boolean {
  const tenant = req.headers.tenant;
  if (typeof tenant !== 'string' || tenant !== creds.tenant) return false;
  const header = req.headers.authorization;
  if (typeof header !== 'string') return false;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return false;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return decoded.slice(0, colon) === creds.appId && decoded.slice(colon + 1) === creds.appSecret;
}
