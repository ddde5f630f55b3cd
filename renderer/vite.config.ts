import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative asset paths: the same build is served under app://gradscape/ and /<token>/.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4096, sourcemap: true },
});
