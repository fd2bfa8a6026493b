import type { ResourceId } from '../names';
import { showControls } from '../terminal';
import { type Column, columnsOf, type Formatter, TABLE_COLUMNS, type UnifiedRecord } from './record';

// Control, bidi and invisible characters would drive the terminal or disguise a cell: shown as
// `\u001b`-style escapes (and counted at that width) instead.
const visible = (value: string) => showControls(value);
const length = (value: string) => [...value].length;

/** A value cut or padded to exactly `width` characters, control characters made harmless. */
export function cell(value: string, width: number, align: 'left' | 'right' = 'left'): string {
  const chars = [...visible(value)];
  const fitted = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : chars.join('');
  const pad = ' '.repeat(Math.max(0, width - length(fitted)));
  return align === 'right' ? pad + fitted : fitted + pad;
}

/**
 * Aligned columns for reading in a terminal. Column widths are set by the first page (at least
 * the header, at most the column's `width`; longer values are cut with "…") and then kept, so
 * rows line up however many pages stream through. The header comes with the first page.
 */
export function tableFormatter(resource: ResourceId): Formatter {
  const all = columnsOf(resource);
  const columns = TABLE_COLUMNS[resource]
    .map((name) => all.find((c) => c.name === name))
    .filter((c): c is Column<UnifiedRecord> => c !== undefined);
  let widths: number[] | undefined;
  const row = (values: string[]) =>
    `${values
      .map((v, i) => cell(v, widths![i]!, columns[i]!.align))
      .join('  ')
      .trimEnd()}\n`;
  return {
    header: () => '',
    records(items: readonly UnifiedRecord[]) {
      const cells = items.map((r) => columns.map((c) => c.value(r)));
      let out = '';
      if (widths === undefined) {
        widths = columns.map((c, i) =>
          Math.min(
            Math.max(c.name.length, c.width),
            Math.max(c.name.length, ...cells.map((values) => length(visible(values[i]!)))),
          ),
        );
        out += row(columns.map((c) => c.name)) + row(widths.map((w) => '─'.repeat(w)));
      }
      return out + cells.map(row).join('');
    },
  };
}
