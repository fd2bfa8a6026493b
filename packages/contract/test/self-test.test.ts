/**
 * The contract suite's own test: a suite whose checks cannot fail is worthless. Each fixture in
 * ./fixtures runs `runAdapterContract` against the real CommerceHQ adapter with ONE deliberate
 * defect (see fixtures/defects.ts); this file runs them all in one child vitest, reads its JSON
 * report, and checks that the contract tests meant to catch each defect failed, while the
 * undamaged control passed everything and an honestly narrower adapter only skipped (with
 * reasons) what it does not support.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SUFFIX = '.contract-fixture.ts';
const RESOURCES = ['customers', 'orders', 'products'] as const;
const perResource = (title: (r: string) => string) => RESOURCES.map(title);

const iterateAt = (...sizes: Array<1 | 7 | 'max'>) =>
  sizes.flatMap((size) =>
    perResource((r) => `iterate() visits every ${r} record exactly once at page size ${size}`),
  );
const cursors = perResource(
  (r) => `list() cursors round-trip, survive serialisation and resume on a fresh adapter (${r})`,
);
const missingGet = perResource(
  (r) => `get() of a missing id is NotFoundError, with no credential in it (${r})`,
);
const getReturnsListed = perResource((r) => `get() returns the record list() returned (${r})`);
const parallelPerResource = perResource(
  (r) =>
    `iterate({ concurrency: 4 }) yields what a sequential iterate does, in order, 2 to 4 requests in flight, no 429 (${r})`,
);
const EXACTLY_FOUR =
  'iterate({ concurrency: 4 }) with no limiter in the way has exactly 4 requests in flight';
const TWO_SLOTS =
  'iterate({ concurrency: 8 }) under a limiter that runs two at a time never has a third request in flight, and keeps the order';
const MAX_ITEMS = 'maxItems stops a parallel iteration early, in order';
const INSERTED =
  'records inserted while a client pages are neither lost from the original set nor duplicated';
const BAD_INPUT = 'bad input is rejected before any request is sent';
const CAPS_IMPLEMENTED = 'operations in capabilities are implemented: each succeeds on a record it suits';
const WAITS_429 = 'a 429 with Retry-After is waited out and retried';
const LIMITED = 'the platform rate limit is respected: a limited sandbox still yields every record';
const FLAKY =
  '503s, resets, malformed and truncated JSON mid-export are retried with nothing lost or duplicated';
const PERSISTENT_503 = 'persistent 503s give up with ServerError after the configured retries';
const TIMEOUT = 'a response slower than the timeout is TimeoutError, and a slow one-off is retried';

/**
 * For each defective fixture: exactly the contract tests that fail because of its defect (a test
 * failing that is not listed, or listed and not failing, fails the self-test). Each fixture runs
 * only the contract groups its defect lives in.
 */
