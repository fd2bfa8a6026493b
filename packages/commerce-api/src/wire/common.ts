import { currencyExponent } from '@storeport/core';
import { z } from 'zod';

/** An ISO 4217 code core knows (so money conversion cannot fail on the currency, only on the amount). */
export const WireCurrency = z.string().refine(
  (code) => {
    try {
      currencyExponent(code);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a known ISO 4217 currency code' },
);

/** A decimal amount as the API sends it: a JSON number. */
export const WireAmount = z.number().refine(Number.isFinite, 'expected a finite number');

/** Date-time strings; their content is checked (and named) when mapped. */
export const WireTime = z.string();

export const WireId = z.string().min(1);
