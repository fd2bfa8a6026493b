import type { SimResponse } from '../types';
import type { Checker } from './check';
import { conflict, invalid } from './errors';
import type { Commerce7Store } from './store';
import type { VirtualCustomers } from './virtual';

/** What every handler needs: the data and the cursor settings of this sandbox. */
export interface C7Env {
  store: Commerce7Store;
  /** Node id of this sandbox's cursors. */
  node: string;
  /** Whether the last cursor page is detected ahead (no cursor on it) or only by an empty page. */
  lookahead: boolean;
  /** When set, `GET /customer` lists these generated-on-demand customers instead of the stored ones. */
  virtualCustomers?: VirtualCustomers;
}

/** Cursor resource tags: a cursor issued for one list is refused by another. */
export const CURSOR_TAGS = {
  customer: 0xc001,
  customerAddress: 0xc002,
  order: 0xc003,
  product: 0xc004,
  note: 0xc005,
} as const;

export const iso = (ms: number) => new Date(ms).toISOString();

/** The 422 for collected field errors, or the 409 when every problem is a uniqueness conflict. */
export function rejection(check: Checker, conflicts: Checker['errors'] = []): SimResponse | undefined {
  if (!check.ok) return invalid(check.errors);
  if (conflicts.length > 0) return conflict(conflicts.map((e) => e.message).join('; '), conflicts);
  return undefined;
}

export const ok = (body: unknown): SimResponse => ({ status: 200, body });
export const noContent = (): SimResponse => ({ status: 204 });
