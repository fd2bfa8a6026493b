import type { SimRequest, SimResponse } from '../../types';
import { fail, invalid } from '../errors';
import type { Principal } from '../sessions';
import type { CommerceApiStore } from '../store';
import { BodyReader, isObject } from '../validate';

export interface ApiContext {
  req: SimRequest;
  store: CommerceApiStore;
  principal: Principal;
  /** Decoded path parameters, in pattern order. */
  params: string[];
}

export type Handler = (ctx: ApiContext) => SimResponse;

/** The JSON object body, or the API's 400 when there is none. */
export function objectBody(req: SimRequest): BodyReader | SimResponse {
  if (!isObject(req.body))
    return invalid(
      [{ field: 'body', message: 'must be a JSON object', code: 'invalid_type' }],
      'Request body must be a JSON object',
    );
  return new BodyReader(req.body);
}

export function isResponse(value: unknown): value is SimResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SimResponse).status === 'number' &&
    !(value instanceof BodyReader)
  );
}

export function ok(body: unknown, status = 200): SimResponse {
  return { status, body };
}

export const NO_CONTENT: SimResponse = { status: 204 };

export function conflict(code: string, message: string, field: string): SimResponse {
  return fail(409, code, message, [{ field, message, code: 'duplicate' }]);
}

export function nowIso(): string {
  return new Date().toISOString();
}
