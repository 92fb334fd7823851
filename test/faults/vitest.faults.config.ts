import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

// Runs only the fault-injection tests, e.g.
// `npx vitest run --config test/faults/vitest.faults.config.ts`, with the main config's module
// resolution but without writing the main run's JSON report.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/faults/**/*.test.ts'],
    reporters: ['default'],
  },
});
