/**
 * `defineCorsPolicy({ origins, methods, headers, credentials, exposeHeaders, maxAge, routes })`: one declarative
 * description of what an API allows cross-origin, validated once. The same object builds mocks that answer as
 * a correct server would (`corsHandler`, `withCors`), holds a backend to it (`toMatchCorsPolicy`,
 * `corsproof verify`) and prints middleware options (`corsproof config`).
 */
import { InvalidArgumentError } from '../errors.js';
import { isToken } from '../spec/http.js';
import { isForbiddenMethod } from '../spec/methods.js';
import { isForbiddenRequestHeader } from '../spec/request-headers.js';
import { isForbiddenResponseHeaderName } from '../spec/response-headers.js';
import { describeValue, parseOriginRules, type OriginEntry, type OriginRules } from './origin-rules.js';
import { compareSpecificity, encloses, parseRouteKey, pathSegments, routeKeyMatches, type RouteKey } from './route-keys.js';

/** The rules of a policy, or of one route scope. */
export interface CorsPolicyRules {
  /** Page origins that may call the API: `'*'`, or exact origins, patterns (`https://*.app.example`) and predicates. */
  origins: '*' | OriginEntry | readonly OriginEntry[];
  /** Methods script may use. Default `['GET', 'HEAD', 'POST']` (the ones that need no preflight). */
  methods?: readonly string[];
  /** Request headers script may send: names, or `'*'` for any. Default none (only CORS-safelisted ones). */
  headers?: readonly string[] | '*';
  /** Whether requests with credentials (cookies, HTTP auth) are allowed. Default false. */
  credentials?: boolean;
  /** Response headers script may read beyond the CORS-safelisted ones. Default none. */
  exposeHeaders?: readonly string[];
  /** How long (seconds) browsers may cache a preflight answer: `Access-Control-Max-Age`. Default: not sent. */
  maxAge?: number;
}

/** What `defineCorsPolicy` takes (and `cors.policy.json` holds). */
export interface CorsPolicyConfig extends CorsPolicyRules {
  /** Rules for a route (`/items/:id`) or route prefix (`/admin/*`), over the top-level ones. */
  routes?: Readonly<Record<string, Partial<CorsPolicyRules>>>;
  /** Ignored: lets a JSON file name its schema. */
  $schema?: string;
}

/** Rules after validation: every default filled in, names normalized. */
export interface ResolvedCorsRules {
  origins: OriginRules;
  /** Upper-case, without duplicates. */
  methods: readonly string[];
  /** Lower-case names, or `'*'` (any header: a correct server echoes what the preflight asks for). */
  headers: readonly string[] | '*';
  credentials: boolean;
  /** Lower-case names. */
  exposeHeaders: readonly string[];
  maxAge: number | null;
}

export interface PolicyScope {
  /** The route key of the scope, or `'*'` for the top-level rules. */
  key: string;
  rules: ResolvedCorsRules;
}

const BRAND = Symbol.for('corsproof.policy');

/** A validated CORS policy. Build one with `defineCorsPolicy` or `loadCorsPolicy`. */
export interface DefinedCorsPolicy {
  /** Marks a validated policy (copies of corsproof in one project recognise each other's). */
  readonly kind: 'corsproof.policy';
  /** The top-level rules. */
  readonly rules: ResolvedCorsRules;
  /** Route scopes, most specific first. */
  readonly routes: ReadonlyArray<PolicyScope & { route: RouteKey }>;
  /** The scope that applies to a request path (`/items/42?x=1`): the most specific route key, else the top level. */
  scopeFor(path: string): PolicyScope;
  /** The policy as JSON (what `cors.policy.json` holds). Throws for a predicate origin, which JSON cannot hold. */
  toJSON(): CorsPolicyConfig;
}

/** The fields of a route scope, and of a policy (schemas/cors.policy.schema.json lists the same). */
export const RULE_KEYS = ['origins', 'methods', 'headers', 'credentials', 'exposeHeaders', 'maxAge'] as const;
export const TOP_KEYS = [...RULE_KEYS, 'routes', '$schema'] as const;
/** Names users reach for from other libraries, and the policy's word for them. */
const SYNONYMS: Record<string, string> = {
  origin: 'origins',
  allowOrigin: 'origins',
  allowedOrigins: 'origins',
  method: 'methods',
  allowMethods: 'methods',
  allowedMethods: 'methods',
  allowHeaders: 'headers',
  allowedHeaders: 'headers',
  requestHeaders: 'headers',
  exposedHeaders: 'exposeHeaders',
  expose: 'exposeHeaders',
  allowCredentials: 'credentials',
  'max-age': 'maxAge',
  maxage: 'maxAge',
  route: 'routes',
  paths: 'routes',
};
const DEFAULT_METHODS = ['GET', 'HEAD', 'POST'];

/** Validate a policy and fill in its defaults. Throws `InvalidArgumentError` naming the field, the problem and the fix. */
export function defineCorsPolicy(config: CorsPolicyConfig | DefinedCorsPolicy): DefinedCorsPolicy {
  if (isCorsPolicy(config)) return config;
  return buildPolicy(config, 'policy');
}

