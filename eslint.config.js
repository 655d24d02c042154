// Lint rules that keep the layers apart (shared → nothing; renderer and electron → shared only)
// and keep raw IPC inside the two files that own the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'buffer', 'stream', 'url', 'util'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'bench/results*', 'coverage/', '.scratch/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie', 'zustand', ...nodeBuiltins],
          patterns: ['node:*', '**/renderer/**', '**/electron/**', '../../renderer/*', '../../electron/*'],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'Buffer', 'process', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      // We do not run the React Compiler; TanStack Virtual is used as documented.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        { paths: ['electron', ...nodeBuiltins], patterns: ['node:*', '**/electron/**'] },
      ],
    },
  },
  {
    // The command line is Node over shared/: it never reaches into the app's two processes.
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/renderer/**', '**/electron/**'] }],
    },
  },
  {
    // Inside the renderer, layers flow one way (VS Code's per-layer allowed imports): features,
    // the shell and the stores call operations and queries, never Dexie, the database object,
    // the repositories or the coding columns.
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/app/**/*.{ts,tsx}', 'renderer/src/stores/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'dexie', ...nodeBuiltins],
          patterns: [
            { group: ['node:*', '**/electron/**'] },
            {
              regex: '(^|/)db/(db|codingsRepository|caseRepository|recordsRepository|changeStore|codingColumns|migrations/.*)$',
              message: 'Call db/operations (writes) or db queries (reads): the storage layout stays behind the repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/renderer/**'] }],
    },
  },
  {
    // Raw IPC only where the contract is turned into handlers (main) and functions (preload).
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/main/ipc/registerHandlers.ts', 'electron/preload/**', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Register IPC through registerHandlers.' },
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Use the preload API.' },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs,js}', 'scripts/**/*.{mjs,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // vitest's default poll timeout (1 s) fails on a busy machine: every poll states its wait.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='poll'][arguments.length<2]",
          message: 'Give expect.poll an explicit timeout (tests/e2e/support/poll.ts: POLL).',
        },
      ],
    },
  },
);
