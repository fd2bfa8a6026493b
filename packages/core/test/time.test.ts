import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversionError } from '../src/errors';
import { fromUnixSeconds, normalizeTimestamp, parseSince, toUnixSeconds } from '../src/time';

const MAX_SECONDS = 253402300799; // 9999-12-31T23:59:59Z

function conversionError(fn: () => unknown): ConversionError {
  try {
    fn();
  } catch (error) {
    expect(ConversionError.isInstance(error)).toBe(true);
    return error as ConversionError;
  }
  throw new Error('expected a ConversionError');
}

describe('fromUnixSeconds', () => {
  it('converts seconds to ISO 8601 UTC with milliseconds', () => {
    expect(fromUnixSeconds(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(fromUnixSeconds(1704164645)).toBe('2024-01-02T03:04:05.000Z');
    expect(fromUnixSeconds('1704164645')).toBe('2024-01-02T03:04:05.000Z');
    expect(fromUnixSeconds(' 1704164645 ')).toBe('2024-01-02T03:04:05.000Z');
    expect(fromUnixSeconds('0001704164645')).toBe('2024-01-02T03:04:05.000Z');
    expect(fromUnixSeconds(MAX_SECONDS)).toBe('9999-12-31T23:59:59.000Z');
  });

  it('keeps fractional seconds to the millisecond, truncating beyond', () => {
    expect(fromUnixSeconds(1704164645.5)).toBe('2024-01-02T03:04:05.500Z');
    expect(fromUnixSeconds(1704164645.123)).toBe('2024-01-02T03:04:05.123Z');
    expect(fromUnixSeconds('1704164645.1239')).toBe('2024-01-02T03:04:05.123Z');
    expect(fromUnixSeconds('1704164645.001')).toBe('2024-01-02T03:04:05.001Z');
    expect(fromUnixSeconds(0.001)).toBe('1970-01-01T00:00:00.001Z');
    expect(fromUnixSeconds(1e-7)).toBe('1970-01-01T00:00:00.000Z');
    expect(fromUnixSeconds(`${MAX_SECONDS}.999`)).toBe('9999-12-31T23:59:59.999Z');
  });

  it('rejects NaN, non-finite, negative, non-numeric and past-9999 values', () => {
    const bad: Array<number | string> = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      -0.5,
      '-1',
      '',
      'abc',
      '1e9',
      '0x10',
      '1,700,000,000',
      '2024-01-02',
      MAX_SECONDS + 1,
      `${MAX_SECONDS + 1}`,
      1e21,
      '99999999999999999999',
    ];
    for (const value of bad) {
      const e = conversionError(() => fromUnixSeconds(value));
      expect(e.message).toContain('Invalid Unix timestamp');
      expect(e.code).toBe('invalid_timestamp');
    }
    conversionError(() => fromUnixSeconds(null as unknown as number));
  });

  it('round-trips integer seconds through toUnixSeconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SECONDS }), (n) => {
        const iso = fromUnixSeconds(n);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
        expect(toUnixSeconds(iso)).toBe(n);
        expect(fromUnixSeconds(String(n))).toBe(iso);
        expect(iso).toBe(new Date(n * 1000).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date for millisecond-precise strings (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SECONDS * 1000 + 999 }), (ms) => {
        const text = `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
        expect(fromUnixSeconds(text)).toBe(new Date(ms).toISOString());
      }),
    );
  });
});

describe('toUnixSeconds', () => {
  it('floors to whole seconds', () => {
    expect(toUnixSeconds('1970-01-01T00:00:00Z')).toBe(0);
    expect(toUnixSeconds('2024-01-02T03:04:05.999Z')).toBe(1704164645);
    expect(toUnixSeconds('2024-01-02T05:04:05+02:00')).toBe(1704164645);
    expect(toUnixSeconds('1969-12-31T23:59:59.500Z')).toBe(-1);
  });

  it('rejects what is not a timestamp', () => {
    conversionError(() => toUnixSeconds('yesterday'));
    conversionError(() => toUnixSeconds(1704164645 as unknown as string));
  });
});

describe('normalizeTimestamp', () => {
  it('normalises ISO 8601 with Z or an offset to UTC', () => {
    expect(normalizeTimestamp('2024-01-02T03:04:05Z')).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05.123Z')).toBe('2024-01-02T03:04:05.123Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05.1Z')).toBe('2024-01-02T03:04:05.100Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05.123456789Z')).toBe('2024-01-02T03:04:05.123Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05+02:00')).toBe('2024-01-02T01:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05-05:30')).toBe('2024-01-02T08:34:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05+0200')).toBe('2024-01-02T01:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05+02')).toBe('2024-01-02T01:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05-00:00')).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04Z')).toBe('2024-01-02T03:04:00.000Z');
    expect(normalizeTimestamp('2024-01-02t03:04:05z')).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeTimestamp('  2024-01-02T03:04:05Z\n')).toBe('2024-01-02T03:04:05.000Z');
  });

  it('crosses day, month and year boundaries when converting offsets', () => {
    expect(normalizeTimestamp('2024-01-01T00:30:00+01:00')).toBe('2023-12-31T23:30:00.000Z');
    expect(normalizeTimestamp('2024-02-28T23:00:00-02:00')).toBe('2024-02-29T01:00:00.000Z');
    expect(normalizeTimestamp('2023-02-28T23:00:00-02:00')).toBe('2023-03-01T01:00:00.000Z');
    expect(normalizeTimestamp('2024-03-01T00:00:00+14:00')).toBe('2024-02-29T10:00:00.000Z');
  });

  it('reads date-only as midnight UTC and zone-less times as UTC', () => {
    expect(normalizeTimestamp('2024-01-02')).toBe('2024-01-02T00:00:00.000Z');
    expect(normalizeTimestamp('2024-01-02 03:04:05')).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02T03:04:05')).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeTimestamp('2024-01-02 03:04:05.250+00:00')).toBe('2024-01-02T03:04:05.250Z');
  });

  it('validates the calendar (leap years included)', () => {
    expect(normalizeTimestamp('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(normalizeTimestamp('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
    expect(normalizeTimestamp('2023-12-31T23:59:59.999Z')).toBe('2023-12-31T23:59:59.999Z');
    expect(normalizeTimestamp('0000-01-01T00:00:00Z')).toBe('0000-01-01T00:00:00.000Z');
    expect(normalizeTimestamp('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(normalizeTimestamp('1969-07-20T20:17:40Z')).toBe('1969-07-20T20:17:40.000Z');
    const invalid = [
      '2024-13-01',
      '2024-00-10',
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-01-00',
      '2024-01-02T24:00:00Z',
      '2024-01-02T23:60:00Z',
      '2024-12-31T23:59:60Z',
      '2024-01-02T03:04:05+24:00',
      '2024-01-02T03:04:05+02:60',
      '9999-12-31T23:00:00-02:00',
      '0000-01-01T00:00:00+01:00',
    ];
    for (const value of invalid) {
      const e = conversionError(() => normalizeTimestamp(value));
      expect(e.message).toContain(`Invalid timestamp "${value}"`);
    }
    expect(conversionError(() => normalizeTimestamp('2024-02-30')).message).toContain('2024-02 has 29 days');
  });

  it('rejects what is not ISO 8601, naming the value', () => {
    const bad = [
      'yesterday',
      '',
      '   ',
      'now',
      '1704164645',
      '2024/01/02',
      '02-01-2024',
      '2024-1-2',
      '20240102',
      '2024-01-02T03:04:05ZZ',
      '2024-01-02T03:04:05 Z',
      '2024-01-02T03',
      'Tue, 02 Jan 2024 03:04:05 GMT',
      '2024-W01-2',
      '+002024-01-02T00:00:00Z',
      '２０２４-01-02',
    ];
    for (const value of bad) {
      const e = conversionError(() => normalizeTimestamp(value));
      expect(e.message).toContain(`Invalid timestamp ${JSON.stringify(value)}`);
      expect(e.message).toContain('expected ISO 8601 like 2026-01-01T00:00:00Z');
    }
  });

  it('reads numbers as Unix seconds below 1e11 and milliseconds from 1e11', () => {
    expect(normalizeTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(normalizeTimestamp(1704164645)).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeTimestamp(1704164645.25)).toBe('2024-01-02T03:04:05.250Z');
    expect(normalizeTimestamp(1704164645123)).toBe('2024-01-02T03:04:05.123Z');
    expect(normalizeTimestamp(1704164645123.9)).toBe('2024-01-02T03:04:05.123Z');
    expect(normalizeTimestamp(1e11 - 1)).toBe(new Date((1e11 - 1) * 1000).toISOString());
    expect(normalizeTimestamp(1e11)).toBe('1973-03-03T09:46:40.000Z');
    expect(normalizeTimestamp(253402300799999)).toBe('9999-12-31T23:59:59.999Z');
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 253402300800000]) {
      conversionError(() => normalizeTimestamp(bad));
    }
  });

  it('accepts valid Dates', () => {
    expect(normalizeTimestamp(new Date('2024-01-02T03:04:05.006Z'))).toBe('2024-01-02T03:04:05.006Z');
    conversionError(() => normalizeTimestamp(new Date(Number.NaN)));
    conversionError(() => normalizeTimestamp(new Date(Date.UTC(10000, 0, 1))));
  });

  it('matches Date on every valid date-time it is given (property)', () => {
    const MIN = Date.UTC(1, 0, 1) - 366 * 86_400_000; // year 0000
    fc.assert(
      fc.property(
        fc.integer({ min: MIN, max: 253402300799999 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const iso = new Date(ms).toISOString();
          expect(normalizeTimestamp(iso)).toBe(iso);
          // The same instant written in local time at an offset.
          const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const shifted = ms + offsetMinutes * 60_000;
          if (shifted >= MIN && shifted <= 253402300799999) {
            expect(normalizeTimestamp(`${local}${offset}`)).toBe(iso);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects every day past the end of its month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = new Date(Date.UTC(2000, month, 0)); // a template to get month lengths
        const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
        const days = month === 2 ? (leap ? 29 : 28) : last.getUTCDate();
        const ymd = (d: number) =>
          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(normalizeTimestamp(ymd(days))).toBe(`${ymd(days)}T00:00:00.000Z`);
        conversionError(() => normalizeTimestamp(ymd(days + 1)));
      }),
    );
  });
});

describe('parseSince', () => {
  it('normalises like normalizeTimestamp', () => {
    expect(parseSince('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(parseSince('2026-01-01')).toBe('2026-01-01T00:00:00.000Z');
    expect(parseSince('2026-01-01T01:00:00+01:00')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('has a generic message', () => {
    expect(conversionError(() => parseSince('yesterday')).message).toBe(
      'Invalid timestamp "yesterday": expected ISO 8601 like 2026-01-01T00:00:00Z',
    );
    expect(conversionError(() => parseSince('2024-02-30')).message).toBe(
      'Invalid timestamp "2024-02-30": expected ISO 8601 like 2026-01-01T00:00:00Z',
    );
  });
});
