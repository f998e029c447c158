/**
 * Property-based robustness of simulate(), under every engine (chromium, firefox, webkit, spec), on generated
 * requests and generated servers (scenarios.ts): arbitrary statuses, repeated/empty/huge/non-ASCII/malformed CORS
 * headers, odd list syntax, redirect chains and loops, bodies of every type, misbehaving transports. It proves:
 * 1. simulate() resolves to a well-formed verdict or rejects with a typed error (an InvalidArgumentError, before
 *    anything goes on the wire), and never throws anything else;
 * 2. a blocked verdict carries a reason code, Chromium's console line where Chromium prints one, Firefox's
 *    message and a fix line;
 * 3. an allowed verdict has the type, passes the CORS check and exposes exactly the headers that an oracle written
 *    from the Fetch Standard (oracle.ts) allows: never one the browser hides;
 * 4. re-casing request and response header names does not change the verdict;
 * 5. the same inputs give the same verdict.
 * Runs and seed: fuzz-config.ts (CORSPROOF_FUZZ_RUNS, CORSPROOF_FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, simulateEngines } from '../../src/simulate.js';
import { consoleLine, consoleMessage, fixSentence } from '../../src/report/describe.js';
import { CorsproofError, InvalidArgumentError } from '../../src/errors.js';
import { REASON_CODES } from '../../src/matchers/reason-codes.js';
import type { EngineName, ReasonCode, Transport, Verdict } from '../../src/types.js';
import { fuzzParameters, runsFor, timeoutFor } from './fuzz-config.js';
import { caseFreeProjection, corsCheckPasses, fullProjection, get, serializedRequestOrigin, tainting, visibleHeaders, webkitReads, wireKey, type FilteredType } from './oracle.js';
import { buildRequest, deadlineFor, exposureScenarioArb, recaseScenario, scenarioArb, scriptedTransport, type Scenario, type Served } from './scenarios.js';

const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit', 'spec'];
/** Default runs per property and engine: 5 properties × 4 engines × 300 runs take about 4 s on 2 cores. */
const RUNS = 300;
const TIMEOUT = timeoutFor(RUNS, 5);

type Outcome = { verdict: Verdict; error?: undefined; served: Served[] } | { verdict?: undefined; error: unknown; served: Served[] };

