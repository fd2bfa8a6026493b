/** What the benchmark scripts share: rounding their figures, and running on their own. */
import { fileURLToPath } from 'node:url';

/** `value` to `digits` decimals. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * When the module at `moduleUrl` (its `import.meta.url`) is the script node was started with
 * (`npx tsx bench/<name>.ts`), runs `bench` and prints its figures, one `key: value` a line; a
 * failure is printed as `<name> benchmark failed:` and sets the exit code. Imported by
 * bench/run.ts, it does nothing.
 */
export function runWhenInvoked(
  moduleUrl: string,
  name: string,
  bench: () => Promise<Record<string, number>>,
): void {
  const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
  if (!invokedDirectly) return;
  bench()
    .then((r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k}: ${v}`);
    })
    .catch((error: unknown) => {
      console.error(`${name} benchmark failed:`, error);
      process.exitCode = 1;
    });
}
