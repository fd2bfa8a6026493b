import { AWKWARD_AMOUNTS, CITIES, FIRST_NAMES, LAST_NAMES, type Rng } from '../rng';
import { centsToNumber, toCents } from './decimal';
import { applyRefundTotals, recomputeOrder } from './order-state';
import type {
  ChqAddressPart,
  ChqCustomer,
  ChqCustomerAddress,
  ChqImage,
  ChqLineItem,
  ChqOption,
  ChqOrder,
  ChqPayment,
  ChqProduct,
  ChqVariant,
} from './wire-types';

/** Ids of sub-records (addresses, variants, images, lines, fulfilments...) come from these counters. */
export class IdCounters {
  private readonly next = new Map<string, number>();
  take(kind: string): number {
    const id = this.next.get(kind) ?? 10_001;
    this.next.set(kind, id + 1);
    return id;
  }
}

const STREETS = ['Main St', 'Vine Ave', 'Harbour Rd', 'Elm Street', 'Rue du Lac', 'King St W', 'Grove str.'];
const PRODUCT_NOUNS = [
  'Necklace',
  'Bracelet',
  'T-Shirt',
  'Hoodie',
  'Mug',
  'Phone Case',
  'Poster',
  'Backpack',
  'Watch',
];
const ADJECTIVES = ['Classic', 'Fancy', 'Minimal', 'Vintage', 'Glow', 'Everyday', 'Limited', 'Cozy', 'Bold'];
const VENDORS = ['Supplier #1', 'AliSource', 'Dropwise', 'Northwind Goods'];
const TAGS = ['gift', 'bestseller', 'summer', 'new', 'sale', 'eco'];
const COLORS = ['Black', 'White', 'Red', 'Navy', 'Purple', 'Silver'];
const SIZES = ['S', 'M', 'L', 'XL'];
const CARDS: ChqPayment['type'][] = ['Visa', 'MasterCard', 'American Express', 'Discover', 'PayPal'];
const SHIPPING = [
  { description: 'Free shipping', price: '0.00' },
  { description: 'Standard shipping', price: '4.95' },
  { description: 'Super fast shipping', price: '7.95' },
  { description: 'Express', price: '12.50' },
];
/** 8.165 has three decimals: CommerceHQ could not send it for USD, so it stays out of generated data. */
const PRICES = [...AWKWARD_AMOUNTS.filter((a) => a !== '8.165'), '24.95', '49.00', '12.99', '5.50', '149.00'];

/** 2024-01-01T00:00:00Z: generated customers join during 2024, generated orders are placed in 2025. */
export const TIMELINE_START = 1_704_067_200;
const YEAR = 31_536_000;

export class ChqGenerator {
  constructor(
    readonly rng: Rng,
    readonly ids: IdCounters,
  ) {}

  customer(id: number, createdAt: number): ChqCustomer {
    const { rng } = this;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const addresses: ChqCustomerAddress[] = [];
    const count = rng.pick([1, 1, 2, 2, 3]);
    for (let i = 0; i < count; i++) addresses.push(this.address(first, last));
    const payment: ChqPayment[] = [];
    if (rng.bool(0.7)) payment.push(this.payment());
    const updated = rng.next();
    return {
      id,
      email: `${ascii(first)}.${ascii(last)}.${id}@example.com`,
      first_name: first,
      last_name: last,
      address: addresses,
      payment,
      notes: rng.bool(0.2) ? rng.pick(['VIP', 'Prefers email contact', 'Wholesale enquiry']) : null,
      statistics: { last_purchase: null, order_count: 0, lifetime_spent: 0 },
      orders: [],
      tags: [],
      created_at: createdAt,
      // The seed shows both null and 0 for "never updated".
      updated_at: updated < 0.15 ? 0 : updated < 0.3 ? null : createdAt + rng.int(60, 86_400 * 30),
    };
  }

