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
    // Codes, not sentences (issue 12; VS Code's code-no-unexternalized-strings is the model): what the core
    // says to a person is a code with parameters (electron/contract/codes.ts), worded by the renderer and
    // the CLI. A sentence written into a desk error, a refusal or a stored reason here is refused.
    files: ['electron/core/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="DeskError"] > :matches(Literal, TemplateLiteral)',
          message: 'A DeskError takes a code with parameters (contract/codes.ts), not a sentence.',
        },
        {
          selector: 'Property[key.name=/^(message|reason|why|problem|note|cancel_reason|last_error)$/] > Literal[value=/\\w \\w+ \\w/]',
          message: 'Words for staff are a code worded by the renderer/CLI (contract/codes.ts), not a sentence in the core.',
        },
        {
          selector: 'Property[key.name=/^(message|reason|why|problem|note|cancel_reason|last_error)$/] > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]+ [A-Za-z]+ [A-Za-z]/]',
          message: 'Words for staff are a code worded by the renderer/CLI (contract/codes.ts), not a sentence in the core.',
        },
        {
          selector: 'ReturnStatement > Literal[value=/^[A-Z][a-z]+ \\w+ \\w+.*\\.$/]',
          message: 'A refusal or explanation is returned as a code (contract/codes.ts), not a sentence.',
        },
      ],
    },
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
