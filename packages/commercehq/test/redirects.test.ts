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