  private address(first: string, last: string): ChqCustomerAddress {
    const { rng } = this;
    const place = rng.pick(CITIES);
    const shipping: ChqAddressPart = {
      first_name: first,
      last_name: last,
      company: rng.bool(0.2) ? rng.pick(['Acme Ltd', 'Vineyard Co', 'Studio Nine']) : null,
      street: `${rng.int(1, 999)} ${rng.pick(STREETS)}`,
      suite: rng.bool(0.4) ? String(rng.int(1, 40)) : null,
      city: place.city,
      country: place.country,
      state: place.state === '' ? null : place.state,
      zip: place.zip,
    };
    const { company: _company, ...rest } = shipping;
    const billing: ChqAddressPart = rng.bool(0.8)
      ? { ...rest }
      : { ...rest, street: `${rng.int(1, 999)} ${rng.pick(STREETS)}` };
    return {
      id: this.ids.take('address'),
      shipping,
      billing,
      phone: rng.bool(0.8) ? `+1${rng.int(200, 999)}555${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
    };
  }

  private payment(): ChqPayment {
    const type = this.rng.pick(CARDS);
    return { type, last4: type === 'PayPal' ? null : String(this.rng.int(0, 9999)).padStart(4, '0') };
  }

  product(id: number, createdAt: number): ChqProduct {
    const { rng } = this;
    const noun = rng.pick(PRODUCT_NOUNS);
    const title = `${rng.pick(ADJECTIVES)} ${noun} ${id}`;
    const isMulti = rng.bool(0.7);
    const baseSku = `${noun.slice(0, 3).toUpperCase()}-${String(id).padStart(4, '0')}`;
    const images: ChqImage[] = [];
    for (let i = rng.int(0, 3); i > 0; i--) images.push(this.image());
    const base: ChqProduct = {
      id,
      title,
      is_multi: isMulti,
      type: noun,
      collections: rng.bool(0.5) ? [rng.int(1, 7)] : [],
      tags: TAGS.filter(() => rng.bool(0.25)),
      shipping_weight: rng.bool(0.9) ? rng.int(1, 3000) : null,
      auto_fulfilment: rng.bool(0.3),
      track_inventory: rng.bool(0.3),
      vendor: rng.bool(0.85) ? rng.pick(VENDORS) : null,
      sku: baseSku,
      seo_meta: null,
      seo_title: title,
      seo_url: slug(title),
      is_template: false,
      is_draft: rng.bool(0.15),
      created_at: createdAt,
      updated_at: rng.bool(0.5) ? createdAt : createdAt + rng.int(60, 86_400 * 60),
      textareas: [{ name: 'Description', text: `The ${title.toLowerCase()}, made to last.` }],
      images,
      options: [],
      variants: [],
    };
    if (!isMulti) {
      const price = rng.pick(PRICES);
      base.price = Number(price);
      base.compare_price = rng.bool(0.4) ? centsToNumber((toCents(price) ?? 0) + rng.int(1, 20) * 100) : null;
      return base;
    }
    const options: ChqOption[] = [
      { title: 'Color', changes_look: rng.bool(0.5), values: pickSome(rng, COLORS, rng.int(2, 3)) },
    ];
    if (rng.bool(0.6))
      options.push({ title: 'Size', changes_look: false, values: pickSome(rng, SIZES, rng.int(2, 3)) });
    const combos = cartesian(options.map((o) => o.values));
    const price = rng.pick(PRICES);
    const variants: ChqVariant[] = combos.map((variant, i) => {
      const bump = options.length > 1 && variant[1] === 'XL' ? 200 : 0;
      const cents = (toCents(price) ?? 0) + bump;
      return {
        id: this.ids.take('variant'),
        variant,
        price: centsToNumber(cents),
        compare_price: rng.bool(0.3) ? centsToNumber(cents + 500) : null,
        sku: rng.bool(0.9) ? `${baseSku}-${i + 1}` : null,
        default: i === 0,
        ignore: i > 0 && rng.bool(0.05),
        images: rng.bool(0.2) ? [this.image()] : [],
      };
    });
    base.options = options;
    base.variants = variants;
    return base;
  }

  image(): ChqImage {
    const id = this.ids.take('image');
    let hex = '';
    for (let i = 0; i < 4; i++)
      hex += Math.floor(this.rng.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return {
      id,
      path: `https://s3-us-west-2.amazonaws.com/commercehq-userfiles/sandbox/uploads/${id}_${hex}.jpg`,
      max_size: this.rng.int(5, 9),
    };
  }

