import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'releases/loaders/',
      'packages/*/dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.tokenframe/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Raw values must never reach a console: the frame and the service have no reason to log at all.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'demo/**', 'src/cli.ts', 'test/**', 'bin/**', 'verify/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
