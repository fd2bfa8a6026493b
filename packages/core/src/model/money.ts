/**
 * Exact money conversion.
 *
 * Amounts are integers in the currency's minor unit (cents for USD, yen for JPY, fils for BHD).
 * Decimal input is never converted through float arithmetic: binary floats cannot hold most
 * decimal fractions (8.165 is stored as 8.16499999999999914735…, so `Math.round(8.165 * 100)`
 * gives 816 and `0.1 + 0.2` is 0.30000000000000004). Instead a decimal string is parsed digit by
 * digit; a JS number is first turned into its shortest round-trip decimal form (`String(n)`, the
 * text `JSON.stringify` writes), which is exactly the decimal a platform meant when it sent `19.99`.
 *
 * Rounding rule: by default ('reject') a value with more fractional digits than the currency has
 * (after dropping trailing zeros, so "7.950" is fine for USD) is refused with a ConversionError
 * rather than silently changed. With `{ rounding: 'half-even' }` it is rounded to the nearest
 * minor unit, ties to the even one (banker's rounding: 8.165 → 816, 8.175 → 818, 8.1651 → 817),
 * symmetrically for negative values. Results beyond Number.MAX_SAFE_INTEGER minor units throw.
 *
 * Currency codes must be three uppercase letters and known here: "usd" is rejected, not
 * normalised, so a typo or a platform's odd casing is caught where it enters (adapters that know
 * their platform sends lowercase codes uppercase them explicitly).
 */
import { ConversionError } from '../errors';

/** ISO 4217 minor-unit exponent (decimal places) of active and recently withdrawn currencies. */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze(
  buildExponents({
    0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
    2:
      'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
      'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP ' +
      'GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT ' +
      'LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
      'NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS ' +
      'SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD ' +
      'XCG YER ZAR ZMW ZWG ZWL',
    3: 'BHD IQD JOD KWD LYD OMR TND',
    4: 'CLF UYW',
  }),
);

function buildExponents(groups: Record<number, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [exponent, codes] of Object.entries(groups)) {
    for (const code of codes.split(' ')) out[code] = Number(exponent);
  }
  return out;
}

/** An amount in integer minor units and its ISO 4217 currency code. */
export type MoneyValue = { amount: number; currency: string };

/** How `fromDecimal` treats more fractional digits than the currency has. */
export type RoundingMode = 'reject' | 'half-even';

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** The currency's number of decimal places; throws ConversionError for a malformed or unknown code. */
export function currencyExponent(currency: string): number {
  if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency)) {
    throw new ConversionError(
      `Invalid currency code ${quote(currency)}: expected three uppercase letters (ISO 4217), like "USD"`,
      { code: 'invalid_money' },
    );
  }
  const exponent = Object.hasOwn(CURRENCY_EXPONENTS, currency) ? CURRENCY_EXPONENTS[currency] : undefined;
  if (exponent === undefined) {
    throw new ConversionError(
      `Unknown currency code ${quote(currency)}: not an ISO 4217 currency storeport knows`,
      { code: 'invalid_money' },
    );
  }
  return exponent;
}

// sign, integer digits, optional fraction (".5" and "5." are allowed), optional exponent.
const DECIMAL = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-])?(\d+))?$/;

interface ParsedDecimal {
  negative: boolean;
  /** Significant digits, no leading or trailing zeros; '' for zero. */
  digits: string;
  /** The value is digits × 10^scale. */
  scale: number;
}

function parseDecimal(text: string): ParsedDecimal | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? m[4] ?? '';
  let exp = 0;
  if (m[6] !== undefined) {
    const expDigits = m[6].replace(/^0+/, '');
    // Beyond 15 digits the exponent is so large the result is settled (overflow, zero or too many
    // decimals) whatever its exact value; clamping keeps the arithmetic below exact.
    exp = expDigits.length > 15 ? 1e15 : Number(expDigits || '0');
    if (m[5] === '-') exp = -exp;
  }
  let digits = intPart + fracPart;
  let scale = exp - fracPart.length;
  digits = digits.replace(/^0+/, '');
  const trimmed = digits.replace(/0+$/, '');
  scale += digits.length - trimmed.length;
  return { negative: m[1] === '-', digits: trimmed, scale };
}