  /** An order by `customer` (null for a guest checkout) of 1–3 of `products`, placed at `orderDate`. */
  order(
    id: number,
    orderDate: number,
    customer: ChqCustomer | null,
    products: readonly ChqProduct[],
  ): ChqOrder {
    const { rng } = this;
    const items: ChqLineItem[] = [];
    const chosen = new Set<ChqProduct>();
    const lineCount = Math.min(products.length, rng.pick([1, 1, 2, 2, 3]));
    while (chosen.size < lineCount) chosen.add(rng.pick(products));
    let subtotal = 0;
    for (const product of chosen) {
      const line = this.lineItem(product);
      subtotal += (toCents(line.data.price) ?? 0) * line.status.quantity;
      items.push(line);
    }
    const shipping = rng.pick(SHIPPING);
    const tax = rng.bool(0.3) ? Math.round(subtotal * 0.08) : 0;
    const totalCents = subtotal + (toCents(shipping.price) ?? 0) + tax;
    const addr = customer?.address[0];
    const paid = weighted(rng, [
      [0, 10],
      [1, 75],
      [-1, 8],
      [-2, 7],
    ]);
    const email = customer?.email ?? `guest.${id}@example.net`;
    const order: ChqOrder = {
      id,
      display_number: `RH${id}`,
      email,
      status: 0,
      paid: paid === 0 ? 0 : 1,
      discounts: [],
      shipping: { ...shipping },
      tax: centsToNumber(tax),
      total: centsToNumber(totalCents),
      ip: `198.51.100.${rng.int(1, 254)}`,
      items,
      fulfilments: [],
      shipments: [],
      restocks: [],
      customer: customer
        ? {
            id: customer.id,
            email: customer.email,
            first_name: customer.first_name,
            last_name: customer.last_name,
          }
        : null,
      address: addr
        ? { shipping: { ...addr.shipping }, billing: { company: null, ...addr.billing }, phone: addr.phone }
        : null,
      payment: customer?.payment[0] ? { ...customer.payment[0] } : this.payment(),
      conversion: rng.bool(0.5)
        ? {
            landing_page: `https://sandbox.example.com/product/${id}`,
            referrer: rng.pick(['google.com', 'facebook.com']),
          }
        : { landing_page: null, referrer: null },
      risk_level: { ip_fail: rng.bool(0.05), address_fail: rng.bool(0.05), zip_fail: false, cvc_fail: false },
      refunded: 0,
      refund_possible: paid !== 0,
      order_date: orderDate,
      updated_at: null,
      notes: rng.bool(0.15)
        ? rng.pick(['Gift wrap please', 'Leave at the door', 'Call before delivery'])
        : null,
    };
    if (paid !== 0) this.fulfil(order);
    recomputeOrder(order);
    if (paid === -1) applyRefundTotals(order, rng.int(1, Math.max(1, totalCents - 1)));
    if (paid === -2) applyRefundTotals(order, totalCents);
    if (order.status !== 0 || paid < 0 || rng.bool(0.3))
      order.updated_at = orderDate + rng.int(3_600, 86_400 * 10);
    return order;
  }

