/**
 * The compatibility matrix, as data. Each cell is a throw-away consumer project that installs corsproof from
 * the packed tarball (`npm pack`) plus the real peer versions it names, writes its files and runs its steps;
 * it passes when every step exits 0. `scripts/consumers.mjs` runs the cells; `docs/compatibility.md` and the
 * peer ranges in package.json are checked against this file (test/consumers/matrix.test.ts).
 *
 * A cell:
 *   name          unique, used for its directory
 *   about         what it proves, one line (shown in docs/compatibility.md)
 *   covers        { package: major } the peer versions the cell proves (installed in the cell itself, checked
 *                 after the install); package.json's peer ranges are the union of these
 *   dependencies  { package: version spec } installed in the cell (`npm:` aliases allowed)
 *   packageJson   extra package.json fields (e.g. { type: 'module' })
 *   files         { path in the cell: source } where source is a path under test/consumers/files/, or
 *                 { from: path in the repository, replace: [[from, to], ...] }, or { text }
 *   steps         commands run in order in the cell, with node_modules/.bin on PATH; each an argv array, where
 *                 `{common}` stands for the directory COMMON is installed in
 *   node          22 (default) or 24
 *
 * Every cell also sees COMMON (installed once per run, in the directory above the cells, so Node and
 * TypeScript find it by walking up): the apps the suites test and the runners other cells do not pin.
 * A package under test is always in the cell's own `dependencies`, so COMMON never stands in for it.
 */

/** Installed once per run, shared by every cell. */
export const COMMON = {
  '@fastify/cors': '^11.0.0',
  '@types/cors': '^2.8.19',
  '@types/express': '^5.0.0',
  '@types/node': '^22.0.0',
  '@types/supertest': '^7.0.0',
  cors: '^2.8.5',
  express: '^5.1.0',
  fastify: '^5.0.0',
  hono: '^4.0.0',
  jest: '^30.0.0',
  supertest: '^7.0.0',
  typescript: '~5.9.0',
  vitest: '^5.0.0',
};

/** TypeScript as a consumer compiles: strict, no DOM lib, library declarations checked too. */
const tsconfig = (files, overrides = {}) => ({
  text: `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2023',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        types: ['node'],
        strict: true,
        skipLibCheck: false,
        esModuleInterop: true,
        noEmit: true,
        ...overrides,
      },
      files,
    },
    null,
    2,
  )}\n`,
});

const vitestTypes = { from: 'test/types/vitest-usage.ts', replace: [["'../../src/vitest.js'", "'corsproof/vitest'"]] };
const jestTypes = { from: 'test/types/jest-usage.ts', replace: [["'../../src/jest.js'", "'corsproof/jest'"]] };
const tsc = ['tsc', '-p', 'tsconfig.json'];
const tsc7 = ['node', 'node_modules/typescript7/bin/tsc', '-p', 'tsconfig.json'];
const TS7 = { typescript7: 'npm:typescript@^7.0.0' };

const vitestConfig = (environment = 'node') => ({
  text: `export default { test: { include: ['*.test.mjs'], environment: '${environment}', pool: 'forks', maxWorkers: 1, testTimeout: 30000, hookTimeout: 30000 } };\n`,
});
const jestCjsConfig = (testEnvironment = 'node') => ({
  text: `module.exports = { testEnvironment: '${testEnvironment}', testMatch: ['<rootDir>/*.test.cjs'], transform: {}, testTimeout: 30000 };\n`,
});
const jestEsmConfig = { text: "export default { testEnvironment: 'node', testMatch: ['<rootDir>/*.test.mjs'], transform: {}, testTimeout: 30000 };\n" };
const vitestRun = ['vitest', 'run'];
const jestRun = ['jest', '--ci', '--runInBand'];
const jestEsmRun = ['node', '--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--ci', '--runInBand'];
/** Jest from COMMON (for cells that pin something else), found by walking up from the cell; `{common}` is its directory. */
const commonJestCjsRun = ['jest', '--ci', '--runInBand', '-c', 'jest.config.cjs'];
const commonJestEsmRun = ['node', '--experimental-vm-modules', '{common}/node_modules/jest/bin/jest.js', '--ci', '--runInBand', '-c', 'jest.config.cjs'];

