/**
 * The probe matrix of a policy over a set of routes: which requests to make, and what a correct server does
 * with each. Per route, from the rules of the scope its path falls in:
 *
 * - every allowed origin (each exact origin, each pattern filled in, each predicate example) makes a simple
 *   `GET`, with credentials when the policy allows them: allowed;
 * - every allowed method that needs a preflight, and every allowed request header, from the first allowed
 *   origin: allowed, preflight included; every other allowed origin passes one preflight too;
 * - origins outside the policy (a foreign site, `null`, look-alikes of each allowed origin and pattern): refused,
 *   by the response and by the preflight;
 * - methods and headers outside the policy, credentials when the policy has none: refused;
 * - a path under the route that does not exist: its error response allows the first allowed origin too.
 *
 * Pure data: nothing is sent here. Identical requests are made once.
 */
import { InvalidArgumentError } from '../errors.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { isCorsSafelistedRequestHeader } from '../spec/request-headers.js';
import type { RequestCredentials_ } from '../types.js';
import type { DefinedCorsPolicy, PolicyScope, ResolvedCorsRules } from './define.js';
import { refusedOrigins, type RefusedOrigin } from './look-alikes.js';
import { describeRule, exampleOrigins } from './origin-rules.js';

export type Expectation =
  | { kind: 'origin-allowed'; origin: string; credentials: boolean }
  | { kind: 'preflight-origin-allowed'; origin: string; method: string }
  | { kind: 'method-allowed'; origin: string; method: string; credentials: boolean }
  | { kind: 'header-allowed'; origin: string; header: string; credentials: boolean }
  | { kind: 'error-response-allowed'; origin: string; credentials: boolean; path: string }
  | { kind: 'origin-refused'; origin: string; lookAlike: RefusedOrigin }
  | { kind: 'preflight-origin-refused'; origin: string; method: string; lookAlike: RefusedOrigin }
  | { kind: 'method-refused'; origin: string; method: string }
  | { kind: 'header-refused'; origin: string; header: string }
  | { kind: 'credentials-refused'; origin: string };

export interface PlannedProbe {
  /** Index of the route (in the plan's routes) the probe belongs to. */
  route: number;
  /** Path to request, relative to the target's base URL. */
  path: string;
  method: string;
  origin: string;
  headers: Array<[string, string]>;
  credentials: RequestCredentials_;
  /** Judge the preflight only: the request after it is answered here and never sent. */
  holdActual: boolean;
  expect: Expectation;
  /** The probe should be allowed (true) or blocked (false). */
  allowed: boolean;
}

export interface PlannedRoute {
  /** As declared (`/items/:id`). */
  template: string;
  /** As requested (`/items/1`). */
  path: string;
  /** The route's own methods (empty: every method). */
  methods: readonly string[];
  scope: PolicyScope;
}

/** The header added to a request to ask for a header the policy does not list. */
export const UNLISTED_HEADER = 'x-corsproof-unlisted';
/** The path probed under each route scope for an error response. */
export const NOT_FOUND_SEGMENT = 'corsproof-not-found';
const REFUSED_METHOD_CANDIDATES = ['PUT', 'PATCH', 'DELETE'];

export interface PlanOptions {
  /** `'all'`: send the actual requests after preflights; `'safe'`: only GET and HEAD, the rest judged by their preflight. */
  actualRequests: 'all' | 'safe';
}

