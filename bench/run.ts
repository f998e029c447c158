/**
 * npm run bench [-- --quick] [--no-browser] [--json FILE] [--check]
 * (bench/bundle.mjs first bundles this file as tsup builds the package, then node runs the bundle)
 *
 * Measures, in one run, on this machine: verdicts per second on the shipped conformance corpus per engine; the
 * cost of an emulated request over the bare fetch handler; each matcher against a plain supertest / app.request
 * call; the same corpus in headless Chromium (when installed); heap growth over 100,000 verdicts. Prints the
 * tables and how each figure compares with its target. `--check` exits 1 when a target is missed.
 * Figures only mean something next to the machine they came from, so the machine is printed too.
 */
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

const TARGETS = {
  verdictsPerSecond: 50_000,
  simpleRequestRatio: 1.5,
  browserSpeedup: 200,
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, 'no-browser': { type: 'boolean' }, json: { type: 'string' }, check: { type: 'boolean' } },
    strict: true,
  });
  const quick = values.quick === true;
  const info = machine();
  console.log(`corsproof benchmark · node ${info.node} · ${info.cpu} · ${info.cores} cores (nproc ${info.nproc})${quick ? ' · --quick' : ''}\n`);

  const scenarios = loadCorpus();
  const corpus: CorpusFigures[] = [];
  const corpusOptions = quick ? { rounds: 5, passesPerRound: 2, warmupPasses: 10 } : { rounds: 15, passesPerRound: 5, warmupPasses: 40 };
  for (const engine of ['chromium', 'firefox', 'webkit'] as EngineName[]) corpus.push(await benchCorpus(scenarios, engine, corpusOptions));
  console.log(
    table(
      `Conformance corpus replayed in-process (${scenarios.length} scenarios, scenario transport)`,
      ['engine', 'verdicts/s', 'µs/verdict', 'ms/pass', 'first pass ms', 'allowed', 'blocked'],
      corpus.map((c) => [c.engine, c.rate.perSecond, c.rate.micros, c.passMs, c.firstPassMs, c.allowed, c.blocked]),
    ),
  );

  const handlerOptions = quick ? { batch: 300, rounds: 5 } : { batch: 2000, rounds: 15 };
  const handler: HandlerFigures[] = [];
  for (const c of HANDLER_CASES) handler.push(await benchHandler(c, handlerOptions));
  console.log(
    `\n${table(
      'One emulated request vs the same Hono fetch handler called directly (same wire requests, body read)',
      ['request', 'emulated µs', 'direct µs', 'ratio'],
      handler.map((h) => [h.name, h.ratio.a.micros, h.ratio.b.micros, ratio(h.ratio.ratio)]),
    )}`,
  );

  const matchers: MatcherFigures[] = await benchMatchers(quick ? { batch: 20, rounds: 3 } : { batch: 150, rounds: 9 });
  for (const app of ['express', 'hono'] as const) {
    const rows = matchers.filter((m) => m.app === app);
    console.log(
      `\n${table(
        `Matchers on an in-process ${app === 'express' ? 'Express' : 'Hono'} app (3 engines each) vs ${rows[0].baseline}`,
        ['matcher', 'handler calls', 'matcher µs', 'plain µs', 'ratio', 'per handler call'],
        rows.map((m) => [m.matcher, m.handlerCalls, m.ratio.a.micros, m.ratio.b.micros, ratio(m.ratio.ratio), ratio(m.ratio.ratio / m.handlerCalls)]),
      )}`,
    );
  }

  const chromium = corpus[0];
  let browser: BrowserFigures = { skipped: '--no-browser' };
  if (!values['no-browser']) browser = await benchBrowser(fileURLToPath(CORPUS_FILE), 180_000);
  if ('skipped' in browser) {
    console.log(`\nReal browser: skipped (${browser.skipped})`);
  } else {
    console.log(
      `\n${table(
        'The same corpus in headless Chromium (harness.mjs as a child process, browser start-up included)',
        ['run', 'scenarios', 'ms', 'emulator is faster by'],
        [
          ['Chromium', `${browser.completed}/${browser.scenarios}`, browser.ms, ''],
          ['emulator, steady pass (chromium)', chromium.scenarios, chromium.passMs, ratio(browser.ms / chromium.passMs)],
          ['emulator, first pass (chromium)', chromium.scenarios, chromium.firstPassMs, ratio(browser.ms / chromium.firstPassMs)],
        ],
      )}`,
    );
  }

  const heap: HeapFigures = await benchHeap(quick ? 40_000 : 100_000);
  console.log(
    `\n${table(
      `Heap after ${formatNumber(heap.verdicts)} verdicts sharing one PreflightCache (50,000 URLs, half preflighted)${heap.exposedGc ? '' : ' (gc via v8 flags: run with --expose-gc)'}`,
      ['heap growth bytes', 'bytes/verdict', 'second half growth bytes', 'cache entries', 'cache bound'],
      [[heap.growth, heap.bytesPerVerdict, heap.secondHalfGrowth, heap.cacheSize, heap.cacheMax]],
    )}`,
  );

  const simple = handler.find((h) => h.name === 'simple GET')!;
  const slowest = corpus.reduce((a, b) => (a.rate.perSecond < b.rate.perSecond ? a : b));
  const checks: Array<[string, boolean | null, string]> = [
    [`>= ${formatNumber(TARGETS.verdictsPerSecond)} verdicts/s in-process (every engine)`, slowest.rate.perSecond >= TARGETS.verdictsPerSecond, `slowest ${slowest.engine}: ${formatNumber(slowest.rate.perSecond)}`],
    [`emulated simple request <= ${TARGETS.simpleRequestRatio}x the bare handler`, simple.ratio.ratio <= TARGETS.simpleRequestRatio, ratio(simple.ratio.ratio)],
    [
      `>= ${TARGETS.browserSpeedup}x faster than a real browser on the corpus`,
      'skipped' in browser ? null : browser.ms / chromium.passMs >= TARGETS.browserSpeedup,
      'skipped' in browser ? browser.skipped : `${ratio(browser.ms / chromium.passMs)} (steady pass; cold first pass: ${ratio(browser.ms / chromium.firstPassMs)})`,
    ],
    ['heap stays bounded (no growth over the second 50%)', heap.secondHalfGrowth < heap.verdicts * 2, `${formatNumber(heap.secondHalfGrowth)} bytes`],
  ];
  console.log(`\nTargets\n${checks.map(([what, ok, figure]) => `  ${ok === null ? 'skip' : ok ? 'met ' : 'MISS'}  ${what}: ${figure}`).join('\n')}`);

  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ machine: info, corpus, handler, matchers, browser, heap, targets: checks }, null, 1));
  }
  return values.check && checks.some(([, ok]) => ok === false) ? 1 : 0;
}

process.exitCode = await main();
