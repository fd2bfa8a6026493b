import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversionError } from '../src/errors';
import {
  addMoney,
  CURRENCY_EXPONENTS,
  currencyExponent,
  fromDecimal,
  fromMinorUnits,
  type MoneyValue,
  multiplyMoney,
  sumMoney,
  toDecimal,
  toDecimalString,
  zeroMoney,
} from '../src/model/money';

const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (minLength: number, maxLength: number) => fc.string({ unit: digit, minLength, maxLength });

/** Reference: half-even rounding of sign·int.frac to `exponent` decimals, in BigInt. */
function referenceHalfEven(negative: boolean, int: string, frac: string, exponent: number): number {
  const n = BigInt(int + frac || '0');
  const f = frac.length;
  let q: bigint;
  if (f <= exponent) {
    q = n * 10n ** BigInt(exponent - f);
  } else {
    const d = 10n ** BigInt(f - exponent);
    q = n / d;
    const r2 = (n % d) * 2n;
    if (r2 > d || (r2 === d && q % 2n === 1n)) q += 1n;
  }
  const amount = Number(q);
  return negative && amount !== 0 ? -amount : amount;
}

function conversionError(fn: () => unknown): ConversionError {
  try {
    fn();
  } catch (error) {
    expect(ConversionError.isInstance(error)).toBe(true);
    return error as ConversionError;
  }
  throw new Error('expected a ConversionError');
}

describe('CURRENCY_EXPONENTS / currencyExponent', () => {
  it('has the ISO 4217 exponents', () => {
    for (const code of 'JPY KRW VND CLP ISK XAF XOF XPF UGX PYG RWF KMF GNF VUV BIF DJF'.split(' ')) {
      expect(currencyExponent(code), code).toBe(0);
    }
    for (const code of 'BHD KWD OMR JOD TND LYD IQD'.split(' ')) expect(currencyExponent(code), code).toBe(3);
    const twos =
      'USD EUR GBP AUD CAD NZD CHF SEK NOK DKK PLN CZK HUF MXN BRL ZAR INR CNY HKD SGD TWD THB MYR PHP IDR ILS AED SAR TRY RUB ARS COP PEN';
    for (const code of twos.split(' ')) expect(currencyExponent(code), code).toBe(2);
    expect(currencyExponent('CLF')).toBe(4);
  });

  it('is frozen and holds only well-formed codes', () => {
    expect(Object.isFrozen(CURRENCY_EXPONENTS)).toBe(true);
    for (const [code, exponent] of Object.entries(CURRENCY_EXPONENTS)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(exponent);
    }
  });

  it('rejects malformed and unknown codes (lowercase is rejected, not normalised)', () => {
    expect(conversionError(() => currencyExponent('XYZ')).message).toContain('Unknown currency code "XYZ"');
    expect(conversionError(() => currencyExponent('usd')).message).toContain('three uppercase letters');
    for (const bad of ['', 'US', 'USDD', ' USD', 'U$D', 'toString', '__proto__']) {
      conversionError(() => currencyExponent(bad));
    }
  });
});

