// Flat config. Syntax-only typescript-eslint (no type information) keeps `npm run lint` fast;
// `npm run typecheck` is where the compiler checks types.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'release/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // The typescript-eslint rule below covers .js files too, with the `_` exemption.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: [
      'packages/hub/**',
      'packages/store/**',
      'packages/discovery/**',
      'apps/desktop/*.config.ts',
      'apps/desktop/src/{main,hub,preload}/**',
      'scripts/**',
      'test/**',
      '*.config.{js,ts,mjs}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['apps/web/**', 'packages/sync-client/**', 'apps/desktop/src/renderer/**'],
    ignores: ['apps/web/vite.config.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The web app's Vite config runs in Node, not in the browser.
    files: ['apps/web/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Hooks live in .ts files too (useHubDoc.ts), so both extensions get the hooks rules.
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/desktop/src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
);
