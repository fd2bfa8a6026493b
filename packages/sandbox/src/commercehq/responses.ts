import type { SimResponse } from '../types';

/**
 * CommerceHQ's error bodies. The seed documents two: 400 `{message}` for invalid JSON and "any
 * other general errors", and 422 `{message: "Validation Failed", errors: {field: [messages]}}`.
 * Other statuses are not documented; CommerceHQ's API is Yii2 (its `items`/`_links`/`_meta`
 * envelope and `X-Pagination-*` headers are Yii2's REST serializer), so they use Yii2's error
 * body, which carries the same `message`: `{name, message, code, status}`.
 */
const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export type FieldErrors = Record<string, string[]>;

export function errorBody(status: number, message: string): unknown {
  if (status === 400) return { message };
  if (status === 422) return { message: 'Validation Failed', errors: { base: [message] } };
  return { name: STATUS_NAMES[status] ?? 'Error', message, code: 0, status };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function failure(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return json(status, errorBody(status, message), headers);
}

export function badRequest(message: string): SimResponse {
  return json(400, { message });
}

export function validationFailed(errors: FieldErrors): SimResponse {
  return json(422, { message: 'Validation Failed', errors });
}

export function notFound(id?: string | number): SimResponse {
  return failure(404, id === undefined ? 'Page not found.' : `Object not found: ${id}`);
}

export function methodNotAllowed(allowed: string[]): SimResponse {
  return failure(
    405,
    `Method Not Allowed. This URL can only handle the following request methods: ${allowed.join(', ')}.`,
    { allow: allowed.join(', ') },
  );
}

export function noContent(): SimResponse {
  return { status: 204 };
}

/** Collects field errors the way the seed's 422 example lists them: one array of messages per field. */
export class ErrorBag {
  readonly errors: FieldErrors = {};
  add(field: string, message: string): void {
    const list = this.errors[field] ?? [];
    list.push(message);
    this.errors[field] = list;
  }
  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }
  response(): SimResponse {
    return validationFailed(this.errors);
  }
}
