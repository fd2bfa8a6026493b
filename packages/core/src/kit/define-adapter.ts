import type {
  CallOptions,
  Capabilities,
  CommerceAdapter,
  CustomersResource,
  OrdersResource,
  Page,
  ProductsResource,
  ResourceCapabilities,
  ResourceName,
} from '../adapter';
import { adapterClosed, rawRequestVia } from '../adapter-kit';
import { checkId } from '../ids';
import type { Customer } from '../model/customer';
import type { Order } from '../model/order';
import type { Platform } from '../model/primitives';
import type { Product } from '../model/product';
import { unsupported } from '../support';
import type { TransportRequest, TransportResponse } from '../transport/http-client';
import type { TransportMetrics } from '../transport/metrics';
import { type ListDeclaration, makeLister } from './listing';

/** What an adapter talks through: the transport with the platform's auth and limits. */
export interface PlatformClient {
  /** A raw request with auth, limits and retries: what `adapter.request()` goes through. */
  send(request: TransportRequest): Promise<TransportResponse<unknown>>;
  readonly metrics: TransportMetrics;
  /** Releases sessions, connections and timers; called once. */
  close(): Promise<void>;
  /**
   * Removes every live secret (tokens obtained since the error was made included) from an error,
   * in place; every failure of the adapter passes through it. Usually `transport.redact`.
   */
  redact?<E>(error: E): E;
}

type Declared<R, T> = Partial<Omit<R, 'list' | 'iterate' | 'pages'>> & {
  // biome-ignore lint/suspicious/noExplicitAny: a resource's native paging state and wire type are its own.
  list: ListDeclaration<any, any, T>;
  /** Why an operation left out is missing, said by its UnsupportedOperationError. */
  unsupported?: Partial<Record<string, string>>;
};

/** One resource as a platform declares it: its list, and the operations it has (others are refused). */
export type CustomersDeclaration = Declared<CustomersResource, Customer>;
export type OrdersDeclaration = Declared<OrdersResource, Order>;
export type ProductsDeclaration = Declared<ProductsResource, Product>;

export interface ResourcesDeclaration {
  customers: CustomersDeclaration;
  orders: OrdersDeclaration;
  products: ProductsDeclaration;
}

/** A platform, declared: everything else (capabilities, paging, guards, close) is derived by core. */
export interface AdapterDeclaration<In, O, C extends PlatformClient, R extends ResourcesDeclaration> {
  platform: Platform;
  /** Checks what the user passed; throws a ConfigurationError naming the option (see `parseOptions`). */
  options(input: In): O;
  /** The client every call goes through. */
  connect(options: O): C;
  /** The resources over that client. Extra members (e.g. `updateAddress`) are kept as they are. */
  resources(client: C, options: O): R;
}

type Built<Base, D> = Base & Omit<D, keyof Base | 'unsupported'>;

/** The adapter a declaration builds: the unified interface plus the platform's extra members. */
export type DeclaredAdapter<R extends ResourcesDeclaration> = Omit<
  CommerceAdapter,
  'customers' | 'orders' | 'products'
> & {
  readonly customers: Built<CustomersResource, R['customers']>;
  readonly orders: Built<OrdersResource, R['orders']>;
  readonly products: Built<ProductsResource, R['products']>;
};

const BASE_OPERATIONS = ['get', 'create', 'update', 'delete'] as const;
const ORDER_OPERATIONS = ['updateStatus', 'fulfill', 'refund'] as const;
/** Operations whose first argument is a record id, checked before anything is sent. */
const ID_FIRST = new Set(['get', 'update', 'delete', 'updateStatus', 'fulfill', 'refund']);

/**
 * Builds an adapter factory from a platform's declaration. Core derives `capabilities` (the
 * operations declared, the filters and sorts the lists declare, parallel pages from the paging),
 * `list` / `pages` / `iterate` with record-by-record validation and loop guards, the refusal of
 * undeclared operations, filters and sorts, id checks, `request`, `metrics`, and a `close()` that
 * runs once, after which every call is refused without sending anything.
 */
