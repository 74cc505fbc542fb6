import { defineConfig } from 'vitest/config';
import { useNodeCompileCache } from './test/support/compile-cache.ts';

useNodeCompileCache();

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Both cores: vitest's default on a 2-core machine is one worker, and the suite (about 500 s of test
    // files, a third of them spawning CLI processes or servers) then ran one file at a time. Every test
    // waits on events, not on time, with limits of 30 s or more.
    maxWorkers: 2,
    // One temporary PostgreSQL cluster per run (Debian's postgresql; test/support/postgres.ts).
    globalSetup: ['test/support/postgres-global.ts'],
  },
});
