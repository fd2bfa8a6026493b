import { defineProject } from 'vitest/config';
import { hangGuards, workspaceAlias } from '../../vitest.shared';

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { ...hangGuards, name: 'commercehq', include: ['test/**/*.test.ts'] },
});
