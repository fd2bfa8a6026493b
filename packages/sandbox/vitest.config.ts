import { defineProject } from 'vitest/config';
import { hangGuards, workspaceAlias } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { ...hangGuards, name: 'sandbox', include: ['test/**/*.test.ts'] },
});
