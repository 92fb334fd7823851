import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';

// Workspace packages export their TypeScript under the "source" condition, so tests run against
// src/ without a build. The node environment resolves through `ssr.resolve.conditions` (the
// top-level `resolve.conditions` only reaches browser-like environments), and Vitest also hands
// these conditions to its workers as `--conditions`. Keeping "module" there means even a
// `require('yjs')` gets the ESM build, so there is one Yjs and `instanceof` holds.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/desktop/src/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/faults/**/*.test.ts',
      'test/bench-smoke/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