const CAUGHT_BY: Record<string, string[]> = {
  'defect-a-drops-last-record': [
    ...iterateAt(1, 7, 'max'),
    ...cursors,
    ...perResource((r) => `page size is capped at the platform maximum (${r})`),
    INSERTED,
  ],
  'defect-b-duplicates-across-pages': [...iterateAt(1, 7), ...cursors, INSERTED],
  'defect-c-leaks-secret': [
    'wrong credentials give AuthenticationError, and no credential appears in it',
    'a 400 response becomes ValidationError',
    'a 403 response becomes PermissionError',
    'a 404 response becomes NotFoundError',
    'a 409 response becomes ConflictError',
    'a 422 response becomes ValidationError',
    'a 500 response becomes ServerError',
    'a 429 that outlasts the retries surfaces as RateLimitError with retryAfterMs',
    TIMEOUT,
    ...missingGet,
    'an error that echoes the credentials of a running adapter shows none of them',
    "an error that echoes a new adapter's first request (a login's body) shows no credential",
  ],
  'defect-c2-leaks-secret-in-get': missingGet,
  'defect-d-missing-get-null': missingGet,
  'defect-d2-missing-get-plain-error': missingGet,
  'defect-e-decimal-money': [
    ...perResource(
      (r) => `every ${r} record parses with core's schema, with string ids, exact money and ISO UTC times`,
    ),
    "money amounts are the platform's own in minor units (product prices against the store)",
    ...getReturnsListed,
  ],
  'defect-e2-major-unit-money': [
    "money amounts are the platform's own in minor units (product prices against the store)",
  ],
  'defect-f-type-error-on-bad-shape': [
    ...perResource(
      (r) => `a wrong-typed field in a ${r} record is a ResponseShapeError naming it, or harmless`,
    ),
    ...perResource((r) => `a ${r} record whose id is missing is a ResponseShapeError naming the id field`),
  ],
  'defect-g-accepts-tampered-cursor': perResource(
    (r) => `a tampered cursor or one from another resource is refused before any request (${r})`,
  ),
  'defect-h-claims-unsupported': [CAPS_IMPLEMENTED],
  'defect-h2-hides-supported': [
    'operations outside capabilities throw UnsupportedOperationError without a request',
  ],
  'defect-i-clamps-bad-limit': perResource((r) => `a bad limit is rejected before any request (${r})`),
  // A missing id gets the first record too, where a NotFoundError was due.
  'defect-j-get-returns-another-record': [...getReturnsListed, ...missingGet],
  'defect-k-sequential-pages': [...parallelPerResource, EXACTLY_FOUR, TWO_SLOTS],
  'defect-l-drops-a-parallel-page': [...parallelPerResource, EXACTLY_FOUR, TWO_SLOTS, MAX_ITEMS],
  'defect-m-exceeds-concurrency': [EXACTLY_FOUR],
  'defect-n-ignores-custom-limiter': [TWO_SLOTS],
  'defect-p-ignores-max-items-in-parallel': [MAX_ITEMS],
  'defect-q-create-drops-a-field': [
    'customers: create, then update, then delete',
    'products: create, then update, then delete',
    CAPS_IMPLEMENTED,
  ],
  'defect-r-updates-another-record': [
    'customers: create, then update, then delete',
    'products: create, then update, then delete',
    'orders: a note written through update() lands on the order',
  ],
  // Skipping the call skips its input check too, and one unit more makes a zero refund valid.
  'defect-s-fulfill-does-nothing': [
    'orders: fulfill() records a fulfilment with its tracking number',
    BAD_INPUT,
  ],
  'defect-t-refunds-wrong-amount': ['orders: refund() records the exact amount', BAD_INPUT],
  'defect-u-unsupported-for-bad-input': [BAD_INPUT],
  'defect-v-claimed-operation-fails-typed': ['products: create, then update, then delete', CAPS_IMPLEMENTED],
  'defect-w-stores-wrong-status': ['orders: updateStatus() moves a pending order to cancelled'],
  'defect-x-never-retries': [WAITS_429, LIMITED, FLAKY, PERSISTENT_503, TIMEOUT],
  'defect-z-rate-limit-as-server-error': [
    'a 429 that outlasts the retries surfaces as RateLimitError with retryAfterMs',
  ],
  'defect-za-retries-post-on-503': [
    'a create that gets a 503 is not sent again (the platform may have made the record)',
  ],
  'defect-zb-ignores-timeout': [TIMEOUT],
  'defect-zc-ignores-abort-signal': [
    'an AbortSignal cancels an in-flight call promptly, and an aborted one sends nothing',
  ],
  'defect-zd-passes-bad-id-through': perResource(
    (r) => `every id-taking ${r} method refuses a bad id with ValidationError, sending nothing`,
  ),
  'defect-zf-hides-bad-records': [
    'list() returns the good records of the page and the bad one in page.invalid, with its id',
    'iterate() throws InvalidRecordError after the records before it; resuming from its cursor loses and repeats nothing',
    "iterate({ onInvalidRecord: 'skip' }) and a callback go on past it, each record once",
  ],
  'defect-ze-sends-after-close': [
    'after close() every call rejects with AdapterClosedError and sends nothing; close() is idempotent',
  ],
};

/**
 * Tests a defect may or may not fail, by timing: six pages allowed in flight exceed the four the
 * per-resource checks allow only when the limiter's spacing lets them (it does on an idle machine).
 */
const MAY_ALSO_FAIL: Record<string, string[]> = {
  'defect-m-exceeds-concurrency': parallelPerResource,
  // Seen once under a full 2-core load: the 4th request started after the 1st returned (3 in
  // flight). The check is timing-sensitive on a loaded machine, not broken by this defect.
  'defect-n-ignores-custom-limiter': [EXACTLY_FOUR],
};

/**
 * Contract tests no defect is shown to fail, each with the reason. Empty now: every test has a
 * defect above. A new contract test must be added to a defect's list (or here, with a reason).
 */
const UNCOVERED: Record<string, string> = {};

const CONTROLS = ['control', 'control-without-products'];

interface Assertion {
  title: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';
  failureMessages: string[];
  /** The contract records why it skipped a test here (and shows it through `ctx.skip(note)`). */
  meta?: { skipReason?: string };
}
interface FileReport {
  name: string;
  status: string;
  message?: string;
  assertionResults: Assertion[];
}

let reports = new Map<string, FileReport>();
let runLog = '';

