import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net', 'url'];
const noImports = (names, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: names, message }] }],
});

export default tseslint.config(
  // electron/engine/kernel/assembly is AssemblyScript (its own types; scripts/build.mjs compiles it).
  { ignores: ['dist/', '.tsbuild/', 'node_modules/', 'test-results/', 'shared/colormaps/tables.ts', 'electron/engine/kernel/assembly/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Layers: shared/ is pure; the renderer reaches the host only through the Bridge.
  {
    files: ['shared/**/*.ts'],
    rules: noImports(['electron', ...nodeBuiltins, 'react', 'react-dom', 'three'], 'shared/ must not import electron, node: or the DOM layer'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: noImports(['electron', ...nodeBuiltins, '**/electron/**'], 'the renderer must not import electron, node: or the Node side'),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
