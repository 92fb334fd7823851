import fs from 'node:fs';
import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

const { version } = JSON.parse(
  fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as { version: string };

// Workspace packages export their TypeScript sources under the "source" condition, so the UI
// builds straight from them with a single copy of yjs.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions], dedupe: ['yjs'] },
  // Reported to the hub with every sync connection, for the organiser's device list.
  define: { __JUDGEHUB_VERSION__: JSON.stringify(version) },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
