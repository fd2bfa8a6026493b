import { defineProject } from 'vitest/config';
import { hangGuards, workspaceAlias } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { ...hangGuards, name: 'core', include: ['test/**/*.test.ts'] },
});
