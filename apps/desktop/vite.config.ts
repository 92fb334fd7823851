import { builtinModules } from 'node:module';
import {
  defineConfig,
  defaultClientConditions,
  defaultServerConditions,
  type UserConfig,
} from 'vite';
import react from '@vitejs/plugin-react';

// One config, four builds (`vite build --mode <target>`, see package.json):
//   renderer  the start window's React page → dist/renderer (loaded over judgehub-app://ui/)
//   main      Electron's main process        → dist/main/main.cjs
//   hub       the hub process                → dist/hub/hubEntry.cjs (utilityProcess, or fork in tests)
//   preload   the start window's preload     → dist/preload/preload.cjs (sandboxed: CommonJS)
// Workspace packages, yjs, ws and the rest are bundled, so the packaged app carries no
// node_modules but better-sqlite3 (native, unpacked from the asar and rebuilt for Electron).
const NATIVE_OR_HOST = [
  'electron',
  'better-sqlite3',
  // ws's optional native speed-ups: absent, and ws falls back by itself.
  'bufferutil',
  'utf-8-validate',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

const NODE_TARGETS: Record<string, { entry: string; name: string }> = {
  main: { entry: 'src/main/main.ts', name: 'main' },
  hub: { entry: 'src/hub/hubEntry.ts', name: 'hubEntry' },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'renderer') {
    return {
      root: 'src/renderer',
      base: './',
      plugins: [react()],
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: {
        outDir: '../../dist/renderer',
        emptyOutDir: true,
        sourcemap: true,
        // No inline polyfill script: the page's CSP allows scripts from files only.
        modulePreload: { polyfill: false },
      },
    };
  }
  if (mode === 'preload') {
    return {
      build: {
        outDir: 'dist/preload',
        emptyOutDir: true,
        sourcemap: false,
        minify: false,
        target: 'chrome130',
        lib: { entry: 'src/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
        rolldownOptions: { external: ['electron'] },
      },
    };
  }
  const target = NODE_TARGETS[mode];
  if (!target) throw new Error(`unknown build mode "${mode}": renderer, main, hub or preload`);
  return {
    resolve: { conditions: ['source', ...defaultServerConditions] },
    ssr: {
      noExternal: true,
      external: ['electron', 'better-sqlite3'],
      resolve: { conditions: ['source', ...defaultServerConditions] },
    },
    build: {
      ssr: target.entry,
      outDir: `dist/${mode}`,
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      // Electron 41 runs Node 24; the hub process also runs under Node 20 in tests.
      target: 'node20',
      rolldownOptions: {
        external: NATIVE_OR_HOST,
        output: { format: 'cjs', entryFileNames: `${target.name}.cjs` },
      },
    },
  };
});
