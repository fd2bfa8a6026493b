import type { ChqCarrier, ChqCustomer, ChqOrder, ChqProduct } from './wire-types';

/**
 * The seed document's own example payloads, served verbatim (its JS-style comments and unquoted
 * keys turned into JSON). Records the examples refer to but the seed never shows (customer 2819
 * and product 47 of order 4041, order 91 of customer 30) are built from what the examples say
 * about them, so the seeded store stays referentially consistent.
 */

/** GET /products/14?expand=all */
export function exampleProduct14(): ChqProduct {
  return {
    id: 14,
    title: 'Fancy bear 1000',
    is_multi: true,
    type: 'Cats',
    collections: [6, 7],
    tags: ['dog'],
    shipping_weight: 3000,
    auto_fulfilment: false,
    track_inventory: true,
    vendor: 'Supplier #1',
    sku: 'sku dog1000',
    seo_meta: null,
    seo_title: 'Fancy bear 1000',
    seo_url: 'fancy-bear-1000',
    is_template: false,
    is_draft: false,
    created_at: 1484929254,
    updated_at: 1485006377,
    textareas: [{ name: 'Description', text: 'Great product' }],
    images: [
      {
        id: 18,
        path: 'https://s3-us-west-2.amazonaws.com/commercehq-userfiles-dev/commercehq-test/uploads/1484915452_4bc11fff36e9ed964af6163f413bcb42.jpg',
        max_size: 6,
      },
      {
        id: 17,
        path: 'https://s3-us-west-2.amazonaws.com/commercehq-userfiles-dev/commercehq-test/uploads/1484915445_156e1fe7d4ac89c4b0567fc8c782e490.jpg',
        max_size: 7,
      },
    ],
    options: [
      {
        title: 'Color',
        changes_look: true,
        values: ['Red', 'Blue'],
        thumbnails: [{ value: 'Red', color: '#BD3F3F' }],
      },
      {
        title: 'Size',
        changes_look: true,
        values: ['Big', 'Small'],
        thumbnails: [
          {
            value: 'Big',
            image: {
              id: '6',
              path: 'https://s3-us-west-2.amazonaws.com/commercehq-userfiles-dev/commercehq-test/uploads/1484915452_4bc11fff36e9ed964af6163f413bcb42.jpg',
              max_size: 6,
            },
          },
        ],
      },
    ],
    variants: [
      {
        id: 43,
        variant: ['Red', 'Big'],
        price: 25,
        compare_price: 15,
        sku: null,
        default: true,
        ignore: false,
        images: [
          {
            id: 19,
            path: 'https://s3-us-west-2.amazonaws.com/commercehq-userfiles-dev/commercehq-test/uploads/1485006363_ceef7428ba5fb55b0cb73897fb2d8720.jpg',
            max_size: 9,
          },
        ],
      },
      ...(
        [
          [44, 'Red', 'Small'],
          [45, 'Blue', 'Big'],
          [46, 'Blue', 'Small'],
        ] as const
      ).map(([id, color, size]) => ({
        id,
        variant: [color, size],
        price: 25,
        compare_price: 15,
        sku: null,
        default: false,
        ignore: false,
        images: [],
      })),
    ],
  };
}

/** Product 47, the "Amazing necklace" of order 4041's line item (variant 36 "Purple"). */
export function exampleProduct47(): ChqProduct {
  return {
    id: 47,
    title: 'Amazing necklace',
    is_multi: true,
    type: 'Necklace',
    collections: [],
    tags: ['jewelry'],
    shipping_weight: 2,
    auto_fulfilment: false,
    track_inventory: false,
    vendor: null,
    sku: '0170301',
    seo_meta: null,
    seo_title: 'Amazing necklace',
    seo_url: 'amazing-necklace',
    is_template: false,
    is_draft: false,
    created_at: 1494500000,
    updated_at: 1494500000,
    textareas: [{ name: 'Description', text: 'A necklace that goes with everything.' }],
    images: [],
    options: [{ title: 'Color', changes_look: false, values: ['Purple', 'Silver'] }],
    variants: [
      {
        id: 36,
        variant: ['Purple'],
        price: 13.94,
        compare_price: 46.5,
        sku: '0170301',
        default: true,
        ignore: false,
        images: [],
      },
      {
        id: 37,
        variant: ['Silver'],
        price: 13.94,
        compare_price: 46.5,
        sku: '0170302',
        default: false,
        ignore: false,
        images: [],
      },
    ],
  };
}