/**
 * Convert a decimal amount (`"7.95"`, `19.99`, `"1e-2"`) into integer minor units, exactly.
 * Throws ConversionError for anything that is not a plain decimal (thousands separators, `NaN`,
 * `Infinity`, empty), for more decimals than the currency has (unless `rounding: 'half-even'`),
 * and for results beyond Number.MAX_SAFE_INTEGER.
 */
export function fromDecimal(
  value: string | number,
  currency: string,
  options: { rounding?: RoundingMode } = {},
): MoneyValue {
  const exponent = currencyExponent(currency);
  const rounding = options.rounding ?? 'reject';
  if (rounding !== 'reject' && rounding !== 'half-even') {
    throw new ConversionError(`Unknown rounding mode ${quote(rounding)}: expected 'reject' or 'half-even'`, {
      code: 'invalid_money',
    });
  }
  return { amount: toMinorUnits(value, currency, exponent, rounding), currency };
}

function toMinorUnits(value: unknown, currency: string, exponent: number, rounding: RoundingMode): number {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ConversionError(`Cannot convert ${String(value)} to ${currency}: not a finite number`, {
        code: 'invalid_money',
      });
    }
    text = String(value); // shortest round-trip form, e.g. "19.99", "1e-7", "1e+21"
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    throw new ConversionError(
      `Cannot convert ${describe(value)} to ${currency}: expected a decimal string or number`,
      { code: 'invalid_money' },
    );
  }
  const parsed = parseDecimal(text);
  if (!parsed) {
    throw new ConversionError(
      `Cannot convert ${quote(value)} to ${currency}: not a decimal number (expected digits with an optional sign and "." fraction, like "19.99")`,
      { code: 'invalid_money' },
    );
  }
  const { negative, digits } = parsed;
  if (digits === '') return 0;
  const shift = parsed.scale + exponent; // minor units = digits × 10^shift
  let magnitude: bigint;
  if (shift >= 0) {
    if (digits.length + shift > 16) throw overflow(value, currency);
    magnitude = BigInt(digits + '0'.repeat(shift));
  } else {
    const dropped = -shift; // number of digits below the minor unit
    if (rounding === 'reject') {
      throw new ConversionError(
        `Cannot convert ${quote(value)} to ${currency} exactly: ${currency} has ${exponent} decimal place${exponent === 1 ? '' : 's'} (pass { rounding: 'half-even' } to round)`,
        { code: 'invalid_money' },
      );
    }
    if (dropped > digits.length) {
      magnitude = 0n; // below a tenth of a minor unit: rounds to zero
    } else {
      const kept = digits.slice(0, digits.length - dropped);
      const rest = digits.slice(digits.length - dropped); // last digit is non-zero
      magnitude = kept === '' ? 0n : BigInt(kept);
      const first = rest.charCodeAt(0) - 48;
      // Ties are exactly "5" alone: trailing zeros were stripped, so a longer rest is above half.
      const up = first > 5 || (first === 5 && (rest.length > 1 || magnitude % 2n === 1n));
      if (up) magnitude += 1n;
    }
  }
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) throw overflow(value, currency);
  const amount = Number(magnitude);
  return negative && amount !== 0 ? -amount : amount;
}

function overflow(value: unknown, currency: string): ConversionError {
  return new ConversionError(
    `Cannot convert ${quote(value)} to ${currency}: the amount in minor units exceeds Number.MAX_SAFE_INTEGER`,
    { code: 'invalid_money' },
  );
}

function checkMoney(money: MoneyValue, what = 'money'): number {
  if (typeof money !== 'object' || money === null) {
    throw new ConversionError(`Invalid ${what}: expected { amount, currency }, got ${describe(money)}`, {
      code: 'invalid_money',
    });
  }
  const exponent = currencyExponent(money.currency);
  if (!Number.isSafeInteger(money.amount)) {
    throw new ConversionError(
      `Invalid ${what} amount ${describe(money.amount)} ${money.currency}: expected an integer number of minor units within Number.MAX_SAFE_INTEGER`,
      { code: 'invalid_money' },
    );
  }
  return exponent;
}

