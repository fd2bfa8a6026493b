import type { Capabilities } from '@storeport/core';

/** "?limit=n where n is between 1 and 50"; 50 is also the default (getting-started seed). */
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 50;

const paging = {
  sorts: [],
  maxPageSize: MAX_PAGE_SIZE,
  defaultPageSize: DEFAULT_PAGE_SIZE,
  parallelPages: false,
};

/**
 * What the adapter can do. Lists use cursor mode, whose cursors are sequential (no parallel
 * pages) and which has no documented sort. Filters are only those the API applies itself:
 * customers have no `updatedAt` filter in the docs and `q` searches names, not emails.
 */
export const CAPABILITIES: Capabilities = {
  customers: {
    operations: ['list', 'get', 'create', 'update', 'delete'],
    filters: ['createdSince', 'createdBefore'],
    ...paging,
  },
  orders: {
    // No documented order update, delete, status change or refund: only notes and fulfilments.
    operations: ['list', 'get', 'update', 'fulfill'],
    filters: ['updatedSince', 'customerId', 'createdSince', 'createdBefore'],
    ...paging,
  },
  products: {
    operations: ['list', 'get', 'create', 'update', 'delete'],
    filters: ['updatedSince', 'status', 'query'],
    ...paging,
  },
};
