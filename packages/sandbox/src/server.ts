import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createCommerceApiSimulator } from './commerce-api';
import { createCommerce7Simulator } from './commerce7';
import { createCommerceHQSimulator } from './commercehq';
import { echoCredentials, FaultPlan } from './faults';
import { createRng } from './rng';
import type {
  FaultRule,
  RequestLogEntry,
  SandboxOptions,
  SandboxPlatform,
  SandboxStats,
  SimRequest,
  SimResponse,
  Simulator,
} from './types';

/** Everything a simulator factory gets from the shared server. */
export interface SimulatorContext {
  seed: number;
  records: { customers: number; orders: number; products: number };
  rateLimit: SandboxOptions['rateLimit'];
  platformOptions: Record<string, unknown>;
  /** ms since the sandbox started. */
  now(): number;
}

const FACTORIES: Record<SandboxPlatform, (ctx: SimulatorContext) => Simulator> = {
  commerce7: createCommerce7Simulator as (ctx: SimulatorContext) => Simulator,
  commercehq: createCommerceHQSimulator as (ctx: SimulatorContext) => Simulator,
  'commerce-api': createCommerceApiSimulator as (ctx: SimulatorContext) => Simulator,
};

const DEFAULT_RECORDS = { customers: 60, orders: 120, products: 40 };
const LOG_LIMIT = 50_000;

export interface Sandbox<Store = unknown, Options = Record<string, unknown>> {
  platform: SandboxPlatform;
  /** The platform's API base URL on this server, e.g. `http://127.0.0.1:4010/api/v1`. */
  baseUrl: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Exactly what the platform's adapter factory takes. */
  options: Options;
  store: Store;
  faults: { add(rule: FaultRule): void; clear(): void };
  /** Counters since start (or since `resetStats()`). */
  stats: SandboxStats;
  /** The last requests served, oldest first (bounded). */
  log: RequestLogEntry[];
  /**
   * The most requests that arrived within any `windowMs` (sandbox clock), from `log`: what a
   * sliding-window rate limit of that window would have counted at its busiest.
   */
  busiestWindow(windowMs: number): number;
  resetStats(): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export async function startSandbox<Store = unknown, Options = Record<string, unknown>>(
  options: SandboxOptions,
): Promise<Sandbox<Store, Options>> {
  const factory = FACTORIES[options.platform];
  if (!factory) throw new Error(`Unknown sandbox platform "${String(options.platform)}"`);
  const started = performance.now();
  const now = () => performance.now() - started;
  const seed = options.seed ?? 1;
  const records =
    typeof options.records === 'number'
      ? { customers: options.records, orders: options.records, products: options.records }
      : { ...DEFAULT_RECORDS, ...options.records };
  const sim = factory({
    seed,
    records,
    rateLimit: options.rateLimit,
    platformOptions: options.platformOptions ?? {},
    now,
  });
  const plan = new FaultPlan(createRng(seed ^ 0x5eed), options.faults);
  let latencyMs = options.latencyMs ?? 0;
  const stats: SandboxStats = { requests: 0, byStatus: {}, faults: 0, maxInFlight: 0 };
  let inFlight = 0;
  const log: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();
  const errorBody = (status: number, message: string) => sim.errorBody?.(status, message) ?? { message };

  const record = (entry: RequestLogEntry) => {
    stats.requests += 1;
    stats.byStatus[entry.status] = (stats.byStatus[entry.status] ?? 0) + 1;
    if (entry.fault) stats.faults += 1;
    log.push(entry);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  };

  const server = createServer((req, res) => {
    inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    void serve(req, res)
      .catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: `sandbox failure: ${(err as Error).message}` }));
        } else res.destroy();
      })
      .finally(() => {
        inFlight -= 1;
      });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    let body: unknown;
    let bodyInvalid = false;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyInvalid = true;
      }
    }
    const simReq: SimRequest & { bodyInvalid: boolean } = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
      bodyInvalid,
      now: at,
    };
    const fault = plan.next(simReq);
    if (latencyMs > 0) await sleep(latencyMs);
    const base = { method: simReq.method, path: simReq.path, query: url.search, at };

    if (fault?.kind === 'reset') {
      record({ ...base, status: 0, fault: fault.kind });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 5_000);
    if (fault && (fault.kind === 'expire-token' || fault.kind === 'insert-records'))
      sim.applyFault?.(fault, simReq);

    let out: SimResponse;
    if (fault?.kind === 'server-error') {
      const status = fault.status ?? 503;
      out = { status, body: errorBody(status, 'Service temporarily unavailable (injected)') };
    } else if (fault?.kind === 'echo-credentials') {
      out = echoCredentials(
        simReq,
        (echo) => sim.echoBody?.(echo) ?? { message: echo.message, code: echo.code },
      );
    } else if (fault?.kind === 'rate-limit') {
      out = {
        status: 429,
        headers: { 'retry-after': String(fault.retryAfter ?? 1) },
        body: errorBody(429, 'Too many requests (injected)'),
      };
    } else {
      out = await sim.handle(simReq);
    }

    let payload = out.rawBody ?? (out.body === undefined ? '' : JSON.stringify(out.body));
    if (fault?.kind === 'malformed-json') payload = '<html><body>Bad gateway</body></html>{';
    if (fault?.kind === 'truncated-json')
      payload = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    const headers: Record<string, string> = { ...out.headers };
    if (payload.length > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
    const status = fault?.kind === 'malformed-json' || fault?.kind === 'truncated-json' ? 200 : out.status;
    record({ ...base, status, ...(fault ? { fault: fault.kind } : {}) });
    res.writeHead(status, headers);
    res.end(payload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const adapterOptions = sim.adapterOptions(origin) as Options & { baseUrl?: string };

  return {
    platform: options.platform,
    baseUrl: String(adapterOptions.baseUrl ?? origin),
    origin,
    options: adapterOptions,
    store: sim.store as Store,
    faults: { add: (r) => plan.add(r), clear: () => plan.clear() },
    stats,
    log,
    busiestWindow: (windowMs) => busiestWindow(log, windowMs),
    resetStats() {
      stats.requests = 0;
      stats.byStatus = {};
      stats.faults = 0;
      // Requests still being handled count towards the new peak.
      stats.maxInFlight = inFlight;
      log.length = 0;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sliding window over the arrival times (the log is in answer order, so they are sorted first). */
function busiestWindow(log: readonly RequestLogEntry[], windowMs: number): number {
  const arrivals = log.map((e) => e.at).sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < arrivals.length; hi++) {
    while (arrivals[hi]! - arrivals[lo]! >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
