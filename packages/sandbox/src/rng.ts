/** mulberry32: small, fast, deterministic. The same seed always yields the same sandbox data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    bool: (p = 0.5) => next() < p,
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  bool(probability?: number): boolean;
}

export const FIRST_NAMES = [
  'Ava',
  'Liam',
  'Noah',
  'Emma',
  'Mia',
  'Lucas',
  'Zoë',
  'José',
  'Aiko',
  'Olu',
  'Siobhán',
  'Mateo',
] as const;
export const LAST_NAMES = [
  'Smith',
  'García',
  'Nguyen',
  "O'Brien",
  'Müller',
  'Tanaka',
  'Okafor',
  'Rossi',
  'Dubois',
  'Kowalski',
] as const;
export const CITIES = [
  { city: 'Napa', state: 'CA', zip: '94558', country: 'US' },
  { city: 'Portland', state: 'OR', zip: '97201', country: 'US' },
  { city: 'Austin', state: 'TX', zip: '78701', country: 'US' },
  { city: 'Toronto', state: 'ON', zip: 'M5V 2T6', country: 'CA' },
  { city: 'London', state: '', zip: 'EC1A 1BB', country: 'GB' },
  { city: 'Sydney', state: 'NSW', zip: '2000', country: 'AU' },
] as const;
/** Amounts that break naive float code, used on purpose in generated prices. */
export const AWKWARD_AMOUNTS = [
  '0.10',
  '0.30',
  '8.165',
  '7.95',
  '19.99',
  '0.01',
  '1234.50',
  '99.99',
] as const;
