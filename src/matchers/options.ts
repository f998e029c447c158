/**
 * The `request` argument of the matchers: a partial `CorsRequest` plus `engine` / `engines`, `baseUrl` and
 * `timeoutMs`. Validated up front so a typo is a typed error, never a silently different test.
 */
import { BROWSER_ENGINES, ENGINES } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import { parseOrigin } from '../arguments/origin.js';
import type { CorsRequest, EngineName } from '../types.js';
import { MAX_TIMEOUT_MS } from '../transports/options.js';

const REQUEST_KEYS = ['url', 'origin', 'method', 'headers', 'body', 'mode', 'credentials', 'redirect'] as const;
const OPTION_KEYS = ['engine', 'engines', 'baseUrl', 'timeoutMs'] as const;
/** On a response object only these make sense: the request was already made. */
const RESPONSE_KEYS = ['origin', 'credentials', 'engine', 'engines'] as const;
/** On a target: the request's members and the options. */
const TARGET_KEYS: readonly string[] = [...REQUEST_KEYS, ...OPTION_KEYS];

export interface MatcherInput {
  /** The request fields the user gave (url, origin, method, headers, ...). */
  request: Partial<CorsRequest>;
  engines: EngineName[];
  baseUrl?: string;
  timeoutMs?: number;
}

/** Split and validate a matcher's `request` argument. */
export function readRequestArgument(value: unknown, matcher: string, onResponse = false): MatcherInput {
  if (value === undefined) return { request: {}, engines: [...BROWSER_ENGINES] };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(
      `${matcher} request`,
      `expected an object, got ${describe(value)}`,
      "Pass e.g. { origin: 'https://app.example', method: 'PUT', engines: ['chromium'] }.",
    );
  }
  const known: readonly string[] = onResponse ? RESPONSE_KEYS : TARGET_KEYS;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    if (onResponse && TARGET_KEYS.includes(key)) {
      throw new InvalidArgumentError(
        `${matcher} request.${key}`,
        'it has no effect on a response object: the request was already made',
        `On a response only ${RESPONSE_KEYS.join(', ')} apply; to choose ${key}, pass the app or URL to expect() instead.`,
      );
    }
    throw new InvalidArgumentError(`${matcher} request.${key}`, 'unknown option', `Known options: ${known.join(', ')}.`);
  }
  const v = value as Record<string, unknown>;
  const request: Partial<CorsRequest> = {};
  for (const key of REQUEST_KEYS) if (v[key] !== undefined) (request as Record<string, unknown>)[key] = v[key];
  return {
    request,
    engines: readEngines(v.engine, v.engines, matcher),
    baseUrl: readBaseUrl(v.baseUrl, matcher),
    timeoutMs: readTimeout(v.timeoutMs, matcher),
  };
}

/** The page's origin: the matcher's argument, or `request.origin` when the matcher takes none. */
export function requireOrigin(input: MatcherInput, matcher: string, fallback?: string | null): string {
  const origin = input.request.origin ?? fallback ?? undefined;
  if (origin === undefined) {
    throw new InvalidArgumentError(
      `${matcher} request.origin`,
      "it is missing, and the matcher needs the page's origin",
      `Pass it in the request: ${matcher}(..., { origin: 'https://app.example' }).`,
    );
  }
  return parseOrigin(origin, `${matcher} request.origin`);
}

/** An origin passed as the matcher's own argument; `request.origin`, if given too, must be the same. */
export function originArgument(origin: unknown, input: MatcherInput, matcher: string): string {
  const parsed = parseOrigin(origin, `${matcher} origin`);
  if (input.request.origin !== undefined && parseOrigin(input.request.origin, `${matcher} request.origin`) !== parsed) {
    throw new InvalidArgumentError(
      `${matcher} request.origin`,
      `it says '${input.request.origin}' but the origin argument is '${parsed}'`,
      'Give the origin once, as the first argument.',
    );
  }
  return parsed;
}

function readEngines(engine: unknown, engines: unknown, matcher: string): EngineName[] {
  if (engine !== undefined && engines !== undefined) {
    throw new InvalidArgumentError(`${matcher} request.engine`, 'both engine and engines are given', "Pass one: { engine: 'firefox' } or { engines: ['chromium', 'webkit'] }.");
  }
  if (engine !== undefined) return [readEngine(engine, `${matcher} request.engine`)];
  if (engines === undefined) return [...BROWSER_ENGINES];
  if (!Array.isArray(engines) || engines.length === 0) {
    throw new InvalidArgumentError(`${matcher} request.engines`, `expected a non-empty array of engine names, got ${describe(engines)}`, "Pass e.g. ['chromium', 'firefox'].");
  }
  const out: EngineName[] = [];
  for (const name of engines) {
    const parsed = readEngine(name, `${matcher} request.engines`);
    if (out.includes(parsed)) throw new InvalidArgumentError(`${matcher} request.engines`, `'${parsed}' is listed twice`, 'List each engine once.');
    out.push(parsed);
  }
  return out;
}

function readEngine(name: unknown, argument: string): EngineName {
  if (typeof name === 'string' && Object.hasOwn(ENGINES, name)) return name as EngineName;
  throw new InvalidArgumentError(argument, `${describe(name)} is not an engine`, "Use 'chromium', 'firefox', 'webkit' or 'spec'.");
}

function readBaseUrl(value: unknown, matcher: string): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof URL) return value.href;
  if (typeof value === 'string' && URL.canParse(value)) return value;
  throw new InvalidArgumentError(`${matcher} request.baseUrl`, `${describe(value)} is not an absolute URL`, "Pass e.g. 'https://api.example'.");
}

function readTimeout(value: unknown, matcher: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) {
    if (value <= MAX_TIMEOUT_MS) return value;
    throw new InvalidArgumentError(`${matcher} request.timeoutMs`, `${value} ms is longer than a timer can hold (${MAX_TIMEOUT_MS} ms, about 24 days)`, 'Pass a shorter timeout, e.g. 30000.');
  }
  throw new InvalidArgumentError(`${matcher} request.timeoutMs`, `${describe(value)} is not a positive number of milliseconds`, 'Pass e.g. 5000.');
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return Object.prototype.toString.call(value).slice(8, -1);
  return `${typeof value} ${String(value)}`;
}
