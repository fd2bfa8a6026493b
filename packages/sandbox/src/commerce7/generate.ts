import { CITIES, FIRST_NAMES, LAST_NAMES, type Rng } from '../rng';
import { uuidFrom } from './ids';
import type {
  C7Customer,
  C7CustomerAddress,
  C7Fulfillment,
  C7InventoryEntry,
  C7Order,
  C7OrderAddress,
  C7OrderItem,
  C7Product,
  C7Tag,
  C7Tender,
  C7Variant,
} from './wire-types';

const STREETS = [
  'Solano Ave',
  'Main St',
  'Vineyard Ln',
  'Oak Knoll Rd',
  'Broughton St',
  'Silverado Trail',
] as const;
const VARIETALS = [
  ['Pinot Noir', 'Red'],
  ['Cabernet Sauvignon', 'Red'],
  ['Chardonnay', 'White'],
  ['Sauvignon Blanc', 'White'],
  ['Syrah', 'Red'],
  ['Rosé of Grenache', 'Rosé'],
  ['Zinfandel', 'Red'],
  ['Riesling', 'White'],
] as const;
const APPELLATIONS = [
  'Oakville',
  'Carneros',
  'Russian River Valley',
  'Willamette Valley',
  'Paso Robles',
] as const;
const MERCH = ['Logo Corkscrew', 'Estate Olive Oil', 'Tasting Flight', 'Wine Tote', 'Gift Card'] as const;
/**
 * Unit prices in cents. Commerce7 sends integer cents, so the decimal traps of other platforms
 * (0.10, 0.30, 7.95, 19.99, 1234.50, 99.99 as floats) arrive here as 10, 30, 795, 1999, 123450,
 * 9999; 8.165 cannot be a cent amount and never appears in generated data.
 */
const PRICES = [10, 30, 795, 1999, 1, 123450, 9999, 2500, 4200, 6500, 3800, 5400] as const;
const VARIANT_SIZES = [
  ['750ml', 750, 1],
  ['1.5L Magnum', 1500, 2.2],
  ['375ml', 375, 0.55],
  ['6-Bottle Case', 4500, 5.5],
] as const;
const TAG_TITLES = ['VIP', 'Wine Club', 'Newsletter', 'Wholesale', 'Trade'] as const;
const CLUBS = ['Big Club', 'Red Club', 'Reserve Society'] as const;
const COLLECTIONS = ['Wine', 'Library', 'Homepage', 'Gifts'] as const;
const CARRIERS = ['UPS', 'FedEx', 'GSO'] as const;

// Weighted choices (repeats make a value likelier), hoisted so generation allocates less.
const HONORIFIC_W = [null, null, 'Mr', 'Ms', 'Dr'] as const;
const MARKETING_W = ['Subscribed', 'Unsubscribed', null] as const;
const INVENTORY_POLICY_W = ['Dont Sell', 'Back Order'] as const;
const WEB_STATUS_W = ['Available', 'Available', 'Available', 'Not Available', 'Retired'] as const;
const ADMIN_STATUS_W = ['Available', 'Available', 'Available', 'Not Available', 'Hidden'] as const;
const AVAILABLE_TO_W = ['Public', 'Public', 'Public', 'Club'] as const;
const CHANNEL_W = ['Web', 'Web', 'Web', 'POS', 'POS', 'Club', 'Club', 'Inbound'] as const;
const POS_METHOD_W = ['Carry Out', 'Carry Out', 'Pickup'] as const;
const METHOD_W = ['Ship', 'Ship', 'Ship', 'Pickup'] as const;
const PAYMENT_W = ['Paid', 'Paid', 'Paid', 'Paid', 'Paid', 'Paid', 'Authorized', 'Cancelled'] as const;
const TAX_BPS_W = [0, 775, 850, 1200] as const;
const CLUB_QTY_W = [3, 6, 12] as const;
const SHIP_CENTS_W = [0, 1500, 2500, 795] as const;
const TIP_CENTS_W = [100, 500, 1000] as const;
const FULFILLMENT_W = ['Not Fulfilled', 'Fulfilled', 'Fulfilled', 'Partially Fulfilled'] as const;
const POS_TENDER_W = ['Credit Card', 'Cash'] as const;
const CHARGE_W = ['Sale', 'Capture'] as const;

