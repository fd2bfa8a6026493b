import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

// Tests run against the workspace sources, not the built dist, so a change in core is seen by
// every package's tests without a rebuild.
export const workspaceAlias = [
  { find: /^@storeport\/core\/kit$/, replacement: `${packagesDir}core/src/kit/index.ts` },
  {
    find: /^@storeport\/(core|sandbox|contract|commerce7|commercehq|commerce-api)$/,
    replacement: `${packagesDir}$1/src/index.ts`,
  },
];

// A time limit here only catches a hang: a test asserts behaviour, never speed (that is
// `pnpm bench`), and a busy 2-core CI machine can take several times longer than a laptop.
export const hangGuards = { testTimeout: 60_000, hookTimeout: 60_000 };
