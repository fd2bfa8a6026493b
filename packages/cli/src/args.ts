import { parseArgs } from 'node:util';
import { parseSince } from '@storeport/core';
import type { CredentialFlags } from './credentials';
import { UsageError } from './errors';
import {
  COMMANDS,
  type CommandId,
  FORMATS,
  type FormatId,
  isOneOf,
  PLATFORMS,
  type PlatformId,
  RESOURCES,
  type ResourceId,
} from './names';

/** Settings of the embedded simulator (`--sandbox`; the numbers come from hidden flags). */
export interface SandboxSettings {
  seed: number;
  /** Records of each kind; undefined for the simulator's defaults. */
  records?: number;
  latencyMs: number;
}

interface CommonCommand {
  resource: ResourceId;
  /** One platform, or all three for `--platform all`. */
  platforms: PlatformId[];
  all: boolean;
  sandbox: SandboxSettings | null;
  credentials: CredentialFlags;
  quiet: boolean;
  debug: boolean;
}

export interface ExportCommand extends CommonCommand {
  kind: 'export';
  out?: string;
  format: FormatId;
  /** Normalised ISO 8601 UTC. */
  since?: string;
  /** At most this many records from each platform. */
  limit?: number;
  pageSize?: number;
  resume?: string;
  /** CSV cells that start like a formula are neutralised (off with `--no-csv-guard`). */
  csvGuard: boolean;
  /** Stop at the first record that fails validation instead of writing it to the rejects file. */
  strict: boolean;
  /** Where rejected records go (JSON Lines); default `<out>.rejected.jsonl`. */
  rejected?: string;
}

export interface ListCommand extends CommonCommand {
  kind: 'list';
  out?: string;
  format: FormatId;
  since?: string;
  cursor?: string;
  /** Page size. */
  limit?: number;
  csvGuard: boolean;
}

export interface GetCommand extends CommonCommand {
  kind: 'get';
  id: string;
}

export type Command = ExportCommand | ListCommand | GetCommand | { kind: 'help' };