/** Whether `value` is a policy made by `defineCorsPolicy` or `loadCorsPolicy`. */
export function isCorsPolicy(value: unknown): value is DefinedCorsPolicy {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** `defineCorsPolicy`, with `argument` naming the value in errors (e.g. the file it came from). */
export function buildPolicy(config: unknown, argument: string): DefinedCorsPolicy {
  // A copy: changing the config object afterwards changes neither the rules nor what toJSON() writes.
  const input = copy(readObject(config, argument, TOP_KEYS)) as Record<string, unknown>;
  const rules = resolveRules(input, null, argument);
  const routes: Array<PolicyScope & { route: RouteKey }> = [];
  if (input.routes !== undefined) {
    const table = readObject(input.routes, `${argument}.routes`, null);
    const entries: Array<{ key: string; route: RouteKey; value: Record<string, unknown>; where: string }> = [];
    for (const [key, value] of Object.entries(table)) {
      const where = `${argument}.routes['${key}']`;
      const route = parseRouteKey(key, `${argument}.routes key`);
      const clash = entries.find((r) => r.route.prefix === route.prefix && r.route.segments.join('\0') === route.segments.join('\0'));
      if (clash) throw new InvalidArgumentError(where, `it is the same route as '${clash.key}'`, 'Merge the two entries into one.');
      entries.push({ key, route, value: readObject(value, where, RULE_KEYS), where });
    }
    // A route's rules are those of the closest prefix that encloses it (else the top level), with its own fields over them.
    const resolved = new Map<string, ResolvedCorsRules>();
    const resolve = (entry: (typeof entries)[number]): ResolvedCorsRules => {
      const done = resolved.get(entry.key);
      if (done) return done;
      const parents = entries.filter((p) => p !== entry && encloses(p.route, entry.route)).sort((a, b) => compareSpecificity(a.route, b.route));
      const own = resolveRules(entry.value, parents.length ? resolve(parents[0]) : rules, entry.where);
      resolved.set(entry.key, own);
      return own;
    };
    for (const entry of entries) routes.push({ key: entry.key, route: entry.route, rules: resolve(entry) });
    routes.sort((a, b) => compareSpecificity(a.route, b.route));
  }
  const top: PolicyScope = { key: '*', rules };
  const policy: DefinedCorsPolicy & { [BRAND]: true } = {
    [BRAND]: true,
    kind: 'corsproof.policy',
    rules,
    routes: Object.freeze(routes),
    scopeFor(path: string): PolicyScope {
      if (routes.length === 0) return top;
      const segments = pathSegments(path);
      return routes.find((r) => routeKeyMatches(r.route, segments)) ?? top;
    },
    toJSON: () => serialize(input, argument),
  };
  return Object.freeze(policy);
}

/** Arrays and plain objects copied; functions and everything else kept as they are. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  }
  return value;
}

function resolveRules(input: Record<string, unknown>, base: ResolvedCorsRules | null, argument: string): ResolvedCorsRules {
  if (base === null && input.origins === undefined) {
    throw new InvalidArgumentError(`${argument}.origins`, 'it is missing', "List the page origins that may call the API, e.g. origins: ['https://app.example'], or '*' for any origin.");
  }
  const rules: ResolvedCorsRules = {
    origins: input.origins === undefined ? base!.origins : parseOriginRules(input.origins, `${argument}.origins`),
    methods: input.methods === undefined ? (base?.methods ?? DEFAULT_METHODS) : readMethods(input.methods, `${argument}.methods`),
    headers: input.headers === undefined ? (base?.headers ?? []) : readHeaders(input.headers, `${argument}.headers`),
    credentials: input.credentials === undefined ? (base?.credentials ?? false) : readBoolean(input.credentials, `${argument}.credentials`),
    exposeHeaders: input.exposeHeaders === undefined ? (base?.exposeHeaders ?? []) : readExposed(input.exposeHeaders, `${argument}.exposeHeaders`),
    maxAge: input.maxAge === undefined ? (base?.maxAge ?? null) : readMaxAge(input.maxAge, `${argument}.maxAge`),
  };
  if (rules.credentials && rules.origins.any) {
    throw new InvalidArgumentError(
      `${argument}.origins`,
      "'*' with credentials: true would let every site on the web read your users' data (browsers refuse 'Access-Control-Allow-Origin: *' with credentials, so the server would have to reflect any origin)",
      'List the origins that may send credentials, or set credentials: false.',
    );
  }
  return Object.freeze(rules);
}

function readObject(value: unknown, argument: string, known: readonly string[] | null): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, `expected an object, got ${describeValue(value)}`, "Pass e.g. { origins: ['https://app.example'], methods: ['GET', 'PUT'] }.");
  }
  const record = value as Record<string, unknown>;
  if (known !== null) {
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      const meant = SYNONYMS[key];
      if (key === 'routes' && !known.includes('routes')) {
        throw new InvalidArgumentError(`${argument}.routes`, 'route scopes cannot be nested', "Write every route key at the top level, e.g. routes: { '/api/admin/*': {...}, '/api/admin/users/:id': {...} }.");
      }
      throw new InvalidArgumentError(`${argument}.${key}`, 'unknown field', meant ? `Did you mean '${meant}'?` : `The fields are ${known.filter((k) => k !== '$schema').join(', ')}.`);
    }
  }
  return record;
}

function readList(value: unknown, argument: string, example: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(argument, `expected an array, got ${describeValue(value)}`, `Pass e.g. ${example}.`);
  return value;
}

function readMethods(value: unknown, argument: string): string[] {
  if (value === '*') {
    throw new InvalidArgumentError(argument, "'*' is not supported for methods", "List the methods script may use, e.g. ['GET', 'POST', 'PUT', 'DELETE'].");
  }
  const out: string[] = [];
  readList(value, argument, "['GET', 'PUT', 'DELETE']").forEach((m, i) => {
    if (typeof m !== 'string' || !isToken(m)) throw new InvalidArgumentError(`${argument}[${i}]`, `${describeValue(m)} is not an HTTP method`, "Pass method names such as 'PATCH'.");
    const upper = m.toUpperCase();
    if (isForbiddenMethod(upper)) throw new InvalidArgumentError(`${argument}[${i}]`, `${upper} is a forbidden method: browsers never let script use it`, 'Leave it out.');
    if (!out.includes(upper)) out.push(upper);
  });
  return out;
}

function readHeaders(value: unknown, argument: string): string[] | '*' {
  if (value === '*') return '*';
  const out: string[] = [];
  readList(value, argument, "['content-type', 'x-csrf-token']").forEach((h, i) => {
    const where = `${argument}[${i}]`;
    if (h === '*') throw new InvalidArgumentError(where, "'*' must be the whole headers value, not one entry of a list", "Write headers: '*' for any header, or list names.");
    if (typeof h !== 'string' || !isToken(h)) throw new InvalidArgumentError(where, `${describeValue(h)} is not a header name`, 'Header names are HTTP tokens, e.g. x-csrf-token.');
    const lower = h.toLowerCase();
    if (isForbiddenRequestHeader(lower, 'corsproof')) {
      throw new InvalidArgumentError(where, `${h} is a forbidden request header: browsers never let script set it, so a policy cannot allow it`, 'Leave it out (cookies go with credentials: true).');
    }
    if (!out.includes(lower)) out.push(lower);
  });
  return out;
}

function readExposed(value: unknown, argument: string): string[] {
  if (value === '*') {
    throw new InvalidArgumentError(argument, "'*' is not supported for exposeHeaders (it does not apply to requests with credentials)", "List the response headers script may read, e.g. ['x-total-count'].");
  }
  const out: string[] = [];
  readList(value, argument, "['x-total-count']").forEach((h, i) => {
    const where = `${argument}[${i}]`;
    if (typeof h !== 'string' || !isToken(h)) throw new InvalidArgumentError(where, `${describeValue(h)} is not a header name`, 'Header names are HTTP tokens, e.g. x-total-count.');
    const lower = h.toLowerCase();
    if (isForbiddenResponseHeaderName(lower)) throw new InvalidArgumentError(where, `${h} is a forbidden response header: browsers never expose it`, 'Leave it out.');
    if (!out.includes(lower)) out.push(lower);
  });
  return out;
}

function readBoolean(value: unknown, argument: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new InvalidArgumentError(argument, `expected true or false, got ${describeValue(value)}`, 'Pass credentials: true to allow cookies and HTTP authentication.');
}

function readMaxAge(value: unknown, argument: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** 31 - 1) return value;
  throw new InvalidArgumentError(argument, `expected a whole number of seconds, got ${describeValue(value)}`, 'Pass e.g. maxAge: 600 (browsers cap it: Chromium at 7200, Firefox at 86400).');
}

/** The config as JSON would hold it; predicates cannot be written. */
function serialize(input: Record<string, unknown>, argument: string): CorsPolicyConfig {
  const check = (rules: Record<string, unknown>, where: string) => {
    const origins = rules.origins;
    const list = Array.isArray(origins) ? origins : origins === undefined ? [] : [origins];
    list.forEach((o, i) => {
      if (typeof o === 'string') return;
      const name = typeof o === 'object' && o !== null && typeof (o as { description?: unknown }).description === 'string' ? `'${(o as { description: string }).description}'` : 'a predicate';
      throw new InvalidArgumentError(`${where}.origins${Array.isArray(origins) ? `[${i}]` : ''}`, `it is ${name}, which is code and JSON cannot hold`, 'Keep predicate origins in a policy module (cors.policy.js) instead of cors.policy.json.');
    });
  };
  check(input, argument);
  const routes = input.routes as Record<string, Record<string, unknown>> | undefined;
  for (const [key, value] of Object.entries(routes ?? {})) check(value, `${argument}.routes['${key}']`);
  const { $schema: _schema, ...rest } = input;
  return JSON.parse(JSON.stringify(rest)) as CorsPolicyConfig;
}