/** The allowed origins to probe with; a predicate without examples cannot be probed. */
export function allowedOrigins(rules: ResolvedCorsRules, argument: string): string[] {
  if (rules.origins.any) return ['https://any-origin.example'];
  const out: string[] = [];
  for (const rule of rules.origins.rules) {
    if (rule.kind === 'predicate' && rule.examples.length === 0) {
      throw new InvalidArgumentError(
        argument,
        `${describeRule(rule)} allows origins corsproof cannot guess, so it cannot probe them`,
        "Give it examples: origins: [{ match: (origin) => ..., examples: ['https://tenant-1.app.example'] }].",
      );
    }
    for (const origin of exampleOrigins(rule)) if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

export function planProbes(policy: DefinedCorsPolicy, routes: readonly PlannedRoute[], options: PlanOptions, argument = 'policy'): PlannedProbe[] {
  const probes: PlannedProbe[] = [];
  const seen = new Set<string>();
  const add = (probe: PlannedProbe) => {
    const key = JSON.stringify([probe.path, probe.method, probe.origin, probe.headers, probe.credentials, probe.holdActual]);
    if (seen.has(key)) return;
    seen.add(key);
    probes.push(probe);
  };
  const notFoundDone = new Set<string>();
  routes.forEach((route, index) => {
    const rules = route.scope.rules;
    const allowed = allowedOrigins(rules, `${argument}${route.scope.key === '*' ? '' : `.routes['${route.scope.key}']`}.origins`);
    const credentials: RequestCredentials_ = rules.credentials ? 'include' : 'same-origin';
    const base = { route: index, path: route.path, headers: [] as Array<[string, string]> };
    const first = allowed[0];
    const routeAllows = (m: string) => route.methods.length === 0 || route.methods.includes(m) || (m === 'HEAD' && route.methods.includes('GET'));
    const preflighted = rules.methods.filter((m) => !isCorsSafelistedMethod(m) && routeAllows(m));
    const hold = (method: string) => options.actualRequests === 'safe' && method !== 'GET' && method !== 'HEAD';

    for (const origin of allowed) {
      add({ ...base, method: 'GET', origin, credentials, holdActual: false, allowed: true, expect: { kind: 'origin-allowed', origin, credentials: rules.credentials } });
    }
    if (first !== undefined) {
      for (const method of preflighted) {
        add({ ...base, method, origin: first, credentials, holdActual: hold(method), allowed: true, expect: { kind: 'method-allowed', origin: first, method, credentials: rules.credentials } });
      }
      for (const header of allowedHeaderProbes(rules)) {
        add({ ...base, method: 'GET', origin: first, headers: [header], credentials, holdActual: false, allowed: true, expect: { kind: 'header-allowed', origin: first, header: header[0], credentials: rules.credentials } });
      }
      const method = preflighted[0];
      if (method !== undefined) {
        for (const origin of allowed.slice(1)) {
          add({ ...base, method, origin, credentials, holdActual: hold(method), allowed: true, expect: { kind: 'preflight-origin-allowed', origin, method } });
        }
      }
    }
    // An error response (a path under the route that does not exist) must carry the headers its scope calls for.
    const notFound = notFoundPath(route);
    const notFoundRules = policy.scopeFor(notFound).rules;
    const notFoundOrigin = notFoundRules === rules ? first : allowedOrigins(notFoundRules, argument)[0];
    if (notFoundOrigin !== undefined && !notFoundDone.has(notFound)) {
      notFoundDone.add(notFound);
      const withCredentials = notFoundRules.credentials;
      add({ ...base, path: notFound, method: 'GET', origin: notFoundOrigin, credentials: withCredentials ? 'include' : 'same-origin', holdActual: false, allowed: true, expect: { kind: 'error-response-allowed', origin: notFoundOrigin, credentials: withCredentials, path: notFound } });
    }

    // Refused: origins outside the policy (without credentials: the laxest check a response can pass).
    const refused = refusedOrigins(rules.origins);
    for (const lookAlike of refused) {
      add({ ...base, method: 'GET', origin: lookAlike.origin, credentials: 'same-origin', holdActual: false, allowed: false, expect: { kind: 'origin-refused', origin: lookAlike.origin, lookAlike } });
    }
    const foreign = refused[0];
    const askMethod = preflighted[0] ?? 'PUT';
    if (foreign !== undefined && first !== undefined) {
      add({ ...base, method: askMethod, origin: foreign.origin, headers: contentTypeJson(), credentials: 'same-origin', holdActual: true, allowed: false, expect: { kind: 'preflight-origin-refused', origin: foreign.origin, method: askMethod, lookAlike: foreign } });
    }
    if (first === undefined) return;
    for (const method of refusedMethods(rules, route)) {
      add({ ...base, method, origin: first, credentials, holdActual: true, allowed: false, expect: { kind: 'method-refused', origin: first, method } });
    }
    if (rules.headers !== '*') {
      for (const header of [UNLISTED_HEADER, 'authorization'].filter((h) => !(rules.headers as readonly string[]).includes(h))) {
        add({ ...base, method: 'GET', origin: first, headers: [[header, 'corsproof']], credentials, holdActual: true, allowed: false, expect: { kind: 'header-refused', origin: first, header } });
      }
    }
    if (!rules.credentials && !rules.origins.any) {
      add({ ...base, method: 'GET', origin: first, credentials: 'include', holdActual: false, allowed: false, expect: { kind: 'credentials-refused', origin: first } });
    }
  });
  return probes;
}

/** One `[name, value]` per allowed header, each with a value that needs the server's permission. */
function allowedHeaderProbes(rules: ResolvedCorsRules): Array<[string, string]> {
  if (rules.headers === '*') return [['x-corsproof-any', 'corsproof'], ['authorization', 'Bearer corsproof']];
  return rules.headers.map((name) => [name, placeholderValue(name)]);
}

/**
 * A value the Fetch Standard never CORS-safelists for `name` (`application/json` for Content-Type, a `{` for the
 * language and accept headers), so the request needs a preflight that names the header.
 */
export function placeholderValue(lowerName: string): string {
  if (lowerName === 'content-type') return 'application/json';
  if (lowerName === 'authorization') return 'Bearer corsproof';
  return isCorsSafelistedRequestHeader(lowerName, 'corsproof') ? '{corsproof}' : 'corsproof';
}

function contentTypeJson(): Array<[string, string]> {
  return [['content-type', 'application/json']];
}

/** Methods to ask for that the policy refuses: the route's own ones first, then PUT, PATCH and DELETE. */
function refusedMethods(rules: ResolvedCorsRules, route: PlannedRoute): string[] {
  const candidates = [...route.methods, ...REFUSED_METHOD_CANDIDATES];
  const out: string[] = [];
  for (const m of candidates) {
    if (isCorsSafelistedMethod(m) || m === 'OPTIONS' || rules.methods.includes(m) || out.includes(m)) continue;
    out.push(m);
  }
  return out;
}

/** `/items/1/corsproof-not-found` for `/items/1`: a segment under the route that no app serves. */
function notFoundPath(route: PlannedRoute): string {
  return `${route.path.replace(/\/$/, '')}/${NOT_FOUND_SEGMENT}`;
}
