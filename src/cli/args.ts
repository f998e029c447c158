/**
 * Command-line arguments: `node:util` parseArgs plus validation. Every mistake becomes an
 * `InvalidArgumentError` naming the argument, what was wrong and the fix; the caller turns it into exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidArgumentError } from '../errors.js';
import { isHeaderValue, isToken } from '../spec/http.js';
import { parseOrigin } from '../arguments/origin.js';
import type { EngineName, RequestCredentials_, RequestMode } from '../types.js';
import { parseConfig, parseVerify, type ConfigOptions, type VerifyOptions } from './policy-args.js';
import { AUDIT_OPTIONS, auditOptions, type AuditCliOptions, type AuditValues } from './audit-args.js';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit', 'spec'];
const CREDENTIALS: readonly RequestCredentials_[] = ['omit', 'same-origin', 'include'];
const MODES: readonly RequestMode[] = ['cors', 'no-cors', 'same-origin'];
export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 600_000;

export interface CommonOptions {
  url: string;
  origin: string;
  headers: Array<[string, string]>;
  timeoutMs: number;
  json: boolean;
  /** Print `Authorization`, `Cookie`, `Set-Cookie` values and URL credentials as they are (default: redacted). */
  showSecrets: boolean;
}

export interface CheckOptions extends CommonOptions {
  method: string;
  credentials: RequestCredentials_;
  mode: RequestMode;
  engines: EngineName[];
  /** Send preflights only: no actual request for a method that is not safe. */
  preflightOnly: boolean;
}

export type AuditOptions = AuditCliOptions;

export interface ExplainOptions {
  /** Console text given as arguments (joined with spaces), or a file path when `file` is set. */
  text?: string;
  /** A file to read: a HAR (JSON with `log`) or console text. */
  file?: string;
  /** Read the input from standard input. */
  stdin: boolean;
  /** The page's origin, for a HAR that does not show it. */
  origin?: string;
  engines: EngineName[];
  timeoutMs: number;
  json: boolean;
}

export type Command =
  | { kind: 'help'; topic: 'main' | 'check' | 'audit' | 'explain' | 'verify' | 'config' }
  | { kind: 'explain'; options: ExplainOptions }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'audit'; options: AuditOptions }
  | { kind: 'verify'; options: VerifyOptions }
  | { kind: 'config'; options: ConfigOptions };

