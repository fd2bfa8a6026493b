/**
 * Small helpers every adapter assembles itself from, so each platform package only says what is
 * particular to its platform (wording, paging) and not how to check a filter or close a client.
 */
import type {
  CallOptions,
  Capabilities,
  CommerceAdapter,
  CustomersResource,
  IterateOptions,
  ListParams,
  OrdersResource,
  Page,
  ProductsResource,
  RawRequest,
  RawResponse,
  ResourceName,
} from './adapter';
import { AdapterClosedError, ValidationError } from './errors';
import { checkId } from './ids';
import type { Platform } from './model/primitives';
import { iterateList, type NumberedPage, paginateParallel } from './paging/iterate';
import { parseSince } from './time';
import type { TransportRequest, TransportResponse } from './transport/http-client';
import type { TransportMetrics } from './transport/metrics';

/** How one platform words a refused list filter; `filterGuards` builds the checks from it. */
export interface FilterWording {
  /** Starts every message and goes on every error. */
  platform: Platform;
  /** The field issue for a refused key, e.g. (resource) => `not a ${resource} filter Commerce7 applies`. */
  issue: (resource: ResourceName) => string;
  /** Said after the key when no hint explains it (the message then has no `: hint`). */
  otherwise?: (resource: ResourceName, allowed: readonly string[]) => string;
  /** Keys never refused here because the lister checks them itself (e.g. `sort`). */
  pass?: readonly string[];
  /** Hints for keys a call gives none for. */
  hints?: Readonly<Record<string, string>>;
  /** The error code for a refused key; `unsupported_filter` unless this says otherwise. */
  code?: (key: string) => string;
}

/** The checks `filterGuards` returns, bound to one platform's wording. */
export interface FilterGuards {
  /**
   * Throws a ValidationError naming the first key of `filters` not in `allowed`, so no filter is
   * silently ignored; `hints[key]` explains why the platform lacks it.
   */
  onlyFilters(
    resource: ResourceName,
    filters: Record<string, unknown>,
    allowed: readonly string[],
    hints?: Readonly<Record<string, string>>,
  ): void;
  /** An ISO 8601 filter value normalised to UTC (`parseSince`); a ValidationError naming the filter otherwise. */
  timeFilter(field: string, value: unknown): string | undefined;
}

/** Filter checks shared by every adapter: one refusal and one time parse, worded once per platform. */
export function filterGuards(wording: FilterWording): FilterGuards {
  const { platform } = wording;
  return {
    onlyFilters(resource, filters, allowed, hints = {}) {
      for (const key of Object.keys(filters)) {
        if (allowed.includes(key) || wording.pass?.includes(key)) continue;
        const hint = hintFor(hints, key) ?? hintFor(wording.hints, key);
        const why = hint ? `: ${hint}` : (wording.otherwise?.(resource, allowed) ?? '');
        throw new ValidationError(`${platform}: ${resource} cannot be filtered by ${key}${why}`, {
          platform,
          code: wording.code?.(key) ?? 'unsupported_filter',
          issues: [{ field: key, message: wording.issue(resource) }],
        });
      }
    },
    timeFilter(field, value) {
      if (value === undefined) return undefined;
      try {
        return parseSince(String(value));
      } catch (err) {
        throw new ValidationError(`${platform}: ${field}: ${(err as Error).message}`, {
          platform,
          code: 'invalid_input',
          issues: [{ field, message: 'must be an ISO 8601 date-time' }],
        });
      }
    },
  };
}

/** A hint only from the object's own keys, so a filter named `constructor` gets no function as its hint. */
function hintFor(hints: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return hints && Object.hasOwn(hints, key) ? hints[key] : undefined;
}

/** `{ signal }` when the call has one, else nothing, so no request carries `signal: undefined`. */
export function signalOf(options: CallOptions | undefined): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}

/** What `iterate()` takes: list params without a required cursor, plus `concurrency` and `maxItems`. */
export type IterateParams<L extends ListParams> = Omit<L, 'cursor'> &
  IterateOptions & { cursor?: string | null };

/** Where parallel paging starts and how it fetches page n, for a page-numbered list. */
export interface ParallelPlan<T> {
  firstPage: number;
  fetchPage: (page: number) => Promise<NumberedPage<T>>;
}

