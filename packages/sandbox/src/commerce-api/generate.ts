import { CITIES, FIRST_NAMES, LAST_NAMES, type Rng } from '../rng';
import {
  ADDRESS_LABELS,
  CATEGORY_CODES,
  COLOURS,
  COUPONS,
  CUSTOMER_NOTES,
  CUSTOMER_TAGS,
  DECIMAL_PRICES,
  DESCRIPTIONS,
  ORDER_NOTES,
  PRODUCT_NAMES,
  STREETS,
  YEN_PRICES,
} from './catalog';
import { uuidFrom } from './ids';
import { fromMinor, toMinor } from './money';
import {
  CATEGORIES,
  type OrderStatus,
  type WireAddress,
  type WireCustomer,
  type WireOrder,
  type WireOrderItem,
  type WireProduct,
} from './wire';

const DAY_MS = 86_400_000;
/** Generated history ends here; records created through the API later carry the real time. */
const HISTORY_END_MS = Date.UTC(2026, 6, 1);
const SPANS = {
  products: [Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)],
  customers: [Date.UTC(2023, 0, 1), Date.UTC(2024, 6, 1)],
  orders: [Date.UTC(2024, 0, 1), HISTORY_END_MS],
} as const;

const STATUS_WEIGHTS: [OrderStatus, number][] = [
  ['pending', 15],
  ['confirmed', 20],
  ['shipped', 20],
  ['delivered', 30],
  ['cancelled', 8],
  ['refunded', 7],
];

/** The i-th of n creation times in a span: strictly increasing with i, so creation order = date order. */
export function historicalTime(resource: keyof typeof SPANS, i: number, n: number, rng: Rng): number {
  const [start, end] = SPANS[resource];
  const slot = (end - start) / Math.max(1, n);
  return Math.floor((start + slot * (i + rng.next() * 0.9)) / 1000) * 1000;
}

/** Products an order may reference, grouped once so generating many orders stays linear. */
export interface ProductPool {
  all: WireProduct[];
  byCurrency: Map<string, WireProduct[]>;
}

export function productPool(products: Iterable<WireProduct>): ProductPool {
  const all = [...products];
  const byCurrency = new Map<string, WireProduct[]>();
  for (const p of all) {
    const list = byCurrency.get(p.currency);
    if (list) list.push(p);
    else byCurrency.set(p.currency, [p]);
  }
  return { all, byCurrency };
}

/** Deterministic record factory: the same seed and the same calls give the same records. */
export class DataFactory {
  private productSeq = 0;
  private customerSeq = 0;

  constructor(private readonly rng: Rng) {}

  uuid(): string {
    return uuidFrom(this.rng);
  }

  product(
    createdAtMs: number,
    options: { currency?: string; skuTaken?: (sku: string) => boolean } = {},
  ): WireProduct {
    const { rng } = this;
    const category = rng.pick(CATEGORIES);
    const colour = rng.pick(COLOURS);
    const model = rng.pick(PRODUCT_NAMES[category]);
    let sku: string;
    do {
      this.productSeq += 1;
      sku = `${CATEGORY_CODES[category]}-${String(this.productSeq).padStart(5, '0')}-${colour.code}`;
    } while (options.skuTaken?.(sku));
    const roll = rng.next();
    const currency = options.currency ?? (roll < 0.08 ? 'JPY' : roll < 0.16 ? 'EUR' : 'USD');
    const price = currency === 'JPY' ? rng.pick(YEN_PRICES) : Number(rng.pick(DECIMAL_PRICES));
    return {
      productId: this.uuid(),
      sku,
      name: `${model} — ${colour.name}`,
      description: rng.bool(0.8) ? rng.pick(DESCRIPTIONS) : null,
      price,
      currency,
      stock: rng.bool(0.1) ? 0 : rng.int(1, 250),
      category,
      imageUrl: rng.bool(0.85) ? `https://cdn.commerce.io/products/${sku.toLowerCase()}.jpg` : null,
      active: rng.bool(0.9),
      createdAt: iso(createdAtMs),
      updatedAt: this.maybeUpdated(createdAtMs, 0.6),
    };
  }

