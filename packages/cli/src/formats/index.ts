import type { FormatId, ResourceId } from '../names';
import { type CsvOptions, csvFormatter } from './csv';
import { jsonlFormatter } from './jsonl';
import type { Formatter } from './record';
import { tableFormatter } from './table';

export type { Formatter, UnifiedRecord } from './record';

export function createFormatter(format: FormatId, resource: ResourceId, options: CsvOptions = {}): Formatter {
  if (format === 'csv') return csvFormatter(resource, options);
  if (format === 'table') return tableFormatter(resource);
  return jsonlFormatter();
}
