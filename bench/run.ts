/**
 * npm run bench [-- --quick] [--no-browser] [--json FILE] [--check]
 * (bench/bundle.mjs first bundles this file as tsup builds the package, then node runs the bundle)
 *
 * Measures, in one run, on this machine: the cost of an emulated request over the bare fetch handler; each
 * matcher against the plain supertest / app.request calls it replaces; the shipped conformance corpus per
 * engine, and in headless Chromium (when installed); the first verdict in a fresh process; heap growth over
 * 100,000 verdicts. Every target is a ratio measured within this run (absolute rates swing 3x between runs on
 * a shared machine), and the ratios come first; the tables after them give the detail. `--check` exits 1
 * when a target is missed. The machine is printed too: figures only mean something next to it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EngineName } from '../src/types.js';
import { benchBrowser, type BrowserFigures } from './browser.js';
import { benchCorpus, CORPUS_FILE, loadCorpus, type CorpusFigures } from './corpus.js';
import { benchHandler, HANDLER_CASES, type HandlerFigures } from './handler.js';
import { benchHeap, type HeapFigures } from './heap.js';
import { machine } from './machine.js';
import { benchMatchers, type MatcherFigures } from './matchers.js';
import { formatNumber, ratio, table } from './table.js';

/** Issue #10's targets: ratios, never absolute rates. */
const TARGETS = {
  simpleRequestRatio: 1.2,
  preflightedRequestRatio: 1.3,
  honoMatcherRatio: 1.5,
  browserSpeedupWarm: 1000,
  browserSpeedupCold: 200,
};

interface FirstVerdict {
  importMs: number;
  firstMatcherMs: number;
  totalMs: number;
  loaded: string[];
}

