import type { SimResponse } from '../types';
import { Checker, isObject } from './check';
import { type C7Env, CURSOR_TAGS, iso, noContent, ok, rejection } from './env';
import { c7Error, invalid, notFound } from './errors';
import { type FilterDef, listResponse } from './listing';
import type { C7Fulfillment, C7Order, C7OrderAddress, C7OrderItem, C7Tender } from './wire-types';

type Obj = Record<string, unknown>;

export const CHANNELS = ['Inbound', 'Web', 'POS', 'Club'] as const;
export const PAYMENT_STATUSES = ['Paid', 'Authorized', 'Cancelled'] as const;
export const FULFILLMENT_STATUSES = [
  'Fulfilled',
  'Not Fulfilled',
  'Partially Fulfilled',
  'No Fulfillment Required',
] as const;
const DELIVERY_METHODS = ['Pickup', 'Carry Out', 'Ship'] as const;
const TAX_SALE_TYPES = ['Offsite', 'Onsite'] as const;
const FULFILLMENT_TYPES = ['Shipped', 'Picked Up', 'No Fulfillment Required'] as const;
/** "orderNumber is an integer with maximum number of 2,147,483,647" (orders docs). */
const MAX_ORDER_NUMBER = 2_147_483_647;

const itemValues = (r: Obj, key: string): unknown[] =>
  Array.isArray(r.items) ? r.items.map((it) => (isObject(it) ? it[key] : undefined)) : [];

/**
 * Documented `GET /order` filters. `updatedAt` takes `=`, `gt:`, `gte:`, `lt:`, `lte:`; the three
 * order dates also take `btw:`. `orderTagId`/`tagId`/`queryId` name objects this sandbox does not
 * hold (no order carries tags in the docs' examples), so they match nothing.
 */
const ORDER_FILTERS: readonly FilterDef[] = [
  {
    param: 'q',
    kind: 'text',
    get: (r) => [
      String(r.orderNumber ?? ''),
      addrName(r.billTo),
      addrName(r.shipTo),
      ...itemValues(r, 'sku'),
    ],
  },
  { param: 'customerId', kind: 'exact', get: (r) => r.customerId },
  { param: 'id', kind: 'exact', get: (r) => r.id },
  { param: 'posProfileId', kind: 'exact', get: (r) => r.posProfileId },
  { param: 'allocationId', kind: 'exact', get: (r) => itemValues(r, 'allocationId') },
  { param: 'tagId', kind: 'exact', get: () => [] },
  { param: 'orderTagId', kind: 'exact', get: () => [] },
  { param: 'queryId', kind: 'exact', get: () => [] },
  { param: 'updatedAt', kind: 'date', get: (r) => r.updatedAt },
  { param: 'orderPaidDate', kind: 'date', get: (r) => r.orderPaidDate, between: true },
  { param: 'orderFulfilledDate', kind: 'date', get: (r) => r.orderFulfilledDate, between: true },
  { param: 'orderSubmittedDate', kind: 'date', get: (r) => r.orderSubmittedDate, between: true },
  { param: 'fulfillmentStatus', kind: 'exact', get: (r) => r.fulfillmentStatus },
  { param: 'complianceStatus', kind: 'exact', get: (r) => r.complianceStatus },
  { param: 'channel', kind: 'exact', get: (r) => r.channel },
  { param: 'orderDeliveryMethod', kind: 'exact', get: (r) => r.orderDeliveryMethod },
];

function addrName(a: unknown): string {
  if (!isObject(a)) return '';
  return [a.firstName, a.lastName].filter((p) => typeof p === 'string').join(' ');
}

export function listOrders(env: C7Env, query: URLSearchParams): SimResponse {
  return listResponse(query, {
    key: 'orders',
    cursor: { tag: CURSOR_TAGS.order, node: env.node, lookahead: env.lookahead },
    filters: ORDER_FILTERS,
    rowsAfter: (seq) => env.store.orders.rowsAfter(seq),
  });
}

export function getOrder(env: C7Env, id: string): SimResponse {
  const o = env.store.orders.get(id);
  return o ? ok(o) : notFound('Order');
}