const OPTIONS = {
  platform: { type: 'string', short: 'p' },
  sandbox: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  since: { type: 'string' },
  limit: { type: 'string' },
  'page-size': { type: 'string' },
  resume: { type: 'string' },
  'no-csv-guard': { type: 'boolean' },
  strict: { type: 'boolean' },
  rejected: { type: 'string' },
  cursor: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  tenant: { type: 'string' },
  'app-id': { type: 'string' },
  'app-secret': { type: 'string' },
  store: { type: 'string' },
  'api-key': { type: 'string' },
  'api-password': { type: 'string' },
  'base-url': { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  currency: { type: 'string' },
  // Hidden: make `--sandbox` runs reproducible and slow enough to interrupt (tests, demos).
  'sandbox-seed': { type: 'string' },
  'sandbox-records': { type: 'string' },
  'sandbox-latency-ms': { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Every option the parser knows, for the help's own test. */
export const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

const CREDENTIAL_FLAGS = [
  'tenant',
  'app-id',
  'app-secret',
  'store',
  'api-key',
  'api-password',
  'base-url',
  'email',
  'password',
  'currency',
] as const satisfies readonly OptionName[];

const SHARED: OptionName[] = [
  'platform',
  'sandbox',
  'quiet',
  'debug',
  'help',
  'sandbox-seed',
  'sandbox-records',
  'sandbox-latency-ms',
  ...CREDENTIAL_FLAGS,
];

/** Options each command accepts; any other is a usage error naming the command. */
const ALLOWED: Record<CommandId, ReadonlySet<OptionName>> = {
  export: new Set<OptionName>([
    ...SHARED,
    'out',
    'format',
    'since',
    'limit',
    'page-size',
    'resume',
    'no-csv-guard',
    'strict',
    'rejected',
  ]),
  list: new Set<OptionName>([...SHARED, 'out', 'format', 'since', 'limit', 'cursor', 'no-csv-guard']),
  get: new Set<OptionName>([...SHARED]),
};

const list = (values: readonly string[]) => values.join(', ');

/** Parses the command line into a command, or throws a UsageError (exit 2) that says what is valid. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseError(error, argv);
  }
  const { values, positionals } = parsed;
  const [commandName, resourceName, ...rest] = positionals;
  if (commandName === undefined || commandName === 'help') {
    if (values.help || commandName === 'help') return { kind: 'help' };
    throw new UsageError(
      `missing command: use one of ${list(COMMANDS)} (storeport --help shows the options)`,
    );
  }
  if (!isOneOf(COMMANDS, commandName)) {
    throw new UsageError(`unknown command "${commandName}": use one of ${list(COMMANDS)}`);
  }
  if (values.help) return { kind: 'help' };
  for (const name of Object.keys(values) as OptionName[]) {
    if (!ALLOWED[commandName].has(name)) {
      throw new UsageError(`--${name} does not apply to "storeport ${commandName}"`);
    }
  }
  if (resourceName === undefined) {
    throw new UsageError(`missing resource: storeport ${commandName} <${RESOURCES.join('|')}>`);
  }
  if (!isOneOf(RESOURCES, resourceName)) {
    throw new UsageError(`unknown resource "${resourceName}": use one of ${list(RESOURCES)}`);
  }
  const expectedRest = commandName === 'get' ? 1 : 0;
  if (commandName === 'get' && rest.length === 0) {
    throw new UsageError(`missing id: storeport get ${resourceName} <id> --platform <platform>`);
  }
  if (rest.length > expectedRest) {
    throw new UsageError(`unexpected argument "${rest[expectedRest]}"`);
  }

  const platformName = values.platform;
  if (platformName === undefined) {
    throw new UsageError(
      `missing --platform: use one of ${list(PLATFORMS)}${commandName === 'export' ? ', all' : ''}`,
    );
  }
  const all = platformName === 'all';
  if (all && commandName !== 'export') {
    throw new UsageError(
      `--platform all works with export only; "${commandName}" takes one of ${list(PLATFORMS)}`,
    );
  }
  if (!all && !isOneOf(PLATFORMS, platformName)) {
    throw new UsageError(
      `unknown platform "${platformName}": use one of ${list(PLATFORMS)}${commandName === 'export' ? ', all' : ''}`,
    );
  }
  const platforms: PlatformId[] = all ? [...PLATFORMS] : [platformName as PlatformId];

  const hiddenSandbox = (['sandbox-seed', 'sandbox-records', 'sandbox-latency-ms'] as const).find(
    (n) => values[n] !== undefined,
  );
  if (hiddenSandbox && !values.sandbox) throw new UsageError(`--${hiddenSandbox} needs --sandbox`);
  const sandbox: SandboxSettings | null = values.sandbox
    ? {
        seed: integer(values['sandbox-seed'], 'sandbox-seed') ?? 1,
        latencyMs: integer(values['sandbox-latency-ms'], 'sandbox-latency-ms') ?? 0,
        ...optional('records', integer(values['sandbox-records'], 'sandbox-records')),
      }
    : null;

  const credentials: CredentialFlags = {};
  for (const flag of CREDENTIAL_FLAGS) {
    const v = values[flag];
    if (v !== undefined) credentials[flag] = v;
  }
  if (credentials.currency !== undefined && !/^[A-Za-z]{3}$/.test(credentials.currency)) {
    throw new UsageError(`bad --currency "${credentials.currency}": expected an ISO 4217 code like USD`);
  }
  const common: CommonCommand = {
    resource: resourceName,
    platforms,
    all,
    sandbox,
    credentials,
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
  };

  if (commandName === 'get') return { kind: 'get', ...common, id: rest[0]! };

  const format = values.format ?? 'jsonl';
  if (!isOneOf(FORMATS, format))
    throw new UsageError(`unknown format "${format}": use one of ${list(FORMATS)}`);
  const since = values.since === undefined ? undefined : sinceOf(values.since);
  const out = values.out === undefined ? undefined : nonEmpty(values.out, 'out');
  if (values['no-csv-guard'] && format !== 'csv') {
    throw new UsageError(`--no-csv-guard applies to --format csv only (the format is ${format})`);
  }
  const csvGuard = !values['no-csv-guard'];

  if (commandName === 'list') {
    return {
      kind: 'list',
      ...common,
      format,
      ...optional('out', out),
      ...optional('since', since),
      ...optional('cursor', values.cursor === undefined ? undefined : nonEmpty(values.cursor, 'cursor')),
      ...optional('limit', integer(values.limit, 'limit')),
      csvGuard,
    };
  }
  const resume = values.resume === undefined ? undefined : nonEmpty(values.resume, 'resume');
  return {
    kind: 'export',
    ...common,
    format,
    ...optional('out', out),
    ...optional('since', since),
    ...optional('limit', integer(values.limit, 'limit')),
    ...optional('pageSize', integer(values['page-size'], 'page-size')),
    ...optional('resume', resume),
    csvGuard,
    strict: values.strict ?? false,
    ...optional(
      'rejected',
      values.rejected === undefined ? undefined : nonEmpty(values.rejected, 'rejected'),
    ),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function sinceOf(value: string): string {
  try {
    return parseSince(value);
  } catch (error) {
    throw new UsageError(`bad --since: ${(error as Error).message}`);
  }
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new UsageError(`--${flag} needs a value`);
  return value;
}

/**
 * Every numeric flag and the whole numbers it takes. The sandbox bounds are what the simulator can
 * use: its seed is 32 bits, a timer waits at most 2^31 - 1 ms (longer fires at once), and a
 * million records of each kind is already more than a test or demo wants in memory.
 */
export const NUMERIC_FLAGS = {
  limit: { min: 1, max: Number.MAX_SAFE_INTEGER },
  'page-size': { min: 1, max: Number.MAX_SAFE_INTEGER },
  'sandbox-seed': { min: 0, max: 2 ** 32 - 1 },
  'sandbox-records': { min: 0, max: 1_000_000 },
  'sandbox-latency-ms': { min: 0, max: 2 ** 31 - 1 },
} as const satisfies Partial<Record<OptionName, { min: number; max: number }>>;

type NumericFlag = keyof typeof NUMERIC_FLAGS;

const isNumericFlag = (name: string): name is NumericFlag => Object.hasOwn(NUMERIC_FLAGS, name);

function integer(value: string | undefined, flag: NumericFlag): number | undefined {
  if (value === undefined) return undefined;
  const { min, max } = NUMERIC_FLAGS[flag];
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`bad --${flag} "${value}": expected a whole number from ${min} to ${max}`);
  }
  return n;
}

function usageFromParseError(error: unknown, argv: readonly string[]): UsageError {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'([^']+)'/.exec(message)?.[1] ?? 'option';
    return new UsageError(`unknown option ${name} (storeport --help lists the options)`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /(--[\w-]+)/.exec(message)?.[1] ?? /'(-\w)/.exec(message)?.[1];
    if (name && message.includes('argument missing')) return new UsageError(`${name} needs a value`);
    // `--limit -5`: parseArgs will not take a value that starts with "-" after a space.
    if (name && message.includes('ambiguous')) return ambiguous(name, argv);
    if (name) return new UsageError(`${name} does not take a value`);
  }
  return new UsageError(message);
}

/** The value after a flag starts with "-": judged as a value where the flag is numeric. */
function ambiguous(name: string, argv: readonly string[]): UsageError {
  const flag = name.replace(/^-+/, '');
  const at = argv.indexOf(name);
  const value = at === -1 ? undefined : argv[at + 1];
  if (value === undefined) {
    return new UsageError(`${name} needs a value; one that starts with "-" is written ${name}=-…`);
  }
  if (isNumericFlag(flag)) {
    try {
      integer(value, flag);
    } catch (error) {
      return error as UsageError;
    }
  }
  return new UsageError(`${name} needs a value: write ${name}=${value} if "${value}" is meant as one`);
}
