import { createRng } from '../rng';
import type { RecordSummary, SandboxResource, SandboxStore } from '../types';
import {
  type Catalog,
  Commerce7Generator,
  createCatalog,
  GENERATED_EPOCH,
  type GeneratedCustomer,
} from './generate';
import { Table } from './table';
import type { C7Customer, C7CustomerAddress, C7Note, C7Order, C7Product } from './wire-types';

export interface Commerce7Credentials {
  tenant: string;
  appId: string;
  appSecret: string;
}

const DAY = 86_400_000;

type AnyRecord = Record<string, unknown>;

/**
 * The tenant's data, kept in Commerce7's wire format so `getRaw` is byte for byte what the API
 * serves. Tests may `putRaw` records of any shape (to serve malformed data), so everything that
 * reads records here tolerates missing or ill-typed fields.
 */
export class Commerce7Store implements SandboxStore {
  readonly customers = new Table<C7Customer>();
  readonly addresses = new Table<C7CustomerAddress>();
  readonly orders = new Table<C7Order>();
  readonly products = new Table<C7Product>();
  readonly notes = new Table<C7Note>();
  readonly catalog: Catalog;
  readonly generator: Commerce7Generator;
  private readonly deleted: Record<SandboxResource, Set<string>> = {
    customers: new Set(),
    orders: new Set(),
    products: new Set(),
  };
  /** Timestamps of records created after start-up never go backwards (the wall clock may). */
  private lastCreatedMs = 0;

  constructor(
    readonly credentials: Commerce7Credentials,
    seed: number,
    counts: { customers: number; orders: number; products: number },
  ) {
    const rng = createRng(seed);
    this.catalog = createCatalog(rng);
    this.generator = new Commerce7Generator(rng, this.catalog);
    this.generate(counts);
  }

  private generate(counts: { customers: number; orders: number; products: number }): void {
    const g = this.generator;
    const buyers: GeneratedCustomer[] = [];
    const customerStep = (200 * DAY) / Math.max(1, counts.customers);
    for (let i = 0; i < counts.customers; i += 1) {
      const made = g.customer(GENERATED_EPOCH + Math.floor(i * customerStep));
      buyers.push(made);
      this.customers.insert(made.customer);
      for (const a of made.addresses) this.addresses.insert(a);
    }
    const productStep = (100 * DAY) / Math.max(1, counts.products);
    const products: C7Product[] = [];
    for (let i = 0; i < counts.products; i += 1) {
      const p = g.product(GENERATED_EPOCH - 100 * DAY + Math.floor(i * productStep));
      products.push(p);
      this.products.insert(p);
    }
    const orderStep = (300 * DAY) / Math.max(1, counts.orders);
    for (let i = 0; i < counts.orders; i += 1) {
      const buyer = buyers.length > 0 && g.rng.bool(0.9) ? g.rng.pick(buyers) : undefined;
      this.orders.insert(g.order(GENERATED_EPOCH + 200 * DAY + Math.floor(i * orderStep), buyer, products));
    }
    this.recomputeAllCustomerStats();
  }

  /** `orderInformation` and purchase history of every customer, from the orders. */
  recomputeAllCustomerStats(): void {
    const byCustomer = new Map<string, C7Order[]>();
    for (const o of this.orders.values()) {
      const cid = (o as unknown as AnyRecord).customerId;
      if (typeof cid !== 'string') continue;
      const list = byCustomer.get(cid);
      if (list) list.push(o);
      else byCustomer.set(cid, [o]);
    }
    for (const c of this.customers.values()) this.applyStats(c, byCustomer.get(c.id) ?? []);
  }

  recomputeCustomerStats(customerId: string | null | undefined): void {
    if (typeof customerId !== 'string') return;
    const customer = this.customers.get(customerId);
    if (!customer) return;
    const orders: C7Order[] = [];
    for (const o of this.orders.values()) if (o.customerId === customerId) orders.push(o);
    this.applyStats(customer, orders);
  }

  private applyStats(customer: C7Customer, orders: C7Order[]): void {
    const info = (customer as unknown as AnyRecord).orderInformation;
    if (typeof info !== 'object' || info === null) return;
    const counted = orders.filter((o) => o.paymentStatus !== 'Cancelled' && Array.isArray(o.items));
    let lifetime = 0;
    let profit = 0;
    let last: C7Order | undefined;
    for (const o of counted) {
      lifetime += typeof o.total === 'number' ? o.total : 0;
      for (const it of o.items) profit += (it.price - (it.costOfGood ?? 0)) * it.quantity;
      if (!last || o.orderSubmittedDate > last.orderSubmittedDate) last = o;
    }
    const oi = customer.orderInformation;
    oi.orderCount = counted.length;
    oi.lifetimeValue = lifetime;
    oi.grossProfit = profit;
    oi.lastOrderId = last?.id ?? null;
    oi.lastOrderDate = last?.orderSubmittedDate ?? null;
    oi.rank = counted.length > 0 ? Math.min(100, counted.length * 10) : null;
    oi.rankTrend = counted.length > 0 ? 'Up' : null;
    customer.products = last
      ? last.items.slice(0, 3).map((it) => ({
          product: {
            sku: it.sku,
            image: it.image,
            price: it.price,
            title: it.productTitle,
            quantity: it.quantity,
          },
          purchaseDate: last.orderSubmittedDate,
        }))
      : [];
  }

  /** A creation or update time for a record changed now: the wall clock, never decreasing. */
  createdNow(): number {
    this.lastCreatedMs = Math.max(Date.now(), this.lastCreatedMs);
    return this.lastCreatedMs;
  }