/**
 * `iterate()` for page-numbered lists, so every adapter treats `concurrency` and `maxItems` alike:
 * `iterateList` (one page at a time through `list`) unless `concurrency` > 1 and `plan` (called
 * lazily, with the params minus `concurrency` and `maxItems`) returns a plan; null keeps to `list`.
 */
export function iterateConcurrently<T, L extends ListParams>(
  list: (params: L) => Promise<Page<T>>,
  params: IterateParams<L> | undefined,
  platform: Platform,
  plan: (params: ListParams) => ParallelPlan<T> | null,
): AsyncIterableIterator<T> {
  const concurrency = params?.concurrency ?? 1;
  if (concurrency <= 1) return iterateList<T, L>(list, params, platform);
  return (async function* () {
    const { concurrency: _c, maxItems, ...rest } = params ?? {};
    const planned = plan(rest as ListParams);
    if (!planned) {
      yield* iterateList<T, L>(list, params, platform);
      return;
    }
    yield* paginateParallel<T>({
      ...planned,
      concurrency,
      ...(maxItems !== undefined ? { maxItems } : {}),
    });
  })();
}

/** The raw send every adapter client has (auth, limits and retries applied). */
export type RawSend = (request: TransportRequest) => Promise<TransportResponse<unknown>>;

/** `adapter.request()` over a client's send: copies only the RawRequest fields that are set. */
export function rawRequestVia(send: RawSend): CommerceAdapter['request'] {
  return async <T = unknown>(r: RawRequest): Promise<RawResponse<T>> => {
    const res = await send({
      method: r.method,
      path: r.path,
      ...(r.query ? { query: r.query } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.signal ? { signal: r.signal } : {}),
      ...(r.idempotent !== undefined ? { idempotent: r.idempotent } : {}),
    });
    return { status: res.status, headers: res.headers, body: res.body as T };
  };
}

/** A close that runs once however often it is called, and says whether it has begun. */
export interface CloseOnce {
  /** Starts closing on the first call; every call returns that same promise. */
  close(): Promise<void>;
  /** True from the first `close()` call on. */
  readonly closed: boolean;
}

/** `adapter.close()`: a second close (or one racing the first) must not release the client twice. */
export function closeOnce(close: () => Promise<void>): CloseOnce {
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= close();
      return closing;
    },
    get closed() {
      return closing !== undefined;
    },
  };
}

/** The client an adapter wraps: raw sends, its transport's metrics and a close. */
export interface AdapterClient {
  send: RawSend;
  close(): Promise<void>;
  readonly transport: {
    readonly metrics: TransportMetrics;
    /** Removes the client's secrets (credentials, obtained tokens) from an error, in place. */
    redact?<E>(error: E): E;
  };
}

/** Which arguments of a resource method are record ids, by method name (the unified ones). */
const ID_ARGUMENTS: Readonly<Record<string, readonly number[]>> = {
  get: [0],
  update: [0],
  delete: [0],
  updateStatus: [0],
  fulfill: [0],
  refund: [0],
};

/** Id arguments of a platform's extra resource methods, e.g. `{ customers: { updateAddress: [0, 1] } }`. */
export type ExtraIdArguments = Partial<Record<ResourceName, Record<string, readonly number[]>>>;

/** The error every call on a closed adapter rejects with (the same for every method). */
export function adapterClosed(platform: Platform): AdapterClosedError {
  return new AdapterClosedError(`${platform}: the adapter was closed`, { platform, code: 'adapter_closed' });
}

/**
 * A copy of `resource` whose every method refuses once `closed()` says so (AdapterClosedError,
 * nothing sent), and refuses a bad id argument (`checkId`) before the method runs. `iterate`
 * keeps its synchronous signature: the refusal comes from the iterator's `next()`, also mid-way.
 */
export function guardResource<T extends object>(
  platform: Platform,
  resource: T,
  closed: () => boolean,
  extraIds: Record<string, readonly number[]> = {},
): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(resource)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    if (name === 'iterate') {
      out[name] = (...args: unknown[]) =>
        guardIterator(platform, closed, () => fn(...args) as AsyncIterator<unknown>);
      continue;
    }
    const ids = extraIds[name] ?? ID_ARGUMENTS[name] ?? [];
    // Not an async wrapper: what the method returns passes through untouched; a refusal is a
    // rejected promise, as resource methods are async.
    out[name] = (...args: unknown[]) => {
      try {
        if (closed()) throw adapterClosed(platform);
        for (const i of ids) checkId(args[i], { platform, ...(i > 0 ? { field: `argument ${i + 1}` } : {}) });
      } catch (err) {
        return Promise.reject(err);
      }
      return fn(...args);
    };
  }
  return out as T;
}

