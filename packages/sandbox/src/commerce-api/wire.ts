/**
 * What the Commerce API sends, as the OpenAPI 2.4.0 seed documents it (products, orders, auth,
 * the error body). Customers are not in the seed: `WireCustomer` is modelled on the same
 * conventions (camelCase, `<resource>Id` uuid, ISO date-times, nullable optionals).
 */

export const CATEGORIES = ['footwear', 'apparel', 'accessories', 'electronics', 'home'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ORDER_STATUSES = [
  'pending',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface WireProduct {
  productId: string;
  sku: string;
  name: string;
  description: string | null;
  /** Decimal number in the product's currency (JPY has no fraction). */
  price: number;
  currency: string;
  stock: number;
  category: Category;
  imageUrl: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string | null;
}

export interface WireOrderItem {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface WireOrder {
  orderId: string;
  customerId: string;
  items: WireOrderItem[];
  subtotal: number;
  discount: number | null;
  total: number;
  currency: string;
  status: OrderStatus;
  notes: string | null;
  createdAt: string;
  updatedAt: string | null;
}

export interface WireAddress {
  addressId: string;
  label: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string | null;
  isDefault: boolean;
}

export interface WireCustomer {
  customerId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  addresses: WireAddress[];
  tags: string[];
  notes: string | null;
  /** Orders placed by this customer (read-only, kept by the platform). */
  orderCount: number;
  lastOrderAt: string | null;
  createdAt: string;
  updatedAt: string | null;
}

/** `{code, message, details}` on every error status. */
export interface WireError {
  code: string;
  message: string;
  details: WireErrorDetail[] | null;
}

export interface WireErrorDetail {
  field: string;
  message: string;
  code?: string;
}

export interface WirePage<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export interface WireTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string | null;
}
