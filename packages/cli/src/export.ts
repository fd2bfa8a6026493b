import { resolve } from 'node:path';
import type { InvalidRecord, ListParams, Page } from '@storeport/core';
import type { ExportCommand } from './args';
import type { RunContext } from './context';
import { CliError, EXIT, UsageError } from './errors';
import { createFormatter, type UnifiedRecord } from './formats';
import type { PlatformId } from './names';
import { fileSink, type Sink, stdoutSink } from './output';
import { type OpenedPlatform, openPlatform, type PlatformSource, recordsOf } from './platforms';
import { Progress } from './progress';
import {
  checkResumeMatches,
  newResumeState,
  type PlatformProgressState,
  type ResumeKey,
  type ResumeState,
  readResumeState,
  writeResumeState,
} from './resume';
import { formatSummary, type PlatformReport } from './summary';

/**
 * `storeport export`: every record of one resource from one or all platforms, page by page.
 * After each page is written and flushed, the resume file (if any) is atomically rewritten with
 * the next cursor and the output's size, so a killed run resumes at the last whole page.
 */
export async function runExport(
  cmd: ExportCommand,
  ctx: RunContext,
  sources: Map<PlatformId, PlatformSource>,
): Promise<number> {
  const { io } = ctx;
  const startedAt = ctx.now();
  const outPath = cmd.out !== undefined && cmd.out !== '-' ? resolve(io.cwd, cmd.out) : null;
  const resumePath = cmd.resume === undefined ? null : resolve(io.cwd, cmd.resume);
  if (resumePath !== null && resumePath === outPath) {
    throw new UsageError('--resume and --out must name different files');
  }
  const key: ResumeKey = {
    resource: cmd.resource,
    format: cmd.format,
    out: outPath,
    since: cmd.since ?? null,
    limit: cmd.limit ?? null,
    platforms: cmd.platforms,
  };
  const saved = resumePath === null ? null : await readResumeState(resumePath);
  if (saved && resumePath) {
    checkResumeMatches(cmd.resume ?? resumePath, saved, key);
    if (saved.complete) {
      const total = saved.platforms.reduce((n, p) => n + p.records, 0);
      ctx.say(
        `nothing to do: the export recorded in ${cmd.resume} is already complete (${total} ${cmd.resource} written to ${cmd.out ?? 'stdout'}). Delete ${cmd.resume} to export again`,
      );
      return EXIT.ok;
    }
  }
  const state: ResumeState = saved ?? newResumeState(key);
  const resuming = saved !== null;
  const alreadyWritten = state.outputBytes > 0 || state.platforms.some((p) => p.started);

  const sink: Sink =
    outPath === null
      ? stdoutSink(io.stdout)
      : await fileSink(outPath, {
          resumeAt: resuming ? state.outputBytes : 0,
          durable: resumePath !== null,
          label: cmd.out ?? outPath,
        });
  const rejectsPath =
    cmd.rejected !== undefined
      ? resolve(io.cwd, cmd.rejected)
      : `${outPath ?? resolve(io.cwd, `storeport-${cmd.resource}`)}.rejected.jsonl`;
  const rejects = lazySink(rejectsPath, {
    resumeAt: resuming ? (state.rejectedBytes ?? 0) : 0,
    durable: resumePath !== null,
    label: cmd.rejected ?? rejectsPath,
  });
  const save = async () => {
    if (resumePath === null) return;
    state.outputBytes = sink.bytes;
    if (rejects.opened) state.rejectedBytes = rejects.bytes;
    await writeResumeState(resumePath, state);
  };

  const progress = new Progress({ stream: io.stderr, quiet: cmd.quiet, now: ctx.now });
  let interrupts = 0;
  const abort = new AbortController();
  const removeInterrupt = io.onInterrupt?.(() => {
    interrupts += 1;
    progress.clear();
    if (interrupts === 1) {
      ctx.say('stopping after the current page is written (Ctrl-C again to stop at once)');
      progress.redraw();
    } else {
      abort.abort();
    }
  });

  const formatter = createFormatter(cmd.format, cmd.resource, { guard: cmd.csvGuard });
  const reports: PlatformReport[] = [];
  let failure: unknown;
  try {
    if (resuming) {
      const done = state.platforms.reduce((n, p) => n + p.records, 0);
      if (!cmd.quiet) ctx.say(`resuming: ${done} ${cmd.resource} were written by earlier runs`);
    }
    if (!alreadyWritten) {
      await writeOut(sink, progress, formatter.header());
    }
    await save();

    for (const entry of state.platforms) {
      const platform = entry.platform as PlatformId;
      if (entry.done) {
        reports.push(emptyReport(platform, entry.records, true));
        continue;
      }
      if (interrupts > 0) break;
      const source = sources.get(platform);
      if (!source) throw new CliError(`no settings for ${platform}`);
      const report = emptyReport(platform, entry.records, false);
      reports.push(report);
      const platformStart = ctx.now();
      const opened = await openPlatform(platform, source);
      ctx.rememberBaseUrl(platform, opened.baseUrl);
      try {
        await exportPlatform({
          cmd,
          ctx,
          opened,
          entry,
          report,
          sink,
          progress,
          save,
          formatter,
          rejects,
          signal: abort.signal,
          stopRequested: () => interrupts > 0,
        });
      } finally {
        report.elapsedMs = ctx.now() - platformStart;
        const m = opened.adapter.metrics;
        report.requests = m.requests;
        report.retries = m.retries;
        report.rateLimited = m.rateLimited;
        await opened.close().catch(() => undefined);
      }
    }
    state.complete = state.platforms.every((p) => p.done);
    if (state.complete) await save();
  } catch (error) {
    failure = error;
  } finally {
    removeInterrupt?.();
    progress.clear();
    await sink.close().catch(() => undefined);
    await rejects.close().catch(() => undefined);
  }

  const interrupted = interrupts > 0 && !state.complete;
  if (failure !== undefined && !(interrupted && abort.signal.aborted)) throw failure;

  const output = sink.isStdout ? 'stdout' : sink.label;
  if (!cmd.quiet || interrupted) {
    io.stderr.write(
      ctx.scrubber.scrub(
        formatSummary({
          resource: cmd.resource,
          reports,
          elapsedMs: ctx.now() - startedAt,
          output,
          interrupted,
          rejectsFile: rejects.label,
        }),
      ),
    );
  }
  if (interrupted) {
    if (resumePath !== null) {
      ctx.say(`interrupted; progress saved in ${cmd.resume}. Resume with: ${resumeCommand(ctx.argv)}`);
    } else {
      ctx.say(
        'interrupted; nothing was saved to resume from (add --resume FILE to make an export resumable)',
      );
    }
    return EXIT.interrupted;
  }
  if (resumePath !== null && !cmd.quiet) {
    ctx.say(`complete; ${cmd.resume} records it, so running this command again does nothing`);
  }
  const rejected = state.platforms.reduce((n, p) => n + (p.rejected ?? 0), 0);
  if (rejected > 0) {
    ctx.say(
      `${rejected} ${cmd.resource} failed validation: see ${rejects.label} (exit code ${EXIT.rejected})`,
    );
    return EXIT.rejected;
  }
  return EXIT.ok;
}

