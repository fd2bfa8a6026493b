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
