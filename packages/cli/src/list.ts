import { resolve } from 'node:path';
import { InvalidCursorError, type ListParams } from '@storeport/core';
import type { ListCommand } from './args';
import type { RunContext } from './context';
import { EXIT, UsageError } from './errors';
import { createFormatter } from './formats';
import { fileSink, type Sink, stdoutSink } from './output';
import { openPlatform, type PlatformSource, recordsOf } from './platforms';
import { showControls } from './terminal';

/** `storeport list`: one page in the chosen format, then `next cursor: …` on stderr. */
export async function runList(cmd: ListCommand, ctx: RunContext, source: PlatformSource): Promise<number> {
  const platform = cmd.platforms[0]!;
  const opened = await openPlatform(platform, source);
  ctx.rememberBaseUrl(platform, opened.baseUrl);
  let sink: Sink | undefined;
  try {
    const params: ListParams = cmd.cursor
      ? { cursor: cmd.cursor, ...(cmd.since ? { updatedSince: cmd.since } : {}) }
      : { ...(cmd.limit ? { limit: cmd.limit } : {}), ...(cmd.since ? { updatedSince: cmd.since } : {}) };
    let page: Awaited<ReturnType<ReturnType<typeof recordsOf>['list']>>;
    try {
      page = await recordsOf(opened.adapter, cmd.resource).list(params);
    } catch (error) {
      if (cmd.cursor && InvalidCursorError.isInstance(error)) {
        throw new UsageError(`bad --cursor: ${error.message}`);
      }
      throw error;
    }
    sink =
      cmd.out === undefined || cmd.out === '-'
        ? stdoutSink(ctx.io.stdout)
        : await fileSink(resolve(ctx.io.cwd, cmd.out));
    const formatter = createFormatter(cmd.format, cmd.resource, { guard: cmd.csvGuard });
    await sink.write(formatter.header() + formatter.records(page.items));
    ctx.tell(`next cursor: ${showControls(page.nextCursor ?? 'none')}\n`);
    return EXIT.ok;
  } finally {
    await sink?.close().catch(() => undefined);
    await opened.close().catch(() => undefined);
  }
}