function emptyReport(platform: string, earlier: number, skipped: boolean): PlatformReport {
  return {
    platform,
    records: 0,
    earlier,
    requests: 0,
    retries: 0,
    rateLimited: 0,
    elapsedMs: 0,
    skipped,
    rejected: 0,
  };
}

/** A file sink opened on the first write, so an export with nothing rejected leaves no rejects file. */
function lazySink(path: string, options: { resumeAt: number; durable: boolean; label: string }) {
  let sink: Promise<Sink> | undefined = options.resumeAt > 0 ? fileSink(path, options) : undefined;
  let bytes = options.resumeAt;
  return {
    label: options.label,
    get opened() {
      return sink !== undefined;
    },
    get bytes() {
      return bytes;
    },
    async write(text: string) {
      sink ??= fileSink(path, options);
      const s = await sink;
      await s.write(text);
      bytes = s.bytes;
    },
    async close() {
      if (sink) await (await sink).close();
    },
  };
}

type Rejects = ReturnType<typeof lazySink>;

/** One rejected record as a line of the rejects file: enough to find it on the platform and see why. */
function rejectLine(platform: string, resource: string, record: InvalidRecord): string {
  return `${JSON.stringify({ platform, resource, id: record.id, index: record.index, issues: record.issues, raw: record.raw })}\n`;
}

async function writeOut(sink: Sink, progress: Progress, text: string): Promise<void> {
  if (text.length === 0) return;
  if (sink.isStdout) progress.clear();
  await sink.write(text);
  if (sink.isStdout) progress.redraw();
}