const DAY = 86_400_000;
/** Generated history starts here; the same seed always yields the same timestamps. */
export const GENERATED_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

const iso = (ms: number) => new Date(ms).toISOString();

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? 'product' : slug;
}

/** Shared lookups the generator and the write handlers need (locations, tags, the winery address). */
export interface Catalog {
  locations: { id: string; title: string }[];
  customerTags: C7Tag[];
  orderTags: C7Tag[];
  collections: { id: string; title: string; slug: string; type: string }[];
  clubs: { id: string; title: string }[];
  shippingServiceId: string;
  posProfileId: string;
  departmentId: string;
}

export function createCatalog(rng: Rng): Catalog {
  const tagAt = iso(GENERATED_EPOCH - 30 * DAY);
  return {
    locations: ['Website Shipping', 'Napa Tasting Room', 'Club Shipping'].map((title) => ({
      id: uuidFrom(rng),
      title,
    })),
    customerTags: TAG_TITLES.map((title) => ({
      id: uuidFrom(rng),
      title,
      objectType: 'Customer',
      type: 'Manual',
      appliesToCondition: null,
      createdAt: tagAt,
      updatedAt: tagAt,
    })),
    orderTags: [],
    collections: COLLECTIONS.map((title) => ({
      id: uuidFrom(rng),
      title,
      slug: title.toLowerCase(),
      type: 'Manual',
    })),
    clubs: CLUBS.map((title) => ({ id: uuidFrom(rng), title })),
    shippingServiceId: uuidFrom(rng),
    posProfileId: uuidFrom(rng),
    departmentId: uuidFrom(rng),
  };
}

/** Everything about one generated customer that orders need later. */
export interface GeneratedCustomer {
  customer: C7Customer;
  addresses: C7CustomerAddress[];
}

export class Commerce7Generator {
  private customerIndex = 0;
  private productIndex = 0;
  private nextOrderNumber = 1001;

  constructor(
    readonly rng: Rng,
    readonly catalog: Catalog,
  ) {}

  uuid(): string {
    return uuidFrom(this.rng);
  }

  /** Next free order number; orders created through the API take theirs from here too. */
  takeOrderNumber(): number {
    const n = this.nextOrderNumber;
    this.nextOrderNumber += 1;
    return n;
  }

  noteOrderNumber(n: number): void {
    if (n >= this.nextOrderNumber) this.nextOrderNumber = n + 1;
  }

