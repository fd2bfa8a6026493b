import { createRng } from '../rng';
import type { RecordSummary, SandboxResource, SandboxStore } from '../types';
import { toCents } from './decimal';
import {
  exampleCarriers,
  exampleCustomer30,
  exampleCustomer2819,
  exampleFiles,
  exampleOrder91,
  exampleOrder4041,
  exampleProduct14,
  exampleProduct47,
} from './examples';
import { applyCustomerOrders, ChqGenerator, IdCounters, spread, TIMELINE_START } from './generate';
import type { ChqCarrier, ChqCustomer, ChqImage, ChqOrder, ChqProduct } from './wire-types';

export type Row = Record<string, unknown>;

/** The seed's example records and their ids; present whenever each resource has room for them. */
export const EXAMPLE_IDS: Record<SandboxResource, readonly number[]> = {
  customers: [30, 2819],
  products: [14, 47],
  orders: [91, 4041],
};

/** An email, shipment or refund notification the API was asked to send (`notify: true`). */
export interface ChqNotification {
  kind: 'shipment' | 'refund';
  orderId: number;
  at: number;
}

export interface CommerceHQStoreOptions {
  seed: number;
  records: Record<SandboxResource, number>;
  /** Include the seed's example records (customer 30, product 14, order 4041, ...). Default true. */
  examples?: boolean;
}

const RESOURCES: readonly SandboxResource[] = ['customers', 'products', 'orders'];
const YEAR = 31_536_000;

/**
 * The simulated store. Records are kept exactly as CommerceHQ sends them with every relation
 * expanded (what `GET /products/14?expand=all` returns), keyed by their integer id.
 */
export class CommerceHQStore implements SandboxStore {
  private readonly tables: Record<SandboxResource, Map<number, Row>> = {
    customers: new Map(),
    products: new Map(),
    orders: new Map(),
  };
  private readonly removed: Record<SandboxResource, Set<number>> = {
    customers: new Set(),
    products: new Set(),
    orders: new Set(),
  };
  private readonly maxId: Record<SandboxResource, number> = { customers: 0, products: 0, orders: 0 };
  readonly counters = new IdCounters();
  private readonly generator: ChqGenerator;
  readonly carriers: ChqCarrier[] = exampleCarriers();
  /** Image ids a product write may reference (the seed: images must be uploaded first). */
  readonly files = new Map<number, ChqImage>();
  readonly notifications: ChqNotification[] = [];

  constructor(options: CommerceHQStoreOptions) {
    this.generator = new ChqGenerator(createRng(options.seed), this.counters);
    this.generate(options);
  }

  private generate({ records, examples = true }: CommerceHQStoreOptions): void {
    const withExamples = examples && RESOURCES.every((r) => records[r] >= EXAMPLE_IDS[r].length);
    const idsFor = (resource: SandboxResource): number[] => {
      const reserved = withExamples ? EXAMPLE_IDS[resource] : [];
      const out: number[] = [];
      for (let id = 1; out.length < records[resource] - reserved.length; id++)
        if (!reserved.includes(id)) out.push(id);
      return out;
    };
    const gen = this.generator;
    const productIds = idsFor('products');
    const products = productIds.map((id, i) => gen.product(id, spread(i, productIds.length, TIMELINE_START)));
    const customerIds = idsFor('customers');
    const customers = customerIds.map((id, i) =>
      gen.customer(id, spread(i, customerIds.length, TIMELINE_START)),
    );
    const exampleProducts = withExamples ? [exampleProduct14(), exampleProduct47()] : [];
    const catalog = [...products, ...exampleProducts];
    const orderIds = idsFor('orders');
    const { rng } = gen;
    const orders =
      catalog.length === 0
        ? []
        : orderIds.map((id, i) => {
            const customer = customers.length > 0 && !rng.bool(0.05) ? rng.pick(customers) : null;
            return gen.order(id, spread(i, orderIds.length, TIMELINE_START + YEAR), customer, catalog);
          });
    const byCustomer = new Map<number, ChqOrder[]>();
    for (const o of orders) {
      if (!o.customer) continue;
      const list = byCustomer.get(o.customer.id);
      if (list) list.push(o);
      else byCustomer.set(o.customer.id, [o]);
    }
    const tagsOf = new Map(catalog.map((p) => [p.id, p.tags]));
    for (const c of customers)
      applyCustomerOrders(c, byCustomer.get(c.id) ?? [], (id) => tagsOf.get(id) ?? []);

    const put = (resource: SandboxResource, rows: Array<{ id: number }>) => {
      for (const row of [...rows].sort((a, b) => a.id - b.id)) this.insert(resource, row as unknown as Row);
    };
    put('products', [...products, ...exampleProducts]);
    put('customers', [...customers, ...(withExamples ? [exampleCustomer30(), exampleCustomer2819()] : [])]);
    put('orders', [...orders, ...(withExamples ? [exampleOrder91(), exampleOrder4041()] : [])]);
    for (const file of exampleFiles()) this.files.set(file.id, file);
    for (const p of this.tables.products.values()) this.registerImages(p as unknown as ChqProduct);
  }

