/**
 * The origins a policy allows: exact origins, patterns such as `https://*.preview.app.example`, and predicates.
 *
 * Pattern syntax (the only wildcard there is): `*` stands for exactly one DNS label (letters, digits and
 * hyphens, never a dot) and must be a whole label of the host; the scheme and the port must match exactly (no
 * port means the scheme's default port). At least two fixed labels follow the last `*`, so a pattern never
 * covers a whole top-level domain. Anything else is a typed error, never a silently wider match.
 */
import { InvalidArgumentError } from '../errors.js';
import { parseOrigin } from '../arguments/origin.js';

/** What a predicate origin receives: the request's `Origin` header, serialized (`https://app.example`). */
export type OriginPredicate = (origin: string) => boolean;

/** A predicate with the origins a checker should try as allowed ones (a predicate alone cannot be probed). */
export interface OriginMatcher {
  match: OriginPredicate;
  /** Origins the predicate allows, used as probes by `toMatchCorsPolicy` and `corsproof verify`. */
  examples?: readonly string[];
  /** How messages and `corsproof config` name it, e.g. `tenant origins`. */
  description?: string;
}

/** One entry of `origins`: an exact origin, a pattern, a predicate, or a predicate with examples. */
export type OriginEntry = string | OriginPredicate | OriginMatcher;

export type OriginRule =
  | { kind: 'exact'; origin: string }
  | { kind: 'pattern'; source: string; scheme: string; port: string; labels: readonly string[] }
  | { kind: 'predicate'; match: OriginPredicate; examples: readonly string[]; description: string };

/** Every allowed origin, or a list of rules (empty: no cross-origin access at all). */
export type OriginRules = { any: true } | { any: false; rules: readonly OriginRule[] };

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const PATTERN_LABEL = /^[a-z0-9-]+$/;
/** The label a pattern's `*` is replaced with when an example origin is needed. */
export const PATTERN_EXAMPLE_LABEL = 'corsproof-probe';

/** Parse the `origins` of a policy (or of one route scope). `argument` names it in errors. */
export function parseOriginRules(value: unknown, argument: string): OriginRules {
  if (value === '*') return { any: true };
  const list = Array.isArray(value) ? value : [value];
  if (value === undefined || value === null) {
    throw new InvalidArgumentError(argument, 'it is missing', "List the page origins that may call the API, e.g. origins: ['https://app.example'], or '*' for any origin.");
  }
  const rules: OriginRule[] = [];
  list.forEach((entry, i) => {
    const where = Array.isArray(value) ? `${argument}[${i}]` : argument;
    if (entry === '*') {
      throw new InvalidArgumentError(where, "'*' must be the whole origins value, not one entry of a list", "Write origins: '*' for any origin, or list origins without '*'.");
    }
    const rule = parseOriginEntry(entry, where);
    if (!rules.some((r) => sameRule(r, rule))) rules.push(rule);
  });
  return { any: false, rules };
}

function sameRule(a: OriginRule, b: OriginRule): boolean {
  if (a.kind === 'exact' && b.kind === 'exact') return a.origin === b.origin;
  if (a.kind === 'pattern' && b.kind === 'pattern') return a.source === b.source;
  return false;
}

function parseOriginEntry(entry: unknown, argument: string): OriginRule {
  if (typeof entry === 'function') return { kind: 'predicate', match: entry as OriginPredicate, examples: [], description: describePredicate(entry) };
  if (entry instanceof RegExp) {
    throw new InvalidArgumentError(
      argument,
      `${String(entry)} is a RegExp, and regular expressions are where CORS mistakes live (an unescaped dot, a missing ^ or $)`,
      "Write a pattern such as 'https://*.app.example' (* is one DNS label), or a predicate (origin) => boolean.",
    );
  }
  if (entry !== null && typeof entry === 'object' && typeof (entry as OriginMatcher).match === 'function') {
    const m = entry as OriginMatcher;
    const unknown = Object.keys(m).filter((k) => !['match', 'examples', 'description'].includes(k));
    if (unknown.length) throw new InvalidArgumentError(`${argument}.${unknown[0]}`, 'unknown option', 'A predicate origin takes match, examples and description.');
    const examples = m.examples === undefined ? [] : readExamples(m.examples, `${argument}.examples`);
    examples.forEach((origin, i) => {
      if (!safeCall(m.match, origin)) {
        throw new InvalidArgumentError(`${argument}.examples[${i}]`, `the predicate refuses its own example '${origin}'`, 'Give examples of origins the predicate allows.');
      }
    });
    if (m.description !== undefined && typeof m.description !== 'string') {
      throw new InvalidArgumentError(`${argument}.description`, 'expected a string', "Pass e.g. description: 'tenant origins'.");
    }
    return { kind: 'predicate', match: m.match, examples, description: m.description ?? describePredicate(m.match) };
  }
  if (typeof entry !== 'string') {
    throw new InvalidArgumentError(argument, `expected an origin, a pattern or a predicate, got ${describeValue(entry)}`, "Pass e.g. 'https://app.example', 'https://*.preview.app.example' or (origin) => boolean.");
  }
  if (entry === 'null') {
    throw new InvalidArgumentError(
      argument,
      "'null' is the origin of sandboxed iframes, data: URLs and file: pages: any site can make a request from it",
      'Leave it out; serve the page from an http(s) origin and list that one.',
    );
  }
  if (entry.includes('*')) return parsePattern(entry, argument);
  // Written as browsers send it in Origin: lower-case scheme and host, no default port, no trailing slash.
  return { kind: 'exact', origin: parseOrigin(entry, argument) };
}

