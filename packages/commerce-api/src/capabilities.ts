import type { Capabilities } from '@storeport/core';

/** The API's page limit ("Items per page (max 100)"); the adapter asks for full pages by default. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 100;

const paging = {
  maxPageSize: MAX_PAGE_SIZE,
  defaultPageSize: DEFAULT_PAGE_SIZE,
  parallelPages: true,
} as const;

/**
 * What the Commerce API really does. Orders have no update, delete, fulfilment or refund endpoint:
 * status changes (`updateStatus`, including `refunded` with a reason) are the only order write.
 */
export const CAPABILITIES: Capabilities = {
  customers: {
    operations: ['list', 'get', 'create', 'update', 'delete'],
    filters: ['email', 'createdSince', 'createdBefore'],
    sorts: ['createdAt', 'email', 'name'],
    ...paging,
  },
  orders: {
    operations: ['list', 'get', 'create', 'updateStatus'],
    filters: ['status', 'createdSince', 'createdBefore'],
    sorts: [],
    ...paging,
  },
  products: {
    operations: ['list', 'get', 'create', 'update', 'delete'],
    filters: ['query', 'type', 'status'],
    sorts: ['title', 'price', 'inventoryQuantity', 'createdAt'],
    ...paging,
  },
};
