import { encodeSegment, ValidationError } from '@storeport/core';
import { PLATFORM } from './platform';

/** CommerceHQ ids are integers: anything else is refused before a request (and can never reach the path). */
export function idSegment(id: string, field = 'id'): string {
  if (typeof id !== 'string' || !/^\d{1,15}$/.test(id)) {
    throw new ValidationError(
      `${PLATFORM}: ${field} must be a CommerceHQ id (digits), got ${JSON.stringify(id)}`,
      {
        platform: PLATFORM,
        code: 'invalid_id',
        issues: [{ field, message: 'must be a CommerceHQ id (digits)' }],
      },
    );
  }
  return encodeSegment(id);
}
