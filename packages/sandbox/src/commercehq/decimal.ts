/**
 * Exact decimal <-> cents for the simulator's own bookkeeping (totals, refunds). The sandbox uses
 * only core's types, so it carries this small parser instead of core's money helpers.
 */

const TWO_DECIMALS = /^(-)?(\d+)(?:\.(\d{0,2}))?$/;

/** Cents of a decimal number or string with at most two decimals; undefined for anything else. */
export function toCents(value: unknown): number | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else return undefined;
  const m = TWO_DECIMALS.exec(text);
  if (!m) return undefined;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return undefined;
  return m[1] ? -cents : cents;
}

/** A JSON number that prints as the exact decimal (2189 -> 21.89): integer / 100 rounds to the nearest double. */
export function centsToNumber(cents: number): number {
  return cents / 100;
}

/** "7.95" style: CommerceHQ sends some decimals (shipping price) as strings with two decimals. */
export function centsToString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
