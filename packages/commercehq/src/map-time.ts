import { wireUnix } from '@storeport/core';
import { PLATFORM } from './platform';

/** Unix seconds → ISO 8601 UTC; `null` and `0` (the seed's "never") → null. */
export function unixTime(field: string, value: number | null | undefined): string | null {
  if (value === null || value === undefined || value === 0) return null;
  return wireUnix(PLATFORM, field, value);
}
