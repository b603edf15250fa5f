// ESLint (make lint): the recommended rules on every JavaScript source of the
// repository, with the globals each part runs under. Build output, vendored
// and installed code are not linted.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['build/', 'dist/', 'node_modules/', 'screenshots/', 'test-results/'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Classic scripts of the pages and examples (no modules from file://).
    files: ['web/*.js', 'examples/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    // The deck's script, and browser tests' page.evaluate bodies, run beside reveal.js.
    files: ['examples/slides/*.js', 'tests/browser/*.mjs'],
    languageOptions: { globals: { Reveal: 'readonly', simcoreWidgets: 'readonly' } },
  },
];
