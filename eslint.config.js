import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One flat config for the monorepo. The `no-restricted-imports` blocks encode the import
 * boundaries of STYLE.md: domain imports only zod, contracts only domain, policy only domain,
 * editor-schema only TipTap; server services never reach an adapter or an edge; nothing in the
 * client imports features.
 */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'client/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/testing/**', '**/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['packages/domain/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.)', message: 'domain imports only zod' }] },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|@polisee/domain$|\\.)',
              message: 'contracts import only domain and zod',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/editor-schema/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!@tiptap/|\\.)', message: 'editor-schema imports only TipTap' }],
        },
      ],
    },
  },
  {
    // The rules are pure and run in the browser too: roles and resources in, a yes or no out.
    files: ['packages/policy/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!@polisee/domain$|\\.)', message: 'policy imports only domain' }],
        },
      ],
    },
  },
  {
    files: ['server/src/services/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/sqlite/**', '**/store/mongo/**'],
              message: 'services use store/ports, never an adapter',
            },
            {
              group: ['**/http/**', '**/realtime/**', '**/collab/**'],
              message: 'services never import an edge',
            },
            {
              group: ['mongoose', 'mongoose/*', 'mongodb', 'mongodb/*', 'bson'],
              message: 'Mongoose and the MongoDB driver live in the MongoDB adapters only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**'],
    ignores: ['server/src/main.ts', '**/*.test.ts', 'server/src/testing/**', 'server/src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/sqlite/**', '**/store/mongo/**'],
              message: 'only main.ts chooses an adapter',
            },
            {
              group: ['mongoose', 'mongoose/*', 'mongodb', 'mongodb/*', 'bson'],
              message: 'Mongoose and the MongoDB driver live in the MongoDB adapters only',
            },
          ],
        },
      ],
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'configuration is read once in config.ts' },
      ],
    },
  },
  {
    files: ['server/src/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Everywhere else the two blocks above do not cover (main.ts, tests, testing/, store/, bench/):
    // Mongoose stays inside the MongoDB adapter.
    files: [
      'server/src/main.ts',
      'server/src/**/*.test.ts',
      'server/src/testing/**',
      'server/src/store/**',
      'server/bench/**',
    ],
    ignores: ['server/src/store/mongo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['mongoose', 'mongoose/*', 'mongodb', 'mongodb/*', 'bson'],
              message: 'Mongoose and the MongoDB driver live in the MongoDB adapters only',
            },
          ],
        },
      ],
    },
  },
  {
    // The edges (REST routes, socket.io, the collaboration endpoint) call services, never the
    // store: only port types may be named (the composition root hands a few hot paths, the
    // rooms' update log and express-session, their port). Repeats the adapter and Mongoose
    // patterns above, which this block's rule replaces for these files.
    files: ['server/src/http/**', 'server/src/realtime/**', 'server/src/collab/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/sqlite/**', '**/store/mongo/**'],
              message: 'only main.ts chooses an adapter',
            },
            {
              group: ['**/store/**', '!**/store/ports.js'],
              message: 'http, realtime and collab call services, never the store',
            },
            {
              group: ['**/store/ports.js'],
              allowTypeImports: true,
              message: 'http, realtime and collab call services; only port types may be named',
            },
            {
              group: ['mongoose', 'mongoose/*', 'mongodb', 'mongodb/*', 'bson'],
              message: 'Mongoose and the MongoDB driver live in the MongoDB adapters only',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name='store']:matches([object.name='ctx'], [object.property.name='ctx'])",
          message: 'http, realtime and collab call services, never ctx.store',
        },
      ],
    },
  },
  {
    // The store keeps bytes and records; reading document content is content/'s (store:copy
    // takes its content hash from its command). Mongoose stays inside the MongoDB adapter.
    // A feature's store adapters live beside its port (workshops/store/) and are held to the
    // same rules; there, Mongoose only in the files named mongo*.
    files: [
      'server/src/store/**',
      'server/src/workshops/store/**',
      'server/src/assessments/store/**',
      'server/src/search/store/**',
      'server/src/audit/store/**',
      'server/src/signoffs/store/**',
      'server/src/knowledge/store/**',
      'server/src/attribution/store/**',
    ],
    ignores: [
      '**/*.test.ts',
      'server/src/store/mongo/**',
      'server/src/workshops/store/mongo*.ts',
      'server/src/assessments/store/mongo*.ts',
      'server/src/search/store/mongo*.ts',
      'server/src/audit/store/mongo*.ts',
      'server/src/signoffs/store/mongo*.ts',
      'server/src/knowledge/store/mongo*.ts',
      'server/src/attribution/store/mongo*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/content/**'], message: 'the store does not depend on content/' },
            {
              group: ['mongoose', 'mongoose/*', 'mongodb', 'mongodb/*', 'bson'],
              message: 'Mongoose and the MongoDB driver live in the MongoDB adapters only',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'server/src/store/mongo/**',
      'server/src/workshops/store/mongo*.ts',
      'server/src/assessments/store/mongo*.ts',
      'server/src/search/store/mongo*.ts',
      'server/src/audit/store/mongo*.ts',
      'server/src/signoffs/store/mongo*.ts',
      'server/src/knowledge/store/mongo*.ts',
      'server/src/attribution/store/mongo*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/content/**'], message: 'the store does not depend on content/' },
          ],
        },
      ],
    },
  },
  {
    // routes/, App.tsx and main.tsx compose the screens; nothing else may reach into features.
    files: ['client/src/**'],
    ignores: [
      'client/src/features/**',
      'client/src/routes/**',
      'client/src/App.tsx',
      'client/src/main.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**'], message: 'nothing outside features imports features' },
          ],
        },
      ],
    },
  },
);
