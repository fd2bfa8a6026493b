import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { decodeCursor } from '@storeport/core';
import { CliError, UsageError } from './errors';

/** Where one platform's export stands after the last completed page. */
export interface PlatformProgressState {
  platform: string;
  /** The next page to fetch; null before the first page and after the last. */
  cursor: string | null;
  /** At least one page was written. */
  started: boolean;
  /** Every page was written (or `--limit` was reached). */
  done: boolean;
  /** Records written so far. */
  records: number;
  /** Records rejected (written to the rejects file) so far. */
  rejected?: number;
}

/**
 * The `--resume` file: rewritten atomically (temp file + rename) after each page is written and
 * flushed, so it always describes whole pages. `outputBytes` is the size of the output at that
 * moment: a resumed run cuts the output back to it, dropping any part of a page written after
 * the last save, so no record is written twice.
 */
export interface ResumeState {
  kind: 'storeport-export';
  version: 1;
  resource: string;
  format: string;
  /** Absolute path of `--out`; null for stdout. */
  out: string | null;
  since: string | null;
  limit: number | null;
  platforms: PlatformProgressState[];
  outputBytes: number;
  /** Size of the rejects file after the last completed page (absent: none written). */
  rejectedBytes?: number;
  /** The export finished: a re-run does nothing. */
  complete: boolean;
  updatedAt: string;
}

export type ResumeKey = Pick<ResumeState, 'resource' | 'format' | 'out' | 'since' | 'limit'> & {
  platforms: string[];
};

export function newResumeState(key: ResumeKey): ResumeState {
  return {
    kind: 'storeport-export',
    version: 1,
    resource: key.resource,
    format: key.format,
    out: key.out,
    since: key.since,
    limit: key.limit,
    platforms: key.platforms.map((platform) => ({
      platform,
      cursor: null,
      started: false,
      done: false,
      records: 0,
    })),
    outputBytes: 0,
    complete: false,
    updatedAt: new Date().toISOString(),
  };
}

const invalid = (path: string, reason: string) =>
  new CliError(`invalid --resume file ${path}: ${reason}. Delete it to start the export over`);

/** The saved state, or null when the file does not exist yet. Throws a CliError naming what is wrong. */
export async function readResumeState(path: string): Promise<ResumeState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw invalid(path, 'it is a directory');
    throw new CliError(`cannot read --resume file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(path, 'it is not JSON (was it written by storeport export?)');
  }
  return validate(path, data);
}

function validate(path: string, data: unknown): ResumeState {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data) || data.kind !== 'storeport-export') {
    throw invalid(path, 'it is not a storeport export resume file');
  }
  if (data.version !== 1) throw invalid(path, `version ${JSON.stringify(data.version)} is not supported`);
  const str = (k: string) => typeof data[k] === 'string';
  const strOrNull = (k: string) => data[k] === null || typeof data[k] === 'string';
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (!str('resource') || !str('format') || !strOrNull('out') || !strOrNull('since')) {
    throw invalid(path, 'resource, format, out or since is missing');
  }
  if (!(data.limit === null || count(data.limit))) throw invalid(path, 'limit is not a number');
  if (!count(data.outputBytes)) throw invalid(path, 'outputBytes is not a byte count');
  if (typeof data.complete !== 'boolean') throw invalid(path, 'complete is missing');
  if (!Array.isArray(data.platforms) || data.platforms.length === 0)
    throw invalid(path, 'platforms is missing');
  for (const p of data.platforms) {
    if (
      !isObject(p) ||
      typeof p.platform !== 'string' ||
      !(p.cursor === null || typeof p.cursor === 'string') ||
      typeof p.started !== 'boolean' ||
      typeof p.done !== 'boolean' ||
      !count(p.records)
    ) {
      throw invalid(path, 'a platform entry is malformed');
    }
    if (typeof p.cursor === 'string') {
      try {
        decodeCursor(p.cursor, { platform: p.platform, resource: data.resource as string });
      } catch (error) {
        throw invalid(path, `the ${p.platform} cursor is not valid (${(error as Error).message})`);
      }
    }
  }
  return data as unknown as ResumeState;
}

/** Throws a UsageError when the saved export is not the one this command asks for. */
export function checkResumeMatches(path: string, state: ResumeState, key: ResumeKey): void {
  const differences: string[] = [];
  if (state.resource !== key.resource) differences.push(`resource ${state.resource} (now ${key.resource})`);
  const saved = state.platforms.map((p) => p.platform).join(',');
  if (saved !== key.platforms.join(','))
    differences.push(`platform ${saved} (now ${key.platforms.join(',')})`);
  if (state.format !== key.format) differences.push(`--format ${state.format} (now ${key.format})`);
  if (state.out !== key.out) differences.push(`--out ${state.out ?? 'stdout'} (now ${key.out ?? 'stdout'})`);
  if (state.since !== key.since)
    differences.push(`--since ${state.since ?? 'none'} (now ${key.since ?? 'none'})`);
  if (state.limit !== key.limit)
    differences.push(`--limit ${state.limit ?? 'none'} (now ${key.limit ?? 'none'})`);
  if (differences.length > 0) {
    throw new UsageError(
      `--resume file ${path} belongs to another export: ${differences.join('; ')}. Run the same command again, or use another --resume file`,
    );
  }
}

/** Writes the state atomically: a crash leaves either the old file or the new one, never half of one. */
export async function writeResumeState(path: string, state: ResumeState): Promise<void> {
  state.updatedAt = new Date().toISOString();
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write --resume file ${path}: ${reasonOf(error)}`, undefined, { cause: error });
  }
}

/** A short reason for a file-system error: "the directory does not exist", "permission denied", … */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return (error as Error).message ?? String(error);
  }
}
