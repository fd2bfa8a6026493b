import { type FileHandle, open } from 'node:fs/promises';
import { CliError } from './errors';
import { type CliStream, writeFully } from './io';
import { reasonOf } from './resume';

/** Where records go: a file or stdout. Every `write` resolves once the text is handed to the OS. */
export interface Sink {
  /** Bytes in the output so far (for a file: its size). */
  readonly bytes: number;
  /** "orders.jsonl" or "stdout". */
  readonly label: string;
  readonly isStdout: boolean;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export function stdoutSink(stream: CliStream): Sink {
  let bytes = 0;
  return {
    get bytes() {
      return bytes;
    },
    label: 'stdout',
    isStdout: true,
    async write(text) {
      await writeFully(stream, text);
      bytes += Buffer.byteLength(text);
    },
    async close() {},
  };
}

/**
 * Opens `--out`. Fresh: created or emptied. Resuming at `resumeAt` bytes: the file is cut back to
 * that size (dropping a page written after the last resume save) and appended to. With `durable`
 * every write is followed by fdatasync, so what the resume file counts is really on disk.
 */
export async function fileSink(
  path: string,
  options: { resumeAt?: number; durable?: boolean; label?: string } = {},
): Promise<Sink> {
  let handle: FileHandle;
  let position = 0;
  const resumeAt = options.resumeAt ?? 0;
  try {
    if (resumeAt > 0) {
      handle = await open(path, 'r+');
      const { size } = await handle.stat();
      if (size < resumeAt) {
        await handle.close();
        throw new CliError(
          `--out ${path} holds ${size} bytes but the resume file counts ${resumeAt}: it was changed since. Delete the resume file to start over`,
        );
      }
      await handle.truncate(resumeAt);
      position = resumeAt;
    } else {
      handle = await open(path, 'w');
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (resumeAt > 0 && code === 'ENOENT') {
      throw new CliError(
        `--out ${path} is missing but the resume file counts ${resumeAt} bytes written to it. Delete the resume file to start over`,
      );
    }
    throw new CliError(`cannot write --out ${path}: ${reasonOf(error)}`, undefined, { cause: error });
  }
  return {
    get bytes() {
      return position;
    },
    label: options.label ?? path,
    isStdout: false,
    async write(text) {
      if (text.length === 0) return;
      const buffer = Buffer.from(text);
      try {
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await handle.write(
            buffer,
            offset,
            buffer.length - offset,
            position + offset,
          );
          offset += bytesWritten;
        }
        if (options.durable) await handle.datasync();
      } catch (error) {
        throw new CliError(`cannot write --out ${path}: ${reasonOf(error)}`, undefined, { cause: error });
      }
      position += buffer.length;
    },
    async close() {
      await handle.close();
    },
  };
}
