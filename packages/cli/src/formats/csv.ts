import type { ResourceId } from '../names';
import { columnsOf, type Formatter, type UnifiedRecord } from './record';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge whitespace. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** CSV with a header row, flat columns per resource, money as exact decimals beside a currency column. */
export function csvFormatter(resource: ResourceId): Formatter {
  const columns = columnsOf(resource);
  return {
    header: () => csvRow(columns.map((c) => c.name)),
    records: (items: readonly UnifiedRecord[]) =>
      items.map((r) => csvRow(columns.map((c) => c.value(r)))).join(''),
  };
}
