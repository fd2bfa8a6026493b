import { UsageError } from './errors';
import type { PlatformId } from './names';

/** One credential or setting a platform takes, and where the CLI reads it from. */
export interface CredentialField {
  /** The adapter option it becomes. */
  option: string;
  /** The flag, without `--`. */
  flag: string;
  env: string;
  /** What it is, for "missing" messages. */
  label: string;
  secret: boolean;
}

const field = (
  option: string,
  flag: string,
  env: string,
  label: string,
  secret = false,
): CredentialField => ({
  option,
  flag,
  env,
  label,
  secret,
});

export const COMMERCE7_FIELDS = {
  tenant: field('tenant', 'tenant', 'STOREPORT_COMMERCE7_TENANT', 'tenant id'),
  appId: field('appId', 'app-id', 'STOREPORT_COMMERCE7_APP_ID', 'app id', true),
  appSecret: field('appSecret', 'app-secret', 'STOREPORT_COMMERCE7_APP_SECRET', 'app secret', true),
  baseUrl: field('baseUrl', 'base-url', 'STOREPORT_COMMERCE7_BASE_URL', 'base URL'),
} as const;

export const COMMERCEHQ_FIELDS = {
  store: field('store', 'store', 'STOREPORT_COMMERCEHQ_STORE', 'store name'),
  apiKey: field('apiKey', 'api-key', 'STOREPORT_COMMERCEHQ_API_KEY', 'API key', true),
  apiPassword: field(
    'apiPassword',
    'api-password',
    'STOREPORT_COMMERCEHQ_API_PASSWORD',
    'API password',
    true,
  ),
  baseUrl: field('baseUrl', 'base-url', 'STOREPORT_COMMERCEHQ_BASE_URL', 'base URL'),
} as const;

export const COMMERCE_API_FIELDS = {
  baseUrl: field('baseUrl', 'base-url', 'STOREPORT_COMMERCE_API_BASE_URL', 'base URL'),
  email: field('email', 'email', 'STOREPORT_COMMERCE_API_EMAIL', 'login email'),
  password: field('password', 'password', 'STOREPORT_COMMERCE_API_PASSWORD', 'login password', true),
  apiKey: field('apiKey', 'api-key', 'STOREPORT_COMMERCE_API_KEY', 'API key', true),
} as const;

/** Every environment variable holding a secret, so the CLI can scrub them from anything it prints. */
export const SECRET_ENV_VARS = [COMMERCE7_FIELDS, COMMERCEHQ_FIELDS, COMMERCE_API_FIELDS].flatMap((fields) =>
  Object.values(fields)
    .filter((f) => f.secret)
    .map((f) => f.env),
);

/** Credential flags as parsed (all optional strings). */
export type CredentialFlags = Partial<
  Record<
    | 'tenant'
    | 'app-id'
    | 'app-secret'
    | 'store'
    | 'api-key'
    | 'api-password'
    | 'base-url'
    | 'email'
    | 'password'
    | 'currency',
    string
  >
>;

/** Adapter options (minus shared settings) for one platform, and how to talk about them. */
export interface ResolvedCredentials {
  platform: PlatformId;
  options: Record<string, unknown>;
  /** The fields in use, for "Check … / …" hints. */
  fields: CredentialField[];
  /** Every secret value, for scrubbing. */
  secrets: string[];
  /** user:secret pairs sent as Basic auth, so their base64 form is scrubbed too. */
  basicPairs: Array<[user: string, secret: string]>;
}

type Env = Record<string, string | undefined>;

