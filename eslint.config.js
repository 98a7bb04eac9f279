// Lint and layering. The layering rules are DESIGN §4 made mechanical: core/ is pure, each
// third-party library is imported only in its adapter folder, nothing imports cli/.
// Cycles are checked by madge in `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_IO = ['node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:os', 'node:process', 'fs', 'net', 'http', 'child_process'];

/** Library → the only folders allowed to import it. */
const ADAPTERS = {
  ssh2: ['src/transport/', 'src/lab/'],
  ajv: ['src/load/'],
  'ajv-formats': ['src/load/'],
  yaml: ['src/load/', 'src/lab/', 'src/discover/', 'src/release/'],
  ejs: ['src/report/', 'src/template/'],
  'simple-git': ['src/git/'],
  commander: ['src/cli/'],
  'chinese-days': ['src/calendar/'],
  oracledb: ['src/transport/'],
};

function restrictedFor(folder) {
  return Object.entries(ADAPTERS)
    .filter(([, allowed]) => !allowed.some((a) => folder.startsWith(a)))
    .map(([name]) => ({ name, message: `${name} is imported only in its adapter folder (${ADAPTERS[name].join(', ')})` }));
}

const FOLDERS = ['src/cli/', 'src/model/', 'src/diag/', 'src/load/', 'src/core/', 'src/providers/', 'src/transport/', 'src/engine/', 'src/health/', 'src/report/', 'src/git/', 'src/release/', 'src/lab/', 'src/calendar/', 'src/discover/', 'src/bench/', 'src/template/', 'src/parsers/', 'src/inspect/', 'src/reconcile/'];

/** Pure layers: plain data in, plain data out — no I/O, no clock. */
const PURE = ['src/core/', 'src/model/', 'src/diag/', 'src/parsers/', 'src/health/', 'src/reconcile/match/'];

const noCli = { group: ['**/cli/*', '../cli', '../../cli'], message: 'nothing imports cli/: it is the outermost layer' };

export default tseslint.config(
  { ignores: ['dist/', 'dist-check/', 'node_modules/', '.lab/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  ...FOLDERS.filter((f) => !PURE.includes(f)).map((folder) => ({
    files: [`${folder}**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: restrictedFor(folder), patterns: folder === 'src/cli/' ? [] : [noCli] }],
    },
  })),
  {
    // The pure layers: no I/O, no clock-reading libraries, no adapters, no upper layers.
    files: PURE.map((f) => `${f}**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...restrictedFor('src/core/'), ...NODE_IO.map((name) => ({ name, message: 'core/, model/, diag/ and parsers/ are pure: no I/O' }))],
          patterns: [
            noCli,
            { group: ['**/engine/*', '**/providers/*', '**/transport/*', '**/lab/*', '**/load/*', '**/report/*', '**/git/*'], message: 'the pure layers import only model/ and diag/' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'pure layers take their inputs as arguments' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time comes in as an argument (no clock in core/)' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'time comes in as an argument (no clock in core/)' },
      ],
    },
  },
  {
    // Only cli/ prints; the lab's own server process logs through its injected logger.
    files: ['src/cli/**/*.ts', 'src/bench/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