  /** `index` numbers the email address; by default, this generator's running count. */
  customer(createdMs: number, index?: number): GeneratedCustomer {
    const r = this.rng;
    this.customerIndex += 1;
    const firstName = r.pick(FIRST_NAMES);
    const lastName = r.pick(LAST_NAMES);
    const id = this.uuid();
    const createdAt = iso(createdMs);
    const updatedAt = iso(createdMs + r.int(0, 40) * DAY + r.int(0, 86_399_999));
    const local = `${ascii(firstName)}.${ascii(lastName)}.${index ?? this.customerIndex}`;
    const emails = [{ id: this.uuid(), email: `${local}@example.com` }];
    if (r.bool(0.15)) emails.push({ id: this.uuid(), email: `${local}@work.example.org` });
    const phones: C7Customer['phones'] = [];
    const phoneCount = r.int(0, 2);
    for (let i = 0; i < phoneCount; i += 1) {
      phones.push({ id: this.uuid(), phone: `+1707555${String(r.int(0, 9999)).padStart(4, '0')}` });
    }
    const tags = this.catalog.customerTags.filter(() => r.bool(0.25));
    const addressCount = r.int(1, 3);
    const addresses: C7CustomerAddress[] = [];
    for (let i = 0; i < addressCount; i += 1) {
      const place = r.pick(CITIES);
      addresses.push({
        id: this.uuid(),
        customerId: id,
        birthDate: null,
        honorific: null,
        firstName,
        lastName,
        company: r.bool(0.2) ? 'Commerce Cellars LLC' : null,
        phone: phones[0]?.phone ?? null,
        address: `${r.int(1, 9999)} ${r.pick(STREETS)}`,
        address2: r.bool(0.3) ? `Unit ${r.int(1, 400)}` : null,
        city: place.city,
        stateCode: place.state === '' ? null : place.state,
        zipCode: place.zip,
        countryCode: place.country,
        isDefault: i === 0,
        metaData: null,
        appData: null,
        appSync: null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    const home = addresses[0]!;
    const club = r.bool(0.3) ? r.pick(this.catalog.clubs) : undefined;
    const customer: C7Customer = {
      id,
      avatar: null,
      honorific: r.pick(HONORIFIC_W),
      firstName,
      lastName,
      birthDate: r.bool(0.6)
        ? `${r.int(1945, 2003)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
        : null,
      city: home.city,
      stateCode: home.stateCode,
      zipCode: home.zipCode,
      countryCode: home.countryCode,
      emailMarketingStatus: r.pick(MARKETING_W),
      lastActivityDate: updatedAt,
      facebookId: null,
      metaData: r.bool(0.5) ? { gender: null } : null,
      appData: null,
      appSync: null,
      flags: r.bool(0.1) ? [{ id: this.uuid(), content: 'Give this customer free tastings' }] : [],
      notifications: [],
      createdAt,
      updatedAt,
      orderInformation: {
        currentWebCartId: null,
        lastOrderId: null,
        lastOrderDate: null,
        orderCount: 0,
        lifetimeValue: 0,
        rank: null,
        rankTrend: null,
        grossProfit: 0,
        currentClubTitle: club?.title ?? null,
        daysInCurrentClub: club ? r.int(1, 900) : null,
      },
      emails,
      phones,
      tags,
      groups: [],
      clubs: club
        ? [
            {
              clubId: club.id,
              clubTitle: club.title,
              cancelDate: null,
              signupDate: createdAt,
              clubMembershipId: this.uuid(),
            },
          ]
        : [],
      products: [],
      hasAccount: r.bool(0.4),
    };
    return { customer, addresses };
  }

  product(createdMs: number): C7Product {
    const r = this.rng;
    this.productIndex += 1;
    const n = this.productIndex;
    const isWine = r.bool(0.8);
    const id = this.uuid();
    const createdAt = iso(createdMs);
    const updatedAt = iso(createdMs + r.int(0, 60) * DAY + r.int(0, 86_399_999));
    let title: string;
    let type: string;
    let wine: C7Product['wine'] = null;
    if (isWine) {
      const [varietal, color] = r.pick(VARIETALS);
      const vintage = r.int(2012, 2024);
      title = `${vintage} ${varietal}`;
      type = 'Wine';
      wine = {
        type: color,
        varietal,
        countryCode: 'US',
        region: 'California',
        appellation: r.pick(APPELLATIONS),
        vintage,
      };
    } else {
      title = r.pick(MERCH);
      type =
        title === 'Gift Card' ? 'Gift Card' : title === 'Tasting Flight' ? 'Tasting' : 'General Merchandise';
    }
    const base = r.pick(PRICES);
    const sizes = isWine ? VARIANT_SIZES.slice(0, r.int(1, VARIANT_SIZES.length)) : [VARIANT_SIZES[0]];
    const variants: C7Variant[] = sizes.map(([size, ml, factor], i) => {
      const variantId = this.uuid();
      const price = i === 0 ? base : Math.round(base * factor);
      const tracked = type !== 'Gift Card' && r.bool(0.85);
      const inventory: C7InventoryEntry[] = tracked
        ? this.catalog.locations
            .filter((_, li) => li === 0 || r.bool(0.5))
            .map((loc) => ({
              reserveCount: r.int(0, 5),
              allocatedCount: r.int(0, 40),
              availableForSaleCount: r.int(0, 600),
              productVariantId: variantId,
              inventoryLocationId: loc.id,
            }))
        : [];
      return {
        id: variantId,
        title: isWine ? size : null,
        sku: `${isWine ? 'WN' : 'GM'}-${String(n).padStart(4, '0')}-${i + 1}`,
        upcCode: r.bool(0.5) ? `0-12345-${String(n).padStart(5, '0')}-${i + 1}` : null,
        volumeInML: isWine ? ml : null,
        costOfGood: Math.floor(price / 4),
        price,
        comparePrice: r.bool(0.25) ? price + 500 : null,
        bottleDeposit: 0,
        sortOrder: i + 1,
        hasInventory: tracked,
        inventoryPolicy: tracked ? r.pick(INVENTORY_POLICY_W) : null,
        hasShipping: type !== 'Gift Card' && type !== 'Tasting',
        taxType: isWine ? 'Wine' : type === 'Gift Card' ? 'Not Taxable' : 'General Merchandise',
        weight: isWine ? Math.round(3 * factor) : 1,
        inventory,
      };
    });
    const imageCount = r.int(0, 2);
    const images = Array.from({ length: imageCount }, (_, i) => ({
      id: this.uuid(),
      src: `https://images.commerce7.com/sandbox-winery/images/original/${slugify(title)}-${n}-${i}.png`,
      sortOrder: i,
    }));
    const slug = `${slugify(title)}-${n}`;
    return {
      id,
      title,
      subTitle: r.bool(0.3) ? 'Estate grown' : '',
      image: images[0]?.src ?? null,
      type,
      departmentId: this.catalog.departmentId,
      vendorId: null,
      teaser: isWine ? 'Dark cherry, mocha and a long, spicy finish.' : null,
      content: isWine
        ? `<p>${title}: dark red cherry fruit and deep mocha flavours with a spicy note of black pepper.</p>`
        : `<p>${title} from the estate shop.</p>`,
      webStatus: r.pick(WEB_STATUS_W),
      adminStatus: r.pick(ADMIN_STATUS_W),
      slug,
      metaData: null,
      productTemplateId: null,
      createdAt,
      updatedAt,
      images,
      bundleItems: [],
      variants,
      tenantIds: [],
      collections: this.catalog.collections.filter((_c, i) => (isWine && i === 0) || r.bool(0.2)),
      seo: { title, description: null },
      wine,
      security: { availableTo: r.pick(AVAILABLE_TO_W) },
      overrideOperatingRegions: { isOverride: false, operatingStateCodes: null, operatingCountryCodes: null },
    };
  }

  /** An order of real variants for a real customer (or a guest when `buyer` is undefined). */
  order(createdMs: number, buyer: GeneratedCustomer | undefined, products: readonly C7Product[]): C7Order {
    const r = this.rng;
    const id = this.uuid();
    // Guests (no customer record) buy at the tasting room counter.
    const channel = buyer ? r.pick(CHANNEL_W) : 'POS';
    const method = channel === 'POS' ? r.pick(POS_METHOD_W) : r.pick(METHOD_W);
    const paymentStatus = r.pick(PAYMENT_W);
    const taxBps = r.pick(TAX_BPS_W);

    const items: C7OrderItem[] = [];
    const itemCount = Math.min(r.int(1, 4), products.length);
    const used = new Set<string>();
    let discount = 0;
    for (let i = 0; i < itemCount; i += 1) {
      const product = r.pick(products);
      const variant = r.pick(product.variants);
      if (used.has(variant.id)) continue;
      used.add(variant.id);
      const quantity = channel === 'Club' ? r.pick(CLUB_QTY_W) : r.int(1, 6);
      let price = variant.price;
      // A promotion lowers the unit price itself (the docs' cart: originalPrice 2900, price 1900, "$10 Off").
      if (i === 0 && price >= 1000 && r.bool(0.2)) {
        const off = Math.floor(price / 10);
        price -= off;
        discount += off * quantity;
      }
      items.push({
        id: this.uuid(),
        productTitle: product.title,
        type: product.type,
        inventoryLocationId: null,
        productId: product.id,
        productVariantTitle: variant.title,
        productVariantId: variant.id,
        image: product.image,
        sku: variant.sku,
        costOfGood: variant.costOfGood ?? 0,
        price,
        originalPrice: variant.price,
        comparePrice: variant.comparePrice,
        bottleDeposit: 0,
        quantity,
        quantityFulfilled: 0,
        isPriceOverride: false,
        tax: Math.round((price * quantity * taxBps) / 10_000),
        taxType: variant.taxType ?? 'Wine',
        weight: variant.weight ?? 0,
        hasShipping: variant.hasShipping ?? true,
        vendor: null,
        volumeInML: variant.volumeInML,
        departmentCode: product.type === 'Wine' ? 'Wine' : null,
        allocationId: null,
        departmentId: product.departmentId,
        collectionIds: product.collections.map((c) => c.id).join(',') || null,
      });
    }

    const subTotal = items.reduce((s, it) => s + it.price * it.quantity, 0);
    const shipTotal = method === 'Ship' ? r.pick(SHIP_CENTS_W) : 0;
    const taxTotal = items.reduce((s, it) => s + it.tax, 0);
    const tipTotal = channel === 'POS' && r.bool(0.3) ? r.pick(TIP_CENTS_W) : 0;
    const total = subTotal + shipTotal + taxTotal;
    const totalAfterTip = total + tipTotal;

    const submitted = createdMs + r.int(1, 45) * 60_000;
    const paid = paymentStatus === 'Paid' ? submitted + r.int(100, 900) : null;
    const place = buyer?.addresses[0];
    const person = buyer?.customer;
    const addr = (a: C7CustomerAddress | undefined): C7OrderAddress | null =>
      a
        ? {
            id: this.uuid(),
            customerAddressId: a.id,
            birthDate: person?.birthDate ?? null,
            honorific: null,
            firstName: a.firstName,
            lastName: a.lastName,
            company: a.company,
            phone: a.phone,
            address: a.address,
            address2: a.address2,
            city: a.city,
            stateCode: a.stateCode,
            zipCode: a.zipCode,
            countryCode: a.countryCode,
          }
        : null;
    const winery: C7OrderAddress = {
      id: this.uuid(),
      customerAddressId: null,
      inventoryLocationId: this.catalog.locations[1]!.id,
      birthDate: null,
      honorific: null,
      firstName: person?.firstName ?? null,
      lastName: person?.lastName ?? null,
      company: null,
      phone: null,
      address: '3425 Solano Ave',
      address2: null,
      city: 'Napa',
      stateCode: 'CA',
      zipCode: '94558',
      countryCode: 'US',
    };

    // Fulfilment consistent with the items and the payment.
    let fulfillmentStatus: string;
    const fulfillments: C7Fulfillment[] = [];
    const allGiftCards = items.every((it) => it.type === 'Gift Card');
    if (paymentStatus === 'Cancelled') fulfillmentStatus = 'Not Fulfilled';
    else if (allGiftCards) fulfillmentStatus = 'No Fulfillment Required';
    else if (method === 'Carry Out') fulfillmentStatus = 'Fulfilled';
    else fulfillmentStatus = r.pick(FULFILLMENT_W);
    const totalQty = items.reduce((s, it) => s + it.quantity, 0);
    if (fulfillmentStatus === 'Partially Fulfilled' && totalQty < 2) fulfillmentStatus = 'Fulfilled';
    let fulfilledMs: number | null = null;
    if (fulfillmentStatus === 'Fulfilled' || fulfillmentStatus === 'Partially Fulfilled') {
      fulfilledMs = submitted + r.int(1, 10) * DAY;
      const partial = fulfillmentStatus === 'Partially Fulfilled';
      // Partial: the first line short by one (or whole, when other lines stay open); totalQty >= 2 here.
      for (const [i, it] of items.entries()) {
        it.quantityFulfilled = partial ? (i === 0 ? Math.max(1, it.quantity - 1) : 0) : it.quantity;
      }
      const shippedIt = method === 'Ship';
      fulfillments.push({
        id: this.uuid(),
        type: shippedIt ? 'Shipped' : 'Picked Up',
        fulfillmentDate: iso(fulfilledMs),
        packageCount: 1,
        items: items
          .filter((it) => it.quantityFulfilled > 0)
          .map((it) => ({ sku: it.sku, quantityFulfilled: it.quantityFulfilled })),
        ...(shippedIt
          ? {
              shipped: {
                trackingNumbers: [`1Z${String(r.int(100000, 999999))}EA${String(r.int(10000000, 99999999))}`],
                carrier: r.pick(CARRIERS),
              },
            }
          : { pickedUp: { pickedUpBy: person ? `${person.firstName} ${person.lastName}` : 'Guest' } }),
      });
    } else if (fulfillmentStatus === 'No Fulfillment Required') {
      fulfilledMs = submitted;
    }

    const tenders: C7Tender[] = [];
    const tender = (chargeType: string, amount: number, at: number): C7Tender => ({
      id: this.uuid(),
      refundId: null,
      previousTenderId: null,
      tenderType: channel === 'POS' ? r.pick(POS_TENDER_W) : 'Credit Card',
      chargeType,
      chargeStatus: 'Success',
      amountTendered: amount,
      tip: chargeType === 'Refund' ? 0 : tipTotal,
      errorCode: '',
      paymentDate: iso(at),
      createdAt: iso(at),
      updatedAt: iso(at),
      creditCard: null,
    });
    if (paymentStatus === 'Paid') {
      tenders.push(tender(r.pick(CHARGE_W), totalAfterTip, paid!));
      if (r.bool(0.1) && subTotal > 0) {
        // Refund tenders: the sign of amountTendered is not documented (NOTES §1.3); ours are negative.
        const refund = r.bool(0.5) ? totalAfterTip : Math.max(1, Math.floor(subTotal / 3));
        const t = tender('Refund', -refund, paid! + 3 * DAY);
        t.previousTenderId = tenders[0]!.id;
        tenders.push(t);
      }
    } else if (paymentStatus === 'Authorized') {
      tenders.push(tender('PreAuth', totalAfterTip, submitted));
    }

    const updatedMs = Math.max(submitted, fulfilledMs ?? 0, paid ?? 0) + r.int(0, 3) * DAY;
    const orderNumber = this.takeOrderNumber();
    return {
      id,
      orderSubmittedDate: iso(submitted),
      orderPaidDate: paid === null ? null : iso(paid),
      orderFulfilledDate:
        fulfilledMs === null || fulfillmentStatus === 'Partially Fulfilled' ? null : iso(fulfilledMs),
      orderNumber,
      orderSource: 'Internal',
      externalOrderNumber: null,
      externalOrderVendor: null,
      previousOrderId: null,
      previousOrderNumber: null,
      linkedOrders: [],
      refundOrderId: null,
      refundOrderNumber: null,
      paymentStatus,
      complianceStatus: method === 'Ship' ? 'Compliant' : 'No Compliance Required',
      fulfillmentStatus,
      cartId: id,
      channel,
      posProfileId: channel === 'POS' ? this.catalog.posProfileId : null,
      customerId: person?.id ?? null,
      orderDeliveryMethod: method,
      shippingInstructions: method === 'Ship' && r.bool(0.2) ? 'Leave with the neighbour' : null,
      taxSaleType: method === 'Ship' ? 'Offsite' : 'Onsite',
      subTotal,
      shipTotal,
      taxTotal,
      dutyTotal: 0,
      bottleDepositTotal: 0,
      tipTotal,
      total,
      totalAfterTip,
      giftMessage: r.bool(0.05) ? 'Happy birthday!' : null,
      allowPromotions: true,
      flags: [],
      productTenantId: null,
      isNonTaxable: taxBps === 0,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      club: channel === 'Club' && person?.clubs[0] ? { clubId: person.clubs[0].clubId } : null,
      shipping:
        method === 'Ship'
          ? [
              {
                id: this.uuid(),
                title: 'Ground',
                code: 'GND',
                service: 'Ground',
                shippingServiceId: this.catalog.shippingServiceId,
                price: shipTotal,
                originalPrice: shipTotal,
                isQualifiesForPrime: false,
                tax: 0,
              },
            ]
          : [],
      coupons: [],
      shipTo: method === 'Ship' ? addr(buyer?.addresses[buyer.addresses.length - 1]) : null,
      billTo: addr(place),
      pickupBy: method === 'Pickup' ? winery : null,
      carryOut: method === 'Carry Out' ? winery : null,
      promotions:
        discount > 0
          ? [
              {
                id: this.uuid(),
                promotionId: this.uuid(),
                title: '10% Off',
                inUse: true,
                productValue: discount,
                shippingValue: 0,
                totalValue: discount,
              },
            ]
          : [],
      tenders,
      items,
      fulfillments,
      taxes:
        taxTotal > 0
          ? [
              {
                id: this.uuid(),
                vendor: 'Local',
                title: 'Tax',
                countryCode: 'US',
                stateCode: 'CA',
                price: taxTotal,
                isIncludedInPrice: false,
                isNonTaxable: false,
              },
            ]
          : [],
      duties: [],
      selectedShippingOptions: {
        shippingServiceId: method === 'Ship' ? this.catalog.shippingServiceId : null,
      },
    };
  }
}
