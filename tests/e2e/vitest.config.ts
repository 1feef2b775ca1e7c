import { defineConfig } from 'vitest/config';

// End-to-end: the real server, Microsoft's Agents Playground and Debian's Chromium. Serial.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
