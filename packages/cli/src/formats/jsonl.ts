import { safeJson } from './json';
import type { Formatter, UnifiedRecord } from './record';

/** JSON Lines: one unified record (with `platform` and `raw`) per line. */
export function jsonlFormatter(): Formatter {
  return {
    header: () => '',
    records: (items: readonly UnifiedRecord[]) => items.map((r) => `${safeJson(r)}\n`).join(''),
  };
}
