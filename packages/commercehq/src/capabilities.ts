import type { Capabilities } from '@storeport/core';

/** Not documented; the seed shows `size=200` and real clients use it. Larger sizes are not asked for. */
export const MAX_PAGE_SIZE = 200;
/** The seed: "Number of items per page. Defaults to 20". */
export const DEFAULT_PAGE_SIZE = 20;

const paging = {
  maxPageSize: MAX_PAGE_SIZE,
  defaultPageSize: DEFAULT_PAGE_SIZE,
  parallelPages: true,
} as const;

/**
 * What CommerceHQ's API does. Orders cannot be created, deleted or moved to another status
 * through it ("At the moment, you can only edit the address, the notes and change the
 * customer"), besides fulfilments, shipments and refunds. Filters are those the search
 * endpoints apply server-side.
 */
export const CAPABILITIES: Capabilities = {
  customers: {
    operations: ['list', 'get', 'create', 'update', 'delete'],
    filters: ['email'],
    sorts: ['id', 'email', 'firstName', 'lastName', 'createdAt', 'updatedAt'],
    ...paging,
  },
  orders: {
    operations: ['list', 'get', 'update', 'fulfill', 'refund'],
    filters: ['status', 'customerId', 'createdSince', 'createdBefore', 'updatedSince'],
    sorts: ['id', 'number', 'createdAt', 'updatedAt', 'total'],
    ...paging,
  },
  products: {
    operations: ['list', 'get', 'create', 'update', 'delete'],
    filters: ['query'],
    sorts: ['id', 'title', 'createdAt', 'updatedAt'],
    ...paging,
  },
};
