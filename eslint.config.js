import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Layers (docs/architecture.md): shared/ is pure; the engine computes without the host, Electron
 * or the file system; the host runs without Electron (main.ts and preload.ts wire it to Electron);
 * the renderer reaches the Node side only through the Bridge. Import sources are matched by
 * regular expressions rather than gitignore globs, so a node built-in's name ("events", "path")
 * never catches a project module of the same name (shared/events.ts).
 */
const layerRule = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));
const electronPackage = '^electron(/|$)';
const nodePrefixed = '^node:';
const fileSystem = '^(node:)?fs(/|$)';
/** Bare node built-ins ("path", "fs/promises"); exact names, so a relative "./path" is not one. */
const nodeBuiltinNames = builtinModules.filter((name) => !name.startsWith('_'));
const restrictImports = ({ paths = [], patterns = [] }) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

/**
 * Engine modules allowed the file system, each for a reason that docs/architecture.md gives:
 * shipped-file.ts finds the files the build ships beside the engine (tfjs's wasm, Iris); the
 * other two read a CSV dataset by path until datasets reach the engine as content (issue 14).
 */
export const engineFileSystemModules = ['electron/engine/shipped-file.ts'];

// An exemption outlives its reason once its file is gone: say so rather than keep a dead entry.
for (const file of engineFileSystemModules) {
  if (!existsSync(new URL(file, import.meta.url)))
    throw new Error(`eslint.config.js: ${file} no longer exists; remove it from the engine's exemptions`);
}

/** The renderer's layer rule, which the store's rule below extends (a file's later rule replaces the earlier). */
const rendererImports = {
  paths: nodeBuiltinNames.map((name) => ({
    name,
    message: 'the renderer must not import node built-ins (docs/architecture.md)',
  })),
  patterns: [
    ...layerRule(
      'the renderer must not import electron or node: (docs/architecture.md)',
      electronPackage,
      nodePrefixed,
    ),
    ...layerRule(
      'the renderer must not import the Node side; it reaches the host through the Bridge (docs/architecture.md)',
      '(^|/)electron/',
    ),
  ],
};

/**
 * The renderer's .tsx modules, as the ends of the import sources that reach them ("sidebar/RunList",
 * "../App"): imports name no extension, so the store's rule lists the UI modules that exist.
 */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rendererTsxSources = readdirSync(new URL('renderer/src/', import.meta.url), { recursive: true })
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => {
    const module = file.replace(/\.tsx$/, '').split(/[\\/]/);
    const tail = module.length > 1 ? module.slice(-2).join('/') : `../${module[0]}`;
    return `(^|/)${escapeRegex(tail)}(\\.tsx)?$`;
  });
const storeLayer = layerRule(
  'the store must not import UI code (components, .tsx modules, renderer/src/commands): the views depend on it, not it on them (docs/architecture.md)',
  '\\.tsx$',
  '(^|/)commands(/|$)',
  ...rendererTsxSources,
);

const engineLayer = {
  host: layerRule('the engine must not import the host (docs/architecture.md)', '(^|/)host(/|$)'),
  electron: layerRule('the engine must not import electron (docs/architecture.md)', electronPackage),
  fileSystem: layerRule('the engine must not use the file system (docs/architecture.md)', fileSystem),
};

export default tseslint.config(
  // electron/engine/kernel/assembly is AssemblyScript (its own types; scripts/build.mjs compiles it).
  {
    ignores: [
      'dist/',
      '.tsbuild/',
      'node_modules/',
      'test-results/',
      'shared/colormaps/tables.ts',
      'electron/engine/kernel/assembly/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrictImports({
      paths: nodeBuiltinNames.map((name) => ({
        name,
        message: 'shared/ must not import node built-ins (docs/architecture.md)',
      })),
      patterns: [
        ...layerRule(
          'shared/ must not import electron, node: or the DOM layer (docs/architecture.md)',
          electronPackage,
          nodePrefixed,
          '^(react|react-dom|three)(/|$)',
          '^@react-three/',
        ),
        ...layerRule(
          'shared/ must not import the Node side or the renderer (docs/architecture.md)',
          '(^|/)(electron|renderer)/',
        ),
      ],
    }),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['electron/engine/**/*.ts'],
    ignores: engineFileSystemModules,
    rules: restrictImports({ patterns: [...engineLayer.host, ...engineLayer.electron, ...engineLayer.fileSystem] }),
  },
  {
    files: engineFileSystemModules,
    rules: restrictImports({ patterns: [...engineLayer.host, ...engineLayer.electron] }),
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: restrictImports({
      patterns: layerRule(
        'the host must not import electron: main.ts and preload.ts adapt it to Electron (docs/architecture.md)',
        electronPackage,
      ),
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrictImports(rendererImports),
  },
  {
    files: ['renderer/src/store/**/*.{ts,tsx}'],
    rules: restrictImports({ paths: rendererImports.paths, patterns: [...rendererImports.patterns, ...storeLayer] }),
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