function readExamples(value: unknown, argument: string): string[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(argument, `expected an array of origins, got ${describeValue(value)}`, "Pass e.g. examples: ['https://tenant-1.app.example'].");
  return value.map((v, i) => parseOrigin(v, `${argument}[${i}]`)).filter((o, i, all) => all.indexOf(o) === i);
}

/** Parse `scheme://label.*.label[:port]`. */
export function parsePattern(source: string, argument: string): OriginRule {
  const fail = (problem: string): never => {
    throw new InvalidArgumentError(argument, `'${source}' ${problem}`, "Write a pattern as scheme://host[:port] where * stands for exactly one DNS label, e.g. 'https://*.preview.app.example'.");
  };
  const match = /^(https?):\/\/([^/:?#]+)(?::(\d+))?\/?$/.exec(source);
  if (!match) {
    if (/^[a-z]+:\/\/[^/]*:\*/i.test(source)) fail('has a wildcard port: the port must match exactly');
    if (!/^https?:\/\//.test(source)) fail('does not start with http:// or https:// (lower case): the scheme must match exactly');
    fail('is not scheme://host[:port] (no path, query or credentials)');
  }
  const [, scheme, host, port = ''] = match!;
  const labels = host.split('.');
  for (const label of labels) {
    if (label === '*') continue;
    if (label.includes('*')) fail(`has '*' inside the label '${label}': * must be a whole label`);
    if (!LABEL.test(label)) fail(`has '${label}', which is not a lower-case DNS label`);
  }
  const lastStar = labels.lastIndexOf('*');
  if (labels.length - lastStar - 1 < 2) fail('has fewer than two fixed labels after the last *: it would cover a whole top-level domain');
  const defaultPort = scheme === 'https' ? '443' : '80';
  if (port !== '' && (Number(port) > 65535 || port === defaultPort || port.startsWith('0'))) {
    fail(port === defaultPort ? `names the default port ${port}: browsers leave it out of Origin` : 'has an invalid port');
  }
  return { kind: 'pattern', source: `${scheme}://${host}${port ? `:${port}` : ''}`, scheme, port, labels };
}

/** Whether a serialized origin matches a pattern rule. */
export function matchesPattern(rule: Extract<OriginRule, { kind: 'pattern' }>, origin: string): boolean {
  const match = /^(https?):\/\/([^/:]+)(?::(\d+))?$/.exec(origin);
  if (!match) return false;
  const [, scheme, host, port = ''] = match;
  if (scheme !== rule.scheme || port !== rule.port) return false;
  const labels = host.split('.');
  if (labels.length !== rule.labels.length) return false;
  return rule.labels.every((l, i) => (l === '*' ? PATTERN_LABEL.test(labels[i]) : l === labels[i]));
}

/** Whether these rules allow a request's `Origin` (`'null'` never, unless the rules allow any origin). */
export function originAllowed(rules: OriginRules, origin: string): boolean {
  if (rules.any) return true;
  return rules.rules.some((rule) => {
    if (rule.kind === 'exact') return rule.origin === origin;
    if (rule.kind === 'pattern') return matchesPattern(rule, origin);
    return safeCall(rule.match, origin);
  });
}

/** An origin that a rule allows: the origin itself, the pattern with each `*` filled, the predicate's examples. */
export function exampleOrigins(rule: OriginRule): string[] {
  if (rule.kind === 'exact') return [rule.origin];
  if (rule.kind === 'predicate') return [...rule.examples];
  return [patternWith(rule, rule.labels.map((l) => (l === '*' ? PATTERN_EXAMPLE_LABEL : l)))];
}

/** The pattern's origin with the given host labels. */
export function patternWith(rule: Extract<OriginRule, { kind: 'pattern' }>, labels: readonly string[]): string {
  return `${rule.scheme}://${labels.join('.')}${rule.port ? `:${rule.port}` : ''}`;
}

/** How a rule is written in the policy (`https://app.example`, `https://*.app.example`, `(predicate)`). */
export function describeRule(rule: OriginRule): string {
  return rule.kind === 'exact' ? rule.origin : rule.kind === 'pattern' ? rule.source : rule.description;
}

/** A predicate that throws allows nothing (a correct server would answer without CORS headers). */
function safeCall(match: OriginPredicate, origin: string): boolean {
  try {
    return match(origin) === true;
  } catch {
    return false;
  }
}

function describePredicate(fn: unknown): string {
  const name = typeof fn === 'function' && fn.name ? fn.name : '';
  return name ? `the predicate ${name}()` : 'a predicate';
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return Object.prototype.toString.call(value).slice(8, -1);
  return `${typeof value} ${String(value)}`;
}
