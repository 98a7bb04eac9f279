import { defineConfig } from 'vitest/config';

// Unit tests (pure core, parsers) and scenario tests (against the lab on loopback) run in one
// project; anything needing an external service is skipped with a message when it is missing.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
