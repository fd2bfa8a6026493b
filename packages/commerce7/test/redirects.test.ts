import { ConfigurationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { redirectSuite } from '../../core/test/support/redirect-suite';
import { createCommerce7Adapter } from '../src/index';

redirectSuite({
  name: 'commerce7',
  secrets: ['app-secret-5e1d9c'],
  firstRequest: 'GET /v1/customer',
  create: (baseUrl, fetch) =>
    createCommerce7Adapter({
      tenant: 'acme',
      appId: 'app-id',
      appSecret: 'app-secret-5e1d9c',
      baseUrl,
      fetch,
      retry: false,
      limiter: false,
    }),
});

describe('options that go into headers', () => {
  for (const key of ['tenant', 'appId', 'appSecret'] as const) {
    it(`CR/LF/NUL in ${key} is a ConfigurationError naming it, without its value`, () => {
      const options = {
        tenant: 'acme',
        appId: 'app-id',
        appSecret: 'app-secret-5e1d9c',
        [key]: 'v4lue\r\nx: 1',
      };
      let err: unknown;
      try {
        createCommerce7Adapter(options);
      } catch (e) {
        err = e;
      }
      expect(ConfigurationError.isInstance(err)).toBe(true);
      expect((err as Error).message).toContain(`"${key}"`);
      expect((err as Error).message).not.toContain('v4lue');
    });
  }
  it('a maxResponseBytes that is not a positive integer is refused', () => {
    expect(() =>
      createCommerce7Adapter({ tenant: 'a', appId: 'b', appSecret: 'cccc', maxResponseBytes: 0 }),
    ).toThrow(ConfigurationError);
  });
});