  customer(createdAtMs: number, options: { emailTaken?: (email: string) => boolean } = {}): WireCustomer {
    const { rng } = this;
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    let email: string;
    do {
      this.customerSeq += 1;
      email = `${slug(firstName)}.${slug(lastName)}${this.customerSeq}@example.com`;
    } while (options.emailTaken?.(email));
    const addressCount = rng.int(1, 3);
    const addresses: WireAddress[] = [];
    for (let i = 0; i < addressCount; i += 1) addresses.push(this.address(firstName, lastName, i === 0));
    const tags = CUSTOMER_TAGS.filter(() => rng.bool(0.25));
    return {
      customerId: this.uuid(),
      email,
      firstName,
      lastName,
      phone: rng.bool(0.7) ? `+1-555-01${String(rng.int(0, 99)).padStart(2, '0')}` : null,
      addresses,
      tags,
      notes: rng.bool(0.15) ? rng.pick(CUSTOMER_NOTES) : null,
      orderCount: 0,
      lastOrderAt: null,
      createdAt: iso(createdAtMs),
      updatedAt: this.maybeUpdated(createdAtMs, 0.5),
    };
  }

  /**
   * A historical order: its lines share one currency (the API refuses mixed-currency orders) and
   * come from real products; stock is not touched (it was reserved long ago).
   */
  order(createdAtMs: number, customer: WireCustomer, products: ProductPool): WireOrder {
    const { rng } = this;
    // Picking the first line from all products weights currencies by catalogue share.
    const first = rng.pick(products.all);
    const pool = products.byCurrency.get(first.currency) ?? [first];
    const lineCount = Math.min(pool.length, rng.int(1, 4));
    const chosen = new Set<WireProduct>([first]);
    while (chosen.size < lineCount) chosen.add(rng.pick(pool));
    const items = [...chosen].map((p) => lineItem(p, rng.int(1, 4)));
    const coupon = rng.bool(0.15) ? rng.pick(Object.keys(COUPONS)) : null;
    const status = weighted(rng, STATUS_WEIGHTS);
    return {
      orderId: this.uuid(),
      customerId: customer.customerId,
      ...totals(items, first.currency, coupon),
      status,
      notes: rng.bool(0.2) ? rng.pick(ORDER_NOTES) : null,
      createdAt: iso(createdAtMs),
      updatedAt:
        status === 'pending'
          ? null
          : iso(Math.min(createdAtMs + rng.int(1, 240) * 3_600_000, HISTORY_END_MS)),
    };
  }

  private address(firstName: string, lastName: string, isDefault: boolean): WireAddress {
    const { rng } = this;
    const place = rng.pick(CITIES);
    return {
      addressId: this.uuid(),
      label: rng.pick(ADDRESS_LABELS),
      firstName,
      lastName,
      company: rng.bool(0.2) ? 'Acme Trading Co.' : null,
      line1: `${rng.int(1, 9999)} ${rng.pick(STREETS)}`,
      line2: rng.bool(0.25) ? `Apt ${rng.int(1, 400)}` : null,
      city: place.city,
      region: place.state === '' ? null : place.state,
      postalCode: place.zip,
      country: place.country,
      phone: null,
      isDefault,
    };
  }

  private maybeUpdated(createdAtMs: number, probability: number): string | null {
    if (!this.rng.bool(probability)) return null;
    return iso(Math.min(createdAtMs + (this.rng.int(1, 400) * DAY_MS) / 4, HISTORY_END_MS));
  }
}

export function lineItem(product: WireProduct, quantity: number): WireOrderItem {
  const unit = toMinor(product.price, product.currency) ?? 0;
  return {
    productId: product.productId,
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: product.price,
    lineTotal: fromMinor(unit * quantity, product.currency),
  };
}

/** Order money: all in integer minor units, back to decimal numbers once at the end. */
export function totals(
  items: WireOrderItem[],
  currency: string,
  coupon: string | null,
): Pick<WireOrder, 'items' | 'subtotal' | 'discount' | 'total' | 'currency'> {
  const subtotal = items.reduce((sum, item) => sum + (toMinor(item.lineTotal, currency) ?? 0), 0);
  const percent = coupon ? (COUPONS[coupon] ?? 0) : 0;
  // Half-up on whole minor units; a discount never exceeds the subtotal.
  const discount = percent > 0 ? Math.min(subtotal, Math.floor((subtotal * percent + 50) / 100)) : 0;
  return {
    items,
    subtotal: fromMinor(subtotal, currency),
    discount: coupon ? fromMinor(discount, currency) : null,
    total: fromMinor(subtotal - discount, currency),
    currency,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function weighted<T>(rng: Rng, table: [T, number][]): T {
  const sum = table.reduce((s, [, w]) => s + w, 0);
  let roll = rng.next() * sum;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]![0];
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
