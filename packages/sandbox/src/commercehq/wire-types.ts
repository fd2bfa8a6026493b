/**
 * CommerceHQ records as the API sends them (seed: commercehq-api.txt). Money is decimal (numbers,
 * and `shipping.price` as a string like "7.95"), timestamps are Unix seconds, ids are integers.
 */

export interface ChqAddressPart {
  first_name: string | null;
  last_name: string | null;
  /** The seed's customer billing parts have no `company`; order billing parts do. */
  company?: string | null;
  street: string | null;
  suite: string | null;
  city: string | null;
  country: string | null;
  state: string | null;
  zip: string | null;
}

export interface ChqCustomerAddress {
  id: number;
  shipping: ChqAddressPart;
  billing: ChqAddressPart;
  phone: string | null;
}

export interface ChqPayment {
  type: string;
  last4: string | null;
}

export interface ChqCustomer {
  id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  address: ChqCustomerAddress[];
  payment: ChqPayment[];
  notes: string | null;
  statistics: {
    last_purchase: number | null;
    order_count: number | null;
    lifetime_spent: number;
  };
  orders: number[];
  tags: string[];
  created_at: number;
  /** null or 0 when never updated (the seed shows both). */
  updated_at: number | null;
}

export interface ChqImage {
  id: number;
  path: string;
  max_size: number;
}

export interface ChqOption {
  title: string;
  changes_look: boolean;
  values: string[];
  thumbnails?: Array<{ value: string; color?: string; image?: unknown }>;
}

export interface ChqVariant {
  id: number;
  variant: string[];
  price: number;
  compare_price: number | null;
  sku: string | null;
  default: boolean;
  ignore: boolean;
  images: ChqImage[];
}

export interface ChqProduct {
  id: number;
  title: string;
  is_multi: boolean;
  type: string | null;
  collections: number[];
  tags: string[];
  shipping_weight: number | null;
  auto_fulfilment: boolean;
  track_inventory: boolean;
  vendor: string | null;
  sku: string | null;
  seo_meta: string | null;
  seo_title: string | null;
  seo_url: string | null;
  is_template: boolean;
  is_draft: boolean;
  /** Single-variant products only; multi-variant products carry prices on their variants. */
  price?: number | null;
  compare_price?: number | null;
  created_at: number;
  updated_at: number;
  textareas: Array<{ name: string; text: string }>;
  images: ChqImage[];
  options: ChqOption[];
  variants: ChqVariant[];
}

/** The four relations `expand` controls on products; hidden unless asked for. */
export const PRODUCT_RELATIONS = ['textareas', 'images', 'variants', 'options'] as const;

export interface ChqLineItemData {
  id: number;
  product_id: number;
  title: string;
  is_multi: boolean;
  type: string | null;
  is_giftcard: boolean;
  shipping_weight: number | null;
  vendor: string | null;
  auto_fulfilment: boolean;
  track_inventory: boolean;
  sku: string | null;
  price: number;
  compare_price: number | null;
  image: string | null;
  image_max_size: number;
  variant: { id: number; variant: string[] } | null;
}

export interface ChqLineItemStatus {
  quantity: number;
  not_fulfilled: number;
  fulfilled: number;
  shipped: number;
  restocked: number;
}

export interface ChqLineItem {
  data: ChqLineItemData;
  status: ChqLineItemStatus;
}

export interface ChqQuantity {
  id: number;
  quantity: number;
}

/** Not specified by the seed beyond "Array of Fulfilments"; shape from Dropified plus our own fields. */
export interface ChqFulfilment {
  id: number;
  items: ChqQuantity[];
  warehouse: number | null;
  created_at: number;
}

/** Not specified by the seed beyond "Array of Shipments"; fields mirror the create request. */
export interface ChqShipment {
  id: number;
  fulfilment_id: number;
  items: ChqQuantity[];
  tracking_number: string | null;
  shipping_carrier: number | null;
  created_at: number;
}

export interface ChqRestock {
  id: number;
  shipment_id: number;
  items: ChqQuantity[];
  created_at: number;
}

export interface ChqOrder {
  id: number;
  display_number: string;
  email: string | null;
  status: number;
  paid: number;
  discounts: unknown[];
  shipping: { description: string | null; price: string };
  tax: number;
  total: number;
  ip: string | null;
  items: ChqLineItem[];
  fulfilments: ChqFulfilment[];
  shipments: ChqShipment[];
  restocks: ChqRestock[];
  customer: { id: number; email: string; first_name: string | null; last_name: string | null } | null;
  address: { shipping: ChqAddressPart; billing: ChqAddressPart; phone: string | null } | null;
  payment: ChqPayment | null;
  conversion: { landing_page: string | null; referrer: string | null };
  risk_level: { ip_fail: boolean; address_fail: boolean; zip_fail: boolean; cvc_fail: boolean };
  refunded: number;
  refund_possible: boolean;
  order_date: number;
  updated_at: number | null;
  notes: string | null;
}

export interface ChqCarrier {
  id: number;
  title: string;
  url: string;
  is_deleted: boolean;
}
