/**
 * Per-matcher overhead: one matcher call on an in-process app (three engines, as the matchers run by default)
 * against the plain requests the user would otherwise write: `supertest(app).get(...).set('Origin', ...)` for
 * Express; for Hono, which supertest cannot drive without a Node adapter, Hono's own `app.request(...)` with
 * the same requests the matcher sent (recorded from one call: one request, or a preflight and the request).
 * Each matcher is called as Vitest/Jest call it (`this` = matcher context) and must pass: a failing call
 * would time the message path instead.
 */
import request from 'supertest';
import { corsMatchers } from '../src/matchers/index.js';
import type { MatcherContextLike, MatcherResult } from '../src/matchers/index.js';
import { API_BASE, type Counter, expressApp, honoApp, PAGE, STRANGER } from './apps.js';
import { measureRatio, type MeasureOptions, type Ratio } from './measure.js';

type AnyMatcher = (this: MatcherContextLike, received: unknown, ...args: unknown[]) => MatcherResult | Promise<MatcherResult>;

const URL_ = `${API_BASE}/items`;

/** Each matcher with arguments under which it passes against the policy in bench/apps.ts. */
export const MATCHER_CALLS: ReadonlyArray<{ name: keyof typeof corsMatchers; args: unknown[] }> = [
  { name: 'toAllowOrigin', args: [PAGE, { url: URL_ }] },
  { name: 'toAllowCredentials', args: [PAGE, { url: URL_ }] },
  { name: 'toExposeHeaders', args: ['x-total-count', { url: URL_, origin: PAGE }] },
  { name: 'toPassPreflight', args: [{ url: URL_, origin: PAGE, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }] },
  { name: 'toAllowMethods', args: [['PUT', 'PATCH'], { url: URL_, origin: PAGE }] },
  { name: 'toAllowHeaders', args: [['x-csrf-token'], { url: URL_, origin: PAGE }] },
  { name: 'toBeBlockedByCors', args: [{ url: URL_, origin: STRANGER }] },
];

export interface MatcherFigures {
  app: 'express' | 'hono';
  baseline: string;
  matcher: string;
  /** Requests the app answered for one matcher call (the plain call makes one). */
  handlerCalls: number;
  ratio: Ratio;
  /** Hono: the matcher against `app.request()` with exactly the requests it sent (the target's measure). */
  sameRequests?: Ratio;
}

const CONTEXT: MatcherContextLike = { isNot: false };

async function callMatcher(name: keyof typeof corsMatchers, target: unknown, args: unknown[]): Promise<void> {
  const matcher = corsMatchers[name] as AnyMatcher;
  const result = await matcher.call(CONTEXT, target, ...args);
  if (!result.pass) throw new Error(`${name} did not pass in the benchmark:\n${result.message()}`);
}

export async function benchMatchers(options: MeasureOptions, only?: 'express' | 'hono'): Promise<MatcherFigures[]> {
  const out: MatcherFigures[] = [];
  const counter: Counter = { calls: 0 };
  const express = expressApp(counter);
  const hono = honoApp(counter);
  const apps = [
    {
      app: 'express' as const,
      target: express as unknown,
      baseline: "supertest(app).get('/items').set('Origin', ...)",
      plain: async () => {
        const res = await request(express).get('/items').set('Origin', PAGE);
        if (res.status !== 200) throw new Error(`supertest got ${res.status}`);
      },
    },
    {
      app: 'hono' as const,
      target: hono as unknown,
      baseline: "app.request('/items', { headers: { Origin } })",
      plain: async () => {
        const res = await hono.request('/items', { headers: { Origin: PAGE } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`app.request got ${res.status}`);
      },
    },
  ].filter((a) => only === undefined || a.app === only);
  for (const a of apps) {
    for (const call of MATCHER_CALLS) {
      counter.calls = 0;
      counter.seen = [];
      await callMatcher(call.name, a.target, call.args);
      const seen = counter.seen;
      counter.seen = undefined;
      const handlerCalls = counter.calls;
      const matcher = () => callMatcher(call.name, a.target, call.args);
      const ratio = await measureRatio(matcher, a.plain, options);
      let sameRequests: Ratio | undefined;
      if (a.app === 'hono') {
        const replay = async () => {
          for (const r of seen) {
            const res = await hono.request(r.url, { method: r.method, headers: r.headers, body: r.body });
            await res.arrayBuffer();
          }
        };
        sameRequests = await measureRatio(matcher, replay, options);
      }
      out.push({ app: a.app, baseline: a.baseline, matcher: call.name, handlerCalls, ratio, ...(sameRequests ? { sameRequests } : {}) });
    }
  }
  return out;
}
