import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages export their TypeScript sources under the "source" condition, so the UI
// builds straight from them with a single copy of yjs.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions], dedupe: ['yjs'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
