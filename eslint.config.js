// The house rules of ARCHITECTURE.md as lint errors: core, db and contract never import electron;
// the contract imports zod only; the renderer never imports Node, the database or the core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3*', 'kysely', 'nodemailer'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/core/**', 'electron/host/**', 'electron/cli/**', 'db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./).*', message: 'The contract imports zod and its own files only.' }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeOnly, message: 'The renderer runs in a sandbox: no Node modules or database.' },
            { regex: '(^|/)(db|electron/(core|host|cli|main|preload))(/|$)', message: 'The renderer talks to the desk through window.desk only.' },
          ],
        },
      ],
    },
  },
);
