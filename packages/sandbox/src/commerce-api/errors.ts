import type { SimResponse } from '../types';
import type { WireError, WireErrorDetail } from './wire';

/** Machine-readable codes by status, for errors that have no more specific code (and injected faults). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

export function errorBody(
  status: number,
  message: string,
  code?: string,
  details?: WireErrorDetail[],
): WireError {
  return { code: code ?? CODE_BY_STATUS[status] ?? `HTTP_${status}`, message, details: details ?? null };
}

export function fail(
  status: number,
  code: string,
  message: string,
  details?: WireErrorDetail[],
  headers?: Record<string, string>,
): SimResponse {
  return { status, body: errorBody(status, message, code, details), ...(headers ? { headers } : {}) };
}

/** 400 with field-level details: the shape every input error of the API takes. */
export function invalid(details: WireErrorDetail[], message = 'Request validation failed'): SimResponse {
  return fail(400, 'VALIDATION_ERROR', message, details);
}

export function notFound(what: string): SimResponse {
  return fail(404, 'NOT_FOUND', `${what} not found`);
}