describe('fromDecimal: named examples', () => {
  it('converts exactly', () => {
    expect(fromDecimal(19.99, 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(fromDecimal('7.95', 'USD')).toEqual({ amount: 795, currency: 'USD' });
    expect(fromDecimal('7.950', 'USD')).toEqual({ amount: 795, currency: 'USD' });
    expect(fromDecimal(0.3, 'USD')).toEqual({ amount: 30, currency: 'USD' });
    expect(fromDecimal('  12.50 ', 'USD')).toEqual({ amount: 1250, currency: 'USD' });
    expect(fromDecimal('-0.05', 'USD')).toEqual({ amount: -5, currency: 'USD' });
    expect(fromDecimal('+3', 'USD').amount).toBe(300);
    expect(fromDecimal('.5', 'USD').amount).toBe(50);
    expect(fromDecimal('5.', 'USD').amount).toBe(500);
    expect(fromDecimal('007.10', 'USD').amount).toBe(710);
    expect(fromDecimal(1000, 'JPY')).toEqual({ amount: 1000, currency: 'JPY' });
    expect(fromDecimal('1000.00', 'JPY').amount).toBe(1000);
    expect(fromDecimal('1.234', 'BHD').amount).toBe(1234);
    expect(fromDecimal(8.165, 'BHD').amount).toBe(8165);
  });

  it('rejects by default what it cannot convert exactly, naming value and currency', () => {
    const e = conversionError(() => fromDecimal(8.165, 'USD'));
    expect(e.message).toContain('8.165');
    expect(e.message).toContain('USD');
    expect(e.code).toBe('invalid_money');
    conversionError(() => fromDecimal(0.1 + 0.2, 'USD'));
    conversionError(() => fromDecimal(1e-7, 'USD'));
    expect(conversionError(() => fromDecimal('1000.5', 'JPY')).message).toContain('JPY has 0 decimal places');
    expect(conversionError(() => fromDecimal('1.2345', 'BHD')).message).toContain('BHD has 3 decimal places');
  });

  it('rounds half to even on request', () => {
    const he = { rounding: 'half-even' } as const;
    expect(fromDecimal(8.165, 'USD', he).amount).toBe(816);
    expect(fromDecimal('8.165', 'USD', he).amount).toBe(816);
    expect(fromDecimal('8.175', 'USD', he).amount).toBe(818);
    expect(fromDecimal('8.1651', 'USD', he).amount).toBe(817);
    expect(fromDecimal('8.1649999', 'USD', he).amount).toBe(816);
    expect(fromDecimal('-8.165', 'USD', he).amount).toBe(-816);
    expect(fromDecimal('-8.175', 'USD', he).amount).toBe(-818);
    expect(fromDecimal(0.1 + 0.2, 'USD', he).amount).toBe(30);
    expect(fromDecimal(1e-7, 'USD', he).amount).toBe(0);
    expect(fromDecimal('-0.004', 'USD', he).amount).toBe(0);
    expect(Object.is(fromDecimal('-0.004', 'USD', he).amount, 0)).toBe(true);
    expect(fromDecimal('0.005', 'USD', he).amount).toBe(0);
    expect(fromDecimal('0.015', 'USD', he).amount).toBe(2);
    expect(fromDecimal('1000.5', 'JPY', he).amount).toBe(1000);
    expect(fromDecimal('1001.5', 'JPY', he).amount).toBe(1002);
    expect(fromDecimal('1.2345', 'BHD', he).amount).toBe(1234);
    expect(fromDecimal('1.2355', 'BHD', he).amount).toBe(1236);
    expect(fromDecimal('1e-400', 'USD', he).amount).toBe(0);
    expect(fromDecimal('0.5e-2', 'USD', he).amount).toBe(0);
    expect(fromDecimal('0.51e-2', 'USD', he).amount).toBe(1);
  });

  it('handles exponent forms exactly', () => {
    expect(fromDecimal('1e-2', 'USD').amount).toBe(1);
    expect(fromDecimal('1E2', 'USD').amount).toBe(10000);
    expect(fromDecimal('12.5e+1', 'USD').amount).toBe(12500);
    expect(fromDecimal('0e99999999999999999999', 'USD').amount).toBe(0);
    expect(fromDecimal(1e-7, 'USD', { rounding: 'half-even' }).amount).toBe(0);
    expect(fromDecimal(1.5e-2, 'BHD').amount).toBe(15);
    expect(fromDecimal(1e13, 'USD').amount).toBe(1e15);
    conversionError(() => fromDecimal(1e21, 'USD'));
    conversionError(() => fromDecimal(1e21, 'JPY'));
    conversionError(() => fromDecimal('1e99999999999999999999', 'USD'));
    conversionError(() => fromDecimal('1e-99999999999999999999', 'USD'));
    expect(fromDecimal('1e-99999999999999999999', 'USD', { rounding: 'half-even' }).amount).toBe(0);
  });

  it('turns -0 into 0', () => {
    for (const v of [-0, '-0', '-0.00', '-0e5']) {
      const m = fromDecimal(v, 'USD');
      expect(Object.is(m.amount, 0), String(v)).toBe(true);
    }
  });

  it('rejects what is not a plain decimal', () => {
    for (const bad of [
      '',
      '   ',
      'abc',
      'NaN',
      'Infinity',
      '-Infinity',
      '1,000.00',
      '1 000',
      '1.2.3',
      '.',
      '-',
      '+',
      '0x10',
      '1e',
      '1e+',
      '--1',
      '１２',
      '$5',
      '5$',
      '1_000',
    ]) {
      const e = conversionError(() => fromDecimal(bad, 'USD'));
      expect(e.message).toContain(`${JSON.stringify(bad)} to USD`);
    }
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      conversionError(() => fromDecimal(bad, 'USD'));
    }
    conversionError(() => fromDecimal(null as unknown as string, 'USD'));
    conversionError(() => fromDecimal({} as unknown as string, 'USD'));
  });

  it('rejects unknown and lowercase currencies and unknown rounding modes', () => {
    expect(conversionError(() => fromDecimal('1', 'XYZ')).message).toContain('XYZ');
    conversionError(() => fromDecimal('1', 'usd'));
    conversionError(() => fromDecimal('1', 'USD', { rounding: 'up' as unknown as 'reject' }));
  });

  it('rejects results beyond Number.MAX_SAFE_INTEGER', () => {
    expect(fromDecimal('90071992547409.91', 'USD').amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(fromDecimal('-90071992547409.91', 'USD').amount).toBe(-Number.MAX_SAFE_INTEGER);
    conversionError(() => fromDecimal('90071992547409.92', 'USD'));
    conversionError(() => fromDecimal('9007199254740992', 'JPY'));
    conversionError(() => fromDecimal('90071992547409.915', 'USD', { rounding: 'half-even' }));
    conversionError(() => fromDecimal('100000000000000000000', 'JPY'));
  });
});

describe('fromDecimal: properties', () => {
  const currencies = fc.constantFrom('JPY', 'USD', 'BHD');

  it('round-trips every amount in [-1e12, 1e12] through toDecimalString and toDecimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), currencies, (amount, currency) => {
        const m = { amount, currency };
        expect(fromDecimal(toDecimalString(m), currency)).toEqual(m);
        expect(fromDecimal(toDecimal(m), currency)).toEqual(m);
        expect(fromDecimal(toDecimal(m), currency, { rounding: 'half-even' })).toEqual(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('half-even rounding of digit strings matches a BigInt reference', () => {
    fc.assert(
      fc.property(fc.boolean(), digits(0, 10), digits(0, 8), currencies, (negative, int, frac, currency) => {
        fc.pre(int.length + frac.length > 0);
        const text = `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
        const exponent = currencyExponent(currency);
        const expected = referenceHalfEven(negative, int, frac, exponent);
        expect(fromDecimal(text, currency, { rounding: 'half-even' }).amount).toBe(expected);
        // Default mode: exact when the significant fraction fits, otherwise a ConversionError.
        const significant = frac.replace(/0+$/, '').length;
        if (significant <= exponent) expect(fromDecimal(text, currency).amount).toBe(expected);
        else conversionError(() => fromDecimal(text, currency));
      }),
      { numRuns: 3000 },
    );
  });

  it('a number and its shortest decimal text convert alike', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), currencies, (n, currency) => {
        const viaNumber = fromDecimal(n, currency, { rounding: 'half-even' });
        const viaText = fromDecimal(String(n), currency, { rounding: 'half-even' });
        expect(viaNumber).toEqual(viaText);
      }),
      { numRuns: 1000 },
    );
  });

  it('exponent notation equals the plain decimal it denotes', () => {
    // Only values within Number.MAX_SAFE_INTEGER minor units: for each mantissa and currency the
    // exponent goes no higher than keeps mantissa × 10^(exp + currency exponent) in range (the
    // out-of-range case is the example below). Half-even rounding never carries past the
    // mantissa when exp + currency exponent < 0, so the bound holds after rounding too.
    const inRange = fc
      .tuple(digits(1, 6), currencies)
      .chain(([mantissa, currency]) =>
        fc
          .integer({ min: -12, max: maxSafeExponent(mantissa, currencyExponent(currency), 8) })
          .map((exp) => [mantissa, exp, currency] as const),
      );
    fc.assert(
      fc.property(inRange, ([mantissa, exp, currency]) => {
        const plain = shiftDecimal(mantissa, exp);
        const he = { rounding: 'half-even' } as const;
        expect(fromDecimal(`${mantissa}e${exp}`, currency, he)).toEqual(fromDecimal(plain, currency, he));
      }),
    );
  });

  it('exponent notation beyond Number.MAX_SAFE_INTEGER minor units is rejected like the plain decimal', () => {
    // 800000e8 BHD = 8 × 10^13 dinars = 8 × 10^16 fils, past 2^53 − 1 (found by the property above).
    const he = { rounding: 'half-even' } as const;
    conversionError(() => fromDecimal('800000e8', 'BHD', he));
    conversionError(() => fromDecimal(shiftDecimal('800000', 8), 'BHD', he));
    conversionError(() => fromDecimal('9007199254740992e0', 'JPY', he));
    expect(fromDecimal('9007199254740991e0', 'JPY', he).amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(fromDecimal('90071992547409.91e0', 'USD', he).amount).toBe(Number.MAX_SAFE_INTEGER);
  });
});

/**
 * The largest exponent (at most `cap`) for which mantissa × 10^(exp + currencyExp) minor units
 * stays within Number.MAX_SAFE_INTEGER (test helper, BigInt arithmetic).
 */
function maxSafeExponent(mantissa: string, currencyExp: number, cap: number): number {
  const m = BigInt(mantissa);
  if (m === 0n) return cap;
  let exp = cap;
  while (exp + currencyExp > 0 && m * 10n ** BigInt(exp + currencyExp) > BigInt(Number.MAX_SAFE_INTEGER))
    exp -= 1;
  return exp;
}

/** mantissa × 10^exp as a plain decimal string (test helper, string arithmetic). */
function shiftDecimal(mantissa: string, exp: number): string {
  if (exp >= 0) return mantissa + '0'.repeat(exp);
  const padded = mantissa.padStart(-exp + 1, '0');
  return `${padded.slice(0, exp)}.${padded.slice(exp)}`;
}

describe('toDecimalString / toDecimal', () => {
  it('writes exact decimals', () => {
    expect(toDecimalString({ amount: 1999, currency: 'USD' })).toBe('19.99');
    expect(toDecimalString({ amount: 30, currency: 'USD' })).toBe('0.30');
    expect(toDecimalString({ amount: -5, currency: 'USD' })).toBe('-0.05');
    expect(toDecimalString({ amount: 0, currency: 'USD' })).toBe('0.00');
    expect(toDecimalString({ amount: -0, currency: 'USD' })).toBe('0.00');
    expect(toDecimalString({ amount: 1000, currency: 'JPY' })).toBe('1000');
    expect(toDecimalString({ amount: -7, currency: 'JPY' })).toBe('-7');
    expect(toDecimalString({ amount: 1234, currency: 'BHD' })).toBe('1.234');
    expect(toDecimalString({ amount: 1, currency: 'BHD' })).toBe('0.001');
    expect(toDecimalString({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe('90071992547409.91');
    expect(toDecimal({ amount: 1999, currency: 'USD' })).toBe(19.99);
    expect(toDecimal({ amount: 30, currency: 'USD' })).toBe(0.3);
    expect(toDecimal({ amount: -5, currency: 'USD' })).toBe(-0.05);
    expect(toDecimal({ amount: 1000, currency: 'JPY' })).toBe(1000);
    expect(JSON.stringify({ total: toDecimal({ amount: 816, currency: 'USD' }) })).toBe('{"total":8.16}');
  });

  it('rejects non-integer amounts and unknown currencies', () => {
    conversionError(() => toDecimalString({ amount: 19.5, currency: 'USD' }));
    conversionError(() => toDecimalString({ amount: Number.NaN, currency: 'USD' }));
    conversionError(() => toDecimalString({ amount: 2 ** 53, currency: 'USD' }));
    conversionError(() => toDecimalString({ amount: '1999' as unknown as number, currency: 'USD' }));
    conversionError(() => toDecimalString({ amount: 1, currency: 'XYZ' }));
    conversionError(() => toDecimalString(null as unknown as MoneyValue));
    conversionError(() => toDecimal({ amount: 0.5, currency: 'USD' }));
  });

  it('toDecimal refuses amounts a double cannot hold exactly', () => {
    // 90071992547409.91 has 16 significant digits: the nearest double prints as …409.9
    expect(
      conversionError(() => toDecimal({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' })).message,
    ).toContain('toDecimalString');
  });
});

describe('fromMinorUnits', () => {
  it('accepts integers and integer-valued strings', () => {
    expect(fromMinorUnits(1999, 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(fromMinorUnits('1999', 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(fromMinorUnits(' -250 ', 'USD')).toEqual({ amount: -250, currency: 'USD' });
    expect(fromMinorUnits('1999.00', 'USD').amount).toBe(1999);
    expect(fromMinorUnits(1000, 'JPY').amount).toBe(1000);
    expect(Object.is(fromMinorUnits(-0, 'USD').amount, 0)).toBe(true);
    expect(Object.is(fromMinorUnits('-0', 'USD').amount, 0)).toBe(true);
  });

  it('rejects anything else', () => {
    for (const bad of [
      19.99,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
      '19.99',
      '',
      'abc',
      '1,999',
      '1e400',
    ]) {
      const e = conversionError(() => fromMinorUnits(bad, 'USD'));
      expect(e.message).toContain('USD');
    }
    conversionError(() => fromMinorUnits(null as unknown as number, 'USD'));
    conversionError(() => fromMinorUnits(1, 'usd'));
  });
});

describe('arithmetic', () => {
  const usd = (amount: number): MoneyValue => ({ amount, currency: 'USD' });

  it('adds, multiplies and sums integers', () => {
    expect(addMoney(usd(10), usd(20))).toEqual(usd(30));
    expect(addMoney(usd(10), usd(-25))).toEqual(usd(-15));
    expect(multiplyMoney(usd(1999), 3)).toEqual(usd(5997));
    expect(multiplyMoney(usd(1999), -1)).toEqual(usd(-1999));
    expect(Object.is(multiplyMoney(usd(0), -3).amount, 0)).toBe(true);
    expect(zeroMoney('JPY')).toEqual({ amount: 0, currency: 'JPY' });
    expect(sumMoney([usd(10), usd(20), usd(30)], 'USD')).toEqual(usd(60));
    expect(sumMoney([], 'EUR')).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('sums 0.10 ten times to exactly 1.00', () => {
    const dime = fromDecimal(0.1, 'USD');
    expect(
      toDecimalString(
        sumMoney(
          Array.from({ length: 10 }, () => dime),
          'USD',
        ),
      ),
    ).toBe('1.00');
  });

  it('rejects currency mismatches', () => {
    expect(conversionError(() => addMoney(usd(1), { amount: 1, currency: 'EUR' })).message).toContain('EUR');
    conversionError(() => sumMoney([usd(1), { amount: 1, currency: 'EUR' }], 'USD'));
    conversionError(() => sumMoney([usd(1)], 'EUR'));
  });

  it('rejects overflow and bad operands', () => {
    conversionError(() => addMoney(usd(Number.MAX_SAFE_INTEGER), usd(1)));
    conversionError(() => addMoney(usd(-Number.MAX_SAFE_INTEGER), usd(-1)));
    expect(addMoney(usd(Number.MAX_SAFE_INTEGER), usd(-1)).amount).toBe(Number.MAX_SAFE_INTEGER - 1);
    conversionError(() => multiplyMoney(usd(2 ** 30), 2 ** 30));
    conversionError(() => multiplyMoney(usd(100), 1.5));
    conversionError(() => multiplyMoney(usd(100), Number.NaN));
    conversionError(() => sumMoney([usd(Number.MAX_SAFE_INTEGER), usd(1)], 'USD'));
    conversionError(() => addMoney(usd(0.5), usd(1)));
    conversionError(() => zeroMoney('XYZ'));
  });

  it('agrees with BigInt arithmetic (property)', () => {
    const amount = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: -5000, max: 5000 }), (a, b, q) => {
        expect(addMoney(usd(a), usd(b)).amount).toBe(Number(BigInt(a) + BigInt(b)));
        const product = BigInt(a) * BigInt(q);
        if (product > BigInt(Number.MAX_SAFE_INTEGER) || product < -BigInt(Number.MAX_SAFE_INTEGER)) {
          conversionError(() => multiplyMoney(usd(a), q));
        } else {
          expect(multiplyMoney(usd(a), q).amount).toBe(Number(product));
        }
      }),
    );
  });
});