function readOrderAddress(
  env: C7Env,
  body: Obj,
  key: string,
  check: Checker,
): C7OrderAddress | null | undefined {
  const a = check.object(body, key, key);
  if (a === undefined || a === null) return a;
  return {
    id: env.store.generator.uuid(),
    customerAddressId: check.string(a, 'customerAddressId', `${key}.customerAddressId`) ?? null,
    birthDate: check.date(a, 'birthDate', `${key}.birthDate`) ?? null,
    honorific: check.string(a, 'honorific', `${key}.honorific`) ?? null,
    firstName: check.string(a, 'firstName', `${key}.firstName`) ?? null,
    lastName: check.string(a, 'lastName', `${key}.lastName`) ?? null,
    company: check.string(a, 'company', `${key}.company`) ?? null,
    phone: check.string(a, 'phone', `${key}.phone`) ?? null,
    address: check.string(a, 'address', `${key}.address`) ?? null,
    address2: check.string(a, 'address2', `${key}.address2`) ?? null,
    city: check.string(a, 'city', `${key}.city`) ?? null,
    stateCode: check.string(a, 'stateCode', `${key}.stateCode`) ?? null,
    zipCode: check.string(a, 'zipCode', `${key}.zipCode`) ?? null,
    countryCode: check.countryCode(a, 'countryCode', `${key}.countryCode`) ?? null,
  };
}

/**
 * `POST /order` (historical import: "The order will not be charged") and `PUT /order/upsert`.
 * The docs' own example sends `orderNumber` as a string ("123456"), so digit strings are read as
 * the integer they spell; anything else must be an integer up to 2,147,483,647.
 */