  /** Adds a record under its `id` (callers allocate it with `nextId`). */
  insert(resource: SandboxResource, row: Row): void {
    const id = Number(row.id);
    this.tables[resource].set(id, row);
    if (id > this.maxId[resource]) this.maxId[resource] = id;
  }

  nextId(resource: SandboxResource): number {
    return this.maxId[resource] + 1;
  }

  /** Live records in creation (id) order. */
  rows(resource: SandboxResource): Row[] {
    return [...this.tables[resource].values()];
  }

  row(resource: SandboxResource, id: number): Row | undefined {
    return this.tables[resource].get(id);
  }

  customer(id: number): ChqCustomer | undefined {
    return this.tables.customers.get(id) as unknown as ChqCustomer | undefined;
  }

  product(id: number): ChqProduct | undefined {
    return this.tables.products.get(id) as unknown as ChqProduct | undefined;
  }

  order(id: number): ChqOrder | undefined {
    return this.tables.orders.get(id) as unknown as ChqOrder | undefined;
  }

  registerImages(product: ChqProduct): void {
    for (const img of Array.isArray(product.images) ? product.images : []) this.files.set(img.id, img);
    for (const v of Array.isArray(product.variants) ? product.variants : [])
      for (const img of Array.isArray(v.images) ? v.images : []) this.files.set(img.id, img);
  }

  /** Recomputes a customer's `orders`, `statistics` and `tags` from the orders that name them. */
  refreshCustomer(customerId: number): void {
    const customer = this.customer(customerId);
    if (!customer) return;
    const orders = this.rows('orders').filter(
      (o) => (o as unknown as ChqOrder).customer?.id === customerId,
    ) as unknown as ChqOrder[];
    applyCustomerOrders(customer, orders, (id) => this.product(id)?.tags ?? []);
  }

  // ---- SandboxStore ----

  count(resource: SandboxResource): number {
    return this.tables[resource].size;
  }

  ids(resource: SandboxResource): string[] {
    return [...this.tables[resource].keys()].map(String);
  }

  getRaw(resource: SandboxResource, id: string): Record<string, unknown> | undefined {
    const row = this.tables[resource].get(Number(id));
    return row === undefined ? undefined : structuredClone(row);
  }

  putRaw(resource: SandboxResource, id: string, record: Record<string, unknown>): void {
    const key = Number(id);
    this.tables[resource].set(key, structuredClone(record));
    if (key > this.maxId[resource]) this.maxId[resource] = key;
  }

  insertGenerated(resource: SandboxResource, count: number): string[] {
    const out: string[] = [];
    const gen = this.generator;
    for (let i = 0; i < count; i++) {
      const id = this.nextId(resource);
      const now = nowSeconds();
      if (resource === 'customers') this.insert(resource, gen.customer(id, now) as unknown as Row);
      else if (resource === 'products') {
        const product = gen.product(id, now);
        this.insert(resource, product as unknown as Row);
        this.registerImages(product);
      } else {
        const customers = this.rows('customers').filter(
          (c) => Array.isArray(c.address) && typeof c.email === 'string',
        );
        const products = this.rows('products').filter((p) =>
          Array.isArray(p.variants),
        ) as unknown as ChqProduct[];
        const catalog = products.length > 0 ? products : [gen.product(this.nextId('products'), now)];
        const customer =
          customers.length > 0 ? (customers[id % customers.length] as unknown as ChqCustomer) : null;
        const order = gen.order(id, now, customer, catalog);
        this.insert(resource, order as unknown as Row);
        if (customer) this.refreshCustomer(customer.id);
      }
      out.push(String(id));
    }
    return out;
  }

  remove(resource: SandboxResource, id: string): boolean {
    const key = Number(id);
    const existed = this.tables[resource].delete(key);
    if (existed) this.removed[resource].add(key);
    return existed;
  }

  summary(resource: SandboxResource, id: string): RecordSummary | undefined {
    const key = Number(id);
    const row = this.tables[resource].get(key);
    if (!row) return this.removed[resource].has(key) ? { id, deleted: true } : undefined;
    const text = (v: unknown) => (typeof v === 'string' ? v : v === null ? null : undefined);
    if (resource === 'customers') {
      return {
        id,
        email: text(row.email),
        firstName: text(row.first_name),
        lastName: text(row.last_name),
        note: text(row.notes),
      };
    }
    if (resource === 'products') {
      const variants = Array.isArray(row.variants) ? (row.variants as Row[]) : [];
      const priced = row.is_multi ? (variants.find((v) => v.default) ?? variants[0])?.price : row.price;
      return {
        id,
        title: text(row.title),
        sku: text(row.sku),
        price: toCents(priced) ?? null,
        status: row.is_draft === true ? 'draft' : 'published',
      };
    }
    return {
      id,
      email: text(row.email),
      note: text(row.notes),
      status: typeof row.status === 'number' ? row.status : null,
      fulfillments: Array.isArray(row.fulfilments) ? row.fulfilments.length : 0,
      refunded: toCents(row.refunded) ?? 0,
    };
  }

  idField(_resource: SandboxResource): string {
    return 'id';
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
