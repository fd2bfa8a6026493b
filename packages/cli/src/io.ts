/** A stream the CLI writes to: process.stdout / process.stderr, or a test double. */
export interface CliStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  /** True when the stream is a terminal (progress then redraws one line). */
  isTTY?: boolean;
  /** Terminal width, where known. */
  columns?: number;
}

/** Everything `runCli` touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  /** Directory relative paths (`--out`, `--resume`) are resolved against. */
  cwd: string;
  /**
   * Registers a Ctrl-C (SIGINT) handler for the duration of a command; returns its remover.
   * Omitted in tests that never interrupt.
   */
  onInterrupt?(handler: () => void): () => void;
  /** Milliseconds, monotonic. Default `performance.now()`. */
  now?(): number;
}

/** The real process: stdio, environment, SIGINT. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGINT', handler);
      };
    },
  };
}

/** Writes and waits until the stream has taken the chunk (so a page is flushed before we move on). */
export function writeFully(stream: CliStream, chunk: string): Promise<void> {
  if (chunk.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}