/** An async iterator that checks `closed()` before the first and every later `next()`. */
function guardIterator<T>(
  platform: Platform,
  closed: () => boolean,
  open: () => AsyncIterator<T>,
): AsyncIterableIterator<T> {
  let inner: AsyncIterator<T> | undefined;
  const it: AsyncIterableIterator<T> = {
    async next() {
      if (closed()) {
        await inner?.return?.();
        throw adapterClosed(platform);
      }
      inner ??= open();
      return inner.next();
    },
    async return(value?: unknown) {
      return (await inner?.return?.(value)) ?? { done: true, value: undefined as T };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

/**
 * An adapter from its platform id, capabilities, client and resources, so `request()`, `close()`
 * and `metrics` are wired one way everywhere; the resources keep their own types (extra members).
 * After `close()` every resource method, `iterate` and `request` reject with AdapterClosedError
 * and send nothing; an id argument that `checkId` refuses is a ValidationError before any request
 * (`extraIds` names the id arguments of platform-specific methods).
 */
export function assembleAdapter<
  C extends CustomersResource,
  O extends OrdersResource,
  P extends ProductsResource,
>(
  platform: Platform,
  capabilities: Capabilities,
  client: AdapterClient,
  resources: { customers: C; orders: O; products: P },
  extraIds: ExtraIdArguments = {},
): CommerceAdapter & { readonly customers: C; readonly orders: O; readonly products: P } {
  const closer = closeOnce(() => client.close());
  const closed = () => closer.closed;
  const transport = client.transport;
  const redact = <E>(e: E): E => (transport.redact ? transport.redact(e) : e);
  // A client with nothing to redact keeps its resources as they are.
  const wrap = <R extends object>(r: R): R => (transport.redact ? redacting(r, redact) : r);
  const send = rawRequestVia(async (req) => {
    try {
      return await client.send(req);
    } catch (err) {
      throw redact(err);
    }
  });
  return {
    platform,
    capabilities,
    customers: wrap(guardResource(platform, resources.customers, closed, extraIds.customers)),
    orders: wrap(guardResource(platform, resources.orders, closed, extraIds.orders)),
    products: wrap(guardResource(platform, resources.products, closed, extraIds.products)),
    metrics: client.transport.metrics,
    request: (async (req: RawRequest) => {
      if (closed()) throw adapterClosed(platform);
      return send(req);
    }) as CommerceAdapter['request'],
    close: closer.close,
  };
}

/**
 * A resource whose every method's failure (thrown, rejected, or from an iterator) goes through
 * `redact` first: errors raised after the transport (mapping a response, say) may quote what the
 * platform sent, and only the client knows which secrets to remove.
 */
function redacting<R extends object>(resource: R, redact: <E>(error: E) => E): R {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(resource, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (!wrapped.has(key)) {
        wrapped.set(key, (...args: unknown[]) => {
          let out: unknown;
          try {
            out = value.apply(target, args);
          } catch (err) {
            throw redact(err);
          }
          return guard(out, redact);
        });
      }
      return wrapped.get(key);
    },
  });
}

function guard(out: unknown, redact: <E>(error: E) => E): unknown {
  if (out instanceof Promise) return out.catch((err: unknown) => Promise.reject(redact(err)));
  if (out && typeof out === 'object' && Symbol.asyncIterator in out) {
    const it = out as AsyncIterableIterator<unknown>;
    const step =
      (fn: ((...a: unknown[]) => Promise<IteratorResult<unknown>>) | undefined) =>
      (...a: unknown[]) =>
        fn
          ? fn.apply(it, a).catch((err: unknown) => Promise.reject(redact(err)))
          : Promise.resolve({ done: true, value: undefined });
    const safe: AsyncIterableIterator<unknown> = {
      next: step(it.next as never),
      return: step(it.return as never),
      throw: step(it.throw as never),
      [Symbol.asyncIterator]() {
        return safe;
      },
    };
    return safe;
  }
  return out;
}
