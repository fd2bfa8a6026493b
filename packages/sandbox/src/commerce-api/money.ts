/**
 * Prices travel as JSON decimal numbers (`19.99`, JPY `1200`). The simulator computes in integer
 * minor units and turns them back into numbers by one division by a power of ten, which yields the
 * double nearest the decimal, i.e. the number whose JSON text is exactly that decimal.
 */

const EXPONENTS: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  CHF: 2,
  SEK: 2,
  NZD: 2,
  JPY: 0,
  KRW: 0,
  BHD: 3,
  KWD: 3,
};

export const SUPPORTED_CURRENCIES = Object.keys(EXPONENTS);

export function exponentOf(currency: string): number | undefined {
  return EXPONENTS[currency];
}

/**
 * Minor units of a JSON number in `currency`, or undefined when the number has more fraction
 * digits than the currency allows (the API refuses `8.165` USD rather than rounding it).
 */
export function toMinor(value: number, currency: string): number | undefined {
  const exp = EXPONENTS[currency];
  if (exp === undefined || !Number.isFinite(value)) return undefined;
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return undefined;
  const [whole = '0', fraction = ''] = text.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > exp) return undefined;
  const minor = Number(whole + trimmed.padEnd(exp, '0'));
  if (!Number.isSafeInteger(minor)) return undefined;
  return value < 0 ? -minor : minor;
}

export function fromMinor(minor: number, currency: string): number {
  const exp = EXPONENTS[currency] ?? 2;
  return minor / 10 ** exp;
}
