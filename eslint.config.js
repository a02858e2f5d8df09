// ESLint (flat config). The import rules keep the source folders a one-way stack:
//   util → catalog → policy → engine → store / access → app → graphql → cli
// (each layer may import only the layers to its left), and forbid import cycles.
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** A zone forbidding `target` to import from `./src` except the listed folders (relative to src). */
const only = (target, allowed) => ({
  target,
  from: './src',
  except: allowed,
  message: `breaks the layering util → catalog → policy → engine → store/access → graphql → cli`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'seed/tools/**', 'ui/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { projectService: false } },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            only('./src/util', ['./util']),
            only('./src/catalog', ['./util', './catalog']),
            only('./src/policy', ['./util', './catalog', './policy']),
            only('./src/engine', ['./util', './catalog', './policy', './engine']),
            only('./src/store', ['./util', './catalog', './policy', './engine', './store']),
            only('./src/access', ['./util', './catalog', './policy', './engine', './store', './access']),
            { target: './src/graphql', from: './src/cli', message: 'the API must not depend on the CLI' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers (GraphQL responses, CLI output).
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
