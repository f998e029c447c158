/**
 * The audit's probe set for one endpoint, and sending it. Every request is listed here; nothing else is ever
 * sent. Actual requests use a safe method (the audited one when it is GET or HEAD, or any method when the user
 * opted in with `sendUnsafe`); every other method is only asked about in a preflight (OPTIONS).
 */
import { sendWithDeadline } from '../emulator/network.js';
import { networkFailureText } from '../report/network.js';
import { extractTokenList, getHeader } from '../spec/header-list.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { corsUnsafeRequestHeaderNames, isForbiddenRequestHeader } from '../spec/request-headers.js';
import type { Transport, WireRequest, WireResponse } from '../types.js';
import { probeOrigins, FOREIGN_ORIGIN } from './origins.js';
import { judgeAnswer, judgePreflight, readProbe } from './reading.js';
import type { Scheduler } from './scheduler.js';
import type { Probe } from './types.js';
import { handshakeRequest, sendHandshake } from './websocket.js';

/** Methods whose actual requests the audit sends without `sendUnsafe` (RFC 9110 safe methods a page can send). */
const SAFE = new Set(['GET', 'HEAD']);
/** At most this many methods get foreign-origin preflights. */
const MAX_PREFLIGHT_METHODS = 8;
/** Header names a browser never lets script set but that carry the user's identity. */
const AUTH_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization']);

export interface ProbeSettings {
  transport: Transport;
  scheduler: Scheduler;
  timeoutMs: number;
  url: string;
  methods: string[];
  origins: string[];
  headers: Array<[string, string]>;
  sendUnsafe: boolean;
  thirdParty: string[];
  /** true: probe it as a WebSocket endpoint; 'auto': when an answer says `Upgrade: websocket`; false: never. */
  websocket: boolean | 'auto';
  /** Send the Private Network Access preflight (default: when the URL's host is a private or local address). */
  privateNetwork: boolean;
  /** Handshakes need a real connection: only URL targets. */
  canHandshake: boolean;
  insecure: boolean;
}

export interface ProbeResult {
  probes: Probe[];
  probeMethod: string;
  unreachable: boolean;
  error: string | null;
  advertisedMethods: string[];
  websocket: boolean;
}

async function send(settings: ProbeSettings, probe: Omit<Probe, 'response' | 'error'>): Promise<Probe> {
  const sent = await settings.scheduler.run(() => sendWithDeadline(settings.transport, probe.request, settings.timeoutMs));
  return sent.ok ? { ...probe, response: sent.response } : { ...probe, error: networkFailureText(sent.failure) };
}

function wire(method: string, url: string, headers: Array<[string, string]>): WireRequest {
  return { method, url, headers, body: null };
}

function preflightWire(url: string, origin: string, method: string, names: string[], extra: Array<[string, string]> = []): WireRequest {
  const headers: Array<[string, string]> = [['Accept', '*/*'], ['Access-Control-Request-Method', method]];
  if (names.length > 0) headers.push(['Access-Control-Request-Headers', names.join(',')]);
  headers.push(...extra, ['Origin', origin]);
  return wire('OPTIONS', url, headers);
}