/** bench/first-verdict.mjs in `runs` fresh processes: the median of each figure. */
function firstVerdict(runs: number): FirstVerdict | { skipped: string } {
  const script = fileURLToPath(new URL('./first-verdict.mjs', import.meta.url));
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  const results: FirstVerdict[] = [];
  try {
    for (let i = 0; i < runs; i++) results.push(JSON.parse(execFileSync(process.execPath, [script, dist], { encoding: 'utf8' }).trim()) as FirstVerdict);
  } catch (error) {
    return { skipped: `bench/first-verdict.mjs failed (run npm run build first): ${(error as Error).message.split('\n')[0]}` };
  }
  const mid = (pick: (r: FirstVerdict) => number) => results.map(pick).sort((a, b) => a - b)[runs >> 1];
  return { importMs: mid((r) => r.importMs), firstMatcherMs: mid((r) => r.firstMatcherMs), totalMs: mid((r) => r.totalMs), loaded: results[0].loaded };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, 'no-browser': { type: 'boolean' }, json: { type: 'string' }, check: { type: 'boolean' } },
    strict: true,
  });
  const quick = values.quick === true;
  const info = machine();
  console.log(`corsproof benchmark · node ${info.node} · ${info.cpu} · ${info.cores} cores (nproc ${info.nproc})${quick ? ' · --quick' : ''}\n`);

  const details: string[] = [];
  const scenarios = loadCorpus();
  const corpus: CorpusFigures[] = [];
  const corpusOptions = quick ? { rounds: 5, passesPerRound: 2, warmupPasses: 10 } : { rounds: 15, passesPerRound: 5, warmupPasses: 40 };
  for (const engine of ['chromium', 'firefox', 'webkit'] as EngineName[]) corpus.push(await benchCorpus(scenarios, engine, corpusOptions));
  details.push(
    table(
      `Conformance corpus replayed in-process (${scenarios.length} scenarios, scenario transport)`,
      ['engine', 'verdicts/s', 'µs/verdict', 'ms/pass', 'first pass ms', 'allowed', 'blocked'],
      corpus.map((c) => [c.engine, c.rate.perSecond, c.rate.micros, c.passMs, c.firstPassMs, c.allowed, c.blocked]),
    ),
  );

  const handlerOptions = quick ? { batch: 300, rounds: 5 } : { batch: 2000, rounds: 15 };
  const handler: HandlerFigures[] = [];
  for (const c of HANDLER_CASES) handler.push(await benchHandler(c, handlerOptions));
  details.push(
    table(
      'One emulated request vs the same Hono fetch handler called directly (same wire requests, body read)',
      ['request', 'ratio', 'requests', 'emulated µs', 'direct µs'],
      handler.map((h) => [h.name, ratio(h.ratio.ratio), h.requests, h.ratio.a.micros, h.ratio.b.micros]),
    ),
  );

  const matchers: MatcherFigures[] = await benchMatchers(quick ? { batch: 20, rounds: 3 } : { batch: 150, rounds: 9 });
  for (const app of ['express', 'hono'] as const) {
    const rows = matchers.filter((m) => m.app === app);
    details.push(
      app === 'hono'
        ? table(
            'Matchers on an in-process Hono app (3 engines each) vs app.request() with the same requests, and vs one app.request()',
            ['matcher', 'vs same requests', 'vs one request', 'handler calls', 'matcher µs', 'same requests µs'],
            rows.map((m) => [m.matcher, ratio(m.sameRequests!.ratio), ratio(m.ratio.ratio), m.handlerCalls, m.sameRequests!.a.micros, m.sameRequests!.b.micros]),
          )
        : table(
            `Matchers on an in-process Express app (3 engines each) vs ${rows[0].baseline}`,
            ['matcher', 'ratio', 'per handler call', 'handler calls', 'matcher µs', 'plain µs'],
            rows.map((m) => [m.matcher, ratio(m.ratio.ratio), ratio(m.ratio.ratio / m.handlerCalls), m.handlerCalls, m.ratio.a.micros, m.ratio.b.micros]),
          ),
    );
  }

  const chromium = corpus[0];
  let browser: BrowserFigures = { skipped: '--no-browser' };
  if (!values['no-browser']) browser = await benchBrowser(fileURLToPath(CORPUS_FILE), 180_000);
  if ('skipped' in browser) {
    details.push(`Real browser: skipped (${browser.skipped})`);
  } else {
    details.push(
      table(
        'The same corpus in headless Chromium (harness.mjs as a child process, browser start-up included)',
        ['run', 'emulator is faster by', 'scenarios', 'ms'],
        [
          ['Chromium', '', `${browser.completed}/${browser.scenarios}`, browser.ms],
          ['emulator, steady pass (chromium)', ratio(browser.ms / chromium.passMs), chromium.scenarios, chromium.passMs],
          ['emulator, first pass (chromium)', ratio(browser.ms / chromium.firstPassMs), chromium.scenarios, chromium.firstPassMs],
        ],
      ),
    );
  }

  const first = firstVerdict(quick ? 1 : 5);
  details.push(
    'skipped' in first
      ? `First verdict in a fresh process: skipped (${first.skipped})`
      : table(
          `First verdict in a fresh process (median of ${quick ? 1 : 5}): import of corsproof/vitest, then one toAllowOrigin on a Hono app`,
          ['import ms', 'first matcher ms', 'total ms', 'modules loaded'],
          [[first.importMs, first.firstMatcherMs, first.totalMs, first.loaded.filter((m) => !m.startsWith('corsproof/')).join(' ')]],
        ),
  );

  const heap: HeapFigures = await benchHeap(quick ? 40_000 : 100_000);
  details.push(
    `${table(
      `Heap after ${formatNumber(heap.verdicts)} verdicts sharing one PreflightCache (50,000 URLs, half preflighted)${heap.exposedGc ? '' : ' (gc via v8 flags: run with --expose-gc)'}`,
      ['heap growth bytes', 'bytes/verdict', 'second half growth bytes', 'cache entries', 'cache bound'],
      [[heap.growth, heap.bytesPerVerdict, heap.secondHalfGrowth, heap.cacheSize, heap.cacheMax]],
    )}`,
  );

  const simple = handler.find((h) => h.name === 'simple GET')!;
  const preflighted = handler.find((h) => h.name === 'preflighted PUT')!;
  const hono = matchers.filter((m) => m.app === 'hono');
  const worstHono = hono.reduce((a, b) => (a.sameRequests!.ratio > b.sameRequests!.ratio ? a : b));
  const noBrowser = 'skipped' in browser ? browser.skipped : null;
  const warm = 'skipped' in browser ? 0 : browser.ms / chromium.passMs;
  const cold = 'skipped' in browser ? 0 : browser.ms / chromium.firstPassMs;
  const checks: Array<[string, boolean | null, string]> = [
    [`an emulated simple request <= ${TARGETS.simpleRequestRatio}x the bare handler call`, simple.ratio.ratio <= TARGETS.simpleRequestRatio, ratio(simple.ratio.ratio)],
    [`an emulated preflighted request <= ${TARGETS.preflightedRequestRatio}x its two bare handler calls`, preflighted.ratio.ratio <= TARGETS.preflightedRequestRatio, ratio(preflighted.ratio.ratio)],
    [
      `every three-engine matcher on Hono <= ${TARGETS.honoMatcherRatio}x app.request() with the same requests`,
      worstHono.sameRequests!.ratio <= TARGETS.honoMatcherRatio,
      `worst ${worstHono.matcher}: ${ratio(worstHono.sameRequests!.ratio)} (${hono.map((m) => `${m.matcher} ${ratio(m.sameRequests!.ratio)}`).join(', ')})`,
    ],
    [`>= ${TARGETS.browserSpeedupWarm}x headless Chromium on the corpus, warm`, noBrowser ? null : warm >= TARGETS.browserSpeedupWarm, noBrowser ?? ratio(warm)],
    [`>= ${TARGETS.browserSpeedupCold}x headless Chromium on the corpus, first cold pass`, noBrowser ? null : cold >= TARGETS.browserSpeedupCold, noBrowser ?? ratio(cold)],
    ['heap stays bounded (no growth over the second 50%)', heap.secondHalfGrowth < heap.verdicts * 2, `${formatNumber(heap.secondHalfGrowth)} bytes`],
  ];
  console.log(`Targets (ratios measured in this run)\n${checks.map(([what, ok, figure]) => `  ${ok === null ? 'skip' : ok ? 'met ' : 'MISS'}  ${what}: ${figure}`).join('\n')}`);
  if (!('skipped' in first)) console.log(`  info  first verdict in a fresh process: ${formatNumber(first.totalMs)} ms (import ${formatNumber(first.importMs)} ms, first matcher ${formatNumber(first.firstMatcherMs)} ms)`);
  console.log(`  info  slowest engine on the corpus: ${slowestLine(corpus)} (absolute rates swing 3x between runs; no target)`);
  console.log(`\n${details.join('\n\n')}`);

  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ machine: info, targets: checks, corpus, handler, matchers, browser, firstVerdict: first, heap }, null, 1));
  }
  return values.check && checks.some(([, ok]) => ok === false) ? 1 : 0;
}

function slowestLine(corpus: CorpusFigures[]): string {
  const slowest = corpus.reduce((a, b) => (a.rate.perSecond < b.rate.perSecond ? a : b));
  return `${slowest.engine}, ${formatNumber(slowest.rate.perSecond)} verdicts/s`;
}

process.exitCode = await main();