  addressesOf(customerId: string): C7CustomerAddress[] {
    const out: C7CustomerAddress[] = [];
    for (const a of this.addresses.values()) if (a.customerId === customerId) out.push(a);
    return out;
  }

  /** The most recent note attached to a customer or an order (what the merchant sees first). */
  latestNote(key: 'customerId' | 'orderId', id: string): string | null {
    let latest: C7Note | undefined;
    for (const n of this.notes.values()) if (n[key] === id) latest = n;
    return latest?.content ?? null;
  }

  markDeleted(resource: SandboxResource, id: string): void {
    this.deleted[resource].add(id);
  }

  // ---- SandboxStore -------------------------------------------------------------------------

  private table(resource: SandboxResource): Table<{ id: string }> {
    if (resource === 'customers') return this.customers as unknown as Table<{ id: string }>;
    if (resource === 'orders') return this.orders as unknown as Table<{ id: string }>;
    if (resource === 'products') return this.products as unknown as Table<{ id: string }>;
    throw new Error(`Unknown Commerce7 sandbox resource "${String(resource)}"`);
  }

  count(resource: SandboxResource): number {
    return this.table(resource).size;
  }

  ids(resource: SandboxResource): string[] {
    return this.table(resource).ids();
  }

  getRaw(resource: SandboxResource, id: string): Record<string, unknown> | undefined {
    const r = this.table(resource).get(id);
    return r === undefined ? undefined : (structuredClone(r) as unknown as Record<string, unknown>);
  }

  putRaw(resource: SandboxResource, id: string, record: Record<string, unknown>): void {
    this.table(resource).put(id, structuredClone(record) as unknown as { id: string });
    this.deleted[resource].delete(id);
  }

  insertGenerated(resource: SandboxResource, count: number): string[] {
    this.table(resource);
    const ids: string[] = [];
    const g = this.generator;
    if (resource === 'customers') {
      for (let i = 0; i < count; i += 1) {
        const made = g.customer(this.createdNow());
        made.customer.updatedAt = made.customer.createdAt;
        made.customer.lastActivityDate = made.customer.createdAt;
        this.customers.insert(made.customer);
        for (const a of made.addresses) this.addresses.insert(a);
        ids.push(made.customer.id);
      }
    } else if (resource === 'products') {
      for (let i = 0; i < count; i += 1) {
        const p = g.product(this.createdNow());
        p.updatedAt = p.createdAt;
        this.products.insert(p);
        ids.push(p.id);
      }
    } else {
      const customers = [...this.customers.values()];
      const products = [...this.products.values()].filter(
        (p) => Array.isArray(p.variants) && p.variants.length > 0,
      );
      if (products.length === 0) throw new Error('Cannot generate Commerce7 orders without products');
      for (let i = 0; i < count; i += 1) {
        const c = customers.length > 0 ? g.rng.pick(customers) : undefined;
        const addresses = c ? this.addressesOf(c.id) : [];
        const buyer = c && addresses.length > 0 ? { customer: c, addresses } : undefined;
        const now = this.createdNow();
        const o = g.order(now, buyer, products);
        // Made just now by someone else: no timestamp of it may lie in the future.
        const at = new Date(now).toISOString();
        o.createdAt = at;
        o.updatedAt = at;
        o.orderSubmittedDate = at;
        if (o.orderPaidDate !== null) o.orderPaidDate = at;
        if (o.orderFulfilledDate !== null) o.orderFulfilledDate = at;
        for (const f of o.fulfillments) f.fulfillmentDate = at;
        for (const t of o.tenders) {
          t.paymentDate = at;
          t.createdAt = at;
          t.updatedAt = at;
        }
        this.orders.insert(o);
        this.recomputeCustomerStats(o.customerId);
        ids.push(o.id);
      }
    }
    return ids;
  }

  remove(resource: SandboxResource, id: string): boolean {
    const removed = this.table(resource).delete(id);
    if (removed) {
      this.deleted[resource].add(id);
      if (resource === 'customers') {
        for (const a of this.addressesOf(id)) this.addresses.delete(a.id);
      }
    }
    return removed;
  }

  summary(resource: SandboxResource, id: string): RecordSummary | undefined {
    const rec = this.table(resource).get(id) as AnyRecord | undefined;
    if (!rec) return this.deleted[resource].has(id) ? { id, deleted: true } : undefined;
    const s = (v: unknown) => (typeof v === 'string' ? v : null);
    const n = (v: unknown) => (typeof v === 'number' ? v : null);
    const arr = (v: unknown): AnyRecord[] => (Array.isArray(v) ? (v as AnyRecord[]) : []);
    if (resource === 'customers') {
      return {
        id,
        email: s(arr(rec.emails)[0]?.email),
        firstName: s(rec.firstName),
        lastName: s(rec.lastName),
        note: this.latestNote('customerId', id),
      };
    }
    if (resource === 'products') {
      const v = arr(rec.variants)[0];
      return { id, title: s(rec.title), sku: s(v?.sku), price: n(v?.price), status: s(rec.webStatus) };
    }
    let refunded = 0;
    for (const t of arr(rec.tenders)) {
      if (t.chargeType === 'Refund' && t.chargeStatus === 'Success' && typeof t.amountTendered === 'number') {
        refunded += Math.abs(t.amountTendered);
      }
    }
    return {
      id,
      status: s(rec.paymentStatus),
      fulfillments: arr(rec.fulfillments).length,
      refunded,
      note: this.latestNote('orderId', id),
    };
  }

  idField(_resource: SandboxResource): string {
    return 'id';
  }
}