const COMMON = {
  origin: { type: 'string', short: 'o' },
  header: { type: 'string', short: 'H', multiple: true },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  'show-secrets': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const CHECK = {
  ...COMMON,
  method: { type: 'string', short: 'X' },
  credentials: { type: 'string' },
  mode: { type: 'string' },
  engine: { type: 'string', short: 'e', multiple: true },
  'preflight-only': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];


const { header: _header, ...EXPLAIN_COMMON } = COMMON;
const EXPLAIN = {
  ...EXPLAIN_COMMON,
  har: { type: 'string' },
  engine: { type: 'string', short: 'e', multiple: true },
} as const satisfies ParseArgsConfig['options'];

/** Parse `process.argv.slice(2)`. Throws `InvalidArgumentError` on any mistake. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw new InvalidArgumentError('command', 'none given', 'Run `corsproof check <url> --origin <origin>` or `corsproof audit <url> --origin <origin>`; `corsproof --help` lists everything.');
  }
  if (first === '--help' || first === '-h') return { kind: 'help', topic: 'main' };
  if (first === 'help') return { kind: 'help', topic: rest[0] === 'check' || rest[0] === 'audit' || rest[0] === 'explain' || rest[0] === 'verify' || rest[0] === 'config' ? rest[0] : 'main' };
  if (first === '--version' || first === '-v' || first === 'version') return { kind: 'version' };
  if (first === 'check') {
    const parsed = parse(rest, CHECK, 'check');
    if (parsed.values.help) return { kind: 'help', topic: 'check' };
    const v = parsed.values;
    return {
      kind: 'check',
      options: {
        ...common(parsed.positionals, v, 'check'),
        method: parseMethod(v.method),
        credentials: oneOf(v.credentials, '--credentials', CREDENTIALS, 'same-origin'),
        mode: oneOf(v.mode, '--mode', MODES, 'cors'),
        engines: parseEngines(v.engine),
        preflightOnly: v['preflight-only'] === true,
      },
    };
  }
  if (first === 'audit') {
    const parsed = parse(rest, AUDIT_OPTIONS, 'audit');
    if (parsed.values.help) return { kind: 'help', topic: 'audit' };
    return { kind: 'audit', options: auditOptions(parsed.positionals, parsed.values as AuditValues, { parseTargetUrl, parseHeader, parseTimeout }) };
  }
  if (first === 'explain') {
    const parsed = parse(rest, EXPLAIN, 'explain');
    if (parsed.values.help) return { kind: 'help', topic: 'explain' };
    return { kind: 'explain', options: parseExplain(parsed.positionals, parsed.values) };
  }
  if (first === 'verify') {
    const options = parseVerify(rest);
    return options === 'help' ? { kind: 'help', topic: 'verify' } : { kind: 'verify', options };
  }
  if (first === 'config') {
    const options = parseConfig(rest);
    return options === 'help' ? { kind: 'help', topic: 'config' } : { kind: 'config', options };
  }
  if (first.startsWith('-')) {
    throw new InvalidArgumentError(`option ${first}`, 'it comes before the command', 'Put the command first: `corsproof check <url> --origin <origin> ...`; `corsproof --help` lists the options.');
  }
  throw new InvalidArgumentError('command', `'${first}' is not a corsproof command`, 'The commands are `check`, `audit` and `explain`, and `verify` and `config` for CORS policies; `corsproof --help` lists them.');
}

type Values = {
  origin?: string;
  header?: string[];
  timeout?: string;
  json?: boolean;
  'show-secrets'?: boolean;
  help?: boolean;
  method?: string;
  credentials?: string;
  mode?: string;
  engine?: string[];
  'preflight-only'?: boolean;
  har?: string;
};

function parse(args: readonly string[], options: ParseArgsConfig['options'], command: string): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw fromParseError(error, command);
  }
}

/** Turn node:util's parse errors (codes `ERR_PARSE_ARGS_*`) into typed errors with a fix. */
function fromParseError(error: unknown, command: string): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const help = `\`corsproof ${command} --help\` lists the options.`;
  const option = /'(-[^']*)'/.exec(message)?.[1] ?? 'option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new InvalidArgumentError(`option ${option}`, `\`corsproof ${command}\` has no such option`, help);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? option;
    return new InvalidArgumentError(`option ${name}`, message.includes('argument missing') ? 'it needs a value' : 'it takes no value', help);
  }
  return new InvalidArgumentError('arguments', message, help);
}

function common(positionals: string[], v: Values, command: string): CommonOptions {
  if (positionals.length === 0) {
    throw new InvalidArgumentError('url', 'missing', `Give the URL to ${command}, e.g. \`corsproof ${command} http://localhost:3000/api --origin https://app.example\`.`);
  }
  if (positionals.length > 1) {
    throw new InvalidArgumentError('url', `one URL expected, got ${positionals.length}: ${positionals.map((p) => `'${p}'`).join(' ')}`, 'Give one URL; quote values that contain spaces, e.g. --header \'X-Api-Key: 123\'.');
  }
  if (v.origin === undefined) {
    throw new InvalidArgumentError('--origin', 'missing', "Pass the origin of the page that makes the request, e.g. --origin https://app.example.");
  }
  return {
    url: parseTargetUrl(positionals[0]),
    origin: parseOrigin(v.origin, '--origin'),
    headers: (v.header ?? []).map(parseHeader),
    timeoutMs: parseTimeout(v.timeout),
    json: v.json === true,
    showSecrets: v['show-secrets'] === true,
  };
}

/**
 * `corsproof explain 'Access to fetch at ...'`, `corsproof explain --har file.har`, `corsproof explain file`,
 * or the input on standard input (no argument, or `-`).
 */