/** A path beside the endpoint that no server routes: `/api/user` -> `/api/user/corsproof-audit-not-found`. */
export function notFoundUrl(url: string): string {
  const target = new URL(url);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}/corsproof-audit-not-found`;
  target.search = '';
  return target.href;
}

/** Loopback, private (RFC 1918, RFC 4193), link-local and `.local`/`.internal`/`localhost` hosts. */
export function isPrivateAddress(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0;
  }
  return host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
}

/** The request headers a page's script may set (the user's, minus Cookie and other forbidden ones), plus a JSON body type. */
function preflightHeaders(user: Array<[string, string]>): Array<[string, string]> {
  return [...user.filter(([name, value]) => !isForbiddenRequestHeader(name, value)), ['Content-Type', 'application/json']];
}

export async function runProbes(settings: ProbeSettings): Promise<ProbeResult> {
  const { url, origins, headers } = settings;
  const probeMethod = settings.methods.find((m) => SAFE.has(m)) ?? (settings.sendUnsafe ? settings.methods[0] : 'GET');
  const base: Array<[string, string]> = [['Accept', '*/*'], ...headers];
  const planned = probeOrigins(origins, settings.thirdParty);
  const originProbe = (p: (typeof planned)[number]) =>
    send(settings, {
      id: `origin:${p.origin}`,
      kind: 'origin',
      originKind: p.kind,
      origin: p.origin,
      sendable: p.sendable,
      ...(p.basis === undefined ? {} : { basis: p.basis }),
      ...(p.variant === undefined ? {} : { variant: p.variant }),
      request: wire(probeMethod, url, [['Origin', p.origin], ...base]),
    });

  // The first trusted origin goes alone: a server that does not answer gets one request, not sixty.
  const first = await originProbe(planned[0]);
  const empty = { probeMethod, advertisedMethods: [], websocket: settings.websocket === true };
  if (first.response === undefined) {
    return { ...empty, probes: [first], unreachable: true, error: first.error ?? 'no answer' };
  }

  const tasks: Array<Promise<Probe>> = planned.slice(1).map(originProbe);
  tasks.push(send(settings, { id: 'no-origin', kind: 'no-origin', request: wire(probeMethod, url, base) }));
  const trusted = origins[0];
  tasks.push(
    send(settings, { id: 'not-found', kind: 'not-found', origin: trusted, basis: trusted, request: wire(probeMethod, notFoundUrl(url), [['Origin', trusted], ...base]) }),
  );
  const withoutAuth = base.filter(([name]) => !AUTH_HEADERS.has(name.toLowerCase()));
  if (withoutAuth.length < base.length) {
    tasks.push(send(settings, { id: 'unauthenticated', kind: 'unauthenticated', origin: trusted, basis: trusted, request: wire(probeMethod, url, [['Origin', trusted], ...withoutAuth]) }));
  }
  // Preflights from each trusted origin, for the audited non-simple methods (PUT when all are simple).
  const asked = settings.methods.filter((m) => !isCorsSafelistedMethod(m));
  const trustedMethods = asked.length > 0 ? asked : ['PUT'];
  const askHeaders = preflightHeaders(headers);
  const askNames = corsUnsafeRequestHeaderNames(askHeaders);
  for (const origin of origins) {
    for (const method of trustedMethods) {
      tasks.push(
        send(settings, {
          id: `preflight:${method}:${origin}`,
          kind: 'preflight',
          origin,
          basis: origin,
          method,
          requestHeaders: askNames,
          request: preflightWire(url, origin, method, askNames),
        }),
      );
    }
  }
  const foreign = planned.find((p) => p.kind === 'foreign')?.origin ?? FOREIGN_ORIGIN;
  if (settings.privateNetwork) {
    tasks.push(
      send(settings, {
        id: 'private-network',
        kind: 'private-network',
        origin: foreign,
        method: 'GET',
        requestHeaders: [],
        request: preflightWire(url, foreign, 'GET', [], [['Access-Control-Request-Private-Network', 'true']]),
      }),
    );
  }
  const probes = [first, ...(await Promise.all(tasks))];

  // Judge the trusted preflights the way the front end sends them: with credentials when it is granted them.
  const trustedRead = new Map(probes.filter((p) => p.originKind === 'trusted').map((p) => [p.origin, readProbe(p)]));
  for (const p of probes) {
    if (p.kind !== 'preflight') continue;
    const mode = trustedRead.get(p.origin)?.readable.include ? 'include' : 'omit';
    p.credentials = mode;
    p.judgement = await judgePreflight({ url, origin: p.origin!, method: p.method!, headers: askHeaders }, p.response, mode);
  }

  // What the browser says about the trusted origins' own answers, when it blocks them.
  for (const p of probes) {
    if (p.originKind !== 'trusted' || !p.response) continue;
    const mode = trustedRead.get(p.origin)?.readable.omit ? 'include' : 'omit';
    const failure = await judgeAnswer({ url, origin: p.origin!, method: probeMethod }, p.response, mode);
    if (failure) p.judgement = { passes: { omit: trustedRead.get(p.origin)!.readable.omit, include: trustedRead.get(p.origin)!.readable.include }, failure };
  }

  // Every method the endpoint advertises, plus the audited ones: may a foreign page send them with cookies?
  const advertised = new Set<string>();
  for (const p of probes) {
    if (p.kind !== 'preflight' || !p.response) continue;
    const list = extractTokenList(p.response.headers, 'access-control-allow-methods');
    if (list?.ok) for (const m of list.values) if (m !== '*') advertised.add(m);
  }
  const foreignMethods = [...new Set([...settings.methods, ...advertised, ...(advertised.size === 0 ? trustedMethods : [])])]
    .filter((m) => !SAFE.has(m.toUpperCase()))
    .slice(0, MAX_PREFLIGHT_METHODS);
  const foreignHeaders: Array<[string, string]> = [['Content-Type', 'application/json']];
  const foreignNames = corsUnsafeRequestHeaderNames(foreignHeaders);
  const second: Array<Promise<Probe>> = [];
  for (const origin of [foreign, 'null']) {
    for (const method of foreignMethods) {
      second.push(
        send(settings, {
          id: `preflight:${method}:${origin}`,
          kind: 'preflight',
          origin,
          method,
          requestHeaders: foreignNames,
          credentials: 'include',
          request: preflightWire(url, origin, method, foreignNames),
        }),
      );
    }
  }

  // WebSocket: asked for, or detected by an answer that offers the upgrade.
  const detected = probes.some((p) => p.response && (p.response.status === 426 || /websocket/i.test(getHeader(p.response.headers, 'upgrade') ?? '')));
  const websocket = settings.canHandshake && (settings.websocket === true || (settings.websocket === 'auto' && detected));
  if (websocket) {
    for (const origin of [trusted, foreign]) {
      const request = handshakeRequest(url, origin, headers);
      second.push(
        settings.scheduler
          .run(() => sendHandshake(request, { timeoutMs: settings.timeoutMs, insecure: settings.insecure }))
          .then(
            (response): Probe => ({ id: `websocket:${origin}`, kind: 'websocket', origin, ...(origin === trusted ? { basis: trusted } : {}), request, response }),
            (error: unknown): Probe => ({ id: `websocket:${origin}`, kind: 'websocket', origin, request, error: error instanceof Error ? error.message : String(error) }),
          ),
      );
    }
  }
  const more = await Promise.all(second);
  for (const p of more) {
    if (p.kind !== 'preflight') continue;
    p.judgement = await judgePreflight({ url, origin: p.origin!, method: p.method!, headers: foreignHeaders }, p.response, 'include');
  }
  return { probes: [...probes, ...more], probeMethod, unreachable: false, error: null, advertisedMethods: [...advertised], websocket };
}

export type { WireResponse };
