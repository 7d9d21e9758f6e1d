import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15000,
    // a test that asserts nothing fails (test/support/has-assertions.ts)
    setupFiles: ['test/support/has-assertions.ts'],
  },
});
