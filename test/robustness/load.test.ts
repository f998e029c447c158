/**
 * Load: thousands of concurrent matcher calls against one in-process app (Express with `cors`, Hono with
 * `hono/cors`) all complete, and every call of a kind gives the same verdict as one made alone: no shared state
 * leaks between concurrent simulations (preflight caches, connectors, header buffers).
 *
 * Size: 10 000 concurrent calls per app, each on the three browser engines (the matchers' default), so 30 000
 * simulations in flight. Measured on 2 cores: about 16 s on Express and 8 s on Hono, up to 2.5 GB of memory.
 */
import { describe, expect, it } from 'vitest';
import { corsMatchers, type MatcherContextLike, type MatcherResult } from '../../src/matchers/index.js';
import type { EngineName } from '../../src/types.js';
import { APP, EVIL, allowListApi, honoApi } from '../matchers/apps.js';

const CONCURRENT = 10_000;
const BROWSERS: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

const ctx: MatcherContextLike = { isNot: false, promise: '' };

interface Kind {
  name: string;
  /** What the call must give, alone or among thousands. */
  pass: boolean;
  call: (app: unknown, engines: readonly EngineName[]) => Promise<MatcherResult>;
}

/** Three kinds of call, interleaved: allowed, blocked, and a preflighted request that passes. */
const KINDS: Kind[] = [
  { name: 'toAllowOrigin(APP)', pass: true, call: (app, engines) => corsMatchers.toAllowOrigin.call(ctx, app, APP, { engines }) as Promise<MatcherResult> },
  { name: 'toAllowOrigin(EVIL)', pass: false, call: (app, engines) => corsMatchers.toAllowOrigin.call(ctx, app, EVIL, { engines }) as Promise<MatcherResult> },
  {
    name: 'toPassPreflight(PUT + content-type)',
    pass: true,
    call: (app, engines) => corsMatchers.toPassPreflight.call(ctx, app, { origin: APP, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}', engines }),
  },
];

async function hammer(app: unknown, engines: readonly EngineName[], count: number): Promise<void> {
  // Each kind alone first: the reference verdict (pass and the whole message, which lists every exchange).
  const reference = await Promise.all(KINDS.map(async (k) => {
    const r = await k.call(app, engines);
    return { pass: r.pass, message: r.message() };
  }));
  expect(reference.map((r) => r.pass)).toEqual(KINDS.map((k) => k.pass));

  const calls: Array<Promise<MatcherResult>> = [];
  for (let i = 0; i < count; i++) calls.push(KINDS[i % KINDS.length].call(app, engines));
  const results = await Promise.all(calls);

  expect(results).toHaveLength(count);
  const differing = new Map<string, number>();
  results.forEach((r, i) => {
    const k = i % KINDS.length;
    if (r.pass !== reference[k].pass || r.message() !== reference[k].message) differing.set(KINDS[k].name, (differing.get(KINDS[k].name) ?? 0) + 1);
  });
  expect(Object.fromEntries(differing)).toEqual({});
}

describe.each([
  ['Express with cors', allowListApi],
  ['Hono with hono/cors', honoApi],
] as const)('%s under load', (_name, makeApp) => {
  const app = makeApp();

  it(`${CONCURRENT} concurrent matcher calls (chromium, firefox and webkit each) complete with identical verdicts`, async () => {
    await hammer(app, BROWSERS, CONCURRENT);
  }, 240_000);
});