async function run(s: Scenario, engine: EngineName): Promise<Outcome> {
  const { transport, served } = scriptedTransport(s);
  const timeoutMs = deadlineFor(s);
  const request = buildRequest(s.request);
  try {
    return { verdict: await simulate(request, { transport, engine, ...(timeoutMs === undefined ? {} : { timeoutMs }) }), served };
  } catch (error) {
    return { error, served };
  }
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
/**
 * Reason codes for which Chromium prints no "blocked by CORS policy" line: network errors (a `Location` that does
 * not parse is `net::ERR_INVALID_REDIRECT`), redirect limits, TypeErrors at fetch().
 */
const CHROMIUM_SILENT: readonly ReasonCode[] = ['NetworkError', 'Timeout', 'TooManyRedirects', 'UnexpectedRedirect', 'ForbiddenMethod', 'MethodNotAllowedInNoCors', 'InvalidRedirectLocation', 'CredentialsInUrl', 'BadPort'];
/**
 * Silent only sometimes (recorded): a redirect to a scheme fetch() cannot load, or to a URL with credentials, is
 * refused without a CORS line outside mode `cors`; so is a redirect to `data:`, `blob:`, `about:` or `file:`, and
 * credentials in a redirect that stays in the page's origin.
 */
function chromiumMaySkip(reason: NonNullable<Verdict['reason']>, s: Scenario): boolean {
  if (reason.code !== 'CorsDisabledScheme' && reason.code !== 'RedirectContainsCredentials') return false;
  if ((s.request.mode ?? 'cors') !== 'cors') return true;
  return s.hops.some((hop) => hop.response.headers.some(([name, value]) => name.toLowerCase() === 'location' && (/^\s*(data|blob|about|file|filesystem):/i.test(value) || /@/.test(value))));
}
/**
 * Failures Firefox prints no console message for (recorded): fetch() throws on a forbidden method or a method
 * mode no-cors refuses, and a redirect refused by redirect mode 'error' or a no-cors request's redirect mode is
 * only the promise's rejection.
 */
const FIREFOX_SILENT: readonly ReasonCode[] = ['ForbiddenMethod', 'MethodNotAllowedInNoCors', 'UnexpectedRedirect', 'NoCorsRedirectModeNotFollow'];
/** Failures of the preflight itself. */
const PREFLIGHT_CODES: readonly ReasonCode[] = [
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed', 'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials',
  'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse', 'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
];
/** Failures of the CORS check on the response to the request itself (not the preflight). */
const RESPONSE_CHECK_CODES: readonly ReasonCode[] = ['WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue', 'AllowOriginMismatch', 'InvalidAllowCredentials'];

/** The verdict matches what went on the wire, call for call. */
function expectWireRecord(v: Verdict, served: readonly Served[]): void {
  expect(v.exchanges.map((e) => [e.kind === 'preflight', e.request.method, e.request.url])).toEqual(served.map((c) => [c.preflight, c.method, c.url]));
  v.exchanges.forEach((e, i) => {
    if (e.error !== undefined) expect(e.response).toBeUndefined();
    const answer = served[i].answer;
    if (answer) expect(e.response?.status).toBe(answer.status);
  });
}

function expectWellFormedBlocked(v: Verdict, s: Scenario, served: readonly Served[]): void {
  expect(v.allowed).toBe(false);
  expect(v.response).toBeUndefined();
  const reason = v.reason!;
  expect(REASON_CODES).toContain(reason.code);
  expect(URL.canParse(reason.url)).toBe(true);
  // The fix: one sentence, filled in; as data, a list of changes or the reason there is none.
  const fix = fixSentence(v);
  expect(fix.length).toBeGreaterThan(20);
  expect(fix).not.toMatch(/undefined|\[object |\n/);
  if (reason.fix === null) expect(['request', 'no-answer']).toContain(reason.unfixable);
  else expect(reason.fix.length).toBeGreaterThan(0);
  // Chromium's console line, where Chromium prints one, names the URL (and where the redirects started) and the page's origin.
  const chromium = consoleMessage(v, 'chromium');
  if (CHROMIUM_SILENT.includes(reason.code)) expect(chromium).toBe('');
  else if (chromium === '' && chromiumMaySkip(reason, s)) {
    // Nothing to check: the refusal is silent.
  } else if (reason.code === 'DisallowedByMode' || reason.code === 'NoCorsRedirectModeNotFollow') {
    // Refused by Blink's fetch before any CORS check, in its own words: they name a URL of the request.
    expect(chromium).toMatch(/^(Fetch API cannot load|Unsafe attempt to load URL) /);
    expect(chromium.includes(reason.url) || chromium.includes(s.request.url)).toBe(true);
  } else {
    // A redirect to a scheme fetch() cannot load names the redirect's target, as the URL fetched (recorded).
    if (reason.code === 'CorsDisabledScheme') expect(chromium).toMatch(/^Access to fetch at '[a-zA-Z][a-zA-Z0-9+.-]*:[^']*' \(redirected from /);
    else expect(chromium.startsWith(`Access to fetch at '${reason.url}' `)).toBe(true);
    expect(chromium).toContain(`from origin '${s.request.origin}' has been blocked by CORS policy: `);
    if (reason.url !== s.request.url) expect(chromium).toContain(`(redirected from '${s.request.url}')`);
    expect(chromium).not.toMatch(/undefined|\[object /);
  }
  // Firefox: a CORS reason key (versioned: `CORSMissingAllowOrigin2`), the principal's same-origin check, or none;
  // a console message in mode cors (outside it, some refusals are silent).
  expect(consoleLine(v, 'firefox')?.code ?? '').toMatch(/^(CORS[A-Za-z0-9]+|CheckSameOriginError)?$/);
  if ((s.request.mode ?? 'cors') === 'cors' && !FIREFOX_SILENT.includes(reason.code)) expect(consoleMessage(v, 'firefox').length).toBeGreaterThan(20);
  expect(consoleMessage(v, 'firefox')).not.toMatch(/undefined|\[object /);
  // WebKit: its lines, none of them unfilled.
  expect(consoleMessage(v, 'webkit')).not.toMatch(/undefined|\[object /);
  // The preflight flag agrees with the code and with what went on the wire.
  const last = served[served.length - 1];
  if (PREFLIGHT_CODES.includes(reason.code)) {
    expect(reason.preflight).toBe(true);
    expect(last.preflight).toBe(true);
  }
  if (RESPONSE_CHECK_CODES.includes(reason.code)) {
    expect(reason.preflight).toBe(false);
    expect(last.preflight).toBe(false);
    expect(reason.url).toBe(last.url);
  }
  if (reason.preflight) expect(last.preflight).toBe(true);
}

/** Well-formed servers, and one run in five the exposure cases: credentials modes against `*` and name lists. */
const allowingScenarios = fc.oneof({ weight: 4, arbitrary: scenarioArb({ wellFormed: true }) }, { weight: 1, arbitrary: exposureScenarioArb() });

function expectSameError(a: unknown, b: unknown): void {
  expect(a).toBeInstanceOf(InvalidArgumentError);
  expect(b).toBeInstanceOf(InvalidArgumentError);
  const [x, y] = [a as InvalidArgumentError, b as InvalidArgumentError];
  expect([y.name, y.code, y.argument]).toEqual([x.name, x.code, x.argument]);
}

describe.each(ENGINES)('simulate() on generated requests and servers, engine %s', (engine) => {
  it('resolves to a well-formed verdict or rejects with an InvalidArgumentError before anything is sent, nothing else', async () => {
    const seen = { allowed: 0, blocked: 0, typedErrors: 0, transportFailures: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb({ wellFormed: false }), async (s) => {
        const out = await run(s, engine);
        if (out.verdict === undefined) {
          expect(out.error).toBeInstanceOf(CorsproofError);
          expect(out.error).toBeInstanceOf(InvalidArgumentError);
          expect((out.error as InvalidArgumentError).code).toBe('ERR_CORSPROOF_INVALID_ARGUMENT');
          expect((out.error as InvalidArgumentError).argument).toMatch(/^request\.(method|headers|body)$/);
          expect(out.served).toEqual([]);
          seen.typedErrors++;
          return;
        }
        const v = out.verdict;
        expect(v.engine).toBe(engine);
        expectWireRecord(v, out.served);
        if (v.allowed) {
          expect(v.reason).toBeUndefined();
          expect(['basic', 'cors', 'opaque', 'opaqueredirect']).toContain(v.response?.type);
          seen.allowed++;
        } else {
          expect(v.response).toBeUndefined();
          expect(REASON_CODES).toContain(v.reason?.code);
          seen.blocked++;
          if (v.exchanges.some((e) => e.error !== undefined)) seen.transportFailures++;
        }
      }),
      fuzzParameters(RUNS),
    );
    // Every kind of outcome came up: the property was not vacuous.
    const runs = runsFor(RUNS);
    expect(seen.allowed).toBeGreaterThan(runs * 0.05);
    expect(seen.blocked).toBeGreaterThan(runs * 0.2);
    expect(seen.typedErrors).toBeGreaterThan(0);
    expect(seen.transportFailures).toBeGreaterThan(0);
  }, TIMEOUT);

  it('a blocked verdict carries a reason code, the console messages and a fix', async () => {
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenarioArb({ wellFormed: false }), async (s) => {
        const out = await run(s, engine);
        if (out.verdict === undefined || out.verdict.allowed) return;
        expectWellFormedBlocked(out.verdict, s, out.served);
        codes.add(out.verdict.reason!.code);
      }),
      fuzzParameters(RUNS),
    );
    // Blocked for many different reasons, preflight and redirect failures included.
    expect(codes.size).toBeGreaterThanOrEqual(12);
    expect([...codes].some((c) => PREFLIGHT_CODES.includes(c as ReasonCode))).toBe(true);
    expect([...codes].some((c) => RESPONSE_CHECK_CODES.includes(c as ReasonCode))).toBe(true);
  }, TIMEOUT);

  it('an allowed verdict exposes only the headers the Fetch Standard lets script read', async () => {
    const seen = { cors: 0, hidden: 0, exposedByList: 0, credentialedStarHidden: 0, basic: 0, opaque: 0 };
    await fc.assert(
      fc.asyncProperty(allowingScenarios, async (s) => {
        const out = await run(s, engine);
        if (out.verdict === undefined || !out.verdict.allowed) return;
        const response = out.verdict.response!;
        const actual = out.served.filter((c) => !c.preflight);
        const final = actual[actual.length - 1];
        const answer = final.answer!;
        const urls = actual.map((c) => c.url);
        const mode = s.request.mode ?? 'cors';
        const redirect = s.request.redirect ?? 'follow';
        const credentials = s.request.credentials ?? 'same-origin';

        // The response is the one main fetch ends with: not a redirect it should have followed or refused.
        const isRedirect = REDIRECT_STATUSES.includes(answer.status);
        if (isRedirect && redirect === 'follow') expect(get(answer.headers, 'location')).toBeNull();
        if (redirect === 'error') expect(isRedirect).toBe(false);
        const taint = tainting(urls, s.request.origin, mode, redirect);
        expect(taint).not.toBeNull();
        const type: FilteredType = redirect === 'manual' && isRedirect ? 'opaqueredirect' : taint!;
        expect(response.type).toBe(type);
        if (taint === 'cors') expect(corsCheckPasses(answer.headers, serializedRequestOrigin(urls, s.request.origin), credentials)).toBe(true);

        // What script reads: never a header the oracle hides, with the value the oracle gives.
        const oracle = visibleHeaders(answer.headers, type, credentials);
        expect(Object.keys(response.headers).filter((name) => !Object.hasOwn(oracle, name))).toEqual([]);
        for (const [name, value] of Object.entries(response.headers)) expect(value).toBe(engine === 'webkit' ? webkitReads(oracle[name]) : oracle[name]);
        // The standard's own engine shows exactly what the standard says.
        if (engine === 'spec') expect(response.headers).toEqual(oracle);

        if (type === 'basic' || type === 'cors') {
          expect([response.status, response.statusText, response.url, response.redirected]).toEqual([answer.status, answer.statusText, final.url, urls.length > 1]);
          // Byte for byte (Buffer.equals: a 200 kB body compared element by element by toEqual costs seconds).
          expect(Buffer.from(response.body).equals(Buffer.from(answer.body))).toBe(true);
        } else {
          expect([response.status, response.statusText, response.body.byteLength]).toEqual([0, '', 0]);
        }

        if (type === 'cors') {
          seen.cors++;
          const names = new Set(answer.headers.map(([n]) => n.toLowerCase()));
          if ([...names].some((n) => !Object.hasOwn(oracle, n))) seen.hidden++;
          if (Object.keys(response.headers).some((n) => !['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'].includes(n))) seen.exposedByList++;
          // `*` in Access-Control-Expose-Headers, credentials included, and a header that `*` would have exposed.
          const star = /(^|,)\s*\*\s*(,|$)/.test(get(answer.headers, 'access-control-expose-headers') ?? '');
          if (star && credentials === 'include' && answer.headers.some(([n]) => /^x-/i.test(n))) seen.credentialedStarHidden++;
        }
        if (type === 'basic') seen.basic++;
        if (type === 'opaque') seen.opaque++;
      }),
      fuzzParameters(RUNS),
    );
    // The oracle had real work: CORS responses with hidden headers, headers exposed through the list, other types.
    const runs = runsFor(RUNS);
    expect(seen.cors).toBeGreaterThan(runs * 0.05);
    expect(seen.hidden).toBeGreaterThan(0);
    expect(seen.exposedByList).toBeGreaterThan(0);
    expect(seen.credentialedStarHidden).toBeGreaterThan(0);
    expect(seen.basic).toBeGreaterThan(0);
    expect(seen.opaque).toBeGreaterThan(0);
  }, TIMEOUT);

  it('re-casing request and response header names does not change the verdict', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb({ wellFormed: false }), fc.nat(), async (s, mask) => {
        const a = await run(s, engine);
        // All lower case (the spelling a case-sensitive lookup would still find), all upper case, and a random mix.
        for (const casing of ['lower', 'upper', mask] as const) {
          const b = await run(recaseScenario(s, casing), engine);
          if (a.verdict === undefined || b.verdict === undefined) {
            expectSameError(a.error, b.error);
            continue;
          }
          expect(caseFreeProjection(b.verdict)).toEqual(caseFreeProjection(a.verdict));
          compared++;
        }
      }),
      fuzzParameters(RUNS),
    );
    expect(compared).toBeGreaterThan(runsFor(RUNS) * 1.5);
  }, TIMEOUT);

  it('the same inputs give the same verdict', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb({ wellFormed: false }), async (s) => {
        const [a, b] = [await run(s, engine), await run(s, engine)];
        if (a.verdict === undefined || b.verdict === undefined) {
          expectSameError(a.error, b.error);
          expect((b.error as Error).message).toBe((a.error as Error).message);
          return;
        }
        expect(fullProjection(b.verdict)).toEqual(fullProjection(a.verdict));
        compared++;
      }),
      fuzzParameters(RUNS),
    );
    expect(compared).toBeGreaterThan(runsFor(RUNS) * 0.5);
  }, TIMEOUT);
});

