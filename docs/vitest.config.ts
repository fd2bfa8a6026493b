import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../vitest.shared';

// Every code block in README.md and docs/ is type-checked, and the runnable ones are run.
export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { name: 'docs', include: ['test/**/*.test.ts'] },
});