function parseExplain(positionals: string[], v: Values): ExplainOptions {
  const common = {
    engines: v.engine === undefined ? (['chromium', 'firefox', 'webkit'] as EngineName[]) : parseEngines(v.engine),
    timeoutMs: parseTimeout(v.timeout),
    json: v.json === true,
    stdin: false,
    ...(v.origin !== undefined ? { origin: parseOrigin(v.origin, '--origin') } : {}),
  };
  if (v.har !== undefined) {
    if (positionals.length) {
      throw new InvalidArgumentError('arguments', `--har takes the file, and ${positionals.length} more argument${positionals.length === 1 ? ' was' : 's were'} given`, 'Explain a HAR or a message, one at a time.');
    }
    return { ...common, file: v.har };
  }
  if (positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-')) return { ...common, stdin: true };
  return { ...common, text: positionals.join(' ') };
}

/** An absolute http(s) URL. `localhost:3000/x` and `example.com/x` get a message saying to add the scheme. */
export function parseTargetUrl(input: string): string {
  const hint = (value: string) => `Write the URL in full, with its scheme: http://${value.replace(/^\/+/, '')} (or https://...).`;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(input)?.[1]?.toLowerCase();
    if (scheme === undefined) throw new InvalidArgumentError('url', `'${input}' has no scheme`, hint(input));
    if (scheme !== 'http' && scheme !== 'https') {
      throw new InvalidArgumentError('url', `'${input}' uses ${scheme}:; CORS applies to http: and https: URLs`, 'Pass an http:// or https:// URL.');
    }
    throw new InvalidArgumentError('url', `'${input}' is not a valid URL (${scheme}: must be followed by //)`, 'Pass an absolute URL such as http://127.0.0.1:3000/api.');
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidArgumentError('url', `'${input}' is not a valid URL`, 'Pass an absolute URL such as http://127.0.0.1:3000/api.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('url', `'${input}' uses ${url.protocol}; CORS applies to http: and https: URLs`, 'Pass an http:// or https:// URL.');
  }
  // fetch() throws a TypeError for such a URL before sending anything, in every engine. (The message never
  // shows the password: errors redact URL credentials.)
  if (url.username !== '' || url.password !== '') {
    throw new InvalidArgumentError(
      'url',
      `'${url.href}' has a user name or password, and fetch() refuses such URLs before sending anything`,
      "Drop user:password@ from the URL and pass the credentials as a header, e.g. --header 'Authorization: Basic <base64 of user:password>'.",
    );
  }
  return url.href;
}

/** `Name: value` into a pair; the name must be an HTTP token, the value a valid header value. */
export function parseHeader(input: string): [string, string] {
  const colon = input.indexOf(':');
  if (colon <= 0) {
    throw new InvalidArgumentError('--header', `'${input}' is not 'Name: value'`, "Write it as --header 'X-Api-Key: 123' (quoted, name, colon, value).");
  }
  const name = input.slice(0, colon).trim();
  const value = input.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
  if (!isToken(name)) {
    throw new InvalidArgumentError('--header', `'${name}' is not a valid header name (no spaces or separators allowed)`, 'Use letters, digits and - only, e.g. X-Request-Id.');
  }
  if (!isHeaderValue(value)) {
    throw new InvalidArgumentError('--header', `the value of ${name} contains a line break, NUL or a character above U+00FF`, 'Pass a single-line Latin-1 value.');
  }
  return [name, value];
}

function parseMethod(input: string | undefined): string {
  if (input === undefined) return 'GET';
  if (!isToken(input)) {
    throw new InvalidArgumentError('--method', `'${input}' is not an HTTP method (a token: letters, no spaces)`, 'Pass a method such as GET, POST, PUT, PATCH or DELETE.');
  }
  return input;
}

export function parseTimeout(input: string | undefined): number {
  if (input === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(input);
  if (!/^\d+$/.test(input) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError('--timeout', `'${input}' is not a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`, `Pass milliseconds, e.g. --timeout 5000 (default ${DEFAULT_TIMEOUT_MS}).`);
  }
  return ms;
}

function oneOf<T extends string>(input: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (input === undefined) return fallback;
  if ((allowed as readonly string[]).includes(input)) return input as T;
  throw new InvalidArgumentError(name, `'${input}' is not one of ${allowed.join(', ')}`, `Pass one of: ${allowed.map((a) => `${name} ${a}`).join(', ')}.`);
}

/** `--engine chromium --engine firefox`, `--engine chromium,firefox` or `--engine all`. Default chromium. */
function parseEngines(inputs: string[] | undefined): EngineName[] {
  if (inputs === undefined || inputs.length === 0) return ['chromium'];
  const out = new Set<EngineName>();
  for (const part of inputs.flatMap((i) => i.split(',')).map((p) => p.trim().toLowerCase())) {
    if (part === 'all') ENGINES.forEach((e) => out.add(e));
    else if ((ENGINES as readonly string[]).includes(part)) out.add(part as EngineName);
    else {
      throw new InvalidArgumentError('--engine', `'${part}' is not an engine`, `Pass one or more of ${ENGINES.join(', ')} (comma-separated), or all.`);
    }
  }
  return ENGINES.filter((e) => out.has(e));
}

/** `--color` or `--no-color`, the last one given before `--` (read before parsing, so errors follow it too). */
export function colorFlag(argv: readonly string[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg === '--color') flag = true;
    else if (arg === '--no-color') flag = false;
  }
  return flag;
}