const suites = {
  'apps.cjs': 'apps.cjs',
  'targets.suite.cjs': 'targets.suite.cjs',
  'identity.suite.cjs': 'identity.suite.cjs',
};

function vitestCell(major, extra = {}) {
  return {
    name: `vitest-${major}`,
    about: `Vitest ${major}: every matcher on Express, Fastify, Hono and a live URL; one library copy behind every subpath (ESM); the types with TypeScript 5.9 and 7`,
    covers: { vitest: major },
    dependencies: { vitest: `^${major}.0.0`, ...TS7 },
    packageJson: { type: 'module' },
    files: { ...suites, 'corsproof.test.mjs': 'vitest.test.mjs', 'vitest.config.mjs': vitestConfig(), 'types.ts': vitestTypes, 'tsconfig.json': tsconfig(['types.ts']) },
    steps: [tsc, tsc7, vitestRun],
    ...(extra.node ? { node: extra.node } : {}),
  };
}

function jestCjsCell(major, extra = {}) {
  return {
    name: `jest-${major}-cjs`,
    about: `Jest ${major}, CommonJS: every matcher on Express, Fastify, Hono and a live URL; one library copy behind every subpath under require; the types from a .cts file with TypeScript 5.9${extra.ts7 ? ' and 7' : ''}`,
    covers: { jest: major },
    dependencies: { jest: `^${major}.0.0`, ...(extra.ts7 ? TS7 : {}) },
    files: {
      ...suites,
      'corsproof.test.cjs': 'jest.test.cjs',
      'jest.config.cjs': jestCjsConfig(),
      'types.cts': jestTypes,
      'tsconfig.json': tsconfig(['types.cts']),
    },
    steps: [tsc, ...(extra.ts7 ? [tsc7] : []), jestRun],
    ...(extra.node ? { node: extra.node } : {}),
  };
}

function jestEsmCell(major, extra = {}) {
  return {
    name: `jest-${major}-esm`,
    about: `Jest ${major}, native ESM (--experimental-vm-modules): the matchers on Express, Fastify, Hono and a live URL; one library copy behind every subpath under import; the types from a .ts file with TypeScript 7`,
    covers: { jest: major },
    dependencies: { jest: `^${major}.0.0`, ...TS7 },
    packageJson: { type: 'module' },
    files: { ...suites, 'corsproof.test.mjs': 'jest.test.mjs', 'jest.config.mjs': jestEsmConfig, 'types.ts': jestTypes, 'tsconfig.json': tsconfig(['types.ts']) },
    steps: [tsc7, jestEsmRun],
    ...(extra.node ? { node: extra.node } : {}),
  };
}

function mswCell(major) {
  return {
    name: `msw-${major}`,
    about: `msw ${major}: MSW handlers and setupServer() as targets, corsproof/msw's withCors and corsproof/mock's createCorsFetch over them (Vitest, ESM)`,
    covers: { msw: major },
    dependencies: { msw: `^${major}.0.0` },
    packageJson: { type: 'module' },
    files: { 'apps.cjs': 'apps.cjs', 'msw.suite.cjs': 'msw.suite.cjs', 'msw.test.mjs': 'msw.test.mjs', 'vitest.config.mjs': vitestConfig() },
    steps: [vitestRun],
  };
}

/**
 * nock 13 and 14 run under Vitest (import) and Jest (require). nock 15.0.6 and later are ESM-only, which Jest's
 * CommonJS runtime cannot load: nock 15 runs under Vitest and Jest's native ESM mode.
 */
function nockCell(major) {
  const esmOnly = major >= 15;
  return {
    name: `nock-${major}`,
    about: `nock ${major}: fromNock and URL targets caught by the interceptors, preflights included, nothing sent to the network, in-process apps left alone (Vitest, and Jest ${esmOnly ? 'in native ESM' : 'with require'})`,
    covers: { nock: major },
    dependencies: { nock: `^${major}.0.0` },
    files: {
      'apps.cjs': 'apps.cjs',
      'nock.suite.cjs': 'nock.suite.cjs',
      'nock.test.mjs': 'nock.test.mjs',
      'vitest.config.mjs': vitestConfig(),
      ...(esmOnly
        ? { 'nock.spec.mjs': 'nock.spec.mjs', 'jest.config.cjs': { text: "module.exports = { testEnvironment: 'node', testMatch: ['<rootDir>/*.spec.mjs'], transform: {}, testTimeout: 30000 };\n" } }
        : { 'nock.test.cjs': 'nock.test.cjs', 'jest.config.cjs': jestCjsConfig() }),
    },
    steps: [vitestRun, esmOnly ? commonJestEsmRun : commonJestCjsRun],
  };
}