/** Runs every fixture in one child vitest with the JSON reporter. */
async function runFixtures(out: string): Promise<void> {
  const json = join(out, 'report.json');
  const env: NodeJS.ProcessEnv = {};
  // The child is a vitest of its own: none of this worker's VITEST_* state may leak into it.
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|TINYPOOL)/.test(k)) env[k] = v;
  Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' });
  const args = [
    join(REPO, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--root',
    FIXTURES,
    '--config',
    join(FIXTURES, 'vitest.fixtures.config.ts'),
    '--reporter=json',
    `--outputFile=${json}`,
  ];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      runLog = (runLog + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // Only a guard against a hung child: a busy 2-core machine may take minutes.
    const timer = setTimeout(() => child.kill('SIGKILL'), 900_000);
    child.on('error', reject);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  // Exit code 1 is expected (the defects fail); a missing report is not.
  if (!existsSync(json)) throw new Error(`the fixture run (exit ${code}) wrote no report:\n${runLog}`);
  const report = JSON.parse(readFileSync(json, 'utf8')) as { testResults: FileReport[] };
  reports = new Map(report.testResults.map((f) => [basename(f.name, SUFFIX), f]));
}

function fileReport(name: string): FileReport {
  const r = reports.get(name);
  if (!r) throw new Error(`no report for ${name}${SUFFIX}; the run said:\n${runLog}`);
  return r;
}

function statusOf(file: FileReport, title: string): string {
  const matches = file.assertionResults.filter((a) => a.title === title);
  if (matches.length !== 1) return `${matches.length} tests named so`;
  return matches[0]!.status;
}

const count = (file: FileReport, status: Assertion['status']) =>
  file.assertionResults.filter((a) => a.status === status).length;

const skips = (file: FileReport) =>
  file.assertionResults
    .filter((a) => a.status === 'skipped')
    .map((a) => ({ title: a.title, reason: a.meta?.skipReason ?? null }));

describe('the contract suite catches defective adapters', () => {
  let out = '';
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'storeport-contract-self-test-'));
    await runFixtures(out);
  }, 960_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('runs every fixture once, in one child vitest', () => {
    const onDisk = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(SUFFIX))
      .map((f) => basename(f, SUFFIX))
      .sort();
    expect(onDisk).toEqual([...Object.keys(CAUGHT_BY), ...CONTROLS].sort());
    expect([...reports.keys()].sort()).toEqual(onDisk);
  });

  it('control: the undamaged CommerceHQ adapter passes every contract test', () => {
    const file = fileReport('control');
    const failed = file.assertionResults.filter((a) => a.status === 'failed');
    expect(
      failed.map((a) => `${a.title}: ${a.failureMessages[0]?.slice(0, 300)}`),
      file.message,
    ).toEqual([]);
    expect(count(file, 'passed')).toBeGreaterThanOrEqual(55);
    // CommerceHQ cannot change an order's status: that one test skips, and says why.
    expect(skips(file)).toEqual([
      {
        title: 'orders: updateStatus() moves a pending order to cancelled',
        reason: 'control cannot change order status',
      },
    ]);
  });

  it('control: an adapter that honestly supports no product operation only skips product tests, each with its reason', () => {
    const name = 'control-without-products';
    const file = fileReport(name);
    const failed = file.assertionResults.filter((a) => a.status === 'failed');
    expect(
      failed.map((a) => `${a.title}: ${a.failureMessages[0]?.slice(0, 300)}`),
      file.message,
    ).toEqual([]);
    const skipped = skips(file);
    // Every product check skips rather than passing vacuously or failing; none other than
    // these and CommerceHQ's missing updateStatus does.
    const productTitles = file.assertionResults
      .map((a) => a.title)
      .filter((t) => /\bproducts?\b/.test(t) && !t.startsWith('orders:'));
    expect(productTitles.length).toBeGreaterThanOrEqual(12);
    expect(skipped.map((s) => s.title).sort()).toEqual(
      [...productTitles, 'orders: updateStatus() moves a pending order to cancelled'].sort(),
    );
    for (const s of skipped) expect(s.reason, s.title).toMatch(/^control-without-products cannot /);
    expect(count(file, 'passed')).toBeGreaterThanOrEqual(40);
  });

  it('every contract test is caught by a defect, or is listed as uncovered with its reason', () => {
    const all = fileReport('control').assertionResults.map((a) => a.title);
    const caught = new Set(Object.values(CAUGHT_BY).flat());
    const unaccounted = all.filter((t) => !caught.has(t) && !(t in UNCOVERED));
    expect(unaccounted, 'contract tests no defect proves can fail').toEqual([]);
    // The lists name real tests: a renamed test cannot leave a stale entry claiming coverage.
    const stale = [...caught, ...Object.keys(UNCOVERED)].filter((t) => !all.includes(t));
    expect(stale, 'titles in CAUGHT_BY or UNCOVERED that are no contract test').toEqual([]);
  });

  for (const [name, titles] of Object.entries(CAUGHT_BY)) {
    it(`${name} is caught by ${titles.length} contract test(s), and by no other`, () => {
      const file = fileReport(name);
      const missed = titles.filter((t) => statusOf(file, t) !== 'failed');
      expect(
        missed.map((t) => `${t}: ${statusOf(file, t)}`),
        `contract tests that should have caught ${name}`,
      ).toEqual([]);
      // The defect is caught where it lives, not by a fixture that broke wholesale.
      const unexpected = file.assertionResults
        .filter(
          (a) =>
            a.status === 'failed' && !titles.includes(a.title) && !MAY_ALSO_FAIL[name]?.includes(a.title),
        )
        .map((a) => `${a.title}: ${a.failureMessages[0]?.slice(0, 200)}`);
      expect(unexpected, `contract tests ${name} was not meant to fail`).toEqual([]);
    });
  }
});
