import {
  AbortError,
  AuthenticationError,
  CommerceError,
  ConfigurationError,
  ConversionError,
  InvalidCursorError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  redactString,
  secretForms,
  TimeoutError,
} from '@storeport/core';
import { safeJson } from './formats/json';

/** Exit codes: 0 ok, 1 runtime error, 2 usage error, 130 interrupted (128 + SIGINT). */
/** Exit codes; `rejected`: the export finished, but records that failed validation went to the rejects file. */
export const EXIT = { ok: 0, runtime: 1, usage: 2, rejected: 3, interrupted: 130 } as const;

/** An error the CLI reports as one line, with its exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.runtime, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong: exit 2. */
export class UsageError extends CliError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.usage, options);
    this.name = 'UsageError';
  }
}

/** Flags whose value is a secret (or half of one), wherever they appear on the command line. */
const SECRET_FLAG = /secret|password|passwd|key|token|app-id/i;

/**
 * Removes every known secret from text before the CLI prints it: the values as given, their
 * URL-encoded and JSON-escaped forms, and the Basic-auth base64 of each user:secret pair.
 */
export class Scrubber {
  private readonly forms = new Set<string>();

  add(...values: Array<string | undefined>): void {
    for (const v of values) {
      if (!v) continue;
      for (const form of secretForms(v)) this.forms.add(form);
      this.forms.add(JSON.stringify(v).slice(1, -1));
    }
  }

  /** A user + secret pair sent as Basic auth: adds `base64(user:secret)` as well as the secret. */
  addPair(user: string | undefined, secret: string | undefined): void {
    this.add(secret);
    if (user && secret) {
      for (const form of secretForms(user, secret)) if (form !== user) this.forms.add(form);
    }
  }

  scrub(text: string): string {
    // Longest first, so a secret that contains another is removed whole.
    return redactString(
      text,
      [...this.forms].sort((a, b) => b.length - a.length),
    );
  }
}

/** Secret-looking values on the raw command line, found before (and whether or not) parsing succeeds. */
export function secretsInArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--')) continue;
    const eq = token.indexOf('=');
    const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    if (!SECRET_FLAG.test(name)) continue;
    if (eq !== -1) out.push(token.slice(eq + 1));
    else if (i + 1 < argv.length) out.push(argv[i + 1]!);
  }
  return out;
}

/** What the CLI knows that makes an error message actionable. */
export interface ErrorContext {
  /** "Check STOREPORT_… / --…" for a platform's credentials, as they were given. */
  credentialHint(platform: string): string;
  /** The base URL in use for a platform, where known (shown for network errors). */
  baseUrl(platform: string): string | undefined;
}

/** One line, without the `storeport: ` prefix, that tells the user what went wrong and what to do. */
export function describeError(error: unknown, context: ErrorContext): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (CommerceError.isInstance(error)) return describeCommerceError(error, context);
  if (error instanceof Error) return { message: error.message, exitCode: EXIT.runtime };
  return { message: String(error), exitCode: EXIT.runtime };
}

function describeCommerceError(
  error: CommerceError,
  context: ErrorContext,
): { message: string; exitCode: number } {
  // A plain boolean, not a type guard: the subclasses are structurally identical to the base, so a
  // guard's false branch would narrow `error` to never.
  const is = (kind: typeof CommerceError): boolean => kind.isInstance(error);
  const p = error.platform;
  const status = error.status === undefined ? '' : ` (${error.status})`;
  const runtime = (message: string) => ({ message, exitCode: EXIT.runtime });
  if (is(AuthenticationError))
    return runtime(`${p} rejected the credentials${status}. ${context.credentialHint(p)}`);
  if (is(PermissionError)) {
    return runtime(
      `${p} refused access${status}: the credentials lack a permission this needs. ${error.message}`,
    );
  }
  if (is(NotFoundError)) {
    return runtime(`${error.message.startsWith(p) ? '' : `${p}: `}${error.message}`);
  }
  if (is(ConfigurationError)) return { message: error.message, exitCode: EXIT.usage };
  if (is(InvalidCursorError)) return runtime(`invalid cursor: ${error.message}`);
  if (is(RateLimitError)) {
    return runtime(
      `${p} kept answering 429 Too Many Requests after every retry; wait a while and run again (with --resume to continue an export)`,
    );
  }
  if (is(NetworkError) || is(TimeoutError)) {
    const url = context.baseUrl(p);
    return runtime(`could not reach ${p}${url ? ` at ${url}` : ''}: ${error.message}`);
  }
  if (is(AbortError)) return { message: 'interrupted', exitCode: EXIT.interrupted };
  if (is(ConversionError)) return runtime(error.message);
  const prefix = error.message.startsWith(p) ? '' : `${p}: `;
  const suffix = status && !error.message.includes(String(error.status)) ? status : '';
  return runtime(`${prefix}${error.message}${suffix}`);
}

/** The stack and causes of an error, for `--debug`. */
export function debugDetails(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      lines.push(depth === 0 ? (current.stack ?? String(current)) : `caused by: ${current.stack ?? current}`);
      if (CommerceError.isInstance(current)) {
        const info = current.toJSON();
        if (current.body !== undefined) info.body = current.body;
        lines.push(`details: ${safeJson(info)}`);
      }
      current = current.cause;
    } else {
      lines.push(`caused by: ${String(current)}`);
      break;
    }
  }
  return lines.join('\n');
}
