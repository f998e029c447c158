/**
 * `audit(target, options)`: probe endpoints with the trusted origins and with origins an attacker can get, and
 * report what their CORS policy lets other sites do. The CLI's `corsproof audit` is a shell over this.
 */
import * as https from 'node:https';
import { InvalidArgumentError } from '../errors.js';
import { Redactor } from '../report/redact.js';
import { isToken } from '../spec/http.js';
import { normalizeMethod } from '../spec/methods.js';
import { parseOrigin } from '../arguments/origin.js';
import { toTransport, type Target } from '../transports/index.js';
import { describeValue, DEFAULT_TIMEOUT_MS } from '../transports/options.js';
import type { HeadersInit_, Transport, WireRequest, WireResponse } from '../types.js';
import { isSendableOrigin } from './origins.js';
import { isPrivateAddress, runProbes } from './probes.js';
import { evaluate } from './rules.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import { SEVERITIES, type AuditReport, type Endpoint, type EndpointReport, type Probe, type Severity } from './types.js';

export interface AuditOptions {
  /** The origin(s) that should be trusted, e.g. `https://app.example`. Required. */
  origin: string | readonly string[];
  /**
   * The endpoints: URLs or paths (resolved against the target), or `{ url, methods }`. Default: the target
   * itself when it is a URL, else `/`.
   */
  endpoints?: ReadonlyArray<string | { url: string; methods?: readonly string[] }>;
  /** The method(s) the endpoints are audited for (default `GET`). Non-simple ones are asked about in preflights only. */
  method?: string | readonly string[];
  /**
   * Headers sent with every actual probe: a session cookie, an Authorization header. Redacted in the report
   * (`Authorization`, `Cookie`, headers named like credentials, URL credentials) unless `showSecrets`.
   */
  headers?: HeadersInit_;
  /** Send actual requests with an unsafe audited method (POST, PUT, DELETE...) too. Default false: preflights only. */
  sendUnsafe?: boolean;
  /** More hosting origins anyone can publish on, probed with the built-in list. */
  thirdPartyOrigins?: readonly string[];
  /** Probe as a WebSocket endpoint: true, false, or 'auto' (when an answer offers `Upgrade: websocket`). Default 'auto'. */
  websocket?: boolean | 'auto';
  /** Send the Private Network Access preflight: true, false, or 'auto' (private and local addresses). Default 'auto'. */
  privateNetwork?: boolean | 'auto';
  /** Milliseconds one probe may take. Default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once, over the whole run. Default 4. */
  concurrency?: number;
  /** Milliseconds between two request starts (a rate limit). Default 0. */
  delayMs?: number;
  /** Accept self-signed certificates (URL targets only). */
  insecure?: boolean;
  /** For in-process targets: the URL the app answers on. Default `https://api.example`. */
  baseUrl?: string;
  /** Called after each endpoint. */
  onProgress?: (progress: { done: number; total: number; url: string }) => void;
  /** Keep secrets in the report as they were sent and received. Default false: redacted. */
  showSecrets?: boolean;
}

const KEYS = new Set(['origin', 'endpoints', 'method', 'headers', 'sendUnsafe', 'thirdPartyOrigins', 'websocket', 'privateNetwork', 'timeoutMs', 'concurrency', 'delayMs', 'insecure', 'baseUrl', 'onProgress', 'showSecrets']);

interface Resolved {
  origins: string[];
  endpoints: Endpoint[];
  headers: Array<[string, string]>;
  transport: Transport;
  scheduler: Scheduler;
  options: AuditOptions;
  timeoutMs: number;
  isUrl: boolean;
  /** Null with `showSecrets`. */
  redactor: Redactor | null;
}

function list<T>(value: T | readonly T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? [...(value as T[])] : [value as T];
}

function headerPairs(init: HeadersInit_ | undefined): Array<[string, string]> {
  if (init === undefined) return [];
  if (init instanceof Headers) return [...init.entries()];
  if (typeof (init as Iterable<unknown>)[Symbol.iterator] === 'function') return [...(init as Iterable<readonly [string, string]>)].map(([n, v]) => [String(n), String(v)]);
  if (typeof init === 'object' && init !== null) return Object.entries(init as Record<string, string>).map(([n, v]) => [n, String(v)]);
  throw new InvalidArgumentError('options.headers', `expected headers, received ${describeValue(init)}`, "Pass { Cookie: 'session=...' } or [['Cookie', 'session=...']].");
}

function parseMethods(value: unknown, where: string): string[] {
  const methods = list(value as string | string[] | undefined);
  for (const m of methods) {
    if (typeof m !== 'string' || !isToken(m)) {
      throw new InvalidArgumentError(where, `${describeValue(m)} is not an HTTP method`, 'Pass methods such as GET, POST, PUT, PATCH or DELETE.');
    }
  }
  return methods.map(normalizeMethod);
}