export function defineAdapter<In, O, C extends PlatformClient, R extends ResourcesDeclaration>(
  declaration: AdapterDeclaration<In, O, C, R>,
): {
  platform: Platform;
  create(options: In): DeclaredAdapter<R>;
  /** What every adapter of this platform can do, without making one (for docs and exports). */
  capabilities(): Capabilities;
} {
  const { platform } = declaration;
  return {
    platform,
    capabilities() {
      // `resources` only builds closures; a client that refuses every call proves nothing is sent.
      const refuse = () => {
        throw new Error(`${platform}: capabilities() builds no client`);
      };
      const stub = new Proxy({}, { get: () => refuse }) as C;
      const declared = declaration.resources(stub, undefined as O);
      return {
        customers: capabilitiesOf(declared.customers, BASE_OPERATIONS),
        orders: capabilitiesOf(declared.orders, [...BASE_OPERATIONS, ...ORDER_OPERATIONS]),
        products: capabilitiesOf(declared.products, BASE_OPERATIONS),
      } as Capabilities;
    },
    create(input: In): DeclaredAdapter<R> {
      const options = declaration.options(input);
      const client = declaration.connect(options);
      const declared = declaration.resources(client, options);
      let closing: Promise<void> | undefined;
      const redact = <E>(err: E): E => (client.redact ? client.redact(err) : err);
      const guard = <F extends (...args: never[]) => Promise<unknown>>(fn: F): F =>
        (async (...args: Parameters<F>) => {
          if (closing) throw adapterClosed(platform);
          try {
            return await fn(...args);
          } catch (err) {
            throw redact(err);
          }
        }) as unknown as F;
      /** Iterators: refused once closed (from any `next()`, also mid-way), failures redacted. */
      const guardIterator =
        <A extends unknown[], T>(open: (...args: A) => AsyncIterator<T>) =>
        (...args: A): AsyncIterableIterator<T> => {
          let inner: AsyncIterator<T> | undefined;
          const step = async (call: (it: AsyncIterator<T>) => Promise<IteratorResult<T>> | undefined) => {
            if (closing) {
              // Stryker disable next-line OptionalChaining: inner is an async generator, which has return()
              await inner?.return?.();
              throw adapterClosed(platform);
            }
            inner ??= open(...args);
            try {
              // Stryker disable next-line ObjectLiteral: next() of an async generator never resolves to undefined
              return (await call(inner)) ?? { done: true as const, value: undefined };
            } catch (err) {
              throw redact(err);
            }
          };
          const it: AsyncIterableIterator<T> = {
            next: () => step((i) => i.next()),
            return: async (value?: unknown) =>
              (await inner?.return?.(value)) ?? { done: true as const, value: value as T },
            [Symbol.asyncIterator]: () => it,
          };
          return it;
        };
      const build = <K extends ResourceName>(name: K, ops: readonly string[]) => {
        const decl = declared[name] as Declared<unknown, unknown> & Record<string, unknown>;
        const lister = makeLister(platform, name, decl.list);
        const out: Record<string, unknown> = {
          list: guard(lister.list),
          pages: guardIterator(lister.pages),
          iterate: guardIterator(lister.iterate),
        };
        for (const op of ops) {
          const fn = decl[op] as ((...args: unknown[]) => Promise<unknown>) | undefined;
          const call = fn
            ? ID_FIRST.has(op)
              ? async (id: unknown, ...rest: unknown[]) => fn(checkId(id, { platform }), ...rest)
              : async (...args: unknown[]) => fn(...args)
            : async () => unsupported(platform, name, op, decl.unsupported?.[op]);
          out[op] = guard(call);
        }
        for (const [key, value] of Object.entries(decl)) {
          if (key in out || key === 'unsupported' || typeof value !== 'function') continue;
          // async: a declared method that throws before its first await still rejects.
          const extra = value as (...args: unknown[]) => unknown;
          out[key] = guard(async (...args: unknown[]) => extra(...args));
        }
        return { resource: out, capabilities: capabilitiesOf(decl, ops) };
      };
      const customers = build('customers', BASE_OPERATIONS);
      const orders = build('orders', [...BASE_OPERATIONS, ...ORDER_OPERATIONS]);
      const products = build('products', BASE_OPERATIONS);
      const capabilities = {
        customers: customers.capabilities,
        orders: orders.capabilities,
        products: products.capabilities,
      } as Capabilities;
      return {
        platform,
        capabilities,
        customers: customers.resource,
        orders: orders.resource,
        products: products.resource,
        metrics: client.metrics,
        request: guard(rawRequestVia((req) => client.send(req))),
        close() {
          closing ??= client.close();
          return closing;
        },
      } as unknown as DeclaredAdapter<R>;
    },
  };
}

/** Operations are those declared, filters and sorts those the list declares. */
function capabilitiesOf(
  decl: Declared<unknown, unknown> & Record<string, unknown>,
  ops: readonly string[],
): ResourceCapabilities<string> {
  return {
    operations: ['list', ...ops.filter((op) => typeof decl[op] === 'function')],
    filters: [...decl.list.filters],
    sorts: Object.keys(decl.list.sorts ?? {}),
    maxPageSize: decl.list.maxPageSize,
    defaultPageSize: decl.list.defaultPageSize,
    parallelPages: decl.list.paging.numbered !== undefined,
  };
}

export type { CallOptions, Page };
