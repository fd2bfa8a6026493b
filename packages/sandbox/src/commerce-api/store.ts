import type { Rng } from '../rng';
import type { RecordSummary, SandboxResource, SandboxStore } from '../types';
import { Collection, type Entry } from './collection';
import { DataFactory, historicalTime, iso, productPool } from './generate';
import { toMinor } from './money';
import type { SessionManager } from './sessions';
import type { OrderStatus, WireCustomer, WireOrder, WireProduct } from './wire';

type WireRecord = WireCustomer | WireOrder | WireProduct;

export interface StatusChange {
  from: OrderStatus;
  to: OrderStatus;
  reason: string | null;
  at: string;
}

/**
 * The simulated Commerce API's data, in wire format (what GET returns), plus its auth state.
 * Implements the platform-neutral `SandboxStore`; `auth`, `statusHistory` and the typed
 * collections are for this platform's own tests.
 */
export class CommerceApiStore implements SandboxStore {
  readonly products = new Collection<WireProduct>('productId');
  readonly orders = new Collection<WireOrder>('orderId');
  readonly customers = new Collection<WireCustomer>('customerId');
  /** Status transitions made through `PATCH /orders/{id}/status`, with their reasons. */
  readonly statusHistory = new Map<string, StatusChange[]>();
  readonly factory: DataFactory;

  constructor(
    rng: Rng,
    readonly auth: SessionManager,
  ) {
    this.factory = new DataFactory(rng);
  }

  /** The initial history: products, then customers, then orders referencing both. */
  generate(counts: { customers: number; orders: number; products: number }, rng: Rng): void {
    for (let i = 0; i < counts.products; i += 1) {
      // One yen product always exists (the third, or the last of a smaller catalogue).
      const currency = i === Math.min(2, counts.products - 1) ? 'JPY' : undefined;
      const at = historicalTime('products', i, counts.products, rng);
      this.products.add(this.factory.product(at, currency ? { currency } : {}));
    }
    for (let i = 0; i < counts.customers; i += 1) {
      this.customers.add(this.factory.customer(historicalTime('customers', i, counts.customers, rng)));
    }
    const customers = this.customers.liveEntries();
    const pool = productPool(this.products.liveEntries().map((e) => e.record));
    // Orders need someone to buy and something to sell; a store generated without either has none.
    if (customers.length === 0 || pool.all.length === 0) return;
    for (let i = 0; i < counts.orders; i += 1) {
      const customer = rng.pick(customers).record;
      const order = this.factory.order(historicalTime('orders', i, counts.orders, rng), customer, pool);
      this.orders.add(order);
      customer.orderCount += 1;
      customer.lastOrderAt = order.createdAt;
    }
  }

  collection(resource: SandboxResource): Collection<WireRecord> {
    return this[resource] as unknown as Collection<WireRecord>;
  }

  count(resource: SandboxResource): number {
    return this.collection(resource).size;
  }

  ids(resource: SandboxResource): string[] {
    const c = this.collection(resource);
    return c.liveEntries().map((e) => c.idOf(e.record));
  }

  getRaw(resource: SandboxResource, id: string): Record<string, unknown> | undefined {
    const entry = this.collection(resource).get(id);
    return entry ? (structuredClone(entry.record) as unknown as Record<string, unknown>) : undefined;
  }

  putRaw(resource: SandboxResource, id: string, record: Record<string, unknown>): void {
    this.collection(resource).put(id, structuredClone(record) as unknown as WireRecord);
  }

  remove(resource: SandboxResource, id: string): boolean {
    return this.collection(resource).remove(id);
  }

  idField(resource: SandboxResource): string {
    return this.collection(resource).idField;
  }

  /** New records created "by someone else" now, appended after everything else. */
  insertGenerated(resource: SandboxResource, count: number): string[] {
    const ids: string[] = [];
    const now = Date.now();
    for (let i = 0; i < count; i += 1) {
      if (resource === 'products') {
        const p = this.factory.product(now, { skuTaken: (sku) => this.productBySku(sku) !== undefined });
        ids.push(this.products.add(p).record.productId);
      } else if (resource === 'customers') {
        const c = this.factory.customer(now, { emailTaken: (e) => this.customerByEmail(e) !== undefined });
        ids.push(this.customers.add(c).record.customerId);
      } else {
        ids.push(this.insertGeneratedOrder(now));
      }
    }
    return ids;
  }

  summary(resource: SandboxResource, id: string): RecordSummary | undefined {
    const entry = this.collection(resource).find(id);
    if (!entry) return undefined;
    const r = entry.record as unknown as Record<string, unknown>;
    const deleted = entry.deleted;
    if (resource === 'products') {
      return {
        id,
        title: str(r.name),
        sku: str(r.sku),
        price:
          typeof r.price === 'number' && typeof r.currency === 'string'
            ? (toMinor(r.price, r.currency) ?? null)
            : null,
        status: typeof r.active === 'boolean' ? (r.active ? 'active' : 'inactive') : null,
        deleted,
      };
    }
    if (resource === 'customers') {
      return {
        id,
        email: str(r.email),
        firstName: str(r.firstName),
        lastName: str(r.lastName),
        note: str(r.notes),
        deleted,
      };
    }
    const refunded =
      r.status === 'refunded' && typeof r.total === 'number' && typeof r.currency === 'string'
        ? (toMinor(r.total, r.currency) ?? 0)
        : 0;
    return { id, status: str(r.status), note: str(r.notes), refunded, deleted };
  }

  /** The live product with this SKU (case-sensitive, as SKUs are). */
  productBySku(sku: string, exceptId?: string): Entry<WireProduct> | undefined {
    return this.products.liveEntries().find((e) => e.record.sku === sku && e.record.productId !== exceptId);
  }

  /** The live customer with this email (case-insensitive, as email addresses are in practice). */
  customerByEmail(email: string, exceptId?: string): Entry<WireCustomer> | undefined {
    const wanted = email.toLowerCase();
    return this.customers
      .liveEntries()
      .find(
        (e) =>
          typeof e.record.email === 'string' &&
          e.record.email.toLowerCase() === wanted &&
          e.record.customerId !== exceptId,
      );
  }

  private insertGeneratedOrder(now: number): string {
    if (this.customers.size === 0) this.insertGenerated('customers', 1);
    const sellable = this.products
      .liveEntries()
      .map((e) => e.record)
      .filter((p) => typeof p.price === 'number' && toMinor(p.price, p.currency) !== undefined);
    if (sellable.length === 0) {
      this.insertGenerated('products', 1);
      return this.insertGeneratedOrder(now);
    }
    const customers = this.customers.liveEntries();
    const customer = customers[(this.orders.size * 7) % customers.length]!.record;
    const order = this.factory.order(now, customer, productPool(sellable));
    order.updatedAt = order.status === 'pending' ? null : iso(now);
    this.orders.add(order);
    customer.orderCount += 1;
    customer.lastOrderAt = order.createdAt;
    return order.orderId;
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
