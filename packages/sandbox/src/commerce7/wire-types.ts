/**
 * Commerce7 records exactly as the API serves them (field names and types from the developer docs
 * summarised in shared/platforms/NOTES-research.md §1.2–1.5). Money is integer cents; timestamps
 * are ISO 8601 UTC with milliseconds; "if no data exists, null will be returned".
 */

export interface C7Tag {
  id: string;
  title: string;
  objectType: string;
  type: 'Manual' | 'Dynamic';
  appliesToCondition: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface C7Customer {
  id: string;
  avatar: string | null;
  honorific: string | null;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  city: string | null;
  stateCode: string | null;
  zipCode: string | null;
  countryCode: string | null;
  emailMarketingStatus: string | null;
  lastActivityDate: string | null;
  facebookId: string | null;
  metaData: Record<string, unknown> | null;
  appData: unknown;
  appSync: unknown;
  flags: { id: string; content: string }[];
  notifications: { id: string; type: string; content: string; objectId: string }[];
  createdAt: string;
  updatedAt: string;
  orderInformation: {
    currentWebCartId: string | null;
    lastOrderId: string | null;
    lastOrderDate: string | null;
    orderCount: number;
    lifetimeValue: number;
    rank: number | null;
    rankTrend: string | null;
    grossProfit: number;
    currentClubTitle: string | null;
    daysInCurrentClub: number | null;
  };
  emails: { id: string; email: string }[];
  phones: { id: string; phone: string }[];
  tags: C7Tag[];
  groups: C7Tag[];
  clubs: {
    clubId: string;
    clubTitle: string;
    cancelDate: string | null;
    signupDate: string;
    clubMembershipId: string;
  }[];
  products: {
    product: { sku: string; image: string | null; price: number; title: string; quantity: number };
    purchaseDate: string;
  }[];
  hasAccount: boolean;
}

/** The person-and-place fields every Commerce7 address carries, stored or on an order. */
export interface C7AddressFields {
  birthDate: string | null;
  honorific: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  phone: string | null;
  address: string | null;
  address2: string | null;
  city: string | null;
  stateCode: string | null;
  zipCode: string | null;
  countryCode: string | null;
}

/** The Customer Address resource (`/customer/{id}/address`). */
export interface C7CustomerAddress extends C7AddressFields {
  id: string;
  customerId: string;
  isDefault: boolean;
  metaData: Record<string, unknown> | null;
  appData: unknown;
  appSync: unknown;
  createdAt: string;
  updatedAt: string;
}

/** `shipTo`, `billTo`, `pickupBy`, `carryOut` on an order. */
export interface C7OrderAddress extends C7AddressFields {
  id: string;
  customerAddressId: string | null;
  inventoryLocationId?: string | null;
}

export interface C7OrderItem {
  id: string;
  productTitle: string;
  type: string;
  inventoryLocationId: string | null;
  productId: string | null;
  productVariantTitle: string | null;
  productVariantId: string | null;
  image: string | null;
  sku: string;
  costOfGood: number;
  /** Unit price, cents, after any promotion. */
  price: number;
  originalPrice: number;
  comparePrice: number | null;
  bottleDeposit: number;
  quantity: number;
  quantityFulfilled: number;
  isPriceOverride: boolean;
  /** Line tax, cents. */
  tax: number;
  taxType: string;
  weight: number;
  hasShipping: boolean;
  vendor: string | null;
  volumeInML: number | null;
  departmentCode: string | null;
  allocationId: string | null;
  departmentId: string | null;
  /** Comma-joined ids, not an array. */
  collectionIds: string | null;
}

export interface C7Fulfillment {
  id: string;
  type: 'Shipped' | 'Picked Up' | 'No Fulfillment Required';
  fulfillmentDate: string;
  packageCount: number;
  items: { sku: string; quantityFulfilled: number }[];
  shipped?: { trackingNumbers: string[]; carrier: string | null };
  pickedUp?: { pickedUpBy: string | null };
}

export interface C7Tender {
  id: string;
  refundId: string | null;
  previousTenderId: string | null;
  tenderType: string;
  chargeType: string;
  chargeStatus: string;
  amountTendered: number;
  tip: number;
  errorCode: string;
  paymentDate: string;
  createdAt: string;
  updatedAt: string;
  creditCard: Record<string, unknown> | null;
}

export interface C7Order {
  id: string;
  orderSubmittedDate: string;
  orderPaidDate: string | null;
  orderFulfilledDate: string | null;
  orderNumber: number;
  orderSource: string;
  externalOrderNumber: string | null;
  externalOrderVendor: string | null;
  previousOrderId: string | null;
  previousOrderNumber: number | null;
  linkedOrders: unknown[];
  refundOrderId: string | null;
  refundOrderNumber: number | null;
  paymentStatus: string;
  complianceStatus: string;
  fulfillmentStatus: string;
  cartId: string | null;
  channel: string;
  posProfileId: string | null;
  customerId: string | null;
  orderDeliveryMethod: string;
  shippingInstructions: string | null;
  taxSaleType: string;
  subTotal: number;
  shipTotal: number;
  taxTotal: number;
  dutyTotal: number;
  bottleDepositTotal: number;
  tipTotal: number;
  total: number;
  totalAfterTip: number;
  giftMessage: string | null;
  allowPromotions: boolean;
  flags: { id: string; content: string }[];
  productTenantId: string | null;
  isNonTaxable: boolean;
  createdAt: string;
  updatedAt: string;
  club: unknown;
  shipping: {
    id: string;
    title: string;
    code: string;
    service: string;
    shippingServiceId: string;
    price: number;
    originalPrice: number;
    isQualifiesForPrime: boolean;
    tax: number;
  }[];
  coupons: { id: string; couponId: string; code: string; title: string; totalValue: number }[];
  shipTo: C7OrderAddress | null;
  billTo: C7OrderAddress | null;
  pickupBy: C7OrderAddress | null;
  carryOut: C7OrderAddress | null;
  promotions: {
    id: string;
    promotionId: string;
    title: string;
    inUse: boolean;
    productValue: number;
    shippingValue: number;
    totalValue: number;
  }[];
  tenders: C7Tender[];
  items: C7OrderItem[];
  fulfillments: C7Fulfillment[];
  taxes: {
    id: string;
    vendor: string;
    title: string;
    countryCode: string | null;
    stateCode: string | null;
    price: number;
    isIncludedInPrice: boolean;
    isNonTaxable: boolean;
  }[];
  duties: unknown[];
  selectedShippingOptions: { shippingServiceId: string | null };
}

export interface C7InventoryEntry {
  reserveCount: number;
  allocatedCount: number;
  availableForSaleCount: number;
  productVariantId: string;
  inventoryLocationId: string;
}

export interface C7Variant {
  id: string;
  title: string | null;
  sku: string;
  upcCode: string | null;
  volumeInML: number | null;
  costOfGood: number | null;
  price: number;
  comparePrice: number | null;
  bottleDeposit: number | null;
  sortOrder: number | null;
  hasInventory: boolean | null;
  inventoryPolicy: string | null;
  hasShipping: boolean | null;
  taxType: string | null;
  weight: number | null;
  inventory: C7InventoryEntry[];
}

export interface C7Product {
  id: string;
  title: string;
  subTitle: string | null;
  image: string | null;
  type: string;
  departmentId: string | null;
  vendorId: string | null;
  teaser: string | null;
  content: string | null;
  webStatus: string;
  adminStatus: string;
  slug: string;
  metaData: Record<string, unknown> | null;
  productTemplateId: string | null;
  createdAt: string;
  updatedAt: string;
  images: { id: string; src: string; sortOrder: number }[];
  bundleItems: unknown[];
  variants: C7Variant[];
  tenantIds: string[];
  collections: { id: string; title: string; slug: string; type: string }[];
  seo: { title: string | null; description: string | null } | null;
  wine: {
    type: string | null;
    varietal: string | null;
    countryCode: string | null;
    region: string | null;
    appellation: string | null;
    vintage: number | null;
  } | null;
  security: { availableTo: string } | null;
  overrideOperatingRegions: {
    isOverride: boolean;
    operatingStateCodes: string[] | null;
    operatingCountryCodes: string[] | null;
  } | null;
}

/** `/note`: attached to a customer or an order. */
export interface C7Note {
  id: string;
  type: string;
  content: string;
  noteDate: string;
  customerId: string | null;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
}
