import { formatDuration } from './progress';
import { showControls } from './terminal';

/** What one platform contributed to an export, for the closing summary. */
export interface PlatformReport {
  platform: string;
  /** Records written by this run. */
  records: number;
  /** Records written by earlier runs of a resumed export. */
  earlier: number;
  requests: number;
  retries: number;
  rateLimited: number;
  elapsedMs: number;
  /** Finished by an earlier run: nothing was fetched now. */
  skipped: boolean;
  /** Records that failed validation, written to the rejects file by this run. */
  rejected: number;
}

const right = (value: string | number, width: number) => String(value).padStart(width);

/** The summary printed to stderr at the end of an export. */
export function formatSummary(options: {
  resource: string;
  reports: PlatformReport[];
  elapsedMs: number;
  output: string;
  interrupted: boolean;
  /** Where rejected records went, when any were. */
  rejectsFile?: string;
}): string {
  const { reports } = options;
  const total = reports.reduce((n, r) => n + r.records, 0);
  const earlier = reports.reduce((n, r) => n + r.earlier, 0);
  const verb = options.interrupted ? 'stopped after exporting' : 'exported';
  const lines = [
    `storeport: ${verb} ${total.toLocaleString('en-US')} ${options.resource} in ${formatDuration(options.elapsedMs)} to ${options.output}${
      earlier > 0 ? ` (plus ${earlier.toLocaleString('en-US')} written by earlier runs)` : ''
    }`,
  ];
  const nameWidth = Math.max(8, ...reports.map((r) => r.platform.length));
  lines.push(
    `  ${'platform'.padEnd(nameWidth)}  ${right('records', 8)}  ${right('requests', 8)}  ${right('retries', 7)}  ${right('429s', 5)}  ${right('time', 7)}`,
  );
  for (const r of reports) {
    lines.push(
      `  ${r.platform.padEnd(nameWidth)}  ${right(r.records.toLocaleString('en-US'), 8)}  ${right(r.requests, 8)}  ${right(r.retries, 7)}  ${right(r.rateLimited, 5)}  ${right(r.skipped ? 'done' : formatDuration(r.elapsedMs), 7)}`,
    );
  }
  if (reports.length > 1) {
    const sum = (f: (r: PlatformReport) => number) => reports.reduce((n, r) => n + f(r), 0);
    lines.push(
      `  ${'total'.padEnd(nameWidth)}  ${right(total.toLocaleString('en-US'), 8)}  ${right(
        sum((r) => r.requests),
        8,
      )}  ${right(
        sum((r) => r.retries),
        7,
      )}  ${right(
        sum((r) => r.rateLimited),
        5,
      )}  ${right(formatDuration(options.elapsedMs), 7)}`,
    );
  }
  const rejected = reports.reduce((n, r) => n + r.rejected, 0);
  if (rejected > 0) {
    lines.push(
      `  ${rejected.toLocaleString('en-US')} ${options.resource} failed validation and were written to ${options.rejectsFile ?? 'the rejects file'} (with their ids and what is wrong)`,
    );
  }
  return `${showControls(lines.join('\n'), { lines: true })}\n`;
}
