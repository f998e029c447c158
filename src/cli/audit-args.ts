/**
 * `corsproof audit` arguments: endpoints (URLs, `--urls FILE|-`, `--openapi FILE`), trusted origins, what to
 * send, how fast, and what to print. Every mistake is an `InvalidArgumentError` (exit code 2).
 */
import type { ParseArgsConfig } from 'node:util';
import { SEVERITIES, type Severity } from '../audit/types.js';
import { InvalidArgumentError } from '../errors.js';
import { parseOrigin } from '../arguments/origin.js';
import { isToken } from '../spec/http.js';

export interface AuditCliOptions {
  urls: string[];
  urlsFile: string | null;
  openapi: string | null;
  baseUrl: string | null;
  origins: string[];
  methods: string[];
  headers: Array<[string, string]>;
  timeoutMs: number;
  json: boolean;
  sarif: boolean;
  failOn: Severity;
  concurrency: number;
  delayMs: number;
  insecure: boolean;
  websocket: boolean;
  sendUnsafe: boolean;
  thirdParty: string[];
  /** Print secrets as they are (default: redacted in text, JSON and SARIF). */
  showSecrets: boolean;
}

export const AUDIT_OPTIONS = {
  origin: { type: 'string', short: 'o', multiple: true },
  header: { type: 'string', short: 'H', multiple: true },
  cookie: { type: 'string', short: 'b', multiple: true },
  method: { type: 'string', short: 'X', multiple: true },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  sarif: { type: 'boolean' },
  'fail-on': { type: 'string' },
  urls: { type: 'string' },
  openapi: { type: 'string' },
  'base-url': { type: 'string' },
  concurrency: { type: 'string' },
  delay: { type: 'string' },
  insecure: { type: 'boolean', short: 'k' },
  websocket: { type: 'boolean' },
  'send-unsafe': { type: 'boolean' },
  'third-party': { type: 'string', multiple: true },
  'show-secrets': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export interface AuditValues {
  origin?: string[];
  header?: string[];
  cookie?: string[];
  method?: string[];
  timeout?: string;
  json?: boolean;
  sarif?: boolean;
  'fail-on'?: string;
  urls?: string;
  openapi?: string;
  'base-url'?: string;
  concurrency?: string;
  delay?: string;
  insecure?: boolean;
  websocket?: boolean;
  'send-unsafe'?: boolean;
  'third-party'?: string[];
  'show-secrets'?: boolean;
  help?: boolean;
}

function wholeNumber(input: string | undefined, name: string, fallback: number, min: number, max: number, unit: string): number {
  if (input === undefined) return fallback;
  const n = Number(input);
  if (!/^\d+$/.test(input) || n < min || n > max) {
    throw new InvalidArgumentError(name, `'${input}' is not a whole number from ${min} to ${max}`, `Pass ${unit}, e.g. ${name} ${fallback === 0 ? 200 : fallback}.`);
  }
  return n;
}

/** An audit URL: absolute http(s) or ws(s). */
export function parseAuditUrl(input: string, where: string, parseHttp: (input: string) => string): string {
  if (/^wss?:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new InvalidArgumentError(where, `'${input}' is not a valid URL`, 'Pass an absolute URL such as ws://127.0.0.1:3000/socket.');
    }
    // Its handshake is an HTTP request: credentials refused as for http(s) URLs (the message is redacted).
    if (url.username !== '' || url.password !== '') {
      throw new InvalidArgumentError(where, `'${url.href}' has a user name or password`, "Drop user:password@ from the URL and pass the credentials as a header, e.g. --header 'Authorization: Basic <base64 of user:password>'.");
    }
    return url.href;
  }
  return parseHttp(input);
}

export function auditOptions(
  positionals: string[],
  v: AuditValues,
  helpers: { parseTargetUrl(input: string): string; parseHeader(input: string): [string, string]; parseTimeout(input: string | undefined): number },
): AuditCliOptions {
  const urls = positionals.map((p) => parseAuditUrl(p, 'url', helpers.parseTargetUrl));
  if (urls.length === 0 && v.urls === undefined && v.openapi === undefined) {
    throw new InvalidArgumentError('url', 'missing', 'Give the URL to audit, e.g. `corsproof audit http://localhost:3000/api --origin https://app.example` (or --urls FILE, --urls - for stdin, --openapi FILE).');
  }
  if (v.origin === undefined || v.origin.length === 0) {
    throw new InvalidArgumentError('--origin', 'missing', 'Pass the origin that should be trusted, e.g. --origin https://app.example (repeat it for several).');
  }
  const origins = v.origin.map((o) => parseOrigin(o, '--origin'));
  if (origins.includes('null')) {
    throw new InvalidArgumentError('--origin', "audit needs the origin that should be trusted, and 'null' is one no server should trust", "Pass your front end's origin, e.g. --origin https://app.example; the audit probes null by itself.");
  }
  if (v.json && v.sarif) throw new InvalidArgumentError('--sarif', 'it cannot be combined with --json', 'Pass one of --json and --sarif.');
  const failOn = v['fail-on'] ?? 'high';
  if (!(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new InvalidArgumentError('--fail-on', `'${failOn}' is not a severity`, 'Pass one of --fail-on info, low, medium, high (default high).');
  }
  const methods = (v.method ?? []).flatMap((m) => m.split(',')).map((m) => m.trim());
  for (const m of methods) {
    if (!isToken(m)) throw new InvalidArgumentError('--method', `'${m}' is not an HTTP method (a token: letters, no spaces)`, 'Pass a method such as GET, POST, PUT, PATCH or DELETE.');
  }
  const headers = (v.header ?? []).map(helpers.parseHeader);
  if (v.cookie !== undefined && v.cookie.length > 0) {
    for (const c of v.cookie) {
      if (!/^[^=;\s]+=[^;]*(;\s*[^=;\s]+=[^;]*)*$/.test(c.trim())) {
        // The value is a secret: never quoted back, not even in part.
        throw new InvalidArgumentError('--cookie', "a value is not 'name=value'", "Pass --cookie 'session=abc123' (several: repeat it or separate with '; ').");
      }
    }
    headers.push(helpers.parseHeader(`Cookie: ${v.cookie.map((c) => c.trim()).join('; ')}`));
  }
  let baseUrl: string | null = null;
  if (v['base-url'] !== undefined) {
    if (v.openapi === undefined) throw new InvalidArgumentError('--base-url', 'it only applies with --openapi', 'Pass --openapi FILE too, or give full URLs.');
    baseUrl = helpers.parseTargetUrl(v['base-url']);
  }
  const thirdParty = (v['third-party'] ?? []).map((o) => parseOrigin(o, '--third-party'));
  return {
    urls,
    urlsFile: v.urls ?? null,
    openapi: v.openapi ?? null,
    baseUrl,
    origins: [...new Set(origins)],
    methods: methods.length > 0 ? methods : ['GET'],
    headers,
    timeoutMs: helpers.parseTimeout(v.timeout),
    json: v.json === true,
    sarif: v.sarif === true,
    failOn: failOn as Severity,
    concurrency: wholeNumber(v.concurrency, '--concurrency', 4, 1, 64, 'requests in flight at once'),
    delayMs: wholeNumber(v.delay, '--delay', 0, 0, 60_000, 'milliseconds between two requests'),
    insecure: v.insecure === true,
    websocket: v.websocket === true,
    sendUnsafe: v['send-unsafe'] === true,
    thirdParty,
    showSecrets: v['show-secrets'] === true,
  };
}
