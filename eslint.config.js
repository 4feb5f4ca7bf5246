// ESLint flat config. Type-aware (typescript-eslint strictTypeChecked) over every source, test and config file,
// plus the layer rules that keep the three processes apart: renderer/ runs in a sandboxed page, shared/ runs in
// both processes, electron/ is the main process. `npm run lint` runs it with --max-warnings 0.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node's built-ins by their bare names ('fs', 'fs/promises', …); the 'node:' prefix is caught by a pattern.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'This layer also runs outside Node: no Node built-ins.' })),
  patterns: [{ regex: '^node:', message: 'This layer also runs outside Node: no Node built-ins.' }],
};
const noElectron = [
  { regex: '^electron(/|$)', message: 'Only the main process and the preload may import electron.' },
  { regex: '^(\\.\\./)+electron(/|$)', message: 'The main process (electron/) is reachable only through window.api.' },
];
const noRenderer = {
  regex: '^(\\.\\./)+renderer(/|$)',
  message: 'The renderer is a separate bundle: move what both sides need into shared/.',
};

// The layer rules; test/lint/layers.test.ts lints snippets with this config to prove each one fires.
const layerRules = {
  renderer: ['error', { paths: noNode.paths, patterns: [...noNode.patterns, ...noElectron] }],
  shared: ['error', { paths: noNode.paths, patterns: [...noNode.patterns, ...noElectron, noRenderer] }],
  electron: ['error', { patterns: [noRenderer] }],
};

export default defineConfig(
  { ignores: ['dist/', 'release/', 'test-results/', 'playwright-report/', '.bench/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked against the nearest tsconfig: renderer/tsconfig.json for renderer/, the root
        // tsconfig.json for electron/, shared/, test/ and vitest.config.ts. The few root config files and
        // scripts that no tsconfig includes are checked with the root tsconfig's options.
        projectService: {
          allowDefaultProject: [
            'eslint.config.js',
            'playwright.config.ts',
            'vite.config.ts',
            'vite.preload.config.ts',
            'vite.verify-page.config.ts',
            'electron/scripts/*.mjs',
          ],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans print unambiguously in messages ("row 3", "12 awards"); objects and nullish still fail.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // With noUncheckedIndexedAccess every typed-array and bounded-loop index is `T | undefined`; `xs[i]!` inside
      // the loop's bounds is the codebase's deliberate idiom (PNG, PDF, text layout, tests on known data).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `onClick={() => setOpen(true)}` and `() => void work()` callbacks are idiomatic; statements stay checked.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Unused names are mistakes, except a leading underscore that marks a deliberately ignored parameter.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Test doubles implement the app's async interfaces (dialogs, signers) with answers that are ready at once.
      '@typescript-eslint/require-await': 'off',
      // Tests read back JSON the code under test wrote and pin its shape with expect(); a type would restate it.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  { files: ['renderer/**'], rules: { 'no-restricted-imports': layerRules.renderer } },
  { files: ['shared/**'], rules: { 'no-restricted-imports': layerRules.shared } },
  { files: ['electron/**'], rules: { 'no-restricted-imports': layerRules.electron } },
);
