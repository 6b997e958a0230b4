// @ts-check
/**
 * Lint: typescript-eslint's recommended rules for every TypeScript file and
 * the Astro plugin's for components; Prettier owns formatting, so the rules
 * that would fight it are off (eslint-config-prettier). `npm run lint` and
 * `npm test` fail on any warning.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';

export default defineConfig(
  {
    ignores: ['dist/', 'dist-*/', '.astro/', '.netlify/', 'node_modules/', 'keys/', 'content/', 'public/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused values are mistakes, except a deliberately ignored argument or rest sibling (_name).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  prettier,
);
