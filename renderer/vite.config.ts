import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative asset paths: the same build is served under app://gradscape/ and /<token>/.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The largest chunk is h5wasm's (the HDF5 library in WebAssembly, about 4.7 MB), loaded only when an .h5 file opens.
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 5120, sourcemap: true },
});
