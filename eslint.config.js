import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What the web app may import of the rest of the repository. */
const WEB_LAYER = [
  {
    group: ['**/server/**', '**/db/**', '**/cli/**'],
    message:
      'The web app imports only src/contracts, src/domain and src/i18n of the rest: API shapes come from contracts/, never from server files (not even as types).',
  },
  {
    group: ['**/contracts/**'],
    allowTypeImports: true,
    message:
      'The web app takes only types from contracts/ (import type): their zod schemas stay out of the bundle.',
  },
];

/** One way to load a feature's catalog (issue #17): the page's entry in the route table. */
const CATALOGS = {
  group: ['**/i18n', './i18n'],
  importNames: ['loadNamespaces', 'namespacesLoaded'],
  message:
    "Catalogs load with the page's route (the namespaces argument of page() in src/web/app.tsx), not from a component.",
};

/**
 * The web app's feature folders, lowest first (issue #17): a folder imports only folders before
 * it, so there are no cycles between features. Shared widgets live in components/ (which imports
 * no feature); what 1:1s and development conversations share lives in meetings/.
 */
const WEB_FOLDERS = [
  'components',
  'vault',
  'search',
  'notifications',
  'mail',
  'sso',
  'provisioning',
  'audit',
  'statistics',
  'coaching',
  'rounds',
  'privacy',
  'meetings',
  'live',
  'wellbeing',
  'development',
  'one-on-ones',
  'routes',
];

/** One config per feature folder: importing a folder at its level or above is a lint error. */
const webFolderLayers = WEB_FOLDERS.map((folder, i) => ({
  files: [`src/web/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: WEB_FOLDERS.slice(i + 1).map((above) => ({
          group: [`../${above}`, `../${above}/**`],
          message: `${folder}/ comes before ${above}/ in the web app's folder order (WEB_FOLDERS in eslint.config.js): move what both need into a lower folder (shared widgets into components/) instead of importing upwards.`,
        })),
      },
    ],
  },
}));

/** One module formats dates and times in the web app (issue #17): src/web/format.ts. */
const DATE_FORMAT = {
  selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
  message:
    "Format dates and times with src/web/format.ts (formatter, dayFormatter, meetingFormatter, …) or the useFormat / useMeetingFormat hooks, in the person's language and time zone.",
};

/** One modal dialog (issue #17): components/modal-dialog.tsx; the others are built on it. */
const DIALOG = {
  selector: "JSXOpeningElement[name.name='dialog']",
  message:
    'Build dialogs on components/modal-dialog.tsx (or confirm-dialog / form-dialog), not on a <dialog> of their own.',
};

/**
 * The web app's base modules (src/web/*.ts: the API client, session, format, i18n, …) sit under
 * every folder, so they import none; only the entry, the route table, the shell and the first
 * page's prefetch compose features.
 */
const webBaseLayer = {
  files: ['src/web/*.{ts,tsx}'],
  ignores: [
    'src/web/main.tsx',
    'src/web/app.tsx',
    'src/web/app-shell.tsx',
    'src/web/first-page.ts',
    'src/web/*.test.{ts,tsx}',
  ],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: WEB_FOLDERS.flatMap((f) => [`./${f}`, `./${f}/**`]),
            message:
              "The web app's base modules import no folder of it: move what they need down, or compose in app.tsx / app-shell.tsx.",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'data/', 'drizzle/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules (issue #17): a promise nobody awaits or catches, an await on something
    // that is not a promise, a promise where a callback must return nothing, a cast the types
    // already guarantee. They read the types through the TypeScript project (tsconfig.json).
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
    },
  },
  {
    // A test's cast often states what it builds on purpose (a Set of the right type).
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  // Layers (docs/ARCHITECTURE.md): a wrong import is a lint error, not a review comment.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/db/**', '**/web/**', '**/cli/**'],
              message: 'domain/ is pure rules: it imports nothing of server/, db/, web/ or cli/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The database layer (schema, client, migrations) sits under the server: the demo data,
    // which is written through services and repositories, lives in src/demo/.
    files: ['src/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', '**/cli/**', '**/demo/**'],
              message:
                'db/ is the schema and the client: it imports nothing of server/, web/, cli/ or demo/ (the demo seed lives in src/demo/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/routes/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/repositories/**', '**/db/client*', 'drizzle-orm', 'drizzle-orm/*'],
              allowTypeImports: true,
              message: 'Routes call services; only services reach repositories and the database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/services/**/*.ts', 'src/server/repositories/**/*.ts', 'src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/routes/**'], message: 'Lower layers never import routes.' }] },
      ],
    },
  },
  {
    // One source of "now" (issue #17): the server takes it from the injected Clock
    // (src/server/clock.ts), so tests move time instead of sleeping.
    // Everything on the server where a time-dependent rule lives (mail, live channel, jobs,
    // plugins, calendar, SSO, routes) and the pure domain rules, which take "now" as an argument.
    files: ['src/server/**/*.ts', 'src/domain/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/server/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'Take "now" from the injected Clock (src/server/clock.ts), not new Date().',
        },
        {
          selector: 'CallExpression[callee.object.name="Date"][callee.property.name="now"]',
          message: 'Take "now" from the injected Clock (src/server/clock.ts), not Date.now().',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...WEB_LAYER, CATALOGS] }],
    },
  },
  {
    // The route table and the signed-in shell are the only places that load catalogs.
    files: ['src/web/app.tsx', 'src/web/app-shell.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: WEB_LAYER }],
    },
  },
  // Presented policies (CONVENTIONS 15): the web app shows or hides things from the `can` flags
  // the server presents, never from its own copy of the role rules. Only the person form reads
  // roles, because granting them is what it edits.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/routes/person-form.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        DATE_FORMAT,
        DIALOG,
        {
          selector: "MemberExpression[property.name='roles']",
          message:
            'No role checks in the web app: use the `can` flags the server presents (on /api/me or on the resource).',
        },
        {
          // `me.home` is the server's choice of home page, not a role.
          selector:
            "BinaryExpression[operator=/^[!=]==?$/]:not([left.property.name='home']) > Literal[value=/^(hr|admin)$/]",
          message:
            'No role checks in the web app: use the `can` flags the server presents (on /api/me or on the resource).',
        },
      ],
    },
  },
  {
    files: ['src/web/routes/person-form.tsx'],
    rules: { 'no-restricted-syntax': ['error', DATE_FORMAT, DIALOG] },
  },
  {
    // The two places the rules above are about: the date formatter and the one modal dialog.
    files: ['src/web/format.ts', 'src/web/components/modal-dialog.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**',
                '!zod',
                '!./*',
                '!./**',
                '!.',
                '!..',
                '!../domain',
                '!../domain/**',
                '!../i18n',
                '!../i18n/**',
              ],
              message:
                'contracts/ are the API shapes shared by server and web app: they import only zod, domain/, i18n/ and each other.',
            },
          ],
        },
      ],
    },
  },
  ...webFolderLayers,
  webBaseLayer,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
