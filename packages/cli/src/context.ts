import type { SandboxSettings } from './args';
import type { CredentialFlags, ResolvedCredentials } from './credentials';
import { credentialHint, resolveCredentials } from './credentials';
import type { ErrorContext, Scrubber } from './errors';
import type { CliIo } from './io';
import type { PlatformId } from './names';
import type { PlatformSource } from './platforms';
import { showControls } from './terminal';

/** What every command shares: the io, the scrubber, and what is known about each platform. */
export class RunContext implements ErrorContext {
  readonly now: () => number;
  private readonly credentials = new Map<string, ResolvedCredentials>();
  private readonly baseUrls = new Map<string, string>();

  constructor(
    readonly io: CliIo,
    readonly scrubber: Scrubber,
    /** The command line as given (secrets are dropped before any of it is printed). */
    readonly argv: readonly string[],
  ) {
    this.now = io.now ?? (() => performance.now());
  }

  /**
   * A line on stderr, prefixed, scrubbed of every known secret, and with control, bidi and
   * invisible characters (line breaks included) shown as escapes: a platform's error text can
   * neither drive the terminal nor fake a line of its own.
   */
  say(line: string): void {
    this.io.stderr.write(`${showControls(this.scrubber.scrub(`storeport: ${line}`))}\n`);
  }

  /** Multi-line text on stderr (a summary, a stack trace): scrubbed, and safe for a terminal. */
  tell(text: string): void {
    this.io.stderr.write(showControls(this.scrubber.scrub(text), { lines: true }));
  }

  /** Where each platform's adapter gets its options: the sandbox, or credentials (flags, then env). */
  sources(
    platforms: readonly PlatformId[],
    sandbox: SandboxSettings | null,
    flags: CredentialFlags,
  ): Map<PlatformId, PlatformSource> {
    const out = new Map<PlatformId, PlatformSource>();
    for (const platform of platforms) {
      if (sandbox) {
        out.set(platform, { sandbox });
        continue;
      }
      const resolved = resolveCredentials(platform, flags, this.io.env, { several: platforms.length > 1 });
      this.scrubber.add(...resolved.secrets);
      for (const [user, secret] of resolved.basicPairs) this.scrubber.addPair(user, secret);
      this.credentials.set(platform, resolved);
      if (typeof resolved.options.baseUrl === 'string') this.baseUrls.set(platform, resolved.options.baseUrl);
      out.set(platform, { credentials: resolved });
    }
    return out;
  }

  rememberBaseUrl(platform: string, url: string | undefined): void {
    if (url) this.baseUrls.set(platform, url);
  }

  credentialHint(platform: string): string {
    return credentialHint(this.credentials.get(platform), platform);
  }

  baseUrl(platform: string): string | undefined {
    return this.baseUrls.get(platform);
  }
}
