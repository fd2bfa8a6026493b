import { defineProject } from 'vitest/config';
import { hangGuards, workspaceAlias } from '../vitest.shared';

// Every code block in README.md and docs/ is type-checked, and the runnable ones are run.
export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { ...hangGuards, name: 'docs', include: ['test/**/*.test.ts'] },
});