interface PlatformRun {
  cmd: ExportCommand;
  ctx: RunContext;
  opened: OpenedPlatform;
  entry: PlatformProgressState;
  report: PlatformReport;
  sink: Sink;
  progress: Progress;
  save(): Promise<void>;
  formatter: ReturnType<typeof createFormatter>;
  rejects: Rejects;
  signal: AbortSignal;
  stopRequested(): boolean;
}

/** Pages through one platform until its last page, `--limit`, or a Ctrl-C. */
async function exportPlatform(run: PlatformRun): Promise<void> {
  const { cmd, ctx, opened, entry, report, sink, progress, formatter, signal } = run;
  const { adapter, platform } = opened;
  const source = recordsOf(adapter, cmd.resource);
  const caps = adapter.capabilities[cmd.resource];
  const since = cmd.since;
  const serverSince = since !== undefined && caps.filters.includes('updatedSince');
  const sinceMs = since === undefined ? undefined : Date.parse(since);
  if (since !== undefined && !serverSince && !cmd.quiet) {
    ctx.say(
      `${platform} cannot filter ${cmd.resource} by update time: every record is fetched and those updated before --since are left out`,
    );
  }
  const pageSize = Math.min(cmd.pageSize ?? caps.maxPageSize, caps.maxPageSize);
  const firstSize =
    cmd.limit === undefined ? pageSize : Math.max(1, Math.min(pageSize, cmd.limit - entry.records));

  let total: number | undefined;
  progress.start(platform, cmd.resource, entry.records);
  if (!source.pages) throw new CliError(`${platform}: this adapter cannot list ${cmd.resource} page by page`);
  // Core's page iterator follows the cursors and stops paging that loops or stalls.
  const params: ListParams =
    entry.cursor !== null
      ? { cursor: entry.cursor, signal }
      : { limit: firstSize, ...(serverSince ? { updatedSince: since } : {}), signal };
  for await (const page of source.pages(params) as AsyncIterable<Page<UnifiedRecord>>) {
    let items: readonly UnifiedRecord[] = page.items;
    if (sinceMs !== undefined && !serverSince) {
      // A record never updated counts from its creation; one with neither time is kept.
      items = items.filter((r) => {
        const at = r.updatedAt ?? r.createdAt;
        return at === null || Date.parse(at) >= sinceMs;
      });
    }
    const invalid = page.invalid ?? [];
    if (cmd.strict && invalid.length > 0) {
      const bad = invalid[0]!;
      const issue = bad.issues[0];
      throw new CliError(
        `${platform}: ${cmd.resource} record ${bad.id ?? `#${bad.index}`} failed validation (${issue ? `${issue.field}: ${issue.message}` : 'invalid'}); --strict stops here`,
      );
    }
    let limitReached = false;
    if (cmd.limit !== undefined && items.length >= cmd.limit - entry.records) {
      items = items.slice(0, cmd.limit - entry.records);
      limitReached = true;
    }
    await writeOut(sink, progress, formatter.records(items));
    if (invalid.length > 0) {
      await run.rejects.write(invalid.map((r) => rejectLine(platform, cmd.resource, r)).join(''));
      entry.rejected = (entry.rejected ?? 0) + invalid.length;
      report.rejected += invalid.length;
    }

    const next = page.nextCursor ?? null;
    entry.started = true;
    entry.records += items.length;
    report.records += items.length;
    entry.done = limitReached || next === null;
    entry.cursor = entry.done ? null : next;
    await run.save();

    if (total === undefined && page.totalCount !== undefined) total = page.totalCount;
    progress.update(entry.records, cmd.limit === undefined ? total : Math.min(total ?? cmd.limit, cmd.limit));
    if (entry.done || run.stopRequested()) break;
  }
  progress.finish();
}

const SECRET_FLAGS = new Set(['--app-id', '--app-secret', '--api-key', '--api-password', '--password']);

/** The command to run to resume, as typed but without secret flags (they come from the same place again). */
export function resumeCommand(argv: readonly string[]): string {
  const kept: string[] = [];
  let dropped = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const name = token.includes('=') ? token.slice(0, token.indexOf('=')) : token;
    if (SECRET_FLAGS.has(name)) {
      dropped = true;
      if (!token.includes('=')) i += 1;
      continue;
    }
    kept.push(shellQuote(token));
  }
  return `storeport ${kept.join(' ')}${dropped ? '  (plus the same credential flags)' : ''}`;
}

function shellQuote(token: string): string {
  return /^[\w@%+=:,./-]+$/.test(token) ? token : `'${token.replaceAll("'", "'\\''")}'`;
}
