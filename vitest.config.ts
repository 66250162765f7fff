import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'test/integration/**/*.test.ts',
      // Several server processes on one database: PostgreSQL only (PGlite is one process).
      ...(process.env.DATABASE_URL ? ['test/postgres/**/*.test.ts'] : []),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
