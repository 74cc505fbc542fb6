import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One temporary PostgreSQL cluster per run (Debian's postgresql; test/support/postgres.ts).
    globalSetup: ['test/support/postgres-global.ts'],
  },
});