describe('simulateEngines() on generated requests and deterministic servers', () => {
  /** A scripted transport that also records the wire key of each request it gets. */
  function keyed(s: Scenario) {
    const { transport, served } = scriptedTransport(s);
    const keys: string[] = [];
    const wrapped: Transport = { name: transport.name, send: (wire, context) => (keys.push(wireKey(wire)), transport.send(wire, context)) };
    return { transport: wrapped, served, keys };
  }

  it('gives every engine the verdict of its own separate run, and sends each distinct request once', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb({ wellFormed: false }), async (scenario) => {
        // A fault keyed to the n-th call is not a deterministic server: the shared run makes fewer calls.
        const s: Scenario = { ...scenario, fault: null };
        const timeoutMs = deadlineFor(s);
        const timeout = timeoutMs === undefined ? {} : { timeoutMs };
        // A stream body is read once: each run gets a request of its own.
        const separate = await Promise.all(
          ENGINES.map(async (engine) => {
            const { transport, keys } = keyed(s);
            try {
              return { verdict: await simulate(buildRequest(s.request), { transport, engine, ...timeout }), keys };
            } catch (error) {
              return { error, keys };
            }
          }),
        );
        const { transport, keys } = keyed(s);
        let shared: Verdict[];
        try {
          shared = await simulateEngines(buildRequest(s.request), { transport, engines: ENGINES, ...timeout });
        } catch (error) {
          for (const outcome of separate) expectSameError(outcome.error, error);
          return;
        }
        separate.forEach((outcome, k) => expect(fullProjection(shared[k])).toEqual(fullProjection(outcome.verdict!)));
        compared++;
        // Each distinct conversation prefix is one request on the wire. (A FormData body gets a new random
        // multipart boundary per extraction, so separate runs send different bytes; the shared run extracts once.)
        if ((s.request.body as { kind?: string } | undefined)?.kind === 'formdata') return;
        const prefixes = new Set(separate.flatMap((o) => o.keys.map((_, i) => o.keys.slice(0, i + 1).join('\u0000'))));
        expect(keys.length).toBe(prefixes.size);
      }),
      fuzzParameters(RUNS),
    );
    expect(compared).toBeGreaterThan(runsFor(RUNS) * 0.5);
  }, TIMEOUT);
});