/** GET /customers/30 */
export function exampleCustomer30(): ChqCustomer {
  return {
    id: 30,
    email: 'developer@commercehq.com',
    first_name: 'Donald',
    last_name: 'Duck',
    address: [
      {
        id: 67,
        shipping: {
          first_name: 'Donald',
          last_name: 'Duck',
          company: null,
          street: '47 Duck Street',
          suite: '1',
          city: 'Duckland',
          country: 'US',
          state: 'CA',
          zip: '12345',
        },
        billing: {
          first_name: 'Donald',
          last_name: 'Duck',
          street: '47 Duck Street',
          suite: '1',
          city: 'Duckland',
          country: 'US',
          state: 'CA',
          zip: '12345',
        },
        phone: '123456789',
      },
    ],
    payment: [{ type: 'Visa', last4: '4242' }],
    notes: null,
    statistics: { last_purchase: 1484313925, order_count: 1, lifetime_spent: 34 },
    orders: [91],
    tags: [],
    created_at: 1484313922,
    updated_at: 1484313922,
  };
}

/** Customer 2819, Jack Black, as order 4041 describes him. */
export function exampleCustomer2819(): ChqCustomer {
  const order = exampleOrder4041();
  const { shipping, billing } = order.address!;
  const { company: _company, ...billingWithoutCompany } = billing;
  return {
    id: 2819,
    email: 'tester@testmailhq.com',
    first_name: 'Jack',
    last_name: 'Black',
    address: [{ id: 3911, shipping: { ...shipping }, billing: billingWithoutCompany, phone: null }],
    payment: [{ type: 'Visa', last4: '4242' }],
    notes: null,
    statistics: { last_purchase: 1494594582, order_count: 1, lifetime_spent: 21.89 },
    orders: [4041],
    tags: ['jewelry'],
    created_at: 1494594570,
    updated_at: 0,
  };
}

/** GET /orders/4041 (the seed's "GET /orders/1400" example body). */
export function exampleOrder4041(): ChqOrder {
  return {
    id: 4041,
    display_number: 'RH4041',
    email: 'tester@testmailhq.com',
    status: 0,
    paid: 1,
    discounts: [],
    shipping: { description: 'Super fast shipping', price: '7.95' },
    tax: 0,
    total: 21.89,
    ip: '::1',
    items: [
      {
        data: {
          id: 9550,
          product_id: 47,
          title: 'Amazing necklace',
          is_multi: true,
          type: 'Necklace',
          is_giftcard: false,
          shipping_weight: 2,
          vendor: null,
          auto_fulfilment: false,
          track_inventory: false,
          sku: '0170301',
          price: 13.94,
          compare_price: 46.5,
          image: null,
          image_max_size: 8,
          variant: { id: 36, variant: ['Purple'] },
        },
        status: { quantity: 1, not_fulfilled: 1, fulfilled: 0, shipped: 0, restocked: 0 },
      },
    ],
    fulfilments: [],
    shipments: [],
    restocks: [],
    customer: { id: 2819, email: 'tester@testmailhq.com', first_name: 'Jack', last_name: 'Black' },
    address: {
      shipping: {
        first_name: 'Jack',
        last_name: 'Black',
        company: null,
        street: 'Grove str.',
        suite: null,
        city: 'Los Santos',
        country: 'US',
        state: 'San Andreas',
        zip: '90250',
      },
      billing: {
        first_name: 'Jack',
        last_name: 'Black',
        company: null,
        street: 'Long str.',
        suite: null,
        city: 'Los Santos',
        country: 'US',
        state: 'San Andreas',
        zip: '90250',
      },
      phone: null,
    },
    payment: { type: 'Visa', last4: '4242' },
    conversion: {
      landing_page: 'http://dummy-client.com/product/amazing-necklace',
      referrer: 'dummy-client.com',
    },
    risk_level: { ip_fail: false, address_fail: false, zip_fail: false, cvc_fail: false },
    refunded: 0,
    refund_possible: true,
    order_date: 1494594582,
    updated_at: null,
    notes: null,
  };
}