function positiveInt(value: unknown, where: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(where, `${describeValue(value)} is not a whole number from ${min}`, `Pass e.g. ${fallback}, or leave it out.`);
  }
  return value;
}

function resolve(target: Target, options: AuditOptions): Resolved {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('audit options', `expected an object, received ${describeValue(options)}`, "Pass { origin: 'https://app.example' }.");
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key)) throw new InvalidArgumentError(`audit options.${key}`, 'unknown option', `audit accepts ${[...KEYS].join(', ')}.`);
  }
  const origins = [...new Set(list(options.origin).map((o) => parseOrigin(o, 'options.origin')))];
  if (origins.length === 0) {
    throw new InvalidArgumentError('options.origin', 'missing', "Pass the origin that should be trusted, e.g. { origin: 'https://app.example' }.");
  }
  if (origins.includes('null')) {
    throw new InvalidArgumentError('options.origin', "'null' is an origin no server should trust", 'Pass your front end\'s origin, e.g. https://app.example; the audit probes null by itself.');
  }
  const timeoutMs = positiveInt(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS, 1);
  const concurrency = positiveInt(options.concurrency, 'options.concurrency', 4, 1);
  const delayMs = positiveInt(options.delayMs, 'options.delayMs', 0, 0);
  const isUrl = typeof target === 'string' || target instanceof URL;
  // A ws:/wss: URL is audited over http:/https: (the handshake is an HTTP request); its endpoints as WebSockets.
  if (isUrl && /^wss?:/i.test(String(target))) target = String(target).replace(/^ws/i, 'http');
  const agent = isUrl && options.insecure ? new https.Agent({ rejectUnauthorized: false }) : undefined;
  const transport = toTransport(target, {
    timeoutMs,
    ...(agent ? { agent } : {}),
    ...(!isUrl && options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  });
  const base = isUrl ? new URL(String(target)).href : (transport.baseUrl ?? 'https://api.example/');
  const defaultMethods = parseMethods(options.method, 'options.method');
  const endpoints: Endpoint[] = (options.endpoints === undefined ? [isUrl ? base : '/'] : [...options.endpoints]).map((e, i) => {
    const raw = typeof e === 'string' ? e : e?.url;
    if (typeof raw !== 'string') {
      throw new InvalidArgumentError(`options.endpoints[${i}]`, `expected a URL, a path or { url, methods }, received ${describeValue(e)}`, "Pass e.g. '/api/user' or { url: '/api/user', methods: ['GET', 'DELETE'] }.");
    }
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new InvalidArgumentError(`options.endpoints[${i}]`, `'${raw}' is not a URL or path`, 'Pass an absolute http(s) URL or a path such as /api/user.');
    }
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
      throw new InvalidArgumentError(`options.endpoints[${i}]`, `'${raw}' uses ${url.protocol}`, 'Pass an http:, https:, ws: or wss: URL.');
    }
    if (url.username !== '' || url.password !== '') {
      // As fetch() does, and as check does: nothing is sent (the message is redacted where it is printed).
      throw new InvalidArgumentError(options.endpoints === undefined ? 'target' : `options.endpoints[${i}]`, `'${url.href}' has a user name or password, and fetch() refuses such URLs before sending anything`, "Drop user:password@ from the URL and pass credentials in options.headers, e.g. { Authorization: 'Basic ...' }.");
    }
    const ws = url.protocol === 'ws:' || url.protocol === 'wss:';
    if (ws) url.protocol = url.protocol === 'ws:' ? 'http:' : 'https:';
    const methods = typeof e === 'string' || e.methods === undefined ? defaultMethods : parseMethods(e.methods, `options.endpoints[${i}].methods`);
    return { url: url.href, methods: methods.length > 0 ? [...new Set(methods)] : ['GET'], ...(ws ? { websocket: true } : {}) } as Endpoint;
  });
  const headers = headerPairs(options.headers);
  if (options.websocket !== undefined && options.websocket !== true && options.websocket !== false && options.websocket !== 'auto') {
    throw new InvalidArgumentError('options.websocket', `${describeValue(options.websocket)} is not true, false or 'auto'`, "Pass true to probe a WebSocket endpoint, or leave it out ('auto').");
  }
  for (const o of options.thirdPartyOrigins ?? []) {
    if (!isSendableOrigin(parseOrigin(o, 'options.thirdPartyOrigins'))) {
      throw new InvalidArgumentError('options.thirdPartyOrigins', `'${o}' is not an origin a browser sends`, 'Pass origins such as https://someone.example.app.');
    }
  }
  if (options.showSecrets !== undefined && typeof options.showSecrets !== 'boolean') {
    throw new InvalidArgumentError('options.showSecrets', `${describeValue(options.showSecrets)} is not true or false`, 'Pass true to keep secrets in the report, or leave it out (redacted).');
  }
  const redactor = options.showSecrets === true ? null : Redactor.forRequests(endpoints.map((e) => e.url), headers);
  return { origins, endpoints, headers, transport, scheduler: createScheduler(concurrency, delayMs), options, timeoutMs, isUrl, redactor };
}

