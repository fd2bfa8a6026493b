import type { Category } from './wire';

/** Vocabulary for generated records: enough variety to look like a real shop, fixed so seeds stay stable. */
export const PRODUCT_NAMES: Record<Category, readonly string[]> = {
  footwear: ['Trail Runner', 'Canvas Sneaker', 'Leather Boot', 'Court Shoe', 'Wool Slipper', 'Strap Sandal'],
  apparel: ['Merino Tee', 'Rain Jacket', 'Denim Shirt', 'Loopback Hoodie', 'Linen Trousers', 'Fleece Vest'],
  accessories: ['Leather Belt', 'Canvas Tote', 'Wool Beanie', 'Sunglasses', 'Card Wallet', 'Silk Scarf'],
  electronics: [
    'Wireless Earbuds',
    'USB-C Charger',
    'Smart Speaker',
    'E-Reader',
    'Action Camera',
    'Power Bank',
  ],
  home: [
    'Ceramic Mug',
    'Linen Throw',
    'Cast Iron Pan',
    'Scented Candle',
    'Oak Cutting Board',
    'Glass Carafe',
  ],
};

export const CATEGORY_CODES: Record<Category, string> = {
  footwear: 'FTW',
  apparel: 'APP',
  accessories: 'ACC',
  electronics: 'ELE',
  home: 'HOM',
};

/** A flat catalogue expresses variants as sibling products: same model, one SKU per colour. */
export const COLOURS = [
  { name: 'Black', code: 'BLK' },
  { name: 'Sand', code: 'SND' },
  { name: 'Olive', code: 'OLV' },
  { name: 'Navy', code: 'NVY' },
  { name: 'Rust', code: 'RST' },
  { name: 'Stone', code: 'STN' },
] as const;

export const DESCRIPTIONS = [
  'Made to last, easy to care for.',
  'Our best seller, now in a new colour.',
  'Limited run — “small batch”, hand-finished.',
  'Recycled materials; ships in plastic-free packaging.',
] as const;

/**
 * Decimal prices as the API sends them. From rng.ts's AWKWARD_AMOUNTS minus 8.165, which no
 * 2-decimal currency can hold: it is served only by a dedicated test (through `putRaw`).
 */
export const DECIMAL_PRICES = [
  '0.10',
  '0.30',
  '7.95',
  '19.99',
  '0.01',
  '1234.50',
  '99.99',
  '24.00',
  '49.50',
  '129.00',
  '3.49',
] as const;
export const YEN_PRICES = [120, 980, 1500, 4200, 12800, 39800] as const;

export const STREETS = [
  'Vine St',
  'Market St',
  'Harbour Rd',
  'Elm Ave',
  'Rue du Pont',
  'Station Rd',
] as const;
export const ADDRESS_LABELS = ['Home', 'Work', 'Studio', 'Parents'] as const;
export const CUSTOMER_TAGS = ['vip', 'wholesale', 'newsletter', 'returning', 'gift-buyer'] as const;
export const ORDER_NOTES = [
  'Leave at the back door',
  'Gift — no invoice in the box',
  'Call on arrival',
] as const;
export const CUSTOMER_NOTES = ['Prefers email contact', 'Tax-exempt: certificate on file'] as const;

/** Percent-off coupons the API accepts on POST /orders. */
export const COUPONS: Readonly<Record<string, number>> = { WELCOME10: 10, VIP20: 20 };
