// Runs the test suite (`pnpm test`) and prints the plain closing line CI reads:
// "tests: N passed, N failed, N skipped". Exits non-zero on any failure or when no test ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const out = '.vitest-results.json';
rmSync(out, { force: true });
const run = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary;
try {
  summary = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  console.error('tests: no results were written');
  process.exit(run.status || 1);
}
const passed = summary.numPassedTests ?? 0;
const failed = summary.numFailedTests ?? 0;
const skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
const root = `${process.cwd()}/`;
const projects = new Set(
  (summary.testResults ?? []).map((r) => {
    const rel = r.name.startsWith(root) ? r.name.slice(root.length) : r.name;
    const parts = rel.split('/');
    return parts[0] === 'packages' ? parts[1] : parts[0];
  }),
);
console.log(`projects: ${[...projects].sort().join(', ')}`);
// A skip must say why: list each with the reason the test recorded (task.meta.skipReason).
for (const file of summary.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status !== 'skipped' && t.status !== 'pending' && t.status !== 'todo') continue;
    console.log(`skipped: ${t.fullName}${t.meta?.skipReason ? ` — ${t.meta.skipReason}` : ''}`);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (run.status !== 0 || failed > 0 || passed === 0) process.exit(run.status || 1);
