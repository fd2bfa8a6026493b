import type { SimResponse } from '../types';
import { Checker, isObject } from './check';
import { type C7Env, CURSOR_TAGS, iso, noContent, ok, rejection } from './env';
import { conflict, invalid, notFound } from './errors';
import { listResponse } from './listing';
import type { C7Note, C7Tag } from './wire-types';

type Obj = Record<string, unknown>;

/** `/note`: "Notes can be created and attached to customers, orders, or club memberships." */
export function listNotes(env: C7Env, query: URLSearchParams): SimResponse {
  return listResponse(query, {
    key: 'notes',
    cursor: { tag: CURSOR_TAGS.note, node: env.node, lookahead: env.lookahead },
    filters: [
      { param: 'q', kind: 'text', get: (r) => r.content },
      { param: 'customerId', kind: 'exact', get: (r) => r.customerId },
      { param: 'orderId', kind: 'exact', get: (r) => r.orderId },
    ],
    rowsAfter: (seq) => env.store.notes.rowsAfter(seq),
  });
}

export function getNote(env: C7Env, id: string): SimResponse {
  const n = env.store.notes.get(id);
  return n ? ok(n) : notFound('Note');
}

function readNote(env: C7Env, body: Obj, check: Checker, current: C7Note | undefined): Partial<C7Note> {
  const creating = current === undefined;
  const patch: Partial<C7Note> = {};
  const type = check.string(body, 'type', 'type', { nullable: false });
  if (typeof type === 'string') patch.type = type;
  const content = check.string(body, 'content', 'content', {
    required: creating,
    nullable: false,
    nonEmpty: true,
    max: 10_000,
  });
  if (typeof content === 'string') patch.content = content;
  const noteDate = check.datetime(body, 'noteDate', 'noteDate');
  if (typeof noteDate === 'string') patch.noteDate = noteDate;
  const customerId = check.string(body, 'customerId', 'customerId');
  const orderId = check.string(body, 'orderId', 'orderId');
  if (typeof customerId === 'string' && !env.store.customers.has(customerId)) {
    check.fail('customerId', '"customerId" is not the id of a customer');
  }
  if (typeof orderId === 'string' && !env.store.orders.has(orderId)) {
    check.fail('orderId', '"orderId" is not the id of an order');
  }
  if (customerId !== undefined) patch.customerId = customerId;
  if (orderId !== undefined) patch.orderId = orderId;
  const owner = { customerId: current?.customerId ?? null, orderId: current?.orderId ?? null, ...patch };
  if (check.ok && owner.customerId === null && owner.orderId === null) {
    check.fail('customerId', 'A note must be attached to a customer or an order ("customerId" or "orderId")');
  }
  return patch;
}

export function createNote(env: C7Env, body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const patch = readNote(env, body, check, undefined);
  const rejected = rejection(check);
  if (rejected) return rejected;
  const at = iso(env.store.createdNow());
  const note: C7Note = {
    id: env.store.generator.uuid(),
    type: 'Note',
    content: '',
    noteDate: at,
    customerId: null,
    orderId: null,
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
  env.store.notes.insert(note);
  return ok(note);
}

export function updateNote(env: C7Env, id: string, body: unknown): SimResponse {
  const current = env.store.notes.get(id);
  if (!current) return notFound('Note');
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const patch = readNote(env, body, check, current);
  const rejected = rejection(check);
  if (rejected) return rejected;
  const next = { ...current, ...patch, updatedAt: iso(env.store.createdNow()) };
  env.store.notes.put(id, next);
  return ok(next);
}

export function deleteNote(env: C7Env, id: string): SimResponse {
  return env.store.notes.delete(id) ? noContent() : notFound('Note');
}

// ---- Tags (`/tag/{customer|order}`), which customer writes reference by id ------------------------

function tagsOf(env: C7Env, objectType: 'customer' | 'order'): C7Tag[] {
  return objectType === 'customer' ? env.store.catalog.customerTags : env.store.catalog.orderTags;
}

/** Tags are few; this list is page mode only (not among the cursor endpoints). */
export function listTags(env: C7Env, objectType: 'customer' | 'order', query: URLSearchParams): SimResponse {
  const tags = tagsOf(env, objectType);
  return listResponse(query, {
    key: 'tags',
    cursor: undefined,
    filters: [{ param: 'q', kind: 'text', get: (r) => r.title }],
    rowsAfter: (seq) => tags.slice(seq).map((record, i) => ({ seq: seq + i + 1, record })),
  });
}

export function getTag(env: C7Env, objectType: 'customer' | 'order', id: string): SimResponse {
  const tag = tagsOf(env, objectType).find((t) => t.id === id);
  return tag ? ok(tag) : notFound('Tag');
}

export function createTag(env: C7Env, objectType: 'customer' | 'order', body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const title = check.string(body, 'title', 'title', { required: true, nullable: false, max: 100 });
  const type = check.oneOf(body, 'type', 'type', ['Manual', 'Dynamic'] as const) ?? 'Manual';
  const rejected = rejection(check);
  if (rejected) return rejected;
  const tags = tagsOf(env, objectType);
  if (tags.some((t) => t.title.toLowerCase() === String(title).toLowerCase())) {
    return conflict(`A ${objectType} tag titled "${title}" already exists`, [
      { field: 'title', message: `"title" must be unique among ${objectType} tags` },
    ]);
  }
  const at = iso(env.store.createdNow());
  const tag: C7Tag = {
    id: env.store.generator.uuid(),
    title: title as string,
    objectType: objectType === 'customer' ? 'Customer' : 'Order',
    type,
    appliesToCondition: null,
    createdAt: at,
    updatedAt: at,
  };
  tags.push(tag);
  return ok(tag);
}
