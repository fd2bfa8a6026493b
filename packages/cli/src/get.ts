import { NotFoundError } from '@storeport/core';
import type { GetCommand } from './args';
import type { RunContext } from './context';
import { CliError, EXIT } from './errors';
import { safeJson } from './formats/json';
import { writeFully } from './io';
import { openPlatform, type PlatformSource, recordsOf } from './platforms';

/** `storeport get`: one record as indented JSON on stdout. */
export async function runGet(cmd: GetCommand, ctx: RunContext, source: PlatformSource): Promise<number> {
  const platform = cmd.platforms[0]!;
  const opened = await openPlatform(platform, source);
  ctx.rememberBaseUrl(platform, opened.baseUrl);
  try {
    let record: unknown;
    try {
      record = await recordsOf(opened.adapter, cmd.resource).get(cmd.id);
    } catch (error) {
      if (NotFoundError.isInstance(error)) {
        throw new CliError(
          `${platform} has no ${singular(cmd.resource)} with id "${cmd.id}" (404)`,
          EXIT.runtime,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
    await writeFully(ctx.io.stdout, `${safeJson(record, 2)}\n`);
    return EXIT.ok;
  } finally {
    await opened.close().catch(() => undefined);
  }
}

function singular(resource: string): string {
  return resource.replace(/s$/, '');
}