  lineItem(product: ChqProduct, quantity?: number): ChqLineItem {
    const { rng } = this;
    const usable = product.variants.filter((v) => !v.ignore);
    const variant = product.is_multi && usable.length > 0 ? rng.pick(usable) : undefined;
    const q = quantity ?? rng.pick([1, 1, 1, 2, 3]);
    const image = variant?.images[0] ?? product.images[0];
    return {
      data: {
        id: this.ids.take('line'),
        product_id: product.id,
        title: product.title,
        is_multi: product.is_multi,
        type: product.type,
        is_giftcard: false,
        shipping_weight: product.shipping_weight,
        vendor: product.vendor,
        auto_fulfilment: product.auto_fulfilment,
        track_inventory: product.track_inventory,
        sku: variant?.sku ?? product.sku,
        price: variant?.price ?? product.price ?? 0,
        compare_price: variant?.compare_price ?? product.compare_price ?? null,
        image: image?.path ?? null,
        image_max_size: image?.max_size ?? 8,
        variant: variant ? { id: variant.id, variant: [...variant.variant] } : null,
      },
      status: { quantity: q, not_fulfilled: q, fulfilled: 0, shipped: 0, restocked: 0 },
    };
  }

  /** Sends part or all of a paid order to fulfilment and ships part or all of that, at random. */
  private fulfil(order: ChqOrder): void {
    const { rng } = this;
    const quantity = order.items.reduce((n, l) => n + l.status.quantity, 0);
    const target = weighted(rng, [
      [0, 30],
      [1, 8],
      [2, 7],
      [3, 15],
      [4, 10],
      [5, 30],
    ]);
    let sent = 0;
    let shipped = 0;
    if (target === 0 || quantity < 2) {
      if (target === 0) return;
      sent = quantity;
      shipped = target >= 4 ? quantity : 0;
    } else if (target === 1) {
      sent = rng.int(1, quantity - 1);
    } else if (target === 2) {
      sent = rng.int(1, quantity - 1);
      shipped = rng.int(1, sent);
    } else {
      sent = quantity;
      shipped = target === 3 ? 0 : target === 4 ? rng.int(1, quantity - 1) : quantity;
    }
    const created = order.order_date + rng.int(600, 86_400);
    const fulfilment = {
      id: this.ids.take('fulfilment'),
      items: take(order, sent),
      warehouse: order.items.some((l) => l.data.track_inventory) ? rng.int(1, 3) : null,
      created_at: created,
    };
    order.fulfilments.push(fulfilment);
    if (shipped > 0) {
      order.shipments.push({
        id: this.ids.take('shipment'),
        fulfilment_id: fulfilment.id,
        items: take(order, shipped),
        tracking_number: `1Z${String(rng.int(0, 999_999_999)).padStart(9, '0')}${rng.int(10, 99)}`,
        shipping_carrier: rng.int(1, 7),
        created_at: created + rng.int(3_600, 86_400 * 3),
      });
    }
  }
}

/** The first `units` units of an order's lines, line by line. */
function take(order: ChqOrder, units: number): Array<{ id: number; quantity: number }> {
  const out: Array<{ id: number; quantity: number }> = [];
  let left = units;
  for (const line of order.items) {
    if (left <= 0) break;
    const q = Math.min(left, line.status.quantity);
    out.push({ id: line.data.id, quantity: q });
    left -= q;
  }
  return out;
}

/** Fills a customer's statistics, order ids and bought-product tags from their orders. */
export function applyCustomerOrders(
  customer: ChqCustomer,
  orders: readonly ChqOrder[],
  productTags: (productId: number) => readonly string[],
): void {
  let spent = 0;
  let last: number | null = null;
  const tags = new Set<string>();
  for (const o of orders) {
    spent += toCents(o.total) ?? 0;
    if (last === null || o.order_date > last) last = o.order_date;
    for (const line of o.items) for (const t of productTags(line.data.product_id)) tags.add(t);
  }
  customer.orders = orders.map((o) => o.id);
  customer.statistics = {
    last_purchase: last,
    order_count: orders.length,
    // Documented as "int" but it is money: sent as a decimal number, like every other amount.
    lifetime_spent: centsToNumber(spent),
  };
  customer.tags = [...tags].sort();
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pickSome<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]!);
  return out;
}

function cartesian(lists: string[][]): string[][] {
  return lists.reduce<string[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])),
    [[]],
  );
}

function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((n, [, w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Seconds across the generated timeline: customers join in year one, orders come in year two. */
export function spread(index: number, count: number, start: number): number {
  return start + Math.floor(((index + 1) / (count + 1)) * YEAR);
}