/** Order 91 of customer 30: one "Fancy bear 1000" (Red, Big) at 25 plus 9.00 shipping = the 34 he spent. */
export function exampleOrder91(): ChqOrder {
  const bear = exampleProduct14();
  const donald = exampleCustomer30();
  const addr = donald.address[0]!;
  return {
    id: 91,
    display_number: 'RH91',
    email: donald.email,
    status: 5,
    paid: 1,
    discounts: [],
    shipping: { description: 'Standard shipping', price: '9.00' },
    tax: 0,
    total: 34,
    ip: '203.0.113.7',
    items: [
      {
        data: {
          id: 101,
          product_id: 14,
          title: bear.title,
          is_multi: true,
          type: bear.type,
          is_giftcard: false,
          shipping_weight: bear.shipping_weight,
          vendor: bear.vendor,
          auto_fulfilment: false,
          track_inventory: true,
          sku: bear.sku,
          price: 25,
          compare_price: 15,
          image: bear.variants[0]!.images[0]!.path,
          image_max_size: 9,
          variant: { id: 43, variant: ['Red', 'Big'] },
        },
        status: { quantity: 1, not_fulfilled: 0, fulfilled: 0, shipped: 1, restocked: 0 },
      },
    ],
    fulfilments: [{ id: 1, items: [{ id: 101, quantity: 1 }], warehouse: 1, created_at: 1484400000 }],
    shipments: [
      {
        id: 1,
        fulfilment_id: 1,
        items: [{ id: 101, quantity: 1 }],
        tracking_number: '9400111899223456789012',
        shipping_carrier: 1,
        created_at: 1484486400,
      },
    ],
    restocks: [],
    customer: { id: 30, email: donald.email, first_name: 'Donald', last_name: 'Duck' },
    address: {
      shipping: { ...addr.shipping },
      billing: { ...addr.billing, company: null },
      phone: addr.phone,
    },
    payment: { type: 'Visa', last4: '4242' },
    conversion: { landing_page: null, referrer: null },
    risk_level: { ip_fail: false, address_fail: false, zip_fail: false, cvc_fail: false },
    refunded: 0,
    refund_possible: true,
    order_date: 1484313925,
    updated_at: 1484486400,
    notes: null,
  };
}

/** GET /shipping-carriers */
export function exampleCarriers(): ChqCarrier[] {
  return [
    {
      id: 7,
      title: 'Canada Post',
      url: 'http://www.canadapost.ca/cpotools/apps/track/personal/findByTrackNumber?trackingNumber=',
      is_deleted: false,
    },
    {
      id: 6,
      title: 'DHL Global',
      url: 'http://webtrack.dhlglobalmail.com/?trackingnumber=',
      is_deleted: false,
    },
    {
      id: 5,
      title: 'DHL US',
      url: 'http://track.dhl-usa.com/TrackByNbr.asp?ShipmentNumber=',
      is_deleted: false,
    },
    { id: 4, title: 'LaserShip', url: 'http://www.lasership.com/track/', is_deleted: false },
    {
      id: 3,
      title: 'FedEx',
      url: 'http://www.fedex.com/Tracking?action=track&tracknumbers=',
      is_deleted: false,
    },
    {
      id: 2,
      title: 'UPS',
      url: 'http://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=',
      is_deleted: false,
    },
    {
      id: 1,
      title: 'USPS',
      url: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=',
      is_deleted: false,
    },
  ];
}

/** GET /helpers: warehouses as in the seed's sample; the rest is derived from the store's data. */
export const EXAMPLE_WAREHOUSES = [
  { id: 1, title: 'Warehouse 1' },
  { id: 2, title: 'Warehouse 2' },
  { id: 3, title: 'Warehouse 3' },
] as const;

/**
 * Files already uploaded to the store (POST /files): the ids the seed's product create example
 * references (images 8 and 12, thumbnail image 7), product 14's thumbnail image 6, and the
 * seed's `/files` sample 453.
 */
export function exampleFiles(): Array<{ id: number; path: string; max_size: number }> {
  const base = 'https://s3-us-west-2.amazonaws.com/commercehq-userfiles-dev/commercehq-test/uploads/';
  return [
    { id: 6, path: `${base}1484915452_4bc11fff36e9ed964af6163f413bcb42.jpg`, max_size: 6 },
    { id: 7, path: `${base}1484915460_9a0364b9e99bb480dd25e1f0284c8555.jpg`, max_size: 7 },
    { id: 8, path: `${base}1484915471_e4da3b7fbbce2345d7772b0674a318d5.jpg`, max_size: 8 },
    { id: 12, path: `${base}1484915480_c20ad4d76fe97759aa27a0c99bff6710.jpg`, max_size: 8 },
    { id: 453, path: `${base}1497530431_03c309ebc4af299f4ab3572b2fc1005481571327.jpg`, max_size: 8 },
  ];
}
