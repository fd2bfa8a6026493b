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
