import type { SimResponse } from '../types';

/** One field problem in Commerce7's `errors[]`. The element shape is not documented (NOTES §1.7): we use `{ field, message }`. */
export interface C7FieldError {
  field: string;
  message: string;
}

/**
 * Commerce7's error body. The only documented example is the 401 from `/account/user`:
 * `{ statusCode: 401, type: "unauthorized", message: "Unauthorized user", errors: [] }`
 * (NOTES-research §1.7). Other `type` values are not documented; ours follow the same camelCase
 * style, one per status.
 */
export interface C7ErrorBody {
  statusCode: number;
  type: string;
  message: string;
  errors: C7FieldError[];
}

const TYPES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  409: 'conflict',
  415: 'unsupportedMediaType',
  422: 'validationError',
  429: 'tooManyRequests',
  500: 'serverError',
  502: 'badGateway',
  503: 'serviceUnavailable',
  504: 'gatewayTimeout',
};

export function c7ErrorBody(status: number, message: string, errors: C7FieldError[] = []): C7ErrorBody {
  return {
    statusCode: status,
    type: TYPES[status] ?? (status >= 500 ? 'serverError' : 'error'),
    message,
    errors,
  };
}

export function c7Error(
  status: number,
  message: string,
  errors: C7FieldError[] = [],
  headers?: Record<string, string>,
): SimResponse {
  return { status, body: c7ErrorBody(status, message, errors), ...(headers ? { headers } : {}) };
}

export const unauthorized = (): SimResponse => c7Error(401, 'Unauthorized user');
export const notFound = (what: string): SimResponse => c7Error(404, `${what} not found`);
export const routeNotFound = (): SimResponse => c7Error(404, 'Not Found');
export const badRequest = (message: string, errors: C7FieldError[] = []): SimResponse =>
  c7Error(400, message, errors);
export const invalid = (errors: C7FieldError[]): SimResponse =>
  c7Error(422, errors.map((e) => e.message).join('; ') || 'Validation failed', errors);
export const conflict = (message: string, errors: C7FieldError[]): SimResponse =>
  c7Error(409, message, errors);
