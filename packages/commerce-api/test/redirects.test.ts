import { ConfigurationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { redirectSuite } from '../../core/test/support/redirect-suite';
import { createCommerceApiAdapter } from '../src/index';

redirectSuite({
  name: 'commerce-api (email and password: the login POST is redirected)',
  secrets: ['api-pass-7d4e1b'],
  firstRequest: 'POST /v1/auth/login',
  create: (baseUrl, fetch) =>
    createCommerceApiAdapter({
      credentials: { email: 'ops@example.test', password: 'api-pass-7d4e1b' },
      baseUrl,
      fetch,
      retry: false,
      limiter: false,
    }),
});

redirectSuite({
  name: 'commerce-api (API key)',
  secrets: ['api-key-2c8f60'],
  firstRequest: 'GET /v1/customers',
  create: (baseUrl, fetch) =>
    createCommerceApiAdapter({
      credentials: { apiKey: 'api-key-2c8f60' },
      baseUrl,
      fetch,
      retry: false,
      limiter: false,
    }),
});

describe('options that go into headers', () => {
  it('CR/LF/NUL in credentials.apiKey is a ConfigurationError naming it, without its value', () => {
    let err: unknown;
    try {
      createCommerceApiAdapter({ credentials: { apiKey: 'v4lue\nx-evil: 1' } });
    } catch (e) {
      err = e;
    }
    expect(ConfigurationError.isInstance(err)).toBe(true);
    expect((err as Error).message).toContain('"credentials.apiKey"');
    expect((err as Error).message).not.toContain('v4lue');
  });
  it('a base URL with a query is refused', () => {
    expect(() =>
      createCommerceApiAdapter({
        credentials: { apiKey: 'k-1234' },
        baseUrl: 'https://api.example.test/v2?key=1',
      }),
    ).toThrow(ConfigurationError);
  });
});
