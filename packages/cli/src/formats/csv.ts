import type { ResourceId } from '../names';
import { columnsOf, type Formatter, type UnifiedRecord } from './record';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Cells a spreadsheet would read as a formula (OWASP, "CSV Injection"): starting with = + - @,
 * TAB or CR, and their full-width forms, which some spreadsheets treat the same.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/**
 * Plain numbers ("-12.50", "-3") are left alone so amounts stay numbers in a spreadsheet: a cell
 * that is only an optional minus, digits and one decimal point cannot hold a formula.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell that cannot run as a formula: prefixed with `'` when it starts like one (not a plain number). */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge whitespace. */
export function csvField(value: string, guard = true): string {
  const text = guard ? neutraliseFormula(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly string[], guard = true): string {
  return `${values.map((v) => csvField(v, guard)).join(',')}\r\n`;
}

export interface CsvOptions {
  /** Neutralise cells that start like a formula (default); off with `--no-csv-guard`. */
  guard?: boolean;
}

/** CSV with a header row, flat columns per resource, money as exact decimals beside a currency column. */
export function csvFormatter(resource: ResourceId, options: CsvOptions = {}): Formatter {
  const columns = columnsOf(resource);
  const guard = options.guard ?? true;
  return {
    header: () =>
      csvRow(
        columns.map((c) => c.name),
        guard,
      ),
    records: (items: readonly UnifiedRecord[]) =>
      items
        .map((r) =>
          csvRow(
            columns.map((c) => c.value(r)),
            guard,
          ),
        )
        .join(''),
  };
}