function readOrder(env: C7Env, body: Obj, check: Checker, replacing: C7Order | undefined) {
  const conflicts: Checker['errors'] = [];
  let orderNumber: number | undefined;
  const rawNumber = body.orderNumber;
  if (typeof rawNumber === 'string' && /^\d{1,10}$/.test(rawNumber)) orderNumber = Number(rawNumber);
  else if (rawNumber !== undefined && rawNumber !== null) {
    orderNumber = check.int(body, 'orderNumber', 'orderNumber', { min: 1 }) ?? undefined;
  }
  if (orderNumber !== undefined && orderNumber > MAX_ORDER_NUMBER) {
    check.fail('orderNumber', `"orderNumber" must be less than or equal to ${MAX_ORDER_NUMBER}`);
    orderNumber = undefined;
  }
  if (orderNumber !== undefined) {
    for (const o of env.store.orders.values()) {
      if (o.orderNumber === orderNumber && o.id !== replacing?.id) {
        conflicts.push({ field: 'orderNumber', message: `Order number ${orderNumber} is already used` });
        break;
      }
    }
  }
  const channel = check.oneOf(body, 'channel', 'channel', CHANNELS, { required: true });
  const customerId = check.string(body, 'customerId', 'customerId');
  if (typeof customerId === 'string' && !env.store.customers.has(customerId)) {
    check.fail('customerId', '"customerId" is not the id of a customer');
  }
  const money = (key: string, required = false) => check.int(body, key, key, { required, min: 0 }) ?? 0;
  const subTotal = money('subTotal', true);
  const total = money('total', true);
  const paymentStatus = check.oneOf(body, 'paymentStatus', 'paymentStatus', PAYMENT_STATUSES) ?? 'Paid';
  const fulfillmentStatus =
    check.oneOf(body, 'fulfillmentStatus', 'fulfillmentStatus', FULFILLMENT_STATUSES) ?? 'Not Fulfilled';
  const now = iso(env.store.createdNow());
  const submitted = check.datetime(body, 'orderSubmittedDate', 'orderSubmittedDate') ?? now;
  const paid = check.datetime(body, 'orderPaidDate', 'orderPaidDate');
  const fulfilled = check.datetime(body, 'orderFulfilledDate', 'orderFulfilledDate');

  const rawItems = check.objects(body, 'items', 'items', { required: true, min: 1 }) ?? [];
  const items: C7OrderItem[] = [];
  rawItems.forEach((it, i) => {
    const p = `items.${i}`;
    const quantity = check.int(it, 'quantity', `${p}.quantity`, { required: true, min: 1 }) ?? 0;
    const price = check.int(it, 'price', `${p}.price`, { required: true, min: 0 }) ?? 0;
    const fulfilledQty =
      check.int(it, 'quantityFulfilled', `${p}.quantityFulfilled`, { min: 0, max: quantity }) ?? null;
    items.push({
      id: env.store.generator.uuid(),
      productTitle: check.string(it, 'productTitle', `${p}.productTitle`, { required: true }) ?? '',
      type: check.string(it, 'type', `${p}.type`) ?? 'General Merchandise',
      inventoryLocationId: check.string(it, 'inventoryLocationId', `${p}.inventoryLocationId`) ?? null,
      productId: check.string(it, 'productId', `${p}.productId`) ?? null,
      productVariantTitle: check.string(it, 'productVariantTitle', `${p}.productVariantTitle`) ?? null,
      productVariantId: check.string(it, 'productVariantId', `${p}.productVariantId`) ?? null,
      image: check.string(it, 'image', `${p}.image`) ?? null,
      sku: check.string(it, 'sku', `${p}.sku`, { required: true }) ?? '',
      costOfGood: check.int(it, 'costOfGood', `${p}.costOfGood`, { min: 0 }) ?? 0,
      price,
      originalPrice: check.int(it, 'originalPrice', `${p}.originalPrice`, { min: 0 }) ?? price,
      comparePrice: check.int(it, 'comparePrice', `${p}.comparePrice`, { nullable: true, min: 0 }) ?? null,
      bottleDeposit: check.int(it, 'bottleDeposit', `${p}.bottleDeposit`, { min: 0 }) ?? 0,
      quantity,
      quantityFulfilled: fulfilledQty ?? (fulfillmentStatus === 'Fulfilled' ? quantity : 0),
      isPriceOverride: false,
      tax: check.int(it, 'tax', `${p}.tax`, { min: 0 }) ?? 0,
      taxType: check.string(it, 'taxType', `${p}.taxType`) ?? 'Wine',
      weight: check.number(it, 'weight', `${p}.weight`) ?? 0,
      hasShipping: check.bool(it, 'hasShipping', `${p}.hasShipping`) ?? true,
      vendor: check.string(it, 'vendor', `${p}.vendor`) ?? null,
      volumeInML: check.int(it, 'volumeInML', `${p}.volumeInML`, { nullable: true, min: 0 }) ?? null,
      departmentCode: check.string(it, 'departmentCode', `${p}.departmentCode`) ?? null,
      allocationId: check.string(it, 'allocationId', `${p}.allocationId`) ?? null,
      departmentId: null,
      collectionIds: null,
    });
  });

  const tenders: C7Tender[] = [];
  (check.objects(body, 'tenders', 'tenders') ?? []).forEach((t, i) => {
    const p = `tenders.${i}`;
    const at = check.datetime(t, 'paymentDate', `${p}.paymentDate`) ?? paid ?? now;
    tenders.push({
      id: env.store.generator.uuid(),
      refundId: null,
      previousTenderId: null,
      tenderType: check.string(t, 'tenderType', `${p}.tenderType`, { required: true }) ?? '',
      chargeType: check.string(t, 'chargeType', `${p}.chargeType`) ?? 'Sale',
      chargeStatus: check.string(t, 'chargeStatus', `${p}.chargeStatus`) ?? 'Success',
      amountTendered: check.int(t, 'amountTendered', `${p}.amountTendered`, { required: true }) ?? 0,
      tip: check.int(t, 'tip', `${p}.tip`, { min: 0 }) ?? 0,
      errorCode: '',
      paymentDate: at,
      createdAt: at,
      updatedAt: at,
      creditCard: null,
    });
  });

  const shipTo = readOrderAddress(env, body, 'shipTo', check) ?? null;
  const billTo = readOrderAddress(env, body, 'billTo', check) ?? null;
  const pickupBy = readOrderAddress(env, body, 'pickupBy', check) ?? null;
  const carryOut = readOrderAddress(env, body, 'carryOut', check) ?? null;
  const shipTotal = money('shipTotal');
  const tipTotal = money('tipTotal');
  const order: Omit<C7Order, 'id' | 'orderNumber'> & { orderNumber: number | undefined } = {
    orderSubmittedDate: submitted,
    orderPaidDate: paid ?? (paymentStatus === 'Paid' ? submitted : null),
    // "If orderFulfilledDate is not provided will be populated with the orderPaidDate."
    orderFulfilledDate: fulfilled ?? (fulfillmentStatus === 'Fulfilled' ? (paid ?? submitted) : null),
    orderNumber,
    orderSource: 'Internal',
    externalOrderNumber: check.string(body, 'externalOrderNumber', 'externalOrderNumber') ?? null,
    externalOrderVendor: check.string(body, 'externalOrderVendor', 'externalOrderVendor') ?? null,
    previousOrderId: null,
    previousOrderNumber: null,
    linkedOrders: [],
    refundOrderId: null,
    refundOrderNumber: null,
    paymentStatus,
    complianceStatus: 'Not Checked',
    fulfillmentStatus,
    cartId: null,
    channel: channel ?? 'Inbound',
    posProfileId: check.string(body, 'posProfileId', 'posProfileId') ?? null,
    customerId: customerId ?? null,
    orderDeliveryMethod:
      check.oneOf(body, 'orderDeliveryMethod', 'orderDeliveryMethod', DELIVERY_METHODS) ?? 'Ship',
    shippingInstructions: check.string(body, 'shippingInstructions', 'shippingInstructions') ?? null,
    taxSaleType: check.oneOf(body, 'taxSaleType', 'taxSaleType', TAX_SALE_TYPES) ?? 'Offsite',
    subTotal,
    shipTotal,
    taxTotal: money('taxTotal'),
    dutyTotal: money('dutyTotal'),
    bottleDepositTotal: money('bottleDepositTotal'),
    tipTotal,
    total,
    totalAfterTip: total + tipTotal,
    giftMessage: check.string(body, 'giftMessage', 'giftMessage') ?? null,
    allowPromotions: true,
    flags: [],
    productTenantId: null,
    isNonTaxable: check.bool(body, 'isNonTaxable', 'isNonTaxable') ?? false,
    createdAt: now,
    updatedAt: now,
    club: null,
    shipping: [],
    coupons: [],
    shipTo,
    billTo,
    pickupBy,
    carryOut,
    promotions: [],
    tenders,
    items,
    fulfillments: [],
    taxes: [],
    duties: [],
    selectedShippingOptions: { shippingServiceId: null },
  };
  return { order, conflicts };
}