/** The exact decimal text of an amount: "19.99", "0.30", "-0.05", "1000" (JPY), "1.234" (BHD). */
export function toDecimalString(money: MoneyValue): string {
  const exponent = checkMoney(money);
  const digits = String(Math.abs(money.amount)).padStart(exponent + 1, '0');
  const sign = money.amount < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * The amount as a JS number in major units (what a platform expecting JSON decimals wants):
 * `Number(toDecimalString(m))`, so JSON writes exactly that decimal. Throws ConversionError in
 * the rare case the decimal has more significant digits than a double keeps (from about 10^15
 * minor units on), rather than sending a different amount; use `toDecimalString` there.
 */
export function toDecimal(money: MoneyValue): number {
  const text = toDecimalString(money);
  const n = Number(text);
  const back = parseDecimal(String(n));
  const exact = parseDecimal(text);
  const same =
    back !== undefined &&
    exact !== undefined &&
    back.digits === exact.digits &&
    (exact.digits === '' || (back.scale === exact.scale && back.negative === exact.negative));
  if (!same) {
    throw new ConversionError(
      `Cannot represent ${text} ${money.currency} exactly as a JavaScript number; use toDecimalString`,
      { code: 'invalid_money' },
    );
  }
  return n;
}

/**
 * Money from an integer count of minor units, as Commerce7 sends it (cents). Accepts a safe
 * integer or an integer-valued numeric string ("1999", "1999.00", " 1999 "); anything else
 * throws ConversionError.
 */
export function fromMinorUnits(amount: number | string, currency: string): MoneyValue {
  currencyExponent(currency);
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) {
      throw new ConversionError(
        `Invalid minor-unit amount ${describe(amount)} ${currency}: expected an integer within Number.MAX_SAFE_INTEGER`,
        { code: 'invalid_money' },
      );
    }
    return { amount: amount + 0, currency }; // + 0 turns -0 into 0
  }
  if (typeof amount !== 'string') {
    throw new ConversionError(
      `Invalid minor-unit amount ${describe(amount)} ${currency}: expected an integer`,
      { code: 'invalid_money' },
    );
  }
  try {
    return { amount: toMinorUnits(amount, currency, 0, 'reject'), currency };
  } catch (error) {
    throw new ConversionError(
      `Invalid minor-unit amount ${quote(amount)} ${currency}: expected an integer number of minor units`,
      { code: 'invalid_money', cause: error },
    );
  }
}

/** A zero amount in `currency`. */
export function zeroMoney(currency: string): MoneyValue {
  currencyExponent(currency);
  return { amount: 0, currency };
}

/** a + b; throws ConversionError when the currencies differ or the sum leaves the safe-integer range. */
export function addMoney(a: MoneyValue, b: MoneyValue): MoneyValue {
  checkMoney(a);
  checkMoney(b);
  if (a.currency !== b.currency) {
    throw new ConversionError(`Cannot add ${a.currency} and ${b.currency}: currencies differ`, {
      code: 'invalid_money',
    });
  }
  const amount = a.amount + b.amount;
  if (!Number.isSafeInteger(amount)) {
    throw new ConversionError(
      `Money overflow: ${a.amount} + ${b.amount} ${a.currency} exceeds Number.MAX_SAFE_INTEGER`,
      { code: 'invalid_money' },
    );
  }
  return { amount: amount + 0, currency: a.currency };
}

/** m × quantity (an integer, e.g. a line item's quantity); throws ConversionError on overflow. */
export function multiplyMoney(m: MoneyValue, quantity: number): MoneyValue {
  checkMoney(m);
  if (!Number.isSafeInteger(quantity)) {
    throw new ConversionError(
      `Cannot multiply money by ${describe(quantity)}: expected an integer quantity`,
      { code: 'invalid_money' },
    );
  }
  const amount = m.amount * quantity;
  if (!Number.isSafeInteger(amount)) {
    throw new ConversionError(
      `Money overflow: ${m.amount} × ${quantity} ${m.currency} exceeds Number.MAX_SAFE_INTEGER`,
      { code: 'invalid_money' },
    );
  }
  return { amount: amount + 0, currency: m.currency };
}

/** The sum of `list`, every item in `currency` (an empty list sums to zero). */
export function sumMoney(list: readonly MoneyValue[], currency: string): MoneyValue {
  let total = zeroMoney(currency);
  for (const item of list) {
    checkMoney(item);
    if (item.currency !== currency) {
      throw new ConversionError(`Cannot sum ${item.currency} into a ${currency} total: currencies differ`, {
        code: 'invalid_money',
      });
    }
    total = addMoney(total, item);
  }
  return total;
}

function quote(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return describe(value);
}

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (typeof value === 'string') return quote(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value;
}