/** The runner is installed in the cell: Vitest and Jest load a test environment package from where they live. */
function domCell(name, about, dependencies, files, steps) {
  return {
    name,
    about,
    covers: {},
    dependencies,
    files: { 'apps.cjs': 'apps.cjs', 'dom.suite.cjs': 'dom.suite.cjs', ...files },
    steps,
  };
}

export const cells = [
  vitestCell(4),
  vitestCell(5, { node: 24 }),
  jestCjsCell(29),
  jestCjsCell(30, { ts7: true }),
  jestEsmCell(29),
  jestEsmCell(30, { node: 24 }),
  mswCell(2),
  mswCell(3),
  nockCell(13),
  nockCell(14),
  nockCell(15),
  domCell(
    'dom-happy-dom',
    'happy-dom (Vitest environment): createCorsFetch and the matchers with the DOM globals in place',
    { vitest: '^5.0.0', 'happy-dom': '^21.0.0' },
    { 'dom.test.mjs': 'dom.vitest.test.mjs', 'vitest.config.mjs': vitestConfig('happy-dom') },
    [vitestRun],
  ),
  domCell(
    'dom-jsdom',
    'jsdom (Vitest environment): createCorsFetch and the matchers with the DOM globals in place',
    { vitest: '^5.0.0', jsdom: '^31.0.0' },
    { 'dom.test.mjs': 'dom.vitest.test.mjs', 'vitest.config.mjs': vitestConfig('jsdom') },
    [vitestRun],
  ),
  domCell(
    'dom-jest-environment-jsdom',
    'jest-environment-jsdom 30 (Jest 30, CommonJS): createCorsFetch and the matchers in a jsdom test environment',
    { jest: '^30.0.0', 'jest-environment-jsdom': '^30.0.0' },
    { 'dom.test.cjs': 'dom.jest.test.cjs', 'jest.config.cjs': jestCjsConfig('jsdom') },
    [jestRun],
  ),
];

/**
 * The peer ranges the matrix proves: for each package some cell covers, every covered major, e.g.
 * `{ vitest: '^4.0.0 || ^5.0.0' }`.
 */
export function provenPeerRanges(list = cells) {
  const majors = new Map();
  for (const cell of list) {
    for (const [name, major] of Object.entries(cell.covers)) majors.set(name, new Set([...(majors.get(name) ?? []), major]));
  }
  return Object.fromEntries(
    [...majors].sort(([a], [b]) => a.localeCompare(b)).map(([name, set]) => [name, [...set].sort((a, b) => a - b).map((major) => `^${major}.0.0`).join(' || ')]),
  );
}

/** The matrix as the Markdown table docs/compatibility.md shows (checked by test/consumers/matrix.test.ts). */
export function matrixTable(list = cells) {
  const escape = (text) => String(text).replaceAll('|', '\\|');
  const rows = list.map((cell) => {
    const installs = Object.entries(cell.dependencies)
      .map(([name, spec]) => (spec.startsWith('npm:') ? `\`${spec.slice(4)}\` (as \`${name}\`)` : `\`${name}@${spec}\``))
      .join(', ');
    const runs = cell.steps
      .map((step) => `\`${step.join(' ').replace('node node_modules/typescript7/bin/tsc', 'tsc').replace('{common}/node_modules/jest/bin/jest.js', 'jest').replace('node_modules/jest/bin/jest.js', 'jest')}\`${step.includes('node_modules/typescript7/bin/tsc') ? ' (TypeScript 7)' : step[0] === 'tsc' ? ' (TypeScript 5.9)' : ''}`)
      .join(', then ');
    return `| \`${cell.name}\` | ${escape(cell.about)} | ${installs} | Node ${cell.node ?? 22} | ${escape(runs)} |`;
  });
  return ['| cell | what it proves | installs (besides corsproof) | on | runs |', '|---|---|---|---|---|', ...rows].join('\n');
}