export function createOrder(env: C7Env, body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const { order, conflicts } = readOrder(env, body, check, undefined);
  const rejected = rejection(check, conflicts);
  if (rejected) return rejected;
  const orderNumber = order.orderNumber ?? env.store.generator.takeOrderNumber();
  env.store.generator.noteOrderNumber(orderNumber);
  const created: C7Order = { ...order, id: env.store.generator.uuid(), orderNumber };
  created.cartId = created.id;
  env.store.orders.insert(created);
  env.store.recomputeCustomerStats(created.customerId);
  return ok(created);
}

/** `PUT /order/upsert`: "Delete the order if it exists, then POST it"; needs both order numbers. */
export function upsertOrder(env: C7Env, body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const pre = new Checker();
  pre.string(body, 'externalOrderNumber', 'externalOrderNumber', { required: true });
  if (body.orderNumber === undefined || body.orderNumber === null)
    pre.fail('orderNumber', '"orderNumber" is required');
  if (!pre.ok) return invalid(pre.errors);
  const wanted = typeof body.orderNumber === 'string' ? Number(body.orderNumber) : body.orderNumber;
  let existing: C7Order | undefined;
  for (const o of env.store.orders.values()) if (o.orderNumber === wanted) existing = o;
  const check = new Checker();
  const { order } = readOrder(env, body, check, existing);
  const rejected = rejection(check);
  if (rejected) return rejected;
  if (existing) env.store.orders.delete(existing.id);
  const created: C7Order = { ...order, id: env.store.generator.uuid(), orderNumber: order.orderNumber! };
  created.cartId = created.id;
  env.store.generator.noteOrderNumber(created.orderNumber);
  env.store.orders.insert(created);
  if (existing) env.store.recomputeCustomerStats(existing.customerId);
  env.store.recomputeCustomerStats(created.customerId);
  return ok(created);
}

// ---- Fulfillment ------------------------------------------------------------------------------

function settleFulfillment(order: C7Order, at: string): void {
  const open = order.items.filter((it) => it.quantityFulfilled < it.quantity);
  const any = order.items.some((it) => it.quantityFulfilled > 0);
  if (order.fulfillments.some((f) => f.type === 'No Fulfillment Required')) {
    order.fulfillmentStatus = 'No Fulfillment Required';
    order.orderFulfilledDate = at;
  } else if (open.length === 0 && order.items.length > 0) {
    order.fulfillmentStatus = 'Fulfilled';
    order.orderFulfilledDate = at;
  } else {
    order.fulfillmentStatus = any ? 'Partially Fulfilled' : 'Not Fulfilled';
    order.orderFulfilledDate = null;
  }
}

/**
 * `POST /order/{id}/fulfillment` (chosen items) and `/fulfillment/all` (every open item): a
 * `Shipped` fulfilment carries `shipped.trackingNumbers` and `carrier`; the response is the order.
 */
