// Runs the test suite (`pnpm test`) and prints the plain closing line CI reads:
// "tests: N passed, N failed, N skipped". Exits non-zero on any failure or when no test ran.
// The same tests run everywhere: when no STOREPORT_REDIS_URL is given and `redis-server` is on
// the machine, a throwaway Redis is started on loopback for the Redis tests and stopped after;
// without one, those tests skip and say why.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const out = '.vitest-results.json';
rmSync(out, { force: true });

const redis = await startRedis();
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
  { stdio: 'inherit', env: redis ? { ...process.env, STOREPORT_REDIS_URL: redis.url } : process.env },
);
redis?.stop();
if (redis) console.log(`redis: a throwaway redis-server on ${redis.url} backed the Redis tests`);
else if (!process.env.STOREPORT_REDIS_URL)
  console.log('redis: no redis-server on this machine and no STOREPORT_REDIS_URL: the Redis tests skipped');
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

/** A redis-server on a free loopback port, or null when there is none to start (or one is given). */
async function startRedis() {
  if (process.env.STOREPORT_REDIS_URL) return null;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) return null;
  const port = await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const child = spawn(
    which.stdout.trim(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  for (let i = 0; i < 100; i++) {
    if (await canConnect(port)) return { url: `redis://127.0.0.1:${port}`, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  console.log('redis: redis-server did not start; the Redis tests will skip');
  return null;
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
