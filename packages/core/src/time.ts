/**
 * Timestamps in the unified model are ISO 8601 UTC strings with milliseconds:
 * `2024-01-02T03:04:05.000Z` (what `Date.prototype.toISOString` writes), within years 0000–9999.
 *
 * Strings are validated with a regular expression and explicit calendar checks, never by
 * `Date.parse` (which accepts "2024-02-30" as March 1st and reads zone-less times as local time).
 * Accepted string forms (surrounding whitespace is trimmed):
 * - `2024-01-02T03:04:05Z`, `…05.123Z`, `…05+02:00`, `…05+0200`, `…05+02` (converted to UTC);
 *   seconds may be omitted (`2024-01-02T03:04Z`); fractional seconds of any length are truncated
 *   to milliseconds; `t`/`z` may be lowercase;
 * - `2024-01-02 03:04:05` (space instead of `T`) and any of the above without a zone: read as UTC;
 * - `2024-01-02`: midnight UTC.
 * Not accepted: leap seconds (`:60`), `24:00`, week or ordinal dates, bare digit strings (use
 * `fromUnixSeconds` for platforms that send Unix time as text).
 *
 * Numbers given to `normalizeTimestamp` are Unix time: seconds when below 1e11 (1e11 s is the
 * year 5138), milliseconds from 1e11 on (1e11 ms is 1973-03-03). Millisecond timestamps before
 * March 1973 are therefore misread as seconds; pass a `Date` to be explicit. Negative numbers
 * (before 1970) are rejected; sub-millisecond parts are truncated.
 */
import { ConversionError } from './errors';

/** 9999-12-31T23:59:59.999Z */
const MAX_MS = 253402300799999;
/** 0000-01-01T00:00:00.000Z */
const MIN_MS = -62167219200000;
/** Below this a number is Unix seconds, from it on milliseconds. */
const SECONDS_LIMIT = 1e11;

const EXPECTED = 'expected ISO 8601 like 2026-01-01T00:00:00Z';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

const UNIX_SECONDS_TEXT = /^(\d+)(?:\.(\d+))?$/;

/**
 * Unix seconds (integer or fractional, number or numeric string like "1700000000" or
 * "1700000000.25") to an ISO 8601 UTC string with milliseconds. Sub-millisecond digits are
 * truncated. Throws ConversionError for NaN, non-finite, negative or non-numeric input and for
 * times after 9999-12-31T23:59:59.999Z.
 */
export function fromUnixSeconds(value: number | string): string {
  const ms = unixSecondsToMs(value);
  if (ms === undefined) {
    throw new ConversionError(
      `Invalid Unix timestamp ${show(value)}: expected a non-negative number of seconds up to 253402300799 (9999-12-31)`,
      { code: 'invalid_timestamp' },
    );
  }
  return new Date(ms).toISOString();
}

function unixSecondsToMs(value: unknown): number | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > MAX_MS / 1000 + 1) return undefined;
    if (Number.isInteger(value)) return checkRange(value * 1000);
    text = String(value);
    // Only values below 1e-6 are written with an exponent here (large ones were refused above).
    if (text.includes('e')) return 0;
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const m = UNIX_SECONDS_TEXT.exec(text);
  if (!m) return undefined;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 12) return undefined;
  const millis = (m[2] ?? '').slice(0, 3).padEnd(3, '0');
  return checkRange(Number(whole) * 1000 + Number(millis));
}

function checkRange(ms: number): number | undefined {
  return ms >= MIN_MS && ms <= MAX_MS ? ms : undefined;
}

/** Whole Unix seconds (floored) of a timestamp string in any form `normalizeTimestamp` accepts. */
export function toUnixSeconds(iso: string): number {
  const ms = parseTimestampString(iso);
  if (typeof ms === 'string')
    throw new ConversionError(`Invalid timestamp ${show(iso)}: ${ms}; ${EXPECTED}`, {
      code: 'invalid_timestamp',
    });
  return Math.floor(ms / 1000);
}

/**
 * Any timestamp a platform sends, as an ISO 8601 UTC string with milliseconds. Strings: see the
 * module comment; numbers: Unix seconds below 1e11, milliseconds from 1e11 on; Dates: as they
 * are. Throws ConversionError naming the value for anything else.
 */
export function normalizeTimestamp(value: string | number | Date): string {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms))
      throw new ConversionError(`Invalid timestamp: the Date is invalid; ${EXPECTED}`, {
        code: 'invalid_timestamp',
      });
    if (checkRange(ms) === undefined) {
      throw new ConversionError(`Invalid timestamp ${show(value)}: outside the years 0000–9999`, {
        code: 'invalid_timestamp',
      });
    }
    return value.toISOString();
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      throw new ConversionError(
        `Invalid timestamp ${show(value)}: expected non-negative Unix seconds (below 1e11) or milliseconds`,
        { code: 'invalid_timestamp' },
      );
    }
    if (value < SECONDS_LIMIT) return fromUnixSeconds(value);
    const ms = checkRange(Math.floor(value));
    if (ms === undefined) {
      throw new ConversionError(`Invalid timestamp ${show(value)}: Unix milliseconds after 9999-12-31`, {
        code: 'invalid_timestamp',
      });
    }
    return new Date(ms).toISOString();
  }
  const ms = parseTimestampString(value);
  if (typeof ms === 'string')
    throw new ConversionError(`Invalid timestamp ${show(value)}: ${ms}; ${EXPECTED}`, {
      code: 'invalid_timestamp',
    });
  return new Date(ms).toISOString();
}

/**
 * A user-supplied "since" timestamp (a CLI flag, a filter), normalised like `normalizeTimestamp`
 * accepts strings; the error reads `Invalid timestamp "…": expected ISO 8601 like 2026-01-01T00:00:00Z`.
 */
export function parseSince(value: string): string {
  const ms = parseTimestampString(value);
  if (typeof ms === 'string')
    throw new ConversionError(`Invalid timestamp ${show(value)}: ${EXPECTED}`, { code: 'invalid_timestamp' });
  return new Date(ms).toISOString();
}

/** Milliseconds since the epoch, or the reason the string is not a timestamp. */
function parseTimestampString(value: unknown): number | string {
  if (typeof value !== 'string') return 'not a string';
  const m = ISO.exec(value.trim());
  if (!m) return 'not an ISO 8601 date-time';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12) return `month ${m[2]} is out of range`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `day ${m[3]} is out of range (${m[1]}-${m[2]} has ${days} days)`;
  if (hour > 23) return `hour ${m[4]} is out of range`;
  if (minute > 59) return `minute ${m[5]} is out of range`;
  if (second > 59) return `second ${m[6]} is out of range`;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11] ?? 0);
    if (offsetHours > 23 || offsetMins > 59)
      return `UTC offset ${m[9]}${m[10]}:${m[11] ?? '00'} is out of range`;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis;
  if (checkRange(ms) === undefined) return 'outside the years 0000–9999 once converted to UTC';
  return ms;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}
