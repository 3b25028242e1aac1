import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

/** What the pure layers may never import (docs/architecture.md): hosts, adapters, Node. */
const HOST_FREE = {
  patterns: [
    { group: ['**/excel/**', '**/xlsx/**', '**/cli/**', '**/taskpane/**', '**/commands/**'], message: 'core and app are host-free: no adapter or host imports (docs/architecture.md).' },
    { group: ['node:*', ...builtinModules], message: 'core and app run in Excel too: no Node built-ins.' },
    { group: ['exceljs', 'react', 'react-dom', '@fluentui/*'], message: 'core and app are host-free.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', 'public/**', 'bin/**', '*.config.js', 'src/guard/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // No import cycles anywhere in src/ (type-only imports count: they tie the modules together).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', HOST_FREE] },
  },
);
