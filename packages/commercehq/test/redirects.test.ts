import { ConfigurationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { redirectSuite } from '../../core/test/support/redirect-suite';
import { createCommerceHQAdapter } from '../src/index';

redirectSuite({
  name: 'commercehq',
  secrets: ['chq-key-0a7b31', 'chq-pass-93c2e8'],
  firstRequest: 'GET /v1/customers',
  create: (baseUrl, fetch) =>
    createCommerceHQAdapter({
      store: 'mystore',
      apiKey: 'chq-key-0a7b31',
      apiPassword: 'chq-pass-93c2e8',
      baseUrl,
      fetch,
      retry: false,
      limiter: false,
    }),
});

describe('options that go into headers', () => {
  for (const key of ['apiKey', 'apiPassword'] as const) {
    it(`CR/LF/NUL in ${key} is a ConfigurationError naming it, without its value`, () => {
      const options = { store: 'mystore', apiKey: 'k-1234', apiPassword: 'p-1234', [key]: 'v4lue\0x' };
      let err: unknown;
      try {
        createCommerceHQAdapter(options);
      } catch (e) {
        err = e;
      }
      expect(ConfigurationError.isInstance(err)).toBe(true);
      expect((err as Error).message).toContain(`"${key}"`);
      expect((err as Error).message).not.toContain('v4lue');
    });
  }
});
