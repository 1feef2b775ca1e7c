import { defineConfig } from 'vitest/config';

// Unit, contract and API tests (Node). The tab's own tests use teams-app/vitest config; e2e has its own.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
  },
});