export function createFulfillment(env: C7Env, orderId: string, body: unknown, all: boolean): SimResponse {
  const current = env.store.orders.get(orderId);
  if (!current) return notFound('Order');
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const type = check.oneOf(body, 'type', 'type', FULFILLMENT_TYPES, { required: true });
  const date = check.datetime(body, 'fulfillmentDate', 'fulfillmentDate') ?? iso(env.store.createdNow());
  const packageCount = check.int(body, 'packageCount', 'packageCount', { min: 0 }) ?? 1;
  check.bool(body, 'sendTransactionEmail', 'sendTransactionEmail');
  const order: C7Order = structuredClone(current);
  let lines: { sku: string; quantityFulfilled: number }[] = [];
  if (type !== 'No Fulfillment Required') {
    if (all) {
      lines = order.items
        .filter((it) => it.quantityFulfilled < it.quantity)
        .map((it) => ({ sku: it.sku, quantityFulfilled: it.quantity - it.quantityFulfilled }));
    } else {
      (check.objects(body, 'items', 'items', { required: true, min: 1 }) ?? []).forEach((it, i) => {
        const sku = check.string(it, 'sku', `items.${i}.sku`, { required: true });
        const qty = check.int(it, 'quantityFulfilled', `items.${i}.quantityFulfilled`, {
          required: true,
          min: 1,
        });
        if (typeof sku === 'string' && typeof qty === 'number') lines.push({ sku, quantityFulfilled: qty });
      });
    }
  }
  if (!check.ok) return invalid(check.errors);
  // The docs do not say whether a cancelled order can be fulfilled; the simulator does not refuse it.
  if (type !== 'No Fulfillment Required' && lines.length === 0) {
    return c7Error(422, 'Every item of this order is already fulfilled', [
      { field: 'items', message: 'Nothing left to fulfil' },
    ]);
  }
  // Quantities are taken from the lines with that SKU in order, never beyond what is open.
  const errors: { field: string; message: string }[] = [];
  lines.forEach((line, i) => {
    let left = line.quantityFulfilled;
    const matching = order.items.filter((it) => it.sku === line.sku);
    if (matching.length === 0) {
      errors.push({ field: `items.${i}.sku`, message: `SKU ${line.sku} is not on this order` });
      return;
    }
    for (const it of matching) {
      const take = Math.min(left, it.quantity - it.quantityFulfilled);
      it.quantityFulfilled += take;
      left -= take;
    }
    if (left > 0) {
      errors.push({
        field: `items.${i}.quantityFulfilled`,
        message: `Only ${line.quantityFulfilled - left} of SKU ${line.sku} remain to be fulfilled`,
      });
    }
  });
  if (errors.length > 0) return invalid(errors);

  const fulfillment: C7Fulfillment = {
    id: env.store.generator.uuid(),
    type: type!,
    fulfillmentDate: date,
    packageCount,
    items: lines,
  };
  if (type === 'Shipped') {
    const shipped = check.object(body, 'shipped', 'shipped') ?? {};
    fulfillment.shipped = {
      trackingNumbers: check.strings(shipped, 'trackingNumbers', 'shipped.trackingNumbers') ?? [],
      carrier: check.string(shipped, 'carrier', 'shipped.carrier') ?? null,
    };
  } else if (type === 'Picked Up') {
    const picked = check.object(body, 'pickedUp', 'pickedUp') ?? {};
    fulfillment.pickedUp = { pickedUpBy: check.string(picked, 'pickedUpBy', 'pickedUp.pickedUpBy') ?? null };
  }
  if (!check.ok) return invalid(check.errors);
  order.fulfillments.push(fulfillment);
  settleFulfillment(order, date);
  order.updatedAt = iso(env.store.createdNow());
  env.store.orders.put(orderId, order);
  return ok(order);
}

export function deleteFulfillment(env: C7Env, orderId: string, fulfillmentId: string): SimResponse {
  const current = env.store.orders.get(orderId);
  if (!current) return notFound('Order');
  const order: C7Order = structuredClone(current);
  const at = order.fulfillments.findIndex((f) => f.id === fulfillmentId);
  if (at < 0) return notFound('Fulfillment');
  const [removed] = order.fulfillments.splice(at, 1);
  for (const line of removed!.items) {
    let left = line.quantityFulfilled;
    for (const it of [...order.items].reverse()) {
      if (it.sku !== line.sku) continue;
      const back = Math.min(left, it.quantityFulfilled);
      it.quantityFulfilled -= back;
      left -= back;
    }
  }
  const now = iso(env.store.createdNow());
  settleFulfillment(order, order.fulfillments.at(-1)?.fulfillmentDate ?? now);
  order.updatedAt = now;
  env.store.orders.put(orderId, order);
  return noContent();
}