function redactProbe(probe: Probe, r: Redactor): Probe {
  const request: WireRequest = { ...probe.request, url: r.text(probe.request.url), headers: r.headers(probe.request.headers) };
  const response: WireResponse | undefined = probe.response && { ...probe.response, statusText: r.text(probe.response.statusText), headers: r.headers(probe.response.headers) };
  const out: Probe = { ...probe, request };
  if (response) out.response = response;
  else delete out.response;
  if (probe.error !== undefined) out.error = r.text(probe.error);
  if (probe.judgement?.failure) out.judgement = { ...probe.judgement, failure: { code: probe.judgement.failure.code, message: r.text(probe.judgement.failure.message), fix: r.text(probe.judgement.failure.fix) } };
  return out;
}

async function auditEndpoint(resolved: Resolved, endpoint: Endpoint & { websocket?: boolean }): Promise<EndpointReport> {
  const { options } = resolved;
  const result = await runProbes({
    transport: resolved.transport,
    scheduler: resolved.scheduler,
    timeoutMs: resolved.timeoutMs,
    url: endpoint.url,
    methods: endpoint.methods,
    origins: resolved.origins,
    headers: resolved.headers,
    sendUnsafe: options.sendUnsafe === true,
    thirdParty: [...(options.thirdPartyOrigins ?? [])],
    websocket: endpoint.websocket ? true : (options.websocket ?? 'auto'),
    privateNetwork: options.privateNetwork === true || ((options.privateNetwork ?? 'auto') === 'auto' && isPrivateAddress(endpoint.url)),
    canHandshake: resolved.isUrl,
    insecure: options.insecure === true,
  });
  const findings = result.unreachable ? [] : evaluate({ url: endpoint.url, trusted: resolved.origins, probes: result.probes, userHeaders: resolved.headers });
  const report: EndpointReport = {
    url: endpoint.url,
    methods: endpoint.methods,
    probeMethod: result.probeMethod,
    origins: resolved.origins,
    unreachable: result.unreachable,
    error: result.error,
    advertisedMethods: result.advertisedMethods,
    websocket: result.websocket,
    probes: result.probes,
    findings,
  };
  return resolved.redactor === null ? report : redactEndpoint(report, resolved.redactor);
}

/** The endpoint's report without the secrets it carries: in URLs, headers, status texts, errors, findings' facts. */
function redactEndpoint(report: EndpointReport, r: Redactor): EndpointReport {
  return {
    ...report,
    url: r.text(report.url),
    error: report.error === null ? null : r.text(report.error),
    probes: report.probes.map((p) => redactProbe(p, r)),
    findings: report.findings.map((f) => ({ ...f, facts: Object.fromEntries(Object.entries(f.facts).map(([k, v]) => [k, typeof v === 'string' ? r.text(v) : Array.isArray(v) ? v.map((x) => r.text(x)) : v])) })),
  };
}

export function summarize(endpoints: EndpointReport[], origins: string[]): AuditReport {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const e of endpoints) for (const f of e.findings) counts[f.severity]++;
  const highest = SEVERITIES.find((s) => counts[s] > 0) ?? null;
  return { schemaVersion: 1, origins, endpoints, counts, highest, unreachable: endpoints.filter((e) => e.unreachable).length };
}

/**
 * Audit the CORS policy of `target` (a URL, or anything `toTransport` accepts: an Express/Fastify/Koa/Hono
 * app, an `http.Server`, a fetch handler...). Resolves with the report; never throws for what a server does
 * (an unreachable endpoint is reported as such), throws `InvalidArgumentError` for bad options.
 */
export async function audit(target: Target, options: AuditOptions): Promise<AuditReport> {
  const resolved = resolve(target, options);
  let done = 0;
  const reports = await Promise.all(
    resolved.endpoints.map(async (endpoint) => {
      const report = await auditEndpoint(resolved, endpoint);
      done++;
      options.onProgress?.({ done, total: resolved.endpoints.length, url: report.url });
      return report;
    }),
  );
  return summarize(reports, resolved.origins);
}
