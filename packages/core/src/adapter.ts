import type { FieldIssue } from './errors';
import type { Address } from './model/address';
import type { Customer } from './model/customer';
import type {
  CustomerInput,
  CustomerUpdate,
  FulfillmentInput,
  OrderInput,
  OrderUpdate,
  ProductInput,
  ProductUpdate,
  RefundInput,
} from './model/inputs';
import type { Order, OrderStatus } from './model/order';
import type { Platform } from './model/primitives';
import type { Product } from './model/product';
import type { TransportMetrics } from './transport/metrics';

/**
 * A record the platform sent that could not be read into the unified model: reported beside the
 * good records of its page instead of failing the page.
 */
export interface InvalidRecord {
  /** Its position in the platform's page (0-based). */
  index: number;
  /** The platform's id for it, when one could be read. */
  id: string | null;
  /** What is wrong, field by field (values shortened and free of secrets). */
  issues: FieldIssue[];
  /** The payload as the platform sent it. */
  raw: unknown;
}

/** One page of any list. */
export interface Page<T> {
  items: T[];
  /** Opaque; pass it back as `cursor` to get the next page. Null on the last page. */
  nextCursor: string | null;
  /** Total records matching the filters, where the platform reports it. */
  totalCount?: number;
  /** Records of this page that failed validation (empty when all were good). */
  invalid?: InvalidRecord[];
}

/** Every call takes an optional AbortSignal. */
export interface CallOptions {
  signal?: AbortSignal;
}

export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  /** Unified field name: `id`, `createdAt`, `updatedAt`, `title`, `number`, `total`... (see `capabilities.sorts`). */
  field: string;
  direction?: SortDirection;
}

export interface ListParams extends CallOptions {
  /** Page size; capped at the platform's maximum (see `capabilities[resource].maxPageSize`). */
  limit?: number;
  /** A `nextCursor` from an earlier page. Filters travel inside it; others given here must match. */
  cursor?: string | null;
  /** Records updated at or after this ISO 8601 time (only where `capabilities.filters` lists it). */
  updatedSince?: string;
  sort?: SortSpec;
}

export interface CustomerListParams extends ListParams {
  email?: string;
  createdSince?: string;
  createdBefore?: string;
}

export interface OrderListParams extends ListParams {
  status?: OrderStatus;
  customerId?: string;
  createdSince?: string;
  createdBefore?: string;
}

export interface ProductListParams extends ListParams {
  status?: 'active' | 'draft' | 'archived';
  /** Free-text search where the platform has one. */
  query?: string;
  /** Category / product type. */
  type?: string;
}

/** What `iterate()` does with a record that fails validation. */
export type InvalidRecordPolicy =
  /** Throw an `InvalidRecordError` (with a `resumeCursor` just past the record). The default. */
  | 'throw'
  /** Leave it out and go on. */
  | 'skip'
  /** Call this with it (awaited), then go on. */
  | ((record: InvalidRecord & { resource: ResourceName }) => void | Promise<void>);

export interface IterateOptions {
  /** Pages fetched at once where the platform's paging allows it (known page count). Default 1. */
  concurrency?: number;
  /** Stop after this many records. */
  maxItems?: number;
  /** A record that fails validation: `'throw'` (default), `'skip'`, or a function called with it. */
  onInvalidRecord?: InvalidRecordPolicy;
}

export interface Resource<T, L extends ListParams, C, U> {
  list(params?: L): Promise<Page<T>>;
  /** Every record, following cursors until the end, holding one page in memory at a time. */
  iterate(params?: Omit<L, 'cursor'> & IterateOptions & { cursor?: string | null }): AsyncIterableIterator<T>;
  /**
   * Every page in order, each with the cursor of the page after it (and its invalid records),
   * guarded like `iterate()` against paging that loops or stalls: for resumable exports.
   */
  pages(
    params?: Omit<L, 'cursor'> & Omit<IterateOptions, 'onInvalidRecord'> & { cursor?: string | null },
  ): AsyncIterableIterator<Page<T>>;
  get(id: string, options?: CallOptions): Promise<T>;
  create(input: C, options?: CallOptions): Promise<T>;
  update(id: string, input: U, options?: CallOptions): Promise<T>;
  delete(id: string, options?: CallOptions): Promise<void>;
}

export interface StatusUpdateOptions extends CallOptions {
  /** Required by some platforms for cancel / refund transitions. */
  reason?: string;
}

export interface OrdersResource extends Resource<Order, OrderListParams, OrderInput, OrderUpdate> {
  updateStatus(id: string, status: OrderStatus, options?: StatusUpdateOptions): Promise<Order>;
  fulfill(id: string, input: FulfillmentInput, options?: CallOptions): Promise<Order>;
  refund(id: string, input: RefundInput, options?: CallOptions): Promise<Order>;
}

export type CustomersResource = Resource<Customer, CustomerListParams, CustomerInput, CustomerUpdate>;
export type ProductsResource = Resource<Product, ProductListParams, ProductInput, ProductUpdate>;

export type ResourceName = 'customers' | 'orders' | 'products';
export type BaseOperation = 'list' | 'get' | 'create' | 'update' | 'delete';
export type OrderOperation = BaseOperation | 'updateStatus' | 'fulfill' | 'refund';

export interface ResourceCapabilities<Op extends string = BaseOperation> {
  /** Operations that work; any other throws `UnsupportedOperationError`. `iterate` follows `list`. */
  operations: readonly Op[];
  /** List filters the platform really applies (names of the list params). */
  filters: readonly string[];
  /** Unified sort fields accepted by `list({ sort })`. */
  sorts: readonly string[];
  maxPageSize: number;
  defaultPageSize: number;
  /** Whether `iterate({ concurrency })` can fetch pages in parallel. */
  parallelPages: boolean;
}

export interface Capabilities {
  customers: ResourceCapabilities;
  orders: ResourceCapabilities<OrderOperation>;
  products: ResourceCapabilities;
}

/** A raw call through the adapter's auth, limits and retries, for what the unified model lacks. */
export interface RawRequest extends CallOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the adapter's base URL, e.g. `/helpers/tags`. Not encoded for you: use `encodePath`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Retry this call on transient failures even though its method is not idempotent. */
  idempotent?: boolean;
}

export interface RawResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface CommerceAdapter {
  readonly platform: Platform;
  readonly capabilities: Capabilities;
  readonly customers: CustomersResource;
  readonly orders: OrdersResource;
  readonly products: ProductsResource;
  /** Requests, retries and rate-limit waits so far. */
  readonly metrics: TransportMetrics;
  request<T = unknown>(request: RawRequest): Promise<RawResponse<T>>;
  /** Releases sessions (e.g. logs out) and timers. The adapter is unusable afterwards. */
  close(): Promise<void>;
}

export type { Address };
