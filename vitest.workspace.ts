// The list of test projects. vitest 4 ignores this file on its own: vitest.config.ts imports it.
export const projects = [
  'packages/core',
  'packages/sandbox',
  'packages/contract',
  'packages/commerce7',
  'packages/commercehq',
  'packages/commerce-api',
  'packages/cli',
  'docs',
];
