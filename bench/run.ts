/**
 * `pnpm bench`: runs every benchmark in one process, prints its figures and writes them to
 * bench/results.json. Each figure is a ratio or count measured side by side in this run; nothing
 * here fails on a number. `pnpm bench -- --only transport,micro` runs a subset.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { fileURLToPath } from 'node:url';

type Bench = () => Promise<Record<string, unknown>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  micro: async () => (await import('./core-micro')).benchCoreMicro,
  transport: async () => (await import('./core-transport')).benchTransport,
  overhead: async () => (await import('./overhead')).benchOverhead,
  mapping: async () => (await import('./mapping')).benchMapping,
  'c7-paging': async () => (await import('./c7-paging')).benchC7Paging,
  memory: async () => (await import('./memory')).benchMemory,
  ceiling: async () => (await import('./ceiling')).benchCeiling,
  concurrency: async () => (await import('./concurrency')).benchConcurrency,
  'sandbox-generate': async () => (await import('./sandbox-generate')).benchSandboxGenerate,
};

async function main(): Promise<void> {
  const onlyArg = process.argv.find((a) => a.startsWith('--only'));
  const only = onlyArg
    ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1] ?? '').split(',')
    : null;
  const file = fileURLToPath(new URL('./results.json', import.meta.url));
  // A partial run (--only) updates its benches and keeps the others' last figures.
  const previous =
    only && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: Record<string, unknown> })
      : {};
  const results: Record<string, unknown> = { ...previous.results };
  for (const [name, load] of Object.entries(BENCHES)) {
    if (only && !only.includes(name)) continue;
    process.stdout.write(`\n## ${name}\n`);
    const started = performance.now();
    const figures = await (await load())();
    results[name] = { ...figures, measuredAt: new Date().toISOString() };
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k}: ${format(v)}\n`);
    process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${platform()} ${arch()}, ${cpus().length} cores`,
    results,
  };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write('\nwrote bench/results.json\n');
}

function format(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(3);
  return JSON.stringify(v);
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