function read(f: CredentialField, flags: CredentialFlags, env: Env): string | undefined {
  const fromFlag = flags[f.flag as keyof CredentialFlags];
  if (fromFlag !== undefined && fromFlag !== '') return fromFlag;
  const fromEnv = env[f.env];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function missing(platform: string, fields: CredentialField[]): UsageError {
  const list = fields.map((f) => `${f.label} (--${f.flag} or ${f.env})`).join(', ');
  return new UsageError(
    `${platform} needs credentials: missing ${list}. Or use --sandbox to try it without an account`,
  );
}

/** Reads every field in `fields`, in order; throws `missing` naming each one that is not set. */
function readRequired<const F extends readonly CredentialField[]>(
  platform: string,
  fields: F,
  flags: CredentialFlags,
  env: Env,
): { [K in keyof F]: string } {
  const values = fields.map((f) => read(f, flags, env));
  const lacking = fields.filter((_, i) => values[i] === undefined);
  if (lacking.length > 0) throw missing(platform, lacking);
  return values as { [K in keyof F]: string };
}

/** Flags that would go to more than one platform with `--platform all`. */
const SHARED_FLAGS = ['api-key', 'base-url', 'currency'] as const;

/**
 * Credentials for one platform from flags, then the environment. Throws a UsageError naming each
 * missing flag and environment variable. Never puts a secret into a message.
 */
export function resolveCredentials(
  platform: PlatformId,
  flags: CredentialFlags,
  env: Env,
  options: { several?: boolean } = {},
): ResolvedCredentials {
  if (options.several) {
    for (const flag of SHARED_FLAGS) {
      if (flags[flag] !== undefined && flag !== 'currency') {
        throw new UsageError(
          `--${flag} is ambiguous with --platform all (several platforms take it): set the per-platform environment variables instead (see storeport --help)`,
        );
      }
    }
  }
  switch (platform) {
    case 'commerce7': {
      const f = COMMERCE7_FIELDS;
      const [tenant, appId, appSecret] = readRequired(platform, [f.tenant, f.appId, f.appSecret], flags, env);
      const baseUrl = read(f.baseUrl, flags, env);
      return {
        platform,
        options: { tenant, appId, appSecret, ...(baseUrl ? { baseUrl } : {}), ...currency(flags) },
        fields: [f.tenant, f.appId, f.appSecret],
        secrets: [appId, appSecret],
        basicPairs: [[appId, appSecret]],
      };
    }
    case 'commercehq': {
      const f = COMMERCEHQ_FIELDS;
      const [store, apiKey, apiPassword] = readRequired(
        platform,
        [f.store, f.apiKey, f.apiPassword],
        flags,
        env,
      );
      const baseUrl = read(f.baseUrl, flags, env);
      return {
        platform,
        options: { store, apiKey, apiPassword, ...(baseUrl ? { baseUrl } : {}), ...currency(flags) },
        fields: [f.apiKey, f.apiPassword, f.store],
        secrets: [apiKey, apiPassword],
        basicPairs: [[apiKey, apiPassword]],
      };
    }
    case 'commerce-api': {
      const f = COMMERCE_API_FIELDS;
      const baseUrl = read(f.baseUrl, flags, env);
      // Flags decide over the environment; an API key wins over email + password from the same source.
      const flagged =
        flags['api-key'] !== undefined || flags.email !== undefined || flags.password !== undefined;
      const useKey = flagged ? flags['api-key'] !== undefined : read(f.apiKey, {}, env) !== undefined;
      if (useKey) {
        const [url, apiKey] = readRequired(platform, [f.baseUrl, f.apiKey], flags, env);
        return {
          platform,
          options: { baseUrl: url, credentials: { apiKey } },
          fields: [f.apiKey, f.baseUrl],
          secrets: [apiKey],
          basicPairs: [],
        };
      }
      const email = read(f.email, flags, env);
      const password = read(f.password, flags, env);
      const lacking = [
        baseUrl ? undefined : f.baseUrl,
        email ? undefined : f.email,
        password ? undefined : f.password,
      ].filter((x): x is CredentialField => x !== undefined);
      if (lacking.length > 0) {
        if (!email && !password) {
          throw new UsageError(
            `${platform} needs credentials: ${baseUrl ? '' : `base URL (--base-url or ${f.baseUrl.env}) and `}either an API key (--api-key or ${f.apiKey.env}) or a login (--email / --password or ${f.email.env} / ${f.password.env}). Or use --sandbox to try it without an account`,
          );
        }
        throw missing(platform, lacking);
      }
      return {
        platform,
        options: { baseUrl, credentials: { email, password } },
        fields: [f.email, f.password, f.baseUrl],
        secrets: [password!],
        basicPairs: [[email!, password!]],
      };
    }
  }
}

function currency(flags: CredentialFlags): Record<string, string> {
  return flags.currency ? { currency: flags.currency.toUpperCase() } : {};
}

/** "Check STOREPORT_COMMERCEHQ_API_KEY / --api-key and …" for an authentication failure. */
export function credentialHint(resolved: ResolvedCredentials | undefined, platform: string): string {
  if (!resolved) return 'Check the credentials.';
  const names = resolved.fields.map((f) => `${f.env} / --${f.flag}`);
  const last = names.pop();
  return `Check ${names.length > 0 ? `${names.join(', ')} and ${last}` : last}${platform === 'commerce7' ? ' (the tenant must match the app)' : ''}.`;
}

const FIELDS_OF: Record<PlatformId, readonly CredentialField[]> = {
  commerce7: Object.values(COMMERCE7_FIELDS),
  commercehq: Object.values(COMMERCEHQ_FIELDS),
  'commerce-api': Object.values(COMMERCE_API_FIELDS),
};

/**
 * The warning for secrets given as flags: any user of the machine can read a command line (`ps`,
 * /proc) and it lands in shell history. Names, for each such flag, the variable of each platform
 * in use that reads the same value. Undefined when no secret came as a flag.
 */
export function secretFlagWarning(
  flags: CredentialFlags,
  platforms: readonly PlatformId[],
): string | undefined {
  const given = new Map<string, string[]>();
  for (const platform of platforms) {
    for (const f of FIELDS_OF[platform]) {
      if (!f.secret || flags[f.flag as keyof CredentialFlags] === undefined) continue;
      const envs = given.get(f.flag) ?? [];
      if (!envs.includes(f.env)) envs.push(f.env);
      given.set(f.flag, envs);
    }
  }
  if (given.size === 0) return undefined;
  const names = [...given.keys()].map((flag) => `--${flag}`);
  const instead = [...given.entries()].map(([flag, envs]) => `${envs.join(' or ')} (for --${flag})`);
  return `warning: secrets given as flags (${names.join(', ')}) can be read by other users of this machine (ps) and stay in shell history; set ${instead.join(', ')} instead`;
}
